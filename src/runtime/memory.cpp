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

#include "runtime/errors.h"
#include "runtime/gc.h"

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
// may be gone when the report is printed).
struct TypeCounts {
  std::string name;
  size_t allocated = 0;
  size_t freed = 0;
};
std::map<const TypeObject*, TypeCounts>* type_counts = nullptr;

void print_leak_report() {
  std::map<std::string, long> leaked;
  for (auto& [type, counts] : *type_counts) {
    long live = static_cast<long>(counts.allocated) - static_cast<long>(counts.freed);
    if (live != 0) leaked[counts.name] += live;
  }
  long total = 0;
  for (auto& [name, live] : leaked) total += live;
  std::fprintf(stderr, "[refcheck] %ld objects alive at exit (allocated minus freed)\n", total);
  for (auto& [name, live] : leaked) std::fprintf(stderr, "[refcheck]   %-32s %ld\n", name.c_str(), live);
}

TypeCounts& counts_for(const TypeObject* type) {
  if (type_counts == nullptr) {
    type_counts = new std::map<const TypeObject*, TypeCounts>();
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
#endif
  return object;
}

void free_object(Object* object) {
  uint32_t flags = object->flags;
  if (!(flags & ObjectFlag::HeapAllocated)) return;  // a static object: nothing to free
  TypeObject* type = object->type;
#ifdef KRAIT_REFCHECK
  ++counts_for(type).freed;
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
  release_block(block, size <= kMaxSmall ? class_of(size) : 0);
}

void* mem_realloc(void* block, size_t old_size, size_t new_size) {
  if (block == nullptr) return mem_alloc(new_size);
  if (old_size == 0) old_size = 1;
  if (new_size == 0) new_size = 1;
  size_t old_class = old_size <= kMaxSmall ? class_of(old_size) : 0;
  size_t new_class = new_size <= kMaxSmall ? class_of(new_size) : 0;
#if defined(__SANITIZE_ADDRESS__)
  old_class = new_class = 0;
#endif
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
