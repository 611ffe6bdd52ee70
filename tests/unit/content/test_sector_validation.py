"""Sector validation: every kind of mistake is reported with its file and place."""

from __future__ import annotations

from pathlib import Path

from lab.content.sector_loader import read_sectors
from lab.scoring.lexicon import load_lexicon
from tests.unit.content.builders import CHAPTERS, real_sector, write_sector

ANCHORS = frozenset(f"{slug}#{a}" for slug, anchors in CHAPTERS.items() for a in anchors)


def problems(root: Path) -> list[tuple[str, str, str]]:
    """Validate sectors under root; return (file name, place, message) triples."""
    _, errors = read_sectors(root / "sectors", anchors=ANCHORS,
                             concepts=load_lexicon().good())
    return [(Path(e.file).name, e.place, e.message) for e in errors]


def places(root: Path) -> list[str]:
    """Just the places of the problems found."""
    return [place for _, place, _ in problems(root)]


def test_real_sector_has_no_problems(tmp_path) -> None:
    """The shipped sector validates cleanly against a full Codex."""
    write_sector(tmp_path, real_sector())
    assert problems(tmp_path) == []


def test_missing_language_is_reported(tmp_path) -> None:
    """A text without its English version is reported at its exact place."""
    data = real_sector()
    del data["trials"][2]["branches"]["detractor"]["en"]
    write_sector(tmp_path, data)
    assert problems(tmp_path) == [
        ("sector.yaml", "trials[3].branches.detractor.en", "missing text in this language")
    ]


def test_unknown_key_and_wrong_type(tmp_path) -> None:
    """Unknown keys and values of the wrong type are both reported, together."""
    data = real_sector()
    data["trials"][0]["colour"] = "red"
    data["order"] = "first"
    data["trials"][1]["hint"]["ru"] = True
    write_sector(tmp_path, data)
    assert set(places(tmp_path)) == {"trials[1].colour", "order", "trials[2].hint.ru"}


def test_bad_mood_and_topic(tmp_path) -> None:
    """Moods and topics must come from their fixed lists."""
    data = real_sector()
    data["trials"][3]["reactions"][0]["move"] = "livid"
    data["trials"][0]["mood"] = "sad"
    data["topic"] = "weather"
    write_sector(tmp_path, data)
    assert set(places(tmp_path)) == {"trials[4].reactions[1].move", "trials[1].mood",
                                     "topic"}


def test_memory_references_are_checked(tmp_path) -> None:
    """What a trial carries over must name a need of an earlier trial; a reaction rule must
    name a need of its own trial and a known harm, and each problem names its place."""
    data = real_sector()
    data["trials"][2]["rubric"]["needs"][0]["carried_from"] = ["next-month.no-charge"]
    data["trials"][3]["customer_given"][0]["given"] = ["first-words.no-such-need"]
    data["trials"][0]["reactions"][0]["when"] = {"missed": "mechanism"}
    write_sector(tmp_path, data)
    found = problems(tmp_path)
    assert ("sector.yaml", "trials[3].rubric.needs[1].carried_from",
            "'next-month.no-charge' names no need of an earlier trial") in found
    assert ("sector.yaml", "trials[4].customer_given[1].given",
            "'first-words.no-such-need' names no need of an earlier trial") in found
    assert any(place == "trials[1].reactions[1].when" and "'mechanism' is not a need" in text
               for _, place, text in found)


def test_bad_reaction_rules_name_their_place(tmp_path) -> None:
    """An unknown harm, a bad reference or a reaction without variants is reported where
    it stands."""
    data = real_sector()
    data["trials"][1]["reactions"][0]["when"] = {"harm": "sarcasm"}
    data["trials"][4]["rubric"]["needs"][0]["carried_from"] = "first words"
    data["trials"][5]["reactions"][0]["say"] = []
    write_sector(tmp_path, data)
    found = problems(tmp_path)
    assert any(place == "trials[2].reactions[1].when.harm" and "unknown harm 'sarcasm'" in text
               for _, place, text in found)
    assert any(place == "trials[5].rubric.needs[1].carried_from"
               and "not a trial-id.need-id reference" in text for _, place, text in found)
    assert any(place == "trials[6].reactions[1].say" for _, place, _ in found)


def test_duplicate_trial_ids_and_id_not_folder(tmp_path) -> None:
    """Trial ids are unique and the sector id equals its folder name."""
    data = real_sector()
    data["trials"][1]["id"] = data["trials"][0]["id"]
    data["id"] = "something-else"
    write_sector(tmp_path, data)
    found = problems(tmp_path)
    assert ("sector.yaml", "trials", "trial id 'first-words' is used more than once") in found
    assert any(place == "id" and "folder name" in msg for _, place, msg in found)


def test_duplicate_orders_across_sectors(tmp_path) -> None:
    """Two sectors cannot share a position on the map."""
    write_sector(tmp_path, real_sector())
    second = real_sector()
    second["id"] = "second-sector"
    write_sector(tmp_path, second, folder="second-sector")
    [error] = read_sectors(tmp_path / "sectors")[1]
    assert error.place == "order" and "also used by sector" in error.message


def test_codex_link_to_missing_anchor(tmp_path) -> None:
    """A warning or need that links to a Codex section that does not exist is reported."""
    data = real_sector()
    data["trials"][0]["warnings"][1]["codex"] = "listening#no-such-section"
    data["trials"][1]["rubric"]["needs"][0]["codex"] = "not a link"
    write_sector(tmp_path, data)
    assert set(places(tmp_path)) == {"trials[1].warnings[2].codex",
                                     "trials[2].rubric.needs[1].codex"}


def test_rubric_problems(tmp_path) -> None:
    """Bad patterns, unknown concepts, weights out of range and no core need are reported."""
    data = real_sector()
    rubric = data["trials"][0]["rubric"]
    rubric["needs"][0]["match"]["ru"][0] = "вернуть| деньги"
    rubric["concepts"]["telepathy"] = 1
    rubric["needs"][1]["weight"] = 50
    for need in data["trials"][2]["rubric"]["needs"]:
        need.pop("core", None)
    write_sector(tmp_path, data)
    assert set(places(tmp_path)) == {
        "trials[1].rubric.needs[1].match.ru[1]",
        "trials[1].rubric.concepts.telepathy",
        "trials[1].rubric.needs[2].weight",
        "trials[3].rubric.needs",
    }


def test_yaml_syntax_error_names_the_line(tmp_path) -> None:
    """A YAML syntax error reports file and line, not a traceback."""
    write_sector(tmp_path, "id: unexpected-charge\norder: 1\ntitle: {ru: a, en: b\n")
    [(name, place, message)] = problems(tmp_path)
    assert name == "sector.yaml" and place.startswith("line ") and "YAML" in message


def test_duplicate_yaml_key_is_an_error(tmp_path) -> None:
    """A key written twice is reported instead of silently keeping the last one."""
    write_sector(tmp_path, "id: unexpected-charge\nid: again\n")
    [(_, place, message)] = problems(tmp_path)
    assert place == "line 2" and "duplicate key" in message


def test_empty_file_and_missing_file(tmp_path) -> None:
    """An empty sector.yaml and a folder without one are both reported."""
    write_sector(tmp_path, "")
    (tmp_path / "sectors" / "no-file-here").mkdir()
    assert sorted(places(tmp_path)) == ["(file)", "(file)"]


def test_all_problems_are_collected_at_once(tmp_path) -> None:
    """Validation keeps going after the first problem."""
    data = real_sector()
    del data["summary"]
    del data["trials"][5]["model_answer"]["ru"]
    data["briefing"]["customer_card"][0]["value"] = "just text"
    write_sector(tmp_path, data)
    assert set(places(tmp_path)) == {"summary", "trials[6].model_answer.ru",
                                     "briefing.customer_card[1].value"}


def test_rubric_allow_is_read_and_checked(tmp_path) -> None:
    """`allow: [upsell]` is read into the rubric; an unknown or unallowable harm is reported."""
    data = real_sector()
    data["trials"][0]["rubric"]["allow"] = ["upsell"]
    write_sector(tmp_path, data)
    assert problems(tmp_path) == []
    sectors, _ = read_sectors(tmp_path / "sectors", anchors=ANCHORS,
                              concepts=load_lexicon().good())
    assert sectors[0].trials[0].rubric.allow == ("upsell",)
    data["trials"][0]["rubric"]["allow"] = ["blame"]
    write_sector(tmp_path, data)
    assert places(tmp_path) == ["trials[1].rubric.allow"]
