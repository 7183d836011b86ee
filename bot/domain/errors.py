"""Domain errors: each carries the message to show, as an English gettext msgid.

Handlers render one the same way everywhere: ``gettext(err.message).format(**err.params)``.
Mark msgids with ``N_`` where they are written so extraction finds them.
"""

from __future__ import annotations

from collections.abc import Mapping


class DomainError(Exception):
    """A rule of the domain refused an action; ``message`` says why, for the user."""

    def __init__(self, message: str, params: Mapping[str, object] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.params: dict[str, object] = dict(params or {})

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, {self.params!r})"


class PermissionDenied(DomainError):
    """The actor may not do this (wrong role, wrong unit, not the routed approver)."""


class InvalidTransition(DomainError):
    """The change of state is not allowed, whoever asks."""


class ReasonRequired(InvalidTransition):
    """Going back to an earlier state needs a reason; the handler may ask for one and retry."""


class AlreadyDone(InvalidTransition):
    """The item is already in the requested state: nothing to change."""


class InvalidValue(DomainError):
    """A cell or an answer is not one of the task's values."""


class NotApplicable(DomainError):
    """The rule does not apply to this person (e.g. routing for someone who is not cốt cán)."""
