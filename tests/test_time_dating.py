"""Dating undated articles: hand-built evidence, abstention, user roles, seeds."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.time import infer_publication_date
from storyline.time.knowledge import load_knowledge


def test_dating_knowledge_files_load_and_terms_are_ordered():
    holders, elections, events = load_knowledge("")
    assert any(h.name == "Antony Blinken" for h in holders)
    for h in holders:
        for start, end in h.terms:
            assert end is None or start <= end, h.name
    assert date(2015, 3, 17) in elections["ISR"]["dates"]
    assert all(e["date"] for e in events)


def test_dating_abstains_without_evidence():
    assert infer_publication_date("Officials met on Thursday to discuss the plan.", ()) is None


def test_dating_officeholder_and_weekday_date_fix_the_day():
    text = "Secretary of State Antony Blinken spoke on Monday, March 6, officials said. He returned on Tuesday."
    value = infer_publication_date(text, (), roles_path="")
    assert value is not None and value.basis == "inferred"
    assert value.earliest.year == 2023 and value.value.startswith("2023-03")
    assert any("Blinken" in reason for reason in value.evidence)


def test_dating_former_officeholder_is_not_evidence():
    assert infer_publication_date("Former Secretary of State John Kerry spoke.", (), roles_path="") is None


def test_dating_user_roles_file_extends_knowledge(tmp_path):
    extra = tmp_path / "roles.yaml"
    extra.write_text(
        "roles:\n  - titles: [Mayor]\n    holders:\n      - {name: Ada Example, terms: [[2031-01-01, 2031-12-31]]}\n",
        encoding="utf-8",
    )
    text = "Mayor Ada Example opened the bridge on Friday, June 6, the city said."
    value = infer_publication_date(text, (), roles_path=str(extra))
    assert value is not None and value.value.startswith("2031-06")


@pytest.mark.slow
@pytest.mark.parametrize(
    "name, earliest, latest",
    [
        ("002_d9422bf001f83e04.txt", date(2015, 3, 17), date(2015, 3, 19)),
        ("003_3f5578225adaf7cc.txt", date(2023, 2, 4), date(2023, 2, 5)),
    ],
)
def test_dating_seed_articles(seeds_dir, nlp, name, earliest, latest):
    from storyline.time import tag

    text = (seeds_dir / name).read_text(encoding="utf-8")
    doc = nlp(text)
    value = infer_publication_date(doc, tag(doc, None), roles_path="")
    assert value is not None, f"{name}: abstained"
    best = date.fromisoformat(value.value)
    assert earliest <= best <= latest
    assert earliest <= value.earliest and value.latest <= latest
    assert value.evidence


def test_dating_days_after_a_dated_event_fix_the_day():
    text = (
        "Russia's defence ministry said on Wednesday it would treat ships bound for Ukraine as "
        "military targets. The warning came two days after Moscow refused to renew the grain "
        "agreement. Secretary of State Antony Blinken said the United States was worried."
    )
    value = infer_publication_date(text, (), roles_path="")
    assert value is not None and value.earliest <= date(2023, 7, 19) <= value.latest
    assert any("two days after" in reason for reason in value.evidence)


def test_dating_event_spoken_of_as_in_force_bounds_the_article():
    text = (
        "Russia will not agree to extend the Black Sea grain agreement beyond May 18, "
        "Foreign Minister Sergei Lavrov said on Friday."
    )
    value = infer_publication_date(text, (), roles_path="")
    assert value is not None and value.earliest.year == 2023 and value.latest <= date(2023, 7, 17)


def test_dating_written_out_year_is_not_the_articles_own():
    text = (
        "President Bill Clinton said on Friday that those behind the bombing of the embassy "
        "in Nairobi on Aug. 7, 1998 would face trial."
    )
    value = infer_publication_date(text, (), roles_path="")
    assert value is None or value.earliest.year != 1998


def test_dating_anniversary_of_a_dated_event_places_the_article():
    text = (
        "Exiles marked the 39th anniversary of the Bay of Pigs invasion on Monday, "
        "Secretary of State Madeleine Albright said."
    )
    value = infer_publication_date(text, (), roles_path="")
    assert value is not None and value.earliest.year == 2000
    assert any("39th anniversary" in reason for reason in value.evidence)


def test_dating_results_compared_with_a_year_ago_period_are_next_years():
    text = (
        "Net income rose to $5 million, compared with $3 million in the 1988 period, "
        "after Hurricane Hugo hit its plants."
    )
    value = infer_publication_date(text, (), roles_path="")
    assert value is not None and value.earliest.year == 1989


def test_dating_weak_evidence_gives_a_low_confidence_year(nlp):
    from storyline.time.dating import is_low_confidence

    doc = nlp("The company said its sales fell sharply in 1994 after the merger.")
    assert infer_publication_date(doc, (), roles_path="") is None  # no guessing unless asked
    value = infer_publication_date(doc, (), roles_path="", guess=True)
    assert value is not None and is_low_confidence(value)
    assert value.precision == "year" and 1994 <= int(value.value) <= 1996
    assert value.evidence[0].startswith("low confidence") and any("1994" in r for r in value.evidence)


def test_dating_evidence_fitting_many_years_is_no_guess():
    # A long term of office alone fits decades: abstain rather than guess.
    assert infer_publication_date("President Fidel Castro spoke for hours.", (), roles_path="", guess=True) is None


def test_dating_year_looked_ahead_to_alone_is_no_guess(nlp):
    doc = nlp("The notes, due 2010, were priced to yield 9%.")
    assert infer_publication_date(doc, (), roles_path="", guess=True) is None


def test_dating_entity_lifespan_bounds_and_former_is_ignored(nlp):
    doc = nlp("West German bankers said exports rose in 1988.")
    value = infer_publication_date(doc, (), roles_path="", guess=True)
    assert value is not None and 1988 <= int(value.value[:4]) <= 1990
    assert any("West Germany" in reason for reason in value.evidence)
    later = nlp("Exports to the former Soviet Union rose in 2004, officials said.")
    value = infer_publication_date(later, (), roles_path="", guess=True)
    assert value is not None and not any("which existed" in reason for reason in value.evidence)


def test_dating_user_file_adds_entities(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "entities:\n  - {name: the Example Bridge, pattern: 'Example Bridge', from: 2031-05-01}\n", encoding="utf-8"
    )
    text = "Traffic on the Example Bridge doubled, Mayor Ada Example said on Friday, June 6."
    value = infer_publication_date(text, (), roles_path=str(extra))
    assert value is not None and any("Example Bridge" in reason for reason in value.evidence)
    assert value.latest >= date(2031, 5, 1)


def test_dating_names_match_with_or_without_accents():
    holders, _, _ = load_knowledge("")
    chavez = next(h for h in holders if h.name == "Hugo Chávez")
    assert chavez.title_re.search("President Hugo Chavez said") and chavez.title_re.search("President Chávez")
    bush_vp = [h.name for h in holders if h.title_re.search("Vice President George Bush spoke")]
    assert bush_vp == ["George Bush"]


def test_dating_a_later_weekday_told_in_the_past_pulls_the_date_forward(nlp):
    doc = nlp(
        "Russia's defence ministry said on Wednesday it would treat ships bound for Ukraine as "
        "military targets. The warning came two days after Moscow refused to renew the grain "
        "agreement. Ukraine's defence ministry responded on Thursday in kind. "
        "Secretary of State Antony Blinken said the United States was worried."
    )
    value = infer_publication_date(doc, (), roles_path="")
    assert value is not None and value.value == "2023-07-20"


def test_dating_one_phrase_naming_two_officeholders_counts_once():
    value = infer_publication_date("King Abdullah met President Barack Obama on Monday, March 5.", (), roles_path="")
    assert value is not None and value.value.startswith("2012-03")
    (reason,) = [r for r in value.evidence if "King Abdullah" in r]
    assert " or " in reason  # Jordan's king and Saudi Arabia's, one piece of evidence


def test_dating_fiscal_year_looked_ahead_to_places_the_article_before_its_end(nlp):
    doc = nlp("The company expects its fiscal 1990 profit to fall sharply.")
    value = infer_publication_date(doc, (), roles_path="", guess=True)
    assert value is not None and value.value in ("1989", "1990")
    assert any("fiscal 1990" in reason for reason in value.evidence)


def test_dating_anniversary_of_a_stated_year():
    text = "Thousands marched in Havana on Friday to mark the 40th anniversary of the 1959 revolution."
    value = infer_publication_date(text, (), roles_path="")
    assert value is not None and value.value.startswith("1999")
    assert (
        infer_publication_date(
            "They hope for a president by the 2000 Olympics and the 100th anniversary of federation.", (), roles_path=""
        )
        is None
    )


# --- hints from the corpus (dated reports of the same happening in other articles) ---


def _hint(day: str, why: str = "reports the same happening as 1 dated article"):
    from storyline.models import TimeValue

    d = date.fromisoformat(day)
    return TimeValue(day, d, d, "day", "inferred", evidence=(why,))


def test_dating_corpus_hints_date_an_article_its_text_cannot():
    from storyline.time.dating import is_corpus_inferred

    text = "Officials met to discuss the plan."
    assert infer_publication_date(text, (), roles_path="") is None
    value = infer_publication_date(text, (), (_hint("2024-03-12"), _hint("2024-03-13")), roles_path="")
    assert value is not None and is_corpus_inferred(value)
    assert value.value == "2024-03-13" and value.earliest == date(2024, 3, 13)
    assert all(line.startswith("corpus: ") for line in value.evidence)


def test_dating_corpus_hints_that_disagree_date_nothing():
    text = "Officials met to discuss the plan."
    assert infer_publication_date(text, (), (_hint("2024-03-12"), _hint("2024-04-20")), roles_path="") is None


def test_dating_corpus_hints_never_override_the_texts_own_date():
    text = "Secretary of State Antony Blinken spoke on Monday, March 6, officials said. He returned on Tuesday."
    own = infer_publication_date(text, (), roles_path="")
    assert infer_publication_date(text, (), (_hint("2021-05-02"),), roles_path="") == own


def test_dating_corpus_hints_against_the_texts_evidence_date_nothing():
    # Blinken's term (2021 on) is too long to date the text by, but rules out a 2015 hint
    text = "Secretary of State Antony Blinken spoke, officials said."
    assert infer_publication_date(text, (), roles_path="") is None
    assert infer_publication_date(text, (), (_hint("2015-06-01"),), roles_path="") is None
    assert infer_publication_date(text, (), (_hint("2023-06-01"),), roles_path="").value == "2023-06-01"


@pytest.mark.parametrize(
    ("word", "text", "expected"),
    [
        ("Moi", "President Moi spoke.", True),
        ("Moi", "Moi", True),
        ("Sisi", "President al-Sisi met them.", True),
        ("Fore", "The Foreign Minister spoke.", False),
        ("Howe", "However, nothing changed.", False),
        ("Howe", "However, Howe resigned.", True),
    ],
)
def test_dating_surname_found_only_as_a_whole_word(word, text, expected):
    from storyline.time.dating import _as_word_in

    assert _as_word_in(word, text) is expected
