#include "render/values_check.h"

#include "render/name_check.h"
#include "render/scalar_text.h"
#include "render/values.h"
#include "render/values_checker.h"
#include "render/yaml_resolve.h"

namespace lr {

const Json* ValuesChecker::Get(std::string_view pointer) const {
  return JsonAt(values_.root, pointer);
}

SourcePos ValuesChecker::Where(std::string_view pointer) const {
  std::string p(pointer);
  while (true) {
    const NodePos* n = values_.Find(p);
    if (n && n->user) return n->key;
    if (p.empty()) return settings_.fallback;
    p = PointerParent(p);
  }
}

std::string ValuesChecker::Path(std::string_view pointer) const {
  return PointerToPath(pointer, values_.root);
}

void ValuesChecker::Error(std::string_view pointer, std::string message, std::string rule) {
  diags_->Error(Where(pointer), Path(pointer), std::move(message), std::move(rule));
}

void ValuesChecker::Warn(std::string_view pointer, std::string message, std::string rule) {
  diags_->Warning(Where(pointer), Path(pointer), std::move(message), std::move(rule));
}

void ValuesChecker::ErrorAt(SourcePos pos, std::string path, std::string message,
                            std::string rule) {
  diags_->Error(std::move(pos), std::move(path), std::move(message), std::move(rule));
}

bool ValuesChecker::WasNulled(std::string_view pointer) const {
  return lr::WasNulled(values_, pointer);
}

std::string ValuesChecker::Written(std::string_view pointer) const {
  const NodePos* n = values_.Find(pointer);
  const Json* v = Get(pointer);
  if (!n || !n->user || !v || !v->is_primitive() || v->is_string() || !settings_.texts) return "";
  auto it = settings_.texts->find(n->value.file);
  if (it == settings_.texts->end()) return "";
  std::string token = PlainTokenAt(it->second, n->value);
  return !token.empty() && ResolveGoYamlV2(token) == *v ? token : "";
}

bool ValuesChecker::UserSet(std::string_view pointer) const {
  const NodePos* n = values_.Find(pointer);
  return n && n->user;
}

namespace {

std::string Got(const Json* v, bool nulled) {
  return v ? DescribeValue(*v) : nulled ? "null" : "nothing";
}

}  // namespace

bool ValuesChecker::Map(std::string_view pointer, bool nullable) {
  const Json* v = Get(pointer);
  if ((v && v->is_object()) || (nullable && (!v || v->is_null()))) return true;
  Error(pointer, "must be a mapping, got " + Got(v, WasNulled(pointer)), "values-shape");
  return false;
}

bool ValuesChecker::List(std::string_view pointer, bool nullable) {
  const Json* v = Get(pointer);
  if ((v && v->is_array()) || (nullable && (!v || v->is_null()))) return true;
  Error(pointer, "must be a list, got " + Got(v, WasNulled(pointer)), "values-shape");
  return false;
}

bool ValuesChecker::Scalar(std::string_view pointer, bool nullable) {
  const Json* v = Get(pointer);
  if (v && v->is_primitive() && !v->is_null()) return true;
  if (nullable && (!v || v->is_null())) return true;
  Error(pointer, "must be a string, got " + Got(v, WasNulled(pointer)), "values-shape");
  return false;
}

bool ValuesChecker::NonEmptyString(std::string_view pointer) {
  if (!Scalar(pointer, false)) return false;
  if (!ScalarText(*Get(pointer)).empty()) return true;
  Error(pointer, "must not be empty", "values-shape");
  return false;
}

bool ValuesChecker::Bool(std::string_view pointer) {
  const Json* v = Get(pointer);
  if (!v || v->is_boolean() || v->is_null()) return true;
  Error(pointer, "must be true or false, got " + DescribeValue(*v), "values-shape");
  return false;
}

void ValuesChecker::Syntax(std::string_view pointer, const std::string& text,
                           std::string (*check)(std::string_view), std::string_view what) {
  std::string why = check(text);
  if (!why.empty()) {
    Error(pointer, std::string(what) + " " + Quote(text) + " " + why, "names");
  }
}

void ValuesChecker::StringMap(std::string_view pointer, bool labels, bool null_warns) {
  if (!Map(pointer, true)) return;
  const Json* map = Get(pointer);
  if (!map || map->is_null()) return;
  for (const auto& [key, value] : map->items()) {
    std::string child = PointerJoin(pointer, key);
    Syntax(child, key, QualifiedNameError, labels ? "label key" : "annotation key");
    if (value.is_string()) {
      if (labels) Syntax(child, value.get<std::string>(), LabelValueError, "label value");
    } else if (value.is_null() && null_warns) {
      Warn(child, "is null; annotation values must be strings, so it is emitted as \"\"",
           "values-null");
    } else {
      Error(child,
            "must be a string, got " + DescribeValue(value) +
                (value.is_primitive() && !value.is_null()
                     ? " (quote it: " + Quote(ScalarText(value)) + ")"
                     : ""),
            "values-shape");
    }
  }
}

namespace {

// Shapes the chart's templates rely on; a wrong one makes upstream helm fail or misrender.
void CheckShapes(ValuesChecker& c) {
  if (c.Map("/agent", false)) {
    c.Map("/agent/resources", true);
    c.StringMap("/agent/nodeSelector", true, false);
    c.List("/agent/tolerations", true);
    c.Map("/agent/affinity", true);
    c.NonEmptyString("/agent/image");
    c.NonEmptyString("/agent/imagePullPolicy");
    c.NonEmptyString("/agent/startTimeout");
    c.NonEmptyString("/agent/minAvailable");
    c.Bool("/agent/useExternalWandbSecret");
    c.Scalar("/agent/apiKey", true);
  }
  c.NonEmptyString("/namespace");
  c.NonEmptyString("/baseUrl");
  c.Scalar("/gitCreds", true);
  c.Scalar("/azureStorageAccessKey", true);
  c.Scalar("/kanikoPvcName", true);
  c.Scalar("/kanikoDockerConfigSecret", true);
  if (c.Map("/serviceAccount", false)) c.Map("/serviceAccount/annotations", true);
}

}  // namespace

void CheckValues(const Document& values, const CheckSettings& settings, Diagnostics* diags) {
  ValuesChecker c(values, settings, diags);
  CheckShapes(c);
  CheckRequired(c);
  CheckLabelsAndAnnotations(c);
  CheckNames(c);
  CheckEnvVars(c);
  CheckSshAuthSecrets(c);
  CheckCaBundle(c);
  CheckPrecision(c);
  CheckSettingSyntax(c);
  CheckUnknownKeys(c);
  CheckRisks(c);
}

}  // namespace lr
