#!/usr/bin/env bash
# What the Maven plugin's check goal adds to a plugin author's build: `mvn verify` (from a clean target/) of a small plugin
# project (bench/maven-overhead/) without ImportSpy and with it (-Pimportspy: the check goal against the
# contract its host API publishes), whole Maven processes, interleaved, medians, in one run.
#
#   bench/maven-overhead.sh            7 runs each after one discarded run of each
#   RUNS=15 bench/maven-overhead.sh
#
# It runs offline against the private repository that the plugin's integration tests fill
# (importspy-maven-plugin/target/it-repo: the plugin, the core, the sample host API), so build first with
# `mvn -B verify`; it installs nothing anywhere else.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo="${IMPORTSPY_IT_REPO:-$root/importspy-maven-plugin/target/it-repo}"
if [[ ! -d "$repo/io/importspy/importspy-maven-plugin" || ! -d "$repo/com/acme/greeter-api" ]]; then
  echo "maven-overhead.sh: $repo lacks the plugin or the sample host API; run 'mvn -B verify' first" >&2
  exit 2
fi
version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -1)"
work="$root/bench/target/maven-overhead"
rm -rf "$work"
mkdir -p "$work"
cp -r "$root/bench/maven-overhead/." "$work/"
# The builds run offline with the repository id the integration tests filled the private repository from.
sed "s|@localRepositoryUrl@|file://$HOME/.m2/repository|" "$root/importspy-maven-plugin/src/it/settings.xml" \
  > "$work/settings.xml"
runs="${RUNS:-7}"

build() { # profile flag(s)...; prints the milliseconds the whole mvn process took
  local start end
  rm -rf "$work/target"
  start=$(date +%s%N)
  if ! mvn -B -q -o -s "$work/settings.xml" -Dmaven.repo.local="$repo" -Dimportspy.version="$version" -f "$work/pom.xml" verify "$@" \
      > "$work/last.log" 2>&1; then
    echo "maven-overhead.sh: the build failed ($*):" >&2
    cat "$work/last.log" >&2
    exit 1
  fi
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

cut -d' ' -f1-3 /proc/loadavg > "$work/loadavg-start.txt"
build > /dev/null            # discarded: first runs fill caches
build -Pimportspy > /dev/null
without=()
with=()
for ((i = 0; i < runs; i++)); do
  without+=("$(build)")
  with+=("$(build -Pimportspy)")
done
cut -d' ' -f1-3 /proc/loadavg > "$work/loadavg.txt"
python3 - "$runs" "${without[*]}" "${with[*]}" "$(cat "$work/loadavg-start.txt")" "$(cat "$work/loadavg.txt")" <<'PY'
import statistics, sys
runs, without, with_ = int(sys.argv[1]), list(map(int, sys.argv[2].split())), list(map(int, sys.argv[3].split()))
start, end = sys.argv[4], sys.argv[5]
a, b = statistics.median(without), statistics.median(with_)
delta = b - a
print(f"mvn verify (clean target/) of a small plugin project, {runs} runs each, interleaved "
      f"(load average 1/5/15 min: {start} at the start, {end} at the end)")
print(f"| build | median | min | max |")
print(f"|---|---|---|---|")
print(f"| without ImportSpy | {a/1000:.2f} s | {min(without)/1000:.2f} s | {max(without)/1000:.2f} s |")
print(f"| with the check goal | {b/1000:.2f} s | {min(with_)/1000:.2f} s | {max(with_)/1000:.2f} s |")
print(f"overhead of the medians: {delta/1000:+.2f} s ({b/a:.2f}x); of the fastest runs: {(min(with_)-min(without))/1000:+.2f} s; "
      f"target <= +1 s: {'PASS' if delta <= 1000 else 'MISS'}")
PY
