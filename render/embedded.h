// Embedded: data files compiled into the binary (templates/ skeletons, chart defaults).
// In: a repository-relative path. Out: the file's bytes, or its parsed tree.
// Never reads the disk; a missing name is a programming error (aborts with a message).
#pragma once

#include <string_view>
#include <vector>

#include "render/document.h"

namespace lr {

struct EmbeddedFile {
  std::string_view path;
  std::string_view contents;
};

// The table written by cmake/embed.cmake.
const std::vector<EmbeddedFile>& EmbeddedFiles();

std::string_view EmbeddedText(std::string_view path);

// The file parsed as YAML (go-yaml v2 rules), cached after the first call (thread-safe).
const Document& EmbeddedDocument(std::string_view path);

// Shorthands for the files the bundle is built from.
inline constexpr std::string_view kChartValues = "charts/launch-agent/values.yaml";
// templates/bundle/<name>.yaml, parsed; its root.
const Json& Skeleton(std::string_view name);

}  // namespace lr
