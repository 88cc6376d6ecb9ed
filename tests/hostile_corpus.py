"""A seeded corpus of hostile inputs, with real articles mixed in (issue 17).

``write_corpus(folder)`` writes over 1,000 entries of every kind newsgraph has
been seen to choke on: binary files, broken encodings, broken HTML and JSON, huge
and deeply nested files, garbage WARCs, odd file names and special files. Each
entry is listed with what a run must do with it: skip it with a line naming it,
or read it (a real article, or a damaged file that still holds text). Run as a
script it writes the corpus into a folder for a manual ``newsgraph ingest``:

    python tests/hostile_corpus.py /tmp/hostile
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import random
import string
import sys
from dataclasses import dataclass, field
from pathlib import Path

import py3langid

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
BODIES = ROOT.parent / "shared" / "data" / "extraction" / "ground-truth.json"
SEED = 17
# Article bodies this long at most are mixed in: spaCy time stays small.
REAL_ARTICLE_MAX_CHARS = 2500
REAL_ARTICLES = 16


@dataclass
class Corpus:
    """What was written: paths that must each be named by a skipped line, paths that
    may be read (real, or damaged but still holding text), and the real articles,
    which must be read."""

    folder: Path
    skipped: list[Path] = field(default_factory=list)
    read: list[Path] = field(default_factory=list)
    real: list[Path] = field(default_factory=list)
    real_refs: list[str] = field(default_factory=list)  # their source_ref once stored

    @property
    def entries(self) -> int:
        return len(self.skipped) + len(self.read)


class _Writer:
    def __init__(self, folder: Path, rng: random.Random) -> None:
        self.folder = folder
        self.rng = rng
        self.corpus = Corpus(folder)
        self.number = 0

    def path(self, kind: str, suffix: str) -> Path:
        self.number += 1
        return self.folder / kind / f"{self.number:04d}{suffix}"

    def skip(self, kind: str, suffix: str, data: bytes) -> Path:
        path = self.path(kind, suffix)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.corpus.skipped.append(path)
        return path

    def read(self, kind: str, suffix: str, data: bytes, real: bool = False) -> Path:
        path = self.path(kind, suffix)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.corpus.read.append(path)
        if real:
            self.corpus.real.append(path)
        return path

    def noise(self, size: int) -> bytes:
        return self.rng.randbytes(size)

    def words(self, count: int) -> str:
        return " ".join(
            "".join(self.rng.choices(string.ascii_lowercase, k=self.rng.randint(2, 9)))
            for _ in range(count)
        )


def _real_bodies() -> list[str]:
    """Short human-written article bodies: the bundled samples, then benchmark bodies
    where ../shared is beside the clone (the samples alone where it is not)."""
    bodies = [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt"))]
    if BODIES.exists():
        truth = json.loads(BODIES.read_text(encoding="utf-8"))
        short = [value["articleBody"] for _, value in sorted(truth.items())]
        bodies += [body for body in short if 600 < len(body) <= REAL_ARTICLE_MAX_CHARS]
    english = [body for body in bodies if py3langid.classify(body)[0] == "en"]
    return english[:REAL_ARTICLES]


def _warc(records: list[bytes]) -> bytes:
    return b"".join(records)


def _warc_record(uri: str | None, block: bytes, length: str | None = None) -> bytes:
    headers = ["WARC/1.0", "WARC-Type: response", "WARC-Record-ID: <urn:uuid:x>"]
    if uri is not None:
        headers.append(f"WARC-Target-URI: {uri}")
    headers.append("Content-Type: application/http; msgtype=response")
    headers.append(f"Content-Length: {length or len(block)}")
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def _page(text: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n") if p.strip())
    return (
        f"<html><head><title>News</title></head><body><article>{paragraphs}</article></body></html>"
    )


def write_corpus(folder: Path, seed: int = SEED) -> Corpus:
    """Write the corpus into ``folder`` (created) and say what each entry must cost."""
    rng = random.Random(seed)
    out = _Writer(folder, rng)
    folder.mkdir(parents=True, exist_ok=True)

    # Real articles, in every format.
    for number, body in enumerate(_real_bodies()):
        kind = ("txt", "jsonl", "json", "html")[number % 4]
        if kind == "txt":
            path = out.read("real", ".txt", body.encode(), real=True)
        elif kind == "jsonl":
            record = {"id": f"real-{number}", "text": body}
            out.read("real", ".jsonl", (json.dumps(record) + "\n").encode(), real=True)
        elif kind == "json":
            path = out.read("real", ".json", json.dumps({"text": body}).encode(), real=True)
        else:
            path = out.read("real", ".html", _page(body).encode(), real=True)
        out.corpus.real_refs.append(f"real-{number}" if kind == "jsonl" else str(path))

    # 1. Binary data under every article suffix.
    for number in range(300):
        suffix = (".txt", ".md", ".json", ".html", ".jsonl")[number % 5]
        out.skip("binary", suffix, b"\x00" + out.noise(rng.randint(16, 3000)))
    for magic in (
        b"%PDF-1.7\n",
        b"\x89PNG\r\n\x1a\n",
        b"GIF89a",
        b"\xff\xd8\xff\xe0",
        b"PK\x03\x04",
    ):
        out.skip("binary", ".html", magic + out.noise(500))

    # 2. Broken encodings: too few words survive, so each is skipped by name.
    for number in range(80):
        words = out.words(3).encode("utf-16-le")
        variants = (
            codecs.BOM_UTF16_LE + words + b"x",  # odd byte count after the BOM
            codecs.BOM_UTF16_LE + b"\x00\xd8" + words,  # an unpaired surrogate
            codecs.BOM_UTF16_BE + b"\xdc\x00" + out.words(2).encode("utf-16-be"),
            codecs.BOM_UTF32_LE + out.words(3).encode("utf-32-le") + b"\xff\xff\xff\x7f",
            b"\xc3\x28\xa0\xa1 " + out.words(2).encode() + b" \xed\xa0\x80",  # bad UTF-8
        )
        # Bad UTF-8 falls back to Windows-1252 and is read, with a note; the rest
        # keep too few words to be an article.
        keep = out.read if number % len(variants) == 4 else out.skip
        keep("encoding", (".txt", ".md")[number % 2], variants[number % len(variants)])
    for number in range(20):  # JSON Lines in UTF-16/32: records hold byte 0x0A
        codec = ("utf-16", "utf-32")[number % 2]
        record = json.dumps({"id": f"wide-{number}", "text": "\u0a0a " + out.words(2)}) + "\n"
        out.skip("encoding", ".jsonl", (record * 2).encode(codec) + b"\x00")

    # 3. Broken HTML.
    for number in range(120):
        variants = (
            b"<html><body><p>" + out.words(20).encode(),  # cut short
            b"<html>" + b"<div>" * rng.randint(1000, 50000) + b"text",  # nested deep
            b"<" * rng.randint(1, 5000),
            b"<html><head><title>" + out.words(3).encode() + b"</title></head></html>",
            b"<p>" + b"&#" + str(rng.randint(10**6, 10**9)).encode() + b";" * 50 + b"</p>",
            b"<html><body><script>" + out.words(100).encode() + b"</script></body></html>",
            ("<p>" + "\ud800".encode("utf-8", "surrogatepass").decode("latin-1") + "</p>").encode(),
            b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaa'>]><x>&a;&a;&a;</x>",
        )
        suffix = (".html", ".htm", ".xhtml")[number % 3]
        # A page cut short may still hold enough words to be read.
        keep = out.read if number % len(variants) == 0 else out.skip
        keep("html", suffix, variants[number % len(variants)])
    for number in range(10):  # gzip that is not gzip, or cut short
        whole = gzip.compress(_page(out.words(50)).encode())
        data = whole[: len(whole) // 2] if number % 2 else out.noise(200)
        out.skip("html", ".html.gz", data)

    # 4. Broken JSON.
    for number in range(260):
        depth = rng.randint(2000, 100000)
        variants = (
            "[" * depth + "]" * depth,  # nested past the decoder's recursion limit
            '{"text": "' + out.words(5),  # cut short
            "[]",
            "{}",
            json.dumps({"text": 12345, "id": "n"}),
            '{"id": ' + "9" * rng.randint(4301, 6000) + ', "text": "' + out.words(10) + '"}',
            json.dumps([1, 2, 3] * rng.randint(1, 50)),
            "null",
            '"just a string"',
            "{" + '"a":' * 50 + "1",
        )
        text = variants[number % len(variants)]
        suffix = ".json" if number % 2 else ".jsonl"
        if suffix == ".jsonl":
            text = text.replace("\n", " ") + "\n"
        out.skip("json", suffix, text.encode())
    for number in range(10):  # a lone surrogate escape in the text: read, with U+FFFD
        record = {"id": f"surrogate-{number}", "text": "Ministers \ud800 met " + out.words(30)}
        encoded = json.dumps(record)  # json.dumps writes the lone surrogate as "\ud800"
        out.read("json", ".jsonl", (encoded + "\n").encode())
    for number in range(10):  # a lone surrogate in the id, title and publisher
        record = {"id": f"id-\udfff-{number}", "title": "T\ud800", "publisher": "P\udc00"}
        record["text"] = "Officials said " + out.words(30)
        out.read("json", ".json", json.dumps(record).encode())

    # 5. Huge files: long texts are cut and read; amplifiers cost one line each.
    blob_word = "".join(rng.choices(string.ascii_letters + string.digits, k=1000))
    blob = "Report. " + " ".join(blob_word[i:] + blob_word[:i] for i in range(1100))
    out.read("huge", ".txt", blob.encode())
    out.read(
        "huge", ".jsonl", (json.dumps({"id": "huge-record", "text": blob * 5}) + "\n").encode()
    )
    out.read("huge", ".html", ("<html><body><p>" + blob * 5 + "</p></body></html>").encode())
    out.skip("huge", ".json", ("[" + ",".join(["0"] * 1_000_000) + "]").encode())
    out.skip("huge", ".txt", b"word " * (2 * 1024 * 1024 + 1))  # over the 10 MB file limit

    # 6. Garbage WARC files.
    page = _page("Officials met on Monday. " + out.words(60)).encode()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
    for number in range(150):
        variants = (
            b" \n\t\n" * rng.randint(0, 50),
            _warc([_warc_record("http://example.com/a", b"hello")]),  # no HTTP headers
            _warc([_warc_record("http://example.com/b", b"x", length="9" * 20)]),
            _warc([_warc_record(None, b"x", length="9" * 20)]),
            _warc([_warc_record("http://example.com/c", b"HTTX/1.1 abc\r\n\r\n" + page)]),
            _warc([_warc_record("javascript:alert(1)", http)]),
            out.noise(rng.randint(10, 2000)),
            b"WARC/1.0\r\n" + out.noise(300),
            gzip.compress(out.noise(100)),
            gzip.compress(b"   \n"),
        )
        data = variants[number % len(variants)]
        suffix = ".warc.gz" if number % 3 == 0 and not data.startswith(b"\x1f\x8b") else ".warc"
        if data.startswith(b"\x1f\x8b"):
            suffix = ".warc.gz"
        out.skip("warc", suffix, data)

    # 7. Odd file names (each an empty file, so each must be named in the summary).
    odd = out.folder / "names"
    odd.mkdir()
    names = [
        b"bad\xff\xfename.txt",
        b"esc\x1b[2J\x1b[Hclear.txt",
        b"new\nline.txt",
        b"carriage\rreturn.md",
        b"bell\x07.txt",
        "rtl\u202eeulav.txt".encode(),
        b"-rf.txt",
        b" spaced .txt",
        b"tab\tname.json",
        "zero\u200bwidth.jsonl".encode(),
        b"x" * 240 + b".txt",
    ]
    names += [
        b"odd-\xc3" + bytes([rng.randint(0x80, 0xFF)]) + f"{n}.txt".encode() for n in range(40)
    ]
    for name in names:
        path = Path(os.fsdecode(odd)) / os.fsdecode(name)
        path.write_bytes(b"" if rng.random() < 0.5 else b"  \n ")
        out.corpus.skipped.append(path)

    # 8. Special files: FIFOs, devices and loops behind article names.
    special = folder / "special"
    special.mkdir()
    for number in range(10):
        fifo = special / f"fifo-{number}.txt"
        os.mkfifo(fifo)
        out.corpus.skipped.append(fifo)
    for number, target in enumerate(["/dev/zero", "/dev/urandom", "/dev/null"] * 3):
        link = special / f"device-{number}.jsonl"
        link.symlink_to(target)
        out.corpus.skipped.append(link)
    loop = special / "loop.txt"
    loop.symlink_to(loop)
    out.corpus.skipped.append(loop)
    return out.corpus


if __name__ == "__main__":
    written = write_corpus(Path(sys.argv[1]))
    print(f"{written.entries} entries, {len(written.real)} real articles, in {written.folder}")
