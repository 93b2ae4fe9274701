// The validation table (tests/validate/table.yaml): each row is a file given to the real
// binary, `launch-render validate FILE`, in an empty directory. Pins the exit status, an
// empty stdout and stderr byte for byte; values files are also rendered and must report the
// same diagnostics. See the table's header for the row format.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

namespace fs = std::filesystem;

namespace {

const fs::path kRoot = LR_SOURCE_DIR;
const std::string kBinary = LR_BINARY;

struct Row {
  std::string section, name, file, source, input, stderr_text;
  int exit = -1;
};

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  for (size_t i = s.find(from); i != std::string::npos; i = s.find(from, i + to.size())) {
    s.replace(i, from.size(), to);
  }
  return s;
}

std::vector<Row> Rows() {
  YAML::Node table = YAML::LoadFile((kRoot / "tests/validate/table.yaml").string());
  std::vector<Row> rows;
  for (const char* section : {"bad", "good"}) {
    for (const auto& n : table[section]) {
      Row r;
      r.section = section;
      r.name = n["name"].as<std::string>();
      r.file = n["file"] ? n["file"].as<std::string>() : "values.yaml";
      r.source = n["source"] ? n["source"].as<std::string>() : "";
      r.input = n["input"] ? n["input"].as<std::string>() : "";
      if (n["tabs"] && n["tabs"].as<bool>()) r.input = Replace(r.input, "→", "\t");
      if (n["crlf"] && n["crlf"].as<bool>()) r.input = Replace(r.input, "\n", "\r\n");
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

Outcome RunIn(const fs::path& dir, const std::string& args) {
  std::string cmd = "cd '" + dir.string() + "' && '" + kBinary + "' " + args + " >out 2>err";
  int status = std::system(cmd.c_str());
  Outcome r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, Read(dir / "out"), Read(dir / "err")};
  fs::remove(dir / "out");
  fs::remove(dir / "err");
  return r;
}

class ValidateTable : public testing::TestWithParam<Row> {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("lr-table-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
  static inline int counter_ = 0;
};

TEST_P(ValidateTable, PinsExitStdoutAndStderr) {
  const Row& row = GetParam();
  std::string file = row.source.empty() ? row.file : "values.yaml";
  std::string text = row.source.empty() ? row.input : Read(kRoot / row.source);
  std::ofstream(dir_ / file, std::ios::binary) << text;
  Outcome v = RunIn(dir_, "validate " + file);
  EXPECT_EQ(v.exit, row.exit) << row.name;
  EXPECT_EQ(v.out, "") << row.name << ": validate prints nothing on stdout in text mode";
  EXPECT_EQ(v.err, row.stderr_text) << row.name;
  if (row.section == "good") {
    EXPECT_EQ(row.exit, 0) << row.name << ": a good row must be valid";
    EXPECT_EQ(row.stderr_text, "") << row.name << ": a good row has no diagnostics";
  } else {
    EXPECT_NE(row.stderr_text, "") << row.name << ": a bad row has diagnostics";
  }
  if (file.find("values") == std::string::npos) return;
  Outcome r = RunIn(dir_, file);  // the render reports exactly what validate reports
  EXPECT_EQ(r.exit, row.exit) << row.name << " (render)";
  EXPECT_EQ(r.err, row.stderr_text) << row.name << " (render)";
  if (r.exit != 0) {
    EXPECT_EQ(r.out, "") << row.name << ": nothing on stdout on error";
  }
}

std::string RowName(const testing::TestParamInfo<Row>& info) {
  std::string name = info.param.section + "_" + info.param.name;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Rows, ValidateTable, testing::ValuesIn(Rows()), RowName);

TEST(ValidateTableSize, HasEnoughRows) {
  int bad = 0, good = 0;
  for (const Row& r : Rows()) (r.section == "bad" ? bad : good)++;
  EXPECT_GE(bad, 60);
  EXPECT_GE(good, 40);
}

}  // namespace
