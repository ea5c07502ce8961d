// The heap object header, reference counting, and owning handles.
//
// Every heap object starts with Object: a reference count and its type. Objects that can be
// part of reference cycles (containers, instances, functions, frames...) are also tracked by
// the cycle collector (gc.h): their memory starts with a GcHeader placed *before* the Object,
// as CPython does, so the header costs nothing for atoms (str, float...).
//
// Conventions (as CPython's C API, which they mirror):
// - A Value returned by a runtime function is a NEW reference unless the function's comment
//   says "borrowed". A null Value means an exception is set (errors.h).
// - Arguments are borrowed.
// - C++ code that holds references across calls uses Ref (RAII: copy = incref, destroy = decref).
#pragma once

#include <cstdint>
#include <utility>

#include "runtime/value.h"

namespace krait::runtime {

struct TypeObject;

struct Object {
  uint32_t refcount = 1;
  uint32_t flags = 0;          // ObjectFlag bits
  TypeObject* type = nullptr;
};

namespace ObjectFlag {
inline constexpr uint32_t Immortal = 1u << 0;   // never freed (singletons, static types)
inline constexpr uint32_t GcTracked = 1u << 1;  // has a GcHeader before it, linked in a generation
inline constexpr uint32_t Finalized = 1u << 2;  // __del__ already ran (PEP 442)
inline constexpr uint32_t Interned = 1u << 3;   // str: in the interned table
}  // namespace ObjectFlag

// Frees an object whose count reached zero: runs its type's dealloc (object.cpp).
void dealloc_object(Object* object);

inline void incref(Object* object) { ++object->refcount; }
inline void decref(Object* object) {
  if (--object->refcount == 0) dealloc_object(object);
}
inline void incref(Value value) {
  if (value.is_object()) incref(value.as_object());
}
inline void decref(Value value) {
  if (value.is_object()) decref(value.as_object());
}
inline void xdecref(Value value) { decref(value); }  // null-safe (null is not an object)

// An owning reference to a Value (null allowed).
class Ref {
 public:
  Ref() = default;
  // Takes ownership of a new reference (what runtime functions return).
  static Ref steal(Value value) { Ref r; r.value_ = value; return r; }
  // Adds a reference to a borrowed value.
  static Ref borrow(Value value) { incref(value); return steal(value); }

  Ref(const Ref& other) : value_(other.value_) { incref(value_); }
  Ref(Ref&& other) noexcept : value_(std::exchange(other.value_, Value())) {}
  Ref& operator=(const Ref& other) {
    Value old = value_;
    value_ = other.value_;
    incref(value_);
    decref(old);
    return *this;
  }
  Ref& operator=(Ref&& other) noexcept {
    if (this != &other) {
      Value old = value_;
      value_ = std::exchange(other.value_, Value());
      decref(old);
    }
    return *this;
  }
  ~Ref() { decref(value_); }

  Value get() const { return value_; }
  Value release() { return std::exchange(value_, Value()); }  // hands the reference over
  explicit operator bool() const { return !value_.is_null(); }
  Object* object() const { return value_.as_object(); }

 private:
  Value value_;
};

// The type of any value (small ints and floats have int and float). Inline: asked on every
// generic operation.
extern TypeObject int_type, float_type;
inline TypeObject* type_of(Value value) {
  if (value.is_object()) return value.as_object()->type;
  if (value.is_small_int()) return &int_type;
  if (value.is_float()) return &float_type;
  return nullptr;  // the null Value has no type
}

}  // namespace krait::runtime
