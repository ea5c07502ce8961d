// Python function objects (function_type) and cells (cell_type).
#include "vm/function.h"

#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/core_internal.h"
#include "runtime/descriptors.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/memory.h"
#include "runtime/method.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/eval.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace krait::runtime {
TypeObject function_type, cell_type;
}

namespace krait::vm {

using namespace runtime;

namespace {

void set_field(Value& field, Value value) {
  Value old = field;
  incref(value);
  field = value;
  xdecref(old);
}
Value new_ref(Value v) {
  if (!v) v = none();
  incref(v);
  return v;
}

// --- function ---------------------------------------------------------------------------------

#define FUNCTION_FIELDS(f)                                                                      \
  Value* fields[] = {&f->code, &f->globals, &f->builtins, &f->name, &f->qualname, &f->defaults, \
                     &f->kwdefaults, &f->closure, &f->doc, &f->dict, &f->module, &f->annotations}

void function_clear(Object* self) {
  auto* f = static_cast<FunctionObject*>(self);
  FUNCTION_FIELDS(f);
  for (Value* field : fields) {
    Value old = *field;
    *field = Value();
    xdecref(old);
  }
}

void function_dealloc(Object* self) {
  gc_untrack(self);
  function_clear(self);
  free_object(self);
}

void function_traverse(Object* self, VisitFunc visit, void* context) {
  auto* f = static_cast<FunctionObject*>(self);
  FUNCTION_FIELDS(f);
  for (Value* field : fields)
    if (*field) visit(*field, context);
}

Value function_repr(Value self) {
  return str_from_format("<function %s at %p>", str_cstr(as_function(self)->qualname), (void*)self.as_object());
}

Value function_descr_get(Value descriptor, Value instance, Value owner) {
  if (!instance || instance.is(none())) return new_ref(descriptor);
  return method_new(descriptor, instance);
}

Value get_code(Value self) { return new_ref(as_function(self)->code); }
int set_code(Value self, Value value) {
  if (!value || !is_code(value)) return raise(exc::TypeError, "__code__ must be set to a code object"), -1;
  // The closure tuple is fixed, so the new code must expect exactly that many free variables.
  Value closure = as_function(self)->closure;
  size_t nclosure = closure ? tuple_size(closure) : 0;
  size_t nfree = static_cast<size_t>(as_code(value)->nfree);
  if (nclosure != nfree)
    return raise_format(exc::ValueError, "%s() requires a code object with %zu free vars, not %zu",
                        str_cstr(as_function(self)->name), nclosure, nfree), -1;
  set_field(as_function(self)->code, value);
  return 0;
}
Value get_name(Value self) { return new_ref(as_function(self)->name); }
int set_name(Value self, Value value) {
  if (!value || !is_str(value)) return raise(exc::TypeError, "__name__ must be set to a string object"), -1;
  set_field(as_function(self)->name, value);
  return 0;
}
Value get_qualname(Value self) { return new_ref(as_function(self)->qualname); }
int set_qualname(Value self, Value value) {
  if (!value || !is_str(value))
    return raise(exc::TypeError, "__qualname__ must be set to a string object"), -1;
  set_field(as_function(self)->qualname, value);
  return 0;
}
Value get_defaults(Value self) { return new_ref(as_function(self)->defaults); }
int set_defaults(Value self, Value value) {
  if (value && value.is(none())) value = Value();
  if (value && !is_tuple(value)) return raise(exc::TypeError, "__defaults__ must be set to a tuple object"), -1;
  set_field(as_function(self)->defaults, value);
  ++as_function(self)->version;
  return 0;
}
Value get_kwdefaults(Value self) { return new_ref(as_function(self)->kwdefaults); }
int set_kwdefaults(Value self, Value value) {
  if (value && value.is(none())) value = Value();
  if (value && !is_dict(value))
    return raise(exc::TypeError, "__kwdefaults__ must be set to a dict object"), -1;
  set_field(as_function(self)->kwdefaults, value);
  return 0;
}
Value get_annotations(Value self) {
  auto* f = as_function(self);
  if (!f->annotations) {
    f->annotations = dict_new();
    if (!f->annotations) return Value();
  }
  return new_ref(f->annotations);
}
int set_annotations(Value self, Value value) {
  if (value && value.is(none())) value = Value();
  if (value && !is_dict(value))
    return raise(exc::TypeError, "__annotations__ must be set to a dict object"), -1;
  set_field(as_function(self)->annotations, value);
  return 0;
}
Value get_dict(Value self) {
  auto* f = as_function(self);
  if (!f->dict) {
    f->dict = dict_new();
    if (!f->dict) return Value();
  }
  return new_ref(f->dict);
}
int set_dict(Value self, Value value) {
  if (!value) return raise(exc::TypeError, "cannot delete __dict__"), -1;
  if (!is_dict(value)) return raise(exc::TypeError, "__dict__ must be set to a dictionary"), -1;
  set_field(as_function(self)->dict, value);
  return 0;
}

const GetSetDef kFunctionGetSets[] = {
    {"__code__", get_code, set_code},
    {"__name__", get_name, set_name},
    {"__qualname__", get_qualname, set_qualname},
    {"__defaults__", get_defaults, set_defaults},
    {"__kwdefaults__", get_kwdefaults, set_kwdefaults},
    {"__annotations__", get_annotations, set_annotations},
    {"__dict__", get_dict, set_dict},
    {nullptr, nullptr}};

const MemberDef kFunctionMembers[] = {
    {"__doc__", MemberKind::ObjectNone, offsetof(FunctionObject, doc)},
    {"__module__", MemberKind::ObjectNone, offsetof(FunctionObject, module)},
    // Read-only members, as CPython's (types.MemberDescriptorType is type(f.__globals__) there).
    {"__globals__", MemberKind::ObjectNone, offsetof(FunctionObject, globals), true},
    {"__builtins__", MemberKind::ObjectNone, offsetof(FunctionObject, builtins), true},
    {"__closure__", MemberKind::ObjectNone, offsetof(FunctionObject, closure), true},
    {nullptr, MemberKind::Object, 0}};

Value function_type_new(TypeObject*, const Value* args, size_t nargs, Value kwnames) {
  if (nargs < 2 || !is_code(args[0]) || !is_dict(args[1]))
    return raise(exc::TypeError, "function() argument 'code' must be code and 'globals' a dict");
  return function_new(args[0], args[1]);
}

// --- cell -------------------------------------------------------------------------------------

void cell_dealloc(Object* self) {
  gc_untrack(self);
  xdecref(static_cast<CellObject*>(self)->ref);
  free_object(self);
}
void cell_traverse(Object* self, VisitFunc visit, void* context) {
  Value v = static_cast<CellObject*>(self)->ref;
  if (v) visit(v, context);
}
void cell_clear(Object* self) {
  auto* c = static_cast<CellObject*>(self);
  Value old = c->ref;
  c->ref = Value();
  xdecref(old);
}
Value cell_repr(Value self) {
  Value ref = as_cell(self)->ref;
  if (!ref) return str_from_format("<cell at %p: empty>", (void*)self.as_object());
  return str_from_format("<cell at %p: %s object at %p>", (void*)self.as_object(), type_of(ref)->name.c_str(),
                         ref.is_object() ? (void*)ref.as_object() : (void*)ref.bits());
}
Value get_cell_contents(Value self) {
  Value ref = as_cell(self)->ref;
  if (!ref) return raise(exc::ValueError, "Cell is empty");
  incref(ref);
  return ref;
}
int set_cell_contents(Value self, Value value) {
  set_field(as_cell(self)->ref, value);
  return 0;
}
const GetSetDef kCellGetSets[] = {{"cell_contents", get_cell_contents, set_cell_contents}, {nullptr, nullptr}};

Value cell_type_new(TypeObject*, const Value* args, size_t nargs, Value kwnames) {
  if (nargs > 1) return raise_format(exc::TypeError, "cell expected at most 1 argument, got %zu", nargs);
  return cell_new(nargs ? args[0] : Value());
}

void init_static_type(TypeObject* t, const char* name, size_t size) {
  t->refcount = 1;
  t->Object::flags = ObjectFlag::Immortal;
  t->type = &type_type;
  t->name = t->qualname = name;
  t->basic_size = size;
  t->TypeObject::flags = TypeFlag::HaveGc;
}

}  // namespace

Value function_new(Value code, Value globals) {
  auto* f = new_object<FunctionObject>(&function_type);
  if (!f) return Value();
  CodeObject* c = as_code(code);
  f->code = new_ref(code);
  f->globals = new_ref(globals);
  f->name = new_ref(c->name);
  f->qualname = new_ref(c->qualname);
  Value doc = none();
  if (tuple_size(c->consts) >= 1 && is_str(tuple_get(c->consts, 0))) doc = tuple_get(c->consts, 0);
  f->doc = new_ref(doc);
  // Interned keys: a function is made per `def` executed, and a C-string key would build a
  // str per lookup.
  Value module = dict_get_item_name(globals, KRAIT_NAME("__name__"));
  if (module) f->module = new_ref(module);
  Value builtins = dict_get_item_name(globals, KRAIT_NAME("__builtins__"));
  if (builtins && is_module(builtins)) builtins = module_dict(builtins);
  if (!builtins || !is_dict(builtins)) builtins = modules::builtins_dict();
  f->builtins = new_ref(builtins);
  gc_track(f);
  return Value::object(f);
}

Value cell_new(Value contents) {
  auto* c = new_object<CellObject>(&cell_type);
  if (!c) return Value();
  if (contents) incref(contents);
  c->ref = contents;
  gc_track(c);
  return Value::object(c);
}

int init_function_types() {
  TypeObject* f = &function_type;
  init_static_type(f, "function", sizeof(FunctionObject));
  f->dealloc = function_dealloc;
  f->traverse = function_traverse;
  f->clear = function_clear;
  f->repr = function_repr;
  f->call = function_call;
  f->descr_get = function_descr_get;
  f->new_ = function_type_new;
  f->dict_offset = offsetof(FunctionObject, dict);
  f->weaklist_offset = offsetof(FunctionObject, weakrefs);
  add_getsets(f, kFunctionGetSets);
  add_members(f, kFunctionMembers);
  if (type_ready(f) < 0) return -1;

  TypeObject* c = &cell_type;
  init_static_type(c, "cell", sizeof(CellObject));
  c->dealloc = cell_dealloc;
  c->traverse = cell_traverse;
  c->clear = cell_clear;
  c->repr = cell_repr;
  c->new_ = cell_type_new;
  add_getsets(c, kCellGetSets);
  return type_ready(c);
}

}  // namespace krait::vm
