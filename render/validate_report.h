// ValidateReport: the reports of `launch-render validate` in the format asked for.
//   text   diagnostics as FILE:LINE:COL: error: PATH: message [rule], on stderr; the summary
//          line gains "; N resources - valid: ..., invalid: ..., errors: ..., skipped: ..."
//          when manifests held resources
//   json   one document: files with their diagnostics (manifests: and resource counts), and
//          the summary
//   junit  <testsuites>: one testsuite per kind of file, one testcase per file
//   sarif  SARIF 2.1.0: one run, one result per diagnostic, rules listed in the driver
// In: the reports in input order. Out: what goes to stdout and what goes to stderr. The bytes
// depend only on the reports (no times, no absolute paths added).
#pragma once

#include <string>
#include <vector>

#include "render/validate.h"

namespace lr {

enum class ReportFormat { kText, kJson, kJunit, kSarif };

// Files by verdict and diagnostics by severity; for manifests also resources, counted as
// kubeconform counts them (validate_manifest.h).
struct Summary {
  int files = 0, valid = 0, invalid = 0, skipped = 0, errors = 0, warnings = 0;
  int manifests = 0;  // manifest files among `files`
  ResourceCounts resources;
};

Summary Summarize(const std::vector<FileReport>& reports);

struct ReportText {
  std::string out, err;
};

ReportText FormatReports(const std::vector<FileReport>& reports, ReportFormat format, bool summary);

}  // namespace lr
