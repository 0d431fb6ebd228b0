"""Run harmattan's analyses on the UCDP GED Burkina Faso extract and print the figures as Markdown.

    .venv/bin/python scripts/ucdp_analysis.py [CSV] > out.md

UCDP rows become frame rows directly (the UCDP importer keeps them as reference
events, apart from ours): ``side_a``/``side_b`` map to pack actor ids through the
pack's ``mappings/ucdp_ged.yaml`` (first id of each entry: JNIM -> ``jnim``, IS ->
``is-sahel``, Government of Burkina Faso -> ``bf-military``), ``type_of_violence`` to
the first ACLED-style event type of the same mapping, admin names lose UCDP's
"region"/"province" suffix. Data: UCDP GED (CC BY 4.0), see shared/data/README.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from pathlib import Path
from typing import Any

import polars as pl
import yaml

from harmattan.analysis import alerts, attribution, footprints, frame, relations, trends

DEFAULT = Path("/work/shared/data/gold/ucdp_ged_sahel_train.csv")
MAPPING = Path(__file__).resolve().parents[1] / "src/harmattan/regions/sahel/mappings/ucdp_ged.yaml"
COUNTRIES = {"Burkina Faso": "BF", "Mali": "ML", "Niger": "NE"}
SUFFIXES = (" region", " province", " department")


def _admin(name: str) -> str | None:
    name = name.strip()
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name or None


def _inter(entry: dict[str, Any]) -> int | None:
    """The mapping's inter code (the first one where it accepts several: the government before the VDP)."""
    value = entry.get("inter")
    return value[0] if isinstance(value, list) else value


def ucdp_frame(path: Path) -> pl.DataFrame:
    mapping = yaml.safe_load(MAPPING.read_text(encoding="utf-8"))
    actors: dict[str, Any] = mapping["actors"]
    types = mapping["type_of_violence"]
    where_prec = mapping["where_prec"]
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            a, b = actors.get(row["side_a"], {}), actors.get(row["side_b"], {})
            rows.append(
                {
                    "event_id": f"ucdp-{row['id']}",
                    "event_date": dt.date.fromisoformat(row["date_start"][:10]),
                    "event_type": types[int(row["type_of_violence"])][0],
                    "actor1": row["side_a"],
                    "actor1_id": (a.get("ids") or [None])[0],
                    "inter1": _inter(a),
                    "actor2": row["side_b"],
                    "actor2_id": (b.get("ids") or [None])[0],
                    "inter2": _inter(b),
                    "country": COUNTRIES.get(row["country"]),
                    "admin1": _admin(row["adm_1"]),
                    "admin2": _admin(row["adm_2"]),
                    "location": row["where_coordinates"] or None,
                    # Country-level rows (where_prec 6-7, unmapped) count as region-level: no cell.
                    "geo_precision": where_prec.get(int(row["where_prec"] or 7)) or 3,
                    "latitude": float(row["latitude"]),
                    "longitude": float(row["longitude"]),
                    "fatalities": int(row["best"] or 0),
                }
            )
    return frame.from_records(rows)


def _spread_table(fr: pl.DataFrame, actor: str, caps: tuple[footprints.Capital, ...]) -> list[str]:
    lines = [
        "| year | events | regions (admin1) | provinces (admin2) | H3 cells (res 5) "
        "| nearest to Ouagadougou |",
        "|---|---|---|---|---|---|",
    ]
    for fp in footprints.spread(fr, actor, "BF", caps):
        near = fp.frontier[0] if fp.frontier else None
        regions = ", ".join(sorted(k.split("/")[1] for k in fp.admin1))
        where = f"{near.distance_km:.0f} km ({near.location}, {near.event_id})" if near else "–"
        lines.append(
            f"| {fp.since.year if fp.since else ''} | {fp.events} | {len(fp.admin1)}: {regions} | "
            f"{len(fp.admin2)} | {len(fp.cells)} | {where} |"
        )
    return lines


def main(path: Path) -> None:
    fr = frame.from_records([]) if not path.exists() else ucdp_frame(path)
    caps = tuple(c for c in footprints.capitals_from_pack() if c.country == "BF")
    out = [
        f"UCDP GED Burkina Faso extract: {fr.height} events, {fr['event_date'].min()} to "
        f"{fr['event_date'].max()}, {int(fr['fatalities'].sum())} deaths (best estimate).",
        "",
    ]
    for actor, label in (("jnim", "JNIM"), ("is-sahel", "IS Sahel (UCDP: IS)")):
        out += [
            f"### Spread of {label} across Burkina Faso, by year",
            "",
            *_spread_table(fr, actor, caps),
            "",
        ]
    change = footprints.compare(
        fr, "jnim", (dt.date(2020, 1, 1), dt.date(2020, 12, 31)), (dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    )
    out += [
        "### JNIM: provinces added and lost, 2020 → 2021",
        "",
        f"- added ({len(change.added_admin2)}): " + ", ".join(k.split("/")[-1] for k in change.added_admin2),
        f"- lost ({len(change.lost_admin2)}): " + ", ".join(k.split("/")[-1] for k in change.lost_admin2),
        "",
    ]
    out += [
        "### Escalation and change points (monthly events per region, busiest 6)",
        "",
        "| region | events | change points (month: mean before → after) |",
        "|---|---|---|",
    ]
    for t in trends.trends(fr, ("admin1",), "month", top=6):
        cps = "; ".join(f"{c.period:%Y-%m}: {c.before:.1f} → {c.after:.1f}" for c in t.change_points) or "–"
        out.append(f"| {t.key} | {t.total} | {cps} |")
    out += [""]
    res = alerts.novelties(fr, alert_from=dt.date(2019, 1, 1))
    firsts = [
        a
        for a in res.alerts
        if a.kind in ("new_admin1", "new_pairing_clash") and a.actors[0] != "bf-military"
    ]
    out += ["### Novelty alerts from 2019 (first event of a group in a region, first clashes)", ""]
    out += [
        f"- {a.event_date}: {a.sentence} [{a.severity}; evidence {', '.join(a.evidence[:3])}]" for a in firsts
    ]
    edges = relations.edge_events(fr)
    out += [
        "",
        "### Relations: the JNIM–IS pair, year by year (rolling 365-day weight at each year's last clash)",
        "",
    ]
    steps = relations.timeline(edges, "jnim", "is-sahel")
    for year in sorted({s.event_date.year for s in steps}):
        mine = [s for s in steps if s.event_date.year == year]
        out.append(f"- {year}: {len(mine)} clashes, weight {mine[-1].score} (last: {mine[-1].event_id})")
    shifts = [s for s in relations.shifts(edges) if s.kind == "sign_change"]
    out.append(f"- sign changes of any pair: {len(shifts)}")
    cal = attribution.evaluate(fr, cutoff=dt.date(2021, 1, 1))
    known = fr.filter(pl.col("inter1").is_in([2, 3, 4]) | pl.col("inter2").is_in([2, 3, 4]))
    perp = known.with_columns(
        pl.when(pl.col("inter1").is_in([2, 3, 4]))
        .then(pl.col("actor1_id"))
        .otherwise(pl.col("actor2_id"))
        .alias("p")
    )
    train_top = perp.filter(pl.col("event_date") < dt.date(2021, 1, 1))["p"].mode().sort()[0]
    test = perp.filter(pl.col("event_date") >= dt.date(2021, 1, 1))
    baseline = float((test["p"] == train_top).mean() or 0.0)
    out += [
        "",
        "### Attribution calibration (train < 2021-01-01, perpetrators of 2021 events hidden)",
        "",
        f"- test events {cal.test_events} (+{cal.unseen_actor_events} by actors unseen in training), "
        f"trained on {cal.train_events}; temperature {cal.temperature}",
        f"- top-1 {cal.top1:.3f}, top-3 {cal.top3:.3f}, Brier {cal.brier:.3f}, log loss {cal.log_loss:.3f}",
        f"- baseline (always the most active group of the training years, {train_top}): top-1 {baseline:.3f}",
        "",
        "| top-1 probability | events | mean probability | accuracy |",
        "|---|---|---|---|",
    ]
    out += [
        f"| {r['bin']} | {r['events']} | {r['mean_probability']} | {r['accuracy']} |" for r in cal.reliability
    ]
    print("\n".join(out))


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
