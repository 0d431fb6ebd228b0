"""What attackers took or burned while they killed or kidnapped is part of that occurrence."""

from __future__ import annotations

import datetime as dt

from harmattan.extraction import Extractor


def test_what_kidnappers_took_is_part_of_the_kidnapping(extractor: Extractor) -> None:
    text = (
        "Des individus armés non identifiés ont enlevé lundi soir deux commerçants sur l'axe "
        "Djibo-Namsiguia, "
        "a-t-on appris de sources locales. Les ravisseurs ont emporté leurs motos."
    )
    events = extractor.extract(text, published=dt.date(2022, 11, 15))
    assert [e.sub_event_type for e in events] == ["Abduction/forced disappearance"]
