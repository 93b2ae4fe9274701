// Micro-benchmarks (Google Benchmark) of the stages: loading a values file, a whole render
// (check, build, validate, emit), emitting alone, and validating a manifest (the first
// iteration compiles its schema; the rest are what `validate` pays per manifest).
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "render/emit.h"
#include "render/load.h"
#include "render/pipeline.h"
#include "render/validate_manifest.h"

namespace {

std::string Read(const std::string& path) {
  std::ifstream in(std::string(LR_SOURCE_DIR) + "/" + path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::string& Values() {
  static const std::string text = Read("tests/golden/everything-enabled/values.yaml");
  return text;
}

void BM_LoadValues(benchmark::State& state) {
  for (auto _ : state) {
    lr::Diagnostics d;
    benchmark::DoNotOptimize(lr::LoadValuesFile("values.yaml", Values(), {}, &d));
  }
}
BENCHMARK(BM_LoadValues);

// A whole render of Values() in `format`.
lr::RenderResult Render(lr::OutputFormat format) {
  lr::InMemoryFileSource files;
  files.Add("values.yaml", Values());
  lr::RenderRequest request;
  request.values_files = {"values.yaml"};
  request.format = format;
  return lr::RenderBundle(request, files);
}

void BM_RenderBundle(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Render(lr::OutputFormat::kYaml));
}
BENCHMARK(BM_RenderBundle);

void BM_RenderBundleJson(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Render(lr::OutputFormat::kJson));
}
BENCHMARK(BM_RenderBundleJson);

void BM_EmitYaml(benchmark::State& state) {
  lr::RenderResult result = Render(lr::OutputFormat::kYaml);
  for (auto _ : state) {
    benchmark::DoNotOptimize(lr::EmitObjects(result.objects, lr::OutputFormat::kYaml));
  }
}
BENCHMARK(BM_EmitYaml);

void BM_ValidateManifest(benchmark::State& state) {
  lr::Diagnostics d;
  auto docs = lr::LoadStream("deployment.yaml", Read("tests/manifests/deployment.yaml"),
                             {}, &d);
  lr::ManifestSettings settings;
  settings.variant = lr::SchemaVariant::kStrict;
  for (auto _ : state) {
    lr::Diagnostics diags;
    benchmark::DoNotOptimize(lr::ValidateManifests(*docs, settings, &diags));
  }
}
BENCHMARK(BM_ValidateManifest);

}  // namespace

BENCHMARK_MAIN();
