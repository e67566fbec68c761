"""One error tree for the whole library.

Every error has a short code and a message that says how to fix the
problem; the CLI prints ``error: <message> [<code>]`` on one line and never a
traceback (see ``cli/__init__.py``).
"""

from __future__ import annotations


class StorylineError(Exception):
    """Base class. ``code`` is stable and documented; ``exit_code`` is what
    the CLI returns when the error reaches it."""

    code = "E000"
    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(StorylineError):
    """The user asked for something that cannot work as asked."""

    code = "E001"
    exit_code = 2


class SettingsError(UsageError):
    code = "E002"


class InputError(StorylineError):
    """One input could not be read. Batch stages record it and carry on."""

    code = "E100"


class UnsupportedFormatError(InputError):
    code = "E101"


class EmptyInputError(InputError):
    code = "E102"


class BinaryInputError(InputError):
    code = "E103"


class DecodeError(InputError):
    code = "E104"


class OversizedInputError(InputError):
    code = "E105"


class ModelNotFoundError(StorylineError):
    code = "E200"


class DatabaseError(StorylineError):
    code = "E300"


class NotFoundError(StorylineError):
    """An id or file the user named does not exist."""

    code = "E301"
    exit_code = 1


class OutputError(StorylineError):
    """A file the user asked us to write could not be written."""

    code = "E302"


class ListenError(StorylineError):
    """``serve`` cannot listen where it was asked to (port taken, no such address)."""

    code = "E303"


class EvaluationDataError(StorylineError):
    code = "E400"
