// Micro-benchmarks (Google Benchmark) of the stages a render spends its time in: loading a
// values file, checking it, building and emitting the bundle, and the launch-config check.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "render/emit.h"
#include "render/load.h"
#include "render/pipeline.h"

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

void BM_RenderBundle(benchmark::State& state) {
  lr::InMemoryFileSource files;
  files.Add("values.yaml", Values());
  lr::RenderRequest request;
  request.values_files = {"values.yaml"};
  for (auto _ : state) benchmark::DoNotOptimize(lr::RenderBundle(request, files));
}
BENCHMARK(BM_RenderBundle);

void BM_RenderBundleJson(benchmark::State& state) {
  lr::InMemoryFileSource files;
  files.Add("values.yaml", Values());
  lr::RenderRequest request;
  request.values_files = {"values.yaml"};
  request.format = lr::OutputFormat::kJson;
  for (auto _ : state) benchmark::DoNotOptimize(lr::RenderBundle(request, files));
}
BENCHMARK(BM_RenderBundleJson);

}  // namespace

BENCHMARK_MAIN();
