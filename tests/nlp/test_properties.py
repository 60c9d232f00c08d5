"""Property tests: any text, however odd, is read back whole and extracted without a crash,
and every offset points at exactly the text it claims."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from nlp.reading import errors
from nlp.reading.errors import Skip
from nlp.reading.html_text import looks_like_html
from nlp.run.pipeline import extract_documents
from nlp.reading.reader import read_inputs
from nlp.records import Document

NAMES = ["Ana Bell", "President Ana Bell", "Mr. Bell", "Bell's", "Peru", "Peruvian", "Lima", "Kenya's",
         "Nairobi said", "Norway", "Reuters", "the BBC", "told the AP", "said", "met", "attacked", "praised",
         "Foreign Minister Jonas Berg", "Berg"]
QUOTES = ['"', "“", "”", "'", "‘", "’", "«", "»", "„", '""', "“‘", "’”", "«“"]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00ad", "\u200e", "\u200f", "\u202e"]
EMOJI = ["😀", "👩🏽‍⚕️", "🇵🇪", "❤️", "🤝", "🏳️‍🌈"]
SEPARATORS = [" ", " ", " ", "", ". ", ", ", "\n", "\n\n", " — ", ": ", "\t", "\u2028", "\xa0"]

rtl = st.text(st.characters(min_codepoint=0x0590, max_codepoint=0x06FF), min_size=1, max_size=12)
any_unicode = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20)
long_token = st.builds(lambda c, n: c * n, st.sampled_from(["x", "é", "-", "Bell", "9", "ـ"]), st.integers(50, 3000))
fragment = st.one_of(st.sampled_from(NAMES), st.sampled_from(NAMES), st.sampled_from(QUOTES),
                     st.sampled_from(ZERO_WIDTH), st.sampled_from(EMOJI), rtl, any_unicode, long_token)
articles = st.lists(st.tuples(fragment, st.sampled_from(SEPARATORS)), min_size=1, max_size=30).map(
    lambda parts: "".join(a + b for a, b in parts))


def _check(ex, document: Document) -> None:
    text = document.text
    assert ex.doc == document.id
    keys = {e.key for e in ex.entities}
    for entity in ex.entities:
        assert entity.mentions, entity.key
        for m in entity.mentions:
            assert m.doc == document.id
            assert 0 <= m.start < m.end <= len(text), (m, len(text))
            assert text[m.start:m.end] == m.text
    for rel in ex.relations:
        assert {rel.source, rel.target} <= keys, rel
        for ev in rel.evidence:
            assert ev.doc == document.id
            assert 0 <= ev.start <= ev.end <= len(text)
            assert text[ev.start:ev.end] == ev.sentence


@pytest.mark.model
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(texts=st.lists(articles, min_size=1, max_size=3))
def test_properties_extraction_offsets_are_slices_of_the_document(nlp, texts):
    documents = [Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]
    extractions = list(extract_documents(documents, nlp, n_process=1))
    assert [ex.doc for ex in extractions] == [d.id for d in documents]
    for ex, document in zip(extractions, documents):
        _check(ex, document)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "President Ana\u200bBell of Peru\u200d met “Jonas ‘Berg” in Lima.",
    "«Peru» said «Kenya “is ‘wrong» , Reuters reported.",
    "\ufeffAna Bell " + "x" * 5000 + " met Jonas Berg in Lima. 🇵🇪👩🏽‍⚕️ Peru praised Kenya.",
    "السفير Ana Bell التقى Jonas Berg في Lima. \u202eNorway\u202c criticised Peru.",
])
def test_properties_extraction_hand_picked_hard_cases(nlp, text):
    document = Document(id="hard", text=text)
    [ex] = extract_documents([document], nlp, n_process=1)
    _check(ex, document)


@settings(max_examples=150, deadline=None)
@given(text=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_properties_reader_returns_text_unchanged_or_says_why(tmp_path_factory, text, encoding):
    assume(not text.startswith("\ufeff"))  # a leading U+FEFF is a byte-order mark, by definition
    assume(not looks_like_html(text))  # pages are read as their text (test_reader_html)
    # UTF-16-LE's BOM followed by U+0000 is byte for byte UTF-32-LE's BOM: no reader can tell
    assume(not (encoding == "utf-16" and text.startswith("\x00")))
    folder = tmp_path_factory.mktemp("p")
    (folder / "a.txt").write_bytes(text.encode(encoding))
    (folder / "b.jsonl").write_text(json.dumps({"id": "j", "text": text}) + "\n", encoding="utf-8")
    as_file, as_record = read_inputs([str(folder)], notify=lambda n: None)
    if not text.strip():
        assert as_file == Skip(str(folder / "a.txt"), errors.BLANK)
        assert as_record == Skip(str(folder / "b.jsonl"), errors.JSONL_BLANK_TEXT.format(line=1))
        return
    if "\x00" in text and encoding == "utf-8":  # NUL bytes without a BOM: binary
        assert as_file == Skip(str(folder / "a.txt"), errors.BINARY.format(detail=errors.NUL_BYTES))
    else:
        assert (as_file.id, as_file.text) == ("a.txt", text)
    assert (as_record.id, as_record.text) == ("j", text)
