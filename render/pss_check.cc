#include "render/pss_check.h"

#include <set>

#include "render/scalar_text.h"

namespace lr {
namespace {

using Out = std::vector<PssViolation>;

bool True(const Json& o, const char* key) {
  return o.is_object() && o.contains(key) && o[key].is_boolean() && o[key].get<bool>();
}

const Json& At(const Json& o, const char* key) {
  static const Json kNull;
  return o.is_object() && o.contains(key) ? o[key] : kNull;
}

void Add(Out* out, const std::string& p, const char* control, const std::string& message) {
  out->push_back({p, control, message});
}

void CheckVolumes(const Json& pod, const std::string& p, Out* out) {
  static const std::set<std::string> kAllowed = {"configMap", "csi",       "downwardAPI",
                                                 "emptyDir",  "ephemeral", "persistentVolumeClaim",
                                                 "projected", "secret"};
  const Json& volumes = At(pod, "volumes");
  if (!volumes.is_array()) return;
  for (size_t i = 0; i < volumes.size(); ++i) {
    if (!volumes[i].is_object()) continue;
    for (const auto& [key, v] : volumes[i].items()) {
      if (key == "name" || kAllowed.count(key)) continue;
      Add(out, PointerJoin(PointerJoin(PointerJoin(p, "volumes"), i), key), "volumeTypes",
          "volume type " + key +
              " is not allowed (restricted allows configMap, csi, downwardAPI, "
              "emptyDir, ephemeral, persistentVolumeClaim, projected, secret)");
    }
  }
}

void CheckSeccomp(const Json& sc, const std::string& p, bool required, Out* out) {
  const Json& type = At(At(sc, "seccompProfile"), "type");
  if (type.is_string() && (type == "RuntimeDefault" || type == "Localhost")) return;
  if (type.is_null() && !required) return;
  Add(out, PointerJoin(p, "seccompProfile"), "seccompProfile",
      "seccompProfile.type must be RuntimeDefault or Localhost");
}

void CheckCommon(const Json& sc, const std::string& p, Out* out) {
  const Json& se = At(sc, "seLinuxOptions");
  if (se.is_object()) {
    const Json& type = At(se, "type");
    if (!type.is_null() && type != "" && type != "container_t" && type != "container_init_t" &&
        type != "container_kvm_t" && type != "container_engine_t") {
      Add(out, PointerJoin(PointerJoin(p, "seLinuxOptions"), "type"), "seLinux",
          "SELinux type is not allowed");
    }
    for (const char* k : {"user", "role"}) {
      if (At(se, k).is_string() && !At(se, k).get<std::string>().empty()) {
        Add(out, PointerJoin(PointerJoin(p, "seLinuxOptions"), k), "seLinux",
            std::string("SELinux ") + k + " may not be set");
      }
    }
  }
  if (At(sc, "runAsUser").is_number() && At(sc, "runAsUser").get<double>() == 0) {
    Add(out, PointerJoin(p, "runAsUser"), "runAsUser", "runAsUser may not be 0");
  }
  const Json& apparmor = At(At(sc, "appArmorProfile"), "type");
  if (apparmor == "Unconfined") {
    Add(out, PointerJoin(PointerJoin(p, "appArmorProfile"), "type"), "appArmor",
        "AppArmor profile may not be Unconfined");
  }
}

void CheckContainer(const Json& c, const std::string& p, bool pod_non_root, bool pod_seccomp,
                    Out* out) {
  const Json& sc = At(c, "securityContext");
  std::string scp = PointerJoin(p, "securityContext");
  if (True(sc, "privileged"))
    Add(out, PointerJoin(scp, "privileged"), "privileged", "privileged containers are not allowed");
  if (!(At(sc, "allowPrivilegeEscalation").is_boolean() &&
        !sc["allowPrivilegeEscalation"].get<bool>())) {
    Add(out, PointerJoin(scp, "allowPrivilegeEscalation"), "allowPrivilegeEscalation",
        "allowPrivilegeEscalation must be false");
  }
  const Json& caps = At(sc, "capabilities");
  const Json& drop = At(caps, "drop");
  bool drops_all =
      drop.is_array() && std::find(drop.begin(), drop.end(), Json("ALL")) != drop.end();
  if (!drops_all)
    Add(out, PointerJoin(PointerJoin(scp, "capabilities"), "drop"), "capabilities",
        "capabilities.drop must include ALL");
  const Json& add = At(caps, "add");
  for (size_t i = 0; add.is_array() && i < add.size(); ++i) {
    if (add[i] != "NET_BIND_SERVICE") {
      Add(out, PointerJoin(PointerJoin(PointerJoin(scp, "capabilities"), "add"), i), "capabilities",
          "only NET_BIND_SERVICE may be added, got " + DescribeValue(add[i]));
    }
  }
  bool non_root =
      At(sc, "runAsNonRoot").is_boolean() ? sc["runAsNonRoot"].get<bool>() : pod_non_root;
  if (!non_root)
    Add(out, PointerJoin(scp, "runAsNonRoot"), "runAsNonRoot",
        "runAsNonRoot must be true (in the pod or every container)");
  CheckSeccomp(sc, scp, !pod_seccomp, out);
  CheckCommon(sc, scp, out);
  if (At(sc, "procMount").is_string() && sc["procMount"] != "Default") {
    Add(out, PointerJoin(scp, "procMount"), "procMount", "procMount must be Default");
  }
  const Json& ports = At(c, "ports");
  for (size_t i = 0; ports.is_array() && i < ports.size(); ++i) {
    const Json& hp = At(ports[i], "hostPort");
    if (hp.is_number() && hp.get<double>() != 0) {
      Add(out, PointerJoin(PointerJoin(PointerJoin(p, "ports"), i), "hostPort"), "hostPorts",
          "host ports are not allowed");
    }
  }
}

void CheckPod(const Json& pod, const std::string& p, Out* out) {
  for (const char* key : {"hostNetwork", "hostPID", "hostIPC"}) {
    if (True(pod, key))
      Add(out, PointerJoin(p, key), "hostNamespaces", std::string(key) + " must not be true");
  }
  const Json& psc = At(pod, "securityContext");
  std::string pscp = PointerJoin(p, "securityContext");
  CheckCommon(psc, pscp, out);
  if (At(psc, "runAsNonRoot") == false)
    Add(out, PointerJoin(pscp, "runAsNonRoot"), "runAsNonRoot", "runAsNonRoot must not be false");
  CheckSeccomp(psc, pscp, false, out);
  static const std::set<std::string> kSafeSysctls = {"kernel.shm_rmid_forced",
                                                     "net.ipv4.ip_local_port_range",
                                                     "net.ipv4.ip_unprivileged_port_start",
                                                     "net.ipv4.tcp_syncookies",
                                                     "net.ipv4.ping_group_range",
                                                     "net.ipv4.ip_local_reserved_ports",
                                                     "net.ipv4.tcp_keepalive_time",
                                                     "net.ipv4.tcp_fin_timeout",
                                                     "net.ipv4.tcp_keepalive_intvl",
                                                     "net.ipv4.tcp_keepalive_probes"};
  const Json& sysctls = At(psc, "sysctls");
  for (size_t i = 0; sysctls.is_array() && i < sysctls.size(); ++i) {
    const Json& name = At(sysctls[i], "name");
    if (!name.is_string() || !kSafeSysctls.count(name.get<std::string>())) {
      Add(out, PointerJoin(PointerJoin(pscp, "sysctls"), i), "sysctls",
          "sysctl " + DescribeValue(name) + " is not in the safe set");
    }
  }
  CheckVolumes(pod, p, out);
  bool pod_non_root = True(psc, "runAsNonRoot");
  const Json& st = At(At(psc, "seccompProfile"), "type");
  bool pod_seccomp = st == "RuntimeDefault" || st == "Localhost";
  for (const char* key : {"containers", "initContainers", "ephemeralContainers"}) {
    const Json& list = At(pod, key);
    for (size_t i = 0; list.is_array() && i < list.size(); ++i) {
      CheckContainer(list[i], PointerJoin(PointerJoin(p, key), i), pod_non_root, pod_seccomp, out);
    }
  }
}

void Walk(const Json& node, const std::string& p, Out* out) {
  if (node.is_array()) {
    for (size_t i = 0; i < node.size(); ++i) Walk(node[i], PointerJoin(p, i), out);
    return;
  }
  if (!node.is_object()) return;
  bool pod = false;
  for (const char* key : {"containers", "initContainers", "ephemeralContainers"}) {
    pod = pod || (node.contains(key) && node[key].is_array());
  }
  if (pod) CheckPod(node, p, out);
  const Json& annotations = At(At(node, "metadata"), "annotations");
  if (annotations.is_object()) {
    for (const auto& [k, v] : annotations.items()) {
      if (k.rfind("container.apparmor.security.beta.kubernetes.io/", 0) == 0 && v.is_string() &&
          v != "runtime/default" && v.get<std::string>().rfind("localhost/", 0) != 0) {
        Add(out, PointerJoin(PointerJoin(PointerJoin(p, "metadata"), "annotations"), k), "appArmor",
            "AppArmor annotation must be runtime/default or localhost/*");
      }
    }
  }
  for (const auto& [k, v] : node.items()) Walk(v, PointerJoin(p, k), out);
}

}  // namespace

std::vector<PssViolation> CheckRestricted(const Json& body) {
  Out out;
  Walk(body, "", &out);
  return out;
}

}  // namespace lr
