"""Security headers on every answer, and no caching of anything personal.

Hand-written rather than an extension: the policy is a few fixed strings, and the
Lab has no inline script at all, so the CSP needs no nonce. Inline style attributes
are not used either (bars are sized by classes), so style-src is 'self' too.
"""

from __future__ import annotations

from flask import Flask, Response, request
from werkzeug.serving import WSGIRequestHandler

CSP = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))
FIXED = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
# Only when the request came over TLS (the proxy says so through X-Forwarded-Proto and
# LAB_PROXY_HOPS): a plain-http development server must not pin itself to https.
HSTS = "max-age=31536000; includeSubDomains"
SERVER_NAME = "TNPS Lab"


def _secure(response: Response) -> Response:
    for name, value in FIXED.items():
        response.headers.setdefault(name, value)
    if request.is_secure:
        response.headers["Strict-Transport-Security"] = HSTS
    if request.endpoint != "static":
        # Pages, JSON and CSV hold one user's data: no browser or proxy may keep a copy.
        response.headers["Cache-Control"] = "no-store"
        response.headers["Pragma"] = "no-cache"
    response.headers["Server"] = SERVER_NAME  # no product or version to look up
    return response


class QuietRequestHandler(WSGIRequestHandler):
    """The development server without "Werkzeug/x Python/y" in its Server header."""

    server_version = SERVER_NAME
    sys_version = ""

    def version_string(self) -> str:
        return SERVER_NAME


def init_app(app: Flask) -> None:
    """Set the headers on every response, error pages included."""
    app.after_request(_secure)
