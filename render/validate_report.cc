#include "render/validate_report.h"

#include <cctype>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

namespace lr {
namespace {

using nlohmann::ordered_json;

std::string ResourcesClause(const Summary& s) {
  if (s.resources.total() == 0) return "";
  const ResourceCounts& r = s.resources;
  return "; " + std::to_string(r.total()) + " resources - valid: " + std::to_string(r.valid) +
         ", invalid: " + std::to_string(r.invalid) + ", errors: " + std::to_string(r.errors) +
         ", skipped: " + std::to_string(r.skipped);
}

std::string SummaryLine(const Summary& s) {
  return "Summary: " + std::to_string(s.files) + " files - valid: " + std::to_string(s.valid) +
         ", invalid: " + std::to_string(s.invalid) + ", skipped: " + std::to_string(s.skipped) +
         ", errors: " + std::to_string(s.errors) + ", warnings: " + std::to_string(s.warnings) +
         ResourcesClause(s) + "\n";
}

ordered_json ResourcesJson(const ResourceCounts& r) {
  return {{"total", r.total()},
          {"valid", r.valid},
          {"invalid", r.invalid},
          {"errors", r.errors},
          {"skipped", r.skipped}};
}

ordered_json SummaryJson(const Summary& s) {
  ordered_json j = {{"files", s.files},     {"valid", s.valid},   {"invalid", s.invalid},
                    {"skipped", s.skipped}, {"errors", s.errors}, {"warnings", s.warnings}};
  if (s.manifests > 0) j["resources"] = ResourcesJson(s.resources);
  return j;
}

const char* Status(const FileReport& r) {
  return !r.valid() ? "invalid" : r.skipped ? "skipped" : "valid";
}

ReportText Text(const std::vector<FileReport>& reports, bool summary) {
  ReportText t;
  for (const FileReport& r : reports) {
    for (const Diagnostic& d : r.diags.Sorted()) t.err += FormatText(d) + "\n";
  }
  if (summary) t.err += SummaryLine(Summarize(reports));
  return t;
}

ordered_json DiagnosticJson(const Diagnostic& d) {
  return {{"file", d.pos.file},  {"line", d.pos.line},
          {"column", d.pos.col}, {"severity", SeverityName(d.severity)},
          {"path", d.path},      {"message", d.message},
          {"rule", d.rule}};
}

ReportText JsonReport(const std::vector<FileReport>& reports) {
  ordered_json files = ordered_json::array();
  for (const FileReport& r : reports) {
    ordered_json diags = ordered_json::array();
    for (const Diagnostic& d : r.diags.Sorted()) diags.push_back(DiagnosticJson(d));
    ordered_json file = {{"file", r.file},
                         {"kind", FileKindName(r.kind)},
                         {"status", Status(r)},
                         {"diagnostics", diags}};
    if (r.kind == FileKind::kManifest) file["resources"] = ResourcesJson(r.resources);
    files.push_back(std::move(file));
  }
  ordered_json doc = {{"files", files}, {"summary", SummaryJson(Summarize(reports))}};
  return {doc.dump(2) + "\n", ""};
}

std::string Xml(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') {
          out += "\xEF\xBF\xBD";  // XML 1.0 cannot carry C0 controls, even as references
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string TestCase(const FileReport& r) {
  std::string tc = "    <testcase classname=\"" + Xml(FileKindName(r.kind)) + "\" name=\"" +
                   Xml(r.file) + "\" time=\"0\"";
  if (r.valid() && !r.skipped) return tc + "/>\n";
  tc += ">\n";
  if (r.skipped && r.valid()) return tc + "      <skipped/>\n    </testcase>\n";
  std::string body, first;
  for (const Diagnostic& d : r.diags.Sorted()) {
    if (d.severity != Severity::kError) continue;
    if (first.empty()) first = FormatText(d);
    body += FormatText(d) + "\n";
  }
  return tc + "      <failure message=\"" + Xml(first) + "\" type=\"error\">" + Xml(body) +
         "</failure>\n    </testcase>\n";
}

ReportText Junit(const std::vector<FileReport>& reports) {
  std::map<std::string, std::vector<const FileReport*>> suites;
  for (const FileReport& r : reports) suites[FileKindName(r.kind)].push_back(&r);
  Summary total = Summarize(reports);
  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  x += "<testsuites name=\"launch-render\" tests=\"" + std::to_string(total.files) +
       "\" failures=\"" + std::to_string(total.invalid) + "\" errors=\"0\" time=\"0\">\n";
  for (const auto& [kind, members] : suites) {
    int failures = 0, skipped = 0;
    for (const FileReport* r : members) {
      failures += r->valid() ? 0 : 1;
      skipped += r->valid() && r->skipped ? 1 : 0;
    }
    x += "  <testsuite name=\"" + Xml(kind) + "\" tests=\"" + std::to_string(members.size()) +
         "\" failures=\"" + std::to_string(failures) + "\" errors=\"0\" skipped=\"" +
         std::to_string(skipped) + "\" time=\"0\">\n";
    for (const FileReport* r : members) x += TestCase(*r);
    x += "  </testsuite>\n";
  }
  x += "</testsuites>\n";
  return {x, ""};
}

// A file name as a relative URI reference: unreserved characters and '/' kept, the rest
// percent-encoded byte by byte (spaces, '#', '?', '%', non-ASCII).
std::string UriReference(const std::string& path) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

ordered_json SarifResult(const Diagnostic& d) {
  ordered_json location = {{"artifactLocation", {{"uri", UriReference(d.pos.file)}}}};
  if (d.pos.line > 0) {
    location["region"] = {{"startLine", d.pos.line}, {"startColumn", std::max(d.pos.col, 1)}};
  }
  std::string text = d.path.empty() ? d.message : d.path + ": " + d.message;
  return {{"ruleId", d.rule.empty() ? "launch-render" : d.rule},
          {"level", d.severity == Severity::kError ? "error" : "warning"},
          {"message", {{"text", text}}},
          {"locations", ordered_json::array({{{"physicalLocation", location}}})}};
}

ReportText Sarif(const std::vector<FileReport>& reports) {
  ordered_json results = ordered_json::array();
  std::set<std::string> rules;
  for (const FileReport& r : reports) {
    for (const Diagnostic& d : r.diags.Sorted()) {
      results.push_back(SarifResult(d));
      rules.insert(d.rule.empty() ? "launch-render" : d.rule);
    }
  }
  ordered_json rule_list = ordered_json::array();
  for (const std::string& id : rules) rule_list.push_back({{"id", id}});
  ordered_json driver = {{"name", "launch-render"},
                         {"version", LR_VERSION},
                         {"informationUri", "https://github.com/launch-render/launch-render"},
                         {"rules", rule_list}};
  ordered_json doc = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", ordered_json::array({{{"tool", {{"driver", driver}}}, {"results", results}}})}};
  return {doc.dump(2) + "\n", ""};
}

}  // namespace

Summary Summarize(const std::vector<FileReport>& reports) {
  Summary s;
  for (const FileReport& r : reports) {
    ++s.files;
    if (r.kind == FileKind::kManifest) {
      ++s.manifests;
      s.resources += r.resources;
    }
    if (!r.valid()) {
      ++s.invalid;
    } else if (r.skipped) {
      ++s.skipped;
    } else {
      ++s.valid;
    }
    for (const Diagnostic& d : r.diags.all()) {
      if (d.severity == Severity::kError) ++s.errors;
      if (d.severity == Severity::kWarning) ++s.warnings;
    }
  }
  return s;
}

ReportText FormatReports(const std::vector<FileReport>& reports, ReportFormat format,
                         bool summary) {
  switch (format) {
    case ReportFormat::kJson:
      return JsonReport(reports);
    case ReportFormat::kJunit:
      return Junit(reports);
    case ReportFormat::kSarif:
      return Sarif(reports);
    case ReportFormat::kText:
      break;
  }
  return Text(reports, summary);
}

}  // namespace lr
