"""The packages follow the stage order: no module imports a later stage (imports inside functions too).

read < settle < align < history < po < pipeline < folders, report, review, apply, check < cli; the flat
cross-cutting modules (model, languages, errors, names, codec, cache, progress, parallel, write, settings)
are importable from anywhere.
"""

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "transpair"
RANK = {
    "read": 0,
    "settle": 1,
    "align": 2,
    "history": 3,  # carries, classifies and re-pairs alignments, and finds the base by similarity
    "po": 4,
    "pipeline": 5,
    "folders": 6,  # a folder run over the pipeline, an unchanged article's outcome told from the cache
    "report": 6,
    "review": 6,
    "apply": 6,
    "check": 6,
    "cli": 7,
}
FLAT = {
    "__init__",
    "__version__",
    "model",
    "languages",
    "errors",
    "names",
    "codec",
    "cache",
    "progress",
    "parallel",
    "write",
    "settings",  # the .transpair.toml every stage reads its table from
}


def stage(module: str) -> str:
    """The stage of a transpair module name: its package, or the flat module itself."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports(path: Path) -> list[tuple[str, int]]:
    """Every transpair module a file imports (`from transpair import x` names x), with its line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "transpair":
            if node.module == "transpair":
                found += [(f"transpair.{alias.name}", node.lineno) for alias in node.names]
            else:
                found.append((node.module, node.lineno))
        elif isinstance(node, ast.Import):
            found += [(a.name, node.lineno) for a in node.names if a.name.split(".")[0] == "transpair"]
    return found


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def edges() -> list[tuple[str, str, int]]:
    """(importer, imported, line) for every import between two stages."""
    return [
        (module_name(path), imported, line)
        for path in sorted(PACKAGE.rglob("*.py"))
        for imported, line in imports(path)
        if stage(module_name(path)) != stage(imported)
    ]


def test_every_stage_and_flat_module_is_known():
    stages = {stage(module_name(path)) for path in PACKAGE.rglob("*.py")}
    assert stages <= set(RANK) | FLAT, stages - set(RANK) - FLAT


def test_no_module_imports_a_later_stage():
    found = edges()
    assert len(found) > 100  # the walk sees the imports (lazy ones inside functions included)
    back = [
        f"{importer} -> {imported} (line {line})"
        for importer, imported, line in found
        if stage(imported) not in FLAT
        and stage(importer) not in FLAT
        and RANK[stage(imported)] > RANK[stage(importer)]
    ]
    assert back == []


def test_flat_modules_import_no_stage():
    """model, errors, write... sit under every stage, so they import none (a lazy import included)."""
    up = [
        f"{a} -> {b} (line {n})"
        for a, b, n in edges()
        if stage(a) in FLAT - {"__init__"} and stage(b) not in FLAT
    ]
    assert up == []


def test_no_module_is_over_400_lines():
    """One concern per module: a module that grows past 400 lines holds two."""
    long = {
        module_name(path): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}
