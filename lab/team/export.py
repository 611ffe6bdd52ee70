"""The team overview as CSV: the same rows and scoping as the page."""

from __future__ import annotations

import io

from lab.system.csvsafe import STANDARD, Dialect, SafeWriter
from lab.team.overview import DIMENSIONS, AgentRow

COLUMNS = ("login", "name", "passed", "sectors", "loyalty_code", *DIMENSIONS, "n",
           "promoters", "passives", "detractors", "tnps", "ci_low", "ci_high", "enough_data",
           "detractors_7d", "overdue_sectors", "flags")


def overview_csv(rows: list[AgentRow], dialect: Dialect = STANDARD) -> str:
    """One line per agent; TNPS and bounds empty without answers, enough_data says n >= min.
    UTF-8 with a BOM; the dialect sets the separator and the decimal mark."""
    out = io.StringIO()
    writer = SafeWriter(out, dialect)  # formulas in names are quoted
    _num = dialect.number
    writer.writerow(COLUMNS)
    for row in rows:
        data = row.live.to_row("agent", row.agent.login)
        writer.writerow((
            row.agent.login, row.agent.name, row.passed, len(row.progress.states),
            _num(row.code), *(_num(row.dimensions[d]) for d in DIMENSIONS),
            data["n"], data["promoters"], data["passives"], data["detractors"],
            _num(data["tnps"]), _num(data["ci_low"]), _num(data["ci_high"]),
            "yes" if row.live.enough_data else "no", row.recent_detractors, row.overdue,
            " ".join(row.flags)))
    return out.getvalue()
