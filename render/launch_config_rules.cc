// The launch-config rules: the bundled schema, then what the agent's loader and builders
// refuse or warn about after its model has accepted the config.
#include <set>

#include "render/launch_config_checker.h"
#include "render/name_check.h"
#include "render/registry_uri.h"
#include "render/schema_check.h"

namespace lr {
namespace {

constexpr std::string_view kSchema = "schemas/launch-config.schema.json";

bool Present(const Json* v) { return v && !v->is_null() && !(v->is_string() && v->empty()); }
bool Empty(const Json* v) { return !v || v->is_null() || (v->is_object() && v->empty()); }

// What a schema message needs to say about how the agent reads the offending value.
std::string Explain(LaunchConfigChecker& c, const SchemaViolation& v) {
  if (v.missing && v.pointer == "/queues") {
    return ": the agent refuses to start without a queue to poll";
  }
  if (v.missing && v.pointer == "/environment/region") {
    return ": the agent's config model needs the key (region: null is accepted for azure)";
  }
  const Json* node = c.Get(v.pointer);
  if (v.pointer == "/secure_mode" && node && node->is_string()) {
    return "; the agent tests the raw value, so any non-empty string turns secure mode on";
  }
  std::string written = c.Written(v.pointer);
  if (written.empty() || !node) return "";
  bool wants_text =
      v.message.rfind("must be a string", 0) == 0 || v.message.rfind("must be one of \"", 0) == 0;
  if (written != ScalarText(*node)) {
    return " (PyYAML, the agent's YAML reader, reads " + written + " as " + DescribeValue(*node) +
           (wants_text ? "; quote it to keep it text)" : ")");
  }
  return wants_text ? " (quote it to keep it text)" : "";
}

void ReportRegistryUri(LaunchConfigChecker& c, const std::string& pointer) {
  std::string uri = c.Text(pointer);
  if (uri.empty()) return;
  RegistryVerdict v = CheckRegistryUri(uri);
  if (v.error) {
    c.Error(pointer, Quote(uri) + " " + v.message, "launch-config-registry-uri");
  } else if (v.kind == RegistryKind::kNone) {
    c.Warn(pointer, Quote(uri) + " " + v.message, "launch-config-registry-uri");
  }
}

RegistryKind KindOf(LaunchConfigChecker& c, const std::string& pointer) {
  std::string uri = c.Text(pointer);
  return uri.empty() ? RegistryKind::kNone : CheckRegistryUri(uri).kind;
}

}  // namespace

void CheckLaunchConfigSchema(LaunchConfigChecker& c) {
  if (BundledSchemaAt(kSchema).DecidedValid(c.root(), {})) return;
  nlohmann::json plain(c.root());
  for (const SchemaViolation& v : CheckAgainstSchema(kSchema, plain)) {
    if (v.pointer == "/queue") {
      c.Error(v.pointer,
              "is the legacy single-queue key, which the agent refuses: write queues: [" +
                  (c.Text("/queue").empty() ? std::string("NAME") : c.Text("/queue")) + "]",
              "launch-config-schema");
      continue;
    }
    c.Error(v.pointer, v.message + Explain(c, v), "launch-config-schema");
  }
}

void CheckAgentLimits(LaunchConfigChecker& c) {
  const Json* jobs = c.Get("/max_jobs");
  if (jobs && jobs->is_number_integer() && jobs->get<int64_t>() == 0) {
    c.Warn("/max_jobs", "is 0: the agent starts but never takes a job (-1 means no limit)",
           "launch-config-limits");
  }
  const Json* schedulers = c.Get("/max_schedulers");
  if (schedulers && schedulers->is_number_integer() && schedulers->get<int64_t>() == 0) {
    c.Warn("/max_schedulers", "is 0: sweep scheduler jobs stay in the queue forever",
           "launch-config-limits");
  }
}

void CheckEnvironmentBlock(LaunchConfigChecker& c) {
  if (!c.IsMap("/environment") || Empty(c.Get("/environment"))) return;
  std::string type = c.Text("/environment/type");
  if (!Present(c.Get("/environment/type"))) {
    c.Error("/environment/type",
            "is required in a non-empty environment block: the agent fails with \"Environment "
            "type not specified!\"",
            "launch-config-environment");
  }
  const Json* region = c.Get("/environment/region");
  if ((type == "aws" || type == "gcp") && region && !Present(region)) {
    c.Error("/environment/region",
            "must name the " + type + " region: the agent refuses an environment of type " + type +
                " without one",
            "launch-config-environment");
  }
  for (const auto& [key, value] : c.Get("/environment")->items()) {
    if (key == "type" || key == "region") continue;
    std::string why = key == "project" && type == "gcp"
                          ? "; the GCP project comes from the default Google credentials"
                          : "";
    c.Warn(PointerJoin("/environment", key),
           "is not an environment key: the agent warns \"Unrecognized field " + key +
               " in environment block\" and ignores it" + why,
           "launch-config-unknown-key");
  }
}

namespace {

void CheckRegistryKeys(LaunchConfigChecker& c, const std::string& type,
                       const std::set<std::string>& allowed) {
  for (const auto& [key, value] : c.Get("/registry")->items()) {
    if (allowed.count(key)) continue;
    c.Error(PointerJoin("/registry", key),
            "is not allowed in a registry block of type " + type + ": the agent refuses the block",
            "launch-config-registry");
  }
}

void CheckRegistryForm(LaunchConfigChecker& c, const std::string& type) {
  bool uri = Present(c.Get("/registry/uri"));
  if (type == "ecr" && !uri) {
    c.Error("/registry/uri",
            "is required for an ecr registry: the agent's account_id/region/repo_name form "
            "never works (it reads a key it also forbids)",
            "launch-config-registry");
  } else if (type == "acr" && !uri) {
    c.Error("/registry/uri", "is required for an acr registry", "launch-config-registry");
  } else if (type == "gcr" && !uri) {
    for (const char* key : {"repository", "image-name", "region"}) {
      std::string p = PointerJoin("/registry", key);
      if (!Present(c.Get(p))) {
        c.Error(p, "is required for a gcr registry without uri", "launch-config-registry");
      }
    }
  }
  static const std::map<std::string, RegistryKind> kKind = {
      {"ecr", RegistryKind::kEcr}, {"acr", RegistryKind::kAcr}, {"gcr", RegistryKind::kGar}};
  auto want = kKind.find(type);
  RegistryKind got = KindOf(c, "/registry/uri");
  if (uri && want != kKind.end() && got != RegistryKind::kNone && got != want->second) {
    c.Error("/registry/uri",
            Quote(c.Text("/registry/uri")) + " is not a URI of registry type " + type,
            "launch-config-registry");
  }
}

}  // namespace

void CheckRegistryBlock(LaunchConfigChecker& c) {
  if (!c.IsMap("/registry") || Empty(c.Get("/registry"))) return;
  c.Warn("/registry",
         "is deprecated: the agent warns on every start; set builder.destination instead",
         "launch-config-deprecated");
  ReportRegistryUri(c, "/registry/uri");
  std::string type = c.Text("/registry/type");
  if (!Present(c.Get("/registry/type"))) {
    if (Present(c.Get("/registry/uri"))) {
      c.Warn("/registry/type",
             "is missing: the agent then uses no registry at all and ignores registry.uri",
             "launch-config-registry");
    }
    return;
  }
  if (type == "ecr")
    CheckRegistryKeys(c, type, {"uri", "type", "account_id", "region", "repo_name"});
  if (type == "gcr") {
    CheckRegistryKeys(c, type, {"uri", "type", "repository", "image-name", "region", "project"});
  }
  CheckRegistryForm(c, type);
}

namespace {

const std::set<std::string>& BuilderKeys() {
  static const std::set<std::string> keys = {
      "type",        "destination", "platform",     "build-context-store", "build-job-name",
      "secret-name", "secret-key",  "kaniko-image", "kaniko-config",       "credentials"};
  return keys;
}

std::string Hyphenated(std::string key) {
  for (char& ch : key) {
    if (ch == '_') ch = '-';
  }
  return key;
}

void CheckBuilderKeys(LaunchConfigChecker& c) {
  for (const auto& [key, value] : c.Get("/builder")->items()) {
    if (BuilderKeys().count(key)) continue;
    std::string p = PointerJoin("/builder", key);
    std::string hyphen = Hyphenated(key);
    if (hyphen != key && BuilderKeys().count(hyphen)) {
      c.Warn(p, "is ignored: the agent reads " + hyphen + " (with hyphens)",
             "launch-config-unknown-key");
    } else if (key == "accelerator") {
      c.Warn(p,
             "is ignored here: builder.accelerator.base_image belongs in the queue's resource "
             "config",
             "launch-config-unknown-key");
    } else {
      c.Warn(p,
             "is not a builder key: the agent ignores it" +
                 std::string(key == "uri" ? " (the image destination is builder.destination)" : ""),
             "launch-config-unknown-key");
    }
  }
}

void CheckContextStore(LaunchConfigChecker& c) {
  std::string store = c.Text("/builder/build-context-store");
  if (store.empty()) return;
  StoreKind kind = ClassifyStore(store);
  if (kind == StoreKind::kNone) {
    c.Error("/builder/build-context-store",
            Quote(store) +
                " is not a build context store: write s3://BUCKET[/PATH], "
                "gs://BUCKET[/PATH] or https://ACCOUNT.blob.core.windows.net/CONTAINER",
            "launch-config-context-store");
    return;
  }
  std::string env = c.Text("/environment/type");
  StoreKind want = StoreForEnvironment(env);
  if (want != StoreKind::kNone && want != kind) {
    c.Error("/builder/build-context-store",
            Quote(store) + " must be " + StoreKindName(want) + " when environment.type is " + env +
                ": the agent cannot verify it there",
            "launch-config-context-store");
  }
}

void CheckBuildJobName(LaunchConfigChecker& c) {
  std::string name = c.Text("/builder/build-job-name");
  if (name.empty()) return;
  std::string why = Dns1123LabelError(name + "-0123abcd");
  if (why.empty()) return;
  c.Error("/builder/build-job-name",
          Quote(name) + " cannot prefix a Job name (" + name + "-RUN_ID): " + why,
          "launch-config-names");
}

void CheckBuilderOnlyKeys(LaunchConfigChecker& c, const std::string& type) {
  if (type != "docker" && c.Get("/builder/platform")) {
    c.Warn("/builder/platform",
           "is used only by the docker builder; the " + type + " builder ignores it",
           "launch-config-unused");
  }
  if (type == "kaniko") return;
  for (const char* key : {"build-context-store", "build-job-name", "secret-name", "secret-key",
                          "kaniko-image", "kaniko-config"}) {
    std::string p = PointerJoin("/builder", key);
    if (c.Get(p)) {
      c.Warn(p, "is used only by the kaniko builder; the " + type + " builder ignores it",
             "launch-config-unused");
    }
  }
}

}  // namespace

void CheckBuilderBlock(LaunchConfigChecker& c) {
  if (!c.IsMap("/builder") || Empty(c.Get("/builder"))) return;
  if (!Present(c.Get("/builder/type"))) {
    c.Error("/builder/type",
            "is required in a non-empty builder block: the agent fails with \"Builder type not "
            "specified\"",
            "launch-config-builder");
  }
  CheckBuilderKeys(c);
  ReportRegistryUri(c, "/builder/destination");
  CheckContextStore(c);
  CheckBuildJobName(c);
  std::string type = c.Text("/builder/type");
  if (type == "docker" || type == "noop" || type == "kaniko") CheckBuilderOnlyKeys(c, type);
}

namespace {

void CheckKanikoContext(LaunchConfigChecker& c) {
  const Json* store = c.Get("/builder/build-context-store");
  bool pvc = c.context().kaniko_pvc;
  if (store && store->is_null() && pvc) {
    c.Error("/builder/build-context-store",
            "is null while kanikoPvcName is set: the agent's kaniko builder crashes on a null "
            "store; remove the key to build from the PVC",
            "launch-config-kaniko");
  } else if (!Present(store) && !pvc) {
    std::string what =
        "is required for kaniko: set an s3://, gs:// or Azure blob URI, or kanikoPvcName in the "
        "values; without either the agent passes --context=/RUN_ID.tgz and the build fails";
    if (c.context().in_values) {
      c.Error("/builder/build-context-store", what, "launch-config-kaniko");
    } else {
      c.Warn("/builder/build-context-store", what + " (unless the chart sets kanikoPvcName)",
             "launch-config-kaniko");
    }
  }
  if (Present(store) && store->is_string() && Empty(c.Get("/environment"))) {
    c.Error("/builder/build-context-store",
            "needs an environment block (type aws, gcp or azure): the agent uploads the build "
            "context through it and refuses without one",
            "launch-config-kaniko");
  }
}

void CheckKanikoSecret(LaunchConfigChecker& c) {
  bool name = Present(c.Get("/builder/secret-name"));
  bool key = Present(c.Get("/builder/secret-key"));
  if (name != key) {
    c.Error(name ? "/builder/secret-key" : "/builder/secret-name",
            std::string("must be set together with ") + (name ? "secret-name" : "secret-key") +
                ": the agent refuses a kaniko build with only one of them",
            "launch-config-kaniko");
  }
  bool acr = KindOf(c, "/builder/destination") == RegistryKind::kAcr ||
             (!Present(c.Get("/builder/destination")) && c.Text("/registry/type") == "acr");
  if (name && key && acr) {
    c.Error("/builder/secret-name",
            "cannot be used with an Azure Container Registry: the agent's kaniko builder "
            "crashes on it (UnboundLocalError); use workload identity instead",
            "launch-config-kaniko");
  }
}

void CheckKanikoConfig(LaunchConfigChecker& c) {
  constexpr std::string_view kContainers = "/builder/kaniko-config/spec/template/spec/containers";
  const Json* containers = c.Get(kContainers);
  if (containers && containers->is_array() && containers->size() > 1) {
    c.Error(kContainers,
            "must hold at most one container: the agent refuses more (\"Multiple container "
            "configs not supported for kaniko builder\")",
            "launch-config-kaniko");
  }
}

}  // namespace

void CheckKaniko(LaunchConfigChecker& c) {
  if (c.Text("/builder/type") != "kaniko") return;
  CheckKanikoContext(c);
  CheckKanikoSecret(c);
  CheckKanikoConfig(c);
  if (!Present(c.Get("/builder/destination")) && !Present(c.Get("/registry/uri"))) {
    c.Error("/builder/destination",
            "is required for kaniko: without it (or a registry uri) the agent has nowhere to "
            "push the built image",
            "launch-config-kaniko");
  }
  if (c.Text("/environment/type") == "azure" && c.context().in_values &&
      !c.context().azure_storage_key) {
    c.Warn("/environment/type",
           "azure with kaniko: the agent reads the Secret azure-storage-access-key in namespace "
           "wandb; set azureStorageAccessKey in the values or create that Secret yourself",
           "launch-config-kaniko");
  }
}

}  // namespace lr
