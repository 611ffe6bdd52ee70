"""My TNPS's weekly trend as markup: the chart's grid, lines and dots, and its table."""

from __future__ import annotations

from markupsafe import Markup, escape

from lab.dashboard.present import _week_label, locale, short_month, signed
from lab.i18n import gettext

# The weekly trend's dots and table: some 27 weeks, each printed twice with a label and
# three or four signed numbers. As Jinja loops they were ~200 template calls, a fifth of
# the page's rendering; here they are one call each, giving the same text.

def trend_dots(dots) -> Markup:
    """The chart's dots (charts.Dot), each with its week, TNPS and n as a tooltip."""
    lang = locale()
    return Markup("".join(  # noqa: S704 (numbers and escaped labels only)
        f'<circle class="dot" cx="{dot.x}" cy="{dot.y}" r="4"><title>'
        f"{escape(_week_label(dot.point.key, lang))}: {signed(dot.point.tnps)} "
        f"(n = {dot.point.tally.n})</title></circle>" for dot in dots))


def trend_grid(chart) -> Markup:
    """The chart's grid and ticks, bands and lines (charts.TrendChart), as the template's
    five loops printed them."""
    left, right = chart.plot_left, chart.plot_right
    grid = "".join(
        f'\n      <line class="{"grid-zero" if value == 0 else "grid"}" x1="{left}" '
        f'x2="{right}" y1="{y}" y2="{y}"></line>\n      <text class="tick" x="{left - 6}" '
        f'y="{y + 5}" text-anchor="end">{signed(value) if value else "0"}</text>\n      '
        for y, value in chart.y_ticks)
    months = "".join(
        f'<text class="tick" x="{x}" y="{chart.height - 8}" text-anchor="middle">'
        f"{escape(short_month(day))}</text>" for x, day in chart.x_ticks)
    bands = "".join(f'<path class="band" d="{escape(d)}"></path>' for d in chart.bands)
    team = "".join(f'<path class="team-line" d="{escape(d)}"></path>' for d in chart.team_lines)
    lines = "".join(f'<path class="line" d="{escape(d)}"></path>' for d in chart.lines)
    return Markup(  # noqa: S704 (numbers, and escaped names and paths)
        f"{grid}\n      {months}\n      {bands}\n      {team}\n      {lines}")


def trend_rows(trend, team_trend, partial: bool) -> Markup:
    """The trend table's rows: week, n, TNPS, its interval, the team's TNPS beside it;
    the last row marked "so far" while its week runs (`partial`)."""
    lang = locale()
    so_far = Markup(gettext("so far")) % {}  # noqa: S704 (as the template's _() gives it)
    rows = []
    last = len(trend) - 1
    for index, point in enumerate(trend):
        running = partial and index == last
        n = point.tally.n
        rows.append(
            ('<tr class="partial" data-partial-row><td>' if running else "<tr><td>")
            + str(escape(_week_label(point.key, lang)))
            + (f' <span class="tag">{so_far}</span>' if running else "")
            + f"</td><td>{n}</td><td>{signed(point.tnps)}</td><td>"
            + (f"{signed(point.ci_low)} … {signed(point.ci_high)}" if n else "—") + "</td>"
            + (f"<td>{signed(team_trend[index].tnps)}</td>" if team_trend else "")
            + "</tr>")
    return Markup("".join(rows))  # noqa: S704 (numbers and escaped labels only)
