import dataclasses
from datetime import date

from hypothesis import given, strategies as st

from storyline.models import ActorRef, EventMention, TimeValue
from storyline.serialize import dumps, from_jsonable, loads, to_jsonable

from conftest import hand_built_analysis


def test_serialize_round_trip_keeps_nested_records():
    analysis = hand_built_analysis("Abbas ended coordination. Then more.", "2020-05-19")
    mention = analysis.mentions[0]
    assert loads(EventMention, dumps(mention)) == mention
    assert loads(type(analysis), dumps(analysis)) == analysis


def test_serialize_dumps_is_canonical():
    a = TimeValue("2020", date(2020, 1, 1), date(2020, 12, 31), "year", "explicit")
    assert dumps(a) == dumps(TimeValue(**{f.name: getattr(a, f.name) for f in dataclasses.fields(a)}))
    assert '"earliest":"2020-01-01"' in dumps(a)


@given(
    value=st.text(max_size=12),
    earliest=st.none() | st.dates(),
    latest=st.none() | st.dates(),
    evidence=st.lists(st.text(max_size=20), max_size=3).map(tuple),
)
def test_serialize_time_values_survive_any_content(value, earliest, latest, evidence):
    tv = TimeValue(value, earliest, latest, "day", "inferred", evidence=evidence)
    assert from_jsonable(TimeValue, to_jsonable(tv)) == tv


@given(name=st.text(min_size=1, max_size=30), start=st.integers(0, 10_000))
def test_serialize_actor_refs_round_trip(name, start):
    ref = ActorRef(name=name, text=name, start=start, end=start + len(name), country="PSE")
    assert loads(ActorRef, dumps(ref)) == ref
