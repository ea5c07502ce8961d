// Freeing objects whose count reached zero, and the type of any value.
#include "runtime/object.h"

#include <vector>

#include "runtime/builtin_types.h"
#include "runtime/gc.h"
#include "runtime/memory.h"

namespace krait::runtime {

namespace {

// Deep structures (a million-node linked list) would overflow the C++ stack if every dealloc
// freed its children recursively. Past kMaxDeallocDepth nested deallocs, objects are queued and
// freed by the outermost dealloc_object instead (CPython's "trashcan").
constexpr int kMaxDeallocDepth = 64;
int dealloc_depth = 0;
std::vector<Object*>* deferred = nullptr;

void run_dealloc(Object* object) {
  TypeObject* type = object->type;
  if (type->dealloc != nullptr) type->dealloc(object);
  else free_object(object);
}

void drain_deferred() {
  while (deferred != nullptr && !deferred->empty()) {
    Object* object = deferred->back();
    deferred->pop_back();
    ++dealloc_depth;
    run_dealloc(object);
    --dealloc_depth;
  }
}

}  // namespace

void dealloc_object(Object* object) {
  // Static objects are never freed: a count that drifted to zero is simply restored.
  if (!(object->flags & ObjectFlag::HeapAllocated) || (object->flags & ObjectFlag::Immortal)) {
    object->refcount = kImmortalRefcount;
    return;
  }
  TypeObject* type = object->type;
  // PEP 442: __del__ runs once, with the object alive again for its duration; if it stored a
  // reference somewhere (resurrection), the object lives on.
  if (type->finalize != nullptr && !(object->flags & ObjectFlag::Finalized)) {
    object->refcount = 1;
    call_finalizer(object);
    if (--object->refcount != 0) return;
  }
  // Weak references die before the object's fields are cleared (their callbacks may run).
  if (type->weaklist_offset != 0 && weakref_clear_hook != nullptr) {
    Value* list = instance_field(object, type->weaklist_offset);
    if (list != nullptr && !list->is_null()) {
      object->refcount = 1;  // alive while callbacks run; they cannot reach it (refs are cleared)
      weakref_clear_hook(object);
      if (--object->refcount != 0) return;
    }
  }
  // From here on the object is being torn down: the collector must not traverse it (even an
  // explicit gc.collect() from a __del__ that its fields' release triggers).
  gc_untrack(object);
  if (dealloc_depth >= kMaxDeallocDepth) {
    // Freed by the outermost dealloc_object instead.
    if (deferred == nullptr) deferred = new std::vector<Object*>();
    deferred->push_back(object);
    return;
  }
  {
    GcDeferGuard no_collection;  // the object is half torn down while its dealloc runs
    ++dealloc_depth;
    run_dealloc(object);
    --dealloc_depth;
    if (dealloc_depth == 0) drain_deferred();
  }
}


}  // namespace krait::runtime
