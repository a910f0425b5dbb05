#!/usr/bin/env python3
"""Start-up overhead of the ImportSpy agent on an application with a 50-JAR class path, in one run.

  agent-startup.py --results DIR [--runs N] [--agent JAR] [--java PATH] [--baseline-agent JAR]
                                                                          times it into DIR/agent-startup.json
  agent-startup.py --results DIR --table                                  prints the table

The application is one class in a JAR (it prints a line) on a class path of 50 real JARs from the local Maven
repository (~/.m2: the first 50 of the sorted list of main-artifact JARs between 20 KB and 3 MB, the
project's own left out, so the set is the same from run to run on one machine). Four variants, interleaved
in each round (one discarded round first), whole-process wall time:
  - none:  no agent;
  - nop:   an agent whose premain does nothing: what any -javaagent costs (the JVM's instrumentation set-up);
  - cold:  -javaagent with a policy whose one rule checks every JAR against a contract (module names, file
           name), and an empty start-up cache (emptied before each run): every JAR is hashed, identified,
           inspected and validated;
  - warm:  the same, with the cache the previous warm run left: every JAR is hashed, one cache file read.
Targets (issue 12): cold within +300 ms of none, warm within +50 ms of none (medians).
"""
import argparse
import glob
import json
import os
import shutil
import statistics
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COLD_TARGET_MS = 300
WARM_TARGET_MS = 50


def class_path(count=50):
    jars = []
    for jar in sorted(glob.glob(os.path.expanduser("~/.m2/repository/**/*.jar"), recursive=True)):
        name = os.path.basename(jar)
        if "/io/importspy/" in jar or any(s in name for s in ("-sources", "-javadoc", "-tests", "-all")):
            continue
        if 20_000 <= os.path.getsize(jar) <= 3_000_000:
            jars.append(jar)
        if len(jars) == count:
            return jars
    raise SystemExit(f"agent-startup.py: only {len(jars)} JARs of 20 KB to 3 MB in ~/.m2; need {count}")


def prepare(results, java):
    work = os.path.join(results, "agent-app")
    os.makedirs(work, exist_ok=True)
    with open(os.path.join(work, "App.java"), "w") as f:
        f.write('public class App { public static void main(String[] a) { System.out.println("app started"); } }\n')
    javac = os.path.join(os.path.dirname(java), "javac")
    subprocess.run([javac, "-d", os.path.join(work, "classes"), os.path.join(work, "App.java")], check=True)
    jar = os.path.join(os.path.dirname(java), "jar")
    subprocess.run([jar, "cf", os.path.join(work, "app.jar"), "-C", os.path.join(work, "classes"), "."], check=True)
    nop = os.path.join(work, "nop")
    os.makedirs(nop, exist_ok=True)
    with open(os.path.join(nop, "Nop.java"), "w") as f:
        f.write("public class Nop { public static void premain(String a, java.lang.instrument.Instrumentation i) { } }\n")
    with open(os.path.join(nop, "manifest.txt"), "w") as f:
        f.write("Premain-Class: Nop\n")
    subprocess.run([javac, "-d", nop, os.path.join(nop, "Nop.java")], check=True)
    subprocess.run([jar, "cfm", os.path.join(work, "nop-agent.jar"), os.path.join(nop, "manifest.txt"), "-C", nop,
                    "Nop.class"], check=True)
    with open(os.path.join(work, "jar.yml"), "w") as f:
        f.write('importspy: 1\nmodule:\n  filename: "*.jar"\n')
    with open(os.path.join(work, "policy.yml"), "w") as f:
        f.write('importspy-policy: 1\ndefault: allow\nrules:\n  - match: {path: "/**/*.jar"}\n'
                '    contract: jar.yml\n')
    return work


def measure(results, runs, agent, java, baseline=None):
    work = prepare(results, java)
    jars = class_path()
    cp = os.pathsep.join([os.path.join(work, "app.jar")] + jars)
    policy = os.path.join(work, "policy.yml")
    cold_cache = os.path.join(work, "cold-cache")
    warm_cache = os.path.join(work, "warm-cache")
    variants = {
        "none": [java, "-cp", cp, "App"],
        "nop": [java, f"-javaagent:{os.path.join(work, 'nop-agent.jar')}", "-cp", cp, "App"],
        "cold": [java, f"-javaagent:{agent}=policy={policy},cache={cold_cache}", "-cp", cp, "App"],
        "warm": [java, f"-javaagent:{agent}=policy={policy},cache={warm_cache}", "-cp", cp, "App"],
    }
    if baseline:  # another build of the agent, in the same rounds (a before-and-after figure)
        variants["cold-baseline"] = [java, f"-javaagent:{baseline}=policy={policy},cache={cold_cache}-baseline",
                                     "-cp", cp, "App"]
        variants["warm-baseline"] = [java, f"-javaagent:{baseline}=policy={policy},cache={warm_cache}-baseline",
                                     "-cp", cp, "App"]
    times = {name: [] for name in variants}
    for round_ in range(runs + 1):
        for name, command in variants.items():
            if name.startswith("cold"):
                shutil.rmtree(cold_cache + name[4:], ignore_errors=True)
            start = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True)
            elapsed = (time.perf_counter() - start) * 1000
            if done.returncode != 0 or "app started" not in done.stdout:
                raise SystemExit(f"agent-startup.py: {name} failed ({done.returncode}):\n{done.stderr}")
            if round_ > 0:
                times[name].append(elapsed)
    if not glob.glob(os.path.join(warm_cache, "*.verdicts")):
        raise SystemExit("agent-startup.py: the warm runs left no cache file")
    result = {"jars": len(jars), "bytes": sum(os.path.getsize(j) for j in jars), "runs": runs,
              "java": java, "baseline": baseline, "ms": times}
    with open(os.path.join(results, "agent-startup.json"), "w") as f:
        json.dump(result, f, indent=1)


def table(results):
    with open(os.path.join(results, "agent-startup.json")) as f:
        result = json.load(f)
    median = {name: statistics.median(values) for name, values in result["ms"].items()}
    print(f"Agent start-up, {result['jars']} JARs ({result['bytes'] / 1e6:.1f} MB) on the class path, "
          f"median of {result['runs']} interleaved runs")
    print()
    print("| variant | median ms | over no agent | ratio | target | |")
    print("|---|---|---|---|---|---|")
    print(f"| no agent | {median['none']:.0f} | | 1.00 | | |")
    print(f"| an agent whose premain does nothing (the floor of any -javaagent) | {median['nop']:.0f} "
          f"| +{median['nop'] - median['none']:.0f} ms | {median['nop'] / median['none']:.2f} | | |")
    for name, target in (("cold", COLD_TARGET_MS), ("warm", WARM_TARGET_MS)):
        over = median[name] - median["none"]
        verdict = "PASS" if over <= target else "MISS"
        print(f"| ImportSpy agent, {name} cache (+{median[name] - median['nop']:.0f} ms over the floor) "
              f"| {median[name]:.0f} | +{over:.0f} ms | {median[name] / median['none']:.2f} | ≤ +{target} ms | {verdict} |")
    for name in ("cold-baseline", "warm-baseline"):
        if name in median:
            print(f"| baseline agent ({result.get('baseline')}), {name[:4]} cache "
                  f"(+{median[name] - median['nop']:.0f} ms over the floor) | {median[name]:.0f} "
                  f"| +{median[name] - median['none']:.0f} ms | {median[name] / median['none']:.2f} | | |")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", required=True)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--agent", default=os.path.join(ROOT, "importspy-agent", "target", "importspy-agent.jar"))
    parser.add_argument("--java", default=shutil.which("java"))
    parser.add_argument("--baseline-agent", help="another agent JAR measured in the same rounds (before and after)")
    parser.add_argument("--table", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.results, exist_ok=True)
    if not args.table:
        measure(args.results, args.runs, os.path.abspath(args.agent), os.path.realpath(args.java),
                os.path.abspath(args.baseline_agent) if args.baseline_agent else None)
    else:
        table(args.results)


if __name__ == "__main__":
    main()
