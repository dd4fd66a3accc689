#!/usr/bin/env bash
# Mutation testing of the core (slow: minutes to hours; run by hand, not in CI).
#
#   bash scripts/mutation.sh                          every configured module, one at a time
#   bash scripts/mutation.sh "kzdiff.core.conflicts*" only the mutants whose name matches
#   bash scripts/mutation.sh --fresh ...              forget earlier results first
#   bash scripts/mutation.sh --table                  only print the table of the last run
#   MUTATION_JOBS=4 bash scripts/mutation.sh ...      parallel test processes (default 2)
#
# mutmut (configured in pyproject.toml, [tool.mutmut]) copies kzdiff into mutants/,
# changes one detail at a time (a constant, an operator, a condition) and runs the tests
# of tests/core that cover the changed function; a mutant no test notices ("survived")
# points at behaviour no test pins. Results are kept in mutants/: a re-run only checks
# mutants of functions that changed since, so after editing tests use --fresh for honest
# figures. `.venv/bin/mutmut show NAME` shows one mutant's diff; `mutmut results` lists
# the survivors. Needs the dev extra: .venv/bin/pip install -e '.[dev]'.
set -euo pipefail
cd "$(dirname "$0")/.."

mutmut=.venv/bin/mutmut
[[ -x $mutmut ]] || mutmut=$(command -v mutmut || true)
[[ -n $mutmut ]] || { echo "mutation.sh: mutmut not found; pip install -e '.[dev]'" >&2; exit 2; }
python=.venv/bin/python
[[ -x $python ]] || python=python3

fresh=0
table_only=0
globs=()
for arg in "$@"; do
  case $arg in
    --fresh) fresh=1 ;;
    --table) table_only=1 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) globs+=("$arg") ;;
  esac
done

if [[ $table_only == 0 ]]; then
  [[ $fresh == 1 ]] && rm -rf mutants
  if [[ ${#globs[@]} == 0 ]]; then
    # module by module, so that a long run gives figures as it goes
    for f in kzdiff/core/conflicts.py kzdiff/core/align.py kzdiff/core/loading.py \
             kzdiff/core/facts*.py kzdiff/core/quantities*.py; do
      [[ -f $f ]] || continue
      m=${f%.py}
      globs+=("${m//\//.}.*")
    done
  fi
  for g in "${globs[@]}"; do
    echo "== mutmut run $g"
    # mutmut exits non-zero when mutants survive; the table below says how many
    nice "$mutmut" run --max-children "${MUTATION_JOBS:-2}" "$g" | tail -n 3 || true
  done
fi
"$python" scripts/mutation_table.py mutants
