// CPython 3.11's control-flow-graph passes (see flowgraph.h). Each function reproduces what
// compile.c does, including the order in which blocks are visited, since that order decides
// which jumps get threaded, which NOPs survive and which blocks are copied.
#include "compile/flowgraph.h"

#include <algorithm>
#include <stdexcept>

namespace krait::compile {

using namespace bytecode;

namespace {

// Blocks a jump can skip over: empty ones, following the layout chain.
BasicBlock* skip_empty(BasicBlock* block) {
  while (block->instructions.empty()) block = block->next;
  return block;
}

bool is_true_constant(const Constant& value) {
  using Kind = Constant::Kind;
  switch (value.kind) {
    case Kind::None: case Kind::False: return false;
    case Kind::True: case Kind::Ellipsis: case Kind::Code: return true;
    case Kind::Int: return value.int_value != 0;
    case Kind::Float: return value.real != 0.0;
    case Kind::Complex: return value.real != 0.0 || value.imag != 0.0;
    case Kind::Str: case Kind::Bytes: return !value.text.empty();
    case Kind::Tuple: case Kind::FrozenSet: return !value.items.empty();
  }
  return true;
}

bool has_lineno(const BasicBlock* block) {
  for (const auto& instr : block->instructions) {
    if (instr.loc.lineno > 0) return true;
  }
  return false;
}

bool is_exit_without_lineno(const BasicBlock* block) {
  if (!block->exit) return false;
  for (const auto& instr : block->instructions) {
    if (instr.loc.lineno >= 0) return false;
  }
  return true;
}

// ---- peephole optimizations of one block -------------------------------------------------------

// LOAD_CONST c1 ... LOAD_CONST cn BUILD_TUPLE n  ->  NOP ... NOP LOAD_CONST (c1, ..., cn).
// `first` is the index of the first of the n instructions before the BUILD_TUPLE.
void fold_tuple_on_constants(BasicBlock* block, size_t first, int n, ConstantPool& consts) {
  auto& instrs = block->instructions;
  for (int i = 0; i < n; ++i) {
    if (instrs[first + i].opcode != LOAD_CONST) return;
  }
  std::vector<ConstRef> items;
  for (int i = 0; i < n; ++i) items.push_back(consts.items().at(instrs[first + i].oparg));
  int index = consts.add(Constant::tuple(std::move(items)));
  for (int i = 0; i < n; ++i) instrs[first + i].opcode = NOP;
  instrs[first + n].opcode = LOAD_CONST;
  instrs[first + n].oparg = index;
}

// Replaces a run of SWAPs and NOPs starting at *ix with the shortest sequence of SWAPs that
// permutes the stack the same way; leaves *ix on the run's last instruction.
void swaptimize(BasicBlock* block, int* ix) {
  auto& instrs = block->instructions;
  Instruction* run = &instrs[*ix];
  int depth = run[0].oparg;
  int len = 0;
  bool more = false;
  int limit = int(instrs.size()) - *ix;
  while (++len < limit) {
    int opcode = run[len].opcode;
    if (opcode == SWAP) {
      depth = std::max(depth, run[len].oparg);
      more = true;
    } else if (opcode != NOP) {
      break;
    }
  }
  if (!more) return;  // a single SWAP is already optimal
  // Simulate the run on a stack of item numbers.
  std::vector<int> stack(depth);
  for (int i = 0; i < depth; ++i) stack[i] = i;
  for (int i = 0; i < len; ++i) {
    if (run[i].opcode == SWAP) std::swap(stack[0], stack[run[i].oparg - 1]);
  }
  // Rebuild the permutation cycle by cycle, writing SWAPs from the end of the run backwards.
  constexpr int kVisited = -1;
  int current = len - 1;
  for (int i = 0; i < depth; ++i) {
    if (stack[i] == kVisited || stack[i] == i) continue;
    int j = i;
    while (true) {
      if (j != 0) {
        run[current].opcode = SWAP;
        run[current].oparg = j + 1;
        --current;
      }
      if (stack[j] == kVisited) break;
      int next_j = stack[j];
      stack[j] = kVisited;
      j = next_j;
    }
  }
  while (current >= 0) run[current--].opcode = NOP;
  *ix += len - 1;
}

// Instructions a SWAP may be applied to by reordering them instead of the stack items.
bool swappable(int opcode) { return opcode == STORE_FAST || opcode == POP_TOP; }
int stores_to(const Instruction& instr) { return instr.opcode == STORE_FAST ? instr.oparg : -1; }

int next_swappable_instruction(BasicBlock* block, int i, int lineno) {
  auto& instrs = block->instructions;
  while (++i < int(instrs.size())) {
    const Instruction& instr = instrs[i];
    // Reordering across a line change would change what a line event sees bound.
    if (lineno >= 0 && instr.loc.lineno != lineno) return -1;
    if (instr.opcode == NOP) continue;
    if (swappable(instr.opcode)) return i;
    return -1;
  }
  return -1;
}

// SWAP n followed by n swappable instructions: swap the instructions and drop the SWAP
// (e.g. SWAP 2, STORE_FAST a, STORE_FAST b -> NOP, STORE_FAST b, STORE_FAST a).
void apply_static_swaps(BasicBlock* block, int i) {
  auto& instrs = block->instructions;
  for (; i >= 0; --i) {
    Instruction& swap = instrs[i];
    if (swap.opcode != SWAP) {
      if (swap.opcode == NOP || swappable(swap.opcode)) continue;
      return;
    }
    int j = next_swappable_instruction(block, i, -1);
    if (j < 0) return;
    int k = j;
    int lineno = instrs[j].loc.lineno;
    for (int count = swap.oparg - 1; count > 0; --count) {
      k = next_swappable_instruction(block, k, lineno);
      if (k < 0) return;
    }
    int store_j = stores_to(instrs[j]);
    int store_k = stores_to(instrs[k]);
    if (store_j >= 0 || store_k >= 0) {
      if (store_j == store_k) return;
      for (int idx = j + 1; idx < k; ++idx) {
        int store_idx = stores_to(instrs[idx]);
        if (store_idx >= 0 && (store_idx == store_j || store_idx == store_k)) return;
      }
    }
    swap.opcode = NOP;
    std::swap(instrs[j], instrs[k]);
  }
}

// A jump to a jump goes straight to the second target (only on the same line, so line events
// do not change). Returns whether it did.
bool jump_thread(Instruction& inst, const Instruction& target, int opcode) {
  if (inst.loc.lineno == target.loc.lineno && inst.target != target.target) {
    inst.target = target.target;
    inst.opcode = opcode;
    return true;
  }
  return false;
}

void optimize_basic_block(BasicBlock* block, ConstantPool& consts) {
  auto& instrs = block->instructions;
  const Instruction nop{};
  for (int i = 0; i < int(instrs.size()); ++i) {
    Instruction* inst = &instrs[i];
    int oparg = inst->oparg;
    int nextop = i + 1 < int(instrs.size()) ? instrs[i + 1].opcode : 0;
    const Instruction* target = &nop;
    if (is_jump(*inst) || is_block_push(*inst)) {
      inst->target = skip_empty(inst->target);
      target = &inst->target->instructions[0];
    }
    switch (inst->opcode) {
      case LOAD_CONST: {
        switch (nextop) {
          case POP_JUMP_IF_FALSE:
          case POP_JUMP_IF_TRUE: {
            bool is_true = is_true_constant(*consts.items().at(oparg));
            inst->opcode = NOP;
            bool jump_if_true = nextop == POP_JUMP_IF_TRUE;
            if (is_true == jump_if_true) {
              instrs[i + 1].opcode = JUMP;
              block->nofallthrough = true;
            } else {
              instrs[i + 1].opcode = NOP;
            }
            break;
          }
          case JUMP_IF_FALSE_OR_POP:
          case JUMP_IF_TRUE_OR_POP: {
            bool is_true = is_true_constant(*consts.items().at(oparg));
            bool jump_if_true = nextop == JUMP_IF_TRUE_OR_POP;
            if (is_true == jump_if_true) {
              instrs[i + 1].opcode = JUMP;
              block->nofallthrough = true;
            } else {
              inst->opcode = NOP;
              instrs[i + 1].opcode = NOP;
            }
            break;
          }
          case IS_OP: {
            // x is None / x is not None followed by a conditional jump: one jump on None.
            int jump_op = i + 2 < int(instrs.size()) ? instrs[i + 2].opcode : 0;
            if (consts.items().at(oparg)->kind == Constant::Kind::None &&
                (jump_op == POP_JUMP_IF_FALSE || jump_op == POP_JUMP_IF_TRUE)) {
              int nextarg = instrs[i + 1].oparg & 0xFF;
              inst->opcode = NOP;
              instrs[i + 1].opcode = NOP;
              instrs[i + 2].opcode = (nextarg ^ (jump_op == POP_JUMP_IF_FALSE))
                                         ? POP_JUMP_IF_NOT_NONE
                                         : POP_JUMP_IF_NONE;
            }
            break;
          }
        }
        break;
      }
      case BUILD_TUPLE:
        if (nextop == UNPACK_SEQUENCE && oparg == instrs[i + 1].oparg) {
          if (oparg == 1) {
            inst->opcode = NOP;
            instrs[i + 1].opcode = NOP;
            continue;
          }
          if (oparg == 2 || oparg == 3) {
            inst->opcode = NOP;
            instrs[i + 1].opcode = SWAP;
            continue;
          }
        }
        if (i >= oparg) fold_tuple_on_constants(block, size_t(i - oparg), oparg, consts);
        break;
      // Conditional jumps to conditional jumps whose outcome the first one implies:
      // "a and b or c", "(a and b) and c", "(a or b) or c", "(a or b) and c".
      case JUMP_IF_FALSE_OR_POP:
        switch (target->opcode) {
          case POP_JUMP_IF_FALSE:
            i -= jump_thread(*inst, *target, POP_JUMP_IF_FALSE);
            break;
          case JUMP:
          case JUMP_IF_FALSE_OR_POP:
            i -= jump_thread(*inst, *target, JUMP_IF_FALSE_OR_POP);
            break;
          case JUMP_IF_TRUE_OR_POP:
          case POP_JUMP_IF_TRUE:
            if (inst->loc.lineno == target->loc.lineno) {
              inst->opcode = POP_JUMP_IF_FALSE;
              inst->target = inst->target->next;
              --i;
            }
            break;
        }
        break;
      case JUMP_IF_TRUE_OR_POP:
        switch (target->opcode) {
          case POP_JUMP_IF_TRUE:
            i -= jump_thread(*inst, *target, POP_JUMP_IF_TRUE);
            break;
          case JUMP:
          case JUMP_IF_TRUE_OR_POP:
            i -= jump_thread(*inst, *target, JUMP_IF_TRUE_OR_POP);
            break;
          case JUMP_IF_FALSE_OR_POP:
          case POP_JUMP_IF_FALSE:
            if (inst->loc.lineno == target->loc.lineno) {
              inst->opcode = POP_JUMP_IF_TRUE;
              inst->target = inst->target->next;
              --i;
            }
            break;
        }
        break;
      case POP_JUMP_IF_NOT_NONE:
      case POP_JUMP_IF_NONE:
      case POP_JUMP_IF_FALSE:
      case POP_JUMP_IF_TRUE:
      case JUMP:
        if (target->opcode == JUMP) i -= jump_thread(*inst, *target, inst->opcode);
        break;
      case SWAP:
        if (oparg == 1) {
          inst->opcode = NOP;
          break;
        }
        swaptimize(block, &i);
        apply_static_swaps(block, i);
        break;
      case PUSH_NULL:
        // PUSH_NULL, LOAD_GLOBAL: the global load pushes the NULL itself. (CPython tests the
        // low bit of the next *opcode*, always clear for LOAD_GLOBAL, so this always applies.)
        if (nextop == LOAD_GLOBAL) {
          inst->opcode = NOP;
          inst->oparg = 0;
          instrs[i + 1].oparg |= 1;
        }
        break;
      default:
        break;
    }
  }
}

// ---- reachability and empty blocks -------------------------------------------------------------

void mark_reachable(ControlFlowGraph& graph) {
  std::vector<BasicBlock*> stack;
  graph.entry->predecessors = 1;
  stack.push_back(graph.entry);
  while (!stack.empty()) {
    BasicBlock* b = stack.back();
    stack.pop_back();
    if (b->next && !b->nofallthrough) {
      if (b->next->predecessors == 0) stack.push_back(b->next);
      b->next->predecessors++;
    }
    for (auto& instr : b->instructions) {
      if (is_jump(instr) || is_block_push(instr)) {
        BasicBlock* target = instr.target;
        if (target->predecessors == 0) stack.push_back(target);
        target->predecessors++;
      }
    }
  }
}

void eliminate_empty_basic_blocks(BasicBlock* entry) {
  for (BasicBlock* b = entry; b; b = b->next) {
    BasicBlock* next = b->next;
    if (next) {
      while (next->instructions.empty() && next->next) next = next->next;
      b->next = next;
    }
  }
  for (BasicBlock* b = entry; b; b = b->next) {
    if (b->instructions.empty()) continue;
    Instruction& last = b->instructions.back();
    if (is_jump(last)) last.target = skip_empty(last.target);
  }
}

// A copy of an exit block (which never falls through), created as a new block.
BasicBlock* copy_block(ControlFlowGraph& graph, const BasicBlock* block) {
  BasicBlock* result = graph.new_block();
  result->instructions = block->instructions;
  result->exit = block->exit;
  result->nofallthrough = true;
  return result;
}

}  // namespace

// ---- public passes -----------------------------------------------------------------------------

bool is_jump(const Instruction& instr) {
  return has_flag(instr.opcode, OpFlag::Jump) && !has_flag(instr.opcode, OpFlag::BlockPush);
}

bool is_block_push(const Instruction& instr) { return has_flag(instr.opcode, OpFlag::BlockPush); }

std::vector<BasicBlock*> blocks_in_list_order(const ControlFlowGraph& graph) {
  std::vector<BasicBlock*> result;
  const auto& blocks = graph.blocks();
  for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) result.push_back(it->get());
  return result;
}

void normalize_basic_block(BasicBlock* block) {
  auto& instrs = block->instructions;
  for (size_t i = 0; i < instrs.size(); ++i) {
    switch (instrs[i].opcode) {
      case RETURN_VALUE:
      case RAISE_VARARGS:
      case RERAISE:
        block->exit = true;
        block->nofallthrough = true;
        break;
      case JUMP:
      case JUMP_NO_INTERRUPT:
        block->nofallthrough = true;
        [[fallthrough]];
      case POP_JUMP_IF_NOT_NONE:
      case POP_JUMP_IF_NONE:
      case POP_JUMP_IF_FALSE:
      case POP_JUMP_IF_TRUE:
      case JUMP_IF_FALSE_OR_POP:
      case JUMP_IF_TRUE_OR_POP:
      case FOR_ITER:
        if (i != instrs.size() - 1) throw std::runtime_error("malformed control flow graph.");
        instrs[i].target = skip_empty(instrs[i].target);
        break;
      default:
        break;
    }
  }
}

void extend_block(BasicBlock* block) {
  if (block->instructions.empty()) return;
  Instruction& last = block->instructions.back();
  if (last.opcode != JUMP && last.opcode != JUMP_FORWARD && last.opcode != JUMP_BACKWARD) return;
  const BasicBlock* to_copy = last.target;
  constexpr size_t kMaxCopySize = 4;
  if (!to_copy->exit || to_copy->instructions.size() > kMaxCopySize) return;
  // Only blocks without line numbers (such as an implicit "return None") are copied.
  if (has_lineno(to_copy)) return;
  last.opcode = NOP;
  std::vector<Instruction> copy = to_copy->instructions;  // to_copy may be this block
  block->instructions.insert(block->instructions.end(), copy.begin(), copy.end());
  block->exit = true;
}

void clean_basic_block(BasicBlock* block) {
  auto& instrs = block->instructions;
  size_t dest = 0;
  int prev_lineno = -1;
  for (size_t src = 0; src < instrs.size(); ++src) {
    int lineno = instrs[src].loc.lineno;
    if (instrs[src].opcode == NOP) {
      // A NOP stays only if it is the sole carrier of its line number.
      if (lineno < 0) continue;
      if (prev_lineno == lineno) continue;
      if (src + 1 < instrs.size()) {
        int next_lineno = instrs[src + 1].loc.lineno;
        if (next_lineno == lineno) continue;
        if (next_lineno < 0) {
          instrs[src + 1].loc = instrs[src].loc;
          continue;
        }
      } else {
        BasicBlock* next = block->next;
        while (next && next->instructions.empty()) next = next->next;
        if (next && lineno == next->instructions[0].loc.lineno) continue;
      }
    }
    if (dest != src) instrs[dest] = instrs[src];
    ++dest;
    prev_lineno = lineno;
  }
  instrs.resize(dest);
}

void optimize_cfg(ControlFlowGraph& graph, ConstantPool& consts) {
  for (BasicBlock* b = graph.entry; b; b = b->next) {
    optimize_basic_block(b, consts);
    clean_basic_block(b);
  }
  for (BasicBlock* b : blocks_in_list_order(graph)) extend_block(b);
  mark_reachable(graph);
  for (BasicBlock* b = graph.entry; b; b = b->next) {
    if (b->predecessors == 0) {
      b->instructions.clear();
      b->nofallthrough = false;
    }
  }
  eliminate_empty_basic_blocks(graph.entry);
  for (BasicBlock* b = graph.entry; b; b = b->next) clean_basic_block(b);
  // A jump to the block that follows anyway becomes a NOP (kept for its line number, if any).
  bool maybe_empty_blocks = false;
  for (BasicBlock* b = graph.entry; b; b = b->next) {
    if (b->instructions.empty()) continue;
    Instruction& last = b->instructions.back();
    if ((last.opcode == JUMP || last.opcode == JUMP_NO_INTERRUPT) && last.target == b->next) {
      b->nofallthrough = false;
      last.opcode = NOP;
      maybe_empty_blocks = true;
    }
  }
  if (maybe_empty_blocks) eliminate_empty_basic_blocks(graph.entry);
}

void duplicate_exits_without_lineno(ControlFlowGraph& graph) {
  // Blocks created here join the front of CPython's block list, after this walk started.
  for (BasicBlock* b : blocks_in_list_order(graph)) {
    if (b->instructions.empty() || !is_jump(b->instructions.back())) continue;
    Instruction& last = b->instructions.back();
    BasicBlock* target = last.target;
    if (is_exit_without_lineno(target) && target->predecessors > 1) {
      BasicBlock* new_target = copy_block(graph, target);
      new_target->instructions[0].loc = last.loc;
      last.target = new_target;
      target->predecessors--;
      new_target->predecessors = 1;
      new_target->next = target->next;
      target->next = new_target;
    }
  }
  std::vector<BasicBlock*> blocks = blocks_in_list_order(graph);
  for (BasicBlock* b : blocks) {
    while (b->next && b->next->instructions.empty()) b->next = b->next->next;
  }
  // Exit blocks without line numbers still left are reached only by falling through.
  for (BasicBlock* b : blocks) {
    if (!b->nofallthrough && b->next && !b->instructions.empty()) {
      if (is_exit_without_lineno(b->next)) b->next->instructions[0].loc = b->instructions.back().loc;
    }
  }
}

void trim_unused_consts(ControlFlowGraph& graph, ConstantPool& consts) {
  int max_const_index = 0;  // the first constant may be a docstring: always kept
  for (BasicBlock* b = graph.entry; b; b = b->next) {
    for (const auto& instr : b->instructions) {
      if ((instr.opcode == LOAD_CONST || instr.opcode == KW_NAMES) &&
          instr.oparg > max_const_index) {
        max_const_index = instr.oparg;
      }
    }
  }
  auto& items = consts.mutable_items();
  if (size_t(max_const_index) + 1 < items.size()) {
    items.resize(max_const_index + 1);
    consts.reindex();
  }
}

void propagate_line_numbers(ControlFlowGraph& graph) {
  for (BasicBlock* b = graph.entry; b; b = b->next) {
    if (b->instructions.empty()) continue;
    Location prev;
    for (auto& instr : b->instructions) {
      if (instr.loc.lineno < 0) {
        instr.loc = prev;
      } else {
        prev = instr.loc;
      }
    }
    if (!b->nofallthrough && b->next->predecessors == 1) {
      Instruction& first = b->next->instructions[0];
      if (first.loc.lineno < 0) first.loc = prev;
    }
    const Instruction& last = b->instructions.back();
    if (is_jump(last)) {
      BasicBlock* target = last.target;
      if (target->predecessors == 1) {
        Instruction& first = target->instructions[0];
        if (first.loc.lineno < 0) first.loc = prev;
      }
    }
  }
}

void guarantee_lineno_for_exits(ControlFlowGraph& graph, int firstlineno) {
  int lineno = firstlineno;
  for (BasicBlock* b = graph.entry; b; b = b->next) {
    if (b->instructions.empty()) continue;
    const Instruction& last = b->instructions.back();
    if (last.loc.lineno < 0) {
      if (last.opcode == RETURN_VALUE) {
        // Only the line is set; the columns stay as they were (CPython sets i_lineno alone).
        for (auto& instr : b->instructions) instr.loc.lineno = lineno;
      }
    } else {
      lineno = last.loc.lineno;
    }
  }
}

int stackdepth(ControlFlowGraph& graph, bool generator) {
  constexpr int kUnset = -2147483647 - 1;
  for (const auto& b : graph.blocks()) b->startdepth = kUnset;
  std::vector<BasicBlock*> stack;
  // A block is (re)visited when reached with a greater depth than recorded, as CPython's
  // stackdepth_push (whose "< 100" guard we keep for identical results).
  auto push = [&stack](BasicBlock* b, int depth) {
    if (b->startdepth < depth && b->startdepth < 100) {
      b->startdepth = depth;
      stack.push_back(b);
    }
  };
  int maxdepth = 0;
  push(graph.entry, generator ? 1 : 0);
  while (!stack.empty()) {
    BasicBlock* b = stack.back();
    stack.pop_back();
    int depth = b->startdepth;
    BasicBlock* next = b->next;
    for (const auto& instr : b->instructions) {
      auto effect = stack_effect(instr.opcode, instr.oparg, false);
      if (!effect) {
        throw std::runtime_error("compiler stack_effect(opcode=" + std::to_string(instr.opcode) +
                                 ", arg=" + std::to_string(instr.oparg) + ") failed");
      }
      int new_depth = depth + *effect;
      maxdepth = std::max(maxdepth, new_depth);
      if (is_jump(instr) || is_block_push(instr)) {
        int target_depth = depth + *stack_effect(instr.opcode, instr.oparg, true);
        maxdepth = std::max(maxdepth, target_depth);
        push(instr.target, target_depth);
      }
      depth = new_depth;
      int op = instr.opcode;
      if (op == JUMP_NO_INTERRUPT || op == JUMP || op == RETURN_VALUE || op == RAISE_VARARGS ||
          op == RERAISE) {
        next = nullptr;  // the rest of the block is dead
        break;
      }
    }
    if (next) push(next, depth);
  }
  return maxdepth;
}

void label_exception_targets(ControlFlowGraph& graph) {
  using Stack = std::vector<BasicBlock*>;  // handlers; [0] is "none" (nullptr)
  for (BasicBlock* b = graph.entry; b; b = b->next) b->visited = false;
  std::vector<Stack> stacks(graph.blocks().size());  // by block id: the stack at block entry
  std::vector<BasicBlock*> todo;
  todo.push_back(graph.entry);
  graph.entry->visited = true;
  stacks[graph.entry->id] = Stack{nullptr};
  auto schedule = [&](BasicBlock* target, const Stack& stack) {
    stacks[target->id] = stack;
    target->visited = true;
    todo.push_back(target);
  };
  while (!todo.empty()) {
    BasicBlock* b = todo.back();
    todo.pop_back();
    Stack stack = std::move(stacks[b->id]);
    BasicBlock* handler = stack.back();
    for (auto& instr : b->instructions) {
      if (is_block_push(instr)) {
        if (!instr.target->visited) schedule(instr.target, stack);
        if (instr.opcode == SETUP_WITH || instr.opcode == SETUP_CLEANUP) {
          instr.target->preserve_lasti = true;
        }
        instr.target->except_handler = true;
        stack.push_back(instr.target);
        handler = instr.target;
      } else if (instr.opcode == POP_BLOCK) {
        stack.pop_back();
        handler = stack.back();
      } else if (is_jump(instr)) {
        instr.except = handler;
        if (!instr.target->visited) schedule(instr.target, stack);
      } else {
        instr.except = handler;
      }
    }
    if (!b->nofallthrough && !b->next->visited) schedule(b->next, stack);
  }
}

void convert_exception_handlers_to_nops(ControlFlowGraph& graph) {
  for (BasicBlock* b = graph.entry; b; b = b->next) {
    for (auto& instr : b->instructions) {
      if (is_block_push(instr) || instr.opcode == POP_BLOCK) instr.opcode = NOP;
    }
  }
}

void normalize_jumps(ControlFlowGraph& graph) {
  for (BasicBlock* b = graph.entry; b; b = b->next) b->visited = false;
  for (BasicBlock* b = graph.entry; b; b = b->next) {
    b->visited = true;
    if (b->instructions.empty()) continue;
    Instruction& last = b->instructions.back();
    if (!is_jump(last)) continue;
    bool forward = !last.target->visited;
    switch (last.opcode) {
      case JUMP:
        last.opcode = forward ? JUMP_FORWARD : JUMP_BACKWARD;
        break;
      case JUMP_NO_INTERRUPT:
        last.opcode = forward ? JUMP_FORWARD : JUMP_BACKWARD_NO_INTERRUPT;
        break;
      case POP_JUMP_IF_NOT_NONE:
        last.opcode = forward ? POP_JUMP_FORWARD_IF_NOT_NONE : POP_JUMP_BACKWARD_IF_NOT_NONE;
        break;
      case POP_JUMP_IF_NONE:
        last.opcode = forward ? POP_JUMP_FORWARD_IF_NONE : POP_JUMP_BACKWARD_IF_NONE;
        break;
      case POP_JUMP_IF_FALSE:
        last.opcode = forward ? POP_JUMP_FORWARD_IF_FALSE : POP_JUMP_BACKWARD_IF_FALSE;
        break;
      case POP_JUMP_IF_TRUE:
        last.opcode = forward ? POP_JUMP_FORWARD_IF_TRUE : POP_JUMP_BACKWARD_IF_TRUE;
        break;
      case JUMP_IF_TRUE_OR_POP:
      case JUMP_IF_FALSE_OR_POP:
        if (!forward) {
          throw std::runtime_error(std::string("unexpected ") + op_info(last.opcode).name +
                                   " jumping backwards");
        }
        break;
      default:
        break;
    }
  }
}

}  // namespace krait::compile
