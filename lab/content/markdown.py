"""The one Markdown helper: every Markdown text in the product is rendered and cleaned here."""

from __future__ import annotations

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


def render_markdown(text: str) -> str:
    """Render Markdown to HTML that is safe to insert into a page (no scripts, no styles)."""
    html = md.markdown(text, extensions=_EXTENSIONS, output_format="html")
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
