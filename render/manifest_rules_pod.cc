// The workload half of manifest_rules.h: containers of every pod spec (resources, ports,
// probes), Service ports, rolling updates and disruption budgets.
#include <algorithm>
#include <cmath>

#include "render/diagnostics.h"
#include "render/document.h"
#include "render/grammar.h"
#include "render/manifest_reads.h"
#include "render/manifest_rules.h"
#include "render/name_check.h"
#include "render/quantity.h"

namespace lr {
namespace {

using Out = std::vector<ManifestViolation>;
using reads::Integer;
using reads::Member;
using reads::Place;

void Add(Out* out, std::string pointer, std::string message, const char* rule) {
  out->push_back({std::move(pointer), std::move(message), rule, false, false});
}

// "string \"x\"", "integer 3", "number 1.5": a scalar as read.
std::string Got(const nlohmann::json& v) {
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

template <class J>
void PortName(const J& v, const Place& where, Out* out) {
  if (v.is_string() && !ValidPortName(v.template get_ref<const std::string&>())) {
    Add(out, where.Pointer(),
        "port name " + Quote(v.template get<std::string>()) +
            " must be an IANA service name: at most 15 lower-case letters, digits and '-', "
            "with a letter, without '--' or a '-' at either end",
        "kube-int-or-string");
  }
}

template <class J>
void PortNumber(const J& v, const Place& where, int64_t min, Out* out) {
  std::optional<int64_t> n = Integer(v);
  if (n && (*n < min || *n > 65535)) {
    Add(out, where.Pointer(),
        "must be between " + std::to_string(min) + " and 65535, got " + Got(reads::Scalar(v)),
        "kube-ports");
  }
}

// A port given by number (1-65535) or by the name of a container port.
template <class J>
void NumberOrName(const J* v, const Place& where, Out* out) {
  if (!v) return;
  PortNumber(*v, where, 1, out);
  PortName(*v, where, out);
}

// httpGet / tcpSocket / grpc of a probe or lifecycle handler.
template <class J>
void Handler(const J& h, const Place& where, Out* out) {
  for (const char* action : {"httpGet", "tcpSocket"}) {
    if (const J* a = Member(h, action)) {
      Place at(where, action);
      NumberOrName(Member(*a, "port"), Place(at, "port"), out);
    }
  }
  if (const J* g = Member(h, "grpc")) {
    if (const J* port = Member(*g, "port")) {
      Place at(where, "grpc");
      PortNumber(*port, Place(at, "port"), 1, out);
    }
  }
}

template <class J>
void ContainerPorts(const J& c, const Place& where, Out* out) {
  const J* ports = Member(c, "ports");
  if (!ports || !ports->is_array()) return;
  Place list(where, "ports");
  for (size_t i = 0; i < ports->size(); ++i) {
    const J& p = (*ports)[i];
    Place at(list, i);
    if (const J* v = Member(p, "containerPort")) PortNumber(*v, Place(at, "containerPort"), 1, out);
    if (const J* v = Member(p, "hostPort")) PortNumber(*v, Place(at, "hostPort"), 0, out);
    if (const J* v = Member(p, "name")) PortName(*v, Place(at, "name"), out);
  }
}

template <class J>
void Probes(const J& c, const Place& where, Out* out) {
  for (const char* probe : {"livenessProbe", "readinessProbe", "startupProbe"}) {
    if (const J* p = Member(c, probe)) Handler(*p, Place(where, probe), out);
  }
  const J* lifecycle = Member(c, "lifecycle");
  Place hooks(where, "lifecycle");
  for (const char* hook : {"postStart", "preStop"}) {
    if (const J* h = lifecycle ? Member(*lifecycle, hook) : nullptr) {
      Handler(*h, Place(hooks, hook), out);
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

void Amount(const std::string& name, const nlohmann::json& v, const Place& where, Out* out) {
  std::optional<long double> q = QuantityValue(v);
  if (!q) return;  // the schema reports the syntax
  if (*q < 0) {
    Add(out, where.Pointer(), "must not be negative, got " + Got(v), "kube-quantity");
  } else if (!Native(name) && *q != std::floor(*q)) {
    Add(out, where.Pointer(),
        "must be a whole number (" + name + " is an extended resource), got " + Got(v),
        "kube-quantity");
  }
}

// A request against its limit: at most the limit; extended resources exactly the limit.
template <class J>
void RequestAndLimit(const std::string& name, const nlohmann::json& request, const J* limits,
                     const Place& where, Out* out) {
  const J* limit_member = limits ? Member(*limits, name) : nullptr;
  std::optional<nlohmann::json> limit;
  if (limit_member) limit = reads::Scalar(*limit_member);
  std::optional<long double> r = QuantityValue(request);
  std::optional<long double> l = limit ? QuantityValue(*limit) : std::nullopt;
  std::string got = ", got " + QuantityText(request);
  if (!Native(name)) {
    if (!limit) {
      Add(out, where.Pointer(),
          "needs a limit: extended resources cannot be overcommitted (set limits." + name +
              " to the same amount)",
          "kube-resources");
    } else if (r && l && *r != *l) {
      Add(out, where.Pointer(), "must equal the " + name + " limit " + QuantityText(*limit) + got,
          "kube-resources");
    }
  } else if (r && l && *l >= 0 && *r > *l) {
    Add(out, where.Pointer(),
        "must be less than or equal to the " + name + " limit " + QuantityText(*limit) + got,
        "kube-resources");
  }
}

template <class J>
void Resources(const J& c, const Place& where, Out* out) {
  const J* res = Member(c, "resources");
  if (!res || !res->is_object()) return;
  Place at(where, "resources");
  const J* limits = Member(*res, "limits");
  if (limits && !limits->is_object()) limits = nullptr;
  for (const char* part : {"limits", "requests"}) {
    const J* map = Member(*res, part);
    if (!map || !map->is_object()) continue;
    Place in(at, part);
    for (auto it = map->begin(); it != map->end(); ++it) {
      if (it->is_null()) continue;
      const std::string& name = it.key();
      Place p(in, name);
      size_t before = out->size();
      if (std::string why = ResourceNameError(name); !why.empty()) {
        Add(out, p.Pointer(), "resource name " + Quote(name) + " " + why, "kube-resources");
        continue;
      }
      nlohmann::json value = reads::Scalar(*it);
      Amount(name, value, p, out);
      if (out->size() == before && std::string_view(part) == "requests") {
        RequestAndLimit(name, value, limits, p, out);
      }
    }
  }
}

template <class J>
void PodSpec(const J& spec, const Place& where, Out* out) {
  for (const char* list : {"initContainers", "containers", "ephemeralContainers"}) {
    const J* containers = Member(spec, list);
    if (!containers || !containers->is_array()) continue;
    Place in(where, list);
    for (size_t i = 0; i < containers->size(); ++i) {
      Place at(in, i);
      Resources((*containers)[i], at, out);
      ContainerPorts((*containers)[i], at, out);
      Probes((*containers)[i], at, out);
    }
  }
}

// Every pod spec: a Pod's spec and every `template.spec` (workloads, CronJob, PyTorchJob...).
template <class J>
void WalkPodSpecs(const J& node, const Place& where, std::string_view key,
                  std::string_view parent_key, Out* out) {
  if (key == "spec" && parent_key == "template" && node.is_object()) PodSpec(node, where, out);
  if (node.is_object()) {
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (!it->is_null()) WalkPodSpecs(*it, Place(where, it.key()), it.key(), key, out);
    }
  } else if (node.is_array()) {
    for (size_t i = 0; i < node.size(); ++i) WalkPodSpecs(node[i], Place(where, i), "", key, out);
  }
}

template <class J>
void ServicePorts(const J& object, Out* out) {
  const J* spec = Member(object, "spec");
  const J* ports = spec ? Member(*spec, "ports") : nullptr;
  if (!ports || !ports->is_array()) return;
  Place root, in_spec(root, "spec"), list(in_spec, "ports");
  for (size_t i = 0; i < ports->size(); ++i) {
    Place at(list, i);
    const J& p = (*ports)[i];
    if (const J* v = Member(p, "port")) PortNumber(*v, Place(at, "port"), 1, out);
    NumberOrName(Member(p, "targetPort"), Place(at, "targetPort"), out);
    if (const J* v = Member(p, "nodePort")) PortNumber(*v, Place(at, "nodePort"), 0, out);
  }
}

// An int-or-string that must be a non-negative integer or a percentage; `at_most_all`: at most
// 100%. Returns whether it is zero (0 or "0%").
bool IntOrPercent(const nlohmann::json& v, const std::string& pointer, bool at_most_all, Out* out) {
  if (std::optional<int64_t> n = Integer(v)) {
    if (*n < 0) Add(out, pointer, "must not be negative, got " + Got(v), "kube-int-or-string");
    return *n == 0;
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

// Where each kind keeps its int-or-percent budget, as member names from the object.
std::vector<const char*> BudgetPath(const std::string& kind) {
  if (kind == "Deployment") return {"spec", "strategy", "rollingUpdate"};
  if (kind == "DaemonSet" || kind == "StatefulSet") {
    return {"spec", "updateStrategy", "rollingUpdate"};
  }
  if (kind == "PodDisruptionBudget") return {"spec"};
  return {};
}

template <class J>
void Budgets(const J& object, const std::string& kind, Out* out) {
  std::vector<const char*> path = BudgetPath(kind);
  if (path.empty()) return;
  const J* node = &object;
  std::string base;
  for (const char* member : path) {
    node = Member(*node, member);
    if (!node) return;
    base = base + "/" + member;
  }
  if (!node->is_object()) return;
  bool surge_zero = false, unavailable_zero = false;
  if (const J* v = Member(*node, "maxSurge")) {
    surge_zero = IntOrPercent(reads::Scalar(*v), base + "/maxSurge", false, out);
  }
  if (const J* v = Member(*node, "maxUnavailable")) {
    unavailable_zero = IntOrPercent(reads::Scalar(*v), base + "/maxUnavailable", true, out);
  }
  if (const J* v = Member(*node, "minAvailable")) {
    IntOrPercent(reads::Scalar(*v), base + "/minAvailable", true, out);
  }
  if (kind == "Deployment" && surge_zero && unavailable_zero) {
    Add(out, base + "/maxUnavailable",
        "may not be 0 when maxSurge is 0 (the rollout could never progress)", "kube-int-or-string");
  }
}

// Counts the API server wants non-negative (the schemas only say "integer").
template <class J>
void Counts(const J& object, const std::string& kind, Out* out) {
  std::vector<const char*> fields;
  const std::string* api_version = reads::StringMember(object, "apiVersion");
  if (kind == "Deployment" || kind == "ReplicaSet" || kind == "StatefulSet" ||
      kind == "ReplicationController") {
    fields = {"replicas"};
  } else if (kind == "Job" && api_version && *api_version == "batch/v1") {
    fields = {"parallelism", "completions", "backoffLimit"};
  }
  const J* spec = Member(object, "spec");
  for (const char* field : fields) {
    const J* v = spec ? Member(*spec, field) : nullptr;
    std::optional<int64_t> n = v ? Integer(*v) : std::nullopt;
    if (n && *n < 0) {
      Add(out, std::string("/spec/") + field, "must not be negative, got " + Got(reads::Scalar(*v)),
          "kube-counts");
    }
  }
}

template <class J>
void WorkloadRules(const J& object, Out* out) {
  if (!object.is_object()) return;
  const std::string* kind_member = reads::StringMember(object, "kind");
  std::string kind = kind_member ? *kind_member : "";
  Place root;
  if (kind == "Pod") {
    if (const J* spec = Member(object, "spec"); spec && spec->is_object()) {
      PodSpec(*spec, Place(root, "spec"), out);
    }
  }
  WalkPodSpecs(object, root, "", "", out);
  if (kind == "Service") ServicePorts(object, out);
  Budgets(object, kind, out);
  Counts(object, kind, out);
}

}  // namespace

void CheckWorkloadRules(const nlohmann::json& object, Out* out) { WorkloadRules(object, out); }

void CheckWorkloadRules(const nlohmann::ordered_json& object, Out* out) {
  WorkloadRules(object, out);
}

}  // namespace lr
