"""Bytes to clean text: every reader decodes through here so all sources behave alike.

Articles in the wild come in UTF-8, UTF-8 with a BOM, UTF-16 from Windows tools, or
legacy Windows-1252. A document must never be lost to its encoding, so decoding
falls back instead of failing, and says when it did so the run summary can tell.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# C0 and C1 control characters other than tab and newline never belong in article text.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
# How much of the file is sniffed for binary content.
_SNIFF_BYTES = 8192
# Share of control characters above which a decoded sample is not text.
_MAX_CONTROL_SHARE = 0.1
# Byte order marks of wide encodings, UTF-32 first: its little-endian mark starts
# with UTF-16's. Python's codecs read and drop the mark.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class DecodedText:
    """Decoded text and, when decoding needed a fallback, one line for the run summary."""

    text: str
    notice: str | None = None


def looks_binary(sample: bytes) -> bool:
    """Whether bytes look like a binary file (images, archives, PDFs) rather than text."""
    head = sample[:_SNIFF_BYTES]
    if bom_encoding(head):
        return False
    if b"\x00" in head:
        return True
    decoded = head.decode("utf-8", errors="ignore") or head.decode("latin-1")
    controls = len(_CONTROL_CHARS.findall(decoded.replace("\r", "").replace("\x0c", "")))
    return controls > _MAX_CONTROL_SHARE * max(len(decoded), 1)


def bom_encoding(raw: bytes) -> str | None:
    """The UTF-16 or UTF-32 encoding that ``raw``'s byte order mark declares, if any."""
    return next((name for bom, name in _WIDE_BOMS if raw.startswith(bom)), None)


def decode_bytes(raw: bytes) -> DecodedText:
    """Decode article bytes: UTF-16/32 by BOM, then UTF-8, then Windows-1252, then Latin-1.

    Broken UTF-16 or UTF-32 (an odd byte at the end, an unpaired surrogate) keeps its
    readable text; each bad unit becomes U+FFFD and the notice says so.
    """
    wide = bom_encoding(raw)
    if wide:
        text = raw.decode(wide, errors="replace")
        broken = text.count("\ufffd") - raw.decode(wide, errors="ignore").count("\ufffd")
        notice = f"broken {wide.upper()}: {broken} bad characters replaced" if broken else None
        return DecodedText(normalise_text(text), notice)
    try:
        return DecodedText(normalise_text(raw.decode("utf-8-sig")))
    except UnicodeDecodeError:
        pass
    try:
        return DecodedText(normalise_text(raw.decode("cp1252")), _fallback("Windows-1252"))
    except UnicodeDecodeError:
        return DecodedText(normalise_text(raw.decode("latin-1")), _fallback("Latin-1"))


def _fallback(encoding: str) -> str:
    return f"decoded as {encoding}: not valid UTF-8"


def normalise_text(text: str) -> str:
    """Unix line endings and no control characters, so later stages see one shape of text."""
    return _CONTROL_CHARS.sub("", _LINE_BREAKS.sub("\n", text.lstrip("\ufeff")))
