import datetime as dt

import pytest

from harmattan.documents.normalise import content_hash, normalise_text
from harmattan.documents.readers import BadInput, RawDocument, ReadError, decode, read_bytes


def items(name: str, data: bytes) -> list[RawDocument | ReadError]:
    return list(read_bytes(name, data))


def test_normalisation_makes_reformatted_copies_hash_the_same() -> None:
    a = "Des hommes armés  ont attaqué\r\nle village.\u200b"
    b = "des hommes armés ont attaqué le village."
    assert normalise_text(a) == "Des hommes armés ont attaqué\nle village."
    assert content_hash(a) == content_hash(b)
    assert content_hash(a) != content_hash("Des hommes armés ont attaqué la ville.")


def test_decode_utf8_latin1_and_utf16() -> None:
    assert decode("Ségou".encode()) == "Ségou"
    assert "armés" in decode("Des hommes armés ont attaqué le poste de Boulkessi".encode("cp1252"))
    assert decode("Ménaka".encode("utf-16")) == "Ménaka"


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "empty file"), (b"   \n", "empty file"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary")],
)
def test_decode_refuses_bad_bytes(data: bytes, message: str) -> None:
    with pytest.raises(BadInput, match=message):
        decode(data)


def test_plain_text_takes_first_line_as_title() -> None:
    [doc] = items("a.txt", b"Attack in Djibo\nGunmen killed five soldiers.")
    assert isinstance(doc, RawDocument)
    assert doc.title == "Attack in Djibo" and doc.text.startswith("Attack in Djibo")


def test_jsonl_reports_bad_lines_by_number_and_keeps_good_ones() -> None:
    data = (
        b'{"text": "one", "published_at": "2024-05-02", "url": "u", "extra": 1}\n'
        b'{oops\n{"title": "no text"}\n'
    )
    out = items("f.jsonl", data)
    assert isinstance(out[0], RawDocument) and out[0].published_at == dt.date(2024, 5, 2)
    assert out[0].meta == {"extra": 1} and out[0].origin == "f.jsonl:1"
    assert [(e.line, "malformed" in e.message) for e in out[1:] if isinstance(e, ReadError)] == [
        (2, True),
        (3, False),
    ]
    assert "no non-empty 'text'" in str(out[2])


def test_csv_needs_a_text_column() -> None:
    [err] = items("b.csv", b"title,body\nx,y\n")
    assert isinstance(err, ReadError) and "no 'text' column" in err.message
    docs = items("c.csv", b'title,text,language\nT,"Hello, world",en\n')
    assert isinstance(docs[0], RawDocument) and docs[0].text == "Hello, world" and docs[0].language == "en"


def test_json_accepts_object_list_and_documents_key() -> None:
    assert len(items("a.json", b'[{"text": "a"}, {"text": "b"}]')) == 2
    assert len(items("b.json", b'{"documents": [{"text": "a"}]}')) == 1
    [err] = items("c.json", b'{"text": ')
    assert isinstance(err, ReadError) and "malformed JSON" in err.message


def test_hostile_html_keeps_text_and_drops_scripts() -> None:
    page = (
        b"<html><head><title>Attaque a Kaya</title><script>alert('x')</script></head><body>"
        b"<nav>Menu Accueil</nav><script>document.write('evil')</script><article><p>"
        + b"Des hommes armes ont attaque un poste de gendarmerie a Kaya dans la nuit de lundi. " * 3
        + b"</p><img src=x onerror=alert(1)></article></body></html>"
    )
    [doc] = items("p.html", page)
    assert isinstance(doc, RawDocument)
    assert doc.title == "Attaque a Kaya" and "gendarmerie" in doc.text
    assert "alert" not in doc.text and "evil" not in doc.text and "<" not in doc.text


def test_unsupported_extension_is_an_error() -> None:
    [err] = items("report.pdf", b"%PDF-1.4")
    assert isinstance(err, ReadError) and "unsupported file type .pdf" in err.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Attack in Djibo\nPublished: 2019-11-07\n\nGunmen attacked.", dt.date(2019, 11, 7)),
        ("# Attaque à Kaya\n\nPublié le 2024-08-27\n\nDes hommes armés.", dt.date(2024, 8, 27)),
        ("Attack in Djibo\nGunmen attacked on 2019-11-07.", None),  # a date in the story is not a dateline
        ("Attaque\nPublié le 27 août 2024\nTexte.", dt.date(2024, 8, 27)),
        ("Attack\nPublished: sometime last year\nText.", None),
    ],
)
def test_plain_text_dateline_gives_the_publication_date(text: str, expected: dt.date | None) -> None:
    [doc] = items("a.md" if text.startswith("#") else "a.txt", text.encode())
    assert isinstance(doc, RawDocument) and doc.published_at == expected
