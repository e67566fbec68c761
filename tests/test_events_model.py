"""The learned event decider (events/model.py): its file, its threshold, the
words it is asked about, and its candidates going through the extraction's
own checks; and the training script's fit (scripts/train_event_model.py).

The models here are hand-built on made-up verbs ("blork"), so no lexicon or
dictionary entry, present or future, decides those words first."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

from storyline.annotate import token_strings
from storyline.events import extract
from storyline.events.model import (
    DENSE_DIMS,
    MODEL_FILE,
    NONE,
    EventModel,
    gate,
    learned_candidates,
    load_model,
    token_features,
    using,
)
from storyline.models import Article

ROOT = Path(__file__).resolve().parents[1]


def hand_model(lemma: str, kind: str, weight: float = 8.0, threshold: float = 0.5) -> EventModel:
    """NONE unless the word is ``lemma``, then ``kind`` with the given margin."""
    classes = (NONE, kind)
    features = {f"l={lemma}": 0}
    sparse = np.array([[0.0, weight]], dtype=np.float32)
    dense = np.zeros((DENSE_DIMS, 2), dtype=np.float32)
    bias = np.array([2.0, -2.0], dtype=np.float32)
    return EventModel(classes, frozenset({lemma}), features, sparse, dense, bias, threshold)


def lemma_of(nlp, word: str) -> str:
    """The parser's lemma of a made-up word ("blorked" -> "blorke")."""
    return next(t.lemma_.lower() for t in nlp(f"Soldiers {word} villagers.") if t.text == word)


def code(nlp, text: str):
    article = Article(id=Article.make_id(text), source="t", text=text)
    mentions, _ = extract(article, nlp(text), ())
    return mentions


def test_events_model_file_round_trips_to_the_same_bytes():
    rng = np.random.default_rng(7)
    model = EventModel(
        (NONE, "ASSAULT", "CONSULT"),
        frozenset({"blork", "snarf"}),
        {"l=blork": 0, "d=ROOT": 1},
        rng.normal(size=(2, 3)).astype(np.float32),
        rng.normal(size=(DENSE_DIMS, 3)).astype(np.float32),
        np.array([0.5, -0.25, 0.0], dtype=np.float32),
        0.6,
    )
    text = model.to_json({"note": "hand-built"})
    again = EventModel.from_json(text)
    assert again.to_json({"note": "hand-built"}) == text
    assert np.array_equal(again.sparse, model.sparse) and np.array_equal(again.dense, model.dense)
    assert again.classes == model.classes and again.lemmas == model.lemmas and again.threshold == 0.6


def test_events_model_refuses_a_file_of_another_layout():
    data = json.loads(hand_model("blork", "ASSAULT").to_json())
    data["dense_dims"] = 300
    with pytest.raises(ValueError):
        EventModel.from_json(json.dumps(data))


def test_events_model_decides_only_above_its_threshold(nlp):
    doc = nlp("Soldiers blorked thirty villagers near the river.")
    verb = next(t.i for t in doc if t.text == "blorked")
    lemma = doc[verb].lemma_.lower()
    assert hand_model(lemma, "ASSAULT").decide(doc, [verb])[0][:2] == (verb, "ASSAULT")
    # margin 4.5 - 4 = 0.5: ASSAULT is likelier than NONE (0.62) but not 0.9 sure
    assert hand_model(lemma, "ASSAULT", weight=4.5, threshold=0.9).decide(doc, [verb]) == []
    assert hand_model(lemma, "ASSAULT", weight=4.5, threshold=0.6).decide(doc, [verb])
    assert hand_model(lemma, "ASSAULT").decide(doc, []) == []


def test_events_model_features_name_the_word_its_governor_and_children(nlp):
    doc = nlp("Rebels blorked the convoy with rockets.")
    verb = next(t for t in doc if t.text == "blorked")
    feats = token_features(verb)
    assert {f"l={verb.lemma_.lower()}", "p=VERB", "d=ROOT", "c=nsubj:rebel", "c=dobj:convoy", "po=with:rocket"} <= set(
        feats
    )


def test_events_model_gate_skips_claimed_lexicon_and_unknown_words(nlp):
    doc = nlp("Soldiers blorked villagers and attacked the town.")
    words = token_strings(doc)
    blork, attack = (next(t.i for t in doc if t.text == w) for w in ("blorked", "attacked"))
    model = EventModel(
        (NONE, "ASSAULT"),
        frozenset({doc[blork].lemma_.lower(), "attack"}),
        {},
        np.zeros((0, 2), np.float32),
        np.zeros((DENSE_DIMS, 2), np.float32),
        np.zeros(2, np.float32),
        0.5,
    )
    assert gate(doc, 0, len(doc), set(), model, words) == [blork, attack]
    assert gate(doc, 0, len(doc), {blork}, model, words) == [attack]
    assert gate(doc, 0, len(doc), set(), model, words, (frozenset({"attack"}), frozenset())) == [blork]


def test_events_model_candidates_pass_the_extraction_checks(nlp):
    text = "Government soldiers blorked thirty villagers in Darfur on Monday."
    with using(None):
        assert code(nlp, text) == []
    with using(hand_model(lemma_of(nlp, "blorked"), "ASSAULT")):
        mentions = code(nlp, text)
    assert [(m.type, m.trigger) for m in mentions] == [("ASSAULT", "blorked")]
    assert mentions[0].sources and mentions[0].targets
    # the actor checks stay in charge: nobody named, nothing coded
    with using(hand_model(lemma_of(nlp, "blorked"), "CONSULT")):
        assert code(nlp, "It blorked.") == []


def test_events_model_nouns_only_for_types_coded_as_nouns(nlp):
    doc = nlp("The blorkage of the village by the militia shocked everyone.")
    sent = next(iter(doc.sents))
    noun = next(t.lemma_.lower() for t in doc if t.text == "blorkage")
    no_lexicon = (frozenset(), frozenset())
    with using(hand_model(noun, "ASSAULT")):
        assert [(t.text, c.type, nominal) for t, c, nominal in learned_candidates(sent, [], no_lexicon)] == [
            ("blorkage", "ASSAULT", True)
        ]
    with using(hand_model(noun, "AID")):  # a gift named by a noun is not coded from the noun
        assert learned_candidates(sent, [], no_lexicon) == []


def _training_script():
    spec = importlib.util.spec_from_file_location("train_event_model", ROOT / "scripts" / "train_event_model.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _example(lemma: str, label: str, dep: str, record: int = 0) -> dict:
    vector = np.zeros(DENSE_DIMS, dtype=np.float32)  # the context vector is left out here
    return {
        "file": "hand",
        "id": f"r{record}",
        "lemma": lemma,
        "label": label,
        "features": [f"l={lemma}", "p=VERB", f"d={dep}"],
        "dense": vector,
    }


def test_events_model_training_fit_learns_and_is_reproducible():
    script = _training_script()
    examples = (
        [_example("blork", "ASSAULT", "ROOT", n) for n in range(6)]
        + [_example("blork", NONE, "amod", n) for n in range(6)]
        + [_example("snarf", "CONSULT", "ROOT", n) for n in range(4)]
        + [_example("glim", NONE, "ROOT", n) for n in range(4)]
        + [_example("plonk", "ASSAULT", "ROOT", 0)] * 3
    )
    model = script.fit(examples)
    # never a typed trigger (glim), or one in a single record (plonk): not looked at
    assert model.lemmas == {"blork", "snarf"}
    assert model.classes == (NONE, "ASSAULT", "CONSULT")
    assert script.fit(examples).to_json() == model.to_json()
    held_out = [_example("blork", "ASSAULT", "ROOT"), _example("blork", NONE, "amod")]
    scores = script.word_scores(model, held_out, (frozenset(), frozenset()))
    assert scores["looked_at"] == 2 and scores["precision"] == 1.0 and scores["recall"] == 1.0
    assert script.word_scores(model, held_out, (frozenset({"blork"}), frozenset()))["looked_at"] == 0


def test_events_model_packaged_file_is_cross_validated_beside_it():
    model = load_model()
    if model is None:
        pytest.skip("no packaged event model")
    meta_path = ROOT / "src" / "storyline" / "events" / "data" / MODEL_FILE.replace(".json", ".meta.json")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    folds = meta["leave_one_file_out"]
    assert set(folds) == set(meta["trained_on"]) and len(folds) >= 2
    for held_out, fold in folds.items():
        assert held_out not in fold["trained_on"]
    assert model.lemmas and model.classes[0] == NONE
