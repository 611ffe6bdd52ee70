"""URLs that templates build, remembered for the process.

A page builds twenty to thirty URLs (the header alone a dozen: stylesheets, navigation,
the language and sign-out forms), each a walk through Werkzeug's rules of ~25 µs. What
a URL comes out as depends only on its endpoint, its values and where the app is
mounted (the request's script root): the rules are fixed once the app is built, and so
is the one url_defaults hook (the static files' versions, read at start). So the same
call gives the same text for as long as the process lives, whoever asks; nothing about
a user or their data goes into it.

Not remembered: blueprint-relative endpoints (".x" depends on the request's
blueprint), calls with _external, _scheme, _anchor or _method, values that cannot be a
key, and anything outside a request.
"""

from __future__ import annotations

from flask import Flask
from flask.globals import _cv_request

# Query strings are part of the key (a pager's page number, the comment filters): past
# this many entries the memo starts over rather than grow with whatever URLs are asked.
LIMIT = 4096


def init_app(app: Flask) -> None:
    """Give templates a url_for that remembers what it built."""
    build = app.url_for
    built: dict[tuple, str] = {}

    def url_for(endpoint: str, /, **values) -> str:
        context = _cv_request.get(None)
        if context is None or endpoint[:1] == "." or any(name[:1] == "_" for name in values):
            return build(endpoint, **values)
        key = (context.request.script_root, endpoint, *sorted(values.items()))
        try:
            found = built.get(key)
        except TypeError:  # a value that is no key (a list): build it each time
            return build(endpoint, **values)
        if found is None:
            if len(built) >= LIMIT:
                built.clear()
            found = built[key] = build(endpoint, **values)
        return found

    app.jinja_env.globals["url_for"] = url_for
