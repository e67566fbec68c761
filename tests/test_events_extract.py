"""Event extraction details: ids, time, place, nominal events, actors."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.events import extract
from storyline.models import Article, TimeValue, Timex, stable_id

TEXT = (
    "Kenya announced on Friday that it was suspending security cooperation with Somalia "
    "after the militants' raid in Mombasa."
)


def _article(text, published=None):
    return Article(id=Article.make_id(text), source="t", text=text, published=published)


def test_events_extract_ids_spans_and_summary(nlp):
    article = _article(TEXT)
    mentions, _ = extract(article, nlp(TEXT), ())
    sanction = next(m for m in mentions if m.type == "SANCTION")
    assert sanction.id == stable_id("em", article.id, sanction.trigger_start, "SANCTION")
    assert TEXT[sanction.trigger_start : sanction.trigger_end] == "suspending"
    assert sanction.lemma == "suspend"
    assert sanction.sentence == TEXT
    assert [s.country for s in sanction.sources] == ["KEN"]
    assert [t.country for t in sanction.targets] == ["SOM"]
    assert sanction.summary == "Kenya suspends security cooperation with Somalia"
    assert sanction.modality == "announced"


def test_events_extract_sentence_span_ends_at_its_last_character(nlp):
    text = TEXT + "\n\n" + "Officials in Nairobi gave no further details.\n"
    mentions, _ = extract(_article(text), nlp(text), ())
    sanction = next(m for m in mentions if m.type == "SANCTION")
    assert sanction.sentence == TEXT
    assert text[sanction.sentence_start : sanction.sentence_end] == TEXT


def test_events_extract_time_comes_from_the_clause_timex(nlp):
    start = TEXT.index("Friday")
    friday = TimeValue("2024-03-01", date(2024, 3, 1), date(2024, 3, 1), "day", "relative")
    timex = Timex(start, start + len("Friday"), "Friday", "DATE", friday)
    mentions, _ = extract(_article(TEXT), nlp(TEXT), [timex])
    sanction = next(m for m in mentions if m.type == "SANCTION")
    assert sanction.time == friday


def test_events_extract_no_timex_never_uses_the_publication_date(nlp):
    text = "Kenya expelled two Somali diplomats."
    published = TimeValue("2024-03-05", date(2024, 3, 5), date(2024, 3, 5), "day", "header")
    mentions, _ = extract(_article(text, published), nlp(text), ())
    (mention,) = mentions
    assert mention.time.earliest is None and mention.time.latest == date(2024, 3, 5)
    assert mention.time.value != published.value and mention.time.basis == "relative"


def test_events_extract_said_date_is_not_the_event_date(nlp):
    text = "Officials said on Saturday that Kenya had expelled two Somali diplomats."
    start = text.index("Saturday")
    saturday = TimeValue("2024-03-02", date(2024, 3, 2), date(2024, 3, 2), "day", "relative")
    mentions, _ = extract(_article(text), nlp(text), [Timex(start, start + 8, "Saturday", "DATE", saturday)])
    assert mentions and all(m.time != saturday for m in mentions)


def test_events_extract_nominal_raid_with_owner_and_place(nlp):
    mentions, _ = extract(_article(TEXT), nlp(TEXT), ())
    raid = next(m for m in mentions if m.trigger == "raid")
    assert raid.type == "ASSAULT" and raid.location.name == "Mombasa" and raid.location.country == "KEN"


def test_events_extract_halt_to_coordination_is_a_nominal_sanction(nlp):
    text = "Jordan's halt to security coordination with Syria surprised diplomats."
    mentions, _ = extract(_article(text), nlp(text), ())
    assert [(m.type, m.sources[0].country, m.targets[0].country) for m in mentions] == [("SANCTION", "JOR", "SYR")]


def test_events_extract_paraphrase_of_ending_cooperation(nlp):
    for verb in ("halted", "ended", "froze", "suspended", "severed", "terminated"):
        text = f"Jordan {verb} security coordination with Syria."
        mentions, _ = extract(_article(text), nlp(text), ())
        assert [m.type for m in mentions] == ["SANCTION"], verb


def test_events_extract_vague_announcement_takes_the_day_of_the_same_act(nlp):
    text = (
        "Earlier this week Kenya's president declared he was suspending all trade with Uganda. "
        "In his Tuesday speech, the president also criticised Kampala."
    )
    week = TimeValue("2024-W10", date(2024, 3, 4), date(2024, 3, 10), "week", "relative")
    tuesday = TimeValue("2024-03-05", date(2024, 3, 5), date(2024, 3, 5), "day", "relative")
    timexes = [
        Timex(0, 17, "Earlier this week", "DATE", week),
        Timex(text.index("Tuesday"), text.index("Tuesday") + 7, "Tuesday", "DATE", tuesday),
    ]
    mentions, _ = extract(_article(text), nlp(text), timexes)
    sanction = next(m for m in mentions if m.type == "SANCTION")
    assert sanction.modality == "announced" and sanction.time == tuesday


def test_events_extract_summary_keeps_the_words_as_written(nlp):
    text = "Kenya is urging de-escalation and a calming of the situation with Somalia."
    mentions, _ = extract(_article(text), nlp(text), ())
    (urging,) = [m for m in mentions if m.lemma == "urge"]
    assert "de-escalation and a calming" in urging.summary


def test_events_extract_summary_of_a_threat_says_threaten_once(nlp):
    text = "Kenyan officials threatened to revoke the Somali envoy's visa."
    mentions, _ = extract(_article(text), nlp(text), ())
    (threat,) = [m for m in mentions if m.type == "THREATEN"]
    assert threat.summary.startswith("Kenyan officials threaten to revoke")


@pytest.mark.parametrize(
    "text, summary",
    [
        # the noun's "of" is the verb's object; a verb ending in its preposition says it once
        ("The Turkish invasion of northern Cyprus began in July 1974.", "Turkey invades northern Cyprus"),
        ("The police crackdown on students in Tehran went on for days.", "crack down on students"),
    ],
)
def test_events_extract_summary_of_a_nominal_event_reads_as_a_clause(nlp, text, summary):
    mentions, _ = extract(_article(text), nlp(text), ())
    assert any(summary in m.summary for m in mentions), [m.summary for m in mentions]


@pytest.mark.parametrize(
    "text, trigger",
    [
        # the trigger spans the state the act leaves its object in, as it spans a particle
        ("The sniper was shot dead by soldiers at dawn.", "shot dead"),
        ("A court in Lyon found the banker guilty of fraud.", "found the banker guilty"),
    ],
)
def test_events_extract_trigger_spans_a_resultative_adjective(nlp, text, trigger):
    mentions, _ = extract(_article(text), nlp(text), ())
    assert trigger in [m.trigger for m in mentions], [m.trigger for m in mentions]


@pytest.mark.parametrize(
    "text, kind",
    [
        # an appeal made is a request; a state of siege is martial law
        ("The Vatican issued a fresh plea to the rebels to free the hostages.", "REQUEST"),
        ("The Red Cross launched an appeal for 40 million francs in aid for Malawi.", "REQUEST"),
        ("The junta declared a state of siege in three provinces on Monday.", "COERCE"),
    ],
)
def test_events_extract_appeals_and_states_of_siege(nlp, text, kind):
    mentions, _ = extract(_article(text), nlp(text), ())
    assert kind in [m.type for m in mentions], [(m.type, m.trigger) for m in mentions]


@pytest.mark.parametrize(
    "text",
    [
        # a publication released, a question asked, a post taken up: no act on anyone
        "Sales doubled, according to figures released on Monday by a market research firm.",
        "Sony released a new album by the band in June.",
        "Erdogan asked why, and the minister told him the plan had failed.",
        "Erdogan took over as the party's chairman in May 2003.",
    ],
)
def test_events_extract_publications_questions_and_posts_are_no_events(nlp, text):
    mentions, _ = extract(_article(text), nlp(text), ())
    assert not mentions, [(m.type, m.trigger) for m in mentions]


def test_events_extract_release_of_people_and_seizure_stay(nlp):
    for text, kind in (
        ("Rebels released two hostages on Monday.", "CONCEDE"),
        ("Rebels took over the airport on Sunday.", "COERCE"),
    ):
        mentions, _ = extract(_article(text), nlp(text), ())
        assert kind in [m.type for m in mentions], (text, [(m.type, m.trigger) for m in mentions])
