"""The one error opedkit raises for bad input, with the file, the problem and what to do."""

from __future__ import annotations

from pathlib import Path
from typing import Any


class InputError(ValueError):
    """Bad input: names the file (if any), says what is wrong and what to do about it.

    ``problem`` is written to follow the file name ("is empty", "is not UTF-8 text"), and
    ``hint`` is an instruction ("paste the op-ed into it"); both are kept as attributes so
    that a program (the corpus table, the command line) can show them its own way.

    >>> str(InputError("is empty", path="essay.txt", hint="paste the op-ed into it"))
    'essay.txt: is empty. Paste the op-ed into it.'
    >>> err = InputError("is empty", path="essay.txt")
    >>> err.path, err.problem, err.hint
    ('essay.txt', 'is empty', '')
    """

    def __init__(self, problem: str, *, path: str | Path | None = None, hint: str = "") -> None:
        self.path = None if path is None else str(path)
        self.problem = problem
        self.hint = hint
        where = f"{self.path}: " if self.path else ""
        message = f"{where}{problem}"
        if hint:
            sentence = hint[:1].upper() + hint[1:]
            if sentence[-1:] not in ".!?)":
                sentence += "."
            message = f"{message}. {sentence}"
        super().__init__(message)

    def __reduce__(self) -> tuple[Any, ...]:
        # keep path, problem and hint when the error crosses a process boundary (corpus runs)
        return (_rebuild, (self.problem, self.path, self.hint))


def _rebuild(problem: str, path: str | None, hint: str) -> InputError:
    return InputError(problem, path=path, hint=hint)
