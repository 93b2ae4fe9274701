// Injection property test (issue F item 6): thousands of generated strings (quotes, ": ",
// " #", newlines, "---", "{{", "${", tabs, unicode, NUL, ...) are put into every free-text
// string value of a values file at once; the rendered stream must read back with exactly the
// same objects and keys as a plain render, and each string at exactly its place. No extra key,
// object, document or ssh_config line may appear.
#include <set>

#include <gtest/gtest.h>

#include "render/base64.h"
#include "render/load.h"
#include "render/pipeline.h"

namespace lr {
namespace {

std::vector<std::string> Atoms() {
  return {"a",
          "\"",
          "'",
          ": ",
          " #",
          "#",
          "\n",
          "\r\n",
          "---",
          "...",
          "{{ .Values.x }}",
          "${run_id}",
          "\t",
          "é",
          "\xF0\x9F\x98\x80",
          std::string(1, '\0'),
          "\\",
          "- ",
          "? ",
          "&a",
          "*a",
          "!!str",
          "[",
          "}",
          "|",
          ">",
          " ",
          "0123",
          "true",
          "~",
          "null",
          "%"};
}

std::vector<std::string> Strings() {
  std::vector<std::string> out;
  std::vector<std::string> atoms = Atoms();
  for (const std::string& a : atoms) {
    for (const std::string& b : atoms) out.push_back("x" + a + b);
  }
  for (size_t i = 0; i < atoms.size(); ++i) {
    out.push_back(atoms[i] + "v" + atoms[(i * 7 + 3) % atoms.size()] +
                  atoms[(i * 5 + 1) % atoms.size()]);
    out.push_back(atoms[i]);
  }
  return out;
}

// A values file (JSON, so any string is written exactly) with `s` in every free-text field.
std::string ValuesWith(const std::string& s) {
  Json v = {{"agent", {{"apiKey", "key-" + s}, {"podAnnotations", {{"note", s}}}}},
            {"additionalEnvVars", Json::array({{{"name", "PLAIN"}, {"value", s}}})},
            {"additionalSecretEnvVars", Json::array({{{"name", "HIDDEN"}, {"value", s}}})},
            {"gitCreds", "https://u:" + s + "@example.com\n"},
            {"azureStorageAccessKey", "az-" + s},
            {"serviceAccount", {{"annotations", {{"x.example.com/note", s}}}}},
            {"launchConfig", "queues: [q]\n"}};
  return v.dump();
}

std::vector<Json> Objects(const std::string& stream) {
  Diagnostics d;
  auto docs = LoadStream("out.yaml", stream, {}, &d);
  EXPECT_TRUE(docs.has_value()) << stream.substr(0, 2000);
  std::vector<Json> out;
  for (const Document& doc : docs.value_or(std::vector<Document>{})) {
    if (!doc.root.is_null()) out.push_back(doc.root);
  }
  return out;
}

// Every key path of a tree (values left out), to compare shapes.
void Paths(const Json& v, const std::string& p, std::set<std::string>* out) {
  out->insert(p);
  if (v.is_object()) {
    for (const auto& [k, c] : v.items()) Paths(c, p + "/" + k, out);
  } else if (v.is_array()) {
    for (size_t i = 0; i < v.size(); ++i) Paths(v[i], p + "/" + std::to_string(i), out);
  }
}

const Json* Find(const std::vector<Json>& objects, const std::string& kind,
                 const std::string& name) {
  for (const Json& o : objects) {
    if (o.value("kind", "") == kind && o["metadata"].value("name", "") == name) return &o;
  }
  return nullptr;
}

std::string EnvValue(const Json& deployment, const std::string& name) {
  for (const Json& e : deployment["spec"]["template"]["spec"]["containers"][0]["env"]) {
    if (e.value("name", "") == name && e.contains("value")) return e["value"];
  }
  return "<missing>";
}

TEST(InjectionTest, EveryStringReadsBackExactlyInPlace) {
  std::vector<std::string> strings = Strings();
  ASSERT_GE(strings.size(), 1000u);
  auto render = [](const std::string& values) {
    InMemoryFileSource files;
    files.Add("values.json", values);
    RenderRequest request;
    request.values_files = {"values.json"};
    return RenderBundle(request, files);
  };
  RenderResult plain = render(ValuesWith("plain"));
  ASSERT_TRUE(plain.ok());
  std::vector<Json> base = Objects(plain.output);
  std::set<std::string> base_paths;
  for (const Json& o : base) Paths(o, "", &base_paths);
  int checked = 0;
  for (const std::string& s : strings) {
    RenderResult r = render(ValuesWith(s));
    ASSERT_TRUE(r.ok()) << Json(s).dump();
    std::vector<Json> got = Objects(r.output);
    ASSERT_EQ(got.size(), base.size()) << Json(s).dump();
    std::set<std::string> paths;
    for (const Json& o : got) Paths(o, "", &paths);
    ASSERT_EQ(paths, base_paths) << "extra or missing keys for " << Json(s).dump();
    const Json* deploy = Find(got, "Deployment", "launch-agent-release-name");
    ASSERT_NE(deploy, nullptr);
    EXPECT_EQ((*deploy)["spec"]["template"]["metadata"]["annotations"]["note"], s);
    EXPECT_EQ(EnvValue(*deploy, "PLAIN"), s);
    const Json* sa = Find(got, "ServiceAccount", "wandb-launch-serviceaccount-release-name");
    ASSERT_NE(sa, nullptr);
    EXPECT_EQ((*sa)["metadata"]["annotations"]["x.example.com/note"], s);
    const Json* env = Find(got, "Secret", "launch-agent-secret-env-vars");
    ASSERT_NE(env, nullptr);
    EXPECT_EQ((*env)["data"]["HIDDEN"], Base64Encode(s)) << Json(s).dump();
    const Json* git = Find(got, "Secret", "git-creds");
    ASSERT_NE(git, nullptr);
    EXPECT_EQ((*git)["stringData"][".git-credentials"], "https://u:" + s + "@example.com\n");
    const Json* key = Find(got, "Secret", "wandb-api-key-release-name");
    ASSERT_NE(key, nullptr);
    EXPECT_EQ((*key)["stringData"]["password"], "key-" + s);
    ++checked;
  }
  EXPECT_EQ(checked, static_cast<int>(strings.size()));
}

}  // namespace
}  // namespace lr
