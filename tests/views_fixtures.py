"""A small, realistic storyline database built by hand for the view tests.

The report, web app and exports must not wait for the real pipeline, and
their tests must not change when the extractor improves, so this builds the
records directly: one recurring storyline (the end of security coordination
announced in 2015, 2020 and 2023), a second storyline around a raid, statements
by several speakers, a contradiction, an undated event, and one article whose
text carries markup that must stay inert in every view.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from storyline.models import (
    ActorRef,
    Article,
    ArticleAnalysis,
    Contradiction,
    Event,
    EventMention,
    LinkResult,
    Place,
    Statement,
    Storyline,
    TimeValue,
    stable_id,
)
from storyline.store import Store

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def _day(text: str, basis: str = "explicit") -> TimeValue:
    d = date.fromisoformat(text)
    return TimeValue(text, d, d, "day", basis)


def _month(text: str) -> TimeValue:
    year, month = map(int, text.split("-"))
    last = date(year + month // 12, month % 12 + 1, 1) - date.resolution
    return TimeValue(text, date(year, month, 1), last, "month", "relative")


def _who(name: str, country: str | None, sector: str | None, text: str | None = None) -> ActorRef:
    return ActorRef(
        name=name,
        text=text or name,
        start=0,
        end=len(text or name),
        country=country,
        sector=sector,
        kind="person" if " " in name else "state",
        resolved=True,
    )


ABBAS = _who("Mahmoud Abbas", "PSE", "GOV")
PLO = _who("PLO Central Council", "PSE", "GOV")
PA = _who("Palestinian Authority", "PSE", "GOV")
ISRAEL = _who("Israel", "ISR", "GOV")
IDF = _who("Israel Defense Forces", "ISR", "MIL")
BLINKEN = _who("Antony Blinken", "USA", "GOV")
NETANYAHU = _who("Benjamin Netanyahu", "ISR", "GOV")
RESIDENTS = _who("Jenin residents", "PSE", "CVL")


class _Writer:
    """Collects one article's mentions with offsets found in its text."""

    def __init__(
        self,
        text: str,
        source: str,
        title: str,
        published: str | None,
        url: str | None = None,
        publisher: str | None = None,
    ):
        self.article = Article(
            id=Article.make_id(text),
            source=source,
            text=text,
            title=title,
            publisher=publisher,
            url=url,
            published=_day(published, "header") if published else None,
        )
        self.mentions: list[EventMention] = []
        self.statements: list[Statement] = []

    def _sentence(self, needle: str) -> tuple[int, int]:
        text = self.article.text
        at = text.index(needle)
        start = text.rfind(". ", 0, at)
        start = 0 if start < 0 else start + 2
        end = text.find(". ", at)
        end = len(text) if end < 0 else end + 1
        return start, end

    def mention(
        self,
        trigger: str,
        type_: str,
        cameo: str,
        mode: str,
        modality: str,
        sources,
        targets,
        time: TimeValue | None,
        summary: str,
        location: Place | None = None,
    ) -> EventMention:
        text = self.article.text
        t0 = text.index(trigger)
        s0, s1 = self._sentence(trigger)
        m = EventMention(
            id=stable_id("em", self.article.id, t0, type_),
            article_id=self.article.id,
            type=type_,
            cameo=cameo,
            mode=mode,
            modality=modality,
            trigger_start=t0,
            trigger_end=t0 + len(trigger),
            trigger=trigger,
            lemma=trigger.split()[0].lower(),
            sentence_start=s0,
            sentence_end=s1,
            sentence=text[s0:s1],
            sources=tuple(sources),
            targets=tuple(targets),
            location=location,
            time=time,
            confidence=0.8,
            summary=summary,
        )
        self.mentions.append(m)
        return m

    def statement(
        self,
        words: str,
        speaker: ActorRef,
        kind: str = "quote",
        time: TimeValue | None = None,
        about: str | None = None,
    ) -> Statement:
        start = self.article.text.index(words)
        s = Statement(
            id=stable_id("sm", self.article.id, start),
            article_id=self.article.id,
            speaker=speaker,
            words=words,
            start=start,
            end=start + len(words),
            kind=kind,
            cue="said",
            time=time or self.article.published,
            about=about,
        )
        self.statements.append(s)
        return s

    def analysis(self) -> ArticleAnalysis:
        return ArticleAnalysis(self.article, (), tuple(self.mentions), tuple(self.statements))


def _event(eid: str, mentions: list[EventMention], story: str | None, sources: int | None = None) -> Event:
    first = mentions[0]
    return Event(
        id=eid,
        type=first.type,
        cameo=first.cameo,
        mode=first.mode,
        modality=first.modality,
        time=first.time,
        sources=first.sources,
        targets=first.targets,
        location=first.location,
        summary=first.summary,
        mention_ids=tuple(m.id for m in mentions),
        source_count=sources if sources is not None else len({m.article_id for m in mentions}),
        storyline=story,
    )


RAMALLAH = Place("Ramallah", "PSE", 31.9, 35.2)
JENIN = Place("Jenin", "PSE", 32.46, 35.3)


def build_records() -> tuple[list[ArticleAnalysis], LinkResult]:
    a15 = _Writer(
        "The PLO Central Council decided on Thursday to suspend security coordination with Israel. "
        "The decision is a recommendation only, officials said. "
        'Abbas said that "coordination cannot continue while settlements grow".',
        "seeds/2015.txt",
        "PLO council votes to halt security ties",
        "2015-03-06",
        url="https://news.example.org/2015/03/plo-council",
        publisher="Example Wire",
    )
    m15 = a15.mention(
        "decided on Thursday to suspend",
        "SANCTION",
        "1622",
        "discontinue",
        "announced",
        [PLO],
        [ISRAEL],
        _day("2015-03-05", "relative"),
        "PLO Central Council suspends security coordination with Israel",
        RAMALLAH,
    )
    s15 = a15.statement("coordination cannot continue while settlements grow", ABBAS, about=m15.id)

    a20 = _Writer(
        "Mahmoud Abbas declared an end to security coordination with Israel on Tuesday. "
        "Abbas will meet faction leaders Thursday in Ramallah. "
        'Benjamin Netanyahu said "the Palestinians have walked away before". '
        "Israel threatened to withhold tax revenues.",
        "seeds/2020.txt",
        "Abbas ends security coordination",
        "2020-05-21",
        url="https://news.example.org/2020/05/abbas-ends",
        publisher="Example Wire",
    )
    m20 = a20.mention(
        "declared an end",
        "SANCTION",
        "1622",
        "discontinue",
        "announced",
        [ABBAS],
        [ISRAEL],
        _day("2020-05-19", "relative"),
        "Mahmoud Abbas declares an end to security coordination with Israel",
        RAMALLAH,
    )
    m20plan = a20.mention(
        "will meet",
        "CONSULT",
        "043",
        "meet",
        "planned",
        [ABBAS],
        [],
        _day("2020-05-21", "relative"),
        "Mahmoud Abbas to meet faction leaders",
        RAMALLAH,
    )
    m20threat = a20.mention(
        "threatened to withhold",
        "THREATEN",
        "1312",
        "sanction",
        "threatened",
        [ISRAEL],
        [PA],
        _month("2020-05"),
        "Israel threatens to withhold Palestinian tax revenues",
    )
    s20 = a20.statement("the Palestinians have walked away before", NETANYAHU, about=m20.id)

    a23 = _Writer(
        "Israeli forces raided the Jenin camp on January 26, killing nine people. "
        "The Palestinian Authority announced it was ending security coordination. "
        "Antony Blinken urged both sides to restore calm. "
        "Residents protested in Jenin. "
        "Health officials said ten people were killed.",
        "seeds/2023.txt",
        "Raid in Jenin; PA halts coordination",
        None,
        url="https://news.example.org/2023/01/jenin",
        publisher="Other Daily",
    )
    m23raid = a23.mention(
        "raided",
        "ASSAULT",
        "190",
        "conventional",
        "asserted",
        [IDF],
        [RESIDENTS],
        _day("2023-01-26"),
        "Israeli forces raid the Jenin camp",
        JENIN,
    )
    m23 = a23.mention(
        "announced it was ending",
        "SANCTION",
        "1622",
        "discontinue",
        "announced",
        [PA],
        [ISRAEL],
        _day("2023-01-26", "relative"),
        "Palestinian Authority ends security coordination with Israel",
        RAMALLAH,
    )
    m23ask = a23.mention(
        "urged",
        "REQUEST",
        "020",
        "appeal",
        "asserted",
        [BLINKEN],
        [ISRAEL, PA],
        _day("2023-01-31", "relative"),
        "Antony Blinken urges calm",
    )
    m23protest = a23.mention(
        "protested",
        "PROTEST",
        "141",
        "demonstrate",
        "asserted",
        [RESIDENTS],
        [IDF],
        _day("2023-01-27", "relative"),
        "Jenin residents protest the raid",
        JENIN,
    )
    s23a = a23.statement(
        "ten people were killed", _who("Palestinian health ministry", "PSE", "GOV"), kind="paraphrase", about=m23raid.id
    )
    s23b = a23.statement("urged both sides to restore calm", BLINKEN, kind="paraphrase", about=m23ask.id)

    # The hostile article: markup in its title, sentence, trigger context and a statement.
    hostile = _Writer(
        f"Abbas ended coordination, a blog wrote {SCRIPT} on its page. "
        f'A commenter said "{IMG} is how we do it". '
        "Long ago, Palestinian leaders suspended talks with Israel.",
        "web/hostile.html",
        f"Hostile {SCRIPT} title",
        "2020-05-20",
        url="https://blog.example.net/p?a=1&b=<2>",
        publisher=f"Blog {IMG}",
    )
    mh = hostile.mention(
        "ended coordination",
        "SANCTION",
        "1622",
        "discontinue",
        "reported",
        [ABBAS],
        [ISRAEL],
        _day("2020-05-19", "relative"),
        f"Abbas ends coordination {SCRIPT}",
    )
    mold = hostile.mention(
        "suspended talks",
        "REJECT",
        "125",
        "discontinue",
        "historical",
        [PA],
        [ISRAEL],
        None,
        "Palestinian leaders suspend talks (undated)",
    )
    sh = hostile.statement(f"{IMG} is how we do it", _who("Anonymous commenter", None, "CVL"))

    analyses = [a15.analysis(), a20.analysis(), a23.analysis(), hostile.analysis()]

    coordination, raid = "st_coordination", "st_jenin"
    ev15 = _event("ev_2015", [m15], coordination)
    ev20 = _event("ev_2020", [m20, mh], coordination)
    ev23 = _event("ev_2023", [m23], coordination)
    events = (
        ev15,
        ev20,
        ev23,
        _event("ev_meet", [m20plan], coordination),
        _event("ev_threat", [m20threat], coordination),
        _event("ev_raid", [m23raid], raid, sources=3),
        _event("ev_urge", [m23ask], raid),
        _event("ev_protest", [m23protest], raid),
        _event("ev_talks", [mold], None),
    )
    storylines = (
        Storyline(
            coordination,
            "Security coordination with Israel",
            tuple(e.id for e in events if e.storyline == coordination),
            episodes=((ev15.id, ev20.id, ev23.id),),
        ),
        Storyline(raid, f"Jenin raid {SCRIPT}", tuple(e.id for e in events if e.storyline == raid)),
    )
    contradictions = (
        Contradiction(
            "cx_deaths", m23raid.id, s23a.id, "nine killed according to the report, ten according to health officials"
        ),
        Contradiction("cx_statement", s15.id, s20.id, f"claims differ {IMG}"),
    )
    _ = (s23b, sh)
    return analyses, LinkResult(events, storylines, contradictions)


def build_db(path: str | Path) -> Path:
    """Write the hand-built records to a new DuckDB file at ``path``."""
    path = Path(path)
    analyses, links = build_records()
    with Store(path) as store:
        store.write_analyses(analyses)
        store.replace_links(links)
    return path


# --- headless Chromium (the browser tests) -------------------------------------

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-dev-shm-usage",
    "--no-first-run",
]


def chromium_path() -> str | None:
    import shutil

    return shutil.which("chromium") or next(
        (p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if Path(p).is_file()), None
    )


def launch_chromium():
    """(playwright, browser) driving Debian's chromium, or a pytest skip that
    says what is missing. Playwright never downloads a browser here."""
    import pytest

    executable = chromium_path()
    if executable is None:
        pytest.skip("chromium is not installed (make test installs it with apt-get when it can)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed: pip install 'storyline[test]'")
    pw = sync_playwright().start()
    try:
        browser = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
    except Exception as exc:  # a broken chromium install should say so, not fail every test
        pw.stop()
        pytest.skip(f"chromium at {executable} does not start: {str(exc).splitlines()[0]}")
    return pw, browser


class PageWatch:
    """Collects console errors, uncaught exceptions, dialogs and outside requests."""

    def __init__(self, page, allowed_origin: str = ""):
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.outside: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self._dialog)

        def request(req):
            url = req.url
            if not (
                url.startswith("file:")
                or url.startswith("data:")
                or (allowed_origin and url.startswith(allowed_origin))
            ):
                self.outside.append(url)

        page.on("request", request)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()
