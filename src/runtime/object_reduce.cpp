// object.__getstate__, __reduce__ and __reduce_ex__: the default pickling protocol of every
// object, as CPython 3.11's typeobject.c defines it. Protocols 0 and 1 go through
// copyreg._reduce_ex (pure Python); protocol 2 and above build (copyreg.__newobj__, (cls, *args),
// state, listitems, dictitems) here, with __getnewargs_ex__/__getnewargs__ giving the arguments.
#include "runtime/abstract.h"
#include "runtime/builtin_function.h"
#include "runtime/core_internal.h"
#include "runtime/dict.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "vm/import.h"

namespace krait::runtime {

namespace {

// copyreg.<name> (new reference), importing copyreg on first use as CPython does.
Value copyreg_attr(const char* name) {
  Ref copyreg = Ref::steal(vm::import_module("copyreg"));
  if (!copyreg) return Value();
  return get_attr(copyreg.get(), name);
}

// The names of the __slots__ of `type` and its bases: type.__slotnames__ when cached, else
// copyreg._slotnames(type) (which caches it). A list or None.
Value slot_names(TypeObject* type) {
  Value cached = dict_get_item(type->dict, KRAIT_NAME("__slotnames__"));
  if (cached) {
    if (!cached.is(none()) && !is_list(cached))
      return raise_format(exc::TypeError, "%s.__slotnames__ should be a list or None, not %s",
                          type->name.c_str(), value_type_name(cached));
    return incref(cached), cached;
  }
  if (error_occurred()) return Value();
  Ref fn = Ref::steal(copyreg_attr("_slotnames"));
  if (!fn) return Value();
  Value names = call_one_arg(fn.get(), Value::object(type));
  if (names && !names.is(none()) && !is_list(names)) {
    decref(names);
    return raise(exc::TypeError, "copyreg._slotnames didn't return a list or None");
  }
  return names;
}

bool instance_dict_empty(Value obj) {
  Value* slot = object_dict_address(obj);
  return !slot || slot->is_null() || (is_dict(*slot) && dict_size(*slot) == 0);
}

// The size an instance would have if it held nothing but its dict, weakref and slot fields:
// anything beyond is native state that the default state cannot capture.
bool has_native_state(TypeObject* type, Value names) {
  size_t size = object_type.basic_size;
  if (type->dict_offset > 0) size += sizeof(Value);
  if (type->weaklist_offset > 0) size += sizeof(Value);
  if (!names.is(none())) size += sizeof(Value) * list_size(names);
  return type->basic_size > size;
}

// CPython's object_getstate_default: the instance dict (or None), paired with a dict of the
// slot values when any is set. `required`: the state must capture the whole object.
Value getstate_default(Value obj, bool required) {
  TypeObject* type = type_of(obj);
  if (required && type->var_bytes)
    return raise_format(exc::TypeError, "cannot pickle %s objects", type->name.c_str());
  Ref state;
  if (instance_dict_empty(obj)) {
    state = Ref::borrow(none());
  } else {
    state = Ref::steal(object_get_dict(obj));
    if (!state) return Value();
  }
  Ref names = Ref::steal(slot_names(type));
  if (!names) return Value();
  if (required && has_native_state(type, names.get()))
    return raise_format(exc::TypeError, "cannot pickle '%s' object", type->name.c_str());
  if (names.get().is(none()) || list_size(names.get()) == 0) return state.release();
  Ref slots = Ref::steal(dict_new());
  if (!slots) return Value();
  size_t n = list_size(names.get());
  for (size_t i = 0; i < n; ++i) {
    Value name = list_get(names.get(), i);
    Ref value = Ref::steal(lookup_attr(obj, name));
    if (!value && error_occurred()) return Value();
    if (value && dict_set_item(slots.get(), name, value.get()) < 0) return Value();
    // The list lives on the class, so Python code run above may have changed it.
    if (list_size(names.get()) != n) return raise(exc::RuntimeError, "__slotsname__ changed size during iteration");
  }
  if (dict_size(slots.get()) == 0) return state.release();
  Value pair[2] = {state.get(), slots.get()};
  return tuple_from_array(pair, 2);
}

Value object_getstate(Value self) { return getstate_default(self, false); }

// obj.__getstate__(), passing `required` on when __getstate__ is object's own.
Value getstate(Value obj, bool required) {
  Ref method = Ref::steal(get_attr(obj, KRAIT_NAME("__getstate__")));
  if (!method) return Value();
  if (type_of(method.get()) == &builtin_function_type) {
    auto* f = static_cast<BuiltinFunctionObject*>(method.get().as_object());
    if (f->def->function == reinterpret_cast<void*>(&object_getstate) && f->self.is(obj))
      return getstate_default(obj, required);
  }
  return call_no_args(method.get());
}

// __getnewargs_ex__() or __getnewargs__(): *args (null if neither exists) and *kwargs (null
// unless __getnewargs_ex__ gave them). 0, or -1 + error.
int new_arguments(Value obj, Ref* args, Ref* kwargs) {
  Ref ex = Ref::steal(lookup_attr(obj, KRAIT_NAME("__getnewargs_ex__")));
  if (!ex && error_occurred()) return -1;
  if (ex) {
    Ref pair = Ref::steal(call_no_args(ex.get()));
    if (!pair) return -1;
    if (!is_tuple(pair.get())) {
      raise_format(exc::TypeError, "__getnewargs_ex__ should return a tuple, not '%s'", value_type_name(pair.get()));
      return -1;
    }
    if (tuple_size(pair.get()) != 2) {
      raise_format(exc::ValueError, "__getnewargs_ex__ should return a tuple of length 2, not %zu",
                   tuple_size(pair.get()));
      return -1;
    }
    Value a = tuple_get(pair.get(), 0), k = tuple_get(pair.get(), 1);
    if (!is_tuple(a)) {
      raise_format(exc::TypeError,
                   "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%s'",
                   value_type_name(a));
      return -1;
    }
    if (!is_dict(k)) {
      raise_format(exc::TypeError,
                   "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%s'",
                   value_type_name(k));
      return -1;
    }
    *args = Ref::borrow(a);
    *kwargs = Ref::borrow(k);
    return 0;
  }
  Ref plain = Ref::steal(lookup_attr(obj, KRAIT_NAME("__getnewargs__")));
  if (!plain && error_occurred()) return -1;
  if (!plain) return 0;
  *args = Ref::steal(call_no_args(plain.get()));
  if (!*args) return -1;
  if (!is_tuple(args->get())) {
    raise_format(exc::TypeError, "__getnewargs__ should return a tuple, not '%s'", value_type_name(args->get()));
    return -1;
  }
  return 0;
}

// Protocol 2+: (copyreg.__newobj__, (cls, *args), state, listitems, dictitems), or
// (copyreg.__newobj_ex__, (cls, args, kwargs), ...) when keyword arguments are needed.
Value reduce_newobj(Value obj) {
  TypeObject* type = type_of(obj);
  if (type->new_ == nullptr) return raise_format(exc::TypeError, "cannot pickle '%s' object", type->name.c_str());
  Ref args, kwargs;
  if (new_arguments(obj, &args, &kwargs) < 0) return Value();
  bool has_args = bool(args);
  Ref newobj, newargs;
  if (!kwargs || dict_size(kwargs.get()) == 0) {
    newobj = Ref::steal(copyreg_attr("__newobj__"));
    if (!newobj) return Value();
    size_t n = args ? tuple_size(args.get()) : 0;
    std::vector<Value> items{Value::object(type)};
    for (size_t i = 0; i < n; ++i) items.push_back(tuple_get(args.get(), i));
    newargs = Ref::steal(tuple_from_array(items.data(), items.size()));
  } else {
    newobj = Ref::steal(copyreg_attr("__newobj_ex__"));
    if (!newobj) return Value();
    Value items[3] = {Value::object(type), args.get(), kwargs.get()};
    newargs = Ref::steal(tuple_from_array(items, 3));
  }
  if (!newargs) return Value();
  Ref state = Ref::steal(getstate(obj, !(has_args || is_list(obj) || is_dict(obj))));
  if (!state) return Value();
  Ref listitems = Ref::borrow(none()), dictitems = Ref::borrow(none());
  if (is_list(obj)) {
    listitems = Ref::steal(get_iter(obj));
    if (!listitems) return Value();
  }
  if (is_dict(obj)) {
    Ref items = Ref::steal(call_method(obj, "items", nullptr, 0));
    if (!items) return Value();
    dictitems = Ref::steal(get_iter(items.get()));
    if (!dictitems) return Value();
  }
  Value result[5] = {newobj.get(), newargs.get(), state.get(), listitems.get(), dictitems.get()};
  return tuple_from_array(result, 5);
}

Value common_reduce(Value self, int64_t protocol) {
  if (protocol >= 2) return reduce_newobj(self);
  Ref fn = Ref::steal(copyreg_attr("_reduce_ex"));
  if (!fn) return Value();
  Ref proto = Ref::steal(int_from_int64(protocol));
  Value args[2] = {self, proto.get()};
  return call(fn.get(), args, 2);
}

Value object_reduce(Value self) { return common_reduce(self, 0); }

// A class's own __reduce__ wins over the protocol-based default.
Value object_reduce_ex(Value self, Value protocol_arg) {
  Ref index = Ref::steal(number_index(protocol_arg));
  if (!index) return Value();
  int64_t protocol = as_ssize(index.get());
  if (protocol == -1 && error_occurred()) return Value();
  if (protocol > INT32_MAX || protocol < INT32_MIN)
    return raise(exc::OverflowError, "Python int too large to convert to C int");
  Ref reduce = Ref::steal(lookup_attr(self, KRAIT_NAME("__reduce__")));
  if (!reduce && error_occurred()) return Value();
  if (reduce) {
    Value object_own = dict_get_item(object_type.dict, KRAIT_NAME("__reduce__"));
    Ref cls_reduce = Ref::steal(get_attr(Value::object(type_of(self)), KRAIT_NAME("__reduce__")));
    if (!cls_reduce) return Value();
    if (!cls_reduce.get().is(object_own)) return call_no_args(reduce.get());
  }
  return common_reduce(self, protocol);
}

const MethodDef object_pickle_methods[] = {
    {"__getstate__", (void*)object_getstate, MethodKind::NoArgs},
    {"__reduce_ex__", (void*)object_reduce_ex, MethodKind::OneArg},
    {"__reduce__", (void*)object_reduce, MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

}  // namespace

void add_object_pickle_methods() { add_methods(&object_type, object_pickle_methods); }

}  // namespace krait::runtime
