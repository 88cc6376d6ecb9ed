"""Claims in English: the numbers an article states, with what they measure and when.

spaCy finds the numbers (PERCENT, MONEY, QUANTITY and CARDINAL entities); the parse
says what each measures: the noun it counts ("12 people"), the noun it modifies ("a
$5 billion loan") or the subject of the verb it completes ("the Kazakh population
topped 68 percent"). Whose figure it is, where the text says, is its holder
(holders.py). The time is the nearest year in the sentence, else the year an earlier
sentence of the same paragraph opened with ("In 1970, ..."), else the article's date
(times.py); whether it is stated, supposed or planned is its mood (mood.py).
How far each is a figure an analyst can use is its confidence (confidence.py).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from newsgraph.claims.confidence import Basis, confidence, kind_of, table
from newsgraph.claims.frames import place_frame
from newsgraph.claims.holders import Holding, holder_words, holding, sum_of_no_one, wants_holder
from newsgraph.claims.mood import mood
from newsgraph.claims.numbers import (
    MEASURES,
    NUMBER,
    PERCENT_WORDS,
    NumberWords,
    Ratio,
    fraction_of,
    is_ratio_numerator,
    number_words,
    parse_number,
    ratio_ending,
    unit_of,
)
from newsgraph.claims.phrases import (
    SUBJECTS,
    Subject,
    counted_of,
    part_that,
    share_of_whole,
)
from newsgraph.claims.referents import name_the_description, name_the_pronouns
from newsgraph.claims.subjects import (
    count_verb,
    counted_noun,
    measured_subject,
    subject_of,
)
from newsgraph.claims.times import YEAR, framing_year, nearest_year, year_said_relative
from newsgraph.events.clauses import dateline_end
from newsgraph.nlp import doc_text, sentences_with_entities
from newsgraph.records import Claim
from newsgraph.records import Span as TextSpan

# A number with letters glued on, as model specs and clock times are written ("2.3GHz", "6am").
GLUED_UNIT = re.compile(r"\d[a-zA-Z]")
# What may cling to a name at a holder's word edge: "Cazeneuve," of "Cazeneuve, the minister".
EDGE_PUNCTUATION = ",;:()"
# Digits led by a zero: "000", "07"; no count is written so.
ZERO_LED = re.compile(r"0\d")
GLUED_NUMBER = re.compile(r"\d+(?:\.\d+)?(?P<suffix>[a-zA-Z]+)")
HYPHENATED_MEASURE = re.compile(r"\d\s?-\s?[^\W\d_]")
ALPHA_WORD = re.compile(r"[^\W\d_]{2,}")
MAX_SUBJECT_WORDS = 20
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
# What completes a noun after it: a clause on it, or a phrase ("those *of voting age*").
COMPLETING_DEPS = frozenset({"acl", "relcl", "prep"})
# Kinds of figure a holder has or gives (a share, a sum), where a name is whose, not what.
HELD_KINDS = frozenset({"share", "money", "price"})
# Entities that name who has or gives a sum: a person, an organisation.
HOLDER_ENTITIES = frozenset({"PERSON", "ORG"})


def extract_claims(doc: Doc, article_id: str, *, date: str | None = None) -> list[Claim]:
    """Claims for every measured number in ``doc`` whose subject the parse gives."""
    words = number_words()
    claims: list[Claim] = []
    paragraph_year: str | None = None
    previous: Span | None = None
    text = doc_text(doc)
    names = _names_of_holders(doc)
    for sentence, entities in sentences_with_entities(doc):
        # Sentences never span paragraphs, so a blank line up to here means a new one.
        if previous is None or "\n\n" in text[previous.start_char : sentence.start_char]:
            paragraph_year = None
        measures = [e for e in entities if e.label_ in MEASURES]
        specs = bool(measures) and _states_specifications(sentence, entities, words)
        for entity in measures:
            if _is_not_a_measure(entity, words) or is_ratio_numerator(entity, words):
                continue
            ratio = ratio_ending(entity, words) if entity.label_ == "CARDINAL" else None
            fraction = fraction_of(entity, words)
            if ratio is None:
                share = share_of_whole(entity, fraction=fraction is not None)
            else:
                share = _ratio_part(entity, ratio)
            measured = share or measured_subject(entity)
            number, unit = parse_number(entity, words), unit_of(entity, words)
            if ratio is not None:
                number, unit = ratio.percent, "percent"
            elif fraction is not None:
                number, unit = fraction, "percent"
            if measured is None or not _is_a_figure(entity, measured.text, number, unit, words):
                continue
            year = nearest_year(entity, entities)
            # a part of a whole (that does something, or of a ratio) is no one's
            may_be_held = share is None and ratio is None
            if may_be_held:
                held = holding(entity, measured, words.light_verbs)
            else:
                held = Holding(None, measured)
            measured = held.subject
            frame = place_frame(entity, measured.text)
            if frame is not None:
                measured = Subject(f"{measured.text} {frame}", measured.head)
            named = name_the_pronouns(measured.text, entity)
            if named is not None:
                measured = Subject(named, measured.head)
            basis = _basis(entity, sentence, measured, (number, unit), (year, specs), words)
            if named is None or (
                may_be_held
                and (
                    held.unnamed
                    or wants_holder(measured, held.holder)
                    or (basis.kind == "money" and sum_of_no_one(measured, held.holder))
                )
            ):
                basis = replace(basis, holder="missing")
            if held.open_sum:
                basis = replace(basis, subject="poor")
            if held.holder is None and (
                _only_a_kind(measured)
                or (
                    share is None
                    and basis.kind == "share"
                    and _names_only_a_whole(entity, measured, sentence)
                )
            ):
                basis = replace(basis, subject="poor")
            if share is None and (
                (basis.kind == "share" and _names_a_topic(measured.head))
                # "voters said | eight in 10": a part of a whole that does not say which
                or ratio is not None
                or fraction is not None
            ):
                basis = replace(basis, subject="poor")
            holder = name_the_description(_not_the_dateline(held.holder, sentence), entity)
            if holder is not None and basis.holder == "given" and not _names_any(holder, names):
                basis = replace(basis, holder="described")
            value = _value_words(entity, ratio)
            claims.append(
                Claim(
                    span=TextSpan(article_id, value.start_char, value.end_char),
                    sentence=TextSpan(article_id, sentence.start_char, sentence.end_char),
                    subject=measured.text,
                    value=value.text,
                    number=number,
                    unit=unit,
                    time=year
                    or year_said_relative(entity, entities, date)
                    or paragraph_year
                    or date,
                    confidence=confidence(basis),
                    holder=holder,
                )
            )
        frame = framing_year(sentence, entities)
        paragraph_year = frame or paragraph_year
        previous = sentence
    return claims


def _not_the_dateline(holder: str | None, sentence: Span) -> str | None:
    """A holder, unless it is the place a story was filed from ("DOVER, Del. -"), which
    the parser often makes the first verb's subject: where is no one's figure. (Cut from a
    longer holder, "SALEM, Ore. - Police", a blind reader judged the first claim it
    changed worse; such holders stay whole.)"""
    end = dateline_end(sentence[0])
    if holder is None or end < 0:
        return holder
    return None if holder in sentence.doc[sentence.start : end].text else holder


def _names_of_holders(doc: Doc) -> frozenset[str]:
    """The names in ``doc`` of someone or somewhere that can hold a figure: a holder with
    none of them is only described ("the billionaire businessman", "a challenger"), and
    whose the figure is the claim does not say ("the Indian navy" and "Islamic State
    attackers" say it)."""
    labels = holder_words().holder_labels
    return frozenset(e.text for e in doc.ents if e.label_ in labels)


def _names_any(holder: str, names: frozenset[str]) -> bool:
    """Whether a run of the holder's words is one of ``names``: a set lookup for each run,
    as a long article names thousands."""
    words = holder.split()
    return any(
        " ".join(words[i:j]).strip(EDGE_PUNCTUATION) in names
        for i in range(len(words))
        for j in range(i + 1, len(words) + 1)
    )


def _value_words(entity: Span, ratio: Ratio | None) -> Span:
    """The words of a value: the entity, or the whole of a ratio it ends."""
    return entity if ratio is None else entity.doc[ratio.start : entity.end]


def _ratio_part(denominator: Span, ratio: Ratio) -> Subject | None:
    """What a ratio measures when the people it counts do something: "seven in 10 farmers
    say the subsidy is late" measures the farmers that say so (``part_that``). The parse
    makes the counted noun the subject, or the first number ("nine in 10 teachers
    said"). A ratio a verb takes ("Hispanics made up two in 10 voters") measures that
    verb's subject, as a share does. None leaves the counted noun."""
    noun = counted_noun(denominator)
    numerator = denominator.doc[ratio.start : denominator.start].root
    if noun is None:
        return None
    if numerator.dep_ in {"dobj", "attr"} and noun not in numerator.head.children:
        return subject_of(numerator.head)
    acting = next((w for w in (noun, numerator) if w.dep_ in SUBJECTS), None)
    if acting is None:
        return None
    start = max(denominator.end, noun.left_edge.i)  # "one in five *of the applicants*"
    return part_that(noun, acting.head, start, noun.right_edge.i)


def _basis(
    entity: Span,
    sentence: Span,
    subject: Subject,
    value: tuple[float | None, str | None],
    context: tuple[str | None, bool],
    words: NumberWords,
) -> Basis:
    """What a figure measures and how it is told, for its confidence; ``value`` is its
    number and unit, ``context`` the year its sentence names and whether the sentence
    states a product's specifications."""
    number, unit = value
    year, specs = context
    if entity.label_ == "QUANTITY":
        unit_words = [t.lemma_.lower() for t in entity if t.is_alpha]
    else:
        unit_words = [unit] if unit else []
    verb = count_verb(entity) if entity.label_ == "CARDINAL" else None
    harmed = verb is not None and verb.lemma_.lower() in words.harm_verbs
    vague = number is None and any(token.lower_ in words.vague for token in entity)
    if entity.label_ == "MONEY" and number is None:
        # "millions of dollars" is a large sum; "a few dollars" is not.
        number = max((words.scales.get(t.lower_.removesuffix("s"), 0.0) for t in entity), default=0)
    if entity.label_ == "CARDINAL" and _counts_a_sample(entity):
        kind = "sample"
    else:
        kind = "people" if harmed else kind_of(entity.label_, number, unit, unit_words)
    # "countries | 85" of "operating in 85 countries": a count of places with no verb
    # says nothing of them
    bare_places = kind == "places" and verb is None
    named = (
        not bare_places
        and _names_what_is_measured(subject)
        and not _grades_an_adjective(entity)
        and not _names_a_holder(subject.head, kind)
        and not _names_no_whole(subject.head, kind)
        and not (kind == "share" and _is_a_percent_phrase(subject))
    )
    if sentence.root.pos_ not in {"VERB", "AUX"}:
        told = "fragment"
    elif _in_brackets(entity, sentence):
        told = "aside"
    else:
        # A count of people is news beside any specification ("the 2-mile-long convoy").
        told = "specs" if specs and kind != "people" else "clause"
    return Basis(
        kind=kind,
        subject="named" if named else "poor",
        sentence=told,
        value="vague" if vague else "exact",
        support="sourced" if _is_sourced(entity, sentence) else "dated" if year else "none",
        mood=mood(entity),
    )


def _in_brackets(entity: Span, sentence: Span) -> bool:
    """Whether a figure stands in brackets, where writers put asides: a conversion
    ("($78,770)"), a comparison, a footnote, a line of a box score."""
    before = sentence.doc[sentence.start : entity.start].text
    return before.rfind("(") > before.rfind(")")


def _states_specifications(sentence: Span, entities: list[Span], words: NumberWords) -> bool:
    """Whether a sentence gives a product's specifications: a quantity in a unit that is
    not one of goods, land or energy ("2-liter", "109 mph"), or a number with a unit glued
    on ("120Hz", "4ms"), as spec sheets write them; a share beside them ("99% sRGB
    coverage", "20% more powerful") is one more."""
    units = table().units
    if any(
        e.label_ == "QUANTITY" and not any(t.lemma_.lower() in units for t in e) for e in entities
    ):
        return True
    return any(
        (glued := GLUED_NUMBER.fullmatch(token.text))
        and glued["suffix"].lower() not in words.not_glued_units
        for token in sentence
    )


def _is_sourced(entity: Span, sentence: Span) -> bool:
    """Whether the sentence says where the figure comes from: a verb of stating or finding
    that governs it ("officials said 30 people ..."), "according to", or a noun for a
    source of figures ("census data show")."""
    sources = table().sources
    if any(token.lemma_.lower() in sources for token in entity.root.ancestors):
        return True
    return any(
        token.lower_ == "according" or (token.pos_ == "NOUN" and token.lemma_.lower() in sources)
        for token in sentence
    )


def _grades_an_adjective(entity: Span) -> bool:
    """A percent that grades an adjective before a noun ("100 percent complete information")
    says how much of the quality, not a figure about the noun."""
    head = entity.root.head
    return (
        entity.label_ == "PERCENT"
        and entity.root.dep_ == "npadvmod"
        and head.pos_ == "ADJ"
        and head.dep_ == "amod"
    )


def _names_a_holder(head: Token, kind: str) -> bool:
    """Whether a figure's subject (its ``head`` word) names who has, gives or reports it
    rather than what it measures: a sum's subject that is a name, a person or an
    institution ("Mr. Stephens | $2.5 million", "The company | $2.3 billion": a gift, a
    fortune, a fee, sales?), any share's or sum's that is a
    poll or a study ("A poll | 52 percent": whose share?). A people's or a candidate's
    share is what it measures ("the Kazakhs | 32 percent" of the population, "Cruz | 20
    percent" of the vote)."""
    if kind not in HELD_KINDS:
        return False
    lemma = head.lemma_.lower()
    if lemma in table().reports:
        return True
    return kind != "share" and (
        head.pos_ == "PROPN"
        or head.ent_type_ in HOLDER_ENTITIES
        or lemma in table().people
        or lemma in table().places
    )


def _names_no_whole(head: Token, kind: str) -> bool:
    """Whether a share's subject (its ``head`` word) says nothing of what it is a share of:
    one name ("Ms. Lopez | 38 percent": of the vote, of a poll's answers?) or a
    verb ("earned | 42 percent"). A share is always of some whole, and only a noun can
    name it; a people's name (plural: "the Kazakhs | 32 percent") is the part of a
    population it measures."""
    named_one = head.tag_ == "NNP" and head.ent_type_ != "NORP"
    return kind == "share" and (head.pos_ in {"VERB", "AUX"} or named_one)


def _names_a_topic(head: Token) -> bool:
    """Whether a share's subject is a common noun of no whole: not people, a place or an
    institution, a measure that is someone's, a change, or another measure a share can be
    of (``share_measures``): "Immigration | 7 percent", "the job | 50 percent"."""
    return head.pos_ == "NOUN" and head.lemma_.lower() not in _share_wholes()


@cache
def _share_wholes() -> frozenset[str]:
    """What a share can be of: people, places, measures, changes (``_names_a_topic``)."""
    words, holders = table(), holder_words()
    wholes = words.people | words.places | words.share_measures | words.units
    return wholes | holders.measure_nouns | holders.held_nouns | number_words().changes


def _is_a_percent_phrase(subject: Subject) -> bool:
    """Whether a share's subject is a percent phrase ("percent of registered voters") or
    a part's ("a majority of Republicans"): it names the whole but not the part measured,
    which its clause, too long to take, told."""
    head = subject.head
    if head.lower_ in PERCENT_WORDS:
        return True
    return _has_of_phrase(head) and head.lemma_.lower() in table().parts


def _has_of_phrase(noun: Token) -> bool:
    """Whether a noun says of what it is: "the number *of voters*", "a majority *of X*"."""
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


def _counts_a_sample(entity: Span) -> bool:
    """Whether a count is of the people a poll or a study asked: the count stands in the
    phrase of a noun of surveying ("a poll of 900 voters, including 300 women") or is the
    object of a verb of it ("surveyed 1,000 adults", "1,000 adults were interviewed")."""
    noun = counted_noun(entity)
    word = noun if noun is not None and entity.root.dep_ == "nummod" else entity.root
    surveys = table().surveys
    while word.head != word:
        parent = word.head
        if parent.lemma_.lower() in surveys:
            asked = {"dobj", "nsubjpass", "prep"}  # "surveyed 900 adults, including 300 ..."
            return parent.pos_ in {"NOUN", "PROPN"} or word.dep_ in asked
        if parent.pos_ in {"VERB", "AUX"} and parent.dep_ != "prep":
            # a clause ("including" stands as a preposition): a sample only when a poll
            # is what it tells of ("the poll was conducted among 1,358 voters"); a noun the
            # parser joined to the verb is a phrase of it it was coordinated with ("on
            # cellphones and *landlines among* 1,358 voters")
            of_the_clause = word.dep_ == "prep" or (word.dep_ == "conj" and word.pos_ == "NOUN")
            return of_the_clause and any(
                c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in surveys
                for c in parent.children
            )
        word = parent
    return False


def _only_a_kind(subject: Subject) -> bool:
    """Whether the subject is one bare noun and nothing else ("passengers | 56",
    "workers | 50", "Hispanics | 29 percent"): it names a kind of thing, not which of
    them are counted, what they did or whose they are, which only the sentence tells."""
    return len(subject.text.split()) == 1


def _names_only_a_whole(entity: Span, subject: Subject, sentence: Span) -> bool:
    """Whether a share's subject names only the group or thing it is a share of, with no
    verb that says what that part does, thinks or is ("African Americans | 81 percent",
    "minority voters | 30%"): a share of a group is always of those in it who do
    something. A measure of its own is a level and needs no verb ("turnout | 60 percent",
    "the jobless rate | 5 percent", "shares up | 17 percent"); so is a share the subject
    is said to be, where the sentence before names the whole ("the Kazakhs were only 32
    percent")."""
    if subject.head.lemma_.lower() in _measures():
        return False
    if _is_said_to_be(entity):
        return False
    verbs = {token.text for token in sentence if token.pos_ in {"VERB", "AUX"}}
    return not any(word in verbs for word in subject.text.split())


def _is_said_to_be(entity: Span) -> bool:
    """Whether a figure is what its clause's subject is said to be ("they were 32 percent",
    "they were only 32 percent five decades ago"), not a phrase's ("were tied *at* 41
    percent")."""
    root = entity.root
    if root.dep_ == "pobj":
        return False
    verb = root.head
    while verb.pos_ in {"ADJ", "ADV"} and verb.head != verb:
        verb = verb.head
    return verb.lemma_.lower() == "be"


@cache
def _measures() -> frozenset[str]:
    """Nouns of a measure a share can be of by itself (``_names_only_a_whole``)."""
    return holder_words().measure_nouns | table().share_measures | number_words().changes


def _names_what_is_measured(subject: Subject) -> bool:
    """Whether a subject reads as a noun phrase naming what is measured: not one that runs
    on past twenty words (a parse gone astray), crosses a line, opens with a bracket, ends
    in no word ("GBP=") or is only a word for a quantity ("the number", "money"; "the
    total rose", where a verb of change follows it)."""
    text, words = subject.text, subject.text.split()
    vague = table().vague_subjects
    head = subject.head
    only_a_quantity = {words[-1].casefold()} if words else set()
    if not _has_of_phrase(head):
        only_a_quantity.add(head.lower_)
    return (
        0 < len(words) <= MAX_SUBJECT_WORDS
        and "\n" not in text
        and text[0].isalnum()
        and words[-1].rstrip(".")[-1:].isalpha()  # an abbreviation's point: "Calif."
        and not any(word in vague or word.removesuffix("s") in vague for word in only_a_quantity)
        and not _points_back(head)
    )


def _points_back(noun: Token) -> bool:
    """Whether a subject is a demonstrative that points to what an earlier sentence named
    ("that vote", "this measure"): alone it does not say what is measured. One that a
    clause or phrase after it completes points forward ("those voters who stayed home")."""
    demonstrative = any(
        child.dep_ == "det" and child.lower_ in DEMONSTRATIVES for child in noun.lefts
    )
    completed = any(child.dep_ in COMPLETING_DEPS for child in noun.rights)
    return demonstrative and not completed


def _is_not_a_measure(entity: Span, words: NumberWords) -> bool:
    """Years, house numbers, numbers inside names and pieces of a longer number or a
    clock time are not claims."""
    root = entity.root
    if entity.label_ != "CARDINAL":
        return False
    if YEAR.fullmatch(entity.text.strip()) or _is_a_piece(entity):
        return True
    head = root.head
    return head.ent_type_ in words.name_labels or head.pos_ == "PROPN"


def _is_a_piece(entity: Span) -> bool:
    """Whether digits are only a piece of a number written apart: led by a zero ("000" of
    "26 , 000"; a count never is), or the minutes after a clock's hour and colon ("51" of
    "23 : 51")."""
    if ZERO_LED.match(entity.text):
        return True
    doc, start = entity.doc, entity.start
    return start >= 2 and doc[start - 1].text == ":" and doc[start - 2].like_num


def _is_a_figure(
    entity: Span, subject: str, number: float | None, unit: str | None, words: NumberWords
) -> bool:
    """Whether a number is a figure the text cites, not a word of description.

    Not figures: a measure that names a kind of thing ("the 16-inch MacBook", "an 11-game
    streak", "a four-cylinder engine"); a number with no unit ("for $195" read as 195,
    "U.S. crude 55.12"); a subject that is only the unit, so what is measured is missing
    ("200 yard", "Fifty-one percent"); a value with its unit glued on, as models and clocks
    write them ("2.3GHz", "6am", "4K"); a kitchen measure ("1 cup", "1 tsp"); and a small
    count, which describes ("the two sides", "three enemy factions", "one of the critics")
    unless it counts people harmed or held, which is news however few ("two soldiers were
    killed"). A vague count ("hundreds of people") keeps its words.
    """
    if _names_a_kind(entity) or GLUED_UNIT.search(entity.text):
        return False
    if number is None and NUMBER.search(entity.text):
        return False  # digits that are no one number: "2018.04.05", "1.234.567"
    if any(NUMBER.match(a.text) and NUMBER.match(b.text) for a, b in pairwise(entity)):
        return False  # two numbers side by side, as a table row has them: "28 38%"
    if sum(token.lower_ in PERCENT_WORDS for token in entity) > 1:
        return False  # two shares, as a score is given: "44% to 43%" (a range: "57 to 60%")
    counted = counted_of(entity.root)
    if entity.text in subject or (counted is not None and counted.pos_ == "PRON"):
        return False  # "70 percent of Americans", "a total of 3 inches"; "hundreds of them"
    if unit is None or unit in words.kitchen_units or not ALPHA_WORD.search(subject):
        return False
    if subject.casefold() in {unit, entity.text.casefold()}:
        return False
    head = subject.split()[-1].casefold() if subject.split() else ""
    if head in {unit, *unit.split()} and entity.label_ != "CARDINAL":
        return False
    small = number is not None and number < words.smallest_count
    if entity.label_ == "CARDINAL" and unit != "percent" and small:
        verb = count_verb(entity)
        return verb is not None and verb.lemma_.lower() in words.harm_verbs
    return True


def _names_a_kind(entity: Span) -> bool:
    """A measure written as one hyphenated word ("16-inch", "11-game", "a 1.8-liter"): the
    form English gives a measure that names a kind of thing, not a figure about it."""
    return HYPHENATED_MEASURE.search(entity.text) is not None
