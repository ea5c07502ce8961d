// ast.AST, the base of every node class, and the node classes themselves (ast_python.h's
// State): made from the generated class table as CPython makes them, with type(name, (base,),
// {...}), so they are ordinary heap classes ast.py can add properties to.
#include <cstddef>
#include <string>

#include "modules/ast/ast_module.h"
#include "modules/ast/ast_python.h"
#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/core_internal.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/memory.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::modules {

using namespace runtime;

TypeObject ast_type;

namespace {

struct AstObject : Object {
  Value dict;
};

void ast_clear(Object* self) {
  auto* node = static_cast<AstObject*>(self);
  Value d = node->dict;
  node->dict = Value();
  xdecref(d);
}

void ast_dealloc(Object* self) {
  gc_untrack(self);
  ast_clear(self);
  free_object(self);
}

void ast_traverse(Object* self, VisitFunc visit, void* context) {
  if (Value d = static_cast<AstObject*>(self)->dict) visit(d, context);
}

Value ast_new(TypeObject* type, const Value*, size_t, Value) {
  Object* memory = allocate_object(type, type->basic_size);
  if (!memory) return Value();
  gc_track(memory);
  return Value::object(memory);
}

// The class name without its module, as CPython's messages show it.
std::string short_name(TypeObject* type) {
  size_t dot = type->name.rfind('.');
  return dot == std::string::npos ? type->name : type->name.substr(dot + 1);
}

// AST.__init__(*args, **kwargs): positional arguments fill _fields in order, keywords set any
// attribute.
int ast_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Ref fields = Ref::steal(lookup_attr(Value::object(type_of(self)), str_intern("_fields")));
  if (!fields && error_occurred()) return -1;
  int64_t count = 0;
  if (fields) {
    count = length(fields.get());
    if (count < 0) return -1;
  }
  if (int64_t(nargs) > count) {
    raise_format(exc::TypeError, "%s constructor takes at most %lld positional argument%s",
                 short_name(type_of(self)).c_str(), static_cast<long long>(count), count == 1 ? "" : "s");
    return -1;
  }
  for (size_t i = 0; i < nargs; ++i) {
    Ref index = Ref::steal(int_from_int64(int64_t(i)));
    Ref name = Ref::steal(get_item(fields.get(), index.get()));
    if (!name || set_attr(self, name.get(), args[i]) < 0) return -1;
  }
  size_t nkw = kwnames ? tuple_size(kwnames) : 0;
  for (size_t i = 0; i < nkw; ++i) {
    Value key = tuple_get(kwnames, i);
    if (nargs > 0) {
      // A keyword naming a field already given positionally.
      Ref index = Ref::steal(call_method(fields.get(), "index", &key, 1));
      if (index) {
        int64_t at = as_ssize(index.get());
        if (at == -1 && error_occurred()) return -1;
        if (at < int64_t(nargs)) {
          raise_format(exc::TypeError, "%s got multiple values for argument '%s'",
                       short_name(type_of(self)).c_str(), str_cstr(key));
          return -1;
        }
      } else if (error_matches(exc::ValueError)) {
        clear_error();
      } else {
        return -1;
      }
    }
    if (set_attr(self, key, args[nargs + i]) < 0) return -1;
  }
  return 0;
}

// AST.__reduce__(): (type(self), (), self.__dict__), what pickle and copy rebuild a node from.
Value ast_reduce(Value self) {
  Ref dict = Ref::steal(object_get_dict(self));
  if (!dict) return Value();
  Ref args = Ref::steal(tuple_empty());
  return tuple_pack({Value::object(type_of(self)), args.get(), dict.get()});
}

Value ast_get_dict(Value self) { return object_get_dict(self); }

const MethodDef kAstMethods[] = {
    {"__reduce__", (void*)ast_reduce, MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};
const GetSetDef kAstGetSets[] = {{"__dict__", ast_get_dict, nullptr}, {nullptr, nullptr}};

bool init_ast_type() {
  static bool done = false;
  if (done) return true;
  init_static_type(&ast_type, "ast.AST", &object_type, sizeof(AstObject));
  ast_type.flags |= TypeFlag::HaveGc | TypeFlag::BaseType;
  ast_type.dict_offset = offsetof(AstObject, dict);
  ast_type.dealloc = ast_dealloc;
  ast_type.traverse = ast_traverse;
  ast_type.clear = ast_clear;
  ast_type.new_ = ast_new;
  ast_type.init = ast_init;
  ast_type.getattro = object_generic_getattr;
  ast_type.setattro = object_generic_setattr;
  add_methods(&ast_type, kAstMethods);
  add_getsets(&ast_type, kAstGetSets);
  if (type_ready(&ast_type) < 0) return false;
  Ref empty = Ref::steal(tuple_empty());
  for (const char* name : {"_fields", "__match_args__", "_attributes"})
    if (dict_set_item_str(ast_type.dict, name, empty.get()) < 0) return false;
  done = true;
  return true;
}

}  // namespace

namespace ast_python {
namespace {

Value name_tuple(const State& s, uint16_t start, uint16_t count) {
  Value t = tuple_new(count);
  if (!t) return Value();
  for (uint16_t i = 0; i < count; ++i) tuple_items(t)[i] = new_ref(s.names[size_t(kNameLists[start + i])]);
  return t;
}

// type(name, (base,), {'_fields': ..., '__match_args__': ..., '__module__': 'ast', '__doc__': ...}),
// then _attributes and the None defaults of optional fields, in CPython's order.
Value make_class(const State& s, const ClassInfo& info) {
  Value base = info.base < 0 ? Value::object(&ast_type) : s.classes[info.base];
  Ref fields = Ref::steal(name_tuple(s, info.fields_start, info.fields_count));
  Ref ns = Ref::steal(dict_new());
  Ref module = Ref::steal(str_intern("ast"));
  Ref doc = Ref::steal(str_from_utf8(info.doc));
  Ref name = Ref::steal(str_intern(info.name));
  Ref bases = Ref::steal(tuple_pack({base}));
  if (!fields || !ns || !module || !doc || !name || !bases) return Value();
  if (dict_set_item_str(ns.get(), "_fields", fields.get()) < 0 ||
      dict_set_item_str(ns.get(), "__match_args__", fields.get()) < 0 ||
      dict_set_item_str(ns.get(), "__module__", module.get()) < 0 ||
      dict_set_item_str(ns.get(), "__doc__", doc.get()) < 0)
    return Value();
  Ref cls = Ref::steal(create_class(&type_type, name.get(), bases.get(), ns.get(), Value()));
  if (!cls) return Value();
  if (info.owns_attributes) {
    Ref attributes = Ref::steal(name_tuple(s, info.attributes_start, info.attributes_count));
    if (!attributes || set_attr(cls.get(), str_intern("_attributes"), attributes.get()) < 0) return Value();
  }
  for (uint16_t i = 0; i < info.none_count; ++i)
    if (set_attr(cls.get(), s.names[size_t(kNameLists[info.none_start + i])], none()) < 0) return Value();
  return cls.release();
}

bool fill_state(State& s) {
  for (size_t i = 0; i < size_t(FieldName::Count); ++i) {
    s.names[i] = str_intern(kFieldNames[i]);
    if (!s.names[i]) return false;
    declare_static_root(&s.names[i]);
  }
  for (size_t i = 0; i < size_t(NodeClass::Count); ++i) {
    s.classes[i] = make_class(s, kClasses[i]);
    if (!s.classes[i]) return false;
    declare_static_root(&s.classes[i]);
  }
  // The field-less constructors of simple sums (Load, Add, Eq...) get their shared instance.
  for (size_t i = 0; i < size_t(NodeClass::Count); ++i) {
    const ClassInfo& info = kClasses[i];
    if (info.base < 0 || info.fields_count != 0 || kClasses[info.base].attributes_count != 0) continue;
    s.singletons[i] = ast_new(static_cast<TypeObject*>(s.classes[i].as_object()), nullptr, 0, Value());
    if (!s.singletons[i]) return false;
    declare_static_root(&s.singletons[i]);
  }
  return true;
}

}  // namespace

Value new_node(Value cls) { return ast_new(static_cast<TypeObject*>(cls.as_object()), nullptr, 0, Value()); }

State* state() {
  static State s;
  static bool ready = false;
  if (ready) return &s;
  if (!init_ast_type() || !fill_state(s)) return nullptr;
  ready = true;
  return &s;
}

}  // namespace ast_python

bool is_ast_object(Value v) { return ast_type.flags & TypeFlag::Ready && is_instance_of(v, &ast_type); }

}  // namespace krait::modules
