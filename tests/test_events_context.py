"""What the rest of an article tells about a mention, and the tense and mood
a mention takes from the clauses around it (hand-built sentences)."""

from __future__ import annotations

from datetime import date

from storyline import time
from storyline.events import extract
from storyline.models import Article, TimeValue


def _code(nlp, text, published="2024-05-10"):
    day = date.fromisoformat(published)
    article = Article(
        id=Article.make_id(text), source="t", text=text, published=TimeValue(published, day, day, "day", "header")
    )
    doc = nlp(text)
    mentions, _ = extract(article, doc, time.tag(doc, day))
    return mentions


def _one(mentions, lemma):
    found = [m for m in mentions if m.lemma == lemma]
    assert len(found) == 1, [(m.lemma, m.type) for m in mentions]
    return found[0]


def test_events_context_past_clause_after_a_future_one_happened(nlp):
    text = "Portugal will end trade with Spain after Spain started withholding fishing licences from Portugal."
    withholding = _one(_code(nlp, text), "withhold")
    assert withholding.modality == "asserted"
    assert withholding.time is not None and withholding.time.latest == date(2024, 5, 10)


def test_events_context_content_of_a_decision_stays_planned_under_a_discussion(nlp):
    text = "The Portuguese cabinet will discuss steps to implement its decision to end trade with Spain."
    assert _one(_code(nlp, text), "end").modality == "planned"


def test_events_context_decision_is_to_stop_is_a_plan_not_a_purpose(nlp):
    text = "The minister said that the Portuguese government's decision is to continue the reforms, to stop trade with Spain, and to wait."
    assert _one(_code(nlp, text), "stop").modality == "planned"


def test_events_context_discussion_date_is_not_the_discussed_act_date(nlp):
    text = "Portuguese ministers will meet on Thursday to discuss cutting off trade with Spain."
    mentions = _code(nlp, text)
    assert _one(mentions, "meet").time.value == "2024-05-16"
    severing = _one(mentions, "cut")
    assert severing.modality == "hypothetical" and severing.time is None


def test_events_context_act_under_a_dated_agreement_is_old_and_historical(nlp):
    text = "Under a 1994 agreement, Spain agreed to pay Portugal for the water of the river."
    agreed = _one(_code(nlp, text), "agree")
    assert agreed.time.value == "1994"
    assert agreed.modality == "historical"


def test_events_context_recent_dated_act_stays_current(nlp):
    text = "Spain expelled two Portuguese diplomats on May 3."
    expelled = _one(_code(nlp, text), "expel")
    assert expelled.time.value == "2024-05-03" and expelled.modality == "asserted"


def test_events_context_reported_act_happened_before_the_dated_report(nlp):
    text = "On Wednesday, a Lisbon newspaper reported that Spain pressed Portugal to accept the plan."
    pressed = _one(_code(nlp, text), "press")
    assert pressed.time.value == "PAST_REF" and pressed.time.latest == date(2024, 5, 8)


def test_events_context_act_following_a_dated_one_bounds_its_date(nlp):
    text = "Spain announced on May 2 it was halting trade with Portugal following the Portuguese army's raid in Elvas."
    raid = _one(_code(nlp, text), "raid")
    assert raid.time.value == "PAST_REF" and raid.time.latest == date(2024, 5, 2)


def test_events_context_present_act_in_a_past_report_is_past(nlp):
    text = "The Spanish foreign minister later said Spain is urging Portugal to calm the situation."
    urging = _one(_code(nlp, text), "urge")
    assert urging.time is not None and urging.time.latest == date(2024, 5, 10)


def test_events_context_restated_decision_takes_the_announced_act(nlp):
    text = (
        "Spain's government has rejected calls to reverse its decision to suspend trade, officials said. "
        "Spain announced on May 2 it was suspending trade with Portugal."
    )
    mentions = _code(nlp, text)
    announced = next(m for m in mentions if m.trigger == "suspending")
    restated = next(m for m in mentions if m.trigger == "suspend")
    assert announced.time.value == "2024-05-02"
    assert restated.time == announced.time and restated.modality == "announced"
    assert [t.name for t in restated.targets] == [t.name for t in announced.targets] == ["Portugal"]


def test_events_context_declaration_restates_its_owner_act(nlp):
    text = (
        "On Monday the Spanish prime minister declared he was ending all agreements with Portugal. "
        "On Tuesday Madrid told its ministers that Spain was ending ties with Portugal. "
        "Analysts doubted the prime minister's declaration that Spain was ending all agreements."
    )
    mentions = [m for m in _code(nlp, text) if m.type == "SANCTION"]
    first, restated = mentions[0], mentions[-1]
    assert first.time.value == "2024-05-06"
    assert restated.time == first.time


def test_events_context_noun_without_actor_takes_it_from_the_article(nlp):
    text = (
        "Portugal has rejected pressure to reverse its decision. "
        "Officials said the pressure from the European Union would not change anything."
    )
    rejected = _one(_code(nlp, text), "reject")
    assert [t.name for t in rejected.targets] == ["European Union"]


def test_events_context_new_noun_is_not_bridged(nlp):
    text = "Portugal filed a complaint over a raid. The Spanish army's raid in Elvas killed two people."
    filed = _one(_code(nlp, text), "file")
    assert not filed.targets


def test_events_context_act_takes_the_day_the_article_gives_its_noun(nlp):
    text = (
        "The Portuguese cabinet held a meeting in Porto to discuss the border. "
        "Officials said the decisions of Tuesday's meeting remain in place."
    )
    held = _one(_code(nlp, text), "hold")
    assert held.time.value == "2024-05-07"


def test_events_context_two_dated_nouns_leave_the_act_undated(nlp):
    text = (
        "The Portuguese cabinet held a meeting in Porto to discuss the border. "
        "Tuesday's meeting and Wednesday's meeting were short."
    )
    held = _one(_code(nlp, text), "hold")
    assert held.time.value == "PAST_REF"


def test_events_context_threats_and_refusals_said_in_the_past_are_past(nlp):
    threat = _one(_code(nlp, "Spain threatened to close its ports unless Portugal withdrew the tariffs."), "threaten")
    assert threat.time is not None and threat.time.latest == date(2024, 5, 10)
    refusal = _one(_code(nlp, "A senior Spanish official said Madrid would not accept new conditions."), "accept")
    assert refusal.type == "REJECT" and refusal.time is not None and refusal.time.latest == date(2024, 5, 10)
    future = _one(_code(nlp, "Spain will not accept new conditions."), "accept")
    assert future.time is None


def test_events_context_act_an_exact_span_after_which_a_dated_clause_comes(nlp):
    # published Friday 2024-05-10: "on Monday" is 2024-05-06
    text = "Ships left Portuguese ports on Monday, two days after Spain said it was suspending its part in the deal."
    suspending = _one(_code(nlp, text), "suspend")
    assert suspending.time.value == "2024-05-04" and suspending.modality == "announced"


def test_events_context_span_after_in_months_gives_the_month(nlp):
    text = "Portugal signed the accord on Monday, five months after the Spanish invasion cut off its exports."
    invasion = _one(_code(nlp, text), "invasion")
    assert invasion.time.value == "2023-12"


def test_events_context_less_than_a_day_after_bounds_both_ways(nlp):
    text = "Spanish missiles struck Lisbon on Monday, less than a day after Madrid signed the agreement."
    signed = _one(_code(nlp, text), "sign")
    assert (signed.time.earliest, signed.time.latest) == (date(2024, 5, 5), date(2024, 5, 6))


def test_events_context_act_told_as_under_way_days_later_is_the_announced_act(nlp):
    text = (
        "On Monday the Spanish prime minister declared he was ending all agreements with Portugal. "
        "On Wednesday the Spanish foreign minister told parliament that Spain was ending ties with Portugal."
    )
    first, later = [m for m in _code(nlp, text) if m.type == "SANCTION"]
    assert first.time.value == "2024-05-06" and later.time == first.time


def test_events_context_a_new_act_weeks_later_keeps_its_own_day(nlp):
    text = (
        "On April 1 the Spanish prime minister declared he was ending all agreements with Portugal. "
        "On Wednesday the Spanish foreign minister told parliament that Spain was ending ties with Portugal."
    )
    first, later = [m for m in _code(nlp, text) if m.type == "SANCTION"]
    assert later.time.value == "2024-05-08"


def test_events_context_a_pronoun_owner_elsewhere_is_not_bridged(nlp):
    text = (
        "Thousands of Portuguese demonstrated against the high level of unemployment. "
        "Lisbon said joblessness was at its highest level since the war."
    )
    demonstrated = _one(_code(nlp, text), "demonstrate")
    assert not demonstrated.targets
