"""What one file may cost a build: a module of its own so that the CLI can show the defaults
without importing the pipeline (and spaCy with it)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """What one file may cost. A file over a limit is skipped and named; the build goes on.
    Time and memory are enforced on the worker process reading the file, which is killed."""
    max_file_mb: float = 64        # size on disk
    max_seconds: float = 300       # reading and extracting it
    max_worker_mb: float = 3000    # memory it may add to its worker process
