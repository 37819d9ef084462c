"""The one error opedkit raises for bad input, with the file, the problem and what to do."""

from __future__ import annotations

from pathlib import Path


class InputError(ValueError):
    """Bad input: names the file (if any), says what is wrong and what to do about it.

    >>> str(InputError("is empty", path="essay.txt", hint="paste the op-ed into it"))
    'essay.txt: is empty. paste the op-ed into it'
    """

    def __init__(self, problem: str, *, path: str | Path | None = None, hint: str = "") -> None:
        self.path = None if path is None else str(path)
        self.problem = problem
        self.hint = hint
        where = f"{self.path}: " if self.path else ""
        message = f"{where}{problem}"
        if hint:
            message = f"{message}. {hint}"
        super().__init__(message)
