#include "render/registry_uri.h"

#include <cctype>
#include <optional>

namespace lr {
namespace {

// The agent's regular expressions, matched by hand (std::regex compiles each at run time, more
// than a render's other work); tests/registry_uri_test.cc checks each against its regex. As in
// ECMAScript, \w is [A-Za-z0-9_] and '.' any character but a line terminator.
bool IsWord(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool IsWordOrDash(char c) { return IsWord(c) || c == '-'; }
bool IsPathChar(char c) { return IsWordOrDash(c) || c == '.' || c == '/'; }
bool IsLineEnd(char c) { return c == '\n' || c == '\r'; }

// The longest run of `in` characters at the start of `s`, removed from `s`.
std::string_view TakeRun(std::string_view* s, bool (*in)(char)) {
  size_t n = 0;
  while (n < s->size() && in((*s)[n])) ++n;
  std::string_view run = s->substr(0, n);
  s->remove_prefix(n);
  return run;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// Removes `literal` from the start of `s` when it is there (ignoring case if asked).
bool Take(std::string_view* s, std::string_view literal, bool icase = false) {
  std::string_view head = s->substr(0, literal.size());
  if (icase ? !EqualsIgnoringCase(head, literal) : head != literal) return false;
  s->remove_prefix(literal.size());
  return true;
}

bool HasLineEnd(std::string_view s) {
  for (char c : s) {
    if (IsLineEnd(c)) return true;
  }
  return false;
}

// ^(?:https://)?([\w-]+)-docker\.pkg\.dev/([\w-]+)/([\w-]+)/?([\w-]+)?(:.*)?$ ignoring case.
// image and tag are empty when their groups do not take part.
struct GarParts {
  std::string_view location, project, repository, image, tag;
};
std::optional<GarParts> MatchGar(std::string_view s) {
  constexpr std::string_view kHost = "-docker";
  GarParts g;
  Take(&s, "https://", true);
  std::string_view run = TakeRun(&s, IsWordOrDash);
  if (run.size() <= kHost.size() ||
      !EqualsIgnoringCase(run.substr(run.size() - kHost.size()), kHost) ||
      !Take(&s, ".pkg.dev/", true)) {
    return std::nullopt;
  }
  g.location = run.substr(0, run.size() - kHost.size());
  g.project = TakeRun(&s, IsWordOrDash);
  if (g.project.empty() || !Take(&s, "/")) return std::nullopt;
  g.repository = TakeRun(&s, IsWordOrDash);
  if (g.repository.empty()) return std::nullopt;
  if (Take(&s, "/")) g.image = TakeRun(&s, IsWordOrDash);
  if (!s.empty() && (s[0] != ':' || HasLineEnd(s))) return std::nullopt;
  g.tag = s;
  return g;
}

// ^(?:https://)?(\w+)\.azurecr\.io/([\w\-]+):?(.*), anchored at the start only: the tag takes
// the rest of the line.
struct AcrParts {
  std::string_view name, repository, tag;
};
std::optional<AcrParts> MatchAcr(std::string_view s) {
  AcrParts a;
  Take(&s, "https://");
  a.name = TakeRun(&s, IsWord);
  if (a.name.empty() || !Take(&s, ".azurecr.io/")) return std::nullopt;
  a.repository = TakeRun(&s, IsWordOrDash);
  if (a.repository.empty()) return std::nullopt;
  Take(&s, ":");
  size_t end = 0;
  while (end < s.size() && !IsLineEnd(s[end])) ++end;
  a.tag = s.substr(0, end);
  return a;
}

// ^(?:https://)?([\w-]+)\.dkr\.ecr\.([\w-]+)\.amazonaws\.com/([\./\w-]+):?(.*)$
struct EcrParts {
  std::string_view account, region, repository, tag;
};
std::optional<EcrParts> MatchEcr(std::string_view s) {
  EcrParts e;
  Take(&s, "https://");
  e.account = TakeRun(&s, IsWordOrDash);
  if (e.account.empty() || !Take(&s, ".dkr.ecr.")) return std::nullopt;
  e.region = TakeRun(&s, IsWordOrDash);
  if (e.region.empty() || !Take(&s, ".amazonaws.com/")) return std::nullopt;
  e.repository = TakeRun(&s, IsPathChar);
  if (e.repository.empty()) return std::nullopt;
  Take(&s, ":");
  if (HasLineEnd(s)) return std::nullopt;
  e.tag = s;
  return e;
}

std::string_view WithoutHttps(std::string_view uri) {
  Take(&uri, "https://");
  return uri;
}

std::string TagMessage(const std::string& tag) {
  return "may not include a tag, but it ends in '" + tag +
         "': remove it; the agent tags every image with a hash of its source";
}

}  // namespace

RegistryVerdict CheckRegistryUri(std::string_view input) {
  std::string_view uri = WithoutHttps(input);
  if (auto g = MatchGar(uri)) {
    if (!g->tag.empty()) return {RegistryKind::kGar, true, TagMessage(std::string(g->tag))};
    if (g->image.empty()) {
      return {RegistryKind::kGar, true,
              "names a GCP Artifact Registry repository but no image: write "
              "https://REGION-docker.pkg.dev/PROJECT/REPOSITORY/IMAGE"};
    }
    return {RegistryKind::kGar, false, ""};
  }
  if (auto a = MatchAcr(uri)) {
    if (!a->tag.empty()) return {RegistryKind::kAcr, true, TagMessage(std::string(a->tag))};
    return {RegistryKind::kAcr, false, ""};
  }
  if (auto e = MatchEcr(uri)) {
    if (!e->tag.empty()) return {RegistryKind::kEcr, true, TagMessage(std::string(e->tag))};
    return {RegistryKind::kEcr, false, ""};
  }
  return {RegistryKind::kNone, false,
          "is not an ECR, ACR or Artifact Registry URI the agent recognizes; it will push "
          "there, but you must make sure it can"};
}

Registry RegistryFromUri(std::string_view input) {
  std::string_view uri = WithoutHttps(input);
  auto str = [](std::string_view v) { return std::string(v); };
  if (auto a = MatchAcr(uri)) {
    std::string host = str(a->name) + ".azurecr.io";
    return {RegistryKind::kAcr, host + "/" + str(a->repository), "", host};
  }
  if (auto g = MatchGar(uri)) {
    return {RegistryKind::kGar,
            str(g->location) + "-docker.pkg.dev/" + str(g->project) + "/" + str(g->repository) +
                "/" + str(g->image),
            "", ""};
  }
  if (auto e = MatchEcr(uri)) {
    return {RegistryKind::kEcr,
            str(e->account) + ".dkr.ecr." + str(e->region) + ".amazonaws.com/" + str(e->repository),
            str(e->region), ""};
  }
  return {RegistryKind::kNone, std::string(uri), "", ""};
}

// s3://([^/]+)(/(.*))? and gs://([^/]+)(?:/(.*))? at the start;
// ^https://([^\.]+)\.blob\.core\.windows\.net/([^/]+)/?(.*)$ whole.
StoreKind ClassifyStore(std::string_view uri) {
  auto bucket = [](std::string_view s, std::string_view scheme) {
    return Take(&s, scheme) && !s.empty() && s[0] != '/';
  };
  if (bucket(uri, "s3://")) return StoreKind::kS3;
  if (bucket(uri, "gs://")) return StoreKind::kGcs;
  std::string_view s = uri;
  if (!Take(&s, "https://")) return StoreKind::kNone;
  size_t dot = s.find('.');
  if (dot == 0 || dot == std::string_view::npos) return StoreKind::kNone;
  s.remove_prefix(dot);
  if (!Take(&s, ".blob.core.windows.net/")) return StoreKind::kNone;
  size_t slash = s.find('/');
  if (slash == 0 || s.empty()) return StoreKind::kNone;
  if (slash != std::string_view::npos && HasLineEnd(s.substr(slash))) return StoreKind::kNone;
  return StoreKind::kAzureBlob;
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
