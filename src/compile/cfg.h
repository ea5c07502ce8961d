// The control-flow graph between the code generator and the assembler (CPython 3.11's model).
//
// The code generator (codegen*.cpp) appends instructions to basic blocks; real instructions use
// CPython's opcodes, jumps may use the direction-free pseudo-instructions (JUMP, POP_JUMP_IF_*),
// and exception handling is described with SETUP_FINALLY/SETUP_CLEANUP/SETUP_WITH ... POP_BLOCK.
// The flow-graph optimizer (flowgraph.cpp) and the assembler (assembler.cpp) then turn the graph
// into co_code, co_exceptiontable, co_linetable and co_stacksize exactly as CPython 3.11 does.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bytecode/constant.h"
#include "bytecode/opcodes.h"

namespace krait::compile {

// A source range as CPython's `location`: lineno -1 means "no line" (artificial instructions).
struct Location {
  int lineno = -1;
  int end_lineno = -1;
  int col_offset = -1;
  int end_col_offset = -1;

  bool operator==(const Location&) const = default;
};

inline constexpr Location kNoLocation{};

struct BasicBlock;

struct Instruction {
  int opcode = bytecode::NOP;
  int oparg = 0;
  Location loc;
  BasicBlock* target = nullptr;  // jump target (Jump flag) or handler (SETUP_*)
  BasicBlock* except = nullptr;  // the handler in force here, set by the assembler's labelling
};

struct BasicBlock {
  std::vector<Instruction> instructions;
  BasicBlock* next = nullptr;   // the block that follows in layout order (fall-through)
  int id = 0;                   // creation order, for stable debugging output
  // Working state of the optimizer and assembler passes.
  int predecessors = 0;
  int startdepth = -1;
  int offset = 0;               // in code units, once laid out
  bool visited = false;
  bool except_handler = false;  // the target of a SETUP_* (entered with an exception pushed)
  bool preserve_lasti = false;  // handler entered with lasti pushed (SETUP_CLEANUP/SETUP_WITH)
  bool cold = false;
  bool warm = false;
  // CPython's b_nofallthrough / b_exit, kept up to date by the flow-graph passes (flowgraph.cpp).
  bool nofallthrough = false;   // ends with a return, raise or unconditional jump
  bool exit = false;            // holds a return or raise (leaves the code object)

  Instruction* last() { return instructions.empty() ? nullptr : &instructions.back(); }
};

// All blocks of one code object. Owns them; `entry` starts the layout chain (BasicBlock::next).
class ControlFlowGraph {
 public:
  BasicBlock* new_block() {
    blocks_.push_back(std::make_unique<BasicBlock>());
    blocks_.back()->id = int(blocks_.size()) - 1;
    return blocks_.back().get();
  }
  const std::vector<std::unique_ptr<BasicBlock>>& blocks() const { return blocks_; }

  BasicBlock* entry = nullptr;
  BasicBlock* current = nullptr;  // where the code generator appends

 private:
  std::vector<std::unique_ptr<BasicBlock>> blocks_;
};

}  // namespace krait::compile
