// Tables for the name checks of render/name_check.h: valid inputs return "", invalid ones a
// reason; length limits at 63 and 253 are exact.
#include "render/name_check.h"

#include <string>

#include <gtest/gtest.h>

namespace lr {
namespace {

using Check = std::string (*)(std::string_view);

struct Row {
  const char* check_name;
  Check check;
  std::string input;
  std::string error;  // "" for valid; otherwise the exact reason
};

std::string PrintRow(const Row& r) {
  return std::string(r.check_name) + "(\"" + r.input.substr(0, 80) + "\")";
}

const std::string kLabelShape =
    "must be lower-case letters, digits and '-', starting and ending with a letter or digit "
    "(RFC 1123 label)";
const std::string kSubdomainShape =
    "must be lower-case letters, digits, '-' and '.', starting and ending with a letter or "
    "digit (RFC 1123 subdomain)";
const std::string kValueShape =
    "must be letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
const std::string kQualifiedShape = kValueShape + ", with an optional DNS prefix and '/'";
const std::string kKeyEmpty = "must be a file name, not empty, '.' or '..'";
const std::string kKeyChars = "may only contain letters, digits, '-', '_' and '.'";
const std::string kEnvChars =
    "may only contain printable ASCII characters other than '=' and space";

std::string TooLong(size_t n, size_t max) {
  return "is " + std::to_string(n) + " characters long, more than the " + std::to_string(max) +
         " allowed";
}

std::string A(size_t n) { return std::string(n, 'a'); }

// A subdomain of exactly `n` characters made of 63-character labels.
std::string Subdomain(size_t n) {
  std::string s;
  while (s.size() < n) {
    if (!s.empty()) s += '.';
    s += std::string(std::min<size_t>(63, n - s.size()), 'b');
  }
  if (s.back() == '.') s.back() = 'c';
  return s;
}

#define CHECK_FN(f) #f, f

const Row kRows[] = {
    // RFC 1123 label
    {CHECK_FN(Dns1123LabelError), "wandb", ""},
    {CHECK_FN(Dns1123LabelError), "a", ""},
    {CHECK_FN(Dns1123LabelError), "0", ""},
    {CHECK_FN(Dns1123LabelError), "my-ns-2", ""},
    {CHECK_FN(Dns1123LabelError), A(63), ""},
    {CHECK_FN(Dns1123LabelError), A(64), TooLong(64, 63)},
    {CHECK_FN(Dns1123LabelError), "", kLabelShape},
    {CHECK_FN(Dns1123LabelError), "-a", kLabelShape},
    {CHECK_FN(Dns1123LabelError), "a-", kLabelShape},
    {CHECK_FN(Dns1123LabelError), "My-ns", kLabelShape},
    {CHECK_FN(Dns1123LabelError), "a.b", kLabelShape},
    {CHECK_FN(Dns1123LabelError), "a_b", kLabelShape},
    // RFC 1123 subdomain
    {CHECK_FN(Dns1123SubdomainError), "wandb", ""},
    {CHECK_FN(Dns1123SubdomainError), "a.b.c", ""},
    {CHECK_FN(Dns1123SubdomainError), "wandb-api-key-release-name", ""},
    {CHECK_FN(Dns1123SubdomainError), A(253), ""},
    {CHECK_FN(Dns1123SubdomainError), Subdomain(253), ""},
    {CHECK_FN(Dns1123SubdomainError), A(254), TooLong(254, 253)},
    {CHECK_FN(Dns1123SubdomainError), "", kSubdomainShape},
    {CHECK_FN(Dns1123SubdomainError), "a..b", kSubdomainShape},
    {CHECK_FN(Dns1123SubdomainError), ".a", kSubdomainShape},
    {CHECK_FN(Dns1123SubdomainError), "a.", kSubdomainShape},
    {CHECK_FN(Dns1123SubdomainError), "a.-b", kSubdomainShape},
    {CHECK_FN(Dns1123SubdomainError), "A.b", kSubdomainShape},
    {CHECK_FN(Dns1123SubdomainError), "a_b", kSubdomainShape},
    // Label value
    {CHECK_FN(LabelValueError), "", ""},
    {CHECK_FN(LabelValueError), "v1", ""},
    {CHECK_FN(LabelValueError), "My_Value.2-x", ""},
    {CHECK_FN(LabelValueError), A(63), ""},
    {CHECK_FN(LabelValueError), A(64), TooLong(64, 63)},
    {CHECK_FN(LabelValueError), "-a", kValueShape},
    {CHECK_FN(LabelValueError), "a.", kValueShape},
    {CHECK_FN(LabelValueError), "_", kValueShape},
    {CHECK_FN(LabelValueError), "a b", kValueShape},
    {CHECK_FN(LabelValueError), "a/b", kValueShape},
    // Qualified name (label / annotation keys)
    {CHECK_FN(QualifiedNameError), "app", ""},
    {CHECK_FN(QualifiedNameError), "App_Name.x", ""},
    {CHECK_FN(QualifiedNameError), "iam.gke.io/gcp-service-account", ""},
    {CHECK_FN(QualifiedNameError), "checksum/config", ""},
    {CHECK_FN(QualifiedNameError), A(63), ""},
    {CHECK_FN(QualifiedNameError), "example.com/" + A(63), ""},
    {CHECK_FN(QualifiedNameError), A(64), "name part " + TooLong(64, 63)},
    {CHECK_FN(QualifiedNameError), "x/" + A(64), "name part " + TooLong(64, 63)},
    {CHECK_FN(QualifiedNameError), Subdomain(253) + "/n", ""},
    {CHECK_FN(QualifiedNameError), A(254) + "/n", "prefix " + TooLong(254, 253)},
    {CHECK_FN(QualifiedNameError), "/name", "has an empty prefix before '/'"},
    {CHECK_FN(QualifiedNameError), "Bad.Prefix/name", "prefix " + kSubdomainShape},
    {CHECK_FN(QualifiedNameError), "", kQualifiedShape},
    {CHECK_FN(QualifiedNameError), "prefix/", kQualifiedShape},
    {CHECK_FN(QualifiedNameError), "a/b/c", kQualifiedShape},
    {CHECK_FN(QualifiedNameError), "-app", kQualifiedShape},
    {CHECK_FN(QualifiedNameError), "a b", kQualifiedShape},
    // ConfigMap / Secret data key
    {CHECK_FN(ConfigKeyError), "ca.crt", ""},
    {CHECK_FN(ConfigKeyError), ".git-credentials", ""},
    {CHECK_FN(ConfigKeyError), "MY_SECRET-1", ""},
    {CHECK_FN(ConfigKeyError), "...", ""},
    {CHECK_FN(ConfigKeyError), A(253), ""},
    {CHECK_FN(ConfigKeyError), A(254), TooLong(254, 253)},
    {CHECK_FN(ConfigKeyError), "", kKeyEmpty},
    {CHECK_FN(ConfigKeyError), ".", kKeyEmpty},
    {CHECK_FN(ConfigKeyError), "..", kKeyEmpty},
    {CHECK_FN(ConfigKeyError), "a/b", kKeyChars},
    {CHECK_FN(ConfigKeyError), "a:b", kKeyChars},
    {CHECK_FN(ConfigKeyError), "a b", kKeyChars},
    // Environment variable name
    {CHECK_FN(EnvVarNameError), "HOME", ""},
    {CHECK_FN(EnvVarNameError), "my.var-1", ""},
    {CHECK_FN(EnvVarNameError), "1abc", ""},
    {CHECK_FN(EnvVarNameError), "~!@#$%^&*()", ""},
    {CHECK_FN(EnvVarNameError), A(1000), ""},
    {CHECK_FN(EnvVarNameError), "", "must not be empty"},
    {CHECK_FN(EnvVarNameError), "A=B", kEnvChars},
    {CHECK_FN(EnvVarNameError), "A B", kEnvChars},
    {CHECK_FN(EnvVarNameError), "A\tB", kEnvChars},
    {CHECK_FN(EnvVarNameError), "A\nB", kEnvChars},
    {CHECK_FN(EnvVarNameError), "A\x7f", kEnvChars},
    {CHECK_FN(EnvVarNameError), "caf\xc3\xa9", kEnvChars},
};

class NameCheckTable : public testing::TestWithParam<Row> {};

TEST_P(NameCheckTable, Reason) {
  const Row& r = GetParam();
  EXPECT_EQ(r.check(r.input), r.error) << PrintRow(r);
}

INSTANTIATE_TEST_SUITE_P(Rows, NameCheckTable, testing::ValuesIn(kRows));

TEST(NameCheck, SubdomainHelperBuildsExactLengths) {
  EXPECT_EQ(Subdomain(253).size(), 253u);
  EXPECT_EQ(Subdomain(100).size(), 100u);
}

TEST(NameCheck, Limits) {
  EXPECT_EQ(kMaxLabelValue, 63u);
  EXPECT_EQ(kMaxDnsLabel, 63u);
  EXPECT_EQ(kMaxDnsSubdomain, 253u);
}

}  // namespace
}  // namespace lr
