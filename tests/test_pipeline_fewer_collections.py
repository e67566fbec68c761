"""A build runs the garbage collector less often, and leaves it as it found it."""

import gc

import pytest

from storyline.pipeline import GC_YOUNG, fewer_collections


def test_pipeline_fewer_collections_raises_then_restores_the_threshold():
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == (max(before[0], GC_YOUNG), *before[1:])
    assert gc.get_threshold() == before


def test_pipeline_fewer_collections_restores_after_an_error():
    before = gc.get_threshold()
    with pytest.raises(RuntimeError):
        with fewer_collections():
            raise RuntimeError("a bug in a stage")
    assert gc.get_threshold() == before


def test_pipeline_fewer_collections_leaves_collection_switched_off():
    before = gc.get_threshold()
    gc.set_threshold(0)
    try:
        with fewer_collections():
            assert gc.get_threshold()[0] == 0
        assert gc.get_threshold()[0] == 0
    finally:
        gc.set_threshold(*before)
