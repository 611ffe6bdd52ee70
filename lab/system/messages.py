"""Errors whose message can be shown in the reader's language.

Services refuse with a message id and named values (plain Python, no Flask): `str()`
reads it in English, as the command line prints it, and the web layer looks the id up
in the catalogue (lab.ui.messages.explain). `make translations` extracts the ids from the
raise sites by the classes' names.
"""

from __future__ import annotations


class Explained(ValueError):
    """A refusal: a message id with %(name)s placeholders and the values for them."""

    def __init__(self, message: str, **params: object) -> None:
        self.message = message
        self.params = params
        super().__init__(message % params if params else message)
