#!/usr/bin/env python3
"""Start-up overhead of the ImportSpy agent on an application with a 50-JAR class path, in one run.

  agent-startup.py --results DIR [--runs N] [--agent JAR] [--java PATH] [--baseline-agent JAR]
                   [--aot]                                                times it into DIR/agent-startup.json
  agent-startup.py --results DIR --table                                  prints the table

The application is one class in a JAR (it prints a line) on a class path of 50 real JARs from the local Maven
repository (~/.m2: the first 50 of the sorted list of main-artifact JARs between 20 KB and 3 MB, the
project's own left out, so the set is the same from run to run on one machine). Four variants, interleaved
in each round (one discarded round first), whole-process wall time:
  - none:  no agent;
  - nop:   an agent whose premain does nothing, its class found on the class path: the application class
           loader opens every JAR of the class path to find it;
  - nop-boot: the same agent found on the boot class path, as ImportSpy's is: what any -javaagent costs (the
           JVM's instrumentation set-up), the floor;
  - cold:  -javaagent with a policy whose one rule checks every JAR against a contract (module names, file
           name), and an empty start-up cache (emptied before each run): every JAR's file system identity is
           read, and each JAR is inspected and validated (none is hashed: the class path's loader reads a start-up
           JAR from its path, by which the check knows it);
  - warm:  the same, with the cache the previous warm run left: the file system identity of every JAR (device,
           inode, size and times; none is hashed on a POSIX file system) and one cache file are read.
With --aot (a JDK 25 --java), also nop, warm and cold started with an AOT cache made for that command
(-XX:AOTMode=record, then create; see bench/README.md): "nop-aot", "warm-aot", "cold-aot".
Each run's wall time and CPU time (user + sys of the JVM process) are kept: on a loaded machine the CPU time
is the steadier figure.
Targets (issue 12): cold within +300 ms of none, warm within +50 ms of none (medians).
"""
import argparse
import glob
import json
import os
import resource
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
    # the same agent found on the boot class path, as ImportSpy's is: its premain class is not looked for along
    # the whole class path first (the application class loader would open every JAR of it to find it)
    with open(os.path.join(nop, "boot-manifest.txt"), "w") as f:
        f.write("Premain-Class: Nop\nBoot-Class-Path: nop-boot-agent.jar\n")
    subprocess.run([jar, "cfm", os.path.join(work, "nop-boot-agent.jar"), os.path.join(nop, "boot-manifest.txt"),
                    "-C", nop, "Nop.class"], check=True)
    with open(os.path.join(work, "jar.yml"), "w") as f:
        f.write('importspy: 1\nmodule:\n  filename: "*.jar"\n')
    with open(os.path.join(work, "policy.yml"), "w") as f:
        f.write('importspy-policy: 1\ndefault: allow\nrules:\n  - match: {path: "/**/*.jar"}\n'
                '    contract: jar.yml\n')
    return work


def aot_cache(work, name, java, agent_args, cp):
    """An AOT cache (JDK 25) for `java agent_args -cp cp App`: recorded with the agent, created without starting it.

    The create step runs no agent, so it is given what the agent brings: its JAR on the boot class path (the
    agent's Boot-Class-Path) and java.instrument in the boot layer (what any -javaagent adds), without which the
    cache's module graph would not be used with -javaagent.
    """
    config = os.path.join(work, name + ".aotconf")
    cache = os.path.join(work, name + ".aot")
    for f in (config, cache):
        if os.path.exists(f):
            os.remove(f)
    subprocess.run([java, "-XX:AOTMode=record", "-XX:AOTConfiguration=" + config] + agent_args + ["-cp", cp, "App"],
                   check=True, capture_output=True)
    boot = [a for a in agent_args if a.startswith("-javaagent:")][0][len("-javaagent:"):].split("=")[0]
    create = [java, "-XX:AOTMode=create", "-XX:AOTConfiguration=" + config, "-XX:AOTCache=" + cache,
              "--add-modules", "java.instrument"]
    create.append("-Xbootclasspath/a:" + boot)  # both agents name themselves in their Boot-Class-Path
    subprocess.run(create + ["-cp", cp], check=True, capture_output=True)
    return ["-XX:AOTCache=" + cache]


def measure(results, runs, agent, java, baseline=None, aot=False):
    work = prepare(results, java)
    jars = class_path()
    cp = os.pathsep.join([os.path.join(work, "app.jar")] + jars)
    policy = os.path.join(work, "policy.yml")
    cold_cache = os.path.join(work, "cold-cache")
    warm_cache = os.path.join(work, "warm-cache")
    variants = {
        "none": [java, "-cp", cp, "App"],
        "nop": [java, f"-javaagent:{os.path.join(work, 'nop-agent.jar')}", "-cp", cp, "App"],
        "nop-boot": [java, f"-javaagent:{os.path.join(work, 'nop-boot-agent.jar')}", "-cp", cp, "App"],
        "cold": [java, f"-javaagent:{agent}=policy={policy},cache={cold_cache}", "-cp", cp, "App"],
        "warm": [java, f"-javaagent:{agent}=policy={policy},cache={warm_cache}", "-cp", cp, "App"],
    }
    if aot:
        nop_args = [f"-javaagent:{os.path.join(work, 'nop-boot-agent.jar')}"]
        warm_args = [f"-javaagent:{agent}=policy={policy},cache={warm_cache}"]
        subprocess.run([java] + warm_args + ["-cp", cp, "App"], check=True, capture_output=True)  # fills the cache
        train = os.path.join(work, "aot-training-cache")
        shutil.rmtree(train, ignore_errors=True)  # the cold cache's training run checks every JAR
        cold_training = [f"-javaagent:{agent}=policy={policy},cache={train}"]
        cold_aot = aot_cache(work, "cold", java, cold_training, cp)
        variants["nop-aot"] = [java] + aot_cache(work, "nop", java, nop_args, cp) + nop_args + ["-cp", cp, "App"]
        variants["warm-aot"] = [java] + aot_cache(work, "warm", java, warm_args, cp) + warm_args + ["-cp", cp, "App"]
        variants["cold-aot"] = [java] + cold_aot + [f"-javaagent:{agent}=policy={policy},cache={cold_cache}-aot",
                                                   "-cp", cp, "App"]
    if baseline:  # another build of the agent, in the same rounds (a before-and-after figure)
        variants["cold-baseline"] = [java, f"-javaagent:{baseline}=policy={policy},cache={cold_cache}-baseline",
                                     "-cp", cp, "App"]
        variants["warm-baseline"] = [java, f"-javaagent:{baseline}=policy={policy},cache={warm_cache}-baseline",
                                     "-cp", cp, "App"]
    times = {name: [] for name in variants}
    cpu = {name: [] for name in variants}
    for round_ in range(runs + 1):
        for name, command in variants.items():
            if name.startswith("cold"):
                shutil.rmtree(cold_cache + name[4:], ignore_errors=True)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True)
            elapsed = (time.perf_counter() - start) * 1000
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if done.returncode != 0 or "app started" not in done.stdout:
                raise SystemExit(f"agent-startup.py: {name} failed ({done.returncode}):\n{done.stderr}")
            if round_ > 0:
                times[name].append(elapsed)
                cpu[name].append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
    if not glob.glob(os.path.join(warm_cache, "*.verdicts")):
        raise SystemExit("agent-startup.py: the warm runs left no cache file")
    result = {"jars": len(jars), "bytes": sum(os.path.getsize(j) for j in jars), "runs": runs,
              "java": java, "baseline": baseline, "ms": times, "cpu_ms": cpu, "load": os.getloadavg()}
    with open(os.path.join(results, "agent-startup.json"), "w") as f:
        json.dump(result, f, indent=1)


LABELS = {
    "none": "no agent",
    "nop": "an agent whose premain does nothing, found on the class path",
    "nop-boot": "the same, found on the boot class path (the floor of any -javaagent)",
    "warm": "ImportSpy agent, warm cache",
    "cold": "ImportSpy agent, cold cache",
    "warm-baseline": "baseline agent, warm cache",
    "cold-baseline": "baseline agent, cold cache",
    "nop-aot": "do-nothing agent (boot class path), AOT cache",
    "warm-aot": "ImportSpy agent, warm cache, AOT cache",
    "cold-aot": "ImportSpy agent, cold cache, AOT cache",
}
TARGETS = {"warm": WARM_TARGET_MS, "cold": COLD_TARGET_MS, "warm-aot": WARM_TARGET_MS, "cold-aot": COLD_TARGET_MS}


def table(results):
    with open(os.path.join(results, "agent-startup.json")) as f:
        result = json.load(f)
    wall = {name: statistics.median(values) for name, values in result["ms"].items()}
    cpu = {name: statistics.median(values) for name, values in result.get("cpu_ms", {}).items()}
    load = result.get("load")
    print(f"Agent start-up, {result['jars']} JARs ({result['bytes'] / 1e6:.1f} MB) on the class path, "
          f"median of {result['runs']} interleaved runs, {result['java']}"
          + (f", load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at the end" if load else ""))
    print()
    print("| variant | wall ms | over no agent | over the floor | CPU ms | CPU over no agent | CPU over the floor "
          "| target (wall) |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for name in wall:
        floor = "nop-aot" if name.endswith("-aot") else "nop-boot" if "nop-boot" in wall else "nop"
        over = wall[name] - wall["none"]
        target = TARGETS.get(name)
        verdict = "" if target is None else f"≤ +{target} ms: {'PASS' if over <= target else 'MISS'}"
        over_none = "" if name == "none" else f"+{over:.0f} ms"
        over_floor = "" if name.startswith(("none", "nop")) else f"{wall[name] - wall[floor]:+.0f} ms"
        cpu_ms = f"{cpu[name]:.0f}" if name in cpu else ""
        cpu_over = "" if name == "none" or name not in cpu else f"+{cpu[name] - cpu['none']:.0f} ms"
        cpu_floor = "" if name.startswith(("none", "nop")) or name not in cpu else f"{cpu[name] - cpu[floor]:+.0f} ms"
        print(f"| {LABELS.get(name, name)} | {wall[name]:.0f} | {over_none} | {over_floor} | {cpu_ms} | {cpu_over} "
              f"| {cpu_floor} | {verdict} |")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", required=True)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--agent", default=os.path.join(ROOT, "importspy-agent", "target", "importspy-agent.jar"))
    parser.add_argument("--java", default=shutil.which("java"))
    parser.add_argument("--baseline-agent", help="another agent JAR measured in the same rounds (before and after)")
    parser.add_argument("--aot", action="store_true", help="also with AOT caches (JDK 25 --java)")
    parser.add_argument("--table", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.results, exist_ok=True)
    if not args.table:
        measure(args.results, args.runs, os.path.abspath(args.agent), os.path.realpath(args.java),
                os.path.abspath(args.baseline_agent) if args.baseline_agent else None, args.aot)
    else:
        table(args.results)


if __name__ == "__main__":
    main()
