// Operations on any value, dispatched through its type's slots in CPython's order
// (reflected operands, NotImplemented, fallbacks) with CPython's error messages.
// Results are new references; null means an exception is set.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/type.h"

namespace krait::runtime {

// BINARY_OP's oparg (CPython 3.11's NB_* numbering: 0..12 plain, 13..25 in-place).
enum class BinaryOp : uint8_t {
  Add, And, FloorDivide, Lshift, MatrixMultiply, Multiply, Remainder, Or, Power, Rshift,
  Subtract, TrueDivide, Xor,
  InplaceAdd, InplaceAnd, InplaceFloorDivide, InplaceLshift, InplaceMatrixMultiply,
  InplaceMultiply, InplaceRemainder, InplaceOr, InplacePower, InplaceRshift, InplaceSubtract,
  InplaceTrueDivide, InplaceXor
};

Value binary_op(Value left, Value right, BinaryOp op);
Value unary_negative(Value v);
Value unary_positive(Value v);
Value unary_invert(Value v);
int is_true(Value v);                        // 0/1, or -1 + error
Value rich_compare(Value left, Value right, CompareOp op);
int rich_compare_bool(Value left, Value right, CompareOp op);  // identity shortcut for Eq/Ne
int contains(Value container, Value item);   // `item in container`: 0/1, or -1

Value repr(Value v);                         // a str
Value str(Value v);                          // a str
int64_t hash(Value v);                       // -1 + error if unhashable
Value format(Value v, Value spec);           // format(v, spec)

Value get_attr(Value object, Value name);    // name: a str
Value get_attr(Value object, const char* name);
int set_attr(Value object, Value name, Value value);  // value null: delete
// LOAD_METHOD's lookup: if `name` resolves to a plain function/method descriptor on the type,
// returns it unbound and sets *is_method; else returns the bound attribute.
Value get_method(Value object, Value name, bool* is_method);

Value get_item(Value container, Value key);
int set_item(Value container, Value key, Value value);
int del_item(Value container, Value key);
int64_t length(Value v);                     // len(v), or -1 + error

Value get_iter(Value v);
// The next item, or null: with no exception set when the iterator is exhausted (no StopIteration
// object is made for built-in iterators), with an exception set on error.
Value iter_next(Value iterator);

// Calls `callable` with the vectorcall convention of type.h's CallFunc.
Value call(Value callable, const Value* args, size_t nargs, Value kwnames = Value());
Value call_no_args(Value callable);
Value call_one_arg(Value callable, Value arg);
Value call_method(Value object, const char* name, const Value* args, size_t nargs);

// index(): an int from __index__ (TypeError otherwise); as_ssize: clamps nothing, raises
// OverflowError ("cannot fit 'int' into an index-sized integer") when out of int64 range.
Value number_index(Value v);
int64_t as_ssize(Value v);                  // -1 + error possible: check error_occurred()

bool is_instance_of(Value v, const TypeObject* type);  // exact subclass check, no __instancecheck__

// isinstance(v, cls) / issubclass(derived, cls): tuples, __instancecheck__/__subclasscheck__,
// __class__; 0/1, or -1 + error. (abstract.cpp, "core")
int object_is_instance(Value v, Value cls);
int object_is_subclass(Value derived, Value cls);
// call_method with keywords allowed; `name` looked up as LOAD_METHOD does.
Value call_method_kw(Value object, Value name, const Value* args, size_t nargs, Value kwnames);
// The attribute, or null WITHOUT an error when it is missing (AttributeError swallowed).
Value lookup_attr(Value object, Value name);
// A special method looked up on the type (not the instance), bound to v; null without error when
// absent. For __enter__, __exit__, __format__, __round__...
Value lookup_special(Value v, const char* name);

// pow(base, exponent, modulus) (modulus null: two-argument pow); abs(v).
Value power(Value base, Value exponent, Value modulus);
Value number_absolute(Value v);
// iter(sequence) over __getitem__ (the "iterator" type) and iter(callable, sentinel).
Value seq_iter_new(Value seq);
Value callable_iter_new(Value callable, Value sentinel);

}  // namespace krait::runtime
