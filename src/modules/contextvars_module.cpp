// _contextvars: ContextVar, Token, Context and copy_context (PEP 567), what contextvars.py
// re-exports and decimal keeps its thread-local context in. krait runs one thread, so the current
// context is one global. A Context's mapping is a dict that is never changed in place once shared
// (ContextVar.set makes a new one), which gives Context.copy() its snapshot semantics cheaply.
#include <cstddef>
#include <string>

#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/builtin_types.h"
#include "runtime/coll_util.h"
#include "runtime/core_internal.h"
#include "runtime/descriptors.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/generic_alias.h"
#include "runtime/list.h"
#include "runtime/memory.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/str.h"

namespace krait::modules {

using namespace runtime;

namespace {

TypeObject context_type, contextvar_type, token_type, missing_type;

struct ContextObject : Object {
  Value vars;     // dict ContextVar -> value; replaced, never mutated, once the context is shared
  Value prev;     // the context that was current before run() entered this one
  bool entered;
};

struct ContextVarObject : Object {
  Value name;
  Value default_value;  // null: no default
};

struct TokenObject : Object {
  Value context;
  Value var;
  Value old_value;  // Token.MISSING when the variable had no value
  bool used;
};

Object missing_object;  // Token.MISSING
Value g_current;        // the current Context (owned), made on first use; the thread state's in
                        // CPython, a static root here

ContextObject* as_ctx(Value v) { return static_cast<ContextObject*>(v.as_object()); }
ContextVarObject* as_var(Value v) { return static_cast<ContextVarObject*>(v.as_object()); }
TokenObject* as_token(Value v) { return static_cast<TokenObject*>(v.as_object()); }

Value context_alloc(Value vars) {
  auto* c = static_cast<ContextObject*>(allocate_object(&context_type, sizeof(ContextObject)));
  if (!c) return Value();
  c->vars = vars ? new_ref(vars) : dict_new();
  c->prev = Value();
  c->entered = false;
  if (!c->vars) return decref(Value::object(c)), Value();
  gc_track(c);
  return Value::object(c);
}

// The current context (borrowed).
Value current_context() {
  if (!g_current) {
    g_current = context_alloc(Value());
    if (g_current) declare_static_root(&g_current);
  }
  return g_current;
}

bool check_var_key(Value key) {
  if (type_of(key) == &contextvar_type) return true;
  Ref r = Ref::steal(repr(key));
  if (!r) return false;
  return raise_format(exc::TypeError, "a ContextVar key was expected, got %s",
                      std::string(str_utf8(r.get())).c_str()),
         false;
}

// --- Context --------------------------------------------------------------------------------

Value context_new(TypeObject*, const Value*, size_t nargs, Value kwnames) {
  if (nargs || (kwnames && length(kwnames) > 0))
    return raise(exc::TypeError, "Context() does not accept any arguments");
  return context_alloc(Value());
}

// The cycle collector's view: a context's values may refer back to it (or to its tokens).
void visit_if_object(Value v, VisitFunc visit, void* context) {
  if (v.is_object()) visit(v, context);
}

void context_traverse(Object* self, VisitFunc visit, void* context) {
  auto* c = static_cast<ContextObject*>(self);
  visit_if_object(c->vars, visit, context);
  visit_if_object(c->prev, visit, context);
}

// The mapping may be shared with copies that are alive: it is replaced, not emptied.
void context_clear(Object* self) {
  auto* c = static_cast<ContextObject*>(self);
  Value vars = c->vars, prev = c->prev;
  c->vars = dict_new();
  c->prev = Value();
  xdecref(vars);
  xdecref(prev);
}

void context_dealloc(Object* self) {
  auto* c = static_cast<ContextObject*>(self);
  xdecref(c->vars);
  xdecref(c->prev);
  free_object(self);
}

Value context_run(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs < 1) return raise(exc::TypeError, "run() missing 1 required positional argument");
  ContextObject* c = as_ctx(self);
  if (c->entered) {
    Ref r = Ref::steal(repr(self));
    if (!r) return Value();
    return raise_format(exc::RuntimeError, "cannot enter context: %s is already entered",
                        std::string(str_utf8(r.get())).c_str());
  }
  c->prev = current_context();  // takes over the reference g_current held
  g_current = new_ref(self);
  c->entered = true;
  Value result = call(args[0], args + 1, nargs - 1, kwnames);
  c->entered = false;
  decref(g_current);
  g_current = c->prev;
  c->prev = Value();
  return result;
}

Value context_copy(Value self) { return context_alloc(as_ctx(self)->vars); }

Value context_subscript(Value self, Value key) {
  if (!check_var_key(key)) return Value();
  Value v = dict_get_item(as_ctx(self)->vars, key);
  if (!v) return error_occurred() ? Value() : raise_key_error(key);
  return new_ref(v);
}

int context_contains(Value self, Value key) {
  if (!check_var_key(key)) return -1;
  return dict_contains(as_ctx(self)->vars, key);
}

int64_t context_length(Value self) { return int64_t(dict_size(as_ctx(self)->vars)); }

Value context_iter(Value self) {
  Ref keys = Ref::steal(dict_keys_list(as_ctx(self)->vars));
  return keys ? get_iter(keys.get()) : Value();
}

Value context_get(Value self, const Value* args, size_t nargs) {
  if (nargs < 1 || nargs > 2)
    return raise_format(exc::TypeError, "get expected %s, got %zu", nargs < 1 ? "at least 1 argument" : "at most 2 arguments",
                        nargs);
  if (!check_var_key(args[0])) return Value();
  Value v = dict_get_item(as_ctx(self)->vars, args[0]);
  if (v) return new_ref(v);
  if (error_occurred()) return Value();
  return new_ref(nargs == 2 ? args[1] : none());
}

Value context_keys(Value self) { return dict_keys_list(as_ctx(self)->vars); }
Value context_values(Value self) { return dict_values_list(as_ctx(self)->vars); }
Value context_items(Value self) { return dict_items_list(as_ctx(self)->vars); }

Value context_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || type_of(b) != &context_type) return new_ref(not_implemented());
  return rich_compare(as_ctx(a)->vars, as_ctx(b)->vars, op);
}

Value copy_context_function(Value) { return context_copy(current_context()); }

// --- ContextVar -----------------------------------------------------------------------------

Value contextvar_new(TypeObject*, const Value* args, size_t nargs, Value kwnames) {
  size_t nkw = kwnames ? size_t(length(kwnames)) : 0;
  if (nargs + nkw > 2) return raise_format(exc::TypeError, "ContextVar() takes at most 2 arguments (%zu given)", nargs + nkw);
  if (nargs == 0) return raise(exc::TypeError, "ContextVar() takes exactly 1 positional argument (0 given)");
  if (nargs > 1) return raise_format(exc::TypeError, "ContextVar() takes at most 1 positional argument (%zu given)", nargs);
  Value a[2];
  if (!bind_args({"ContextVar", {"name", "default"}, 1, 1, 1}, args, nargs, kwnames, a)) return Value();
  if (!is_str(a[0])) return raise(exc::TypeError, "context variable name must be a str");
  auto* v = static_cast<ContextVarObject*>(allocate_object(&contextvar_type, sizeof(ContextVarObject)));
  if (!v) return Value();
  v->name = new_ref(a[0]);
  v->default_value = a[1] ? new_ref(a[1]) : Value();
  gc_track(v);
  return Value::object(v);
}

void contextvar_traverse(Object* self, VisitFunc visit, void* context) {
  visit_if_object(static_cast<ContextVarObject*>(self)->default_value, visit, context);
}

void contextvar_clear(Object* self) {
  auto* v = static_cast<ContextVarObject*>(self);
  Value d = v->default_value;
  v->default_value = Value();
  xdecref(d);
}

void contextvar_dealloc(Object* self) {
  auto* v = static_cast<ContextVarObject*>(self);
  xdecref(v->name);
  xdecref(v->default_value);
  free_object(self);
}

Value contextvar_repr(Value self) {
  ContextVarObject* v = as_var(self);
  Ref name = Ref::steal(repr(v->name));
  if (!name) return Value();
  std::string text = "<ContextVar name=" + std::string(str_utf8(name.get()));
  if (v->default_value) {
    Ref d = Ref::steal(repr(v->default_value));
    if (!d) return Value();
    text += " default=" + std::string(str_utf8(d.get()));
  }
  char address[40];
  std::snprintf(address, sizeof address, " at %p>", static_cast<void*>(v));
  return str_from_utf8(text + address);
}

Value contextvar_get(Value self, const Value* args, size_t nargs) {
  if (nargs > 1) return raise_format(exc::TypeError, "get expected at most 1 argument, got %zu", nargs);
  Value found = dict_get_item(as_ctx(current_context())->vars, self);
  if (found) return new_ref(found);
  if (error_occurred()) return Value();
  if (nargs == 1) return new_ref(args[0]);
  if (as_var(self)->default_value) return new_ref(as_var(self)->default_value);
  Value arg = self;
  Ref e = Ref::steal(call(Value::object(exc::LookupError), &arg, 1));
  if (e) set_exception(e.get());
  return Value();
}

// A new vars dict for the current context: `var` set to `value` (or removed when value is null).
int replace_var(Value var, Value value) {
  ContextObject* c = as_ctx(current_context());
  Ref vars = Ref::steal(dict_copy(c->vars));
  if (!vars) return -1;
  if (value ? dict_set_item(vars.get(), var, value) < 0 : dict_del_item(vars.get(), var) < 0) return -1;
  decref(c->vars);
  c->vars = vars.release();
  return 0;
}

Value contextvar_set(Value self, Value value) {
  Value ctx = current_context();
  Value old = dict_get_item(as_ctx(ctx)->vars, self);
  if (!old && error_occurred()) return Value();
  auto* t = static_cast<TokenObject*>(allocate_object(&token_type, sizeof(TokenObject)));
  if (!t) return Value();
  t->context = new_ref(ctx);
  t->var = new_ref(self);
  t->old_value = new_ref(old ? old : Value::object(&missing_object));
  t->used = false;
  gc_track(t);
  Ref token = Ref::steal(Value::object(t));
  if (replace_var(self, value) < 0) return Value();
  return token.release();
}

Value contextvar_reset(Value self, Value token) {
  if (type_of(token) != &token_type) {
    Ref r = Ref::steal(repr(token));
    if (!r) return Value();
    return raise_format(exc::TypeError, "expected an instance of Token, got %s",
                        std::string(str_utf8(r.get())).c_str());
  }
  TokenObject* t = as_token(token);
  auto fail = [&](TypeObject* type, const char* what) -> Value {
    Ref r = Ref::steal(repr(token));
    if (!r) return Value();
    return raise_format(type, "%s %s", std::string(str_utf8(r.get())).c_str(), what);
  };
  if (t->used) return fail(exc::RuntimeError, "has already been used once");
  if (t->var.as_object() != self.as_object()) return fail(exc::ValueError, "was created by a different ContextVar");
  if (t->context.as_object() != current_context().as_object())
    return fail(exc::ValueError, "was created in a different Context");
  t->used = true;
  bool missing = t->old_value.as_object() == &missing_object;
  if (missing && dict_contains(as_ctx(current_context())->vars, self) != 1) return new_ref(none());
  if (replace_var(self, missing ? Value() : t->old_value) < 0) return Value();
  return new_ref(none());
}


// --- Token ----------------------------------------------------------------------------------

Value token_new(TypeObject*, const Value*, size_t, Value) {
  return raise(exc::RuntimeError, "Tokens can only be created by ContextVars");
}

void token_traverse(Object* self, VisitFunc visit, void* context) {
  auto* t = static_cast<TokenObject*>(self);
  visit_if_object(t->context, visit, context);
  visit_if_object(t->var, visit, context);
  visit_if_object(t->old_value, visit, context);
}

// Fields become None (never null: the methods read them).
void token_clear(Object* self) {
  auto* t = static_cast<TokenObject*>(self);
  for (Value* field : {&t->context, &t->var, &t->old_value}) {
    Value old = *field;
    *field = new_ref(none());
    xdecref(old);
  }
}

void token_dealloc(Object* self) {
  auto* t = static_cast<TokenObject*>(self);
  xdecref(t->context);
  xdecref(t->var);
  xdecref(t->old_value);
  free_object(self);
}

Value token_repr(Value self) {
  TokenObject* t = as_token(self);
  Ref var = Ref::steal(repr(t->var));
  if (!var) return Value();
  char address[40];
  std::snprintf(address, sizeof address, " at %p>", static_cast<void*>(t));
  return str_from_utf8(std::string("<Token") + (t->used ? " used" : "") + " var=" +
                       std::string(str_utf8(var.get())) + address);
}

Value token_get_var(Value self) { return new_ref(as_token(self)->var); }
Value token_get_old_value(Value self) { return new_ref(as_token(self)->old_value); }
Value missing_repr(Value) { return str_from_ascii("<Token.MISSING>"); }

// --- types and module -----------------------------------------------------------------------

#define M(name, fn, kind) {name, reinterpret_cast<void*>(&fn), MethodKind::kind}
const MethodDef context_methods[] = {
    M("run", context_run, FastKeywords),
    M("copy", context_copy, NoArgs),
    M("get", context_get, Fast),
    M("keys", context_keys, NoArgs),
    M("values", context_values, NoArgs),
    M("items", context_items, NoArgs),
    {nullptr, nullptr, MethodKind::NoArgs},
};
const MethodDef contextvar_methods[] = {
    M("get", contextvar_get, Fast),
    M("set", contextvar_set, OneArg),
    M("reset", contextvar_reset, OneArg),
    {"__class_getitem__", reinterpret_cast<void*>(&class_getitem_generic), MethodKind::OneArg, true},
    {nullptr, nullptr, MethodKind::NoArgs},
};
const MethodDef token_methods[] = {
    {"__class_getitem__", reinterpret_cast<void*>(&class_getitem_generic), MethodKind::OneArg, true},
    {nullptr, nullptr, MethodKind::NoArgs},
};
const MethodDef module_functions[] = {
    M("copy_context", copy_context_function, NoArgs),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef M
const MemberDef contextvar_members[] = {{"name", MemberKind::Object, offsetof(ContextVarObject, name), true},
                                        {nullptr, MemberKind::Object, 0}};
const GetSetDef token_getsets[] = {{"var", token_get_var}, {"old_value", token_get_old_value}, {nullptr, nullptr}};

void init_type(TypeObject& t, const char* name, const char* qualname, size_t size, DeallocFunc dealloc) {
  coll::init_static_type(t, name, size, 0);
  t.qualname = qualname;
  t.dealloc = dealloc;
}

int init_types() {
  static bool done = false;
  if (done) return 0;
  init_type(context_type, "_contextvars.Context", "Context", sizeof(ContextObject), context_dealloc);
  context_type.new_ = context_new;
  context_type.flags = TypeFlag::HaveGc;
  context_type.traverse = context_traverse;
  context_type.clear = context_clear;
  context_type.hash = hash_not_implemented;
  context_type.richcompare = context_richcompare;
  context_type.iter = context_iter;
  context_type.mapping.subscript = context_subscript;
  context_type.mapping.length = context_length;
  context_type.sequence.contains = context_contains;
  add_methods(&context_type, context_methods);

  init_type(contextvar_type, "_contextvars.ContextVar", "ContextVar", sizeof(ContextVarObject), contextvar_dealloc);
  contextvar_type.new_ = contextvar_new;
  contextvar_type.flags = TypeFlag::HaveGc;
  contextvar_type.traverse = contextvar_traverse;
  contextvar_type.clear = contextvar_clear;
  contextvar_type.repr = contextvar_repr;
  add_methods(&contextvar_type, contextvar_methods);
  add_members(&contextvar_type, contextvar_members);

  init_type(token_type, "_contextvars.Token", "Token", sizeof(TokenObject), token_dealloc);
  token_type.new_ = token_new;
  token_type.flags = TypeFlag::HaveGc;
  token_type.traverse = token_traverse;
  token_type.clear = token_clear;
  token_type.repr = token_repr;
  add_methods(&token_type, token_methods);
  add_getsets(&token_type, token_getsets);

  init_type(missing_type, "Token.MISSING", "Token.MISSING", sizeof(Object), nullptr);
  missing_type.repr = missing_repr;
  for (TypeObject* t : {&context_type, &contextvar_type, &token_type, &missing_type})
    if (type_ready(t) < 0) return -1;
  missing_object.refcount = 1;
  missing_object.flags = ObjectFlag::Immortal;
  missing_object.type = &missing_type;
  if (dict_set_item_str(token_type.dict, "MISSING", Value::object(&missing_object)) < 0) return -1;
  type_modified(&token_type);
  done = true;
  return 0;
}

}  // namespace

Value create_contextvars_module() {
  if (init_types() < 0) return Value();
  Ref module = Ref::steal(module_new("_contextvars"));
  if (!module) return Value();
  if (module_add_functions(module.get(), module_functions) < 0) return Value();
  if (module_add(module.get(), "Context", Value::object(&context_type)) < 0) return Value();
  if (module_add(module.get(), "ContextVar", Value::object(&contextvar_type)) < 0) return Value();
  if (module_add(module.get(), "Token", Value::object(&token_type)) < 0) return Value();
  return module.release();
}

}  // namespace krait::modules
