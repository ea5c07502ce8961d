// re.Pattern: what _sre.compile makes from re._compiler's code list, and its methods (match,
// fullmatch, search, findall, finditer, scanner, sub, subn, split). The subject string stays
// alive in the caller's arguments while the engine reads it.
#include <climits>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string>

#include "modules/native_args.h"
#include "modules/sre/sre_internal.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/core_internal.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/generic_alias.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memory.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/import.h"

namespace krait::modules::sre {

TypeObject pattern_type;

namespace {

PatternObject* as_pattern(Value v) { return static_cast<PatternObject*>(v.as_object()); }

void clear_field(Value& field) {
  Value old = field;
  field = Value();
  xdecref(old);
}

void pattern_clear(Object* self) {
  auto* p = static_cast<PatternObject*>(self);
  clear_field(p->pattern);
  clear_field(p->groupindex);
  clear_field(p->indexgroup);
}
void pattern_dealloc(Object* self) {
  pattern_clear(self);
  delete static_cast<PatternObject*>(self)->code;
  static_cast<PatternObject*>(self)->code = nullptr;
  free_object(self);
}
void pattern_traverse(Object* self, VisitFunc visit, void* context) {
  auto* p = static_cast<PatternObject*>(self);
  for (Value v : {p->pattern, p->groupindex, p->indexgroup})
    if (v.is_object()) visit(v, context);
}

// An optional pos/endpos argument: an index, clamped later.
bool index_arg(Value v, int64_t fallback, int64_t* out) {
  if (!v) {
    *out = fallback;
    return true;
  }
  return ssize_argument(v, out);
}

// Parses (string, pos=0, endpos=maxsize) and makes the state.
bool parse_target(const char* fname, Value self, const Value* args, size_t nargs, Value kwnames,
                  Value* string, MatchState* state, int64_t* pos, int64_t* endpos, Ref* keep) {
  Value out[3];
  if (!match_arguments(fname, args, nargs, kwnames, {"string", "pos", "endpos"}, 3, 1, out)) return false;
  if (!index_arg(out[1], 0, pos) || !index_arg(out[2], INT64_MAX, endpos)) return false;
  *string = out[0];
  return state_init(as_pattern(self), out[0], *pos, *endpos, state, keep);
}

Value match_common(Value self, const Value* args, size_t nargs, Value kwnames, const char* name, int mode) {
  Value string;
  MatchState st;
  int64_t pos, endpos;
  Ref keep;
  if (!parse_target(name, self, args, nargs, kwnames, &string, &st, &pos, &endpos, &keep)) return Value();
  st.match_all = mode == 1;
  pos = st.start;
  endpos = st.end;
  int r = mode == 2 ? engine_search(st) : engine_match(st);
  if (r < 0) return Value();
  if (r == 0) return new_ref(none());
  return match_new(as_pattern(self), string, st, pos, endpos);
}

Value pattern_match(Value self, const Value* args, size_t nargs, Value kwnames) {
  return match_common(self, args, nargs, kwnames, "match", 0);
}
Value pattern_fullmatch(Value self, const Value* args, size_t nargs, Value kwnames) {
  return match_common(self, args, nargs, kwnames, "fullmatch", 1);
}
Value pattern_search(Value self, const Value* args, size_t nargs, Value kwnames) {
  return match_common(self, args, nargs, kwnames, "search", 2);
}

// Group `g` (1-based) of a state as findall and split give it: the piece, or `unset`.
Value state_group(const MatchState& st, Value string, int64_t g, Value unset) {
  int64_t i = 2 * g - 2;
  if (i + 1 > st.lastmark || st.marks[i] < 0 || st.marks[i + 1] < 0) return new_ref(unset);
  int64_t a = st.marks[i], b = st.marks[i + 1];
  if (a > b) std::swap(a, b);
  return subject_slice(string, a, b);
}

Value empty_like(Value string) { return is_str(string) ? str_empty() : bytes_empty(); }

Value pattern_findall(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value string;
  MatchState st;
  int64_t pos, endpos;
  Ref keep;
  if (!parse_target("findall", self, args, nargs, kwnames, &string, &st, &pos, &endpos, &keep)) return Value();
  Ref list = Ref::steal(list_new(0));
  if (!list) return Value();
  Ref empty = Ref::steal(empty_like(string));
  int64_t groups = as_pattern(self)->groups;
  while (st.start <= st.end) {
    int r = engine_search(st);
    if (r < 0) return Value();
    if (r == 0) break;
    Ref item;
    if (groups == 0) {
      item = Ref::steal(subject_slice(string, st.start, st.ptr));
    } else if (groups == 1) {
      item = Ref::steal(state_group(st, string, 1, empty.get()));
    } else {
      item = Ref::steal(tuple_new(static_cast<size_t>(groups)));
      if (!item) return Value();
      for (int64_t g = 1; g <= groups; g++) {
        Value v = state_group(st, string, g, empty.get());
        if (!v) return Value();
        tuple_items(item.get())[g - 1] = v;
      }
    }
    if (!item || list_append(list.get(), item.get()) < 0) return Value();
    st.must_advance = st.ptr == st.start;
    st.start = st.ptr;
  }
  return list.release();
}

Value pattern_scanner(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value out[3];
  if (!match_arguments("scanner", args, nargs, kwnames, {"string", "pos", "endpos"}, 3, 1, out)) return Value();
  int64_t pos, endpos;
  if (!index_arg(out[1], 0, &pos) || !index_arg(out[2], INT64_MAX, &endpos)) return Value();
  return scanner_new(as_pattern(self), out[0], pos, endpos);
}

Value pattern_finditer(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value out[3];
  if (!match_arguments("finditer", args, nargs, kwnames, {"string", "pos", "endpos"}, 3, 1, out)) return Value();
  int64_t pos, endpos;
  if (!index_arg(out[1], 0, &pos) || !index_arg(out[2], INT64_MAX, &endpos)) return Value();
  Ref scanner = Ref::steal(scanner_new(as_pattern(self), out[0], pos, endpos));
  if (!scanner) return Value();
  Ref search = Ref::steal(get_attr(scanner.get(), "search"));
  if (!search) return Value();
  return callable_iter_new(search.get(), none());
}

// "".join(pieces) or b"".join(pieces).
Value join_pieces(Value string, Value list) {
  Ref joiner = Ref::steal(empty_like(string));
  Value arg = list;
  return call_method(joiner.get(), "join", &arg, 1);
}

bool contains_backslash(Value templ, bool* literal) {
  if (is_str(templ)) {
    *literal = str_find_char(templ, '\\', 0, str_length(templ)) < 0;
    return true;
  }
  std::string_view view;
  if (has_buffer(templ)) {
    if (!bytes_like_view(templ, &view)) return false;
    *literal = view.find('\\') == std::string_view::npos;
    return true;
  }
  *literal = false;
  return true;
}

Value sub_common(Value self, const Value* args, size_t nargs, Value kwnames, bool subn) {
  Value out[3];
  if (!match_arguments(subn ? "subn" : "sub", args, nargs, kwnames, {"repl", "string", "count"}, 3, 2, out))
    return Value();
  int64_t count = 0;
  if (out[2] && !ssize_argument(out[2], &count)) return Value();
  Value repl = out[0], string = out[1];
  Ref filter;
  bool callable = type_of(repl)->call != nullptr;
  if (callable) {
    filter = Ref::borrow(repl);
  } else {
    bool literal;
    if (!contains_backslash(repl, &literal)) return Value();
    if (literal) {
      filter = Ref::borrow(repl);
    } else {
      Ref re = Ref::steal(vm::import_module("re"));
      if (!re) return Value();
      Ref subx = Ref::steal(get_attr(re.get(), "_subx"));
      if (!subx) return Value();
      Value sargs[2] = {self, repl};
      filter = Ref::steal(call(subx.get(), sargs, 2));
      if (!filter) return Value();
      callable = type_of(filter.get())->call != nullptr;
    }
  }
  MatchState st;
  Ref keep;
  if (!state_init(as_pattern(self), string, 0, INT64_MAX, &st, &keep)) return Value();
  Ref list = Ref::steal(list_new(0));
  if (!list) return Value();
  int64_t n = 0, last = 0;
  while (count == 0 || n < count) {
    int r = engine_search(st);
    if (r < 0) return Value();
    if (r == 0) break;
    int64_t b = st.start, e = st.ptr;
    if (last < b) {
      Ref piece = Ref::steal(subject_slice(string, last, b));
      if (!piece || list_append(list.get(), piece.get()) < 0) return Value();
    }
    if (callable) {
      Ref m = Ref::steal(match_new(as_pattern(self), string, st, 0, st.end));
      if (!m) return Value();
      Ref item = Ref::steal(call_one_arg(filter.get(), m.get()));
      if (!item) return Value();
      if (!item.get().is(none()) && list_append(list.get(), item.get()) < 0) return Value();
    } else if (list_append(list.get(), filter.get()) < 0) {
      return Value();
    }
    last = e;
    n++;
    st.must_advance = st.ptr == st.start;
    st.start = st.ptr;
  }
  if (last < st.end) {
    Ref piece = Ref::steal(subject_slice(string, last, st.end));
    if (!piece || list_append(list.get(), piece.get()) < 0) return Value();
  }
  Ref result = Ref::steal(join_pieces(string, list.get()));
  if (!result) return Value();
  if (!subn) return result.release();
  Ref num = Ref::steal(int_from_int64(n));
  return tuple_pack({result.get(), num.get()});
}

Value pattern_sub(Value self, const Value* args, size_t nargs, Value kwnames) {
  return sub_common(self, args, nargs, kwnames, false);
}
Value pattern_subn(Value self, const Value* args, size_t nargs, Value kwnames) {
  return sub_common(self, args, nargs, kwnames, true);
}

Value pattern_split(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value out[2];
  if (!match_arguments("split", args, nargs, kwnames, {"string", "maxsplit"}, 2, 1, out)) return Value();
  int64_t maxsplit = 0;
  if (out[1] && !ssize_argument(out[1], &maxsplit)) return Value();
  Value string = out[0];
  MatchState st;
  Ref keep;
  if (!state_init(as_pattern(self), string, 0, INT64_MAX, &st, &keep)) return Value();
  Ref list = Ref::steal(list_new(0));
  if (!list) return Value();
  int64_t groups = as_pattern(self)->groups, n = 0, last = 0;
  while (maxsplit == 0 || n < maxsplit) {
    int r = engine_search(st);
    if (r < 0) return Value();
    if (r == 0) break;
    Ref piece = Ref::steal(subject_slice(string, last, st.start));
    if (!piece || list_append(list.get(), piece.get()) < 0) return Value();
    for (int64_t g = 1; g <= groups; g++) {
      Ref item = Ref::steal(state_group(st, string, g, none()));
      if (!item || list_append(list.get(), item.get()) < 0) return Value();
    }
    n++;
    st.must_advance = st.ptr == st.start;
    last = st.start = st.ptr;
  }
  Ref piece = Ref::steal(subject_slice(string, last, st.end));
  if (!piece || list_append(list.get(), piece.get()) < 0) return Value();
  return list.release();
}

// re.compile('...', re.IGNORECASE|re.MULTILINE): the pattern's repr cut to 200 characters.
Value pattern_repr(Value self) {
  PatternObject* p = as_pattern(self);
  std::string text = p->pattern ? repr_utf8(p->pattern) : "None";
  if (error_occurred()) return Value();
  // %.200R counts code points, not bytes.
  Ref r = Ref::steal(str_from_utf8(text));
  if (!r) return Value();
  if (str_length(r.get()) > 200) {
    r = Ref::steal(str_substring(r.get(), 0, 200));
    text = str_to_utf8(r.get());
  }
  static const struct {
    const char* name;
    int64_t value;
  } names[] = {{"re.TEMPLATE", 1}, {"re.IGNORECASE", 2}, {"re.LOCALE", 4}, {"re.MULTILINE", 8},
               {"re.DOTALL", 16},  {"re.UNICODE", 32},    {"re.VERBOSE", 64}, {"re.DEBUG", 128},
               {"re.ASCII", 256}};
  int64_t flags = p->flags;
  if (!p->is_bytes && (flags & (4 | 32 | 256)) == 32) flags &= ~int64_t(32);
  std::string flag_text;
  for (auto& n : names) {
    if (flags & n.value) {
      if (!flag_text.empty()) flag_text += "|";
      flag_text += n.name;
      flags &= ~n.value;
    }
  }
  if (flags) {
    char buf[32];
    snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(flags));
    if (!flag_text.empty()) flag_text += "|";
    flag_text += buf;
  }
  if (flag_text.empty()) return str_from_utf8("re.compile(" + text + ")");
  return str_from_utf8("re.compile(" + text + ", " + flag_text + ")");
}

Value pattern_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || type_of(b) != &pattern_type || type_of(a) != &pattern_type)
    return new_ref(not_implemented());
  PatternObject *x = as_pattern(a), *y = as_pattern(b);
  bool eq = a.is(b);
  if (!eq) {
    eq = x->flags == y->flags && x->is_bytes == y->is_bytes && *x->code == *y->code;
    if (eq) {
      Value pa = x->pattern ? x->pattern : none(), pb = y->pattern ? y->pattern : none();
      int r = rich_compare_bool(pa, pb, CompareOp::Eq);
      if (r < 0) return Value();
      eq = r == 1;
    }
  }
  if (op == CompareOp::Ne) eq = !eq;
  return new_ref(eq ? true_value() : false_value());
}

int64_t pattern_hash(Value self) {
  PatternObject* p = as_pattern(self);
  int64_t h = hash(p->pattern ? p->pattern : none());
  if (h == -1) return -1;
  uint64_t code_hash = 1469598103934665603ull;
  for (uint32_t c : *p->code) code_hash = (code_hash ^ c) * 1099511628211ull;
  int64_t result = h ^ static_cast<int64_t>(code_hash >> 1) ^ (p->flags * 1000003) ^ (p->is_bytes ? 7 : 0);
  return result == -1 ? -2 : result;
}

Value pattern_copy(Value self) { return new_ref(self); }
Value pattern_deepcopy(Value self, Value) { return new_ref(self); }

Value get_pattern(Value self) { return new_ref(as_pattern(self)->pattern ? as_pattern(self)->pattern : none()); }
Value get_flags(Value self) { return int_from_int64(as_pattern(self)->flags); }
Value get_groups(Value self) { return int_from_int64(as_pattern(self)->groups); }
Value get_groupindex(Value self) {
  // A read-only view of a copy (CPython shares the dict; nobody can change it through the proxy).
  return mappingproxy_new(as_pattern(self)->groupindex);
}

#define M(name, fn, kind) {name, reinterpret_cast<void*>(&fn), MethodKind::kind}
const MethodDef pattern_methods[] = {
    M("match", pattern_match, FastKeywords),
    M("fullmatch", pattern_fullmatch, FastKeywords),
    M("search", pattern_search, FastKeywords),
    M("findall", pattern_findall, FastKeywords),
    M("finditer", pattern_finditer, FastKeywords),
    M("scanner", pattern_scanner, FastKeywords),
    M("sub", pattern_sub, FastKeywords),
    M("subn", pattern_subn, FastKeywords),
    M("split", pattern_split, FastKeywords),
    M("__copy__", pattern_copy, NoArgs),
    M("__deepcopy__", pattern_deepcopy, OneArg),
    {"__class_getitem__", reinterpret_cast<void*>(&class_getitem_generic), MethodKind::OneArg, true},
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef M

const GetSetDef pattern_getsets[] = {
    {"pattern", get_pattern, nullptr, "The pattern string from which the RE object was compiled."},
    {"flags", get_flags, nullptr, "The regex matching flags."},
    {"groups", get_groups, nullptr, "The number of capturing groups in the pattern."},
    {"groupindex", get_groupindex, nullptr, "A dictionary mapping group names to group numbers."},
    {nullptr, nullptr},
};

}  // namespace

Value subject_slice(Value string, int64_t start, int64_t end) {
  if (start < 0) start = 0;
  if (end < start) end = start;
  if (is_str(string)) {
    int64_t n = static_cast<int64_t>(str_length(string));
    if (end > n) end = n;
    if (start > end) start = end;
    if (start == 0 && end == n && is_str_exact(string)) return new_ref(string);
    return str_substring(string, static_cast<size_t>(start), static_cast<size_t>(end));
  }
  std::string_view view;
  if (!bytes_like_view(string, &view)) return Value();
  int64_t n = static_cast<int64_t>(view.size());
  if (end > n) end = n;
  if (start > end) start = end;
  if (start == 0 && end == n && type_of(string) == &bytes_type) return new_ref(string);
  return bytes_from(view.substr(static_cast<size_t>(start), static_cast<size_t>(end - start)));
}

bool state_init(PatternObject* pattern, Value string, int64_t pos, int64_t endpos, MatchState* state, Ref* keep) {
  Subject subject;
  bool string_is_bytes;
  if (is_str(string)) {
    subject.data = str_data(string);
    subject.width = str_kind(string);
    subject.length = static_cast<int64_t>(str_length(string));
    string_is_bytes = false;
  } else if (has_buffer(string)) {
    std::string_view view;
    if (!bytes_like_view(string, &view)) return false;
    subject.data = view.data();
    subject.width = 1;
    subject.length = static_cast<int64_t>(view.size());
    string_is_bytes = true;
  } else {
    raise_format(exc::TypeError, "expected string or bytes-like object, got '%s'", type_name_of(string));
    return false;
  }
  if (pattern->pattern && !pattern->pattern.is(none())) {
    if (!pattern->is_bytes && string_is_bytes) {
      raise(exc::TypeError, "cannot use a string pattern on a bytes-like object");
      return false;
    }
    if (pattern->is_bytes && !string_is_bytes) {
      raise(exc::TypeError, "cannot use a bytes pattern on a string-like object");
      return false;
    }
  }
  *keep = Ref::borrow(string);
  if (pos < 0) pos = 0;
  if (pos > subject.length) pos = subject.length;
  if (endpos < 0) endpos = 0;
  if (endpos > subject.length) endpos = subject.length;
  state->code = pattern->code->data();
  state->code_size = pattern->code->size();
  state->subject = subject;
  state->start = pos;
  state->end = endpos;
  state->ptr = pos;
  state->marks.assign(static_cast<size_t>(2 * pattern->groups + 2), -1);
  return true;
}

// _sre.compile(pattern, flags, code, groups, groupindex, indexgroup).
Value sre_compile(Value, const Value* args, size_t nargs, Value kwnames) {
  Value out[6];
  if (!match_arguments("compile", args, nargs, kwnames,
                       {"pattern", "flags", "code", "groups", "groupindex", "indexgroup"}, 6, 6, out))
    return Value();
  int64_t flags, groups;
  if (!ssize_argument(out[1], &flags) || !ssize_argument(out[3], &groups)) return Value();
  if (!is_list(out[2])) return raise_format(exc::TypeError, "compile() argument 'code' must be list, not %s", type_name_of(out[2]));
  if (!is_dict(out[4])) return raise_format(exc::TypeError, "compile() argument 'groupindex' must be dict, not %s", type_name_of(out[4]));
  if (!is_tuple(out[5])) return raise_format(exc::TypeError, "compile() argument 'indexgroup' must be tuple, not %s", type_name_of(out[5]));
  auto code = std::make_unique<std::vector<uint32_t>>();
  size_t n = list_size(out[2]);
  code->reserve(n + 1);
  for (size_t i = 0; i < n; i++) {
    Value item = list_get(out[2], i);
    int64_t v = as_ssize(item);
    if (v == -1 && error_occurred()) return Value();
    if (v < 0 || v > 0xFFFFFFFFll) return raise(exc::OverflowError, "regular expression code size limit exceeded");
    code->push_back(static_cast<uint32_t>(v));
  }
  auto* p = static_cast<PatternObject*>(allocate_object(&pattern_type, sizeof(PatternObject)));
  if (p == nullptr) return Value();
  p->pattern = new_ref(out[0]);
  p->flags = flags;
  p->code = code.release();
  p->groups = groups;
  p->groupindex = dict_copy(out[4]);
  p->indexgroup = new_ref(out[5]);
  p->is_bytes = !out[0].is(none()) && !is_str(out[0]);
  if (!p->groupindex) {
    decref(Value::object(p));
    return Value();
  }
  gc_track(p);
  return Value::object(p);
}

int init_pattern_type() {
  static bool done = false;
  if (done) return 0;
  TypeObject& t = pattern_type;
  t.refcount = 1;
  t.Object::flags = ObjectFlag::Immortal;
  t.type = &type_type;
  t.name = "re.Pattern";
  t.qualname = "Pattern";
  t.base = &object_type;
  t.basic_size = sizeof(PatternObject);
  t.flags = TypeFlag::HaveGc;
  t.dealloc = pattern_dealloc;
  t.traverse = pattern_traverse;
  t.clear = pattern_clear;
  t.repr = pattern_repr;
  t.richcompare = pattern_richcompare;
  t.hash = pattern_hash;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"  // Object-derived, but a plain layout
  t.weaklist_offset = offsetof(PatternObject, weakreflist);
#pragma GCC diagnostic pop
  add_methods(&t, pattern_methods);
  add_getsets(&t, pattern_getsets);
  if (type_ready(&t) < 0) return -1;
  done = true;
  return 0;
}

}  // namespace krait::modules::sre
