"""Convert PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt) into newsgraph's verb tables.

Run once when the source changes; the coder reads only the output:

    python tools/convert_cameo_verbs.py \
        ../shared/data/events/dictionaries/CAMEO.2.0.txt src/newsgraph/data/events

writes three tab-separated tables (all words lower-cased):

* ``cameo_verbs.tsv``: ``verb block code forms``: every verb of every synonym block,
  the block's or its own default code (empty: coded only through a pattern) and its
  inflected forms (regular ones generated, irregular ones from the dictionary), so a
  verb is found even when the lemmatiser misreads it ("staged" -> "stag");
* ``cameo_verb_patterns.tsv``: ``block code subject words verbs origin``: the words
  that must stand before (``subject``) and after (``words``) a verb of the block, in
  order, for the pattern's code; ``&NAME`` is a synonym set; ``verbs`` limits the
  pattern to those verbs (phrasal verbs such as "ask for"); ``origin`` names the verbs
  the pattern was written for (a tie-break);
* ``cameo_synsets.tsv``: ``synset member``: the synonym sets; a member of several
  words is written with spaces.

PETRARCH's source and target markers (``$``, ``+``) and skips (``^``) are dropped:
newsgraph finds source and target from the parse. A pattern coding only the reverse
event (``[:173]``) is left out; of a two-way code (``[042:043]``) the forward one is kept.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from pathlib import Path

# "---  DELAY   [120]---  ---": four headers lack the space before the closing dashes.
BLOCK_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---")
CODE = re.compile(r"\[([^\]]*)\]")
FORMS = re.compile(r"\{([^}]*)\}")
NO_CODE = "---"
DROPPED_MARKERS = {"$", "+", "^", "%", "!", "*"}


@dataclass
class Block:
    name: str
    code: str
    verbs: list[tuple[str, str, list[str]]] = field(default_factory=list)
    patterns: list[tuple[str, str, str, str, str]] = field(default_factory=list)


def words_of(phrase: str) -> str:
    """``ASK_FOR`` -> ``ask for``; ``RE_`` style trailing underscores are dropped."""
    return " ".join(word for word in phrase.lower().split("_") if word)


def forward_code(raw: str) -> str | None:
    """The source-to-target code of ``[042:043]``; None for ``[:173]``; ``""`` for no code."""
    code = raw.strip().split(":")[0].strip()
    if raw.strip().startswith(":"):
        return None
    return "" if code == NO_CODE else code


def regular_forms(verb: str) -> list[str]:
    """Third person, past and present participle of a regular English verb."""
    if verb.endswith("e"):
        return [verb + "s", verb + "d", verb[:-1] + "ing"]
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return [verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return [verb + "es", verb + "ed", verb + "ing"]
    return [verb + "s", verb + "ed", verb + "ing"]


def pattern_words(text: str) -> str:
    """Pattern words in order: parentheses and braces only group, markers are dropped."""
    tokens = text.replace("(", " ").replace(")", " ").replace("{", " ").replace("}", " ").split()
    kept = [token for token in tokens if token not in DROPPED_MARKERS]
    return " ".join(token if token.startswith("&") else words_of(token) for token in kept)


def parse_synsets(lines: list[str]) -> list[tuple[str, str]]:
    members: list[tuple[str, str]] = []
    current = None
    for raw in lines:
        line = raw.split("#")[0].strip()
        if line.startswith("&"):
            current = line.split()[0]
        elif line.startswith("+") and current:
            members.append((current, words_of(line[1:].split()[0])))
    return members


def parse_blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    for raw in lines:
        line, _, comment = raw.partition("#")
        if not line.strip():
            continue
        header = BLOCK_HEADER.match(line)
        if header:
            blocks.append(Block(header.group(1), forward_code(header.group(2)) or ""))
            continue
        if not blocks:
            continue
        block = blocks[-1]
        if line.startswith("-"):
            codes = CODE.findall(line)
            if not codes or (code := forward_code(codes[-1])) is None:
                continue
            body = CODE.sub("", line[1:])
            before, star, after = body.partition("*")
            if not star:
                continue
            origin = ",".join(words_of(v.strip()) for v in comment.split(",") if v.strip())
            block.patterns.append((code, pattern_words(before), pattern_words(after), "", origin))
            continue
        codes = CODE.findall(line)
        own = forward_code(codes[0]) if codes else None
        irregular = FORMS.findall(line)
        head = FORMS.sub("", CODE.sub("", line)).split()
        if not head:
            continue
        verb = words_of(head[0].lstrip("+"))
        forms = [words_of(f.lstrip("+")) for f in irregular[0].split()] if irregular else []
        block.verbs.append((verb, block.code if own is None else own, forms))
    return blocks


def verb_rows(blocks: list[Block]) -> tuple[list[list[str]], list[list[str]]]:
    """Verb rows, and the patterns that phrasal verbs ("ask for") stand for."""
    verbs, phrasal = [], []
    for block in blocks:
        for verb, code, irregular in block.verbs:
            first, *rest = verb.split()
            if rest:
                # "ask for": the verb "ask" with "for" after it.
                phrasal.append([block.name, code, "", " ".join(rest), first, verb])
                verbs.append([first, block.name, "", ""])
                continue
            forms = [*regular_forms(first), *(f for f in irregular if " " not in f)]
            verbs.append([first, block.name, code, "|".join(dict.fromkeys(forms))])
    return verbs, phrasal


def write_tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    note = f"# Converted from PETRARCH2 CAMEO.2.0.txt (MIT) by tools/{Path(__file__).name}\n"
    lines = ["\t".join(header), *("\t".join(row) for row in rows)]
    path.write_text(note + "\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="CAMEO.2.0.txt")
    parser.add_argument("out_dir", type=Path, help="src/newsgraph/data/events")
    args = parser.parse_args()
    text = args.source.read_text(encoding="utf-8", errors="replace").splitlines()
    split = next(i for i, line in enumerate(text) if "VERB PATTERNS" in line)
    synsets = parse_synsets(text[:split])
    blocks = parse_blocks(text[split:])
    verbs, phrasal = verb_rows(blocks)
    patterns = [
        [block.name, code, before, after, verbs_, origin]
        for block in blocks
        for code, before, after, verbs_, origin in block.patterns
    ]
    patterns += phrasal
    write_tsv(args.out_dir / "cameo_verbs.tsv", ["verb", "block", "code", "forms"], verbs)
    write_tsv(
        args.out_dir / "cameo_verb_patterns.tsv",
        ["block", "code", "subject", "words", "verbs", "origin"],
        patterns,
    )
    write_tsv(args.out_dir / "cameo_synsets.tsv", ["synset", "member"], [list(m) for m in synsets])
    print(f"{len(verbs)} verbs, {len(patterns)} patterns, {len(synsets)} synonyms")


if __name__ == "__main__":
    main()
