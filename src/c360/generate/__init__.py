"""Synthetic sources for every seed, at any scale, with the ground truth to score later stages."""

from c360.generate.plan import Plan
from c360.generate.runner import Result, WorkspaceNotEmptyError, generate

__all__ = ["Plan", "Result", "WorkspaceNotEmptyError", "generate"]
