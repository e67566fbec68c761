"""The clean stage: a RawDocument becomes an Article.

Boilerplate paragraphs are removed and recorded with offsets into
``RawDocument.text`` (for a text file, the file as the user has it), so a
reader can always see what was dropped and why. Whitespace is normalised
without touching a word, and the publication date is parsed into a
TimeValue. Paragraphs are kept apart by a blank line in the cleaned text.
"""

from __future__ import annotations

import re

from .errors import EmptyInputError
from .ingest.boilerplate import TIMESTAMP, Paragraph, find_boilerplate
from .ingest.dates import parse_date_line, parse_publication_date, parse_timestamp_line
from .ingest.text import body_start
from .models import Article, RawDocument, RemovedSpan, TimeValue

__all__ = ["clean", "split_paragraphs", "normalise_whitespace", "publication_time"]

# Line breaks of every convention, including the Unicode separators and the
# form feed that text extracted from PDFs tends to keep.
_LINE = re.compile(r"[^\r\n\f\v\x85\u2028\u2029]+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_WRAPPED_LINE_ENDING = re.compile(r"[.!?:;\"'”’)\]]$")


def clean(raw: RawDocument) -> Article:
    """Raises EmptyInputError when no news text is left."""
    paragraphs = split_paragraphs(raw.text, body_start(raw.text, raw.title))
    removed_at = find_boilerplate(paragraphs)
    kept = [paragraph.text for index, paragraph in enumerate(paragraphs) if index not in removed_at]
    text = "\n\n".join(kept)
    if not text:
        what = "only boilerplate" if paragraphs else "no text"
        raise EmptyInputError(f"nothing left after cleaning: the input holds {what}; check that the file is an article")
    return Article(
        id=Article.make_id(text),
        source=raw.source,
        text=text,
        format=raw.format,
        title=normalise_whitespace(raw.title or "") or None,
        publisher=normalise_whitespace(raw.publisher or "") or None,
        url=raw.url,
        published=(
            publication_time(raw.published, raw.published_basis)
            or _time_from_timestamp_lines(paragraphs, removed_at)
            or _time_from_date_line(paragraphs, removed_at)
        ),
        removed=_removed_spans(raw.text, paragraphs, removed_at),
        warnings=raw.warnings,
    )


def normalise_whitespace(text: str) -> str:
    """One space between words; invisible characters dropped; words untouched."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def split_paragraphs(text: str, start: int = 0) -> list[Paragraph]:
    """Paragraphs of ``text[start:]`` with offsets into ``text``. Each
    non-blank line is a paragraph, unless the text is hard-wrapped, when
    blank lines separate paragraphs."""
    lines = [(match.start(), match.end(), match.group()) for match in _LINE.finditer(text, start)]
    lines = [(start, end, line) for start, end, line in lines if normalise_whitespace(line)]
    if not lines:
        return []
    blocks = _blank_line_blocks(text, lines)
    if _is_hard_wrapped(blocks):
        return [_paragraph(text, block[0][0], block[-1][1]) for block in blocks]
    return [_paragraph(text, start, end) for start, end, _ in lines]


def publication_time(published: str | None, basis: str) -> TimeValue | None:
    span = parse_publication_date(published)
    if span is None:
        return None
    return TimeValue(
        value=span.value, earliest=span.earliest, latest=span.latest, precision=span.precision, basis=basis
    )


def _time_from_timestamp_lines(paragraphs: list[Paragraph], removed_at: dict[int, str]) -> TimeValue | None:
    """A page's own "Published: May 3, 2013" line dates the article when no
    header or metadata did; a first-publication stamp beats an update."""
    stamps = []
    for index in sorted(removed_at):
        if removed_at[index] == TIMESTAMP:
            found = parse_timestamp_line(paragraphs[index].text)
            if found and found[1] is not None:
                stamps.append((*found, paragraphs[index].text))
    if not stamps:
        return None
    kind, span, line = min(stamps, key=lambda stamp: "updated" in stamp[0])
    return TimeValue(
        value=span.value,
        earliest=span.earliest,
        latest=span.latest,
        precision=span.precision,
        basis="header",
        evidence=(f"timestamp line: {line}",),
    )


def _time_from_date_line(paragraphs: list[Paragraph], removed_at: dict[int, str]) -> TimeValue | None:
    """A bare date line opening the body ("March 2, 2020" under the headline)
    dates the article when nothing else did. Only the first line counts: a
    date line further down is a chronology's heading, not the story's date.
    The line stays in the text, where it may be such a heading too."""
    if not paragraphs or 0 in removed_at:
        return None
    span = parse_date_line(paragraphs[0].text)
    if span is None:
        return None
    return TimeValue(
        value=span.value,
        earliest=span.earliest,
        latest=span.latest,
        precision=span.precision,
        basis="header",
        evidence=(f"date line: {paragraphs[0].text}",),
    )


def _paragraph(text: str, start: int, end: int) -> Paragraph:
    # Offsets exclude the surrounding spaces, so a removed span is exactly
    # the words that went.
    raw = text[start:end]
    leading = len(raw) - len(raw.lstrip())
    trailing = len(raw) - len(raw.rstrip())
    return Paragraph(start + leading, end - trailing, normalise_whitespace(raw))


def _blank_line_blocks(text: str, lines: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    blocks = [[lines[0]]]
    for previous, current in zip(lines, lines[1:]):
        gap = text[previous[1] : current[0]]
        if len(_LINE_BREAKS.findall(gap)) > 1:
            blocks.append([current])
        else:
            blocks[-1].append(current)
    return blocks


_LINE_BREAKS = re.compile(r"\r\n|[\r\n\f\v\x85\u2028\u2029]")


def _is_hard_wrapped(blocks: list[list[tuple[int, int, str]]]) -> bool:
    """Text wrapped at a fixed width (e-mail, old wire copy) breaks lines in
    mid-sentence: most lines inside a block end without punctuation and are
    close to one width. Lists also lack punctuation but vary in length and
    start with markers, so they stay one line per paragraph."""
    inner = [line.strip() for block in blocks for _, _, line in block[:-1]]
    if len(inner) < 4 or any(_LIST_MARKER.match(line) for line in inner):
        return False
    longest = max(len(line) for line in inner)
    near_width = sum(1 for line in inner if len(line) >= 0.7 * longest)
    unpunctuated = sum(1 for line in inner if not _WRAPPED_LINE_ENDING.search(line))
    return 30 <= longest <= 100 and near_width >= 0.8 * len(inner) and unpunctuated >= 0.6 * len(inner)


_LIST_MARKER = re.compile(r"(?:[-*•–·]|\d{1,2}[.)])\s")


def _removed_spans(text: str, paragraphs: list[Paragraph], removed_at: dict[int, str]) -> tuple[RemovedSpan, ...]:
    """Consecutive removed paragraphs with the same reason become one span."""
    spans: list[RemovedSpan] = []
    run_start = run_end = None
    run_reason = None
    for index in sorted(removed_at):
        reason = removed_at[index]
        if run_reason == reason and index - 1 == run_end:
            run_end = index
            continue
        if run_reason is not None:
            spans.append(_span(text, paragraphs, run_start, run_end, run_reason))
        run_start, run_end, run_reason = index, index, reason
    if run_reason is not None:
        spans.append(_span(text, paragraphs, run_start, run_end, run_reason))
    return tuple(spans)


def _span(text: str, paragraphs: list[Paragraph], first: int, last: int, reason: str) -> RemovedSpan:
    start, end = paragraphs[first].start, paragraphs[last].end
    return RemovedSpan(start=start, end=end, reason=reason, text=text[start:end])
