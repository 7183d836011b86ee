"""Handlers stay adapters: every write is a service use case, in the service's transaction
(issue 13: notices ended up outside their transaction because handlers wrote on their own)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _modules(package: str) -> list[tuple[str, ast.Module]]:
    return [(str(path.relative_to(ROOT)), ast.parse(path.read_text(encoding="utf-8")))
            for path in sorted((ROOT / package).glob("**/*.py"))]


def _imports(tree: ast.Module) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_handlers_neither_import_storage_nor_open_transactions() -> None:
    """The dashboard's pages (web/) are adapters under the same rule."""
    offences = []
    for name, tree in [*_modules("handlers"), *_modules("web")]:
        offences += [f"{name} imports {m}" for m in sorted(_imports(tree))
                     if m == "bot.storage" or m.startswith("bot.storage.")]
        offences += [f"{name}:{node.lineno} opens a transaction" for node in ast.walk(tree)
                     if isinstance(node, ast.Attribute) and node.attr == "transaction"]
    assert offences == []


def test_no_import_cycle_between_the_wiring_handlers_and_jobs() -> None:
    """bot/app.py imports handlers and scheduler; they import the types from bot/context.py."""
    offences = [f"{name} imports {m}"
                for package, banned in (("handlers", ("bot.app",)),
                                        ("scheduler", ("bot.app", "handlers")))
                for name, tree in _modules(package)
                for m in sorted(_imports(tree))
                if any(m == b or m.startswith(b + ".") for b in banned)]
    assert offences == []
