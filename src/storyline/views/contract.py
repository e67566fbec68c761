"""The public JSON contract (DESIGN.md): records as other tools read them.

Other tools and tests rely on these shapes, so fields are only ever added.
Every view (export, timeline --format json, the web API) goes through here.
"""

from __future__ import annotations

from ..models import (
    ActorRef,
    Article,
    Contradiction,
    Event,
    EventMention,
    Place,
    Statement,
    Storyline,
    TimeValue,
)
from .timeline import chronological


def date_json(tv: TimeValue | None) -> dict | None:
    if tv is None:
        return None
    return {
        "value": tv.value,
        "earliest": tv.earliest.isoformat() if tv.earliest else None,
        "latest": tv.latest.isoformat() if tv.latest else None,
        "basis": tv.basis,
        "anchor": tv.anchor.isoformat() if tv.anchor else None,
        "precision": tv.precision,
        "mod": tv.mod,
    }


def actor_json(actor: ActorRef) -> dict:
    return {
        "name": actor.name,
        "country": actor.country,
        "sector": actor.sector,
        "kind": actor.kind,
        "text": actor.text,
    }


def place_json(place: Place | None) -> dict | None:
    if place is None:
        return None
    return {"name": place.name, "country": place.country, "latitude": place.latitude, "longitude": place.longitude}


def mention_json(m: EventMention) -> dict:
    return {
        "id": m.id,
        "article": m.article_id,
        "sentence": m.sentence,
        "start": m.sentence_start,
        "end": m.sentence_end,
        "trigger": m.trigger,
        "trigger_start": m.trigger_start,
        "trigger_end": m.trigger_end,
        "modality": m.modality,
        "date": date_json(m.time),
        "reference": m.reference,  # only names a happening told elsewhere (events.mentions)
    }


def event_json(event: Event, mentions: dict[str, EventMention]) -> dict:
    return {
        "id": event.id,
        "type": event.type,
        "cameo": event.cameo,
        "mode": event.mode,
        "modality": event.modality,
        "date": date_json(event.time),
        "actors": [actor_json(a) for a in event.sources],
        "targets": [actor_json(a) for a in event.targets],
        "location": place_json(event.location),
        "summary": event.summary,
        "storyline": event.storyline,
        "sources": event.source_count,
        "mentions": [mention_json(mentions[m]) for m in event.mention_ids if m in mentions],
    }


def article_json(a: Article) -> dict:
    from ..time.dating_estimate import estimate_json

    published = a.published
    return {
        "id": a.id,
        "path": a.source,
        "url": a.url,
        "title": a.title,
        "publisher": a.publisher,
        "format": a.format,
        "published": {
            "value": published.value if published else None,
            "basis": published.basis if published else "unknown",
            "evidence": list(published.evidence) if published else [],
            "earliest": published.earliest.isoformat() if published and published.earliest else None,
            "latest": published.latest.isoformat() if published and published.latest else None,
        },
        # an undated article's estimate (best day, interval, how sure, evidence or statistical)
        "published_estimate": estimate_json(a.published_estimate),
        "removed": [{"start": r.start, "end": r.end, "reason": r.reason, "text": r.text} for r in a.removed],
        "warnings": list(a.warnings),  # built, but repaired on the way (bad bytes replaced)
    }


def statement_json(s: Statement) -> dict:
    return {
        "id": s.id,
        "speaker": actor_json(s.speaker),
        "words": s.words,
        "article": s.article_id,
        "date": date_json(s.time),
        "start": s.start,
        "end": s.end,
        "kind": s.kind,
        "cue": s.cue,
        "about": s.about,
        "cameo": s.cameo,  # "016" for a denial; null for most statements
        # whom the words are addressed to or about ("expressed condolences to Y", "rejected charges by Y")
        "addressees": [actor_json(a) for a in s.addressees],
    }


def storyline_json(s: Storyline) -> dict:
    return {"id": s.id, "label": s.label, "events": list(s.event_ids), "episodes": [list(ep) for ep in s.episodes]}


def contradiction_json(c: Contradiction) -> dict:
    return {"id": c.id, "first": c.first, "second": c.second, "why": c.why}


def export_document(store) -> dict:
    """The whole database as one contract object."""
    mentions = {m.id: m for m in store.mentions()}
    return {
        "articles": [article_json(a) for a in store.articles()],
        "events": [event_json(e, mentions) for e in chronological(store.events())],
        "statements": [statement_json(s) for s in store.statements()],
        "storylines": [storyline_json(s) for s in store.storylines()],
        "contradictions": [contradiction_json(c) for c in store.contradictions()],
        # Added after the first five: the inputs the build could not read, so
        # a tool reading the export knows what the story may be missing.
        "failures": [{"source": f.source, "stage": f.stage, "reason": f.reason} for f in store.failures()],
    }
