// Tests for the Pod Security Standard restricted checker (render/pss_check.h): a compliant pod
// passes, and each control, broken alone, is reported at its field.
#include "render/pss_check.h"

#include <gtest/gtest.h>

namespace lr {
namespace {

Json Restricted() {
  return Json::parse(R"({"securityContext": {"allowPrivilegeEscalation": false,
    "capabilities": {"drop": ["ALL"]}, "seccompProfile": {"type": "RuntimeDefault"},
    "runAsNonRoot": true}})");
}

// A Job whose single container is compliant, changed by `edit`.
Json Job(const std::function<void(Json& pod, Json& container)>& edit) {
  Json container = Restricted();
  container["name"] = "main";
  Json pod = {{"containers", Json::array({container})}};
  edit(pod, pod["containers"][0]);
  return {{"kind", "Job"}, {"spec", {{"template", {{"spec", pod}}}}}};
}

std::string Controls(const Json& body) {
  std::string out;
  for (const PssViolation& v : CheckRestricted(body)) out += v.control + " " + v.pointer + "\n";
  return out;
}

TEST(PssCheckTest, CompliantPodPasses) {
  EXPECT_EQ(Controls(Job([](Json&, Json&) {})), "");
}

struct Row {
  const char* name;
  std::function<void(Json&, Json&)> edit;
  const char* expected;
};

class PssControlTest : public testing::TestWithParam<Row> {};

TEST_P(PssControlTest, ReportsTheControl) {
  EXPECT_EQ(Controls(Job(GetParam().edit)), GetParam().expected) << GetParam().name;
}

const std::string kC = "/spec/template/spec/containers/0";
const std::string kP = "/spec/template/spec";

INSTANTIATE_TEST_SUITE_P(
    Controls, PssControlTest,
    testing::Values(
        Row{"hostNetwork", [](Json& p, Json&) { p["hostNetwork"] = true; },
            "hostNamespaces /spec/template/spec/hostNetwork\n"},
        Row{"hostPID", [](Json& p, Json&) { p["hostPID"] = true; },
            "hostNamespaces /spec/template/spec/hostPID\n"},
        Row{"privileged", [](Json&, Json& c) { c["securityContext"]["privileged"] = true; },
            "privileged /spec/template/spec/containers/0/securityContext/privileged\n"},
        Row{"escalation",
            [](Json&, Json& c) { c["securityContext"].erase("allowPrivilegeEscalation"); },
            "allowPrivilegeEscalation "
            "/spec/template/spec/containers/0/securityContext/allowPrivilegeEscalation\n"},
        Row{"drop",
            [](Json&, Json& c) { c["securityContext"]["capabilities"]["drop"] = {"NET_RAW"}; },
            "capabilities /spec/template/spec/containers/0/securityContext/capabilities/drop\n"},
        Row{"add",
            [](Json&, Json& c) {
              c["securityContext"]["capabilities"]["add"] = {"NET_BIND_SERVICE", "SYS_ADMIN"};
            },
            "capabilities /spec/template/spec/containers/0/securityContext/capabilities/add/1\n"},
        Row{"nonroot", [](Json&, Json& c) { c["securityContext"].erase("runAsNonRoot"); },
            "runAsNonRoot /spec/template/spec/containers/0/securityContext/runAsNonRoot\n"},
        Row{"root-user", [](Json&, Json& c) { c["securityContext"]["runAsUser"] = 0; },
            "runAsUser /spec/template/spec/containers/0/securityContext/runAsUser\n"},
        Row{"seccomp",
            [](Json&, Json& c) { c["securityContext"]["seccompProfile"]["type"] = "Unconfined"; },
            "seccompProfile /spec/template/spec/containers/0/securityContext/seccompProfile\n"},
        Row{"hostPath",
            [](Json& p, Json&) {
              p["volumes"] = Json::parse(R"([{"name": "h", "hostPath": {"path": "/"}}])");
            },
            "volumeTypes /spec/template/spec/volumes/0/hostPath\n"},
        Row{"hostPort",
            [](Json&, Json& c) {
              c["ports"] = Json::parse(R"([{"containerPort": 80, "hostPort": 80}])");
            },
            "hostPorts /spec/template/spec/containers/0/ports/0/hostPort\n"},
        Row{"procMount", [](Json&, Json& c) { c["securityContext"]["procMount"] = "Unmasked"; },
            "procMount /spec/template/spec/containers/0/securityContext/procMount\n"},
        Row{"selinux",
            [](Json&, Json& c) {
              c["securityContext"]["seLinuxOptions"] = {{"user", "root"}};
            },
            "seLinux /spec/template/spec/containers/0/securityContext/seLinuxOptions/user\n"},
        Row{"apparmor",
            [](Json&, Json& c) {
              c["securityContext"]["appArmorProfile"] = {{"type", "Unconfined"}};
            },
            "appArmor /spec/template/spec/containers/0/securityContext/appArmorProfile/type\n"},
        Row{"sysctl",
            [](Json& p, Json&) {
              p["securityContext"] =
                  Json::parse(R"({"sysctls": [{"name": "kernel.msgmax", "value": "1"}]})");
            },
            "sysctls /spec/template/spec/securityContext/sysctls/0\n"},
        Row{"init-container",
            [](Json& p, Json&) { p["initContainers"] = Json::parse(R"([{"name": "i"}])"); },
            "allowPrivilegeEscalation "
            "/spec/template/spec/initContainers/0/securityContext/allowPrivilegeEscalation\n"
            "capabilities /spec/template/spec/initContainers/0/securityContext/capabilities/drop\n"
            "runAsNonRoot /spec/template/spec/initContainers/0/securityContext/runAsNonRoot\n"
            "seccompProfile "
            "/spec/template/spec/initContainers/0/securityContext/seccompProfile\n"}),
    [](const testing::TestParamInfo<Row>& row) {
      std::string n = row.param.name;
      for (char& ch : n) {
        if (ch == '-') ch = '_';
      }
      return n;
    });

TEST(PssCheckTest, PodLevelSettingsCoverContainers) {
  Json body = Job([](Json& p, Json& c) {
    c["securityContext"].erase("runAsNonRoot");
    c["securityContext"].erase("seccompProfile");
    p["securityContext"] = {{"runAsNonRoot", true},
                            {"seccompProfile", {{"type", "RuntimeDefault"}}}};
  });
  EXPECT_EQ(Controls(body), "");
}

TEST(PssCheckTest, FindsPodsOfCustomResources) {
  Json body = {
      {"kind", "PyTorchJob"},
      {"spec",
       {{"pytorchReplicaSpecs",
         {{"Worker",
           {{"template", {{"spec", {{"containers", Json::array({{{"name", "w"}}})}}}}}}}}}}}};
  EXPECT_NE(Controls(body).find("/spec/pytorchReplicaSpecs/Worker/template/spec/containers/0"),
            std::string::npos);
}

}  // namespace
}  // namespace lr
