// The bytecode verifier: decides whether a code object that did not come from krait's own
// compiler (types.CodeType(...), code.replace(co_code=...), marshal.loads, a .pyc file) is safe
// for the VM to run. CPython 3.11 runs such code unchecked and may crash; krait refuses it with
// a message naming the first problem found (the messages are krait's own).
//
// What is checked (structure, operands and stack depths; see code_verify.cpp for the rules):
//   - co_code: even, non-empty length; every opcode a real CPython 3.11 instruction; no
//     argument on instructions that take none; EXTENDED_ARG prefixes (at most 3) followed by an
//     instruction that takes an argument; each instruction followed by its zeroed CACHE units;
//   - operands: co_consts / co_names / localsplus indices, the kind of the local a *_FAST or
//     *_DEREF instruction uses, COMPARE_OP, BINARY_OP, FORMAT_VALUE, ... argument ranges;
//   - jumps: targets inside the code, on instruction boundaries;
//   - the prologue: COPY_FREE_VARS, MAKE_CELL for every cell, RETURN_GENERATOR iff the flags
//     say generator/coroutine; PRECALL/CALL and KW_NAMES pairing; SEND/YIELD_VALUE/RESUME;
//   - co_exceptiontable: well-formed entries, sorted, inside the code, on boundaries;
//   - stack depth by flow analysis: no underflow, never above co_stacksize, the same depth
//     whichever way an instruction is reached, handlers entered at depth + lasti + 1.
// Not checked: the types of the values on the stack (that POP_EXCEPT finds an exception, that a
// closure tuple holds cells): the compiler's instruction sequences guarantee those.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>

#include "bytecode/code_data.h"

namespace krait::vm {

// What the verifier reads of one code object, wherever it came from.
struct VerifyInput {
  std::span<const uint8_t> code;             // co_code
  std::span<const uint8_t> exceptiontable;   // co_exceptiontable
  std::span<const uint8_t> localspluskinds;  // bytecode::LocalKind bits per localsplus slot
  size_t nconsts = 0;
  size_t nnames = 0;
  int argcount = 0;
  int kwonlyargcount = 0;
  int flags = 0;
  int stacksize = 0;
  // KW_NAMES: the number of names if co_consts[i] is a tuple of str, else -1.
  std::function<int(size_t)> kwnames_length;
};

// True if the code is safe to run; otherwise false and *why (if not null) says what is wrong,
// e.g. "offset 12: LOAD_CONST 7 out of range (co_consts has 3 items)".
bool verify_code_input(const VerifyInput& input, std::string* why);

// Code read from bytes (marshal, a .pyc) is verified lazily, each code object before its first
// frame (vm/code.h: verify_before_run); code.replace() and types.CodeType() verify at once.

}  // namespace krait::vm
