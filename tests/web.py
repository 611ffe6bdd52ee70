"""Helpers for driving the app through its forms in the Flask test client."""

from __future__ import annotations

import re

from tests.factories import PASSWORD

CSRF_RE = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def csrf_from(html: str) -> str:
    """The CSRF token of the first form in a page."""
    match = CSRF_RE.search(html)
    assert match, "the page has no form with a CSRF token"
    return match.group(1)


class AuthActions:
    """Log in and out as a user would: fetch the form, post it with its token."""

    def __init__(self, client) -> None:
        self.client = client

    def token(self, path: str = "/login") -> str:
        """A CSRF token from a page."""
        return csrf_from(self.client.get(path).get_data(as_text=True))

    def login(self, login: str, password: str = PASSWORD, **extra):
        """Post the login form."""
        data = {"login": login, "password": password, "csrf_token": self.token(), **extra}
        return self.client.post("/login", data=data)

    def logout(self):
        """Post the logout form."""
        return self.client.post("/logout", data={"csrf_token": self.token("/logout")})
