#!/usr/bin/env bash
# The figures of `importspy audit` and `importspy diff` (issue 13), as whole processes, each the median of
# BENCH_AUDIT_RUNS runs (default 3), interleaved, on this machine's current load (printed with the table):
#
#   1. a corpus of 50 real JARs from the local Maven repository (the largest JAR of each of the 50 largest
#      artifacts; sources, javadoc and test JARs left out), and a policy that checks each JAR against the
#      contract `importspy inspect` writes for it: every public class named, so validation reads all of them;
#   2. a second policy with one small contract for every JAR, whose `references:` section reads the constant
#      pool of every class (the full scan a marketplace runs: few, small contracts);
#   3. the raw read of the same class bytes on one core (bench/src/.../RawReadMain.java, alone on the JVM);
#   4. for each policy, `audit --jobs 1`, `audit --jobs 2`, and a cold and a warm run of the verdict cache;
#   5. `diff` of guava 32 and 33 against `inspect` of each of them (BENCH_AUDIT_DIFF=0 leaves it out);
#   6. with BENCH_BASELINE_CLI=JAR, `audit --jobs 1` of both policies by that CLI too (an earlier build), in the
#      same rounds.
#
# Needs the CLI built (mvn -DskipTests package) and python3. Writes bench/target/audit/table.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${BENCH_OUT:-$root/bench/target/audit}"
repo="${BENCH_M2:-$HOME/.m2/repository}"
runs="${BENCH_AUDIT_RUNS:-3}"
cli="${BENCH_CLI:-$root/importspy-cli/target/importspy.jar}"
[[ -f "$cli" ]] || { echo "audit.sh: $cli is missing; build with 'mvn -DskipTests package'" >&2; exit 2; }
rm -rf "$out" && mkdir -p "$out/corpus" "$out/contracts" "$out/classes"
java=(java -Xshare:auto)
cat /proc/loadavg > "$out/load-start.txt"

echo "== corpus: 50 real JARs from $repo" >&2
python3 - "$repo" "$out/corpus" <<'PY'
import os, sys, zipfile
repo, corpus = sys.argv[1], sys.argv[2]
best = {}
for d, _, files in os.walk(repo):
    for f in files:
        if not f.endswith('.jar') or any(f.endswith(s) for s in ('-sources.jar', '-javadoc.jar', '-tests.jar', '-test-sources.jar')):
            continue
        if '/io/importspy/' in d + '/':
            continue
        path = os.path.join(d, f)
        artifact = os.path.dirname(os.path.dirname(path))
        size = os.path.getsize(path)
        if artifact not in best or size > best[artifact][0]:
            best[artifact] = (size, path)
chosen = []
for size, path in sorted(best.values(), reverse=True):
    try:
        with zipfile.ZipFile(path) as z:
            if not any(n.endswith('.class') for n in z.namelist()):
                continue
    except Exception:
        continue
    chosen.append(path)
    if len(chosen) == 50:
        break
for path in chosen:
    os.symlink(path, os.path.join(corpus, os.path.basename(path)))
PY

echo "== a contract for each JAR (importspy inspect), and the policy naming them" >&2
{
  echo "importspy-policy: 1"
  echo "default: refuse"
  echo "rules:"
} > "$out/policy.yml"
for jar in "$out"/corpus/*.jar; do
  name="$(basename "$jar" .jar)"
  if "${java[@]}" -jar "$cli" inspect "$jar" > "$out/contracts/$name.yml" 2> "$out/contracts/$name.err"; then
    printf '  - match: {path: "corpus/%s.jar"}\n    contract: contracts/%s.yml\n' "$name" "$name" >> "$out/policy.yml"
  else
    echo "   left out $name: $(head -1 "$out/contracts/$name.err")" >&2
    rm "$jar"
  fi
done
cat > "$out/contracts/references.yml" <<'YML'
importspy: 1
references:
  forbid:
    - java.lang.System#exit
    - java.lang.Runtime#exec
    - "sun.misc.**"
YML
printf 'importspy-policy: 1\ndefault: refuse\nrules:\n  - match: {path: "corpus/*.jar"}\n    contract: contracts/references.yml\n' \
  > "$out/policy-references.yml"
javac -d "$out/classes" "$root/bench/src/main/java/io/importspy/bench/RawReadMain.java"

time_it() {  # time_it LABEL COMMAND...: wall seconds of one run appended to $out/LABEL.times
  local label=$1
  shift
  local start end
  start=$(date +%s.%N)
  "$@" > "$out/$label.out" 2> "$out/$label.err" || { local rc=$?; [[ $rc -eq 1 || $rc -eq 2 ]]; } # 2: error records
  end=$(date +%s.%N)
  awk "BEGIN { print $end - $start }" >> "$out/$label.times"
}
g32="$repo/com/google/guava/guava/32.1.3-jre/guava-32.1.3-jre.jar"
g33="$repo/com/google/guava/guava/33.0.0-jre/guava-33.0.0-jre.jar"
audit=("${java[@]}" -jar "$cli" audit --policy "$out/policy.yml" --dir "$out/corpus" --quiet)
refs=("${java[@]}" -jar "$cli" audit --policy "$out/policy-references.yml" --dir "$out/corpus" --quiet)
echo "== $runs interleaved rounds" >&2
for ((i = 0; i < runs; i++)); do
  time_it raw "${java[@]}" -cp "$out/classes" io.importspy.bench.RawReadMain "$out"/corpus/*.jar
  time_it jobs1 "${audit[@]}" --no-cache --jobs 1
  time_it jobs2 "${audit[@]}" --no-cache --jobs 2
  rm -rf "$out/cache"
  time_it cold "${audit[@]}" --cache "$out/cache"
  time_it warm "${audit[@]}" --cache "$out/cache"
  time_it refs1 "${refs[@]}" --no-cache --jobs 1
  time_it refs2 "${refs[@]}" --no-cache --jobs 2
  rm -rf "$out/cache-references"
  time_it refscold "${refs[@]}" --cache "$out/cache-references"
  time_it refswarm "${refs[@]}" --cache "$out/cache-references"
  if [[ -n "${BENCH_BASELINE_CLI:-}" ]]; then
    time_it base1 "${java[@]}" -jar "$BENCH_BASELINE_CLI" audit --policy "$out/policy.yml" --dir "$out/corpus" --quiet \
      --no-cache --jobs 1
    time_it baserefs1 "${java[@]}" -jar "$BENCH_BASELINE_CLI" audit --policy "$out/policy-references.yml" \
      --dir "$out/corpus" --quiet --no-cache --jobs 1
  fi
  if [[ "${BENCH_AUDIT_DIFF:-1}" == 1 && -f "$g32" && -f "$g33" ]]; then
    time_it diff "${java[@]}" -jar "$cli" diff "$g32" "$g33"
    time_it inspect32 "${java[@]}" -jar "$cli" inspect "$g32"
    time_it inspect33 "${java[@]}" -jar "$cli" inspect "$g33"
  fi
done
cat /proc/loadavg > "$out/load-end.txt"
cmp -s "$out/jobs1.out" "$out/jobs2.out" || { echo "audit.sh: --jobs 1 and --jobs 2 wrote different records" >&2; exit 1; }
cmp -s "$out/refs1.out" "$out/refs2.out" || { echo "audit.sh: --jobs 1 and --jobs 2 wrote different records" >&2; exit 1; }
python3 - "$out" "$runs" <<'PY' | tee "$out/table.md"
import json, os, statistics, sys
out, runs = sys.argv[1], int(sys.argv[2])
def med(label):
    path = os.path.join(out, label + '.times')
    return statistics.median(float(x) for x in open(path)) if os.path.exists(path) else None
raw, j1, j2, cold, warm = med('raw'), med('jobs1'), med('jobs2'), med('cold'), med('warm')
r1, r2, rcold, rwarm = med('refs1'), med('refs2'), med('refscold'), med('refswarm')
diff, i32, i33 = med('diff'), med('inspect32'), med('inspect33')
jars, classes, bytes_ = open(os.path.join(out, 'raw.out')).read().split(', ')
def summary(label):
    return json.loads(open(os.path.join(out, label + '.out')).read().strip().split('\n')[-1])
whole, refs = summary('jobs1'), summary('refs1')
n = int(jars.split()[0])
mb = int(bytes_.split()[0]) / 1e6
contracts_mb = sum(os.path.getsize(os.path.join(out, 'contracts', f)) for f in os.listdir(os.path.join(out, 'contracts'))
                   if f.endswith('.yml') and f != 'references.yml') / 1e6
def verdict(ok):
    return 'PASS' if ok else 'MISS'
def verdicts(s):
    return f"{s['compliant']} compliant, {s['non-compliant']} non-compliant, {s['error']} errors"
print(f"Corpus: {n} JARs, {classes}, {mb:.1f} MB of class bytes. Load average at start "
      f"{open(os.path.join(out, 'load-start.txt')).read().split()[0]}, at end {open(os.path.join(out, 'load-end.txt')).read().split()[0]} "
      f"(2 cores). Medians of {runs} interleaved runs, whole processes.")
print()
print(f"Whole-API policy ({contracts_mb:.1f} MB of contracts `inspect` wrote): {verdicts(whole)}. "
      f"References policy (one contract of 5 lines): {verdicts(refs)}.")
print()
print('| measure | wall | ratio | target | verdict |')
print('|---|---:|---:|---|---|')
print(f'| raw read of the class bytes, one core | {raw:.2f} s | 1.00× (baseline) | | |')
for label, a, b, c, w in (('references policy', r1, r2, rcold, rwarm), ('whole-API policy', j1, j2, cold, warm)):
    print(f'| {label}: `audit --jobs 1`, no cache | {a:.2f} s | {a/raw:.2f}× raw | ≤ 1.3× raw | {verdict(a/raw <= 1.3)} |')
    print(f'| {label}: `audit --jobs 2`, no cache | {b:.2f} s | {a/b:.2f}× the throughput of one job | ≥ 1.7× | {verdict(a/b >= 1.7)} |')
    print(f'| {label}: `audit`, cache cold (all jobs) | {c:.2f} s | | | |')
    print(f'| {label}: `audit`, cache warm (re-run) | {w:.2f} s | {w/c:.1%} of the cold run | ≤ 10% | {verdict(w/c <= 0.10)} |')
base1, baserefs1 = med('base1'), med('baserefs1')
if base1:
    print(f'| baseline CLI, references policy: `audit --jobs 1`, no cache | {baserefs1:.2f} s | {baserefs1/raw:.2f}× raw | | |')
    print(f'| baseline CLI, whole-API policy: `audit --jobs 1`, no cache | {base1:.2f} s | {base1/raw:.2f}× raw | | |')
if diff:
    both = i32 + i33
    print(f'| `inspect` guava 32.1.3 + `inspect` guava 33.0.0 | {both:.2f} s | 1.00× (baseline) | | |')
    print(f'| `diff` guava 32.1.3 → 33.0.0 | {diff:.2f} s | {diff/both:.2f}× both inspections | ≤ 2× | {verdict(diff/both <= 2)} |')
per_jar = r1 / n
print()
print(f'Per JAR, references policy, one job: {per_jar*1000:.0f} ms wall ({mb/n:.1f} MB of class bytes a JAR on average).')
scaling = r1 / r2
for machines in (1, 10, 50):
    hours = 100_000 * per_jar / scaling / machines / 3600
    print(f'- 100,000 JARs on {machines} machine(s) of 2 cores (`--jobs 2`, {scaling:.2f}× one job as measured): {hours:.1f} h')
PY
