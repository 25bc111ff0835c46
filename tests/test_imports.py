"""Every module imports on its own, whatever was imported before it: a command that imports
one module first must not meet a circular import another entry point happens to avoid."""

from __future__ import annotations

import subprocess
import sys

_IMPORT_EACH_ALONE = """
import importlib, pkgutil, sys
import c360

modules = pkgutil.walk_packages(c360.__path__, "c360.")
names = sorted(m.name for m in modules if not m.name.endswith(".__main__"))
failed = []
for name in names:
    for loaded in [m for m in sys.modules if m == "c360" or m.startswith("c360.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed.append(f"{name}: {type(exc).__name__}: {exc}")
print(len(names))
print("\\n".join(failed))
"""


def test_every_module_imports_first() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _IMPORT_EACH_ALONE], capture_output=True, text=True, check=True
    )
    count, *failed = done.stdout.strip().split("\n")
    assert int(count) > 200
    assert [line for line in failed if line] == []
