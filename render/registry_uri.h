// RegistryUri: the agent's URI rules for image destinations and build context stores
// (wandb/sdk/launch/utils.py regexes, agent/config.py validate_registry_uri), as pure
// functions. ECMAScript \w is ASCII [A-Za-z0-9_], which is what registry names use.
#pragma once

#include <string>
#include <string_view>

namespace lr {

enum class RegistryKind { kNone, kGar, kAcr, kEcr };

struct RegistryVerdict {
  RegistryKind kind = RegistryKind::kNone;
  bool error = false;   // the agent refuses the URI
  std::string message;  // why (error), or the agent's warning for an unrecognized registry
};

// registry.uri and builder.destination: a tag is refused, GAR needs an image name, an
// unrecognized registry is accepted with a warning.
RegistryVerdict CheckRegistryUri(std::string_view uri);

// registry_from_uri, as the kaniko and docker builders turn builder.destination into a
// registry: https:// stripped, then ACR, GAR, ECR in that order; anything else is an
// "anonymous" registry whose repository is the URI itself.
struct Registry {
  RegistryKind kind = RegistryKind::kNone;
  std::string repo_uri;  // what images are tagged into (no https://)
  std::string region;    // ECR
  std::string host;      // ACR: <name>.azurecr.io
};
Registry RegistryFromUri(std::string_view uri);

enum class StoreKind { kNone, kS3, kGcs, kAzureBlob };

// builder.build-context-store: s3://, gs:// or https://ACCOUNT.blob.core.windows.net/CONTAINER.
StoreKind ClassifyStore(std::string_view uri);

// The store kind an environment type uploads to (kNone for unknown types).
StoreKind StoreForEnvironment(std::string_view environment_type);
const char* StoreKindName(StoreKind kind);

}  // namespace lr
