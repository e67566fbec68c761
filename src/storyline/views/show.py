"""``storyline show``: one event with the evidence behind it."""

from __future__ import annotations

from ..errors import NotFoundError
from ..models import Event, Statement, Storyline
from ..serialize import loads
from ..time.dating_estimate import estimate_json, estimate_label
from .contract import date_json, event_json, statement_json
from .timeline import names


def find_event(store, record_id: str) -> Event:
    """An event by its id, or the event a mention id belongs to."""
    if record_id.startswith("em_"):
        rows = list(store.iter_rows("SELECT event_id FROM mentions WHERE id = ?", [record_id]))
        if not rows or rows[0][0] is None:
            raise NotFoundError(f"no linked mention with id {record_id} in {store.path}")
        record_id = rows[0][0]
    return store.event(record_id)


def event_detail(store, event: Event) -> dict:
    mentions = {m.id: m for m in store.mentions(event.mention_ids)}
    detail = event_json(event, mentions)
    for item in detail["mentions"]:
        article = store.article(item["article"])
        item["article_title"] = article.title
        item["article_path"] = article.source
        item["published"] = date_json(article.published)
        item["published_estimate"] = estimate_json(article.published_estimate)
    detail["why_merged"] = why_merged(event)
    detail["storyline_detail"] = storyline_detail(store, event)
    return detail


def why_merged(event: Event) -> list[dict]:
    """The strongest pairs of the event's mentions the linker scored, with
    the features that pushed each most (their share of the logit)."""
    return [
        {
            "mentions": [link.first, link.second],
            "score": link.score,
            "reasons": [{"feature": name, "weight": value} for name, value in link.reasons],
        }
        for link in event.links
    ]


def storyline_detail(store, event: Event) -> dict | None:
    """The storyline the event joined, and the series of recurring episodes
    it is one of (each episode's event id and date)."""
    if event.storyline is None:
        return None
    rows = list(store.iter_rows("SELECT record FROM storylines WHERE id = ?", [event.storyline]))
    if not rows:
        return None
    storyline = loads(Storyline, rows[0][0])
    series = [list(episode) for episode in storyline.episodes if event.id in episode]
    dated = {e.id: e for e in store.events_by_ids(sorted({i for s in series for i in s}))}
    return {
        "id": storyline.id,
        "label": storyline.label,
        "events": len(storyline.event_ids),
        "episodes": [
            [{"event": i, "date": (dated[i].time.value if i in dated and dated[i].time else None)} for i in episode]
            for episode in series
        ],
    }


def find_statement(store, statement_id: str) -> Statement:
    """A statement by its id: one side of a contradiction is often a statement."""
    rows = list(store.iter_rows("SELECT record FROM statements WHERE id = ?", [statement_id]))
    if not rows:
        raise NotFoundError(
            f"no statement with id {statement_id} in {store.path}; "
            "statement ids are in `storyline export --format json`"
        )
    return loads(Statement, rows[0][0])


def statement_detail(store, statement: Statement) -> dict:
    detail = statement_json(statement)
    article = store.article(statement.article_id)
    detail.update(
        article_title=article.title,
        article_path=article.source,
        published=date_json(article.published),
        published_estimate=estimate_json(article.published_estimate),
    )
    return detail


def _published_label(detail: dict) -> str:
    """The article's date, or "undated, estimated Mar–Jun 2013" when only an estimate is known."""
    value = (detail.get("published") or {}).get("value")
    if value:
        return value
    estimate = estimate_label(detail.get("published_estimate"))
    return f"undated, {estimate}" if estimate else "undated"


def render_statement(detail: dict) -> str:
    date = (detail["date"] or {}).get("value") or "undated"
    published = _published_label(detail)
    words = " ".join(detail["words"].split())
    return (
        "\n".join(
            [
                f"{detail['id']}  {detail['kind']} ({detail['cue'] or '-'})",
                f"  speaker: {detail['speaker']['name']}",
                *(
                    [f"  to/about: {'; '.join(a['name'] for a in detail['addressees'])}"]
                    if detail.get("addressees")
                    else []
                ),
                f"  date:    {date}",
                f"  about:   {detail['about'] or '-'}",
                f"  - {detail['article_title'] or detail['article_path']} ({published}) "
                f"[{detail['article']} {detail['start']}-{detail['end']}]",
                f"      {words}",  # a quote keeps the article's own quotation marks
            ]
        )
        + "\n"
    )


def render_event(detail: dict) -> str:
    lines = [
        f"{detail['id']}  {detail['type']} ({detail['cameo'] or '-'})  {detail['modality']}",
        f"  {detail['summary']}",
        f"  date:    {_date_line(detail['date'])}",
        f"  who:     {names_of(detail['actors'])}",
        f"  whom:    {names_of(detail['targets']) or '-'}",
        f"  where:   {detail['location']['name'] if detail['location'] else '-'}",
        f"  sources: {detail['sources']}",
        "  evidence:",
    ]
    for m in detail["mentions"]:
        published = _published_label(m)
        lines.append(
            f"  - {m['article_title'] or m['article_path']} ({published}) [{m['article']} {m['start']}-{m['end']}]"
        )
        lines.append(f'      "{_mark(m)}"')
    lines += _why_lines(detail)
    return "\n".join(lines) + "\n"


def _why_lines(detail: dict) -> list[str]:
    """Why the mentions are one event, and where the event belongs."""
    lines = ["  why one event:"]
    why = detail.get("why_merged") or []
    if len(detail["mentions"]) < 2:
        lines.append("    one mention")
    elif not why:
        lines.append("    not recorded (linked before links were explained; rebuild to see why)")
    for pair in why:
        reasons = ", ".join(f"{r['feature']} +{r['weight']:.2f}" for r in pair["reasons"]) or "-"
        first, second = pair["mentions"]
        lines.append(f"    {pair['score']:.2f}  {first} ~ {second}: {reasons}")
    story = detail.get("storyline_detail")
    if story is not None:
        lines.append(f"  storyline: {story['id']}  {story['label']} ({story['events']} events)")
        for episode in story["episodes"]:
            dates = " -> ".join(e["date"] or "undated" for e in episode)
            lines.append(f"  episodes:  {dates}  ({len(episode)} recurrences of one act)")
    return lines


def names_of(actors: list[dict]) -> str:
    return ", ".join(dict.fromkeys(a["name"] for a in actors))


def _date_line(date: dict | None) -> str:
    """The value, then the days it spans; an open bound (PAST_REF: "already
    happened by") is shown as "…", never as the word None."""
    if not date or not (date.get("earliest") or date.get("latest")):
        return "undated" if not date or date.get("value") in (None, "") else f"{date['value']} (no day known)"
    if date.get("earliest") == date.get("latest") == date.get("value"):
        return f"{date['value']}, {date.get('basis')}"  # a day: its span says nothing more
    span = f"{date.get('earliest') or '…'} .. {date.get('latest') or '…'}"
    return f"{date['value']}  [{span}], {date.get('basis')}"


def _mark(m: dict) -> str:
    """The sentence with its trigger in brackets, so the reader sees what was coded.
    Sentences keep the paragraph breaks that follow them in the text; they are
    dropped here so each quote stays on its line."""
    s, a, b = m["sentence"], m["trigger_start"] - m["start"], m["trigger_end"] - m["start"]
    if 0 <= a < b <= len(s):
        s = f"{s[:a]}[{s[a:b]}]{s[b:]}"
    return " ".join(s.split())


__all__ = [
    "find_event",
    "event_detail",
    "render_event",
    "find_statement",
    "statement_detail",
    "render_statement",
    "names",
]
