// The manifest table (tests/manifests/table.yaml): each row runs the real binary in
// tests/manifests/, `launch-render validate FILES... ARGS`, and pins the exit status, an empty
// stdout and stderr byte for byte. See the table's header for the row format. Also: every
// fixture is used by a row, and one thread or two print the same bytes.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

namespace fs = std::filesystem;

namespace {

const fs::path kDir = fs::path(LR_SOURCE_DIR) / "tests/manifests";
const std::string kBinary = LR_BINARY;

struct Row {
  std::string section, name, args, stdin_file, stderr_text;
  std::vector<std::string> files;
  int exit = -1;
};

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<Row> Rows() {
  YAML::Node table = YAML::LoadFile((kDir / "table.yaml").string());
  std::vector<Row> rows;
  for (const char* section : {"valid", "invalid", "usage"}) {
    for (const auto& n : table[section]) {
      Row r;
      r.section = section;
      r.name = n["name"].as<std::string>();
      r.files = n["files"].as<std::vector<std::string>>();
      r.args = n["args"] ? n["args"].as<std::string>() : "";
      r.stdin_file = n["stdin"] ? n["stdin"].as<std::string>() : "";
      r.exit = n["exit"].as<int>();
      r.stderr_text = n["stderr"].as<std::string>();
      rows.push_back(r);
    }
  }
  return rows;
}

struct Outcome {
  int exit;
  std::string out, err;
};

// Runs `launch-render ARGS` in tests/manifests/ (stdin from `input`, or /dev/null).
Outcome RunBinary(const std::string& args, const std::string& input = "") {
  fs::path tmp = fs::temp_directory_path() / ("lr-manifests-" + std::to_string(::getpid()));
  fs::create_directories(tmp);
  std::string in = input.empty() ? "/dev/null" : "'" + (kDir / input).string() + "'";
  std::string cmd = "cd '" + kDir.string() + "' && '" + kBinary + "' " + args + " <" + in + " >'" +
                    (tmp / "out").string() + "' 2>'" + (tmp / "err").string() + "'";
  int status = std::system(cmd.c_str());
  Outcome r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, Read(tmp / "out"), Read(tmp / "err")};
  fs::remove_all(tmp);
  return r;
}

std::string Join(const std::vector<std::string>& files) {
  std::string out;
  for (const std::string& f : files) out += " " + f;
  return out;
}

class ManifestTable : public testing::TestWithParam<Row> {};

TEST_P(ManifestTable, PinsExitStdoutAndStderr) {
  const Row& row = GetParam();
  Outcome v = RunBinary("validate" + Join(row.files) + " " + row.args, row.stdin_file);
  EXPECT_EQ(v.exit, row.exit) << row.name;
  EXPECT_EQ(v.out, "") << row.name << ": validate prints nothing on stdout in text mode";
  EXPECT_EQ(v.err, row.stderr_text) << row.name;
  bool error = row.stderr_text.find(": error: ") != std::string::npos;
  if (row.section == "valid") {
    EXPECT_EQ(row.exit, 0) << row.name;
    EXPECT_FALSE(error) << row.name << ": a valid row has no error";
  } else if (row.section == "invalid") {
    EXPECT_EQ(row.exit, 1) << row.name;
    EXPECT_TRUE(error) << row.name << ": an invalid row has an error";
  } else {
    EXPECT_EQ(row.exit, 2) << row.name;
  }
}

std::string RowName(const testing::TestParamInfo<Row>& info) {
  std::string name = info.param.name;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Rows, ManifestTable, testing::ValuesIn(Rows()), RowName);

std::vector<std::string> Fixtures() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(kDir)) {
    std::string name = e.path().filename().string();
    if (name != "table.yaml") out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(ManifestTableSize, EnoughRowsAndEveryFixtureUsed) {
  std::set<std::string> used;
  int valid = 0, invalid = 0;
  for (const Row& r : Rows()) {
    used.insert(r.files.begin(), r.files.end());
    if (!r.stdin_file.empty()) used.insert(r.stdin_file);
    (r.section == "valid" ? valid : invalid) += r.section == "usage" ? 0 : 1;
  }
  std::vector<std::string> fixtures = Fixtures();
  EXPECT_GE(fixtures.size(), 50u);
  EXPECT_GE(valid, 20);
  EXPECT_GE(invalid, 40);
  for (const std::string& f : fixtures) EXPECT_TRUE(used.count(f)) << f << " is in no row";
}

// Files are validated on a pool of threads; the report is in input order all the same.
TEST(ManifestTableThreads, OneOrTwoThreadsPrintTheSameBytes) {
  std::string files = Join(Fixtures());
  for (const char* format : {"text", "json", "sarif"}) {
    std::string args = std::string("validate --summary -o ") + format + files;
    Outcome one = RunBinary(args + " -n 1"), two = RunBinary(args + " -n 2");
    ::setenv("LR_THREADS", "2", 1);  // the environment's way of saying -n 2
    Outcome again = RunBinary(args);
    ::unsetenv("LR_THREADS");
    EXPECT_EQ(one.exit, 1) << format;
    EXPECT_EQ(one.exit, two.exit) << format;
    EXPECT_EQ(one.out, two.out) << format;
    EXPECT_EQ(one.err, two.err) << format;
    EXPECT_EQ(two.out, again.out) << format;
    EXPECT_EQ(two.err, again.err) << format;
  }
}

}  // namespace
