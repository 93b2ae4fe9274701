// JSON emitter: kubectl's -o json layout (4-space indentation, UTF-8 kept as is).
#include <string>
#include <utility>

#include "render/emit.h"

namespace lr {
namespace {

// The list `kubectl get -o json` prints for several objects, in its key order.
Json KubectlList(Json items) {
  Json list = Json::object();
  list["apiVersion"] = "v1";
  list["items"] = std::move(items);
  list["kind"] = "List";
  list["metadata"] = Json{{"resourceVersion", ""}};
  return list;
}

class JsonEmitter : public Emitter {
 public:
  void Add(const KubeObject& object) override { items_.push_back(object.body); }

  std::string Finish() override {
    if (items_.size() == 1) return EmitJsonValue(items_[0]);
    return EmitJsonValue(KubectlList(std::move(items_)));
  }

 private:
  Json items_ = Json::array();
};

}  // namespace

std::string EmitJsonValue(const Json& value) {
  std::string out = value.dump(4, ' ', false, Json::error_handler_t::replace);
  out += '\n';
  return out;
}

std::unique_ptr<Emitter> MakeJsonEmitter() { return std::make_unique<JsonEmitter>(); }

}  // namespace lr
