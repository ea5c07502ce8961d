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
// May run an automatic cycle collection first (gc.h), never while a dealloc is running.
Object* allocate_object(TypeObject* type, size_t size);

// Releases an object's memory (after its type's dealloc cleaned its fields). Untracks it, and
// drops the reference allocate_object gave its type if that is a heap type.
void free_object(Object* object);

// Constructs a T (derived from Object) in memory from allocate_object.
template <typename T, typename... Args>
T* new_object(TypeObject* type, Args&&... args) {
  Object* memory = allocate_object(type, sizeof(T));
  if (memory == nullptr) return nullptr;
  uint32_t flags = memory->flags;
  T* object = new (memory) T(std::forward<Args>(args)...);
  // Through Object: TypeObject has its own `flags` member that would hide the header's.
  Object* header = object;
  header->refcount = 1;
  header->flags = flags;
  header->type = type;
  return object;
}

// The cycle collector's view of an object (gc.cpp).
void gc_track(Object* object);    // start tracking (containers, once their fields are valid)
void gc_untrack(Object* object);  // idempotent
bool gc_is_tracked(const Object* object);

// --- immortal objects ---------------------------------------------------------------------------
// Static objects (built-in types, None, ...) should be marked with make_immortal. Objects that did
// not come from allocate_object are never freed in any case: dealloc_object resets their count.
inline constexpr uint32_t kImmortalRefcount = 1u << 30;
inline void make_immortal(Object* object) {
  object->refcount = kImmortalRefcount;
  object->flags |= ObjectFlag::Immortal;
}

// --- the allocator's and collector's bits of Object::flags (bits 16..31; private) ---------------
namespace ObjectFlag {
inline constexpr uint32_t GcUnreachable = 1u << 20;  // in the unreachable set of a running collection
inline constexpr uint32_t HasGcHeader = 1u << 21;    // a GcHeader precedes the object
inline constexpr uint32_t HeapAllocated = 1u << 22;  // came from allocate_object
inline constexpr int kSizeClassShift = 24;           // bits 24..31: pool size class (0: malloc)
}  // namespace ObjectFlag

// Raw buffers (list items, dict tables...) from the same pools: zeroed; mem_free needs the size
// given to mem_alloc. nullptr + MemoryError on failure.
void* mem_alloc(size_t size);
void mem_free(void* block, size_t size);
// Resizes a block from mem_alloc (block may be null with old_size 0): the first
// min(old_size, new_size) bytes are kept, the rest is zeroed. nullptr + MemoryError on failure
// (the old block is then still valid).
void* mem_realloc(void* block, size_t old_size, size_t new_size);

// Declares a C++ static that keeps what it holds alive until exit by design (a runtime cache,
// as CPython keeps such objects in static or module state): the refcheck build's leak report
// counts the Value in `*slot` at exit, and what it reaches, as alive. Call once per slot; a
// no-op in other builds. Never for hiding a leak: only for a static that the runtime owns.
void declare_static_root(const Value* slot);

// Allocation statistics (for -X gc-stats and tests).
struct MemoryStats {
  size_t allocations = 0;     // allocate_object calls
  size_t frees = 0;           // free_object calls
  size_t live_bytes = 0;      // bytes of live objects and buffers (block sizes)
  size_t peak_bytes = 0;      // the maximum of live_bytes
  size_t reserved_bytes = 0;  // bytes of pool arenas obtained from the system
};
MemoryStats memory_stats();

}  // namespace krait::runtime
