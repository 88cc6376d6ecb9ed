"""Hostile input never stops a run (issue 17): one bad entry costs one line.

A seeded corpus of over 1,000 hostile entries with real articles mixed in is
ingested in one run; each defect found by fuzzing has its own regression test;
Hypothesis feeds random bytes and JSON to every reader, to ``extract`` and to
``code --file``.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import socket
import sqlite3
import string
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from hostile_corpus import write_corpus
from newsgraph.cli import app
from newsgraph.extract import NotAnArticle, extract_page
from newsgraph.nlp import annotate_with
from newsgraph.pipeline import Ingestor
from newsgraph.read import MAX_ARTICLE_CHARS, MAX_SKIPS_LISTED, Notice, read_paths
from newsgraph.read.fetch import Fetcher, FetchError
from newsgraph.records import RawDocument, Skipped
from newsgraph.store import open_store
from newsgraph.textcut import text_pieces
from newsgraph.untrusted import path_text, printable

runner = CliRunner()
ARTICLE = (
    "The finance minister said on Monday that the budget would cut energy prices for "
    "families across the region this winter. Unions welcomed the plan."
)
# A line of the summary is never longer than this (two bounded values and a label).
MAX_LINE = 2 * 160 + 40
_RECORD_SUFFIX = re.compile(r"(?::\d+|#\d+)(?: \(.*\))?$")
_UNSAFE = set(map(chr, [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, 0x85, 0x2028, 0x202E]))


def read_one(path: Path) -> list:
    return list(read_paths([path]))


def reasons(results: list) -> list[str]:
    return [r.reason for r in results if isinstance(r, Skipped)]


def documents(results: list) -> list[RawDocument]:
    return [r for r in results if isinstance(r, RawDocument)]


# --- The corpus: one run over 1,000+ hostile entries ----------------------------


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    corpus = write_corpus(folder / "in")
    db = folder / "store.db"
    result = runner.invoke(app, ["ingest", str(corpus.folder), "--db", str(db)])
    return corpus, db, result


def test_corpus_has_over_a_thousand_hostile_entries_of_every_kind(corpus_run) -> None:
    corpus, _, _ = corpus_run
    assert corpus.entries - len(corpus.real) >= 1000
    kinds = {path.parent.name for path in corpus.skipped + corpus.read}
    assert kinds >= {"binary", "encoding", "html", "json", "huge", "warc", "names", "special"}


def test_corpus_run_ends_with_the_skipped_status_and_stores_every_real_article(
    corpus_run,
) -> None:
    corpus, db, result = corpus_run
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 1, result.output[-2000:]
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {ref for (ref,) in connection.execute("SELECT source_ref FROM articles")}
    assert set(corpus.real_refs) <= stored
    # Long texts are cut, with a notice, and still stored.
    assert f"{corpus.folder}/huge/" in "".join(stored)
    assert "only its first" in result.output


def test_corpus_run_names_every_bad_entry_in_one_safe_bounded_line(corpus_run) -> None:
    corpus, _, result = corpus_run
    lines = result.output.splitlines()
    assert not _UNSAFE & set(result.output)
    assert max(map(len, lines)) <= MAX_LINE
    skipped = [line.removeprefix("skipped ") for line in lines if line.startswith("skipped ")]
    # A line names a file, or a record of it: "FILE: why", "FILE:3 (id): why", "FILE#2: why".
    named = {_RECORD_SUFFIX.sub("", line.split(": ", 1)[0]) for line in skipped}
    missing = [path for path in corpus.skipped if printable(path_text(path)) not in named]
    assert missing == []
    # A file of a million bad records costs a bounded number of lines.
    assert len(skipped) < corpus.entries + 20 * MAX_SKIPS_LISTED


# --- 1. Deeply nested JSON ------------------------------------------------------


def test_deeply_nested_json_is_skipped_in_ingest_extract_and_code(tmp_path: Path) -> None:
    nested = "[" * 100_000 + "]" * 100_000
    (tmp_path / "deep.json").write_text(nested)
    (tmp_path / "deep.jsonl").write_text(nested + "\n")
    results = read_one(tmp_path)
    assert reasons(results) == [
        "not usable JSON (nested too deeply)",
        "line 1: not usable JSON (nested too deeply)",
    ]
    page = (
        f'<html><head><script type="application/ld+json">{nested}</script></head>'
        f"<body><article><p>{ARTICLE}</p></article></body></html>"
    )
    assert ARTICLE[:40] in extract_page(page).text
    coded = runner.invoke(app, ["code", "--file", str(tmp_path / "deep.jsonl")])
    assert coded.exit_code == 1
    assert json.loads(coded.stdout)["error"].endswith("nested too deeply)")


# --- 2. Long texts -----------------------------------------------------------------


def test_a_text_past_the_limit_is_cut_at_a_paragraph_with_a_notice(tmp_path: Path) -> None:
    paragraph = ARTICLE + "\n\n"
    path = tmp_path / "long.txt"
    path.write_text(paragraph * (MAX_ARTICLE_CHARS // len(paragraph) + 100))
    notice, document = read_one(path)
    assert isinstance(notice, Notice) and "only its first" in notice.message
    assert len(document.text) <= MAX_ARTICLE_CHARS
    assert document.text.endswith("Unions welcomed the plan.\n\n")


def test_long_texts_are_annotated_in_pieces_with_offsets_into_the_whole_text(nlp) -> None:
    text = "\n\n".join(
        f"{ARTICLE} Chancellor Olaf Scholz met Emmanuel Macron in Paris ({n})." for n in range(12)
    )
    ((doc, context),) = annotate_with([(text, "ctx")], nlp, piece_chars=700)
    assert context == "ctx" and doc.text == text
    pieces = text_pieces(text, 700)
    assert len(pieces) > 3 and all(piece.endswith("\n\n") for piece in pieces[:-1])
    expected, start = [], 0
    for piece in pieces:  # each piece as spaCy reads it alone, shifted to its place
        expected += [(e.text, e.start_char + start, e.label_) for e in nlp(piece).ents]
        start += len(piece)
    assert [(e.text, e.start_char, e.label_) for e in doc.ents] == expected
    assert all(doc.text[e.start_char : e.end_char] == e.text for e in doc.ents)
    paragraph_starts = {0, *(m.end() for m in re.finditer("\n\n", text))}
    assert paragraph_starts <= {s.start_char for s in doc.sents}


# --- 3. Broken UTF-16 and UTF-32 -------------------------------------------------


def test_broken_utf16_keeps_its_text_and_wide_jsonl_splits_on_characters(tmp_path: Path) -> None:
    body = ARTICLE.encode("utf-16-le")
    (tmp_path / "a_odd.txt").write_bytes(codecs.BOM_UTF16_LE + body + b"x")
    (tmp_path / "b_surrogate.txt").write_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8" + body)
    record = {"id": "wide", "text": "Ministers met \u0a0a today. " + ARTICLE}
    (tmp_path / "c_wide.jsonl").write_bytes((json.dumps(record) + "\n").encode("utf-32"))
    results = read_one(tmp_path)
    notices = [r.message for r in results if isinstance(r, Notice)]
    assert notices == ["broken UTF-16: 1 bad characters replaced"] * 2
    odd, surrogate, wide = documents(results)
    assert odd.text == ARTICLE + "\ufffd" and surrogate.text == "\ufffd" + ARTICLE
    assert wide.text == record["text"]


# --- 4, 7. Lone surrogates and non-UTF-8 file names reach the store safely ---------


def test_lone_surrogates_and_undecodable_names_are_stored(tmp_path: Path, nlp) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    record = {"id": "s\ud800", "title": "T\udfff", "publisher": "P\ud800", "text": ARTICLE}
    (folder / "surrogates.jsonl").write_text(json.dumps(record) + "\n")
    other = "Police in Lyon arrested six men after a night of riots. The mayor called for calm."
    (folder / "text.json").write_text(json.dumps({"text": "Ministers \ud800 met. " + other}))
    odd_name = Path(os.fsdecode(bytes(folder) + b"/bad\xffname.txt"))
    odd_name.write_text("Floods closed roads across Bavaria on Sunday, and rail services stopped.")
    with open_store(str(tmp_path / "s.db")) as store:
        report = Ingestor(store, nlp=nlp).ingest_paths([folder])
    assert report.skipped == [] and report.read == 3
    with sqlite3.connect(tmp_path / "s.db") as connection:
        rows = set(connection.execute("SELECT source_ref, title, publisher FROM articles"))
    assert rows == {
        (f"{folder}/bad\\xffname.txt", None, None),
        ("s\ufffd", "T\ufffd", "P\ufffd"),
        (f"{folder}/text.json", None, None),
    }


# --- 5. Huge integers ---------------------------------------------------------------


def test_an_id_of_5000_digits_is_a_reason_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text('{"id": ' + "9" * 5000 + f', "text": "{ARTICLE}"}}\n')
    assert reasons(read_one(path)) == ["line 1: not usable JSON (a number with too many digits)"]


# --- 6, 10. Garbage WARC files and silent drops -----------------------------------


def _warc(uri: str | None, block: bytes, length: str | None = None) -> bytes:
    head = ["WARC/1.0", "WARC-Type: response", "WARC-Record-ID: <urn:uuid:1>"]
    head += [f"WARC-Target-URI: {uri}"] if uri else []
    head += ["Content-Type: application/http; msgtype=response"]
    head += [f"Content-Length: {length or len(block)}"]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def test_garbage_warcs_and_empty_inputs_each_give_a_reason(tmp_path: Path) -> None:
    page = f"<html><body><article><p>{ARTICLE}</p></article></body></html>".encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
    files = {
        "a_spaces.warc": b"  \n\n \t\n",
        "b_no_http.warc": _warc("http://example.com/a", b"hello"),
        "c_huge_length.warc": _warc(None, b"x", length="9" * 20),
        "d_bad_status.warc": _warc("http://example.com/d", b"HTTX/1.1 abc\r\n\r\n" + page),
        "e_javascript.warc": _warc("javascript:alert(1)", http),
        "f_empty.warc.gz": b"",
        "g_empty.jsonl": b" \n \n",
        "h_empty_list.json": b"[]",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    results = read_one(tmp_path)
    assert [(Path(r.source_ref.split("#")[0]).name, r.reason) for r in results] == [
        ("a_spaces.warc", "empty file"),
        ("b_no_http.warc", "record 1: response has no HTTP status line"),
        ("c_huge_length.warc", "WARC unreadable after 0 records: garbled record (AttributeError)"),
        ("d_bad_status.warc", "record 1: response has no HTTP status line"),
        ("e_javascript.warc", "record 1: target is not a web address: javascript:alert(1)"),
        ("f_empty.warc.gz", "empty file"),
        ("g_empty.jsonl", "empty file"),
        ("h_empty_list.json", "JSON holds no article records (an empty list)"),
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can list any folder")
def test_an_unreadable_subfolder_is_reported(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        assert reasons(read_one(tmp_path)) == ["cannot list folder: permission denied"]
    finally:
        locked.chmod(0o755)


# --- 8. Special files ----------------------------------------------------------------


def test_fifos_and_devices_are_refused_without_reading(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "a_fifo.txt")
    (tmp_path / "b_zero.txt").symlink_to("/dev/zero")
    started = time.monotonic()
    assert reasons(read_one(tmp_path)) == [
        "not a regular file: a FIFO",
        "not a regular file: a character device",
    ]
    assert time.monotonic() - started < 5


# --- 9. Exit statuses ------------------------------------------------------------------


def test_exit_status_tells_all_read_from_skipped_from_failed(tmp_path: Path, capsys) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["ingest", str(good), "--db", db]).exit_code == 0
    assert runner.invoke(app, ["ingest", str(tmp_path / "none.txt"), "--db", db]).exit_code == 1
    assert runner.invoke(app, ["ingest", "--no-such-option"]).exit_code == 2
    broken_db = tmp_path / "broken.db"
    broken_db.write_bytes(b"this is not a database" * 100)
    with pytest.raises(SystemExit) as crash:
        app(["ingest", str(good), "--db", str(broken_db)], prog_name="newsgraph")
    assert crash.value.code == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("newsgraph: failed: DatabaseError: file is not a database")
    assert "Traceback" not in line and "traceback in" in line
    log = Path(line.split("traceback in ", 1)[1].split(";", 1)[0])
    assert "file is not a database" in log.read_text(encoding="utf-8")
    log.unlink()


# --- 11. The summary is safe to print -------------------------------------------------


def test_summary_escapes_names_bounds_reasons_and_names_record_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "esc\x1b[2J\x1b[Hclear.txt").write_text("")
    (folder / "new\nline.txt").write_text("")
    (folder / "raw.warc").write_bytes(b"WARC/1.0\r\n" + bytes(range(256)) * 20)
    (folder / "records.jsonl").write_text(json.dumps({"id": "r-7", "title": "no text"}) + "\n")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1
    assert not _UNSAFE & set(result.output)
    lines = [line for line in result.output.splitlines() if line.startswith("skipped")]
    assert len(lines) == 4 and max(map(len, lines)) <= MAX_LINE
    assert f"skipped {folder}/esc\\x1b[2J\\x1b[Hclear.txt: empty file" in lines
    assert f"skipped {folder}/new\\nline.txt: empty file" in lines
    assert f"skipped {folder}/records.jsonl:1 (r-7): record has no text field" in lines


# --- 12. Amplification ------------------------------------------------------------------


def test_a_million_bad_records_cost_a_few_lines_and_seconds(tmp_path: Path) -> None:
    path = tmp_path / "zeros.json"
    path.write_text("[" + ",".join(["0"] * 1_000_000) + "]")
    started = time.monotonic()
    results = read_one(path)
    assert time.monotonic() - started < 20
    assert len(results) == MAX_SKIPS_LISTED + 1
    assert sum(r.count for r in results) == 1_000_000
    assert results[-1] == Skipped(
        str(path),
        f"…and {1_000_000 - MAX_SKIPS_LISTED:,} more records skipped in this file",
        1_000_000 - MAX_SKIPS_LISTED,
    )


# --- 13. code: bad files, bad dates, plain output -----------------------------------------


def test_code_refuses_bad_files_and_dates_and_prints_a_table(tmp_path: Path) -> None:
    invalid = tmp_path / "latin.jsonl"
    invalid.write_bytes(
        json.dumps({"id": "l", "text": "Caf\xe9 owners protested."}).encode("latin-1")
    )
    for bad in (tmp_path / "missing.jsonl", tmp_path):
        result = runner.invoke(app, ["code", "--file", str(bad)])
        assert result.exit_code == 2 and "Traceback" not in result.output
    decoded = runner.invoke(app, ["code", "--file", str(invalid)])
    assert decoded.exit_code == 0 and json.loads(decoded.stdout)["id"] == "l"
    wrong_day = runner.invoke(app, ["code", "Police arrested protesters.", "--date", "2024-13-45"])
    assert wrong_day.exit_code == 2 and "2024-13-45 does not exist" in wrong_day.output
    table = runner.invoke(app, ["code", "Police arrested protesters in Kyiv."])
    assert table.exit_code == 0 and "Events" in table.output and "arrested" in table.output


# --- 14. A refused connection is not a timeout --------------------------------------------


def test_a_refused_connection_is_reported_as_such() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError) as refused:
        Fetcher(retries=0, timeout=2).get(f"http://127.0.0.1:{port}/")
    assert refused.value.reason == "cannot connect" and refused.value.transient


# --- Properties: random bytes and JSON to every reader, extract and code --------------------

SUFFIXES = (".txt", ".md", ".json", ".jsonl", ".html", ".html.gz", ".warc", ".warc.gz")
HYPOTHESIS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
records = st.fixed_dictionaries(
    {},
    optional={
        "id": json_values,
        "text": st.text() | json_values,
        "title": json_values,
        "date": json_values,
        "url": json_values,
    },
)


def _assert_clean_results(results: list) -> None:
    for result in results:
        assert isinstance(result, RawDocument | Skipped | Notice)
        if isinstance(result, Skipped):
            assert "unexpected" not in result.reason and "\n" not in result.reason
        if isinstance(result, RawDocument):
            result.text.encode("utf-8")
            result.source_ref.encode("utf-8")


@HYPOTHESIS
@given(data=st.binary(max_size=4000), suffix=st.sampled_from(SUFFIXES))
def test_every_reader_takes_random_bytes(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        _assert_clean_results(read_one(path))


@HYPOTHESIS
@given(value=json_values | records | st.lists(records, max_size=5), lines=st.booleans())
def test_json_readers_take_random_json(value, lines: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        if lines:
            path = Path(folder) / "input.jsonl"
            items = value if isinstance(value, list) else [value]
            path.write_text("\n".join(json.dumps(item) for item in items) + "\n")
        else:
            path = Path(folder) / "input.json"
            path.write_text(json.dumps(value))
        _assert_clean_results(read_one(path))


@HYPOTHESIS
@given(data=st.binary(max_size=4000) | st.text(max_size=2000).map(str.encode))
def test_extract_takes_random_bytes(data: bytes) -> None:
    try:
        page = extract_page(data)
    except NotAnArticle:
        return
    assert page.text.strip()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(records | json_values, min_size=1, max_size=4))
def test_code_file_takes_random_json_lines(items, nlp) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.jsonl"
        path.write_text("\n".join(json.dumps(item) for item in items) + "\n")
        result = runner.invoke(app, ["code", "--file", str(path)])
    assert result.exit_code in (0, 1), result.output
    assert len(result.stdout.splitlines()) == len(items)


@HYPOTHESIS
@given(text=st.text(alphabet=string.printable + "\x1b\x07\u202e\ud800\u2028", max_size=400))
def test_printable_is_one_bounded_safe_line(text: str) -> None:
    shown = printable(text)
    assert len(shown) <= 161 and not _UNSAFE & set(shown)
