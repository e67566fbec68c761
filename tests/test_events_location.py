"""Where an event happened needs support: landmarks and institutions are not
towns, and a small town or a town's other name is placed only when the text
names its country (directly, as a people, through a known city or an actor)."""

from __future__ import annotations

from storyline.actors.gazetteer import is_landmark_name, lookup_place, match_place
from storyline.events import extract
from storyline.models import Article


def locations(nlp, text: str) -> list[tuple[str, str | None]]:
    article = Article(id=Article.make_id(text), source="t.txt", text=text)
    mentions, _ = extract(article, nlp(text), ())
    # (a reference names a happening the text tells elsewhere: "the largest rally in the United States")
    return [(m.location.name, m.location.country) for m in mentions if m.location is not None and not m.reference]


def test_actors_gazetteer_landmarks_and_institutions_are_not_towns():
    # "White House" is an alternate name of Casablanca (Dar el Beida).
    assert lookup_place("White House") is None
    for name in ("Downing Street", "the Foreign Office", "Tahrir Square", "Parliament", "Kremlin"):
        assert is_landmark_name(name) and match_place(name) is None, name
    assert not is_landmark_name("Casablanca") and lookup_place("Casablanca").country == "MAR"
    assert lookup_place("West Bank").country == "PSE"  # listed places keep their coordinates


def test_events_location_white_house_is_not_casablanca(nlp):
    for text in (
        "Biden met Zelensky at the White House on Thursday.",
        "Trump signed the order at the White House on Friday.",
    ):
        assert locations(nlp, text) == [], text  # was Casablanca, MAR


def test_events_location_small_town_needs_its_country_in_the_text(nlp):
    # Whitehall and Westminster are also towns in Ohio and Colorado.
    london = "Thousands of protesters marched in Whitehall on Saturday against the new law."
    assert locations(nlp, london) == []
    ohio = (
        "Thousands of protesters marched in Whitehall on Saturday against the new law, "
        "the largest rally in the United States this year."
    )
    assert locations(nlp, ohio) == [("Whitehall", "USA")]


def test_events_location_known_city_and_country_stand_alone(nlp):
    assert ("Istanbul", "TUR") in locations(nlp, "Delegations met in Istanbul on Friday to discuss grain exports.")
    assert ("Odesa", "UKR") in locations(nlp, "Unidentified gunmen attacked a checkpoint in Odesa on Sunday.")
    assert locations(nlp, "Police arrested two men in Jenin on Monday.") == [("Jenin", "PSE")]  # listed


def test_events_location_among_towns_of_one_name_the_text_chooses(nlp):
    # "Odessa" is first a town in Texas; a story that names Ukrainians means Odesa.
    assert locations(nlp, "Protesters rallied in Odessa on Sunday.") == []
    assert locations(nlp, "Ukrainian officials said protesters rallied in Odessa on Sunday.") == [("Odesa", "UKR")]
