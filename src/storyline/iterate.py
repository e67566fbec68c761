"""Streaming helpers shared by the stages that work in bounded chunks."""

from __future__ import annotations

import time
from itertools import islice
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last may be shorter), read lazily,
    so a stream of any length is held a chunk at a time."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def batches_within(
    items: Iterable[T], size: int, seconds: float, clock: Callable[[], float] = time.monotonic
) -> Iterator[list[T]]:
    """``items`` in lists of at most ``size``, a list also ending once
    ``seconds`` have passed since its first item arrived (checked as items
    arrive). Large lists make each write cheaper per item; the time bound
    keeps a slow stream from holding finished items back for long."""
    chunk: list[T] = []
    started = 0.0
    for item in items:
        if not chunk:
            started = clock()
        chunk.append(item)
        if len(chunk) >= size or clock() - started >= seconds:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
