"""Actors: the knowledge base (data files users can extend) and resolution of
actor mentions, pronouns and descriptions included, in a parsed article."""

from .kb import KnowledgeBase, load_kb, normalise, read_actor_file
from .resolve import ActorResolver, ethnic

__all__ = ["KnowledgeBase", "ActorResolver", "ethnic", "load_kb", "normalise", "read_actor_file"]
