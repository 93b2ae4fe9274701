#include "render/schema_eval.h"

#include <cmath>
#include <string>

#include "render/pattern.h"
#include "render/scalar_text.h"

namespace lr {
namespace {

using nlohmann::json;

// $ref, allOf, anyOf, oneOf, not and if met on one instance node without descending: a
// chain longer than this (a schema that refers to itself) is left to valijson.
constexpr int kMaxHops = 64;
constexpr double kExactDouble = 9007199254740992.0;  // 2^53

// The verdict of several keywords (or subschemas) that must all hold.
class All {
 public:
  void Add(Verdict v) {
    if (v == Verdict::kInvalid) invalid_ = true;
    if (v == Verdict::kUnsure) unsure_ = true;
  }
  bool settled() const { return invalid_; }
  Verdict verdict() const {
    return invalid_ ? Verdict::kInvalid : unsure_ ? Verdict::kUnsure : Verdict::kValid;
  }

 private:
  bool invalid_ = false, unsure_ = false;
};

// The verdict of alternatives of which one must hold (anyOf, contains, enum).
class Any {
 public:
  void Add(Verdict v) {
    if (v == Verdict::kValid) valid_ = true;
    if (v == Verdict::kUnsure) unsure_ = true;
  }
  bool settled() const { return valid_; }
  Verdict verdict() const {
    return valid_ ? Verdict::kValid : unsure_ ? Verdict::kUnsure : Verdict::kInvalid;
  }

 private:
  bool valid_ = false, unsure_ = false;
};

Verdict Holds(bool ok) { return ok ? Verdict::kValid : Verdict::kInvalid; }

bool SmallInteger(FrozenJson v) {
  if (v.tag() == FrozenJson::kUint) return v.uint64() < static_cast<uint64_t>(kExactDouble);
  return v.tag() == FrozenJson::kInt && std::fabs(v.number()) < kExactDouble;
}

// null, boolean, number, string, list, mapping: strong types never equate two kinds.
template <class V>
int Kind(const V& v) {
  if (v.is_null()) return 0;
  if (v.is_boolean()) return 1;
  if (v.is_number()) return 2;
  if (v.is_string()) return 3;
  return v.is_array() ? 4 : 5;
}

Verdict Count(FrozenJson arg, size_t n, bool at_least) {
  if (arg.tag() != FrozenJson::kUint) return Verdict::kUnsure;
  uint64_t bound = arg.uint64();
  return Holds(at_least ? n >= bound : n <= bound);
}

bool Ascii(const std::string& s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

bool Search(std::string_view pattern, std::string_view text) {
  return PatternSearch(std::string(pattern), text);
}

bool MatchesAnyPattern(FrozenJson s, const std::string& key) {
  FrozenJson patterns = s.find("patternProperties");
  for (uint32_t i = 0; patterns.is_object() && i < patterns.size(); ++i) {
    if (Search(patterns.key(i), key)) return true;
  }
  return false;
}

bool IsCombinator(std::string_view key) {
  return key == "allOf" || key == "anyOf" || key == "oneOf" || key == "not" || key == "if";
}

// The instance as EvalOptions says it is read: which members count, which numbers are integers.
template <class J>
class Reading {
 public:
  explicit Reading(EvalOptions options) : options_(options) {}

  bool Counts(const J& member) const { return !(options_.null_members_absent && member.is_null()); }
  size_t Members(const J& object) const {
    if (!options_.null_members_absent) return object.size();
    size_t n = 0;
    for (const J& member : object) n += !member.is_null();
    return n;
  }
  bool HasMember(const J& object, std::string_view key) const {
    auto it = object.find(key);
    return it != object.end() && Counts(*it);
  }
  // An integral float read as an integer (AsApiServerReads, AsHelmSees).
  bool ReadsAsInteger(const J& v) const {
    return options_.integral_floats_are_integers && v.is_number_float() &&
           IsExactInteger(v.template get<double>());
  }
  bool IsInteger(const J& v) const { return v.is_number_integer() || ReadsAsInteger(v); }
  // An integer within 2^53, where a double comparison and an integer one agree.
  bool SmallInteger(const J& v) const {
    if (v.is_number_unsigned()) {
      return v.template get<uint64_t>() < static_cast<uint64_t>(kExactDouble);
    }
    if (ReadsAsInteger(v)) return std::fabs(v.template get<double>()) < kExactDouble;
    return v.is_number_integer() &&
           std::fabs(static_cast<double>(v.template get<int64_t>())) < kExactDouble;
  }

 private:
  EvalOptions options_;
};

template <class J>
class Evaluator {
 public:
  Evaluator(const SchemaRefs& refs, EvalOptions options)
      : refs_(refs), options_(options), read_(options) {}

  // `hops`: subschemas met on this instance node so far.
  Verdict Eval(FrozenJson s, const J& v, int hops) {
    if (s.is_boolean()) return Holds(s.boolean());
    if (!s.is_object() || hops > kMaxHops) return Verdict::kUnsure;
    FrozenJson ref = s.find("$ref");
    if (ref.present()) return Ref(ref, v, hops);  // draft-07: siblings of $ref are ignored
    All all;
    for (uint32_t i = 0; i < s.size() && !all.settled(); ++i) {
      all.Add(Keyword(s.key(i), s.item(i), s, v, hops));
    }
    return all.verdict();
  }

 private:
  Verdict Ref(FrozenJson ref, const J& v, int hops) {
    if (!ref.is_string()) return Verdict::kUnsure;
    FrozenJson target = refs_(ref.str());
    return target.present() ? Eval(target, v, hops + 1) : Verdict::kUnsure;
  }

  Verdict Keyword(std::string_view key, FrozenJson arg, FrozenJson s, const J& v, int hops);
  Verdict Structure(std::string_view key, FrozenJson arg, FrozenJson s, const J& v);
  Verdict Combinator(std::string_view key, FrozenJson arg, FrozenJson s, const J& v, int hops);

  bool IsType(const J& v, std::string_view t) const {
    if (t == "string") return v.is_string();
    if (t == "object") return v.is_object();
    if (t == "array") return v.is_array();
    if (t == "integer") return read_.IsInteger(v);
    if (t == "number") return v.is_number();
    if (t == "boolean") return v.is_boolean();
    if (t == "null") return v.is_null();
    return t == "any";
  }

  Verdict Type(FrozenJson arg, const J& v) const {
    if (arg.is_string()) return Holds(IsType(v, arg.str()));
    if (!arg.is_array()) return Verdict::kUnsure;
    for (uint32_t i = 0; i < arg.size(); ++i) {
      FrozenJson t = arg.item(i);
      if (!t.is_string()) return Verdict::kUnsure;
      if (IsType(v, t.str())) return Verdict::kValid;
    }
    return Verdict::kInvalid;
  }

  // Equality as valijson's enum and const see it, under strong types: values of two kinds
  // never; strings, booleans, null and small integers exactly; anything else (floats, big
  // numbers, lists, mappings) unsure.
  Verdict Equal(FrozenJson a, const J& b) const {
    if (!a.present()) return Verdict::kUnsure;
    if (Kind(a) != Kind(b)) return Verdict::kInvalid;
    if (a.is_string()) return Holds(a.str() == b.template get_ref<const std::string&>());
    if (a.is_boolean() && b.is_boolean()) return Holds(a.boolean() == b.template get<bool>());
    if (a.is_null() && b.is_null()) return Verdict::kValid;
    if (SmallInteger(a) && read_.SmallInteger(b)) {
      return Holds(a.number() == b.template get<double>());
    }
    return Verdict::kUnsure;
  }

  Verdict Enum(FrozenJson arg, const J& v) const {
    if (!arg.is_array()) return Verdict::kUnsure;
    Any any;
    for (uint32_t i = 0; i < arg.size() && !any.settled(); ++i) any.Add(Equal(arg.item(i), v));
    return any.verdict();
  }

  // minLength, maxLength.
  Verdict Length(FrozenJson arg, const J& v, bool at_least) const {
    if (!v.is_string()) return Verdict::kValid;
    const std::string& s = v.template get_ref<const std::string&>();
    if (!Ascii(s)) return Verdict::kUnsure;  // valijson counts code points
    return Count(arg, s.size(), at_least);
  }

  // minimum, maximum, exclusiveMinimum, exclusiveMaximum: valijson compares doubles.
  Verdict Bound(std::string_view key, FrozenJson arg, const J& v) const {
    if (!v.is_number()) return Verdict::kValid;
    if (!arg.is_number()) return Verdict::kUnsure;  // draft-04's boolean exclusive* forms
    double x = v.template get<double>(), b = arg.number();
    if (key == "minimum") return Holds(x >= b);
    if (key == "maximum") return Holds(x <= b);
    if (key == "exclusiveMinimum") return Holds(x > b);
    return Holds(x < b);
  }

  Verdict Pattern(FrozenJson arg, const J& v) const {
    if (!v.is_string()) return Verdict::kValid;
    if (!arg.is_string()) return Verdict::kUnsure;
    return Holds(Search(arg.str(), v.template get_ref<const std::string&>()));
  }

  Verdict Required(FrozenJson arg, const J& v) const {
    if (!v.is_object()) return Verdict::kValid;
    if (!arg.is_array()) return Verdict::kUnsure;
    for (uint32_t i = 0; i < arg.size(); ++i) {
      FrozenJson name = arg.item(i);
      if (!name.is_string()) return Verdict::kUnsure;
      if (!read_.HasMember(v, name.str())) return Verdict::kInvalid;
    }
    return Verdict::kValid;
  }

  // The keywords decided here; valijson ignores every other member too (annotations, x-...),
  // except those listed as unsure.
  static bool UnsureKeyword(std::string_view key, FrozenJson arg, const J& v) {
    if (key == "format") return true;  // valijson checks non-strings too, as text
    if (key == "multipleOf") return v.is_number();
    if (key == "dependencies") return v.is_object();
    if (key == "uniqueItems") return v.is_array() && arg.tag() != FrozenJson::kFalse;
    if (key == "additionalItems") return v.is_array();
    return key == "divisibleBy" || key == "extends" || key == "disallow";
  }

  Verdict Properties(FrozenJson arg, const J& v) {
    if (!v.is_object()) return Verdict::kValid;
    if (!arg.is_object()) return Verdict::kUnsure;
    All all;
    for (auto it = v.begin(); it != v.end() && !all.settled(); ++it) {
      if (!read_.Counts(*it)) continue;
      FrozenJson sub = arg.find(it.key());
      if (sub.present()) all.Add(Eval(sub, *it, 0));
    }
    return all.verdict();
  }

  Verdict PatternProperties(FrozenJson arg, const J& v) {
    if (!v.is_object()) return Verdict::kValid;
    if (!arg.is_object()) return Verdict::kUnsure;
    All all;
    for (uint32_t i = 0; i < arg.size(); ++i) {
      for (auto it = v.begin(); it != v.end() && !all.settled(); ++it) {
        if (read_.Counts(*it) && Search(arg.key(i), it.key())) all.Add(Eval(arg.item(i), *it, 0));
      }
    }
    return all.verdict();
  }

  Verdict AdditionalProperties(FrozenJson arg, FrozenJson s, const J& v) {
    if (!v.is_object() || (arg.is_boolean() && (arg.boolean() || options_.open))) {
      return Verdict::kValid;
    }
    FrozenJson named = s.find("properties");
    All all;
    for (auto it = v.begin(); it != v.end() && !all.settled(); ++it) {
      if (!read_.Counts(*it)) continue;
      if (named.find(it.key()).present() || MatchesAnyPattern(s, it.key())) continue;
      all.Add(Eval(arg, *it, 0));
    }
    return all.verdict();
  }

  Verdict Items(FrozenJson arg, const J& v) {
    if (!v.is_array()) return Verdict::kValid;
    if (!arg.is_object() && !arg.is_boolean()) return Verdict::kUnsure;  // tuple form
    All all;
    for (auto it = v.begin(); it != v.end() && !all.settled(); ++it) all.Add(Eval(arg, *it, 0));
    return all.verdict();
  }

  Verdict PropertyNames(FrozenJson arg, const J& v) {
    if (!v.is_object()) return Verdict::kValid;
    All all;
    for (auto it = v.begin(); it != v.end() && !all.settled(); ++it) {
      if (read_.Counts(*it)) all.Add(Eval(arg, J(it.key()), 0));
    }
    return all.verdict();
  }

  Verdict Contains(FrozenJson arg, const J& v) {
    if (!v.is_array()) return Verdict::kValid;
    Any any;
    for (auto it = v.begin(); it != v.end() && !any.settled(); ++it) any.Add(Eval(arg, *it, 0));
    return any.verdict();
  }

  // allOf (All) and anyOf (Any): the members on the same node, until one settles it.
  template <class Verdicts>
  Verdict OnEachMember(FrozenJson arg, const J& v, int hops) {
    if (!arg.is_array()) return Verdict::kUnsure;
    Verdicts verdicts;
    for (uint32_t i = 0; i < arg.size() && !verdicts.settled(); ++i) {
      verdicts.Add(Eval(arg.item(i), v, hops + 1));
    }
    return verdicts.verdict();
  }

  Verdict OneOf(FrozenJson arg, const J& v, int hops) {
    if (!arg.is_array()) return Verdict::kUnsure;
    int valid = 0;
    for (uint32_t i = 0; i < arg.size(); ++i) {
      Verdict e = Eval(arg.item(i), v, hops + 1);
      if (e == Verdict::kUnsure) return e;
      valid += e == Verdict::kValid;
    }
    return Holds(valid == 1);
  }

  Verdict If(FrozenJson arg, FrozenJson s, const J& v, int hops) {
    Verdict cond = Eval(arg, v, hops + 1);
    if (cond == Verdict::kUnsure) return cond;
    FrozenJson branch = s.find(cond == Verdict::kValid ? "then" : "else");
    return branch.present() ? Eval(branch, v, hops + 1) : Verdict::kValid;
  }

  const SchemaRefs& refs_;
  EvalOptions options_;
  Reading<J> read_;
};

template <class J>
Verdict Evaluator<J>::Keyword(std::string_view key, FrozenJson arg, FrozenJson s, const J& v,
                              int hops) {
  if (IsCombinator(key)) return Combinator(key, arg, s, v, hops);
  if (UnsureKeyword(key, arg, v)) return Verdict::kUnsure;
  if (key == "type") return Type(arg, v);
  if (key == "enum") return Enum(arg, v);
  if (key == "const") return Equal(arg, v);
  if (key == "required") return Required(arg, v);
  if (key == "pattern") return Pattern(arg, v);
  if (key == "minLength" || key == "maxLength") return Length(arg, v, key == "minLength");
  if (key == "minimum" || key == "maximum" || key == "exclusiveMinimum" ||
      key == "exclusiveMaximum") {
    return Bound(key, arg, v);
  }
  return Structure(key, arg, s, v);
}

template <class J>
Verdict Evaluator<J>::Structure(std::string_view key, FrozenJson arg, FrozenJson s, const J& v) {
  if (key == "properties") return Properties(arg, v);
  if (key == "additionalProperties") return AdditionalProperties(arg, s, v);
  if (key == "patternProperties") return PatternProperties(arg, v);
  if (key == "propertyNames") return PropertyNames(arg, v);
  if (key == "items") return Items(arg, v);
  if (key == "contains") return Contains(arg, v);
  if (key == "minItems" || key == "maxItems") {
    return v.is_array() ? Count(arg, v.size(), key == "minItems") : Verdict::kValid;
  }
  if (key == "minProperties" || key == "maxProperties") {
    return v.is_object() ? Count(arg, read_.Members(v), key == "minProperties") : Verdict::kValid;
  }
  return Verdict::kValid;  // an annotation, or a keyword valijson does not know
}

template <class J>
Verdict Evaluator<J>::Combinator(std::string_view key, FrozenJson arg, FrozenJson s, const J& v,
                                 int hops) {
  if (key == "allOf") return OnEachMember<All>(arg, v, hops);
  if (key == "anyOf") return OnEachMember<Any>(arg, v, hops);
  if (key == "oneOf") return OneOf(arg, v, hops);
  if (key == "if") return If(arg, s, v, hops);
  Verdict e = Eval(arg, v, hops + 1);  // not
  return e == Verdict::kUnsure ? e : Holds(e == Verdict::kInvalid);
}

}  // namespace

Verdict EvaluateSchema(FrozenJson schema, const json& instance, const SchemaRefs& refs,
                       EvalOptions options) {
  return Evaluator<json>(refs, options).Eval(schema, instance, 0);
}

Verdict EvaluateSchema(FrozenJson schema, const nlohmann::ordered_json& instance,
                       const SchemaRefs& refs, EvalOptions options) {
  return Evaluator<nlohmann::ordered_json>(refs, options).Eval(schema, instance, 0);
}

SchemaRefs DocumentRefs(FrozenJson doc) {
  return [doc](std::string_view ref) {
    if (ref.empty() || ref[0] != '#') return FrozenJson();
    FrozenJson node = doc;
    for (std::string_view rest = ref.substr(1); !rest.empty() && node.present();) {
      if (rest[0] != '/') return FrozenJson();
      size_t end = rest.find('/', 1);
      std::string token(rest.substr(1, end == std::string_view::npos ? rest.npos : end - 1));
      if (token.find('~') != std::string::npos) return FrozenJson();  // escaped: left to valijson
      node = node.is_array() ? FrozenJson() : node.find(token);
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
    }
    return node;
  };
}

}  // namespace lr
