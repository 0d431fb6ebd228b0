"""Casualty counting: the figures a sentence gives for the killed, wounded, neutralised and abducted, each
linked to the casualty word it counts and to the victim group it names."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from harmattan.extraction.components.singular import (
    listed_victims,
    one_before,
    one_person_noun_at,
    one_victim,
    possessive_singles,
)
from harmattan.extraction.doc import Doc, Mention

_CASUALTY = {
    "kill": "killed",
    "massacre": "killed",
    "assassinate": "killed",
    "wound": "wounded",
    "neutralise": "neutralised",
    "abduct": "abducted",
}
# a casualty word a figure counts directly ("one dead", "un mort"), not "un bilan", "a toll"
_COUNTED_WORD = re.compile(r"dead|killed|died|wounded|injured|mort|morts|tue|tues|tuee|tuees|blesse|blesses")
# the passive voice, also read by the roles (roles.py)
PASSIVE = re.compile(r"\b(?:were|was|been|being|are|is|ete|furent|sont|est)\b")
_SUBSET_BEFORE = re.compile(
    r"\b(?:dont|including|among them|of whom|of them|parmi eux|parmi lesquels|parmi lesquelles|notamment)\s+"
    r"(?:(?:at least|au moins|about|environ)\s+)?$"
)


def count_casualties(
    doc: Doc,
    mentions: list[Mention],
    cues: list[Mention],
    *,
    group: Callable[[str], str],
    is_state: Callable[[Mention], bool],
    non_person_units: frozenset[str],
) -> dict[str, list[tuple[int, str, Mention]]]:
    """The casualty figures of one sentence by kind (killed, wounded, neutralised, abducted), each a
    (figure, victim group, mention); ``group`` names the victim group a role or "actor:id" counts,
    ``is_state`` tells a country's name from a party's."""
    numbers = [
        m
        for m in mentions
        if m.kind in ("number", "vague")
        and not _unit_follows(doc, m, non_person_units)
        and not _MONEY_BEFORE.search(doc.text, max(0, m.start - 5), m.start)  # "robbed them of ₦12 million"
    ]
    # "one" counts when a person or the casualty word follows: "one villager", "One dead in attack"
    cas_starts = {
        c.start
        for c in cues
        if str(c.value) in _CASUALTY and _COUNTED_WORD.fullmatch(doc.folded[c.start : c.end])
    }
    numbers = [
        n
        for n in numbers
        if n.rule != "number:words-weak"
        or _person_follows(doc, n, mentions)
        or _one_person_alone(doc, n, cas_starts)
        or _one_more_listed(doc, n, numbers)
        or any(n.end < s <= n.end + 2 for s in cas_starts)
    ]
    dates = [(m.start, m.end) for m in mentions if m.kind == "date"]
    numbers = [n for n in numbers if not any(s <= n.start < e for s, e in dates)]
    # "the opposition said the day's toll across Senegal stood at three": a national total, not this event's
    numbers = [n for n in numbers if not _NATIONWIDE.search(doc.folded, max(0, n.start - 45), n.start)]
    numbers = _without_echoes(doc, numbers)
    # "53 morts, dont 49 gendarmes": a part of a figure already counted
    numbers = _without_parts(doc, numbers)
    # "Burkina: five dead": a country name next to a figure does not say who died
    persons = [m for m in mentions if m.kind == "term" or (m.kind == "actor" and not is_state(m))]
    counts: dict[str, list[tuple[int, str, Mention]]] = {}
    used: set[int] = set()
    cas = [c for c in cues if str(c.value) in _CASUALTY]
    for cue in cas:
        before = [
            n
            for n in numbers
            if n.end <= cue.start
            and cue.start - n.end <= (140 if _subject_figure(doc, n, cue) else 70)
            and (n.rule != "number:words-weak" or _weak_counts(doc.folded[n.end : cue.start]))
            # "an official toll is expected": "an" counts nobody before a toll
            and not (n.rule == "number:words-weak" and is_toll(doc, cue))
            and n.start not in used
            and not any(n.end <= o.start < cue.start for o in cas if o is not cue)
            # "detaining eight others; a source reported one attacker dead": a figure of another clause
            and ";" not in doc.text[n.end : cue.start]
        ]
        after = [
            n
            for n in numbers
            if n.start >= cue.end
            and (n.start - cue.end <= 35 or _AFTER_RELATIVE.match(doc.text, cue.end, n.start) is not None)
            and not (n.rule == "number:words-weak" and is_toll(doc, cue))
            and n.start not in used
            and not any(cue.end <= o.start < n.start for o in cas if o is not cue)
            # "« ... quand elles ont été assassinées », a déclaré un responsable": the quote has ended
            and not _QUOTE_END.search(doc.text, cue.end, n.start)
            # "one soldier killed and five wounded", "dix militaires tués et quarante-six terroristes
            # neutralisés": a figure right before another casualty word (or its noun) is that word's
            and not any(_owned_by(doc, n, o) or _next_clause(doc, cue, n, o) for o in cas if o is not cue)
        ]
        picked = _pick(doc, before, after, cue, persons)
        if picked and picked[0].start >= cue.end:
            # "killed eight people in Sagho and seven in Toékodogo": figures chained after the verb
            for n in numbers:
                if (
                    n.start > picked[-1].end
                    and n.start not in used
                    and _coordinated(doc, picked[-1], n)
                    and not any(picked[-1].end <= o.start < n.start for o in cas)
                ):
                    picked.append(n)
        kind = _CASUALTY[str(cue.value)]
        if picked and picked[-1].end <= cue.start and kind == "killed":
            # "Six French aid workers, their Nigerien driver and a local guide were shot dead"
            for single, det in possessive_singles(doc, cue, picked[0].end):
                if det in {n.start for n in picked}:
                    continue  # "their driver and a guide": "a" already counted with the figure
                used.add(det)  # "a local guide": its "a" is counted here, not again as a listed single
                counts.setdefault(kind, []).append((1, "listed", single))
        if picked and picked[-1].end <= cue.start:
            # "Deux policiers, un douanier et un civil ont été tués": each one listed after the figure counts
            for n in numbers:
                if (
                    picked[-1].end <= n.start < cue.start
                    and n.start not in used
                    and n.rule == "number:words-weak"
                    and (_coordinated(doc, picked[-1], n) or _listed(doc, picked[-1], n, persons))
                ):
                    picked.append(n)
        whole: list[Mention] | None = None  # the subject's list of single victims, read once per cue
        if (
            kind == "killed"
            and picked
            and all(n.rule == "number:words-weak" and n.end <= cue.start for n in picked)
        ):
            # "Le kamikaze et un militaire en faction ont été tués": the list counts each, "un" among them
            whole = listed_victims(doc, cue)
            if whole and all(any(w.start <= n.start < w.end for w in whole) for n in picked):
                picked = []
        if not picked and kind == "killed":
            whole = listed_victims(doc, cue) if whole is None else whole
            listed = [n for n in whole if n.start not in used]
            for n in listed:  # "le chef du village, l'imam et un VDP ont été tués": one each, together
                used.add(n.start)
                counts.setdefault(kind, []).append((1, "listed", n))
            one = None if listed else one_victim(doc, cue)
            if one is not None and one.start not in used:
                used.add(one.start)
                counts.setdefault(kind, []).append((1, group(_role_at(doc, one, persons)), one))
        first_role = None
        for n in picked:
            used.add(n.start)
            victim = group(_victim_role(doc, n, persons, cas))
            if victim == "any" and first_role is not None and n.start > cue.end:
                victim = first_role  # "eight people in Sagho and seven in Toékodogo": seven people
            elif victim == "any" and first_role is not None and n.rule == "number:words-weak":
                victim = "listed"  # "two journalists and an Irish conservationist": one more, added
            first_role = first_role or victim
            counts.setdefault(kind, []).append((int(n.value), victim, n))
            # "killing the pastor and five other people": one more before the figure, unless a figure counted
            # it already ("killed a teacher and a student")
            counted_before = any(cue.end <= m.start < n.start for m in picked)
            extra = (
                one_before(doc, cue, n)
                if kind == "killed" and n.start >= cue.end and not counted_before
                else None
            )
            if extra is not None:  # "the imam and three others": one more in the same group
                counts[kind].append((1, victim, extra))
    _mark_updates(doc, numbers, used, counts)
    for kind, figures in counts.items():
        counts[kind] = _without_retold(doc, figures)
    if "killed" in counts:
        counts["killed"] = _alternatives(doc, counts["killed"])
    if not counts.get("killed") and any(m.kind == "nocas" for m in mentions):
        zero = next(m for m in mentions if m.kind == "nocas")
        counts["killed"] = [(0, "any", zero)]
    return counts


def _without_retold(doc: Doc, figures: list[tuple[int, str, Mention]]) -> list[tuple[int, str, Mention]]:
    """ "killing one assailant; a security source also reported one attacker dead": the same figure of the
    same group told again after a semicolon is one count."""
    kept: list[tuple[int, str, Mention]] = []
    for fig in figures:
        n, victim, m = fig
        told = [(k, v) for k, v, o in kept if o.end <= m.start and ";" in doc.text[o.end : m.start]]
        if (n, victim) not in told:
            kept.append(fig)
    return kept


# "killing its owner, who had been sheltering displaced people, and seven others": a victim, a relative
# clause about them, then the figure of the others
_AFTER_RELATIVE = re.compile(
    r"\s+(?:its|the|a|an|his|her|their|le|la|l'|son|sa|leur)\s*[\w'’-]+(?:\s+[\w'’-]+)?\s*,\s*"
    r"(?:who|which|whose|qui|dont)\b[^.;]{0,140},\s*(?:and|et)\s+$"
)
_ACTIVE_PARTICIPLES = frozenset({"killing", "tuant"})
_TOLL_NAMED = re.compile(r"\b(?:toll|death toll|bilan|count|figure|chiffre)\b")
_MONEY_BEFORE = re.compile(r"(?:[₦$€£¥]|\bUS\$|\bN(?=\d))\s?$")
_QUOTE_END = re.compile(r"[»”\"]\s*,")
_CONTRAST = re.compile(r"\b(?:but|while|whereas|mais|tandis qu|tandis que|alors qu|alors que)\b")


def _alternatives(doc: Doc, figures: list[tuple[int, str, Mention]]) -> list[tuple[int, str, Mention]]:
    """ "a confirmé la mort de 81 civils, mais des ONG avancent un bilan de 370 tués", "put the toll at three,
    while a doctor said 15 people had died": another party's figure for the same dead (the group "alt")."""
    out = list(figures)
    ordered = sorted(range(len(out)), key=lambda i: out[i][2].start)
    for prev, cur in itertools.pairwise(ordered):
        (_, v0, m0), (n, v1, m1) = out[prev], out[cur]
        # "killing nine people according to the police count; some residents put the toll at 25"
        other_clause = (
            ";" in doc.text[m0.end : m1.start]
            and v1 == "any"
            and _TOLL_NAMED.search(doc.folded, max(m0.end, m1.start - 40), m1.start) is not None
        )
        contrast = other_clause or _CONTRAST.search(doc.folded, m0.end, m1.start) is not None
        if (v0 == v1 or "any" in (v0, v1)) and contrast:
            out[cur] = (n, "alt", m1)
    return out


def _owned_by(doc: Doc, n: Mention, other: Mention) -> bool:
    return 0 <= other.start - n.end <= 30 and bool(_OWN_NOUN.fullmatch(doc.folded, n.end, other.start))


# nothing, or one or two words that are no conjunction, between a figure and a casualty word
_OWN_NOUN = re.compile(r"\s*(?:(?!(?:and|et|or|ou)\b)[\w'-]+\s+){0,2}")


_COORDINATED = re.compile(r"^\s*\w+(?:\s+\w+)?\s+(?:and|et)\s")


def _next_clause(doc: Doc, cue: Mention, n: Mention, other: Mention) -> bool:
    """ "A peacekeeper was killed and four of his comrades badly hurt": a figure right after "and" opens the
    next clause, whose own casualty word follows it."""
    return (
        0 <= other.start - n.end <= 45
        and _AND_GAP.fullmatch(doc.folded, cue.end, n.start) is not None
        and not _SENTENCE_STOP.search(doc.folded, n.end, other.start)
    )


_AND_GAP = re.compile(r"\s*,?\s*(?:and|et|while|tandis que|alors que)\s+")


def _weak_counts(gap: str) -> bool:
    """ "a soldier was killed", "one villager killed", "un militaire et 7 jihadistes tués": "a" counts the
    dead; in "members of a group killed a man" it only introduces the killers."""
    return len(gap) <= 15 or bool(PASSIVE.search(gap) or _COORDINATED.match(gap))


def _unit_follows(doc: Doc, n: Mention, units: frozenset[str]) -> bool:
    """ "30 km", "two Nigerian Customs vehicles": the figure's noun is no person (read past the first word
    only through capitalised names)."""
    if _CLOCK.match(doc.text, n.end):
        return True  # "at around 10 p.m."
    words = doc.folded[n.end : n.end + 40].split()[:3]
    names = doc.text[n.end : n.end + 40].split()[:3]
    for i, word in enumerate(words):
        # past the first word only through names ("cinq Volontaires pour la défense") or "de"/"of" ("une
        # vingtaine de kilomètres", "dozens of kilometres")
        if i and not names[i - 1][:1].isupper() and not (i == 1 and words[0] in _OF):
            return False
        word = word.strip(".,;:")
        if word in units and not (i and word in _FIRST_WORD_UNITS):
            return True
    return False


_OF = frozenset({"de", "d", "of"})
_CLOCK = re.compile(r"\s?(?:[ap]\.m\.|[ap]m\b|h\d\d\b|o'clock)", re.IGNORECASE)
# units that only count right after the figure ("20 pour cent", "un an", "10 h")
_FIRST_WORD_UNITS = frozenset({"pour", "an", "h", "am", "pm"})


def _one_more_listed(doc: Doc, n: Mention, numbers: list[Mention]) -> bool:
    """ "Two Spanish journalists and an Irish conservationist were killed": one more person after a figure."""
    return (
        one_person_noun_at(doc, n.end, modifiers=1)
        and bool(_AND_BEFORE.search(doc.folded, max(0, n.start - 30), n.start))
        and any(
            m.rule != "number:words-weak" and 0 <= n.start - m.end <= 40 and _coordinated(doc, m, n)
            for m in numbers
        )
    )


def _one_person_alone(doc: Doc, n: Mention, cas_starts: set[int]) -> bool:
    """ "one person was killed": no party, but one dead; not one of a list ("un VDP et son oncle ont été
    assassinés", which counts each)."""
    if not one_person_noun_at(doc, n.end):
        return False
    nxt = min((s for s in cas_starts if s > n.end), default=n.end + 60)
    return not _PLURAL_OR_LIST.search(doc.folded, n.end, nxt)


_PLURAL_OR_LIST = re.compile(r"\b(?:and|et|were|are|have|ont|sont)\b")


def _person_follows(doc: Doc, n: Mention, mentions: list[Mention]) -> bool:
    return any(m.kind in ("term", "actor") and 0 <= m.start - n.end <= 2 for m in mentions)


def _mark_updates(
    doc: Doc, numbers: list[Mention], used: set[int], counts: dict[str, list[tuple[int, str, Mention]]]
) -> None:
    """ "The death toll has risen to 15", "nouveau bilan : 15 morts": an updated toll is the count of the
    event, whatever earlier figures said (the victim group "update"); "a first toll had put the dead at
    four" is a figure the report has superseded (the group "earlier")."""
    killed = counts.setdefault("killed", [])
    for n in numbers:
        # "The death toll from an attack on a post at Kafolo, in ..., has risen to 14": a long reach back
        lo = max(0, n.start - 240)
        stops = [m.end() for m in _SENTENCE_STOP.finditer(doc.text, lo, n.start)]
        clause = doc.folded[stops[-1] if stops else lo : n.start]
        picked = [i for i, (_, _, m) in enumerate(killed) if m is n]
        if picked and any(_update_announced(doc, i) for i in range(n.sentence - 3, n.sentence)):
            # "... before the mayor gave a heavier toll on Friday. 'This morning we counted 19 dead'"
            clause = "new toll "
        if _TOLL_EARLIER.search(clause):
            for i in picked:
                killed[i] = (killed[i][0], "earlier", n)
        elif not _TOLL_UPDATE.search(clause):
            continue
        elif picked:
            for i in picked:
                killed[i] = (killed[i][0], "update", n)
        elif n.start not in used and n.kind == "number":
            used.add(n.start)
            killed.append((int(n.value), "update", n))
    if not killed:
        del counts["killed"]


def _without_echoes(doc: Doc, numbers: list[Mention]) -> list[Mention]:
    """ "trois (03) soldats et deux (02) VDP": the figure repeated in digits in brackets is one figure."""
    out: list[Mention] = []
    for n in numbers:
        prev = out[-1] if out else None
        echo = (
            prev is not None
            and prev.value == n.value
            and _ECHO_GAP.fullmatch(doc.text, prev.end, n.start) is not None
        )
        if not echo:
            out.append(n)
    return out


_ECHO_GAP = re.compile(r"\s*\(\s*")


def _subject_figure(doc: Doc, n: Mention, cue: Mention) -> bool:
    """ "Soixante-neuf membres d'un groupe d'autodéfense, dont le maire, ont été tués": a figure opening the
    sentence is the subject of a passive casualty verb, however long the phrase before it (not of an
    active one: "Dozens of gunmen attacked the village, killing about 30")."""
    sent = doc.sentences[n.sentence] if 0 <= n.sentence < len(doc.sentences) else None
    if sent is None:
        return False
    before = doc.folded[sent.start : n.start]
    # "OUAGADOUGOU, April 15 - At least eight members of ...": a dateline opens the sentence before it
    dateline = _DATELINE.match(doc.text, sent.start, n.start)
    if dateline:
        before = doc.folded[dateline.end() : n.start]
    # "une ONG affirme que 31 hommes non armés, arrêtés le 9 avril ..., ont été exécutés": reported speech
    if before.strip() and not _REPORTED_BEFORE.search(before) and not _MODIFIERS_ONLY.fullmatch(before):
        return False
    # "... ont été retrouvés morts": the auxiliary may stand two words before the casualty word
    return bool(PASSIVE.search(doc.folded[max(n.end, cue.start - 22) : cue.start]))


# "NIAMEY, March 31 (Reuters) - ", "BAMAKO — ", "OUAGADOUGOU, 20 août — ": a place in capitals, a date
_DATELINE = re.compile(r"\s*[A-ZÀ-Ý][A-ZÀ-Ý' .-]+(?:,[^-—–\n]{0,40})?\s+[-—–]\s+")
_MODIFIERS_ONLY = re.compile(
    r"\s*(?:(?:at least|au moins|more than|plus de|some|about|environ|nearly|pres de)\s*)?"
)
_REPORTED_BEFORE = re.compile(r"\b(?:que|qu|that)\s+(?:(?:au moins|at least|plus de|more than|some)\s+)?$")


def _without_parts(doc: Doc, numbers: list[Mention]) -> list[Mention]:
    """ "53 morts, dont 49 gendarmes", "37 people, among them four women and thirteen children": the parts of
    a figure already counted, each figure listed after the subset word too."""
    kept: list[Mention] = []
    part: Mention | None = None
    ordered = sorted(numbers, key=lambda m: m.start)
    apposed = _apposed_breakdowns(doc, ordered)
    for n in ordered:
        if (
            _SUBSET_BEFORE.search(doc.folded[max(0, n.start - 20) : n.start])
            or _listed_after(doc, part, n)
            or _breakdown_of_toll_told(doc, n)
            or n.start in apposed
            or _OF_THE_DEAD.match(doc.folded, n.end)
            # "All four - two young girls and a teacher among them - were killed": an aside breaks it down
            or (bool(kept) and _ASIDE_OPENS.fullmatch(doc.text, kept[-1].end, n.start) is not None)
        ):
            part = n
        else:
            part = None
            kept.append(n)
    return kept


_ASIDE_OPENS = re.compile(r"\s*(?:[\w'-]+\s+){0,2}?[-–—(]\s*")
# "Two of the dead were contractors", "deux des victimes étaient des enfants": a part of a toll told
_OF_THE_DEAD = re.compile(
    r"\s+of the (?:dead|victims|people killed|those killed)\b"
    r"|\s+des (?:victimes|morts|personnes tuees)\s+(?:etaient|sont|etait)\s+(?!tues|tuees|abattu)"
)


def _apposed_breakdowns(doc: Doc, ordered: list[Mention]) -> set[int]:
    """ "Au moins dix civils, deux femmes et huit hommes, ont été tués": figures set in apposition right after
    a figure that add up to it break it down (their starts)."""
    out: set[int] = set()
    for i, head in enumerate(ordered[:-1]):
        if not _LISTED_PART.match(doc.text, head.end, ordered[i + 1].start):
            continue
        chain = [ordered[i + 1]]
        for m in ordered[i + 2 :]:
            if not _APPOSED_NEXT.fullmatch(doc.text, chain[-1].end, m.start):
                break
            chain.append(m)
        if len(chain) > 1 and sum(int(m.value) for m in chain) == int(head.value):
            # "Two policemen, a customs officer and a civilian": parts of another kind are more dead
            role = _noun_role(doc, head)
            if all(_noun_role(doc, m) in (role, None) for m in chain) or role is None:
                out.update(m.start for m in chain)
    return out


def _noun_role(doc: Doc, n: Mention) -> str | None:
    """The role of the party noun right after a figure ("two policemen": state), if any."""
    for m in doc.of_kind("term", n.sentence):
        if 0 <= m.start - n.end <= 2:
            return str(m.value[0])
    return None


_APPOSED_NEXT = re.compile(r"\s*[^\W\d]+(?:\s+[^\W\d]+)?\s*(?:,|\band\b|\bet\b)\s*")


def _breakdown_of_toll_told(doc: Doc, n: Mention) -> bool:
    """ "Six people died ... The dead were a soldier, two customs officers and one civilian": after a toll,
    who "the dead" were breaks it down (the figures are not more dead)."""
    if not _THE_DEAD_WERE.search(doc.folded[max(0, n.start - 30) : n.start]):
        return False
    return any(
        m.kind in ("number", "vague") and m.sentence < n.sentence and m.value
        for m in doc.mentions
        if m.sentence in range(n.sentence - 2, n.sentence)
    )


_THE_DEAD_WERE = re.compile(
    r"\b(?:the dead|the victims|those killed|among the dead|les morts|les victimes|parmi les morts|"
    r"parmi les victimes)\s+(?:were|are|included|include|sont|etaient|figurent)\s+$"
)


def _listed_after(doc: Doc, part: Mention | None, n: Mention) -> bool:
    return part is not None and bool(
        _coordinated(doc, part, n) or _LISTED_PART.match(doc.text, part.end, n.start)
    )


_LISTED_PART = re.compile(r"\s*[^\W\d]+(?:\s+[^\W\d]+)?\s*,\s*$")


def is_toll(doc: Doc, cue: Mention) -> bool:
    """The cue is the toll itself ("death toll", "bilan"), not a casualty word."""
    return bool(_TOLL_WORD.fullmatch(doc.folded[cue.start : cue.end]))


_SENTENCE_STOP = re.compile(r"[.!?;]\s")
_TOLL_WORD = re.compile(r"(?:death\s+)?toll|bilan")
_TOLL_UPDATE = re.compile(
    r"(?:\b(?:toll|bilan)\b(?:\s+\S+){0,32}?\s+(?:(?:has|have|had)\s+)?"
    r"(?:risen|rose|rises|climbed|climbs|increased|jumped|reached|passe|alourdi|grimpe|atteint)"
    r"|\b(?:new|latest|updated|revised)\s+(?:death\s+)?(?:toll|count)|\b(?:nouveau|dernier)\s+(?:bilan|decompte)"
    # "Niger has raised to 89 the number of soldiers killed", "a porté le bilan à 35"
    r"|\b(?:raised|revised|porte|portee|releve|relevee|revu|revue)(?:\s+(?:up|upwards?|down|downwards?|"
    r"le bilan|the toll|the death toll|a la hausse|a la baisse))*)"
    r"(?:\s+(?:to|of|at|a|de|desormais|now|au moins|at least|est|is|fait etat|stands))*\s*$"
)


def _update_announced(doc: Doc, index: int) -> bool:
    """The sentence announces a new toll it does not state ("the mayor gave a heavier toll on Friday"): a
    figure of the next sentences states it."""
    if index < 0:
        return False
    sent = doc.sentences[index]
    found = _HEAVIER_TOLL.search(doc.folded, sent.start, sent.end)
    return found is not None and not any(c.isdigit() for c in doc.folded[found.end() : sent.end])


_HEAVIER_TOLL = re.compile(r"\b(?:heavier|higher)\s+(?:death\s+)?toll\b|\bbilan\s+plus\s+(?:lourd|eleve)")


# "a first toll had put ...", "un premier bilan faisait état de ...", "initially reported"
_TOLL_EARLIER = re.compile(
    r"\b(?:(?:first|initial|earlier|previous|preliminary)\s+(?:death\s+)?(?:toll|count|report)"
    r"|(?:premier|precedent|ancien)\s+bilan|bilan\s+(?:initial|precedent)"
    r"|initially|initialement|dans un premier temps|had first|first (?:announced|reported|gave)"
    # "Les premières informations faisaient état de dix morts", "early reports said"
    r"|premieres informations|first reports|early reports|initial reports"
    # "Une source de la Minusma a d'abord parlé d'au moins un mort ; le ministère a ensuite avancé quatre"
    r"|\b(?:a|ont)\s+d abord\s+(?:parle|fait etat|annonce|evoque|indique)|\b(?:evoquaient|evoquait)\s+d abord"
    # "The ministry had said on Thursday that 25 soldiers died": a figure told before the report's
    r"|\b(?:had|avait|avaient)\s+(?:d abord\s+)?"
    r"(?:said|announced|reported|given|put|annonce|indique|fait etat)"
    r"(?:\s+(?:on|le)?\s*\w+(?:\s+(?:evening|morning|night|soir|matin))?)?\s+(?:that|que|qu))\b"
)


def _pick(
    doc: Doc, before: list[Mention], after: list[Mention], cue: Mention, persons: list[Mention]
) -> list[Mention]:
    if after and doc.folded[cue.start : cue.end] in _ACTIVE_PARTICIPLES:
        return after[:1]  # "Five suicide bombers blew themselves up ..., killing at least 36 people"
    strong = [n for n in before if n.rule != "number:words-weak"]
    # "Un mort et deux blessés", "One dead": the word right before the casualty word is its figure
    if not strong and before and cue.start - before[-1].end <= 2:
        return before[-1:]
    if not strong and after:
        return after[:1]  # "members of a group killed a man": the one after the verb is the victim
    if not before:
        return after[:1]
    # "six members of a group were killed": six, not "a"; but "un militaire et 7 jihadistes tués" and
    # "four attackers and a gendarme killed" coordinate both figures
    last = (strong or before)[-1]
    picked = [last]
    for n in reversed([b for b in before if b.end <= last.start]):
        if not (_coordinated(doc, n, picked[0]) or _listed(doc, n, picked[0], persons)):
            break
        picked.insert(0, n)
    for n in [b for b in before if b.start >= last.end]:
        if not _coordinated(doc, picked[-1], n):
            break
        picked.append(n)
    return picked


def _coordinated(doc: Doc, first: Mention, second: Mention) -> bool:
    """ "un militaire et 7", "eight people in Sagho and seven": the second figure right after "and"/"et"
    (not "killed 12 terrorists and arrested 4 suspects")."""
    gap = doc.folded[first.end : second.start]
    return len(gap) < 40 and bool(_AND_BEFORE.search(gap))


def _listed(doc: Doc, first: Mention, second: Mention, persons: list[Mention]) -> bool:
    """ "17 Jihadists, Five Defense Volunteers Killed": a headline lists the groups of dead with commas
    (but "2 attacks, 5 killed" counts no one in the first figure)."""
    gap = doc.text[first.end : second.start]  # the folded text has no commas
    return bool(_LIST_GAP.match(gap)) and _person_follows(doc, first, persons)


_LIST_GAP = re.compile(r"^\s*[\w'-]+(?:\s+[\w'-]+){0,2}\s*,\s*$")


_AND_BEFORE = re.compile(
    r"\b(?:and|et)\s+"
    r"(?:(?:at least|au moins|about|some|more than|plus de|environ|nearly|quelque|des|les|the|de|d)\s+)*$"
)


def _role_at(doc: Doc, n: Mention, mentions: list[Mention]) -> str:
    """The role of the party a singular noun names ("the pastor": a civilian)."""
    for m in mentions:
        if m.kind == "term" and m.start <= n.start < m.end:
            return str(m.value[0])
        if m.kind == "actor" and m.start <= n.start < m.end:
            return f"actor:{m.value}"  # "An Egyptian UN peacekeeper was killed": a peacekeeper's side
    return _victim_role(doc, n, mentions)


_NATIONWIDE = re.compile(
    r"\b(?:toll|bilan)\s+(?:across|nationwide|throughout|in all of|dans tout|a travers|sur l ensemble)\b"
    r"[^.;]*$"
    # "Nationally the opposition says at least 14 people were killed in polling-day violence"
    r"|\b(?:nationally|nationwide|across the country|au niveau national|dans tout le pays)\b[^.;]*$"
)
_THEIR_OWN = re.compile(r"\s+(?:of their own|of its own|des leurs|d entre eux)\b")
# a word that opens a new phrase: a figure's noun does not lie beyond it
CLAUSE_WORD = re.compile(
    r"\b(?:during|in|at|on|near|after|before|when|while|with|from|since|lors|pendant|dans|pres|apres|avant|"
    r"lorsque|quand|avec|depuis)\b"
)


def _victim_role(doc: Doc, n: Mention, mentions: list[Mention], cues: list[Mention] | None = None) -> str:
    if _THEIR_OWN.match(doc.folded, n.end):
        return "armed"  # "the attackers carried away the bodies of two of their own": the raiders' dead
    for m in mentions:
        if m.kind in ("term", "actor") and 0 <= m.start - n.end <= 25:
            if cues and any(n.end <= c.start < m.start for c in cues):
                break  # "15 killed in two 'terrorist' attacks": the noun after the verb is not the dead
            if CLAUSE_WORD.search(doc.folded, n.end, m.start):
                break  # "about 20 men during a military operation": the figure's noun came before
            value = m.value
            return str(value[0]) if isinstance(value, tuple) else f"actor:{value}"
    return "any"
