// The built-in types and singletons, defined statically (immortal), and the tables a built-in
// type uses to describe its methods and attributes.
#pragma once

#include <cstddef>

#include "runtime/type.h"

namespace krait::runtime {

// --- static built-in types (each defined in its own file, made ready by init_runtime) ----------
extern TypeObject type_type, object_type, none_type, not_implemented_type, ellipsis_type;
extern TypeObject int_type, bool_type, float_type, complex_type;
extern TypeObject str_type, bytes_type, bytearray_type;
extern TypeObject tuple_type, list_type, dict_type, set_type, frozenset_type;
extern TypeObject range_type, slice_type;
extern TypeObject function_type, code_type, cell_type, method_type, builtin_function_type,
    method_descriptor_type, classmethod_descriptor_type, getset_descriptor_type,
    member_descriptor_type, wrapper_descriptor_type, method_wrapper_type;
extern TypeObject property_type, classmethod_type, staticmethod_type, super_type;
extern TypeObject module_type, frame_type, traceback_type, generator_type, coroutine_type,
    async_generator_type;

// --- singletons ---------------------------------------------------------------------------------
extern Object none_object, not_implemented_object, ellipsis_object;
inline Value none() { return Value::object(&none_object); }
inline Value not_implemented() { return Value::object(&not_implemented_object); }
inline Value ellipsis() { return Value::object(&ellipsis_object); }
// True and False are bool instances (IntObjects, bool.cpp); inline: every comparison returns one.
struct IntObject;
extern IntObject true_object, false_object;
inline Value true_value() { return Value::object(reinterpret_cast<Object*>(&true_object)); }
inline Value false_value() { return Value::object(reinterpret_cast<Object*>(&false_object)); }
inline Value bool_value(bool b) { return b ? true_value() : false_value(); }
// Borrowed singletons get a new reference with incref like any other value; immortal objects
// tolerate it.

// --- describing a built-in type's members -------------------------------------------------------
// How a native method receives its arguments (CPython's METH_* conventions).
enum class MethodKind : uint8_t {
  NoArgs,        // Value f(Value self)
  OneArg,        // Value f(Value self, Value arg)
  Fast,          // Value f(Value self, const Value* args, size_t nargs)
  FastKeywords,  // Value f(Value self, const Value* args, size_t nargs, Value kwnames)
};

struct MethodDef {
  const char* name;
  void* function;       // cast to the signature `kind` names
  MethodKind kind;
  bool is_class = false;   // classmethod (self is the type)
  bool is_static = false;  // staticmethod (self is null)
  const char* doc = nullptr;
};

struct GetSetDef {
  const char* name;
  Value (*get)(Value self);                       // new reference or null + error
  int (*set)(Value self, Value value) = nullptr;  // value null: delete; null setter: read-only
  const char* doc = nullptr;
};

// Registers `methods` (terminated by a null name) and `getsets` into `type`'s dict; called by
// each built-in type's init before type_ready.
void add_methods(TypeObject* type, const MethodDef* methods);
void add_getsets(TypeObject* type, const GetSetDef* getsets);

// Fills in a type's MRO, inherited slots and dict; 0 or -1 + error.
int type_ready(TypeObject* type);

// Sets up every built-in type, singleton and exception class; call once at start-up.
void init_runtime();
// Part of init_runtime: str, bytes, bytearray, tuple, list, dict, set, frozenset and their
// iterators and views (coll's files). Reads PYTHONHASHSEED first.
void init_collection_types();

}  // namespace krait::runtime
