"""Package namespaces that import their modules on first use (PEP 562).

`reader.core.search`, `.annotations` and `.export` re-export their public names; importing
them eagerly would load whoosh, python-docx and lxml for every `reader` command, even
`reader docs`. With `lazy_exports`, `from reader.core.export import render` still works and
loads only what `render` needs, when it is asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_exports(
    package: str, namespace: dict[str, Any], exports: dict[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """`__getattr__` and `__dir__` for a package: `exports` maps each name to its module
    (relative, e.g. ".store"); a name is imported once, then kept in the package namespace."""

    def __getattr__(name: str) -> Any:
        try:
            module = exports[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        value = getattr(importlib.import_module(module, package), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(exports))

    return __getattr__, __dir__
