// Helpers shared by core's files (type.cpp, slots.cpp, object_base.cpp, abstract.cpp,
// descriptors.cpp...). Not for other components: use type.h / abstract.h / descriptors.h.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/builtin_types.h"
#include "runtime/descriptors.h"
#include "runtime/errors.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::runtime {

// An interned str kept alive forever, made on first use: KRAIT_NAME("__add__") (borrowed).
#define KRAIT_NAME(text) ([]() -> ::krait::runtime::Value {          \
    static ::krait::runtime::Value cached = ::krait::runtime::str_intern(text); \
    return cached;                                                    \
  }())

// CPython's hash of an address (object.__hash__, None's hash in 3.11): rotated right by 4 bits.
inline int64_t hash_pointer(const void* p) {
  uint64_t y = reinterpret_cast<uint64_t>(p);
  y = (y >> 4) | (y << 60);
  int64_t h = static_cast<int64_t>(y);
  return h == -1 ? -2 : h;
}

// Fast inline checks for the hot paths (str.h's are out of line).
inline bool is_exact_str_fast(Value v) { return v.is_object() && v.as_object()->type == &str_type; }
inline bool is_str_fast(Value v) { return is_exact_str_fast(v) || is_str(v); }

// Makes a static type ready to use: header (immortal, type `type`), name, base, instance size.
void init_static_type(TypeObject* type, const char* name, TypeObject* base, size_t basic_size);

// The type's name as shown by messages (tp_name), of a value's type.
inline const char* value_type_name(Value v) { return type_of(v)->name.c_str(); }

// A generic dealloc for objects without fields to release.
void dealloc_plain(Object* self);

// Slot functions the generic machinery compares against (type.cpp / object_base.cpp).
Value object_new_slot(TypeObject* type, const Value* args, size_t nargs, Value kwnames);
int object_init_slot(Value self, const Value* args, size_t nargs, Value kwnames);
int64_t hash_not_implemented(Value self);
Value object_richcompare(Value left, Value right, CompareOp op);
Value type_call(Value callable, const Value* args, size_t nargs, Value kwnames);
// A types.UnionType's member tuple (borrowed), or null for anything else (union.cpp).
Value union_members(Value v);
// object.__getstate__, __reduce__, __reduce_ex__ (object_reduce.cpp).
void add_object_pickle_methods();

// slots.cpp: the slot wrappers of a built-in type into its dict (before inheritance), and the
// slots of a heap type from its dunder methods (after its MRO is known).
int add_slot_wrappers(TypeObject* type);
void fixup_heap_slots(TypeObject* type);
// Re-derives the slot named by `name` (a dunder) in `type` and its subclasses.
void update_slots_for_name(TypeObject* type, Value name);

// Number of positional + keyword arguments in a vectorcall.
inline size_t kw_count(Value kwnames) { return kwnames.is_null() ? 0 : tuple_size(kwnames); }

// Checks no keyword arguments were given: "NAME() takes no keyword arguments".
bool check_no_kwargs(const char* name, Value kwnames);

// Current subclass list helpers (type.cpp).
void type_add_subclass(TypeObject* base, TypeObject* type);
void type_remove_subclass(TypeObject* base, TypeObject* type);

// One special method name and the type slot it stands for (slots.cpp's table).
using WrapperFunc = Value (*)(Value self, const Value* args, size_t nargs, Value kwnames,
                              void* function, const SlotDef* def);
struct SlotDef {
  const char* name;
  void** (*field)(TypeObject* type);  // the slot's function pointer inside a type
  void* generic;          // heap types: the function that calls the dunder method (may be null)
  WrapperFunc wrapper;    // slot wrapper: calls the native slot from Python
  const char* doc;
  bool keywords = false;  // the wrapper accepts keyword arguments (__call__, __init__, __new__)
  int extra = 0;          // CompareOp for rich comparisons; 1 for reflected binary operators
};
const SlotDef* find_slotdef(Value name);  // by dunder name (first entry), or null

// The MethodDef of T.__new__ for built-in types (a builtin method bound to T).
extern const MethodDef tp_new_methoddef;

// A type made by a class statement: the type plus what only heap types own.
struct HeapTypeObject : TypeObject {
  std::vector<MemberDef> members;         // __slots__ members (names point into slot_names)
  std::vector<std::string> slot_names;
  Value slots;                            // the __slots__ names as given (tuple) or null
};
void heap_type_dealloc(Object* self);

// type.cpp
void init_type_type();
void init_object_type();
Value mappingproxy_new(Value mapping);    // descriptors.cpp
Value type_get_dict(Value self);          // type.__dict__ (descriptors.cpp)

// Start-up: until init_runtime has set up the fields of every built-in type, add_methods,
// add_getsets, add_members and type_ready are recorded and replayed in order afterwards (dicts and
// interned strings need their own types first). Returns true when the call was recorded.
enum class PendingKind : uint8_t { Methods, GetSets, Members, Ready };
bool defer_during_bootstrap(PendingKind kind, TypeObject* type, const void* defs);
void begin_bootstrap();
int end_bootstrap();   // replays the recorded calls; 0 or -1

void init_singletons();
Value type_compute_mro(TypeObject* type);        // C3 (type.cpp)
int type_set_bases(Value self, Value value);     // C.__bases__ = ... (class_create.cpp)
void init_union_type();
Value type_or(Value a, Value b);   // union.cpp
extern TypeObject union_type;
void init_iterator_types();
// issubclass without __subclasscheck__ (type.__subclasscheck__ itself).
int object_real_is_subclass(Value derived, Value cls);
void init_descriptor_types();
void init_core_types();   // type, object, method, builtin_function, module


}  // namespace krait::runtime
