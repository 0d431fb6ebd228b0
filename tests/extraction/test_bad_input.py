"""Bad input gives events or a clear note, never a crash or a hang."""

from __future__ import annotations

import datetime as dt
import time

from harmattan.extraction import Extractor

PUB = dt.date(2021, 1, 6)


def test_empty_and_blank(extractor: Extractor) -> None:
    for text in ("", "   \n\t "):
        doc = extractor.process(text, published=PUB)
        assert doc.events == [] and doc.notes == ["empty text: nothing to extract"]


def test_binary_garbage(extractor: Extractor) -> None:
    garbage = bytes(range(256)).decode("latin-1") * 200
    doc = extractor.process(garbage, published=PUB)
    assert doc.events == [] and "binary" in doc.notes[0]


def test_huge_text_is_bounded(extractor: Extractor) -> None:
    text = "Le marché de Ouagadougou a rouvert mardi. " * 1_250_000  # 52 MB of text
    start = time.monotonic()
    doc = extractor.process(text, published=PUB)
    assert time.monotonic() - start < 30
    assert any("truncated" in note for note in doc.notes)


def test_html_leftovers(extractor: Extractor) -> None:
    text = "<html><body><p>Mali&nbsp;: 5 soldats tués dans une <b>embuscade</b> à Gao</p></body></html>"
    (event,) = extractor.extract(text, published=PUB)
    assert event.location == "Gao" and event.fatalities == 5 and event.sub_event_type == "Armed clash"
    for ev in event.evidence:
        assert text[ev.start : ev.end] == ev.text


def test_mixed_languages(extractor: Extractor) -> None:
    text = (
        "Burkina: 7 morts dans une attaque à Djibo.\n"
        "Gunmen killed seven civilians in Djibo on Sunday, officials said."
    )
    events = extractor.extract(text, published=PUB)
    assert len(events) == 1 and events[0].fatalities == 7 and events[0].location == "Djibo"


def test_no_events(extractor: Extractor) -> None:
    text = (
        "Le gouvernement malien a présenté mardi son budget pour 2021. La croissance devrait "
        "atteindre 4 % selon le ministre de l'Économie, qui s'exprimait à Bamako."
    )
    doc = extractor.process(text, published=PUB)
    assert doc.events == [] and doc.lang == "fr"


def test_not_a_string_is_read_as_text(extractor: Extractor) -> None:
    assert extractor.extract(12345, published=PUB) == []  # type: ignore[arg-type]
