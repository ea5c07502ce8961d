// The bytecode verifier (code_verify.h): one pass decodes co_code into instructions and checks
// each one's operands, one decodes the exception table, then a flow analysis follows every path
// (fall-through, jumps, exception handlers) with the stack depth, as CPython's compiler computes
// co_stacksize, and checks that the depths agree.
#include "vm/code_verify.h"

#include <algorithm>
#include <array>
#include <cstdarg>
#include <cstdio>
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

// What the verifier asks of an opcode, for the 256 values a code unit can hold: one array
// read instead of op_info() calls (the verifier runs on every code object of every import
// from a .pyc, so its cost per instruction counts).
struct OpTraits {
  const char* name;  // nullptr: not a real CPython 3.11 instruction (unknown, pseudo, specialized, CACHE)
  uint32_t flags;    // OpFlag bits
  uint8_t cache;     // CACHE units after it
};

const OpTraits* op_traits() {
  static const std::array<OpTraits, 256> table = [] {
    std::array<OpTraits, 256> t{};
    for (int op = 0; op < 256; ++op) {
      const OpInfo& info = op_info(op);
      bool real = info.name != nullptr && !info.pseudo && info.base == op && op != CACHE;
      t[op] = {real ? info.name : nullptr, info.flags, info.cache};
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

  // The stack items an instruction reads (pops or peeks), beyond what its net effect implies.
  static int inputs(int op, int oparg) {
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

}  // namespace

bool verify_code_input(const VerifyInput& input, std::string* why) {
  static thread_local Scratch scratch;
  return Verifier(input, scratch).run(why);
}

}  // namespace krait::vm
