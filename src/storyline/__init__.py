"""storyline: news articles in, a dated and sourced timeline out."""

__version__ = "0.1.0"
