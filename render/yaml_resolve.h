// Plain-scalar resolution: what type an unquoted YAML scalar becomes.
// Two readers matter and they disagree:
//  - kGoYamlV2: helm reading values files (gopkg.in/yaml.v2 via sigs.k8s.io/yaml):
//    y/n/yes/on/off are booleans, 0123 is octal, 0x1F hex, 0b101 binary, 1e3 a float,
//    underscores are dropped from numbers, timestamps stay strings.
//  - kPyYaml: the agent reading launch-config.yaml (PyYAML safe_load, YAML 1.1):
//    yes/no/on/off (not y/n), 0123 octal, 1_000, sexagesimal 1:20, floats need a dot.
#pragma once

#include <string_view>

#include "render/document.h"

namespace lr {

enum class YamlDialect { kGoYamlV2, kPyYaml };

// Resolves an unquoted, untagged scalar. Never fails: unknown shapes are strings.
Json ResolvePlainScalar(std::string_view text, YamlDialect dialect);

// The two readers, directly.
Json ResolveGoYamlV2(std::string_view text);
Json ResolvePyYaml(std::string_view text);
// YYYY-M... : PyYAML reads these as dates (never as strings).
bool PyTimestampLike(std::string_view text);

// True when `text` written as a plain scalar would read back as this same string under
// every reader we care about (go-yaml v2, PyYAML, YAML 1.2 core). Used by the emitter.
bool PlainScalarStaysString(std::string_view text);

// The first characters of every plain scalar that go-yaml v2 or PyYAML resolves to anything
// but a string (booleans, nulls, numbers, timestamps, the merge and value keys).
inline constexpr const char* kMayResolveFirst = "yYnNtTfFoO~0123456789.+-<=";
bool FirstCharMayResolve(char c);

}  // namespace lr
