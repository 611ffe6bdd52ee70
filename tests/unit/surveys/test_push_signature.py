"""Push signatures: HMAC-SHA256 over "timestamp.body", five minutes either way."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from lab.surveys.push import PushRefused, parse_rows, sign, verify

SECRET = "s3cret"
NOW = 1_800_000_000
BODY = b'[{"response_id": "r-1"}]'


def test_signature_is_hmac_sha256_of_timestamp_dot_body():
    """The documented recipe, so a platform can implement it from the README."""
    expected = hmac.new(SECRET.encode(), f"{NOW}.".encode() + BODY, hashlib.sha256).hexdigest()
    assert sign(SECRET, str(NOW), BODY) == expected


def test_a_good_signature_passes_in_either_case():
    """Hex digits are compared case-insensitively."""
    signature = sign(SECRET, str(NOW), BODY)
    verify(SECRET, str(NOW), signature, BODY, now=NOW)
    verify(SECRET, str(NOW), signature.upper(), BODY, now=NOW + 300)


@pytest.mark.parametrize(("secret", "stamp", "signature", "now", "status", "reason"), [
    (None, str(NOW), "x", NOW, 503, "push not configured"),
    ("", str(NOW), "x", NOW, 503, "push not configured"),
    (SECRET, None, "x", NOW, 401, "required"),
    (SECRET, str(NOW), "", NOW, 401, "required"),
    (SECRET, "-5", "x", NOW, 401, "unix seconds"),
    (SECRET, "1.5e9", "x", NOW, 401, "unix seconds"),
    (SECRET, str(NOW), "x", NOW + 301, 401, "tolerance"),
    (SECRET, str(NOW), "x", NOW - 301, 401, "tolerance"),
    (SECRET, str(NOW), "00" * 32, NOW, 401, "bad signature"),
])
def test_refusals(secret, stamp, signature, now, status, reason):
    """Each way to fail names its reason and status."""
    with pytest.raises(PushRefused) as refused:
        verify(secret, stamp, signature, BODY, now=now)
    assert refused.value.status == status and reason in refused.value.reason


def test_parse_rows():
    """An object is one row; a list is rows (items judged later); anything else is a 400."""
    assert parse_rows(b'{"a": 1}') == [{"a": 1}]
    assert parse_rows(b'[{"a": 1}, 2]') == [{"a": 1}, 2]
    assert parse_rows(b"[]") == []
    for body in (b"", b"nul", b'"text"', b"\xff"):
        with pytest.raises(PushRefused) as refused:
            parse_rows(body)
        assert refused.value.status == 400
