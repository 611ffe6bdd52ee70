"""The signs of a gamed live TNPS, per agent: plain rules over counts, no Flask.

Channel steering (the agent ends the call on pleased customers, who get the IVR survey
at once, and lets unhappy ones hang up, who get an SMS a day later) shows as a high IVR
share of answers and a wide gap between IVR and SMS TNPS. Begging ("10s are good")
shows as a promoter share or a share of 10s without a comment far above the team's, and
as customers saying they were asked. Each is checked against the rest of the team and
against the agent's own earlier period; a check hits only when the difference is
significant at the flag level *and* large, and never on fewer than MIN_N answers.
A flag is a reason for a lead to look, never a change to anyone's money.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from lab.fairness.stats import MIN_N, Difference, Gap, gap_difference, two_proportions
from lab.tnps.tally import Tally, tnps

STEERING, BEGGING = "steering", "begging"
KINDS = (STEERING, BEGGING)
# How large a difference must be to matter, beside being certain. Agents' habits differ
# honestly (some end more calls than others), so a share must differ by a lot.
MIN_SHARE_POINTS = 20.0
MIN_GAP_POINTS = 30.0
# Two customers saying the agent asked for the score is a pattern, one is an anecdote.
MIN_ASKED = 2
# A bonus tier "comes near" when the earlier half's TNPS is at most this far below it.
NEAR_TIER_POINTS = 10.0

IVR_SHARE_TEAM, IVR_SHARE_PAST = "ivr_share_team", "ivr_share_past"
GAP_TEAM, GAP_PAST = "gap_team", "gap_past"
PROMOTERS_TEAM, SILENT_TENS_TEAM, SILENT_TENS_PAST = (
    "promoters_team", "silent_tens_team", "silent_tens_past")
ASKED = "asked"
TIER_JUMP = "tier_jump"
CHECKS = {
    STEERING: (IVR_SHARE_TEAM, IVR_SHARE_PAST, GAP_TEAM, GAP_PAST),
    BEGGING: (PROMOTERS_TEAM, SILENT_TENS_TEAM, SILENT_TENS_PAST, ASKED, TIER_JUMP),
}


@dataclass(frozen=True)
class Counts:
    """Counted answers of one agent (or a team) over a period."""

    ivr: Tally = Tally()
    sms: Tally = Tally()
    silent_tens: int = 0  # 10s without a comment
    asked: int = 0  # comments saying the agent asked for the score

    @property
    def total(self) -> Tally:
        return self.ivr + self.sms

    @property
    def n(self) -> int:
        return self.total.n

    @property
    def gap(self) -> Gap:
        return Gap(self.ivr, self.sms)

    def __radd__(self, other: object) -> Counts:
        return self if other == 0 else NotImplemented  # type: ignore[return-value]

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.ivr + other.ivr, self.sms + other.sms,
                      self.silent_tens + other.silent_tens, self.asked + other.asked)

    def __sub__(self, other: Counts) -> Counts:
        def minus(a: Tally, b: Tally) -> Tally:
            return Tally(max(0, a.promoters - b.promoters), max(0, a.passives - b.passives),
                         max(0, a.detractors - b.detractors))
        return Counts(minus(self.ivr, other.ivr), minus(self.sms, other.sms),
                      max(0, self.silent_tens - other.silent_tens),
                      max(0, self.asked - other.asked))


@dataclass(frozen=True)
class Check:
    """One comparison behind a flag: what was compared, the numbers, and whether it hit."""

    name: str
    hit: bool
    difference: Difference | None = None  # None for the count of 'asked' comments
    count: int = 0
    tier: float | None = None  # TIER_JUMP: the bonus tier that was near, if one was


@dataclass(frozen=True)
class Flag:
    """A sign of one kind for one agent, with every check behind it (hits or not)."""

    kind: str
    checks: tuple[Check, ...]

    @property
    def raised(self) -> bool:
        return any(check.hit for check in self.checks)

    @property
    def hits(self) -> tuple[Check, ...]:
        return tuple(check for check in self.checks if check.hit)


@dataclass(frozen=True)
class Verdict:
    """Both kinds of sign for one agent over one period."""

    mine: Counts
    enough_data: bool
    flags: dict[str, Flag] = field(default_factory=dict)

    @property
    def raised(self) -> tuple[str, ...]:
        return tuple(kind for kind in KINDS if kind in self.flags and self.flags[kind].raised)


def _share(name: str, x_a: int, n_a: int, x_b: int, n_b: int, min_n: int,
           min_points: float = MIN_SHARE_POINTS) -> Check:
    found = two_proportions(x_a, n_a, x_b, n_b, min_n=min_n)
    big = found.diff is not None and found.diff >= min_points
    return Check(name, found.significant and big, found)


def _gap(name: str, a: Counts, b: Counts, min_n: int) -> Check:
    found = gap_difference(a.gap, b.gap, min_n=min_n)
    big = found.diff is not None and found.diff >= MIN_GAP_POINTS
    return Check(name, found.significant and big, found)


# An IVR share above the comparator counts only when the IVR-SMS gap is above it too,
# at 99%: ending more calls first is a habit some honest agents have; steering shows
# when the IVR customers are also the happier ones.
SUPPORT_Z = 2.58


def _supported(share: Check, gap: Check) -> Check:
    found = gap.difference
    backed = found is not None and found.diff is not None and found.diff > 0 \
        and found.z >= SUPPORT_Z
    return Check(share.name, share.hit and backed, share.difference)


def steering(mine: Counts, team: Counts, past: Counts, min_n: int = MIN_N) -> Flag:
    """The IVR share and the IVR-SMS gap, against the team and the agent's past."""
    gap_team, gap_past = _gap(GAP_TEAM, mine, team, min_n), _gap(GAP_PAST, mine, past, min_n)
    return Flag(STEERING, (
        _supported(_share(IVR_SHARE_TEAM, mine.ivr.n, mine.n, team.ivr.n, team.n, min_n),
                   gap_team),
        _supported(_share(IVR_SHARE_PAST, mine.ivr.n, mine.n, past.ivr.n, past.n, min_n),
                   gap_past),
        gap_team,
        gap_past,
    ))


def tier_jump(earlier: Tally, later: Tally, tiers: Sequence[float],
              min_n: int = MIN_N) -> Check:
    """The promoter share of the later half against the earlier one, counted only when the
    earlier half's TNPS sat just under a bonus tier: a sudden jump as a threshold nears."""
    found = two_proportions(later.promoters, later.n, earlier.promoters, earlier.n,
                            min_n=min_n)
    before = tnps(earlier)
    near = [tier for tier in sorted(tiers)
            if before is not None and 0 < tier - before <= NEAR_TIER_POINTS]
    tier = near[0] if near else None
    big = found.diff is not None and found.diff >= MIN_SHARE_POINTS
    return Check(TIER_JUMP, tier is not None and found.significant and big, found, tier=tier)


def begging(mine: Counts, team: Counts, past: Counts, min_n: int = MIN_N,
            halves: tuple[Tally, Tally] | None = None, tiers: Sequence[float] = ()
            ) -> Flag:
    """Promoters and silent 10s against the team (and the past); customers saying so;
    a jump in promoters once a bonus tier came near."""
    asked = mine.asked >= MIN_ASKED and mine.n >= min_n
    jump = () if halves is None else (tier_jump(halves[0], halves[1], tiers, min_n),)
    return Flag(BEGGING, (
        _share(PROMOTERS_TEAM, mine.total.promoters, mine.n, team.total.promoters, team.n,
               min_n),
        _share(SILENT_TENS_TEAM, mine.silent_tens, mine.n, team.silent_tens, team.n, min_n),
        _share(SILENT_TENS_PAST, mine.silent_tens, mine.n, past.silent_tens, past.n, min_n),
        Check(ASKED, asked, None, mine.asked),
        *jump,
    ))


def judge(mine: Counts, team_with_me: Counts, past: Counts, min_n: int = MIN_N,
          halves: tuple[Tally, Tally] | None = None, tiers: Sequence[float] = ()) -> Verdict:
    """Both signs for one agent; the team is compared without the agent's own answers.
    `halves` are the agent's earlier and later half of the period, `tiers` the bonus
    scheme's minimum TNPS per tier (for the jump near a tier)."""
    team = team_with_me - mine
    if mine.n < max(1, min_n):
        return Verdict(mine, False)
    return Verdict(mine, True, {STEERING: steering(mine, team, past, min_n),
                                BEGGING: begging(mine, team, past, min_n, halves, tiers)})
