"""Who said what on the page: a speaker's panel lists its quotes with their
document and cue, the names in them marked; the quote search finds words;
a payload inside a quote is shown as text and runs nothing."""
from __future__ import annotations

import pytest

from graph.build import build_graph
from graph.html import write_html
from nlp.records import Entity, Mention, Quote
from tests.browser.conftest import close, open_page

pytestmark = pytest.mark.browser

PAYLOAD = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'
WORDS = f"Peru will sign the pact {PAYLOAD} next week"
TEXT = "“" + WORDS + ",” Ana Bell told Radio Lima. “We trust Chile,” she said."


def _graph():
    text = TEXT
    at = text.index
    ana = Entity("person:ana-bell", "Ana Bell", "official",
                 mentions=(Mention("d1", at("Ana Bell"), at("Ana Bell") + 8, "Ana Bell", "official"),))
    peru = Entity("country:PE", "Peru", "country", mentions=(Mention("d1", 1, 5, "Peru", "country"),))
    chile = Entity("country:CL", "Chile", "country",
                   mentions=(Mention("d1", at("Chile"), at("Chile") + 5, "Chile", "country"),))
    radio = Entity("outlet:radio-lima", "Radio Lima", "outlet",
                   mentions=(Mention("d1", at("Radio Lima"), at("Radio Lima") + 10, "Radio Lima", "outlet"),))
    quotes = [Quote("d1", 1, 1 + len(WORDS), WORDS, "person:ana-bell", "tell", "direct", "outlet:radio-lima",
                    ("country:PE",)),
              Quote("d1", at("We trust"), at("Chile") + 5, "We trust Chile", "person:ana-bell", "say", "direct", "",
                    ("country:CL",))]
    return build_graph([ana, peru, chile, radio], [], quotes=quotes, documents=1)


@pytest.fixture(scope="module")
def page(browser, tmp_path_factory):
    path = tmp_path_factory.mktemp("quotes-page") / "g.html"
    write_html(_graph(), path, texts={"d1": TEXT})
    opened = open_page(browser, path.as_uri())
    yield opened
    close(opened)


def test_page_panel_lists_what_a_speaker_said(page):
    page.js("() => window.newsgraph.showNode('person:ana-bell')")
    items = page.js("""() => [...document.querySelectorAll('#panel li.quote')].map(li => ({
        cue: li.querySelector('.cue').textContent, tag: li.querySelector('.tag').textContent,
        words: li.querySelector('blockquote').textContent,
        marked: [...li.querySelectorAll('mark')].map(m => m.textContent)}))""")
    assert [i["cue"] for i in items] == ["told Radio Lima", "said"]
    assert all("d1" in i["tag"] and "direct" in i["tag"] for i in items)
    assert items[0]["words"] == WORDS and items[0]["marked"] == ["Peru"]
    assert items[1]["marked"] == ["Chile"]
    # a country that said nothing has no "Said" list
    page.js("() => window.newsgraph.showNode('country:PE')")
    assert page.js("() => document.querySelectorAll('#panel li.quote').length") == 0


def test_page_quote_filter_and_search_over_the_words(page):
    page.js("() => window.newsgraph.showNode('person:ana-bell')")
    page.page.fill("#panel input.quote-filter", "trust")
    assert page.js("() => [...document.querySelectorAll('#panel li.quote blockquote')].map(b => b.textContent)") == [
        "We trust Chile"]
    page.page.fill("#quote-search-input", "PACT")
    page.page.click(".quote-search button")
    found = page.js("() => [...document.querySelectorAll('#panel li.quote')].map(li => li.querySelector('.name').textContent)")
    assert found == ["Ana Bell"]


def test_page_payload_inside_a_quote_runs_nothing(page):
    page.js("() => window.newsgraph.showNode('person:ana-bell')")
    shown = page.js("() => document.querySelector('#panel li.quote blockquote').textContent")
    assert PAYLOAD in shown
    assert page.js("() => window.__xss") is None
    assert page.js("() => document.querySelectorAll('#panel img, #panel script').length") == 0
    assert page.errors == []


def test_page_said_comes_before_the_relations(page):
    page.js("() => window.newsgraph.showNode('person:ana-bell')")
    heads = page.js("() => [...document.querySelectorAll('#panel h2')].map(h => h.textContent)")
    said = next(i for i, h in enumerate(heads) if h.startswith("Said"))
    assert said < next(i for i, h in enumerate(heads) if h.startswith("Relations"))


def test_page_a_quote_opens_its_story_as_text(page):
    page.js("() => window.newsgraph.showNode('person:ana-bell')")
    page.page.locator("#panel li.quote blockquote").first.click(position={"x": 2, "y": 2})
    assert page.page.get_attribute("#panel-body", "data-article") == "d1"
    assert page.page.text_content("#panel .article") == TEXT
    assert page.page.text_content("#panel .article .here") == WORDS
    assert page.js("() => [...document.querySelectorAll('#panel .article mark.mention')].map(m => m.textContent)") == [
        "Peru", "Ana Bell", "Radio Lima", "Chile"]
    assert page.js("() => window.__xss") is None
    assert page.js("() => document.querySelectorAll('#panel img, #panel script').length") == 0
