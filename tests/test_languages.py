"""Every language in: Chinese, Japanese and German pages are stored with their
language, grouped with their near-duplicates and found by a word of them; only
English goes through the NLP stages."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from newsgraph.language import count_words, spaced_characters, supported
from newsgraph.pipeline import Ingestor
from newsgraph.records import Article
from newsgraph.store import Filters, open_store
from newsgraph.stories import Signature, VersionIndex
from workbench_server import running_server

CHINESE = [
    "上海市政府周一宣布，将在明年投入三百亿元改造城市老旧供水管网，覆盖全市十六个区。",
    "市水务局局长在新闻发布会上表示，部分管道已经使用超过五十年，漏损率明显高于全国平均水平，"
    "居民反映的水压不足和水质发黄问题大多与此有关。",
    "根据计划，改造工程将分三个阶段实施，优先安排人口密集的中心城区，"
    "施工期间将尽量在夜间进行，以减少对交通和居民生活的影响。",
    "专家认为，这项投资有助于提高城市应对极端天气的能力，但也提醒政府应公开招标过程，接受社会监督。",
]
CHINESE_OTHER = [
    "国家气象中心周二发布暴雨橙色预警，预计未来三天南方多个省份将出现强降雨天气。",
    "气象专家提醒，山区群众要警惕山洪和泥石流等次生灾害，低洼地区应提前做好排水准备，"
    "学校可根据当地情况调整上课时间。",
    "交通部门表示，部分高速公路和铁路线路可能临时限速或停运，旅客出行前应及时查询最新信息。",
]
JAPANESE = [
    "東京都は月曜日、来年度から都内の公立小学校すべてに太陽光パネルを設置する計画を発表した。",
    "都の担当者によると、総事業費はおよそ四百億円で、災害時には学校を地域の避難所として"
    "電力を供給できるようにする狙いがある。",
    "計画では、まず老朽化した校舎の屋根を補強したうえで工事を進め、三年以内に全校への設置を"
    "完了させる予定だという。",
    "一方、保護者の間からは費用の負担や工事中の安全対策について説明を求める声も上がっている。",
]
JAPANESE_OTHER = [
    "大阪府の観光協会は、今年の外国人観光客の数が過去最高を更新する見通しだと明らかにした。",
    "円安の影響で買い物を目的とした訪問者が増えており、特に飲食店や百貨店の売り上げが伸びている。",
    "ただ、一部の地域では混雑やごみの問題が深刻になっており、住民から対策を求める意見が出ている。",
]


def _article(article_id: str, paragraphs: list[str], language: str) -> Article:
    return Article(id=article_id, source_ref=article_id, paragraphs=paragraphs, language=language)


def _page(title: str, paragraphs: list[str], language: str) -> bytes:
    body = "".join(f"<p>{paragraph}</p>\n" for paragraph in paragraphs)
    return (
        f'<html lang="{language}"><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body><nav><a href='/'>首页</a></nav><article><h1>{title}</h1>\n{body}</article>"
        "</body></html>"
    ).encode()


def _near_duplicate(paragraphs: list[str]) -> list[str]:
    """A syndicated copy: the last paragraph cut, a few characters of another changed."""
    edited = paragraphs[1].replace("五十", "六十").replace("四百", "五百")
    return [paragraphs[0], edited, *paragraphs[2:-1]]


@pytest.mark.parametrize(
    ("language", "text", "other"),
    [("zh", CHINESE, CHINESE_OTHER), ("ja", JAPANESE, JAPANESE_OTHER)],
)
def test_near_duplicates_in_scripts_without_spaces_make_one_story(language, text, other):
    index = VersionIndex()
    index.add("a", "story-a", Signature.of(_article("a", text, language)))
    copy = Signature.of(_article("b", _near_duplicate(text), language))
    different = Signature.of(_article("c", other, language))
    assert index.match(copy) == "story-a"
    assert index.match(different) is None
    # Shingled by characters: a long text has many distinct shingles, not one per sentence.
    assert copy.size > 100


def test_spaced_text_is_left_alone_and_characters_count_as_words():
    english = "The council voted on Monday to repair the bridge."
    assert spaced_characters(english) is english
    assert count_words(english) == 9
    assert spaced_characters("東京都は、GDP 2%。") == " 東  京  都  は  GDP 2% "
    assert count_words(CHINESE[0]) == len(CHINESE[0]) - 3  # three punctuation marks


def test_only_languages_with_a_pipeline_get_facts():
    assert supported("en") and supported(None)
    assert not supported("zh") and not supported("de")


def test_chinese_and_japanese_pages_are_stored_grouped_and_searchable(
    tmp_path: Path, store_url: str, nlp
):
    pages = {
        "zh.html": _page("上海改造供水管网", CHINESE, "zh"),
        "zh-copy.html": _page("上海将改造老旧供水管网", _near_duplicate(CHINESE), "zh"),
        "zh-other.html": _page("南方将迎强降雨", CHINESE_OTHER, "zh"),
        "ja.html": _page("都内の小学校に太陽光パネル", JAPANESE, "ja"),
        "ja-copy.html": _page("東京都、小学校に太陽光", _near_duplicate(JAPANESE), "ja"),
    }
    for name, data in pages.items():
        (tmp_path / name).write_bytes(data)
    with open_store(store_url) as store:
        report = Ingestor(store, nlp=nlp).ingest_paths(sorted(tmp_path.glob("*.html")))
        stories = store.stories()
        found = {
            query: {hit["story_id"] for hit in store.search(query)}
            for query in ("供水管网", "管网", "太陽光パネル", "小学校", "暴雨")
        }
        counts = store.counts()
        # The workbench's ranked search takes the same route.
        ranked = {
            query: [hit["story_id"] for hit in store.search_stories(query, Filters())]
            for query in ("供水管网", "管网", "小学校")
        }
    assert not report.skipped
    assert report.languages == {"zh": 3, "ja": 2}
    assert report.without_facts == {"zh": 2, "ja": 1}
    assert "zh 3 (text, stories and search; no facts)" in report.language_summary()
    assert (report.new_stories, report.joined) == (3, 2)
    by_source = {
        Path(version["source_ref"]).name: story["id"]
        for story in stories
        for version in story["versions"]
    }
    assert by_source["zh.html"] == by_source["zh-copy.html"] != by_source["zh-other.html"]
    assert by_source["ja.html"] == by_source["ja-copy.html"]
    languages = {v["language"] for story in stories for v in story["versions"]}
    assert languages == {"zh", "ja"}
    # A word of three characters or more through the trigram index, a shorter one by LIKE.
    assert found["供水管网"] == found["管网"] == {by_source["zh.html"]}
    assert found["太陽光パネル"] == found["小学校"] == {by_source["ja.html"]}
    assert found["暴雨"] == {by_source["zh-other.html"]}
    assert ranked == {
        "供水管网": [by_source["zh.html"]],
        "管网": [by_source["zh.html"]],
        "小学校": [by_source["ja.html"]],
    }
    assert counts["actors"] == counts["quotes"] == counts["events"] == counts["claims"] == 0
    # The workbench says why such a story has no facts.
    with running_server(store_url) as base_url:
        page = httpx.get(f"{base_url}/stories/{by_source['zh.html']}", timeout=30).text
    assert 'id="story-language">zh<' in page and 'id="story-no-facts"' in page
    assert "上海市政府周一宣布" in page
