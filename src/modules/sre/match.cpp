// re.Match: the result of a successful match. It keeps the subject, the pattern and the spans
// of every group (-1 for a group that did not take part).
#include <string>

#include "modules/native_args.h"
#include "modules/sre/sre_internal.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/generic_alias.h"
#include "runtime/int.h"
#include "runtime/memory.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/import.h"

namespace krait::modules::sre {

TypeObject match_type;

namespace {

MatchObject* as_match(Value v) { return static_cast<MatchObject*>(v.as_object()); }
PatternObject* pattern_of(MatchObject* m) { return static_cast<PatternObject*>(m->pattern.as_object()); }

void clear_field(Value& field) {
  Value old = field;
  field = Value();
  xdecref(old);
}
void match_clear(Object* self) {
  auto* m = static_cast<MatchObject*>(self);
  clear_field(m->string);
  clear_field(m->pattern);
  clear_field(m->regs);
}
void match_dealloc(Object* self) {
  match_clear(self);
  delete static_cast<MatchObject*>(self)->spans;
  static_cast<MatchObject*>(self)->spans = nullptr;
  free_object(self);
}
void match_traverse(Object* self, VisitFunc visit, void* context) {
  auto* m = static_cast<MatchObject*>(self);
  for (Value v : {m->string, m->pattern, m->regs})
    if (v.is_object()) visit(v, context);
}

int64_t group_count(MatchObject* m) { return static_cast<int64_t>(m->spans->size() / 2); }

// A group given by number or by name: its index, or -1 + IndexError "no such group".
int64_t group_index(MatchObject* m, Value index) {
  int64_t i = -1;
  if (is_int(index) || type_of(index)->number.index) {
    i = as_ssize(index);
    if (i == -1 && error_occurred()) {
      clear_error();
      i = -1;
    }
  } else {
    Value groupindex = pattern_of(m)->groupindex;
    if (groupindex && is_dict(groupindex)) {
      Value v = dict_get_item(groupindex, index);
      if (v && is_int(v)) i = as_ssize(v);
      if (error_occurred()) return -1;
    }
  }
  if (i < 0 || i >= group_count(m)) {
    raise(exc::IndexError, "no such group");
    return -1;
  }
  return i;
}

// The text of group i, or `unset` (borrowed) when it did not take part.
Value group_value(MatchObject* m, int64_t i, Value unset) {
  int64_t a = (*m->spans)[2 * i], b = (*m->spans)[2 * i + 1];
  if (a < 0 || b < 0) return new_ref(unset);
  return subject_slice(m->string, a, b);
}

Value group_by_key(MatchObject* m, Value key) {
  int64_t i = group_index(m, key);
  if (i < 0) return Value();
  return group_value(m, i, none());
}

Value match_group(Value self, const Value* args, size_t nargs) {
  MatchObject* m = as_match(self);
  if (nargs == 0) return group_value(m, 0, none());
  if (nargs == 1) return group_by_key(m, args[0]);
  Ref result = Ref::steal(tuple_new(nargs));
  if (!result) return Value();
  for (size_t k = 0; k < nargs; k++) {
    Value v = group_by_key(m, args[k]);
    if (!v) return Value();
    tuple_items(result.get())[k] = v;
  }
  return result.release();
}

Value match_getitem(Value self, Value key) { return group_by_key(as_match(self), key); }

Value match_groups(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value out[1];
  if (!match_arguments("groups", args, nargs, kwnames, {"default"}, 1, 0, out)) return Value();
  Value fallback = out[0] ? out[0] : none();
  MatchObject* m = as_match(self);
  int64_t n = group_count(m) - 1;
  Ref result = Ref::steal(tuple_new(static_cast<size_t>(n)));
  if (!result) return Value();
  for (int64_t i = 1; i <= n; i++) {
    Value v = group_value(m, i, fallback);
    if (!v) return Value();
    tuple_items(result.get())[i - 1] = v;
  }
  return result.release();
}

Value match_groupdict(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value out[1];
  if (!match_arguments("groupdict", args, nargs, kwnames, {"default"}, 1, 0, out)) return Value();
  Value fallback = out[0] ? out[0] : none();
  MatchObject* m = as_match(self);
  Ref result = Ref::steal(dict_new());
  if (!result) return Value();
  Value groupindex = pattern_of(m)->groupindex;
  Ref keys = Ref::steal(call_method(groupindex, "keys", nullptr, 0));
  if (!keys) return Value();
  Ref it = Ref::steal(get_iter(keys.get()));
  if (!it) return Value();
  for (;;) {
    Ref key = Ref::steal(iter_next(it.get()));
    if (!key) {
      if (error_occurred()) return Value();
      break;
    }
    int64_t i = group_index(m, key.get());
    if (i < 0) return Value();
    Ref v = Ref::steal(group_value(m, i, fallback));
    if (!v || set_item(result.get(), key.get(), v.get()) < 0) return Value();
  }
  return result.release();
}

// The group argument of start/end/span: group 0 when absent.
int64_t optional_group(MatchObject* m, const char* name, const Value* args, size_t nargs) {
  if (!check_positional(name, nargs, 0, 1)) return -1;
  if (nargs == 0) return 0;
  return group_index(m, args[0]);
}

Value match_start(Value self, const Value* args, size_t nargs) {
  MatchObject* m = as_match(self);
  int64_t i = optional_group(m, "start", args, nargs);
  if (i < 0) return Value();
  return int_from_int64((*m->spans)[2 * i]);
}
Value match_end(Value self, const Value* args, size_t nargs) {
  MatchObject* m = as_match(self);
  int64_t i = optional_group(m, "end", args, nargs);
  if (i < 0) return Value();
  return int_from_int64((*m->spans)[2 * i + 1]);
}
Value span_tuple(MatchObject* m, int64_t i) {
  Ref a = Ref::steal(int_from_int64((*m->spans)[2 * i]));
  Ref b = Ref::steal(int_from_int64((*m->spans)[2 * i + 1]));
  return tuple_pack({a.get(), b.get()});
}
Value match_span(Value self, const Value* args, size_t nargs) {
  MatchObject* m = as_match(self);
  int64_t i = optional_group(m, "span", args, nargs);
  if (i < 0) return Value();
  return span_tuple(m, i);
}

// expand(template): re._expand(pattern, match, template).
Value match_expand(Value self, Value templ) {
  Ref re = Ref::steal(vm::import_module("re"));
  if (!re) return Value();
  Ref expand = Ref::steal(get_attr(re.get(), "_expand"));
  if (!expand) return Value();
  Value args[3] = {as_match(self)->pattern, self, templ};
  return call(expand.get(), args, 3);
}

Value match_repr(Value self) {
  MatchObject* m = as_match(self);
  Ref g = Ref::steal(group_value(m, 0, none()));
  if (!g) return Value();
  Ref r = Ref::steal(repr(g.get()));
  if (!r) return Value();
  if (str_length(r.get()) > 50) r = Ref::steal(str_substring(r.get(), 0, 50));
  std::string text = "<re.Match object; span=(" + std::to_string((*m->spans)[0]) + ", " +
                     std::to_string((*m->spans)[1]) + "), match=" + str_to_utf8(r.get()) + ">";
  return str_from_utf8(text);
}

Value match_copy(Value self) { return new_ref(self); }
Value match_deepcopy(Value self, Value) { return new_ref(self); }

Value get_regs(Value self) {
  MatchObject* m = as_match(self);
  if (m->regs) return new_ref(m->regs);
  int64_t n = group_count(m);
  Ref result = Ref::steal(tuple_new(static_cast<size_t>(n)));
  if (!result) return Value();
  for (int64_t i = 0; i < n; i++) {
    Value t = span_tuple(m, i);
    if (!t) return Value();
    tuple_items(result.get())[i] = t;
  }
  m->regs = new_ref(result.get());
  return result.release();
}
Value get_lastindex(Value self) {
  MatchObject* m = as_match(self);
  return m->lastindex >= 0 ? int_from_int64(m->lastindex) : new_ref(none());
}
Value get_lastgroup(Value self) {
  MatchObject* m = as_match(self);
  Value indexgroup = pattern_of(m)->indexgroup;
  if (m->lastindex < 0 || !indexgroup || !is_tuple(indexgroup) ||
      static_cast<size_t>(m->lastindex) >= tuple_size(indexgroup))
    return new_ref(none());
  return new_ref(tuple_get(indexgroup, static_cast<size_t>(m->lastindex)));
}
Value get_re(Value self) { return new_ref(as_match(self)->pattern); }
Value get_string(Value self) { return new_ref(as_match(self)->string); }
Value get_pos(Value self) { return int_from_int64(as_match(self)->pos); }
Value get_endpos(Value self) { return int_from_int64(as_match(self)->endpos); }

#define M(name, fn, kind) {name, reinterpret_cast<void*>(&fn), MethodKind::kind}
const MethodDef match_methods[] = {
    M("group", match_group, Fast),
    M("groups", match_groups, FastKeywords),
    M("groupdict", match_groupdict, FastKeywords),
    M("start", match_start, Fast),
    M("end", match_end, Fast),
    M("span", match_span, Fast),
    M("expand", match_expand, OneArg),
    M("__copy__", match_copy, NoArgs),
    M("__deepcopy__", match_deepcopy, OneArg),
    {"__class_getitem__", reinterpret_cast<void*>(&class_getitem_generic), MethodKind::OneArg, true},
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef M

const GetSetDef match_getsets[] = {
    {"regs", get_regs},
    {"lastindex", get_lastindex, nullptr, "The integer index of the last matched capturing group."},
    {"lastgroup", get_lastgroup, nullptr, "The name of the last matched capturing group."},
    {"re", get_re, nullptr, "The regular expression object."},
    {"string", get_string, nullptr, "The string passed to match() or search()."},
    {"pos", get_pos, nullptr, "The index into the string at which the RE engine started looking for a match."},
    {"endpos", get_endpos, nullptr, "The index into the string beyond which the RE engine will not go."},
    {nullptr, nullptr},
};

}  // namespace

Value match_new(PatternObject* pattern, Value string, const MatchState& st, int64_t pos, int64_t endpos) {
  auto* m = static_cast<MatchObject*>(allocate_object(&match_type, sizeof(MatchObject)));
  if (m == nullptr) return Value();
  int64_t n = pattern->groups + 1;
  m->spans = new std::vector<int64_t>(static_cast<size_t>(2 * n), -1);
  (*m->spans)[0] = st.start;
  (*m->spans)[1] = st.ptr;
  for (int64_t g = 1; g < n; g++) {
    int64_t i = 2 * g - 2;
    if (i + 1 <= st.lastmark && st.marks[i] >= 0 && st.marks[i + 1] >= 0) {
      int64_t a = st.marks[i], b = st.marks[i + 1];
      if (a > b) std::swap(a, b);
      (*m->spans)[2 * g] = a;
      (*m->spans)[2 * g + 1] = b;
    }
  }
  m->string = new_ref(string);
  m->pattern = new_ref(Value::object(pattern));
  m->pos = pos;
  m->endpos = endpos;
  m->lastindex = st.lastindex;
  m->regs = Value();
  gc_track(m);
  return Value::object(m);
}

int init_match_type() {
  static bool done = false;
  if (done) return 0;
  TypeObject& t = match_type;
  t.refcount = 1;
  t.Object::flags = ObjectFlag::Immortal;
  t.type = &type_type;
  t.name = "re.Match";
  t.qualname = "Match";
  t.base = &object_type;
  t.basic_size = sizeof(MatchObject);
  t.flags = TypeFlag::HaveGc;
  t.dealloc = match_dealloc;
  t.traverse = match_traverse;
  t.clear = match_clear;
  t.repr = match_repr;
  t.mapping.subscript = match_getitem;
  add_methods(&t, match_methods);
  add_getsets(&t, match_getsets);
  if (type_ready(&t) < 0) return -1;
  done = true;
  return 0;
}

}  // namespace krait::modules::sre
