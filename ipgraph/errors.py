"""Errors a user can cause and fix; the CLI prints them as one line, never a traceback."""
from __future__ import annotations


class IpgraphError(Exception):
    """A problem with the user's input or environment, stated in one line."""


class InputError(IpgraphError):
    """A file that cannot be read as a plan document."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
