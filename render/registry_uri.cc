#include "render/registry_uri.h"

#include <regex>

namespace lr {
namespace {

const std::regex& Gar() {
  static const std::regex r(
      R"(^(?:https://)?([\w-]+)-docker\.pkg\.dev/([\w-]+)/([\w-]+)/?([\w-]+)?(:.*)?$)",
      std::regex::icase);
  return r;
}

const std::regex& Acr() {  // anchored at the start only: the tag takes the rest
  static const std::regex r(R"(^(?:https://)?(\w+)\.azurecr\.io/([\w\-]+):?(.*))");
  return r;
}

const std::regex& Ecr() {
  static const std::regex r(
      R"(^(?:https://)?([\w-]+)\.dkr\.ecr\.([\w-]+)\.amazonaws\.com/([\./\w-]+):?(.*)$)");
  return r;
}

std::string TagMessage(const std::string& tag) {
  return "may not include a tag, but it ends in '" + tag +
         "': remove it; the agent tags every image with a hash of its source";
}

}  // namespace

RegistryVerdict CheckRegistryUri(std::string_view input) {
  std::string uri(input);
  if (uri.rfind("https://", 0) == 0) uri = uri.substr(8);
  std::smatch m;
  if (std::regex_match(uri, m, Gar())) {
    if (m[5].matched) return {RegistryKind::kGar, true, TagMessage(m[5].str())};
    if (!m[4].matched) {
      return {RegistryKind::kGar, true,
              "names a GCP Artifact Registry repository but no image: write "
              "https://REGION-docker.pkg.dev/PROJECT/REPOSITORY/IMAGE"};
    }
    return {RegistryKind::kGar, false, ""};
  }
  if (std::regex_search(uri, m, Acr(), std::regex_constants::match_continuous)) {
    if (m[3].length() > 0) return {RegistryKind::kAcr, true, TagMessage(m[3].str())};
    return {RegistryKind::kAcr, false, ""};
  }
  if (std::regex_match(uri, m, Ecr())) {
    if (m[4].length() > 0) return {RegistryKind::kEcr, true, TagMessage(m[4].str())};
    return {RegistryKind::kEcr, false, ""};
  }
  return {RegistryKind::kNone, false,
          "is not an ECR, ACR or Artifact Registry URI the agent recognizes; it will push "
          "there, but you must make sure it can"};
}

Registry RegistryFromUri(std::string_view input) {
  std::string uri(input);
  if (uri.rfind("https://", 0) == 0) uri = uri.substr(8);
  std::smatch m;
  if (std::regex_search(uri, m, Acr(), std::regex_constants::match_continuous)) {
    std::string host = m[1].str() + ".azurecr.io";
    return {RegistryKind::kAcr, host + "/" + m[2].str(), "", host};
  }
  if (std::regex_match(uri, m, Gar())) {
    return {RegistryKind::kGar,
            m[1].str() + "-docker.pkg.dev/" + m[2].str() + "/" + m[3].str() + "/" + m[4].str(), "",
            ""};
  }
  if (std::regex_match(uri, m, Ecr())) {
    return {RegistryKind::kEcr,
            m[1].str() + ".dkr.ecr." + m[2].str() + ".amazonaws.com/" + m[3].str(), m[2].str(), ""};
  }
  return {RegistryKind::kNone, uri, "", ""};
}

StoreKind ClassifyStore(std::string_view input) {
  static const std::regex s3(R"(s3://([^/]+)(/(.*))?)");
  static const std::regex gcs(R"(gs://([^/]+)(?:/(.*))?)");
  static const std::regex blob(R"(^https://([^\.]+)\.blob\.core\.windows\.net/([^/]+)/?(.*)$)");
  std::string uri(input);
  auto prefix = std::regex_constants::match_continuous;
  if (std::regex_search(uri, s3, prefix)) return StoreKind::kS3;
  if (std::regex_search(uri, gcs, prefix)) return StoreKind::kGcs;
  if (std::regex_match(uri, blob)) return StoreKind::kAzureBlob;
  return StoreKind::kNone;
}

StoreKind StoreForEnvironment(std::string_view type) {
  if (type == "aws") return StoreKind::kS3;
  if (type == "gcp") return StoreKind::kGcs;
  if (type == "azure") return StoreKind::kAzureBlob;
  return StoreKind::kNone;
}

const char* StoreKindName(StoreKind kind) {
  switch (kind) {
    case StoreKind::kS3:
      return "an s3:// URI";
    case StoreKind::kGcs:
      return "a gs:// URI";
    case StoreKind::kAzureBlob:
      return "an https://ACCOUNT.blob.core.windows.net/CONTAINER URI";
    case StoreKind::kNone:
      break;
  }
  return "a storage URI";
}

}  // namespace lr
