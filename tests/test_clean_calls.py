"""Calls to action and page furniture found by their form (an imperative the
reader is asked to carry out, about a newsletter, money, a platform; copyright
lines; a list of headlines ending the article), never by a list of strings;
and news that merely mentions donating, following or signing up stays."""

from __future__ import annotations

import pytest

from storyline.clean import clean
from storyline.ingest.boilerplate import call_to_action
from storyline.models import RawDocument

NEWS = [
    "The port authority reopened the northern terminal on Wednesday after a week of repairs to its cranes.",
    "Shipping agents said the backlog of grain vessels would take at least a fortnight to clear.",
    "The harbour master said inspections would continue at the usual pace through the end of the month.",
]


def _clean(paragraphs: list[str]):
    return clean(RawDocument(source="t.txt", text="\n".join(paragraphs), format="text"))


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            "Get the harbour newsletter: sign up with your email and we will send the week's news every Friday.",
            "newsletter prompt",
        ),
        ("Sign up for our free morning briefing.", "newsletter prompt"),
        ("Enjoyed this story? Subscribe to The Coastal Courier for unlimited access.", "newsletter prompt"),
        ("Support us from just $1 – it only takes a minute. Thank you.", "publisher appeal"),
        ("You can also donate to keep our reporting free for everyone.", "publisher appeal"),
        ("Please consider making a contribution to support our newsroom.", "publisher appeal"),
        ("Follow us on Instagram and Telegram.", "follow prompt"),
        ("Download our app to get breaking news alerts.", "follow prompt"),
        ("Copyright 2023 Coastal Courier Media", "copyright notice"),
        ("This material may not be published, broadcast, rewritten or redistributed.", "copyright notice"),
    ],
)
def test_clean_calls_removed_by_form_anywhere(line, reason):
    article = _clean(NEWS[:2] + [line] + NEWS[2:])
    assert [span.reason for span in article.removed] == [reason]
    assert article.removed[0].text == line
    assert article.text == "\n\n".join(NEWS)


@pytest.mark.parametrize(
    "news_line",
    [
        "The group urged supporters to donate blood at the city hospital.",
        "He followed the talks from Geneva.",
        "Support for the measure grew after the floods, a poll showed.",
        "Follow-up talks are planned for June.",
        "Sign-ups for the vaccine doubled in March.",
        '"Donate what you can," the mayor told residents on Friday.',
        "Donations to the relief fund reached $2 million, the charity said.",
        "Subscribers to the service paid $10 a month before the price rise.",
        "Join the protest, organisers told residents on Facebook.",
        "Like many farmers, he sold his harvest to the state for $1 a kilo.",
        "Download speeds on the new app rose by a fifth in 2022.",
        "Share prices fell 3 percent on Monday.",
        "Copyright law was changed in 2019, when parliament passed the reform.",
        "Making a donation to the hospital, the foundation said it hoped to help.",
        "Follow the money.",
        "Help arrived on Tuesday.",
    ],
)
def test_clean_calls_news_that_mentions_calls_stays(news_line):
    for where in (NEWS[:2] + [news_line] + NEWS[2:], NEWS + [news_line]):  # mid-article and last
        assert _clean(where).removed == (), news_line


def test_clean_calls_short_call_counts_only_at_the_end():
    assert call_to_action("Join us.") == ("call to action", 0.5)
    middle = _clean(NEWS[:2] + ["Join us."] + NEWS[2:])
    assert middle.removed == ()
    end = _clean(NEWS + ["Join us.", "Stay tuned."])
    assert [span.reason for span in end.removed] == ["call to action"]
    assert end.removed[0].text == "Join us.\nStay tuned."


def test_clean_calls_headline_list_ending_the_article_is_related_links():
    headlines = [
        "Grain exports from the southern ports hit a record",
        "Why insurers are wary of the Black Sea route",
        "- Dockworkers vote on a new pay deal",
    ]
    article = _clean(NEWS + headlines)
    assert article.text == "\n\n".join(NEWS)
    [span] = article.removed
    assert span.reason == "related links" and span.text == "\n".join(headlines)


def test_clean_calls_two_short_closing_lines_are_the_story_s_own():
    closing = ["Talks with the unions resume on Monday", "A vote is expected in June"]
    assert _clean(NEWS + closing).removed == ()
    # Headline-shaped lines in the middle are not a list of other stories.
    assert _clean(NEWS[:1] + ["Cranes back in service at the northern terminal"] * 3 + NEWS[1:]).removed == ()


def test_clean_calls_furniture_after_a_call_and_a_list_goes_in_one_clean():
    ending = [
        "Join us.",
        "Ports reopen across the region after the storm",
        "Insurers cut premiums for the Black Sea route",
        "Grain prices fall for a third week",
    ]
    article = _clean(NEWS + ending)
    assert article.text == "\n\n".join(NEWS)
    again = clean(RawDocument(source="t.txt", text=article.text, format="text"))
    assert again.removed == ()
