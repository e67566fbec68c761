"""Chunking helpers: bounded by count, and by time for the build's writes."""

from __future__ import annotations

import pytest

from storyline.errors import SettingsError
from storyline.iterate import batches, batches_within
from storyline.settings import Settings


def test_iterate_batches_are_bounded_and_keep_order():
    assert list(batches(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_iterate_batches_within_end_at_the_size():
    clock = FakeClock()
    assert list(batches_within(range(5), 2, 60.0, clock)) == [[0, 1], [2, 3], [4]]


def test_iterate_batches_within_end_when_time_runs_out():
    clock = FakeClock()

    def slow_stream():
        for i in range(6):
            yield i
            clock.now += 2.0  # each item takes two seconds to arrive

    # a batch holds at most 100 items but ends once 5 s have passed since its
    # first: items 0, 1, 2 arrive at 0, 2 and 4 s, item 3 at 6 s closes it
    got = list(batches_within(slow_stream(), 100, 5.0, clock))
    assert got == [[0, 1, 2, 3], [4, 5]]
    assert [x for chunk in got for x in chunk] == list(range(6))


def test_iterate_batches_within_empty_stream_gives_nothing():
    assert list(batches_within([], 4, 1.0, FakeClock())) == []


@pytest.mark.parametrize("name", ["batch_size", "write_batch_size", "n_process"])
def test_iterate_sizes_below_one_are_a_settings_error(name):
    with pytest.raises(SettingsError, match=f"{name} must be at least 1"):
        Settings().with_updates({name: "0"})
