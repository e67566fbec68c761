"""`storyline eval events`: every measure on hand-built records and mentions,
null where a file has nothing to score, malformed lines named and skipped,
and the command end to end through the build's own analysis."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from storyline.cli import cli
from storyline.evaluation.events import (
    KEYS,
    GoldEvent,
    GoldRecord,
    Span,
    code_records,
    macro_f1,
    read_records,
    score,
)
from storyline.models import ActorRef, EventMention

TEXT = "Rebels shelled the town. Officials met in Geneva. The weather was fine."


def mention(text: str, word: str, kind: str, modality: str = "asserted", sources=(), targets=()) -> EventMention:
    start = text.index(word)
    sentence_start = text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0
    sentence_end = text.find(".", start) + 1
    return EventMention(
        id=f"em{start}{kind}",
        article_id="a",
        type=kind,
        cameo=None,
        mode=None,
        modality=modality,
        trigger_start=start,
        trigger_end=start + len(word),
        trigger=word,
        lemma=word,
        sentence_start=sentence_start,
        sentence_end=sentence_end,
        sentence=text[sentence_start:sentence_end],
        sources=sources,
        targets=targets,
    )


def ref(text: str, words: str, name: str | None = None) -> ActorRef:
    start = text.index(words)
    return ActorRef(name=name or words, text=words, start=start, end=start + len(words))


def span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words), words)


def test_evaluation_events_scores_every_measure():
    gold = GoldRecord(
        "r1",
        TEXT,
        exhaustive=True,
        events=(
            GoldEvent("ASSAULT", span(TEXT, "shelled"), (span(TEXT, "Rebels"),), (span(TEXT, "the town"),)),
            GoldEvent("CONSULT", span(TEXT, "met"), (span(TEXT, "Officials"),)),
        ),
    )
    coded = {
        "r1": [
            mention(TEXT, "shelled", "ASSAULT", sources=(ref(TEXT, "Rebels"),)),  # typed; source found, target not
            mention(TEXT, "met", "ACCUSE", sources=(ref(TEXT, "Officials"),)),  # detected, mistyped
            mention(TEXT, "weather", "PROTEST"),  # no gold event in its sentence
        ]
    }
    result, failures = score([gold], coded)
    assert tuple(result) == KEYS
    assert result == {
        "records": 1,
        "gold_events": 2,
        "detect_recall": 1.0,
        "typed_recall": 0.5,
        "type_accuracy": 0.5,
        "precision": round(2 / 3, 4),
        "quad_accuracy": None,
        "quad_macro_f1": None,
        "source_match": 1.0,
        "target_match": 0.0,
    }
    assert any("mistyped CONSULT 'met'" in line for line in failures)
    assert any("false alarm PROTEST 'weather'" in line for line in failures)
    assert any("target missed 'the town'" in line for line in failures)


def test_evaluation_events_a_missed_event_and_an_ignored_null_type():
    gold = GoldRecord(
        "r1",
        TEXT,
        events=(
            GoldEvent("ASSAULT", span(TEXT, "shelled")),
            GoldEvent(None, span(TEXT, "met")),  # no PLOVER counterpart: neither rewarded nor penalised
        ),
    )
    result, failures = score([gold], {"r1": [mention(TEXT, "met", "CONSULT")]})
    assert (result["gold_events"], result["detect_recall"], result["typed_recall"]) == (1, 0.0, 0.0)
    assert result["type_accuracy"] is None  # nothing detected to be typed
    assert result["precision"] is None  # not exhaustive: no false alarms counted
    assert failures == ["r1: missed ASSAULT 'shelled'@7"]


def test_evaluation_events_plover_convention_types_a_threat():
    text = "Rebels threatened to shell the town."
    gold = GoldRecord("r1", text, events=(GoldEvent("THREATEN", span(text, "shell")),))
    result, _ = score([gold], {"r1": [mention(text, "shell", "ASSAULT", modality="threatened")]})
    assert result["typed_recall"] == 1.0


def test_evaluation_events_quad_takes_the_most_severe_class_and_no_event_is_neutral():
    records = [
        GoldRecord("q1", TEXT, quad="material_conflict"),
        GoldRecord("q2", TEXT, quad="neutral"),
        GoldRecord("q3", TEXT, quad="verbal_cooperation"),
    ]
    coded = {
        "q1": [mention(TEXT, "met", "CONSULT"), mention(TEXT, "shelled", "ASSAULT")],
        "q2": [],
        "q3": [mention(TEXT, "met", "REQUEST")],
    }
    result, failures = score(records, coded)
    assert result["quad_accuracy"] == round(2 / 3, 4)
    # classes: material_conflict F1 1, neutral F1 1, verbal_cooperation 0, verbal_conflict (coded, never gold) 0
    assert result["quad_macro_f1"] == 0.5
    assert failures == ["q3: quad verbal_cooperation, coded verbal_conflict (REQUEST 'met')"]
    assert result["detect_recall"] is None and result["gold_events"] == 0


def test_evaluation_events_actors_of_a_record_without_trigger():
    text = "Netanyahu met Abbas. He said little."
    gold = GoldRecord("c1", text, events=(GoldEvent(None, None, (span(text, "Netanyahu"),), (span(text, "Abbas"),)),))
    he = ref(text, "He", name="Abbas")  # the pronoun resolved to a name the gold span gives
    result, _ = score(
        [gold], {"c1": [mention(text, "met", "CONSULT", sources=(ref(text, "Netanyahu"),), targets=(he,))]}
    )
    assert (result["source_match"], result["target_match"]) == (1.0, 1.0)
    result, _ = score([gold], {"c1": []})
    assert (result["source_match"], result["target_match"]) == (0.0, 0.0)


def test_evaluation_events_nothing_to_score_is_null():
    result, failures = score([GoldRecord("r1", TEXT)], {"r1": [mention(TEXT, "met", "CONSULT")]})
    assert result == {"records": 1, "gold_events": 0, **{key: None for key in KEYS[2:]}}
    assert failures == []


def test_evaluation_events_macro_f1_counts_classes_on_either_side():
    assert macro_f1([("a", "a"), ("b", "a")]) == round((2 / 3 + 0) / 2, 4)
    assert macro_f1([]) is None


GOOD = {
    "id": "ok-1",
    "text": "Gunmen killed 40 villagers in Nigeria on Monday.",
    "published": "2021-06-09",
    "exhaustive": True,
    "quad": "material_conflict",
    "events": [
        {
            "type": "ASSAULT",
            "trigger": {"start": 7, "end": 13, "text": "killed"},
            "source": [{"start": 0, "end": 6, "text": "Gunmen"}],
            "target": [{"start": 17, "end": 26, "text": "villagers"}],
        }
    ],
}


def _bad(**changes) -> str:
    return json.dumps(GOOD | changes)


def test_evaluation_events_malformed_lines_are_named_and_skipped(tmp_path):
    wrong_span = [dict(GOOD["events"][0], trigger={"start": 0, "end": 6, "text": "killed"})]
    lines = [
        json.dumps(GOOD),
        "{not json",
        "[1, 2]",
        _bad(id="b1", text=""),
        _bad(id="b2", published="June 9"),
        _bad(id="b3", events=[{"type": "KILL", "trigger": None}]),
        _bad(id="b4", events=wrong_span),
        _bad(id="b5", quad="hostile"),
        _bad(id="b6", events=[dict(GOOD["events"][0], source=[{"start": 3}])]),
        json.dumps(GOOD),
        "",
        json.dumps({k: v for k, v in GOOD.items() if k != "id"}),
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    told: list[str] = []
    records = read_records(path, told.append)
    assert [r.id for r in records] == ["ok-1", "line12"]
    assert [message.split(": ", 1)[0] for message in told] == [f"{path}:{n}" for n in range(2, 11)]
    assert "not JSON" in told[0] and "KILL" in told[4] and "'killed'" in told[5] and "repeats" in told[8]
    assert records[0].published == date(2021, 6, 9) and records[0].exhaustive
    assert read_records(path, limit=1)[0].id == "ok-1" and len(read_records(path, limit=1)) == 1


def test_evaluation_events_codes_with_the_build_dated_at_published():
    record = read_records_from([GOOD])[0]
    coded = code_records([record])
    assaults = [m for m in coded["ok-1"] if m.type == "ASSAULT"]
    assert assaults and assaults[0].time is not None
    assert assaults[0].time.earliest == date(2021, 6, 7)  # "on Monday" before Wednesday 9 June


def read_records_from(objects) -> list[GoldRecord]:
    from storyline.evaluation.events import parse_record

    return [parse_record(json.dumps(o)) for o in objects]


def test_evaluation_events_command_prints_one_json_line_and_names_bad_lines(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOOD) + "\n{broken\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "events", str(path), "--json"], prog_name="storyline")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert tuple(out) == KEYS
    assert (out["records"], out["gold_events"], out["detect_recall"], out["typed_recall"]) == (1, 1, 1.0, 1.0)
    assert (out["quad_accuracy"], out["source_match"]) == (1.0, 1.0)
    assert f"{path}:2: not JSON" in result.stderr and "1 malformed line(s)" in result.stderr


def test_evaluation_events_command_failures_go_to_stderr(tmp_path):
    calm = dict(
        GOOD,
        id="calm",
        text="The weather in Nigeria was fine on Monday.",
        events=[{"type": "ASSAULT", "trigger": {"start": 4, "end": 11, "text": "weather"}, "source": [], "target": []}],
    )
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(calm) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "events", str(path), "--failures"], prog_name="storyline")
    assert result.exit_code == 0, result.output
    assert "calm: missed ASSAULT 'weather'@4" in result.stderr
    assert "calm: quad material_conflict, coded neutral (no event)" in result.stderr
    assert "detect_recall  0.0" in result.stdout


# ConfliBERT's cameo_class labels are CAMEO classes in the Phoenix pipeline's five-class table:
# roots 01-02 neutral, 03-05 verbal cooperation, 06-08 material cooperation, 09-13 and 16 verbal
# conflict, 14-15 and 17-20 material conflict. A mention's own CAMEO code decides its class.
QUAD_TEXT = "Officials urged talks. Workers went on strike. The ministry cut ties. Rebels shelled the town."


@pytest.mark.parametrize(
    "word, kind, cameo, modality, expected",
    [
        ("urged", "REQUEST", "020", "asserted", "neutral"),  # an appeal is CAMEO 02
        ("urged", "REQUEST", None, "asserted", "verbal_conflict"),  # no code: PLOVER's quads
        ("strike", "PROTEST", "143", "asserted", "material_conflict"),  # protest, root 14
        ("cut", "SANCTION", "161", "asserted", "verbal_conflict"),  # reduce relations, root 16
        ("shelled", "ASSAULT", "190", "hypothetical", "neutral"),  # considered or conditional: 014 / none
        ("shelled", "ASSAULT", "190", "negated", "neutral"),  # a denied attack: 016
        ("shelled", "ASSAULT", "190", "threatened", "verbal_conflict"),  # a threat: 13
        ("cut", "AID", "070", "planned", "verbal_cooperation"),  # an intention to help: 03
    ],
)
def test_evaluation_events_quad_of_a_mention_follows_its_cameo_code(word, kind, cameo, modality, expected):
    from dataclasses import replace

    from storyline.evaluation.events import quad_of

    coded = replace(mention(QUAD_TEXT, word, kind, modality=modality), cameo=cameo)
    assert quad_of(coded) == expected


def _statement(text: str, speaker_words: str, name: str | None = None):
    from storyline.models import Statement

    start = text.index(speaker_words)
    return Statement(
        id="sm", article_id="a", speaker=ref(text, speaker_words, name), words="it is wary", start=start, end=len(text)
    )


def test_evaluation_events_statement_speaker_answers_a_gold_event_without_trigger():
    # CAMEO's root 01 is the statement: the speaker is the source of the sentence's event
    text = "The Kenyan Treasury said it is wary of the new levy on fuel imports."
    gold = GoldRecord(
        "s1", text, events=(GoldEvent(None, None, (span(text, "The Kenyan Treasury"),), (span(text, "the new levy"),)),)
    )
    said = {"s1": [_statement(text, "Kenyan Treasury")]}
    result, _ = score([gold], {"s1": []}, said)
    assert (result["source_match"], result["target_match"]) == (1.0, 0.0)  # no addressee found: no target
    result, _ = score([gold], {"s1": []})  # without statements: no source
    assert result["source_match"] == 0.0


def test_evaluation_events_statement_addressee_answers_a_gold_target_without_trigger():
    from dataclasses import replace

    text = "The Kenyan Treasury said it is wary of Uganda's new levy on fuel imports."
    gold = GoldRecord(
        "s3",
        text,
        events=(GoldEvent(None, None, (span(text, "The Kenyan Treasury"),), (span(text, "Uganda's new levy"),)),),
    )
    about = replace(_statement(text, "Kenyan Treasury"), addressees=(ref(text, "Uganda", "Uganda"),))
    result, _ = score([gold], {"s3": []}, {"s3": [about]})
    assert (result["source_match"], result["target_match"]) == (1.0, 1.0)
    elsewhere = replace(about, addressees=(ref(text, "Kenyan Treasury", "Kenya"),))  # an actor outside the phrase
    result, _ = score([gold], {"s3": []}, {"s3": [elsewhere]})
    assert result["target_match"] == 0.0


def test_evaluation_events_statement_never_answers_a_gold_event_with_trigger():
    text = "Rebels shelled the town, the army said."
    gold = GoldRecord("s2", text, events=(GoldEvent("ASSAULT", span(text, "shelled"), (span(text, "the army"),)),))
    result, _ = score([gold], {"s2": []}, {"s2": [_statement(text, "the army")]})
    assert result["source_match"] == 0.0


@pytest.mark.parametrize(
    "words, name, matches",
    [
        ("him", "Recep Tayyip Erdogan", True),  # a pronoun stands for the person the gold names with a title
        ("him", "Erdogan Kaya", False),  # not that person
        ("Turkey", "Turkey", False),  # a name elsewhere in the gold phrase is no pronoun's antecedent
    ],
)
def test_evaluation_events_pronoun_matches_the_gold_phrase_naming_its_antecedent(words, name, matches):
    text = "Trump called President Recep Tayyip Erdogan of Turkey and urged him to wait. Turkey agreed."
    gold = GoldRecord(
        "p1", text, events=(GoldEvent(None, None, (), (span(text, "President Recep Tayyip Erdogan of Turkey"),)),)
    )
    start = text.rindex(words)
    target = ActorRef(name=name, text=words, start=start, end=start + len(words))
    result, _ = score([gold], {"p1": [mention(text, "urged", "REQUEST", targets=(target,))]})
    assert result["target_match"] == (1.0 if matches else 0.0)


def test_evaluation_events_quad_a_reference_back_never_decides():
    # "claimed responsibility for the attack": the attack is reported elsewhere; the sentence is 015
    from dataclasses import replace

    from storyline.evaluation.events import quad_of

    attack = replace(mention(QUAD_TEXT, "shelled", "ASSAULT"), cameo="190")
    assert quad_of(attack) == "material_conflict"
    assert quad_of(replace(attack, reference=True)) == "neutral"


@pytest.mark.parametrize("cameo, expected", [("015", "neutral"), ("016", "neutral"), (None, "material_conflict")])
def test_evaluation_events_quad_an_act_claimed_or_denied_is_not_the_sentences(cameo, expected):
    # "the rebels claimed that they had shelled the post": CAMEO codes the claim (015), not the shelling
    from dataclasses import replace

    text = "The rebels claimed that they had shelled the army post."
    shelled = replace(mention(text, "shelled", "ASSAULT"), cameo="190")
    claim = replace(_statement(text, "The rebels"), start=text.index("that"), end=len(text), cameo=cameo)
    gold = GoldRecord("q1", text, quad="neutral")
    result, _ = score([gold], {"q1": [shelled]}, {"q1": [claim]})
    assert result["quad_accuracy"] == (1.0 if expected == "neutral" else 0.0)
