// valijson's PatternConstraint check (render/valijson.h), as valijson writes it, with
// lr::PatternSearch for std::regex_search.
#include "render/pattern.h"
#include "render/valijson.h"

namespace valijson {
namespace {

template <typename Target>
bool Matches(const constraints::PatternConstraint& constraint, const Target& target,
             bool strict_types) {
  if ((strict_types && !target.isString()) || !target.maybeString()) return true;
  std::string pattern(constraint.getPattern<std::string::allocator_type>());
  return lr::PatternSearch(pattern, target.asString());
}

constexpr const char* kMessage = "Failed to match regex specified by 'pattern' constraint.";

}  // namespace

template <>
bool ValidationVisitor<adapters::NlohmannJsonAdapter>::visit(
    const constraints::PatternConstraint& constraint) {
  if (Matches(constraint, m_target, m_strictTypes)) return true;
  if (m_results) m_results->pushError(m_context, kMessage);
  return false;
}

template <>
bool ValidationVisitor<adapters::StdStringAdapter>::visit(
    const constraints::PatternConstraint& constraint) {
  if (Matches(constraint, m_target, m_strictTypes)) return true;
  if (m_results) m_results->pushError(m_context, kMessage);
  return false;
}

}  // namespace valijson
