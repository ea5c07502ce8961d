#include "bytecode/opcodes.h"

#include <array>

namespace krait::bytecode {

namespace {

std::array<OpInfo, kOpcodeSlots> build_table() {
  std::array<OpInfo, kOpcodeSlots> table{};
  for (int i = 0; i < kOpcodeSlots; ++i) table[i] = OpInfo{nullptr, 0, 0, uint16_t(i), false};
#define KRAIT_OP(name, number, cache, effect, jump_effect, flags) \
  table[number] = OpInfo{#name, cache, flags, number, false};
#define KRAIT_PSEUDO(name, number, effect, jump_effect, flags) \
  table[number] = OpInfo{#name, 0, flags, number, true};
#define KRAIT_SPECIALIZED(name, number, base) \
  table[number] = OpInfo{#name, table[base].cache, table[base].flags, base, false};
#include "bytecode/opcodes.def"
  return table;
}

const std::array<OpInfo, kOpcodeSlots>& table() {
  static const std::array<OpInfo, kOpcodeSlots> instance = build_table();
  return instance;
}

}  // namespace

const OpInfo& op_info(int op) {
  static const OpInfo unknown{nullptr, 0, 0, 0, false};
  if (op < 0 || op >= kOpcodeSlots) return unknown;
  return table()[op];
}

std::optional<int> stack_effect(int op, int oparg, bool jump) {
  switch (op) {
#define KRAIT_OP(name, number, cache, effect, jump_effect, flags) \
  case number:                                                    \
    return jump ? int(jump_effect) : int(effect);
#define KRAIT_PSEUDO(name, number, effect, jump_effect, flags) \
  case number:                                                 \
    return jump ? int(jump_effect) : int(effect);
#include "bytecode/opcodes.def"
    default:
      return std::nullopt;
  }
}

std::optional<int> opcode_by_name(std::string_view name) {
  for (int i = 0; i < kOpcodeSlots; ++i) {
    const OpInfo& info = op_info(i);
    if (info.name != nullptr && name == info.name) return i;
  }
  return std::nullopt;
}

}  // namespace krait::bytecode
