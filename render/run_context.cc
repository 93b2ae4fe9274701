#include "render/run_context.h"

#include <functional>

#include "render/scalar_text.h"

namespace lr {
namespace {

class Reader {
 public:
  Reader(const Document& doc, Diagnostics* diags) : doc_(doc), diags_(diags) {}

  void Error(const std::string& key, const std::string& message) {
    ok_ = false;
    diags_->Error(doc_.Locate("/" + key), key, message, "run-context");
  }
  void String(const std::string& key, const Json& v, std::string* out) {
    if (v.is_string()) {
      *out = v.get<std::string>();
    } else {
      Error(key, "must be a string, got " + DescribeValue(v));
    }
  }
  void Optional(const std::string& key, const Json& v, std::optional<std::string>* out) {
    if (v.is_null()) return out->reset();
    std::string s;
    String(key, v, &s);
    *out = s;
  }
  void Strings(const std::string& key, const Json& v, std::vector<std::string>* out) {
    out->clear();
    if (!v.is_array()) return Error(key, "must be a list of strings, got " + DescribeValue(v));
    for (const Json& item : v) {
      if (!item.is_string())
        return Error(key, "must be a list of strings, got " + DescribeValue(item));
      out->push_back(item.get<std::string>());
    }
  }
  void Map(const std::string& key, const Json& v, Json* out) {
    if (!v.is_object()) return Error(key, "must be a mapping, got " + DescribeValue(v));
    *out = v;
  }
  bool ok() const { return ok_; }

 private:
  const Document& doc_;
  Diagnostics* diags_;
  bool ok_ = true;
};

using Field = std::function<void(Reader&, const std::string&, const Json&, RunContext*)>;

const std::map<std::string, Field>& Fields() {
  static const std::map<std::string, Field> fields = {
      {"image_uri", [](Reader& r, const std::string& k, const Json& v,
                       RunContext* c) { r.String(k, v, &c->image_uri); }},
      {"run_id", [](Reader& r, const std::string& k, const Json& v,
                    RunContext* c) { r.String(k, v, &c->run_id); }},
      {"run_name", [](Reader& r, const std::string& k, const Json& v,
                      RunContext* c) { r.Optional(k, v, &c->run_name); }},
      {"author", [](Reader& r, const std::string& k, const Json& v,
                    RunContext* c) { r.Optional(k, v, &c->author); }},
      {"sweep_id", [](Reader& r, const std::string& k, const Json& v,
                      RunContext* c) { r.Optional(k, v, &c->sweep_id); }},
      {"job", [](Reader& r, const std::string& k, const Json& v,
                 RunContext* c) { r.Optional(k, v, &c->job); }},
      {"api_key", [](Reader& r, const std::string& k, const Json& v,
                     RunContext* c) { r.Optional(k, v, &c->api_key); }},
      {"project_name", [](Reader& r, const std::string& k, const Json& v,
                          RunContext* c) { r.String(k, v, &c->project_name); }},
      {"entity_name", [](Reader& r, const std::string& k, const Json& v,
                         RunContext* c) { r.String(k, v, &c->entity_name); }},
      {"entry_point", [](Reader& r, const std::string& k, const Json& v,
                         RunContext* c) { r.Strings(k, v, &c->entry_point); }},
      {"source",
       [](Reader& r, const std::string& k, const Json& v, RunContext* c) {
         r.String(k, v, &c->source);
         if (c->source != "image" && c->source != "code") {
           r.Error(k,
                   "must be \"image\" (an image job) or \"code\" (a built code or git job), got " +
                       DescribeValue(v));
         }
       }},
      {"namespace", [](Reader& r, const std::string& k, const Json& v,
                       RunContext* c) { r.String(k, v, &c->namespace_); }},
      {"agent_name", [](Reader& r, const std::string& k, const Json& v,
                        RunContext* c) { r.String(k, v, &c->agent_name); }},
      {"queue_name", [](Reader& r, const std::string& k, const Json& v,
                        RunContext* c) { r.String(k, v, &c->queue_name); }},
      {"queue_entity", [](Reader& r, const std::string& k, const Json& v,
                          RunContext* c) { r.Optional(k, v, &c->queue_entity); }},
      {"trace_id", [](Reader& r, const std::string& k, const Json& v,
                      RunContext* c) { r.String(k, v, &c->trace_id); }},
      {"base_url", [](Reader& r, const std::string& k, const Json& v,
                      RunContext* c) { r.String(k, v, &c->base_url); }},
      {"resume_count",
       [](Reader& r, const std::string& k, const Json& v, RunContext* c) {
         if (v.is_number_integer() && v.get<int64_t>() >= 0 && v.get<int64_t>() < 1000000) {
           c->resume_count = static_cast<int>(v.get<int64_t>());
         } else {
           r.Error(k, "must be a non-negative integer, got " + DescribeValue(v));
         }
       }},
      {"env",
       [](Reader& r, const std::string& k, const Json& v, RunContext* c) {
         if (!v.is_object())
           return r.Error(k, "must be a mapping of NAME: value, got " + DescribeValue(v));
         for (const auto& [name, value] : v.items()) {
           if (!value.is_primitive() || value.is_null()) {
             return r.Error(k + "." + name, "must be a string, got " + DescribeValue(value));
           }
           c->env[name] = ScalarText(value);
         }
       }},
      {"run_config", [](Reader& r, const std::string& k, const Json& v,
                        RunContext* c) { r.Map(k, v, &c->run_config); }},
      {"files", [](Reader& r, const std::string& k, const Json& v,
                   RunContext* c) { r.Map(k, v, &c->files); }},
      {"artifacts", [](Reader& r, const std::string& k, const Json& v,
                       RunContext* c) { r.Map(k, v, &c->artifacts); }},
  };
  return fields;
}

}  // namespace

bool ReadRunContext(const Document& doc, RunContext* out, Diagnostics* diags) {
  Reader r(doc, diags);
  for (const auto& [key, value] : doc.root.items()) {
    auto it = Fields().find(key);
    if (it == Fields().end()) {
      r.Error(key, "is not a run context key (see launch-render job --help)");
      continue;
    }
    it->second(r, key, value, out);
  }
  return r.ok();
}

bool ReadOverrides(const Document& doc, Overrides* out, Diagnostics* diags) {
  Reader r(doc, diags);
  out->where = doc.Locate("");
  for (const auto& [key, value] : doc.root.items()) {
    if (key == "args" || key == "entry_point") {
      std::vector<std::string> list;
      r.Strings(key, value, &list);
      (key == "args" ? out->args : out->entry_point) = list;
    } else if (key == "run_config") {
      Json m;
      r.Map(key, value, &m);
      out->run_config = m;
    } else if (key == "resource_args") {
      if (!value.is_object()) {
        r.Error(key, "must be a mapping such as {kubernetes: {...}}, got " + DescribeValue(value));
      } else {
        out->resource_args = value;
      }
    } else {
      r.Error(key,
              "is not a job override the Kubernetes runner uses (args, entry_point, "
              "run_config, resource_args)");
    }
  }
  return r.ok();
}

}  // namespace lr
