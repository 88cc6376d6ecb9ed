"""Stage 1, read: every kind of input, good and bad, on real files written to tmp_path."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import SAMPLES, SEED_000, SEED_001
from newsgraph.read import MAX_ARTICLE_BYTES, Notice, read_paths
from newsgraph.read.jsonl import normalise_date
from newsgraph.records import RawDocument, Skipped

ARTICLE = "The council voted on Tuesday to close the old bridge.\n\nRepairs will take a year."


def read_all(*paths: str | Path) -> list[RawDocument | Skipped | Notice]:
    return list(read_paths(paths))


def documents(results: list) -> list[RawDocument]:
    return [r for r in results if isinstance(r, RawDocument)]


def skipped(results: list) -> list[Skipped]:
    return [r for r in results if isinstance(r, Skipped)]


def test_seed_000_date_header_running_into_the_text() -> None:
    (document,) = read_all(SEED_000)
    assert document.published == "2022-01-10"
    assert document.title is None
    assert document.text.startswith("Kazakhstan is Central Asia’s richest country")


def test_seed_001_first_sentence_is_not_a_title() -> None:
    (document,) = read_all(SEED_001)
    assert document.title is None
    assert document.published is None
    assert document.text.startswith("While both countries compete for influence")
    assert document.source_ref == str(SEED_001)


def test_folder_is_read_recursively_in_sorted_order_ignoring_other_types(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(ARTICLE)
    (tmp_path / "a.md").write_text(ARTICLE)
    (tmp_path / "notes.csv").write_text("a,b\n")
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    refs = [r.source_ref for r in read_all(tmp_path)]
    assert refs == [str(tmp_path / "a.md"), str(tmp_path / "b" / "2.txt")]
    seeds = [str(SEED_000), str(SEED_001), str(SAMPLES / "seed.html")]
    assert [r.source_ref for r in documents(read_all(SAMPLES))] == seeds


def test_unsupported_file_named_explicitly_and_missing_path(tmp_path: Path) -> None:
    sheet = tmp_path / "table.xyz"
    sheet.write_text("x")
    results = read_all(sheet, tmp_path / "missing.txt")
    assert results == [
        Skipped(str(sheet), "unsupported file type .xyz"),
        Skipped(str(tmp_path / "missing.txt"), "no such file or directory"),
    ]


def test_date_header_on_its_own_line_then_title(tmp_path: Path) -> None:
    path = tmp_path / "dated.txt"
    path.write_text("date 2021-03-04\nBridge to close for a year\n\n" + ARTICLE)
    (document,) = read_all(path)
    assert document.published == "2021-03-04"
    assert document.title == "Bridge to close for a year"
    assert document.text == ARTICLE


def test_markdown_heading_is_the_title(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("# Bridge to close\n\n" + ARTICLE)
    (document,) = read_all(path)
    assert document.title == "Bridge to close"
    assert document.text == ARTICLE


def test_bad_files_are_skipped_with_one_line_reasons_and_the_rest_still_come(
    tmp_path: Path,
) -> None:
    empty = tmp_path / "1_empty.txt"
    empty.write_text("  \n\n \t\n")
    binary = tmp_path / "2_binary.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    huge = tmp_path / "3_huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    good = tmp_path / "4_good.txt"
    good.write_text(ARTICLE)
    results = read_all(tmp_path)
    assert skipped(results) == [
        Skipped(str(empty), "empty file"),
        Skipped(str(binary), "binary file, not text"),
        Skipped(str(huge), "file is 50.0 MB, over the 10 MB limit for one article"),
    ]
    assert [d.source_ref for d in documents(results)] == [str(good)]
    assert all("\n" not in s.reason for s in skipped(results))


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(ARTICLE)
    locked.chmod(0)
    assert read_all(locked) == [Skipped(str(locked), "cannot read file: permission denied")]


def test_latin1_file_is_decoded_with_a_notice_not_lost(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("Café in São Paulo opened its doors – again.".encode("cp1252"))
    notice, document = read_all(path)
    assert notice == Notice(str(path), "decoded as Windows-1252: not valid UTF-8")
    assert document.text == "Café in São Paulo opened its doors – again."


def test_line_endings_bom_and_control_characters_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes("\ufeffFirst line,\r\nsame paragraph.\x07\r\n\r\nSecond\x0b one.".encode())
    (document,) = read_all(path)
    assert document.text == "First line,\nsame paragraph.\n\nSecond one."


def test_jsonl_broken_middle_line_and_source_refs(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a-1", "text": ARTICLE, "date": "2022-01-10T08:30:00Z"}),
        json.dumps({"url": "https://example.com/b", "text": ARTICLE}),
        '{"text": "broken',
        json.dumps({"text": ARTICLE, "title": "Bridge", "publisher": "Daily"}),
        json.dumps({"id": 7, "title": "no body"}),
        json.dumps({"text": "   "}),
    ]
    path.write_text("\n".join(lines) + "\n")
    results = read_all(path)
    assert [(d.source_ref, d.published) for d in documents(results)] == [
        ("a-1", "2022-01-10"),
        ("https://example.com/b", None),
        (f"{path}:4", None),
    ]
    assert documents(results)[1].url == "https://example.com/b"
    assert documents(results)[2].publisher == "Daily"
    assert skipped(results) == [
        Skipped(f"{path}:3", "line 3: not JSON (Unterminated string starting at)"),
        Skipped(f"{path}:5 (7)", "record has no text field"),
        Skipped(f"{path}:6", "record text is empty"),
    ]


def test_jsonl_record_over_the_size_limit_is_skipped_alone(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    big = json.dumps({"text": "word " * (MAX_ARTICLE_BYTES // 5 + 1)})
    path.write_text(big + "\n" + json.dumps({"text": ARTICLE}) + "\n")
    results = read_all(path)
    assert [s.source_ref for s in skipped(results)] == [f"{path}:1"]
    assert skipped(results)[0].reason.startswith("line 1: record is 10.0 MB, over the 10 MB")
    assert [d.source_ref for d in documents(results)] == [f"{path}:2"]


def test_record_text_with_a_date_header_is_dated_unless_the_record_says(tmp_path: Path) -> None:
    path = tmp_path / "copied.jsonl"
    seed_text = SEED_000.read_text(encoding="utf-8")
    records = [{"id": "a", "text": seed_text}, {"id": "b", "text": seed_text, "date": "2022-01-11"}]
    path.write_text("\n".join(json.dumps(r) for r in records))
    first, second = read_all(path)
    assert first.published == "2022-01-10"
    assert second.published == "2022-01-11"
    assert first.text.startswith("Kazakhstan is Central Asia’s richest country")


def test_json_list_object_and_articles_wrapper(tmp_path: Path) -> None:
    listing = tmp_path / "list.json"
    listing.write_text(json.dumps([{"id": "x", "text": ARTICLE}, {"text": ARTICLE}, 5]))
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"text": ARTICLE, "published": "10 January 2022"}))
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"articles": [{"text": ARTICLE, "date": "someday"}]}))
    broken = tmp_path / "z_broken.json"
    broken.write_text("{not json")
    results = read_all(listing, single, wrapped, broken)
    assert [d.source_ref for d in documents(results)] == [
        "x",
        f"{listing}#1",
        str(single),
        f"{wrapped}#0",
    ]
    assert documents(results)[2].published == "2022-01-10"
    assert Notice(f"{wrapped}#0", "date 'someday' not understood; left empty") in results
    assert skipped(results) == [
        Skipped(f"{listing}#2", "record is a JSON int, not an object"),
        Skipped(
            str(broken), "not JSON (Expecting property name enclosed in double quotes at line 1)"
        ),
    ]


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2022-01-10", "2022-01-10"),
        ("2022-01-10T23:59:00+05:00", "2022-01-10"),
        ("Mon, 10 Jan 2022 08:00:00 GMT", "2022-01-10"),
        ("January 10, 2022", "2022-01-10"),
        ("yesterday", None),
        (None, None),
    ],
)
def test_normalise_date(written: str | None, iso: str | None) -> None:
    assert normalise_date(written) == iso
