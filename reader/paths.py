"""Where Compact Reader keeps things: bundled corpus and resources, user data, caches.

Every folder can be moved: `--data-dir` on the command line (see cli.py) or the
environment variables below. Tests always point them at a temporary folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "CompactReader"
DATA_ENV = "COMPACT_READER_DATA_DIR"
CACHE_ENV = "COMPACT_READER_CACHE_DIR"

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent


def bundled_data_root() -> Path:
    """The folder holding `corpus/` and `resources/`: inside the package when installed from a
    wheel (the build step in reader/_build.py copies them to reader/_data), else the checkout's
    top level (editable install, or running from the source tree), where the repository keeps them."""
    packaged = PACKAGE_DIR / "_data"
    return packaged if (packaged / "corpus" / "manifest.toml").is_file() else PROJECT_ROOT


DATA_ROOT = bundled_data_root()
CORPUS_DIR = DATA_ROOT / "corpus"
RESOURCES_DIR = DATA_ROOT / "resources"


@dataclass(frozen=True)
class AppPaths:
    """The user-writable folders. `data` holds user data; `cache` is disposable."""

    data: Path
    cache: Path

    @property
    def imported_dir(self) -> Path:
        return self.data / "documents"

    @property
    def annotations_file(self) -> Path:
        return self.data / "annotations.json"

    @property
    def index_dir(self) -> Path:
        return self.cache / "index"

    @property
    def jieba_cache(self) -> Path:
        return self.cache / "jieba.cache"

    def ensure(self) -> AppPaths:
        self.data.mkdir(parents=True, exist_ok=True)
        self.cache.mkdir(parents=True, exist_ok=True)
        return self


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """Pick the folders: explicit argument, then environment, then the platform default.

    A moved data folder carries its cache with it unless the cache is moved too, so a
    test or a portable install never touches the user's real folders.
    """
    data_value = data_dir or os.environ.get(DATA_ENV)
    cache_value = os.environ.get(CACHE_ENV)
    if data_value:
        data = Path(data_value).expanduser().resolve()
        cache = Path(cache_value).expanduser().resolve() if cache_value else data / "cache"
    else:
        import platformdirs  # only for the default folders: a moved data folder never needs it

        data = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        cache = (
            Path(cache_value).expanduser().resolve()
            if cache_value
            else Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
        )
    return AppPaths(data=data, cache=cache)
