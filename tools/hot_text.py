#!/usr/bin/env python3
"""Writes cmake/hot-text.ld: the code a run of launch-render executes, laid out together.

Usage: hot_text.py --bin BUILD/launch-render --map BUILD/launch-render.map [--src .]
                   [--out cmake/hot-text.ld] [--jobs N]

Why: a run is ~1 ms, and a quarter of it was the kernel mapping the binary's code. Each first
touch of a 64 KiB window of the text costs a page fault that maps 16 pages (fault-around); the
code a render runs was spread over 55 of the 63 windows of a 4 MiB text. Listed first in one
output section (`.text.hot`, before `.text`), it touches 26.

How: every case the tests render (tests/golden, examples, tests/jobs, tests/builds, the
manifests `validate` reads, --version, --help) runs under callgrind, which names each
instruction executed; the link map (-Wl,-Map, cmake -DLR_LINK_MAP=ON) names the input section
each address lies in. The sections hit are written as linker script input-section patterns,
most-run first, as an augmenting script (INSERT BEFORE .text: GNU ld keeps its own script
otherwise). A section the script names but the link does not have matches nothing; a function
it does not name is laid out in `.text` as before: a stale list costs speed, never
correctness. Needs valgrind (Debian package). Python standard library only.
"""
import argparse
import bisect
import collections
import concurrent.futures
import glob
import os
import re
import subprocess
import sys
import tempfile

TEXT_SECTIONS = {".text", ".text.hot"}  # output sections of the map holding code


def read_map(path):
    """The input sections of the code output sections: sorted (address, size, name, file)."""
    sections, in_text, pending = [], False, None
    full = re.compile(r"^ (\S+)\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*)$")
    wrapped = re.compile(r"^\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*)$")
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith(" "):
                in_text = line.split()[0] in TEXT_SECTIONS
                pending = None
                continue
            if not in_text:
                continue
            m = full.match(line)
            if m and m.group(1).startswith("."):
                sections.append((int(m.group(2), 16), int(m.group(3), 16), m.group(1),
                                 m.group(4).strip()))
                pending = None
            elif re.match(r"^ (\.\S+)$", line):
                pending = line.strip()
            elif pending and (m := wrapped.match(line)):
                sections.append((int(m.group(1), 16), int(m.group(2), 16), pending,
                                 m.group(3).strip()))
                pending = None
    return sorted(s for s in sections if s[1] > 0)


def training_runs(src):
    """Argument lists of the cases the tests run, paths relative to `src`."""
    def args_file(d):
        p = os.path.join(src, d, "args")
        return open(p).read().splitlines() if os.path.exists(p) else []
    runs = [["--version"], ["--help"], ["render", "--help"]]
    for values in sorted(glob.glob("examples/*/values.yaml", root_dir=src)):
        runs.append([values])
    for d in sorted(glob.glob("tests/golden/*/", root_dir=src)):
        runs.append([d + "values.yaml"] + args_file(d))
    for d in sorted(glob.glob("tests/jobs/*/", root_dir=src)):
        runs.append(["job", d + "queue.yaml"] + args_file(d))
    for d in sorted(glob.glob("tests/builds/*/", root_dir=src)):
        runs.append(["build"] + args_file(d))
    manifests = sorted(glob.glob("tests/manifests/*", root_dir=src))
    runs.append(["validate"] + manifests)
    return runs


def executed_addresses(binary, args, src, out_dir, index):
    """The addresses of the instructions one run executed (its exit status is not looked at:
    the error cases count too)."""
    out = os.path.join(out_dir, f"{index}.callgrind")
    subprocess.run(["valgrind", "--tool=callgrind", "--dump-instr=yes", "--compress-pos=no",
                    "--compress-strings=no", f"--callgrind-out-file={out}", binary] + args,
                   cwd=src, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    addresses = set()
    with open(out) as f:
        for line in f:
            if line.startswith("0x"):
                addresses.add(int(line.split(None, 1)[0], 16))
    os.remove(out)
    return addresses


def pattern(section, file):
    """A linker script input-section pattern for `section` of `file`."""
    member = re.match(r"^(?:.*/)?([^/(]+\.a)\(([^)]+)\)$", file)
    where = f"*{member.group(1)}:{member.group(2)}" if member else "*" + file.split("/")[-1]
    return f"{where}({section})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--map", required=True)
    ap.add_argument("--src", default=".")
    ap.add_argument("--out", default="cmake/hot-text.ld")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    sections = read_map(args.map)
    if not sections:
        sys.exit(f"{args.map}: no input sections of .text found (linked with -Wl,-Map?)")
    starts = [s[0] for s in sections]
    runs = training_runs(args.src)
    hits = collections.Counter()  # section index -> number of runs that executed it
    with tempfile.TemporaryDirectory() as tmp, \
            concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        jobs = [pool.submit(executed_addresses, binary, r, args.src, tmp, i)
                for i, r in enumerate(runs)]
        for job in jobs:
            touched = set()
            for a in job.result():
                i = bisect.bisect_right(starts, a) - 1
                if i >= 0 and a < sections[i][0] + sections[i][1]:
                    touched.add(i)
            hits.update(touched)
    if not hits:
        sys.exit("no executed address lies in the map's sections: is the map the binary's?")
    order = sorted(hits, key=lambda i: (-hits[i], sections[i][2], sections[i][3]))
    lines = [pattern(sections[i][2], sections[i][3]) for i in order]
    size = sum(sections[i][1] for i in order)
    partial = args.out + ".partial"  # renamed over --out once whole: ld must never read half
    with open(partial, "w") as f:
        f.write("/* Generated by tools/hot_text.py (make hot-text) from the cases the tests run:\n"
                "   the input sections they execute, most-run first. An augmenting script:\n"
                "   GNU ld's own script lays out everything else. Do not edit. */\n"
                "SECTIONS\n{\n  .text.hot :\n  {\n")
        f.writelines(f"    {line}\n" for line in dict.fromkeys(lines))
        f.write("  }\n}\nINSERT BEFORE .text;\n")
    os.replace(partial, args.out)
    print(f"{args.out}: {len(order)} of {len(sections)} input sections, {size} bytes, "
          f"from {len(runs)} runs")


if __name__ == "__main__":
    main()
