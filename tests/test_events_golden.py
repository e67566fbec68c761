"""Golden examples: sentences written for storyline and the one event a
careful coder would take from each (type in PLOVER's own convention,
modality, source country, first target country), and sentences from which
nothing may be coded."""

from __future__ import annotations

import pytest

from storyline.evaluation.plover import main_mention
from storyline.events import extract, plover_type
from storyline.models import Article

GOLDEN = [
    ("Egyptian troops shelled rebel positions near the border on Monday.", "ASSAULT", "asserted", "EGY", None),
    ("The Kenyan government expelled two Somali diplomats on Friday.", "SANCTION", "asserted", "KEN", "SOM"),
    ("Jordan suspended security cooperation with Syria after the shooting.", "SANCTION", "asserted", "JOR", "SYR"),
    (
        "Brazil's foreign minister will meet his Argentine counterpart in Buenos Aires next week.",
        "AGREE",
        "planned",
        "BRA",
        "ARG",
    ),
    ("Turkish police arrested dozens of protesters in Ankara.", "COERCE", "asserted", "TUR", "TUR"),
    (
        "Iran threatened to close the Strait of Hormuz if sanctions were tightened.",
        "THREATEN",
        "threatened",
        "IRN",
        None,
    ),
    (
        "Thousands of Chilean students marched through Santiago to protest tuition fees.",
        "PROTEST",
        "asserted",
        "CHL",
        None,
    ),
    ("Japan pledged to send medical aid to Nepal after the earthquake.", "AGREE", "asserted", "JPN", "NPL"),
    ("The United Nations accused Myanmar of blocking aid deliveries.", "ACCUSE", "asserted", None, "MMR"),
    ("Pakistan rejected an Indian proposal for talks on the dispute.", "REJECT", "asserted", "PAK", "IND"),
    ("Germany demanded that Russia release the detained journalists.", "REQUEST", "asserted", "DEU", "RUS"),
    ("Sweden donated 20 million dollars to the World Food Programme.", "AID", "asserted", "SWE", None),
    ("Ethiopian forces withdrew from the disputed town on Sunday.", "RETREAT", "asserted", "ETH", None),
    ("The Nigerian army deployed troops to the northern region.", "MOBILIZE", "asserted", "NGA", None),
    ("France did not send troops to Mali.", "MOBILIZE", "negated", "FRA", "MLI"),
    ("Vietnam lifted the curfew in the capital.", "CONCEDE", "asserted", "VNM", None),
    ("Ghana praised Senegal for its handling of the election.", "SUPPORT", "asserted", "GHA", "SEN"),
    ("Israel has repeatedly threatened to strike Iranian nuclear sites.", "THREATEN", "historical", "ISR", "IRN"),
    ("Colombia may impose sanctions on Venezuela, officials said.", "SANCTION", "hypothetical", "COL", "VEN"),
    ("According to a report, Saudi warplanes bombed a market in Yemen.", "ASSAULT", "reported", "SAU", "YEM"),
    ("Peru said it would expel the Bolivian ambassador.", "THREATEN", "planned", "PER", "BOL"),
    ("Chad announced it was halting all trade with Sudan.", "SANCTION", "announced", "TCD", "SDN"),
]

NOTHING = [
    "Security cooperation between the two countries has always been necessary.",
    "You can help support our journalism by subscribing today.",
    "The weather in Paris was mild on Tuesday.",
    "Analysts believe that no dramatic steps will be taken before the election.",
    "Palestinian forces need to coordinate with Israel to pass through the checkpoints.",
]


def _code(nlp, text):
    doc = nlp(text)
    mentions, _ = extract(Article(id=Article.make_id(text), source="golden", text=text), doc, ())
    return doc, mentions


@pytest.mark.parametrize("text,kind,modality,source,target", GOLDEN, ids=[g[0][:40] for g in GOLDEN])
def test_events_golden_main_event(nlp, text, kind, modality, source, target):
    doc, mentions = _code(nlp, text)
    main = main_mention(doc, mentions)
    assert main is not None, f"nothing coded from {text!r}"
    got = (
        plover_type(main),
        main.modality,
        main.sources[0].country if main.sources else None,
        main.targets[0].country if main.targets else None,
    )
    assert got == (kind, modality, source, target)
    assert main.summary and 0 <= main.confidence <= 1


@pytest.mark.parametrize("text", NOTHING)
def test_events_golden_nothing_from_background_or_appeals(nlp, text):
    _, mentions = _code(nlp, text)
    assert mentions == [], [m.summary for m in mentions]


def test_events_golden_month_named_march_is_no_protest(nlp):
    _, mentions = _code(nlp, "The council declared in early March that it would end security cooperation with Jordan.")
    assert [m.type for m in mentions] == ["SANCTION"]
