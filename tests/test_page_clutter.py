"""Cleaner pages: related-link cards and tag lines out of the body, and the publisher
from the page's own metadata or the site's name (self-written pages)."""

from __future__ import annotations

from trafilatura.utils import load_html

from newsgraph.clean import clean_document
from newsgraph.extract import default_rules, extract_page
from newsgraph.read.html import page_document
from newsgraph.records import RawDocument
from newsgraph.split_body import join_split_body, split_body_parts

PARAGRAPHS = (
    "<p>The city council approved a new budget on Tuesday after weeks of debate over road"
    " repairs, library hours and the cost of snow removal in the coming winter.</p>"
    "<p>Officials said the plan raises spending on bridges by a fifth and keeps property"
    " taxes flat for the second year in a row, which residents had asked for.</p>"
)


def _page(head: str, body: str, title: str = "Council passes budget") -> str:
    return (
        f"<html><head><title>{title}</title>{head}</head><body><article>"
        f"<h1>Council passes budget</h1>{body}</article></body></html>"
    )


def _text(html: str, url: str | None = None) -> str:
    return clean_document(page_document(extract_page(html, url), "test")).text


def test_a_card_of_links_after_a_linked_name_leaves_the_sentence() -> None:
    sentence = (
        "<p>A man pleaded guilty to threatening Rep. <span class='person'>"
        "<a href='/people/jane-roe'>Jane Roe</a><span class='card'><img src='x.jpg'>"
        "<a href='/people/jane-roe'>Jane Roe</a><a href='/a/1'>Senators question budget"
        " rider over surveillance</a> <a href='/a/2'>Progressives oppose stopgap bill</a>"
        "</span></span>, prosecutors said on Monday in a statement to reporters.</p>"
    )
    text = _text(_page("", sentence + PARAGRAPHS))
    assert "threatening Rep. Jane Roe, prosecutors said on Monday" in text
    assert "Senators question" not in text and "Jane RoeJane Roe" not in text


def test_a_card_whose_first_link_has_the_address_of_the_glued_link_leaves() -> None:
    sentence = (
        "<p>The budget was signed by Gov. <span class='people'>"
        "<a href='/people/jane-roe'>Jane Roe</a><span class='card'><img src='x.jpg'>"
        "<a href='/people/jane-roe'>Jane Quinn Roe</a><a href='/a/1'>Governor doubles down"
        " on road tolls</a> <a href='/a/2'>State drops pipeline lawsuit</a></span></span>"
        " on Friday, two days after the vote in the state capitol.</p>"
    )
    text = _text(_page("", sentence + PARAGRAPHS))
    assert "signed by Gov. Jane Roe on Friday, two days after the vote" in text
    assert "Quinn" not in text and "Governor doubles down" not in text


def test_a_name_said_twice_in_prose_stays() -> None:
    sentence = (
        "<p>The mayor thanked <a href='/p/ann-lee'>Ann Lee</a>, and Ann Lee thanked"
        " <a href='/p/bo'>the mayor</a> in turn for the long months of work on the plan.</p>"
    )
    text = _text(_page("", sentence + PARAGRAPHS))
    assert "The mayor thanked Ann Lee, and Ann Lee thanked the mayor in turn" in text


def test_tag_and_read_more_lines_leave_the_body() -> None:
    clutter = (
        "<p>[VIDEO]</p><p>SEE MORE: Protesters gather outside the town hall</p>"
        "<p>[INSIGHT] What the budget means for renters</p>"
        "<p>Read more: Snow removal costs climb for a third year</p>"
    )
    text = _text(_page("", PARAGRAPHS + clutter))
    assert "property taxes flat" in text
    for line in ("[VIDEO]", "SEE MORE", "[INSIGHT]", "Read more"):
        assert line not in text


def test_teaser_lines_marked_by_their_kind_leave_the_body() -> None:
    text = "\n\n".join(
        [
            "The city council approved a new budget on Tuesday after weeks of debate.",
            "DON'T MISS",
            "Mayor hits back at critics of the plan [INSIGHT]|",
            "Residents queue for hours at the new library [VIDEO]",
            "Officials said the plan raises spending on bridges by a fifth [in real terms].",
            "The money comes from the World Health Organization [WHO].",
        ]
    )
    body = clean_document(RawDocument(source_ref="test", text=text)).paragraphs
    assert body == [
        "The city council approved a new budget on Tuesday after weeks of debate.",
        "Officials said the plan raises spending on bridges by a fifth [in real terms].",
        "The money comes from the World Health Organization [WHO].",
    ]


def test_the_sites_promotions_closing_the_page_leave_and_the_article_stays() -> None:
    promotions = (
        "<p>Sign up for the Daily Briefing, our free newsletter, and get the news each"
        " morning.</p><p>Follow City News on Instagram, Facebook and YouTube.</p>"
        "<p>Get the print edition delivered to your door. Use the code CITY10 for a"
        " discount.</p><p>Tell us what you think...</p><p>Comments</p>"
    )
    subscribers = (
        "<p>The library said 4,000 residents had signed up for its newsletter since May,"
        " twice as many as the council expected.</p>"
    )
    text = _text(_page("", PARAGRAPHS + subscribers + PARAGRAPHS + promotions))
    assert text.endswith("which residents had asked for.")
    assert "signed up for its newsletter since May" in text  # not at the close: stays
    for closing_fact in (
        "The library's newsletter now reaches 4,000 homes in the east.",
        "Volunteers can use the code of conduct the council adopted in May.",
    ):
        text = _text(_page("", f"{PARAGRAPHS}<p>{closing_fact}</p>"))
        assert text.endswith(closing_fact)  # no call to the reader: stays


def _publisher(head: str, url: str | None, title: str = "Council passes budget") -> str | None:
    return extract_page(_page(head, PARAGRAPHS, title), url).publisher


def test_publisher_from_json_ld_then_site_map_then_site_name() -> None:
    json_ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "NewsArticle", "headline": "Council passes budget",'
        ' "publisher": {"@id": "https://example.org/#org"}},'
        '{"@type": "Organization", "@id": "https://example.org/#org", "name": "Example Daily"}'
        "]}</script>"
    )
    # A JSON-LD publisher given by reference only is resolved to its name.
    assert _publisher(json_ld, "https://example.org/news/1") == "Example Daily"
    # A section in og:site_name gives way to the site-name map of the domain.
    section = '<meta property="og:site_name" content="U.S.">'
    assert _publisher(section, "https://www.reuters.com/article/x") == "Reuters"
    # The domain's short code is not a name; the <title>'s site suffix is.
    short = '<meta property="og:site_name" content="localnews">'
    title = "Council passes budget - LocalNews.com"
    assert _publisher(short, "https://www.localnews.com/a/1", title) == "LocalNews.com"
    # A section as site name loses to a <title> suffix that names the domain.
    assert _publisher(section, "https://www.wirenews.net/a", "Council - Wire News") == "Wire News"
    assert _publisher('<meta name="application-name" content="Digg">', None) == "Digg"


def test_publisher_is_never_a_headline_word() -> None:
    # No metadata: a <title> part that does not name the domain is not a publisher.
    title = "Budget: Council passes plan - Politics"
    assert _publisher("", "https://www.citypaper.org/a/1", title) is None
    assert _publisher("", "https://www.nytimes.com/2019/11/18/x.html") == "The New York Times"


def _split_page(parts: list[str], teasers: str = "") -> str:
    """An article whose body container the site repeats around each advertisement."""
    rows = '<div class="ad-slot"><span>Advertisement</span></div>'.join(
        f'<div class="row"><div class="grid-item article-body">{part}</div>'
        '<aside class="rail"><div class="ad">Advertisement</div></aside></div>'
        for part in parts
    )
    return (
        "<html><head><title>Bridge repairs to start in spring</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/city'>City</a></nav><main>"
        f"<h1>Bridge repairs to start in spring</h1>{rows}{teasers}</main></body></html>"
    )


SECOND_PART = (
    "<p>Engineers found cracks in two of the bridge's supports during an inspection in"
    " August, and the state ordered heavy lorries off the span until the work is done.</p>"
    "<p>Residents of the east bank said the detour adds twenty minutes to every trip to the"
    " hospital, and the council promised a shuttle bus for the months of the closure.</p>"
)


def test_an_article_split_by_advertisements_is_read_to_its_end() -> None:
    text = _text(_split_page([PARAGRAPHS, SECOND_PART]))
    assert text.index("property taxes flat") < text.index("Engineers found cracks")
    assert text.endswith("a shuttle bus for the months of the closure.")
    assert "Advertisement" not in text


def test_teasers_sharing_a_class_stay_apart_from_a_whole_body() -> None:
    teaser = (
        "<div class='story-text'><p>Read how another town rebuilt its river crossing in"
        " record time after floods tore away the old one, and what it cost taxpayers.</p>"
        "<p>Residents there still argue about the tolls charged on the new bridge.</p></div>"
    )
    page = _split_page([PARAGRAPHS + SECOND_PART], "<section>" + teaser * 2 + "</section>")
    tree = load_html(page)
    rules = default_rules().split_body
    (teasers,) = split_body_parts(tree, rules)  # two of a class, neither in the body
    assert [part.get("class") for part in teasers] == ["story-text", "story-text"]
    body = extract_page(page).text.split("\n\n")
    assert not join_split_body(tree, body, rules)
    assert len(tree.xpath("//div[@class='story-text']/p")) == 4
    assert body[-1].endswith("a shuttle bus for the months of the closure.")
