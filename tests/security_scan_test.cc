// Table test of the agent's refusals (render/security_scan.h): one row per rule, each located
// at the real path of the field.
#include "render/security_scan.h"

#include <gtest/gtest.h>

#include "render/load.h"

namespace lr {
namespace {

std::string Scan(const std::string& yaml, bool secure = false, bool entry_override = false) {
  Diagnostics d;
  auto doc = LoadValuesFile("q.yaml", yaml, {}, &d);
  EXPECT_TRUE(doc.has_value()) << yaml;
  if (secure) {
    ScanSecureMode(*doc, entry_override, &d);
  } else {
    ScanSecurity(*doc, &d);
  }
  std::string out;
  for (const Diagnostic& x : d.Sorted()) out += FormatText(x) + "\n";
  return out;
}

struct Row {
  const char* yaml;
  const char* expected;  // "" = accepted
};

class SecurityScanTest : public testing::TestWithParam<Row> {};

TEST_P(SecurityScanTest, RefusesAtTheField) {
  EXPECT_EQ(Scan(GetParam().yaml), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Rules, SecurityScanTest,
    testing::Values(
        Row{"spec:\n  securityContext: {}\n",
            "q.yaml:2:3: error: spec.securityContext: is not allowed: the agent manages the pod "
            "and container security context; it cannot be overridden (the agent refuses the job) "
            "[security]\n"},
        Row{"v:\n  - hostPath: {path: /}\n",
            "q.yaml:2:5: error: v[0].hostPath: is not allowed: hostPath volumes are not permitted "
            "(the agent refuses the job) [security]\n"},
        Row{"p:\n  sources: [{serviceAccountToken: {path: t}}]\n",
            "q.yaml:2:14: error: p.sources[0].serviceAccountToken: is not allowed: projected "
            "service account tokens are not permitted (the agent refuses the job) [security]\n"},
        Row{"hostNetwork: true\n",
            "q.yaml:1:1: error: hostNetwork: is not allowed: host namespace sharing is not "
            "permitted (the agent refuses the job) [security]\n"},
        Row{"hostPID: 1\n",
            "q.yaml:1:1: error: hostPID: is not allowed: host namespace sharing is not permitted "
            "(the agent refuses the job) [security]\n"},
        Row{"hostIPC: \" Yes \"\n",
            "q.yaml:1:1: error: hostIPC: is not allowed: host namespace sharing is not permitted "
            "(the agent refuses the job) [security]\n"},
        Row{"shareProcessNamespace: true\n",
            "q.yaml:1:1: error: shareProcessNamespace: is not allowed: host namespace sharing is "
            "not permitted (the agent refuses the job) [security]\n"},
        Row{"hostUsers: true\n",
            "q.yaml:1:1: error: hostUsers: is not allowed: host namespace sharing is not permitted "
            "(the agent refuses the job) [security]\n"},
        Row{"hostNetwork: \"on\"\nhostUsers: false\nhostPID: 0\n", ""},
        Row{"serviceAccountName: x\n",
            "q.yaml:1:1: error: serviceAccountName: is not allowed: overriding the pod service "
            "account is not permitted (the agent refuses the job) [security]\n"},
        Row{"serviceAccount: [\"\", x]\n",
            "q.yaml:1:1: error: serviceAccount: is not allowed: overriding the pod service account "
            "is not permitted (the agent refuses the job) [security]\n"},
        Row{"serviceAccountName: \"  \"\n", ""},
        Row{"automountServiceAccountToken: true\n",
            "q.yaml:1:1: error: automountServiceAccountToken: is not allowed: mounting service "
            "account tokens is not permitted (the agent refuses the job) [security]\n"},
        Row{"automountServiceAccountToken: false\n", ""},
        Row{"ports: [{hostPort: 8080}]\n",
            "q.yaml:1:10: error: ports[0].hostPort: is not allowed: binding host ports is not "
            "permitted (the agent refuses the job) [security]\n"},
        Row{"ports: [{hostPort: 0}]\n", ""},
        Row{"m: [{mountPropagation: \" Bidirectional \"}]\n",
            "q.yaml:1:6: error: m[0].mountPropagation: is not allowed: bidirectional mount "
            "propagation is not permitted (the agent refuses the job) [security]\n"},
        Row{"m: [{mountPropagation: bidirectional}]\n", ""},
        Row{"spec:\n  template:\n    metadata:\n      annotations:\n        "
            "seccomp.security.alpha.kubernetes.io/pod: Unconfined\n",
            "q.yaml:5:9: error: "
            "spec.template.metadata.annotations[\"seccomp.security.alpha.kubernetes.io/pod\"]: is "
            "not allowed: unconfined apparmor/seccomp profiles are not permitted (the agent "
            "refuses the job) [security]\n"},
        Row{"metadata:\n  labels:\n    hostNetwork: \"true\"\n",
            "q.yaml:3:5: error: metadata.labels.hostNetwork: is not allowed: host namespace "
            "sharing is not permitted (the agent refuses the job) [security]\n"}));

TEST(SecureModeTest, LocksHostKeysInitContainersCommandsAndEntryPoint) {
  EXPECT_EQ(
      Scan("spec:\n  template:\n    spec:\n      hostPID: false\n      containers:\n        - "
           "command: [x]\n",
           true, true),
      "--override: error: entry_point: is locked by the agent's secure_mode: the job may not "
      "override the entrypoint [secure-mode]\n"
      "q.yaml:4:7: error: spec.template.spec.hostPID: is locked by the agent's secure_mode: the "
      "job may not set \"hostPID\" in the pod spec [secure-mode]\n"
      "q.yaml:6:11: error: spec.template.spec.containers[0].command: is locked by the agent's "
      "secure_mode: the job may not set \"command\" in a container spec [secure-mode]\n");
}

TEST(SecureModeTest, CustomResourcesAreNotInspected) {
  EXPECT_EQ(Scan("spec:\n  tasks:\n    - template:\n        spec:\n          containers: "
                 "[{command: [x]}]\n",
                 true),
            "");
}

}  // namespace
}  // namespace lr
