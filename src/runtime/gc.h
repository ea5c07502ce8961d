// The cycle collector: CPython's generational scheme (three generations, thresholds 700/10/10)
// over the objects tracked with gc_track (memory.h).
//
// A tracked object has a GcHeader just before it, linking it into its generation's list. A
// collection finds unreachable objects by trial deletion: every object's gc_refs starts at its
// refcount, references from other collected objects (found with type->traverse) are subtracted,
// and whatever is not reachable from an object left with gc_refs > 0 is garbage. Garbage is
// then handled as PEP 442 says: weak references to it are cleared, finalizers (type->finalize)
// run once per object, the set is recomputed (a finalizer may resurrect objects), and cycles
// are broken with type->clear.
#pragma once

#include <cstdint>
#include <cstdio>
#include <vector>

#include "runtime/memory.h"

namespace krait::runtime {

// The header before every object of a HaveGc type. `prev` is a pointer, except during a
// collection, when it holds the object's gc_refs (see gc.cpp).
struct GcHeader {
  GcHeader* next;
  uintptr_t prev;
};
static_assert(sizeof(GcHeader) == 16, "the pools assume a 16-byte header");

inline GcHeader* gc_header_of(Object* object) { return reinterpret_cast<GcHeader*>(object) - 1; }
inline Object* object_of(GcHeader* header) { return reinterpret_cast<Object*>(header + 1); }

inline constexpr int kGcGenerations = 3;

// gc.collect(generation): collects `generation` and the younger ones; returns the number of
// unreachable objects found (0 if a collection is already running).
size_t gc_collect(int generation = kGcGenerations - 1);
// Collects the oldest generation whose count is over its threshold, as CPython does after an
// allocation (also the long-lived heuristic for the oldest). Does nothing while deferred.
void gc_collect_if_needed();

// While a GcDeferGuard exists no automatic collection starts (dealloc_object holds one while a
// type's dealloc runs: objects being torn down must not be traversed).
class GcDeferGuard {
 public:
  GcDeferGuard();
  ~GcDeferGuard();
  GcDeferGuard(const GcDeferGuard&) = delete;
  GcDeferGuard& operator=(const GcDeferGuard&) = delete;
};

bool gc_is_enabled();
void gc_set_enabled(bool enabled);
bool gc_is_collecting();

// gc.get_count() / get_threshold() / set_threshold().
int64_t gc_get_count(int generation);
int64_t gc_get_threshold(int generation);
void gc_set_threshold(int generation, int64_t threshold);

// gc.set_debug flags (CPython's values).
namespace GcDebug {
inline constexpr int Stats = 1, Collectable = 2, Uncollectable = 4, SaveAll = 32, Leak = 38;
}
int gc_get_debug();
void gc_set_debug(int flags);

// gc.get_stats(): per generation.
struct GcGenerationStats {
  size_t collections = 0;
  size_t collected = 0;
  size_t uncollectable = 0;
};
GcGenerationStats gc_get_stats(int generation);

// gc.freeze(): moves every tracked object to the permanent generation (never collected).
void gc_freeze();
void gc_unfreeze();  // moves them back into the oldest generation
size_t gc_get_freeze_count();

// Tracked objects of `generation` (-1: all three; the permanent generation is not included),
// borrowed; the caller must take references before running any Python code.
std::vector<Object*> gc_get_objects(int generation = -1);
// Tracked objects that refer directly to one of `targets` (borrowed).
std::vector<Object*> gc_get_referrers(const Value* targets, size_t count);
// What type->traverse visits for `object` (borrowed; immediates included, since CPython's ints
// and floats are objects it visits); empty if not a GC type.
std::vector<Value> gc_get_referents(Object* object);

// True if `value` could ever be part of a cycle: a GC object, except an untracked tuple
// (CPython's _PyObject_GC_MAY_BE_TRACKED). Containers that start untracked (a dict holding only
// atoms) call gc_track when such a value is stored into them.
bool gc_may_be_tracked(Value value);

// True if `object` has a finalizer that already ran (PEP 442).
bool gc_is_finalized(const Object* object);

// Runs type->finalize on a live object, at most once (marks it Finalized), with the current
// exception saved and restored around it. The caller holds a reference.
void call_finalizer(Object* object);

// --- hooks for other parts of the runtime -------------------------------------------------------
// The weakref implementation sets these.
//  weakref_clear_hook: clears the weak references to `object` (about to be freed) and calls their
//    callbacks; dealloc_object calls it when the type has a weaklist slot holding a non-null word.
//  weakref_gc_hook: for a collection: clears the weak references to every object in `garbage`,
//    then calls the callbacks of those weakrefs that are not garbage themselves (gc_is_garbage).
//    Returns the number of callbacks called... or anything; it is not counted.
extern void (*weakref_clear_hook)(Object* object);
extern void (*weakref_gc_hook)(Object* const* garbage, size_t count);
// True for an object of the unreachable set of the running collection.
inline bool gc_is_garbage(const Object* object) {
  return (object->flags & ObjectFlag::GcUnreachable) != 0;
}
// The gc module sets these: gc.callbacks ("start"/"stop" phases) and DEBUG_SAVEALL's gc.garbage.
extern void (*gc_callback_hook)(bool start, int generation, size_t collected, size_t uncollectable);
extern void (*gc_save_garbage_hook)(Object* object);

// -X gc-stats: collections, pause times, allocations, peak heap, to `out`.
void print_gc_stats(FILE* out);

// Internal (memory.cpp): a GC-tracked type's object was allocated / freed (gen0 count).
void gc_note_allocation();
void gc_note_free();

}  // namespace krait::runtime
