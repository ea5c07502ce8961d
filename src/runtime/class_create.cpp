// Heap types: the class object a class statement (or type(name, bases, ns)) creates, its
// instance layout (__slots__, __dict__, __weakref__), and the life cycle of its instances.
#include <cstring>

#include "runtime/abstract.h"
#include "runtime/core_internal.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/gc.h"
#include "runtime/memory.h"
#include "runtime/tuple.h"
#include "vm/frame.h"
#include "vm/function.h"
#include "vm/state.h"

namespace krait::runtime {

namespace {

TypeObject* as_type(Value v) { return static_cast<TypeObject*>(v.as_object()); }
bool is_type(Value v) { return v.is_object() && is_subtype(v.as_object()->type, &type_type); }


// Whether the static base keeps the __dict__ itself (exceptions, functions): then it clears it.
bool owns_dict_field(TypeObject* type) {
  TypeObject* sb = static_base(type);
  return type->dict_offset != 0 && (sb == nullptr || sb->dict_offset == 0);
}

// --- instances of heap types ---------------------------------------------------------------------

void clear_instance_fields(Object* self) {
  TypeObject* type = self->type;
  for (TypeObject* t = type; t && (t->flags & TypeFlag::HeapType); t = t->base) {
    for (const MemberDef& m : static_cast<HeapTypeObject*>(t)->members) {
      Value* slot = instance_field(self, m.offset);
      Value old = *slot;
      *slot = Value();
      xdecref(old);
    }
  }
  if (owns_dict_field(type)) {
    Value* d = object_dict_address(Value::object(self));
    Value old = *d;
    *d = Value();
    xdecref(old);
  }
}

void subtype_dealloc(Object* self) {
  TypeObject* type = self->type;
  gc_untrack(self);
  clear_instance_fields(self);
  TypeObject* sb = static_base(type);
  if (sb && sb->dealloc && sb->dealloc != &subtype_dealloc) sb->dealloc(self);
  else free_object(self);
}

void subtype_traverse(Object* self, VisitFunc visit, void* context) {
  TypeObject* type = self->type;
  visit(Value::object(type), context);
  for (TypeObject* t = type; t && (t->flags & TypeFlag::HeapType); t = t->base)
    for (const MemberDef& m : static_cast<HeapTypeObject*>(t)->members)
      if (Value v = *instance_field(self, m.offset)) visit(v, context);
  if (owns_dict_field(type))
    if (Value d = *object_dict_address(Value::object(self))) visit(d, context);
  TypeObject* sb = static_base(type);
  if (sb && sb->traverse) sb->traverse(self, visit, context);
}

void subtype_clear(Object* self) {
  clear_instance_fields(self);
  TypeObject* sb = static_base(self->type);
  if (sb && sb->clear) sb->clear(self);
}

Value instance_get_dict(Value self) { return object_get_dict(self); }
int instance_set_dict(Value self, Value value) {
  Value* slot = object_dict_address(self);
  if (!slot) {
    raise(exc::AttributeError, "This object has no __dict__");
    return -1;
  }
  if (value.is_null()) {
    raise(exc::TypeError, "cannot delete __dict__");
    return -1;
  }
  if (!is_dict(value)) {
    raise_format(exc::TypeError, "__dict__ must be set to a dictionary, not a '%s'", value_type_name(value));
    return -1;
  }
  Value old = *slot;
  incref(value);
  *slot = value;
  xdecref(old);
  return 0;
}
Value instance_get_weakref(Value self) {
  TypeObject* t = type_of(self);
  Value w = t->weaklist_offset ? *instance_field(self.as_object(), t->weaklist_offset) : Value();
  // The weak-reference list is internal (weakref's module reads it); None as CPython shows when empty.
  (void)w;
  incref(none());
  return none();
}

const GetSetDef instance_dict_getset[] = {
    {"__dict__", instance_get_dict, instance_set_dict}, {nullptr, nullptr}};
const GetSetDef instance_weakref_getset[] = {
    {"__weakref__", instance_get_weakref, nullptr, "list of weak references to the object (if defined)"},
    {nullptr, nullptr}};

// --- the class's layout --------------------------------------------------------------------------

// Whether `type` adds instance fields to its base (decides the "solid base").
bool adds_fields(TypeObject* type) {
  if (!type->base) return false;
  if (type->flags & TypeFlag::HeapType) return !static_cast<HeapTypeObject*>(type)->members.empty();
  return type->basic_size != type->base->basic_size;
}

TypeObject* solid_base(TypeObject* type) {
  while (type->base && !adds_fields(type)) type = type->base;
  return type;
}

TypeObject* best_base(Value bases) {
  TypeObject* base = nullptr;
  TypeObject* winner = nullptr;
  for (size_t i = 0; i < tuple_size(bases); ++i) {
    Value b = tuple_get(bases, i);
    if (!is_type(b)) {
      raise(exc::TypeError, "bases must be types");
      return nullptr;
    }
    TypeObject* t = as_type(b);
    if (!(t->flags & TypeFlag::BaseType)) {
      raise_format(exc::TypeError, "type '%s' is not an acceptable base type", t->name.c_str());
      return nullptr;
    }
    TypeObject* candidate = solid_base(t);
    if (winner == nullptr) {
      winner = candidate;
      base = t;
    } else if (is_subtype(winner, candidate)) {
      // winner is already the more derived layout
    } else if (is_subtype(candidate, winner)) {
      winner = candidate;
      base = t;
    } else {
      raise(exc::TypeError, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  return base;
}

bool is_identifier(std::string_view s) {
  if (s.empty()) return false;
  auto start = [](unsigned char c) { return c == '_' || std::isalpha(c) || c >= 0x80; };
  if (!start(s[0])) return false;
  for (unsigned char c : s)
    if (!(start(c) || std::isdigit(c))) return false;
  return true;
}

// Private name mangling of a slot name (__x in class _C becomes _C__x).
std::string mangle(std::string_view class_name, std::string_view name) {
  if (name.size() < 2 || name.substr(0, 2) != "__") return std::string(name);
  if (name.size() >= 4 && name.substr(name.size() - 2) == "__") return std::string(name);
  size_t i = 0;
  while (i < class_name.size() && class_name[i] == '_') ++i;
  if (i == class_name.size()) return std::string(name);
  std::string result;
  result.reserve(1 + class_name.size() - i + name.size());
  result += '_';
  result.append(class_name.substr(i));
  result.append(name);
  return result;
}

// Wraps plain functions that are implicitly class/static methods.
int wrap_implicit_methods(Value dict) {
  struct Implicit { Value name; bool is_static; };
  static const Implicit kImplicit[] = {{KRAIT_NAME("__new__"), true},
                                       {KRAIT_NAME("__init_subclass__"), false},
                                       {KRAIT_NAME("__class_getitem__"), false}};
  for (const Implicit& im : kImplicit) {
    Value f = dict_get_item_name(dict, im.name);
    if (!f || type_of(f) != &function_type) continue;
    Ref wrapped = Ref::steal(im.is_static ? staticmethod_new(f) : classmethod_new(f));
    if (!wrapped || dict_set_item(dict, im.name, wrapped.get()) < 0) return -1;
  }
  return 0;
}

// Processes __slots__: member names into `type`, flags for __dict__/__weakref__. 0 or -1.
int process_slots(HeapTypeObject* type, Value slots, Value dict, bool* add_dict, bool* add_weak) {
  Ref seq;
  if (is_str(slots)) seq = Ref::steal(tuple_pack({slots}));
  else seq = Ref::steal(tuple_from_iterable(slots));
  if (!seq) return -1;
  TypeObject* native = static_base(type->base);
  if (tuple_size(seq.get()) > 0 && native && native->item_size != 0) {
    raise_format(exc::TypeError, "nonempty __slots__ not supported for subtype of '%s'", type->base->name.c_str());
    return -1;
  }
  type->slots = seq.get();
  incref(type->slots);
  std::string class_name = type->name;
  for (size_t i = 0; i < tuple_size(seq.get()); ++i) {
    Value item = tuple_get(seq.get(), i);
    if (!is_str(item)) {
      raise_format(exc::TypeError, "__slots__ items must be strings, not '%s'", value_type_name(item));
      return -1;
    }
    std::string_view s = str_utf8(item);
    if (!is_identifier(s)) {
      raise(exc::TypeError, "__slots__ must be identifiers");
      return -1;
    }
    if (s == "__dict__") {
      if (*add_dict || type->base->dict_offset != 0) {
        raise(exc::TypeError, "__dict__ slot disallowed: we already got one");
        return -1;
      }
      *add_dict = true;
      continue;
    }
    if (s == "__weakref__") {
      if (*add_weak || type->base->weaklist_offset != 0) {
        raise(exc::TypeError, "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
        return -1;
      }
      *add_weak = true;
      continue;
    }
    std::string name = mangle(class_name, s);
    if (dict_get_item_str(dict, name.c_str())) {
      raise_format(exc::ValueError, "'%s' in __slots__ conflicts with class variable", std::string(s).c_str());
      return -1;
    }
    type->slot_names.push_back(name);
  }
  return 0;
}

// Runs __set_name__ on every attribute that has one (CPython 3.11 wraps errors in RuntimeError).
int call_set_names(TypeObject* type) {
  Ref copy = Ref::steal(dict_copy(type->dict));
  if (!copy) return -1;
  size_t pos = 0;
  Value key, value;
  while (dict_next(copy.get(), &pos, &key, &value)) {
    Value set_name = type_lookup(type_of(value), KRAIT_NAME("__set_name__"));
    if (!set_name) continue;
    Value args[2] = {Value::object(type), key};
    Ref r = Ref::steal(call_method_kw(value, KRAIT_NAME("__set_name__"), args, 2, Value()));
    if (!r) {
      Ref cause = fetch_exception();
      Ref err = Ref::steal(exception_from_message(
          exc::RuntimeError, std::string("Error calling __set_name__ on '") + value_type_name(value) + "' instance " +
                                 str_repr_utf8(key) + " in '" + type->qualname + "'"));
      if (!err) return -1;
      exception_set_cause(err.get(), cause.get());
      set_exception(err.get());
      return -1;
    }
  }
  return 0;
}

// super(type, type).__init_subclass__(**kwargs)
int call_init_subclass(TypeObject* type, Value kwargs) {
  Value mro = type->mro;
  Value func;
  for (size_t i = 1; i < tuple_size(mro) && !func; ++i)
    func = dict_get_item(as_type(tuple_get(mro, i))->dict, KRAIT_NAME("__init_subclass__"));
  if (!func) return 0;
  Ref bound;
  if (DescrGetFunc get = type_of(func)->descr_get) bound = Ref::steal(get(func, Value(), Value::object(type)));
  else bound = Ref::borrow(func);
  if (!bound) return -1;
  std::vector<Value> values;
  Ref names;
  if (kwargs && dict_size(kwargs) > 0) {
    names = Ref::steal(tuple_new(dict_size(kwargs)));
    if (!names) return -1;
    size_t pos = 0, i = 0;
    Value k, v;
    while (dict_next(kwargs, &pos, &k, &v)) {
      incref(k);
      tuple_items(names.get())[i++] = k;
      values.push_back(v);
    }
  }
  Ref r = Ref::steal(call(bound.get(), values.data(), 0, names.get()));
  return r ? 0 : -1;
}

// The module name for a class made by type(): the calling code's globals' __name__.
Value current_module_name() {
  vm::Frame* f = vm::thread_state().frame;
  if (!f || !f->globals) return Value();
  return dict_get_item_name(f->globals, KRAIT_NAME("__name__"));
}

}  // namespace

namespace {

// Recomputes the MRO of `type` and its subclasses after a __bases__ change.
int remro(TypeObject* type) {
  Value mro = type_compute_mro(type);
  if (!mro) return -1;
  Value old = type->mro;
  type->mro = mro;
  xdecref(old);
  type_modified(type);
  if (type->flags & TypeFlag::HeapType) fixup_heap_slots(type);
  if (type->subclasses.is_null()) return 0;
  Ref subs = Ref::steal(dict_copy(type->subclasses));
  size_t pos = 0;
  Value key;
  while (dict_next(subs.get(), &pos, &key, nullptr))
    if (remro(reinterpret_cast<TypeObject*>(static_cast<uintptr_t>(key.as_small_int()))) < 0) return -1;
  return 0;
}

}  // namespace

int type_set_bases(Value self, Value value) {
  TypeObject* type = as_type(self);
  const char* n = type->name.c_str();
  if (!(type->flags & TypeFlag::HeapType)) {
    raise_format(exc::TypeError, "cannot set '__bases__' attribute of immutable type '%s'", n);
    return -1;
  }
  if (value.is_null()) {
    raise_format(exc::TypeError, "cannot delete '__bases__' attribute of immutable type '%s'", n);
    return -1;
  }
  if (!is_tuple(value)) {
    raise_format(exc::TypeError, "can only assign tuple to %s.__bases__, not %s", n, value_type_name(value));
    return -1;
  }
  if (tuple_size(value) == 0) {
    raise_format(exc::TypeError, "can only assign non-empty tuple to %s.__bases__, not ()", n);
    return -1;
  }
  for (size_t i = 0; i < tuple_size(value); ++i) {
    Value b = tuple_get(value, i);
    if (!is_type(b)) {
      raise_format(exc::TypeError, "%s.__bases__ must be tuple of classes, not '%s'", n, value_type_name(b));
      return -1;
    }
    if (is_subtype(as_type(b), type)) {
      raise(exc::TypeError, "a __bases__ item causes an inheritance cycle");
      return -1;
    }
  }
  TypeObject* new_base = best_base(value);
  if (!new_base) return -1;
  if (solid_base(new_base) != solid_base(type->base) || static_base(new_base) != static_base(type->base)) {
    raise_format(exc::TypeError, "__bases__ assignment: '%s' object layout differs from '%s'", new_base->name.c_str(),
                 type->base->name.c_str());
    return -1;
  }
  Ref old_bases = Ref::borrow(type->bases);
  TypeObject* old_base = type->base;
  for (size_t i = 0; i < tuple_size(old_bases.get()); ++i) type_remove_subclass(as_type(tuple_get(old_bases.get(), i)), type);
  incref(value);
  type->bases = value;
  decref(old_bases.get());
  incref(Value::object(new_base));
  type->base = new_base;
  if (remro(type) < 0) {
    // Restore the previous bases (the MRO failed, e.g. an inconsistent order).
    Ref err = fetch_exception();
    Value failed = type->bases;
    type->bases = old_bases.get();
    incref(type->bases);
    decref(failed);
    type->base = old_base;
    decref(Value::object(new_base));
    remro(type);
    for (size_t i = 0; i < tuple_size(type->bases); ++i) type_add_subclass(as_type(tuple_get(type->bases, i)), type);
    set_exception(err.get());
    return -1;
  }
  decref(Value::object(old_base));
  for (size_t i = 0; i < tuple_size(value); ++i) type_add_subclass(as_type(tuple_get(value, i)), type);
  return 0;
}

void heap_type_dealloc(Object* self) {
  auto* type = static_cast<HeapTypeObject*>(self);
  gc_untrack(self);
  if (type->bases)
    for (size_t i = 0; i < tuple_size(type->bases); ++i) type_remove_subclass(as_type(tuple_get(type->bases, i)), type);
  for (Value* v : {&type->dict, &type->bases, &type->mro, &type->subclasses, &type->slots}) {
    Value old = *v;
    *v = Value();
    xdecref(old);
  }
  if (type->base) decref(Value::object(type->base));
  type->base = nullptr;
  type->~HeapTypeObject();
  free_object(self);
}

Value create_class(TypeObject* metatype, Value name, Value bases, Value ns, Value kwargs) {
  Ref bases_ref = Ref::borrow(bases);
  if (tuple_size(bases) == 0) {
    bases_ref = Ref::steal(tuple_pack({Value::object(&object_type)}));
    if (!bases_ref) return Value();
  }
  bases = bases_ref.get();
  TypeObject* base = best_base(bases);
  if (!base) return Value();

  Ref dict = Ref::steal(dict_copy(ns));
  if (!dict) return Value();
  Value slots = dict_get_item_name(dict.get(), KRAIT_NAME("__slots__"));

  size_t size = metatype->basic_size < sizeof(HeapTypeObject) ? sizeof(HeapTypeObject) : metatype->basic_size;
  Object* memory = allocate_object(metatype, size);
  if (!memory) return Value();
  uint32_t header_flags = memory->flags;
  auto* type = new (memory) HeapTypeObject();
  Object* header = type;
  header->refcount = 1;
  header->flags = header_flags;
  header->type = metatype;
  Ref result = Ref::steal(Value::object(type));

  type->name = std::string(str_utf8(name));
  if (type->name.find('\0') != std::string::npos) return raise(exc::ValueError, "type name must not contain null characters");
  type->qualname = type->name;
  type->flags = TypeFlag::HeapType | TypeFlag::BaseType | TypeFlag::HaveGc;
  type->base = base;
  incref(Value::object(base));
  type->bases = bases;
  incref(bases);
  type->dict = dict.release();

  if (Value q = dict_get_item_name(type->dict, KRAIT_NAME("__qualname__"))) {
    if (!is_str(q))
      return raise_format(exc::TypeError, "type __qualname__ must be a str, not %s", value_type_name(q));
    type->qualname = std::string(str_utf8(q));
    if (dict_del_item(type->dict, KRAIT_NAME("__qualname__")) < 0) return Value();
  }
  if (!dict_get_item_name(type->dict, KRAIT_NAME("__module__"))) {
    if (Value m = current_module_name())
      if (dict_set_item(type->dict, KRAIT_NAME("__module__"), m) < 0) return Value();
  }
  if (wrap_implicit_methods(type->dict) < 0) return Value();

  // Layout: the base's instance, then slot members, then __dict__ and __weakref__.
  bool add_dict = false, add_weak = false;
  if (slots) {
    if (process_slots(type, slots, type->dict, &add_dict, &add_weak) < 0) return Value();
  } else {
    add_dict = true;
    add_weak = true;
  }
  TypeObject* native = static_base(base);
  size_t item_size = native ? native->item_size : 0;
  // Fields of a var-sized base's subclasses lie past the variable part (instance_field).
  bool var_sized = native && native->var_bytes;
  size_t offset = base->basic_size;
  auto field_offset = [&](size_t at) {
    return var_sized ? -ptrdiff_t(at - native->basic_size) - 1 : static_cast<ptrdiff_t>(at);
  };
  type->members.reserve(type->slot_names.size());
  for (const std::string& n : type->slot_names) {
    type->members.push_back(MemberDef{n.c_str(), MemberKind::Object, field_offset(offset)});
    offset += sizeof(Value);
  }
  type->dict_offset = base->dict_offset;
  type->weaklist_offset = base->weaklist_offset;
  bool new_dict = false, new_weak = false;
  if (add_dict && type->dict_offset == 0) {
    type->dict_offset = field_offset(offset);
    offset += sizeof(Value);
    new_dict = true;
  }
  if (add_weak && type->weaklist_offset == 0 && item_size == 0) {
    type->weaklist_offset = field_offset(offset);
    offset += sizeof(Value);
    new_weak = true;
  }
  type->basic_size = offset;
  type->dealloc = subtype_dealloc;
  type->traverse = subtype_traverse;
  type->clear = subtype_clear;

  for (const MemberDef& m : type->members) {
    Ref d = Ref::steal(member_descriptor_new(type, &m));
    if (!d || dict_set_item_str(type->dict, m.name, d.get()) < 0) return Value();
  }
  if (new_dict) add_getsets(type, instance_dict_getset);
  if (new_weak) add_getsets(type, instance_weakref_getset);
  if (error_occurred()) return Value();
  // After the members, as CPython orders the class dict (a '__doc__' slot is not a conflict).
  if (!dict_get_item_name(type->dict, KRAIT_NAME("__doc__")) && dict_set_item(type->dict, KRAIT_NAME("__doc__"), none()) < 0)
    return Value();
  if (dict_get_item_name(type->dict, KRAIT_NAME("__eq__")) && !dict_get_item_name(type->dict, KRAIT_NAME("__hash__")) &&
      dict_set_item(type->dict, KRAIT_NAME("__hash__"), none()) < 0)
    return Value();

  if (type_ready(type) < 0) return Value();
  fixup_heap_slots(type);

  if (Value cell = dict_get_item_name(type->dict, KRAIT_NAME("__classcell__"))) {
    if (type_of(cell) != &cell_type)
      return raise_format(exc::TypeError, "__classcell__ must be a nonlocal cell, not <class '%s'>",
                          value_type_name(cell));
    auto* c = vm::as_cell(cell);
    Value old = c->ref;
    incref(Value::object(type));
    c->ref = Value::object(type);
    xdecref(old);
    if (dict_del_item(type->dict, KRAIT_NAME("__classcell__")) < 0) return Value();
    type_modified(type);
  }
  gc_track(type);
  if (call_set_names(type) < 0) return Value();
  if (call_init_subclass(type, kwargs) < 0) return Value();
  return result.release();
}

}  // namespace krait::runtime
