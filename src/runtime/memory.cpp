// Size-class pools for small blocks, malloc for the rest (see memory.h).
//
// Blocks up to kMaxSmall bytes are rounded up to a multiple of 8 and served from a free list per
// size class; an empty list is refilled by carving a 64 KiB run out of a big mmap'd arena (pages
// are committed by the kernel only when first touched, so unused space costs no RSS). Freed
// blocks go back to their class's list; pool memory is kept for reuse, not returned to the system.
// An object's size class is recorded in its flags (bits 24..31), so free_object needs no lookup.
#include "runtime/memory.h"

#include <malloc.h>
#include <sys/mman.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#ifdef KRAIT_REFCHECK
#include <execinfo.h>

#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "modules/modules.h"
#include "runtime/builtin_types.h"
#include "runtime/core_internal.h"
#include "runtime/descriptors.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/str.h"
#include "vm/code.h"
#endif

#include "runtime/errors.h"
#include "runtime/gc.h"
#include "runtime/refcheck.h"

namespace krait::runtime {

namespace {

constexpr size_t kGranule = 8;
constexpr size_t kMaxSmall = 512;
constexpr size_t kClassCount = kMaxSmall / kGranule;  // classes 1..kClassCount
constexpr size_t kRunBytes = 64 * 1024;
constexpr size_t kArenaBytes = 4 * 1024 * 1024;

struct FreeBlock {
  FreeBlock* next;
};

struct SizeClass {
  FreeBlock* free = nullptr;
  char* bump = nullptr;  // the unused rest of this class's current run
  char* bump_end = nullptr;
};

SizeClass classes[kClassCount + 1];
char* arena_bump = nullptr;
char* arena_end = nullptr;
MemoryStats stats;

inline size_t class_of(size_t size) { return (size + kGranule - 1) / kGranule; }
inline size_t class_bytes(size_t size_class) { return size_class * kGranule; }

bool refill_arena() {
  void* memory = mmap(nullptr, kArenaBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (memory == MAP_FAILED) return false;
  arena_bump = static_cast<char*>(memory);
  arena_end = arena_bump + kArenaBytes;
  stats.reserved_bytes += kArenaBytes;
  return true;
}

// A new run for `size_class`; the tail of the previous run (smaller than one block) is dropped.
bool refill_run(SizeClass& sc) {
  if (arena_end - arena_bump < static_cast<ptrdiff_t>(kRunBytes) && !refill_arena()) return false;
  sc.bump = arena_bump;
  sc.bump_end = arena_bump + kRunBytes;
  arena_bump += kRunBytes;
  return true;
}

// Zeroes a block of whole words. A plain loop: the compiler would otherwise inline memset of
// these sizes as `rep stos`, whose start-up cost doubled the time of a small allocation.
__attribute__((optimize("no-tree-loop-distribute-patterns"))) inline void zero_words(void* block, size_t bytes) {
  auto* words = static_cast<uint64_t*>(block);
  size_t n = bytes / sizeof(uint64_t);
  for (size_t i = 0; i < n; ++i) words[i] = 0;
}

// A zeroed block of class `size_class`, or nullptr.
void* pool_alloc(size_t size_class) {
  SizeClass& sc = classes[size_class];
  size_t bytes = class_bytes(size_class);
  if (FreeBlock* block = sc.free) {
    sc.free = block->next;
    zero_words(block, bytes);
    return block;
  }
  if (sc.bump_end - sc.bump < static_cast<ptrdiff_t>(bytes) && !refill_run(sc)) return nullptr;
  void* block = sc.bump;  // fresh arena memory is already zero
  sc.bump += bytes;
  return block;
}

void pool_free(void* block, size_t size_class) {
  SizeClass& sc = classes[size_class];
  auto* free_block = static_cast<FreeBlock*>(block);
  free_block->next = sc.free;
  sc.free = free_block;
}

inline void note_live(size_t bytes) {
  stats.live_bytes += bytes;
  if (stats.live_bytes > stats.peak_bytes) stats.peak_bytes = stats.live_bytes;
}

// Allocates `bytes` from a pool or malloc; *size_class is 0 for malloc.
void* raw_block(size_t bytes, size_t* size_class) {
#if defined(__SANITIZE_ADDRESS__)
  // Under AddressSanitizer every block comes from malloc, so that a use after free or a double
  // free of an object is reported instead of hidden by a pool's reuse.
  constexpr bool use_pools = false;
#else
  constexpr bool use_pools = true;
#endif
  if (use_pools && bytes <= kMaxSmall) {
    *size_class = class_of(bytes);
    void* block = pool_alloc(*size_class);
    if (block != nullptr) note_live(class_bytes(*size_class));
    return block;
  }
  *size_class = 0;
  void* block = std::calloc(1, bytes);
  if (block != nullptr) note_live(malloc_usable_size(block));
  return block;
}

void release_block(void* block, size_t size_class) {
  if (size_class != 0) {
    stats.live_bytes -= class_bytes(size_class);
    pool_free(block, size_class);
  } else {
    stats.live_bytes -= malloc_usable_size(block);
    std::free(block);
  }
}

#ifdef KRAIT_REFCHECK
// Objects allocated and freed per type (keyed by type; the name is copied because heap types
// may be gone when the report is printed), and the set of live heap objects.
struct TypeCounts {
  std::string name;
  size_t allocated = 0;
  size_t freed = 0;
};
std::map<const TypeObject*, TypeCounts>* type_counts = nullptr;
std::unordered_set<Object*>* live_objects = nullptr;
std::vector<const Value*>* static_roots = nullptr;  // declare_static_root's slots
std::map<const TypeObject*, TraverseFunc>* untraversed = nullptr;  // declare_untraversed_references

// KRAIT_REFCHECK_SITES=1 records the C++ call stack of every allocation, and the report prints
// it for each leaked object held from outside the heap graph (addresses relative to the binary:
// `addr2line -f -C -e krait 0x...` names the functions).
constexpr int kSiteDepth = 14;
struct Site {
  void* frames[kSiteDepth];
  int depth;
};
std::unordered_map<Object*, Site>* sites = nullptr;

void record_site(Object* o) {
  Site site;
  site.depth = backtrace(site.frames, kSiteDepth);
  (*sites)[o] = site;
}

void print_site(Object* o) {
  auto it = sites->find(o);
  if (it == sites->end()) return;
  char** names = backtrace_symbols(it->second.frames, it->second.depth);
  for (int i = 2; i < it->second.depth; ++i) std::fprintf(stderr, "[refcheck]     %s\n", names[i]);
  std::free(names);
}

// What stays alive by design until exit (krait, like CPython with its static types, does not
// tear the interpreter down): everything reachable from sys (hence sys.modules and every module's
// namespace), from builtins, from interned strings and immortal objects, and from objects held by
// the runtime's own static caches. The last kind cannot be told from a leak by looking at the
// heap: an object whose refcount exceeds the references other live objects hold to it is held
// from outside the heap graph, i.e. by a C++ static or leaked. Such objects are counted as roots
// only when they are types or type dicts (static types' namespaces, reached from nothing else);
// anything else held from outside is reported.
// References that objects own but their traverse does not show, because they can hold no cycle:
// a code object's constants and names (code, as in CPython, has no traverse), a type's subclass
// table (ints and None) and a heap type's __slots__ tuple (strs), which CPython's type traverse
// skips too; and those of the types declared by declare_untraversed_references (refcheck.h). The
// report follows them as it follows traversed references.
void visit_untraversed(Object* o, VisitFunc visit, void* context) {
  if (o->type == &code_type && o->type->traverse == nullptr) {
    auto* code = static_cast<vm::CodeObject*>(o);
    for (Value v : {code->consts, code->names, code->localsplusnames, code->filename, code->name, code->qualname})
      visit(v, context);
    return;
  }
  if (untraversed != nullptr) {
    // A declared type or a subclass of one (whose own fields its traverse shows).
    for (const TypeObject* t = o->type; t != nullptr; t = t->base) {
      auto it = untraversed->find(t);
      if (it == untraversed->end()) continue;
      it->second(o, visit, context);
      break;
    }
  }
  if (is_subtype(o->type, &type_type)) {
    auto* type = static_cast<TypeObject*>(o);
    visit(type->subclasses, context);
    if (type->flags & TypeFlag::HeapType) visit(static_cast<HeapTypeObject*>(type)->slots, context);
  }
}

// Every reference `o` owns that the report follows.
void visit_owned(Object* o, VisitFunc visit, void* context) {
  if (TraverseFunc t = o->type->traverse) t(o, visit, context);
  visit_untraversed(o, visit, context);
}

// Unreachable objects that form cyclic garbage no collector can break, as in CPython: each is
// held only by other objects of the set (its refcount is all references from the heap) and none
// has a clear function (a tuple that contains itself). CPython's collector finds them and keeps
// them for good; so does krait's. Their counts are consistent, so they are no refcount bug.
std::unordered_set<Object*> unbreakable_cycles(const std::unordered_set<Object*>& reachable,
                                               std::unordered_map<Object*, size_t>& inner) {
  std::unordered_set<Object*> set;
  for (Object* o : *live_objects)
    if (!reachable.count(o) && o->refcount == inner[o] && o->type->clear == nullptr &&
        (o->flags & ObjectFlag::HasGcHeader))
      set.insert(o);
  // Whatever another leaked object (one that could be cleared) refers to is not in the set.
  for (bool changed = true; changed;) {
    changed = false;
    for (Object* o : *live_objects) {
      if (reachable.count(o) || set.count(o)) continue;
      auto drop = [](Value v, void* context) {
        if (v.is_object()) static_cast<std::vector<Object*>*>(context)->push_back(v.as_object());
      };
      std::vector<Object*> referents;
      visit_owned(o, drop, &referents);
      for (Object* r : referents) changed |= set.erase(r) > 0;
    }
  }
  return set;
}

struct Marker {
  std::unordered_set<Object*> seen;
  std::vector<Object*> stack;
  void push(Value v) {
    if (!v.is_object()) return;
    Object* o = v.as_object();
    if (seen.insert(o).second) stack.push_back(o);
  }
  void run() {
    while (!stack.empty()) {
      Object* o = stack.back();
      stack.pop_back();
      visit_owned(o, [](Value v, void* self) { static_cast<Marker*>(self)->push(v); }, this);
    }
  }
};

// The type that defines a built-in descriptor (null for other objects).
TypeObject* descriptor_owner(Object* o) {
  const TypeObject* t = o->type;
  if (t == &method_descriptor_type || t == &classmethod_descriptor_type)
    return static_cast<MethodDescriptorObject*>(o)->owner;
  if (t == &getset_descriptor_type) return static_cast<GetSetDescriptorObject*>(o)->owner;
  if (t == &member_descriptor_type) return static_cast<MemberDescriptorObject*>(o)->owner;
  if (t == &wrapper_descriptor_type) return static_cast<WrapperDescriptorObject*>(o)->owner;
  return nullptr;
}

void print_leak_report() {
  Marker marker;
  if (Value sys = modules::sys_module(); sys) marker.push(sys);
  if (Value builtins = modules::builtins_module(); builtins) marker.push(builtins);
  if (static_roots != nullptr)
    for (const Value* slot : *static_roots) marker.push(*slot);
  // References held by live heap objects, to find what is held from outside the heap graph.
  std::unordered_map<Object*, size_t> inner;
  for (Object* o : *live_objects)
  {
    auto count = [](Value v, void* map) {
      if (v.is_object()) ++(*static_cast<std::unordered_map<Object*, size_t>*>(map))[v.as_object()];
    };
    visit_owned(o, count, &inner);
  }
  for (Object* o : *live_objects) {
    bool by_design = (o->flags & (ObjectFlag::Immortal | ObjectFlag::Interned)) != 0;
    if (!by_design && o->refcount > inner[o]) {
      // Held from outside: a type (heap types held by a C++ static) is by design.
      by_design = (o->type->flags & TypeFlag::TypeSubclass) != 0;
    }
    if (by_design) marker.push(Value::object(o));
  }
  // Static types are alive by design (CPython's are static objects): every one that type_ready
  // set up is found from `object` through the subclass tables; also the types of live objects
  // and the owners of built-in descriptors, in case one was never readied.
  std::vector<TypeObject*> pending = {&object_type};
  std::unordered_set<TypeObject*> static_types;
  while (!pending.empty()) {
    TypeObject* t = pending.back();
    pending.pop_back();
    if (!static_types.insert(t).second) continue;
    marker.push(Value::object(t));
    size_t pos = 0;
    Value key;
    while (t->subclasses && dict_next(t->subclasses, &pos, &key, nullptr)) {
      auto* sub = reinterpret_cast<TypeObject*>(static_cast<uintptr_t>(key.as_small_int()));
      if (!(sub->flags & TypeFlag::HeapType)) pending.push_back(sub);
    }
  }
  for (Object* o : *live_objects) {
    if (!(o->type->flags & TypeFlag::HeapType)) marker.push(Value::object(o->type));
    TypeObject* owner = descriptor_owner(o);
    if (owner != nullptr && !(owner->flags & TypeFlag::HeapType)) marker.push(Value::object(owner));
  }
  // The b'' singleton, the empty str and the one-character strs of code points below 256 are cached for good
  // (CPython's are static).
  std::vector<Object*> chars;
  for (Object* o : *live_objects)
    if (o->type == &str_type && o->refcount > inner[o] && marker.seen.count(o) == 0) chars.push_back(o);
  for (Object* o : *live_objects)
    if (o->type == &bytes_type && o->refcount > inner[o] && marker.seen.count(o) == 0) {
      Value empty = bytes_empty();  // the b'' singleton (static in CPython)
      marker.push(empty);
      decref(empty);
      break;
    }
  for (Object* o : chars) {
    std::string_view text = str_utf8(Value::object(o));
    char32_t cp = text.size() == 1 ? static_cast<unsigned char>(text[0])
                : text.size() == 2 && static_cast<unsigned char>(text[0]) >= 0xC2 && static_cast<unsigned char>(text[0]) <= 0xC3
                    ? ((text[0] & 0x1F) << 6) | (text[1] & 0x3F) : 0x110000;
    if (text.empty()) cp = 0x110001;
    if (cp >= 256 && cp != 0x110001) continue;
    Value cached = cp == 0x110001 ? str_empty() : str_from_char(cp);  // the cache's entry exists: `o` may be it
    if (cached.is_object() && cached.as_object() == o) marker.push(cached);
    decref(cached);
  }
  marker.run();
  std::unordered_set<Object*> unbreakable = unbreakable_cycles(marker.seen, inner);
  std::map<std::string, long> leaked;
  long total = 0;
  bool verbose = std::getenv("KRAIT_REFCHECK_ROOTS") != nullptr;
  for (Object* o : *live_objects) {
    if (marker.seen.count(o) || unbreakable.count(o)) continue;
    // KRAIT_REFCHECK_ROOTS=1 lists the unreachable objects held from outside the heap graph:
    // where to look for a missing decref.
    if (verbose && o->refcount > inner[o])
      std::fprintf(stderr, "[refcheck] held from outside: %s %p refcount %u (%zu from heap)\n",
                   (*type_counts)[o->type].name.c_str(), static_cast<void*>(o), o->refcount, inner[o]);
    if (verbose && o->type == &dict_type && o->refcount > inner[o]) {
      // A dict's first str keys tell whose namespace it is.
      std::string keys;
      size_t pos = 0;
      Value key, value;
      for (int n = 0; n < 4 && dict_next(Value::object(o), &pos, &key, &value); ++n)
        if (key.is_object() && key.as_object()->type == &str_type) keys += " " + std::string(str_utf8(key));
      std::fprintf(stderr, "[refcheck]   dict keys:%s\n", keys.c_str());
    }
    if (sites != nullptr) {
      std::fprintf(stderr, "[refcheck] leaked %s %p refcount %u (%zu from heap)%s, allocated at:\n",
                   (*type_counts)[o->type].name.c_str(), static_cast<void*>(o), o->refcount, inner[o],
                   (o->flags & ObjectFlag::HasGcHeader) && !gc_is_tracked(o) ? " untracked" : "");
      print_site(o);
    }
    if (verbose && o->type == &str_type) std::fprintf(stderr, "[refcheck]   str %s\n", std::string(str_utf8(Value::object(o))).substr(0, 60).c_str());
    ++leaked[(*type_counts)[o->type].name];
    ++total;
  }
  long alive = static_cast<long>(live_objects->size());
  std::fprintf(stderr, "[refcheck] %ld objects leaked (allocated minus freed, not reachable from a root; %ld alive by design)\n",
               total, alive - total);
  if (!unbreakable.empty())
    std::fprintf(stderr, "[refcheck] %zu objects kept in cycles no clear function can break (as CPython keeps them)\n",
                 unbreakable.size());
  for (auto& [name, live] : leaked) std::fprintf(stderr, "[refcheck]   %-32s %ld\n", name.c_str(), live);
}

TypeCounts& counts_for(const TypeObject* type) {
  if (type_counts == nullptr) {
    type_counts = new std::map<const TypeObject*, TypeCounts>();
    live_objects = new std::unordered_set<Object*>();
    if (std::getenv("KRAIT_REFCHECK_SITES") != nullptr) sites = new std::unordered_map<Object*, Site>();
    std::atexit(print_leak_report);
  }
  TypeCounts& counts = (*type_counts)[type];
  if (counts.name.empty()) counts.name = type->name.empty() ? "?" : type->name;
  return counts;
}
#endif

}  // namespace

Object* allocate_object(TypeObject* type, size_t size) {
  bool has_gc = (type->flags & TypeFlag::HaveGc) != 0;
  if (has_gc) {
    gc_note_allocation();
    gc_collect_if_needed();
  }
  size_t total = size + (has_gc ? sizeof(GcHeader) : 0);
  size_t size_class;
  void* block = raw_block(total, &size_class);
  if (block == nullptr) {
    raise_no_memory();
    return nullptr;
  }
  ++stats.allocations;
  Object* object = reinterpret_cast<Object*>(static_cast<char*>(block) + (has_gc ? sizeof(GcHeader) : 0));
  object->refcount = 1;
  object->flags = ObjectFlag::HeapAllocated | (has_gc ? ObjectFlag::HasGcHeader : 0) |
                  static_cast<uint32_t>(size_class << ObjectFlag::kSizeClassShift);
  object->type = type;
  if (type->flags & TypeFlag::HeapType) incref(type);
#ifdef KRAIT_REFCHECK
  ++counts_for(type).allocated;
  live_objects->insert(object);
  if (sites != nullptr) record_site(object);
#endif
  return object;
}

void free_object(Object* object) {
  uint32_t flags = object->flags;
  if (!(flags & ObjectFlag::HeapAllocated)) return;  // a static object: nothing to free
  TypeObject* type = object->type;
#ifdef KRAIT_REFCHECK
  ++counts_for(type).freed;
  live_objects->erase(object);
  if (sites != nullptr) sites->erase(object);
#endif
  void* block = object;
  if (flags & ObjectFlag::HasGcHeader) {
    gc_untrack(object);
    gc_note_free();
    block = gc_header_of(object);
  }
  ++stats.frees;
  release_block(block, flags >> ObjectFlag::kSizeClassShift);
  // The instance held a reference to its heap type (released last: the type may die here).
  if (type != nullptr && (type->flags & TypeFlag::HeapType)) decref(type);
}

void declare_static_root(const Value* slot) {
#ifdef KRAIT_REFCHECK
  if (static_roots == nullptr) static_roots = new std::vector<const Value*>();
  static_roots->push_back(slot);
#else
  (void)slot;
#endif
}

void declare_untraversed_references(TypeObject* type, TraverseFunc visit) {
#ifdef KRAIT_REFCHECK
  if (untraversed == nullptr) untraversed = new std::map<const TypeObject*, TraverseFunc>();
  (*untraversed)[type] = visit;
#else
  (void)type;
  (void)visit;
#endif
}

namespace {
// The size class raw_block gives a buffer of `size` bytes (0: malloc, always under ASan), so
// that mem_free and mem_realloc release it where it came from.
size_t buffer_class(size_t size) {
#if defined(__SANITIZE_ADDRESS__)
  (void)size;
  return 0;
#else
  return size <= kMaxSmall ? class_of(size) : 0;
#endif
}
}  // namespace

void* mem_alloc(size_t size) {
  if (size == 0) size = 1;
  size_t size_class;
  void* block = raw_block(size, &size_class);
  if (block == nullptr) raise_no_memory();
  return block;
}

void mem_free(void* block, size_t size) {
  if (block == nullptr) return;
  if (size == 0) size = 1;
  release_block(block, buffer_class(size));
}

void* mem_realloc(void* block, size_t old_size, size_t new_size) {
  if (block == nullptr) return mem_alloc(new_size);
  if (old_size == 0) old_size = 1;
  if (new_size == 0) new_size = 1;
  size_t old_class = buffer_class(old_size);
  size_t new_class = buffer_class(new_size);
  if (old_class != 0 && old_class == new_class) {
    // Same pool block: only the bytes between the sizes need clearing when it grows.
    if (new_size > old_size) std::memset(static_cast<char*>(block) + old_size, 0, new_size - old_size);
    return block;
  }
  if (old_class == 0 && new_class == 0) {
    size_t old_usable = malloc_usable_size(block);
    void* grown = std::realloc(block, new_size);
    if (grown == nullptr) {
      raise_no_memory();
      return nullptr;
    }
    stats.live_bytes -= old_usable;
    note_live(malloc_usable_size(grown));
    if (new_size > old_size) std::memset(static_cast<char*>(grown) + old_size, 0, new_size - old_size);
    return grown;
  }
  void* moved = mem_alloc(new_size);
  if (moved == nullptr) return nullptr;
  std::memcpy(moved, block, old_size < new_size ? old_size : new_size);
  mem_free(block, old_size);
  return moved;
}

MemoryStats memory_stats() { return stats; }

}  // namespace krait::runtime
