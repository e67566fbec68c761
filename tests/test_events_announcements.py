"""Hand-built sentences for the rules on announcements, agreements ended,
attacks by weapons, disapproval and threats (none from the examples' text)."""

from __future__ import annotations

from datetime import date

import pytest

from storyline import time
from storyline.evaluation.plover import main_mention
from storyline.events import extract, plover_type
from storyline.models import Article, TimeValue

PUBLISHED = date(2021, 3, 10)  # a Wednesday

CASES = [
    (
        "Venezuela said on Tuesday that it was suspending its participation in the oil agreement.",
        "SANCTION",
        "announced",
        "VEN",
        "2021-03-09",
    ),
    (
        "Mexico on Monday refused to extend the water treaty with the United States.",
        "SANCTION",
        "asserted",
        "MEX",
        "2021-03-08",
    ),
    (
        "Canada pulled out of the fisheries agreement with Norway on Monday.",
        "SANCTION",
        "asserted",
        "CAN",
        "2021-03-08",
    ),
    ("Iranian drones struck the port of Basra on Sunday.", "ASSAULT", "asserted", "IRN", "2021-03-07"),
    (
        "Brazil will not agree to renew the trade pact unless tariffs are lifted, its foreign minister said.",
        "THREATEN",
        "threatened",
        "BRA",
        None,
    ),
    ("The Indian foreign minister called the Pakistani move unacceptable.", "ACCUSE", "asserted", "IND", None),
    ("Kenya said it deeply regretted Ethiopia's decision.", "ACCUSE", "asserted", "KEN", None),
    (
        "Japan's defence ministry said on Tuesday that it would treat all foreign submarines in its waters as hostile targets.",
        "THREATEN",
        "threatened",
        "JPN",
        "2021-03-09",
    ),
    ("Zambia said it was ready to reopen the border with Malawi.", "AGREE", "planned", "ZMB", None),
]


def _main(nlp, text):
    doc = nlp(text)
    published = TimeValue(PUBLISHED.isoformat(), PUBLISHED, PUBLISHED, "day", "header")
    article = Article(id=Article.make_id(text), source="t", text=text, published=published)
    mentions, _ = extract(article, doc, time.tag(doc, PUBLISHED))
    return main_mention(doc, mentions), mentions


@pytest.mark.parametrize("text,kind,modality,source,day", CASES, ids=[c[0][:40] for c in CASES])
def test_events_announcements_type_modality_source_and_day(nlp, text, kind, modality, source, day):
    main, mentions = _main(nlp, text)
    assert main is not None, f"nothing coded from {text!r}"
    assert (plover_type(main), main.modality, main.sources[0].country) == (kind, modality, source), main
    if day is not None:
        assert main.time is not None and main.time.value == day


def test_events_announcements_future_is_planned_and_not_dated_when_said(nlp):
    main, _ = _main(nlp, "Venezuela said on Tuesday that it would resume its participation in the oil agreement.")
    assert main is not None and main.modality == "planned" and plover_type(main) == "AGREE"
    assert main.time is None or main.time.value != "2021-03-09"


def test_events_announcements_a_third_party_claim_is_not_an_announcement(nlp):
    _, mentions = _main(
        nlp, "Colombia said on Tuesday that Venezuela was suspending its participation in the oil agreement."
    )
    assert all(m.modality != "announced" for m in mentions)


def test_events_announcements_a_date_in_an_after_clause_is_not_its_date(nlp):
    _, mentions = _main(nlp, "Rockets hit the town on Tuesday, a day after Ghana signed the accord.")
    signed = [m for m in mentions if m.lemma == "sign"]
    assert signed and all(m.time is None or m.time.value != "2021-03-09" for m in signed)
