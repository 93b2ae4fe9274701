// Tests for the checksum annotations (render/checksum.h).
#include "render/checksum.h"

#include <string>

#include <gtest/gtest.h>

#include "render/build_bundle.h"
#include "render/embedded.h"
#include "render/go_format.h"
#include "render/load.h"
#include "render/sha256.h"
#include "render/values.h"

#include "tests/test_util.h"

namespace lr {
namespace {

Json Values(const std::string& yaml) { return ValuesOverDefaults(yaml); }

Objects Rendered(const std::string& yaml) {
  Objects objects = BuildBundle(Values(yaml), BundleSettings{"rel"});
  ApplyChecksums(&objects);
  return objects;
}

const KubeObject& Deployment(const Objects& objects) {
  for (const KubeObject& o : objects) {
    if (o.Kind() == "Deployment") return o;
  }
  ADD_FAILURE() << "no Deployment";
  static const KubeObject kNone;
  return kNone;
}

struct Sums {
  std::string config, secret;
};

Sums Of(const std::string& yaml) {
  Objects objects = Rendered(yaml);
  const Json& meta = Deployment(objects).body["metadata"];
  return {meta["annotations"]["checksum/config"].get<std::string>(),
          meta["annotations"]["checksum/secret"].get<std::string>()};
}

const std::string kBase = "agent:\n  apiKey: k\n";

TEST(KindChecksum, IsSha256OfGoJsonOfBodies) {
  Objects objects = BuildBundle(Values(kBase + "gitCreds: creds\n"), BundleSettings{"rel"});
  Json configs = Json::array(), secrets = Json::array();
  for (const KubeObject& o : objects) {
    if (o.Kind() == "ConfigMap") configs.push_back(o.body);
    if (o.Kind() == "Secret") secrets.push_back(o.body);
  }
  ASSERT_EQ(configs.size(), 1u);
  ASSERT_EQ(secrets.size(), 3u);  // two api-key copies and git-creds
  EXPECT_EQ(KindChecksum(objects, "ConfigMap"), Sha256Hex(GoJson(configs)));
  EXPECT_EQ(KindChecksum(objects, "Secret"), Sha256Hex(GoJson(secrets)));
  EXPECT_EQ(KindChecksum(objects, "ConfigMap").size(), 64u);
  EXPECT_EQ(KindChecksum(objects, "ConfigMap").find_first_not_of("0123456789abcdef"),
            std::string::npos);
}

TEST(KindChecksum, NoObjectsIsChecksumOfEmptyList) {
  Objects objects;
  EXPECT_EQ(KindChecksum(objects, "Secret"), Sha256Hex("[]"));
  EXPECT_EQ(Sha256Hex("[]"), "4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945");
  Objects external =
      BuildBundle(Values("agent:\n  useExternalWandbSecret: true\n"), BundleSettings{"rel"});
  EXPECT_EQ(KindChecksum(external, "Secret"), Sha256Hex("[]"));
}

TEST(ApplyChecksums, PlacedOnDeploymentPodTemplateAndEnv) {
  Objects before = BuildBundle(Values(kBase), BundleSettings{"rel"});
  std::string config = KindChecksum(before, "ConfigMap");
  std::string secret = KindChecksum(before, "Secret");
  Objects objects = before;
  ApplyChecksums(&objects);
  const KubeObject& d = Deployment(objects);
  EXPECT_EQ(d.body["metadata"]["annotations"],
            Json::parse(R"({"checksum/config":")" + config + R"(","checksum/secret":")" + secret +
                        R"("})"));
  const Json& pod_annotations = d.body["spec"]["template"]["metadata"]["annotations"];
  EXPECT_EQ(pod_annotations["checksum/config"], config);
  EXPECT_EQ(pod_annotations["checksum/secret"], secret);
  int found = 0;
  for (const Json& e : d.body["spec"]["template"]["spec"]["containers"][0]["env"]) {
    if (e["name"] == "CM_CHECKSUM") {
      ++found;
      EXPECT_EQ(e["value"], config);
    }
  }
  EXPECT_EQ(found, 1);
  // Only the Deployment changes; the checksummed objects themselves do not.
  ASSERT_EQ(objects.size(), before.size());
  for (size_t i = 0; i < objects.size(); ++i) {
    if (objects[i].Kind() != "Deployment") {
      EXPECT_EQ(objects[i].body, before[i].body) << i;
    }
  }
  EXPECT_EQ(KindChecksum(objects, "ConfigMap"), config);
}

TEST(ApplyChecksums, PodAnnotationsKeptBesideChecksums) {
  Objects objects = Rendered(kBase + "  podAnnotations:\n    team: ml\n");
  const Json& a = Deployment(objects).body["spec"]["template"]["metadata"]["annotations"];
  EXPECT_EQ(a.size(), 3u);
  EXPECT_EQ(a["team"], "ml");
  EXPECT_TRUE(a.contains("checksum/config"));
  EXPECT_TRUE(a.contains("checksum/secret"));
}

TEST(ApplyChecksums, ConfigChangesOnlyWithConfigMaps) {
  Sums base = Of(kBase);
  Sums launch = Of(kBase + "launchConfig: \"max_jobs: 3\"\n");
  EXPECT_NE(launch.config, base.config);
  EXPECT_EQ(launch.secret, base.secret);
  Sums url = Of(kBase + "baseUrl: https://wandb.example.com\n");
  EXPECT_NE(url.config, base.config);
  EXPECT_EQ(url.secret, base.secret);
  Sums ssh = Of(kBase + "sshAuthSecrets:\n  - name: s\n    host: a.com\n");
  EXPECT_NE(ssh.config, base.config);
  EXPECT_EQ(ssh.secret, base.secret);
}

TEST(ApplyChecksums, SecretChangesOnlyWithSecrets) {
  Sums base = Of(kBase);
  Sums key = Of("agent:\n  apiKey: other\n");
  EXPECT_EQ(key.config, base.config);
  EXPECT_NE(key.secret, base.secret);
  Sums git = Of(kBase + "gitCreds: x\n");
  EXPECT_EQ(git.config, base.config);
  EXPECT_NE(git.secret, base.secret);
  Sums env = Of(kBase + "additionalSecretEnvVars:\n  - name: A\n    value: b\n");
  EXPECT_EQ(env.config, base.config);
  EXPECT_NE(env.secret, base.secret);
  Sums targets = Of(kBase + "additionalTargetNamespaces: [other]\n");  // a copy moves
  EXPECT_EQ(targets.config, base.config);
  EXPECT_NE(targets.secret, base.secret);
}

TEST(ApplyChecksums, UnchangedByOtherValues) {
  Sums base = Of(kBase);
  for (const std::string& extra :
       {std::string("  image: wandb/launch-agent:9.9.9\n"), std::string("  minAvailable: 0\n"),
        std::string("  labels:\n    team: ml\n"), std::string("  startTimeout: 60\n"),
        std::string("additionalEnvVars:\n  - name: A\n    value: b\n")}) {
    Sums s = Of(kBase + extra);
    EXPECT_EQ(s.config, base.config) << extra;
    EXPECT_EQ(s.secret, base.secret) << extra;
  }
  EXPECT_EQ(Of(kBase).config, base.config);  // deterministic
}

}  // namespace
}  // namespace lr
