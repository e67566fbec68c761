"""Option bundles shared by several commands (as sqlite-utils does)."""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from pathlib import Path

import click

from ..errors import OutputError

from ..settings import Settings, load_settings, parse_assignments


def _db(help_text: str):
    return click.option(
        "--db",
        default="storyline.duckdb",
        envvar="STORYLINE_DB",
        show_default=True,
        show_envvar=True,
        type=click.Path(dir_okay=False),
        help=help_text,
    )


def db_option(fn):
    """--db for the command that writes the database (build)."""
    return _db("The DuckDB file to create or extend.")(fn)


def read_db_option(fn):
    """--db for the commands that only read it: their help must not suggest
    they could change it."""
    return _db("The DuckDB file to read (opened read-only, never changed).")(fn)


def settings_options(fn):
    """--config and --set, turned into a ``settings`` argument."""

    @click.option("--config", type=click.Path(dir_okay=False), help="A TOML settings file.")
    @click.option(
        "--set", "assignments", multiple=True, metavar="KEY=VALUE", help="Override one setting; may be repeated."
    )
    @functools.wraps(fn)
    def wrapper(*args, config=None, assignments=(), **kwargs):
        settings: Settings = load_settings(config, parse_assignments(assignments))
        return fn(*args, settings=settings, **kwargs)

    return wrapper


def json_option(fn):
    return click.option("--json", "as_json", is_flag=True, help="Print one JSON line (per article).")(fn)


@contextlib.contextmanager
def output_file(path: str, binary: bool = False):
    """Open ``path`` for writing so that a failed write loses nothing: the
    data goes to a temporary file next to it, which replaces ``path`` only
    once it is complete. An export that stops half-way (a missing extra, a
    full disk) leaves an earlier file of the same name as it was, and a
    folder that does not exist or cannot be written is one clear error."""
    target = Path(path)
    mode, encoding = ("wb", {}) if binary else ("w", {"encoding": "utf-8"})
    if target.exists() and not target.is_file():
        # /dev/stdout, a named pipe: written in place. Replacing it would
        # swap a device or pipe for a plain file.
        try:
            with open(target, mode, **encoding) as fh:
                yield fh
        except OSError as err:
            raise OutputError(f"cannot write {path}: {err.strerror}; give another path with -o") from None
        return
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent or ".")
    except OSError as err:
        raise OutputError(
            f"cannot write {path}: {err.strerror}; check that its folder exists and "
            "is writable, or give another path with -o"
        ) from None
    try:
        with os.fdopen(fd, mode, **encoding) as fh:
            yield fh
        # mkstemp makes the file private (0600); an export gets the mode any
        # new file gets, as with open().
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as err:
        raise OutputError(f"cannot write {path}: {err.strerror}; give another path with -o") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
