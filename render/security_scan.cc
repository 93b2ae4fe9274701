#include "render/security_scan.h"

#include <algorithm>

#include "render/scalar_text.h"

namespace lr {
namespace {

constexpr const char* kRule = "security";

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// The agent's truthiness for host* flags: true, a non-zero number, or "1"/"true"/"yes".
bool AgentTruthy(const Json& v) {
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number()) return v.get<double>() != 0;
  if (!v.is_string()) return false;
  std::string s = v.get<std::string>();
  s.erase(0, s.find_first_not_of(" \t\r\n"));
  s.erase(s.find_last_not_of(" \t\r\n") + 1);
  s = Lower(s);
  return s == "1" || s == "true" || s == "yes";
}

bool Present(const Json& v) {
  if (v.is_null()) return false;
  if (v.is_string()) return v.get<std::string>().find_first_not_of(" \t\r\n") != std::string::npos;
  if (v.is_array())
    return std::any_of(v.begin(), v.end(), [](const Json& x) { return Present(x); });
  return true;
}

struct Scanner {
  const Document& config;
  Diagnostics* diags;

  void Refuse(const std::string& pointer, const std::string& reason) {
    diags->Error(config.Locate(pointer), PointerToPath(pointer, config.root),
                 "is not allowed: " + reason + " (the agent refuses the job)", kRule);
  }

  void Annotations(const Json& node, const std::string& pointer) {
    if (node.is_object()) {
      auto a = node.find("annotations");
      if (a != node.end() && a->is_object()) {
        for (const auto& [key, value] : a->items()) {
          std::string k = Lower(key);
          bool profile =
              k.find("apparmor") != std::string::npos || k.find("seccomp") != std::string::npos;
          if (profile && value.is_string() &&
              Lower(value.get<std::string>()).find("unconfined") != std::string::npos) {
            Refuse(PointerJoin(PointerJoin(pointer, "annotations"), key),
                   "unconfined apparmor/seccomp profiles are not permitted");
          }
        }
      }
      for (const auto& [k, v] : node.items()) Annotations(v, PointerJoin(pointer, k));
    } else if (node.is_array()) {
      for (size_t i = 0; i < node.size(); ++i) Annotations(node[i], PointerJoin(pointer, i));
    }
  }

  void Keys(const Json& node, const std::string& pointer) {
    if (node.is_array()) {
      for (size_t i = 0; i < node.size(); ++i) Keys(node[i], PointerJoin(pointer, i));
      return;
    }
    if (!node.is_object()) return;
    for (const auto& [key, value] : node.items()) CheckKey(key, value, PointerJoin(pointer, key));
    for (const auto& [k, v] : node.items()) Keys(v, PointerJoin(pointer, k));
  }

  void CheckKey(const std::string& key, const Json& v, const std::string& p) {
    if (key == "securityContext") {
      Refuse(p,
             "the agent manages the pod and container security context; it cannot be overridden");
    } else if (key == "hostPath") {
      Refuse(p, "hostPath volumes are not permitted");
    } else if (key == "serviceAccountToken") {
      Refuse(p, "projected service account tokens are not permitted");
    } else if ((key == "hostPID" || key == "hostIPC" || key == "hostNetwork" ||
                key == "shareProcessNamespace" || key == "hostUsers") &&
               AgentTruthy(v)) {
      Refuse(p, "host namespace sharing is not permitted");
    } else if ((key == "serviceAccountName" || key == "serviceAccount") && Present(v)) {
      Refuse(p, "overriding the pod service account is not permitted");
    } else if (key == "automountServiceAccountToken" && AgentTruthy(v)) {
      Refuse(p, "mounting service account tokens is not permitted");
    } else if (key == "hostPort" && AgentTruthy(v)) {
      Refuse(p, "binding host ports is not permitted");
    } else if (key == "mountPropagation" && v.is_string() &&
               v.get<std::string>().find_first_not_of(" ") != std::string::npos) {
      std::string s = v.get<std::string>();
      s.erase(0, s.find_first_not_of(" \t"));
      s.erase(s.find_last_not_of(" \t") + 1);
      if (s == "Bidirectional") Refuse(p, "bidirectional mount propagation is not permitted");
    }
  }
};

}  // namespace

void ScanSecurity(const Document& config, Diagnostics* diags) {
  Scanner s{config, diags};
  s.Annotations(config.root, "");
  s.Keys(config.root, "");
}

void ScanSecureMode(const Document& config, bool entry_point_override, Diagnostics* diags) {
  const std::string spec = "/spec/template/spec";
  Json::json_pointer ptr{spec};
  auto lock = [&](const std::string& pointer, const std::string& what) {
    diags->Error(config.Locate(pointer), PointerToPath(pointer, config.root),
                 "is locked by the agent's secure_mode: the job may not set " + what,
                 "secure-mode");
  };
  if (entry_point_override) {
    diags->Error(SourcePos{"--override", 0, 0}, "entry_point",
                 "is locked by the agent's secure_mode: the job may not override the entrypoint",
                 "secure-mode");
  }
  if (!config.root.contains(ptr) || !config.root.at(ptr).is_object()) return;
  const Json& pod = config.root.at(ptr);
  for (const char* key : {"hostPID", "hostIPC", "hostNetwork", "initContainers"}) {
    if (pod.contains(key))
      lock(PointerJoin(spec, key), std::string("\"") + key + "\" in the pod spec");
  }
  if (!pod.contains("containers") || !pod["containers"].is_array()) return;
  for (size_t i = 0; i < pod["containers"].size(); ++i) {
    const Json& c = pod["containers"][i];
    if (c.is_object() && c.contains("command")) {
      lock(PointerJoin(PointerJoin(PointerJoin(spec, "containers"), i), "command"),
           "\"command\" in a container spec");
    }
  }
}

}  // namespace lr
