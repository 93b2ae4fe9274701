// The valijson headers, with its `pattern` keyword checked by render/pattern.h instead of
// std::regex (valijson compiles a std::regex per pattern per process: most of a render's
// schema time). Every file that validates with valijson includes this header, never
// valijson's own, so that the specializations below are seen before any use.
#pragma once

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/adapters/std_string_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validation_visitor.hpp>
#include <valijson/validator.hpp>

namespace valijson {

template <>
bool ValidationVisitor<adapters::NlohmannJsonAdapter>::visit(
    const constraints::PatternConstraint& constraint);

template <>
bool ValidationVisitor<adapters::StdStringAdapter>::visit(
    const constraints::PatternConstraint& constraint);

}  // namespace valijson
