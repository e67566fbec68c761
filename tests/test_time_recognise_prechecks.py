"""The recogniser skips a rule when the text lacks every word the rule needs
(``RULE_NEEDS``); a skipped rule must be one that cannot match. These tests
check the word lists against the rules on sentences written for the purpose,
and the case folding the lists rely on."""

import importlib
import re
import string

import pytest

from storyline.time.recognise import RULE_NEEDS, RULES, _recognise, fold, rules_for

SENTENCES = [
    "The deal was signed on 2022-07-22 and again on 7/22/22.",
    "On Friday, July 22, 2022, the ministers met; on 22 July 2022 they signed; on 22nd of July they left.",
    "Early last March the talks stalled; in May they resumed, and late May 1998 they ended.",
    "Talks resumed last spring and will end in the summer of 2023, or the winter of nineteen ninety-seven.",
    "Prices rose in the 1990s and the '80s, as in the late nineteenth century and the 21st century.",
    "Sales rose in fiscal 1998 and fiscal '99 and in the first quarter of 1997 and the second half.",
    "The quarter a year ago was weaker than the full year, year-earlier results and a year ago.",
    "Next week, earlier this month, later this year and the past decade and the coming century.",
    "Last Tuesday's evening talks and Thursday morning and this past Sunday.",
    "Yesterday afternoon, today, tonight's vote and the day after tomorrow; this morning, late last night.",
    "Shelling continued overnight. Now, currently, these days, at present, recently, lately, the near future.",
    "The year two thousand and one, nineteen eighty-four, twenty-twenty; the weekend; by year-end; the end of the month.",
    "In the early winter; during spring; the 1998 first quarter; last year's third quarter; year-ago period.",
    "In recent years and coming months; about three years ago; five days later; two weeks from now.",
    "Some 2 1/2 centuries earlier, a few hours before, a couple of decades previously, ONE YEAR AFTER.",
    "Sept. 11 and 11th of Sept. and Jan 5, 1999, 3 Mar. 2001, on Dec.\n25; at 10:30\tA.M.; 7PM; Tuesday,\n9 pm.",
    "Early this WEEK, late next year, this fiscal year, LAST\nquarter, the same month, 1999-12-31.",
    "Per day, EACH\nweek, once a year, four times a day, Nightly.",
    "For the past three years, some 20 minutes, a decade-long war, for years, within days, than hours.",
    "Daily, weekly, every other Monday, each morning, per year, twice a week, three times a month.",
    "At 10:30 a.m. EST on Monday, at 5 pm, at 9 p.m., on July 4 at noon, midnight Tuesday.",
    "Christmas Day, New Year's Eve, Thanksgiving 1998, Independence Day, Labor Day, Easter Sunday, Halloween.",
    "Easter week, Christmas Week 1999 and Thanksgiving week.",
    "The day before last Tuesday's vote and the DAY AFTER Jan. 5, 2001, and the day after Friday.",
    "Shops close on Sundays and each July; the club meets Tuesday nights and FRIDAY EVENINGS, every March.",
    "TODAY and YESTERDAY, THE WEEKEND, LAST SPRING, THE 1990S, FISCAL 1998, NEXT WEEK, TWICE A WEEK.",
    # case aliases that re.IGNORECASE treats as ASCII letters
    "Last \u017fpring, the 1990\u017f, the la\u017ft decade, the \u0130ast week, wee\u212a",
    "Tw\u0131ce a week, n\u0130neteen n\u0131nety, the wee\u212aend and Yesterday.",
    'Prices fell in March, 2019, and in May, 1998; by (January, 2001) and "late May, nineteen ninety".',
    "It lasted 3.5 days, some 2 1/2 years (about a decade-long) and 'a few weeks'.",
    "Earlier that day, the next morning, the following\nevening, that same day; the week of March 6, 2000.",
    "THE NEXT DAY and THE WEEK OF Dec. 5; the first two quarters of 1990, the LAST TWO QUARTERS OF fiscal 1999.",
    "Through the nineties and THE EARLY EIGHTIES; a minute and a half, two and a half years, mid-afternoon Tuesday.",
    "Over the years, in THE COMING DECADES, for the weeks ahead; in the weeks before the vote.",
    "In THE NEAR TERM and over the short term, not short-term debt; at a later date.",
    "No time words in this one at all: the ministers argued.",
    "",
]


def _all_rules(text):
    """The recogniser's candidate list computed with every rule run."""
    module = importlib.import_module("storyline.time.recognise")
    saved = module.rules_for
    module.rules_for = lambda text: list(RULES)
    try:
        module._recognise.cache_clear()
        return module._recognise(text)
    finally:
        module.rules_for = saved
        module._recognise.cache_clear()


@pytest.mark.parametrize("text", SENTENCES)
def test_every_match_holds_a_needed_word(text):
    kept = {kind for kind, _ in rules_for(text)}
    for kind, pattern in RULES:
        for match in pattern.finditer(text):
            assert kind in kept, (kind, match.group())
            need = RULE_NEEDS.get(kind)
            if need is None:
                continue
            found = fold(match.group()) if need[0] == "ci" else match.group()
            if isinstance(need[1], re.Pattern):
                assert need[1].search(found), (kind, match.group())
            else:
                assert any(word in found for word in need[1]), (kind, match.group())


@pytest.mark.parametrize("text", SENTENCES)
def test_skipping_rules_changes_no_candidate(text):
    _recognise.cache_clear()
    skipped = _recognise(text)
    _recognise.cache_clear()
    expected = _all_rules(text)
    assert [(c.start, c.end, c.kind) for c in skipped] == [(c.start, c.end, c.kind) for c in expected]


def test_rules_are_skipped_when_their_words_are_absent():
    kinds = {kind for kind, _ in rules_for("The ministers argued.")}
    assert "century" not in kinds and "month" not in kinds and "holiday" not in kinds
    assert "century" in {kind for kind, _ in rules_for("the twentieth CENTURY")}


def test_needed_words_are_plain_lowercase_ascii_for_folded_checks():
    for kind, (mode, words) in RULE_NEEDS.items():
        assert mode in ("ci", "cs")
        assert words, kind
        if mode == "ci" and isinstance(words, re.Pattern):
            assert words.pattern.isascii() and not words.flags & re.IGNORECASE, kind
            assert not re.search(r"[A-Z]", re.sub(r"\\[A-Za-z]", "", words.pattern)), kind
        elif mode == "ci":
            assert all(w.isascii() and w == w.lower() for w in words), kind


def test_fold_covers_every_character_ignorecase_matches_to_ascii():
    letters = re.compile("[a-z]", re.IGNORECASE)
    others = re.compile(r"[0-9'.\-/]", re.IGNORECASE)
    for code in range(0x80, 0x110000):
        char = chr(code)
        if letters.fullmatch(char):
            folded = fold(char)
            assert len(folded) == 1 and folded in string.ascii_lowercase, hex(code)
            assert re.fullmatch(folded, char, re.IGNORECASE), hex(code)
        assert not others.fullmatch(char), hex(code)


def _stretchy_texts():
    """Texts dense in what the stretch matching must get right: expressions
    next to barrier characters, across line breaks, at the ends."""
    import random

    pieces = [
        "two",
        "years",
        "ago",
        "March",
        "May",
        "in",
        "of",
        "2019",
        "1998",
        ",",
        ";",
        ":",
        "(",
        ")",
        '"',
        "'",
        "%",
        "$",
        "about",
        "a",
        "few",
        "days",
        "-",
        "1/2",
        "3.5",
        "the",
        "first",
        "quarter",
        "late",
        "last",
        "Jan.",
        "Sept.",
        "nineteen",
        "ninety-seven",
        "\n",
        "\t",
        "decade",
        "long",
        "old",
        "week",
        "next",
        "month",
        "\u017fome",
        "YEARS",
        "centuries",
        "hour",
        "s",
        "%",
        "€",
        "Tuesday",
        "Monday's",
        "'s",
        "morning",
        "percent",
        "5",
        "31st",
        "1999-2000",
        "98",
        "No.",
        "#",
        "these",
        "now",
        "currently",
        "this",
        "past",
        "middle",
        "later",
        "before",
        "from",
        "the",
        "his",
        "it",
        "they",
        "Jan",
        "Dec.",
        "on",
        "by",
    ]
    rng = random.Random(7)
    for _ in range(1500):
        words = [rng.choice(pieces) for _ in range(rng.randint(1, 14))]
        yield "".join(w + rng.choice(["", " ", " ", "  ", "-", "\n"]) for w in words)


@pytest.mark.parametrize("kind", sorted(__import__("storyline.time.recognise", fromlist=["x"]).RULE_BARRIERS))
def test_stretch_matching_finds_the_whole_texts_matches(kind):
    module = importlib.import_module("storyline.time.recognise")
    pattern = dict(RULES)[kind]
    for text in [*SENTENCES, *_stretchy_texts()]:
        whole = [m.span() for m in pattern.finditer(text)]
        stretches = [m.span() for m in module.matches(kind, pattern, text, fold(text))]
        assert stretches == whole, text


def test_stretch_rules_name_a_regex_piece():
    module = importlib.import_module("storyline.time.recognise")
    for kind in module.RULE_BARRIERS:
        assert isinstance(RULE_NEEDS[kind][1], re.Pattern), kind
