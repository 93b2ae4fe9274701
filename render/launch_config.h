// LaunchConfig: the launch agent config read as the agent reads it, with positions in the
// user's file. In: the config text and where it came from (a standalone launch-config.yaml,
// or the launchConfig string of a values file). Out: a Document whose positions and paths
// point into the user's file ("launchConfig.builder.type" at the values file's line), or
// located errors [launch-config-yaml].
// The agent reads the file with PyYAML (safe_load, YAML 1.1): 0123 is octal, yes/no/on/off
// are booleans, 1_000 and 1:20 are integers. Duplicate keys (which PyYAML silently merges)
// are errors, as in every layer.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "render/diagnostics.h"
#include "render/document.h"
#include "render/line_map.h"

namespace lr {

struct LaunchConfigSource {
  std::string text;         // the config file's text
  LineMap map;              // positions in `text` -> positions in the user's file
  std::string path_prefix;  // "launchConfig" when embedded in values, else ""
};

struct LaunchConfig {
  Document doc;  // positions already in the user's file
  // What the user wrote for each plain scalar that did not become a string ("0123" for the
  // integer 83), for messages that explain PyYAML's reading.
  std::map<std::string, std::string> written;
  // When the config's lines cannot be mapped into the values file (a quoted launchConfig,
  // a JSON values file): " (launchConfig line L, column C)" for each node, added to messages.
  std::map<std::string, std::string> unmapped;
};

// An empty text is an empty mapping (the agent treats an empty file as {}).
std::optional<LaunchConfig> LoadLaunchConfig(const LaunchConfigSource& source, Diagnostics* diags);

// "launchConfig" + "builder.type" -> "launchConfig.builder.type".
std::string PrefixPath(const std::string& prefix, const std::string& path);

}  // namespace lr
