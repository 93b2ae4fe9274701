// Table tests for the agent's URI rules (render/registry_uri.h).
#include "render/registry_uri.h"

#include <gtest/gtest.h>

#include <random>
#include <regex>
#include <string>
#include <vector>

namespace lr {
namespace {

struct UriRow {
  const char* uri;
  RegistryKind kind;
  bool error;
};

class RegistryUriTest : public testing::TestWithParam<UriRow> {};

TEST_P(RegistryUriTest, Classifies) {
  RegistryVerdict v = CheckRegistryUri(GetParam().uri);
  EXPECT_EQ(v.kind, GetParam().kind) << GetParam().uri;
  EXPECT_EQ(v.error, GetParam().error) << GetParam().uri << ": " << v.message;
  EXPECT_EQ(v.message.empty(), !v.error && v.kind != RegistryKind::kNone) << GetParam().uri;
}

INSTANTIATE_TEST_SUITE_P(
    Rows, RegistryUriTest,
    testing::Values(
        // the agent's own pinned cases
        UriRow{"https://123.dkr.ecr.us-west-2.amazonaws.com/my-repo.withdash-dot/andslash",
               RegistryKind::kEcr, false},
        UriRow{"https://123.dkr.ecr.us-west-2.amazonaws.com/my-repo.withdash-dot/andslash:tag",
               RegistryKind::kEcr, true},
        UriRow{"https://us-central1-docker.pkg.dev/my-project/my-repo", RegistryKind::kGar, true},
        // GAR
        UriRow{"us-central1-docker.pkg.dev/p/r/img", RegistryKind::kGar, false},
        UriRow{"US-CENTRAL1-DOCKER.PKG.DEV/p/r/img", RegistryKind::kGar, false},
        UriRow{"us-central1-docker.pkg.dev/p/r/img:v1", RegistryKind::kGar, true},
        UriRow{"us-central1-docker.pkg.dev/p/r/img/sub", RegistryKind::kNone, false},
        UriRow{"us-central1-docker.pkg.dev/domain.com:p/r/img", RegistryKind::kNone, false},
        // ACR: the repository cannot hold '/', the rest becomes the tag
        UriRow{"https://reg.azurecr.io/launch", RegistryKind::kAcr, false},
        UriRow{"reg.azurecr.io/launch:latest", RegistryKind::kAcr, true},
        UriRow{"reg.azurecr.io/team/img", RegistryKind::kAcr, true},
        UriRow{"reg.azurecr.io/", RegistryKind::kNone, false},
        // ECR
        UriRow{"123.dkr.ecr.eu-west-1.amazonaws.com/images", RegistryKind::kEcr, false},
        UriRow{"123.dkr.ecr.eu-west-1.amazonaws.com/", RegistryKind::kNone, false},
        // only a lowercase https:// is stripped
        UriRow{"http://reg.azurecr.io/launch", RegistryKind::kNone, false},
        UriRow{"HTTPS://reg.azurecr.io/launch", RegistryKind::kNone, false},
        // anything else: accepted with a warning
        UriRow{"docker.io/me/launch", RegistryKind::kNone, false},
        UriRow{"ghcr.io/org/img", RegistryKind::kNone, false}));

struct StoreRow {
  const char* uri;
  StoreKind kind;
};

class ContextStoreTest : public testing::TestWithParam<StoreRow> {};

TEST_P(ContextStoreTest, Classifies) {
  EXPECT_EQ(ClassifyStore(GetParam().uri), GetParam().kind) << GetParam().uri;
}

INSTANTIATE_TEST_SUITE_P(
    Rows, ContextStoreTest,
    testing::Values(StoreRow{"s3://bucket", StoreKind::kS3},
                    StoreRow{"s3://bucket/some/path/", StoreKind::kS3},
                    StoreRow{"s3://", StoreKind::kNone}, StoreRow{"gs://b/ctx", StoreKind::kGcs},
                    StoreRow{"gs:/b", StoreKind::kNone},
                    StoreRow{"https://acct.blob.core.windows.net/ctr", StoreKind::kAzureBlob},
                    StoreRow{"https://acct.blob.core.windows.net/ctr/a/b", StoreKind::kAzureBlob},
                    StoreRow{"https://acct.blob.core.windows.net/", StoreKind::kNone},
                    StoreRow{"http://acct.blob.core.windows.net/ctr", StoreKind::kNone},
                    StoreRow{"my-bucket", StoreKind::kNone}, StoreRow{"", StoreKind::kNone}));

TEST(ContextStoreTest, EnvironmentsUploadToTheirOwnStore) {
  EXPECT_EQ(StoreForEnvironment("aws"), StoreKind::kS3);
  EXPECT_EQ(StoreForEnvironment("gcp"), StoreKind::kGcs);
  EXPECT_EQ(StoreForEnvironment("azure"), StoreKind::kAzureBlob);
  EXPECT_EQ(StoreForEnvironment("local"), StoreKind::kNone);
}

// The agent's regular expressions (wandb/sdk/launch/utils.py), as std::regex: the reference
// the hand-written matchers of registry_uri.cc must equal.
struct Reference {
  std::regex gar{R"(^(?:https://)?([\w-]+)-docker\.pkg\.dev/([\w-]+)/([\w-]+)/?([\w-]+)?(:.*)?$)",
                 std::regex::icase};
  std::regex acr{R"(^(?:https://)?(\w+)\.azurecr\.io/([\w\-]+):?(.*))"};
  std::regex ecr{
      R"(^(?:https://)?([\w-]+)\.dkr\.ecr\.([\w-]+)\.amazonaws\.com/([\./\w-]+):?(.*)$)"};
  std::regex s3{R"(s3://([^/]+)(/(.*))?)"}, gcs{R"(gs://([^/]+)(?:/(.*))?)"};
  std::regex blob{R"(^https://([^\.]+)\.blob\.core\.windows\.net/([^/]+)/?(.*)$)"};

  std::string Strip(const std::string& uri) const {
    return uri.rfind("https://", 0) == 0 ? uri.substr(8) : uri;
  }

  // CheckRegistryUri's kind, error and the tag its message quotes ("" for none).
  std::tuple<RegistryKind, bool, std::string> Check(const std::string& input) const {
    std::string uri = Strip(input);
    std::smatch m;
    auto prefix = std::regex_constants::match_continuous;
    if (std::regex_match(uri, m, gar)) {
      return {RegistryKind::kGar, m[5].matched || !m[4].matched, m[5].str()};
    }
    if (std::regex_search(uri, m, acr, prefix)) {
      return {RegistryKind::kAcr, m[3].length() > 0, m[3].str()};
    }
    if (std::regex_match(uri, m, ecr)) {
      return {RegistryKind::kEcr, m[4].length() > 0, m[4].str()};
    }
    return {RegistryKind::kNone, false, ""};
  }

  Registry From(const std::string& input) const {
    std::string uri = Strip(input);
    std::smatch m;
    if (std::regex_search(uri, m, acr, std::regex_constants::match_continuous)) {
      std::string host = m[1].str() + ".azurecr.io";
      return {RegistryKind::kAcr, host + "/" + m[2].str(), "", host};
    }
    if (std::regex_match(uri, m, gar)) {
      return {RegistryKind::kGar,
              m[1].str() + "-docker.pkg.dev/" + m[2].str() + "/" + m[3].str() + "/" + m[4].str(),
              "", ""};
    }
    if (std::regex_match(uri, m, ecr)) {
      return {RegistryKind::kEcr,
              m[1].str() + ".dkr.ecr." + m[2].str() + ".amazonaws.com/" + m[3].str(), m[2].str(),
              ""};
    }
    return {RegistryKind::kNone, uri, "", ""};
  }

  StoreKind Store(const std::string& uri) const {
    auto prefix = std::regex_constants::match_continuous;
    if (std::regex_search(uri, s3, prefix)) return StoreKind::kS3;
    if (std::regex_search(uri, gcs, prefix)) return StoreKind::kGcs;
    if (std::regex_match(uri, blob)) return StoreKind::kAzureBlob;
    return StoreKind::kNone;
  }
};

// Valid URIs of every kind, edited at random with the grammars' own pieces: each result must
// be the regexes' (kind, error, quoted tag, registry parts, store kind).
TEST(RegistryUriTest, HandWrittenMatchersEqualTheAgentsRegexes) {
  const Reference ref;
  const std::vector<std::string> seeds = {
      "https://us-central1-docker.pkg.dev/proj/repo/img",
      "us-central1-docker.pkg.dev/p/r/img:tag",
      "US-EAST1-DOCKER.PKG.DEV/p/r/",
      "https://reg.azurecr.io/launch:v1",
      "reg.azurecr.io/team/img",
      "https://123.dkr.ecr.us-west-2.amazonaws.com/my-repo.with-dot/and/slash:tag",
      "123.dkr.ecr.eu-west-1.amazonaws.com/images",
      "s3://bucket/path",
      "gs://b/ctx",
      "https://acct.blob.core.windows.net/ctr/a/b",
      "docker.io/me/launch"};
  const std::vector<std::string> pieces = {"https://",
                                           "HTTPS://",
                                           "http://",
                                           "-docker",
                                           "-DOCKER",
                                           ".pkg.dev/",
                                           ".azurecr.io/",
                                           ".dkr.ecr.",
                                           ".amazonaws.com/",
                                           "s3://",
                                           "gs://",
                                           ".blob.core.windows.net/",
                                           "a",
                                           "Z",
                                           "0",
                                           "_",
                                           "-",
                                           "/",
                                           ":",
                                           ".",
                                           "\n",
                                           "\r",
                                           " ",
                                           "\xc3\xa9"};
  std::mt19937 rng(7);
  int matched = 0;
  for (int round = 0; round < 30000; ++round) {
    std::string uri = seeds[rng() % seeds.size()];
    for (int edits = static_cast<int>(rng() % 4); edits > 0; --edits) {
      size_t at = uri.empty() ? 0 : rng() % (uri.size() + 1);
      const std::string& piece = pieces[rng() % pieces.size()];
      switch (rng() % 3) {
        case 0:
          uri.insert(at, piece);
          break;
        case 1:
          uri.erase(at, 1 + rng() % 3);
          break;
        default:
          uri.replace(at, piece.size(), piece);
      }
    }
    SCOPED_TRACE(uri);
    auto [kind, error, tag] = ref.Check(uri);
    RegistryVerdict v = CheckRegistryUri(uri);
    ASSERT_EQ(v.kind, kind);
    ASSERT_EQ(v.error, error);
    if (!tag.empty()) {
      ASSERT_NE(v.message.find("'" + tag + "'"), std::string::npos) << v.message;
    }
    Registry want = ref.From(uri), got = RegistryFromUri(uri);
    ASSERT_EQ(got.kind, want.kind);
    ASSERT_EQ(got.repo_uri, want.repo_uri);
    ASSERT_EQ(got.region, want.region);
    ASSERT_EQ(got.host, want.host);
    ASSERT_EQ(ClassifyStore(uri), ref.Store(uri));
    matched += kind != RegistryKind::kNone;
  }
  EXPECT_GT(matched, 5000) << "the edits must keep many URIs recognizable";
}

}  // namespace
}  // namespace lr
