"""No open redirect and no 500 from the `next` of sign-in and the language switch."""

import pytest

from tests.factories import PASSWORD
from tests.web import csrf_from

BAD = ["/%09/evil.example/", "/%0A/x", "/%0D%0ALocation:%20//evil.example", "//evil.example",
       "/%5C/evil.example"]


@pytest.mark.parametrize("target", BAD)
def test_sign_in_goes_home_for_a_foreign_next(world, client, target):
    page = client.get(f"/login?next={target}")
    assert page.status_code == 200
    response = client.post(f"/login?next={target}", data={
        "login": "agent_a", "password": PASSWORD, "csrf_token": csrf_from(page.get_data(True))})
    assert response.status_code == 302
    assert response.headers["Location"] == "/lab"


@pytest.mark.parametrize("target", ["/\t/evil.example/", "/\n/x", "//evil.example"])
def test_language_switch_goes_home_for_a_foreign_next(world, client, target):
    token = csrf_from(client.get("/login").get_data(True))
    response = client.post("/language", data={"lang": "en", "next": target, "csrf_token": token})
    assert response.status_code == 302
    assert response.headers["Location"] == "/lab"


def test_signed_in_visit_to_login_ignores_a_foreign_next(world, auth, client):
    auth.login("agent_a")
    response = client.get("/login?next=/%09/evil.example/")
    assert response.headers["Location"] == "/lab"
