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
from lab.db import writing  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = [  # (file, login, path, language, width)
    ("login.png", None, "/login", "ru", 1280),
    ("lab.png", "agent1", "/lab", "ru", 1280),
    ("admin.png", "admin", "/admin", "en", 1280),
    ("team-phone.png", "lead1", "/team", "ru", 390),
]


def main(out: Path) -> None:
    """Serve a demo instance and take each screenshot."""
    app = create_app()
    migrate.upgrade(app.config["DATABASE_URL"])
    with app.app_context(), writing():
        session = app.extensions["lab.db"].sessions()
        load_demo(session)
        session.commit()
        session.close()
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
                page.wait_for_url("**/lab")
            page.goto(path)
            page.screenshot(path=str(out / name), full_page=True)
            context.close()
            print(out / name)
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
