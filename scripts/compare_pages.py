"""Dump the main pages as agent, lead, admin and manager in both languages, to compare two
versions of the code byte for byte (a speed-up must not change what anyone sees).

Run it from each checkout over a copy of the same database, then diff the two dumps:

    python scripts/compare_pages.py --db instance/lab.db --out /tmp/new.txt
    (in the other checkout) python scripts/compare_pages.py --db ... --out /tmp/old.txt
    diff /tmp/old.txt /tmp/new.txt

Each response is written with its status, headers and body; CSRF tokens, session cookies
and the Date header are masked, being new on every request. The database is copied
first, so signing in leaves the original as it was. Runs itself again with
PYTHONHASHSEED=0 when that is not set: set iteration order must not differ by chance.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "tnps-demo"  # noqa: S105 (the documented demo password)
CSRF = re.compile(r'(name="(?:[\w-]+-)?csrf_token" type="hidden" value=")[^"]+(")')
TOKEN_META = re.compile(r'(name="csrf-token" content=")[^"]+(")')
COOKIE = re.compile(r"((?:session|remember_token)=)[^;]+")
LANGS = ("en", "ru")
ME = ("/me", "/me?period=month", "/me?period=last_month", "/me?period=90d",
      "/me?category=detractor", "/me?channel=sms", "/me?topic=price", "/me?page=2",
      "/me?page=9999", "/me?category=bogus", "/api/v1/me", "/api/v1/me/tnps",
      "/api/v1/me/tnps?after=0", "/api/v1/me/comments", "/api/v1/me/comments?page=3",
      "/alerts", "/codex")
TEAM = ("/team", "/team?days=7", "/team?days=90", "/team?team=2", "/team?sort=tnps&dir=desc",
        "/team?sort=code", "/team?sort=completion", "/team?sort=flags", "/team?sort=n",
        "/team?flagged=1", "/team?q=agent1", "/team/1/overview.json",
        "/team/1/overview.csv", "/team/1/overview.csv?sep=semicolon&days=90", "/team/1",
        "/team/1/agents/5", "/team/1/coaching", "/team/1/training-effect",
        "/team/1/follow-up", "/team/1/fairness", "/api/v1/teams/1")
PAGES = {
    "agent1": ("/", "/lab", *ME),
    "lead1": ("/lab", *ME, *TEAM),
    "admin": ("/lab", "/me", *TEAM, "/centre", "/centre/digest", "/admin", "/admin/users",
              "/admin/teams"),
    "manager": ("/me", *TEAM[:12], "/centre", "/centre/digest"),
}


def _masked(text: str) -> str:
    return TOKEN_META.sub(r"\1…\2", CSRF.sub(r"\1…\2", text))


def dump(out: Path) -> int:
    """Sign each role in and write every page of PAGES in both languages to `out`."""
    sys.path.insert(0, str(ROOT))
    from lab import create_app

    app = create_app()
    count = 0
    with out.open("w", encoding="utf-8") as sink:
        for login, paths in PAGES.items():
            client = app.test_client()
            token = CSRF.search(client.get("/login").get_data(as_text=True))
            if token is None:
                raise RuntimeError("no CSRF token on the login page")
            value = token.group(0).split('value="')[1].rstrip('"')
            signed = client.post("/login", data={"login": login, "password": PASSWORD,
                                                 "csrf_token": value})
            if signed.status_code != 302:
                raise RuntimeError(f"could not sign in as {login}")
            for lang in LANGS:
                client.set_cookie("lab_lang", lang)
                for path in paths:
                    response = client.get(path, headers={"Accept-Language": lang})
                    headers = [(name, COOKIE.sub(r"\1…", value))
                               for name, value in response.headers.items() if name != "Date"]
                    sink.write(f"=== {login} {lang} {path} {response.status_code}\n")
                    sink.writelines(f"{name}: {value}\n" for name, value in headers)
                    sink.write("\n" + _masked(response.get_data(as_text=True)) + "\n")
                    count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, type=Path, help="the SQLite database to copy")
    parser.add_argument("--out", required=True, type=Path)
    args = parser.parse_args()
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        sys.exit(subprocess.run([sys.executable, __file__, *sys.argv[1:]], env=env,  # noqa: S603 (this script again)
                                check=False).returncode)
    with tempfile.TemporaryDirectory(prefix="compare-pages-") as instance:
        shutil.copy(args.db, Path(instance) / "lab.db")
        os.environ.update({"LAB_INSTANCE_PATH": instance, "LAB_SECRET_KEY": "compare-pages",
                           "LAB_SYNC_IN_APP": "0", "LAB_COOKIE_SECURE": "0",
                           "LAB_DATABASE_URL": f"sqlite:///{instance}/lab.db",
                           "LAB_SURVEY_STORE_URL": f"sqlite:///{instance}/store.db"})
        print(f"{dump(args.out.resolve())} responses written to {args.out}")


if __name__ == "__main__":
    main()
