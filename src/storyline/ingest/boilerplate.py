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

Calls to action are found by their form rather than their words: a short
sentence that opens with an imperative the reader is asked to carry out
("Subscribe", "Sign up", "Support us", "Follow", "Download", "You can
donate") and whose object is what such calls are about (a newsletter or
inbox, money, a platform or app, the publisher's journalism). News reports
calls ("The group urged supporters to donate blood") in the third person,
names who made them, or quotes them; none of that opens with the imperative.
The end of an article is where furniture gathers, so there a call needs less
(an imperative addressed to the reader), and a run of headline-shaped lines
(short, capitalised, no closing full stop) is a list of other stories.

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
FOLLOW = "follow prompt"
CALL = "call to action"

STRONG = 1.0  # enough on its own to remove a paragraph
WEAK = 0.5  # enough to be pulled in next to a strong paragraph
_DAMPING_WORDS = 60  # longer paragraphs need proportionally more cues
_SIGN_OFF_MAX_WORDS = 12
_SIGN_OFF_MAX_LINES = 4
_LIST_ITEM_MAX_WORDS = 20

_APOS = "['’]"
_NAME = (
    r"[A-Z][\w.'’-]+(?: (?:(?:de|da|del|della|di|du|dos|van|von|der|den|la|le|al|el|bin|ibn) )*"
    r"[A-Z][\w.'’-]+){1,3}"
)

_CUES: tuple[tuple[re.Pattern, float, str], ...] = tuple(
    (re.compile(pattern, re.I), weight, reason)
    for pattern, weight, reason in (
        # appeals for money, membership or subscriptions
        (r"\b(?:readers|people|folks) like you\b", 0.6, APPEAL),
        (r"\byour (?:continued |generous )?support\b", 0.6, APPEAL),
        # "support our journalism" asks the reader; "support the relief work"
        # and "make a donation to the hospital" are news, so they weigh less
        (
            r"\bsupport (?:our|independent|quality|local) (?:\w+ ){0,2}"
            r"(?:journalism|reporting|work|newsroom|mission)\b",
            1.0,
            APPEAL,
        ),
        (r"\bsupport (?:this|the) (?:\w+ )?(?:journalism|newsroom)\b", 0.6, APPEAL),
        (
            r"\b(?:make|making|give|giving) a (?:one-time|one-off|monthly|recurring|tax-deductible) "
            r"(?:donation|contribution|gift)\b",
            1.0,
            APPEAL,
        ),
        (r"\b(?:make|making|give|giving) a (?:small )?(?:donation|contribution|gift)\b", 0.6, APPEAL),
        (r"\bdonate\b", 0.5, APPEAL),
        # "become a member of NATO" is news; "become a member today" is not
        (r"\bbecome an? (?:member|subscriber|supporter|patron|donor)\b(?! of\b)", 0.7, APPEAL),
        (r"\bbecome an? (?:member|subscriber|supporter|patron|donor) (?:today|now)\b", 0.5, APPEAL),
        (r"\bjoin(?:ing)? (?:our|the) [\w’' -]{0,40}?(?:community|membership|club)\b", 0.6, APPEAL),
        (r"\bsubscri(?:be|bing|ption|ber)s?\b", 0.3, APPEAL),
        (r"\bpaywall\b", 0.6, APPEAL),
        (
            r"\balready an? (?:subscriber|member|supporter)\b|\b(?:log|sign) in to (?:remove|read|continue)\b",
            0.8,
            APPEAL,
        ),
        (r"\bad-free\b|\bremove (?:all )?(?:the )?ads\b|\bwithout (?:any )?ads\b", 0.7, APPEAL),
        (r"\bfor (?:as little as|only|just) [$€£]\s?\d", 0.8, APPEAL),
        (r"[$€£]\s?\d+(?:[.,]\d\d)? (?:a|per) (?:month|year|week)\b", 0.6, APPEAL),
        (r"\b(?:exclusive|premium|[\w]+-only) content\b", 0.5, APPEAL),
        (r"\bunlock (?:full |unlimited )?access\b", 0.6, APPEAL),
        (r"\byou(?:" + _APOS + r"ve| have) read\b", 0.6, APPEAL),
        (
            r"\bwe have (?:a|one) (?:small |simple )?(?:request|favou?r)\b|\bwe invite readers\b"
            r"|\bwe(?:" + _APOS + r"re| are) asking\b|\bwe ask (?:you|readers)\b",
            0.8,
            APPEAL,
        ),
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
        (
            r"^(?:share|tweet|email|print|copy link|whatsapp|facebook|twitter|linkedin|reddit|pinterest)"
            r"(?: (?:this|the) (?:article|story|page))?(?: (?:on|via|to) \w+)?[.:!]?$",
            1.0,
            SHARE,
        ),
        (r"\bshare (?:this|the) (?:article|story)\b", 0.8, SHARE),
        (r"\bfollow us on\b", 0.8, SHARE),
        (r"\bclick here\b", 0.5, SHARE),
        # cookie banners and legal footers
        (r"\b(?:we|this (?:site|website)) uses? cookies\b", 1.0, COOKIES),
        (r"\baccept (?:all )?cookies\b", 1.0, COOKIES),
        (r"\bcookie (?:policy|settings|preferences)\b", 0.8, COOKIES),
        (r"\bprivacy policy\b|\bterms (?:of use|of service|and conditions)\b", 0.4, COOKIES),
        (r"^(?:copyright\s*)?©|\ball rights reserved\b", 1.0, COPYRIGHT),
        # "Copyright 2023 Example Media", "(c) 2023 …", "2023 © Example Ltd"
        (r"^(?:copyright|\(c\))\s*(?:©\s*)?\d{4}\b|^\d{4}\s*©", 1.0, COPYRIGHT),
        (r"\bmay not be (?:re)?(?:published|produced|broadcast|rewritten|distributed|printed)\b", 1.0, COPYRIGHT),
        # credits
        (r"\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b|\bcontributed reporting\b", 1.0, CREDIT),
        (r"\b(?:additional )?reporting by\b", 0.6, CREDIT),
        (r"\b(?:editing|writing|compiled) by\b", 0.5, CREDIT),
        # "By Ann Lee and Tom Ray, Staff Writers": names stay case-sensitive
        (
            r"^by (?-i:" + _NAME + r")(?:(?:,| and| &) (?-i:" + _NAME + r"))*(?:\s*[,|–—-]\s*[\w .’']{1,40})?$",
            1.0,
            BYLINE,
        ),
        # captions' credits and page furniture around the story
        (r"^(?:photo|image|picture|video|file photo|main image|top image)(?: credit)?\s*:", 1.0, PHOTO_CREDIT),
        (r"\((?:AP|AFP|Reuters|Getty|EPA)[ -]?(?:Photo|Images?)\b[^)]*\)$", 1.0, PHOTO_CREDIT),
        # ad slots left in copied text
        (
            r"^(?:advertisement|advertising|sponsored(?: content)?|story continues below(?: advertisement)?"
            r"|continue reading(?: below)?|scroll to continue(?: with content)?)$",
            1.0,
            ADVERT,
        ),
    )
)


# --- which cues could match: a cheap test before each cue's search ---------------
#
# Most paragraphs are news and match no cue, yet each of ~55 searches scans
# the whole paragraph (a leading \b keeps the regex engine from skipping
# ahead to a literal). Each cue needs some words of its own ("paywall",
# "sign up", one of "newsletter"/"inbox"); a cue whose words are nowhere in
# the lower-cased paragraph cannot match, and is not searched.


def _needed_words(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Lower-case ASCII strings one of which occurs in any text ``pattern``
    matches (read from its parse), or None when no such strings are found."""
    from re import _constants as ops, _parser as parser  # the parse of the re module itself

    def of(items) -> tuple[str, ...] | None:
        best: tuple[str, ...] | None = None
        run: list[str] = []

        def consider(words: tuple[str, ...] | None) -> None:
            nonlocal best
            if words and all(w.isascii() and len(w) >= 3 for w in words):
                if best is None or min(map(len, words)) > min(map(len, best)):
                    best = words

        for op, arg in items:
            if op is ops.LITERAL:
                run.append(chr(arg))
                continue
            consider(("".join(run).lower(),) if run else None)
            run = []
            if op is ops.SUBPATTERN:
                consider(of(arg[-1]))
            elif op is ops.BRANCH:
                branches = [of(branch) for branch in arg[1]]
                if all(branches):
                    consider(tuple(w for words in branches for w in words))
            elif op in (ops.MAX_REPEAT, ops.MIN_REPEAT) and arg[0] >= 1:
                consider(of(arg[2]))
        consider(("".join(run).lower(),) if run else None)
        return best

    try:
        return of(parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # another Python's parser: every cue is searched
        return None


_CUE_WORDS = tuple(_needed_words(pattern) for pattern, _, _ in _CUES)
#: Characters that case-fold to ASCII letters under re.IGNORECASE ("İ", dotless i,
#: long s, the Kelvin sign): where one occurs, lower-casing does not show every match.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


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
    r"|according to (?:[\w.'’-]+\s*){1,6})(?: on \w+)?[.!]?[\"”’']?$",
    re.I,
)
_ADDRESSES_READER = re.compile(r"\b(?:you|your|yours|we|us|our|ours)\b|\b(?:we|you)" + _APOS + r"\w+", re.I)


# --- calls to action, by their form ----------------------------------------------
# What may come before the imperative: a softener ("Please", "Don't forget
# to"), a pointer ("Click here to"), or the reader named as able to act
# ("You can", "Readers can"). "Why not" and "Want to" ask the same.
_CTA_LEAD = (
    r"(?:(?:please|so|and|now|simply|just|also|today|then)\s*,?\s+|don" + _APOS + r"t forget to\s+"
    r"|be sure to\s+|make sure (?:to|you)\s+|remember to\s+|why not\s+|want to\s+"
    r"|(?:click|tap|scroll|go) (?:here |below |down |the link |the button )?to\s+"
    r"|(?:you|readers) can (?:also )?|you could\s+|to (?:\w+ ){1,4}, )*"
)
# Imperatives that ask the reader to act on the publisher's behalf. A bare
# verb that is also a noun or a sentence opener ("Download speeds rose",
# "Register of deeds", "Support for the bill grew", "Follow-up talks", "Like
# many others") counts only when what follows is how an imperative's object
# or adverb begins. A news sentence in the third person never opens this way.
_BARE_VERB = r"(?:subscribe|register|enrol|donate|contribute|pledge|unlock|upgrade|download|install|sign[ -]?up|opt in)"
_OBJECT_START = (
    r"(?=\s+(?:the|our|us|your|a|an|this|it|now|today|here|below|to|for|on|via|at|free|and|with"
    r"|from|by|in|more|what|all|full|unlimited|every|exclusive|online)\b|\s+[$€£\d]|\s*[.!:,;]|\s*$)"
)
_CTA_VERB = (
    r"(?P<verb>"
    + _BARE_VERB
    + _OBJECT_START
    + r"|chip in|pitch in|give (?:now|today|what you can|us|a gift|monthly|once)|back (?:us|our)|fund (?:us|our)"
    r"|support (?:us|our|independent|quality|local|free|this|the (?:\w+ )?(?:journalism|newsroom|site|paper))"
    r"|help (?:us|keep|fund|support|sustain)|join (?:us|our|the conversation|the debate|\d[\d,.]* ?\w*)"
    r"|become an? (?:member|subscriber|supporter|patron|donor|friend)"
    r"|(?:make|give) a (?:\w+ )?(?:donation|contribution|gift)"
    r"|consider (?:(?:making|giving) a (?:\w+ )?(?:donation|contribution|gift)|supporting (?:us|our)"
    r"|subscribing|becoming an? (?:member|subscriber|supporter|patron|donor))"
    r"|follow (?:us|our|@|the (?:latest|live)|\w+ on)|like (?:us|our)|share (?:this|the|our|your)"
    r"|message us|e-?mail us|write to us|contact us|send us|tell us|tip us"
    r"|get (?:our|the (?:latest|best|most)|breaking|daily|weekly|the (?:\w+ )?(?:newsletter|app|briefing|digest)"
    r"|\w+ (?:news|alerts|updates)|unlimited|full|access|\d)"
    r"|receive (?:our|the latest|daily|weekly|breaking|\w+ (?:news|alerts|updates))"
    r"|try (?:\w+ )?(?:free|premium|\d)|start (?:your|a) (?:free )?(?:trial|subscription)"
    r"|listen (?:to|now|on)|watch (?:now|on|our|the (?:full|latest))|tune in"
    r"|stay (?:informed|up to date|up-to-date|updated|connected|in touch|tuned)|keep up(?: to date)? with"
    r"|never miss|don" + _APOS + r"t miss|find us|check out our|visit our|catch up on)\b"
)
_CTA_OPENING = re.compile(r"^[^\w]{0,3}" + _CTA_LEAD + _CTA_VERB, re.I)
# Without a topic, an imperative is a call only when it speaks to the reader
# ("Join us.", "Register now!") or is an idiom nothing but a call uses.
_CALL_WITHOUT_TOPIC = re.compile(
    r"\b(?:you|your|us|our|now|today|here|below)\b|!|^(?:stay tuned|don"
    + _APOS
    + r"t miss|never miss|chip in|pitch in)",
    re.I,
)
# What calls are about, and so the reason a removed call is recorded under
# (the first that matches: "Subscribe to our YouTube channel" is a follow prompt).
_CTA_TOPICS: tuple[tuple[re.Pattern, str], ...] = tuple(
    (re.compile(pattern, re.I), reason)
    for pattern, reason in (
        (
            r"[$€£¥₹]\s?\d|\b\d+(?:[.,]\d+)? ?(?:dollars|euros|pounds|usd|eur|gbp)\b|\b(?:a|per) (?:month|week|year)\b"
            r"|\bdonat|\bcontribut|\bmembership\b|\bmembers?\b|\bpatrons?\b|\bsupporters?\b|\bpatreon\b|\bpaypal\b"
            r"|\bjournalism\b|\breporting\b|\bnewsroom\b|\bsubscription\b|\bpaywall\b|\bad-free\b",
            APPEAL,
        ),
        (
            r"\b(?:facebook|twitter|instagram|telegram|whatsapp|youtube|tiktok|linkedin|threads|bluesky|mastodon"
            r"|snapchat|reddit|google news|apple news|flipboard|podcasts?|the app|our app|app store|google play"
            r"|social media|rss|blog|channel)\b|\bon x\b|(?<!\w)@\w+|\bcomments?\b|https?://|\bwww\."
            r"|\b[\w-]+\.(?:com|org|net|co\.uk)\b",
            FOLLOW,
        ),
        (
            r"\bnewsletters?\b|\binbox\b|\be-?mails?\b|\balerts?\b|\bupdates\b|\bbriefings?\b|\bdigest\b"
            r"|\bnotifications?\b|\bbulletins?\b|\bsubscri",
            NEWSLETTER,
        ),
    )
)
_CTA_MAX_WORDS = 40
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+")
_OPENS_WITH_QUOTE = re.compile(r"^[\"“‘'«]")


def call_to_action(text: str) -> tuple[str, float] | None:
    """(reason, score) when a short paragraph asks the reader to subscribe,
    give, follow or download: STRONG when one of its sentences opens with
    such an imperative and names what the call is about, WEAK when the
    imperative only addresses the reader ("Join us.", "Don't miss out").
    Quoted or attributed paragraphs are reported speech, never a call."""
    if len(text.split()) > _CTA_MAX_WORDS or _OPENS_WITH_QUOTE.match(text) or _ATTRIBUTED.search(text):
        return None
    weak = None
    for sentence in _SENTENCE_BREAK.split(text):
        opening = _CTA_OPENING.match(sentence)
        if not opening:
            continue
        for pattern, reason in _CTA_TOPICS:
            if pattern.search(sentence):
                # "Share this on Facebook" asks to pass the story on, not to follow us.
                sharing = reason == FOLLOW and opening.group("verb").lower().startswith("share")
                return (SHARE if sharing else reason), STRONG
        if _CALL_WITHOUT_TOPIC.search(sentence[opening.start("verb") :]):
            weak = (CALL, WEAK)
    return weak


@dataclass(frozen=True)
class Paragraph:
    start: int  # offsets into the text before cleaning
    end: int
    text: str  # whitespace-normalised

    @property
    def words(self) -> int:
        return len(self.text.split())


def score_paragraph(text: str) -> dict[str, float]:
    """Boilerplate score per reason, damped for long paragraphs."""
    scores: dict[str, float] = {}
    lowered = None if _FOLDS_TO_ASCII.search(text) else text.lower()
    for (pattern, weight, reason), words in zip(_CUES, _CUE_WORDS):
        if words is not None and lowered is not None and not any(word in lowered for word in words):
            continue  # none of the words the cue needs
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
    call = call_to_action(text) if sum(scores.values()) < STRONG else None  # cues name it already
    if call:
        reason, score = call
        scores[reason] = scores.get(reason, 0.0) + score
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
    # Each end rule can expose more furniture to the other (a call above a
    # list of headlines): run them until the end of the article is news, so
    # cleaning a cleaned text changes nothing.
    while True:
        before = len(removed)
        _remove_trailing_calls(scores, removed)
        _remove_trailing_headlines(paragraphs, removed)
        if len(removed) == before:
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


def _grow_blocks(
    paragraphs: list[Paragraph], totals: list[float], scores: list[dict[str, float]], removed: dict[int, str]
) -> None:
    strong = sorted(index for index in removed if totals[index] >= STRONG)
    for seed in strong:
        for step in (-1, 1):
            index = seed + step
            while 0 <= index < len(paragraphs) and index not in removed and totals[index] >= WEAK:
                removed[index] = _best_reason(scores[index])
                index += step


def _remove_trailing_appeal(paragraphs: list[Paragraph], totals: list[float], removed: dict[int, str]) -> None:
    start = len(paragraphs)
    while start > 0:
        candidate = start - 1
        if candidate in removed or totals[candidate] >= WEAK or _is_sign_off(paragraphs[candidate]):
            start = candidate
        else:
            break
    appeal_indexes = [index for index in range(start, len(paragraphs)) if removed.get(index) in _APPEAL_REASONS]
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


def _remove_trailing_calls(scores: list[dict[str, float]], removed: dict[int, str]) -> None:
    """At the end of an article, after the news, a call needs no topic: "Join
    us.", "Don't miss out" are furniture there, whatever they ask for."""
    for index in range(len(scores) - 1, -1, -1):
        if index in removed:
            continue
        if CALL not in scores[index]:
            return
        removed[index] = CALL


_HEADLINE = re.compile(r"^(?:[-*•–·>]\s*|\d{1,2}[.)]\s+)?[\"“‘']?[A-Z0-9]")
_HEADLINE_WORDS = (4, 16)
_HEADLINES_IN_A_LIST = 3


def _is_headline(paragraph: Paragraph) -> bool:
    low, high = _HEADLINE_WORDS
    text = paragraph.text
    return (
        low <= paragraph.words <= high
        and bool(_HEADLINE.match(text))
        and not _ENDS_LIKE_SENTENCE.search(text)
        and not _SENTENCE_BREAK.search(text)
    )


def _remove_trailing_headlines(paragraphs: list[Paragraph], removed: dict[int, str]) -> None:
    """A run of headline-shaped lines (a capital, a few words, no closing full
    stop) that ends the article, after its last sentence, is a list of other
    stories, header or not; one or two such lines may be the story's own."""
    run: list[int] = []
    for index in range(len(paragraphs) - 1, -1, -1):
        if index in removed:  # an "Advertisement" between two headlines
            continue
        if not _is_headline(paragraphs[index]):
            break
        run.append(index)
    if len(run) < _HEADLINES_IN_A_LIST:
        return
    for index in run:
        removed[index] = RELATED
