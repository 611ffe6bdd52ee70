"""check_content, load_content and the `sectors check` command."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from lab.content import ContentInvalid, check_content, load_content
from lab.content import cli as content_cli
from tests.unit.content.builders import real_sector, write_codex, write_sector


def test_clean_content_has_no_problems(tmp_path) -> None:
    """The real sector with a full Codex passes every cross-check."""
    write_sector(tmp_path, real_sector())
    assert check_content(tmp_path / "sectors", write_codex(tmp_path)) == []


def test_links_into_a_missing_chapter_are_found(tmp_path) -> None:
    """Removing a chapter breaks links from both the sector and the scorer's lexicon."""
    write_sector(tmp_path, real_sector())
    folder = write_codex(tmp_path)
    for lang in ("ru", "en"):
        (folder / lang / "06-forbidden-words.md").unlink()
    errors = check_content(tmp_path / "sectors", folder)
    files = {e.file.rsplit("/", 1)[-1] for e in errors}
    assert {"sector.yaml", "concepts.yaml"} <= files
    assert any(e.place == "concepts.hedge.codex" for e in errors)


def test_load_content_raises_with_a_readable_message(tmp_path) -> None:
    """Invalid content stops loading with every problem named by file and place."""
    data = real_sector()
    del data["trials"][0]["hint"]["en"]
    write_sector(tmp_path, data)
    write_codex(tmp_path)
    with pytest.raises(ContentInvalid) as caught:
        load_content(tmp_path)
    assert "sectors/unexpected-charge/sector.yaml: trials[1].hint.en: missing" in str(
        caught.value)
    assert len(caught.value.errors) == 1


def test_sectors_check_command(tmp_path, monkeypatch) -> None:
    """`sectors check` prints a summary and exits 0, or lists problems and exits 1."""
    write_sector(tmp_path, real_sector())
    monkeypatch.setattr(content_cli, "SECTORS_DIR", tmp_path / "sectors")
    monkeypatch.setattr(content_cli, "CODEX_DIR", write_codex(tmp_path))
    monkeypatch.setattr(content_cli, "ROOT", tmp_path)
    result = CliRunner().invoke(content_cli.sectors_group, ["check"])
    assert result.exit_code == 0
    assert "1 sectors, 6 trials, 7 codex chapters" in result.output

    data = real_sector()
    data["trials"][1]["mood"] = "sleepy"
    write_sector(tmp_path, data)
    result = CliRunner().invoke(content_cli.sectors_group, ["check"])
    assert result.exit_code == 1
    assert "sectors/unexpected-charge/sector.yaml: trials[2].mood: expected one of" in \
        result.output
