"""Blind A/B judging of a change: what two audit runs print differently, side by side.

A change to a rule is kept only if it helps the held-apart part (JUDGING.md), and the rule's
author must not read that part case by case. This takes two runs of an audit script over
the same texts (``events_audit.py --shown --all``, ``claims_audit.py --size 100000``,
before and after the change, or two folders of such runs with the same file names), and
writes every sentence whose facts differ as one item with the two versions as A and B, in
an order drawn from a fixed seed, for a reader who writes no rule. Which side is the old
one goes to a separate key file. ``score`` reads the reader's verdicts back against the key
and prints only counts, so that the author learns which version won and nothing of the text.

    .venv/bin/python benchmarks/audit_ab.py pair OLD NEW --out /tmp/ab/negation
    .venv/bin/python benchmarks/audit_ab.py score /tmp/ab/negation

``pair`` writes OUT.txt (the items) and OUT.key and prints how many items there are. The
reader writes OUT.verdicts.tsv: one row per item, ``item<TAB>better`` (A, B or same), then
optionally the counts of right / partly / wrong facts of A and then of B.
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

# How an audit script prints: "[n] key: sentence", then each fact indented under it.
ITEM_MARK = "["
FACT_INDENT = "  "


def facts_by_sentence(path: Path) -> dict[str, list[str]]:
    """Each sentence an audit run printed, with its fact lines."""
    facts: dict[str, list[str]] = {}
    sentence = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(ITEM_MARK) and "]" in line:
            sentence = line.split("]", 1)[1].strip()
            facts.setdefault(sentence, [])
        elif line.startswith(FACT_INDENT) and sentence is not None:
            facts[sentence].append(line.strip())
    return facts


def runs(old: Path, new: Path) -> list[tuple[Path, Path]]:
    """The pairs of runs to compare: two files, or the files two folders share by name."""
    if old.is_file():
        return [(old, new)]
    return [
        (path, new / path.name) for path in sorted(old.glob("*.txt")) if (new / path.name).exists()
    ]


def changed(old: Path, new: Path) -> list[tuple[str, list[str], list[str]]]:
    """Every sentence whose facts differ between the runs, with the old and new facts."""
    items = []
    for old_run, new_run in runs(old, new):
        before, after = facts_by_sentence(old_run), facts_by_sentence(new_run)
        for sentence in sorted(before.keys() | after.keys()):
            was, now = before.get(sentence, []), after.get(sentence, [])
            if sorted(was) != sorted(now):
                items.append((sentence, was, now))
    return items


def pair(old: Path, new: Path, out: Path) -> int:
    """Write the A/B items and their key; the number of items."""
    chooser = random.Random(out.name)
    lines: list[str] = []
    key: list[str] = []
    for number, (sentence, was, now) in enumerate(changed(old, new), 1):
        old_first = chooser.random() < 0.5
        first, second = (was, now) if old_first else (now, was)
        key.append("A=old" if old_first else "B=old")
        lines.append(f"[{number}] {sentence}")
        for side, facts in (("A", first), ("B", second)):
            lines.append(f"  {side}:")
            lines.extend(f"    {fact}" for fact in facts or ["(none)"])
        lines.append("")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.with_suffix(".txt").write_text("\n".join(lines), encoding="utf-8")
    out.with_suffix(".key").write_text("\n".join(key) + "\n", encoding="utf-8")
    return len(key)


def score(out: Path) -> dict[str, int | list[int]]:
    """How many items the reader judged better in the new version, in the old, the same;
    and the fact judgments of each version where the reader gave them."""
    key = out.with_suffix(".key").read_text(encoding="utf-8").split()
    result: dict[str, int | list[int]] = {"new": 0, "old": 0, "same": 0}
    judged = {"old": [0, 0, 0], "new": [0, 0, 0]}
    with out.with_suffix(".verdicts.tsv").open(encoding="utf-8") as verdicts:
        for row in csv.reader(verdicts, delimiter="\t"):
            if not row or not row[0].strip().isdigit():
                continue  # a header
            a_side = "old" if key[int(row[0]) - 1] == "A=old" else "new"
            b_side = "new" if a_side == "old" else "old"
            better = {"A": a_side, "B": b_side}.get(row[1].strip(), "same")
            result[better] += 1
            for side, counts in ((a_side, row[2:5]), (b_side, row[5:8])):
                for place, count in enumerate(counts):
                    judged[side][place] += int(count) if count.strip().isdigit() else 0
    return result | {"old facts r/p/w": judged["old"], "new facts r/p/w": judged["new"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    paired = commands.add_parser("pair", help="write the A/B items of two runs and their key")
    paired.add_argument("old", type=Path, help="the run before the change (file or folder)")
    paired.add_argument("new", type=Path, help="the run after it")
    paired.add_argument("--out", type=Path, required=True, help="OUT.txt and OUT.key")
    scored = commands.add_parser("score", help="count a reader's verdicts against the key")
    scored.add_argument("out", type=Path)
    args = parser.parse_args()
    if args.command == "pair":
        print(f"{pair(args.old, args.new, args.out)} items in {args.out.with_suffix('.txt')}")
    else:
        for name, value in score(args.out).items():
            print(f"{name}: {value}")


if __name__ == "__main__":
    main()
