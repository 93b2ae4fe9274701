// libFuzzer target: any bytes as a queue config through `launch-render job` (template
// variables, --set-var, macros, refusals, both paths, restricted injection, the Pod Security
// check). Invariants: never crashes; output exactly when there is no error; every emitted
// pod passes the restricted checker.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "render/pss_check.h"
#include "render/workload.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  lr::InMemoryFileSource files;
  files.Add("queue.yaml", text);
  files.Add("run.yaml", "env: {CLUSTER: c1}\nrun_name: r\n");
  lr::JobRequest request;
  request.queue_config = "queue.yaml";
  request.run_context = "run.yaml";
  request.set_vars = {"gpus=2", "memory=16Gi"};
  lr::JobResult r = lr::RenderJob(request, files);
  if (r.ok() == r.output.empty()) std::abort();
  for (const lr::KubeObject& o : r.objects) {
    if (!lr::CheckRestricted(o.body).empty()) std::abort();
  }
  return 0;
}
