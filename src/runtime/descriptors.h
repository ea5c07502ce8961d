// Descriptor objects: what a type's dict holds for its native methods and attributes
// (method_descriptor, classmethod_descriptor, getset_descriptor, member_descriptor,
// wrapper_descriptor and its bound form method-wrapper), and the Python-level descriptors
// property, classmethod, staticmethod and super. Implemented in descriptors.cpp.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/builtin_types.h"

namespace krait::runtime {

// A method of a built-in type (list.append): unbound in the type's dict; LOAD_METHOD calls it
// with self as args[0] without binding (no allocation).
struct MethodDescriptorObject : Object {
  const MethodDef* def;
  TypeObject* owner;   // the type that defines it (self must be an instance of it)
};

// A computed attribute of a built-in type (function.__name__, type.__mro__).
struct GetSetDescriptorObject : Object {
  const GetSetDef* def;
  TypeObject* owner;
};

// A field of an instance at a fixed offset: __slots__ entries, and built-in fields.
enum class MemberKind : uint8_t {
  Object,      // a Value that may be null (AttributeError when unset); __slots__ use this
  ObjectNone,  // a Value; null reads as None
  Int64,       // an int64_t
  Bool,        // a bool
  Double,      // a double
};
struct MemberDef {
  const char* name;
  MemberKind kind;
  ptrdiff_t offset;       // bytes from the start of the Object
  bool readonly = false;
  const char* doc = nullptr;
};
struct MemberDescriptorObject : Object {
  const MemberDef* def;
  TypeObject* owner;
  Value name;             // a str (for __slots__ members, whose MemberDef lives in the type)
};

// A slot wrapper (int.__add__): calls the type's slot from Python. The table of slot names
// (slotdefs) is internal to type.cpp; wrappers point into it.
struct SlotDef;
struct WrapperDescriptorObject : Object {
  const SlotDef* slot;
  TypeObject* owner;
  void* function;         // the slot function of `owner` that the wrapper calls
};
struct MethodWrapperObject : Object {  // a slot wrapper bound to an instance: (1).__add__
  Value descriptor;       // a WrapperDescriptorObject
  Value self;
};

struct PropertyObject : Object {
  Value fget, fset, fdel, doc;   // each may be None; null never
  Value name;                    // from __set_name__, for error messages (may be null)
  bool getter_doc = false;       // doc came from fget.__doc__
};
struct ClassMethodObject : Object { Value callable; Value dict; };
struct StaticMethodObject : Object { Value callable; Value dict; };
struct SuperObject : Object {
  TypeObject* type;       // the class after which the lookup starts (owned)
  Value obj;              // the instance or class (may be null: unbound super)
  TypeObject* obj_type;   // type(obj), or obj itself when obj is a class (owned; may be null)
};

Value method_descriptor_new(TypeObject* owner, const MethodDef* def);
Value classmethod_descriptor_new(TypeObject* owner, const MethodDef* def);
Value getset_descriptor_new(TypeObject* owner, const GetSetDef* def);
Value member_descriptor_new(TypeObject* owner, const MemberDef* def);
Value wrapper_descriptor_new(TypeObject* owner, const SlotDef* slot, void* function);

// Registers `members` (terminated by a null name) into `type`'s dict.
void add_members(TypeObject* type, const MemberDef* members);

// Calls a native method with self (already checked) and the vectorcall arguments; checks the
// argument count for NoArgs/OneArg and keyword use, with CPython's messages, naming the method
// "OWNER.name" ("list.append"), or just "name" when `owner` is null ("len").
Value call_method_def(const MethodDef* def, Value self, const Value* args, size_t nargs, Value kwnames,
                      const TypeObject* owner);

Value property_new(Value fget, Value fset, Value fdel, Value doc);  // null arguments = None
Value classmethod_new(Value callable);
Value staticmethod_new(Value callable);

// super(type, obj): the zero-argument form gets `type` from the __class__ cell and `obj` from
// the frame's first argument (the VM's super call does that). TypeError as CPython's when obj
// is neither an instance nor a subclass of type.
Value super_new(TypeObject* type, Value obj);

}  // namespace krait::runtime
