"""``storyline report``: one self-contained, offline HTML file.

The charts are SVG drawn here rather than by a plotting library: a Plotly
report carries megabytes of JavaScript, while these SVGs cost a few
kilobytes, need no network and print well. All text goes through Jinja2 with
autoescaping, so markup inside an article is shown as text; on top of that
the page carries a Content-Security-Policy that lets only its own inline
script and style run (by hash), so even a slip in escaping stays inert.

The small script in ``static/report.js`` only filters and opens what the
server-side HTML already holds.
"""

from __future__ import annotations

import base64
import hashlib
import math
from collections import Counter, defaultdict
from datetime import date
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from .. import __version__
from ..models import Event, EventMention, Statement
from .exports import QUADS, quad_class
from .timeline import chronological, display_date, time_order
from .words import count

QUAD_COLOURS = {1: "#7fb069", 2: "#2d6a4f", 3: "#f4a259", 4: "#c0392b", None: "#8d99ae"}

# Timeline geometry, in SVG user units; the SVG scales to the page width.
LABEL_W, PLOT_W, UNDATED_W, LANE_H, TOP = 210, 860, 70, 64, 28


def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("storyline.views", "templates"),
        autoescape=select_autoescape(["html", "svg", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["quad_colours"] = QUAD_COLOURS
    env.filters["count"] = count
    return env


def static_text(name: str) -> str:
    return resources.files("storyline.views").joinpath("static", name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def report_policy(script: str, style: str) -> str:
    """The CSP of the report: nothing from outside, only our own inline code."""
    return (
        f"default-src 'none'; script-src '{_sha256(script)}'; style-src '{_sha256(style)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


# --- the model the template renders ------------------------------------------------


def busiest_first(storylines):
    """Storylines with the most events first: the busiest is usually the story
    the reader came for. The lanes, the storyline list, the filter and the web
    pages all use this order, so a storyline is found in the same place."""
    return sorted(storylines, key=lambda s: (-len(s.event_ids), s.label, s.id))


def _midpoint(e: Event) -> date | None:
    t = e.time
    if t is None or not t.is_known:
        return None
    lo, hi = t.earliest or t.latest, t.latest or t.earliest
    return date.fromordinal((lo.toordinal() + hi.toordinal()) // 2)


def _evidence(m: EventMention, article) -> dict:
    """The sentence cut around the trigger, so the template can mark the span."""
    s, a, b = m.sentence, m.trigger_start - m.sentence_start, m.trigger_end - m.sentence_start
    if not (0 <= a < b <= len(s)):
        a = b = len(s)
    pub = article.published if article else None
    return {
        # Outer whitespace is dropped: the quote is shown with pre-wrap.
        "mention": m.id,
        "before": s[:a].lstrip(),
        "span": s[a:b],
        "after": s[b:].rstrip(),
        "start": m.sentence_start,
        "end": m.sentence_end,
        "modality": m.modality,
        "article": m.article_id,
        "title": (article.title or article.source) if article else m.article_id,
        "publisher": article.publisher if article else None,
        "url": (article.url or article.source) if article else None,
        "published": display_date(pub),
        "published_basis": pub.basis if pub else "unknown",
    }


def _event_item(e: Event, mentions: dict, articles: dict, stories: dict) -> dict:
    t = e.time
    actors = list(dict.fromkeys(a.name for a in e.sources + e.targets))
    story = stories.get(e.storyline or "")
    return {
        "id": e.id,
        "type": e.type,
        "cameo": e.cameo,
        "mode": e.mode,
        "modality": e.modality,
        # The quad class every export gives (CAMEO root first, as GDELT): a
        # REQUEST coded CAMEO 020 (appeal) is verbal cooperation there, and
        # was verbal conflict here, so the chart and the CSV disagreed.
        "quad": quad_class(e.type, e.cameo),
        "date": display_date(t),
        "basis": t.basis if t else "unknown",
        "earliest": t.earliest.isoformat() if t and t.earliest else "",
        "latest": t.latest.isoformat() if t and t.latest else "",
        "who": ", ".join(dict.fromkeys(a.name for a in e.sources)) or "?",
        "whom": ", ".join(dict.fromkeys(a.name for a in e.targets)),
        "actors": actors,
        # What the actor filter searches: canonical names and the words the
        # articles used ("Moscow" for Russia), as `timeline --actor` does.
        "actor_key": "\n".join(dict.fromkeys(n.casefold() for n in actors + [a.text for a in e.sources + e.targets])),
        "location": e.location.name if e.location else None,
        "summary": e.summary or e.type,
        "sources": e.source_count,
        "story": story.id if story else "",
        "story_label": story.label if story else "",
        "evidence": [
            _evidence(mentions[m], articles.get(mentions[m].article_id)) for m in e.mention_ids if m in mentions
        ],
    }


def _time_axis(dated: list[date]) -> tuple[date, date, list[dict]]:
    lo, hi = min(dated), max(dated)
    span = max(hi.toordinal() - lo.toordinal(), 1)
    pad = max(span // 25, 15)
    lo, hi = date.fromordinal(lo.toordinal() - pad), date.fromordinal(hi.toordinal() + pad)
    years = hi.year - lo.year
    step = 1 if years <= 12 else 2 if years <= 25 else 5 if years <= 60 else 10
    ticks = []
    for y in range(lo.year + 1, hi.year + 1):
        if y % step == 0:
            ticks.append({"label": str(y), "day": date(y, 1, 1)})
    if len(ticks) < 3:
        # A story of a year or two would get one or two year labels (a grain
        # deal from 2022-07 to 2023-07 showed only "2023"): label months
        # instead, every 1, 2, 3 or 6 of them so that at most 14 fit.
        months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
        every = next((n for n in (1, 2, 3, 6) if months / n <= 14), 12)
        ticks = []
        d = date(lo.year, lo.month, 1)
        while d <= hi:
            if d >= lo and (d.month - 1) % every == 0:
                ticks.append({"label": d.strftime("%Y-%m"), "day": d})
            d = date(d.year + d.month // 12, d.month % 12 + 1, 1)
    if len(ticks) < 3:
        # A story of a few weeks: label days, a week apart.
        first = lo.toordinal() + (7 - lo.weekday()) % 7  # the first Monday
        ticks = [
            {"label": date.fromordinal(n).isoformat(), "day": date.fromordinal(n)}
            for n in range(first, hi.toordinal() + 1, 7)
        ]
    return lo, hi, ticks


def _timeline(items: list[dict], events: list[Event], storylines) -> dict:
    """Lanes (one per storyline, plus one for events in none), marks and episode links."""
    lanes = [{"id": s.id, "label": s.label} for s in busiest_first(storylines)]
    if any(not i["story"] for i in items):
        lanes.append({"id": "", "label": "(no storyline)"})
    lane_of = {lane["id"]: n for n, lane in enumerate(lanes)}
    mids = {e.id: _midpoint(e) for e in events}
    dated = [d for d in mids.values() if d] + [
        date.fromisoformat(i[k]) for i in items for k in ("earliest", "latest") if i[k]
    ]
    if dated:
        lo, hi, ticks = _time_axis(dated)
    else:
        lo, hi, ticks = date(2000, 1, 1), date(2001, 1, 1), []
    scale = PLOT_W / max(hi.toordinal() - lo.toordinal(), 1)
    x_of = lambda d: round(LABEL_W + (d.toordinal() - lo.toordinal()) * scale, 1)
    for tick in ticks:
        tick["x"] = x_of(tick["day"])
    # A label at the very right edge would run into the "undated" heading.
    ticks = [t for t in ticks if t["x"] <= LABEL_W + PLOT_W - 24]

    placed: dict[int, list[tuple[float, float, float]]] = defaultdict(list)
    marks, pos = [], {}
    for item in sorted(items, key=lambda i: (mids[i["id"]] or date.max, i["id"])):
        lane = lane_of[item["story"]]
        mid = mids[item["id"]]
        x = x_of(mid) if mid else LABEL_W + PLOT_W + UNDATED_W / 2
        r = round(5 + 3.2 * math.sqrt(max(item["sources"], 1) - 1) + 1.5, 1)
        centre = TOP + lane * LANE_H + LANE_H / 2
        # Marks that would overlap in a lane are stacked above and below its line.
        y = centre
        for k in range(40):
            offset = ((k + 1) // 2) * 11 * (1 if k % 2 else -1)
            y = centre + offset
            if all(abs(x - px) >= r + pr or abs(y - py) >= r + pr for px, py, pr in placed[lane]):
                break
        placed[lane].append((x, y, r))
        span = None
        if item["earliest"] and item["latest"] and item["earliest"] != item["latest"]:
            span = (x_of(date.fromisoformat(item["earliest"])), x_of(date.fromisoformat(item["latest"])))
        marks.append({**item, "x": x, "y": y, "r": r, "span": span, "colour": QUAD_COLOURS[item["quad"]]})
        pos[item["id"]] = (x, y)

    links = []
    for s in storylines:
        for episode in s.episodes:
            points = sorted((pos[e] for e in episode if e in pos), key=lambda p: p[0])
            if len(points) < 2:
                continue
            path = f"M {points[0][0]} {points[0][1]}"
            for (x0, y0), (x1, y1) in zip(points, points[1:]):
                lift = min(LANE_H / 2 - 4, 10 + (x1 - x0) / 12)
                path += f" Q {round((x0 + x1) / 2, 1)} {round(min(y0, y1) - lift, 1)} {x1} {y1}"
            links.append({"story": s.id, "path": path, "events": " ".join(episode)})
    for n, lane in enumerate(lanes):
        lane["y"] = TOP + n * LANE_H
        lane["mid"] = lane["y"] + LANE_H / 2
        # Labels read "Russia / Ukraine: Russia refuses to extend ..."; cut to
        # one line, two lanes of the same actors looked the same. The actors
        # and the headline get a line each.
        who, sep, what = lane["label"].partition(": ")
        lane["lines"] = [who, what] if sep else [lane["label"]]
    return {
        "lanes": lanes,
        "marks": marks,
        "links": links,
        "ticks": ticks,
        "width": LABEL_W + PLOT_W + UNDATED_W,
        "height": TOP + len(lanes) * LANE_H + 24,
        "plot_right": LABEL_W + PLOT_W,
        "label_w": LABEL_W,
        "undated_x": LABEL_W + PLOT_W + UNDATED_W / 2,
        "has_undated": any(not mids[m["id"]] for m in marks),
    }


def _monthly(items: list[dict]) -> dict:
    """Events per month (per year on long spans) stacked by quad class.
    An event counts in the month of its earliest possible date."""
    days = [date.fromisoformat(i["earliest"] or i["latest"]) for i in items if i["earliest"] or i["latest"]]
    chart = {
        "bars": [],
        "labels": [],
        "width": 0,
        "height": 0,
        "unit": "month",
        "max": 0,
        "legend": [{"name": name, "colour": QUAD_COLOURS[q]} for q, (name, _) in QUADS.items()],
        "undated": len(items) - len(days),
    }
    if not days:
        return chart
    lo, hi = min(days), max(days)
    months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
    by_year = months > 180
    chart["unit"] = "year" if by_year else "month"
    keys = (
        [str(y) for y in range(lo.year, hi.year + 1)]
        if by_year
        else [f"{lo.year + (lo.month - 1 + k) // 12}-{(lo.month - 1 + k) % 12 + 1:02d}" for k in range(months)]
    )
    counts: dict[str, Counter] = {k: Counter() for k in keys}
    for i in items:
        d = i["earliest"] or i["latest"]
        if d:
            counts[d[:4] if by_year else d[:7]][i["quad"]] += 1
    top = max(sum(c.values()) for c in counts.values())
    plot_h, left, width = 150, 40, 1000
    bar_w = (width - left) / len(keys)
    for n, key in enumerate(keys):
        y = 10 + plot_h
        for quad in (1, 2, 3, 4, None):
            c = counts[key][quad]
            if not c:
                continue
            h = plot_h * c / top
            y -= h
            chart["bars"].append(
                {
                    "x": round(left + n * bar_w + bar_w * 0.1, 2),
                    "y": round(y, 2),
                    "w": round(max(bar_w * 0.8, 1), 2),
                    "h": round(h, 2),
                    "colour": QUAD_COLOURS[quad],
                    "count": c,
                    "key": key,
                    "quad": QUADS[quad][0] if quad else "other",
                }
            )
        if by_year or key.endswith("-01") or n == 0 or len(keys) <= 24:
            chart["labels"].append(
                {"x": round(left + n * bar_w + bar_w / 2, 2), "text": key if (by_year or len(keys) <= 24) else key[:4]}
            )
    step = max(1, len(chart["labels"]) // 14)
    chart["labels"] = chart["labels"][::step]
    chart.update(width=width, height=plot_h + 40, max=top, left=left, base=10 + plot_h)
    return chart


def _network(events: list[Event], limit: int = 30) -> dict:
    """Who acts on whom: actors on a circle, edges weighted by events."""
    weight: Counter = Counter()
    degree: Counter = Counter()
    for e in events:
        for a in dict.fromkeys(x.name for x in e.sources):
            degree[a] += 1
            for b in dict.fromkeys(x.name for x in e.targets):
                if a != b:
                    weight[(a, b)] += 1
        for b in dict.fromkeys(x.name for x in e.targets):
            degree[b] += 1
    names = [n for n, _ in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]
    size, radius = 520, 170
    centre = size / 2
    nodes, where = [], {}
    for k, name in enumerate(names):
        angle = 2 * math.pi * k / max(len(names), 1) - math.pi / 2
        x, y = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
        where[name] = (round(x, 1), round(y, 1))
        right = math.cos(angle) >= 0
        nodes.append(
            {
                "name": name,
                "x": where[name][0],
                "y": where[name][1],
                "events": degree[name],
                "r": round(4 + 2.5 * math.sqrt(degree[name]), 1),
                "lx": round(x + (12 if right else -12), 1),
                "ly": round(y + 4, 1),
                "anchor": "start" if right else "end",
            }
        )
    edges = [
        {
            "a": a,
            "b": b,
            "n": n,
            "x1": where[a][0],
            "y1": where[a][1],
            "x2": where[b][0],
            "y2": where[b][1],
            "w": round(1 + 1.5 * math.log2(n), 1),
        }
        for (a, b), n in sorted(weight.items())
        if a in where and b in where
    ]
    return {"nodes": nodes, "edges": edges, "size": size, "hidden": max(len(degree) - limit, 0)}


def _record_text(record_id: str, mentions: dict, statements: dict, events: dict, articles: dict) -> dict:
    """What a contradiction's side says, whatever kind of record it is."""
    if record_id in mentions:
        m = mentions[record_id]
        a = articles.get(m.article_id)
        return {
            "kind": "mention",
            "text": m.sentence,
            "where": (a.title or a.source) if a else m.article_id,
            "event": m.summary,
        }
    if record_id in statements:
        s = statements[record_id]
        a = articles.get(s.article_id)
        return {
            "kind": f"statement by {s.speaker.name}",
            "text": s.words,
            "where": (a.title or a.source) if a else s.article_id,
            "event": None,
        }
    if record_id in events:
        e = events[record_id]
        return {"kind": "event", "text": e.summary, "where": display_date(e.time), "event": None}
    return {"kind": "record", "text": record_id, "where": "", "event": None}


_QUOTE_PAIRS = {'"': '"', "“": "”", "„": "“", "'": "'", "‘": "’", "«": "»", "»": "«"}


def bare_quote(words: str) -> str:
    """A quote without the quotation marks the article put around it: the
    views set quotes in <q>, which adds its own, and ““annulled”” is noise."""
    text = words.strip()
    if len(text) >= 2 and _QUOTE_PAIRS.get(text[0]) == text[-1]:
        return text[1:-1].strip()
    return text


def statement_view(kind: str, words: str) -> tuple[str, bool]:
    """What a statement shows and whether it is set as a quotation. Only a
    quote is: a paraphrase is the reporter's wording, and putting it in
    quotation marks would attribute words the speaker never said."""
    return (bare_quote(words), True) if kind == "quote" else (words, False)


def _statements(statements: list[Statement], articles: dict, mention_summary: dict) -> list[dict]:
    by_speaker: dict[str, list] = defaultdict(list)
    meta = {}
    for s in statements:
        a = articles.get(s.article_id)
        words, quoted = statement_view(s.kind, s.words)
        by_speaker[s.speaker.name].append(
            {
                "id": s.id,
                "words": words,
                "quoted": quoted,
                "kind": s.kind,
                "cue": s.cue,
                "date": display_date(s.time),
                "order": time_order(s.time),
                "title": (a.title or a.source) if a else s.article_id,
                "about": mention_summary.get(s.about) if s.about else None,
                "addressees": [a.name for a in s.addressees],
            }
        )
        meta[s.speaker.name] = s.speaker
    return [
        {
            "speaker": name,
            "country": meta[name].country,
            "sector": meta[name].sector,
            "said": sorted(items, key=lambda i: (i["order"], i["id"])),
        }
        for name, items in sorted(by_speaker.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    ]


def report_model(store) -> dict:
    events = chronological(store.events())
    storylines = store.storylines()
    mentions = {m.id: m for m in store.mentions()}
    articles = {a.id: a for a in store.articles()}
    statements = store.statements()
    stories = {s.id: s for s in storylines}
    items = [_event_item(e, mentions, articles, stories) for e in events]
    by_id = {i["id"]: i for i in items}
    stories_view = []
    for s in busiest_first(storylines):
        episodes = [[by_id[e] for e in ep if e in by_id] for ep in s.episodes]
        stories_view.append(
            {
                "id": s.id,
                "label": s.label,
                "count": len(s.event_ids),
                "episodes": [sorted(ep, key=lambda i: i["earliest"] or "9999") for ep in episodes],
            }
        )
    statement_by_id = {s.id: s for s in statements}
    event_by_id = {e.id: e for e in events}
    contradictions = [
        {
            "id": c.id,
            "why": c.why,
            "first": _record_text(c.first, mentions, statement_by_id, event_by_id, articles),
            "second": _record_text(c.second, mentions, statement_by_id, event_by_id, articles),
        }
        for c in store.contradictions()
    ]
    return {
        "version": __version__,
        "database": Path(store.path).name,
        "counts": {
            "articles": len(articles),
            "events": len(events),
            "statements": len(statements),
            "storylines": len(storylines),
            "contradictions": len(contradictions),
        },
        "events": items,
        "timeline": _timeline(items, events, storylines),
        "monthly": _monthly(items),
        "network": _network(events),
        "storylines": stories_view,
        "speakers": _statements(statements, articles, {m.id: m.summary for m in mentions.values()}),
        "contradictions": contradictions,
        # A reader must learn that the story may be incomplete: the inputs
        # the build could not read are recorded, and listed here.
        "failures": [{"source": f.source, "reason": f.reason} for f in store.failures()],
        "articles": [
            {
                "id": a.id,
                "title": a.title or a.source,
                "publisher": a.publisher,
                "source": a.source,
                "url": a.url,
                "published": display_date(a.published),
                "basis": a.published.basis if a.published else "unknown",
                "removed": len(a.removed),
            }
            for a in sorted(articles.values(), key=lambda a: (time_order(a.published), a.id))
        ],
        "options": {
            "types": sorted({i["type"] for i in items}),
            "modalities": sorted({i["modality"] for i in items}),
            "actors": sorted({a for i in items for a in i["actors"]}),
            "storylines": [(s.id, s.label) for s in busiest_first(storylines)],
            "unlinked": any(not i["story"] for i in items),
        },
    }


def render_report(store) -> tuple[str, str]:
    """The report's HTML and the Content-Security-Policy it needs."""
    script, style = static_text("report.js"), static_text("report.css")
    policy = report_policy(script, style)
    html = (
        _env().get_template("report.html").render(model=report_model(store), script=script, style=style, policy=policy)
    )
    return html, policy


def write_report(store, output: str | Path) -> Path:
    html, _ = render_report(store)
    output = Path(output)
    output.write_text(html, encoding="utf-8")
    return output


__all__ = ["render_report", "write_report", "report_model", "report_policy", "static_text"]
