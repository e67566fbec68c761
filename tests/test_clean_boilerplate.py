"""The boilerplate filter on hand-built articles."""

from __future__ import annotations

import pytest

from storyline.clean import clean
from storyline.ingest.boilerplate import score_paragraph
from storyline.models import RawDocument

NEWS = [
    "The regional parliament approved the water bill on Tuesday by a narrow margin, ending months of debate.",
    "Farmers' groups said the new limits would hurt small producers, while environmental groups welcomed them.",
    "The minister said the rules would take effect in January and be reviewed after two years.",
]


def _clean(paragraphs: list[str], separator: str = "\n"):
    return clean(RawDocument(source="t.txt", text=separator.join(paragraphs), format="text"))


def _removed_reasons(article) -> list[str]:
    return [span.reason for span in article.removed]


def test_clean_boilerplate_keeps_plain_news():
    article = _clean(NEWS)
    assert article.removed == ()
    assert article.text == "\n\n".join(NEWS)


def test_clean_boilerplate_trailing_appeal_takes_its_sign_off():
    appeal = [
        "Independent reporting like this takes time and money, and readers like you make it possible.",
        "For as little as $5 a month you can support our journalism and read every story ad-free.",
        "Thank you,",
        "Jane Doe, Editor",
        "The Daily Example Team.",
    ]
    article = _clean(NEWS + appeal)
    assert article.text == "\n\n".join(NEWS)
    assert _removed_reasons(article) == ["publisher appeal", "appeal sign-off"]
    assert article.removed[1].text == "Thank you,\nJane Doe, Editor\nThe Daily Example Team."


def test_clean_boilerplate_many_short_lines_after_an_appeal_box_are_news():
    box = "Support our journalism: become a member today and make a monthly donation."
    ending = [
        "Talks resume Monday.",
        "Both sides sent delegations.",
        "The mayor will attend.",
        "A vote follows in June.",
        "Protests are planned.",
    ]
    article = _clean(NEWS + [box] + ending)
    assert _removed_reasons(article) == ["publisher appeal"]
    assert article.text.endswith("\n\n".join(ending))


def test_clean_boilerplate_short_closing_line_without_appeal_stays():
    article = _clean(NEWS + ["Talks resume Monday.", "Thank you,"])
    assert article.removed == ()


def test_clean_boilerplate_short_news_line_before_an_appeal_stays():
    appeal = ["Please support our journalism: become a member today and make a monthly donation."]
    article = _clean(NEWS + ["Talks resume Monday."] + appeal)
    assert article.text.endswith("Talks resume Monday.")
    assert _removed_reasons(article) == ["publisher appeal"]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Reuters staff contributed to this report.", "staff credit"),
        ("Additional reporting by Ann Lee; editing by Tom Ray", "staff credit"),
        ("Sign up for our morning newsletter and get the news delivered to your inbox.", "newsletter prompt"),
        ("We use cookies to improve your experience. Accept all cookies", "cookie notice"),
        ("Share this article", "share prompt"),
        ("Advertisement", "advertisement marker"),
        ("© 2021 Example Media. All rights reserved.", "copyright notice"),
        ("Read more: Parliament delays vote on water bill", "related links"),
        ("Photo: A farmer checks an irrigation channel near the river", "photo credit"),
        ("Published: 12 March 2021, 09:30 GMT", "timestamp line"),
        ("By Ann Lee and Tom Ray, Staff Writers", "byline"),
        ("By Maria de la Cruz | Regional correspondent", "byline"),
        ("Updated May 21, 2020 at 10:14 a.m.", "timestamp line"),
    ],
)
def test_clean_boilerplate_removes_each_kind_mid_article(line, reason):
    article = _clean(NEWS[:2] + [line] + NEWS[2:])
    assert _removed_reasons(article) == [reason]
    assert article.text == "\n\n".join(NEWS)


def test_clean_boilerplate_related_list_header_takes_its_items():
    related = ["Related stories", "Drought hits southern reservoirs", "Farmers protest water limits"]
    article = _clean(NEWS[:2] + related + NEWS[2:])
    assert article.text == "\n\n".join(NEWS)
    [span] = article.removed
    assert span.reason == "related links" and span.text == "\n".join(related)


@pytest.mark.parametrize(
    "news_line",
    [
        "The newspaper said its subscribers had fallen by a third since the paywall was introduced in 2019.",
        "The charity said a donation from the foundation would pay for two new ambulances in the district.",
        "Officials said the community would be consulted before the support package was announced.",
        "Read the full statement, the ministry said on its website, as protests continued outside.",
        "Published figures from 12 March 2021 show the reservoir at a third of its capacity.",
        "The photo agency said its images of the protest had been shared widely online.",
        "By the end of the week, officials said, the reservoir would be refilled.",
        "By Tuesday the road had reopened.",
        "The UN appealed for funds to support the relief work in the flooded districts.",
        "The foundation will make a donation to the hospital, its chairman said on Monday.",
        "The company said subscribers could now watch matches ad-free for $5 a month, half the old price.",
    ],
)
def test_clean_boilerplate_news_that_mentions_cue_words_stays(news_line):
    article = _clean(NEWS + [news_line])
    assert article.removed == ()


def test_clean_boilerplate_long_paragraph_needs_more_cues():
    long_news = ("The broadcaster said it would make a donation to the relief fund. " * 8).strip()
    assert sum(score_paragraph(long_news).values()) < 1.0


def test_clean_boilerplate_offsets_point_into_the_raw_text():
    raw_text = "\n\n".join(NEWS[:2] + ["Share this article"] + NEWS[2:])
    article = clean(RawDocument(source="t.txt", text=raw_text, format="text"))
    [span] = article.removed
    assert raw_text[span.start : span.end] == span.text == "Share this article"


def test_clean_boilerplate_reported_speech_quoting_an_appeal_stays():
    from storyline.ingest.boilerplate import score_paragraph

    # News about an appeal names who made it; the appeal itself speaks to the reader.
    news = "Thank you for reading was printed on its front page in protest, the editor said."
    assert sum(score_paragraph(news).values()) < 1.0
    assert sum(score_paragraph("Thank you for reading.").values()) >= 1.0
    assert sum(score_paragraph("Thank you for reading, and for your support. Donate today.").values()) >= 1.0
