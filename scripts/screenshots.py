"""Take the README's screenshots: a demo instance served locally, pages shot in Chromium.

Usage: .venv/bin/python scripts/screenshots.py [OUT_DIR]
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
from pathlib import Path

os.environ["LAB_INSTANCE_PATH"] = tempfile.mkdtemp(prefix="tnps-lab-shots-")
os.environ["LAB_COOKIE_SECURE"] = "0"

from playwright.sync_api import sync_playwright  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

from lab import create_app, migrate  # noqa: E402
from lab.accounts.demo import DEMO_PASSWORD, load_demo  # noqa: E402
from lab.db import utcnow, writing  # noqa: E402
from lab.surveys.demo import demo_feed  # noqa: E402
from lab.training.demo import load_practice  # noqa: E402
from lab.training.models import CodexRead, LabProfile  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = [  # (file, login, path, language, width)
    ("login.png", None, "/login", "ru", 1280),
    ("admin.png", "admin", "/admin", "en", 1280),
    ("team-phone.png", "lead1", "/team", "ru", 390),
    ("codex.png", "agent11", "/codex/ownership", "en", 1280),
    ("team.png", "lead1", "/team", "en", 1280),
    ("followups.png", "lead1", "/team/1/follow-up", "ru", 1280),
    ("me.png", "agent3", "/me", "ru", 1280),
    ("welcome.png", "agent12", "/lab/welcome", "ru", 1280),
    ("briefing-phone.png", "agent1", "/lab/unexpected-charge", "ru", 390),
    ("centre.png", "manager", "/centre", "en", 1280),
]
SECTOR = "unexpected-charge"


def main(out: Path) -> None:
    """Serve a demo instance and take each screenshot."""
    app = create_app()
    migrate.upgrade(app.config["DATABASE_URL"])
    with app.app_context(), writing():
        session = app.extensions["lab.db"].sessions()
        load_demo(session)
        from lab.accounts.services import find_user

        agents = [find_user(session, f"agent{n}") for n in range(1, 13)]
        load_practice(session, app.extensions["lab.content"],
                      app.extensions["lab.content_versions"], agents,
                      app.config["TRAINING_STAR_MARKS"])
        for login in ("agent9", "agent11"):
            user = find_user(session, login)
            for chapter in app.extensions["lab.content"].codex.chapters:
                session.add(CodexRead(user_id=user.id, chapter=chapter.slug))
            session.add(LabProfile(user_id=user.id, xp=0, tour_done_at=utcnow()))
        session.commit()
        session.close()
    demo_feed(app.config, app.extensions["lab.db"].sessions)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for name, login, path, lang, width in SHOTS:
            context = browser.new_context(base_url=base, locale=lang,
                                          viewport={"width": width, "height": 800},
                                          device_scale_factor=1)
            page = context.new_page()
            if login:
                page.goto("/login")
                page.fill("#login", login)
                page.fill("#password", DEMO_PASSWORD)
                page.press("#password", "Enter")
                page.wait_for_url(lambda url: "/login" not in url)
            page.goto(path)
            page.screenshot(path=str(out / name), full_page=True)
            context.close()
            print(out / name)
        _play(browser, base, out, app.extensions["lab.content"].sector(SECTOR))
        browser.close()
    server.shutdown()


def _play(browser, base: str, out: Path, sector) -> None:
    """Play sector 1 as agent9 in Russian: shots of a trial, the result and the map."""
    context = browser.new_context(base_url=base, locale="ru",
                                  viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto("/login")
    page.fill("#login", "agent9")
    page.fill("#password", DEMO_PASSWORD)
    page.press("#password", "Enter")
    page.goto(f"/lab/{SECTOR}")
    page.screenshot(path=str(out / "briefing.png"), full_page=True)
    page.click("form[action$='/start'] button")
    for step, trial in enumerate(sector.trials, start=1):
        text = trial.model_answer.get("ru")
        if step == 2:
            text = "Так получилось, подписка была подключена. Я посмотрю, что можно сделать."
        page.fill("textarea[name=text]", text)
        page.click("#reply-form [type=submit]")
        if step == 2:
            page.screenshot(path=str(out / "trial.png"), full_page=True)
    page.wait_for_url("**/attempts/*")
    page.screenshot(path=str(out / "result.png"), full_page=True)
    page.goto("/lab")
    page.screenshot(path=str(out / "lab.png"), full_page=True)
    context.close()
    print(out / "trial.png", out / "result.png", out / "lab.png")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
