// The specializer: rewrites an instruction of a code object's quickened copy (CodeObject::units)
// into one of krait's execution forms once it has seen the operands it meets there, and keeps
// what the form needs in the instruction's inline CACHE units.
//
// The forms carry CPython 3.11's names and numbers where their meaning is the same (opcodes.def,
// KRAIT_SPECIALIZED), so CPython's own dis shows them with adaptive=True. co_code never changes.
//
// Life of an instruction: the generic form counts down its first cache unit; at zero it asks the
// specializer, which either rewrites the opcode (and fills the cache) or sets a back-off count. A
// specialized form whose guard fails rewrites itself back to the generic form (deoptimize) with the
// same back-off, and runs the generic form.
#pragma once

#include <cstdint>
#include <cstring>

#include "runtime/type.h"
#include "runtime/value.h"

namespace krait::vm {

struct CodeObject;

// Executions of a generic instruction between two attempts to specialize it.
inline constexpr uint16_t kSpecializeBackoff = 64;

// Cache units hold 16 bits each; wider values are stored across several (native byte order).
inline uint32_t read_u32(const uint16_t* cache) {
  uint32_t v;
  std::memcpy(&v, cache, sizeof v);
  return v;
}
inline void write_u32(uint16_t* cache, uint32_t v) { std::memcpy(cache, &v, sizeof v); }
inline void* read_pointer(const uint16_t* cache) {
  void* p;
  std::memcpy(&p, cache, sizeof p);
  return p;
}
inline void write_pointer(uint16_t* cache, const void* p) { std::memcpy(cache, &p, sizeof p); }

// Cache layouts (unit offsets after the instruction). Unit 0 is always the counter.
namespace cache {
inline constexpr int kCounter = 0;
inline constexpr int kTypeVersion = 1;  // LOAD_ATTR, STORE_ATTR, LOAD_METHOD: 2 units
inline constexpr int kIndex = 3;        // dict entry hint, or a slot's offset in words
inline constexpr int kDescriptor = 4;   // LOAD_METHOD: the method found on the type (4 units)
}  // namespace cache

// Each returns the specialized opcode it wrote into `instr` (its cache filled), or 0 when the
// operands fit no form (the caller then backs off). `instr` points at the instruction unit.
int specialize_load_attr(uint16_t* instr, runtime::Value owner, runtime::Value name);
int specialize_load_method(uint16_t* instr, runtime::Value owner, runtime::Value name);
int specialize_store_attr(uint16_t* instr, runtime::Value owner, runtime::Value name);
int specialize_binary_op(uint16_t* instr, runtime::Value left, runtime::Value right);
int specialize_compare_op(uint16_t* instr, runtime::Value left, runtime::Value right);
int specialize_binary_subscr(uint16_t* instr, runtime::Value container, runtime::Value sub);
int specialize_store_subscr(uint16_t* instr, runtime::Value container, runtime::Value sub);
int specialize_unpack_sequence(uint16_t* instr, runtime::Value seq);
int specialize_call(uint16_t* instr, runtime::Value callable, int nargs, runtime::Value kwnames);

// Polymorphic sites (one instruction, instances of several classes, as a method of a base class
// sees): when the type is not the one a form was made for, these say whether the form's work is
// still right for it, so that it need not deoptimize.
// Whether `type` keeps `name` in a plain instance dict that no data descriptor of the type shadows.
bool instance_dict_attribute(runtime::TypeObject* type, runtime::Value name, bool store);
// The plain method (function or method descriptor) `type` has for `name`, or null (borrowed).
runtime::Value plain_method(runtime::TypeObject* type, runtime::Value name);

// The generic form back in place of a specialized one, with the back-off count.
inline void deoptimize(uint16_t* instr, int base_opcode) {
  *instr = uint16_t((*instr & 0xff00) | base_opcode);
  instr[1 + cache::kCounter] = kSpecializeBackoff;
}

}  // namespace krait::vm
