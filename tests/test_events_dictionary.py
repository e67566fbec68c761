"""The CAMEO verb dictionary (events/dictionary.py): conversion, the CAMEO ->
PLOVER table, every pattern family, and its place beside the lexicon."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from storyline.annotate import load_pipeline
from storyline.events.dictionary import dictionary_code, load_dictionary
from storyline.events.lexicon import load_lexicon
from storyline.events.mentions import find_candidates

ROOT = Path(__file__).resolve().parents[1]
PETRARCH = ROOT.parent / "shared" / "data" / "knowledge" / "petrarch2"
CAMEO2PLOVER = ROOT.parent / "shared" / "data" / "knowledge" / "plover" / "CAMEO2PLOVER-2021.txt"
DATA = ROOT / "src" / "storyline" / "events" / "data"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _verb(nlp, text: str, word: str):
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


# --- conversion ------------------------------------------------------------------
@pytest.mark.skipif(not (PETRARCH / "CAMEO.2.0.txt").is_file(), reason="../shared/data/knowledge/petrarch2 is absent")
def test_dictionary_converter_reproduces_the_data_files_byte_for_byte(tmp_path):
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "convert_cameo_verbs.py"), str(PETRARCH), str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for name in ("cameo_verbs.tsv", "PETRARCH2_LICENSE.txt"):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name


def test_dictionary_data_names_its_source_script_and_licence():
    head = (DATA / "cameo_verbs.tsv").read_text(encoding="utf-8").splitlines()[:3]
    assert "CAMEO.2.0.txt" in head[0] and "scripts/convert_cameo_verbs.py" in head[1]
    assert "PETRARCH2_LICENSE.txt" in head[1]
    assert "MIT License" in (DATA / "PETRARCH2_LICENSE.txt").read_text(encoding="utf-8")


# --- lemmas as spaCy gives them -------------------------------------------------------
@pytest.mark.parametrize(
    "text, word, lemma_in_dictionary",
    [
        ("The minister lambasted the decision.", "lambasted", True),  # spaCy: 'lambast'
        ("Warplanes staged raids on the capital.", "staged", True),  # spaCy: 'stag'
        ("Rebels besieged the town.", "besieged", True),
        ("Troops sped to the border.", "sped", True),  # irregular form of 'speed'
    ],
)
def test_dictionary_finds_verbs_by_the_lemma_spacy_gives_them(nlp, text, word, lemma_in_dictionary):
    token = _verb(nlp, text, word)
    assert (token.lemma_.lower() in load_dictionary().lemmas) is lemma_in_dictionary


# --- the CAMEO -> PLOVER table ------------------------------------------------------------
@pytest.mark.parametrize(
    "cameo, plover",
    [
        ("010", None),  # public statements are not events
        ("0231", "REQUEST"),  # appeals are requests
        ("057", "AGREE"),  # signing an agreement is agreeing
        ("0841", "RETREAT"),  # releasing people
        ("085", "CONCEDE"),  # easing sanctions
        ("116", "SANCTION"),  # a court's verdict (the PLOVER manual's convict mode)
        ("163", "SANCTION"),  # imposing sanctions (the manual's discontinue mode)
        ("1712", "COERCE"),
        ("192", "ASSAULT"),
        ("2042", "ASSAULT"),  # by the root
        ("---", None),
    ],
)
def test_dictionary_maps_cameo_codes_to_plover_types(cameo, plover):
    code = load_dictionary().to_plover(cameo)
    assert (code.type if code else None) == plover


#: Where storyline's table departs from CAMEO2PLOVER-2021 on the type, and why (see cameo_plover.tsv).
OWN_CHOICES = {
    "057": "signing a formal agreement is AGREE (CAMEO2PLOVER: SUPPORT)",
    "085": "easing economic sanctions is a concession, as the lexicon codes lifting them",
    "0813": "easing a curfew: CONCEDE, as above",
    "0814": "easing martial law: CONCEDE, as above",
    "116": "a court's verdict: the PLOVER manual's SANCTION convict",
    "163": "sanctions and embargoes: the PLOVER manual's SANCTION discontinue",
    "1712": "destroying property stays COERCE, as the lexicon codes demolitions",
    "175": "violent repression stays COERCE, as the lexicon codes crackdowns",
    "192": "occupying territory is ASSAULT, as the lexicon codes invasions",
}


@pytest.mark.skipif(not CAMEO2PLOVER.is_file(), reason="../shared/data/knowledge/plover is absent")
def test_dictionary_plover_table_differs_from_cameo2plover_only_where_documented():
    dictionary = load_dictionary()
    differences = {}
    for line in CAMEO2PLOVER.read_text(encoding="utf-8").splitlines():
        code, sep, rest = line.partition(":")
        code = code.strip()
        if not sep or not code.isdigit() or len(code) < 3:
            continue
        theirs = rest.split("#")[0].split(",")[0].strip()
        ours = dictionary.to_plover(code)
        if (ours.type if ours else None) != theirs:
            differences[code] = (ours.type if ours else None, theirs)
    print("storyline vs CAMEO2PLOVER:", differences)
    assert set(differences) == set(OWN_CHOICES)


# --- pattern families -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "family, text, word, plover",
    [
        # verb + object noun
        ("object", "The government imposed sanctions on Iran.", "imposed", "SANCTION"),
        ("object", "Soldiers opened fire on the crowd.", "opened", "ASSAULT"),
        # verb + object with a modifier: the modified phrase wins over the plain noun
        ("object modifier", "Russia pledged humanitarian aid to Syria.", "pledged", "AGREE"),
        # verb + preposition + its object
        ("preposition", "The mayor pleaded for financial aid.", "pleaded", "REQUEST"),
        # a verbal root needs two parts: "called for elections" alone is not enough, a modifier is
        ("preposition", "The opposition called for elections.", "called", None),
        # verb + particle + object
        ("particle", "Police broke up the demonstration.", "broke", "COERCE"),
        ("particle", "Troops put down the riot.", "put", "COERCE"),
        # subject constraint: aircraft staging raids is an air raid
        ("subject", "Warplanes staged raids on the capital.", "staged", "ASSAULT"),
        # a bare verb of a root where the verb alone names the act
        ("bare verb", "Rebels besieged the town.", "besieged", "COERCE"),
        ("bare verb", "The minister lambasted the decision.", "lambasted", "ACCUSE"),
        # a bare verb of a root that needs a pattern codes nothing
        ("bare verb, pattern needed", "The delegation went to Paris.", "went", None),
        ("bare verb, pattern needed", "The president wants a new constitution.", "wants", None),
        # a neutral verb of a bare root codes nothing
        ("neutral verb", "Manchester United defeated Chelsea.", "defeated", None),
        ("neutral verb", "Thousands of people died in the floods.", "died", None),
    ],
)
def test_dictionary_pattern_families_code_their_examples(nlp, family, text, word, plover):
    match = load_dictionary().match(_verb(nlp, text, word))
    assert (match.code.type if match else None) == plover, family


def test_dictionary_prefers_the_more_specific_pattern(nlp):
    dictionary = load_dictionary()
    plain = dictionary.match(_verb(nlp, "The army staged an attack on the town.", "staged"))
    aerial = dictionary.match(_verb(nlp, "Warplanes staged attacks on the town.", "staged"))
    assert plain.code.cameo == "190" and aerial.code.cameo == "195"
    assert aerial.pattern.specificity > plain.pattern.specificity


def test_dictionary_no_event_pattern_silences_the_verb(nlp):
    # the CAMEO block of "anger" codes nothing, and its "angered by" pattern says so too
    assert load_dictionary().match(_verb(nlp, "Residents were angered by the decision.", "angered")) is None


def test_dictionary_relations_are_found_once_per_document(nlp):
    dictionary = load_dictionary()
    doc = nlp("Police besieged the camp. Troops rushed aid to the town.")
    first = dictionary.relations(doc)
    assert dictionary.relations(doc) is first
    rushed = next(t for t in doc if t.text == "rushed")
    assert ("aid", frozenset()) in first[rushed.i].objects


# --- beside the lexicon ------------------------------------------------------------------------
def _candidates(nlp, text):
    doc = nlp(text)
    return [(c.token.text, c.code.type) for sent in doc.sents for c in find_candidates(sent, load_lexicon())]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the lexicon is silent on the verb: the dictionary offers the candidate
        ("Rebels besieged the town.", [("besieged", "COERCE")]),
        ("The minister lambasted the decision.", [("lambasted", "ACCUSE")]),
        # both speak: the lexicon's code stands ("attack" is ASSAULT 190 in both; "withdraw" RETREAT in the lexicon)
        ("The army attacked the village.", [("attacked", "ASSAULT")]),
        ("The army withdrew its troops.", [("withdrew", "RETREAT")]),
        # speech and plan verbs never become events through the dictionary
        # ("talks" is the lexicon's nominal candidate; "said" gives none)
        ("The minister said the talks were over.", [("talks", "CONSULT")]),
        ("The ministry intends to review the law.", []),
    ],
)
def test_dictionary_candidates_fill_in_where_the_lexicon_is_silent(nlp, text, expected):
    assert _candidates(nlp, text) == expected


def test_dictionary_code_needs_a_pattern_for_a_verb_the_lexicon_knows(nlp):
    # "launch" belongs to the lexicon's object rules; alone it is nothing, with a relief mission it is aid
    bare = _verb(nlp, "The agency launched a website.", "launched")
    mission = _verb(nlp, "The agency launched a humanitarian mission.", "launched")
    assert dictionary_code(bare, "launch", known=True) is None
    assert dictionary_code(mission, "launch", known=True).type == "AID"


@pytest.mark.parametrize(
    "text, word, expected",
    [
        # a verb that lets someone act makes the act a possibility, not a deed
        ("The agreement allows Israel to annex parts of the West Bank.", "annex", "hypothetical"),
        ("The deal permits the army to seize the port.", "seize", "hypothetical"),
        ("The new law enables the government to ban protests.", "ban", "hypothetical"),
        ("Israel annexed parts of the West Bank.", "annexed", "asserted"),
    ],
)
def test_dictionary_candidates_let_by_allow_are_possibilities(nlp, text, word, expected):
    from storyline.events.modality import modality

    assert modality(_verb(nlp, text, word), "COERCE") == expected


@pytest.mark.parametrize(
    "text, word, coded",
    [
        ("Rebels besieged the town.", "besieged", True),
        # a piece of a sentence cut off by a line break: the act belongs to a verb the parse lost
        ("to besiege the town and cut its roads", "besiege", False),
    ],
)
def test_dictionary_code_skips_a_main_verb_without_a_subject(nlp, text, word, coded):
    token = _verb(nlp, text, word)
    assert (dictionary_code(token, token.lemma_.lower(), known=False) is not None) is coded


@pytest.mark.parametrize(
    "text, word, coded",
    [
        # a verb of appeal codes when it asks someone to act: the object and the act are its two parts
        ("Farmers begged the minister to lift the export ban.", "begged", True),
        ("The mayor implored the army to spare the old town.", "implored", True),
        # or a named party for a thing
        ("The governor pushed the Nevada legislature for new water rules.", "pushed", True),
        ("Volunteers pushed the broken cart for an hour.", "pushed", False),
        # alone, or hoping for oneself, it asks nothing of anyone
        ("The families begged for news.", "begged", False),
        ("The mayor hopes to win the vote.", "hopes", False),
    ],
)
def test_dictionary_code_of_asking_someone_to_act(nlp, text, word, coded):
    token = _verb(nlp, text, word)
    code = dictionary_code(token, token.lemma_.lower(), known=False)
    assert (code is not None and code.type == "REQUEST") is coded, code


def test_dictionary_call_on_someone_as_a_particle_is_a_request(nlp):
    # the parse the small model sometimes gives: "on" a particle of "called", not a preposition
    from spacy.tokens import Doc

    words = ["The", "council", "called", "on", "residents", "to", "leave", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[True] * 6 + [False, False],
        pos=["DET", "NOUN", "VERB", "ADP", "NOUN", "PART", "VERB", "PUNCT"],
        tags=["DT", "NN", "VBD", "RP", "NNS", "TO", "VB", "."],
        deps=["det", "nsubj", "ROOT", "prt", "dobj", "aux", "xcomp", "punct"],
        heads=[1, 2, 2, 2, 2, 6, 2, 2],
        lemmas=["the", "council", "call", "on", "resident", "to", "leave", "."],
        sent_starts=[True] + [False] * 7,
    )
    found = [(c.token.text, c.code.type) for sent in doc.sents for c in find_candidates(sent, load_lexicon())]
    assert ("called", "REQUEST") in found


def test_dictionary_everyday_things_are_not_weapons(nlp):
    # PETRARCH's weapons synset holds "vehicle": stopping one is policing, not military de-escalation
    stop = _verb(nlp, "Police tried to stop the vehicle as it entered the town.", "stop")
    assert dictionary_code(stop, "stop", known=False) is None
    missiles = _verb(nlp, "The army promised to stop the missiles.", "stop")
    assert dictionary_code(missiles, "stop", known=False).type == "RETREAT"
