#!/usr/bin/env python3
"""Checks the report documents of `launch-render validate -o json|junit|sarif`.

Standard library only. Each subcommand checks one document's structure, the counts it states
against what it holds, and optional expected values; `agree` checks that the three reports of
one run describe the same files and diagnostics.

  check_reports.py json  REPORT [--files N] [--valid N] [--invalid N] [--skipped N]
                                [--errors N] [--warnings N]
  check_reports.py junit REPORT [--tests N] [--failures N] [--errors N] [--contains TEXT]...
  check_reports.py sarif REPORT [--results N] [--errors N] [--warnings N]
  check_reports.py agree JSON JUNIT SARIF

Exit 0 when every check holds; 1 with one line per problem on stderr; 2 on usage errors.
"""

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET

SARIF_LEVELS = {"none", "note", "warning", "error"}
# FILE[:LINE:COL]: error|warning: ..., the text form of one diagnostic
DIAGNOSTIC_LINE = re.compile(r"^(?P<file>.+?)(?::[1-9][0-9]*:[0-9]+)?: (?:error|warning): .+$")
# characters that RFC 3986 allows nowhere in a URI reference
NOT_IN_URI = re.compile(r"[\x00-\x20\x7f\\\"<>^`{|}]")


class Problems:
    def __init__(self, source):
        self.source = source
        self.items = []

    def add(self, where, what):
        self.items.append(f"{self.source}: {where}: {what}")

    def expect(self, where, got, want):
        if want is not None and got != want:
            self.add(where, f"is {got!r}, want {want!r}")


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def nonempty_string(v):
    return isinstance(v, str) and v != ""


def load_json(path, problems):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except OSError as e:
        problems.add("document", f"cannot read: {e}")
    except ValueError as e:
        problems.add("document", f"not JSON: {e}")
        return None


# ---- JSON report ----------------------------------------------------------------------------

SUMMARY_KEYS = ("files", "valid", "invalid", "skipped", "errors", "warnings")


def check_json(doc, p, want):
    if not isinstance(doc, dict):
        p.add("document", "not an object")
        return
    files = doc.get("files")
    summary = doc.get("summary")
    if not isinstance(files, list):
        p.add("files", "missing or not an array")
        files = []
    if not isinstance(summary, dict):
        p.add("summary", "missing or not an object")
        summary = {}
    counted = dict.fromkeys(SUMMARY_KEYS, 0)
    counted["files"] = len(files)
    for i, f in enumerate(files):
        where = f"files[{i}]"
        if not isinstance(f, dict):
            p.add(where, "not an object")
            continue
        for key in ("file", "kind"):
            if not nonempty_string(f.get(key)):
                p.add(f"{where}.{key}", "missing or not a non-empty string")
        status = f.get("status")
        if status not in ("valid", "invalid", "skipped"):
            p.add(f"{where}.status", f"{status!r} is not valid, invalid or skipped")
        else:
            counted[status] += 1
        diags = f.get("diagnostics")
        if not isinstance(diags, list):
            p.add(f"{where}.diagnostics", "missing or not an array")
            continue
        errors = 0
        for j, d in enumerate(diags):
            dw = f"{where}.diagnostics[{j}]"
            if not isinstance(d, dict):
                p.add(dw, "not an object")
                continue
            if d.get("file") != f.get("file"):
                p.add(f"{dw}.file", f"{d.get('file')!r} is not the file's {f.get('file')!r}")
            for key in ("line", "column"):
                if not is_int(d.get(key)) or d[key] < 0:
                    p.add(f"{dw}.{key}", "missing or not a non-negative integer")
            for key in ("path", "rule"):
                if not isinstance(d.get(key), str):
                    p.add(f"{dw}.{key}", "missing or not a string")
            if not nonempty_string(d.get("message")):
                p.add(f"{dw}.message", "missing or empty")
            severity = d.get("severity")
            if severity == "error":
                errors += 1
                counted["errors"] += 1
            elif severity == "warning":
                counted["warnings"] += 1
            else:
                p.add(f"{dw}.severity", f"{severity!r} is not error or warning")
        if (status == "invalid") != (errors > 0):
            p.add(f"{where}.status", f"is {status!r} with {errors} error(s)")
    for key in SUMMARY_KEYS:
        v = summary.get(key)
        if not is_int(v) or v < 0:
            p.add(f"summary.{key}", "missing or not a non-negative integer")
        elif v != counted[key]:
            p.add(f"summary.{key}", f"is {v}, but the files hold {counted[key]}")
        p.expect(f"summary.{key}", v, want.get(key))


# ---- JUnit XML ------------------------------------------------------------------------------


def int_attr(el, name, where, p, required=True):
    v = el.get(name)
    if v is None:
        if required:
            p.add(where, f"no {name} attribute")
        return None
    if not re.fullmatch(r"[0-9]+", v):
        p.add(where, f"{name}={v!r} is not a non-negative integer")
        return None
    return int(v)


def parse_junit(path, p):
    try:
        return ET.parse(path).getroot()
    except OSError as e:
        p.add("document", f"cannot read: {e}")
    except ET.ParseError as e:
        p.add("document", f"not XML: {e}")
        return None


def check_junit(root, p, want):
    if root.tag != "testsuites":
        p.add("root", f"<{root.tag}>, want <testsuites>")
        return
    total = {"tests": 0, "failures": 0, "errors": 0}
    stated = {k: int_attr(root, k, "<testsuites>", p) for k in total}
    failure_texts = []
    for s_index, suite in enumerate(root):
        sw = f"testsuite[{s_index}]"
        if suite.tag != "testsuite":
            p.add(sw, f"<{suite.tag}> inside <testsuites>")
            continue
        if not suite.get("name"):
            p.add(sw, "no name attribute")
        sw = f"testsuite {suite.get('name')!r}"
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        for c_index, case in enumerate(suite.findall("testcase")):
            cw = f"{sw} testcase[{c_index}]"
            for attr in ("classname", "name"):
                if not case.get(attr):
                    p.add(cw, f"no {attr} attribute")
            counts["tests"] += 1
            for tag in ("failure", "error"):
                for el in case.findall(tag):
                    counts["failures" if tag == "failure" else "errors"] += 1
                    ew = f"{cw} <{tag}>"
                    message = el.get("message")
                    text = el.text or ""
                    if not message:
                        p.add(ew, "no message attribute")
                    if not text.strip():
                        p.add(ew, "no text")
                        continue
                    if message and message not in text:
                        p.add(ew, f"text lacks its message {message!r}")
                    first = text.splitlines()[0]
                    m = DIAGNOSTIC_LINE.match(first)
                    if not m:
                        p.add(ew, f"text does not start with a located message: {first!r}")
                    elif m.group("file") != case.get("name"):
                        p.add(ew, f"message names {m.group('file')!r}, not {case.get('name')!r}")
                    failure_texts.append(text)
            if case.find("skipped") is not None:
                counts["skipped"] += 1
        for key, n in counts.items():
            v = int_attr(suite, key, sw, p, required=key != "skipped")
            if v is not None and v != n:
                p.add(sw, f"{key}={v}, but it holds {n}")
        for key in total:
            total[key] += counts[key]
    for key, n in total.items():
        if stated[key] is not None and stated[key] != n:
            p.add("<testsuites>", f"{key}={stated[key]}, but the suites hold {n}")
        p.expect(f"<testsuites> {key}", stated[key], want.get(key))
    for text in want.get("contains") or []:
        if not any(text in t for t in failure_texts):
            p.add("failures", f"none contains {text!r}")


# ---- SARIF 2.1.0 ----------------------------------------------------------------------------


def check_sarif(doc, p, want):
    if not isinstance(doc, dict):
        p.add("document", "not an object")
        return
    if doc.get("version") != "2.1.0":
        p.add("version", f"{doc.get('version')!r}, want '2.1.0'")
    if "$schema" in doc and not nonempty_string(doc["$schema"]):
        p.add("$schema", "not a non-empty string")
    runs = doc.get("runs")
    if not isinstance(runs, list) or not runs:
        p.add("runs", "missing, not an array or empty")
        return
    levels = {"error": 0, "warning": 0}
    n_results = 0
    for r_index, run in enumerate(runs):
        rw = f"runs[{r_index}]"
        if not isinstance(run, dict):
            p.add(rw, "not an object")
            continue
        driver = run.get("tool", {}).get("driver") if isinstance(run.get("tool"), dict) else None
        if not isinstance(driver, dict):
            p.add(f"{rw}.tool.driver", "missing or not an object")
            driver = {}
        if not nonempty_string(driver.get("name")):
            p.add(f"{rw}.tool.driver.name", "missing or not a non-empty string")
        rules = driver.get("rules", [])
        rule_ids = []
        if not isinstance(rules, list):
            p.add(f"{rw}.tool.driver.rules", "not an array")
            rules = []
        for i, rule in enumerate(rules):
            if not isinstance(rule, dict) or not nonempty_string(rule.get("id")):
                p.add(f"{rw}.tool.driver.rules[{i}].id", "missing or not a non-empty string")
                rule_ids.append(None)
            elif rule["id"] in rule_ids:
                p.add(f"{rw}.tool.driver.rules[{i}].id", f"{rule['id']!r} appears twice")
            else:
                rule_ids.append(rule["id"])
        results = run.get("results")
        if not isinstance(results, list):
            p.add(f"{rw}.results", "missing or not an array")
            continue
        for i, res in enumerate(results):
            w = f"{rw}.results[{i}]"
            if not isinstance(res, dict):
                p.add(w, "not an object")
                continue
            n_results += 1
            message = res.get("message")
            if not isinstance(message, dict) or not nonempty_string(message.get("text")):
                p.add(f"{w}.message.text", "missing or not a non-empty string")
            rule_id = res.get("ruleId")
            if not nonempty_string(rule_id):
                p.add(f"{w}.ruleId", "missing or not a non-empty string")
            elif rule_id not in rule_ids:
                p.add(f"{w}.ruleId", f"{rule_id!r} is not in tool.driver.rules")
            if "ruleIndex" in res:
                k = res["ruleIndex"]
                if not is_int(k) or not 0 <= k < len(rule_ids) or rule_ids[k] != rule_id:
                    p.add(f"{w}.ruleIndex", f"{k!r} does not point at rule {rule_id!r}")
            level = res.get("level")
            if level not in SARIF_LEVELS:
                p.add(f"{w}.level", f"{level!r} is not one of {sorted(SARIF_LEVELS)}")
            elif level in levels:
                levels[level] += 1
            check_locations(res.get("locations"), f"{w}.locations", p)
    p.expect("results", n_results, want.get("results"))
    p.expect("results at level error", levels["error"], want.get("errors"))
    p.expect("results at level warning", levels["warning"], want.get("warnings"))


def check_locations(locations, where, p):
    if locations is None:
        return
    if not isinstance(locations, list):
        p.add(where, "not an array")
        return
    for i, loc in enumerate(locations):
        lw = f"{where}[{i}].physicalLocation"
        phys = loc.get("physicalLocation") if isinstance(loc, dict) else None
        if phys is None:
            continue  # a logical location only
        if not isinstance(phys, dict):
            p.add(lw, "not an object")
            continue
        art = phys.get("artifactLocation")
        uri = art.get("uri") if isinstance(art, dict) else None
        if not nonempty_string(uri):
            p.add(f"{lw}.artifactLocation.uri", "missing or not a non-empty string")
        elif NOT_IN_URI.search(uri):
            p.add(f"{lw}.artifactLocation.uri", f"{uri!r} is not a URI reference (not escaped)")
        region = phys.get("region")
        if region is None:
            continue
        if not isinstance(region, dict):
            p.add(f"{lw}.region", "not an object")
            continue
        for key in ("startLine", "startColumn", "endLine", "endColumn"):
            if key in region and (not is_int(region[key]) or region[key] < 1):
                p.add(f"{lw}.region.{key}", f"{region[key]!r} is not an integer >= 1")


# ---- the three reports of one run -----------------------------------------------------------


def sarif_text(d):
    return f"{d['path']}: {d['message']}" if d["path"] else d["message"]


def text_line(d):
    where = d["file"] + (f":{d['line']}:{d['column']}" if d["line"] > 0 else "")
    rule = f" [{d['rule']}]" if d["rule"] else ""
    path = f"{d['path']}: " if d["path"] else ""
    return f"{where}: {d['severity']}: {path}{d['message']}{rule}"


def check_agree(doc, root, sarif, p):
    files = doc["files"]
    cases = {}
    for suite in root.iter("testsuite"):
        for case in suite.findall("testcase"):
            cases[case.get("name")] = case
    if sorted(cases) != sorted(f["file"] for f in files):
        p.add("junit", f"testcases {sorted(cases)} are not the JSON files")
    for f in files:
        case = cases.get(f["file"])
        if case is None:
            continue
        if case.get("classname") != f["kind"]:
            p.add("junit", f"{f['file']}: classname {case.get('classname')!r}, kind {f['kind']!r}")
        failure = case.find("failure")
        if (failure is not None) != (f["status"] == "invalid"):
            p.add("junit", f"{f['file']}: failure element does not match status {f['status']!r}")
        if (case.find("skipped") is not None) != (f["status"] == "skipped"):
            p.add("junit", f"{f['file']}: skipped element does not match status {f['status']!r}")
        failure_lines = (failure.text or "").splitlines() if failure is not None else []
        for d in f["diagnostics"]:
            if d["severity"] == "error" and text_line(d) not in failure_lines:
                p.add("junit", f"{f['file']}: failure lacks {text_line(d)!r}")
    # Each JSON diagnostic is one SARIF result: same file, line, column, level and text, and
    # its rule (a diagnostic without one may be filed under any ruleId).
    results = []
    for run in sarif["runs"]:
        for res in run.get("results", []):
            loc = (res.get("locations") or [{}])[0].get("physicalLocation", {})
            region = loc.get("region", {})
            results.append((loc.get("artifactLocation", {}).get("uri"), region.get("startLine", 0),
                            region.get("startColumn", 0), res.get("level"),
                            res.get("message", {}).get("text"), res.get("ruleId")))
    for f in files:
        for d in f["diagnostics"]:
            key = (d["file"], d["line"], d["column"], d["severity"], sarif_text(d))
            match = [r for r in results if r[:5] == key and d["rule"] in ("", r[5])]
            if match:
                results.remove(match[0])
            else:
                p.add("sarif", f"no result for {text_line(d)!r}")
    for r in results:
        p.add("sarif", f"result {r!r} is no JSON diagnostic")


# ---- command line ---------------------------------------------------------------------------


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="format", required=True)
    j = sub.add_parser("json")
    j.add_argument("report")
    for key in SUMMARY_KEYS:
        j.add_argument(f"--{key}", type=int)
    x = sub.add_parser("junit")
    x.add_argument("report")
    for key in ("tests", "failures", "errors"):
        x.add_argument(f"--{key}", type=int)
    x.add_argument("--contains", action="append", help="text some failure must contain")
    s = sub.add_parser("sarif")
    s.add_argument("report")
    for key in ("results", "errors", "warnings"):
        s.add_argument(f"--{key}", type=int)
    a = sub.add_parser("agree")
    a.add_argument("json_report")
    a.add_argument("junit_report")
    a.add_argument("sarif_report")
    args = ap.parse_args(argv)
    want = vars(args)

    if args.format == "agree":
        problems = Problems("agree")
        parts = [Problems(args.json_report), Problems(args.junit_report), Problems(args.sarif_report)]
        doc = load_json(args.json_report, parts[0])
        root = parse_junit(args.junit_report, parts[1])
        sarif = load_json(args.sarif_report, parts[2])
        if doc is not None:
            check_json(doc, parts[0], {})
        if root is not None:
            check_junit(root, parts[1], {})
        if sarif is not None:
            check_sarif(sarif, parts[2], {})
        items = [i for part in parts for i in part.items]
        if not items:
            check_agree(doc, root, sarif, problems)
        items += problems.items
    else:
        problems = Problems(args.report)
        if args.format == "junit":
            root = parse_junit(args.report, problems)
            if root is not None:
                check_junit(root, problems, want)
        else:
            doc = load_json(args.report, problems)
            if doc is not None:
                (check_json if args.format == "json" else check_sarif)(doc, problems, want)
        items = problems.items
    for item in items:
        print(item, file=sys.stderr)
    return 1 if items else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
