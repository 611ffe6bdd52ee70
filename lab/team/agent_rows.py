"""The team overview's table of agents, its rows built in Python.

Each agent's row is some twenty cells of branches, two macros and a loop of stars per
passed sector: in Jinja the rows were over a third of the overview's rendering. The
markup is what the template printed, character for character; labels come from our
catalogue, names and URLs are escaped.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup, escape

from lab.i18n import gettext, ngettext
from lab.team.figures import DIMENSIONS
from lab.team.flags import BELOW_TEAM, DETRACTORS
from lab.team.overview import AgentRow
from lab.tnps.summary import Summary
from lab.training.progress import SectorState


def _text(string: str, **variables) -> str:
    """A catalogue string as the templates' _() prints it: always %-formatted (so "%%"
    reads "%"), the variables escaped."""
    return str(Markup(gettext(string)) % variables)  # noqa: S704 (our own catalogue)


def live_tnps(summary: Summary, min_n: int) -> str:
    """A live TNPS with its n and 95% interval, or why there is none (the macro
    live_tnps of team/_macros.html, which the team's own figure still uses)."""
    if summary.tally.n == 0:
        return f'<span class="muted">{_text("no answers")}</span>'
    if not summary.enough_data:
        return (f'<span class="muted">{_text("not enough data")}</span> <span class="small '
                f'muted">(n={summary.tally.n} &lt; {min_n})</span>')
    return (f'<strong class="tnps-value">{summary.tnps:+.0f}</strong> <span class="small '
            f'muted">[{summary.ci_low:+.0f}…{summary.ci_high:+.0f}] n={summary.tally.n}</span>')


def _flag(flag: str, row: AgentRow) -> str:
    if flag == BELOW_TEAM:
        return _text("TNPS below the team")
    if flag == DETRACTORS:
        return ngettext("%(num)d detractor of %(total)d answers in 7 days",
                        "%(num)d detractors of %(total)d answers in 7 days",
                        row.recent_detractors, total=row.recent_n)
    return ngettext("%(num)d assignment overdue", "%(num)d assignments overdue", row.overdue)


def _stars(count: int) -> str:
    return "".join(f'<span class="{"on" if index < count else "off"}" aria-hidden="true">'
                   "★</span>" for index in range(3))


def _cells(states: list[SectorState], labels: dict[str, str]) -> str:
    found = []
    for state in states:
        status = state.status
        if status == "passed":
            code = "" if state.best_code is None else f"{state.best_code:+.0f}"
            inner = (f'<span class="stars small-stars" aria-label="'
                     f'{_text("%(n)d of 3 stars", n=state.stars)}">{_stars(state.stars)}'
                     f'</span> <span class="small">{code}</span>')
        else:
            inner = labels.get(status, labels["locked"])
        found.append(f'\n      <td class="state-{escape(status)}">{inner}</td>\n      ')
    return "".join(found)


def agent_rows(rows: list[AgentRow], team_id: int, days: int, min_n: int,
               url_for: Callable[..., str]) -> Markup:
    """The table's rows: name, each sector's state, done, code, dimensions, live TNPS and
    the reasons the agent needs help (`url_for`: the templates' own)."""
    labels = {"in_progress": f'<span class="small">{_text("in progress")}</span>',
              "open": f'<span class="small">{_text("open")}</span>',
              "locked": f'<span class="muted small">{_text("locked")}</span>'}
    needs_help = ' class="needs-help"'
    deactivated = f' <span class="muted small">({_text("deactivated")})</span>'
    found = []
    for row in rows:
        agent = row.agent
        link = escape(url_for("team.agent", team_id=team_id, agent_id=agent.id, days=days))
        code = "—" if row.code is None else f"{row.code:+.0f}"
        dims = "".join("<td>—</td>" if row.dimensions[d] is None
                       else f"<td>{row.dimensions[d]:.0f}</td>" for d in DIMENSIONS)
        flags = "".join(f'<span class="tag flag flag-{escape(flag)}">{_flag(flag, row)}</span> '
                        for flag in row.flags)
        found.append(
            f'\n    <tr{needs_help if row.flags else ""}>\n'
            f'      <th scope="row"><a href="{link}">{escape(agent.name)}</a>'
            f'{"" if agent.active else deactivated}</th>\n      '
            f"{_cells(row.progress.states, labels)}\n"
            f"      <td>{row.passed}/{len(row.progress.states)}</td>\n"
            f"      <td>{code}</td>\n"
            f"      {dims}\n"
            f'      <td class="live">{live_tnps(row.live, min_n)}</td>\n'
            f'      <td class="flags">{flags}</td>\n'
            "    </tr>\n    ")
    return Markup("".join(found))  # noqa: S704 (our own markup and catalogue, the rest escaped)
