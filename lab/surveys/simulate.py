"""A realistic survey feed for demos, tests and benchmarks, written into the store.

Per agent and shift: calls; whoever hangs up first decides the survey (agent -> IVR at
once, customer -> SMS within a day); SMS is answered about twice as often; answers fall
mostly inside the windows, a few outside; agents differ in skill; comments by topic in
Russian and English; and a few bad rows, as real platforms write them.

Two kinds of gamed agent can be added, to measure what the fairness flags find:
a *steering* agent hangs up first when the customer is pleased (an IVR survey at once)
and lets an unhappy one hang up (an SMS a day later); a *begging* agent asks for a 10,
so many customers give one, mostly without a comment, and a few say so.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from lab.surveys.comments import ASKED_COMMENTS, COMMENTS, TOPICS

IVR_ANSWER_RATE = 0.10
SMS_ANSWER_RATE = 0.20  # twice the IVR's: people answer a text when it suits them
COMMENT_RATE = 0.4
ENGLISH_SHARE = 0.2
DISMISSED_RATE = 0.02
BAD_ROW_RATE = 0.01
BAD_KINDS = ("score_6.5", "score_8.5", "score_11", "score_-1", "unknown_agent", "no_offset")
STEERING, BEGGING = "steering", "begging"
# A steering agent ends the call on most pleased customers and on few unhappy ones.
STEER_IVR_PLEASED, STEER_IVR_UNHAPPY = 0.85, 0.10
# A begging agent's ask moves this share of customers who were not furious to a 10;
# they seldom add a comment, and some of those who do say they were asked.
BEG_RATE, BEGGED_COMMENT_RATE, BEGGED_SAY_SO = 0.6, 0.15, 0.5


@dataclass(frozen=True)
class Agent:
    """A simulated agent: skill moves their scores, habits move who hangs up first."""

    login: str
    skill: float  # 0 (struggling) .. 1 (star)
    hangs_up_first: float  # chance the agent ends the call, sending the customer to IVR
    gaming: str | None = None  # STEERING, BEGGING or None (honest)


class Simulator:
    """Survey rows for a set of agents, reproducible from a seed."""

    def __init__(self, logins: Sequence[str], tz: tzinfo, seed: int | None = None,
                 steering: Collection[str] = (), begging: Collection[str] = (),
                 customers: int | None = None) -> None:
        self.rng = random.Random(seed)
        # Customer keys (phone numbers from a pool of `customers`), drawn from their own
        # generator so the rest of the feed is the same with or without them.
        self.customers = customers
        self._customer_rng = random.Random(None if seed is None else seed + 1)
        self.tz = tz
        agents = [Agent(login, self.rng.betavariate(2.5, 2), self.rng.uniform(0.35, 0.65))
                  for login in logins]
        # Set after the draws, so honest agents are the same with or without gamed ones.
        self.agents = [replace(agent, gaming=STEERING if agent.login in steering else
                               BEGGING if agent.login in begging else None)
                       for agent in agents]

    def _id(self, prefix: str) -> str:
        return f"{prefix}-{self.rng.getrandbits(64):016x}"

    def _score(self, agent: Agent, channel: str) -> int:
        # A customer who hung up on us (SMS) is a little harder to please.
        promoter = 0.42 + 0.38 * agent.skill - (0.05 if channel == "sms" else 0)
        detractor = max(0.04, 0.26 - 0.2 * agent.skill + (0.04 if channel == "sms" else 0))
        roll = self.rng.random()
        if roll < promoter:
            return self.rng.choices((9, 10), (2, 3))[0]
        if roll < promoter + detractor:
            return self.rng.choices(range(7), (6, 2, 2, 3, 4, 6, 7))[0]
        return self.rng.choice((7, 8))

    def _comment(self, score: int) -> str | None:
        if self.rng.random() > (COMMENT_RATE + (0.2 if score <= 6 else 0)):
            return None
        if score >= 9:
            topic = "praise" if self.rng.random() < 0.85 else self.rng.choice(TOPICS[:3])
        elif score <= 6:
            topic = self.rng.choices(TOPICS[:4], (4, 3, 2, 2))[0]
        else:
            topic = self.rng.choice(TOPICS)
        language = "en" if self.rng.random() < ENGLISH_SHARE else "ru"
        return self.rng.choice(COMMENTS[topic][language])

    def _times(self, channel: str, ended: datetime) -> tuple[datetime | None, datetime]:
        rng = self.rng
        if channel == "ivr":
            late = rng.random() < 0.03
            delay = rng.uniform(11, 40) * 60 if late else rng.uniform(15, 240)
            return None, ended + timedelta(seconds=delay)
        sent = ended + timedelta(hours=rng.uniform(25, 30) if rng.random() < 0.02
                                 else rng.uniform(0.02, 20))
        wait = rng.uniform(25, 40) if rng.random() < 0.04 else min(rng.expovariate(1 / 3), 23.9)
        return sent, sent + timedelta(hours=wait)

    def _steered(self, agent: Agent) -> tuple[str, int]:
        """A steering agent's call: the outcome first, then who hangs up decides the channel."""
        score = self._score(agent, "ivr")
        ivr = (STEER_IVR_PLEASED if score >= 9 else STEER_IVR_UNHAPPY if score <= 6
               else agent.hangs_up_first)
        return ("ivr" if self.rng.random() < ivr else "sms"), score

    def survey(self, agent: Agent, ended: datetime) -> dict[str, object] | None:
        """The survey row one call leaves in the store, or None when nobody answered."""
        score = None
        if agent.gaming == STEERING:
            channel, score = self._steered(agent)
        else:
            channel = "ivr" if self.rng.random() < agent.hangs_up_first else "sms"
        if self.rng.random() >= (IVR_ANSWER_RATE if channel == "ivr" else SMS_ANSWER_RATE):
            return None
        sent, answered = self._times(channel, ended)
        return self.row(agent, channel, ended, sent, answered, score)

    def _begged(self, score: int) -> tuple[int, str | None] | None:
        """What a begging agent's customer answers instead, or None when the ask failed."""
        if score < 5 or self.rng.random() >= BEG_RATE:
            return None
        if self.rng.random() >= BEGGED_COMMENT_RATE:
            return 10, None
        if self.rng.random() < BEGGED_SAY_SO:
            language = "en" if self.rng.random() < ENGLISH_SHARE else "ru"
            return 10, self.rng.choice(ASKED_COMMENTS[language])
        return 10, self.rng.choice(COMMENTS["praise"]["ru"])

    def row(self, agent: Agent, channel: str, ended: datetime, sent: datetime | None,
            answered: datetime, score: int | None = None) -> dict[str, object]:
        """One answered survey as the platform writes it (now and then a bad one)."""
        if score is None:
            score = self._score(agent, channel)
        comment = self._comment(score)
        if agent.gaming == BEGGING:
            begged = self._begged(score)
            if begged is not None:
                score, comment = begged
        row: dict[str, object] = {
            "response_id": self._id(channel), "call_id": self._id("call"),
            "agent_login": agent.login, "channel": channel,
            # The IVR writes local time; the SMS gateway writes UTC. Both with offsets.
            "call_ended_at": ended.astimezone(self.tz).isoformat(timespec="seconds"),
            "sent_at": sent.astimezone(UTC).isoformat(timespec="seconds") if sent else None,
            "answered_at": (answered.astimezone(self.tz if channel == "ivr" else UTC)
                            .isoformat(timespec="seconds")),
            "score": score, "comment": comment,
        }
        if self.customers:
            row["customer_key"] = f"+79{self._customer_rng.randrange(self.customers):09d}"
        if self.rng.random() < DISMISSED_RATE:
            row.update(score=None, comment=None)
        elif self.rng.random() < BAD_ROW_RATE:
            self._spoil(row)
        return row

    def _spoil(self, row: dict[str, object]) -> None:
        kind = self.rng.choice(BAD_KINDS)
        if kind.startswith("score_"):
            value = float(kind.removeprefix("score_"))
            row["score"] = int(value) if value.is_integer() else value
        elif kind == "unknown_agent":
            row["agent_login"] = self.rng.choice(("agent99", "temp.ivanov", "trainee7"))
        else:
            row["answered_at"] = str(row["answered_at"])[:19]  # the offset cut off

    def day(self, day: date) -> Iterator[tuple[datetime, dict[str, object]]]:
        """(answered_at, row) for every answered call of one local day, all agents."""
        for agent in self.agents:
            if self.rng.random() < 2 / 7:
                continue  # a day off
            start = datetime.combine(day, time(self.rng.choice((8, 9, 10, 12))), tzinfo=self.tz)
            for _ in range(self.rng.randint(35, 55)):
                ended = start + timedelta(seconds=self.rng.uniform(0, 8 * 3600))
                row = self.survey(agent, ended.astimezone(UTC))
                if row is not None:
                    yield self._answered(row), row

    def _answered(self, row: dict[str, object]) -> datetime:
        moment = datetime.fromisoformat(str(row["answered_at"]))
        return moment if moment.tzinfo else moment.replace(tzinfo=self.tz)

    def history(self, days: int, now: datetime) -> list[dict[str, object]]:
        """Rows of the last `days` local days, in the order answers arrived, none in future."""
        today = now.astimezone(self.tz).date()
        found = [pair for offset in range(days, -1, -1)
                 for pair in self.day(today - timedelta(days=offset))]
        return [row for moment, row in sorted(found, key=lambda pair: pair[0]) if moment <= now]

    def live(self, count: int, now: datetime) -> list[dict[str, object]]:
        """Rows answered just now: IVR right after its call, SMS hours after theirs."""
        rows = []
        for _ in range(count):
            agent = self.rng.choice(self.agents)
            score = None
            if agent.gaming == STEERING:
                channel, score = self._steered(agent)
                ivr = channel == "ivr"
            else:
                ivr = self.rng.random() < agent.hangs_up_first
            if ivr:
                ended = now - timedelta(seconds=self.rng.uniform(15, 240))
                rows.append(self.row(agent, "ivr", ended, None, now, score))
            else:
                sent = now - timedelta(hours=self.rng.uniform(0.02, 10))
                ended = sent - timedelta(hours=self.rng.uniform(0.02, 12))
                rows.append(self.row(agent, "sms", ended, sent, now, score))
        return rows
