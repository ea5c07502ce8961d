// The cycle collector (see gc.h for the algorithm's outline).
//
// Lists: each generation is a circular doubly-linked list through the GcHeaders, with a sentinel
// header. During the trial-deletion phases of a collection (update, subtract, mark) the `prev`
// word of each collected object holds its gc_refs shifted left by two, with kCollecting and
// kReachable in the low bits; only `next` is followed then, and the lists are rebuilt (prev
// pointers restored) by the partition that ends those phases, before any Python code can run.
// A real prev pointer is 8-byte aligned, so kCollecting is clear for every object outside the
// collected set. Marking uses an explicit stack: no recursion on deep object graphs.
#include "runtime/gc.h"

#include <algorithm>
#include <chrono>
#include <cstring>

#include "runtime/builtin_types.h"
#include "runtime/dict.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/errors.h"
#include "vm/state.h"

namespace krait::runtime {

void (*weakref_clear_hook)(Object* object) = nullptr;
void (*weakref_gc_hook)(Object* const* garbage, size_t count) = nullptr;
void (*gc_callback_hook)(bool start, int generation, size_t collected, size_t uncollectable) = nullptr;
void (*gc_save_garbage_hook)(Object* object) = nullptr;

namespace {

constexpr uintptr_t kCollecting = 1;
constexpr uintptr_t kReachable = 2;
constexpr int kRefsShift = 2;

struct Generation {
  GcHeader head;
  int64_t threshold;
  int64_t count;  // gen0: tracked allocations minus frees; older: collections of the younger one
  GcGenerationStats stats;
};

struct GcState {
  Generation generations[kGcGenerations];
  GcHeader permanent;
  bool enabled = true;
  bool collecting = false;
  int defer_depth = 0;
  int debug = 0;
  // CPython's heuristic: a full collection only when the objects that survived a gen1
  // collection since the last full one exceed 25% of those that survived it.
  size_t long_lived_total = 0;
  size_t long_lived_pending = 0;
  // -X gc-stats
  double pause_total = 0;
  double pause_max = 0;
  bool initialized = false;
};

GcState state;

inline GcHeader* prev_of(GcHeader* h) { return reinterpret_cast<GcHeader*>(h->prev); }

void list_init(GcHeader* list) {
  list->next = list;
  list->prev = reinterpret_cast<uintptr_t>(list);
}
bool list_empty(GcHeader* list) { return list->next == list; }
void list_append(GcHeader* node, GcHeader* list) {
  GcHeader* last = prev_of(list);
  node->next = list;
  node->prev = reinterpret_cast<uintptr_t>(last);
  last->next = node;
  list->prev = reinterpret_cast<uintptr_t>(node);
}
void list_remove(GcHeader* node) {
  prev_of(node)->next = node->next;
  node->next->prev = node->prev;
  node->next = nullptr;
  node->prev = 0;
}
// Appends every node of `from` to `to`; `from` is left empty.
void list_merge(GcHeader* from, GcHeader* to) {
  if (list_empty(from)) return;
  GcHeader* to_last = prev_of(to);
  GcHeader* first = from->next;
  GcHeader* last = prev_of(from);
  to_last->next = first;
  first->prev = reinterpret_cast<uintptr_t>(to_last);
  last->next = to;
  to->prev = reinterpret_cast<uintptr_t>(last);
  list_init(from);
}
size_t list_size(GcHeader* list) {
  size_t n = 0;
  for (GcHeader* h = list->next; h != list; h = h->next) ++n;
  return n;
}

void ensure_initialized() {
  if (state.initialized) return;
  static const int64_t thresholds[kGcGenerations] = {700, 10, 10};
  for (int i = 0; i < kGcGenerations; ++i) {
    list_init(&state.generations[i].head);
    state.generations[i].threshold = thresholds[i];
    state.generations[i].count = 0;
  }
  list_init(&state.permanent);
  state.initialized = true;
}

// --- trial deletion ---------------------------------------------------------------------------

// The header of `referent` if it is an object of the set being collected.
inline GcHeader* collected_header(Value referent) {
  if (!referent.is_object()) return nullptr;
  Object* object = referent.as_object();
  if (!(object->flags & ObjectFlag::HasGcHeader)) return nullptr;
  GcHeader* h = gc_header_of(object);
  return (h->prev & kCollecting) ? h : nullptr;
}

void traverse(Object* object, VisitFunc visit, void* context) {
  if (TraverseFunc t = object->type->traverse) t(object, visit, context);
}

// gc_refs = refcount, for every object of `list`.
void update_refs(GcHeader* list) {
  for (GcHeader* h = list->next; h != list; h = h->next)
    h->prev = (static_cast<uintptr_t>(object_of(h)->refcount) << kRefsShift) | kCollecting;
}

void visit_decref(Value referent, void*) {
  GcHeader* h = collected_header(referent);
  if (h == nullptr) return;
  // A count never goes below zero, even if a traverse over-reports its references.
  if ((h->prev >> kRefsShift) > 0) {
    h->prev -= uintptr_t(1) << kRefsShift;
    return;
  }
#ifdef KRAIT_REFCHECK
  // More references from containers than the count says: an incref is missing somewhere (or a
  // traverse visits something its object does not own). Reported once per type.
  static std::vector<const TypeObject*> reported;
  const TypeObject* type = object_of(h)->type;
  for (const TypeObject* seen : reported)
    if (seen == type) return;
  reported.push_back(type);
  std::fprintf(stderr, "[refcheck] %s object %p: more references from containers than its refcount\n",
               type->name.c_str(), static_cast<void*>(object_of(h)));
#endif
}

// Subtracts the references from inside the set: what is left is held from outside.
void subtract_refs(GcHeader* list) {
  for (GcHeader* h = list->next; h != list; h = h->next) traverse(object_of(h), visit_decref, nullptr);
}

void visit_mark(Value referent, void* context) {
  GcHeader* h = collected_header(referent);
  if (h == nullptr || (h->prev & kReachable)) return;
  h->prev |= kReachable;
  static_cast<std::vector<GcHeader*>*>(context)->push_back(h);
}

// Marks every object held from outside, and everything reachable from those.
void mark_reachable(GcHeader* list) {
  std::vector<GcHeader*> stack;
  for (GcHeader* h = list->next; h != list; h = h->next) {
    if ((h->prev >> kRefsShift) == 0 || (h->prev & kReachable)) continue;
    h->prev |= kReachable;
    stack.push_back(h);
    while (!stack.empty()) {
      GcHeader* top = stack.back();
      stack.pop_back();
      traverse(object_of(top), visit_mark, &stack);
    }
  }
}

// Splits `list`: reachable objects stay in it, the others move to `unreachable` (flagged
// GcUnreachable). Rebuilds the prev pointers.
void partition(GcHeader* list, GcHeader* unreachable) {
  GcHeader* h = list->next;
  list_init(list);
  while (h != list) {
    GcHeader* next = h->next;
    Object* object = object_of(h);
    if (h->prev & kReachable) {
      object->flags &= ~ObjectFlag::GcUnreachable;
      list_append(h, list);
    } else {
      object->flags |= ObjectFlag::GcUnreachable;
      list_append(h, unreachable);
    }
    h = next;
  }
}

void visit_may_be_tracked(Value referent, void* context) {
  if (gc_may_be_tracked(referent)) *static_cast<bool*>(context) = true;
}

// As CPython: a tuple holding only atoms (ints, strs, untracked tuples...) can never be part of
// a cycle, so reachable tuples are checked and untracked once they are seen to be atomic.
void untrack_atomic_tuples(GcHeader* list) {
  for (GcHeader* h = list->next, *next; h != list; h = next) {
    next = h->next;
    Object* object = object_of(h);
    if (object->type != &tuple_type) continue;
    bool may_be_tracked = false;
    traverse(object, visit_may_be_tracked, &may_be_tracked);
    if (!may_be_tracked) gc_untrack(object);
  }
}

// As CPython, in full collections only (frequent checks would make building a big dict
// quadratic): a plain dict that holds only atoms is untracked again (insert tracks it if a
// container is stored later).
void untrack_atomic_dicts(GcHeader* list) {
  for (GcHeader* h = list->next, *next; h != list; h = next) {
    next = h->next;
    Object* object = object_of(h);
    if (object->type != &dict_type) continue;
    bool may_be_tracked = false;
    traverse(object, visit_may_be_tracked, &may_be_tracked);
    if (!may_be_tracked) gc_untrack(object);
  }
}

void deduce_unreachable(GcHeader* list, GcHeader* unreachable) {
  update_refs(list);
  subtract_refs(list);
  mark_reachable(list);
  partition(list, unreachable);
}

// --- handling garbage -------------------------------------------------------------------------

// True if any weak reference was cleared (callbacks may have run).
bool handle_weakrefs(GcHeader* unreachable) {
  if (weakref_gc_hook == nullptr) return false;
  std::vector<Object*> garbage;
  for (GcHeader* h = unreachable->next; h != unreachable; h = h->next) {
    Object* object = object_of(h);
    if (object->type->weaklist_offset != 0) garbage.push_back(object);
  }
  if (garbage.empty()) return false;
  weakref_gc_hook(garbage.data(), garbage.size());
  return true;
}

// Runs each finalizer once. Objects are moved to `seen` one at a time, so that the list stays
// valid whatever a finalizer frees or untracks. False if there was nothing to run.
bool finalize_garbage(GcHeader* unreachable) {
  bool any = false;
  for (GcHeader* h = unreachable->next; h != unreachable && !any; h = h->next) {
    Object* object = object_of(h);
    any = object->type->finalize != nullptr && !(object->flags & ObjectFlag::Finalized);
  }
  if (!any) return false;
  GcHeader seen;
  list_init(&seen);
  while (!list_empty(unreachable)) {
    GcHeader* h = unreachable->next;
    list_remove(h);
    list_append(h, &seen);
    Object* object = object_of(h);
    if (object->type->finalize != nullptr && !(object->flags & ObjectFlag::Finalized)) {
      incref(object);
      call_finalizer(object);
      decref(object);
    }
  }
  list_merge(&seen, unreachable);
  return true;
}

void move_to(GcHeader* h, GcHeader* list) {
  object_of(h)->flags &= ~ObjectFlag::GcUnreachable;
  list_remove(h);
  list_append(h, list);
}

// Breaks the cycles (or, with DEBUG_SAVEALL, keeps the objects in gc.garbage). An object still
// alive afterwards moves to `old`.
void delete_garbage(GcHeader* garbage, GcHeader* old, const std::vector<Object*>& instance_dicts) {
  while (!list_empty(garbage)) {
    GcHeader* h = garbage->next;
    Object* object = object_of(h);
    if ((state.debug & GcDebug::SaveAll) && gc_save_garbage_hook != nullptr) {
      if (!std::binary_search(instance_dicts.begin(), instance_dicts.end(), object)) gc_save_garbage_hook(object);
    } else if (ClearFunc clear = object->type->clear) {
      incref(object);
      clear(object);
      if (error_occurred()) clear_error();
      decref(object);
    }
    if (garbage->next == h) move_to(h, old);
  }
}

// The number of objects CPython 3.11 would report for this garbage. Its instances keep their
// attributes inline until something asks for __dict__, so the dict of an instance is usually not
// an object of its own there; krait's instances always use a dict. A dict that is the __dict__ of
// another garbage instance is therefore not counted (gc.collect()'s result, gc.get_stats()).
// The dicts so discounted are added to `instance_dicts`, sorted (DEBUG_SAVEALL leaves them out of
// gc.garbage for the same reason).
size_t count_as_cpython(GcHeader* garbage, std::vector<Object*>* instance_dicts) {
  size_t count = 0;
  for (GcHeader* h = garbage->next; h != garbage; h = h->next) {
    ++count;
    Object* object = object_of(h);
    ptrdiff_t offset = object->type->dict_offset;
    if (offset <= 0 || !(object->type->flags & TypeFlag::HeapType)) continue;
    Value dict;
    std::memcpy(&dict, reinterpret_cast<char*>(object) + offset, sizeof dict);
    if (dict.is_object() && dict.as_object()->type == &dict_type && gc_is_garbage(dict.as_object())) {
      --count;
      if (state.debug & GcDebug::SaveAll) instance_dicts->push_back(dict.as_object());
    }
  }
  std::sort(instance_dicts->begin(), instance_dicts->end());
  return count;
}

void debug_objects(const char* what, GcHeader* list) {
  for (GcHeader* h = list->next; h != list; h = h->next) {
    Object* object = object_of(h);
    std::fprintf(stderr, "gc: %s <%s %p>\n", what, object->type->name.c_str(), static_cast<void*>(object));
  }
}

size_t collect_main(int generation) {
  auto start = std::chrono::steady_clock::now();
  if (state.debug & GcDebug::Stats) {
    std::fprintf(stderr, "gc: collecting generation %d...\n", generation);
    std::fprintf(stderr, "gc: objects in each generation: %zu %zu %zu\n", list_size(&state.generations[0].head),
                 list_size(&state.generations[1].head), list_size(&state.generations[2].head));
    std::fprintf(stderr, "gc: objects in permanent generation: %zu\n", list_size(&state.permanent));
  }
  if (generation + 1 < kGcGenerations) state.generations[generation + 1].count += 1;
  for (int i = 0; i <= generation; ++i) state.generations[i].count = 0;
  for (int i = 0; i < generation; ++i) list_merge(&state.generations[i].head, &state.generations[generation].head);

  GcHeader* young = &state.generations[generation].head;
  GcHeader* old = generation + 1 < kGcGenerations ? &state.generations[generation + 1].head : young;
  GcHeader unreachable;
  list_init(&unreachable);
  deduce_unreachable(young, &unreachable);
  untrack_atomic_tuples(young);
  if (young != old) {
    if (generation == kGcGenerations - 2) state.long_lived_pending += list_size(young);
    list_merge(young, old);
  } else {
    untrack_atomic_dicts(young);
    state.long_lived_pending = 0;
    state.long_lived_total = list_size(young);
  }
  if (state.debug & GcDebug::Collectable) debug_objects("collectable", &unreachable);

  bool ran_code = handle_weakrefs(&unreachable);
  ran_code |= finalize_garbage(&unreachable);
  GcHeader still_unreachable;
  list_init(&still_unreachable);
  if (ran_code) {
    // Callbacks and finalizers may have resurrected objects: what is reachable now from outside
    // lives on.
    deduce_unreachable(&unreachable, &still_unreachable);
    while (!list_empty(&unreachable)) move_to(unreachable.next, old);
  } else {
    list_merge(&unreachable, &still_unreachable);
  }

  std::vector<Object*> instance_dicts;
  size_t collected = count_as_cpython(&still_unreachable, &instance_dicts);
  delete_garbage(&still_unreachable, old, instance_dicts);

  GcGenerationStats& stats = state.generations[generation].stats;
  stats.collections += 1;
  stats.collected += collected;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  state.pause_total += seconds;
  if (seconds > state.pause_max) state.pause_max = seconds;
  if (state.debug & GcDebug::Stats)
    std::fprintf(stderr, "gc: done, %zu unreachable, 0 uncollectable, %.4fs elapsed\n", collected, seconds);
  return collected;
}

size_t collect_with_callback(int generation) {
  if (gc_callback_hook != nullptr) gc_callback_hook(true, generation, 0, 0);
  size_t collected = collect_main(generation);
  if (gc_callback_hook != nullptr) gc_callback_hook(false, generation, collected, 0);
  return collected;
}

}  // namespace

// --- tracking -----------------------------------------------------------------------------------

void gc_track(Object* object) {
  if ((object->flags & (ObjectFlag::GcTracked | ObjectFlag::HasGcHeader)) != ObjectFlag::HasGcHeader) return;
  ensure_initialized();
  object->flags |= ObjectFlag::GcTracked;
  list_append(gc_header_of(object), &state.generations[0].head);
}

void gc_untrack(Object* object) {
  if (!(object->flags & ObjectFlag::GcTracked)) return;
  object->flags &= ~(ObjectFlag::GcTracked | ObjectFlag::GcUnreachable);
  list_remove(gc_header_of(object));
}

bool gc_is_tracked(const Object* object) { return (object->flags & ObjectFlag::GcTracked) != 0; }

void gc_note_allocation() { ++state.generations[0].count; }
void gc_note_free() {
  if (state.generations[0].count > 0) --state.generations[0].count;
}

// --- collections ----------------------------------------------------------------------------------

size_t gc_collect(int generation) {
  ensure_initialized();
  if (state.collecting) return 0;
  state.collecting = true;
  size_t collected = collect_with_callback(generation);
  state.collecting = false;
  return collected;
}

void gc_collect_if_needed() {
  Generation& young = state.generations[0];
  if (young.count <= young.threshold || !state.enabled || young.threshold == 0 || state.collecting ||
      state.defer_depth > 0 || error_occurred())
    return;
  ensure_initialized();
  for (int i = kGcGenerations - 1; i >= 0; --i) {
    if (state.generations[i].count <= state.generations[i].threshold) continue;
    if (i == kGcGenerations - 1 && state.long_lived_pending < state.long_lived_total / 4) continue;
    gc_collect(i);
    break;
  }
}

GcDeferGuard::GcDeferGuard() { ++state.defer_depth; }
GcDeferGuard::~GcDeferGuard() { --state.defer_depth; }

bool gc_is_enabled() { return state.enabled; }
void gc_set_enabled(bool enabled) { state.enabled = enabled; }
bool gc_is_collecting() { return state.collecting; }

int64_t gc_get_count(int generation) { return state.generations[generation].count; }
int64_t gc_get_threshold(int generation) {
  ensure_initialized();
  return state.generations[generation].threshold;
}
void gc_set_threshold(int generation, int64_t threshold) {
  ensure_initialized();
  state.generations[generation].threshold = threshold;
}

int gc_get_debug() { return state.debug; }
void gc_set_debug(int flags) { state.debug = flags; }

GcGenerationStats gc_get_stats(int generation) { return state.generations[generation].stats; }

void gc_freeze() {
  ensure_initialized();
  for (Generation& g : state.generations) list_merge(&g.head, &state.permanent);
  state.generations[0].count = 0;
}

void gc_unfreeze() {
  ensure_initialized();
  list_merge(&state.permanent, &state.generations[kGcGenerations - 1].head);
}

size_t gc_get_freeze_count() {
  ensure_initialized();
  return list_size(&state.permanent);
}

// --- introspection --------------------------------------------------------------------------------

std::vector<Object*> gc_get_objects(int generation) {
  ensure_initialized();
  std::vector<Object*> objects;
  for (int i = 0; i < kGcGenerations; ++i) {
    if (generation >= 0 && i != generation) continue;
    GcHeader* list = &state.generations[i].head;
    for (GcHeader* h = list->next; h != list; h = h->next) objects.push_back(object_of(h));
  }
  return objects;
}

namespace {
struct ReferrerSearch {
  const Value* targets;
  size_t count;
  bool found;
};
void visit_find(Value referent, void* context) {
  auto* search = static_cast<ReferrerSearch*>(context);
  if (search->found) return;
  for (size_t i = 0; i < search->count; ++i)
    if (search->targets[i].is(referent)) search->found = true;
}
void visit_collect(Value referent, void* context) {
  if (referent) static_cast<std::vector<Value>*>(context)->push_back(referent);
}
}  // namespace

std::vector<Object*> gc_get_referrers(const Value* targets, size_t count) {
  std::vector<Object*> referrers;
  for (Object* object : gc_get_objects(-1)) {
    ReferrerSearch search{targets, count, false};
    traverse(object, visit_find, &search);
    if (search.found) referrers.push_back(object);
  }
  return referrers;
}

namespace {
// gc.get_referents shows what CPython's traverse functions visit, in their order: a list's and a
// tuple's items from the last (ints and floats included: they are objects there), a dict's value
// before its key, and no keys at all while every key is an exact str (CPython's str-only tables).
bool referents_as_cpython(Object* object, std::vector<Value>* referents) {
  Value v = Value::object(object);
  if (object->type == &list_type) {
    for (size_t i = list_size(v); i-- > 0;) referents->push_back(list_get(v, i));
    return true;
  }
  if (object->type == &tuple_type) {
    for (size_t i = tuple_size(v); i-- > 0;) referents->push_back(tuple_get(v, i));
    return true;
  }
  if (object->type == &dict_type) {
    bool str_keys = true;
    size_t pos = 0;
    Value key, value;
    while (dict_next(v, &pos, &key, &value)) str_keys = str_keys && is_str_exact(key);
    pos = 0;
    while (dict_next(v, &pos, &key, &value)) {
      referents->push_back(value);
      if (!str_keys) referents->push_back(key);
    }
    return true;
  }
  return false;
}
}  // namespace

std::vector<Value> gc_get_referents(Object* object) {
  std::vector<Value> referents;
  if (!(object->flags & ObjectFlag::HasGcHeader)) return referents;
  if (!referents_as_cpython(object, &referents)) traverse(object, visit_collect, &referents);
  return referents;
}

bool gc_may_be_tracked(Value value) {
  if (!value.is_object()) return false;
  const Object* object = value.as_object();
  if (!(object->flags & ObjectFlag::HasGcHeader)) return false;
  return object->type != &tuple_type || (object->flags & ObjectFlag::GcTracked);
}

bool gc_is_finalized(const Object* object) {
  return (object->flags & ObjectFlag::HasGcHeader) && (object->flags & ObjectFlag::Finalized);
}

void call_finalizer(Object* object) {
  DeallocFunc finalize = object->type->finalize;
  if (finalize == nullptr || (object->flags & ObjectFlag::Finalized)) return;
  object->flags |= ObjectFlag::Finalized;
  Ref saved;
  if (error_occurred()) saved = fetch_exception();
  finalize(object);
  // A finalizer reports its own errors ("Exception ignored in: ..."); none may escape.
  if (error_occurred()) clear_error();
  if (saved) vm::restore_exception(saved.release());
}

// --- -X gc-stats --------------------------------------------------------------------------------

void print_gc_stats(FILE* out) {
  MemoryStats memory = memory_stats();
  size_t collections = 0, collected = 0;
  for (const Generation& g : state.generations) {
    collections += g.stats.collections;
    collected += g.stats.collected;
  }
  std::fprintf(out, "gc-stats: collections: %zu (gen0 %zu, gen1 %zu, gen2 %zu), collected %zu objects\n",
               collections, state.generations[0].stats.collections, state.generations[1].stats.collections,
               state.generations[2].stats.collections, collected);
  std::fprintf(out, "gc-stats: pause: total %.3f ms, max %.3f ms\n", state.pause_total * 1e3, state.pause_max * 1e3);
  std::fprintf(out, "gc-stats: allocations: %zu objects (%zu freed)\n", memory.allocations, memory.frees);
  std::fprintf(out, "gc-stats: heap: peak %zu bytes, live %zu bytes, pools reserved %zu bytes\n", memory.peak_bytes,
               memory.live_bytes, memory.reserved_bytes);
}

}  // namespace krait::runtime
