"""Synthetic sources for every seed, at any scale, with the ground truth to score later stages."""

from c360.generate.plan import Plan
from c360.generate.regenerate import WorkspaceNotEmptyError
from c360.generate.runner import MongoLoadError, Result, check_workspace, generate

__all__ = [
    "MongoLoadError",
    "Plan",
    "Result",
    "WorkspaceNotEmptyError",
    "check_workspace",
    "generate",
]
