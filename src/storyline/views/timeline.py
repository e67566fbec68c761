"""The timeline: events sorted by date, filtered, in four formats.

Rows are read from the store's event records; filtering is done here
rather than in SQL so every format and the web app share one definition of
"matches --actor" or "falls within --since/--until".
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import date

from ..errors import UsageError
from ..models import PLOVER_TYPES, Event, Storyline

FORMATS = ("table", "json", "csv", "markdown")
#: The keys of a timeline row, in order (the csv columns, the json keys).
ROW_FIELDS = [
    "id",
    "date",
    "value",
    "earliest",
    "latest",
    "type",
    "modality",
    "who",
    "whom",
    "summary",
    "sources",
    "storyline",
]


@dataclass(frozen=True)
class TimelineFilter:
    since: date | None = None
    until: date | None = None
    actor: str | None = None
    type: str | None = None
    story: str | None = None
    #: False: an event is in a window when its best date is (see ``best_days``);
    #: True: also when it merely may be, its possible dates overlapping the window.
    overlapping: bool = False

    def __post_init__(self) -> None:
        # Checked here, not per option, so the CLI and the web app refuse
        # the same misuse with the same words instead of answering nothing.
        if self.since and self.until and self.since > self.until:
            raise UsageError(f"--since {self.since} is after --until {self.until}; swap them")
        if self.type and self.type.upper() not in PLOVER_TYPES:
            raise UsageError(f"--type {self.type!r} is not a PLOVER type; use one of {', '.join(PLOVER_TYPES)}")

    def matches(self, event: Event, storyline: Storyline | None) -> bool:
        if (self.since or self.until) and not self.in_window(event.time):
            return False
        if self.type and event.type.upper() != self.type.upper():
            return False
        if self.actor:
            needle = self.actor.casefold()
            names = [a.name for a in event.sources + event.targets] + [a.text for a in event.sources + event.targets]
            if not any(needle in n.casefold() for n in names):
                return False
        if self.story:
            needle = self.story.casefold()
            if storyline is None or not (storyline.id == self.story or needle in storyline.label.casefold()):
                return False
        return True

    def in_window(self, t) -> bool:
        """Undated events are in no window. By default the best days must lie
        inside it: an open "≤ 2023-02-04" overlaps every window before 2023,
        and a window of October 2022 showed it. With ``overlapping`` any
        possible day inside the window is enough."""
        if t is None or not t.is_known:
            return False
        if self.overlapping:  # an open end (None) may be any day on that side
            return not (
                (self.since and t.latest and t.latest < self.since)
                or (self.until and t.earliest and t.earliest > self.until)
            )
        first, last = best_days(t)
        return (self.since is None or first >= self.since) and (self.until is None or last <= self.until)


def best_days(t) -> tuple[date, date]:
    """The days a known date stands for: its interval when both ends are
    known, else the one known end. An open interval is what PAST_REF-style
    values give ("had already signed": happened by that day), so its known
    end is where it is shown ("≤ 2023-02-04") and sorted."""
    first, last = t.earliest or t.latest, t.latest or t.earliest
    return first, last


_DAY_OPTION = re.compile(r"\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?")


def parse_day(text: str | None, option: str) -> date | None:
    if not text:
        return None
    try:
        # Four-digit years only: "--since 22" was read as the year 22, not 2022.
        if not _DAY_OPTION.fullmatch(text.strip()):
            raise ValueError
        parts = text.strip().split("-")
        if len(parts) == 1:
            return date(int(parts[0]), 1, 1) if option == "--since" else date(int(parts[0]), 12, 31)
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            if option == "--since":
                return date(year, month, 1)
            nxt = date(year + month // 12, month % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1)
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        raise UsageError(f"{option} expects a date like 2020-05-19, 2020-05 or 2020, got {text!r}") from None


def names(actors) -> str:
    return ", ".join(dict.fromkeys(a.name for a in actors)) or "?"


def time_order(t) -> tuple[str, str]:
    """Where a TimeValue falls in date order: by its earliest possible day, or
    its latest when only that bound is known ("≤ 2023-02-04" sorts by that
    day, not among the undated); undated last. Sorting the displayed strings
    instead would put every "≤ …" after every plain date."""
    earliest = t.earliest.isoformat() if t and t.earliest else None
    latest = t.latest.isoformat() if t and t.latest else None
    return (earliest or latest or "9999", latest or "9999")


def chronological_key(event: Event) -> tuple[str, str, str]:
    """Events in date order, then by id. Every view sorts with this key so the
    timeline, the exports, the report and the web app list the same events
    in the same order."""
    return (*time_order(event.time), event.id)


def chronological(events: list[Event]) -> list[Event]:
    return sorted(events, key=chronological_key)


def timeline_rows(events: list[Event], storylines: list[Storyline], flt: TimelineFilter) -> list[dict]:
    by_id = {s.id: s for s in storylines}
    rows = []
    for e in chronological(events):
        story = by_id.get(e.storyline) if e.storyline else None
        if not flt.matches(e, story):
            continue
        t = e.time
        rows.append(
            {
                "id": e.id,
                "date": display_date(t),
                "value": t.value if t else None,
                "earliest": t.earliest.isoformat() if t and t.earliest else None,
                "latest": t.latest.isoformat() if t and t.latest else None,
                "type": e.type,
                "modality": e.modality,
                "who": names(e.sources),
                "whom": names(e.targets) if e.targets else "",
                "summary": e.summary,
                "sources": e.source_count,
                "storyline": story.label if story else "",
            }
        )
    return rows


def render(rows: list[dict], fmt: str) -> str:
    if fmt == "json":
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + ("\n" if rows else "")
    if fmt == "csv":
        out = io.StringIO()
        # The header is the same with no rows, so a script reading it never
        # meets a different file shape for an empty answer.
        writer = csv.DictWriter(out, fieldnames=ROW_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()
    cells = [
        [r["date"], r["type"], _who_whom(r), r["modality"], r["summary"], str(r["sources"]), r["id"]] for r in rows
    ]
    header = ["date", "type", "who → whom", "modality", "summary", "sources", "id"]
    if fmt == "markdown":
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in cells]
        return "\n".join(lines) + "\n"
    if fmt == "table":
        return _table(header, cells)
    raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def display_date(t) -> str:
    """A TIMEX3 value as a reader wants it: open intervals such as PAST_REF
    (reported as already happened) become "≤ 2023-02-04"."""
    if t is None or not t.is_known:
        return "undated"
    if t.value[:1].isdigit():
        return t.value
    if t.latest and not t.earliest:
        return f"≤ {t.latest.isoformat()}"
    if t.earliest and not t.latest:
        return f"≥ {t.earliest.isoformat()}"
    return f"{t.earliest.isoformat()}..{t.latest.isoformat()}"


def _who_whom(row: dict) -> str:
    return f"{row['who']} → {row['whom']}" if row["whom"] else row["who"]


def _table(header: list[str], cells: list[list[str]]) -> str:
    # The date column fits the longest display date ("2022-07-22..2022-07-30",
    # "≤ 2023-02-04") whole: a clipped date is a wrong date.
    limits = [22, 10, 40, 12, 70, 7, 19]
    clipped = [[_clip(c, w) for c, w in zip(row, limits)] for row in cells]
    widths = [max([len(h)] + [len(r[i]) for r in clipped]) for i, h in enumerate(header)]
    fmt_row = lambda row: "  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip()
    lines = [fmt_row(header), fmt_row(["-" * w for w in widths])] + [fmt_row(r) for r in clipped]
    if not cells:
        lines.append("(no events match)")
    return "\n".join(lines) + "\n"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
