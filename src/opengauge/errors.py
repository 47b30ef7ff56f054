"""Errors that reach the user as one clear line and a documented exit code."""

from __future__ import annotations

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_NOT_FOUND = 3
EXIT_NETWORK = 4


class OpengaugeError(Exception):
    """Base error: its message is shown on one line, its exit code is returned."""

    exit_code = EXIT_BAD_INPUT


class BadInput(OpengaugeError):
    """Malformed input or usage: a file, field or line that is not what was expected."""

    exit_code = EXIT_BAD_INPUT


class NotFound(OpengaugeError):
    """A model, target or file that does not exist, or no model at the target."""

    exit_code = EXIT_NOT_FOUND

    def __init__(self, message: str, suggestions: list[str] | None = None) -> None:
        self.suggestions = suggestions or []
        if self.suggestions:
            message = f"{message} (did you mean: {', '.join(self.suggestions)}?)"
        super().__init__(message)


class NetworkError(OpengaugeError):
    """A remote service could not be reached or answered with an error."""

    exit_code = EXIT_NETWORK


class CheckFailed(OpengaugeError):
    """A requested check (for example a release gate) did not pass."""

    exit_code = EXIT_CHECK_FAILED
