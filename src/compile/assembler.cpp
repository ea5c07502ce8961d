// The assembler: CPython 3.11's assemble() from the code generator's graph to a code object.
//
// The order of the steps is CPython's (it decides the result): the implicit "return None",
// block normalization, prefix instructions (cells, free variables, generator start), cell
// slots, the optimizer, exit duplication, trimming of trailing constants, line numbers, stack
// depth, exception-handler labelling, jump directions and offsets (EXTENDED_ARG fix-point),
// then co_code, co_linetable and co_exceptiontable.
#include "compile/assembler.h"

#include <stdexcept>

#include "compile/flowgraph.h"
#include "compile/unit.h"

namespace krait::compile {

using namespace bytecode;

namespace {

bool is_end_of_basic_block(const Instruction& instr) {
  int op = instr.opcode;
  return is_jump(instr) || op == RETURN_VALUE || op == RAISE_VARARGS || op == RERAISE;
}

// CPython's assemble(c, addNone) first makes a code object that falls off its end return.
void add_implicit_return(ControlFlowGraph& graph, CodeUnitInfo& unit) {
  BasicBlock* block = graph.current;
  if (!block) {
    block = graph.entry;
    while (block->next) block = block->next;
  }
  for (const auto& instr : block->instructions) {
    if (instr.opcode == RETURN_VALUE) return;
  }
  // After a jump, return or raise the code generator starts a new block (CPython's
  // u_need_new_implicit_block).
  if (!block->instructions.empty() && is_end_of_basic_block(block->instructions.back())) {
    BasicBlock* fresh = graph.new_block();
    fresh->next = block->next;
    block->next = fresh;
    block = fresh;
    graph.current = fresh;
  }
  if (unit.return_none_at_end) {
    int index = unit.consts.add(Constant::none());
    block->instructions.push_back(Instruction{LOAD_CONST, index, kNoLocation, nullptr, nullptr});
  }
  block->instructions.push_back(Instruction{RETURN_VALUE, 0, kNoLocation, nullptr, nullptr});
}

// The localsplus slot of each cell and free variable (indexed by CPython's compile-time
// number: cells, then free variables); a cell that is also an argument uses the argument's slot.
struct CellLayout {
  std::vector<int> slot;
  int dropped = 0;  // cells that share an argument's slot
};

CellLayout cell_layout(const CodeUnitInfo& unit) {
  int nlocals = int(unit.varnames.items().size());
  int ncells = int(unit.cellvars.items().size());
  int nfree = int(unit.freevars.items().size());
  CellLayout layout;
  layout.slot.resize(ncells + nfree);
  for (int i = 0; i < ncells + nfree; ++i) {
    int arg = i < ncells ? unit.varnames.find(unit.cellvars.items()[i]) : -1;
    if (arg >= 0) {
      layout.slot[i] = arg;
      layout.dropped++;
    } else {
      layout.slot[i] = nlocals + i - layout.dropped;
    }
  }
  return layout;
}

Instruction artificial(int opcode, int oparg) {
  return Instruction{opcode, oparg, kNoLocation, nullptr, nullptr};
}

// COPY_FREE_VARS, MAKE_CELL for each cell (in slot order), RETURN_GENERATOR + POP_TOP.
void insert_prefix_instructions(ControlFlowGraph& graph, const CodeUnitInfo& unit,
                                const CellLayout& layout, int firstlineno) {
  std::vector<Instruction> prefix;
  int nfree = int(unit.freevars.items().size());
  if (nfree) prefix.push_back(artificial(COPY_FREE_VARS, nfree));
  int ncells = int(unit.cellvars.items().size());
  int nvars = ncells + int(unit.varnames.items().size());
  std::vector<int> cell_at_slot(nvars, -1);
  for (int i = 0; i < ncells; ++i) cell_at_slot[layout.slot[i]] = i;
  for (int cell : cell_at_slot) {
    if (cell >= 0) prefix.push_back(artificial(MAKE_CELL, cell));
  }
  if (unit.flags & (CodeFlag::Generator | CodeFlag::Coroutine | CodeFlag::AsyncGenerator)) {
    Instruction make_gen = artificial(RETURN_GENERATOR, 0);
    make_gen.loc = Location{firstlineno, firstlineno, -1, -1};
    prefix.push_back(make_gen);
    prefix.push_back(artificial(POP_TOP, 0));
  }
  auto& instrs = graph.entry->instructions;
  instrs.insert(instrs.begin(), prefix.begin(), prefix.end());
}

void fix_cell_offsets(ControlFlowGraph& graph, const CellLayout& layout) {
  for (BasicBlock* b = graph.entry; b; b = b->next) {
    for (auto& instr : b->instructions) {
      switch (instr.opcode) {
        case MAKE_CELL: case LOAD_CLOSURE: case LOAD_DEREF: case STORE_DEREF:
        case DELETE_DEREF: case LOAD_CLASSDEREF:
          instr.oparg = layout.slot.at(instr.oparg);
          break;
        default:
          break;
      }
    }
  }
}

int instr_size(const Instruction& instr) {
  int oparg = has_arg(instr.opcode) ? instr.oparg : 0;
  int extended = (oparg > 0xFFFFFF) + (oparg > 0xFFFF) + (oparg > 0xFF);
  return extended + 1 + cache_entries(instr.opcode);
}

// Block offsets and jump arguments, repeated until no jump needs a different number of
// EXTENDED_ARGs than assumed.
void assemble_jump_offsets(ControlFlowGraph& graph) {
  bool again = true;
  while (again) {
    int total = 0;
    for (BasicBlock* b = graph.entry; b; b = b->next) {
      b->offset = total;
      for (const auto& instr : b->instructions) total += instr_size(instr);
    }
    again = false;
    for (BasicBlock* b = graph.entry; b; b = b->next) {
      int end = b->offset;
      for (auto& instr : b->instructions) {
        int size = instr_size(instr);
        end += size;  // relative jumps count from the next instruction
        if (!is_jump(instr)) continue;
        int target = instr.target->offset;
        instr.oparg = target < end ? end - target : target - end;
        if (has_flag(instr.opcode, OpFlag::Backward) != (target < end)) {
          throw std::runtime_error(std::string("jump direction mismatch for ") +
                                   op_info(instr.opcode).name);
        }
        if (instr_size(instr) != size) again = true;
      }
    }
  }
}

void emit_code(const ControlFlowGraph& graph, std::vector<uint8_t>& code) {
  for (BasicBlock* b = graph.entry; b; b = b->next) {
    for (const auto& instr : b->instructions) {
      int oparg = has_arg(instr.opcode) ? instr.oparg : 0;
      int size = instr_size(instr);
      int caches = cache_entries(instr.opcode);
      for (int shift = 8 * (size - caches - 1); shift > 0; shift -= 8) {
        code.push_back(uint8_t(EXTENDED_ARG));
        code.push_back(uint8_t((oparg >> shift) & 0xFF));
      }
      code.push_back(uint8_t(instr.opcode));
      code.push_back(uint8_t(oparg & 0xFF));
      for (int i = 0; i < caches; ++i) {
        code.push_back(uint8_t(CACHE));
        code.push_back(0);
      }
    }
  }
}

std::vector<uint8_t> emit_linetable(const ControlFlowGraph& graph, int firstlineno) {
  LineTableWriter writer(firstlineno);
  for (BasicBlock* b = graph.entry; b; b = b->next) {
    for (const auto& instr : b->instructions) writer.add(instr.loc, instr_size(instr));
  }
  return writer.bytes();
}

void emit_exception_entry(std::vector<uint8_t>& out, int start, int end, const BasicBlock* h) {
  int depth = h->startdepth - 1 - (h->preserve_lasti ? 1 : 0);
  write_exception_entry(out, start, end, h->offset, depth, h->preserve_lasti);
}

std::vector<uint8_t> emit_exception_table(const ControlFlowGraph& graph) {
  std::vector<uint8_t> out;
  const BasicBlock* handler = nullptr;
  int start = -1;
  int offset = 0;
  for (BasicBlock* b = graph.entry; b; b = b->next) {
    offset = b->offset;
    for (const auto& instr : b->instructions) {
      if (instr.except != handler) {
        if (handler) emit_exception_entry(out, start, offset, handler);
        start = offset;
        handler = instr.except;
      }
      offset += instr_size(instr);
    }
  }
  if (handler) emit_exception_entry(out, start, offset, handler);
  return out;
}

// co_localsplusnames/kinds: locals (arguments first; Local|Cell when also a cell), the other
// cells, then the free variables.
void fill_localsplus(const CodeUnitInfo& unit, CodeData& code) {
  for (const auto& name : unit.varnames.items()) {
    uint8_t kind = LocalKind::Local;
    if (unit.cellvars.find(name) >= 0) kind |= LocalKind::Cell;
    code.localsplusnames.push_back(name);
    code.localspluskinds.push_back(kind);
  }
  for (const auto& name : unit.cellvars.items()) {
    if (unit.varnames.find(name) >= 0) continue;
    code.localsplusnames.push_back(name);
    code.localspluskinds.push_back(LocalKind::Cell);
  }
  for (const auto& name : unit.freevars.items()) {
    code.localsplusnames.push_back(name);
    code.localspluskinds.push_back(LocalKind::Free);
  }
}

}  // namespace

CodeData assemble(ControlFlowGraph& graph, CodeUnitInfo& unit) {
  if (!graph.entry) throw std::runtime_error("assemble: empty control-flow graph");
  add_implicit_return(graph, unit);
  for (BasicBlock* b : blocks_in_list_order(graph)) normalize_basic_block(b);
  for (BasicBlock* b : blocks_in_list_order(graph)) extend_block(b);

  if (unit.firstlineno <= 0) {
    const auto& first = graph.entry->instructions;
    unit.firstlineno = !first.empty() && first[0].loc.lineno != 0 ? first[0].loc.lineno : 1;
  }
  CellLayout layout = cell_layout(unit);
  insert_prefix_instructions(graph, unit, layout, unit.firstlineno);
  fix_cell_offsets(graph, layout);

  optimize_cfg(graph, unit.consts);
  duplicate_exits_without_lineno(graph);
  trim_unused_consts(graph, unit.consts);
  propagate_line_numbers(graph);
  guarantee_lineno_for_exits(graph, unit.firstlineno);
  bool generator =
      unit.flags & (CodeFlag::Generator | CodeFlag::Coroutine | CodeFlag::AsyncGenerator);
  int maxdepth = stackdepth(graph, generator);

  label_exception_targets(graph);
  convert_exception_handlers_to_nops(graph);
  for (BasicBlock* b = graph.entry; b; b = b->next) clean_basic_block(b);
  normalize_jumps(graph);
  assemble_jump_offsets(graph);

  CodeData code;
  code.argcount = unit.argcount;
  code.posonlyargcount = unit.posonlyargcount;
  code.kwonlyargcount = unit.kwonlyargcount;
  code.stacksize = maxdepth;
  code.flags = unit.flags;
  code.firstlineno = unit.firstlineno;
  emit_code(graph, code.code);
  code.consts = unit.consts.items();
  code.names = unit.names.items();
  fill_localsplus(unit, code);
  code.filename = unit.filename;
  code.name = unit.name;
  code.qualname = unit.qualname.empty() ? unit.name : unit.qualname;
  code.linetable = emit_linetable(graph, unit.firstlineno);
  code.exceptiontable = emit_exception_table(graph);
  return code;
}

}  // namespace krait::compile
