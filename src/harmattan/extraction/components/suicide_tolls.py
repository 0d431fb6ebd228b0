"""The bombers of a suicide attack are among its dead (gold/GUIDE.md: everyone killed, attackers included):
"a young man blew himself up at a checkpoint, killing himself", "un kamikaze s'est fait exploser, blessant un
soldat", "the bomber also died". A toll the report gives may or may not count them ("five suicide bombers blew
themselves up ..., killing at least 36 people"): then the bombers are added only when the report says they
died besides ("The bomber also died")."""

from __future__ import annotations

import re

from harmattan.extraction.doc import Doc, Mention

# on the folded text
_BLEW_UP = re.compile(r"\b(?:blew (?:himself|herself) up|s est fait (?:exploser|sauter))\b")
_SEVERAL = re.compile(r"\b(?:blew themselves up|se sont fait (?:exploser|sauter))\b")
_DIED_BESIDES = re.compile(
    r"\b(?:killing (?:himself|herself)|also died"
    r"|(?:the |le |l )?(?:suicide )?(?:bomber|kamikaze|auteur|assaillant|attacker)"
    r" (?:also )?(?:died|was killed|est mort|a ete tue|a peri)"
    # "deux civils ont été tués, en plus de l'assaillant lui-même", "in addition to the bomber"
    r"|(?:en plus de|outre|in addition to|besides|as well as|plus) (?:l |le |the )(?:suicide )?"
    r"(?:bomber|kamikaze|assaillant|attacker|auteur)"
    # "au moins neuf civils tués, auxquels s'ajoutent les deux kamikazes", "plus the two bombers"
    r"|(?:auxquels? s ajoutent|s y ajoutent|en plus des|plus the|in addition to the) (?:les |des )?"
    r"(?:(?P<count>deux|trois|quatre|two|three|four) )?(?:suicide )?(?:kamikazes|bombers)"
    # "ses restes ont été retrouvés", "the bomber's remains were found": the bomber died
    r"|(?:ses|his|her) restes ont ete retrouves|(?:his|her|the bomber s) remains were found)\b"
)
_SEVERAL_DEFAULT = 2  # "women suicide bombers blew themselves up": at least two


def bombers_dead(doc: Doc, sentences: list[int], toll: int | None) -> tuple[int, Mention | None]:
    """How many bombers to add to ``toll`` (the most any one sentence tells: a later sentence names the same
    bomber again), and the words that tell it."""
    best, told = 0, None
    for index in sorted(set(sentences)):
        sent = doc.sentences[index]
        besides = _DIED_BESIDES.search(doc.folded, sent.start, sent.end)
        blew = _SEVERAL.search(doc.folded, sent.start, sent.end) or _BLEW_UP.search(
            doc.folded, sent.start, sent.end
        )
        found = besides or (blew if not toll else None)
        if found is None:
            continue
        several = blew is not None and blew.re is _SEVERAL
        n = _counted_bombers(doc, index, blew.start()) if several and blew is not None else 1
        if besides is not None and besides.group("count"):
            # "auxquels s'ajoutent les deux kamikazes": the figure the number words read there
            n = next(
                (int(m.value) for m in doc.of_kind("number", index) if m.start == besides.start("count")),
                n,
            )
        if n > best:
            best, text = n, doc.text[found.start() : found.end()]
            told = Mention("bombers", found.start(), found.end(), text, n, index)
    return best, told


def _counted_bombers(doc: Doc, index: int, before: int) -> int:
    """ "Two women suicide bombers blew themselves up": the figure before the verb, else at least two."""
    figures = [m for m in doc.of_kind("number", index) if m.end <= before and before - m.end <= 40]
    return int(figures[-1].value) if figures else _SEVERAL_DEFAULT
