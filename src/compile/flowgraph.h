// The passes CPython 3.11's compile.c runs on the control-flow graph between code generation and
// emitting bytes: block normalization, the optimizer (optimize_cfg), exit duplication, trimming
// of trailing constants, line-number propagation, stack depth and exception-handler labelling.
//
// Block order matters to reproduce CPython's output exactly: "layout order" is the chain from
// graph.entry through BasicBlock::next (CPython's b_next); "list order" is the reverse of creation
// order (CPython's b_list, newest block first), which some passes iterate instead.
#pragma once

#include <vector>

#include "compile/cfg.h"
#include "compile/unit.h"

namespace krait::compile {

// Jumps in CPython's sense: the Jump flag, but not the SETUP_* pseudo-instructions.
bool is_jump(const Instruction& instr);
bool is_block_push(const Instruction& instr);

// The blocks in list order (newest first), as CPython's u_blocks/b_list walk.
std::vector<BasicBlock*> blocks_in_list_order(const ControlFlowGraph& graph);

// Sets each block's exit/nofallthrough flags and skips empty jump targets; throws
// std::runtime_error on a malformed graph (a jump that does not end its block).
void normalize_basic_block(BasicBlock* block);

// A block that ends with an unconditional jump to a small exit block without line numbers
// gets a copy of that block instead of the jump.
void extend_block(BasicBlock* block);

// Removes the NOPs that carry no line-number information of their own.
void clean_basic_block(BasicBlock* block);

// CPython's optimize_cfg: peephole optimizations on each block, unreachable code removal,
// empty-block elimination and redundant jump removal. `consts` is co_consts under
// construction (folded tuples are added to it).
void optimize_cfg(ControlFlowGraph& graph, ConstantPool& consts);

// Copies exit blocks without line numbers that several jumps reach, so each gets the line
// number of its only predecessor.
void duplicate_exits_without_lineno(ControlFlowGraph& graph);

// Drops the constants after the last one any LOAD_CONST/KW_NAMES uses (index 0 stays).
void trim_unused_consts(ControlFlowGraph& graph, ConstantPool& consts);

void propagate_line_numbers(ControlFlowGraph& graph);
void guarantee_lineno_for_exits(ControlFlowGraph& graph, int firstlineno);

// co_stacksize; sets every reachable block's startdepth. `generator` starts the entry block at
// depth 1 (the value RETURN_GENERATOR leaves for the POP_TOP after it).
int stackdepth(ControlFlowGraph& graph, bool generator);

// Gives every instruction the handler in force (Instruction::except) and marks handlers that
// preserve lasti; then turns SETUP_*/POP_BLOCK into NOPs.
void label_exception_targets(ControlFlowGraph& graph);
void convert_exception_handlers_to_nops(ControlFlowGraph& graph);

// Chooses the forward or backward real opcode for each direction-free jump, by layout order.
void normalize_jumps(ControlFlowGraph& graph);

}  // namespace krait::compile
