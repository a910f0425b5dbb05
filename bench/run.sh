#!/usr/bin/env bash
# Runs ImportSpy's benchmarks in one go: builds what they need, runs the JMH suite, times whole
# `importspy validate` processes and the start-up of every command against the JVM's own start floor,
# and prints one table of every figure, every ratio and every target (PASS/MISS). Takes a few minutes
# on 2 cores.
#
#   bench/run.sh              the full run (what bench/README.md shows)
#   BENCH_QUICK=1 bench/run.sh a smoke run: one short iteration each, 3 process runs (figures are rough)
#   BENCH_SKIP_BUILD=1 ...    reuse what a previous run built
#   BENCH_ONLY=startup ...    only the start-up of every command beside the floor (bench/startup.py)
#   BENCH_ONLY=sections ...   only the contract sections (references, select, digest and signatures)
#   JMH_EXTRA="-prof gc" ...  extra JMH options (e.g. a profiler) for the fast suite
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
results="$root/bench/target/results"
mkdir -p "$results"
rm -f "$results"/*.json "$results"/*.md

# Iterations are set per benchmark class (@Fork(1), 1 s iterations): 5 warm-up + 5 measured for the
# whole-JAR reads (an operation takes up to a second while cold), 3 + 5 for lazy validation, 2 + 3 for ArchUnit.
if [[ "${BENCH_QUICK:-0}" == 1 ]]; then
  fast=(-f 1 -wi 1 -i 1 -w 1 -r 1)
  slow=(-f 1 -wi 0 -i 1 -w 1 -r 1)
  runs=3
else
  fast=()
  slow=()
  runs=${BENCH_RUNS:-10}
fi

cat /proc/loadavg > "$results/loadavg-start.txt"
if [[ "${BENCH_ONLY:-}" == startup ]]; then
  if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
    echo "== building the CLI and the examples (mvn package)" >&2
    mvn -B -q -DskipTests package >&2
  fi
  echo "== start-up of every command, ${BENCH_STARTUP_RUNS:-$((runs + 5))} runs each" >&2
  python3 bench/startup.py --results "$results" --runs "${BENCH_STARTUP_RUNS:-$((runs + 5))}"
  python3 bench/startup.py --results "$results" --table | tee "$results/startup.md"
  exit 0
fi
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  echo "== building the CLI, the examples and the benchmarks (mvn -Pbench package)" >&2
  mvn -B -q -DskipTests -Pbench package >&2
fi
needed=(bench/target/benchmarks.jar)
if [[ "${BENCH_ONLY:-}" != sections ]]; then  # the sections suite needs the benchmarks alone
  needed+=(importspy-cli/target/importspy.jar importspy-agent/target/importspy-agent.jar
           examples/pipeline/plugin/target/extension-1.0.0.jar)
fi
for f in "${needed[@]}"; do
  [[ -f "$f" ]] || { echo "run.sh: $f was not built; run without BENCH_SKIP_BUILD" >&2; exit 2; }
done

if [[ ! -x /usr/bin/time ]]; then
  echo "run.sh: /usr/bin/time is missing, so peak memory cannot be measured; install it with" \
       "'apt-get install -y time' (Debian/Ubuntu) and run again" >&2
  exit 2
fi

bench_jar=bench/target/benchmarks.jar
# Everything the fast suite measures; the embedded benchmark joins once it exists (see README).
fast_suite='WholeJarBenchmark|LazyValidationBenchmark|EmbeddedBenchmark|TransformerBenchmark'

echo "== JMH: whole-JAR reads and lazy validation" >&2
jmh() {  # jmh NAME ARGS...: one JMH run, its log in $results/NAME.log, failing loudly
  local name=$1
  shift
  if ! java -jar "$bench_jar" "$@" -foe true -rf json -rff "$results/$name.json" > "$results/$name.log" 2>&1; then
    tail -40 "$results/$name.log" >&2
    echo "run.sh: JMH failed; the whole log is $results/$name.log" >&2
    exit 1
  fi
}
sections_suite() {  # the contract sections, each beside its baseline in the same JMH run
  echo "== JMH: contract sections (references, select, digest and signatures), each beside its baseline" >&2
  # shellcheck disable=SC2086
  jmh jmh-sections-references 'SectionsBenchmark.(rawRead|references)$' -p jar=postgresql,jackson-databind,guava \
    ${fast[@]+"${fast[@]}"}
  # shellcheck disable=SC2086
  jmh jmh-sections-select 'SectionsBenchmark.(fullInspection|selectBySupertype|selectByAnnotation)$' -p jar=guava \
    ${fast[@]+"${fast[@]}"}
  # shellcheck disable=SC2086
  jmh jmh-sections-provides 'SectionsBenchmark.(selectByProvides|namedClass)$' -p jar=postgresql ${fast[@]+"${fast[@]}"}
  # shellcheck disable=SC2086
  jmh jmh-sections-integrity 'SectionsBenchmark.(digestAndSignature|jdkVerification)$' -p jar=bcprov-jdk18on \
    ${fast[@]+"${fast[@]}"}
}
if [[ "${BENCH_ONLY:-}" == sections ]]; then
  sections_suite
  python3 bench/report.py --results "$results" | tee "$results/table.md"
  exit 0
fi
# shellcheck disable=SC2086
jmh jmh-fast "$fast_suite" ${fast[@]+"${fast[@]}"} ${JMH_EXTRA:-}
sections_suite
echo "== JMH: ArchUnit import" >&2
jmh jmh-archunit 'ArchUnitBenchmark' ${slow[@]+"${slow[@]}"}

echo "== classes read by each lazy validation" >&2
java -cp "$bench_jar" io.importspy.bench.ReadCounts > "$results/read-counts.json"

echo "== whole processes, $runs runs each" >&2
python3 bench/report.py --results "$results" --runs "$runs" --measure-processes
echo "== start-up of every command, ${BENCH_STARTUP_RUNS:-$((runs + 5))} runs each" >&2
python3 bench/startup.py --results "$results" --runs "${BENCH_STARTUP_RUNS:-$((runs + 5))}"
echo "== agent start-up on a 50-JAR class path, $runs runs each" >&2
python3 bench/agent-startup.py --results "$results" --runs "$runs"
python3 bench/report.py --results "$results" | tee "$results/table.md"
