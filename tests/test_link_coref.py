"""Event coreference, events, storylines and episodes on hand-built mentions
modelled on the seed story (no seed text is copied)."""

from __future__ import annotations

import random
from datetime import date

from storyline.link import link
from storyline.link.coref import candidate_pairs, cluster_mentions
from storyline.models import ActorRef, Article, EventMention, TimeValue, stable_id

ABBAS = ActorRef(name="Mahmoud Abbas", text="Abbas", start=0, end=5, country="PSE", sector="GOV", resolved=True)
PA = ActorRef(name="Palestinian Authority", text="the PA", start=0, end=6, country="PSE", sector="GOV", resolved=True)
ISRAEL = ActorRef(name="Israel", text="Israel", start=40, end=46, country="ISR", sector="GOV", resolved=True)
HAMAS = ActorRef(name="Hamas", text="Hamas", start=0, end=5, country="PSE", sector="REB", resolved=True)


def day(value: str, basis: str = "relative") -> TimeValue:
    d = date.fromisoformat(value)
    return TimeValue(value=value, earliest=d, latest=d, precision="day", basis=basis)


def month(value: str) -> TimeValue:
    y, m = map(int, value.split("-"))
    last = (date(y + (m == 12), m % 12 + 1, 1) - date(y, m, 1)).days
    return TimeValue(value=value, earliest=date(y, m, 1), latest=date(y, m, last), precision="month")


def year(value: str) -> TimeValue:
    y = int(value)
    return TimeValue(value=value, earliest=date(y, 1, 1), latest=date(y, 12, 31), precision="year")


def article(key: str, publisher: str | None = None, published: str | None = None) -> Article:
    text = f"article {key}"
    return Article(
        id=Article.make_id(text),
        source=f"{key}.txt",
        text=text,
        publisher=publisher,
        published=day(published, "header") if published else None,
    )


def mention(
    art: Article,
    start: int,
    lemma: str,
    when: TimeValue | None,
    sentence: str,
    *,
    type: str = "SANCTION",
    modality: str = "announced",
    sources=(ABBAS,),
    targets=(ISRAEL,),
    summary: str = "",
) -> EventMention:
    return EventMention(
        id=stable_id("em", art.id, start, type),
        article_id=art.id,
        type=type,
        cameo="1622",
        mode="discontinue",
        modality=modality,
        trigger_start=start,
        trigger_end=start + len(lemma),
        trigger=lemma,
        lemma=lemma,
        sentence_start=start - 10,
        sentence_end=start + len(sentence),
        sentence=sentence,
        sources=tuple(sources),
        targets=tuple(targets),
        time=when,
        confidence=0.8,
        summary=summary,
    )


A2020 = article("a2020", publisher="Daily A", published="2020-05-21")
B2020 = article("b2020", publisher="Wire B", published="2020-05-20")
A2015 = article("a2015", publisher="Daily A", published="2015-03-06")
A2023 = article("a2023", publisher="Wire B", published="2023-01-27")


def abbas_2020() -> list[EventMention]:
    return [
        mention(
            A2020,
            100,
            "end",
            day("2020-05-19"),
            "Abbas declared on Tuesday an end to security coordination with Israel.",
            summary="Mahmoud Abbas declares an end to security coordination with Israel",
        ),
        mention(
            B2020,
            50,
            "halt",
            month("2020-05"),
            "The Palestinian leadership said it would halt all security coordination with Israel this month.",
            modality="reported",
            sources=(PA,),
        ),
    ]


def episodes() -> list[EventMention]:
    return abbas_2020() + [
        mention(
            A2015,
            80,
            "suspend",
            year("2015"),
            "The Palestinians decided in 2015 to suspend security coordination with Israel.",
            sources=(PA,),
        ),
        mention(
            A2023,
            60,
            "end",
            day("2023-01-26"),
            "The Palestinian Authority announced on Thursday it was ending security coordination with Israel.",
            sources=(PA,),
        ),
    ]


def test_coref_merges_one_happening_across_articles():
    result = link([A2020, B2020], abbas_2020(), [])
    assert len(result.events) == 1
    event = result.events[0]
    assert len(event.mention_ids) == 2
    assert event.source_count == 2
    # the most precise consistent date wins over the month
    assert event.time.value == "2020-05-19"
    # type, modality and summary come from the best (asserted/announced) mention
    assert event.modality == "announced"
    assert event.summary == "Mahmoud Abbas declares an end to security coordination with Israel"
    assert event.storyline is not None


def test_coref_keeps_episodes_separate_and_links_them():
    result = link([A2015, A2020, B2020, A2023], episodes(), [])
    assert len(result.events) == 3
    dates = sorted(e.time.value for e in result.events)
    assert dates == ["2015", "2020-05-19", "2023-01-26"]
    assert len(result.storylines) == 1
    story = result.storylines[0]
    assert story.label
    assert len(story.episodes) == 1
    by_id = {e.id: e for e in result.events}
    assert [by_id[i].time.value for i in story.episodes[0]] == ["2015", "2020-05-19", "2023-01-26"]


def test_coref_never_merges_plan_into_fact_of_another_time():
    plan = mention(
        B2020,
        300,
        "end",
        month("2020-06"),
        "Abbas will end security coordination with Israel in June.",
        modality="planned",
    )
    undated_threat = mention(
        B2020, 400, "end", None, "Abbas threatened to end security coordination with Israel.", modality="threatened"
    )
    groups = cluster_mentions(abbas_2020() + [plan, undated_threat])
    assert len(groups) == 2
    for group in groups:
        modalities = {m.modality for m in group}
        # the two irrealis reports may be one intention, but never part of the declaration
        assert modalities <= {"planned", "threatened"} or not modalities & {"planned", "threatened"}


def test_coref_negated_report_stays_apart():
    denial = mention(
        B2020,
        500,
        "end",
        day("2020-05-19"),
        "Officials said Abbas did not end security coordination with Israel.",
        modality="negated",
    )
    groups = cluster_mentions(abbas_2020() + [denial])
    assert [denial] in groups


def test_coref_different_types_or_actors_stay_apart():
    other = mention(
        B2020,
        600,
        "attack",
        day("2020-05-19"),
        "Hamas fired rockets at Israel on Tuesday.",
        type="ASSAULT",
        sources=(HAMAS,),
    )
    assert len(cluster_mentions(abbas_2020() + [other])) == 2


def test_link_is_deterministic_and_independent_of_input_order():
    mentions = episodes()
    articles = [A2015, A2020, B2020, A2023]
    first = link(articles, mentions, [])
    shuffled = mentions[:]
    random.Random(7).shuffle(shuffled)
    second = link(list(reversed(articles)), shuffled, [])
    assert first == second
    assert [e.id for e in first.events] == [e.id for e in second.events]


def test_link_reformatted_copy_gives_no_duplicate_events():
    original = episodes()
    copies = {
        A2015: article("a2015-copy"),
        A2020: article("a2020-copy"),
        B2020: article("b2020-copy"),
        A2023: article("a2023-copy"),
    }
    by_id = {a.id: copy for a, copy in copies.items()}
    duplicated = []
    for m in original:
        copy = by_id[m.article_id]
        # the copy lost its dateline, so relative dates could not be resolved
        duplicated.append(
            mention(
                copy,
                m.trigger_start + 7,
                m.lemma,
                None if m.time.precision == "day" else m.time,
                m.sentence.replace(" ", "  "),
                modality=m.modality,
                sources=m.sources,
                summary=m.summary,
            )
        )
    single = link(list(copies), original, [])
    double = link(list(copies) + list(copies.values()), original + duplicated, [])
    assert len(double.events) == len(single.events) == 3
    assert sorted(e.time.value for e in double.events) == ["2015", "2020-05-19", "2023-01-26"]


def test_link_source_count_counts_publishers_then_articles():
    second_from_a = article("a2020-second", publisher="Daily A")
    no_publisher = article("anon")
    extra = [
        mention(
            second_from_a,
            70,
            "end",
            day("2020-05-19"),
            "Abbas said the end of security coordination with Israel starts now.",
        ),
        mention(
            no_publisher,
            90,
            "terminate",
            day("2020-05-19"),
            "Abbas moved to terminate security coordination with Israel on Tuesday.",
        ),
    ]
    result = link([A2020, B2020, second_from_a, no_publisher], abbas_2020() + extra, [])
    assert len(result.events) == 1
    # Daily A twice, Wire B, and one article with no known publisher
    assert result.events[0].source_count == 3


def test_link_source_count_reprints_without_publisher_count_once():
    sentence = "Abbas moved to terminate security coordination with Israel on Tuesday."
    first, revised, other = article("anon"), article("anon-updated"), article("anon-other")
    extra = [
        mention(first, 90, "terminate", day("2020-05-19"), sentence),
        # the same story again, as a revised copy: the same sentence reports it
        mention(revised, 95, "terminate", day("2020-05-19"), sentence),
        mention(revised, 300, "end", day("2020-05-19"), "Abbas said the coordination with Israel was over."),
        # another unattributed article in its own words is another witness
        mention(other, 40, "end", day("2020-05-19"), "Abbas ended security coordination with Israel on Tuesday."),
    ]
    result = link([A2020, B2020, first, revised, other], abbas_2020() + extra, [])
    assert len(result.events) == 1
    # Daily A, Wire B, the story and its revised copy once, the other article
    assert result.events[0].source_count == 4


def test_blocking_compares_each_mention_with_a_bounded_window():
    many = [
        mention(article(f"x{i}"), 10, "end", day(f"2020-05-{1 + i % 28:02d}"), f"Abbas ended coordination number {i}.")
        for i in range(300)
    ]
    pairs = candidate_pairs(many, window=10)
    # three kinds of block, each adds at most n × window pairs
    assert len(pairs) <= 3 * 300 * 10
    assert len(pairs) < 300 * 299 / 2


def test_link_storylines_join_events_of_one_article_sharing_an_actor():
    meeting = mention(
        A2020,
        900,
        "meet",
        day("2020-05-19"),
        "Abbas met the leadership in Ramallah before the declaration about Israel.",
        type="CONSULT",
        sources=(ABBAS,),
        targets=(),
    )
    unrelated = mention(
        article("other"),
        30,
        "attack",
        day("2020-05-19"),
        "Hamas attacked a post.",
        type="ASSAULT",
        sources=(HAMAS,),
        targets=(),
    )
    result = link([A2020, B2020], abbas_2020() + [meeting, unrelated], [])
    assert len(result.events) == 3
    assert len(result.storylines) == 2
    story_of = {e.id: e.storyline for e in result.events}
    by_type = {e.type: e.id for e in result.events}
    assert story_of[by_type["CONSULT"]] == story_of[by_type["SANCTION"]] != story_of[by_type["ASSAULT"]]


def test_coref_different_verbs_for_one_act_on_one_object_merge():
    # made up: a country leaves a treaty, reported with three verbs; a year
    # earlier it suspended the same treaty, which stays a happening of its own
    land = ActorRef(name="Freedonia", text="Freedonia", start=0, end=9, country="FRD", sector="GOV", resolved=True)
    one, two, three = article("t1"), article("t2"), article("t3")
    reports = [
        mention(
            one,
            50,
            "refuse",
            day("2021-03-02"),
            "Freedonia refused to renew the fishing treaty on Tuesday.",
            sources=(land,),
            targets=(),
            modality="asserted",
            summary="Freedonia refuses to renew the fishing treaty",
        ),
        mention(
            two,
            60,
            "pull",
            day("2021-03-02"),
            "Freedonia pulled out of the fishing pact this week.",
            sources=(land,),
            targets=(),
            modality="asserted",
            summary="Freedonia pulls out of the fishing pact",
        ),
        mention(
            three,
            70,
            "leave",
            None,
            "Boats stayed home after Freedonia left the treaty.",
            sources=(land,),
            targets=(),
            modality="asserted",
            summary="Freedonia leaves the treaty",
        ),
    ]
    earlier = mention(
        one,
        90,
        "suspend",
        day("2020-02-10"),
        "Freedonia suspended the fishing treaty in 2020.",
        sources=(land,),
        targets=(),
        modality="asserted",
        summary="Freedonia suspends the fishing treaty",
    )
    groups = cluster_mentions([*reports, earlier])
    assert sorted(len(g) for g in groups) == [1, 3]
    assert [earlier] in groups
    # the same verbs on different objects stay apart
    other = mention(
        two,
        90,
        "pull",
        day("2021-03-02"),
        "Freedonia pulled out of the football league.",
        sources=(land,),
        targets=(),
        modality="asserted",
        summary="Freedonia pulls out of the football league",
    )
    assert [other] in cluster_mentions([reports[0], other])


def test_event_summary_from_a_dated_report_naming_what_the_others_name():
    from dataclasses import replace

    from storyline.link.events import best_mention

    land = ActorRef(name="Freedonia", text="Freedonia", start=0, end=9, country="FRD", sector="GOV", resolved=True)
    one, two, three = article("s1"), article("s2"), article("s3")
    dated = mention(
        one,
        50,
        "refuse",
        day("2021-03-02"),
        "Freedonia refused to renew the fishing treaty on Tuesday.",
        sources=(land,),
        targets=(),
        modality="asserted",
        summary="Freedonia refuses to renew the fishing treaty",
    )
    vague = mention(
        two,
        60,
        "pull",
        day("2021-03-02"),
        "Freedonia pulled out of the pact on Tuesday.",
        sources=(land,),
        targets=(),
        modality="asserted",
        summary="Freedonia pulls out of the pact",
    )
    # surer of itself, but undated: its words do not speak for the event
    undated = replace(
        mention(
            three,
            70,
            "leave",
            None,
            "Freedonia has left the fishing treaty.",
            sources=(land,),
            targets=(),
            modality="asserted",
            summary="Freedonia leaves the fishing treaty",
        ),
        confidence=0.95,
    )
    assert best_mention([undated, vague, dated]) is dated


def test_coref_undated_plans_on_one_object_need_more_than_the_object():
    land = ActorRef(name="Freedonia", text="Freedonia", start=0, end=9, country="FRD", sector="GOV", resolved=True)
    one, two = article("p1"), article("p2")
    plans = [
        mention(
            one,
            50,
            "resume",
            None,
            "Freedonia plans to resume its part in the fishing treaty.",
            sources=(land,),
            targets=(),
            modality="planned",
            summary="Freedonia plans to resume its part in the fishing treaty",
        ),
        mention(
            two,
            60,
            "return",
            None,
            "Freedonia would return to the treaty if its terms were met.",
            sources=(land,),
            targets=(),
            modality="planned",
            summary="Freedonia plans to return to the treaty",
        ),
    ]
    assert len(cluster_mentions(plans)) == 2


def _random_mentions(seed: int, count: int) -> list[EventMention]:
    """Mentions varied on everything the pair loop reads: types, trigger
    groups, parties (none, one side, both), dates (day, month, none),
    modalities, and reprints of one sentence in other articles."""
    rng = random.Random(seed)
    people = [ABBAS, PA, ISRAEL, HAMAS]
    lemmas = {"SANCTION": ["end", "halt", "suspend", "cut"], "CONSULT": ["meet", "talk"]}
    sentences = [f"Leaders said the coordination number {k} would stop." for k in range(6)]
    out = []
    for n in range(count):
        kind = rng.choice(sorted(lemmas))
        when = rng.choice([day(f"2020-05-{rng.randint(1, 28):02d}"), month("2020-05"), month("2020-06"), None])
        sources = tuple(rng.sample(people, rng.randint(0, 2)))
        targets = tuple(rng.sample(people, rng.randint(0, 1)))
        out.append(
            mention(
                article(f"r{n // 2}"),
                10 + 100 * (n % 2),
                rng.choice(lemmas[kind]),
                when,
                rng.choice(sentences),
                type=kind,
                sources=sources,
                targets=targets,
                modality=rng.choice(["asserted", "reported", "announced", "planned", "negated"]),
            )
        )
    return out


def test_link_coref_candidate_pairs_are_the_union_of_block_neighbours_each_once():
    from storyline.link.coref import MentionInfo, _sort_key, block_keys

    many = _random_mentions(7, 150)
    blocks: dict = {}
    for m in sorted(many, key=_sort_key):
        for key in block_keys(MentionInfo.of(m)):
            blocks.setdefault(key, []).append(m.id)
    expected = {
        tuple(sorted((a, b)))
        for members in blocks.values()
        for k, a in enumerate(members)
        for b in members[k + 1 : k + 4]
    }
    pairs = candidate_pairs(many, window=3)
    assert len(pairs) == len(set(pairs))
    assert set(pairs) == expected


def test_link_coref_average_linkage_keeps_one_strong_pair_from_chaining_two_clusters():
    from storyline.link.coref import MentionInfo, _average_link

    pieces = [mention(article(f"c{k}"), 10, "end", None, f"Sentence {k}.") for k in range(4)]
    infos = [MentionInfo.of(m) for m in pieces]
    # 0-1 and 2-3 are sure pairs; one strong pair 1-2 between the two clusters
    # is not enough: the average over the four cross pairs is 0.9 / 4
    scored = [(0, 1, 0.95, 0.0), (2, 3, 0.95, 0.0), (1, 2, 0.9, 0.0)]
    parent = _average_link(infos, scored, 0.5, set())
    assert parent[0] == parent[1] == 0 and parent[2] == parent[3] == 2
    # with every cross pair likely, the two clusters are one
    scored += [(0, 2, 0.8, 0.0), (0, 3, 0.8, 0.0), (1, 3, 0.8, 0.0)]
    assert set(_average_link(infos, scored, 0.5, set())) == {0}


def test_link_coref_explains_each_merged_event_with_its_strongest_pairs():
    result = link([A2020, B2020], abbas_2020(), [])
    (event,) = result.events
    assert event.links, "a merged event says which pair joined it"
    top = event.links[0]
    assert {top.first, top.second} == set(event.mention_ids)
    assert 0.5 <= top.score <= 1.0
    assert top.reasons and all(value > 0 for _, value in top.reasons)
    single = link([A2020], abbas_2020()[:1], [])
    assert single.events[0].links == ()
