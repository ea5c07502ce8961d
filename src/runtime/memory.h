// Allocating and freeing heap objects; the cycle collector's tracking.
//
// Small objects come from size-class pools (free lists), so allocation is a pointer pop.
// Objects of types with TypeFlag::HaveGc get a GcHeader in front of them (gc.cpp links it into
// the youngest generation when the object is tracked).
#pragma once

#include <cstddef>
#include <new>
#include <utility>

#include "runtime/type.h"

namespace krait::runtime {

// Raw memory for an object of `type` with `size` bytes (>= sizeof(Object)): header initialized
// (refcount 1, type set; the type gets a reference if it is a heap type), the rest zeroed.
// Returns nullptr with MemoryError set when out of memory.
Object* allocate_object(TypeObject* type, size_t size);

// Releases an object's memory (after its type's dealloc cleaned its fields). Untracks it.
void free_object(Object* object);

// Constructs a T (derived from Object) in memory from allocate_object.
template <typename T, typename... Args>
T* new_object(TypeObject* type, Args&&... args) {
  Object* memory = allocate_object(type, sizeof(T));
  if (memory == nullptr) return nullptr;
  uint32_t flags = memory->flags;
  T* object = new (memory) T(std::forward<Args>(args)...);
  object->refcount = 1;
  object->flags = flags;
  object->type = type;
  return object;
}

// The cycle collector's view of an object (gc.cpp).
void gc_track(Object* object);    // start tracking (containers, once their fields are valid)
void gc_untrack(Object* object);
bool gc_is_tracked(const Object* object);

}  // namespace krait::runtime
