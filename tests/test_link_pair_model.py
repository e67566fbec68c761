"""The linker's learned pair model: what a mention carries from its parse,
and the shipped weights rebuilt byte for byte from the ECB+ train split."""

from __future__ import annotations

import importlib.util
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from storyline.link import pair_model
from storyline.models import EventMention, LinkFeatures
from storyline.serialize import dumps, loads

ROOT = Path(__file__).resolve().parents[1]


def test_link_pair_model_describe_reads_the_happening_its_words_and_arguments(nlp):
    doc = nlp("Two gunmen opened fire on the crowd in Kabul on Friday, police said.")
    opened = next(t for t in doc if t.text == "opened")
    features = pair_model.describe(doc, [opened.i, opened.i + 1])
    # a light verb's event is named by its object
    assert features.head == "fire" and features.words == "open fire"
    assert "kabul" in features.args and "police" in features.context
    assert "gunman" in features.roles and "crowd" in features.roles
    assert "friday" in features.times
    assert any(e.startswith("GPE ") for e in features.entities)
    assert len(pair_model._unpack(features.vector)) == doc.tensor.shape[1]


def test_link_pair_model_features_are_found_for_a_built_mention_and_stored(nlp):
    text = "Police arrested the mayor on Monday. The arrest shocked the town."
    doc = nlp(text)
    start = text.index("arrested")
    mention = EventMention(
        id="em_1",
        article_id="ar_1",
        type="COERCE",
        cameo="173",
        mode=None,
        modality="asserted",
        trigger_start=start,
        trigger_end=start + len("arrested"),
        trigger="arrested",
        lemma="arrest",
        sentence_start=0,
        sentence_end=text.index(".") + 1,
        sentence=text[: text.index(".") + 1],
    )
    (described,) = pair_model.with_features([mention], doc)
    assert described.features.head == "arrest"
    # its own sentence only: the next one's words are not its context
    assert "shock" not in described.features.context
    assert loads(EventMention, dumps(described)) == described


def test_link_pair_model_vectors_pack_to_int8_and_keep_their_cosine():
    rng = np.random.default_rng(0)
    a, b = rng.normal(size=96), rng.normal(size=96)
    cosine = a @ b / np.linalg.norm(a) / np.linalg.norm(b)
    packed = pair_model._unpack(pair_model._pack(a)) @ pair_model._unpack(pair_model._pack(b))
    assert abs(packed - cosine) < 0.01
    assert pair_model._pack(np.zeros(96)) == "" and pair_model._unpack("") is None


def test_link_pair_model_without_a_parse_reads_the_mentions_own_fields():
    mention = EventMention(
        id="em_2",
        article_id="ar_2",
        type="SANCTION",
        cameo=None,
        mode=None,
        modality="announced",
        trigger_start=0,
        trigger_end=3,
        trigger="end",
        lemma="end",
        sentence_start=0,
        sentence_end=40,
        sentence="Abbas declared an end to coordination.",
    )
    features = pair_model.features_of(mention)
    assert isinstance(features, LinkFeatures) and features.head == "end"
    assert "coordination" in features.context and "end" not in features.context


@pytest.mark.slow
def test_link_pair_model_retraining_reproduces_the_shipped_files(data_dir):
    split = data_dir / "ecbplus" / "split"
    if not (split / "ECB_Train_corpus.txt").is_file():
        pytest.skip(f"{split} lacks the ECB+ train split files")
    spec = importlib.util.spec_from_file_location("train_ecbplus", ROOT / "scripts" / "train_ecbplus.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    for name, text in script.model_files(str(split)).items():
        shipped = resources.files("storyline.link").joinpath(f"data/{name}").read_text("utf-8")
        assert text == shipped, f"link/data/{name} differs from what scripts/train_ecbplus.py writes"


def test_link_pair_model_participants_follow_a_clause_to_its_subject(nlp):
    doc = nlp("Duncan Rait, 36, died after slipping and falling 200 feet from a ridge.")
    falling = next(t for t in doc if t.text == "falling")
    features = pair_model.describe(doc, [falling.i])
    # the subject of 'died' is the one who fell; the distance and the ridge say which fall
    assert {"rait", "200", "ridge"} <= set(features.participants)
    died = next(t for t in doc if t.text == "died")
    assert "rait" in pair_model.describe(doc, [died.i]).participants
    pronoun = nlp("He fell from the ridge.")
    assert pair_model.describe(pronoun, [1]).participants == ("ridge",)


def test_link_pair_model_a_rival_is_the_best_other_match_in_the_other_article():
    def mention(k, article):
        return EventMention(
            id=f"em_{k}",
            article_id=article,
            type="OCCUR",
            cameo=None,
            mode=None,
            modality="asserted",
            trigger_start=0,
            trigger_end=4,
            trigger="fall",
            lemma="fall",
            sentence_start=0,
            sentence_end=10,
            sentence="A climber fell.",
        )

    story = pair_model.Story([mention(0, "ar_a"), mention(1, "ar_a"), mention(2, "ar_b"), mention(3, "ar_b")], {})
    i, j = np.array([0, 0, 1, 1, 0]), np.array([2, 3, 2, 3, 1])
    first = np.array([0.9, 0.2, 0.3, 0.8, 0.5])
    # 0-2 is each one's best match (rivals 0-3 0.2, 1-2 0.3); 0-3 and 1-2 each lose
    # to it (0.9); a pair inside one article has no rival
    assert pair_model.rivals(story, i, j, first).tolist() == [0.3, 0.9, 0.9, 0.3, 0.0]
