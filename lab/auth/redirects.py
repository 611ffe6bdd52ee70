"""Where a sign-in or a language switch may send the browser next: this site only."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit


def same_site_path(target: str | None) -> str | None:
    """`target` when it is a relative path on this site, else None.

    Browsers drop tabs and newlines from a URL and read a backslash as a slash, so
    "/\\t/evil.example" and "/\\\\evil.example" leave the site although they start with one
    slash; control characters in a Location header are refused by the server (a 500).
    Anything that is not a plain path is therefore refused, also once percent-decoded.
    """
    if not target or len(target) > 2000:
        return None
    for text in (target, unquote(target)):
        if any(ord(char) < 0x21 or ord(char) == 0x7F for char in text) or "\\" in text:
            return None
        if not text.startswith("/") or text.startswith("//"):
            return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target
