// Struct sequences: tuple subclasses whose item array also holds the hidden fields.
#include "runtime/structseq.h"

#include <cstddef>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/descriptors.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/memory.h"
#include "runtime/str.h"
#include "runtime/str_builder.h"
#include "runtime/tuple.h"

namespace krait::runtime {

namespace {

// The type object with the layout facts its instances need. Never freed.
struct StructSeqType : TypeObject {
  size_t n_fields = 0;
  size_t n_visible = 0;
  size_t n_unnamed = 0;
  void (*after_new)(Value self) = nullptr;
  std::vector<std::string> names;      // the named fields in order (CPython's tp_members)
  std::vector<std::string> docs;
  std::vector<MemberDef> members;      // null-terminated; points into names/docs
};

StructSeqType* structseq_type(Value v) { return static_cast<StructSeqType*>(v.as_object()->type); }

void structseq_dealloc(Object* self) {
  auto* t = static_cast<StructSeqType*>(self->type);
  TupleObject* tuple = static_cast<TupleObject*>(self);
  for (size_t i = t->n_fields; i-- > 0;) xdecref(tuple->items[i]);
  free_object(self);
}

void structseq_traverse(Object* self, VisitFunc visit, void* context) {
  auto* t = static_cast<StructSeqType*>(self->type);
  TupleObject* tuple = static_cast<TupleObject*>(self);
  for (size_t i = 0; i < t->n_fields; ++i)
    if (tuple->items[i].is_object()) visit(tuple->items[i], context);
}

Value allocate(StructSeqType* t) {
  Object* memory = allocate_object(t, sizeof(TupleObject) + t->n_fields * sizeof(Value));
  if (memory == nullptr) return Value();
  static_cast<TupleObject*>(memory)->size = static_cast<int64_t>(t->n_visible);
  gc_track(memory);
  return Value::object(memory);
}

// CPython's repr names visible item i after the i-th NAMED field, so stat_result's unnamed
// integer times print as st_atime=..., st_mtime=..., st_ctime=... (kept for byte equality).
Value structseq_repr(Value self) {
  StructSeqType* t = structseq_type(self);
  std::string text = t->name + "(";
  for (size_t i = 0; i < t->n_visible; ++i) {
    Ref r = Ref::steal(repr(tuple_get(self, i)));
    if (!r) return Value();
    if (i > 0) text += ", ";
    text += i < t->names.size() ? t->names[i] : std::string("unnamed field");
    text += '=';
    text += str_utf8(r.get());
  }
  text += ')';
  return str_from_utf8(text);
}

Value structseq_reduce(Value self) {
  StructSeqType* t = structseq_type(self);
  Ref visible = Ref::steal(tuple_from_array(tuple_items(self), t->n_visible));
  Ref hidden = Ref::steal(dict_new());
  if (!visible || !hidden) return Value();
  for (size_t i = t->n_visible; i < t->n_fields; ++i) {
    Value v = tuple_items(self)[i];
    if (dict_set_item_str(hidden.get(), t->names[i - t->n_unnamed].c_str(), v ? v : none()) < 0)
      return Value();
  }
  Ref args = Ref::steal(tuple_pack({visible.get(), hidden.get()}));
  if (!args) return Value();
  return tuple_pack({Value::object(t), args.get()});
}

bool check_count(StructSeqType* t, size_t given) {
  size_t min = t->n_visible, max = t->n_fields;
  const char* name = t->name.c_str();
  if (given < min) {
    if (min == max)
      raise_format(exc::TypeError, "%s() takes a %zu-sequence (%zu-sequence given)", name, min, given);
    else
      raise_format(exc::TypeError, "%s() takes an at least %zu-sequence (%zu-sequence given)", name, min, given);
    return false;
  }
  if (given > max) {
    if (min == max)
      raise_format(exc::TypeError, "%s() takes a %zu-sequence (%zu-sequence given)", name, max, given);
    else
      raise_format(exc::TypeError, "%s() takes an at most %zu-sequence (%zu-sequence given)", name, max, given);
    return false;
  }
  return true;
}

// structseq(sequence, dict=None): visible fields from the sequence, hidden ones from the rest
// of the sequence, then from the dict by name, else None.
Value structseq_new_slot(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  auto* t = static_cast<StructSeqType*>(type);
  Value params[2] = {Value(), Value()};
  size_t nkw = kwnames ? tuple_size(kwnames) : 0;
  if (nargs + nkw > 2)
    return raise_format(exc::TypeError, "structseq() takes at most 2 arguments (%zu given)", nargs + nkw);
  for (size_t i = 0; i < nargs; ++i) params[i] = args[i];
  for (size_t k = 0; k < nkw; ++k) {
    std::string_view key = str_utf8(tuple_get(kwnames, k));
    size_t index = key == "sequence" ? 0 : key == "dict" ? 1 : 2;
    if (index == 2) {
      std::string name(key);
      return raise_format(exc::TypeError, "'%s' is an invalid keyword argument for structseq()", name.c_str());
    }
    if (params[index])
      return raise_format(exc::TypeError, "argument for structseq() given by name ('%s') and position (%zu)",
                          index == 0 ? "sequence" : "dict", index + 1);
    params[index] = args[nargs + k];
  }
  if (!params[0]) return raise(exc::TypeError, "structseq() missing required argument 'sequence' (pos 1)");
  Value dict = params[1] && !params[1].is(none()) ? params[1] : Value();
  if (dict && !is_dict(dict))
    return raise_format(exc::TypeError, "%s() takes a dict as second arg, if any", t->name.c_str());
  Ref items;
  if (is_tuple(params[0])) {
    items = Ref::borrow(params[0]);
  } else {
    items = Ref::steal(tuple_from_iterable(params[0]));
    if (!items) {
      if (error_matches(exc::TypeError)) {
        clear_error();
        return raise(exc::TypeError, "constructor requires a sequence");
      }
      return Value();
    }
  }
  size_t given = tuple_size(items.get());
  if (!check_count(t, given)) return Value();
  Ref result = Ref::steal(allocate(t));
  if (!result) return Value();
  for (size_t i = 0; i < t->n_fields; ++i) {
    Value v;
    if (i < given) {
      v = tuple_get(items.get(), i);
    } else if (dict) {
      v = dict_get_item_str(dict, t->names[i - t->n_unnamed].c_str());
    }
    if (!v) v = none();
    incref(v);
    tuple_items(result.get())[i] = v;
  }
  if (t->after_new) t->after_new(result.get());
  return result.release();
}

const MethodDef kStructSeqMethods[] = {
    {"__reduce__", reinterpret_cast<void*>(structseq_reduce), MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

int set_type_attribute(TypeObject* t, const char* name, Value value) {
  if (!value) return -1;
  int r = dict_set_item_str(t->dict, name, value);
  decref(value);
  return r;
}

}  // namespace

TypeObject* structseq_new_type(const StructSeqDesc& desc) {
  auto* t = new StructSeqType();
  t->refcount = 1;
  t->Object::flags = ObjectFlag::Immortal;
  t->type = &type_type;
  t->name = desc.name;
  std::string qual = desc.name;
  size_t dot = qual.rfind('.');
  t->qualname = dot == std::string::npos ? qual : qual.substr(dot + 1);
  t->base = &tuple_type;
  t->basic_size = sizeof(TupleObject);
  t->flags = TypeFlag::HaveGc | TypeFlag::TupleSubclass | TypeFlag::MatchSequence;
  t->dealloc = structseq_dealloc;
  t->traverse = structseq_traverse;
  t->repr = structseq_repr;
  t->new_ = structseq_new_slot;
  t->n_fields = desc.n_fields;
  t->n_visible = desc.n_visible;
  t->after_new = desc.after_new;
  t->names.reserve(desc.n_fields);
  t->docs.reserve(desc.n_fields);
  for (size_t i = 0; i < desc.n_fields; ++i) {
    const StructSeqField& f = desc.fields[i];
    if (f.name == nullptr) {
      ++t->n_unnamed;
      continue;
    }
    t->names.emplace_back(f.name);
    t->docs.emplace_back(f.doc ? f.doc : "");
  }
  // names/docs no longer grow: members may point into them.
  size_t named = 0;
  for (size_t i = 0; i < desc.n_fields; ++i) {
    if (desc.fields[i].name == nullptr) continue;
    ptrdiff_t offset = static_cast<ptrdiff_t>(sizeof(TupleObject) + i * sizeof(Value));
    t->members.push_back(MemberDef{t->names[named].c_str(), MemberKind::ObjectNone, offset, true,
                                   desc.fields[i].doc ? t->docs[named].c_str() : nullptr});
    ++named;
  }
  t->members.push_back(MemberDef{nullptr, MemberKind::Object, 0});
  add_members(t, t->members.data());
  add_methods(t, kStructSeqMethods);
  if (type_ready(t) < 0) return nullptr;

  // Class attributes CPython sets after readying the type.
  std::vector<Value> match_args;
  for (size_t i = 0; i < desc.n_visible; ++i)
    if (desc.fields[i].name) match_args.push_back(Value());
  Ref match = Ref::steal(tuple_new(match_args.size()));
  if (!match) return nullptr;
  for (size_t i = 0, k = 0; i < desc.n_visible; ++i) {
    if (!desc.fields[i].name) continue;
    Value s = str_intern(desc.fields[i].name);
    if (!s) return nullptr;
    tuple_items(match.get())[k++] = s;
  }
  if (dict_set_item_str(t->dict, "__match_args__", match.get()) < 0 ||
      set_type_attribute(t, "n_sequence_fields", int_from_int64(static_cast<int64_t>(t->n_visible))) < 0 ||
      set_type_attribute(t, "n_fields", int_from_int64(static_cast<int64_t>(t->n_fields))) < 0 ||
      set_type_attribute(t, "n_unnamed_fields", int_from_int64(static_cast<int64_t>(t->n_unnamed))) < 0)
    return nullptr;
  if (desc.doc && set_type_attribute(t, "__doc__", str_from_utf8(desc.doc)) < 0) return nullptr;
  type_modified(t);
  return t;
}

Value structseq_new(TypeObject* type) { return allocate(static_cast<StructSeqType*>(type)); }

void structseq_set(Value seq, size_t i, Value value) {
  Value* slot = &tuple_items(seq)[i];
  Value old = *slot;
  *slot = value;
  xdecref(old);
}

Value structseq_get(Value seq, size_t i) { return tuple_items(seq)[i]; }

bool is_structseq_type(const TypeObject* type) { return type->dealloc == structseq_dealloc; }

}  // namespace krait::runtime
