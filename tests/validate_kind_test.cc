// Table test for file kind detection (render/validate_kind.h).
#include "render/validate_kind.h"

#include <gtest/gtest.h>

namespace lr {
namespace {

struct KindRow {
  const char* name;
  const char* json;
  size_t documents;
  FileKind kind;
};

class DetectKindTest : public testing::TestWithParam<KindRow> {};

TEST_P(DetectKindTest, Detects) {
  const KindRow& r = GetParam();
  EXPECT_EQ(FileKindName(DetectKind(r.name, Json::parse(r.json), r.documents)),
            std::string(FileKindName(r.kind)))
      << r.name << " " << r.json;
}

INSTANTIATE_TEST_SUITE_P(
    Rows, DetectKindTest,
    testing::Values(
        KindRow{"launch-config.yaml", R"({})", 1, FileKind::kLaunchConfig},
        KindRow{"prod/agent-launch-config.yml", R"({"agent": {}})", 1, FileKind::kLaunchConfig},
        KindRow{"x.yaml", R"({"queues": ["a"], "max_jobs": 2})", 1, FileKind::kLaunchConfig},
        KindRow{"x.yaml", R"({"agent": {"apiKey": "k"}})", 1, FileKind::kValues},
        KindRow{"x.yaml", R"({"launchConfig": "queues: [a]"})", 1, FileKind::kValues},
        KindRow{"values-prod.yaml", R"({})", 1, FileKind::kValues},
        KindRow{"values.yaml", R"(null)", 0, FileKind::kAuto},
        KindRow{"deploy.yaml", R"({"apiVersion": "v1", "kind": "Secret"})", 1, FileKind::kManifest},
        KindRow{"all.yaml", R"({"apiVersion": "v1", "kind": "Secret"})", 3, FileKind::kManifest},
        KindRow{"queue.yaml", R"({"spec": {"template": {}}})", 1, FileKind::kQueueConfig},
        KindRow{"pt.yaml", R"({"apiVersion": "kubeflow.org/v1", "kind": "PyTorchJob",
                               "metadata": {"name": "${run_id}-pt"}})",
                1, FileKind::kQueueConfig},
        KindRow{"vc.yaml", R"({"template_variables": {}, "apiVersion": "batch.volcano.sh/v1alpha1",
                               "kind": "Job"})",
                1, FileKind::kQueueConfig},
        KindRow{"sh.yaml", R"({"apiVersion": "batch/v1", "kind": "Job",
                               "spec": {"args": ["echo ${HOME}", "${image_uri_x}"]}})",
                1, FileKind::kManifest},
        KindRow{"q.json", R"({"metadata": {"name": "x"}})", 1, FileKind::kQueueConfig},
        KindRow{"x.yaml", R"({"queues": ["a"], "spec": {}})", 1, FileKind::kQueueConfig},
        KindRow{"x.yaml", R"({"something": 1})", 1, FileKind::kAuto},
        KindRow{"x.yaml", R"([1, 2])", 1, FileKind::kAuto}));

}  // namespace
}  // namespace lr
