"""Slogans: what protesters' placards, banners and chants say is no report of an event.

"carried placards reading “Too many dead, villages burned”" tells a protest, not a killing or an arson:
every mention inside such a quotation (cues, figures, actors, places) is dropped before events are read.
"""

from __future__ import annotations

import re

from harmattan.extraction.doc import Doc
from harmattan.extraction.pipeline import Component, register

# a quotation in typographic or straight double quotes ("'" is an apostrophe too often to pair)
_QUOTE = re.compile(r"“([^”\n]{1,240})”|«([^»\n]{1,240})»|\"([^\"\n]{1,240})\"")
# what holds or voices a slogan, a few words before the quotation (folded text): "placards reading",
# "des pancartes sur lesquelles on pouvait lire :", "scandant", "aux cris de"
_SLOGAN_LEAD = re.compile(
    r"(?:\b(?:placards?|banners?|signs?|posters?|t shirts?|slogans?|pancartes?|banderoles?|affiches?"
    r"|ecriteaux?|calicots?)\b[^.;!?]{0,60}|\b(?:chant\w*|scand\w*|aux cris de)\b[^.;!?]{0,30})$"
)


@register
class SloganMentions(Component):
    """Drops the mentions found inside slogans and re-marks which sentences still hold an event cue."""

    name = "slogans"
    requires = ("folded", "sentences", "cues")
    provides = ("slogans",)

    def __call__(self, doc: Doc) -> Doc:
        spans = slogan_spans(doc)
        if not spans:
            return doc
        doc.mentions = [m for m in doc.mentions if not any(s <= m.start and m.end <= e for s, e in spans)]
        doc.user_data.pop("_index", None)
        cued = {m.sentence for m in doc.mentions if m.kind == "cue"}
        for sent in doc.sentences:
            sent.has_cue = sent.index in cued
        return doc


def slogan_spans(doc: Doc) -> list[tuple[int, int]]:
    """The character spans of the quotations that a placard, banner or chant carries."""
    spans = []
    for match in _QUOTE.finditer(doc.text):
        lead = doc.folded[max(0, match.start() - 80) : match.start()].rstrip(" :")
        if _SLOGAN_LEAD.search(lead):
            spans.append((match.start(), match.end()))
    return spans
