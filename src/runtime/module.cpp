// Module objects: a namespace dict with a name; module-level __getattr__ and __dir__ (PEP 562).
#include <cstddef>

#include "runtime/abstract.h"
#include "runtime/builtin_function.h"
#include "runtime/core_internal.h"
#include "runtime/dict.h"
#include "runtime/gc.h"
#include "runtime/memory.h"
#include "runtime/module.h"
#include "vm/import.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace krait::runtime {

TypeObject module_type;

namespace {

ModuleObject* as_module(Value v) { return static_cast<ModuleObject*>(v.as_object()); }
Value new_ref(Value v) {
  incref(v);
  return v;
}

void module_clear(Object* self) {
  auto* m = static_cast<ModuleObject*>(self);
  Value d = m->dict;
  m->dict = Value();
  xdecref(d);
}
void module_dealloc(Object* self) {
  gc_untrack(self);
  module_clear(self);
  free_object(self);
}
void module_traverse(Object* self, VisitFunc visit, void* context) {
  if (Value d = static_cast<ModuleObject*>(self)->dict) visit(d, context);
}

int init_dict(Value dict, Value name, Value doc) {
  if (dict_set_item_str(dict, "__name__", name) < 0) return -1;
  if (dict_set_item_str(dict, "__doc__", doc ? doc : none()) < 0) return -1;
  for (const char* key : {"__package__", "__loader__", "__spec__"})
    if (dict_set_item_str(dict, key, none()) < 0) return -1;
  return 0;
}

Value module_alloc(TypeObject* type, const Value*, size_t, Value) {
  size_t size = type->basic_size < sizeof(ModuleObject) ? sizeof(ModuleObject) : type->basic_size;
  Object* memory = allocate_object(type, size);
  if (!memory) return Value();
  auto* m = static_cast<ModuleObject*>(memory);
  m->dict = dict_new();
  if (!m->dict) {
    decref(Value::object(m));
    return Value();
  }
  gc_track(m);
  return Value::object(m);
}

int module_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value name, doc;
  size_t nkw = kw_count(kwnames);
  if (nargs > 2) {
    raise_format(exc::TypeError, "module() takes at most 2 arguments (%zu given)", nargs + nkw);
    return -1;
  }
  if (nargs > 0) name = args[0];
  if (nargs > 1) doc = args[1];
  for (size_t i = 0; i < nkw; ++i) {
    Value key = tuple_get(kwnames, i);
    if (str_equal_ascii(key, "name") && !name) name = args[nargs + i];
    else if (str_equal_ascii(key, "doc") && !doc) doc = args[nargs + i];
    else {
      raise_format(exc::TypeError, "module() got an unexpected keyword argument '%s'", str_cstr(key));
      return -1;
    }
  }
  if (!name) {
    raise(exc::TypeError, "module() missing required argument 'name' (pos 1)");
    return -1;
  }
  if (!is_str(name)) {
    raise_format(exc::TypeError, "module() argument 'name' must be str, not %s", value_type_name(name));
    return -1;
  }
  return init_dict(as_module(self)->dict, name, doc);
}

// The module's name for messages, or null when __name__ is missing or not a str.
Value module_name(Value self) {
  Value d = as_module(self)->dict;
  Value name = d ? dict_get_item_str(d, "__name__") : Value();
  return name && is_str(name) ? name : Value();
}

Value module_getattro(Value self, Value name) {
  Value r = object_lookup_attr(self, name);
  if (r || error_occurred()) return r;
  Value d = as_module(self)->dict;
  if (d) {
    if (Value getattr = dict_get_item_str(d, "__getattr__")) return call_one_arg(getattr, name);
  }
  Value mod_name = module_name(self);
  if (mod_name) {
    // A module still running its body (a circular import) says so, as CPython does.
    Value spec = d ? dict_get_item_str(d, "__spec__") : Value();
    if (spec && vm::spec_is_initializing(spec))
      return raise_format(exc::AttributeError,
                          "partially initialized module '%s' has no attribute '%s' (most likely due to a circular import)",
                          str_cstr(mod_name), str_cstr(name));
    return raise_format(exc::AttributeError, "module '%s' has no attribute '%s'", str_cstr(mod_name), str_cstr(name));
  }
  return raise_format(exc::AttributeError, "module has no attribute '%s'", str_cstr(name));
}

Value module_repr(Value self) {
  // As CPython 3.11: importlib's _bootstrap._module_repr once the import system runs.
  if (Value bootstrap = vm::importlib_bootstrap()) return call_method(bootstrap, "_module_repr", &self, 1);
  Value d = as_module(self)->dict;
  Value name = module_name(self);
  const char* n = name ? str_cstr(name) : "?";
  if (d) {
    if (Value file = dict_get_item_str(d, "__file__"); file && is_str(file))
      return str_from_format("<module '%s' from '%s'>", n, str_cstr(file));
    Value spec = dict_get_item_str(d, "__spec__");
    if (spec && !spec.is(none())) {
      Ref origin = Ref::steal(lookup_attr(spec, KRAIT_NAME("origin")));
      if (!origin && error_occurred()) return Value();
      if (origin && is_str(origin.get()) && str_equal_ascii(origin.get(), "built-in"))
        return str_from_format("<module '%s' (built-in)>", n);
      if (origin && is_str(origin.get()) && str_equal_ascii(origin.get(), "frozen"))
        return str_from_format("<module '%s' (frozen)>", n);
    }
  }
  return str_from_format("<module '%s'>", n);
}

Value module_dir(Value self) {
  Value d = as_module(self)->dict;
  if (!d || !is_dict(d)) return raise(exc::TypeError, "<module>.__dict__ is not a dictionary");
  if (Value dir = dict_get_item_str(d, "__dir__")) return call_no_args(dir);
  return dict_keys_list(d);
}

const MethodDef module_methods[] = {{"__dir__", (void*)module_dir, MethodKind::NoArgs},
                                    {nullptr, nullptr, MethodKind::NoArgs}};
const MemberDef module_members[] = {
    {"__dict__", MemberKind::Object, offsetof(ModuleObject, dict), true}, {nullptr, MemberKind::Object, 0}};

Value module_get_annotations(Value self) {
  Value d = as_module(self)->dict;
  Value a = dict_get_item_str(d, "__annotations__");
  if (a) return new_ref(a);
  Value fresh = dict_new();
  if (fresh && dict_set_item_str(d, "__annotations__", fresh) < 0) {
    decref(fresh);
    return Value();
  }
  return fresh;
}
int module_set_annotations(Value self, Value value) {
  Value d = as_module(self)->dict;
  if (value) return dict_set_item_str(d, "__annotations__", value);
  if (dict_del_item_str(d, "__annotations__") < 0) {
    clear_error();
    raise(exc::AttributeError, "__annotations__");
    return -1;
  }
  return 0;
}
const GetSetDef module_getsets[] = {{"__annotations__", module_get_annotations, module_set_annotations},
                                    {nullptr, nullptr}};

}  // namespace

Value module_new(Value name) {
  Value m = module_alloc(&module_type, nullptr, 0, Value());
  if (!m) return m;
  if (init_dict(as_module(m)->dict, name, Value()) < 0) {
    decref(m);
    return Value();
  }
  return m;
}

Value module_new(const char* name) {
  Ref n = Ref::steal(str_from_utf8(name));
  if (!n) return Value();
  return module_new(n.get());
}

Value module_dict(Value module) { return as_module(module)->dict; }

int module_add(Value module, const char* name, Value value) {
  return dict_set_item_str(as_module(module)->dict, name, value);
}

int module_add_functions(Value module, const MethodDef* functions) {
  for (const MethodDef* def = functions; def->name; ++def) {
    Ref f = Ref::steal(builtin_function_new(def, module, module));
    if (!f || module_add(module, def->name, f.get()) < 0) return -1;
  }
  return 0;
}

void init_module_type() {
  init_static_type(&module_type, "module", &object_type, sizeof(ModuleObject));
  module_type.flags |= TypeFlag::HaveGc;
  module_type.dict_offset = offsetof(ModuleObject, dict);
  module_type.weaklist_offset = offsetof(ModuleObject, weaklist);
  module_type.dealloc = module_dealloc;
  module_type.traverse = module_traverse;
  module_type.clear = module_clear;
  module_type.new_ = module_alloc;
  module_type.init = module_init;
  module_type.getattro = module_getattro;
  module_type.setattro = object_generic_setattr;
  module_type.repr = module_repr;
  add_methods(&module_type, module_methods);
  add_members(&module_type, module_members);
  add_getsets(&module_type, module_getsets);
  type_ready(&module_type);
}

}  // namespace krait::runtime
