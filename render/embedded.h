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

// The tables written by cmake/embed.cmake: the files as they are, and their build-time images
// (render/document_image.h for the YAML files EmbeddedDocument serves, render/frozen_json.h
// for the JSON schemas).
const std::vector<EmbeddedFile>& EmbeddedFiles();
const std::vector<EmbeddedFile>& EmbeddedImages();

std::string_view EmbeddedText(std::string_view path);
// The build-time image of an embedded file (a document image for YAML, a frozen image for
// JSON: frozen_json.h); aborts when the build made none.
std::string_view EmbeddedImage(std::string_view path);

// The file as loaded with go-yaml v2 rules: read from its build-time image (the YAML parser
// never runs on it here), cached after the first call (thread-safe).
const Document& EmbeddedDocument(std::string_view path);

// Shorthands for the files the bundle is built from.
inline constexpr std::string_view kChartValues = "charts/launch-agent/values.yaml";
// templates/bundle/<name>.yaml, parsed; its root.
const Json& Skeleton(std::string_view name);

}  // namespace lr
