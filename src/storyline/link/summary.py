"""One-line summaries of events and readable labels of storylines."""

from __future__ import annotations

from typing import Sequence

from ..models import ActorRef, Event, EventMention


def _names(actors: Sequence[ActorRef], limit: int = 2) -> str:
    names = []
    for a in actors:
        if a.name and a.name not in names:
            names.append(a.name)
    return " and ".join(names[:limit])


def summarise(mention: EventMention) -> str:
    """The extractor's own summary when it wrote one; otherwise
    "who lemma whom", which is still better than the bare sentence."""
    if mention.summary.strip():
        return mention.summary.strip()
    who, whom = _names(mention.sources), _names(mention.targets)
    verb = mention.lemma or mention.trigger or mention.type.lower()
    if mention.modality in ("planned", "threatened", "hypothetical"):
        verb = f"may {verb}" if mention.modality == "hypothetical" else f"{mention.modality} to {verb}"
    parts = [p for p in (who or "Someone", verb, whom) if p]
    return " ".join(parts)


def storyline_label(events: Sequence[Event]) -> str:
    """Name a storyline after its most reported actors and its most
    reported event, e.g. "Mahmoud Abbas / Israel: Mahmoud Abbas declares
    an end to security coordination with Israel"."""
    if not events:
        return ""
    central = min(events, key=lambda e: (-e.source_count, -len(e.mention_ids), e.id))
    counts: dict[str, int] = {}
    for e in events:
        for a in (*e.sources, *e.targets):
            counts[a.name] = counts.get(a.name, 0) + len(e.mention_ids)
    top = sorted(counts, key=lambda n: (-counts[n], n))[:2]
    prefix = " / ".join(top)
    return f"{prefix}: {central.summary}" if prefix else central.summary
