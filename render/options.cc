#include "render/options.h"

#include <algorithm>
#include <optional>

#include "render/kube_schema.h"

namespace lr {
namespace {

constexpr const char* kFooter = R"(Examples:
  launch-render values.yaml | kubectl apply -f -
  launch-render values.yaml -f prod.yaml --set agent.apiKey=$WANDB_API_KEY
  launch-render values.yaml --release ml-agent -o json
  launch-render validate values.yaml launch-config.yaml
  launch-render schema launch-config

Exit codes:
  0  rendered (warnings, if any, are on stderr)
  1  the input is invalid: every error is on stderr as FILE:LINE:COL: error: ...
  2  usage error
  3  internal error)";

constexpr const char* kValidateFooter = R"(Examples:
  launch-render validate values.yaml
  launch-render validate deploy/ launch-config.yaml --summary
  launch-render validate -o sarif . > launch-render.sarif
  cat values.yaml | launch-render validate -
  launch-render validate k8s/ --strict --kubernetes-version 1.30 --skip CustomResourceDefinition
  helm template . | launch-render validate --kind manifest -

Each file is recognized by name (*launch-config*) and keys (values file, launch agent
config, queue config, Kubernetes manifest); --kind skips the guess. Manifests (multi-document
YAML or JSON, `kind: List`) are checked offline against the bundled schemas of Kubernetes
v1.28 to v1.36 and the PyTorchJob and Volcano Job CRDs, then by the API server's own rules
(names, labels, quantities, resources, ports).

Exit codes:
  0  every file is valid (warnings, if any, were printed)
  1  some file is invalid (or unreadable)
  2  usage error
  3  internal error)";

constexpr const char* kSchemaFooter = R"(Examples:
  launch-render schema --list
  launch-render schema launch-config > launch-config.schema.json
  # in an editor: # yaml-language-server: $schema=./launch-config.schema.json)";

constexpr const char* kJobFooter = R"(Examples:
  launch-render job queue.yaml
  launch-render job queue.yaml --set-var gpus=2 --run-context run.yaml -o json
  launch-render job queue.yaml --values values.yaml --override overrides.yaml

The run context (YAML, every key optional) says what the agent knows at run time:
  image_uri, run_id, run_name, project_name, entity_name, author, entry_point, source
  (image|code), namespace, agent_name, queue_name, queue_entity, trace_id, base_url,
  sweep_id, job, resume_count, api_key, env (the agent's environment, also ${macros}),
  run_config, files, artifacts. Defaults are in the README; run_id defaults to the first
  8 hex digits of sha256 of the queue config, so the output is deterministic.
The overrides file holds the job's overrides: args, entry_point, run_config and
resource_args ({kubernetes: {...}}, merged over the queue config, the job winning).

Exit codes:
  0  rendered (warnings, if any, are on stderr)
  1  the queue config is invalid or would be refused by the agent
  2  usage error
  3  internal error)";

bool IsSubcommand(const std::string& arg) {
  return arg == "render" || arg == "validate" || arg == "schema" || arg == "job" ||
         arg == "init-queue" || arg == "build";
}

// A bundled Kubernetes version, normalized ("1.30", "v1.30.2" -> "v1.30"); else a usage error.
CLI::Validator KubeVersionFlag() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        std::optional<std::string> version = ParseKubeVersion(text);
        if (!version) {
          return "\"" + text + "\" is not a bundled Kubernetes version (" + KubeVersions().front() +
                 " to " + NewestKubeVersion() + ")";
        }
        text = *version;
        return "";
      },
      "VERSION");
}

void DefineRender(CLI::App* app, Options* options, bool flags) {
  CLI::App* render = app->add_subcommand(
      "render", "Render the launch agent bundle, as `helm template` of the launch-agent chart");
  render->callback([options] { options->command = Options::Command::kRender; });
  if (!flags) return;
  RenderRequest& r = options->render;
  render->add_option("VALUES", r.values_files, "values files (\"-\" reads standard input)");
  render
      ->add_option("-f,--values", options->more_values,
                   "more values files, applied after VALUES, in order")
      ->allow_extra_args(false);
  render->add_option("--set", r.set, "set values on the command line (helm syntax)")
      ->allow_extra_args(false);
  render->add_option("--set-string", r.set_string, "set STRING values on the command line")
      ->allow_extra_args(false);
  render->add_option("--release", r.release, "release name (as helm template NAME)")
      ->capture_default_str();
  render->add_option("-o,--output", r.format, "output format")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, OutputFormat>{{"yaml", OutputFormat::kYaml},
                                              {"json", OutputFormat::kJson}},
          CLI::ignore_case))
      ->default_str("yaml");
  render->add_option(
      "--output-dir", r.output_dir,
      "write one file per object and a kustomization.yaml into DIR instead of stdout");
  render
      ->add_option("--queue-config", r.queue_configs,
                   "a queue config whose kind the agent's ClusterRole must allow (repeatable)")
      ->allow_extra_args(false);
  render->add_flag("--strict", r.strict, "treat warnings as errors");
  render
      ->add_option("--kube-version", r.kube_version,
                   "the Kubernetes version whose schemas every rendered object must pass")
      ->transform(KubeVersionFlag())
      ->default_str(NewestKubeVersion());
  render->footer(kFooter);
}

void DefineValidate(CLI::App* app, Options* options, bool flags) {
  CLI::App* v = app->add_subcommand(
      "validate", "Validate values files, launch agent configs, queue configs and manifests");
  v->callback([options] { options->command = Options::Command::kValidate; });
  if (!flags) return;
  ValidateRequest& r = options->validate;
  v->add_option("FILES", r.paths,
                "files or directories (walked for *.yaml, *.yml, *.json); - is stdin");
  v->add_option("-o,--output", options->report_format, "report format")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, ReportFormat>{{"text", ReportFormat::kText},
                                              {"json", ReportFormat::kJson},
                                              {"junit", ReportFormat::kJunit},
                                              {"sarif", ReportFormat::kSarif}},
          CLI::ignore_case))
      ->default_str("text");
  v->add_option("--kind", r.kind, "what the files are, instead of guessing")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, FileKind>{{"values", FileKind::kValues},
                                          {"launch-config", FileKind::kLaunchConfig},
                                          {"queue-config", FileKind::kQueueConfig},
                                          {"manifest", FileKind::kManifest}},
          CLI::ignore_case));
  v->add_option("--release", r.release, "release name for values files")->capture_default_str();
  v->add_flag("--summary", options->summary,
              "print counts of valid, invalid and skipped files (and of manifests' resources)");
  v->add_flag("--strict", r.strict,
              "treat warnings as errors; manifests: unknown fields are errors (closed schemas)");
  v->add_option("--kubernetes-version,--kube-version", r.kube_version,
                "the Kubernetes version whose schemas manifests (and renders) must pass")
      ->transform(KubeVersionFlag())
      ->default_str(NewestKubeVersion());
  v->add_flag("--ignore-missing-schemas", r.ignore_missing_schemas,
              "skip resources whose kind has no bundled schema instead of failing");
  v->add_option("--skip", r.skip, "kinds (or apiVersion/Kind) not to validate, comma-separated")
      ->delimiter(',')
      ->allow_extra_args(false);
  v->add_option("--reject", r.reject, "kinds (or apiVersion/Kind) that are errors, comma-separated")
      ->delimiter(',')
      ->allow_extra_args(false);
  v->add_option("-n,--threads", r.threads, "files validated at once (0: one per core)")
      ->envname("LR_THREADS")
      ->check(CLI::Range(0, 1024))
      ->default_str("0");
  v->footer(kValidateFooter);
}

void DefineJob(CLI::App* app, Options* options, bool flags) {
  CLI::App* j =
      app->add_subcommand("job", "Render the workload the agent would submit for a queue config");
  j->callback([options] { options->command = Options::Command::kJob; });
  if (!flags) return;
  JobRequest& r = options->job;
  j->add_option("QUEUE_CONFIG", r.queue_config,
                "the queue's resource config (YAML or JSON; - is stdin)")
      ->required();
  j->add_option("--set-var", r.set_vars, "a template variable, NAME=VALUE")
      ->allow_extra_args(false);
  j->add_option("--run-context", r.run_context, "YAML file: image_uri, run_id, ... (see below)");
  j->add_option("--override", r.overrides, "YAML file: the job's overrides");
  j->add_option("--values", r.values, "the agent's values file (secure_mode, API key Secret name)");
  j->add_option("--release", r.release, "the agent's release name")->capture_default_str();
  j->add_option("-o,--output", r.format, "output format")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, OutputFormat>{{"yaml", OutputFormat::kYaml},
                                              {"json", OutputFormat::kJson}},
          CLI::ignore_case))
      ->default_str("yaml");
  j->add_option("--output-dir", r.output_dir,
                "write one file per object and a kustomization.yaml into DIR");
  j->add_flag("--image-runs-as-root", r.image_runs_as_root,
              "the job's image needs uid 0: do not add runAsNonRoot (the pods then fail the "
              "restricted Pod Security Standard)");
  j->add_flag("--strict", r.strict, "treat warnings as errors");
  j->add_option("--kube-version", r.kube_version,
                "the Kubernetes version whose schemas the output must pass")
      ->transform(KubeVersionFlag())
      ->default_str(NewestKubeVersion());
  j->footer(kJobFooter);
}

void DefineInitQueue(CLI::App* app, Options* options, bool flags) {
  CLI::App* q = app->add_subcommand("init-queue", "Print a queue config starter");
  q->callback([options] { options->command = Options::Command::kInitQueue; });
  if (!flags) return;
  q->add_option("KIND", options->starter, "job, pytorchjob or volcano")
      ->required()
      ->check(CLI::IsMember({"job", "pytorchjob", "volcano"}));
  q->footer(R"(Examples:
  launch-render init-queue job > queue.yaml
  launch-render init-queue pytorchjob | launch-render job -)");
}

void DefineBuild(CLI::App* app, Options* options, bool flags) {
  CLI::App* b = app->add_subcommand("build", "Render the kaniko build Job the agent would create");
  b->callback([options] { options->command = Options::Command::kBuild; });
  if (!flags) return;
  BuildRequest& r = options->build;
  auto* values = b->add_option("--values", r.values,
                               "the agent's values file (launchConfig, kanikoPvcName, ...)");
  auto* config =
      b->add_option("--launch-config", r.launch_config, "a standalone launch-config.yaml");
  values->excludes(config);
  b->add_option("--release", r.release, "the agent's release name (its service account)")
      ->capture_default_str();
  b->add_option("--context", r.context, "the build context: the job's entry-point directory")
      ->required();
  b->add_option("--run-id", r.run_id, "the run id (names the Job and the context archive)")
      ->required();
  b->add_option("--image-source", r.image_source,
                "the image source string hashed into the tag (default: DIR's name + \":latest\")");
  b->add_option("--base-image", r.base_image, "accelerator base image of a generated Dockerfile");
  b->add_flag("--dockerfile", r.dockerfile_only,
              "print the Dockerfile that would be built instead");
  b->add_option("--output-dir", r.output_dir,
                "write one file per object and a kustomization.yaml into DIR");
  b->add_option("-o,--output", r.format, "output format")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, OutputFormat>{{"yaml", OutputFormat::kYaml},
                                              {"json", OutputFormat::kJson}},
          CLI::ignore_case))
      ->default_str("yaml");
  b->add_flag("--strict", r.strict, "treat warnings as errors");
  b->add_option("--kube-version", r.kube_version,
                "the Kubernetes version whose schemas the output must pass")
      ->transform(KubeVersionFlag())
      ->default_str(NewestKubeVersion());
  b->footer(R"(Examples:
  launch-render build --values values.yaml --context src/ --run-id x7k2p9qa
  launch-render build --launch-config launch-config.yaml --context src/ --run-id x7k2p9qa --dockerfile

Dockerfile.wandb in DIR is used when present; otherwise launch-render generates one (the
agent's own template is only known at run time, so the tag of a generated Dockerfile is
launch-render's). The tag is the first 8 hex digits of sha256(image source + Dockerfile).

Exit codes: 0 rendered, 1 invalid input, 2 usage error, 3 internal error)");
}

void DefineSchema(CLI::App* app, Options* options, bool flags) {
  CLI::App* s = app->add_subcommand("schema", "Print a bundled JSON Schema");
  s->callback([options] { options->command = Options::Command::kSchema; });
  if (!flags) return;
  s->add_option("NAME", options->schema_name, "schema name (see --list)");
  s->add_flag("--list", options->schema_list, "list the bundled schemas");
  s->footer(kSchemaFooter);
}

}  // namespace

std::vector<std::string> WithDefaultCommand(std::vector<std::string> args) {
  if (args.size() < 2) return args;
  const std::string& first = args[1];
  bool top_level_flag = first == "-h" || first == "--help" || first == "--version";
  if (!IsSubcommand(first) && !top_level_flag) args.insert(args.begin() + 1, "render");
  return args;
}

void DefineOptions(CLI::App* app, Options* options, const std::vector<std::string>& args) {
  app->name("launch-render");
  app->description("Render and validate W&B Launch agent bundles for Kubernetes, offline.");
  app->set_version_flag("--version", std::string("launch-render ") + LR_VERSION);
  app->require_subcommand(1);
  app->footer(kFooter);
  std::string only = args.size() < 2 ? "" : WithDefaultCommand(args)[1];
  if (!IsSubcommand(only)) only.clear();
  auto flags = [&](const char* name) { return only.empty() || only == name; };
  DefineRender(app, options, flags("render"));
  DefineValidate(app, options, flags("validate"));
  DefineSchema(app, options, flags("schema"));
  DefineJob(app, options, flags("job"));
  DefineInitQueue(app, options, flags("init-queue"));
  DefineBuild(app, options, flags("build"));
}

void ParseOptions(CLI::App* app, Options* options, const std::vector<std::string>& args) {
  std::vector<std::string> reversed = WithDefaultCommand(args);
  reversed.erase(reversed.begin());
  std::reverse(reversed.begin(), reversed.end());  // CLI11 takes them last-first
  app->parse(reversed);
  if (options->command == Options::Command::kValidate) {
    if (options->validate.paths.empty())
      throw CLI::RequiredError("FILES (a file, a directory or -)");
    return;
  }
  if (options->command == Options::Command::kJob) return;
  if (options->command == Options::Command::kInitQueue) return;
  if (options->command == Options::Command::kBuild) {
    if (options->build.values.empty() && options->build.launch_config.empty()) {
      throw CLI::RequiredError("--values or --launch-config");
    }
    return;
  }
  if (options->command == Options::Command::kSchema) {
    if (options->schema_name.empty() && !options->schema_list) throw CLI::RequiredError("NAME");
    return;
  }
  std::vector<std::string>& files = options->render.values_files;
  files.insert(files.end(), options->more_values.begin(), options->more_values.end());
  if (files.empty()) throw CLI::RequiredError("a values file (VALUES or -f FILE)");
}

}  // namespace lr
