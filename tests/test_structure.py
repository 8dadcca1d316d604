"""The shape of the code (issue 11): imports run one way, the core knows no platform, the
platforms know nothing of each other, and the candidacy form's fields are named only by the form
spec — a platform renders whatever fields the spec has.

Read from the source with `ast`, as the structure drawing would be: module-level imports only
(an import inside a function runs on demand and is how a command loads only what it uses;
`if TYPE_CHECKING:` imports never run)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from bot.candidacy import CANDIDACY_FORM
from bot.forms import REPLACE_FIELD

BOT = Path(__file__).resolve().parent.parent / "bot"
PLATFORMS = ("bot.platforms.slack", "bot.platforms.teams", "bot.platforms.console")
# Where the whole is wired together: the command line and the process entry points may start
# any platform; nothing else may.
ENTRY_POINTS = {"bot.cli", "bot.app"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(BOT.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {
    module_name(path): path
    for path in BOT.rglob("*.py")
    if "migrations" not in path.parts  # Alembic's scripts are loaded by Alembic, not imported
}


def _module_level(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    for statement in tree.body:
        if isinstance(statement, ast.If) and "TYPE_CHECKING" in ast.unparse(statement.test):
            continue
        for node in ast.walk(statement):
            # Only statements that run at import time: not the bodies of functions or classes.
            if isinstance(node, ast.Import | ast.ImportFrom) and not isinstance(
                statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
            ):
                yield node


def imports_of(name: str) -> set[str]:
    """The g40bot modules that importing `name` imports directly."""
    path = MODULES[name]
    found: set[str] = set()
    for node in _module_level(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
            continue
        base = node.module or ""
        if node.level:
            package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
            package = package[: len(package) - node.level + 1]
            base = ".".join([*package, *([node.module] if node.module else [])])
        found.add(base)
        found |= {f"{base}.{alias.name}" for alias in node.names}
    # Importing a.b.c runs a and a.b first: their imports are part of the drawing too, except
    # the module's own packages, which are already being imported when it runs.
    parents = {".".join(m.split(".")[:i]) for m in found for i in range(1, m.count(".") + 1)}
    parents = {p for p in parents if not name.startswith(p + ".")}
    return {m for m in found | parents if m in MODULES and m != name}


GRAPH = {name: imports_of(name) for name in MODULES}


def cycles() -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in GRAPH[module]:
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while (top := stack.pop()) != module:
                group.append(top)
            if group:
                found.append(sorted([module, *group]))

    for module in GRAPH:
        if module not in index:
            visit(module)
    return found


def test_the_drawing_has_no_import_cycle() -> None:
    assert cycles() == []


def test_the_core_imports_no_platform() -> None:
    leaking = {
        name: sorted(m for m in imports if m.startswith("bot.platforms"))
        for name, imports in GRAPH.items()
        if not name.startswith("bot.platforms") and name not in ENTRY_POINTS
    }
    assert {name: found for name, found in leaking.items() if found} == {}


def test_no_platform_imports_another() -> None:
    crossing = {
        name: sorted(m for m in imports for other in PLATFORMS if m.startswith(other))
        for own in PLATFORMS
        for name, imports in GRAPH.items()
        if name.startswith(own)
    }
    crossing = {
        name: [m for m in found if not m.startswith(own)]
        for own in PLATFORMS
        for name, found in crossing.items()
        if name.startswith(own)
    }
    assert {name: found for name, found in crossing.items() if found} == {}


def test_no_platform_names_a_field_of_the_candidacy_form() -> None:
    """A platform renders the spec's fields generically; naming one ('motivation') there is the
    drift the redesign removed. Words that are also other things are allowed where they are:
    a profile's or a widget's 'email', a codec's 'replace'."""
    fields = {field.name for field in CANDIDACY_FORM.fields} | {REPLACE_FIELD}
    other_meanings = {"email", "replace"}
    named = [
        f"{path.relative_to(BOT.parent)}:{node.lineno} {node.value!r}"
        for name, path in MODULES.items()
        if name.startswith("bot.platforms")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and node.value in fields - other_meanings
    ]
    assert named == []
    assert {"role", "motivation", "municipality"} <= fields  # the check looks for real names
