"""Print the blind brief for a corpus author: only what an agent sees in the Lab.

    python scripts/corpus_brief.py SECTOR_ID LANG > brief.txt

The brief holds the sector's situation, customer card and allowed actions, and for each
trial the customer's messages up to that step with the mood. It never holds the rubric,
the model answer, Eva's hints or warnings, the customer's reactions or the Codex: an author
who has read those writes the rubric's words, and agreement on them measures nothing.
"""

from __future__ import annotations

import sys

from lab.content import load_sectors


def brief(sector_id: str, lang: str) -> str:
    """The allowed fields of one sector in one language, as plain text."""
    sector = next(s for s in load_sectors() if s.id == sector_id)
    lines = [f"SECTOR: {sector.title.get(lang)}", "", "SITUATION:",
             sector.briefing.situation.get(lang), "", "CUSTOMER CARD:"]
    lines += [f"- {row.label.get(lang)}: {row.value.get(lang)}"
              for row in sector.briefing.customer_card]
    lines += ["", "WHAT THE AGENT MAY DO:"]
    lines += [f"- {item.get(lang)}" for item in sector.briefing.allowed]
    for trial in sector.trials:
        lines += ["", f"STEP {trial.step} (customer's mood now: {trial.mood})"]
        for earlier in sector.trials[: trial.step - 1]:
            lines.append(f"  earlier, customer (step {earlier.step}): "
                         f"{earlier.customer.get(lang)}")
            lines.append("  earlier, agent: (replied to it)")
        lines.append(f"  customer now: {trial.customer.get(lang)}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[2] not in ("ru", "en"):
        sys.exit("usage: python scripts/corpus_brief.py SECTOR_ID ru|en")
    sys.stdout.write(brief(sys.argv[1], sys.argv[2]))
