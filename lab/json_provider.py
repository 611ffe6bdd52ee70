"""Flask's JSON with a depth bound: request.get_json() answers 400, never a RecursionError."""

from __future__ import annotations

from flask.json.provider import DefaultJSONProvider

from lab.system import jsonsafe


class BoundedJSONProvider(DefaultJSONProvider):
    """Loading refuses deep nesting as malformed (a ValueError, which Flask turns into 400
    or, with silent=True, into None)."""

    def loads(self, s: str | bytes, **kwargs) -> object:
        return jsonsafe.loads(s)
