"""How well the fairness flags tell gamed agents from honest ones, at a month's volume.

Run: python bench/bench_fairness.py [--honest 100] [--gamed 10] [--seeds 1]. Prints plain
numbers; not a test. Simulates teams of ten honest agents plus gamed ones (steering and
begging, one of each per team while they last) over 90 days, judges the last 30 days
against the rest of the team and the agent's own 60 days before (and the last 15 days
against the 15 before, for the jump near a bonus tier), and prints the share of
honest agents flagged (target <= 5%) and the share of gamed agents found, by the sign of
their own kind (target >= 90%).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lab.fairness.signals import BEGGING, STEERING, Counts, judge  # noqa: E402
from lab.surveys.domain import Valid, validate_row  # noqa: E402
from lab.surveys.simulate import Simulator  # noqa: E402
from lab.surveys.topics import ASKED_SCORE, topics_of  # noqa: E402
from lab.tnps.bonus import DEFAULT_SCHEME  # noqa: E402
from lab.tnps.tally import Tally  # noqa: E402

TZ = ZoneInfo("Europe/Moscow")
DAYS, RECENT = 90, 30


def _add(counts: dict, key, channel: str, score: int, comment: str | None) -> None:
    held = counts[key]
    one = Tally.from_scores([score])
    ivr, sms = (held.ivr + one, held.sms) if channel == "ivr" else (held.ivr, held.sms + one)
    counts[key] = Counts(ivr, sms, held.silent_tens + (score == 10 and not comment),
                         held.asked + (ASKED_SCORE in topics_of(comment or "")))


def run(honest: int, gamed: int, seed: int) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Every agent's kind and raised flags for one simulated centre."""
    logins = [f"honest{i}" for i in range(honest)]
    steer = [f"steer{i}" for i in range(gamed)]
    beg = [f"beg{i}" for i in range(gamed)]
    teams: dict[str, int] = {login: i // 10 for i, login in enumerate(logins)}
    for i, login in enumerate(steer + beg):
        teams[login] = i % max(1, honest // 10)
    everyone = logins + steer + beg
    now = datetime(2026, 11, 30, 20, tzinfo=UTC)
    rows = Simulator(everyone, TZ, seed=seed, steering=steer, begging=beg).history(DAYS, now)
    split = (now - timedelta(days=RECENT)).astimezone(TZ).date()
    middle = split + timedelta(days=RECENT // 2)
    recent: dict = defaultdict(Counts)
    past: dict = defaultdict(Counts)
    halves: dict = defaultdict(lambda: [Tally(), Tally()])
    known = set(everyone)
    for raw in rows:
        verdict = validate_row(raw, known)
        if not isinstance(verdict, Valid) or verdict.response.late:
            continue
        item = verdict.response
        day = item.call_ended_at.astimezone(TZ).date()
        target = recent if day > split else past
        _add(target, item.agent_login, item.channel.value, item.score, item.comment)
        if day > split:
            halves[item.agent_login][day > middle] += Tally.from_scores([item.score])
    team_totals: dict[int, Counts] = defaultdict(Counts)
    for login in everyone:
        team_totals[teams[login]] = team_totals[teams[login]] + recent[login]
    found: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    for login in everyone:
        kind = "honest" if login in logins else STEERING if login in steer else BEGGING
        verdict = judge(recent[login], team_totals[teams[login]], past[login],
                        halves=tuple(halves[login]), tiers=[t for t, _ in DEFAULT_SCHEME.tiers])
        found[kind].append((login, verdict.raised))
    answers = [recent[login].n for login in everyone]
    found["_n"] = [("median answers in 30 days", (str(sorted(answers)[len(answers) // 2]),))]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--honest", type=int, default=100)
    parser.add_argument("--gamed", type=int, default=10, help="of each kind")
    parser.add_argument("--seeds", type=int, default=1, help="centres simulated, seeds 1..N")
    args = parser.parse_args()
    started = time.perf_counter()
    honest_total = honest_flagged = gamed_total = gamed_found = 0
    by_kind: dict[str, list[int]] = {STEERING: [0, 0], BEGGING: [0, 0]}
    for seed in range(1, args.seeds + 1):
        found = run(args.honest, args.gamed, seed)
        print(f"seed {seed}: {found['_n'][0][0]} {found['_n'][0][1][0]}")
        for _login, raised in found["honest"]:
            honest_total += 1
            honest_flagged += bool(raised)
        for kind in (STEERING, BEGGING):
            for _login, raised in found[kind]:
                gamed_total += 1
                gamed_found += kind in raised
                by_kind[kind][0] += kind in raised
                by_kind[kind][1] += 1
    print(f"honest agents flagged: {honest_flagged}/{honest_total} = "
          f"{100 * honest_flagged / max(1, honest_total):.1f}% (target <= 5%)")
    print(f"gamed agents found:    {gamed_found}/{gamed_total} = "
          f"{100 * gamed_found / max(1, gamed_total):.1f}% (target >= 90%)")
    for kind, (hit, total) in by_kind.items():
        print(f"  {kind}: {hit}/{total}")
    print(f"({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
