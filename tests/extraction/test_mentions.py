"""Mentions: relative dates, vague quantities, killed vs wounded vs neutralised, places, language."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from harmattan.extraction import Extractor

PUB = dt.date(2021, 1, 6)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("Mardi dernier, des hommes armés ont tué trois civils à Djibo.", dt.date(2021, 1, 5), 1),
        ("Gunmen killed three civilians in Djibo on Sunday.", dt.date(2021, 1, 3), 1),
        ("Hier, des hommes armés ont tué trois civils à Djibo.", dt.date(2021, 1, 5), 1),
        # "last week": that week's Monday, a week's precision (the gold annotators' reading, 8 dev cases)
        ("Gunmen killed three civilians in Djibo last week.", dt.date(2020, 12, 28), 2),
        ("La semaine dernière, des hommes armés ont tué trois civils à Djibo.", dt.date(2020, 12, 28), 2),
        ("Fin décembre, des hommes armés ont tué trois civils à Djibo.", dt.date(2020, 12, 28), 3),
        ("Le 2 janvier, des hommes armés ont tué trois civils à Djibo.", dt.date(2021, 1, 2), 1),
        # the weekday before a date names that date, not the last such weekday
        ("Le samedi 2 janvier, des hommes armés ont tué trois civils à Djibo.", dt.date(2021, 1, 2), 1),
        ("On Wednesday, December 30, gunmen killed three civilians in Djibo.", dt.date(2020, 12, 30), 1),
        ("On December 30, gunmen killed three civilians in Djibo.", dt.date(2020, 12, 30), 1),
        # a month with its year is that year's, even in a digest titled after the publication's month
        ("Burkina Faso DECEMBER 2019: gunmen killed three civilians in Djibo.", dt.date(2019, 12, 1), 3),
        ("In March, gunmen killed three civilians in Djibo.", dt.date(2020, 3, 1), 3),
        # a span of days: its first day, with a week's precision
        ("Vingt civils ont été tués à Djibo entre le 1er et le 3 janvier.", dt.date(2021, 1, 1), 2),
        # "overnight" gives way to the days it names; a dateline dates the report, not the event
        ("One soldier was killed overnight Sunday to Monday in an attack in Djibo.", dt.date(2021, 1, 3), 1),
        ("Gunmen killed 35 people in an overnight attack on Djibo on Sunday night.", dt.date(2021, 1, 3), 1),
        # "over the weekend": its Saturday, a week's precision
        ("Gunmen killed three civilians in Djibo over the weekend.", dt.date(2021, 1, 2), 2),
        (
            "DJIBO, Jan 6 (AFP) — Gunmen killed three civilians in Djibo on Monday night.",
            dt.date(2021, 1, 4),
            1,
        ),
        # a month named in passing does not outrank the day of the act
        (
            "Gunmen who had attacked Djibo in December killed three civilians there on Monday.",
            dt.date(2021, 1, 4),
            1,
        ),
    ],
)
def test_relative_dates(extractor: Extractor, text: str, expected: dt.date, precision: int) -> None:
    (event,) = extractor.extract(text, published=PUB)
    assert (event.event_date, event.date_precision) == (expected, precision)
    date_ev = next(ev for ev in event.evidence if ev.field == "event_date")
    assert date_ev.rule.startswith("date:")


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("Une vingtaine de soldats tués dans une embuscade près de Djibo.", 20),
        ("Dozens killed in an attack on a market in Djibo.", 12),
        ("At least 12 civilians were killed in Djibo by gunmen.", 12),
        ("Several villagers were killed by gunmen in Djibo.", 10),
        ("Des dizaines de civils ont été tués par des hommes armés à Djibo.", 12),
        ("Gunmen killed twenty-five civilians in Djibo.", 25),
        ("Des hommes armés ont tué vingt et un civils à Djibo.", 21),
    ],
)
def test_vague_and_written_quantities(extractor: Extractor, text: str, fatalities: int) -> None:
    (event,) = extractor.extract(text, published=PUB)
    assert event.fatalities == fatalities


def test_killed_wounded_neutralised_kept_apart(extractor: Extractor) -> None:
    text = (
        "Burkina : 5 soldats tués et 8 blessés dans une attaque à Djibo. "
        "L'armée affirme avoir neutralisé une dizaine de terroristes."
    )
    (event,) = extractor.extract(text, published=PUB)
    assert event.extras["wounded"] == 8
    assert event.extras["neutralised"] == 10
    assert event.extras["neutralised_claimant"] == "bf-military"
    assert event.fatalities == 5  # the army's claim stays apart, in extras (the gold convention)


def test_wounded_only_gives_no_fatality_figure(extractor: Extractor) -> None:
    (event,) = extractor.extract(
        "Three soldiers were wounded when gunmen attacked a post in Djibo.", published=PUB
    )
    assert event.fatalities == 0  # no death reported; wounded are not fatalities
    assert event.extras["wounded"] == 3


def test_common_word_is_not_a_place(extractor: Extractor) -> None:
    # "Mine" and "Gold" name villages somewhere; lower-case words are never places
    events = extractor.extract(
        "The army said the attack near the gold mine killed 4 soldiers in Djibo.", published=PUB
    )
    assert [e.location for e in events] == ["Djibo"]


def test_place_needs_context_or_importance(extractor: Extractor) -> None:
    doc = extractor.process("Ali Koné said 3 civilians were killed by gunmen.", published=PUB)
    assert not doc.of_kind("place")


def test_country_disambiguates_places(extractor: Extractor) -> None:
    (event,) = extractor.extract("Niger : des hommes armés ont tué 7 civils à Tillabéri.", published=PUB)
    assert event.country == "NE"


def test_unsupported_language(extractor: Extractor) -> None:
    doc = extractor.process(
        "Der Bundestag hat heute ein neues Gesetz beschlossen, und die Regierung hat es begrüßt.",
        published=PUB,
    )
    assert doc.events == []
    assert any("unsupported language" in n for n in doc.notes)
    doc = extractor.process("Burkina Faso: 14 soldiers killed in ambush near Djibo", published=PUB, lang="es")
    assert doc.events == [] and "unsupported language" in doc.notes[0]


def test_sentence_without_trigger_gives_no_event(extractor: Extractor) -> None:
    text = "The central bank of West African States kept its rates unchanged in Dakar on Tuesday."
    assert extractor.extract(text, published=PUB) == []


def test_a_month_in_another_line_does_not_date_an_undated_event(extractor: Extractor) -> None:
    # a digest's title names the month; the headline's event is dated by the publication (the day before it,
    # as a guess: precision 2)
    text = "Two dead in coordinated raids in northern Burkina Faso\nBurkina Faso NOVEMBER 2020"
    (event,) = extractor.extract(text, published=dt.date(2020, 12, 2))
    assert (event.event_date, event.date_precision) == (dt.date(2020, 12, 1), 2)
    told = next(ev for ev in event.evidence if ev.field == "event_date")
    assert told.rule == "default:day-before-publication"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tchiani seized power on July 26, 2023. Two days later, on July 28, the junta suspended parties.",
            2023,
        ),
        (
            "Le 3 mars 2021, des hommes armés ont attaqué Djibo. Deux jours plus tard, le 5 mars, Arbinda.",
            2021,
        ),
        # no count from the date before: the day is the last one up to the publication
        ("Tchiani seized power on July 26, 2023. On July 28, the junta suspended the parties.", 2024),
    ],
)
def test_a_day_counted_from_an_earlier_date_takes_its_year(
    extractor: Extractor, text: str, expected: int
) -> None:
    doc = extractor.process(text, published=dt.date(2025, 3, 27))
    last = max(doc.of_kind("date"), key=lambda m: m.start)
    assert last.value[0].year == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("plus de 36.000 morts", 36000),
        ("deux millions de morts", 2_000_000),
        ("three thousand dead", 3000),
        ("3 000 morts", 3000),
    ],
)
def test_figures_with_separators_and_scale_words(extractor: Extractor, text: str, value: int) -> None:
    doc = extractor.process(text, published=PUB)
    assert [m.value for m in doc.of_kind("number")] == [value]


def test_a_short_month_name_before_a_capitalised_word_is_a_first_name(extractor: Extractor) -> None:
    doc = extractor.process(
        "Ambassador Jan Christian Gordon Kricke was declared persona non grata.", published=PUB
    )
    assert doc.of_kind("date") == []
    doc = extractor.process("Gunmen attacked Djibo in Jan 2020.", published=PUB)
    assert [m.value[0] for m in doc.of_kind("date")] == [dt.date(2020, 1, 1)]


def test_the_day_of_what_an_act_answers_does_not_date_it(extractor: Extractor) -> None:
    text = (
        "The African Union has suspended Burkina Faso, its Peace and Security Council said on Monday, "
        "following last month's military takeover."
    )
    (e,) = extractor.extract(text, published=dt.date(2022, 2, 1))
    assert (str(e.event_date), e.date_precision) == ("2022-01-31", 1)


def test_a_french_cue_matches_with_the_day_inside_it(extractor: Extractor) -> None:
    text = "Le Mali a rappelé dimanche son ambassadeur en Algérie, a annoncé le gouvernement à Bamako."
    (e,) = extractor.extract(text, published=dt.date(2019, 8, 20))
    assert (e.plover_type, e.actor2_id) == ("SANCTION", "dz-state")


def test_a_day_of_something_to_come_dates_no_event(extractor: Extractor) -> None:
    text = (
        "BAMAKO, March 26 — Mali's main opposition leader, Soumaïla Cissé, has been abducted while "
        "campaigning in the Niafunké area of the Timbuktu region ahead of Sunday's legislative elections, "
        "his party said on Thursday. Cissé and members of his delegation were seized on Wednesday by "
        "unidentified armed men, and one of his bodyguards was killed, the party said."
    )
    events = extractor.extract(text, published=dt.date(2020, 3, 26))
    assert next((e.sub_event_type, e.event_date) for e in events) == (
        "Abduction/forced disappearance",
        dt.date(2020, 3, 25),
    )


def test_a_capitalised_term_opening_a_name_is_no_party(extractor: Extractor) -> None:
    text = (
        "The federal government said on Sunday that 110 schoolgirls were missing after Boko Haram "
        "fighters raided the Government Girls Science and Technical College in Dapchi, Yobe state, last "
        "Monday evening."
    )
    (event,) = extractor.extract(text, published=dt.date(2018, 2, 26))
    assert event.actor2_id == "civilians-ng"


def test_a_replaced_mention_is_what_the_index_returns(extractor: Extractor) -> None:
    doc = extractor.process("Gunmen killed 12 people in Djibo on Sunday.", published=PUB)
    (number,) = doc.of_kind("number")
    i = doc.mentions.index(number)
    doc.replace_mention(i, replace(number, value=13))
    assert [m.value for m in doc.of_kind("number")] == [13]


def test_the_eve_is_of_the_day_the_sentence_names(extractor: Extractor) -> None:
    text = "Les autorités ont annoncé lundi l'interpellation, la veille à Bamako, de trois officiers."
    (event,) = extractor.extract(text, published=dt.date(2022, 7, 13))  # a Wednesday
    assert event.event_date == dt.date(2022, 7, 10)
    text = "Police said on Wednesday they had arrested three journalists in Niamey the day before."
    (event,) = extractor.extract(text, published=dt.date(2023, 9, 29))  # a Friday
    assert event.event_date == dt.date(2023, 9, 26)
