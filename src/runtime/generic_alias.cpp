#include "runtime/generic_alias.h"

#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/core_internal.h"
#include "runtime/errors.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memory.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

namespace krait::runtime {

TypeObject generic_alias_type;

namespace {

struct GenericAliasObject : Object {
  Value origin;      // owned
  Value args;        // owned tuple
  Value parameters;  // owned tuple, computed on first use (null before)
  bool starred;      // *tuple[int]
};

GenericAliasObject* as_alias(Value v) { return static_cast<GenericAliasObject*>(v.as_object()); }

Value make_alias(Value origin, Value args, bool starred) {
  Ref t = Ref::steal(is_tuple(args) ? new_ref(args) : tuple_pack({args}));
  if (!t) return Value();
  auto* a = new_object<GenericAliasObject>(&generic_alias_type);
  if (!a) return Value();
  a->origin = new_ref(origin);
  a->args = t.release();
  a->parameters = Value();
  a->starred = starred;
  gc_track(a);
  return Value::object(a);
}

void alias_clear(Object* self) {
  auto* a = static_cast<GenericAliasObject*>(self);
  for (Value* field : {&a->origin, &a->args, &a->parameters}) {
    Value v = *field;
    *field = Value();
    xdecref(v);
  }
}

void alias_dealloc(Object* self) {
  gc_untrack(self);
  alias_clear(self);
  free_object(self);
}

void alias_traverse(Object* self, VisitFunc visit, void* context) {
  auto* a = static_cast<GenericAliasObject*>(self);
  for (Value v : {a->origin, a->args, a->parameters})
    if (v) visit(v, context);
}

// One item of the repr: `...`, a nested alias as its repr, a class as module.qualname
// (builtins without the module), a list as [a, b], anything else as its repr.
bool repr_item(Value v, std::string& out);

bool repr_list(Value list, std::string& out) {
  out += "[";
  for (int64_t i = 0, n = length(list); i < n; ++i) {
    if (i) out += ", ";
    Ref item = Ref::steal(get_item(list, Ref::steal(int_from_int64(i)).get()));
    if (!item || !repr_item(item.get(), out)) return false;
  }
  out += "]";
  return true;
}

bool repr_item(Value v, std::string& out) {
  if (v.is(ellipsis())) {
    out += "...";
    return true;
  }
  if (is_list(v)) return repr_list(v, out);
  static Value origin_name = str_intern("__origin__"), args_name = str_intern("__args__"),
               qualname_name = str_intern("__qualname__"), module_name = str_intern("__module__");
  Ref origin = Ref::steal(lookup_attr(v, origin_name));
  if (error_occurred()) return false;
  Ref args = origin ? Ref::steal(lookup_attr(v, args_name)) : Ref();
  if (error_occurred()) return false;
  if (!(origin && args)) {
    Ref qualname = Ref::steal(lookup_attr(v, qualname_name));
    if (error_occurred()) return false;
    Ref module = qualname ? Ref::steal(lookup_attr(v, module_name)) : Ref();
    if (error_occurred()) return false;
    if (qualname && module && !module.get().is(none())) {
      Ref m = Ref::steal(str(module.get()));
      Ref q = Ref::steal(str(qualname.get()));
      if (!m || !q) return false;
      std::string ms = str_to_utf8(m.get());
      out += ms == "builtins" ? str_to_utf8(q.get()) : ms + "." + str_to_utf8(q.get());
      return true;
    }
  }
  Ref r = Ref::steal(repr(v));
  if (!r) return false;
  out += str_to_utf8(r.get());
  return true;
}

Value alias_repr(Value self) {
  GenericAliasObject* a = as_alias(self);
  std::string out = a->starred ? "*" : "";
  if (!repr_item(a->origin, out)) return Value();
  out += "[";
  size_t n = tuple_size(a->args);
  if (n == 0) out += "()";
  for (size_t i = 0; i < n; ++i) {
    if (i) out += ", ";
    if (!repr_item(tuple_get(a->args, i), out)) return Value();
  }
  out += "]";
  return str_from_utf8(out);
}

bool is_class(Value v) { return v.is_object() && is_subtype(type_of(v), &type_type); }

bool is_typevar_like(Value v) {
  if (is_class(v)) return false;
  static Value subst = str_intern("__typing_subst__");
  Ref f = Ref::steal(lookup_attr(v, subst));
  return bool(f);
}

void add_unique(std::vector<Value>& out, Value v) {
  for (Value x : out)
    if (x.is(v)) return;
  out.push_back(v);
}

// __parameters__: the type variables among the arguments, in order, each once.
Value parameters_of(Value args) {
  std::vector<Value> params;
  std::vector<Ref> keep;
  static Value parameters_name = str_intern("__parameters__");
  for (size_t i = 0; i < tuple_size(args); ++i) {
    Value arg = tuple_get(args, i);
    if (is_class(arg)) continue;
    if (is_typevar_like(arg)) {
      add_unique(params, arg);
      continue;
    }
    if (error_occurred()) return Value();
    Ref sub = Ref::steal(lookup_attr(arg, parameters_name));
    if (error_occurred()) return Value();
    if (sub && is_tuple(sub.get())) {
      for (size_t k = 0; k < tuple_size(sub.get()); ++k) add_unique(params, tuple_get(sub.get(), k));
      keep.push_back(std::move(sub));
    }
  }
  return tuple_from_array(params.data(), params.size());
}

Value alias_parameters(Value self) {
  GenericAliasObject* a = as_alias(self);
  if (!a->parameters) {
    a->parameters = parameters_of(a->args);
    if (!a->parameters) return Value();
  }
  return new_ref(a->parameters);
}

// alias[items]: each type variable replaced by its argument (nested aliases too).
Value substitute(Value arg, Value params, Value items) {
  static Value subst_name = str_intern("__typing_subst__"), parameters_name = str_intern("__parameters__");
  if (is_typevar_like(arg)) {
    for (size_t i = 0; i < tuple_size(params); ++i) {
      if (!tuple_get(params, i).is(arg)) continue;
      Ref subst = Ref::steal(get_attr(arg, subst_name));
      if (!subst) return Value();
      return call_one_arg(subst.get(), tuple_get(items, i));
    }
    return new_ref(arg);
  }
  if (error_occurred()) return Value();
  if (is_class(arg)) return new_ref(arg);
  Ref sub = Ref::steal(lookup_attr(arg, parameters_name));
  if (error_occurred()) return Value();
  if (!sub || !is_tuple(sub.get()) || tuple_size(sub.get()) == 0) return new_ref(arg);
  std::vector<Ref> values;
  std::vector<Value> raw;
  for (size_t k = 0; k < tuple_size(sub.get()); ++k) {
    Ref v = Ref::steal(substitute(tuple_get(sub.get(), k), params, items));
    if (!v) return Value();
    raw.push_back(v.get());
    values.push_back(std::move(v));
  }
  Ref key = Ref::steal(raw.size() == 1 ? new_ref(raw[0]) : tuple_from_array(raw.data(), raw.size()));
  if (!key) return Value();
  return get_item(arg, key.get());
}

Value alias_getitem(Value self, Value item) {
  GenericAliasObject* a = as_alias(self);
  Ref params = Ref::steal(alias_parameters(self));
  if (!params) return Value();
  Ref new_args = Ref::steal(generic_subs_parameters(self, a->args, params.get(), item));
  if (!new_args) return Value();
  return make_alias(a->origin, new_args.get(), a->starred);
}

// Attributes the alias answers itself; every other lookup goes to the origin class.
bool own_attribute(Value name) {
  static const char* const kOwn[] = {"__class__", "__origin__", "__args__", "__unpacked__", "__parameters__",
                                     "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__",
                                     "__reduce__", "__copy__", "__deepcopy__"};
  if (!is_str(name)) return true;
  for (const char* own : kOwn)
    if (str_equal_ascii(name, own)) return true;
  return false;
}

Value alias_getattro(Value self, Value name) {
  if (own_attribute(name)) return object_generic_getattr(self, name);
  return get_attr(as_alias(self)->origin, name);
}

// Calling the alias makes an instance of the origin and records the alias on it when it can.
Value alias_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  Ref obj = Ref::steal(call(as_alias(self)->origin, args, nargs, kwnames));
  if (!obj) return Value();
  static Value orig_class = str_intern("__orig_class__");
  if (set_attr(obj.get(), orig_class, self) < 0) {
    if (!error_matches(exc::AttributeError) && !error_matches(exc::TypeError)) return Value();
    clear_error();
  }
  return obj.release();
}

Value alias_richcompare(Value a, Value b, CompareOp op) {
  if (!is_generic_alias(b) || (op != CompareOp::Eq && op != CompareOp::Ne)) return new_ref(not_implemented());
  GenericAliasObject* x = as_alias(a);
  GenericAliasObject* y = as_alias(b);
  bool eq = x->starred == y->starred;
  if (eq) {
    int r = rich_compare_bool(x->origin, y->origin, CompareOp::Eq);
    if (r < 0) return Value();
    eq = r;
  }
  if (eq) {
    int r = rich_compare_bool(x->args, y->args, CompareOp::Eq);
    if (r < 0) return Value();
    eq = r;
  }
  return new_ref(bool_value(op == CompareOp::Eq ? eq : !eq));
}

int64_t alias_hash(Value self) {
  int64_t h0 = hash(as_alias(self)->origin);
  if (h0 == -1) return -1;
  int64_t h1 = hash(as_alias(self)->args);
  if (h1 == -1) return -1;
  int64_t h = h0 ^ h1;
  return h == -1 ? -2 : h;
}

// iter(tuple[int]) yields *tuple[int] once (for `*tuple[int, ...]` in subscripts).
Value alias_iter(Value self) {
  Ref starred = Ref::steal(make_alias(as_alias(self)->origin, as_alias(self)->args, true));
  if (!starred) return Value();
  Ref t = Ref::steal(tuple_pack({starred.get()}));
  if (!t) return Value();
  return get_iter(t.get());
}

Value alias_or(Value a, Value b) { return type_or(a, b); }

Value alias_mro_entries(Value self, Value) { return tuple_pack({as_alias(self)->origin}); }

Value alias_instancecheck(Value, Value) {
  return raise(exc::TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}
Value alias_subclasscheck(Value, Value) {
  return raise(exc::TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}

Value alias_reduce(Value self) {
  Ref args = Ref::steal(tuple_pack({as_alias(self)->origin, as_alias(self)->args}));
  if (!args) return Value();
  return tuple_pack({Value::object(&generic_alias_type), args.get()});
}

Value alias_dir(Value self) {
  Ref names = Ref::steal(call_method(as_alias(self)->origin, "__dir__", nullptr, 0));
  if (!names) return Value();
  Ref list = Ref::steal(list_from_iterable(names.get()));
  if (!list) return Value();
  for (const char* own : {"__origin__", "__args__", "__parameters__", "__mro_entries__", "__reduce_ex__",
                          "__reduce__", "__copy__", "__deepcopy__", "__unpacked__"}) {
    Ref s = Ref::steal(str_from_utf8(own));
    if (!s) return Value();
    int has = contains(list.get(), s.get());
    if (has < 0) return Value();
    if (!has && list_append(list.get(), s.get()) < 0) return Value();
  }
  return list.release();
}

Value alias_origin(Value self) { return new_ref(as_alias(self)->origin); }
Value alias_args(Value self) { return new_ref(as_alias(self)->args); }
Value alias_unpacked(Value self) { return new_ref(bool_value(as_alias(self)->starred)); }
Value alias_unpacked_tuple_args(Value self) {
  GenericAliasObject* a = as_alias(self);
  if (a->starred && a->origin.is(Value::object(&tuple_type))) return new_ref(a->args);
  return new_ref(none());
}

Value alias_new(TypeObject*, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames) > 0) return raise(exc::TypeError, "GenericAlias() takes no keyword arguments");
  if (nargs != 2) return raise_format(exc::TypeError, "GenericAlias expected 2 arguments, got %zu", nargs);
  return make_alias(args[0], args[1], false);
}

const MethodDef kAliasMethods[] = {
    {"__mro_entries__", (void*)alias_mro_entries, MethodKind::OneArg},
    {"__instancecheck__", (void*)alias_instancecheck, MethodKind::OneArg},
    {"__subclasscheck__", (void*)alias_subclasscheck, MethodKind::OneArg},
    {"__reduce__", (void*)alias_reduce, MethodKind::NoArgs},
    {"__dir__", (void*)alias_dir, MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

const GetSetDef kAliasGetSets[] = {
    {"__origin__", alias_origin},
    {"__args__", alias_args},
    {"__parameters__", alias_parameters},
    {"__unpacked__", alias_unpacked},
    {"__typing_unpacked_tuple_args__", alias_unpacked_tuple_args},
    {nullptr, nullptr},
};

}  // namespace

const MethodDef kClassGetItemMethod[] = {
    {"__class_getitem__", (void*)class_getitem_generic, MethodKind::OneArg, true},
    {nullptr, nullptr, MethodKind::NoArgs},
};

Value generic_parameters_of(Value args) { return parameters_of(args); }

Value generic_subs_parameters(Value self, Value args, Value params, Value item) {
  size_t nparams = tuple_size(params);
  if (nparams == 0) {
    Ref r = Ref::steal(repr(self));
    return raise_format(exc::TypeError, "%s is not a generic class", r ? str_cstr(r.get()) : "?");
  }
  Ref items = Ref::steal(is_tuple(item) ? new_ref(item) : tuple_pack({item}));
  if (!items) return Value();
  size_t nitems = tuple_size(items.get());
  if (nitems != nparams) {
    Ref r = Ref::steal(repr(self));
    return raise_format(exc::TypeError, "Too %s arguments for %s; actual %zu, expected %zu",
                        nitems > nparams ? "many" : "few", r ? str_cstr(r.get()) : "?", nitems, nparams);
  }
  size_t n = tuple_size(args);
  Ref new_args = Ref::steal(tuple_new(n));
  if (!new_args) return Value();
  for (size_t i = 0; i < n; ++i) {
    Value v = substitute(tuple_get(args, i), params, items.get());
    if (!v) return Value();
    tuple_items(new_args.get())[i] = v;
  }
  return new_args.release();
}

bool is_generic_alias(Value v) { return v.is_object() && v.as_object()->type == &generic_alias_type; }

Value generic_alias_new(Value origin, Value args) { return make_alias(origin, args, false); }

Value class_getitem_generic(Value cls, Value item) { return make_alias(cls, item, false); }

void init_generic_alias_type() {
  init_static_type(&generic_alias_type, "types.GenericAlias", &object_type, sizeof(GenericAliasObject));
  generic_alias_type.qualname = "GenericAlias";
  generic_alias_type.flags |= TypeFlag::HaveGc | TypeFlag::BaseType;
  generic_alias_type.dealloc = alias_dealloc;
  generic_alias_type.traverse = alias_traverse;
  generic_alias_type.clear = alias_clear;
  generic_alias_type.new_ = alias_new;
  generic_alias_type.repr = alias_repr;
  generic_alias_type.getattro = alias_getattro;
  generic_alias_type.call = alias_call;
  generic_alias_type.richcompare = alias_richcompare;
  generic_alias_type.hash = alias_hash;
  generic_alias_type.iter = alias_iter;
  generic_alias_type.mapping.subscript = alias_getitem;
  generic_alias_type.number.or_ = alias_or;
  add_methods(&generic_alias_type, kAliasMethods);
  add_getsets(&generic_alias_type, kAliasGetSets);
  type_ready(&generic_alias_type);
  for (TypeObject* t : {&list_type, &tuple_type, &dict_type, &set_type, &frozenset_type}) {
    add_methods(t, kClassGetItemMethod);
    type_modified(t);
  }
}

}  // namespace krait::runtime
