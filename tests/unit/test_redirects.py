"""Only same-site relative paths are followed after sign-in or a language switch."""

import pytest

from lab.auth.redirects import same_site_path


@pytest.mark.parametrize("target", [
    "/\t/evil.example/", "/\n/x", "/\r\n/x", "//evil.example", "/\\evil.example",
    "/%09/evil.example/", "/%2F/evil.example", "/%5Cevil.example", "https://evil.example/",
    "javascript:alert(1)", "evil.example", " /lab", "/lab\x00", "/\x7f/x", "", None,
])
def test_refuses_anything_but_a_plain_path(target):
    assert same_site_path(target) is None


@pytest.mark.parametrize("target", ["/lab", "/me?period=month", "/codex/tnps#what", "/"])
def test_keeps_paths_of_this_site(target):
    assert same_site_path(target) == target
