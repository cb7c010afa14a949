"""pkit: trustworthy data about a country's software-export industry.

Load a registry document (``load``, ``loads``, ``load_csv``, ``sample``), get every problem of a
bad one at once (``ValidationError.issues``, ``validate``), ask the analytics questions
(``Registry.series``, ``Registry.target_progress``, ``Registry.certification_coverage``, what
promotion abroad yielded with ``Registry.initiative_outcomes`` and ``Registry.claims_reconciled``,
...) and move tables into pandas, polars or pyarrow (``Registry.table``, ``to_pandas``,
``to_polars``).

Every rule and computation lives in the Rust core; this package only converts.
"""

# The extension module lists its names in `__all__` (and its stub, `_pkit.pyi`, the same
# names with their types): the package is exactly that module.
from ._pkit import *  # noqa: F403
from ._pkit import __all__ as __all__
from ._pkit import __version__ as __version__
