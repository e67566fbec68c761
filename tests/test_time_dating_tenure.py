"""Dating: a term of office told as the news ("X was sworn in as chancellor
on Wednesday", "Pope X died on Monday", "ending X's sixteen years in
office") or counted ("his second term"). Invented officeholders, so the
tests do not depend on the packaged knowledge."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from storyline.time.dating import infer_publication_date
from storyline.time.dating_tenure import number_of

TODAY = date(2026, 12, 7)


@pytest.fixture()
def roles(tmp_path):
    path = tmp_path / "roles.yaml"
    path.write_text(
        "roles:\n"
        "  - titles: [Chancellor]\n"
        "    holders:\n"
        "      - {name: Ada Quintavalle, terms: [[2003-02-10, 2019-03-04]]}\n"
        "      - {name: Bruno Ferreira, terms: [[2019-03-04, 2024-05-01]]}\n"
        "  - titles: [Grand Abbot]\n"
        "    holders:\n"
        "      - {name: Cyril Ostrander, terms: [[2008-06-01, 2017-09-12]]}\n"
        "  - titles: [Governor]\n"
        "    holders:\n"
        "      - {name: Dana Whitlock, terms: [[2001-01-08, 2005-01-10], [2005-01-10, 2009-01-12]]}\n",
        encoding="utf-8",
    )
    return str(path)


def date_of(text: str, roles: str):
    return infer_publication_date(text, (), roles_path=roles, interval=True, today=TODAY)


def test_dating_tenure_sworn_in_as_the_news_dates_the_start(roles):
    value = date_of("Bruno Ferreira was sworn in as chancellor on Wednesday and named his cabinet.", roles)
    assert value is not None and value.earliest == date(2019, 3, 4) and value.latest <= date(2019, 4, 3)


def test_dating_tenure_elected_to_another_office_says_nothing_of_this_one(roles):
    value = date_of("Bruno Ferreira was elected to the city council on Wednesday.", roles)
    assert value is None or value.earliest != date(2019, 3, 4)


def test_dating_tenure_death_of_a_titled_holder_dates_the_end(roles):
    value = date_of("Grand Abbot Cyril Ostrander died on Monday at the monastery, his order said.", roles)
    assert value is not None and value.earliest == date(2017, 9, 12) and value.latest <= date(2017, 10, 12)


def test_dating_tenure_death_of_a_former_holder_is_no_end_of_term(roles):
    value = date_of("Former Grand Abbot Cyril Ostrander died on Monday, his order said.", roles)
    assert value is None or value.latest is None or value.latest > date(2017, 10, 12)


def test_dating_tenure_a_dated_sentence_is_background(roles):
    value = date_of("Grand Abbot Cyril Ostrander died on September 12. The order chose a successor today.", roles)
    assert value is None or value.latest is None or value.latest > date(2017, 10, 12)


def test_dating_tenure_years_in_office_count_from_the_start(roles):
    value = date_of("Parliament elected a successor, ending Ada Quintavalle's sixteen years in office.", roles)
    assert value is not None
    assert value.earliest >= date(2018, 8, 1) and value.latest <= date(2020, 2, 10)


def test_dating_tenure_second_term_is_the_second_listed_term(roles):
    value = date_of("Governor Dana Whitlock spoke on Tuesday. In his second term Whitlock has cut taxes.", roles)
    assert value is not None and value.earliest >= date(2005, 1, 10) and value.latest <= date(2009, 3, 13)


def test_dating_tenure_number_words():
    assert number_of("sixteen") == 16 and number_of("seventy-two") == 72 and number_of("12") == 12
    assert number_of("many") is None


def test_dating_tenure_a_first_name_that_is_a_holders_surname_is_not_the_holder(tmp_path):
    roles = tmp_path / "roles.yaml"
    roles.write_text(
        "roles:\n  - titles: [Senator]\n    holders:\n      - {name: John James, terms: [[2019-01-03, 2021-01-03]]}\n",
        encoding="utf-8",
    )
    value = date_of("James McAlpine, the company's chief executive, resigned on Friday.", str(roles))
    assert value is None or value.earliest != date(2021, 1, 3) - timedelta(days=75)


def test_dating_tenure_a_resignation_is_news_before_the_term_ends(roles):
    # the prime minister resigns, and leaves office when the successor is chosen
    value = date_of("Chancellor Bruno Ferreira resigned on Thursday after a revolt in his party.", roles)
    assert value is not None and value.earliest <= date(2024, 3, 1) and value.latest <= date(2024, 5, 31)


def test_dating_tenure_resigned_as_another_title_is_not_this_term(tmp_path):
    path = tmp_path / "roles.yaml"
    path.write_text(
        "roles:\n"
        "  - titles: [President]\n    holders:\n"
        "      - {name: Ada Quintavalle, terms: [[2003-02-10, 2019-03-04]]}\n"
        "  - titles: [Prime Minister]\n    holders:\n"
        "      - {name: Ada Quintavalle, terms: [[1990-02-10, 2003-02-10]]}\n",
        encoding="utf-8",
    )
    value = date_of("Ada Quintavalle resigned as president on Tuesday, hours before a vote to impeach her.", str(path))
    assert value is not None and value.earliest >= date(2018, 12, 1) and value.latest <= date(2019, 4, 3)


def test_dating_tenure_years_ago_next_to_a_dated_happening(tmp_path):
    path = tmp_path / "roles.yaml"
    path.write_text(
        "events:\n  - {name: the closing of the Vell canal, date: 2005-06-01, all: ['Vell canal', 'closed|closing']}\n",
        encoding="utf-8",
    )
    value = date_of("Barges returned for the first time since the Vell canal was closed nine years ago.", str(path))
    # nine years after 2005-06-01, give or take two sevenths of it
    assert value is not None and date(2011, 6, 1) <= value.earliest <= date(2014, 5, 30) <= value.latest <= date(
        2017, 6, 1
    )


def test_dating_tenure_elected_months_before_the_term_still_holds_the_vote(roles):
    # a vote in June for a term from October (Mexico), in February for one from October (Indonesia)
    value = date_of("Bruno Ferreira was elected chancellor on Sunday by a landslide.", roles)
    start = date(2019, 3, 4)
    assert value.earliest <= start - timedelta(days=240) and value.latest <= start + timedelta(days=30)


def test_dating_tenure_a_handover_told_as_news_is_near_the_end_of_the_term(roles):
    value = date_of("Bruno Ferreira met the press. He succeeds Chancellor Ada Quintavalle at the palace.", roles)
    end = date(2019, 3, 4)
    assert value.earliest >= end - timedelta(days=250) and value.latest <= end + timedelta(days=30)
    assert any("handover" in line for line in value.evidence)


def test_dating_tenure_a_handover_told_as_background_says_nothing(roles):
    # "who succeeded" is a career's history, not the news of the day
    value = date_of("Bruno Ferreira, who succeeded Chancellor Ada Quintavalle, opened a school.", roles)
    assert not any("handover" in line for line in value.evidence)


def test_dating_tenure_the_vote_before_a_term_fits_best_in_the_usual_months(roles):
    # the bound allows eight months before the term; the best day is within the usual three
    value = date_of("Bruno Ferreira was elected chancellor on Sunday by a landslide.", roles)
    best = date.fromisoformat(value.value) if len(value.value) == 10 else date(int(value.value[:4]), 7, 1)
    assert value.value.startswith("2019") or date(2018, 12, 4) <= best


def test_dating_tenure_elected_before_the_name_with_the_title_after(roles):
    value = date_of("Parliament elected reformer Bruno Ferreira as chancellor on Tuesday.", roles)
    start = date(2019, 3, 4)
    assert value.earliest >= start - timedelta(days=250) and value.latest <= start + timedelta(days=30)
    value = date_of("Parliament elected Bruno Ferreira to the city council on Tuesday.", roles)
    assert value is None or value.latest > start + timedelta(days=30)


def test_dating_tenure_a_verb_after_another_clause_is_another_subjects(roles):
    # "became" is Ferreira's, not Quintavalle's; "became the first" describes, it starts nothing
    value = date_of(
        "Parliament chose Ada Quintavalle on Monday, two days after Bruno Ferreira became the first chancellor "
        "to be removed.",
        roles,
    )
    assert value is None or not any("began" in line for line in value.evidence)


def test_dating_tenure_elected_with_another_first_name_is_another_holder(tmp_path):
    path = tmp_path / "roles.yaml"
    path.write_text(
        "roles:\n  - titles: [Prime Minister]\n    holders:\n"
        "      - {name: Nawal Ostrander, terms: [[1990-11-06, 1993-07-18]]}\n"
        "      - {name: Shira Ostrander, terms: [[2022-04-11, null]]}\n",
        encoding="utf-8",
    )
    text = "Parliament elected Shira Ostrander as prime minister on Monday. Nawal Ostrander was not there."
    value = date_of(text, str(path))
    assert value.earliest >= date(2021, 8, 1)


def test_dating_tenure_n_time_holder_is_no_term(roles):
    value = date_of("The three-time chancellor Ada Quintavalle spoke.", roles)
    assert value is None


def test_dating_tenure_replacing_a_holders_decree_is_no_handover(roles):
    value = date_of("The new rule replaces Chancellor Ada Quintavalle's decree on fishing.", roles)
    assert not any("handover" in line for line in value.evidence)
