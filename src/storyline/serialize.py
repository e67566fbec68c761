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
from typing import Any, TypeVar

T = TypeVar("T")


def to_jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    return value


def dumps(value: Any) -> str:
    """Compact, key-sorted JSON: equal records give byte-equal strings."""
    return json.dumps(to_jsonable(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@functools.lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_jsonable(kind: Any, data: Any) -> Any:
    """Rebuild a value of type ``kind`` (a dataclass, tuple[...], X | None, date...)."""
    if data is None:
        return None
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return from_jsonable(options[0], data) if len(options) == 1 else data
    if origin is tuple:
        args = typing.get_args(kind)
        item = args[0] if args else Any
        return tuple(from_jsonable(item, v) for v in data)
    if origin in (list,):
        (item,) = typing.get_args(kind) or (Any,)
        return [from_jsonable(item, v) for v in data]
    if kind is date:
        return date.fromisoformat(data) if isinstance(data, str) else data
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        return kind(**{
            f.name: from_jsonable(hints[f.name], data[f.name])
            for f in dataclasses.fields(kind) if f.name in data
        })
    return data


def loads(kind: type[T], text: str | None) -> T | None:
    return None if text is None else from_jsonable(kind, json.loads(text))
