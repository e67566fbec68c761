"""Records to JSON-able dicts and back.

One generic converter, driven by the dataclass type hints in ``models.py``,
so the store, the exports and the Ray engine never hand-write a field list
that could drift from the records.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from datetime import date
from typing import Any, Callable, TypeVar

T = TypeVar("T")


def to_jsonable(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    names = _field_names(type(value))
    if names is not None:
        return {name: to_jsonable(getattr(value, name)) for name in names}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    return value


@functools.lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...] | None:
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


def dumps(value: Any) -> str:
    """Compact, key-sorted JSON: equal records give byte-equal strings."""
    return json.dumps(to_jsonable(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def from_jsonable(kind: Any, data: Any) -> Any:
    """Rebuild a value of type ``kind`` (a dataclass, tuple[...], X | None, date...)."""
    return _decoder(kind)(data)


def _keep(data: Any) -> Any:
    return data


@functools.lru_cache(maxsize=None)
def _decoder(kind: Any) -> Callable[[Any], Any]:
    """A function that rebuilds values of ``kind``, worked out once per type:
    reading type hints on every value made loading stored records the
    costliest part of relinking."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return _decoder(options[0]) if len(options) == 1 else _keep
    if origin in (tuple, list):
        args = typing.get_args(kind)
        item = _decoder(args[0] if args else Any)
        make = tuple if origin is tuple else list
        if item is _keep:  # strings, numbers: taken as they are, without a call per item
            return lambda data: None if data is None else make(data)
        return lambda data: None if data is None else make([item(v) for v in data])
    if kind is date:
        return lambda data: date.fromisoformat(data) if isinstance(data, str) else data
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        fields = tuple((f.name, _decoder(hints[f.name])) for f in dataclasses.fields(kind))

        def record(data: Any) -> Any:
            if data is None:
                return None
            return kind(**{name: decode(data[name]) for name, decode in fields if name in data})

        return record
    return _keep


def loads(kind: type[T], text: str | None) -> T | None:
    return None if text is None else from_jsonable(kind, json.loads(text))
