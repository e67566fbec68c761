"""A candidate event: a trigger word and its code, before the extraction's
checks (actors, modality, negation) decide whether it becomes a mention."""

from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import Code


@dataclass
class Candidate:
    token: object
    code: Code
    nominal: bool = False
    complements: list = field(default_factory=list)
    by_rule: bool = False
    sources: list | None = None  # set when the parse gives them another way ("X said Y must")
    targets: list | None = None
    willing: bool = False  # "is ready to": a readiness, coded as a plan
    speech_act: bool = False  # the event is the saying itself: dated when said
    reference: bool = False  # named as a particular happening its sentence only refers to
    words: tuple[int, int] | None = None  # token span of an entry of several words ("martial law")
    device: bool = False  # a device went off ("a bomb exploded"): an attack by nobody named
    carried: list = field(default_factory=list)  # nominal events its verb took as object ("carried out the bombing")
