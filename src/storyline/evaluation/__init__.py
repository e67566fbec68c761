"""Readers and scorers for the public benchmarks (one module per benchmark,
each ending in a thin click ``command`` that ``storyline eval`` collects)."""
