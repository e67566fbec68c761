"""Every view lists the same events in the same order and says the same about them.

A tiny database written by hand holds what the real pipeline produces and
the fixture in views_fixtures.py does not: an event known only to have
happened by a day (PAST_REF), an undated event, an actor list whose second
member has no country, and sentences that keep the paragraph break after them.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from storyline.models import (
    ActorRef,
    Article,
    ArticleAnalysis,
    Event,
    EventMention,
    LinkResult,
    Statement,
    Storyline,
    TimeValue,
    stable_id,
)
from storyline.store import Store
from storyline.views.contract import export_document
from storyline.views.exports import export_csv, export_plover, export_timelinejs
from storyline.views.report import report_model
from storyline.views.show import event_detail, render_event
from storyline.views.timeline import TimelineFilter, render, timeline_rows

TEXT = (
    "Ghana and the African Union signed a fisheries pact on Monday.\n\n"
    "Ghana had earlier seized two trawlers.\n\n"
    "Ghana will review the pact.\n\n"
    "The minister called the old pact “void” and said Ghana would not pay. "
    "An aide said “talks go on”.\n\n"
)


def _actor(name, country, sector, text=None):
    return ActorRef(
        name=name,
        text=text or name,
        start=0,
        end=len(text or name),
        country=country,
        sector=sector,
        kind="state",
        resolved=True,
    )


GHANA = _actor("Ghana", "GHA", "GOV")
UNION = _actor("African Union", None, "IGO")  # no country: an organisation of many
TRAWLERS = _actor("trawlers", None, None)
ACCRA = _actor("Ghana", "GHA", "GOV", text="Accra")  # the government, named by its capital
MINISTER = _actor("Fisheries minister", "GHA", "GOV")


def _mention(article: Article, trigger: str, type_: str, time, sources, targets) -> EventMention:
    at = article.text.index(trigger)
    start = article.text.rfind("\n\n", 0, at)
    start = 0 if start < 0 else start + 2
    end = article.text.index("\n\n", at) + 2  # the break stays, as spaCy's sentences keep it
    return EventMention(
        id=stable_id("em", article.id, at, type_),
        article_id=article.id,
        type=type_,
        cameo=None,
        mode=None,
        modality="asserted",
        trigger_start=at,
        trigger_end=at + len(trigger),
        trigger=trigger,
        lemma=trigger,
        sentence_start=start,
        sentence_end=end,
        sentence=article.text[start:end],
        sources=tuple(sources),
        targets=tuple(targets),
        location=None,
        time=time,
        confidence=0.9,
        summary=f"{sources[0].name} {trigger}",
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    article = Article(
        id=Article.make_id(TEXT),
        source="ghana.txt",
        text=TEXT,
        title="Fisheries pact",
        published=TimeValue("2021-06-09", date(2021, 6, 9), date(2021, 6, 9), "day", "header"),
    )
    signed = _mention(
        article,
        "signed",
        "AGREE",
        TimeValue("2021-06-07", date(2021, 6, 7), date(2021, 6, 7), "day", "relative"),
        [GHANA, UNION],
        [],
    )
    seized = _mention(
        article,
        "seized",
        "COERCE",
        TimeValue("PAST_REF", None, date(2021, 6, 9), "unknown", "relative"),
        [GHANA],
        [TRAWLERS],
    )
    review = _mention(article, "review", "CONSULT", None, [ACCRA], [UNION, GHANA])

    def event(eid, m):
        return Event(
            id=eid,
            type=m.type,
            cameo=None,
            mode=None,
            modality=m.modality,
            time=m.time,
            sources=m.sources,
            targets=m.targets,
            location=None,
            summary=m.summary,
            mention_ids=(m.id,),
            source_count=1,
            storyline="st_fish",
        )

    def said(words, kind, time):
        at = TEXT.index(words)
        return Statement(
            id=stable_id("sm", article.id, at),
            article_id=article.id,
            speaker=MINISTER,
            words=words,
            start=at,
            end=at + len(words),
            kind=kind,
            cue="said",
            time=time,
        )

    statements = (
        said("“void”", "quote", None),
        said("Ghana would not pay", "paraphrase", TimeValue("PAST_REF", None, date(2021, 6, 9))),
        said("“talks go on”", "quote", TimeValue("2021-06-08", date(2021, 6, 8), date(2021, 6, 8), "day")),
    )
    # Ids chosen so that id order is neither date order nor the store's order.
    events = (event("ev_a_undated", review), event("ev_b_signed", signed), event("ev_c_seized", seized))
    story = Storyline("st_fish", "Ghana fisheries", tuple(e.id for e in events))
    path = tmp_path_factory.mktemp("consistency") / "c.duckdb"
    with Store(path) as store:
        store.write_analyses([ArticleAnalysis(article, (), (signed, seized, review), statements)])
        store.replace_links(LinkResult(events, (story,), ()))
    return path


DATE_ORDER = ["ev_c_seized", "ev_b_signed", "ev_a_undated"]  # by 2021-06-09 at the latest, 06-07, undated


def _text(write, store) -> str:
    out = io.StringIO()
    write(store, out)
    return out.getvalue()


def test_views_consistency_every_view_lists_events_in_date_order(db):
    # "Seized, at the latest on 2021-06-09" is a dated bound: it sorts by that
    # day, before the day after it and never among the undated.
    with Store(db, read_only=True) as store:
        timeline = [r["id"] for r in timeline_rows(store.events(), store.storylines(), TimelineFilter())]
        contract = [e["id"] for e in export_document(store)["events"]]
        flat = [r["id"] for r in csv.DictReader(io.StringIO(_text(export_csv, store)))]
        plover = [json.loads(line)["id"] for line in _text(export_plover, store).splitlines()]
        report = [e["id"] for e in report_model(store)["events"]]
    assert timeline == ["ev_b_signed", "ev_c_seized", "ev_a_undated"]
    assert contract == flat == plover == report == timeline


def test_views_consistency_table_shows_bounded_dates_whole(db):
    with Store(db, read_only=True) as store:
        table = render(timeline_rows(store.events(), store.storylines(), TimelineFilter()), "table")
    assert "≤ 2021-06-09" in table and "…" not in table.split("\n")[3][:24]


def test_views_consistency_csv_actor_lists_are_parallel(db):
    with Store(db, read_only=True) as store:
        rows = {r["id"]: r for r in csv.DictReader(io.StringIO(_text(export_csv, store)))}
    signed = rows["ev_b_signed"]
    assert signed["actors"] == "Ghana; African Union"
    assert signed["actor_countries"] == "GHA; "  # the Union's unknown country keeps its place
    assert signed["actor_sectors"] == "GOV; IGO"
    undated = rows["ev_a_undated"]
    assert undated["targets"] == "African Union; Ghana" and undated["target_countries"] == "; GHA"
    seized = rows["ev_c_seized"]
    assert seized["targets"] == "trawlers" and seized["target_countries"] == "" and seized["target_sectors"] == ""


def test_views_consistency_evidence_is_one_line(db):
    with Store(db, read_only=True) as store:
        flat = list(csv.DictReader(io.StringIO(_text(export_csv, store))))
        plover = [json.loads(line) for line in _text(export_plover, store).splitlines()]
        timelinejs = json.loads(_text(export_timelinejs, store))
    assert {r["evidence"] for r in flat} >= {"Ghana and the African Union signed a fisheries pact on Monday."}
    assert all("\n" not in r["evidence"] for r in flat)
    assert all("\n" not in p["text"] for p in plover)
    assert all("\n" not in e["text"]["text"] for e in timelinejs["events"])


def test_views_consistency_plover_date_is_a_date_or_unknown(db):
    with Store(db, read_only=True) as store:
        plover = {p["id"]: p for p in map(json.loads, _text(export_plover, store).splitlines())}
    assert plover["ev_b_signed"]["date"] == "2021-06-07"
    # PAST_REF is no calendar date; the bound it carries is in date_latest.
    assert plover["ev_c_seized"]["date"] == "XXXX-XX-XX"
    assert plover["ev_c_seized"]["date_latest"] == "2021-06-09"
    assert plover["ev_a_undated"]["date"] == "XXXX-XX-XX"


def test_views_consistency_timelinejs_marks_a_bound_as_a_bound(db):
    with Store(db, read_only=True) as store:
        slides = {e["unique_id"]: e for e in json.loads(_text(export_timelinejs, store))["events"]}
    assert slides["ev_c_seized"]["display_date"] == "≤ 2021-06-09"
    assert "display_date" not in slides["ev_b_signed"]
    assert "ev_a_undated" not in slides


def test_views_consistency_show_reads_open_bounds_and_one_line_quotes(db):
    with Store(db, read_only=True) as store:
        seized = render_event(event_detail(store, store.event("ev_c_seized")))
        undated = render_event(event_detail(store, store.event("ev_a_undated")))
    assert "None" not in seized
    assert "date:    PAST_REF  [… .. 2021-06-09], relative" in seized
    assert '      "Ghana had earlier [seized] two trawlers."\n' in seized
    assert "date:    undated" in undated


def test_views_consistency_statements_quote_only_quotes_and_only_once(db):
    from fastapi.testclient import TestClient

    from storyline.views.web import create_app

    with Store(db, read_only=True) as store:
        (speaker,) = report_model(store)["speakers"]
    said = [(s["words"], s["quoted"], s["date"]) for s in speaker["said"]]
    # The article's own quotation marks go (the page sets quotes in <q>); a
    # paraphrase is the reporter's wording and is never dressed as a quote;
    # "≤ 2021-06-09" sorts by that day, before the next day, not after it.
    assert said == [
        ("talks go on", True, "2021-06-08"),
        ("Ghana would not pay", False, "≤ 2021-06-09"),
        ("void", True, "undated"),
    ]
    html = TestClient(create_app(str(db))).get("/statements").text
    assert "<q>void</q>" in html and "<q>talks go on</q>" in html
    assert '<span class="paraphrase">Ghana would not pay</span>' in html and "<q>Ghana" not in html


def test_views_consistency_report_actor_filter_finds_what_the_timeline_finds(db):
    # `timeline --actor` (and the web app) also search the words the article
    # used; the report's filter searched canonical names only.
    with Store(db, read_only=True) as store:
        cli = {r["id"] for r in timeline_rows(store.events(), store.storylines(), TimelineFilter(actor="accra"))}
        report = {e["id"] for e in report_model(store)["events"] if "accra" in e["actor_key"]}
    assert cli == report == {"ev_a_undated"}


def test_views_consistency_storylines_are_listed_busiest_first_everywhere(tmp_path):
    from fastapi.testclient import TestClient

    from storyline.views.web import create_app

    from dataclasses import replace

    from views_fixtures import build_records

    # The busiest storyline gets the id that sorts last, so id order is not busiest-first.
    analyses, links = build_records()
    rename = {"st_coordination": "st_z_coordination"}
    events = [replace(e, storyline=rename.get(e.storyline, e.storyline)) for e in links.events]
    stories = [replace(s, id=rename.get(s.id, s.id)) for s in links.storylines]
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.write_analyses(analyses)
        store.replace_links(LinkResult(tuple(events), tuple(stories), links.contradictions))
    with Store(db, read_only=True) as store:
        model = report_model(store)
    lanes = [lane["id"] for lane in model["timeline"]["lanes"] if lane["id"]]
    assert lanes == [s["id"] for s in model["storylines"]] == [sid for sid, _ in model["options"]["storylines"]]
    assert lanes == ["st_z_coordination", "st_jenin"]  # 5 events, then 3
    client = TestClient(create_app(str(db)))
    for path in ("/storylines", "/"):
        page = client.get(path).text
        assert page.index("st_z_coordination") < page.index("st_jenin"), path


def test_views_consistency_gdelt_tsv_has_no_quoting(tmp_path):
    from storyline.views.exports import export_gdelt

    text = 'The "Azov" regiment shelled the port on Monday.\n\n'
    article = Article(id=Article.make_id(text), source='feeds/"quoted".txt', text=text, title=None)
    regiment = _actor('the "Azov" regiment', "UKR", "MIL")
    m = _mention(
        article,
        "shelled",
        "ASSAULT",
        TimeValue("2022-05-02", date(2022, 5, 2), date(2022, 5, 2), "day", "relative"),
        [regiment],
        [],
    )
    event = Event(
        id="ev_q",
        type="ASSAULT",
        cameo=None,
        mode=None,
        modality="asserted",
        time=m.time,
        sources=m.sources,
        targets=(),
        location=None,
        summary="shelling",
        mention_ids=(m.id,),
        source_count=1,
        storyline=None,
    )
    with Store(tmp_path / "q.duckdb") as store:
        store.write_analyses([ArticleAnalysis(article, (), (m,), ())])
        store.replace_links(LinkResult((event,), (), ()))
    with Store(tmp_path / "q.duckdb", read_only=True) as store:
        header, row = _text(export_gdelt, store).splitlines()
    # GDELT readers split on tabs and read quotes as data: '"the ""Azov"" regiment"' was written.
    cells = dict(zip(header.split("\t"), row.split("\t")))
    assert cells["Actor1Name"] == 'the "Azov" regiment'
    assert cells["SOURCEURL"] == 'feeds/"quoted".txt'


def test_views_consistency_report_colours_by_the_exports_quad_class():
    from storyline.views.exports import quad_class
    from storyline.views.report import _event_item

    request = Event(
        id="ev_r",
        type="REQUEST",
        cameo="020",
        mode=None,
        modality="asserted",
        time=None,
        sources=(GHANA,),
        targets=(),
        location=None,
        summary="Ghana appeals",
        mention_ids=(),
        source_count=1,
        storyline=None,
    )
    # CAMEO 02 (appeal) is verbal cooperation in GDELT and in the CSV export;
    # the report coloured and counted it as verbal conflict (PLOVER's REQUEST).
    assert _event_item(request, {}, {}, {})["quad"] == quad_class("REQUEST", "020") == 1


def test_views_consistency_web_statements_page_in_date_order(db):
    from fastapi.testclient import TestClient

    from storyline.views.web import create_app

    html = TestClient(create_app(str(db))).get("/statements").text
    # As the report lists them: 2021-06-08, then "≤ 2021-06-09", then undated.
    assert html.index("talks go on") < html.index("Ghana would not pay") < html.index("void")
