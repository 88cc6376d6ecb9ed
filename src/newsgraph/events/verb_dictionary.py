"""PETRARCH2's CAMEO verb dictionary, matched over the dependency parse.

The tables (``data/events/cameo_verbs.tsv``, ``cameo_verb_patterns.tsv``,
``cameo_synsets.tsv``) are converted from ``CAMEO.2.0.txt`` by
``tools/convert_cameo_verbs.py``. A verb belongs to synonym blocks; a pattern names
words that must follow the verb in its phrase ("lodged a *protest*", "held *talks*
with") or precede it in its subject, in order, gaps allowed. As in PETRARCH2, a pattern
serves every verb of its block ("began a hunger strike" uses the one written for
"start"). The pattern that matches the most words gives the code (of equal ones, the
one whose words come nearest after the verb, "launched *artillery* fire against camps
near the border", before one on the subject alone; then one written for the verb
itself), else the verb's own default code.

Everything is loaded once and indexed by word, so coding a verb costs a few dict
lookups and a check of the patterns whose first word occurs in its phrase.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

DATA_DIR = resources.files("newsgraph") / "data" / "events"
# Dependents whose words belong to the verb's own phrase (its object, particle,
# prepositional phrases); clauses below them say something else and are cut off.
PHRASE_DEPS = {"dobj", "dative", "prt", "prep", "agent", "attr", "oprd", "acomp", "npadvmod"}
CLAUSE_DEPS = {"relcl", "acl", "ccomp", "advcl", "xcomp", "conj", "cc", "appos", "punct"}
SUBJECT_SIDE_DEPS = {"nsubj", "nsubjpass", "aux", "auxpass", "neg"}
TIME_ENTITIES = {"DATE", "TIME"}
# Prepositions that set the scene of an action ("said *in* the statement").
SETTING_PREPS = {"in", "at", "during"}
# Parts of speech of the words of a phrasal verb ("call on", "pull out").
PARTICLE_POS = {"ADP", "PART"}

# One alternative of a pattern element: a word sequence, each word a set of forms.
Alternative = tuple[frozenset[str], ...]


@dataclass(frozen=True)
class Element:
    """One pattern word or synonym set: its alternatives, and every form they open with
    (so a token that opens none is passed over at the cost of one set lookup)."""

    alternatives: tuple[Alternative, ...]
    first_forms: frozenset[str]


@dataclass(frozen=True)
class VerbCodePattern:
    """Words before and after a verb that give it a code ("" for: no event)."""

    code: str
    subject: tuple[Element, ...]
    words: tuple[Element, ...]
    verbs: frozenset[str]
    origin: frozenset[str]

    @property
    def size(self) -> int:
        return len(self.subject) + len(self.words)


@dataclass(frozen=True)
class VerbMatch:
    """The code a verb takes, and whether a pattern's words (not the default) gave it."""

    code: str
    by_pattern: bool
    words: frozenset[int]
    # A pattern whose code is the verb's default says no more than the verb alone.
    is_default: bool = False
    # A pattern written for another verb of the block ("ban aid" serving "veto").
    borrowed: bool = False


def _read_tsv(name: str) -> list[dict[str, str]]:
    text = DATA_DIR.joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _word_forms(word: str) -> frozenset[str]:
    """A dictionary word and its singular, so "sanctions" and "rallies" meet their lemmas."""
    forms = {word}
    if word.endswith("ies") and len(word) > 4:
        forms.add(word[:-3] + "y")
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        forms.add(word[:-1])
        if word.endswith("es"):
            forms.add(word[:-2])
    return frozenset(forms)


class VerbDictionary:
    """Verbs, their blocks and the blocks' patterns, indexed for lookup by token."""

    def __init__(self) -> None:
        synsets: dict[str, list[Alternative]] = defaultdict(list)
        for row in _read_tsv("cameo_synsets.tsv"):
            synsets[row["synset"]].append(tuple(_word_forms(w) for w in row["member"].split()))
        self._synsets = synsets
        self.blocks_of: dict[str, list[str]] = defaultdict(list)
        self.default_code: dict[str, str] = {}
        self.lemma_of_form: dict[str, str] = {}
        # (verb, block) where the verb itself, not only a phrasal verb of it, is a member.
        self.plain_member: set[tuple[str, str]] = set()
        for row in _read_tsv("cameo_verbs.tsv"):
            verb = row["verb"]
            if row["block"] not in self.blocks_of[verb]:
                self.blocks_of[verb].append(row["block"])
            if row["forms"]:
                self.plain_member.add((verb, row["block"]))
            if row["code"] and verb not in self.default_code:
                self.default_code[verb] = row["code"]
            for form in row["forms"].split("|"):
                if form:
                    self.lemma_of_form.setdefault(form, verb)
        # Patterns by block, and within a block by every form their first word may take.
        self._by_first_word: dict[str, dict[str, list[VerbCodePattern]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self._subject_only: dict[str, list[VerbCodePattern]] = defaultdict(list)
        for row in _read_tsv("cameo_verb_patterns.tsv"):
            pattern = VerbCodePattern(
                code=row["code"],
                subject=self._elements(row["subject"]),
                words=self._elements(row["words"]),
                verbs=frozenset(v for v in row["verbs"].split(",") if v),
                origin=frozenset(v for v in row["origin"].split(",") if v),
            )
            if not pattern.size or any(not e.alternatives for e in pattern.words):
                continue  # no words, or a synonym set the source never defines
            if not pattern.words:
                self._subject_only[row["block"]].append(pattern)
                continue
            for form in pattern.words[0].first_forms:
                self._by_first_word[row["block"]][form].append(pattern)

    def _elements(self, text: str) -> tuple[Element, ...]:
        elements = []
        for word in text.split():
            if word.startswith("&"):
                alternatives = tuple(self._synsets.get(word, ()))
            else:
                alternatives = ((_word_forms(word),),)
            first = frozenset(form for a in alternatives for form in a[0])
            elements.append(Element(alternatives, first))
        return tuple(elements)

    def lemma(self, token: Token) -> str | None:
        """The dictionary verb ``token`` is: by its lemma, else by its inflected form."""
        lemma = token.lemma_.lower()
        if lemma in self.blocks_of:
            return lemma
        return self.lemma_of_form.get(token.lower_)

    def match(self, verb: Token, lemma: str) -> VerbMatch | None:
        """The code of ``verb`` (dictionary verb ``lemma``) from the best pattern or default."""
        after = _forms(phrase_tokens(verb))
        before = _forms(subject_side_tokens(verb))
        # in the phrase's order, so that patterns of equal rank are tried in the same
        # order on every run (a set's order changes with the hash seed)
        present = dict.fromkeys(form for _, forms in after for form in forms)
        best: tuple[tuple[int, int, bool], VerbCodePattern, list[int]] | None = None
        for block in self.blocks_of[lemma]:
            candidates = [
                pattern for form in present for pattern in self._by_first_word[block].get(form, ())
            ]
            candidates += self._subject_only[block]
            if (lemma, block) not in self.plain_member and not any(
                lemma in p.verbs and _match_sequence(p.words, after) is not None for p in candidates
            ):
                continue  # "call" is in CANCEL only as "call off": "called a strike" is not
            for pattern in candidates:
                if pattern.verbs and lemma not in pattern.verbs:
                    continue
                used = _match_sequence(pattern.words, after)
                if used is None or _is_others_idiom(pattern, lemma, used, verb.doc):
                    continue
                if used and _only_modifies(verb.doc[max(used)], used):
                    continue
                if pattern.verbs and not _follows(verb, used):
                    continue
                if _loose_preposition(verb, used) or _in_setting(verb, used):
                    continue
                used_before = _match_sequence(pattern.subject, before)
                if used_before is None:
                    continue
                rank = (pattern.size, -min(used, default=len(verb.doc)), lemma in pattern.origin)
                if best is None or rank > best[0]:
                    best = (rank, pattern, used)
        if best is not None:
            _, pattern, used = best
            if not pattern.code:
                return None
            default = pattern.code == self.default_code.get(lemma)
            borrowed = bool(pattern.origin) and lemma not in pattern.origin | pattern.verbs
            return VerbMatch(pattern.code, True, frozenset(used), default, borrowed)
        if code := self.default_code.get(lemma):
            return VerbMatch(code, False, frozenset())
        return None


def _follows(verb: Token, used: list[int]) -> bool:
    """Whether a phrasal verb's particle stands with its verb, as PETRARCH2 writes it
    ("GIVE_IN": consecutive words): its particle, or the word right after it. "gave a
    speech *in* Paris" is no "give in", "called the result a victory *for* democracy" no
    "call for"."""
    first = verb.doc[min(used)] if used else None
    return first is None or first.i == verb.i + 1 or (first.dep_ == "prt" and first.head == verb)


def _loose_preposition(verb: Token, used: list[int]) -> bool:
    """Whether a pattern of prepositions alone ("* (FOR)", a phrase on the verb) matched
    one that hangs on something else: "called the result a victory *for* democracy"."""
    tokens = [verb.doc[i] for i in used]
    return bool(tokens) and all(t.pos_ in PARTICLE_POS for t in tokens) and tokens[0].head != verb


def _in_setting(verb: Token, used: list[int]) -> bool:
    """Whether the pattern's words only say where or when the verb happens, through a
    preposition the pattern does not name: "said *in the release*" is no release."""
    for index in used:
        token = verb.doc[index]
        while token.head != token and token.head != verb:
            token = token.head
        if not (token.dep_ == "prep" and token.lower_ in SETTING_PREPS and token.i not in used):
            return False
    return bool(used)


def _only_modifies(token: Token, used: list[int]) -> bool:
    """Whether the pattern's last word only modifies the noun it names: "seized *power*"
    is no "seized the *power* plant", "vetoed an *aid* package" no "vetoed aid"."""
    return token.dep_ == "compound" and token.head.i not in used


def _is_others_idiom(pattern: VerbCodePattern, lemma: str, used: list[int], doc: Doc) -> bool:
    """Whether the pattern is another verb's idiom, which belongs to the verb it was
    written for rather than to its whole block: a phrasal verb, its words only particles,
    prepositions or measure words ("call *on*": "telephoned Kozyrev *on* Tuesday" is no
    appeal; "take *part*": "captured part of a stronghold" is no joining in), or a
    subject alone ("*troops* advance": "riots against *military* policies continue" is
    no military advance)."""
    if not pattern.origin or lemma in pattern.origin or lemma in pattern.verbs:
        return False  # its own pattern, or its own phrasal verb ("blow up")
    return all(
        doc[i].pos_ in PARTICLE_POS or doc[i].dep_ == "prt" or _is_partitive(doc[i]) for i in used
    )


def _is_partitive(token: Token) -> bool:
    """A measure word ("*part* of a stronghold"): as another verb's idiom ("take part")
    it says nothing of what this verb acts on."""
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def phrase_tokens(verb: Token) -> list[Token]:
    """The words of the verb's own phrase after it, in order, without embedded clauses."""
    found: list[Token] = []

    def walk(token: Token) -> None:
        found.append(token)
        for child in token.children:
            if child.dep_ not in CLAUSE_DEPS:
                walk(child)

    for child in verb.children:
        if child.dep_ in PHRASE_DEPS and child.i > verb.i and not dates_only(child):
            walk(child)
    return sorted(found, key=lambda token: token.i)


def dates_only(child: Token) -> bool:
    """A prepositional phrase that only dates the action: "called *on Thursday*" is no
    "call on"."""
    return child.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in TIME_ENTITIES for c in child.children
    )


def subject_side_tokens(verb: Token) -> list[Token]:
    """The subject, auxiliaries and negation before the verb, in order."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ in SUBJECT_SIDE_DEPS and child.i < verb.i:
            found.extend(t for t in child.subtree if t.dep_ not in CLAUSE_DEPS or t == child)
    return sorted(found, key=lambda token: token.i)


# A token as the matcher sees it: its index and its forms (lower-cased text and lemma).
TokenForms = tuple[int, tuple[str, str]]


def _forms(tokens: list[Token]) -> list[TokenForms]:
    return [(token.i, (token.lower_, token.lemma_.lower())) for token in tokens]


def _matches_at(alternative: Alternative, tokens: list[TokenForms], start: int) -> bool:
    if start + len(alternative) > len(tokens):
        return False
    return all(
        not wanted.isdisjoint(tokens[start + offset][1])
        for offset, wanted in enumerate(alternative)
    )


def _match_sequence(elements: tuple[Element, ...], tokens: list[TokenForms]) -> list[int] | None:
    """Token indices matching every element in order (gaps allowed), or None."""
    position = 0
    used: list[int] = []
    for element in elements:
        for start in range(position, len(tokens)):
            if element.first_forms.isdisjoint(tokens[start][1]):
                continue
            alternative = next(
                (a for a in element.alternatives if _matches_at(a, tokens, start)), None
            )
            if alternative is not None:
                used.extend(tokens[start + k][0] for k in range(len(alternative)))
                position = start + len(alternative)
                break
        else:
            return None
    return used


@cache
def verb_dictionary() -> VerbDictionary:
    """The converted PETRARCH2 verb dictionary, loaded once."""
    return VerbDictionary()
