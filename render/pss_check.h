// PssCheck: the Pod Security Standard "restricted" profile (Kubernetes v1.28+ controls), as
// the admission plugin applies it to a pod spec. Our own small checker: it runs on every pod
// template launch-render emits. In: an object body. Out: one violation per failing field:
// the JSON pointer inside the object and the control it breaks.
// Controls: host namespaces, privileged, capabilities (drop ALL, add at most
// NET_BIND_SERVICE), hostPath and other non-allowed volume types, host ports, AppArmor,
// SELinux, /proc mount, seccomp (RuntimeDefault or Localhost), sysctls (the safe set),
// allowPrivilegeEscalation false, runAsNonRoot true, runAsUser not 0.
#pragma once

#include <string>
#include <vector>

#include "render/document.h"

namespace lr {

struct PssViolation {
  std::string pointer;  // inside the object
  std::string control;  // e.g. "runAsNonRoot"
  std::string message;
};

// Every pod spec found in `body` (Job, CronJob, PyTorchJob replicas, Volcano tasks, ...).
std::vector<PssViolation> CheckRestricted(const Json& body);

}  // namespace lr
