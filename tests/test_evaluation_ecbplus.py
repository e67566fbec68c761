"""ECB+ scorer on hand-computed examples, reader and key format on a tiny
hand-made split, and the dev-split quality gate."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from storyline.evaluation import ecbplus, ecbplus_features
from storyline.evaluation.coref_scores import b_cubed, ceaf_e, conll_scores, muc

KEY = [{"a", "b", "c"}, {"d", "e"}]
RESPONSE = [{"a", "b"}, {"c", "d", "e"}]


def close(value: float, fraction: Fraction) -> bool:
    return abs(value - float(fraction)) < 1e-9


def test_ecbplus_muc_hand_computed():
    # key {abc}: split in 2 by the response -> 1 link of 2 found; key {de}: 1 of 1
    p, r, f = muc(KEY, RESPONSE)
    assert close(r, Fraction(2, 3)) and close(p, Fraction(2, 3)) and close(f, Fraction(2, 3))


def test_ecbplus_b_cubed_hand_computed():
    # recall: a 2/3, b 2/3, c 1/3, d 1, e 1 -> 11/15; precision symmetric here
    p, r, f = b_cubed(KEY, RESPONSE)
    assert close(r, Fraction(11, 15)) and close(p, Fraction(11, 15)) and close(f, Fraction(11, 15))


def test_ecbplus_ceaf_e_hand_computed():
    # phi4({abc},{ab}) = 4/5 and phi4({de},{cde}) = 4/5 is the best alignment
    p, r, f = ceaf_e(KEY, RESPONSE)
    assert close(r, Fraction(4, 5)) and close(p, Fraction(4, 5))


def test_ecbplus_conll_is_mean_and_perfect_is_one():
    scores = conll_scores(KEY, RESPONSE)
    assert close(scores["conll_f1"], (Fraction(2, 3) + Fraction(11, 15) + Fraction(4, 5)) / 3)
    perfect = conll_scores(KEY, KEY)
    assert all(perfect[k] == pytest.approx(1.0) for k in ("muc_f1", "b3_f1", "ceafe_f1", "conll_f1"))


def test_ecbplus_asymmetric_example():
    key = [{1, 2, 3, 4}, {5}]
    response = [{1, 2}, {3}, {4, 5}]
    p, r, _ = muc(key, response)
    # key {1234} falls into 3 parts -> 1 of 3 links; response links: {12} right, {45} wrong
    assert close(r, Fraction(1, 3)) and close(p, Fraction(1, 2))
    p, r, _ = b_cubed(key, response)
    # recall: 1,2 -> 2/4; 3 -> 1/4; 4 -> 1/4; 5 -> 1 = 2.5/5; precision: 1,2 -> 1; 3 -> 1; 4 -> 1/2; 5 -> 1/2 = 4/5
    assert close(r, Fraction(1, 2)) and close(p, Fraction(4, 5))
    p, r, _ = ceaf_e(key, response)
    # best: {1234}-{12} = 4/6, {5}-{45} = 2/3 -> 4/3; recall 4/3 / 2, precision 4/3 / 3
    assert close(r, Fraction(2, 3)) and close(p, Fraction(4, 9))


def test_ecbplus_muc_all_singletons_has_no_links():
    assert muc([{1}, {2}], [{1}, {2}]) == (0.0, 0.0, 0.0)


def _tiny_split(tmp_path: Path) -> Path:
    sentences = {
        ("1_1ecb", 0): "Police arrested the mayor in Springfield on Monday .",
        ("1_1ecb", 1): "The arrest shocked the town .",
        ("1_2ecb", 0): "The Springfield mayor was arrested by police Monday .",
        ("2_1ecb", 0): "A storm flooded the coastal village of Northport .",
    }
    lines = []
    for (doc, sent), text in sentences.items():
        for i, word in enumerate(text.split()):
            lines.append(f"{doc}\t{sent}\t{i}\t{word}\t-")
        lines.append("")
    (tmp_path / "ECB_Dev_corpus.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    mentions = [
        ("1_1ecb", 0, [1], "arrested", "A1"),
        ("1_1ecb", 1, [1], "arrest", "A1"),
        ("1_2ecb", 0, [4], "arrested", "A1"),
        ("2_1ecb", 0, [2], "flooded", "F1"),
    ]
    (tmp_path / "ECB_Dev_Event_gold_mentions.json").write_text(
        json.dumps(
            [
                {
                    "doc_id": d,
                    "sent_id": s,
                    "tokens_number": t,
                    "tokens_str": w,
                    "coref_chain": c,
                    "is_continuous": True,
                    "is_singleton": False,
                    "mention_type": "ACT",
                    "score": -1.0,
                }
                for d, s, t, w, c in mentions
            ]
        ),
        encoding="utf-8",
    )
    return tmp_path


def test_ecbplus_command_json_and_key_file(tmp_path):
    split = _tiny_split(tmp_path)
    key = tmp_path / "key.txt"
    result = CliRunner().invoke(ecbplus.command, [str(split), "--split", "dev", "--json", "--write-key", str(key)])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert {"muc_f1", "b3_f1", "ceafe_f1", "conll_f1"} <= scores.keys()
    rows = [line.split("\t") for line in key.read_text().splitlines()]
    assert [r[:4] for r in rows] == [
        ["ECB", "0", "0", "1_1ecb_0_1"],
        ["ECB", "0", "1", "1_1ecb_1_1"],
        ["ECB", "0", "2", "1_2ecb_0_4"],
        ["ECB", "0", "3", "2_1ecb_0_2"],
    ]
    assert all(r[4].startswith("(") and r[4].endswith(")") for r in rows)
    # the three arrest mentions are one happening, the flood another
    labels = [r[4] for r in rows]
    assert labels[0] == labels[1] == labels[2] != labels[3]


def test_ecbplus_missing_split_files_say_what_is_needed(tmp_path):
    result = CliRunner().invoke(ecbplus.command, [str(tmp_path), "--split", "dev"])
    assert result.exit_code != 0
    assert "ECB_Dev_corpus.txt" in str(result.exception) + result.output


#: Minimum dev CoNLL F1 reached so far; only ever raise it.
DEV_CONLL_MINIMUM = 0.80


def test_ecbplus_dev_gate(data_dir):
    split = data_dir / "ecbplus" / "split"
    if not (split / "ECB_Dev_corpus.txt").is_file():
        pytest.skip(f"{split} lacks the ECB+ dev split files")
    scores, _, _ = ecbplus.evaluate(split, "dev")
    assert scores["mentions"] == 1245
    assert scores["conll_f1"] >= DEV_CONLL_MINIMUM, scores


def test_ecbplus_light_verb_is_named_by_its_object(nlp):
    from spacy.tokens import Doc

    from storyline.link.pair_model import event_lemma

    def head_of(words: str, index: int) -> str:
        doc = nlp(Doc(nlp.vocab, words=words.split()))
        return event_lemma(doc[index])

    # "opened fire" is a shooting, not an opening; "held talks" a meeting
    assert head_of("Two gunmen opened fire on the market crowd .", 2) == "fire"
    assert head_of("The ministers held talks in Geneva on Friday .", 2) == "talk"
    # an ordinary verb keeps its own lemma
    assert head_of("Two gunmen attacked the market crowd .", 2) == "attack"


def test_ecbplus_complementary_words_are_told_apart_from_cooccurring_ones():
    from storyline.link.pair_model import FEATURES, Story
    from storyline.models import EventMention, LinkFeatures

    def mention(doc: int, lemma: str, start: int = 0) -> EventMention:
        return EventMention(
            id=f"em_{doc}_{start}",
            article_id=f"ar_{doc}",
            type="OCCUR",
            cameo=None,
            mode=None,
            modality="asserted",
            trigger_start=start,
            trigger_end=start + 4,
            trigger=lemma,
            lemma=lemma,
            sentence_start=0,
            sentence_end=40,
            sentence=f"{lemma} happened",
            features=LinkFeatures(head=lemma, pos="VERB", words=lemma),
        )

    # four reports: two say "foil", one "thwart"; one says "foil" and "attack"
    story = Story(
        [mention(0, "foil"), mention(1, "thwart"), mention(2, "foil"), mention(2, "attack", 9), mention(3, "say")],
        pairs={},
    )
    f = {name: k for k, name in enumerate(FEATURES)}
    x = story.features_matrix(np.array([0, 0, 0, 2, 1]), np.array([1, 3, 2, 3, 4]))
    # foil and thwart never meet in one report and together run through 3 of 4
    assert x[0, f["complementary"]] == 1 and x[0, f["complementary_cover"]] == 0.75
    # foil and attack meet in report 2; the same word is no pair; one report is no pair
    assert x[1, f["complementary"]] == 0 and x[2, f["complementary"]] == 0 and x[3, f["complementary"]] == 0
    assert x[4, f["complementary_cover"]] == 0.5


def test_ecbplus_two_step_path_through_a_third_mention():
    from storyline.link.pair_model import hop_paths

    # 0 and 1 are unsure of each other, but both surely match 2; 3 matches nobody
    i = np.array([0, 0, 0, 1, 1, 2])
    j = np.array([1, 2, 3, 2, 3, 3])
    prob = np.array([0.2, 0.9, 0.1, 0.8, 0.1, 0.1])
    hop = dict(zip(zip(i.tolist(), j.tolist()), hop_paths(4, i, j, prob).tolist()))
    assert hop[(0, 1)] == 0.8  # min(0.9, 0.8) through mention 2
    assert hop[(0, 3)] == 0.1 and hop[(2, 3)] == 0.1  # weak paths stay weak
    assert hop_paths(2, i[:1], j[:1], prob[:1]).max() == 0.0  # no third mention


def test_ecbplus_gold_mentions_become_the_records_a_build_links(tmp_path, nlp):
    split = _tiny_split(tmp_path)
    corpus = ecbplus.read_corpus(split / "ECB_Dev_corpus.txt")
    gold = ecbplus.read_mentions(split / "ECB_Dev_Event_gold_mentions.json")
    articles, mentions = ecbplus_features.records(corpus, gold, nlp)
    assert len(articles) == 3 and len(mentions) == 4
    by_id = {a.id: a for a in articles}
    for m in mentions:
        text = by_id[m.article_id].text
        # offsets point into the article's text, as a build's do
        assert text[m.trigger_start : m.trigger_end] == m.trigger
        assert text[m.sentence_start : m.sentence_end] == m.sentence
        assert m.features is not None and m.features.head == m.lemma
    assert [m.lemma for m in mentions] == ["arrest", "arrest", "arrest", "flood"]
    # the document names (which hold the gold topics) are not in the ids
    assert all("ecb" not in a.id for a in articles)
    scores = ecbplus.within_document(gold, [0, 0, 0, 1])
    assert scores["conll_f1"] == 1.0
