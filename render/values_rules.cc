// The values rules that are more than a shape: required keys, names, env lists, ssh, CA.
#include <regex>

#include "render/bundle_names.h"
#include "render/go_format.h"
#include "render/grammar.h"
#include "render/name_check.h"
#include "render/scalar_text.h"
#include "render/values_checker.h"

namespace lr {
namespace {

bool IsTrue(const Json* v) { return v && v->is_boolean() && v->get<bool>(); }

std::string TextAt(ValuesChecker& c, std::string_view pointer) {
  const Json* v = c.Get(pointer);
  return v && v->is_primitive() ? ScalarText(*v) : "";
}

void CheckApiKey(ValuesChecker& c) {
  if (IsTrue(c.Get("/agent/useExternalWandbSecret"))) return;
  const Json* key = c.Get("/agent/apiKey");
  if (key && key->is_primitive() && !ScalarText(*key).empty()) return;
  if (key && !key->is_primitive()) return;  // shape error already reported
  c.Error("/agent/apiKey",
          "is required: set it to a W&B API key, or set agent.useExternalWandbSecret: true "
          "and create the Secret wandb-api-key-" +
              c.settings().release + " yourself",
          "required");
}

void CheckLaunchConfig(ValuesChecker& c) {
  const Json* v = c.Get("/launchConfig");
  if (v && v->is_string()) {
    if (v->get<std::string>().find_first_not_of(" \t\r\n") != std::string::npos) return;
    c.Error("/launchConfig",
            "is required: it is empty; set it to the contents of your launch "
            "agent config file",
            "required");
  } else if (v && v->is_object()) {
    c.Error("/launchConfig",
            "must be a string holding the launch agent config file, got a "
            "mapping: write \"launchConfig: |\" and indent the config below it",
            "values-shape");
  } else if (v && !v->is_null()) {
    c.Error("/launchConfig",
            "must be a string holding the launch agent config file, got " + DescribeValue(*v),
            "values-shape");
  } else {
    c.Error("/launchConfig",
            std::string("is required: ") + (c.WasNulled("/launchConfig") ? "it is null; " : "") +
                "set it to the contents of your launch agent config file",
            "required");
  }
}

// agent.minAvailable: an integer or a percentage, as the PDB's int-or-string field takes.
void CheckMinAvailable(ValuesChecker& c) {
  const Json* v = c.Get("/agent/minAvailable");
  if (!v) return;
  bool ok = v->is_string()
                ? IsPercent(v->get_ref<const std::string&>())
                : v->is_number() && v->get<double>() >= 0 && IsExactInteger(v->get<double>());
  if (!ok) {
    c.Error("/agent/minAvailable",
            "must be a non-negative integer or a percentage such as "
            "\"50%\", got " +
                DescribeValue(*v),
            "values-shape");
  }
}

// agent.startTimeout: seconds; the agent reads the env value with float().
void CheckStartTimeout(ValuesChecker& c) {
  const Json* v = c.Get("/agent/startTimeout");
  if (!v || v->is_number()) return;
  if (v->is_string() && IsUnsignedDecimal(v->get_ref<const std::string&>())) return;
  c.Error("/agent/startTimeout", "must be a number of seconds, got " + DescribeValue(*v),
          "values-shape");
}

}  // namespace

void CheckRequired(ValuesChecker& c) {
  if (c.Get("/agent") && c.Get("/agent")->is_object()) {
    CheckApiKey(c);
    CheckMinAvailable(c);
    CheckStartTimeout(c);
  }
  CheckLaunchConfig(c);
}

void CheckLabelsAndAnnotations(ValuesChecker& c) {
  if (!c.Get("/agent") || !c.Get("/agent")->is_object()) return;
  c.StringMap("/agent/labels", true, false);
  c.StringMap("/agent/podAnnotations", false, false);
  if (c.Get("/agent/labels/app")) {
    c.Error("/agent/labels/app",
            "is reserved: the pod's app label is the Deployment selector "
            "(app=launch-agent-" +
                c.settings().release + ")",
            "reserved");
  }
  for (const char* key : {"checksum/config", "checksum/secret"}) {
    std::string ptr = PointerJoin("/agent/podAnnotations", key);
    if (c.Get(ptr)) c.Error(ptr, "is reserved: launch-render sets it", "reserved");
  }
  if (c.Get("/serviceAccount") && c.Get("/serviceAccount")->is_object()) {
    c.StringMap("/serviceAccount/annotations", false, true);
  }
}

namespace {

// helm's own rule for release names, then what the derived names and the app label allow.
void CheckRelease(ValuesChecker& c) {
  const CheckSettings& s = c.settings();
  auto fail = [&](const std::string& why) {
    c.ErrorAt(s.release_pos, "", "release name " + Quote(s.release) + " " + why, "names");
  };
  if (std::string why = Dns1123SubdomainError(s.release); !why.empty()) return fail(why);
  BundleNames names(s.release);
  if (std::string why = LabelValueError(names.deployment); !why.empty()) {
    return fail("is too long: the pod label app=" + names.deployment + " " + why +
                " (the release name may have at most " +
                std::to_string(kMaxLabelValue - names.deployment.size() + s.release.size()) +
                " characters)");
  }
  for (const std::string* name : names.ObjectNames()) {
    if (std::string why = Dns1123SubdomainError(*name); !why.empty()) {
      return fail("is too long: the object name " + *name + " " + why);
    }
  }
}

// A namespace helm reads as a number or boolean the user did not write (0123 -> 83).
bool NamespaceRetyped(ValuesChecker& c, const std::string& pointer) {
  std::string written = c.Written(pointer);
  const Json* v = c.Get(pointer);
  if (written.empty() || written == ScalarText(*v)) return false;
  c.Error(pointer,
          "must be a string, got " + DescribeValue(*v) + " (helm's YAML reader reads " + written +
              " as " + ScalarText(*v) + "; quote it: \"" + written + "\")",
          "values-shape");
  return true;
}

void CheckNamespaces(ValuesChecker& c) {
  if (NamespaceRetyped(c, "/namespace")) return;
  std::string ns = TextAt(c, "/namespace");
  if (!ns.empty()) c.Syntax("/namespace", ns, Dns1123LabelError, "namespace");
  if (!c.List("/additionalTargetNamespaces", false)) return;
  const Json& list = *c.Get("/additionalTargetNamespaces");
  for (size_t i = 0; i < list.size(); ++i) {
    std::string ptr = PointerJoin("/additionalTargetNamespaces", i);
    if (NamespaceRetyped(c, ptr)) continue;
    if (c.NonEmptyString(ptr)) c.Syntax(ptr, ScalarText(list[i]), Dns1123LabelError, "namespace");
  }
}

// A resource name the pod refers to: empty means "off", anything else must be a valid name.
void CheckReferencedName(ValuesChecker& c, std::string_view pointer, std::string_view what) {
  std::string text = TextAt(c, pointer);
  if (!text.empty()) c.Syntax(pointer, text, Dns1123SubdomainError, what);
}

}  // namespace

void CheckNames(ValuesChecker& c) {
  CheckRelease(c);
  CheckNamespaces(c);
  CheckReferencedName(c, "/kanikoPvcName", "PersistentVolumeClaim name");
  CheckReferencedName(c, "/kanikoDockerConfigSecret", "Secret name");
}

namespace {

// A list of {name, value}; the chart's default is an empty map, which means none.
bool EnvListShape(ValuesChecker& c, std::string_view pointer) {
  const Json* v = c.Get(pointer);
  if (!v || v->is_null() || (v->is_object() && v->empty())) return false;
  if (v->is_object()) {
    c.Error(pointer,
            "must be a list of {name, value} entries, got a mapping (write \"- name: "
            "KEY\" and \"value: ...\" for each variable)",
            "values-shape");
    return false;
  }
  return c.List(pointer, false);
}

void CheckEnvEntry(ValuesChecker& c, const std::string& item, bool secret) {
  if (!c.Map(item, false)) return;
  std::string name_ptr = PointerJoin(item, "name");
  if (!c.NonEmptyString(name_ptr)) return;
  if (const Json* n = c.Get(name_ptr); !n->is_string()) {  // YES, on, 1e3: helm's YAML retyped it
    c.Error(name_ptr, "must be a string, got " + DescribeValue(*n) + "; quote the name",
            "values-type");
    return;
  }
  std::string name = TextAt(c, name_ptr);
  c.Syntax(name_ptr, name, EnvVarNameError, "environment variable name");
  if (secret) c.Syntax(name_ptr, name, ConfigKeyError, "Secret key");
  c.Scalar(PointerJoin(item, "value"), true);
}

void CheckEnvList(ValuesChecker& c, std::string_view pointer, bool secret) {
  if (!EnvListShape(c, pointer)) return;
  for (size_t i = 0; i < c.Get(pointer)->size(); ++i) {
    CheckEnvEntry(c, PointerJoin(pointer, i), secret);
  }
}

}  // namespace

void CheckEnvVars(ValuesChecker& c) {
  CheckEnvList(c, "/additionalEnvVars", false);
  CheckEnvList(c, "/additionalSecretEnvVars", true);
}

namespace {

// One ssh_config Host token: a host name, address or pattern, nothing that could start a
// new line or directive in the generated file (chart-defects #18).
std::string SshHostError(std::string_view host) {
  static const std::regex kHost(R"([A-Za-z0-9._*?!:\[\]%-]+)");
  if (!std::regex_match(host.begin(), host.end(), kHost)) {
    return "is not a single host name or pattern (letters, digits and . - _ * ? ! : [ ] % "
           "only; no spaces or line breaks)";
  }
  return "";
}

}  // namespace

void CheckSshAuthSecrets(ValuesChecker& c) {
  if (!c.List("/sshAuthSecrets", true) || !c.Get("/sshAuthSecrets")) return;
  for (size_t i = 0; i < c.Get("/sshAuthSecrets")->size(); ++i) {
    std::string item = PointerJoin("/sshAuthSecrets", i);
    if (!c.Map(item, false)) continue;
    if (c.NonEmptyString(PointerJoin(item, "name"))) {
      c.Syntax(PointerJoin(item, "name"), TextAt(c, PointerJoin(item, "name")),
               Dns1123SubdomainError, "Secret name");
    }
    if (c.NonEmptyString(PointerJoin(item, "host"))) {
      c.Syntax(PointerJoin(item, "host"), TextAt(c, PointerJoin(item, "host")), SshHostError,
               "ssh host");
    }
  }
}

void CheckCaBundle(ValuesChecker& c) {
  if (!c.Map("/customCABundle", false) || !c.Map("/customCABundle/configMap", false)) return;
  const std::string name_ptr = "/customCABundle/configMap/name";
  const std::string key_ptr = "/customCABundle/configMap/key";
  if (!c.Scalar(name_ptr, true) || !c.Scalar(key_ptr, true)) return;
  std::string name = TextAt(c, name_ptr), key = TextAt(c, key_ptr);
  if (name.empty() != key.empty()) {
    const std::string& set = name.empty() ? key_ptr : name_ptr;
    c.Error(set,
            std::string("is set but customCABundle.configMap.") + (name.empty() ? "name" : "key") +
                " is not; the CA bundle needs both",
            "ca-bundle");
    return;
  }
  if (name.empty()) return;
  c.Syntax(name_ptr, name, Dns1123SubdomainError, "ConfigMap name");
  c.Syntax(key_ptr, key, ConfigKeyError, "ConfigMap key");
}

namespace {

void CheckPrecisionAt(ValuesChecker& c, const Json& v, const std::string& pointer) {
  if (v.is_structured()) {
    if (v.is_object()) {
      for (const auto& [k, child] : v.items()) CheckPrecisionAt(c, child, PointerJoin(pointer, k));
    } else {
      for (size_t i = 0; i < v.size(); ++i) CheckPrecisionAt(c, v[i], PointerJoin(pointer, i));
    }
    return;
  }
  if (!v.is_number_integer() || !c.UserSet(pointer)) return;
  constexpr int64_t kMax = kMaxExactInteger;
  if (v.is_number_unsigned() ? v.get<uint64_t>() <= uint64_t{kMax}
                             : v.get<int64_t>() <= kMax && v.get<int64_t>() >= -kMax) {
    return;
  }
  double d = v.get<double>();
  c.Error(pointer,
          "integer " + ScalarText(v) +
              " is beyond 2^53: helm reads numbers as float64 "
              "and would change it to " +
              GoFormatFloat(d) + "; quote it if it is text",
          "values-precision");
}

}  // namespace

void CheckPrecision(ValuesChecker& c) { CheckPrecisionAt(c, c.root(), ""); }

}  // namespace lr

namespace lr {

void CheckSettingSyntax(ValuesChecker& c) {
  const Json* policy = c.Get("/agent/imagePullPolicy");
  if (policy && policy->is_string() && !policy->get<std::string>().empty()) {
    std::string p = policy->get<std::string>();
    if (p != "Always" && p != "IfNotPresent" && p != "Never") {
      c.Error("/agent/imagePullPolicy",
              "must be one of \"Always\", \"IfNotPresent\", \"Never\", got " + Quote(p),
              "values-enum");
    }
  }
  const Json* url = c.Get("/baseUrl");
  if (!url || !url->is_string() || url->empty()) return;
  std::string u = url->get<std::string>();
  if (!IsHttpUrl(u)) {
    c.Error("/baseUrl", "must be an http:// or https:// URL, got " + Quote(u), "values-url");
  } else if (IsWandbAppUrl(u)) {
    c.Error("/baseUrl",
            Quote(u) +
                " is the W&B web app, not its API: use https://api.wandb.ai (or your "
                "server's URL)",
            "values-url");
  }
}

}  // namespace lr
