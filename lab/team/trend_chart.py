"""The team overview's weekly TNPS chart with its table of numbers, built in Python.

What the template's macro printed, character for character (numbers as Jinja printed
them: str() of the same arithmetic): eight weeks of whiskers, dots and labels were the
largest part of the overview's rendering as a macro, a quarter of it.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from lab.dashboard.present import week_label
from lab.i18n import gettext
from lab.tnps.periods import TrendPoint

W, H, LEFT, TOP, BOTTOM = 360, 170, 40, 10, 140


def _text(string: str) -> str:
    """A catalogue string as the templates' _() prints it ("%%" reads "%")."""
    text = gettext(string)
    return text % {} if "%" in text else text


def _y(value: float) -> float:
    return TOP + (100 - value) / 200 * (BOTTOM - TOP)


def trend_chart(weeks: list[TrendPoint], title: str) -> Markup:
    """The chart's figure (an SVG) and the details table beside it."""
    step = (W - LEFT - 10) / max(len(weeks) - 1, 1)
    parts = ['\n\n<figure class="chart">\n'
             f'<svg viewBox="0 0 {W} {H}" role="img" aria-labelledby="trend-title" '
             'class="chart-svg">\n'
             f'  <title id="trend-title">{escape(title)}</title>\n  ']
    for tick in (-100, 0, 100):
        y = _y(tick)
        parts.append(
            f'\n  <line x1="{LEFT}" x2="{W - 10}" y1="{y}" y2="{y}" '
            f'class="grid-line{" zero" if tick == 0 else ""}"/>\n'
            f'  <text x="{LEFT - 6}" y="{y + 4}" text-anchor="end" class="axis-label">'
            f'{f"{tick:+d}" if tick else "0"}</text>\n  ')
    parts.append("\n  ")
    last = len(weeks) - 1
    for index, point in enumerate(weeks):
        x = LEFT + index * step
        parts.append("\n  ")
        if point.tnps is not None:
            parts.append(
                f'\n  <line x1="{x}" x2="{x}" y1="{_y(point.ci_high)}" y2="{_y(point.ci_low)}"'
                ' class="whisker"/>\n'
                f'  <circle cx="{x}" cy="{_y(point.tnps)}" r="4" class="dot"/>\n  ')
        parts.append("\n  ")
        if index % 2 == 0 or index == last:
            parts.append(f'<text x="{x}" y="{H - 12}" text-anchor='
                         f'"{"end" if index == last else "middle"}" class="axis-label">'
                         f'{point.key.strftime("%d.%m")}</text>')
        parts.append("\n  ")
    caption = _text("Dots: weekly TNPS; lines: its 95%% interval. Weeks without answers "
                    "have no dot.")
    parts.append(
        "\n</svg>\n"
        f'<figcaption class="small muted">{caption}</figcaption>\n'
        "</figure>\n"
        '<details class="small">\n'
        f'  <summary>{_text("The numbers")}</summary>\n'
        "  <table>\n"
        f'    <thead><tr><th scope="col">{_text("Week")}</th><th scope="col">n</th>'
        f'<th scope="col">TNPS</th><th scope="col">{_text("95%% interval")}</th></tr></thead>\n'
        "    <tbody>")
    for point in weeks:
        tnps = "—" if point.tnps is None else f"{point.tnps:+.0f}"
        interval = f"{point.ci_low:+.0f}…{point.ci_high:+.0f}" if point.tally.n else "—"
        parts.append(f"<tr><td>{escape(week_label(point.key))}</td><td>{point.tally.n}</td>"
                     f"<td>{tnps}</td><td>{interval}</td></tr>")
    parts.append("</tbody>\n  </table>\n</details>")
    return Markup("".join(parts))  # noqa: S704 (our own markup and catalogue, the rest escaped)
