// ValidateManifest: one file of Kubernetes manifests for `launch-render validate`: every object
// of every document, against the bundled schema of one Kubernetes version, then the API
// server's rules (manifest_check.h). Resources are counted the way kubeconform counts them:
//   valid     no violation
//   invalid   schema or API server rule violations   [kube-schema, kube-name, ...]
//   error     not a mapping, no kind/apiVersion      [kube-object]
//             no bundled schema                      [kube-no-schema]
//             a --reject kind                        [kube-rejected]
//   skipped   a --skip kind; no schema under --ignore-missing-schemas
// Documents that are empty (null) are ignored; a `kind: List` is replaced by its items, each
// checked on its own (its pointers inside the item, its positions in the file).
// Each diagnostic is located at the offending node: FILE:LINE:COL: KIND NAME: /pointer: ...
#pragma once

#include <string>
#include <vector>

#include "render/diagnostics.h"
#include "render/document.h"
#include "render/kube_schema.h"

namespace lr {

struct ManifestSettings {
  std::string kube_version;  // a bundled version ("v1.36"); "" is the newest
  SchemaVariant variant = SchemaVariant::kLoose;
  bool ignore_missing_schemas = false;
  std::vector<std::string> skip, reject;  // kinds, or apiVersion/Kind
};

struct ResourceCounts {
  int valid = 0, invalid = 0, errors = 0, skipped = 0;
  int total() const { return valid + invalid + errors + skipped; }
  ResourceCounts& operator+=(const ResourceCounts& o);
};

// Every document of one file (as LoadStream returns them).
ResourceCounts ValidateManifests(const std::vector<Document>& docs,
                                 const ManifestSettings& settings, Diagnostics* diags);

}  // namespace lr
