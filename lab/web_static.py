"""Static files under versioned names, cached for a year, and responses compressed.

url_for('static', filename='css/lab.css') gives /static/css/lab.<hash>.css, the hash
taken from the file's content when the app starts. A browser keeps such a file for a
year without asking again (immutable): a changed file gets a new name, so there is
nothing to re-check. The plain name still works, revalidated on every use as before.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from flask import Flask, Response, send_from_directory
from flask_compress import Compress

YEAR_SECONDS = 365 * 24 * 3600
HASH_LENGTH = 10
_VERSIONED = re.compile(rf"^(?P<stem>.+)\.(?P<hash>[0-9a-f]{{{HASH_LENGTH}}})"
                        r"(?P<ext>\.[A-Za-z0-9]+)$")
EXTENSION = "lab.static"

compress = Compress()


def versions_of(folder: Path) -> dict[str, str]:
    """Each file under `folder` (path relative to it) and the start of its SHA-256."""
    return {path.relative_to(folder).as_posix():
            hashlib.sha256(path.read_bytes()).hexdigest()[:HASH_LENGTH]
            for path in sorted(folder.rglob("*")) if path.is_file()}


def versioned_name(filename: str, versions: dict[str, str]) -> str:
    """css/lab.css -> css/lab.<hash>.css; a file we do not know keeps its name."""
    digest = versions.get(filename)
    stem, dot, ext = filename.rpartition(".")
    if digest is None or not dot or "/" in ext or not stem:
        return filename
    return f"{stem}.{digest}.{ext}"


def init_app(app: Flask) -> None:
    """Version the static URLs, serve them with a year-long cache, compress responses."""
    folder = Path(str(app.static_folder))
    versions = versions_of(folder)
    app.extensions[EXTENSION] = versions

    @app.url_defaults
    def _versioned(endpoint: str, values: dict) -> None:
        if endpoint == "static" and "filename" in values:
            values["filename"] = versioned_name(values["filename"], versions)

    def static(filename: str) -> Response:
        match = _VERSIONED.match(filename)
        plain = match["stem"] + match["ext"] if match else filename
        if match and versions.get(plain) == match["hash"]:
            response = send_from_directory(folder, plain, max_age=YEAR_SECONDS)
            response.cache_control.public = True
            response.cache_control.immutable = True
        else:
            # A plain name, or a version from before a restart: the current file, re-checked.
            response = send_from_directory(folder, plain if plain in versions else filename)
        # Read the (small) file now and close it: compression replaces the body, and a
        # file left to the garbage collector stays open until then.
        if not response.is_sequence and response.status_code == 200:
            response.direct_passthrough = False
            close = getattr(response.response, "close", None)
            response.make_sequence()
            if close is not None:
                close()
        return response

    app.view_functions["static"] = static
    compress.init_app(app)
