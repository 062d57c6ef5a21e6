"""Preferences shared by the window and the command line (Qt-free): `config.json` in the
data folder. For now one: the user's name, written as `creator` on their annotations.

    name = user_name(config_file)            # set name, else the OS account's full name
    set_value(config_file, "name", "王芳")    # atomic
"""

from __future__ import annotations

import getpass
import json
import os
from pathlib import Path

from .atomic import atomic_write_bytes

CONFIG_NAME = "config.json"
KEYS = {"name": "your name, written as the author (creator) of your annotations and exports"}


class ConfigError(ValueError):
    """The config file cannot be read or a key is unknown; the message is fit for the user."""


def config_file(data_dir: Path) -> Path:
    return Path(data_dir) / CONFIG_NAME


def load_config(path: Path) -> dict[str, str]:
    """The stored values ({} when there is no file). ConfigError for a damaged file."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path} cannot be read: {exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"{path} is not a settings file")
    return {k: v for k, v in raw.items() if isinstance(k, str) and isinstance(v, str)}


def set_value(path: Path, key: str, value: str) -> None:
    """Store one value ("" removes it), keeping the others; written atomically."""
    if key not in KEYS:
        raise ConfigError(f"unknown setting {key!r} (known: {', '.join(KEYS)})")
    values = load_config(path)
    value = " ".join(value.split())
    if value:
        values[key] = value
    else:
        values.pop(key, None)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(values, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    atomic_write_bytes(Path(path), payload.encode("utf-8"))


def user_name(path: Path) -> str:
    """The name set by the user, else the OS account's full name, else its login name."""
    try:
        name = load_config(path).get("name", "")
    except ConfigError:
        name = ""
    return name or os_user_name()


def os_user_name() -> str:
    """The full name from the account's GECOS field (its first comma-separated part) on Unix,
    else the login name; "" when neither is known."""
    try:
        import pwd  # Unix only

        gecos = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0].strip()
        if gecos:
            return gecos
    except (ImportError, KeyError, AttributeError):
        pass
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""
