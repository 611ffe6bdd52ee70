"""The one Markdown helper: every Markdown text in the product is rendered and cleaned here."""

from __future__ import annotations

import re

import markdown as md
import nh3

_EXTENSIONS = ["attr_list", "tables", "sane_lists"]
_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s",
    "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody",
    "tr", "th", "td", "span", "sup", "sub", "abbr",
}
_HEADING_ATTRS = {"id"}
_ATTRIBUTES = {
    **{h: _HEADING_ATTRS for h in ("h1", "h2", "h3", "h4", "h5", "h6")},
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
}


_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)]) +\S")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")


def _blank_before_lists(text: str) -> str:
    """A blank line before a list that follows a paragraph line.

    Python-Markdown, unlike CommonMark, needs one: "**Say:**" followed by "- ..." lines
    rendered as one run-on paragraph in every Codex chapter. Authors write lists the
    CommonMark way, so the renderer accepts it (code fences are left alone).
    """
    out: list[str] = []
    fenced = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and _LIST_ITEM.match(line) and out and out[-1].strip() \
                and not _LIST_ITEM.match(out[-1]) and not out[-1].startswith((" ", "\t")):
            out.append("")
        out.append(line)
    return "\n".join(out)


def render_markdown(text: str) -> str:
    """Render Markdown to HTML that is safe to insert into a page (no scripts, no styles)."""
    html = md.markdown(_blank_before_lists(text), extensions=_EXTENSIONS, output_format="html")
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
