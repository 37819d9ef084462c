"""Bad input: every case gets a sensible result or an InputError naming the file and what to do.

Nothing here times anything (scripts/evaluate_segmentation.py prints timings); the big-file
case only checks that a 20 MB file is refused by default and read when allowed.
"""

from __future__ import annotations

import os
import pickle
import warnings
from pathlib import Path

import pytest

import opedkit
from opedkit.document import MAX_BYTES, decode, from_text, load
from opedkit.errors import InputError
from opedkit.segment import sentence_breaks


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- files that give a sensible (possibly empty) result ------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"   \n\n\t  \r\n ", id="whitespace-only"),
        pytest.param(b"\xef\xbb\xbf", id="bom-only"),
    ],
)
def test_empty_file_gives_an_empty_document(tmp_path: Path, data: bytes) -> None:
    doc = load(write(tmp_path, "empty.txt", data))
    assert doc.body == "" and doc.paragraphs == []
    assert opedkit.sentences(doc) == [] and opedkit.words(doc) == []
    assert len(opedkit.sentence_table(doc)) == 0
    assert doc.source.endswith("empty.txt")


def test_text_without_sentence_punctuation(tmp_path: Path) -> None:
    data = b"we came we saw\nnobody stayed long\n\nthen the rain came down hard"
    doc = load(write(tmp_path, "nopunct.txt", data))
    assert opedkit.sentences(doc) == [
        "we came we saw",
        "nobody stayed long",
        "then the rain came down hard",
    ]
    assert len(opedkit.words(doc)) == 13


def test_windows_1252_is_read_with_a_warning_naming_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "old.txt", "Café “naïve” résumé – done.".encode("cp1252"))
    with pytest.warns(UnicodeWarning, match=r"old\.txt.*Windows-1252"):
        doc = load(path)
    assert doc.body == "Café “naïve” résumé – done."


@pytest.mark.parametrize(
    ("data", "codec"),
    [
        pytest.param("\ufeffHi there. Bye.".encode("utf-16-le"), "utf-16", id="utf-16-le-bom"),
        pytest.param("\ufeffHi there. Bye.".encode("utf-16-be"), "utf-16", id="utf-16-be-bom"),
        pytest.param("\ufeffHi there. Bye.".encode("utf-32-le"), "utf-32", id="utf-32-le-bom"),
    ],
)
def test_utf16_and_utf32_with_a_byte_order_mark(tmp_path: Path, data: bytes, codec: str) -> None:
    assert opedkit.sentences(load(write(tmp_path, f"{codec}.txt", data))) == ["Hi there.", "Bye."]


def test_html_saved_as_txt_is_read_as_a_web_page(tmp_path: Path) -> None:
    html = (
        b"<!DOCTYPE html><html><head><title>Keep the Library Open</title></head><body>"
        b"<article><h1>Keep the Library Open</h1><p>The branch library is the last free room "
        b"in town. Closing it on Sundays hurts the people who need it most.</p><p>The council "
        b"should restore the hours. The cost is small.</p></article></body></html>"
    )
    with pytest.warns(UserWarning, match=r"page\.txt.*web page"):
        doc = load(write(tmp_path, "page.txt", html))
    assert "<p>" not in doc.body and "</" not in doc.body
    assert "last free room" in doc.body


def test_odd_unicode_is_kept_and_segmented(tmp_path: Path) -> None:
    text = (
        "Title\n\n"
        "Caf\u0065\u0301 \u200bnews\u200d: \u202eevil\u202c text \u2066isolated\u2069. "
        "Emoji 👩‍👩‍👧 and flags 🇰🇷 stay.\x0bA vertical tab, a\u00a0no-break space, "
        "\u2028a line separator. 北京欢迎你。한국어 문장. " + "x" * 5000 + "."
    )
    doc = load(write(tmp_path, "odd.txt", text.encode("utf-8")))
    assert doc.title == "Title"
    sentences = opedkit.sentences(doc)
    assert "".join("".join(s.split()) for s in sentences) == "".join(doc.body.split())
    assert all(doc.body[t.start : t.end] == t.text for t in opedkit.tokens(doc))


def test_lone_surrogates_in_a_string_do_not_crash() -> None:
    # pandas' string columns cannot hold a lone surrogate: the tables fall back to objects
    text = "Broken \ud800 text. More \udfff here."
    assert opedkit.sentences(text) == ["Broken \ud800 text.", "More \udfff here."]
    assert "Broken" in opedkit.words(text)
    assert from_text(text).body == text
    assert list(opedkit.sentence_table(text)["text"]) == opedkit.sentences(text)
    assert len(sentence_breaks(text)) == 1


# --- the size limit ---------------------------------------------------------------------------


def test_twenty_megabytes_is_refused_by_default_and_read_when_allowed(tmp_path: Path) -> None:
    paragraph = ("The council voted on the budget. Residents spoke for hours. " * 12).strip()
    data = ((paragraph + "\n\n") * (20_000_000 // (len(paragraph) + 2) + 1)).encode("utf-8")
    path = write(tmp_path, "huge.txt", data)
    assert len(data) > 2 * MAX_BYTES
    with pytest.raises(InputError) as err:
        load(path)
    message = str(err.value)
    assert message.startswith(str(path))
    assert f"{len(data) / 1e6:.1f} MB" in message and "over the 10 MB limit" in message
    assert "max_bytes" in err.value.hint
    doc = load(path, max_bytes=25_000_000)
    assert len(doc.paragraphs) == data.count(b"\n\n")
    assert doc.paragraphs[-1] == paragraph


# --- files that raise an InputError naming the file ---------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "problem", "hint"),
    [
        pytest.param(
            "junk.txt", bytes(range(256)) * 8, "looks like a binary file", "plain text", id="binary"
        ),
        pytest.param(
            "bad.txt",
            b"caf\x81\x8d bytes",
            "is not UTF-8 text (byte 0x81",
            "UTF-8",
            id="undecodable",
        ),
        pytest.param("oped.pdf", b"%PDF-1.7\n%\xe2\xe3", "is a PDF document", ".txt", id="pdf"),
        pytest.param(
            "oped.docx",
            b"PK\x03\x04\x14\x00\x06\x00",
            "Word, OpenDocument",
            "Plain Text",
            id="docx",
        ),
        pytest.param("oped.doc", b"\xd0\xcf\x11\xe0\xa1\xb1", "old Word", "Plain Text", id="doc"),
        pytest.param("oped.rtf", b"{\\rtf1\\ansi Hello}", "RTF document", "Plain Text", id="rtf"),
        pytest.param("photo.png", b"\x89PNG\r\n\x1a\n\x00", "PNG image", ".txt", id="png"),
        pytest.param("scan.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image", ".txt", id="jpeg"),
        pytest.param(
            "utf16-nobom.txt",
            "Hello there.".encode("utf-16-le"),
            "binary",
            "UTF-16",
            id="utf16-no-bom",
        ),
    ],
)
def test_unreadable_files(tmp_path: Path, name: str, data: bytes, problem: str, hint: str) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(InputError) as err:
        load(path)
    assert str(err.value).startswith(f"{path}: ")
    assert problem in err.value.problem
    assert hint in err.value.hint


def test_a_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder, not a file") as err:
        load(tmp_path)
    assert err.value.path == str(tmp_path)
    assert "profile_corpus" in err.value.hint


def test_a_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-op-ed.txt"
    with pytest.raises(InputError, match="no such file") as err:
        load(missing)
    assert err.value.path == str(missing)
    assert "check the name" in err.value.hint


def test_no_file_name() -> None:
    with pytest.raises(InputError, match="no file name given"):
        load("")


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root (or Windows) can read any file"
)
def test_an_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.txt", b"Secret.")
    path.chmod(0)
    try:
        with pytest.raises(InputError, match="cannot be read"):
            load(path)
    finally:
        path.chmod(0o644)


def test_decode_of_bytes_without_a_file_names_the_bytes() -> None:
    with pytest.raises(InputError, match=r"^<bytes>: looks like a binary file"):
        decode(b"\x00\x01\x02")


# --- wrong types and the error itself ----------------------------------------------------------


@pytest.mark.parametrize("value", [None, 42, b"bytes", ["a", "list"]], ids=repr)
def test_wrong_types_say_what_to_pass(value: object) -> None:
    with pytest.raises(TypeError, match="expected a Document or a str"):
        opedkit.sentences(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected a Document or a str"):
        opedkit.words(value)  # type: ignore[arg-type]


def test_input_error_message_and_pickling() -> None:
    err = InputError("is empty", path="essay.txt", hint="paste the op-ed into it")
    assert str(err) == "essay.txt: is empty. Paste the op-ed into it."
    copy = pickle.loads(pickle.dumps(err))
    assert (copy.path, copy.problem, copy.hint, str(copy)) == (
        "essay.txt",
        "is empty",
        "paste the op-ed into it",
        str(err),
    )
    assert isinstance(copy, ValueError)


def test_warnings_do_not_become_errors_for_good_files(tmp_path: Path) -> None:
    path = write(tmp_path, "fine.md", b"# Title\n\nA *fine* body. It ends.\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        doc = load(path)
    assert doc.title == "Title" and doc.paragraphs == ["A fine body. It ends."]
