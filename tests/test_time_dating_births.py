"""Dating by age: days of birth from the converted US data (``births.tsv``,
written by scripts/convert_knowledge.py) and ages told the ways news tells
them ("X, 99,", "X died at 88", "X died on Monday. He was 88.")."""

from __future__ import annotations

from datetime import date

from storyline.time.dating import infer_publication_date
from storyline.time.knowledge import load_knowledge

TODAY = date(2026, 12, 7)


def test_dating_births_converted_birthdays_reach_the_holders():
    holders, _, _ = load_knowledge("")
    biden = [h for h in holders if h.name == "Joe Biden"]
    assert biden and all(h.born == date(1942, 11, 20) for h in biden)


def test_dating_births_age_of_a_former_president():
    value = infer_publication_date(
        "Former President Jimmy Carter, 99, entered hospice care, his family said.",
        (),
        roles_path="",
        interval=True,
        today=TODAY,
    )
    assert value is not None and value.earliest == date(2023, 10, 1) and value.latest == date(2024, 9, 30)


def test_dating_births_age_told_in_the_next_sentence(tmp_path):
    roles = tmp_path / "roles.yaml"
    roles.write_text(
        "roles:\n  - titles: [Grand Abbot]\n    holders:\n"
        "      - {name: Cyril Ostrander, born: 1931-05-02, terms: [[2008-06-01, null]]}\n",
        encoding="utf-8",
    )
    value = infer_publication_date(
        "Grand Abbot Cyril Ostrander died on Monday in his cell. He was 88.",
        (),
        roles_path=str(roles),
        interval=True,
        today=TODAY,
    )
    assert value is not None and value.earliest >= date(2019, 5, 2) and value.latest <= date(2020, 5, 1)


def test_dating_births_a_share_is_no_age(tmp_path):
    roles = tmp_path / "roles.yaml"
    roles.write_text(
        "roles:\n  - titles: [Grand Abbot]\n    holders:\n"
        "      - {name: Cyril Ostrander, born: 1931-05-02, terms: [[2008-06-01, null]]}\n",
        encoding="utf-8",
    )
    value = infer_publication_date(
        "Grand Abbot Cyril Ostrander said donations died down at 40 percent.",
        (),
        roles_path=str(roles),
        interval=True,
        today=TODAY,
    )
    assert value is None or value.earliest < date(2010, 1, 1)
