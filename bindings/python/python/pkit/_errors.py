"""``ValidationError``: every issue of a document that is not a valid registry.

A ``ValueError`` with pydantic's ways in: ``errors()``, ``json()``, ``error_count()``, and
``issues_table()`` for pandas and polars. It lives in Python because the classes of an abi3
extension module cannot extend ``ValueError``; each method only arranges what the Rust core
says of the issues (``Issue.to_error``, the core's HTML and Arrow forms).
"""

from __future__ import annotations

import json as _json
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:
    from ._pkit import Issue, Table


class ValidationError(ValueError):
    """A document that is not a valid registry.

    ``issues`` holds every problem (errors and warnings) in document order; ``str(error)`` gives
    the count and the first issues, one per line.
    """

    issues: list[Issue]

    def __init__(self, message: str = "", issues: Iterable[Issue] = ()) -> None:
        super().__init__(message)
        self.issues = list(issues)

    def errors(self, *, include_input: bool = True) -> list[dict[str, Any]]:
        """Every issue as a ``dict``, the way pydantic lists errors: ``type`` (the code),
        ``loc``, ``msg``, ``input`` (the offending value, when short and ``include_input``),
        ``severity``, ``path``, ``line`` and ``column`` (and ``file``, ``header`` for CSV)."""
        return [issue.to_error(include_input=include_input) for issue in self.issues]

    def error_count(self) -> int:
        """How many issues there are (errors and warnings), as ``len(errors())``."""
        return len(self.issues)

    def json(self, *, indent: int | None = None, include_input: bool = True) -> str:
        """``errors()`` as JSON text (``loc`` becomes a list)."""
        return _json.dumps(
            self.errors(include_input=include_input), indent=indent, ensure_ascii=False
        )

    def issues_table(self) -> Table:
        """The issues as an Arrow table: ``pyarrow.table(t)``, ``t.to_pandas()``,
        ``t.to_polars()``."""
        from ._pkit import _issues_table

        return _issues_table(self.issues)

    def _repr_html_(self) -> str:
        from ._pkit import _issues_html

        return _issues_html(self.issues)
