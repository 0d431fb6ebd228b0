from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from harmattan.sources.feeds import FeedError, parse_feed

NOW = dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC)


def rss(*items: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Sahel wire</title>'
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def item(guid: str, title: str, date: str | None = "Mon, 26 May 2025 08:00:00 GMT", body: str = "") -> str:
    pub = f"<pubDate>{date}</pubDate>" if date else ""
    return (
        f"<item><guid>{guid}</guid><link>https://example.org/{guid}</link><title>{title}</title>{pub}"
        f"<description><![CDATA[{body}]]></description></item>"
    )


def test_items_have_ids_links_dates_and_plain_text() -> None:
    feed = parse_feed(
        rss(item("a1", "Attaque à Ménaka", body="<p>Des hommes armés <b>ont attaqué</b>.</p>")), "u"
    )
    assert feed.title == "Sahel wire" and not feed.problems
    [first] = feed.items
    assert (first.guid, first.url, first.published) == ("a1", "https://example.org/a1", dt.date(2025, 5, 26))
    assert first.text == "Des hommes armés ont attaqué."


def test_duplicate_guids_keep_the_first_and_say_so() -> None:
    feed = parse_feed(rss(item("same", "One"), item("same", "Two"), item("other", "Three")), "u")
    assert [i.title for i in feed.items] == ["One", "Three"]
    assert feed.problems == ["duplicate item id 'same' ignored"]


def test_future_and_missing_dates_are_left_unknown_with_a_note() -> None:
    feed = parse_feed(
        rss(item("f", "Future", date="Tue, 01 Jan 2036 08:00:00 GMT"), item("m", "Missing", date=None)), "u"
    )
    assert [i.published for i in feed.items] == [None, None]
    assert any("in the future" in p for p in feed.problems) and any("no date" in p for p in feed.problems)


def test_atom_feeds_with_full_content_are_read() -> None:
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom"><title>ICG</title>
    <entry><id>tag:x,2025:1</id><title>Report</title><link href="https://example.org/r"/>
    <updated>2025-05-20T10:00:00Z</updated>
    <content type="html">&lt;p&gt;Long analysis.&lt;/p&gt;</content></entry>
    </feed>"""
    [entry] = parse_feed(atom, "u").items
    assert (entry.guid, entry.text, entry.published) == (
        "tag:x,2025:1",
        "Long analysis.",
        dt.date(2025, 5, 20),
    )


def test_html_full_of_scripts_gives_text_without_scripts() -> None:
    body = "<script>alert(1)</script><p>Texte utile.</p><style>p{}</style><script>evil()</script>"
    [only] = parse_feed(rss(item("s", "T", body=body)), "u").items
    assert "alert" not in only.text and "evil" not in only.text and "Texte utile." in only.text


@pytest.mark.parametrize(
    "data", [b"", b"<html><body>Not a feed</body></html>", b"\x00\x01\x02garbage", b"{}"]
)
def test_things_that_are_not_feeds_raise_a_clear_error(data: bytes) -> None:
    with pytest.raises(FeedError, match="feed"):
        parse_feed(data, "u")


def test_a_truncated_feed_keeps_the_items_before_the_break() -> None:
    data = rss(item("a", "Kept"), item("b", "Also kept"))[:-30]
    feed = parse_feed(data, "u")
    assert [i.guid for i in feed.items][:1] == ["a"]
    assert any("malformed" in p for p in feed.problems)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.binary(max_size=60),
    cut=st.integers(min_value=0, max_value=400),
    noise=st.text(max_size=40),
)
def test_malformed_feeds_never_crash(prefix: bytes, cut: int, noise: str) -> None:
    data = prefix + rss(item("g1", noise.replace("]]>", ""), body=noise.replace("]]>", "")))[:cut]
    try:
        feed = parse_feed(data, "u")
    except FeedError as exc:
        assert str(exc)
    else:
        ids = [i.guid for i in feed.items]
        assert len(ids) == len(set(ids))
