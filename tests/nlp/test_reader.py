"""Every input is accounted for: read as a Document, or skipped with its name and the reason."""
from __future__ import annotations

import codecs
import gzip
import io
import json
from pathlib import Path

import pytest

from nlp.reading import errors
from nlp.reading.errors import Note, Skip
from nlp.reading.reader import read_inputs

GOOD = "Reuters reported that Peru and Chile signed a treaty in Lima."
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"


def _read(*inputs, **kw) -> tuple[list, list[Note]]:
    notes: list[Note] = []
    return list(read_inputs([str(i) for i in inputs], notify=notes.append, **kw)), notes


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "the file is empty"),
    ("blank.txt", b" \n\t \r\n ", "only white space"),
    ("bom-blank.txt", codecs.BOM_UTF8 + b"  \n", "only white space"),
    ("image.txt", PNG, "binary (PNG image)"),
    ("archive.txt", gzip.compress(GOOD.encode()), "binary (gzip archive)"),
    ("latin.txt", "Café in Bogotá.".encode("latin-1"), "not UTF-8 text (byte 3: b'\\xe9')"),
    ("utf16-no-bom.txt", "Lima and Quito.".encode("utf-16-le"), "--encoding utf-16"),
    ("empty.jsonl", b"", "the file is empty"),
    ("latin.jsonl", json.dumps({"text": "x"}).encode() + b"\n" + "{\"text\": \"Bogot\xe1\"}".encode("latin-1"),
     "not UTF-8"),
])
def test_reader_skips_bad_file_and_reads_the_rest(tmp_path, name, data, reason):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_bytes(data)
    recs, _ = _read(tmp_path)
    docs = [r for r in recs if not isinstance(r, Skip)]
    skips = [r for r in recs if isinstance(r, Skip)]
    assert [d.id for d in docs] == ["good.txt"] and docs[0].text == GOOD
    assert len(skips) == 1
    assert Path(skips[0].path) == tmp_path / name
    assert reason in skips[0].reason
    assert str(skips[0]).startswith(f"{tmp_path / name}: skipped: ")


@pytest.mark.parametrize("name", ["latin.txt", "latin.jsonl"])
def test_reader_not_utf8_message_names_encoding_option(tmp_path, name):
    (tmp_path / name).write_bytes("Señora Núñez".encode("latin-1"))
    [skip], _ = _read(tmp_path / name)
    assert isinstance(skip, Skip) and "--encoding" in skip.reason and "latin-1" in skip.reason


@pytest.mark.parametrize("data,encoding,expected", [
    ("Señora Núñez visited Bogotá.".encode("latin-1"), "latin-1", "Señora Núñez visited Bogotá."),
    ("Señora Núñez visited Bogotá.".encode("cp1252"), "cp1252", "Señora Núñez visited Bogotá."),
    (codecs.BOM_UTF16_LE + "Zoë met Jürgen in Köln.".encode("utf-16-le"), None, "Zoë met Jürgen in Köln."),
    (codecs.BOM_UTF16_BE + "Zoë met Jürgen in Köln.".encode("utf-16-be"), None, "Zoë met Jürgen in Köln."),
    ("Zoë met Jürgen in Köln.".encode("utf-16"), "latin-1", "Zoë met Jürgen in Köln."),  # the BOM wins
    (codecs.BOM_UTF8 + "Zoë in Köln.".encode("utf-8"), None, "Zoë in Köln."),
    ("Zoë in Köln.".encode("utf-32"), None, "Zoë in Köln."),
    ("Zoë in Köln.".encode("utf-16-le"), "utf-16-le", "Zoë in Köln."),
    ("Zoë in Köln.".encode("utf-8"), "latin-1", "Zoë in Köln."),  # valid UTF-8 is UTF-8
])
def test_reader_decodes_honestly(tmp_path, data, encoding, expected):
    (tmp_path / "a.txt").write_bytes(data)
    [doc], _ = _read(tmp_path / "a.txt", encoding=encoding)
    assert not isinstance(doc, Skip), doc
    assert doc.text == expected


@pytest.mark.parametrize("data,encoding,reason", [
    (b"caf\x81 \x8d", "cp1252", "cannot be decoded as cp1252"),
    (b"caf\xe9", "no-such-codec", "unknown encoding 'no-such-codec'"),
])
def test_reader_wrong_encoding_is_named(tmp_path, data, encoding, reason):
    (tmp_path / "a.txt").write_bytes(data)
    [skip], _ = _read(tmp_path / "a.txt", encoding=encoding)
    assert isinstance(skip, Skip) and reason in skip.reason


@pytest.mark.parametrize("make,reason", [
    (lambda d: d / "nowhere.txt", errors.MISSING),
    (lambda d: (d / "pics").mkdir() or (d / "pics" / "a.png").write_bytes(PNG) and d / "pics", errors.NO_TEXT_IN_FOLDER),
    (lambda d: (d / "void").mkdir() or d / "void", errors.NO_TEXT_IN_FOLDER),
    (lambda d: Path("/dev/null"), errors.NOT_REGULAR),
])
def test_reader_path_that_holds_no_text_is_named(tmp_path, make, reason):
    target = make(tmp_path)
    recs, _ = _read(target)
    assert recs == [Skip(str(target), reason)]


def test_reader_broken_symlink_in_folder_is_named(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "never-there.txt")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    recs, _ = _read(tmp_path)
    assert Skip(str(tmp_path / "gone.txt"), errors.BROKEN_LINK) in recs
    assert [r.id for r in recs if not isinstance(r, Skip)] == ["good.txt"]


@pytest.mark.parametrize("doomed", ["b.txt", "c.jsonl"])
def test_reader_file_disappearing_during_run_is_skipped(tmp_path, doomed):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Quito hosted Lima.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "c", "text": "Oslo hosted Bern."}) + "\n", encoding="utf-8")
    stream = read_inputs([str(tmp_path)], notify=lambda n: None)
    first = next(stream)  # the folder is listed, the first file read
    assert first.id == "a.txt"
    (tmp_path / doomed).unlink()
    rest = list(stream)
    assert Skip(str(tmp_path / doomed), errors.VANISHED) in rest
    assert len(rest) == 2  # the other file is still read


def test_reader_jsonl_bad_lines_named_rest_read(tmp_path):
    lines = [json.dumps({"id": "one", "text": "Oslo hosted Bern.", "title": "Talks"}),
             '{"id": "two", "text": "unterminated',
             json.dumps({"id": "three", "title": "no text here"}),
             json.dumps({"id": "four", "text": 42}),
             json.dumps({"id": "five", "text": "   "}),
             json.dumps(["a", "list"]),
             "",
             json.dumps({"id": "eight", "text": "Quito hosted Lima."})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    recs, _ = _read(tmp_path / "feed.jsonl")
    assert [r.id for r in recs if not isinstance(r, Skip)] == ["one", "eight"]
    assert recs[0].title == "Talks"
    reasons = [r.reason for r in recs if isinstance(r, Skip)]
    assert reasons == [errors.JSONL_BAD_LINE.format(line=2, detail="Unterminated string starting at"),
                       errors.JSONL_NO_TEXT.format(line=3), errors.JSONL_NO_TEXT.format(line=4),
                       errors.JSONL_BLANK_TEXT.format(line=5), errors.JSONL_NO_TEXT.format(line=6)]
    assert all(r.path == str(tmp_path / "feed.jsonl") for r in recs if isinstance(r, Skip))


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\x0c", "\x85"])
def test_reader_jsonl_line_separators_inside_strings_do_not_split_records(tmp_path, sep):
    text = f"Oslo hosted Bern.{sep}Quito hosted Lima."
    (tmp_path / "f.jsonl").write_text(json.dumps({"id": "x", "text": text}, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    recs, _ = _read(tmp_path / "f.jsonl")
    assert [(r.id, r.text) for r in recs] == [("x", text)]


@pytest.mark.parametrize("ids,expected,renamed", [
    (["x", "x", "x"], ["x", "x#2", "x#3"], ["x#2", "x#3"]),
    (["x", "x#2", "x"], ["x", "x#2", "x#3"], ["x#3"]),
    ([7, "7"], ["7", "7#2"], ["7#2"]),
    (["a", "b"], ["a", "b"], []),
])
def test_reader_jsonl_duplicate_ids_renamed_and_said(tmp_path, ids, expected, renamed):
    lines = [json.dumps({"id": d, "text": f"Oslo hosted Bern {i}."}) for i, d in enumerate(ids)]
    (tmp_path / "f.jsonl").write_text("\n".join(lines), encoding="utf-8")
    recs, notes = _read(tmp_path / "f.jsonl")
    assert [r.id for r in recs] == expected
    assert [n.path for n in notes] == [str(tmp_path / "f.jsonl")] * len(renamed)
    for note, new in zip(notes, renamed):
        assert f"renamed {new!r}" in note.message


def test_reader_duplicate_ids_across_files_renamed(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "a.txt", "text": "Oslo hosted Bern."}), encoding="utf-8")
    recs, notes = _read(tmp_path, tmp_path)  # the same folder given twice
    assert [r.id for r in recs] == ["a.txt", "a.txt#2", "a.txt#3", "a.txt#4"]
    assert len(notes) == 3 and all("renamed" in str(n) for n in notes)


@pytest.mark.parametrize("data,expected", [
    ("Oslo hosted Bern.".encode("utf-8"), "Oslo hosted Bern."),
    ("Zoë in Köln.".encode("utf-16"), "Zoë in Köln."),
])
def test_reader_stdin_bytes_decoded(data, expected):
    [doc], _ = _read("-", stdin=io.TextIOWrapper(io.BytesIO(data)))
    assert (doc.id, doc.text) == ("<stdin>", expected)


@pytest.mark.parametrize("data,reason", [
    ("Señora Núñez".encode("latin-1"), "--encoding"),
    (PNG, "PNG image"),
    (b"  \n", "only white space"),
])
def test_reader_stdin_bad_bytes_skipped(data, reason):
    [skip], _ = _read("-", stdin=io.TextIOWrapper(io.BytesIO(data)))
    assert isinstance(skip, Skip) and skip.path == "<stdin>" and reason in skip.reason


def test_reader_jsonl_in_folder_skips_name_the_file_path(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "f.jsonl").write_text('{"text": "Oslo hosted Bern."}\nnot json\n', encoding="utf-8")
    recs, _ = _read(tmp_path)
    assert recs[0].id == "sub/f.jsonl:1"  # the id is relative to the folder given
    assert recs[1] == Skip(str(tmp_path / "sub" / "f.jsonl"), errors.JSONL_BAD_LINE.format(
        line=2, detail="Expecting value"))


@pytest.mark.parametrize("text", ["BZh said Peru won.", "GIF8 was the code name.", "%PDF is a comment here.",
                                  "PK said nothing.", "\x7fELF"[1:] + " in Lima."])
def test_reader_text_resembling_a_magic_number_is_text(tmp_path, text):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    [doc], _ = _read(tmp_path / "a.txt")
    assert not isinstance(doc, Skip) and doc.text == text


@pytest.mark.parametrize("data,encoding,noted", [
    ("“Peru” – said Ana".encode("cp1252"), "latin-1", True),  # Windows text read as Latin-1
    ("Señora Núñez".encode("latin-1"), "latin-1", False),
    ("“Peru” – said Ana".encode("cp1252"), "cp1252", False),
    ("“Peru” – said Ana".encode("utf-8"), "latin-1", False),  # UTF-8 comes first
])
def test_reader_latin1_holding_windows_quotes_is_noted(tmp_path, data, encoding, noted):
    (tmp_path / "a.txt").write_bytes(data)
    [doc], notes = _read(tmp_path / "a.txt", encoding=encoding)
    assert not isinstance(doc, Skip)
    assert notes == ([Note(str(tmp_path / "a.txt"), errors.C1_CONTROLS.format(encoding=encoding))] if noted else [])


@pytest.mark.parametrize("data,encoding", [
    ("Oslo\x85 hosted Bern.".encode("utf-8"), "latin-1"),  # a C1 control in real UTF-8 text
    ("Oslo hosted Bern.".encode("utf-8"), "no-such-codec"),  # the fallback is never needed
])
def test_reader_encoding_option_unused_for_utf8(tmp_path, data, encoding):
    (tmp_path / "a.txt").write_bytes(data)
    [doc], notes = _read(tmp_path / "a.txt", encoding=encoding)
    assert doc.text == data.decode("utf-8") and notes == []
