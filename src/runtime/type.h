// Type objects: a type's name, bases, MRO, dict and the slots the VM calls directly.
//
// As in CPython, every operation on a value goes through a slot of its type (a C++ function
// pointer); built-in types fill the slots with native code, and a class statement fills them
// with wrappers that look up and call the Python method (__add__, __getattr__, ...).
// A slot left null means the type does not support the operation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "runtime/object.h"

namespace krait::runtime {

enum class CompareOp : uint8_t { Lt = 0, Le = 1, Eq = 2, Ne = 3, Gt = 4, Ge = 5 };  // COMPARE_OP's oparg

using VisitFunc = void (*)(Value referent, void* context);

using DeallocFunc = void (*)(Object* self);
using TraverseFunc = void (*)(Object* self, VisitFunc visit, void* context);
using ClearFunc = void (*)(Object* self);
using UnaryFunc = Value (*)(Value self);                      // new reference, or null + error
using BinaryFunc = Value (*)(Value left, Value right);        // may return NotImplemented
using TernaryFunc = Value (*)(Value a, Value b, Value c);
using InquiryFunc = int (*)(Value self);                      // 0/1, or -1 + error
using LenFunc = int64_t (*)(Value self);                      // length, or -1 + error
using HashFunc = int64_t (*)(Value self);                     // hash, or -1 + error
using RichCompareFunc = Value (*)(Value left, Value right, CompareOp op);
using GetAttrFunc = Value (*)(Value self, Value name);        // name is a str
using SetAttrFunc = int (*)(Value self, Value name, Value value);  // value null: delete; -1 error
using SetItemFunc = int (*)(Value self, Value key, Value value);   // value null: delete; -1 error
// The call protocol: positional arguments then keyword values in `args`; `kwnames` is a tuple
// of the keyword names (or null), counted in `nargs`' complement: args[0..nargs) positional,
// args[nargs..nargs+len(kwnames)) keyword values. No tuple is built for positional calls.
using CallFunc = Value (*)(Value callable, const Value* args, size_t nargs, Value kwnames);
using NewFunc = Value (*)(TypeObject* type, const Value* args, size_t nargs, Value kwnames);
using InitFunc = int (*)(Value self, const Value* args, size_t nargs, Value kwnames);
using DescrGetFunc = Value (*)(Value descriptor, Value instance, Value owner);  // instance may be null
using DescrSetFunc = int (*)(Value descriptor, Value instance, Value value);    // value null: delete

namespace TypeFlag {
inline constexpr uint64_t HeapType = 1ull << 0;      // created by a class statement or type()
inline constexpr uint64_t BaseType = 1ull << 1;      // may be subclassed
inline constexpr uint64_t HaveGc = 1ull << 2;        // instances are tracked by the cycle collector
inline constexpr uint64_t Abstract = 1ull << 3;
inline constexpr uint64_t Ready = 1ull << 4;         // type_ready has run
// Fast subclass checks, as CPython's Py_TPFLAGS_*_SUBCLASS.
inline constexpr uint64_t IntSubclass = 1ull << 8;
inline constexpr uint64_t ListSubclass = 1ull << 9;
inline constexpr uint64_t TupleSubclass = 1ull << 10;
inline constexpr uint64_t BytesSubclass = 1ull << 11;
inline constexpr uint64_t StrSubclass = 1ull << 12;
inline constexpr uint64_t DictSubclass = 1ull << 13;
inline constexpr uint64_t BaseExceptionSubclass = 1ull << 14;
inline constexpr uint64_t TypeSubclass = 1ull << 15;
inline constexpr uint64_t MatchSequence = 1ull << 16;   // match statement: sequence pattern
inline constexpr uint64_t MatchMapping = 1ull << 17;    // match statement: mapping pattern
inline constexpr uint64_t Immutable = 1ull << 18;       // attributes cannot be set on the type
}  // namespace TypeFlag

struct NumberSlots {
  BinaryFunc add = nullptr, subtract = nullptr, multiply = nullptr, remainder = nullptr,
             divmod = nullptr, lshift = nullptr, rshift = nullptr, and_ = nullptr, xor_ = nullptr,
             or_ = nullptr, floor_divide = nullptr, true_divide = nullptr, matrix_multiply = nullptr;
  TernaryFunc power = nullptr;
  BinaryFunc inplace_add = nullptr, inplace_subtract = nullptr, inplace_multiply = nullptr,
             inplace_remainder = nullptr, inplace_lshift = nullptr, inplace_rshift = nullptr,
             inplace_and = nullptr, inplace_xor = nullptr, inplace_or = nullptr,
             inplace_floor_divide = nullptr, inplace_true_divide = nullptr,
             inplace_matrix_multiply = nullptr;
  TernaryFunc inplace_power = nullptr;
  UnaryFunc negative = nullptr, positive = nullptr, absolute = nullptr, invert = nullptr;
  InquiryFunc bool_ = nullptr;
  UnaryFunc int_ = nullptr, float_ = nullptr, index = nullptr;
};

struct SequenceSlots {
  LenFunc length = nullptr;
  BinaryFunc concat = nullptr;
  Value (*repeat)(Value self, int64_t count) = nullptr;
  Value (*item)(Value self, int64_t index) = nullptr;       // index already normalized >= 0
  int (*contains)(Value self, Value item) = nullptr;        // 0/1, or -1 + error
};

struct MappingSlots {
  LenFunc length = nullptr;
  BinaryFunc subscript = nullptr;
  SetItemFunc ass_subscript = nullptr;
};

struct TypeObject : Object {
  std::string name;             // tp_name as CPython shows it ("int", "collections.OrderedDict")
  std::string qualname;         // __qualname__
  TypeObject* base = nullptr;   // __base__ (the solid base)
  Value bases;                  // tuple: __bases__
  Value mro;                    // tuple: __mro__
  Value dict;                   // the type's __dict__ (a dict; exposed as a mappingproxy)
  Value subclasses;             // weak list of direct subclasses (for __subclasses__ and slot updates)
  Value weaklist;               // weak references to the type (weakref.ref(cls), abc's registries)
  uint64_t flags = 0;           // TypeFlag bits
  uint32_t version_tag = 0;     // changes when the type or a base is modified (specialization guard)
  size_t basic_size = 0;        // bytes of an instance (Object header included)
  ptrdiff_t dict_offset = 0;    // where an instance keeps its __dict__ Value (0: no __dict__)
  ptrdiff_t weaklist_offset = 0;  // where an instance keeps its weak-reference list (0: none)
  // Variable-size types (str, tuple, bytes): bytes an instance uses after basic_size.
  // Heap subclasses of such a type keep their own fields (__slots__, __dict__, __weakref__)
  // after that variable part: their offsets are negative, -(1 + offset past the variable part)
  // (instance_field), and the base's constructor allocates instance_size(type, var) bytes.
  size_t (*var_bytes)(const Object* self) = nullptr;
  // CPython's __itemsize__ (tuple 8, bytes 1, int 4, str 0). As in CPython, a subclass of a base
  // with an item size gets no __weakref__ and no nonempty __slots__.
  size_t item_size = 0;

  DeallocFunc dealloc = nullptr;
  TraverseFunc traverse = nullptr;
  ClearFunc clear = nullptr;
  UnaryFunc repr = nullptr;
  UnaryFunc str = nullptr;
  HashFunc hash = nullptr;
  RichCompareFunc richcompare = nullptr;
  GetAttrFunc getattro = nullptr;
  SetAttrFunc setattro = nullptr;
  CallFunc call = nullptr;
  UnaryFunc iter = nullptr;
  UnaryFunc iternext = nullptr;   // null without an error set: exhausted (no StopIteration object)
  DescrGetFunc descr_get = nullptr;
  DescrSetFunc descr_set = nullptr;
  NewFunc new_ = nullptr;
  InitFunc init = nullptr;
  DeallocFunc finalize = nullptr; // __del__ (PEP 442 tp_finalize)
  NumberSlots number;
  SequenceSlots sequence;
  MappingSlots mapping;
};

inline TypeObject* type_of_object(Object* object) { return object->type; }

// True if `type` is `base` or inherits from it (walks the MRO).
bool is_subtype(const TypeObject* type, const TypeObject* base);

// --- type operations (type.cpp, "core") ---------------------------------------------------------
inline const char* type_name(const TypeObject* type) { return type->name.c_str(); }

// Looks `name` (a str) up in the dicts of `type`'s MRO: borrowed, null when absent (no error).
Value type_lookup(TypeObject* type, Value name);
Value type_lookup(TypeObject* type, const char* name);

// The most derived of `meta` (null: type) and the metaclasses of `bases` (a tuple), as a class
// statement computes it; null + TypeError "metaclass conflict: ..." when there is none. Borrowed.
TypeObject* calculate_metaclass(TypeObject* meta, Value bases);

// type.__new__(metatype, name, bases, namespace, **kwargs): makes the heap type of a class
// statement or of type(name, bases, ns). `bases` a tuple (empty: object), `ns` a dict (copied;
// its __classcell__, if any, is filled with the new class), `kwargs` a dict of class keywords for
// __init_subclass__ (may be null). Runs __set_name__ and __init_subclass__. New reference.
Value create_class(TypeObject* metatype, Value name, Value bases, Value ns, Value kwargs);

// object.__getattribute__ / object.__setattr__: data descriptors on the type, then the
// instance's __dict__, then other descriptors and class attributes; CPython's AttributeErrors.
Value object_generic_getattr(Value object, Value name);
int object_generic_setattr(Value object, Value name, Value value);  // value null: delete
// The same lookup that returns null WITHOUT setting AttributeError when the attribute is absent
// (other errors are set): for hasattr/getattr-with-default fast paths.
Value object_lookup_attr(Value object, Value name);
// Where an instance keeps its __dict__ (nullptr when its type has none). The Value may be null
// until the dict is first needed.
Value* object_dict_address(Value object);
// The nearest static (built-in) type in `type`'s base chain: it owns the instance's native part.
TypeObject* static_base(TypeObject* type);
// The field at `offset` of an instance (type.h: negative offsets lie past a var-sized base's
// variable part); nullptr for offset 0.
Value* instance_field(Object* object, ptrdiff_t offset);
// Bytes to allocate for an instance of `type` whose var-sized built-in base uses `var_bytes` after
// its basic size (the built-in type itself, or a heap subclass with fields after the variable part).
size_t instance_size(TypeObject* type, size_t var_bytes);
// The instance's __dict__, created on first use (new reference), or null + AttributeError.
Value object_get_dict(Value object);

// Records that `type`'s dict changed (after setting an attribute from C++): new version tag for
// it and its subclasses, slots re-derived from dunder methods.
void type_modified(TypeObject* type);

}  // namespace krait::runtime
