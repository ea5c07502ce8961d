// super: attribute lookup that starts after a given class in the MRO of an instance's type.
// The zero-argument form finds the class in the calling function's __class__ cell and the
// instance in its first argument.
#include "runtime/abstract.h"
#include "runtime/core_internal.h"
#include "runtime/dict.h"
#include "runtime/gc.h"
#include "runtime/memory.h"
#include "runtime/tuple.h"
#include "vm/frame.h"
#include "vm/function.h"
#include "vm/state.h"

namespace krait::runtime {

TypeObject super_type;

namespace {

SuperObject* as_super(Value v) { return static_cast<SuperObject*>(v.as_object()); }
TypeObject* as_type(Value v) { return static_cast<TypeObject*>(v.as_object()); }
bool is_type(Value v) { return v.is_object() && is_subtype(v.as_object()->type, &type_type); }
Value new_ref(Value v) {
  incref(v);
  return v;
}

void super_clear(Object* self) {
  auto* s = static_cast<SuperObject*>(self);
  TypeObject* t = s->type;
  TypeObject* ot = s->obj_type;
  Value obj = s->obj;
  s->type = nullptr;
  s->obj_type = nullptr;
  s->obj = Value();
  if (t) decref(Value::object(t));
  if (ot) decref(Value::object(ot));
  xdecref(obj);
}
void super_dealloc(Object* self) {
  gc_untrack(self);
  super_clear(self);
  free_object(self);
}
void super_traverse(Object* self, VisitFunc visit, void* context) {
  auto* s = static_cast<SuperObject*>(self);
  if (s->type) visit(Value::object(s->type), context);
  if (s->obj) visit(s->obj, context);
  if (s->obj_type) visit(Value::object(s->obj_type), context);
}

// The type the MRO is taken from: obj itself when it is a subclass of `type`, else its class.
TypeObject* supercheck(TypeObject* type, Value obj) {
  if (is_type(obj) && is_subtype(as_type(obj), type)) return as_type(obj);
  if (is_subtype(type_of(obj), type)) return type_of(obj);
  Ref cls = Ref::steal(lookup_attr(obj, KRAIT_NAME("__class__")));
  if (!cls && error_occurred()) return nullptr;
  if (cls && is_type(cls.get()) && !cls.get().is(Value::object(type_of(obj))) && is_subtype(as_type(cls.get()), type))
    return as_type(cls.get());
  raise(exc::TypeError, "super(type, obj): obj must be an instance or subtype of type");
  return nullptr;
}

int super_set(SuperObject* s, TypeObject* type, Value obj) {
  TypeObject* obj_type = nullptr;
  if (obj && !obj.is(none())) {
    obj_type = supercheck(type, obj);
    if (!obj_type) return -1;
  } else {
    obj = Value();
  }
  incref(Value::object(type));
  if (obj) incref(obj);
  if (obj_type) incref(Value::object(obj_type));
  super_clear(s);
  s->type = type;
  s->obj = obj;
  s->obj_type = obj_type;
  return 0;
}

// super() inside a method: __class__ from the cell, the first argument from the frame.
int super_from_frame(TypeObject** type, Value* obj) {
  vm::Frame* f = vm::thread_state().frame;
  if (!f) {
    raise(exc::RuntimeError, "super(): no current frame");
    return -1;
  }
  vm::CodeObject* code = f->code;
  if (code->argcount == 0) {
    raise(exc::RuntimeError, "super(): no arguments");
    return -1;
  }
  Value first = f->localsplus[0];
  if (first && (code->localspluskinds[0] & bytecode::LocalKind::Cell) && first.is_object() &&
      first.as_object()->type == &cell_type)
    first = vm::as_cell(first)->ref;
  if (!first) {
    raise(exc::RuntimeError, "super(): arg[0] deleted");
    return -1;
  }
  size_t n = tuple_size(code->localsplusnames);
  for (size_t i = 0; i < n; ++i) {
    if (!(code->localspluskinds[i] & bytecode::LocalKind::Free)) continue;
    if (!str_equal_ascii(tuple_get(code->localsplusnames, i), "__class__")) continue;
    Value cell = f->localsplus[i];
    if (!cell || cell.as_object()->type != &cell_type) {
      raise(exc::RuntimeError, "super(): bad __class__ cell");
      return -1;
    }
    Value cls = vm::as_cell(cell)->ref;
    if (!cls) {
      raise(exc::RuntimeError, "super(): empty __class__ cell");
      return -1;
    }
    if (!is_type(cls)) {
      raise_format(exc::RuntimeError, "super(): __class__ is not a type (%s)", value_type_name(cls));
      return -1;
    }
    *type = as_type(cls);
    *obj = first;
    return 0;
  }
  raise(exc::RuntimeError, "super(): __class__ cell not found");
  return -1;
}

Value super_alloc(TypeObject* type, const Value*, size_t, Value) {
  size_t size = type->basic_size < sizeof(SuperObject) ? sizeof(SuperObject) : type->basic_size;
  Object* memory = allocate_object(type, size);
  if (!memory) return Value();
  gc_track(memory);
  return Value::object(memory);
}

int super_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs("super", kwnames)) return -1;
  if (nargs > 2) {
    raise_format(exc::TypeError, "super() takes at most 2 arguments (%zu given)", nargs);
    return -1;
  }
  TypeObject* type = nullptr;
  Value obj;
  if (nargs == 0) {
    if (super_from_frame(&type, &obj) < 0) return -1;
  } else {
    if (!is_type(args[0])) {
      raise_format(exc::TypeError, "super() argument 1 must be a type, not %s", value_type_name(args[0]));
      return -1;
    }
    type = as_type(args[0]);
    if (nargs == 2) obj = args[1];
  }
  return super_set(as_super(self), type, obj);
}

Value super_getattro(Value self, Value name) {
  auto* s = as_super(self);
  TypeObject* start = s->obj_type;
  if (start && !str_equal_ascii(name, "__class__")) {
    Value mro = start->mro;
    size_t n = mro ? tuple_size(mro) : 0;
    size_t i = 0;
    while (i + 1 < n && !tuple_get(mro, i).is(Value::object(s->type))) ++i;
    ++i;
    Ref keep_mro = Ref::borrow(mro);
    for (; i < n; ++i) {
      Value dict = as_type(tuple_get(mro, i))->dict;
      Value res = dict_get_item(dict, name);
      if (!res) continue;
      Ref keep = Ref::borrow(res);
      if (DescrGetFunc get = type_of(res)->descr_get)
        return get(res, s->obj.is(Value::object(start)) ? Value() : s->obj, Value::object(start));
      return keep.release();
    }
  }
  return object_generic_getattr(self, name);
}

Value super_descr_get(Value self, Value obj, Value owner) {
  auto* s = as_super(self);
  if (obj.is_null() || obj.is(none()) || s->obj) return new_ref(self);
  return super_new(s->type, obj);
}

Value super_repr(Value self) {
  auto* s = as_super(self);
  const char* tn = s->type ? s->type->name.c_str() : "NULL";
  if (s->obj_type) return str_from_format("<super: <class '%s'>, <%s object>>", tn, s->obj_type->name.c_str());
  return str_from_format("<super: <class '%s'>, NULL>", tn);
}

Value get_thisclass(Value self) {
  auto* s = as_super(self);
  return new_ref(s->type ? Value::object(s->type) : none());
}
Value get_self(Value self) {
  auto* s = as_super(self);
  return new_ref(s->obj ? s->obj : none());
}
Value get_self_class(Value self) {
  auto* s = as_super(self);
  return new_ref(s->obj_type ? Value::object(s->obj_type) : none());
}
const GetSetDef super_getsets[] = {{"__thisclass__", get_thisclass},
                                   {"__self__", get_self},
                                   {"__self_class__", get_self_class},
                                   {nullptr, nullptr}};

}  // namespace

Value super_new(TypeObject* type, Value obj) {
  Value s = super_alloc(&super_type, nullptr, 0, Value());
  if (!s) return s;
  if (super_set(as_super(s), type, obj) < 0) {
    decref(s);
    return Value();
  }
  return s;
}

void init_super_type() {
  init_static_type(&super_type, "super", &object_type, sizeof(SuperObject));
  super_type.flags |= TypeFlag::HaveGc;
  super_type.dealloc = super_dealloc;
  super_type.traverse = super_traverse;
  super_type.clear = super_clear;
  super_type.new_ = super_alloc;
  super_type.init = super_init;
  super_type.getattro = super_getattro;
  super_type.descr_get = super_descr_get;
  super_type.repr = super_repr;
  add_getsets(&super_type, super_getsets);
  type_ready(&super_type);
}

}  // namespace krait::runtime
