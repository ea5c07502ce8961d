// A code object as the compiler produces it and marshal reads/writes it: every field of
// CPython 3.11's code object that is not derived from the others.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "bytecode/constant.h"

namespace krait::bytecode {

// co_flags bits (CPython 3.11's values).
namespace CodeFlag {
inline constexpr int Optimized = 0x0001;
inline constexpr int NewLocals = 0x0002;
inline constexpr int VarArgs = 0x0004;
inline constexpr int VarKeywords = 0x0008;
inline constexpr int Nested = 0x0010;
inline constexpr int Generator = 0x0020;
inline constexpr int NoFree = 0x0040;  // unused in 3.11 code objects, kept for completeness
inline constexpr int Coroutine = 0x0080;
inline constexpr int IterableCoroutine = 0x0100;
inline constexpr int AsyncGenerator = 0x0200;
}  // namespace CodeFlag

// The kind of each name in co_localsplusnames (CPython 3.11's CO_FAST_* bits).
namespace LocalKind {
inline constexpr uint8_t Local = 0x20;
inline constexpr uint8_t Cell = 0x40;
inline constexpr uint8_t Free = 0x80;
}  // namespace LocalKind

struct CodeData {
  int argcount = 0;
  int posonlyargcount = 0;
  int kwonlyargcount = 0;
  int stacksize = 0;
  int flags = 0;
  int firstlineno = 1;
  std::vector<uint8_t> code;                 // co_code: 16-bit units (opcode, oparg), CACHEs included
  std::vector<ConstRef> consts;              // co_consts
  std::vector<std::string> names;            // co_names (UTF-8)
  std::vector<std::string> localsplusnames;  // locals, then cells, then free variables
  std::vector<uint8_t> localspluskinds;      // LocalKind bits, one per localsplusnames entry
  std::string filename;
  std::string name;
  std::string qualname;
  std::vector<uint8_t> linetable;            // co_linetable (PEP 626/657 format of 3.11)
  std::vector<uint8_t> exceptiontable;       // co_exceptiontable

  // The views CPython derives from localsplusnames/localspluskinds.
  std::vector<std::string> varnames() const;  // kind has Local (arguments first)
  std::vector<std::string> cellvars() const;  // kind has Cell
  std::vector<std::string> freevars() const;  // kind has Free
  int nlocals() const;                        // varnames().size()
};

}  // namespace krait::bytecode
