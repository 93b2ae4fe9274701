// ValidateReport: the reports of `launch-render validate` in the format asked for.
//   text   diagnostics as FILE:LINE:COL: error: PATH: message [rule], on stderr
//   json   one document: files with their diagnostics, and the summary
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

struct Summary {
  int files = 0, valid = 0, invalid = 0, skipped = 0, errors = 0, warnings = 0;
};

Summary Summarize(const std::vector<FileReport>& reports);

struct ReportText {
  std::string out, err;
};

ReportText FormatReports(const std::vector<FileReport>& reports, ReportFormat format, bool summary);

}  // namespace lr
