// The instruction set, read from opcodes.def: numbers, names, inline caches, stack effects.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace krait::bytecode {

// What an instruction's argument means and how the instruction moves control.
namespace OpFlag {
inline constexpr uint32_t Const = 1u << 0;          // indexes co_consts
inline constexpr uint32_t Name = 1u << 1;           // indexes co_names (LOAD_GLOBAL: >> 1)
inline constexpr uint32_t Local = 1u << 2;          // indexes co_varnames
inline constexpr uint32_t Free = 1u << 3;           // indexes cells + free variables
inline constexpr uint32_t Compare = 1u << 4;        // a comparison operator
inline constexpr uint32_t Jump = 1u << 5;           // the argument is a jump target
inline constexpr uint32_t Backward = 1u << 6;       // ... counted backwards
inline constexpr uint32_t Unconditional = 1u << 7;  // always jumps
inline constexpr uint32_t ScopeExit = 1u << 8;      // never falls through (return, raise)
inline constexpr uint32_t BlockPush = 1u << 9;      // SETUP_*: installs an exception handler
}  // namespace OpFlag

// Every instruction by name: CPython's numbers for real ones, 256+ for pseudo-instructions.
enum Op : uint16_t {
#define KRAIT_OP(name, number, cache, effect, jump_effect, flags) name = number,
#define KRAIT_PSEUDO(name, number, effect, jump_effect, flags) name = number,
#define KRAIT_SPECIALIZED(name, number, base) name = number,
#include "opcodes.def"
};

inline constexpr int kHaveArgument = 90;   // real opcodes from here on take an argument
inline constexpr int kFirstPseudo = 256;
inline constexpr int kOpcodeSlots = 272;   // real (0..255) and pseudo (256..)

struct OpInfo {
  const char* name;    // nullptr for an unused number
  uint8_t cache;       // inline CACHE units after the instruction
  uint32_t flags;      // OpFlag bits
  uint16_t base;       // for a specialized form, the instruction it stands for; else itself
  bool pseudo;
};

// The table entry for `op` (any number below kOpcodeSlots; unused numbers have name == nullptr).
const OpInfo& op_info(int op);

inline bool has_arg(int op) { return op >= kHaveArgument; }
inline bool is_pseudo(int op) { return op >= kFirstPseudo; }
inline int cache_entries(int op) { return op_info(op).cache; }
inline bool has_flag(int op, uint32_t flag) { return (op_info(op).flags & flag) != 0; }

// The stack effect of `op` with `oparg` when it jumps (`jump` true) or falls through.
// std::nullopt for an unknown opcode (what _opcode.stack_effect reports as ValueError).
std::optional<int> stack_effect(int op, int oparg, bool jump);

// The opcode named `name`, if any (real, pseudo or specialized).
std::optional<int> opcode_by_name(std::string_view name);

}  // namespace krait::bytecode
