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
#      same rounds;
#   7. the references policy with C1 alone (-XX:TieredStopAtLevel=1, as `./importspy` runs every other command),
#      and over the corpus three times (150 targets, `--jobs 2`): what a JAR costs once the JIT has compiled the
#      read.
#
# Each run's wall time and CPU time (user + system of all threads, the JIT's and GC's too) are recorded; the table
# gives both, CPU being what the machine's load inflates least. BENCH_AUDIT_REUSE=1 keeps the corpus and the
# contracts of an earlier run in the output directory (inspecting the 50 JARs takes minutes). BENCH_AUDIT_WHOLE=0
# leaves the whole-API policy out (its contracts are not written, its runs not made): the references policy alone.
#
# Needs the CLI built (mvn -DskipTests package) and python3. Writes bench/target/audit/table.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${BENCH_OUT:-$root/bench/target/audit}"
repo="${BENCH_M2:-$HOME/.m2/repository}"
runs="${BENCH_AUDIT_RUNS:-3}"
cli="${BENCH_CLI:-$root/importspy-cli/target/importspy.jar}"
[[ -f "$cli" ]] || { echo "audit.sh: $cli is missing; build with 'mvn -DskipTests package'" >&2; exit 2; }
java=(java -Xshare:auto)
whole="${BENCH_AUDIT_WHOLE:-1}"
if [[ "${BENCH_AUDIT_REUSE:-0}" == 1 && -f "$out/policy.yml" ]]; then
  rm -f "$out"/*.times "$out"/*.time "$out"/*.out "$out"/*.err
else  # a new corpus and its contracts
rm -rf "$out" && mkdir -p "$out/corpus" "$out/contracts" "$out/classes"

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
# Hard links (a copy across file systems), not symbolic ones: a policy's path rule matches the file a link
# leads to, so a symbolic link into ~/.m2 would match no rule of the policy and every target be refused unread.
import shutil
for path in chosen:
    target = os.path.join(corpus, os.path.basename(path))
    try:
        os.link(path, target)
    except OSError:
        shutil.copyfile(path, target)
PY

echo "== a contract for each JAR (importspy inspect), and the policy naming them" >&2
{
  echo "importspy-policy: 1"
  echo "default: refuse"
  echo "rules:"
} > "$out/policy.yml"
for jar in "$out"/corpus/*.jar; do
  [[ "$whole" == 1 ]] || break
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
fi
cat /proc/loadavg > "$out/load-start.txt"
rm -rf "$out/long" && mkdir -p "$out/long"
for copy in 1 2 3; do  # the corpus three times over, each copy its own targets (names differ by directory)
  mkdir -p "$out/long/$copy"
  # hard links (or copies), not symbolic ones: a policy decides by the file a link leads to, so a symbolic link
  # would match no rule of policy-long.yml and every target be refused unread
  for jar in "$out"/corpus/*.jar; do
    ln "$jar" "$out/long/$copy/$(basename "$jar")" 2>/dev/null || cp "$jar" "$out/long/$copy/$(basename "$jar")"
  done
done
printf 'importspy-policy: 1\ndefault: refuse\nrules:\n  - match: {path: "long/**/*.jar"}\n    contract: contracts/references.yml\n' \
  > "$out/policy-long.yml"

time_it() {  # time_it LABEL COMMAND...: "wall cpu" seconds of one run appended to $out/LABEL.times
  local label=$1
  shift
  /usr/bin/time -f '%e %U %S' -o "$out/$label.time" "$@" > "$out/$label.out" 2> "$out/$label.err" \
    || { local rc=$?; [[ $rc -eq 1 || $rc -eq 2 ]]; } # 2: error records
  awk 'END { print $1, $2 + $3 }' "$out/$label.time" >> "$out/$label.times"  # after any "exited with" line
}
g32="$repo/com/google/guava/guava/32.1.3-jre/guava-32.1.3-jre.jar"
g33="$repo/com/google/guava/guava/33.0.0-jre/guava-33.0.0-jre.jar"
audit=("${java[@]}" -jar "$cli" audit --policy "$out/policy.yml" --dir "$out/corpus" --quiet)
refs=("${java[@]}" -jar "$cli" audit --policy "$out/policy-references.yml" --dir "$out/corpus" --quiet)
echo "== $runs interleaved rounds" >&2
for ((i = 0; i < runs; i++)); do
  time_it raw "${java[@]}" -cp "$out/classes" io.importspy.bench.RawReadMain "$out"/corpus/*.jar
  if [[ "$whole" == 1 ]]; then
    time_it jobs1 "${audit[@]}" --no-cache --jobs 1
    time_it jobs2 "${audit[@]}" --no-cache --jobs 2
    rm -rf "$out/cache"
    time_it cold "${audit[@]}" --cache "$out/cache"
    time_it warm "${audit[@]}" --cache "$out/cache"
  fi
  time_it refs1 "${refs[@]}" --no-cache --jobs 1
  time_it refs2 "${refs[@]}" --no-cache --jobs 2
  rm -rf "$out/cache-references"
  time_it refscold "${refs[@]}" --cache "$out/cache-references"
  time_it refswarm "${refs[@]}" --cache "$out/cache-references"
  time_it refsc1 java -Xshare:auto -XX:TieredStopAtLevel=1 -jar "$cli" audit --policy "$out/policy-references.yml" \
    --dir "$out/corpus" --quiet --no-cache --jobs 1
  time_it refslong "${java[@]}" -jar "$cli" audit --policy "$out/policy-long.yml" --dir "$out/long" --quiet \
    --no-cache --jobs 2
  if [[ -n "${BENCH_BASELINE_CLI:-}" && "$whole" == 1 ]]; then
    time_it base1 "${java[@]}" -jar "$BENCH_BASELINE_CLI" audit --policy "$out/policy.yml" --dir "$out/corpus" --quiet \
      --no-cache --jobs 1
  fi
  if [[ -n "${BENCH_BASELINE_CLI:-}" ]]; then
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
[[ "$whole" != 1 ]] || cmp -s "$out/jobs1.out" "$out/jobs2.out" || { echo "audit.sh: --jobs 1 and --jobs 2 wrote different records" >&2; exit 1; }
cmp -s "$out/refs1.out" "$out/refs2.out" || { echo "audit.sh: --jobs 1 and --jobs 2 wrote different records" >&2; exit 1; }
python3 - "$out" "$runs" <<'PY' | tee "$out/table.md"
import json, os, statistics, sys
out, runs = sys.argv[1], int(sys.argv[2])
def med(label, column=0):  # the median wall (column 0) or CPU (column 1) seconds of LABEL's runs
    path = os.path.join(out, label + '.times')
    return statistics.median(float(x.split()[column]) for x in open(path)) if os.path.exists(path) else None
def cpu(label):
    return med(label, 1)
raw, r1, r2 = med('raw'), med('refs1'), med('refs2')
diff, i32, i33 = med('diff'), med('inspect32'), med('inspect33')
jars, classes, bytes_ = open(os.path.join(out, 'raw.out')).read().split(', ')
def verdicts_text(s):
    return f"{s['compliant']} compliant, {s['non-compliant']} non-compliant, {s['error']} errors"
def summary(label):
    return json.loads(open(os.path.join(out, label + '.out')).read().strip().split('\n')[-1])
whole = summary('jobs1') if med('jobs1') else None
refs = summary('refs1')
# Each JAR against the contract `inspect` wrote for it is the round trip: anything but compliant means the audit
# did not judge what it was meant to (e.g. no rule matched, so targets were refused unread) and no figure holds.
if whole and whole['compliant'] != whole['compliant'] + whole['non-compliant'] + whole['error']:
    sys.exit(f"audit.sh: the whole-API policy judged {verdicts_text(whole)}, not all compliant; "
             f"see {os.path.join(out, 'jobs1.out')}")
n = int(jars.split()[0])
mb = int(bytes_.split()[0]) / 1e6
contracts_mb = sum(os.path.getsize(os.path.join(out, 'contracts', f)) for f in os.listdir(os.path.join(out, 'contracts'))
                   if f.endswith('.yml') and f != 'references.yml') / 1e6
def verdict(ok):
    return 'PASS' if ok else 'MISS'
def verdicts(s):
    return verdicts_text(s)
def times(label):
    return f'{med(label):.2f} s | {cpu(label):.2f} s'
print(f"Corpus: {n} JARs, {classes}, {mb:.1f} MB of class bytes. Load average at start "
      f"{open(os.path.join(out, 'load-start.txt')).read().split()[0]}, at end {open(os.path.join(out, 'load-end.txt')).read().split()[0]} "
      f"(2 cores). Medians of {runs} interleaved runs, whole processes; CPU is user + system of all threads.")
print()
print((f"Whole-API policy ({contracts_mb:.1f} MB of contracts `inspect` wrote): {verdicts(whole)}. " if whole else '')
      + f"References policy (one contract of 5 lines): {verdicts(refs)}.")
print()
print('| measure | wall | CPU | ratio (wall; CPU) | target | verdict |')
print('|---|---:|---:|---:|---|---|')
print(f'| raw read of the class bytes, one core | {times("raw")} | 1.00× (baseline) | | |')
for label, one, two, c, w in (('references policy', 'refs1', 'refs2', 'refscold', 'refswarm'),
                              ('whole-API policy', 'jobs1', 'jobs2', 'cold', 'warm')):
    a, b = med(one), med(two)
    if a is None:
        continue
    print(f'| {label}: `audit --jobs 1`, no cache | {times(one)} | {a/raw:.2f}×; {cpu(one)/cpu("raw"):.2f}× raw '
          f'| ≤ 1.3× raw | {verdict(a/raw <= 1.3)} |')
    print(f'| {label}: `audit --jobs 2`, no cache | {times(two)} | {b/raw:.2f}× raw; {a/b:.2f}× the throughput of '
          f'one job | ≤ 1.3× raw (all cores); ≥ 1.7× one job | {verdict(b/raw <= 1.3)}; {verdict(a/b >= 1.7)} |')
    print(f'| {label}: `audit`, cache cold (all jobs) | {times(c)} | | | |')
    print(f'| {label}: `audit`, cache warm (re-run) | {times(w)} | {med(w)/med(c):.1%} of the cold run '
          f'| ≤ 10% | {verdict(med(w)/med(c) <= 0.10)} |')
if med('refsc1'):
    print(f'| references policy: `--jobs 1`, C1 alone (`-XX:TieredStopAtLevel=1`) | {times("refsc1")} '
          f'| {med("refsc1")/raw:.2f}×; {cpu("refsc1")/cpu("raw"):.2f}× raw | | |')
if med('refslong'):
    print(f'| references policy: the corpus three times (150 targets), `--jobs 2` | {times("refslong")} '
          f'| {med("refslong")/raw/3:.2f}×; {cpu("refslong")/cpu("raw")/3:.2f}× raw a corpus | | |')
if med('baserefs1'):
    print(f'| baseline CLI, references policy: `audit --jobs 1`, no cache | {times("baserefs1")} '
          f'| {med("baserefs1")/raw:.2f}×; {cpu("baserefs1")/cpu("raw"):.2f}× raw | | |')
if med('base1'):
    print(f'| baseline CLI, whole-API policy: `audit --jobs 1`, no cache | {times("base1")} '
          f'| {med("base1")/raw:.2f}×; {cpu("base1")/cpu("raw"):.2f}× raw | | |')
if diff:
    both = i32 + i33
    print(f'| `inspect` guava 32.1.3 + `inspect` guava 33.0.0 | {both:.2f} s | | 1.00× (baseline) | | |')
    print(f'| `diff` guava 32.1.3 → 33.0.0 | {diff:.2f} s | | {diff/both:.2f}× both inspections | ≤ 2× '
          f'| {verdict(diff/both <= 2)} |')
print()
print(f'Per JAR, references policy, one job: {r1/n*1000:.0f} ms wall, {cpu("refs1")/n*1000:.0f} ms CPU '
      f'({mb/n:.1f} MB of class bytes a JAR on average).')
if med('refslong'):
    marginal = (cpu('refslong') - cpu('refs2')) / (2 * n)
    print(f'In a long audit (150 targets against 50, `--jobs 2`), each further JAR: {marginal*1000:.0f} ms CPU.')
PY
