#!/usr/bin/env python3
"""launch-render against real helm, as whole processes on the same inputs in the same run.

Usage: bench.py --bin LAUNCH_RENDER --helm HELM --chart CHART [--runs N] [--out RESULTS.md]

Prints a table and writes it to --out: median wall time and peak RSS of each side, and the
ratio helm/launch-render, for five values files from small to the largest example; then the
scaling of launch-render with 1, 10, 100, 1000 additional env vars / target namespaces and a
launchConfig of 1 KiB .. 1 MiB (the time per 10x step should stay near 10x or below, as the
start-up cost is shared); the floor of any process here (/bin/true, launch-render --version)
against helm, which bounds the ratio; and validate's throughput on 1,000 generated manifests
with 1 and 2 threads, the binary's size and start-up (bench/validate_manifests.sh).
Python standard library only; timings use os.wait4's rusage.
"""
import subprocess
import argparse
import datetime
import os
import platform
import statistics
import sys
import tempfile
import time

KEY = '"0123456789abcdef0123456789abcdef01234567"'


def run_once(argv, status=0):
    """Wall time and peak RSS of one run. posix_spawn (vfork in glibc) keeps the child's
    ru_maxrss its own: a fork() of this Python process would count Python's pages too."""
    actions = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
               (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)]
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=actions)
    _, code, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(code) != status:
        sys.exit(f"exit status {os.waitstatus_to_exitcode(code)}, not {status}: {' '.join(argv)}")
    return wall, usage.ru_maxrss / 1024.0  # KiB -> MiB


def peak_rss(argv):
    """Peak RSS in MiB by GNU time (Debian package `time`): a process spawned from Python
    inherits Python's own high-water mark, so wait4's ru_maxrss here would be Python's."""
    with tempfile.NamedTemporaryFile("r") as out:
        actions = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
                   (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)]
        pid = os.posix_spawn("/usr/bin/time", ["/usr/bin/time", "-f", "%M", "-o", out.name] + argv,
                             os.environ, file_actions=actions)
        os.wait4(pid, 0)
        return int(out.read().strip().splitlines()[-1]) / 1024.0


def measure(argv, runs, status=0):
    times = [run_once(argv, status)[0] for _ in range(runs)]
    return statistics.median(times), peak_rss(argv)


def values_file(tmp, name, env=0, namespaces=0, config_bytes=0):
    lines = ["agent:", f"  apiKey: {KEY}"]
    if namespaces:
        lines.append("additionalTargetNamespaces:")
        lines += [f"  - team-{i:05d}" for i in range(namespaces)]
    if env:
        lines.append("additionalEnvVars:")
        for i in range(env):
            lines += [f"  - name: VAR_{i:05d}", f"    value: value-{i}"]
    lines.append("launchConfig: |")
    lines.append("  queues:")
    queues = max(1, config_bytes // 16)
    lines += [f"    - queue-{i:08d}" for i in range(queues)]
    path = os.path.join(tmp, name + ".yaml")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path


def machine():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, Linux {platform.release()}, Python {platform.python_version()}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--helm", required=True)
    ap.add_argument("--chart", required=True)
    ap.add_argument("--src", default=".")
    ap.add_argument("--runs", type=int, default=31)
    ap.add_argument("--out")
    args = ap.parse_args()
    out = []
    say = lambda s="": (print(s), out.append(s))
    say(f"# launch-render benchmarks\n\n{datetime.date.today().isoformat()}, {machine()}.")
    say(f"Median of {args.runs} runs per cell, whole processes; RSS is the peak over the runs.\n")
    say("## launch-render vs helm template (same input, same run)\n")
    say("| values file | launch-render | helm template | ratio | RSS launch-render | RSS helm |")
    say("| --- | ---: | ---: | ---: | ---: | ---: |")
    inputs = ["examples/quickstart/values.yaml", "examples/gcp-gcr/values.yaml",
              "examples/aws-ecr-kaniko/values.yaml", "examples/azure-acr/values.yaml",
              "tests/golden/everything-enabled/values.yaml"]
    ratios = []
    for rel in inputs:
        path = os.path.join(args.src, rel)
        lr, lr_rss = measure([args.bin, path], args.runs)
        helm, helm_rss = measure([args.helm, "template", "release-name", args.chart, "-f", path], args.runs)
        ratios.append(helm / lr)
        say(f"| {rel} | {lr * 1000:.2f} ms | {helm * 1000:.1f} ms | {helm / lr:.1f}x | "
            f"{lr_rss:.1f} MiB | {helm_rss:.1f} MiB |")
    say(f"\nMedian ratio: **{statistics.median(ratios):.1f}x** faster than helm.\n")
    say("## The floor: processes that do nothing, against the same helm\n")
    say("| process | time | helm / it |")
    say("| --- | ---: | ---: |")
    helm_small, _ = measure([args.helm, "template", "release-name", args.chart, "-f",
                             os.path.join(args.src, inputs[0])], args.runs)
    invalid = os.path.join(args.src, "tests/golden/error-yaml-syntax/values.yaml")
    for label, argv, status in [("/bin/true", ["/bin/true"], 0),
                                ("launch-render --version", [args.bin, "--version"], 0),
                                ("launch-render on a YAML error (exit 1)", [args.bin, invalid], 1)]:
        t, _ = measure(argv, args.runs, status)
        say(f"| {label} | {t * 1000:.2f} ms | {helm_small / t:.1f}x |")
    say("")
    say("## Scaling (launch-render alone)\n")
    say("| input | size | time | x per 10x |")
    say("| --- | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp:
        for label, key, steps in [("additionalEnvVars", "env", [1, 10, 100, 1000]),
                                  ("additionalTargetNamespaces", "namespaces", [1, 10, 100, 1000]),
                                  ("launchConfig bytes", "config_bytes", [1024, 10240, 102400, 1048576])]:
            prev = None
            for n in steps:
                path = values_file(tmp, f"{key}-{n}", **{key: n})
                t, rss = measure([args.bin, path], max(5, args.runs // 3))
                step = f"{t / prev:.2f}" if prev else "-"
                say(f"| {label} | {n} | {t * 1000:.2f} ms ({rss:.1f} MiB) | {step} |")
                prev = t
    say("\n## validate: throughput, binary size, start-up\n")
    script = os.path.join(args.src, "bench", "validate_manifests.sh")
    report = subprocess.run(["sh", script, args.bin, "1000", "100"], check=True,
                            capture_output=True, text=True).stdout
    say("```\n" + report.rstrip() + "\n```")
    if args.out:
        with open(args.out, "w") as f:
            f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
