"""Where the project's files live: content and migrations sit beside the package."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent
SECTORS_DIR = ROOT / "sectors"
CODEX_DIR = ROOT / "content" / "codex"
TEMPLATES_DIR = ROOT / "templates"
STATIC_DIR = ROOT / "static"
MIGRATIONS_DIR = ROOT / "migrations"
