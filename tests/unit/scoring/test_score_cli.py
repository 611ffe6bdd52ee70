"""`lab score` on the command line."""

from __future__ import annotations

import json

from click.testing import CliRunner

from lab.scoring.cli import score_command

BASE = ["--sector", "unexpected-charge"]


def run(args: list[str], stdin: str | None = None):
    """Invoke the score command."""
    return CliRunner().invoke(score_command, BASE + args, input=stdin)


def test_single_reply_prints_result_json() -> None:
    """A TEXT argument prints one result JSON with Cyrillic kept readable."""
    result = run(["--step", "1", "--lang", "ru", "Здравствуйте! Подписку отключила."])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert set(data) == {"scores", "rating", "category", "feedback"}
    assert "\\u04" not in result.output


def test_jsonl_reads_stdin_with_per_line_overrides() -> None:
    """--jsonl - reads one object per line; step and lang can change per line."""
    lines = [
        json.dumps({"text": "Здравствуйте! Подписку отключила."}, ensure_ascii=False),
        "",
        json.dumps({"text": "Goodbye!", "step": 6, "lang": "en"}),
    ]
    result = run(["--jsonl", "-"], "\n".join(lines) + "\n")
    assert result.exit_code == 0
    assert len([json.loads(line) for line in result.output.splitlines()]) == 2


def test_bad_json_line_is_named() -> None:
    """A broken line stops with exit code 2 and its line number, no traceback."""
    result = run(["--jsonl", "-"], '{"text": "ok"}\n{"text": \n')
    assert result.exit_code == 2
    assert "line 2" in result.output and "Traceback" not in result.output


def test_bad_input_exits_with_code_2() -> None:
    """Unknown sector, step out of range, bad per-line lang or missing text all exit 2."""
    assert CliRunner().invoke(score_command, ["--sector", "nope", "hi"]).exit_code == 2
    out_of_range = run(["--step", "9", "hi"])
    assert out_of_range.exit_code == 2 and "1 to 6" in out_of_range.output
    bad_lang = run(["--jsonl", "-"], '{"text": "hi", "lang": "de"}\n')
    assert bad_lang.exit_code == 2 and "line 1" in bad_lang.output
    assert run([]).exit_code == 2
