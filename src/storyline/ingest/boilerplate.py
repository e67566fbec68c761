"""Which paragraphs of an article are not news.

Each paragraph is scored by weighted cue phrases; no single weak cue can
remove a paragraph, so a news paragraph that merely mentions subscriptions
or donations stays. Three rules then work on neighbourhoods:

* a paragraph with a strong score pulls in adjacent paragraphs that have
  some boilerplate cues (appeals run over several paragraphs);
* a list header ("Related stories", "Read more") takes the short headline
  lines after it;
* an appeal block at the end of the article takes its short sign-off lines
  with it ("Thank you,", a name and title, a one-line slogan), because
  those carry no cue of their own.

Every rule looks only at wording and shape, never at a publisher's name.
The rules only remove text next to boilerplate, so cleaning a cleaned text
changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import parse_timestamp_line

APPEAL = "publisher appeal"
NEWSLETTER = "newsletter prompt"
RELATED = "related links"
SHARE = "share prompt"
COOKIES = "cookie notice"
CREDIT = "staff credit"
ADVERT = "advertisement marker"
COPYRIGHT = "copyright notice"
SIGN_OFF = "appeal sign-off"
PHOTO_CREDIT = "photo credit"
BYLINE = "byline"
TIMESTAMP = "timestamp line"

STRONG = 1.0      # enough on its own to remove a paragraph
WEAK = 0.5        # enough to be pulled in next to a strong paragraph
_DAMPING_WORDS = 60   # longer paragraphs need proportionally more cues
_SIGN_OFF_MAX_WORDS = 12
_SIGN_OFF_MAX_LINES = 4
_LIST_ITEM_MAX_WORDS = 20

_APOS = "['’]"
_NAME = (r"[A-Z][\w.'’-]+(?: (?:(?:de|da|del|della|di|du|dos|van|von|der|den|la|le|al|el|bin|ibn) )*"
         r"[A-Z][\w.'’-]+){1,3}")

_CUES: tuple[tuple[re.Pattern, float, str], ...] = tuple(
    (re.compile(pattern, re.I), weight, reason)
    for pattern, weight, reason in (
        # appeals for money, membership or subscriptions
        (r"\b(?:readers|people|folks) like you\b", 0.6, APPEAL),
        (r"\byour (?:continued |generous )?support\b", 0.6, APPEAL),
        # "support our journalism" asks the reader; "support the relief work"
        # and "make a donation to the hospital" are news, so they weigh less
        (r"\bsupport (?:our|independent|quality|local) (?:\w+ ){0,2}"
         r"(?:journalism|reporting|work|newsroom|mission)\b", 1.0, APPEAL),
        (r"\bsupport (?:this|the) (?:\w+ )?(?:journalism|newsroom)\b", 0.6, APPEAL),
        (r"\b(?:make|making|give|giving) a (?:one-time|one-off|monthly|recurring|tax-deductible) "
         r"(?:donation|contribution|gift)\b", 1.0, APPEAL),
        (r"\b(?:make|making|give|giving) a (?:small )?(?:donation|contribution|gift)\b", 0.6, APPEAL),
        (r"\bdonate\b", 0.5, APPEAL),
        # "become a member of NATO" is news; "become a member today" is not
        (r"\bbecome an? (?:member|subscriber|supporter|patron|donor)\b(?! of\b)", 0.7, APPEAL),
        (r"\bbecome an? (?:member|subscriber|supporter|patron|donor) (?:today|now)\b", 0.5, APPEAL),
        (r"\bjoin(?:ing)? (?:our|the) [\w’' -]{0,40}?(?:community|membership|club)\b", 0.6, APPEAL),
        (r"\bsubscri(?:be|bing|ption|ber)s?\b", 0.3, APPEAL),
        (r"\bpaywall\b", 0.6, APPEAL),
        (r"\balready an? (?:subscriber|member|supporter)\b|\b(?:log|sign) in to (?:remove|read|continue)\b", 0.8, APPEAL),
        (r"\bad-free\b|\bremove (?:all )?(?:the )?ads\b|\bwithout (?:any )?ads\b", 0.7, APPEAL),
        (r"\bfor (?:as little as|only|just) [$€£]\s?\d", 0.8, APPEAL),
        (r"[$€£]\s?\d+(?:[.,]\d\d)? (?:a|per) (?:month|year|week)\b", 0.6, APPEAL),
        (r"\b(?:exclusive|premium|[\w]+-only) content\b", 0.5, APPEAL),
        (r"\bunlock (?:full |unlimited )?access\b", 0.6, APPEAL),
        (r"\byou(?:" + _APOS + r"ve| have) read\b", 0.6, APPEAL),
        (r"\bwe have (?:a|one) (?:small |simple )?(?:request|favou?r)\b|\bwe invite readers\b"
         r"|\bwe(?:" + _APOS + r"re| are) asking\b|\bwe ask (?:you|readers)\b", 0.8, APPEAL),
        (r"\bthank you for (?:reading|your support|supporting)\b", 1.0, APPEAL),
        (r"\b(?:our|quality|independent) journalism\b", 0.4, APPEAL),
        (r"\bjournalism (?:\w+ ){0,2}is (?:costly|expensive)\b", 0.6, APPEAL),
        (r"\bfor free\b|\bfree of charge\b", 0.3, APPEAL),
        (r"\bdiscerning readers\b|\bmust-read\b", 0.3, APPEAL),
        # newsletters
        (r"\bnewsletters?\b", 0.5, NEWSLETTER),
        (r"\bsign up\b", 0.5, NEWSLETTER),
        (r"\binbox\b", 0.5, NEWSLETTER),
        (r"\benter your email\b|\byour email address\b", 0.6, NEWSLETTER),
        (r"\bsubscribe to (?:our|the) [\w ]{0,30}newsletter\b", 1.0, NEWSLETTER),
        # links to other articles
        (r"^(?:read more|read also|also read|see also|more on this(?: story| topic)?)\s*[:\-–—]", 1.0, RELATED),
        # sharing and following
        (r"^(?:share|tweet|email|print|copy link|whatsapp|facebook|twitter|linkedin|reddit|pinterest)"
         r"(?: (?:this|the) (?:article|story|page))?(?: (?:on|via|to) \w+)?[.:!]?$", 1.0, SHARE),
        (r"\bshare (?:this|the) (?:article|story)\b", 0.8, SHARE),
        (r"\bfollow us on\b", 0.8, SHARE),
        (r"\bclick here\b", 0.5, SHARE),
        # cookie banners and legal footers
        (r"\b(?:we|this (?:site|website)) uses? cookies\b", 1.0, COOKIES),
        (r"\baccept (?:all )?cookies\b", 1.0, COOKIES),
        (r"\bcookie (?:policy|settings|preferences)\b", 0.8, COOKIES),
        (r"\bprivacy policy\b|\bterms (?:of use|of service|and conditions)\b", 0.4, COOKIES),
        (r"^(?:copyright\s*)?©|\ball rights reserved\b", 1.0, COPYRIGHT),
        # credits
        (r"\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b|\bcontributed reporting\b", 1.0, CREDIT),
        (r"\b(?:additional )?reporting by\b", 0.6, CREDIT),
        (r"\b(?:editing|writing|compiled) by\b", 0.5, CREDIT),
        # "By Ann Lee and Tom Ray, Staff Writers": names stay case-sensitive
        (r"^by (?-i:" + _NAME + r")(?:(?:,| and| &) (?-i:" + _NAME + r"))*(?:\s*[,|–—-]\s*[\w .’']{1,40})?$",
         1.0, BYLINE),
        # captions' credits and page furniture around the story
        (r"^(?:photo|image|picture|video|file photo|main image|top image)(?: credit)?\s*:", 1.0, PHOTO_CREDIT),
        (r"\((?:AP|AFP|Reuters|Getty|EPA)[ -]?(?:Photo|Images?)\b[^)]*\)$", 1.0, PHOTO_CREDIT),
        # ad slots left in copied text
        (r"^(?:advertisement|advertising|sponsored(?: content)?|story continues below(?: advertisement)?"
         r"|continue reading(?: below)?|scroll to continue(?: with content)?)$", 1.0, ADVERT),
    )
)

_LIST_HEADER = re.compile(
    r"^(?:related(?: stories| articles| coverage| content| news| reading| links)?|read more|read also"
    r"|more on this(?: story| topic)?|see also|you (?:may|might) also like|recommended(?: for you)?"
    r"|most (?:read|popular)|trending(?: now)?|more stories|top stories|don" + _APOS + r"t miss)\s*[:\-–—]?$",
    re.I,
)
_ENDS_LIKE_SENTENCE = re.compile(r"[.!;:,][\"'”’)\]]*$")
_APPEAL_REASONS = (APPEAL, NEWSLETTER)
# A paragraph that ends by naming who said it ("..., the editor said.",
# "..., according to the union.") is reported speech: news that may quote an
# appeal ("Thank you for reading was printed on its front page"), not one.
_ATTRIBUTED = re.compile(
    r"(?:,|\bsaid|\btold)\s+(?:[\w.'’-]+\s+){0,5}?(?:said|says|told (?:\w+ ){0,2}\w+|added|wrote"
    r"|according to (?:[\w.'’-]+\s*){1,6})(?: on \w+)?[.!]?[\"”’']?$", re.I)
_ADDRESSES_READER = re.compile(r"\b(?:you|your|yours|we|us|our|ours)\b|\b(?:we|you)" + _APOS + r"\w+", re.I)


@dataclass(frozen=True)
class Paragraph:
    start: int        # offsets into the text before cleaning
    end: int
    text: str         # whitespace-normalised

    @property
    def words(self) -> int:
        return len(self.text.split())


def score_paragraph(text: str) -> dict[str, float]:
    """Boilerplate score per reason, damped for long paragraphs."""
    scores: dict[str, float] = {}
    for pattern, weight, reason in _CUES:
        if pattern.search(text):
            scores[reason] = scores.get(reason, 0.0) + weight
    appeals = [reason for reason in _APPEAL_REASONS if reason in scores]
    if appeals and (not _ADDRESSES_READER.search(text) or _ATTRIBUTED.search(text)):
        # Appeals and prompts speak to the reader; a third-person paragraph
        # about prices or subscriptions, or one that reports who said the
        # words, is a news story about them. (Only asked when an appeal cue
        # matched: most paragraphs have none, and these two searches were a
        # fifth of the cleaning.)
        for reason in appeals:
            scores[reason] *= 0.5
    if parse_timestamp_line(text):
        scores[TIMESTAMP] = scores.get(TIMESTAMP, 0.0) + STRONG
    words = max(1, len(text.split()))
    damping = min(1.0, _DAMPING_WORDS / words)
    return {reason: score * damping for reason, score in scores.items()}


def find_boilerplate(paragraphs: list[Paragraph]) -> dict[int, str]:
    """Indexes of the paragraphs to remove, each with its reason."""
    scores = [score_paragraph(paragraph.text) for paragraph in paragraphs]
    totals = [sum(score.values()) for score in scores]
    removed = {index: _best_reason(score) for index, score in enumerate(scores) if totals[index] >= STRONG}
    _remove_lists(paragraphs, removed)
    _grow_blocks(paragraphs, totals, scores, removed)
    _remove_trailing_appeal(paragraphs, totals, removed)
    return removed


def _best_reason(score: dict[str, float]) -> str:
    return max(score, key=score.get)


def _remove_lists(paragraphs: list[Paragraph], removed: dict[int, str]) -> None:
    index = 0
    while index < len(paragraphs):
        if not _LIST_HEADER.match(paragraphs[index].text):
            index += 1
            continue
        removed[index] = RELATED
        index += 1
        while index < len(paragraphs) and _looks_like_list_item(paragraphs[index]):
            removed[index] = RELATED
            index += 1


def _looks_like_list_item(paragraph: Paragraph) -> bool:
    return paragraph.words <= _LIST_ITEM_MAX_WORDS and not _ENDS_LIKE_SENTENCE.search(paragraph.text)


def _grow_blocks(paragraphs: list[Paragraph], totals: list[float],
                 scores: list[dict[str, float]], removed: dict[int, str]) -> None:
    strong = sorted(index for index in removed if totals[index] >= STRONG)
    for seed in strong:
        for step in (-1, 1):
            index = seed + step
            while 0 <= index < len(paragraphs) and index not in removed and totals[index] >= WEAK:
                removed[index] = _best_reason(scores[index])
                index += step


def _remove_trailing_appeal(paragraphs: list[Paragraph], totals: list[float],
                            removed: dict[int, str]) -> None:
    start = len(paragraphs)
    while start > 0:
        candidate = start - 1
        if candidate in removed or totals[candidate] >= WEAK or _is_sign_off(paragraphs[candidate]):
            start = candidate
        else:
            break
    appeal_indexes = [index for index in range(start, len(paragraphs))
                      if removed.get(index) in _APPEAL_REASONS]
    if not appeal_indexes:
        return
    # A sign-off is a few lines; more short lines after an appeal box are
    # more likely the end of the story, so the rule then stands back.
    unexplained = [index for index in range(appeal_indexes[0], len(paragraphs)) if index not in removed]
    if len(unexplained) > _SIGN_OFF_MAX_LINES:
        return
    for index in unexplained:
        removed[index] = SIGN_OFF


def _is_sign_off(paragraph: Paragraph) -> bool:
    return paragraph.words <= _SIGN_OFF_MAX_WORDS and len(paragraph.text) <= 100
