#!/usr/bin/env python3
"""Start-up of every importspy command, side by side with the JVM's floor, in one run.

  startup.py --results DIR [--runs N] [--launcher LABEL=PATH ...] [--java LABEL=PATH ...]
                                                                    times the commands into DIR/startup.json
  startup.py --results DIR --table                                  prints the table from DIR/startup.json

Each round runs every command once, in turn (interleaved, so that background load spreads over all of
them alike); one discarded round first. Per command: median wall time, median CPU time (user + system,
from the child's rusage), peak RSS (ru_maxrss), exit codes. The floor is `java -cp <dir> Hello` with the
JVM's defaults; commands run through the launcher users run (`./importspy` unless --launcher says
otherwise; several launchers are measured in the same rounds, e.g. two builds before and after a change).
Targets (issue 14): each command within +60 ms of the floor (--help and --version within +40 ms), peak
RSS within the floor's + 15 MiB. CPU above the floor is shown beside: on a loaded machine it moves less than
wall time does.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PIPELINE = os.path.join(ROOT, "examples", "pipeline")
CONTRACT = os.path.join(PIPELINE, "spymodel.yml")
API = os.path.join(PIPELINE, "api", "target", "pipeline-api-1.0.0.jar")
PLUGIN = os.path.join(PIPELINE, "plugin", "target", "extension-1.0.0.jar")
BROKEN = os.path.join(PIPELINE, "plugin-broken", "target", "extension-broken-1.0.0.jar")
WALL_TARGET_MS = 60
HELP_TARGET_MS = 40
RSS_TARGET_MIB = 15


def commands(results):
    """(name, label, arguments after the launcher, wall target in ms above the floor, expected exit)."""
    empty = os.path.join(results, "empty.yml")
    with open(empty, "w") as f:
        f.write("importspy: 1\n")
    return [
        ("validate", "`validate` shipped example", ["validate", "-c", CONTRACT, "--classpath", API, PLUGIN],
         WALL_TARGET_MS, 0),
        ("validate_json", "same, `--format json`",
         ["validate", "--format", "json", "-c", CONTRACT, "--classpath", API, PLUGIN], WALL_TARGET_MS, 0),
        ("help", "`--help`", ["--help"], HELP_TARGET_MS, 0),
        ("version", "`--version`", ["--version"], HELP_TARGET_MS, 0),
        ("inspect", "`inspect` example plugin", ["inspect", PLUGIN], WALL_TARGET_MS, 0),
        ("inspect_runtime", "`inspect --runtime`", ["inspect", "--runtime"], WALL_TARGET_MS, 0),
        ("validate_empty", "`validate` empty contract (`importspy: 1`)", ["validate", "-c", empty, PLUGIN],
         WALL_TARGET_MS, 0),
        ("audit", "`audit --no-cache` shipped example", ["audit", "--no-cache", "--quiet", "-c", CONTRACT,
                                                        "--classpath", API, PLUGIN], WALL_TARGET_MS, 0),
        ("diff", "`diff` example plugin and its broken copy", ["diff", "--classpath", API, PLUGIN, BROKEN],
         WALL_TARGET_MS, 1),
        ("schema", "`schema`", ["schema"], WALL_TARGET_MS, 0),
    ]


def hello_dir(results):
    directory = os.path.join(results, "hello")
    if not os.path.exists(os.path.join(directory, "Hello.class")):
        os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, "Hello.java"), "w") as source:
            source.write('public class Hello { public static void main(String[] a) { System.out.println("Hello"); } }\n')
        subprocess.run(["javac", "-d", directory, os.path.join(directory, "Hello.java")], check=True)
        os.remove(os.path.join(directory, "Hello.java"))  # the class path holds Hello.class only
    return directory


def run_once(command):
    """(wall ms, CPU ms, peak RSS KB, exit code, output) of one process."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = (time.perf_counter() - start) * 1000.0
    child.returncode = os.waitstatus_to_exitcode(status)
    child.stdout.close()
    cpu = (usage.ru_utime + usage.ru_stime) * 1000.0
    return wall, cpu, usage.ru_maxrss, child.returncode, output.decode("utf-8", "replace")


def measure(results, runs, launchers, javas):
    os.makedirs(results, exist_ok=True)
    plan = [("floor", "`java -cp <dir> Hello` (JVM floor)", ["java", "-cp", hello_dir(results), "Hello"], None, 0)]
    for label, java in javas:  # informational: the floor of another JDK
        plan.append((label + ":hello", "`java -cp <dir> Hello` (%s floor)" % label,
                     [java, "-cp", hello_dir(results), "Hello"], None, 0))
    for label, launcher in launchers:
        for name, text, args, target, code in commands(results):
            plan.append((label + ":" + name, text, [launcher] + args, target, code))
    measured = {name: {"label": text, "command": " ".join(cmd), "target_ms": target, "expected_exit": code,
                       "wall_ms": [], "cpu_ms": [], "rss_kb": [], "exit": [], "output": ""}
                for name, text, cmd, target, code in plan}
    for name, _, cmd, _, _ in plan:  # the discarded round: page cache, archives mapped once
        measured[name]["output"] = run_once(cmd)[4][-2000:]
    for _ in range(runs):
        for name, _, cmd, _, _ in plan:
            wall, cpu, rss, code, _ = run_once(cmd)
            entry = measured[name]
            entry["wall_ms"].append(wall)
            entry["cpu_ms"].append(cpu)
            entry["rss_kb"].append(rss)
            entry["exit"].append(code)
    with open(os.path.join(results, "startup.json"), "w") as out:
        json.dump({"launchers": [label for label, _ in launchers], "runs": runs, "processes": measured}, out,
                  indent=2)


def table(results):
    """The markdown section and the targets [(name, measured, PASS|MISS)], or (None, []) without data."""
    path = os.path.join(results, "startup.json")
    if not os.path.exists(path):
        return None, []
    with open(path) as f:
        data = json.load(f)
    processes = data["processes"]
    floor = processes["floor"]
    floor_wall = statistics.median(floor["wall_ms"])
    floor_rss = statistics.median(floor["rss_kb"]) / 1024
    floor_cpu = statistics.median(floor["cpu_ms"])
    out = ["### Start-up of every command (median of %d runs, interleaved; CPU = user + system; "
           "peak RSS = ru_maxrss)" % data["runs"], "",
           "| launcher | command | median wall | above the floor | target | median CPU | CPU above the floor "
           "| peak RSS (median / max) | RSS above the floor | exit codes | verdict |",
           "|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|",
           "| | %s | %.0f ms | | | %.0f ms | | %.1f / %.1f MiB | | %s | |" % (
               floor["label"], floor_wall, statistics.median(floor["cpu_ms"]), floor_rss,
               max(floor["rss_kb"]) / 1024, ",".join(map(str, sorted(set(floor["exit"])))))]
    targets = []
    for name, p in processes.items():
        if name == "floor":
            continue
        launcher = name.split(":", 1)[0]
        wall = statistics.median(p["wall_ms"])
        if p["target_ms"] is None:  # another JDK's floor, shown beside
            out.append("| %s | %s | %.0f ms | %+.0f ms | | %.0f ms | | %.1f / %.1f MiB | | %s | |" % (
                launcher, p["label"], wall, wall - floor_wall, statistics.median(p["cpu_ms"]),
                statistics.median(p["rss_kb"]) / 1024, max(p["rss_kb"]) / 1024,
                ",".join(map(str, sorted(set(p["exit"]))))))
            continue
        rss_max = max(p["rss_kb"]) / 1024
        exits_ok = set(p["exit"]) == {p["expected_exit"]}
        ok = wall - floor_wall <= p["target_ms"] and rss_max - floor_rss <= RSS_TARGET_MIB and exits_ok
        cpu = statistics.median(p["cpu_ms"])
        out.append("| %s | %s | %.0f ms | %+.0f ms | +%d ms | %.0f ms | %+.0f ms | %.1f / %.1f MiB | %+.1f MiB | %s | %s |" % (
            launcher, p["label"], wall, wall - floor_wall, p["target_ms"], cpu, cpu - floor_cpu,
            statistics.median(p["rss_kb"]) / 1024, rss_max, rss_max - floor_rss,
            ",".join(map(str, sorted(set(p["exit"])))), "PASS" if ok else "MISS"))
        targets.append(("Start-up, %s %s ≤ floor + %d ms, RSS ≤ floor + %d MiB" % (
            launcher, p["label"], p["target_ms"], RSS_TARGET_MIB),
            "+%.0f ms, +%.1f MiB" % (wall - floor_wall, rss_max - floor_rss), "PASS" if ok else "MISS"))
    for name, p in processes.items():
        if set(p["exit"]) != {p["expected_exit"]}:
            out += ["", "`%s` exited %s, not %d; its output:" % (p["command"], sorted(set(p["exit"])),
                                                                 p["expected_exit"]),
                    "", "```", p["output"].strip(), "```"]
    return "\n".join(out), targets


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--results", required=True)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--launcher", action="append", default=[],
                        help="LABEL=PATH of an importspy launcher (repeatable; default ./importspy)")
    parser.add_argument("--java", action="append", default=[],
                        help="LABEL=PATH of another java whose Hello floor is shown beside (repeatable)")
    parser.add_argument("--table", action="store_true")
    args = parser.parse_args()
    if args.table:
        section, targets = table(args.results)
        if section is None:
            sys.exit("startup.py: no startup.json in %s; measure first" % args.results)
        print(section)
        print()
        print("| target | measured | verdict |")
        print("|---|---:|---|")
        for target in targets:
            print("| %s | %s | %s |" % target)
        return
    launchers = []
    for spec in args.launcher or ["./importspy=" + os.path.join(ROOT, "importspy")]:
        label, _, path = spec.partition("=")
        if not path or not os.access(path, os.X_OK):
            sys.exit("startup.py: --launcher %s: expected LABEL=PATH of an executable launcher" % spec)
        launchers.append((label, path))
    javas = [tuple(spec.split("=", 1)) for spec in args.java]
    measure(args.results, args.runs, launchers, javas)


if __name__ == "__main__":
    main()
