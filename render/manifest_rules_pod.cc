// The workload half of manifest_rules.h: containers of every pod spec (resources, ports,
// probes), Service ports, rolling updates and disruption budgets.
#include <algorithm>
#include <cmath>

#include "render/diagnostics.h"
#include "render/document.h"
#include "render/grammar.h"
#include "render/manifest_rules.h"
#include "render/name_check.h"
#include "render/quantity.h"

namespace lr {
namespace {

using nlohmann::json;
using Out = std::vector<ManifestViolation>;

void Add(Out* out, std::string pointer, std::string message, const char* rule) {
  out->push_back({std::move(pointer), std::move(message), rule, false, false});
}

const json* Member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::string Got(const json& v) {
  if (v.is_string()) return "string " + Quote(v.get<std::string>());
  return (v.is_number_integer() ? "integer " : "number ") + v.dump();
}

// IANA service name, as the API server's IsValidPortName.
bool ValidPortName(const std::string& s) {
  return !s.empty() && s.size() <= 15 &&
         s.find_first_not_of("-abcdefghijklmnopqrstuvwxyz0123456789") == std::string::npos &&
         s.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos &&
         s.find("--") == std::string::npos && s.front() != '-' && s.back() != '-';
}

void PortName(const json& v, const std::string& pointer, Out* out) {
  if (v.is_string() && !ValidPortName(v.get<std::string>())) {
    Add(out, pointer,
        "port name " + Quote(v.get<std::string>()) +
            " must be an IANA service name: at most 15 lower-case letters, digits and '-', "
            "with a letter, without '--' or a '-' at either end",
        "kube-int-or-string");
  }
}

void PortNumber(const json& v, const std::string& pointer, int64_t min, Out* out) {
  if (!v.is_number_integer()) return;
  int64_t n = v.get<int64_t>();
  if (n < min || n > 65535) {
    Add(out, pointer,
        "must be between " + std::to_string(min) + " and 65535, got integer " + std::to_string(n),
        "kube-ports");
  }
}

// A port given by number (1-65535) or by the name of a container port.
void NumberOrName(const json* v, const std::string& pointer, Out* out) {
  if (!v) return;
  PortNumber(*v, pointer, 1, out);
  PortName(*v, pointer, out);
}

// httpGet / tcpSocket / grpc of a probe or lifecycle handler.
void Handler(const json& h, const std::string& pointer, Out* out) {
  for (const char* action : {"httpGet", "tcpSocket"}) {
    if (const json* a = Member(h, action)) {
      std::string p = PointerJoin(pointer, action);
      NumberOrName(Member(*a, "port"), PointerJoin(p, "port"), out);
    }
  }
  if (const json* g = Member(h, "grpc"); g && Member(*g, "port")) {
    PortNumber(*Member(*g, "port"), PointerJoin(PointerJoin(pointer, "grpc"), "port"), 1, out);
  }
}

void ContainerPorts(const json& c, const std::string& pointer, Out* out) {
  const json* ports = Member(c, "ports");
  if (!ports || !ports->is_array()) return;
  for (size_t i = 0; i < ports->size(); ++i) {
    const json& p = (*ports)[i];
    std::string at = PointerJoin(PointerJoin(pointer, "ports"), i);
    if (const json* v = Member(p, "containerPort")) {
      PortNumber(*v, PointerJoin(at, "containerPort"), 1, out);
    }
    if (const json* v = Member(p, "hostPort")) PortNumber(*v, PointerJoin(at, "hostPort"), 0, out);
    if (const json* v = Member(p, "name")) PortName(*v, PointerJoin(at, "name"), out);
  }
}

void Probes(const json& c, const std::string& pointer, Out* out) {
  for (const char* probe : {"livenessProbe", "readinessProbe", "startupProbe"}) {
    if (const json* p = Member(c, probe)) Handler(*p, PointerJoin(pointer, probe), out);
  }
  const json* lifecycle = Member(c, "lifecycle");
  for (const char* hook : {"postStart", "preStop"}) {
    if (const json* h = lifecycle ? Member(*lifecycle, hook) : nullptr) {
      Handler(*h, PointerJoin(PointerJoin(pointer, "lifecycle"), hook), out);
    }
  }
}

bool Native(const std::string& name) {
  return name.find('/') == std::string::npos || name.find("kubernetes.io/") != std::string::npos;
}

bool StandardForContainers(const std::string& name) {
  return name == "cpu" || name == "memory" || name == "ephemeral-storage" ||
         name.rfind("hugepages-", 0) == 0;
}

// "" when a container may request `name`; else why not.
std::string ResourceNameError(const std::string& name) {
  if (std::string why = QualifiedNameError(name); !why.empty()) return why;
  if (name.find('/') == std::string::npos && !StandardForContainers(name)) {
    return "is not a resource a container can request: cpu, memory, ephemeral-storage, "
           "hugepages-<size>, or an extended resource with a domain (nvidia.com/gpu)";
  }
  if (!Native(name) &&
      (name.rfind("requests.", 0) == 0 || !QualifiedNameError("requests." + name).empty())) {
    return "does not follow the extended resource name standard";
  }
  return "";
}

void Amount(const std::string& name, const json& v, const std::string& pointer, Out* out) {
  std::optional<long double> q = QuantityValue(v);
  if (!q) return;  // the schema reports the syntax
  std::string got = Got(v);
  if (*q < 0) {
    Add(out, pointer, "must not be negative, got " + got, "kube-quantity");
  } else if (!Native(name) && *q != std::floor(*q)) {
    Add(out, pointer, "must be a whole number (" + name + " is an extended resource), got " + got,
        "kube-quantity");
  }
}

// A request against its limit: at most the limit; extended resources exactly the limit.
void RequestAndLimit(const std::string& name, const json& request, const json* limits,
                     const std::string& pointer, Out* out) {
  const json* limit = limits && limits->is_object() ? Member(*limits, name.c_str()) : nullptr;
  std::optional<long double> r = QuantityValue(request);
  std::optional<long double> l = limit ? QuantityValue(*limit) : std::nullopt;
  std::string got = ", got " + QuantityText(request);
  if (!Native(name)) {
    if (!limit) {
      Add(out, pointer,
          "needs a limit: extended resources cannot be overcommitted (set limits." + name +
              " to the same amount)",
          "kube-resources");
    } else if (r && l && *r != *l) {
      Add(out, pointer, "must equal the " + name + " limit " + QuantityText(*limit) + got,
          "kube-resources");
    }
  } else if (r && l && *l >= 0 && *r > *l) {
    Add(out, pointer,
        "must be less than or equal to the " + name + " limit " + QuantityText(*limit) + got,
        "kube-resources");
  }
}

void Resources(const json& c, const std::string& pointer, Out* out) {
  const json* res = Member(c, "resources");
  if (!res || !res->is_object()) return;
  std::string at = PointerJoin(pointer, "resources");
  const json* limits = Member(*res, "limits");
  for (const char* part : {"limits", "requests"}) {
    const json* map = Member(*res, part);
    if (!map || !map->is_object()) continue;
    for (const auto& [name, value] : map->items()) {
      std::string p = PointerJoin(PointerJoin(at, part), name);
      size_t before = out->size();
      if (std::string why = ResourceNameError(name); !why.empty()) {
        Add(out, p, "resource name " + Quote(name) + " " + why, "kube-resources");
        continue;
      }
      Amount(name, value, p, out);
      if (out->size() == before && std::string(part) == "requests") {
        RequestAndLimit(name, value, limits, p, out);
      }
    }
  }
}

void PodSpec(const json& spec, const std::string& pointer, Out* out) {
  for (const char* list : {"initContainers", "containers", "ephemeralContainers"}) {
    const json* containers = Member(spec, list);
    if (!containers || !containers->is_array()) continue;
    for (size_t i = 0; i < containers->size(); ++i) {
      std::string at = PointerJoin(PointerJoin(pointer, list), i);
      Resources((*containers)[i], at, out);
      ContainerPorts((*containers)[i], at, out);
      Probes((*containers)[i], at, out);
    }
  }
}

// Every pod spec: a Pod's spec and every `template.spec` (workloads, CronJob, PyTorchJob...).
void WalkPodSpecs(const json& node, const std::string& pointer, const std::string& key,
                  const std::string& parent_key, Out* out) {
  if (key == "spec" && parent_key == "template" && node.is_object()) PodSpec(node, pointer, out);
  if (node.is_object()) {
    for (const auto& [k, v] : node.items()) WalkPodSpecs(v, PointerJoin(pointer, k), k, key, out);
  } else if (node.is_array()) {
    for (size_t i = 0; i < node.size(); ++i) {
      WalkPodSpecs(node[i], PointerJoin(pointer, i), "", key, out);
    }
  }
}

void ServicePorts(const json& object, Out* out) {
  const json* spec = Member(object, "spec");
  const json* ports = spec ? Member(*spec, "ports") : nullptr;
  if (!ports || !ports->is_array()) return;
  for (size_t i = 0; i < ports->size(); ++i) {
    std::string at = PointerJoin("/spec/ports", i);
    const json& p = (*ports)[i];
    if (const json* v = Member(p, "port")) PortNumber(*v, PointerJoin(at, "port"), 1, out);
    NumberOrName(Member(p, "targetPort"), PointerJoin(at, "targetPort"), out);
    if (const json* v = Member(p, "nodePort")) PortNumber(*v, PointerJoin(at, "nodePort"), 0, out);
  }
}

// An int-or-string that must be a non-negative integer or a percentage; `at_most_all`: at most
// 100%. Returns whether it is zero (0 or "0%").
bool IntOrPercent(const json& v, const std::string& pointer, bool at_most_all, Out* out) {
  if (v.is_number_integer()) {
    if (v.get<int64_t>() < 0) {
      Add(out, pointer, "must not be negative, got " + Got(v), "kube-int-or-string");
    }
    return v.get<int64_t>() == 0;
  }
  if (!v.is_string()) return false;
  const std::string& s = v.get_ref<const std::string&>();
  if (!IsPercent(s)) {
    Add(out, pointer,
        "must be a non-negative integer or a percentage such as \"25%\", got " + Got(v),
        "kube-int-or-string");
    return false;
  }
  std::string digits = s.substr(0, s.size() - 1);
  digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size()));
  if (at_most_all && (digits.size() > 3 || (!digits.empty() && std::stoi(digits) > 100))) {
    Add(out, pointer, "must not be more than 100%, got " + Got(v), "kube-int-or-string");
  }
  return digits.empty();
}

// Where each kind keeps its int-or-percent budget.
const char* BudgetPath(const std::string& kind) {
  if (kind == "Deployment") return "/spec/strategy/rollingUpdate";
  if (kind == "DaemonSet" || kind == "StatefulSet") return "/spec/updateStrategy/rollingUpdate";
  if (kind == "PodDisruptionBudget") return "/spec";
  return nullptr;
}

void Budgets(const json& object, const std::string& kind, Out* out) {
  const char* base = BudgetPath(kind);
  json::json_pointer at(base ? base : "");
  if (!base || !object.contains(at) || !object.at(at).is_object()) return;
  const json& node = object.at(at);
  bool surge_zero = false, unavailable_zero = false;
  if (const json* v = Member(node, "maxSurge")) {
    surge_zero = IntOrPercent(*v, std::string(base) + "/maxSurge", false, out);
  }
  if (const json* v = Member(node, "maxUnavailable")) {
    unavailable_zero = IntOrPercent(*v, std::string(base) + "/maxUnavailable", true, out);
  }
  if (const json* v = Member(node, "minAvailable")) {
    IntOrPercent(*v, std::string(base) + "/minAvailable", true, out);
  }
  if (kind == "Deployment" && surge_zero && unavailable_zero) {
    Add(out, std::string(base) + "/maxUnavailable",
        "may not be 0 when maxSurge is 0 (the rollout could never progress)", "kube-int-or-string");
  }
}

// Counts the API server wants non-negative (the schemas only say "integer").
void Counts(const json& object, const std::string& kind, Out* out) {
  std::vector<const char*> fields;
  if (kind == "Deployment" || kind == "ReplicaSet" || kind == "StatefulSet" ||
      kind == "ReplicationController") {
    fields = {"replicas"};
  } else if (kind == "Job" && object.value("apiVersion", "") == "batch/v1") {
    fields = {"parallelism", "completions", "backoffLimit"};
  }
  const json* spec = Member(object, "spec");
  for (const char* field : fields) {
    const json* v = spec ? Member(*spec, field) : nullptr;
    if (v && v->is_number_integer() && v->get<int64_t>() < 0) {
      Add(out, std::string("/spec/") + field, "must not be negative, got " + Got(*v),
          "kube-counts");
    }
  }
}

}  // namespace

void CheckWorkloadRules(const json& object, Out* out) {
  if (!object.is_object()) return;
  std::string kind = object.value("kind", "");
  if (kind == "Pod") {
    if (const json* spec = Member(object, "spec"); spec && spec->is_object()) {
      PodSpec(*spec, "/spec", out);
    }
  }
  WalkPodSpecs(object, "", "", "", out);
  if (kind == "Service") ServicePorts(object, out);
  Budgets(object, kind, out);
  Counts(object, kind, out);
}

}  // namespace lr
