#!/usr/bin/env bash
# The Python package's tests, on a fresh machine: builds and installs the package from source
# (`pip install ./bindings/python`, a release build by maturin) into a virtual environment, then
# runs the pytest suite (the shared vectors, the API, the analytics, the Arrow tables, hypothesis
# round trips, the example notebook), stubtest on the type stubs, mypy --strict on the tests
# and examples, and a smoke run of the benchmark script.
#
# PKIT_VENV picks the virtual environment (default: target/venv).
set -euo pipefail
cd "$(dirname "$0")/../.."

venv="${PKIT_VENV:-target/venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
py="$venv/bin/python"
pip=("$py" -m pip install --quiet --disable-pip-version-check)

"${pip[@]}" --requirement bindings/python/requirements-test.txt
# The package itself, as a user installs it, with the extras the tests use.
"${pip[@]}" --force-reinstall --no-deps ./bindings/python
"$py" -c "import pkit; print('installed pkit', pkit.__version__, 'from', pkit.__file__.rsplit('/', 3)[-3])"

# A stale extension module in the source folder would shadow the installed one.
rm -f bindings/python/python/pkit/*.so

echo "--> pytest"
"$py" -m pytest -q -p no:cacheprovider bindings/python/tests

echo "--> stubtest"
"$py" -m mypy.stubtest pkit

echo "--> mypy --strict (tests, examples, the notebook's code)"
notebook_code="target/notebook_code.py"
"$py" - "$notebook_code" <<'PY'
import sys
import nbformat
notebook = nbformat.read("examples/python/pakistan_it_exports.ipynb", as_version=4)
cells = [c.source for c in notebook.cells if c.cell_type == "code"]
open(sys.argv[1], "w", encoding="utf-8").write("\n\n".join(cells) + "\n")
PY
"$py" -m mypy --strict --no-incremental --cache-dir=/dev/null \
  bindings/python/tests bindings/python/bench examples/python
"$py" -m mypy --no-incremental --cache-dir=/dev/null --ignore-missing-imports "$notebook_code"

echo "--> benchmark script, smoke run (sizes too small to mean anything)"
"$py" bindings/python/bench/bench_load.py --quick --repeat 1 > /dev/null
