#!/usr/bin/env bash
# Builds every out-of-tree plugin template under examples/ as a plugin author would, and trains with each:
#   1. installs wasserflow's artifacts into the local Maven repository (mvn -q -DskipTests install),
#   2. in each examples/*/ project: mvn -o -q package (offline: only what wasserflow's own build fetched), which
#      also runs the template's contract tests,
#   3. drops the jar into a fresh plugins directory and trains 50 iterations of the ring with the template's plugins.
# Environment: WASSERFLOW_M2=<dir> uses <dir> as the local repository (-Dmaven.repo.local) instead of ~/.m2/repository,
# e.g. a copy of it, so that other builds' artifacts are left alone; WASSERFLOW_SKIP_INSTALL=1 skips step 1 (the
# artifacts are already installed); WASSERFLOW_CHECK_DIR=<dir> keeps the plugins directory and the runs there.
# Exit status: 0 when every template builds and trains, else the failing command's.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
repo=()
if [ -n "${WASSERFLOW_M2:-}" ]; then
  repo=("-Dmaven.repo.local=$WASSERFLOW_M2")
fi
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
work="${WASSERFLOW_CHECK_DIR:-$(mktemp -d)}"
mkdir -p "$work/plugins"
start=$SECONDS

if [ "${WASSERFLOW_SKIP_INSTALL:-0}" != 1 ]; then
  echo "check-examples: mvn -q -DskipTests install"
  mvn -q -B -DskipTests "${repo[@]}" install
fi

for pom in examples/*/pom.xml; do
  dir="$(dirname "$pom")"
  echo "check-examples: $dir: mvn -o -q package"
  (cd "$dir" && mvn -o -q -B "${repo[@]}" package)
  jars=("$dir"/target/*.jar)
  cp "${jars[@]}" "$work/plugins/"
done

# name | the template's selections
runs=(
  "generator-plugin|generator=affine potential=exact-ot metrics=w2,energy"
  "loss-plugin|loss=moment-w2 potential=gaussian-map metrics=w2,energy"
  "problem-plugin|data=two-moons data.noise=0.05 metrics=w2,moments potential=exact-ot"
)
for r in "${runs[@]}"; do
  name="${r%%|*}"
  read -r -a selections <<< "${r#*|}"
  echo "check-examples: $name: 50 iterations with ${selections[*]}"
  ./wasserflow run configs/ring-w2.properties "plugins.dir=$work/plugins" "run.out=$work/runs" "run.name=$name" \
    run.iterations=50 run.log_every=25 flow.batch=256 eval.source_size=500 eval.data_size=500 "${selections[@]}" > "$work/$name.log"
  if [ ! -s "$work/runs/$name/metrics.csv" ]; then
    echo "check-examples: $name wrote no metrics.csv; its log: $work/$name.log" >&2
    exit 1
  fi
  tail -n 1 "$work/$name.log"
done
echo "check-examples: every template built and trained in $((SECONDS - start)) s"
