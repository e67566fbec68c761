"""Convert PETRARCH2's CAMEO verb dictionary into storyline's own data file.

    .venv/bin/python scripts/convert_cameo_verbs.py ../shared/data/knowledge/petrarch2 [OUT_DIR]

Reads ``CAMEO.2.0.txt`` and ``LICENSE`` from the PETRARCH2 folder and writes
into OUT_DIR (default: src/storyline/events/data/):

- ``cameo_verbs.tsv``: synonym sets, verbs and patterns, lemmatised the way
  the spaCy pipeline lemmatises running text, so a token's lemma finds them;
- ``PETRARCH2_LICENSE.txt``: the MIT notice of the dictionary, copied.

The file is rebuilt byte for byte by rerunning this script with the same
spaCy pipeline (its name and version are written into the header).

What is kept and how (see FORMAT.md beside the source):

- a synonym set ``&NAME`` becomes one ``synset`` row of lemmatised phrases;
- a verb line becomes a ``verb`` row: the lemma of the verb (irregular forms
  in ``{...}`` only add a lemma when spaCy lemmatises them to something other
  than the base form) with its own code or its block's;
- a multi-word verb (``+CALL_OFF``, ``+ASK_FOR``) becomes a ``pattern`` row
  with the words after the verb as particle, object or preposition;
- a pattern line becomes a ``pattern`` row: subject head, particle, object
  phrase and prepositional phrases. Actor markers (``$ + % ^``) only say
  where actors go and are dropped; a preposition marked with them keeps no
  object. Codes ``[a:b]`` keep the source->target code ``a``; patterns that
  only code the reverse direction (``[:173]``) and the eight verb-on-verb
  transformations are left out. ``---`` (no event) is kept: a specific
  pattern saying "no event" must silence its verb's default code.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "storyline" / "events" / "data"
SOURCE = "CAMEO.2.0.txt"
SOURCE_NAME = "PETRARCH2 CAMEO.2.0.txt (openeventdata/petrarch2 @676801cd, last update 2015-04-30; MIT)"
#: Bare words after the verb that are particles, not nouns ("SET OUT VIEWS").
PARTICLES = {
    "OUT",
    "OFF",
    "UP",
    "DOWN",
    "BACK",
    "AWAY",
    "FORWARD",
    "ASIDE",
    "OVER",
    "AROUND",
    "TOGETHER",
    "THROUGH",
    "APART",
    "AHEAD",
    "IN",
    "ON",
}
#: Words of a multi-word verb that are prepositions ("ASK_FOR", "SCOFF_AT").
PREPOSITIONS = {
    "FOR",
    "AT",
    "TO",
    "WITH",
    "FROM",
    "INTO",
    "AGAINST",
    "OF",
    "BY",
    "ABOUT",
    "ON",
    "IN",
    "UPON",
    "ONTO",
    "UNDER",
    "BEFORE",
    "AFTER",
    "BEHIND",
    "OVER",
    "TOWARD",
    "TOWARDS",
}
ACTOR_MARKS = {"$", "+", "%", "^"}
TOKEN = re.compile(r"\(|\)|\{|\}|[^\s(){}]+")
CODE = re.compile(r"\[([^\]]*)\]")


def _clean_code(raw: str) -> str | None:
    """The source->target code of ``[a]`` or ``[a:b]``; None when only the reverse is coded."""
    first = raw.split(":")[0].strip().rstrip("!")
    if first == "---":
        return "---"
    return first if re.fullmatch(r"\d{2,4}", first) else None


class Lemmatiser:
    """Lemmas as the runtime pipeline gives them: nouns and phrases are parsed
    in a short carrier sentence (so the tagger decides singular or plural, as it
    will on news), verb forms go through the pipeline's own lemmatiser with the
    morphology their ending implies."""

    NOUN_FRAME = "They talked about the {} ."

    def __init__(self):
        from spacy.tokens import Doc

        from storyline.annotate import load_pipeline

        self.nlp = load_pipeline()
        self.lemmatizer = self.nlp.get_pipe("lemmatizer")
        self.Doc = Doc
        self.nouns: dict[str, tuple[str, ...]] = {}

    def describe(self) -> str:
        meta = self.nlp.meta
        return f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')} (spaCy lemmas)"

    def prepare_nouns(self, phrases: set[str]) -> None:
        texts = sorted(phrases)
        frames = [self.NOUN_FRAME.format(text) for text in texts]
        prefix = len(self.NOUN_FRAME.split("{}")[0])
        for text, doc in zip(texts, self.nlp.pipe(frames, batch_size=256)):
            words = [t.lemma_.lower() for t in doc if prefix <= t.idx < prefix + len(text) and not t.is_punct]
            self.nouns[text] = tuple(words) or (text,)

    def noun(self, word_or_phrase: str) -> str:
        return " ".join(self.nouns[_plain(word_or_phrase)])

    def verb_forms(self, base: str, forms: list[str]) -> list[str]:
        """The base lemma first, then any other lemma spaCy gives a listed form
        or a regular form of the base ("lambasted" -> "lambast", "staged" -> "stag")."""
        lemmas = [base] if base else []
        for form in [*forms, *(_regular_forms(base) if base else ())]:
            morph = (
                "VerbForm=Part|Tense=Pres"
                if form.endswith("ing")
                else "Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
                if form.endswith("s")
                else "Tense=Past|VerbForm=Fin"
            )
            doc = self.Doc(self.nlp.vocab, words=[form], pos=["VERB"], morphs=[morph])
            lemma = self.lemmatizer.rule_lemmatize(doc[0])[0].lower()
            if lemma not in lemmas and lemma != form:
                lemmas.append(lemma)
        return lemmas


def _regular_forms(base: str) -> list[str]:
    """-s, -ed and -ing forms by the regular spelling rules (the dictionary
    lists only irregular ones)."""
    vowels = "aeiou"
    if base.endswith(("s", "x", "z", "ch", "sh")):
        third = base + "es"
    elif base.endswith("y") and len(base) > 1 and base[-2] not in vowels:
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    if base.endswith("e"):
        past, ing = base + "d", (base if base.endswith("ee") else base[:-1]) + "ing"
    elif base.endswith("y") and len(base) > 1 and base[-2] not in vowels:
        past, ing = base[:-1] + "ied", base + "ing"
    else:
        past, ing = base + "ed", base + "ing"
    return [third, past, ing]


def _plain(word: str) -> str:
    """A dictionary word or phrase as text: ``CEASE_FIRE_`` -> ``cease fire``."""
    return " ".join(part for part in word.strip("_").lower().split("_") if part)


def read_dictionary(text: str):
    """(synsets, blocks) from the dictionary text. A block is a dict with its
    name, code, verb lines and pattern lines (raw, comments removed)."""
    synsets: dict[str, list[str]] = {}
    blocks: list[dict] = []
    section = "synsets"
    current_set = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip() if not raw.startswith("####") else raw
        if raw.startswith("#######") and "VERB PATTERNS" in raw:
            section = "verbs"
            continue
        if raw.startswith("####") and "TRANSFORMATIONS" in raw:
            section = "transformations"
            continue
        if not raw.strip():
            current_set = None  # a blank line ends a synonym set; a comment line does not
            continue
        if not line.strip() or section == "transformations":
            continue
        if line.startswith("&") and not line.startswith("&", 1):
            current_set = line.split()[0]
            synsets[current_set] = []
            continue
        if current_set is not None and line.startswith("+"):
            synsets[current_set].append(line[1:].split()[0])
            continue
        if section != "verbs":
            continue
        if line.startswith("---"):
            match = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]", line)
            blocks.append(
                {"name": match.group(1), "code": _clean_code(match.group(2)) or "---", "verbs": [], "patterns": []}
            )
        elif line.startswith("-"):
            blocks[-1]["patterns"].append(raw.strip()[1:].strip())  # the comment names the verb
        elif blocks:
            blocks[-1]["verbs"].append(line.strip())
    return synsets, blocks


def _parse_verb_line(line: str):
    """(head word, words after it, irregular forms, code or None) of a verb line."""
    code_match = CODE.search(line)
    code = _clean_code(code_match.group(1)) if code_match else None
    body = CODE.sub("", line)
    forms = re.findall(r"\{([^}]*)\}", body)
    body = re.sub(r"\{[^}]*\}", "", body).split()[0]
    words = [w for w in body.split("_") if w]
    head_at = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    head = words[head_at].lstrip("+")
    rest = [w.lstrip("+") for w in words[head_at + 1 :]]
    irregular = []
    for form in forms[0].split() if forms else []:
        parts = [w for w in form.split("_") if w]
        marked = next((p for p in parts if p.startswith("+")), parts[0] if parts else "")
        if marked:
            irregular.append(marked.lstrip("+").lower())
    return head, rest, irregular, code


def _phrase(tokens: list[str]) -> str | None:
    """A noun phrase from pattern tokens; actor markers and skips dropped."""
    words = [t for t in tokens if t not in ACTOR_MARKS and t != "."]
    return " ".join(words) if words else None


def parse_pattern(body: str):
    """Split a pattern line into (code, subject, particle, object, preps) or None
    when the line has no usable code. ``preps`` is a list of (preposition,
    phrase or None); a phrase or object is raw dictionary words."""
    body = body.split("#", 1)[0]
    code_match = CODE.search(body)
    if not code_match:
        return None
    code = _clean_code(code_match.group(1))
    if code is None:
        return None
    body = body[: code_match.start()]
    if "*" not in body:
        return None
    before, after = body.split("*", 1)
    subject_words = [w for w in TOKEN.findall(before) if w not in ACTOR_MARKS and w not in "(){}"]
    subject = subject_words[-1] if subject_words else None
    particle, objects, preps = None, [], []
    tokens = TOKEN.findall(after)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok == "(":
            end = tokens.index(")", i)
            inner = [t for t in tokens[i + 1 : end] if t not in "{}"]
            if inner:
                for prep in inner[0].split("/"):
                    preps.append((prep, _phrase(inner[1:])))
            i = end + 1
            continue
        if tok == "{":
            end = tokens.index("}", i)
            objects.append(tokens[i + 1 : end])
            i = end + 1
            continue
        if tok in ACTOR_MARKS or tok in "()}":
            i += 1
            continue
        if not objects and particle is None and tok in PARTICLES:
            particle = tok
        elif tok in PREPOSITIONS and tok not in PARTICLES and i + 1 < len(tokens):
            # "FIRST VISIT TO ^ +": an unbracketed prepositional phrase
            rest = [t for t in tokens[i + 1 :] if t not in "(){}"]
            preps.append((tok, _phrase(rest[:1]) if rest and rest[0] not in ACTOR_MARKS else None))
            break
        else:
            objects.append([tok])
        i += 1
    obj = _phrase([w for group in objects for w in group]) if objects else None
    return code, subject, particle, obj, preps


def convert(source_dir: Path, out_dir: Path) -> list[str]:
    text = (source_dir / SOURCE).read_text(encoding="latin-1")
    synsets, blocks = read_dictionary(text)
    lem = Lemmatiser()

    # every noun word or phrase the patterns and sets use, lemmatised in one batch
    phrases: set[str] = set()
    for members in synsets.values():
        phrases.update(_plain(m) for m in members)
    parsed_blocks = []
    for block in blocks:
        verbs = [_parse_verb_line(v) for v in block["verbs"]]
        patterns = [p for p in (parse_pattern(b) for b in block["patterns"]) if p is not None]
        for _code, subject, _particle, obj, preps in patterns:
            for word in [subject, obj, *(phrase for _, phrase in preps)]:
                for part in (word or "").split():
                    if not part.startswith("&"):
                        phrases.add(_plain(part))
        for _head, rest, _forms, _code in verbs:
            phrases.update(_plain(w) for w in rest if w not in PREPOSITIONS)
        parsed_blocks.append((block, verbs, patterns))
    lem.prepare_nouns({p for p in phrases if p})

    def noun_field(raw: str | None) -> str:
        if not raw:
            return ""
        parts = []
        for word in raw.split():
            parts.append(word if word.startswith("&") else lem.noun(word))
        return " ".join(p for p in parts if p)

    rows: list[str] = []
    for name in sorted(synsets):
        members = sorted({lem.noun(m) for m in synsets[name] if _plain(m)})
        rows.append("\t".join(("synset", name, "|".join(members))))
    for block, verbs, patterns in parsed_blocks:
        name = block["name"]
        seen_verbs = set()
        for head, rest, forms, code in verbs:
            base = head.lower()
            if rest and base.endswith("ed"):  # "+ANGERED_BY": the inflected word is written inflected
                base = lem.verb_forms("", [base])[-1]
            lemmas = lem.verb_forms(base, forms)
            if rest:
                # "CALL_OFF", "ASK_FOR", "GET_HOLD_OF": particle, object words, preposition
                particle = rest[0] if rest[0] in PARTICLES else ""
                words = rest[1:] if particle else rest
                prep = next((w for w in words if w in PREPOSITIONS), "")
                if not particle and not prep and len(words) == 1 and words[0] in PREPOSITIONS | PARTICLES:
                    particle, words = words[0], []
                obj_words = [w for w in words if w not in PREPOSITIONS]
                row = (
                    "pattern",
                    name,
                    code or block["code"],
                    base,
                    "",
                    particle.lower(),
                    noun_field(" ".join(obj_words)),
                    f"{prep.lower()}:" if prep else "",
                )
                rows.append("\t".join(row))
                continue
            for lemma in lemmas:
                if (lemma, code) not in seen_verbs:
                    seen_verbs.add((lemma, code))
                    rows.append("\t".join(("verb", name, lemma, code or block["code"], "" if lemma == base else base)))
        origin = None
        for raw, parsed in zip(block["patterns"], [parse_pattern(b) for b in block["patterns"]]):
            if parsed is None:
                continue
            code, subject, particle, obj, preps = parsed
            comment = raw.split("#", 1)[1].strip() if "#" in raw else ""
            origin = comment.split()[0].lower() if comment else origin
            prep_field = ";".join(f"{p.lower()}:{noun_field(ph)}" for p, ph in preps)
            rows.append(
                "\t".join(
                    (
                        "pattern",
                        name,
                        code,
                        origin or "",
                        noun_field(subject),
                        (particle or "").lower(),
                        noun_field(obj),
                        prep_field,
                    )
                )
            )
    header = [
        f"# storyline CAMEO verb dictionary, converted from {SOURCE_NAME}",
        "# by scripts/convert_cameo_verbs.py; do not edit, rerun the script. Licence: PETRARCH2_LICENSE.txt.",
        f"# lemmas: {lem.describe()}",
        "# rows (tab-separated):",
        "#   synset  NAME  phrase|phrase...                (a phrase's last word is its head)",
        "#   verb    BLOCK  lemma  code  base               (code --- = no event; base: the dictionary's",
        "#                                                   form when spaCy's lemma of its forms differs)",
        "#   pattern BLOCK  code  verb  subject  particle  object  prep:phrase;prep:phrase",
        "#           (verb: the verb the pattern was written for, empty when the source names none)",
    ]
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "cameo_verbs.tsv").write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    notice = (source_dir / "LICENSE").read_text(encoding="utf-8").rstrip("\n")
    own = [line[2:] for line in text.splitlines() if line.startswith("# Copyright")]
    (out_dir / "PETRARCH2_LICENSE.txt").write_text(
        f"{notice}\n\n---\ncameo_verbs.tsv is converted from PETRARCH2's {SOURCE}, whose header carries the same\n"
        f"MIT licence with the line: {own[0] if own else 'Copyright (c) 2015 Open Event Data Alliance'}\n",
        encoding="utf-8",
    )
    return rows


def main(argv: list[str]) -> None:
    if len(argv) not in (2, 3):
        sys.exit(__doc__)
    source_dir = Path(argv[1])
    if not (source_dir / SOURCE).is_file():
        sys.exit(f"{source_dir / SOURCE} not found: give the PETRARCH2 dictionary folder")
    rows = convert(source_dir, Path(argv[2]) if len(argv) == 3 else DATA)
    kinds = {}
    for row in rows:
        kinds[row.split("\t", 1)[0]] = kinds.get(row.split("\t", 1)[0], 0) + 1
    print(" ".join(f"{k}={v}" for k, v in sorted(kinds.items())))


if __name__ == "__main__":
    main(sys.argv)
