// Warnings for values that render and deploy but are risky (chart-defects #3, #15, #19).
#include "render/bundle_names.h"
#include "render/scalar_text.h"
#include "render/values_checker.h"

namespace lr {
namespace {

// The agent runs one replica, so a PDB keeping 1 (or 100%) available can never be satisfied
// by an eviction. Only when the user chose it: the chart's own default is 1 as well.
void CheckPdbBlocksEviction(ValuesChecker& c) {
  const Json* v = c.Get("/agent/minAvailable");
  if (!v || !c.UserSet("/agent/minAvailable")) return;
  bool blocks = (v->is_number() && v->get<double>() >= 1) ||
                (v->is_string() && v->get<std::string>() == "100%");
  if (!blocks) return;
  c.Warn("/agent/minAvailable",
         "is " + ScalarText(*v) +
             " with 1 replica: the "
             "PodDisruptionBudget never allows an eviction, so `kubectl drain` blocks on the agent "
             "node; 0 allows it",
         "pdb-blocks-eviction");
}

void CheckSshHostKeys(ValuesChecker& c) {
  const Json* v = c.Get("/sshAuthSecrets");
  if (!v || !v->is_array() || v->empty()) return;
  c.Warn("/sshAuthSecrets",
         "the generated ssh config sets StrictHostKeyChecking no for every "
         "host, so git over ssh does not verify host keys",
         "ssh-host-keys");
}

void CheckAzureSecretNamespace(ValuesChecker& c) {
  const Json* key = c.Get("/azureStorageAccessKey");
  const Json* ns = c.Get("/namespace");
  if (!key || !key->is_primitive() || ScalarText(*key).empty()) return;
  if (!ns || !ns->is_primitive() || ScalarText(*ns) == kAzureStorageNamespace) return;
  c.Warn("/azureStorageAccessKey",
         std::string("is stored in the Secret ") + kAzureStorageSecret + " in namespace " +
             kAzureStorageNamespace + " (where the agent reads it), not in " +
             Quote(ScalarText(*ns)) + "; Kaniko build jobs in other namespaces need their own copy",
         "azure-secret-namespace");
}

}  // namespace

void CheckRisks(ValuesChecker& c) {
  CheckPdbBlocksEviction(c);
  CheckSshHostKeys(c);
  CheckAzureSecretNamespace(c);
}

}  // namespace lr
