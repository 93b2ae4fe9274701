// Table tests for the agent's URI rules (render/registry_uri.h).
#include "render/registry_uri.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace lr
