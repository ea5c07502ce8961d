// The bytecode verifier (code_verify.h), in two parts that accept exactly the same code:
//   - the Verifier, the reference: one pass decodes co_code into instructions and checks each
//     one's operands, one decodes the exception table, then a flow analysis follows every path
//     (fall-through, jumps, exception handlers) with the stack depth, as CPython's compiler
//     computes co_stacksize, and checks that the depths agree. It names the first problem.
//   - the FastVerifier (below, "the fast path"), run first: the same checks in a single pass for
//     code laid out as compilers lay it out, answering only "valid" or "not sure"; on "not
//     sure" the Verifier decides. It is what every import from a .pyc pays for (about a third
//     of the Verifier's cost per instruction), so it stays lean.
// Building with -DKRAIT_VERIFY_CROSSCHECK runs both on everything and aborts if the fast path
// ever accepts what the Verifier rejects.
#include "vm/code_verify.h"

#include <algorithm>
#include <array>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "bytecode/opcodes.h"

namespace krait::vm {

namespace {

using namespace bytecode;

// A code unit is (opcode, oparg) in two bytes, as co_code stores it.
constexpr int kMaxStackSize = 1 << 20;   // a frame's value stack beyond this is refused
constexpr int kGeneratorFlags = CodeFlag::Generator | CodeFlag::Coroutine | CodeFlag::AsyncGenerator;
constexpr int kNumBinaryOps = 26;        // NB_ADD .. NB_INPLACE_XOR
constexpr int kNumCompareOps = 6;        // < <= == != > >=

struct Handler {
  int start, end, target, depth;
  bool lasti;
};

struct Instr {
  int start;   // first unit (its first EXTENDED_ARG, if any)
  int index;   // the unit holding the opcode
  int op;
  int oparg;
  int next;    // the unit after the instruction and its caches
  bool extended;
};

// The stack items an instruction reads (pops or peeks), beyond what its net effect implies.
int inputs(int op, int oparg) {
  switch (op) {
    case SWAP: case COPY: case BUILD_TUPLE: case BUILD_LIST: case BUILD_SET: case BUILD_STRING:
    case BUILD_SLICE: case RAISE_VARARGS:
      return oparg;
    case BUILD_MAP: return 2 * oparg;
    case BUILD_CONST_KEY_MAP: case LIST_APPEND: case SET_ADD: case LIST_EXTEND: case SET_UPDATE:
    case DICT_UPDATE: case RERAISE:
      return oparg + 1;
    case MAP_ADD: case DICT_MERGE: case PRECALL: return oparg + 2;
    case CALL: return 2;  // PRECALL already counted its arguments as gone
    case MAKE_FUNCTION: return 1 + __builtin_popcount(oparg & 0xF);
    case FORMAT_VALUE: return 1 + ((oparg & 4) != 0);
    case CALL_FUNCTION_EX: return 3 + (oparg & 1);
    case WITH_EXCEPT_START: return 4;
    case MATCH_CLASS: case STORE_SUBSCR: return 3;
    case MATCH_KEYS: case CHECK_EXC_MATCH: case CHECK_EG_MATCH: case PREP_RERAISE_STAR:
    case END_ASYNC_FOR: case SEND: case IMPORT_NAME: case BINARY_SUBSCR: case DELETE_SUBSCR:
    case STORE_ATTR: case COMPARE_OP: case IS_OP: case CONTAINS_OP: case BINARY_OP:
      return 2;
    case UNARY_POSITIVE: case UNARY_NEGATIVE: case UNARY_NOT: case UNARY_INVERT: case GET_LEN:
    case MATCH_MAPPING: case MATCH_SEQUENCE: case PUSH_EXC_INFO: case GET_AITER: case GET_ANEXT:
    case BEFORE_ASYNC_WITH: case BEFORE_WITH: case GET_ITER: case GET_YIELD_FROM_ITER:
    case LIST_TO_TUPLE: case YIELD_VALUE: case ASYNC_GEN_WRAP: case UNPACK_SEQUENCE: case FOR_ITER:
    case UNPACK_EX: case LOAD_ATTR: case IMPORT_FROM: case GET_AWAITABLE: case LOAD_METHOD:
    case JUMP_IF_FALSE_OR_POP: case JUMP_IF_TRUE_OR_POP:
      return 1;
    default:
      return 0;
  }
}

// What the verifier asks of an opcode, for the 256 values a code unit can hold: one array
// read instead of op_info() calls (the verifier runs on every code object of every import
// from a .pyc, so its cost per instruction counts).
struct OpTraits {
  const char* name;  // nullptr: not a real CPython 3.11 instruction (unknown, pseudo, specialized, CACHE)
  uint32_t flags;    // OpFlag bits
  uint8_t cache;     // CACHE units after it
  // For the fast path (below): FastOp bits; the stack effects and the items read
  // (need = max(inputs, -effect)) unless FastOp::Dynamic says they depend on the argument;
  // the arguments allowed, min_arg to min_arg + arg_span.
  uint8_t fast;
  int8_t effect, jump_effect, need;
  uint32_t min_arg, arg_span;
};

namespace FastOp {
constexpr uint8_t Invalid = 1;   // not a real instruction
constexpr uint8_t NoArg = 2;     // takes no argument
constexpr uint8_t Dynamic = 4;   // stack effects depend on the argument
constexpr uint8_t Special = 8;   // pairing, prologue or generator rules (FastVerifier::special)
}  // namespace FastOp

// The largest argument the fast path takes (larger ones go to the Verifier): keeps its depth
// and jump arithmetic far from int overflow.
constexpr uint32_t kFastMaxOparg = 1u << 20;

// The arguments check_operand allows beyond the index checks, as [min, max].
void argument_range(int op, uint32_t* min, uint32_t* max) {
  *min = 0;
  *max = kFastMaxOparg;
  switch (op) {
    case COMPARE_OP: *max = kNumCompareOps - 1; break;
    case BINARY_OP: *max = kNumBinaryOps - 1; break;
    case IS_OP: case CONTAINS_OP: case CALL_FUNCTION_EX: *max = 1; break;
    case FORMAT_VALUE: *max = 7; break;
    case RAISE_VARARGS: case GET_AWAITABLE: *max = 2; break;
    case BUILD_SLICE: *min = 2, *max = 3; break;
    case MAKE_FUNCTION: *max = 15; break;
    case RESUME: *max = 3; break;
    case SWAP: *min = 2; break;
    case COPY: *min = 1; break;
    default: break;
  }
}

// True if f(oparg) takes more than one value over arguments that tell apart every form the
// stack effects and inputs() use (oparg, 2*oparg, oparg & 1, oparg & 4, popcount(oparg & 0xF),
// (oparg & 0xFF) + (oparg >> 8), oparg == 2/3).
template <class F>
bool depends_on_oparg(F f) {
  static constexpr int kSamples[] = {1, 2, 3, 4, 5, 6, 7, 8, 15, 16, 255, 256, 257, 65536};
  int first = f(0);
  for (int oparg : kSamples)
    if (f(oparg) != first) return true;
  return false;
}

const OpTraits* op_traits() {
  static const std::array<OpTraits, 256> table = [] {
    std::array<OpTraits, 256> t{};
    for (int op = 0; op < 256; ++op) {
      const OpInfo& info = op_info(op);
      bool real = info.name != nullptr && !info.pseudo && info.base == op && op != CACHE;
      t[op] = {real ? info.name : nullptr, info.flags, info.cache, FastOp::Invalid, 0, 0, 0, 0, 0};
      if (!real) continue;
      uint32_t min, max;
      argument_range(op, &min, &max);
      t[op].min_arg = min;
      t[op].arg_span = max - min;
      t[op].fast = has_arg(op) ? 0 : FastOp::NoArg;
      switch (op) {
        case KW_NAMES: case PRECALL: case CALL: case RESUME: case COPY_FREE_VARS: case MAKE_CELL:
        case RETURN_GENERATOR: case YIELD_VALUE: case SEND:
          t[op].fast |= FastOp::Special;
          break;
        default:
          break;
      }
      auto effect = [op](int oparg) { return *stack_effect(op, oparg, false); };
      auto jump_effect = [op](int oparg) { return *stack_effect(op, oparg, true); };
      auto need = [op, effect](int oparg) { return std::max(inputs(op, oparg), -effect(oparg)); };
      if (depends_on_oparg(effect) || depends_on_oparg(jump_effect) || depends_on_oparg(need)) {
        t[op].fast |= FastOp::Dynamic;
        continue;
      }
      t[op].effect = int8_t(effect(0));
      t[op].jump_effect = int8_t(jump_effect(0));
      t[op].need = int8_t(need(0));
    }
    return t;
  }();
  return table.data();
}

// The stack effects and need of the FastOp::Dynamic instructions for the small arguments
// they nearly always have (LOAD_GLOBAL, PRECALL, BUILD_TUPLE, MAKE_FUNCTION, ...), from the
// same functions as for the others: a table read instead of two calls.
constexpr uint32_t kSmallArgs = 16;
struct SmallArgEffects {
  int8_t effect[kSmallArgs], jump_effect[kSmallArgs], need[kSmallArgs];
};

const SmallArgEffects* small_arg_effects() {
  static const std::array<SmallArgEffects, 256> table = [] {
    std::array<SmallArgEffects, 256> t{};
    const OpTraits* ops = op_traits();
    for (int op = 0; op < 256; ++op) {
      if (!(ops[op].fast & FastOp::Dynamic) || (ops[op].fast & FastOp::Invalid)) continue;
      for (uint32_t a = 0; a < kSmallArgs; ++a) {
        int effect = *stack_effect(op, int(a), false);
        t[op].effect[a] = int8_t(effect);
        t[op].jump_effect[a] = int8_t(*stack_effect(op, int(a), true));
        t[op].need[a] = int8_t(std::max(inputs(op, int(a)), -effect));
      }
    }
    return t;
  }();
  return table.data();
}

// The verifier's working vectors, kept between calls so that verifying a code object
// allocates nothing once they have grown (one verification at a time per thread: the
// verifier does not recurse while they are in use).
struct Scratch {
  std::vector<Instr> instrs;
  std::vector<int> instr_at;
  std::vector<Handler> handlers;
  std::vector<int> handler_of;
  std::vector<int> depth;
  std::vector<int> work;
  std::vector<uint8_t> made;
  std::vector<uint8_t> marks;  // the fast path's per-unit UnitMark bits
};


class Verifier {
 public:
  Verifier(const VerifyInput& in, Scratch& scratch)
      : in_(in), instrs_(scratch.instrs), instr_at_(scratch.instr_at), handlers_(scratch.handlers),
        handler_of_(scratch.handler_of), depth_(scratch.depth), work_(scratch.work), made_(scratch.made) {
    instrs_.clear();
    handlers_.clear();
    work_.clear();
  }

  bool run(std::string* why) {
    bool ok = check_header() && decode() && check_kinds() && check_operands() &&
              decode_exception_table() && check_prologue() && flow();
    if (!ok && why) *why = message_;
    return ok;
  }

 private:
  const VerifyInput& in_;
  std::string message_;
  int units_ = 0;
  const OpTraits* ops_ = op_traits();
  std::vector<Instr>& instrs_;
  std::vector<int>& instr_at_;     // unit -> instruction number starting there, or -1
  std::vector<Handler>& handlers_;
  std::vector<int>& handler_of_;   // instruction number -> the handler covering it, or -1
  std::vector<int>& depth_;        // instruction number -> stack depth on entry, or -1
  std::vector<int>& work_;         // instructions whose successors are still to be followed
  std::vector<uint8_t>& made_;     // localsplus slot -> MAKE_CELL seen
  int last_setup_ = -1;           // the last COPY_FREE_VARS/MAKE_CELL/RETURN_GENERATOR
  int first_yield_ = -1;          // the first YIELD_VALUE/SEND in code not flagged a generator
  int prologue_end_ = 0;          // first unit after COPY_FREE_VARS/MAKE_CELL/RETURN_GENERATOR+POP_TOP
  bool generator_ = false;

  [[gnu::cold]] bool fail(const char* format, ...) __attribute__((format(printf, 2, 3))) {
    char buffer[400];
    va_list args;
    va_start(args, format);
    vsnprintf(buffer, sizeof buffer, format, args);
    va_end(args);
    message_ = buffer;
    return false;
  }
  [[gnu::cold]] bool fail_at(const Instr& i, const char* what) {
    return fail("offset %d: %s %d: %s", i.start * 2, ops_[i.op].name, i.oparg, what);
  }

  int nlocalsplus() const { return int(in_.localspluskinds.size()); }
  uint8_t kind(int slot) const { return in_.localspluskinds[slot]; }
  int nfree() const {
    int n = 0;
    for (uint8_t k : in_.localspluskinds) n += (k & LocalKind::Free) != 0;
    return n;
  }

  bool check_header() {
    if (in_.code.empty()) return fail("co_code is empty");
    if (in_.code.size() % 2) return fail("co_code has an odd length (%zu bytes)", in_.code.size());
    if (in_.code.size() / 2 > size_t(1) << 28) return fail("co_code is too long");
    if (in_.stacksize < 0 || in_.stacksize > kMaxStackSize)
      return fail("co_stacksize %d is out of range (0 to %d)", in_.stacksize, kMaxStackSize);
    units_ = int(in_.code.size() / 2);
    generator_ = (in_.flags & kGeneratorFlags) != 0;
    return true;
  }

  int unit_op(int u) const { return in_.code[2 * u]; }
  int unit_arg(int u) const { return in_.code[2 * u + 1]; }

  // co_code into instructions: EXTENDED_ARG prefixes folded in, CACHE units checked.
  bool decode() {
    instr_at_.assign(units_ + 1, -1);
    int u = 0;
    while (u < units_) {
      Instr i{u, u, 0, 0, 0, false};
      int prefixes = 0;
      while (unit_op(u) == EXTENDED_ARG) {
        if (++prefixes > 3) return fail("offset %d: more than three EXTENDED_ARG in a row", i.start * 2);
        i.oparg = (i.oparg | unit_arg(u)) << 8;
        if (++u == units_) return fail("offset %d: EXTENDED_ARG at the end of the code", i.start * 2);
      }
      i.index = u;
      i.op = unit_op(u);
      i.extended = prefixes > 0;
      const OpTraits& info = ops_[i.op];
      if (info.name == nullptr) {
        if (i.op == CACHE) return fail("offset %d: a CACHE unit where an instruction should start", u * 2);
        return fail("offset %d: unknown opcode %d", u * 2, i.op);
      }
      if (!has_arg(i.op)) {
        if (prefixes) return fail("offset %d: EXTENDED_ARG before %s, which takes no argument", u * 2, info.name);
        if (unit_arg(u)) return fail("offset %d: %s takes no argument (has %d)", u * 2, info.name, unit_arg(u));
      }
      i.oparg |= unit_arg(u);
      ++u;
      if (info.cache > units_ - u)
        return fail("offset %d: %s lacks its %d CACHE entries", i.index * 2, info.name, int(info.cache));
      for (int c = 0; c < info.cache; ++c, ++u) {
        if (unit_op(u) != CACHE || unit_arg(u) != 0)
          return fail("offset %d: %s's CACHE entry at offset %d is not zero", i.index * 2, info.name, u * 2);
      }
      i.next = u;
      instr_at_[i.start] = int(instrs_.size());
      instrs_.push_back(i);
    }
    return true;
  }

  // localsplus kinds: locals (arguments first), cells, free variables last.
  bool check_kinds() {
    int n = nlocalsplus();
    bool seen_free = false;
    for (int s = 0; s < n; ++s) {
      uint8_t k = kind(s);
      bool valid = k == LocalKind::Local || k == (LocalKind::Local | LocalKind::Cell) ||
                   k == LocalKind::Cell || k == LocalKind::Free;
      if (!valid) return fail("local %d has the invalid kind 0x%02x", s, k);
      if (k == LocalKind::Free) seen_free = true;
      else if (seen_free) return fail("local %d follows a free variable but is not one", s);
    }
    int total = in_.argcount + in_.kwonlyargcount + ((in_.flags & CodeFlag::VarArgs) != 0) +
                ((in_.flags & CodeFlag::VarKeywords) != 0);
    if (in_.argcount < 0 || in_.kwonlyargcount < 0 || total > n)
      return fail("the arguments (%d) do not fit in the locals (%d)", total, n);
    for (int s = 0; s < total; ++s)
      if (!(kind(s) & LocalKind::Local)) return fail("argument %d is not a local variable", s);
    return true;
  }

  bool local_index(const Instr& i, uint8_t required_kinds, uint8_t forbidden_kinds) {
    if (i.oparg >= nlocalsplus()) {
      char what[80];
      snprintf(what, sizeof what, "out of range (%d locals, cells and free variables)", nlocalsplus());
      return fail_at(i, what);
    }
    uint8_t k = kind(i.oparg);
    if ((k & required_kinds) == 0 || (k & forbidden_kinds) != 0)
      return fail_at(i, required_kinds & LocalKind::Local ? "is a cell or free variable, not a plain local"
                                                          : "is not a cell or free variable");
    return true;
  }

  bool in_range(const Instr& i, long value, long limit, const char* what) {
    if (value >= 0 && value < limit) return true;
    char text[120];
    snprintf(text, sizeof text, "out of range (%s has %ld)", what, limit);
    return fail_at(i, text);
  }

  bool check_operand(const Instr& i, size_t number) {
    const OpTraits& info = ops_[i.op];
    if (info.flags & OpFlag::Const) {
      if (!in_range(i, i.oparg, long(in_.nconsts), "co_consts")) return false;
    }
    if (info.flags & OpFlag::Name) {
      long index = i.op == LOAD_GLOBAL ? i.oparg >> 1 : i.oparg;
      if (!in_range(i, index, long(in_.nnames), "co_names")) return false;
    }
    if (info.flags & OpFlag::Local) {
      if (!local_index(i, LocalKind::Local, LocalKind::Cell | LocalKind::Free)) return false;
    }
    if (info.flags & OpFlag::Free) {
      uint8_t need = i.op == MAKE_CELL ? LocalKind::Cell : LocalKind::Cell | LocalKind::Free;
      if (!local_index(i, need, 0)) return false;
    }
    switch (i.op) {
      case COMPARE_OP: return i.oparg < kNumCompareOps || fail_at(i, "is not a comparison (0 to 5)");
      case BINARY_OP: return i.oparg < kNumBinaryOps || fail_at(i, "is not a binary operator (0 to 25)");
      case IS_OP:
      case CONTAINS_OP:
      case CALL_FUNCTION_EX: return i.oparg <= 1 || fail_at(i, "argument must be 0 or 1");
      case FORMAT_VALUE: return i.oparg < 8 || fail_at(i, "argument out of range (0 to 7)");
      case RAISE_VARARGS: return i.oparg <= 2 || fail_at(i, "argument out of range (0 to 2)");
      case BUILD_SLICE: return (i.oparg == 2 || i.oparg == 3) || fail_at(i, "argument must be 2 or 3");
      case MAKE_FUNCTION: return i.oparg < 16 || fail_at(i, "argument out of range (0 to 15)");
      case RESUME: return i.oparg <= 3 || fail_at(i, "argument out of range (0 to 3)");
      case GET_AWAITABLE: return i.oparg <= 2 || fail_at(i, "argument out of range (0 to 2)");
      case SWAP: return i.oparg >= 2 || fail_at(i, "argument must be at least 2");
      case COPY: return i.oparg >= 1 || fail_at(i, "argument must be at least 1");
      case KW_NAMES: return check_kw_names(i, number);
      case PRECALL: {
        const Instr* call = number + 1 < instrs_.size() ? &instrs_[number + 1] : nullptr;
        if (!call || call->op != CALL || call->oparg != i.oparg)
          return fail_at(i, "is not followed by CALL with the same argument");
        return true;
      }
      case CALL:
        if (number == 0 || instrs_[number - 1].op != PRECALL) return fail_at(i, "does not follow PRECALL");
        return true;
      default:
        break;
    }
    return true;
  }

  bool check_kw_names(const Instr& i, size_t number) {
    int n = in_.kwnames_length ? in_.kwnames_length(size_t(i.oparg)) : -1;
    if (n < 0) return fail_at(i, "constant is not a tuple of str");
    const Instr* precall = number + 1 < instrs_.size() ? &instrs_[number + 1] : nullptr;
    if (!precall || precall->op != PRECALL) return fail_at(i, "is not followed by PRECALL");
    if (n > precall->oparg) return fail_at(i, "names more keyword arguments than the call has");
    return true;
  }

  // A RESUME after a yield inside `yield from`/`await` (oparg >= 2) tells the generator code
  // that the frame delegates: it must sit right after YIELD_VALUE, itself right after SEND
  // (whose argument the generator's throw() reads from its single unit).
  bool check_delegating_resume(const Instr& i, size_t number) {
    if (i.op != RESUME || i.oparg < 2) return true;
    if (number < 2 || instrs_[number - 1].op != YIELD_VALUE || instrs_[number - 2].op != SEND ||
        instrs_[number - 2].extended)
      return fail_at(i, "must follow SEND (without EXTENDED_ARG) and YIELD_VALUE");
    return true;
  }

  bool check_operands() {
    for (size_t n = 0; n < instrs_.size(); ++n) {
      const Instr& i = instrs_[n];
      if (!check_operand(i, n) || !check_delegating_resume(i, n)) return false;
      if (i.op == COPY_FREE_VARS || i.op == MAKE_CELL || i.op == RETURN_GENERATOR) last_setup_ = int(n);
      if (!generator_ && first_yield_ < 0 && (i.op == YIELD_VALUE || i.op == SEND)) first_yield_ = int(n);
      if (ops_[i.op].flags & OpFlag::Jump) {
        int target = jump_target(i);
        if (target < 0 || target >= units_) return fail_at(i, "jumps outside the code");
        if (instr_at_[target] < 0) return fail_at(i, "jumps into the middle of an instruction");
      }
    }
    return true;
  }

  int jump_target(const Instr& i) const {
    return ops_[i.op].flags & OpFlag::Backward ? i.next - i.oparg : i.next + i.oparg;
  }

  // Exception-table varints: 6-bit chunks, most significant first, 0x40 = more follow; the
  // first byte of an entry has 0x80 set, no other byte does.
  bool read_varint(size_t& pos, bool entry_start, int* out) {
    const auto& t = in_.exceptiontable;
    if (pos >= t.size()) return fail("co_exceptiontable is truncated");
    uint8_t b = t[pos++];
    if (bool(b & 0x80) != entry_start) return fail("co_exceptiontable is malformed at byte %zu", pos - 1);
    long value = b & 63;
    int chunks = 1;
    while (b & 64) {
      if (pos >= t.size()) return fail("co_exceptiontable is truncated");
      b = t[pos++];
      if (b & 0x80) return fail("co_exceptiontable is malformed at byte %zu", pos - 1);
      if (++chunks > 5) return fail("co_exceptiontable has a number too large");
      value = (value << 6) | (b & 63);
    }
    *out = int(value);
    return true;
  }

  bool decode_exception_table() {
    size_t pos = 0;
    int previous_end = 0;
    while (pos < in_.exceptiontable.size()) {
      int start = 0, length = 0, target = 0, depth_lasti = 0;
      if (!read_varint(pos, true, &start) || !read_varint(pos, false, &length) ||
          !read_varint(pos, false, &target) || !read_varint(pos, false, &depth_lasti))
        return false;
      Handler h{start, start + length, target, depth_lasti >> 1, (depth_lasti & 1) != 0};
      int n = int(handlers_.size());
      if (length <= 0 || h.end > units_)
        return fail("exception table entry %d: range %d to %d is outside the code", n, 2 * start, 2 * h.end);
      if (start < previous_end) return fail("exception table entry %d overlaps or precedes the previous one", n);
      if (instr_at_[start] < 0 || (h.end < units_ && instr_at_[h.end] < 0))
        return fail("exception table entry %d: range %d to %d splits an instruction", n, 2 * start, 2 * h.end);
      if (target >= units_ || instr_at_[target] < 0)
        return fail("exception table entry %d: handler %d is not an instruction", n, 2 * target);
      if (h.depth + h.lasti + 1 > in_.stacksize)
        return fail("exception table entry %d: handler depth %d exceeds co_stacksize %d", n,
                    h.depth + h.lasti + 1, in_.stacksize);
      previous_end = h.end;
      handlers_.push_back(h);
    }
    // The entries are sorted and disjoint, so one sweep finds each instruction's handler.
    handler_of_.assign(instrs_.size(), -1);
    for (size_t k = 0; k < handlers_.size(); ++k) {
      for (int n = instr_at_[handlers_[k].start]; n < int(instrs_.size()) && instrs_[n].start < handlers_[k].end; ++n)
        handler_of_[n] = int(k);
    }
    return true;
  }

  // The instructions before RESUME that set up the frame: COPY_FREE_VARS (first, iff there are
  // free variables), one MAKE_CELL per cell, RETURN_GENERATOR + POP_TOP iff a generator.
  bool check_prologue() {
    size_t n = 0;
    if (n < instrs_.size() && instrs_[n].op == COPY_FREE_VARS) {
      if (instrs_[n].oparg != nfree()) return fail_at(instrs_[n], "does not copy all the free variables");
      ++n;
    } else if (nfree() > 0) {
      return fail("the code has free variables but does not start with COPY_FREE_VARS");
    }
    made_.assign(nlocalsplus(), 0);
    for (; n < instrs_.size() && instrs_[n].op == MAKE_CELL; ++n) {
      if (made_[instrs_[n].oparg]) return fail_at(instrs_[n], "makes the same cell twice");
      made_[instrs_[n].oparg] = 1;
    }
    for (int s = 0; s < nlocalsplus(); ++s)
      if ((kind(s) & LocalKind::Cell) && !made_[s]) return fail("cell %d is never made (MAKE_CELL)", s);
    bool has_return_generator = n < instrs_.size() && instrs_[n].op == RETURN_GENERATOR;
    if (has_return_generator) {
      if (n + 1 >= instrs_.size() || instrs_[n + 1].op != POP_TOP)
        return fail_at(instrs_[n], "is not followed by POP_TOP");
      n += 2;
    }
    if (has_return_generator != generator_)
      return fail(generator_ ? "a generator or coroutine code object must start with RETURN_GENERATOR"
                             : "RETURN_GENERATOR in code not flagged as a generator or coroutine");
    prologue_end_ = n < instrs_.size() ? instrs_[n].start : units_;
    if (last_setup_ < int(n) && first_yield_ < 0) return true;  // the scan below would find nothing
    for (size_t k = n; k < instrs_.size(); ++k) {
      int op = instrs_[k].op;
      if (op == COPY_FREE_VARS || op == MAKE_CELL || op == RETURN_GENERATOR)
        return fail_at(instrs_[k], "may only appear at the start of the code");
      if (!generator_ && (op == YIELD_VALUE || op == SEND))
        return fail_at(instrs_[k], "in code not flagged as a generator or coroutine");
    }
    return true;
  }

  // A place control may reach other than by falling through (a jump or handler target).
  bool check_target(int unit, const char* what) {
    if (unit < prologue_end_) return fail("%s %d is inside the code's prologue", what, unit * 2);
    const Instr& i = instrs_[instr_at_[unit]];
    if (i.op == CALL) return fail("%s %d is a CALL (only reachable from its PRECALL)", what, unit * 2);
    size_t n = size_t(instr_at_[unit]);
    if (i.op == PRECALL && n > 0 && instrs_[n - 1].op == KW_NAMES)
      return fail("%s %d is a PRECALL that needs the KW_NAMES before it", what, unit * 2);
    return true;
  }

  bool flow() {
    std::vector<int>& depth = depth_;
    std::vector<int>& work = work_;
    depth.assign(instrs_.size(), -1);
    auto reach = [&](int unit, int d, const char* how) {
      int n = instr_at_[unit];
      if (d > in_.stacksize)
        return fail("offset %d: stack depth %d exceeds co_stacksize %d", unit * 2, d, in_.stacksize);
      if (depth[n] < 0) {
        depth[n] = d;
        work.push_back(n);
      } else if (depth[n] != d) {
        return fail("offset %d: reached with stack depth %d and %d (%s)", unit * 2, depth[n], d, how);
      }
      return true;
    };
    for (const Handler& h : handlers_)
      if (!check_target(h.target, "exception handler")) return false;
    if (!reach(0, generator_ ? 1 : 0, "start")) return false;  // CPython counts the sent value
    while (!work.empty()) {
      int n = work.back();
      work.pop_back();
      const Instr& i = instrs_[n];
      int d = depth[n];
      int effect = *stack_effect(i.op, i.oparg, false);
      int need = std::max(inputs(i.op, i.oparg), -effect);
      if (d < need) {
        char text[100];
        snprintf(text, sizeof text, "stack underflow (needs %d items, depth is %d)", need, d);
        return fail_at(i, text);
      }
      if (handler_of_[n] >= 0) {
        const Handler& h = handlers_[handler_of_[n]];
        if (d + std::min(0, effect) < h.depth) {
          char text[120];
          snprintf(text, sizeof text, "stack depth %d is below its handler's depth %d", d + std::min(0, effect), h.depth);
          return fail_at(i, text);
        }
        if (!reach(h.target, h.depth + h.lasti + 1, "exception handler")) return false;
      }
      uint32_t flags = ops_[i.op].flags;
      if (flags & OpFlag::Jump) {
        int target = jump_target(i);
        if (!check_target(target, "jump target")) return false;
        if (!reach(target, d + *stack_effect(i.op, i.oparg, true), "jump")) return false;
      }
      if (flags & (OpFlag::ScopeExit | OpFlag::Unconditional)) continue;
      if (i.next >= units_) return fail_at(i, "execution falls off the end of the code");
      if (!reach(i.next, d + effect, "fall-through")) return false;
    }
    return true;
  }
};


// --- the fast path ----------------------------------------------------------------------------
// One pass over co_code that checks everything the Verifier checks, for code laid out the way a
// compiler lays it out: every instruction is reached by falling through from the one before or
// by a jump seen earlier (forward jumps, exception handlers), so the stack depth is known when
// the pass gets there and backward jumps only compare. It answers only yes or "not sure": on
// anything it does not accept (an error, or a layout it cannot follow in one pass) the
// Verifier runs and decides, with its message. So it must never accept what the Verifier
// rejects: it checks every condition the Verifier checks, on every instruction (the Verifier
// follows only the reachable ones), and the depths it assigns agree along every edge, so the
// Verifier's flow analysis finds the same depths.

namespace UnitMark {
constexpr uint8_t Start = 1;      // an instruction starts at this unit
constexpr uint8_t Targeted = 2;   // a forward jump or an exception handler goes here
constexpr uint8_t BadTarget = 4;  // the instruction here may not be jumped to (prologue, CALL, ...)
}  // namespace UnitMark

// The exception table as the Verifier reads it, without messages; the checks that need
// instruction boundaries are made after the pass.
bool fast_handlers(const VerifyInput& in, int units, std::vector<Handler>& out) {
  const auto& t = in.exceptiontable;
  size_t pos = 0;
  auto varint = [&](bool entry_start, int* value) {
    if (pos >= t.size()) return false;
    uint8_t b = t[pos++];
    if (bool(b & 0x80) != entry_start) return false;
    long v = b & 63;
    for (int chunks = 1; b & 64;) {
      if (pos >= t.size()) return false;
      b = t[pos++];
      if ((b & 0x80) || ++chunks > 5) return false;
      v = (v << 6) | (b & 63);
    }
    *value = int(v);
    return true;
  };
  out.clear();
  int previous_end = 0;
  while (pos < t.size()) {
    int start, length, target, depth_lasti;
    if (!varint(true, &start) || !varint(false, &length) || !varint(false, &target) || !varint(false, &depth_lasti))
      return false;
    Handler h{start, start + length, target, depth_lasti >> 1, (depth_lasti & 1) != 0};
    if (length <= 0 || h.end > units || start < previous_end || target >= units ||
        h.depth + h.lasti + 1 > in.stacksize)
      return false;
    previous_end = h.end;
    out.push_back(h);
  }
  return true;
}

// The locals' kinds (the Verifier's check_kinds); the number of free variables and of cells.
bool fast_kinds(const VerifyInput& in, int* nfree, int* ncells) {
  int n = int(in.localspluskinds.size());
  *nfree = *ncells = 0;
  for (int s = 0; s < n; ++s) {
    uint8_t k = in.localspluskinds[s];
    bool valid = k == LocalKind::Local || k == (LocalKind::Local | LocalKind::Cell) || k == LocalKind::Cell ||
                 k == LocalKind::Free;
    if (!valid || (*nfree > 0 && k != LocalKind::Free)) return false;
    *nfree += k == LocalKind::Free;
    *ncells += (k & LocalKind::Cell) != 0;
  }
  int total = in.argcount + in.kwonlyargcount + ((in.flags & CodeFlag::VarArgs) != 0) +
              ((in.flags & CodeFlag::VarKeywords) != 0);
  if (in.argcount < 0 || in.kwonlyargcount < 0 || total > n) return false;
  for (int s = 0; s < total; ++s)
    if (!(in.localspluskinds[s] & LocalKind::Local)) return false;
  return true;
}

// The indices an argument gives (co_consts, co_names, localsplus) and the kind of local it
// names: check_operand's index checks (the argument ranges are OpTraits::min_arg/arg_span).
inline bool fast_operand(const VerifyInput& in, uint32_t f, int op, uint32_t oparg) {
  if ((f & OpFlag::Const) && oparg >= in.nconsts) return false;
  if ((f & OpFlag::Name) && (op == LOAD_GLOBAL ? oparg >> 1 : oparg) >= in.nnames) return false;
  if (f & (OpFlag::Local | OpFlag::Free)) {
    if (oparg >= in.localspluskinds.size()) return false;
    uint8_t k = in.localspluskinds[oparg];
    if ((f & OpFlag::Local) && (!(k & LocalKind::Local) || (k & (LocalKind::Cell | LocalKind::Free)))) return false;
    if ((f & OpFlag::Free) && !(k & (op == MAKE_CELL ? LocalKind::Cell : LocalKind::Cell | LocalKind::Free)))
      return false;
  }
  return true;
}

class FastVerifier {
 public:
  FastVerifier(const VerifyInput& in, Scratch& scratch) : in_(in), scratch_(scratch) {}

  bool run() {
    size_t size = in_.code.size();
    if (size == 0 || size % 2 || size / 2 > size_t(1) << 28) return false;
    if (in_.stacksize < 0 || in_.stacksize > kMaxStackSize) return false;
    units_ = int(size / 2);
    generator_ = (in_.flags & kGeneratorFlags) != 0;
    if (!fast_kinds(in_, &nfree_, &ncells_)) return false;
    if (!fast_handlers(in_, units_, scratch_.handlers)) return false;
    // depth[u] is meaningful where marks[u] has Start or Targeted.
    scratch_.depth.resize(units_ + 1);
    scratch_.marks.assign(units_ + 1, 0);
    depth_ = scratch_.depth.data();
    marks_ = scratch_.marks.data();
    for (const Handler& h : scratch_.handlers)
      if (!seed(h.target, h.depth + h.lasti + 1)) return false;
    return pass() && finish();
  }

 private:
  const VerifyInput& in_;
  Scratch& scratch_;
  int units_ = 0;
  bool generator_ = false;
  int nfree_ = 0, ncells_ = 0;
  int* depth_ = nullptr;       // unit -> stack depth on entry
  uint8_t* marks_ = nullptr;   // unit -> UnitMark bits
  int targeted_units_ = 0;     // units marked Targeted
  int targeted_starts_ = 0;    // ... of which an instruction starts there
  enum { kFreeVars, kCells, kPopTop, kBody } phase_ = kFreeVars;  // where in the prologue
  int cells_made_ = 0;
  int expect_op_ = -1;         // PRECALL after KW_NAMES, CALL after PRECALL
  uint32_t expect_arg_ = 0;    // PRECALL: at least this (KW_NAMES's count); CALL: exactly this
  int send_n_ = -2, yield_n_ = -2;  // the last SEND without EXTENDED_ARG, YIELD_VALUE right after one
  size_t hk_ = 0;              // the first handler whose range does not end before the instruction
  int handler_change_ = 0;     // the unit from which the covering handler may differ
  int handler_floor_ = INT32_MIN;  // the covering handler's depth (INT32_MIN: none)

  // A forward jump or handler target: the depth there, which every way in must agree on.
  bool seed(int unit, int d) {
    if (marks_[unit] & UnitMark::Targeted) return depth_[unit] == d;
    marks_[unit] |= UnitMark::Targeted;
    depth_[unit] = d;
    ++targeted_units_;
    return true;
  }

  void update_handler(int start) {
    const std::vector<Handler>& hs = scratch_.handlers;
    while (hk_ < hs.size() && hs[hk_].end <= start) ++hk_;
    if (hk_ == hs.size()) {
      handler_floor_ = INT32_MIN;
      handler_change_ = INT32_MAX;
    } else if (hs[hk_].start <= start) {
      handler_floor_ = hs[hk_].depth;
      handler_change_ = hs[hk_].end;
    } else {
      handler_floor_ = INT32_MIN;
      handler_change_ = hs[hk_].start;
    }
  }

  // EXTENDED_ARG prefixes at unit u: on return u is the unit of the opcode they extend, op and
  // oparg that instruction's.
  bool extended_arg(int& u, int& op, uint32_t& oparg) {
    const uint8_t* code = in_.code.data();
    int prefixes = 0;
    oparg = 0;
    while (code[2 * u] == EXTENDED_ARG) {
      if (++prefixes > 3) return false;
      oparg = (oparg | code[2 * u + 1]) << 8;
      if (++u == units_) return false;
    }
    op = code[2 * u];
    oparg |= code[2 * u + 1];
    return true;
  }

  // The prologue (check_prologue), one instruction at a time until the body starts: whether
  // this instruction belongs to it.
  bool prologue(int op, uint32_t oparg, bool* in_prologue) {
    if (phase_ == kFreeVars) {
      phase_ = kCells;
      if (op == COPY_FREE_VARS) {
        *in_prologue = true;
        return oparg == uint32_t(nfree_);
      }
      if (nfree_ > 0) return false;
    }
    if (phase_ == kPopTop) {
      phase_ = kBody;
      *in_prologue = true;
      return op == POP_TOP;
    }
    if (op == MAKE_CELL) {  // phase_ == kCells
      std::vector<uint8_t>& made = scratch_.made;
      if (cells_made_ == 0) made.assign(in_.localspluskinds.size(), 0);
      if (made[oparg]) return false;
      made[oparg] = 1;
      ++cells_made_;
      *in_prologue = true;
      return true;
    }
    if (cells_made_ != ncells_) return false;
    if (op == RETURN_GENERATOR) {
      phase_ = kPopTop;
      *in_prologue = true;
      return generator_;
    }
    phase_ = kBody;
    return !generator_;
  }

  // The rules of FastOp::Special instructions outside the prologue (instruction number n):
  // call pairing, delegating RESUME, the prologue's instructions and yields where they may
  // not be.
  [[gnu::noinline]] bool special(int op, uint32_t oparg, bool extended, int n, bool expected) {
    switch (op) {
      case KW_NAMES: {
        int count = in_.kwnames_length ? in_.kwnames_length(size_t(oparg)) : -1;
        expect_op_ = PRECALL;
        expect_arg_ = uint32_t(count);
        return count >= 0;
      }
      case PRECALL:
        expect_op_ = CALL;
        expect_arg_ = oparg;
        return true;
      case CALL: return expected;
      case RESUME: return oparg < 2 || yield_n_ == n - 1;
      case SEND:
        if (!extended) send_n_ = n;
        return generator_;
      case YIELD_VALUE:
        if (send_n_ == n - 1) yield_n_ = n;
        return generator_;
      default: return false;  // COPY_FREE_VARS, MAKE_CELL, RETURN_GENERATOR after the prologue
    }
  }

  bool pass() {
    const OpTraits* ops = op_traits();
    const SmallArgEffects* small = small_arg_effects();
    const uint8_t* code = in_.code.data();
    const int units = units_, stacksize = in_.stacksize;
    int* const depth = depth_;
    uint8_t* const marks = marks_;
    bool falls = true;                    // the instruction before falls into this one (or the start)
    int fall_depth = generator_ ? 1 : 0;  // CPython counts the sent value
    if (fall_depth > stacksize) return false;
    int u = 0;
    for (int n = 0; u < units; ++n) {
      const int start = u;
      int op = code[2 * u];
      uint32_t oparg = code[2 * u + 1];
      const bool extended = op == EXTENDED_ARG;
      if (extended && !extended_arg(u, op, oparg)) return false;
      const OpTraits& t = ops[op];
      if (t.fast & (FastOp::Invalid | FastOp::NoArg)) {
        if ((t.fast & FastOp::Invalid) || oparg || extended) return false;
      }
      if (oparg - t.min_arg > t.arg_span) return false;
      ++u;
      if (t.cache) {
        if (t.cache > units - u) return false;
        for (int c = 0; c < t.cache; ++c, ++u)
          if (code[2 * u] != CACHE || code[2 * u + 1] != 0) return false;
      }
      const int next = u;
      const uint32_t flags = t.flags;
      if ((flags & (OpFlag::Const | OpFlag::Name | OpFlag::Local | OpFlag::Free)) && !fast_operand(in_, flags, op, oparg))
        return false;

      // Where the instruction may not be jumped to: CALL, PRECALL after KW_NAMES (the
      // instructions an expectation asks for), the prologue.
      bool bad_target = false;
      bool expected = false;
      if (expect_op_ >= 0) {
        if (op != expect_op_ || (op == CALL ? oparg != expect_arg_ : oparg < expect_arg_)) return false;
        expect_op_ = -1;
        expected = bad_target = true;
      }
      bool in_prologue = false;
      if (phase_ != kBody && !prologue(op, oparg, &in_prologue)) return false;
      if ((t.fast & FastOp::Special) && !in_prologue && !special(op, oparg, extended, n, expected)) return false;
      bad_target |= in_prologue;

      // The stack depth on entry: from the instruction before, or a jump or handler seen.
      const uint8_t m = marks[start];
      int d;
      if (falls) {
        d = fall_depth;
        if ((m & UnitMark::Targeted) && depth[start] != d) return false;
      } else if (m & UnitMark::Targeted) {
        d = depth[start];
      } else {
        return false;  // reached only from further on (or not at all): the Verifier follows it
      }
      if (m & UnitMark::Targeted) {
        if (bad_target) return false;
        ++targeted_starts_;
      }
      marks[start] = m | UnitMark::Start | (bad_target ? UnitMark::BadTarget : 0);
      depth[start] = d;

      int effect = t.effect, need = t.need, jump_effect = t.jump_effect;
      if (t.fast & FastOp::Dynamic) {
        if (oparg < kSmallArgs) {
          const SmallArgEffects& e = small[op];
          effect = e.effect[oparg];
          need = e.need[oparg];
          jump_effect = e.jump_effect[oparg];
        } else {
          effect = *stack_effect(op, int(oparg), false);
          need = std::max(inputs(op, int(oparg)), -effect);
          jump_effect = *stack_effect(op, int(oparg), true);
        }
      }
      if (d < need) return false;
      if (start >= handler_change_) update_handler(start);
      if (d + std::min(0, effect) < handler_floor_) return false;
      if (flags & OpFlag::Jump) {
        int jump_depth = d + jump_effect;
        int target = flags & OpFlag::Backward ? next - int(oparg) : next + int(oparg);
        if (target < 0 || target >= units || jump_depth < 0 || jump_depth > stacksize) return false;
        if (target >= next) {
          if (!seed(target, jump_depth)) return false;
        } else if ((marks[target] & (UnitMark::Start | UnitMark::BadTarget)) != UnitMark::Start ||
                   depth[target] != jump_depth) {
          return false;
        }
      }
      falls = !(flags & (OpFlag::ScopeExit | OpFlag::Unconditional));
      if (falls) {
        fall_depth = d + effect;
        if (next >= units || fall_depth > stacksize) return false;
      }
    }
    return true;
  }

  // After the pass: nothing left expected, every jump and handler target an instruction
  // start, handler ranges on instruction boundaries.
  bool finish() {
    if (expect_op_ >= 0 || phase_ != kBody || targeted_starts_ != targeted_units_) return false;
    for (const Handler& h : scratch_.handlers)
      if (!(marks_[h.start] & UnitMark::Start) || (h.end < units_ && !(marks_[h.end] & UnitMark::Start))) return false;
    return true;
  }
};

}  // namespace

bool verify_code_input(const VerifyInput& input, std::string* why) {
  static thread_local Scratch scratch;
#ifdef KRAIT_VERIFY_CROSSCHECK
  // A build with -DKRAIT_VERIFY_CROSSCHECK runs both on everything and stops if the fast path
  // accepts code the Verifier rejects (and counts the code it leaves to the Verifier).
  bool fast = FastVerifier(input, scratch).run();
  std::string full_why;
  bool full = Verifier(input, scratch).run(&full_why);
  if (fast && !full) {
    std::fprintf(stderr, "krait: the fast verifier accepted code the Verifier rejects: %s\n", full_why.c_str());
    std::abort();
  }
  if (!fast && full) std::fprintf(stderr, "krait: verifier fallback (accepted)\n");
  if (!full && why) *why = full_why;
  return full;
#else
  if (FastVerifier(input, scratch).run()) return true;
  return Verifier(input, scratch).run(why);
#endif
}

}  // namespace krait::vm
