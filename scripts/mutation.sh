#!/usr/bin/env bash
# Mutation testing of the core (slow: minutes to hours; run by hand, not in CI).
#
#   bash scripts/mutation.sh                          every configured module; mutants
#                                                     checked before and unchanged since
#                                                     keep their result
#   bash scripts/mutation.sh "kzdiff.core.conflicts*" (re-)check the mutants whose name
#                                                     matches (one module: its file name)
#   bash scripts/mutation.sh --fresh ...              forget all earlier results first
#   bash scripts/mutation.sh --sample 8               check a fixed 1-in-8 sample of every
#                                                     module (every 8th mutant in name
#                                                     order: mutation_table.py --sample),
#                                                     but for those already killed
#   bash scripts/mutation.sh --sample 8 "kzdiff.core.facts*"
#                                                     the same, only in the modules the
#                                                     globs match (a sample rate per module)
#   bash scripts/mutation.sh --table [--sample 8]     only print the table of the last run
#                                                     (of the sample's mutants only)
#   MUTATION_JOBS=4 bash scripts/mutation.sh ...      parallel test processes (default 2)
#
# mutmut (configured in pyproject.toml, [tool.mutmut]) copies kzdiff into mutants/,
# changes one detail at a time (a constant, an operator, a condition) and runs the tests
# of tests/core that cover the changed function; a mutant no test notices ("survived")
# points at behaviour no test pins, or is an equivalent change. Results are kept in
# mutants/; after changing tests, re-check with a glob or --fresh for honest figures.
# `.venv/bin/mutmut results` lists the survivors, `.venv/bin/mutmut show NAME` shows one.
# The tests run lexically (KZDIFF_SEMANTIC=0): the sentence model makes tests/core six
# times slower and no mutated module uses it (its own tests are left out in pyproject.toml).
# Needs the dev extra: .venv/bin/pip install -e '.[dev]'.
# Two tests run the engine again in fresh processes under other hash seeds (a mutant of
# align paid 30 of its 55 seconds for them); they are left out of mutation runs through
# PYTEST_ADDOPTS, which mutmut does not watch, so earlier results are kept.
set -euo pipefail
export KZDIFF_SEMANTIC=0
export PYTEST_ADDOPTS="${PYTEST_ADDOPTS:-} --deselect tests/core/test_align_pins.py::test_result_does_not_depend_on_string_hashing"
cd "$(dirname "$0")/.."

mutmut=.venv/bin/mutmut
[[ -x $mutmut ]] || mutmut=$(command -v mutmut || true)
[[ -n $mutmut ]] || { echo "mutation.sh: mutmut not found; pip install -e '.[dev]'" >&2; exit 2; }
python=.venv/bin/python
[[ -x $python ]] || python=python3

fresh=0
table_only=0
sample=0
globs=()
while [[ $# -gt 0 ]]; do
  arg=$1
  shift
  case $arg in
    --fresh) fresh=1 ;;
    --sample) sample=${1:?--sample needs a number}; shift ;;
    --table) table_only=1 ;;
    -h|--help) awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) globs+=("$arg") ;;
  esac
done

if [[ $table_only == 0 ]]; then
  [[ $fresh == 1 ]] && rm -rf mutants
  # mutmut exits non-zero when mutants survive; the table below says how many
  if [[ $sample -gt 0 ]]; then
    # only to (re)generate the mutants of changed code, so that the sample is drawn from
    # the code as it is: no name matches, so mutmut stops before running any
    echo "== generating the mutants"
    nice "$mutmut" run --max-children "${MUTATION_JOBS:-2}" "kzdiff.core.__no_such_mutant__" \
      > /dev/null 2>&1 || true
    # the sample's mutants not killed yet (a killed one stays killed when tests are added)
    mapfile -t names < <("$python" scripts/mutation_table.py --sample "$sample" mutants)
    if [[ ${#globs[@]} -gt 0 ]]; then
      # with globs, only the sample's mutants of the modules they match (a rate per module)
      kept=()
      for n in "${names[@]}"; do
        for g in "${globs[@]}"; do
          # shellcheck disable=SC2053  # the glob is a pattern on purpose
          if [[ $n == $g ]]; then kept+=("$n"); break; fi
        done
      done
      names=("${kept[@]}")
    fi
    echo "== mutmut run: ${#names[@]} mutants (every ${sample}th of each module, not killed yet)"
    if [[ ${#names[@]} -gt 0 ]]; then
      nice "$mutmut" run --max-children "${MUTATION_JOBS:-2}" "${names[@]}" | tr "\r" "\n" | tail -n 3 || true
    fi
  elif [[ ${#globs[@]} == 0 ]]; then
    nice "$mutmut" run --max-children "${MUTATION_JOBS:-2}" | tr "\r" "\n" | tail -n 3 || true
  fi
  [[ $sample -gt 0 ]] && globs=()
  for g in "${globs[@]}"; do
    echo "== mutmut run $g"
    nice "$mutmut" run --max-children "${MUTATION_JOBS:-2}" "$g" | tr "\r" "\n" | tail -n 3 || true
  done
fi
if [[ $sample -gt 0 ]]; then
  "$python" scripts/mutation_table.py --of-sample "$sample" mutants
else
  "$python" scripts/mutation_table.py mutants
fi
