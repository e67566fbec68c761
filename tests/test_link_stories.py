"""Story clustering of articles from their words."""

from __future__ import annotations

from storyline.link.stories import cluster_articles
from storyline.models import Article


def make(text: str, title: str = "") -> Article:
    return Article(id=Article.make_id(text), source="x", text=text, title=title)


def test_stories_group_articles_by_their_distinctive_words():
    quake = [
        make(
            "A strong earthquake struck the coastal province of Meridia, toppling buildings in Portvale. "
            "Rescuers searched the rubble in Portvale after the earthquake."
        ),
        make(
            "Rescue teams in Portvale pulled survivors from the rubble after the Meridia earthquake, "
            "officials in the province said."
        ),
        make("The death toll from the earthquake in Meridia rose as rescuers in Portvale kept digging."),
    ]
    vote = [
        make("Voters in Larkland elected a new parliament on Sunday; the Larkland election turnout was high."),
        make("The Larkland election count showed the opposition winning most parliament seats."),
    ]
    # other news makes the story words rare, as they are in a real corpus
    other = [
        make(f"Item {i}: the {w} market reported {w} prices; traders in {w} expect change.")
        for i, w in enumerate(["copper", "wheat", "cotton", "coffee", "timber", "salt"])
    ]
    story = cluster_articles(quake + vote + other, threshold=0.1)
    assert len({story[a.id] for a in quake}) == 1
    assert len({story[a.id] for a in vote}) == 1
    assert story[quake[0].id] != story[vote[0].id]


def test_stories_ids_do_not_depend_on_input_order():
    articles = [make(f"Report {i} on the Meridia earthquake and rescuers in Portvale.") for i in range(5)]
    assert cluster_articles(articles) == cluster_articles(list(reversed(articles)))
