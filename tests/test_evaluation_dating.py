"""The dating evaluation: counting, DCT hiding and the command's JSON."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from storyline.evaluation.dating import DatingCounts, command, text_without_dct
from storyline.evaluation.tempeval import parse_timeml
from storyline.models import TimeValue

TML = (
    '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2023-02-04" functionInDocument="CREATION_TIME">'
    '20230204</TIMEX3></DCT><TEXT><TIMEX3 tid="t9" type="DATE" value="2023-02-04" '
    'functionInDocument="CREATION_TIME">February 4, 2023</TIMEX3>\n'
    'Secretary of State Antony Blinken met officials on <TIMEX3 tid="t1" type="DATE" value="2023-02-02">'
    "Thursday, February 2</TIMEX3>, the ministry said.</TEXT></TimeML>"
)


def test_evaluation_dating_counts_fractions():
    c = DatingCounts()
    gold = date(2023, 2, 4)
    c.add("a", gold, TimeValue("2023-02-04", gold, gold, "day", "inferred"))
    c.add("b", gold, TimeValue("2023-02-09", date(2023, 2, 9), date(2023, 2, 9), "day", "inferred"))
    c.add("c", gold, TimeValue("2023", date(2023, 1, 1), date(2023, 12, 31), "year", "inferred"))
    c.add("d", gold, None)
    c.add(
        "e",
        gold,
        TimeValue(
            "2022",
            date(2022, 1, 1),
            date(2022, 12, 31),
            "year",
            "inferred",
            evidence=("low confidence: the evidence points to 2022, but weakly",),
        ),
    )
    c.add(
        "f",
        gold,
        TimeValue(
            "2023",
            date(2023, 1, 1),
            date(2023, 12, 31),
            "year",
            "inferred",
            evidence=("low confidence: the evidence points to 2023, but weakly",),
        ),
    )
    s = c.scores()
    assert s == {
        "exact": 1 / 6,
        "within_7_days": 2 / 6,
        "same_month": 2 / 6,
        "same_year": 4 / 6,
        "abstained": 1 / 6,
        "documents": 6,
        "low_confidence": 2,
        "low_confidence_wrong_year": 1,
        "confident_wrong_year": 0,
        "covered": 3 / 6,
        "median_width_days": 365.0,
        "statistical_intervals": 0,
        "statistical_covered": 0,
    }


def test_evaluation_dating_covered_counts_intervals_holding_the_truth():
    c = DatingCounts()
    gold = date(1989, 10, 30)
    # a best day that misses, inside an interval that holds the truth: covered, 365 days wide
    c.add(
        "a",
        gold,
        TimeValue("1989", date(1989, 6, 1), date(1990, 5, 31), "year", "inferred", evidence=("low confidence: weak",)),
    )
    # an interval of ten days that misses the truth: not covered
    c.add("b", gold, TimeValue("1989-11-05", date(1989, 11, 1), date(1989, 11, 10), "day", "inferred"))
    # open below: counted from the calendar's first day
    c.add("c", gold, TimeValue("1989", None, date(1990, 12, 31), "year", "inferred"))
    c.add("d", gold, None)
    s = c.scores()
    assert s["covered"] == 2 / 4
    assert s["median_width_days"] == (365 + (date(1990, 12, 31) - date(1950, 1, 1)).days + 1) / 2
    assert s["confident_wrong_year"] == 0 and s["low_confidence"] == 1


def test_evaluation_dating_reads_meantime_and_hides_its_date_line():
    from storyline.evaluation.dating import parse_meantime

    tokens = [
        ("0", "Rain"),
        ("0", "falls"),
        ("1", "March"),
        ("1", "6"),
        ("1", ","),
        ("1", "2008"),
        ("2", "It"),
        ("2", "rained"),
        ("2", "("),
        ("2", "again"),
        ("2", ")"),
        ("2", "."),
    ]
    xml = "<Document>" + "".join(
        f'<token number="{i}" sentence="{s}" t_id="{i + 1}">{w}</token>' for i, (s, w) in enumerate(tokens)
    )
    xml += (
        '<Markables><TIMEX3 functionInDocument="CREATION_TIME" m_id="9" type="DATE" value="2008-03-06">'
        + "".join(f'<token_anchor t_id="{t}"/>' for t in (3, 4, 5, 6))
        + "</TIMEX3></Markables></Document>"
    )
    doc = parse_meantime(xml, "x.xml")
    assert doc.text == "Rain falls\nMarch 6, 2008\nIt rained (again)."
    assert doc.dct == date(2008, 3, 6)
    assert text_without_dct(doc).split("\n")[1].strip() == ""


def test_evaluation_dating_hides_creation_time_in_text():
    doc = parse_timeml(TML, "x.tml")
    hidden = text_without_dct(doc)
    assert "2023" not in hidden and len(hidden) == len(doc.text)


@pytest.mark.slow
def test_evaluation_dating_command_json_keys(tmp_path, nlp):
    (tmp_path / "x.tml").write_text(TML, encoding="utf-8")
    result = CliRunner().invoke(command, [str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= {
        "exact",
        "within_7_days",
        "same_month",
        "same_year",
        "abstained",
        "covered",
        "median_width_days",
        "confident_wrong_year",
    }
    assert data["same_year"] == 1.0


# --- quality gate on TBAQ with the DCT hidden: minimums only ever rise ----------

#: every second file by name keeps the gate short; `storyline eval dating` runs all.
DATING_GATE = {"same_year": 0.25, "same_month": 0.07, "exact": 0.025, "covered": 0.51}
#: answers on that half whose interval misses the true date: a ceiling that only ever falls
#: (low-confidence answers may name the wrong year, but an interval of evidence must hold
#: the truth; one a statistical bound narrowed holds it for the share of news it states)
INTERVAL_MISSES_MAX = 0
#: the least share of statistical intervals that hold the truth (stated: 0.894 held out)
STATISTICAL_HELD_MIN = 0.8


@pytest.mark.slow
def test_evaluation_dating_tbaq_gate_and_no_confident_wrong_year(data_dir, nlp):
    from storyline.evaluation.dating import evaluate_dating
    from storyline.evaluation.tempeval import read_timeml_dir

    gold_dir = data_dir / "tempeval3" / "TBAQ-cleaned"
    if not gold_dir.exists():
        pytest.skip(f"{gold_dir} is absent: TBAQ is needed for the dating gate")
    documents = sorted(read_timeml_dir(gold_dir), key=lambda d: d.name)[::2]
    counts = evaluate_dating(documents, nlp)
    scores = counts.scores()
    for key, minimum in DATING_GATE.items():
        assert scores[key] >= minimum, f"{key} fell to {scores[key]:.3f} (gate {minimum})"
    # Abstaining or guessing was always possible, so a confident answer in
    # the wrong year is a failure; guesses say so and are bounded.
    wrong = [
        (name, gold, value)
        for name, gold, value, guessed in counts.rows
        if value is not None and not guessed and value[:4] != str(gold.year)
    ]
    assert wrong == []
    answered = scores["documents"] - round(scores["abstained"] * scores["documents"])
    statistical_misses = counts.statistical - counts.statistical_covered
    assert answered - counts.covered - statistical_misses <= INTERVAL_MISSES_MAX
    assert counts.statistical_covered >= STATISTICAL_HELD_MIN * counts.statistical


def _tml(dct: str, text: str) -> str:
    return (
        f'<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" functionInDocument="CREATION_TIME">'
        f"{dct.replace('-', '')}</TIMEX3></DCT><TEXT>{text}</TEXT></TimeML>"
    )


#: three reports of one (invented) seizure, written for this test; none dates itself
SEIZURE = {
    "a.tml": (
        "2024-03-12",
        "Iran seized an oil tanker bound for Rotterdam in the Strait of Hormuz, "
        "the ship's Greek operator said.\nThe crew of twenty-one sailors was safe.",
    ),
    "b.tml": (
        "2024-03-13",
        "Iran seized a Greek-operated oil tanker bound for Rotterdam in the Strait of "
        "Hormuz, its operator said.\nShipping insurers said premiums would rise.",
    ),
    "c.tml": (
        "2024-03-13",
        "Iran seized an oil tanker bound for Rotterdam in the Strait of Hormuz, the "
        "Greek operator of the ship said.\nIts crew was unharmed.",
    ),
}


@pytest.mark.slow
def test_evaluation_dating_corpus_mode_is_opt_in_and_leaves_one_out(tmp_path, nlp):
    for name, (dct, text) in SEIZURE.items():
        (tmp_path / name).write_text(_tml(dct, text), encoding="utf-8")
    alone = json.loads(CliRunner().invoke(command, [str(tmp_path), "--json", "--no-guess"]).output)
    assert alone["abstained"] == 1.0 and "mode" not in alone
    result = CliRunner().invoke(command, [str(tmp_path), "--json", "--no-guess", "--corpus"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["mode"] == "corpus (leave-one-out)"
    # each is dated from the other two alone (its own DCT is hidden from it)
    assert data["abstained"] == 0.0 and data["same_year"] == 1.0 and data["within_7_days"] == 1.0
    assert data["confident_wrong_year"] == 0
