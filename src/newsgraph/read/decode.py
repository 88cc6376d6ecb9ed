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


@dataclass(frozen=True)
class DecodedText:
    """Decoded text and, when the bytes were not UTF-8, the encoding actually used."""

    text: str
    fallback_encoding: str | None = None

    @property
    def notice(self) -> str | None:
        """One line for the run summary when the text needed a fallback decoding."""
        if self.fallback_encoding is None:
            return None
        return f"decoded as {self.fallback_encoding}: not valid UTF-8"


def looks_binary(sample: bytes) -> bool:
    """Whether bytes look like a binary file (images, archives, PDFs) rather than text."""
    head = sample[:_SNIFF_BYTES]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    decoded = head.decode("utf-8", errors="ignore") or head.decode("latin-1")
    controls = len(_CONTROL_CHARS.findall(decoded.replace("\r", "").replace("\x0c", "")))
    return controls > _MAX_CONTROL_SHARE * max(len(decoded), 1)


def decode_bytes(raw: bytes) -> DecodedText:
    """Decode article bytes: UTF-16/UTF-8 by BOM, then UTF-8, then Windows-1252, then Latin-1."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return DecodedText(normalise_text(raw.decode("utf-16")))
    try:
        return DecodedText(normalise_text(raw.decode("utf-8-sig")))
    except UnicodeDecodeError:
        pass
    try:
        return DecodedText(normalise_text(raw.decode("cp1252")), "Windows-1252")
    except UnicodeDecodeError:
        return DecodedText(normalise_text(raw.decode("latin-1")), "Latin-1")


def normalise_text(text: str) -> str:
    """Unix line endings and no control characters, so later stages see one shape of text."""
    return _CONTROL_CHARS.sub("", _LINE_BREAKS.sub("\n", text.lstrip("\ufeff")))
