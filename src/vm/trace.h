// -X trace: for learners, every instruction the VM executes, with the value stack after it (the
// "stack evolution" picture), on stderr. One line per instruction, each value shown briefly
// (at most kMaxShownValues of the top of the stack, each at most a few dozen characters), so that
// the output stays readable whatever the program holds.
#pragma once

#include <cstdint>

#include "runtime/value.h"

namespace krait::vm {

struct Frame;

// Set by the command line before anything runs; read by the eval loop when it builds its
// dispatch table.
void enable_instruction_trace();
bool instruction_trace_enabled();

// Called by the eval loop before it executes the instruction at `instr` of frame `f`: prints the
// previous instruction's line (with the stack as it is now, if still in that frame) and
// remembers this one.
void trace_instruction(Frame* f, const uint16_t* instr, int oparg, const runtime::Value* base,
                       const runtime::Value* sp);
// Prints the last remembered instruction (at exit).
void trace_flush();

}  // namespace krait::vm
