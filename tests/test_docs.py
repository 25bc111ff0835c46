"""What docs/modules.md names, against the modules under src/c360."""

from __future__ import annotations

import re
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "c360"
MODULES_DOC = ROOT / "docs" / "modules.md"


def _sections(text: str) -> dict[str, str]:
    """Each ``## `name/``` or ``## `name.py``` section's text, by that name."""
    found = {}
    for part in re.split(r"^## ", text, flags=re.MULTILINE)[1:]:
        heading, _, body = part.partition("\n")
        name = re.match(r"`([\w.]+?)/?`", heading)
        if name is not None:
            found[name[1]] = heading + "\n" + body
    return found


def _names(text: str) -> set[str]:
    """The file names and globs a text writes as ``x.py``, ``dir/x.py`` or ``gold_*.py``."""
    return {word.rsplit("/", 1)[-1] for word in re.findall(r"[\w*./]+\.py\b", text)}


def unnamed_modules(text: str, modules: list[str]) -> list[str]:
    """The modules (paths relative to src/c360) that a module map leaves out: one is named by
    its path anywhere, or by its file name, or a glob matching it, in its package's section
    (a top-level module: anywhere)."""
    sections = _sections(text)
    missing = []
    for module in modules:
        package, _, rest = module.partition("/")
        scope = sections.get(package, "") if rest else text
        file_name = module.rsplit("/", 1)[-1]
        if module in text or any(fnmatch(file_name, name) for name in _names(scope)):
            continue
        missing.append(module)
    return missing


def test_a_module_left_out_of_the_map_is_found() -> None:
    doc = (
        "# Module map\n\n"
        "Top: `errors.py`\n\n"
        "## `cli/` (built)\n\n`_console.py` and `pipeline/gold/text_features.py`\n\n"
        "## `contracts/` (built)\n\n`gold_*.py`, `run.py`\n"
    )
    modules = [
        "errors.py",
        "config.py",
        "cli/_console.py",
        "cli/_paths.py",
        "contracts/gold_star.py",
        "contracts/truth.py",
        "pipeline/run.py",
        "pipeline/gold/text_features.py",
    ]
    assert unnamed_modules(doc, modules) == [
        "config.py",
        "cli/_paths.py",
        "contracts/truth.py",
        "pipeline/run.py",  # named in another package's section only
    ]


def test_every_module_under_src_is_named_in_the_module_map() -> None:
    modules = sorted(
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if not path.name.startswith("__")  # package markers and `python -m` entry points
    )
    missing = unnamed_modules(MODULES_DOC.read_text(encoding="utf-8"), modules)
    assert missing == [], f"docs/modules.md does not name {', '.join(missing)}"
