"""How the page's numbers read in the user's language: dates, labels, JSON for the poller."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from flask_babel import get_locale
from markupsafe import Markup, escape

from lab.dashboard import charts
from lab.dashboard.bonus import chance_text
from lab.dashboard.comments import CommentItem
from lab.i18n import gettext
from lab.i18n import lazy_gettext as _l
from lab.tnps.summary import Summary

CATEGORY_LABELS = {"promoter": _l("Promoter"), "passive": _l("Passive"),
                   "detractor": _l("Detractor")}
DIMENSION_LABELS = {"reliability": _l("Reliability"), "empathy": _l("Empathy"),
                    "inspiration": _l("Inspiration")}
CHANNEL_LABELS = {"ivr": _l("IVR"), "sms": _l("SMS")}
TOPIC_LABELS = {"charges": _l("Charges"), "connection": _l("Connection"),
                "tariffs": _l("Tariffs"), "leaving": _l("Leaving"), "service": _l("Service"),
                "asked_score": _l("Asked for a score")}
PERIOD_LABELS = {"all": _l("All time"), "month": _l("This month"),
                 "last_month": _l("Last month"), "90d": _l("Last 90 days")}


def locale() -> str:
    """The language the page is shown in."""
    return str(_page_locale())


def _page_locale() -> Locale:
    """The page's Babel locale itself, for Babel's formatters: given a name instead, they
    parse it again on every date (a view of My TNPS formats some three hundred)."""
    return get_locale() or _RUSSIAN


_RUSSIAN = Locale.parse("ru")


def when(moment: datetime, tz: tzinfo) -> str:
    """A moment as the user reads it, in the centre's zone: 21 Nov 2026, 14:05."""
    return _stamp(moment.astimezone(tz), _short_months(_page_locale()))


def _stamp(local: datetime, months) -> str:
    # What format_datetime(local, "d MMM y, HH:mm") prints, without Babel parsing and
    # walking the pattern for each of the page's twenty comments.
    return f"{local.day} {months[local.month]} {local.year}, {local.hour:02d}:{local.minute:02d}"


def _short_months(found: Locale):
    """The locale's abbreviated month names as a date uses them (Babel's "MMM")."""
    return found.months["format"]["abbreviated"]


def call_when(item: CommentItem, tz: tzinfo) -> str:
    """The call's moment, which the period filter counts by, and the answer's day when it
    came on another day: 'call 30 Nov 2026, 23:40 · answered 1 Dec'."""
    return _call_when(item, tz, _short_months(_page_locale()), gettext("call %(when)s"),
                      gettext("answered %(day)s"))


def _call_when(item: CommentItem, tz: tzinfo, months, call: str, answered: str) -> str:
    """call_when with the month names and the two phrases looked up by the caller: a
    list of twenty comments looks them up once, not forty times."""
    ended = item.call_ended_at.astimezone(tz)
    text = call % {"when": _stamp(ended, months)}
    answer = item.answered_at.astimezone(tz)
    if answer.date() == ended.date():
        return text
    return text + " · " + answered % {"day": f"{answer.day} {months[answer.month]}"}


def _text(string: str, **variables) -> Markup:
    """A catalogue string as the templates' _() gives it: Markup, always %-formatted (so
    "%%" reads "%"), the variables escaped."""
    return Markup(gettext(string)) % variables  # noqa: S704 (our own catalogue)


def options(labels: dict[str, object], chosen: str | None) -> Markup:
    """A filter's <option>s, the chosen one selected (labels printed as Jinja printed the
    lazy strings: not escaped)."""
    return Markup("".join(  # noqa: S704 (our own keys and catalogue)
        f'<option value="{escape(key)}"{" selected" if chosen == key else ""}>{label}</option>'
        for key, label in labels.items()))


def comment_items(items: list[CommentItem], tz: tzinfo, window_days: int) -> Markup:
    """The comment list's items, as the template's loop printed them: ~20 comments of a
    dozen fields each were a fifth of the page's rendering in Jinja. The labels are
    resolved once for the page (printed as Jinja printed lazy strings: not escaped); the
    customer's text is escaped."""
    categories = {key: str(label) for key, label in CATEGORY_LABELS.items()}
    channels = {key: str(label) for key, label in CHANNEL_LABELS.items()}
    topics = {key: str(label) for key, label in TOPIC_LABELS.items()}
    detractor = _text("Detractor")
    late = f'<span class="tag tag-late">{_text("late: not counted")}</span>'
    repeat = ""
    if any(item.repeat for item in items):
        repeat = ('<span class="tag tag-late" title="' + str(_text(
            "This customer answered a survey on one of your calls before, within %(days)d "
            "days: only one of their answers counts.", days=window_days))
            + f'">{_text("repeat customer: not counted")}</span>')
    months = _short_months(_page_locale())
    call, answered = gettext("call %(when)s"), gettext("answered %(day)s")
    found = []
    for item in items:
        kind = item.category
        label = categories[kind]
        shown = _call_when(item, tz, months, call, answered)
        word = f'<strong class="cat-word">{detractor}</strong>' if kind == "detractor" \
            else f'<span class="cat-word">{label}</span>'
        found.append(
            f'\n    <li class="comment cat-{kind}{" late" if item.late or item.repeat else ""}"'
            f' data-id="{item.id}">\n      <div class="comment-meta">\n'
            f'        <span class="pill cat-{kind}" title="{label}">{item.score}</span>\n'
            f"        {word}\n"
            f'        <span class="tag">{channels[item.channel]}</span>\n'
            f'        <span class="comment-when" data-when>{escape(shown)}</span>\n'
            "        " + "".join(f'<span class="tag tag-topic">{topics[topic]}</span>'
                                 for topic in item.topics) + "\n"
            f"        {late if item.late else ''}\n"
            f"        {repeat if item.repeat else ''}\n"
            "      </div>\n"
            f'      <p class="comment-text" data-customer>{escape(item.comment)}</p>\n'
            "    </li>\n    ")
    return Markup("".join(found))  # noqa: S704 (labels from our catalogue, the rest escaped)


# Babel's format_date parses its pattern and walks it on every call; these few patterns
# are the locale's month names put together the same way ("LLLL" is the stand-alone wide
# name, "LLL" the stand-alone abbreviated one, "MMM" the abbreviated one inside a date).

def month_name(day: date) -> str:
    """The month's name on its own, as a sentence uses it: November / ноябрь."""
    return _page_locale().months["stand-alone"]["wide"][day.month]  # "LLLL"


def month_title(day: date) -> str:
    """Month and year as a heading: November 2026 / ноябрь 2026."""
    return f"{month_name(day)} {day.year}"  # "LLLL y"


def day_range(first: date, last: date) -> str:
    """Two local days as a range: 2 Nov – 1 Dec / 2 нояб. – 1 дек."""
    months = _short_months(_page_locale())
    return f"{first.day} {months[first.month]} – {last.day} {months[last.month]}"


def week_label(monday: date) -> str:
    """A week by its days, in the user's language: 16–22 Nov 2026 (never "2026-W47")."""
    return _week_label(monday, locale())


@lru_cache(maxsize=4096)
def _week_label(monday: date, locale: str) -> str:
    # Remembered: My TNPS labels some fifty weeks twice a view, the same weeks every time.
    sunday = monday + timedelta(days=6)
    if monday.month == sunday.month:
        return f"{monday.day}–{format_date(sunday, 'd MMM y', locale=locale)}"
    return f"{format_date(monday, 'd MMM', locale=locale)} – " \
        f"{format_date(sunday, 'd MMM y', locale=locale)}"


def short_month(day: date) -> str:
    """A month's short name for an axis: Nov / нояб."""
    return _page_locale().months["stand-alone"]["abbreviated"][day.month]  # "LLL"


# The small pieces the My TNPS templates print dozens of times a page. They were Jinja
# macros, imported "with context" by three templates: each import rebuilt the macro
# module, and each call went through Jinja's macro machinery (about 150 a page). The
# output is the same text.

def signed(value) -> str:
    """A TNPS or code with its sign, no decimals: +12, -3, 0; a dash for none."""
    # %-formatting, as the macro's format filter did: it takes any real number.
    return "—" if value is None else "%+.0f" % value  # noqa: UP031


def tnps_value(summary: Summary, min_n: int | None = None) -> Markup:
    """The headline TNPS in a span whose class says whether it stands on enough data."""
    kind = ("tnps-num" if summary.enough_data else "not-enough") if summary.tally.n else "muted"
    # Concatenated, not Markup.format: the string Formatter cost more than the rest of
    # the function, printed ~15 times a page.
    return Markup(f'<span class="{kind}">{escape(tnps_text(summary))}</span>')  # noqa: S704


def strip(summary: Summary, label: str) -> Markup:
    """A -100..100 strip: the 95% interval as a band, TNPS as a dot; nothing drawn without
    enough data. `label` (escaped here) names it for a screen reader. It was a Jinja
    macro; this gives the same text."""
    drawn = ""
    if summary.tally.n and summary.enough_data:
        low, high = charts.scale(summary.ci_low), charts.scale(summary.ci_high)
        drawn = (f'\n  <rect class="strip-band" x="{low * 2}" y="6" width="{(high - low) * 2}" '
                 f'height="12" rx="3"></rect>\n  <circle class="strip-dot" '
                 f'cx="{charts.scale(summary.tnps) * 2}" cy="12" r="4.5"></circle>\n  ')
    return Markup(  # noqa: S704 (numbers, and the label escaped)
        '<svg class="strip" viewBox="0 0 200 24" preserveAspectRatio="none" role="img" '
        f'aria-label="{escape(label)}">\n'
        '  <line class="strip-axis" x1="0" y1="12" x2="200" y2="12"></line>\n'
        '  <line class="strip-zero" x1="100" y1="3" x2="100" y2="21"></line>\n'
        f"  {drawn}\n</svg>")


_STAR = '<span class="{}" aria-hidden="true">★</span>'
# A practice score's three stars, on or off: four strings, built once.
_STARS = {count: Markup("".join(_STAR.format("on" if i < count else "off")  # noqa: S704
                                for i in range(3))) for count in range(4)}


def stars(count: int) -> Markup:
    """Three stars, `count` of them on (the Jinja loop it replaces printed the same)."""
    found = _STARS.get(count)
    if found is None:  # outside 0..3: as the loop would have drawn it
        return Markup("".join(_STAR.format("on" if i < count else "off")  # noqa: S704
                              for i in range(3)))
    return found


# The bonus scheme's tiers, printed twice a view (the table, the odds of each): as Jinja
# loops some forty template calls. These give the same text.

_CURRENT = ' class="current"'


def tier_rows(tiers, current: int | None) -> Markup:
    """The tier table's rows, highest tier first, the agent's tier marked."""
    here = f' <span class="tag">{_text("you are here")}</span>'
    return Markup("".join(  # noqa: S704 (numbers and our catalogue)
        f'\n          <tr{_CURRENT if index == current else ""}>'
        f"<td>{signed(min_tnps)}</td><td>{percent:g}%{here if index == current else ''}"
        "</td></tr>"
        for index, (min_tnps, percent) in reversed(list(enumerate(tiers)))))


def tier_odds(tiers, chances, current: int | None) -> Markup:
    """Each tier's chance as a list item: its bonus, its TNPS, a bar and the percent."""
    found = []
    for index, (min_tnps, percent) in enumerate(tiers):
        bonus = _text("Bonus %(percent)s", percent=f"{percent:g}%")
        tnps_from = _text("TNPS from %(min)s", min=signed(min_tnps))
        found.append(
            f'<li{_CURRENT if index == current else ""}>'
            f'<span class="odds-label">{bonus} <span class="muted small">{tnps_from}</span>'
            f"</span>{odds_bar(chances[index])}"
            f'<span class="odds-value">{escape(chance_text(chances[index]))}</span></li>')
    return Markup("".join(  # noqa: S704 (numbers, our catalogue, escaped text)
        f"\n        {item}\n        " for item in found))


def strip_rows(window, team_name: str | None, min_n: int) -> Markup:
    """The "by channel, and my team" table's rows for a summary.Window: me overall, by
    channel, the team; each with its TNPS, what it stands on and its strip. The Jinja
    loop it replaces printed the same text."""
    rows = [(_text("Me, all channels"), window.mine, "me"),
            (_text("Me, IVR"), window.by_channel["ivr"], "ivr"),
            (_text("Me, SMS"), window.by_channel["sms"], "sms")]
    if window.team:
        rows.append((_text("My team (%(name)s), all agents", name=team_name), window.team,
                     "team"))
    not_enough = _text("not enough data")
    found = []
    for label, summary, key in rows:
        me = key == "me"
        shown = signed(summary.tnps) if summary.enough_data and summary.tally.n else not_enough
        found.append(
            f'\n      <tr class="strip-row strip-{key}">\n'
            f'        <th scope="row">{label}</th>\n'
            f'        <td{" data-live-field=" + chr(34) + "tnps" + chr(34) if me else ""}>'
            f"{tnps_value(summary, min_n)}</td>\n"
            f'        <td class="small"'
            f'{" data-live-field=" + chr(34) + "detail" + chr(34) if me else ""}>'
            f"{escape(detail_text(summary, min_n))}</td>\n"
            f'        <td class="strip-col">{strip(summary, label + ": " + shown)}</td>\n'
            "      </tr>\n      ")
    return Markup("".join(found))  # noqa: S704 (our catalogue, numbers, escaped names)


def practice_rows(rows, lang: str, min_n: int, url_for) -> Markup:
    """Practice beside live, one row per sector (practice.SectorLive): its title and
    topic, its loyalty code and stars, live TNPS on the topic, and a link to replay it
    when weak (`url_for` the template's). The Jinja loop it replaces printed the same."""
    code_label, live_label = _text("Loyalty code"), _text("Live TNPS on this topic")
    topics = {key: str(label) for key, label in TOPIC_LABELS.items()}
    found = []
    for row in rows:
        title = escape(row.title.get(lang))
        if row.loyalty_code is not None:
            code = (f"<strong>{signed(row.loyalty_code)}</strong> <span class=\"small-stars\" "
                    f'aria-label="{_text("%(n)d of 3 stars", n=row.stars)}">'
                    f"{stars(row.stars)}</span>")
        else:
            code = f'<span class="muted">{_text("not played yet")}</span>'
        detractors = row.live.tally.detractors
        action = ""
        if row.weak:
            href = escape(url_for("training.briefing", sector_id=row.sector_id))
            verb = _text("Replay") if row.loyalty_code is not None else _text("Play")
            action = (f'<a class="btn btn-quiet" href="{href}">{verb}'
                      f'<span class="visually-hidden"> {title}</span></a>')
        found.append(
            f'\n    <tr data-sector="{escape(row.sector_id)}"'
            f'{" class=" + chr(34) + "weak" + chr(34) if row.weak else ""}>\n'
            f'      <th scope="row">{row.order}. {title} <span class="muted small">· '
            f"{topics[row.topic]}</span></th>\n"
            f'      <td data-label="{code_label}">{code}</td>\n'
            f'      <td data-label="{live_label}">{tnps_value(row.live, min_n)}<br>'
            f'<span class="muted small">{escape(detail_text(row.live, min_n))}'
            + (f" · {_text('detractors: %(d)d', d=detractors)}" if detractors else "")
            + "</span></td>\n"
            f'      <td class="practice-action">{action}</td>\n'
            "    </tr>\n    ")
    return Markup("".join(found))  # noqa: S704 (our catalogue, numbers, escaped titles)


def odds_bar(chance: float) -> Markup:
    """One outcome's chance as a bar; the number beside it is the text alternative. It
    was a Jinja macro; this gives the same text."""
    return Markup(  # noqa: S704 (a number only)
        '<svg class="odds-bar" viewBox="0 0 100 12" preserveAspectRatio="none" '
        'aria-hidden="true" focusable="false">\n'
        '  <rect class="odds-track" x="0" y="0" width="100" height="12" rx="3"></rect>\n'
        f'  <rect class="odds-fill" x="0" y="0" width="{chance * 100:.2f}" height="12" '
        'rx="3"></rect>\n</svg>')


def tnps_detail(summary: Summary, min_n: int) -> str:
    """What the headline stands on (see detail_text)."""
    return detail_text(summary, min_n)


def tnps_text(summary: Summary) -> str:
    """The headline of a TNPS: the signed number, or why there is none."""
    if summary.tally.n == 0:
        return str(_l("No answers"))
    if not summary.enough_data:
        return str(_l("Not enough data"))
    return f"{summary.tnps:+.0f}"


def detail_text(summary: Summary, min_n: int) -> str:
    """What the headline stands on: n, and the 95% interval once there is enough data."""
    if summary.tally.n == 0:
        return "n = 0"
    if not summary.enough_data:
        return str(_l("n = %(n)d of the %(min)d needed", n=summary.tally.n, min=min_n))
    return f"n = {summary.tally.n} · " + str(_l(
        "95%% interval %(low)s to %(high)s",
        low=f"{summary.ci_low:+.0f}", high=f"{summary.ci_high:+.0f}"))
