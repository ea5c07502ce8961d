// The eval loop: computed-goto dispatch over CPython 3.11's instructions. Python-to-Python
// calls push a frame on the thread's frame stack and continue in the same loop; returning pops
// it. Exceptions unwind through the code object's exception table.
#include "vm/eval.h"

#include <cstring>

#include "bytecode/opcodes.h"
#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/method.h"
#include "runtime/module.h"
#include "runtime/range.h"
#include "runtime/set.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/eval_helpers.h"
#include "vm/import.h"
#include "vm/interp.h"
#include "vm/specialize.h"
#include "vm/trace.h"

namespace krait::vm {

using namespace runtime;

namespace {

// Inline cache sizes, from the instruction table.
#define KRAIT_OP(name, number, cache, effect, jump_effect, flags) constexpr int kCache_##name = cache;
#include "bytecode/opcodes.def"

// Exact-type guards of the specialized forms.
inline bool has_type(Value v, const TypeObject* type) { return v.is_object() && v.as_object()->type == type; }
// The instance's __dict__ field, for a type whose instances keep it at a fixed offset (the forms
// that use it are made, or kept, only for such types).
inline Value* instance_dict_slot(Value owner, const TypeObject* type) {
  return reinterpret_cast<Value*>(reinterpret_cast<char*>(owner.as_object()) + type->dict_offset);
}

// A comparison of two immediates (small ints or floats: NaN compares false but for !=).
template <typename T>
bool compare_numbers(T a, T b, CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return a < b;
    case CompareOp::Le: return a <= b;
    case CompareOp::Eq: return a == b;
    case CompareOp::Ne: return a != b;
    case CompareOp::Gt: return a > b;
    default: return a >= b;
  }
}

}  // namespace

Value eval_frame(ThreadState& ts, Frame* entry, Value throw_pending) {
  static void* targets[256];
  static void* traced_targets[256];  // the handlers, when targets[] all lead to L_trace
  static bool targets_ready = false, trace_installed = false;
  if (!targets_ready) {
    for (auto& t : targets) t = &&L_unknown;
#define KRAIT_OP(name, number, cache, effect, jump_effect, flags) targets[number] = &&L_##name;
#define KRAIT_SPECIALIZED(name, number, base) targets[number] = &&L_##name;
#include "bytecode/opcodes.def"
    targets_ready = true;
  }
  // -X trace (switched on once start-up is done): every instruction passes through L_trace on its
  // way to its handler.
  if (instruction_trace_enabled() && !trace_installed) [[unlikely]] {
    for (int i = 0; i < 256; ++i) {
      traced_targets[i] = targets[i];
      targets[i] = &&L_trace;
    }
    trace_installed = true;
  }

  entry->is_entry = true;
  Frame* f = entry;
  CodeObject* code;
  const uint16_t* first_instr;
  const uint16_t* next_instr;
  Value* sp;
  Value* base;
  Value* locals;
  Value kwnames;  // set by KW_NAMES for the next CALL (borrowed from co_consts)
  Value found;    // what a specialized LOAD_ATTR/LOAD_METHOD form found (borrowed), for their shared tail
  uint16_t word;
  int opcode;
  int oparg;

#define LOAD_REGISTERS()                                     \
  do {                                                       \
    code = f->code;                                          \
    first_instr = code->units.data();                        \
    next_instr = first_instr + f->lasti + 1;                 \
    locals = f->localsplus;                                  \
    base = f->localsplus + code->nlocalsplus;                \
    sp = base + f->stacktop;                                 \
  } while (0)
#define SAVE_SP() (f->stacktop = int(sp - base))
#define DISPATCH()                                           \
  do {                                                       \
    f->lasti = int(next_instr - first_instr);                \
    word = *next_instr++;                                    \
    opcode = word & 0xff;                                    \
    oparg = word >> 8;                                       \
    goto* targets[opcode];                                   \
  } while (0)
#define TARGET(op) L_##op:
#define SKIP_CACHES(op) (next_instr += kCache_##op)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define PEEK(n) (sp[-(n)])
#define JUMPBY(n) (next_instr += (n))
// The current instruction's unit and its inline cache (the VM's private copy: writable).
#define INSTR() (const_cast<uint16_t*>(next_instr) - 1)
#define CACHE() (const_cast<uint16_t*>(next_instr))
#define NAME(i) tuple_get(code->names, (i))
// In a generic form: count down, and at zero let the specializer rewrite the instruction (then run
// the new form) or back off.
#define MAYBE_SPECIALIZE(decision)                      \
  do {                                                  \
    uint16_t& counter_ = CACHE()[cache::kCounter];      \
    if (counter_ == 0) {                                \
      if (decision) {                                   \
        opcode = *INSTR() & 0xff;                       \
        goto* targets[opcode];                          \
      }                                                 \
      counter_ = kSpecializeBackoff;                    \
    } else {                                            \
      --counter_;                                       \
    }                                                   \
  } while (0)
// In a specialized form whose guard failed: back to the generic form, which runs now.
#define DEOPT_IF(cond, base)                 \
  do {                                       \
    if (cond) {                              \
      deoptimize(INSTR(), bytecode::base);   \
      opcode = bytecode::base;               \
      goto L_##base;                         \
    }                                        \
  } while (0)
#define ERROR_IF(cond) \
  do {                 \
    if (cond) goto error; \
  } while (0)

  ts.frame = f;
  LOAD_REGISTERS();
  kwnames = Value();
  if (throw_pending) goto error;
  DISPATCH();

  TARGET(CACHE) TARGET(NOP) TARGET(RESUME) { DISPATCH(); }

  TARGET(EXTENDED_ARG) {
    word = *next_instr++;
    opcode = word & 0xff;
    oparg = (oparg << 8) | (word >> 8);
    goto* targets[opcode];
  }

  TARGET(LOAD_FAST) {
    Value v = locals[oparg];
    if (!v) {
      SAVE_SP();
      unbound_local_error(code, oparg);
      goto error;
    }
    incref(v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(LOAD_CONST) {
    Value v = tuple_get(code->consts, oparg);
    incref(v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_FAST) {
    Value old = locals[oparg];
    locals[oparg] = POP();
    xdecref(old);
    DISPATCH();
  }
  TARGET(DELETE_FAST) {
    Value old = locals[oparg];
    if (!old) {
      unbound_local_error(code, oparg);
      goto error;
    }
    locals[oparg] = Value();
    decref(old);
    DISPATCH();
  }
  TARGET(POP_TOP) {
    Value v = POP();
    xdecref(v);
    DISPATCH();
  }
  TARGET(PUSH_NULL) {
    PUSH(Value());
    DISPATCH();
  }
  TARGET(COPY) {
    Value v = PEEK(oparg);
    incref(v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(SWAP) {
    Value t = TOP();
    TOP() = PEEK(oparg);
    PEEK(oparg) = t;
    DISPATCH();
  }

  // --- operators --------------------------------------------------------------------------------
  TARGET(UNARY_POSITIVE) TARGET(UNARY_NEGATIVE) TARGET(UNARY_INVERT) {
    Value v = TOP();
    SAVE_SP();
    Value r = opcode == bytecode::UNARY_POSITIVE ? unary_positive(v)
              : opcode == bytecode::UNARY_NEGATIVE ? unary_negative(v)
                                                   : unary_invert(v);
    ERROR_IF(!r);
    decref(v);
    TOP() = r;
    DISPATCH();
  }
  TARGET(UNARY_NOT) {
    Value v = TOP();
    SAVE_SP();
    int t = is_true(v);
    ERROR_IF(t < 0);
    decref(v);
    TOP() = bool_value(!t);
    DISPATCH();
  }
  TARGET(BINARY_OP) {
    MAYBE_SPECIALIZE(specialize_binary_op(INSTR(), SECOND(), TOP()));
    Value right = TOP(), left = SECOND();
    Value r;
    if (left.is_small_int() && right.is_small_int() &&
        (oparg == int(BinaryOp::Add) || oparg == int(BinaryOp::InplaceAdd))) {
      r = int_from_int64(left.as_small_int() + right.as_small_int());
    } else if (left.is_small_int() && right.is_small_int() &&
               (oparg == int(BinaryOp::Subtract) || oparg == int(BinaryOp::InplaceSubtract))) {
      r = int_from_int64(left.as_small_int() - right.as_small_int());
    } else {
      SAVE_SP();
      r = binary_op(left, right, BinaryOp(oparg));
      ERROR_IF(!r);
    }
    decref(left);
    decref(right);
    --sp;
    TOP() = r;
    SKIP_CACHES(BINARY_OP);
    DISPATCH();
  }
  TARGET(COMPARE_OP) {
    MAYBE_SPECIALIZE(specialize_compare_op(INSTR(), SECOND(), TOP()));
    Value right = TOP(), left = SECOND();
    Value r;
    if (left.is_small_int() && right.is_small_int()) {
      r = bool_value(compare_numbers(left.as_small_int(), right.as_small_int(), CompareOp(oparg)));
    } else {
      SAVE_SP();
      r = rich_compare(left, right, CompareOp(oparg));
      ERROR_IF(!r);
    }
    decref(left);
    decref(right);
    --sp;
    TOP() = r;
    SKIP_CACHES(COMPARE_OP);
    DISPATCH();
  }
  TARGET(IS_OP) {
    Value right = POP(), left = TOP();
    bool r = left.is(right) != bool(oparg);
    decref(left);
    decref(right);
    TOP() = bool_value(r);
    DISPATCH();
  }
  TARGET(CONTAINS_OP) {
    Value right = TOP(), left = SECOND();
    SAVE_SP();
    int r = contains(right, left);
    ERROR_IF(r < 0);
    decref(left);
    decref(right);
    --sp;
    TOP() = bool_value(bool(r) != bool(oparg));
    DISPATCH();
  }
  TARGET(BINARY_SUBSCR) {
    MAYBE_SPECIALIZE(specialize_binary_subscr(INSTR(), SECOND(), TOP()));
    Value sub = TOP(), container = SECOND();
    SAVE_SP();
    Value r = get_item(container, sub);
    ERROR_IF(!r);
    decref(container);
    decref(sub);
    --sp;
    TOP() = r;
    SKIP_CACHES(BINARY_SUBSCR);
    DISPATCH();
  }
  TARGET(STORE_SUBSCR) {
    MAYBE_SPECIALIZE(specialize_store_subscr(INSTR(), SECOND(), TOP()));
    Value sub = TOP(), container = SECOND(), v = THIRD();
    SAVE_SP();
    ERROR_IF(set_item(container, sub, v) < 0);
    decref(sub);
    decref(container);
    decref(v);
    sp -= 3;
    SKIP_CACHES(STORE_SUBSCR);
    DISPATCH();
  }
  TARGET(DELETE_SUBSCR) {
    Value sub = TOP(), container = SECOND();
    SAVE_SP();
    ERROR_IF(del_item(container, sub) < 0);
    decref(sub);
    decref(container);
    sp -= 2;
    DISPATCH();
  }
  TARGET(GET_LEN) {
    SAVE_SP();
    int64_t n = length(TOP());
    ERROR_IF(n < 0);
    Value r = int_from_int64(n);
    ERROR_IF(!r);
    PUSH(r);
    DISPATCH();
  }

  // --- jumps ------------------------------------------------------------------------------------
  TARGET(JUMP_FORWARD) {
    JUMPBY(oparg);
    DISPATCH();
  }
  TARGET(JUMP_BACKWARD) TARGET(JUMP_BACKWARD_NO_INTERRUPT) {
    JUMPBY(-oparg);
    DISPATCH();
  }
  TARGET(POP_JUMP_FORWARD_IF_FALSE) TARGET(POP_JUMP_FORWARD_IF_TRUE) TARGET(POP_JUMP_BACKWARD_IF_FALSE)
  TARGET(POP_JUMP_BACKWARD_IF_TRUE) {
    Value v = TOP();
    int t;
    if (v.is(true_value())) t = 1;
    else if (v.is(false_value()) || v.is(none())) t = 0;
    else {
      SAVE_SP();
      t = is_true(v);
      ERROR_IF(t < 0);
    }
    --sp;
    decref(v);
    bool want = opcode == bytecode::POP_JUMP_FORWARD_IF_TRUE || opcode == bytecode::POP_JUMP_BACKWARD_IF_TRUE;
    if (bool(t) == want) {
      bool backward = opcode == bytecode::POP_JUMP_BACKWARD_IF_FALSE || opcode == bytecode::POP_JUMP_BACKWARD_IF_TRUE;
      JUMPBY(backward ? -oparg : oparg);
    }
    DISPATCH();
  }
  TARGET(POP_JUMP_FORWARD_IF_NONE) TARGET(POP_JUMP_FORWARD_IF_NOT_NONE) TARGET(POP_JUMP_BACKWARD_IF_NONE)
  TARGET(POP_JUMP_BACKWARD_IF_NOT_NONE) {
    Value v = POP();
    bool is_none = v.is(none());
    decref(v);
    bool want_none = opcode == bytecode::POP_JUMP_FORWARD_IF_NONE || opcode == bytecode::POP_JUMP_BACKWARD_IF_NONE;
    if (is_none == want_none) {
      bool backward = opcode == bytecode::POP_JUMP_BACKWARD_IF_NONE || opcode == bytecode::POP_JUMP_BACKWARD_IF_NOT_NONE;
      JUMPBY(backward ? -oparg : oparg);
    }
    DISPATCH();
  }
  TARGET(JUMP_IF_FALSE_OR_POP) TARGET(JUMP_IF_TRUE_OR_POP) {
    Value v = TOP();
    SAVE_SP();
    int t = is_true(v);
    ERROR_IF(t < 0);
    if (bool(t) == (opcode == bytecode::JUMP_IF_TRUE_OR_POP)) {
      JUMPBY(oparg);
    } else {
      --sp;
      decref(v);
    }
    DISPATCH();
  }

  // --- iteration --------------------------------------------------------------------------------
  TARGET(GET_ITER) {
    Value v = TOP();
    SAVE_SP();
    Value it = get_iter(v);
    ERROR_IF(!it);
    decref(v);
    TOP() = it;
    DISPATCH();
  }
  TARGET(FOR_ITER) {
    Value it = TOP();
    Value next;
    // range and list iterators inline; anything else through its type's iternext.
    if (it.is_object() && it.as_object()->type == &range_iterator_type) {
      next = range_iter_next(static_cast<RangeIterObject*>(it.as_object()));
      if (next) {
        PUSH(next);
        DISPATCH();
      }
      --sp;
      decref(it);
      JUMPBY(oparg);
      DISPATCH();
    }
    if (it.is_object() && it.as_object()->type == &list_iterator_type) {
      auto* li = static_cast<ListIterObject*>(it.as_object());
      if (li->list && li->index < int64_t(list_size(li->list))) {
        next = list_get(li->list, size_t(li->index++));
        incref(next);
        PUSH(next);
        DISPATCH();
      }
    }
    SAVE_SP();
    next = iter_next(it);
    if (next) {
      PUSH(next);
      DISPATCH();
    }
    if (error_occurred()) {
      if (!error_matches(exc::StopIteration)) goto error;
      clear_error();
    }
    --sp;
    decref(it);
    JUMPBY(oparg);
    DISPATCH();
  }
  TARGET(GET_YIELD_FROM_ITER) {
    Value v = TOP();
    SAVE_SP();
    Value it = get_yield_from_iter(code, v);
    ERROR_IF(!it);
    decref(v);
    TOP() = it;
    DISPATCH();
  }
  TARGET(UNPACK_SEQUENCE) {
    MAYBE_SPECIALIZE(specialize_unpack_sequence(INSTR(), TOP()));
    Value seq = TOP();
    SAVE_SP();
    --sp;
    if (unpack_sequence(seq, oparg, -1, sp) < 0) {
      *sp++ = seq;  // the items overwrote its slot; put it back for the unwinder to release
      goto error;
    }
    decref(seq);
    sp += oparg;
    SKIP_CACHES(UNPACK_SEQUENCE);
    DISPATCH();
  }
  TARGET(UNPACK_EX) {
    Value seq = TOP();
    SAVE_SP();
    --sp;
    int total = (oparg & 0xFF) + (oparg >> 8) + 1;
    if (unpack_sequence(seq, oparg & 0xFF, oparg >> 8, sp) < 0) {
      *sp++ = seq;  // the items overwrote its slot; put it back for the unwinder to release
      goto error;
    }
    decref(seq);
    sp += total;
    DISPATCH();
  }

  // --- names ------------------------------------------------------------------------------------
  TARGET(LOAD_GLOBAL) TARGET(LOAD_GLOBAL_MODULE) TARGET(LOAD_GLOBAL_BUILTIN) {
    // The first inline CACHE unit (in the VM's private copy of the code) holds an index into
    // code->global_cache.
    uint16_t* cache = const_cast<uint16_t*>(next_instr);
    Value v;
    Value g = f->globals, b = f->builtins;
    bool cacheable = is_dict_exact(g) && is_dict_exact(b);
    if (cache[0] && cacheable) {
      const GlobalCacheEntry& e = code->global_cache[cache[0] - 1];
      if (e.globals == g.as_object() && e.builtins == b.as_object() && e.globals_version == dict_version(g) &&
          e.builtins_version == dict_version(b)) {
        v = e.value;
        incref(v);
        goto load_global_done;
      }
    }
    {
      Value name = tuple_get(code->names, oparg >> 1);
      SAVE_SP();
      v = load_global(g, b, name);
      ERROR_IF(!v);
      if (cacheable) {
        if (!cache[0] && code->global_cache.size() < 0xFFFF) {
          code->global_cache.emplace_back();
          cache[0] = uint16_t(code->global_cache.size());
        }
        if (cache[0]) {
          GlobalCacheEntry& e = code->global_cache[cache[0] - 1];
          e = GlobalCacheEntry{g.as_object(), b.as_object(), dict_version(g), dict_version(b), v};
          // Named for dis after where the value lives; one handler serves all three.
          if (opcode == bytecode::LOAD_GLOBAL) {
            bool in_module = !dict_get_item(g, name).is_null();
            INSTR()[0] = uint16_t((INSTR()[0] & 0xff00) |
                                  (in_module ? bytecode::LOAD_GLOBAL_MODULE : bytecode::LOAD_GLOBAL_BUILTIN));
          }
        }
      }
    }
  load_global_done:
    if (oparg & 1) PUSH(Value());
    PUSH(v);
    SKIP_CACHES(LOAD_GLOBAL);
    DISPATCH();
  }
  TARGET(STORE_GLOBAL) {
    Value name = tuple_get(code->names, oparg);
    Value v = TOP();
    SAVE_SP();
    ERROR_IF(dict_set_item(f->globals, name, v) < 0);
    --sp;
    decref(v);
    DISPATCH();
  }
  TARGET(DELETE_GLOBAL) {
    Value name = tuple_get(code->names, oparg);
    SAVE_SP();
    if (dict_del_item(f->globals, name) < 0) {
      if (error_matches(exc::KeyError)) {
        clear_error();
        name_error(name);
      }
      goto error;
    }
    DISPATCH();
  }
  TARGET(LOAD_NAME) {
    Value name = tuple_get(code->names, oparg);
    SAVE_SP();
    Value v = load_name(f, name);
    ERROR_IF(!v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_NAME) {
    Value name = tuple_get(code->names, oparg);
    Value v = TOP();
    SAVE_SP();
    if (!f->locals) {
      raise_format(exc::SystemError, "no locals found when storing %s", str_repr_utf8(name).c_str());
      goto error;
    }
    int r = is_dict_exact(f->locals) ? dict_set_item(f->locals, name, v) : set_item(f->locals, name, v);
    ERROR_IF(r < 0);
    --sp;
    decref(v);
    DISPATCH();
  }
  TARGET(DELETE_NAME) {
    Value name = tuple_get(code->names, oparg);
    SAVE_SP();
    if (!f->locals) {
      raise_format(exc::SystemError, "no locals when deleting %s", str_repr_utf8(name).c_str());
      goto error;
    }
    if (del_item(f->locals, name) < 0) {
      if (error_matches(exc::KeyError)) {
        clear_error();
        name_error(name);
      }
      goto error;
    }
    DISPATCH();
  }
  TARGET(LOAD_ATTR) {
    MAYBE_SPECIALIZE(specialize_load_attr(INSTR(), TOP(), NAME(oparg)));
    Value owner = TOP();
    SAVE_SP();
    Value r = get_attr(owner, tuple_get(code->names, oparg));
    if (!r) {
      attribute_error_context(owner, tuple_get(code->names, oparg));
      goto error;
    }
    decref(owner);
    TOP() = r;
    SKIP_CACHES(LOAD_ATTR);
    DISPATCH();
  }
  TARGET(LOAD_METHOD) {
    MAYBE_SPECIALIZE(specialize_load_method(INSTR(), TOP(), NAME(oparg)));
    Value owner = TOP();
    SAVE_SP();
    bool is_meth = false;
    Value m = get_method(owner, tuple_get(code->names, oparg), &is_meth);
    if (!m) {
      attribute_error_context(owner, tuple_get(code->names, oparg));
      goto error;
    }
    if (is_meth) {
      TOP() = m;
      PUSH(owner);
    } else {
      TOP() = Value();
      decref(owner);
      PUSH(m);
    }
    SKIP_CACHES(LOAD_METHOD);
    DISPATCH();
  }
  TARGET(STORE_ATTR) {
    MAYBE_SPECIALIZE(specialize_store_attr(INSTR(), TOP(), NAME(oparg)));
    Value owner = TOP(), v = SECOND();
    SAVE_SP();
    ERROR_IF(set_attr(owner, tuple_get(code->names, oparg), v) < 0);
    decref(owner);
    decref(v);
    sp -= 2;
    SKIP_CACHES(STORE_ATTR);
    DISPATCH();
  }
  TARGET(DELETE_ATTR) {
    Value owner = TOP();
    SAVE_SP();
    ERROR_IF(set_attr(owner, tuple_get(code->names, oparg), Value()) < 0);
    decref(owner);
    --sp;
    DISPATCH();
  }

  // --- cells ------------------------------------------------------------------------------------
  TARGET(MAKE_CELL) {
    Value initial = locals[oparg];
    Value cell = cell_new(initial);
    if (!cell) goto error;
    xdecref(initial);
    locals[oparg] = cell;
    DISPATCH();
  }
  TARGET(COPY_FREE_VARS) {
    Value closure = as_function(f->func)->closure;
    int offset = code->nlocalsplus - oparg;
    for (int i = 0; i < oparg; ++i) {
      Value c = tuple_get(closure, i);
      incref(c);
      locals[offset + i] = c;
    }
    DISPATCH();
  }
  TARGET(LOAD_CLOSURE) {
    Value c = locals[oparg];
    incref(c);
    PUSH(c);
    DISPATCH();
  }
  TARGET(LOAD_DEREF) {
    Value v = as_cell(locals[oparg])->ref;
    if (!v) {
      SAVE_SP();
      unbound_deref_error(code, oparg);
      goto error;
    }
    incref(v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(LOAD_CLASSDEREF) {
    Value name = tuple_get(code->localsplusnames, oparg);
    SAVE_SP();
    Value v;
    if (is_dict_exact(f->locals)) {
      v = dict_get_item(f->locals, name);
      if (v) incref(v);
      else if (error_occurred()) goto error;
    } else {
      v = get_item(f->locals, name);
      if (!v) {
        if (!error_matches(exc::KeyError)) goto error;
        clear_error();
      }
    }
    if (!v) {
      v = as_cell(locals[oparg])->ref;
      if (!v) {
        unbound_deref_error(code, oparg);
        goto error;
      }
      incref(v);
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_DEREF) {
    CellObject* cell = as_cell(locals[oparg]);
    Value old = cell->ref;
    cell->ref = POP();
    xdecref(old);
    DISPATCH();
  }
  TARGET(DELETE_DEREF) {
    CellObject* cell = as_cell(locals[oparg]);
    Value old = cell->ref;
    if (!old) {
      unbound_deref_error(code, oparg);
      goto error;
    }
    cell->ref = Value();
    decref(old);
    DISPATCH();
  }

  // --- building ---------------------------------------------------------------------------------
  TARGET(BUILD_TUPLE) {
    Value t = tuple_new(oparg);
    ERROR_IF(!t);
    sp -= oparg;
    std::memcpy(tuple_items(t), sp, sizeof(Value) * oparg);
    PUSH(t);
    DISPATCH();
  }
  TARGET(BUILD_LIST) {
    Value l = list_new(0);
    ERROR_IF(!l);
    for (int i = oparg; i > 0; --i) {
      list_append(l, PEEK(i));
      decref(PEEK(i));
    }
    sp -= oparg;
    PUSH(l);
    DISPATCH();
  }
  TARGET(BUILD_SET) {
    Value s = set_new();
    ERROR_IF(!s);
    int err = 0;
    for (int i = oparg; i > 0; --i) {
      if (!err && set_add(s, PEEK(i)) < 0) err = 1;
      decref(PEEK(i));
    }
    sp -= oparg;
    if (err) {
      decref(s);
      goto error;
    }
    PUSH(s);
    DISPATCH();
  }
  TARGET(BUILD_MAP) {
    Value d = dict_new_presized(oparg);
    ERROR_IF(!d);
    SAVE_SP();
    for (int i = oparg; i > 0; --i) {
      if (dict_set_item(d, PEEK(2 * i), PEEK(2 * i - 1)) < 0) {
        decref(d);
        goto error;
      }
    }
    for (int i = 0; i < 2 * oparg; ++i) decref(POP());
    PUSH(d);
    DISPATCH();
  }
  TARGET(BUILD_CONST_KEY_MAP) {
    Value keys = TOP();
    Value d = dict_new_presized(oparg);
    ERROR_IF(!d);
    SAVE_SP();
    for (int i = 0; i < oparg; ++i) {
      if (dict_set_item(d, tuple_get(keys, i), PEEK(oparg + 1 - i)) < 0) {
        decref(d);
        goto error;
      }
    }
    decref(POP());
    for (int i = 0; i < oparg; ++i) decref(POP());
    PUSH(d);
    DISPATCH();
  }
  TARGET(BUILD_STRING) {
    SAVE_SP();
    Value s = build_string(sp - oparg, oparg);
    ERROR_IF(!s);
    for (int i = 0; i < oparg; ++i) decref(POP());
    PUSH(s);
    DISPATCH();
  }
  TARGET(BUILD_SLICE) {
    Value step = oparg == 3 ? POP() : Value();
    Value stop = POP(), start = TOP();
    Value s = slice_new(start, stop, step);
    decref(start);
    decref(stop);
    xdecref(step);
    ERROR_IF(!s);
    TOP() = s;
    DISPATCH();
  }
  TARGET(LIST_APPEND) {
    Value v = POP();
    int r = list_append(PEEK(oparg), v);
    decref(v);
    ERROR_IF(r < 0);
    DISPATCH();
  }
  TARGET(SET_ADD) {
    Value v = POP();
    SAVE_SP();
    int r = set_add(PEEK(oparg), v);
    decref(v);
    ERROR_IF(r < 0);
    DISPATCH();
  }
  TARGET(MAP_ADD) {
    Value v = POP(), k = POP();
    SAVE_SP();
    int r = dict_set_item(PEEK(oparg), k, v);
    decref(k);
    decref(v);
    ERROR_IF(r < 0);
    DISPATCH();
  }
  TARGET(LIST_EXTEND) {
    Value iterable = TOP();
    SAVE_SP();
    ERROR_IF(list_extend_for_unpack(PEEK(oparg + 1), iterable) < 0);
    --sp;
    decref(iterable);
    DISPATCH();
  }
  TARGET(SET_UPDATE) {
    Value iterable = TOP();
    SAVE_SP();
    ERROR_IF(set_update(PEEK(oparg + 1), iterable) < 0);
    --sp;
    decref(iterable);
    DISPATCH();
  }
  TARGET(DICT_UPDATE) {
    Value update = TOP();
    SAVE_SP();
    ERROR_IF(dict_update_for_display(PEEK(oparg + 1), update) < 0);
    --sp;
    decref(update);
    DISPATCH();
  }
  TARGET(DICT_MERGE) {
    Value update = TOP();
    SAVE_SP();
    ERROR_IF(dict_merge_for_call(PEEK(oparg + 1), update, PEEK(oparg + 3)) < 0);
    --sp;
    decref(update);
    DISPATCH();
  }
  TARGET(LIST_TO_TUPLE) {
    Value l = TOP();
    Value t = list_as_tuple(l);
    ERROR_IF(!t);
    decref(l);
    TOP() = t;
    DISPATCH();
  }
  TARGET(FORMAT_VALUE) {
    Value spec = (oparg & 4) ? POP() : Value();
    Value v = TOP();
    SAVE_SP();
    Value r = format_value(v, oparg & 3, spec);
    xdecref(spec);
    ERROR_IF(!r);
    decref(v);
    TOP() = r;
    DISPATCH();
  }

  // --- calls ------------------------------------------------------------------------------------
  TARGET(KW_NAMES) {
    kwnames = tuple_get(code->consts, oparg);
    DISPATCH();
  }
  TARGET(PRECALL) {
    bool is_meth = bool(PEEK(oparg + 2));
    if (!is_meth) {
      Value callable = PEEK(oparg + 1);
      if (is_method(callable)) {
        auto* m = static_cast<MethodObject*>(callable.as_object());
        incref(m->self);
        incref(m->function);
        PEEK(oparg + 1) = m->self;
        PEEK(oparg + 2) = m->function;
        decref(callable);
      }
    }
    SKIP_CACHES(PRECALL);
    DISPATCH();
  }
  TARGET(CALL) {
    bool is_meth = bool(PEEK(oparg + 2));
    int total = oparg + (is_meth ? 1 : 0);
    Value callable = PEEK(total + 1);
    MAYBE_SPECIALIZE(specialize_call(INSTR(), callable, total, kwnames));
    size_t nkw = kwnames ? tuple_size(kwnames) : 0;
    Value* args = sp - total;
    Value kw = kwnames;
    kwnames = Value();
    SKIP_CACHES(CALL);
    if (is_function(callable)) {
      // Python to Python: a new frame, same loop.
      f->lasti = int(next_instr - first_instr) - 1;
      sp -= oparg + 2;
      SAVE_SP();
      Frame* callee = push_function_frame(ts, callable, args, total - nkw, nkw ? kw : Value());
      for (int i = 0; i < total; ++i) decref(args[i]);
      decref(callable);
      if (!callee) goto error;
      f = callee;
      LOAD_REGISTERS();
      DISPATCH();
    }
    SAVE_SP();
    // Native calls count toward the recursion limit, with CPython's message.
    bool entered = enter_recursive_call(" while calling a Python object");
    Value r = entered ? call(callable, args, total - nkw, nkw ? kw : Value()) : Value();
    if (entered) leave_recursive_call();
    for (int i = 0; i < total; ++i) decref(args[i]);
    decref(callable);
    sp -= oparg + 2;
    if (!r) goto error;
    PUSH(r);
    DISPATCH();
  }
  TARGET(CALL_FUNCTION_EX) {
    Value kwargs = (oparg & 1) ? POP() : Value();
    Value callargs = POP();
    Value func = TOP();
    SAVE_SP();
    Value r = call_function_ex(func, callargs, kwargs);
    xdecref(kwargs);
    decref(callargs);
    decref(func);
    --sp;  // the NULL below the function
    if (!r) {
      TOP() = Value();
      goto error;
    }
    TOP() = r;
    DISPATCH();
  }
  TARGET(MAKE_FUNCTION) {
    Value code_obj = POP();
    SAVE_SP();
    Value func = function_new(code_obj, f->globals);
    decref(code_obj);
    ERROR_IF(!func);
    FunctionObject* fn = as_function(func);
    if (oparg & 8) fn->closure = POP();
    if (oparg & 4) {
      Value ann = POP();
      fn->annotations = annotations_from_tuple(ann);
      decref(ann);
    }
    if (oparg & 2) fn->kwdefaults = POP();
    if (oparg & 1) fn->defaults = POP();
    PUSH(func);
    DISPATCH();
  }
  TARGET(RETURN_VALUE) {
    Value r = POP();
    SAVE_SP();
    if (f->owner == FrameOwner::Generator) {
      generator_finished(f);
      ts.frame = f->previous;
      --ts.recursion_depth;
      return r;
    }
    if (f->is_entry) {
      pop_frame(ts, f);
      return r;
    }
    Frame* caller = f->previous;
    pop_frame(ts, f);
    f = caller;
    LOAD_REGISTERS();
    PUSH(r);
    DISPATCH();
  }

  // --- generators -------------------------------------------------------------------------------
  TARGET(RETURN_GENERATOR) {
    SAVE_SP();
    Frame* caller = f->previous;
    bool was_entry = f->is_entry;
    Value gen = make_generator(f);  // moves the frame into the generator; pops the thread frame
    if (!gen) goto error;
    if (was_entry) return gen;
    f = caller;
    ts.frame = f;
    LOAD_REGISTERS();
    PUSH(gen);
    DISPATCH();
  }
  TARGET(YIELD_VALUE) {
    Value r = POP();
    SAVE_SP();
    generator_suspended(f);
    ts.frame = f->previous;
    --ts.recursion_depth;
    return r;
  }
  TARGET(SEND) {
    Value v = POP();
    Value receiver = TOP();
    SAVE_SP();
    Value returned;
    Value r = send_to(receiver, v, &returned);
    decref(v);
    if (r) {
      PUSH(r);
      DISPATCH();
    }
    if (!returned) goto error;
    decref(receiver);
    TOP() = returned;
    JUMPBY(oparg);
    DISPATCH();
  }
  TARGET(GET_AWAITABLE) {
    Value v = TOP();
    SAVE_SP();
    Value it = get_awaitable(v, oparg);
    ERROR_IF(!it);
    decref(v);
    TOP() = it;
    DISPATCH();
  }
  TARGET(GET_AITER) {
    Value v = TOP();
    SAVE_SP();
    Value it = get_aiter(v);
    ERROR_IF(!it);
    decref(v);
    TOP() = it;
    DISPATCH();
  }
  TARGET(GET_ANEXT) {
    SAVE_SP();
    Value a = get_anext(TOP());
    ERROR_IF(!a);
    PUSH(a);
    DISPATCH();
  }
  TARGET(END_ASYNC_FOR) {
    Value e = POP();
    if (is_subtype(type_of(e), exc::StopAsyncIteration)) {
      decref(e);
      decref(POP());
      DISPATCH();
    }
    decref(POP());
    SAVE_SP();
    restore_exception(e);
    goto exception_unwind;
  }
  TARGET(BEFORE_ASYNC_WITH) {
    Value mgr = TOP();
    SAVE_SP();
    Value exit_fn;
    Value r = before_with(mgr, true, &exit_fn);
    ERROR_IF(!r);
    decref(mgr);
    TOP() = exit_fn;
    PUSH(r);
    DISPATCH();
  }
  TARGET(ASYNC_GEN_WRAP) {
    Value v = TOP();
    Value w = async_gen_wrap(v);
    ERROR_IF(!w);
    decref(v);
    TOP() = w;
    DISPATCH();
  }

  // --- exceptions -------------------------------------------------------------------------------
  TARGET(PUSH_EXC_INFO) {
    Value v = TOP();
    ExcStackItem* item = ts.exc_info;
    Value prev = item->exc_value ? item->exc_value : none();
    if (!item->exc_value) incref(prev);
    item->exc_value = v;
    incref(v);
    TOP() = prev;
    PUSH(v);
    DISPATCH();
  }
  TARGET(POP_EXCEPT) {
    Value v = POP();
    ExcStackItem* item = ts.exc_info;
    Value old = item->exc_value;
    item->exc_value = v;
    xdecref(old);
    DISPATCH();
  }
  TARGET(CHECK_EXC_MATCH) {
    Value right = TOP(), left = SECOND();
    SAVE_SP();
    int r = exception_matches(left, right);
    ERROR_IF(r < 0);
    decref(right);
    TOP() = bool_value(r);
    DISPATCH();
  }
  TARGET(CHECK_EG_MATCH) {
    Value match_type = POP(), eg = TOP();
    SAVE_SP();
    Value match, rest;
    int r = exception_group_match(eg, match_type, &match, &rest);
    decref(match_type);
    if (r < 0) {
      ++sp;
      goto error;
    }
    decref(eg);
    TOP() = rest;
    PUSH(match);
    DISPATCH();
  }
  TARGET(PREP_RERAISE_STAR) {
    Value excs = POP(), orig = TOP();
    SAVE_SP();
    Value r = prep_reraise_star(orig, excs);
    decref(excs);
    ERROR_IF(!r);
    decref(orig);
    TOP() = r;
    DISPATCH();
  }
  TARGET(RAISE_VARARGS) {
    Value cause = oparg >= 2 ? POP() : Value();
    Value e = oparg >= 1 ? POP() : Value();
    SAVE_SP();
    int r = do_raise(e, cause);
    xdecref(e);
    xdecref(cause);
    if (r == 1) goto exception_unwind;  // bare re-raise: no new traceback entry
    goto error;
  }
  TARGET(RERAISE) {
    if (oparg) {
      Value lasti = PEEK(oparg + 1);
      if (lasti.is_small_int()) f->lasti = int(lasti.as_small_int());
    }
    Value e = POP();
    SAVE_SP();
    restore_exception(e);
    goto exception_unwind;
  }
  TARGET(LOAD_ASSERTION_ERROR) {
    PUSH(Value::object(exc::AssertionError));
    DISPATCH();
  }
  TARGET(BEFORE_WITH) {
    Value mgr = TOP();
    SAVE_SP();
    Value exit_fn;
    Value r = before_with(mgr, false, &exit_fn);
    ERROR_IF(!r);
    decref(mgr);
    TOP() = exit_fn;
    PUSH(r);
    DISPATCH();
  }
  TARGET(WITH_EXCEPT_START) {
    Value val = TOP();
    Value exit_fn = PEEK(4);
    SAVE_SP();
    Value tb = exception_traceback(val);
    Value args[3] = {Value::object(type_of(val)), val, tb ? tb : none()};
    Value r = call(exit_fn, args, 3);
    ERROR_IF(!r);
    PUSH(r);
    DISPATCH();
  }

  // --- classes, modules, misc -------------------------------------------------------------------
  TARGET(LOAD_BUILD_CLASS) {
    SAVE_SP();
    Value bc = dict_get_item_str(f->builtins, "__build_class__");
    if (!bc) {
      raise(exc::NameError, "__build_class__ not found");
      goto error;
    }
    incref(bc);
    PUSH(bc);
    DISPATCH();
  }
  TARGET(SETUP_ANNOTATIONS) {
    SAVE_SP();
    ERROR_IF(setup_annotations(f) < 0);
    DISPATCH();
  }
  TARGET(IMPORT_NAME) {
    Value fromlist = POP(), level = TOP();
    SAVE_SP();
    Value m = import_name(f, tuple_get(code->names, oparg), fromlist, level);
    decref(fromlist);
    // On error `level` is still on the stack (the unwinding releases it); fromlist is gone.
    if (!m) goto error;
    decref(level);
    TOP() = m;
    DISPATCH();
  }
  TARGET(IMPORT_FROM) {
    SAVE_SP();
    Value v = import_from(TOP(), tuple_get(code->names, oparg));
    ERROR_IF(!v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(IMPORT_STAR) {
    Value m = TOP();
    SAVE_SP();
    ERROR_IF(import_star(f, m) < 0);
    --sp;
    decref(m);
    DISPATCH();
  }
  TARGET(PRINT_EXPR) {
    Value v = TOP();
    SAVE_SP();
    ERROR_IF(print_expr(v) < 0);
    --sp;
    decref(v);
    DISPATCH();
  }

  // --- match statements -------------------------------------------------------------------------
  TARGET(MATCH_MAPPING) {
    Value v = TOP();
    PUSH(bool_value(type_of(v)->flags & TypeFlag::MatchMapping));
    DISPATCH();
  }
  TARGET(MATCH_SEQUENCE) {
    Value v = TOP();
    PUSH(bool_value(type_of(v)->flags & TypeFlag::MatchSequence));
    DISPATCH();
  }
  TARGET(MATCH_KEYS) {
    SAVE_SP();
    Value r = match_keys(SECOND(), TOP());
    ERROR_IF(!r);
    PUSH(r);
    DISPATCH();
  }
  TARGET(MATCH_CLASS) {
    Value names = POP(), type = POP(), subject = TOP();
    SAVE_SP();
    Value attrs = match_class(subject, type, oparg, names);
    decref(names);
    decref(type);
    if (!attrs) {
      if (error_occurred()) goto error;
      attrs = none();
    }
    decref(subject);
    TOP() = attrs;
    DISPATCH();
  }


  // --- specialized forms (vm/specialize.h) ------------------------------------------------------
  TARGET(BINARY_OP_ADD_INT) TARGET(BINARY_OP_SUBTRACT_INT) TARGET(BINARY_OP_MULTIPLY_INT) {
    Value right = TOP(), left = SECOND();
    DEOPT_IF(!left.is_small_int() || !right.is_small_int(), BINARY_OP);
    int64_t a = left.as_small_int(), b = right.as_small_int(), x;
    if (opcode == bytecode::BINARY_OP_ADD_INT) x = a + b;  // 48-bit operands: no overflow
    else if (opcode == bytecode::BINARY_OP_SUBTRACT_INT) x = a - b;
    else if (__builtin_mul_overflow(a, b, &x)) {
      SAVE_SP();
      Value r = binary_op(left, right, BinaryOp(oparg));
      ERROR_IF(!r);
      --sp;
      TOP() = r;
      SKIP_CACHES(BINARY_OP);
      DISPATCH();
    }
    Value r = int_from_int64(x);
    ERROR_IF(!r);
    --sp;
    TOP() = r;
    SKIP_CACHES(BINARY_OP);
    DISPATCH();
  }
  TARGET(BINARY_OP_ADD_FLOAT) TARGET(BINARY_OP_SUBTRACT_FLOAT) TARGET(BINARY_OP_MULTIPLY_FLOAT) {
    Value right = TOP(), left = SECOND();
    DEOPT_IF(!left.is_float() || !right.is_float(), BINARY_OP);
    double a = left.as_float_in_arithmetic(), b = right.as_float_in_arithmetic();
    double x = opcode == bytecode::BINARY_OP_ADD_FLOAT ? a + b : opcode == bytecode::BINARY_OP_SUBTRACT_FLOAT ? a - b : a * b;
    --sp;
    TOP() = Value::floating(x);
    SKIP_CACHES(BINARY_OP);
    DISPATCH();
  }
  TARGET(BINARY_OP_ADD_UNICODE) {
    Value right = TOP(), left = SECOND();
    DEOPT_IF(!has_type(left, &str_type) || !has_type(right, &str_type), BINARY_OP);
    SAVE_SP();
    Value r = str_concat(left, right);
    ERROR_IF(!r);
    decref(left);
    decref(right);
    --sp;
    TOP() = r;
    SKIP_CACHES(BINARY_OP);
    DISPATCH();
  }
  TARGET(COMPARE_OP_INT_JUMP) TARGET(COMPARE_OP_FLOAT_JUMP) TARGET(COMPARE_OP_STR_JUMP) {
    Value right = TOP(), left = SECOND();
    bool result;
    if (opcode == bytecode::COMPARE_OP_INT_JUMP) {
      DEOPT_IF(!left.is_small_int() || !right.is_small_int(), COMPARE_OP);
      result = compare_numbers(left.as_small_int(), right.as_small_int(), CompareOp(oparg));
    } else if (opcode == bytecode::COMPARE_OP_FLOAT_JUMP) {
      DEOPT_IF(!left.is_float() || !right.is_float(), COMPARE_OP);
      result = compare_numbers(left.as_float_in_arithmetic(), right.as_float_in_arithmetic(), CompareOp(oparg));
    } else {
      DEOPT_IF(!has_type(left, &str_type) || !has_type(right, &str_type), COMPARE_OP);
      result = str_equal(left, right) == (CompareOp(oparg) == CompareOp::Eq);
      decref(left);
      decref(right);
    }
    sp -= 2;
    SKIP_CACHES(COMPARE_OP);
    // The POP_JUMP_IF_FALSE/TRUE that follows (checked when specialized), done here.
    word = *next_instr++;
    int jump = word & 0xff, distance = word >> 8;
    bool jump_if_true = jump == bytecode::POP_JUMP_FORWARD_IF_TRUE || jump == bytecode::POP_JUMP_BACKWARD_IF_TRUE;
    if (result == jump_if_true) {
      bool backward = jump == bytecode::POP_JUMP_BACKWARD_IF_FALSE || jump == bytecode::POP_JUMP_BACKWARD_IF_TRUE;
      JUMPBY(backward ? -distance : distance);
    }
    DISPATCH();
  }
  TARGET(BINARY_SUBSCR_LIST_INT) TARGET(BINARY_SUBSCR_TUPLE_INT) {
    Value sub = TOP(), container = SECOND();
    bool list = opcode == bytecode::BINARY_SUBSCR_LIST_INT;
    DEOPT_IF(!has_type(container, list ? &list_type : &tuple_type) || !sub.is_small_int(), BINARY_SUBSCR);
    int64_t i = sub.as_small_int();
    size_t n = list ? list_size(container) : tuple_size(container);
    DEOPT_IF(i < 0 || size_t(i) >= n, BINARY_SUBSCR);
    Value v = list ? list_get(container, size_t(i)) : tuple_get(container, size_t(i));
    incref(v);
    decref(container);
    --sp;
    TOP() = v;
    SKIP_CACHES(BINARY_SUBSCR);
    DISPATCH();
  }
  TARGET(BINARY_SUBSCR_DICT) {
    Value sub = TOP(), container = SECOND();
    DEOPT_IF(!has_type(container, &dict_type), BINARY_SUBSCR);
    SAVE_SP();
    Value v = dict_get_item(container, sub);
    if (v) incref(v);
    else if (!error_occurred()) v = get_item(container, sub);  // the KeyError, as the generic form raises it
    ERROR_IF(!v);
    decref(container);
    decref(sub);
    --sp;
    TOP() = v;
    SKIP_CACHES(BINARY_SUBSCR);
    DISPATCH();
  }
  TARGET(STORE_SUBSCR_LIST_INT) {
    Value sub = TOP(), container = SECOND(), v = THIRD();
    DEOPT_IF(!has_type(container, &list_type) || !sub.is_small_int(), STORE_SUBSCR);
    int64_t i = sub.as_small_int();
    DEOPT_IF(i < 0 || size_t(i) >= list_size(container), STORE_SUBSCR);
    Value* slot = list_items(container) + i;
    Value old = *slot;
    *slot = v;  // the stack's reference moves into the list
    sp -= 3;
    decref(container);
    decref(old);
    SKIP_CACHES(STORE_SUBSCR);
    DISPATCH();
  }
  TARGET(STORE_SUBSCR_DICT) {
    Value sub = TOP(), container = SECOND(), v = THIRD();
    DEOPT_IF(!has_type(container, &dict_type), STORE_SUBSCR);
    SAVE_SP();
    ERROR_IF(dict_set_item(container, sub, v) < 0);
    sp -= 3;
    decref(sub);
    decref(container);
    decref(v);
    SKIP_CACHES(STORE_SUBSCR);
    DISPATCH();
  }
  TARGET(UNPACK_SEQUENCE_TWO_TUPLE) TARGET(UNPACK_SEQUENCE_TUPLE) TARGET(UNPACK_SEQUENCE_LIST) {
    Value seq = TOP();
    bool list = opcode == bytecode::UNPACK_SEQUENCE_LIST;
    DEOPT_IF(!has_type(seq, list ? &list_type : &tuple_type), UNPACK_SEQUENCE);
    DEOPT_IF((list ? list_size(seq) : tuple_size(seq)) != size_t(oparg), UNPACK_SEQUENCE);
    const Value* items = list ? list_items(seq) : tuple_items(seq);
    --sp;
    for (int i = oparg; i-- > 0;) {
      incref(items[i]);
      PUSH(items[i]);
    }
    decref(seq);
    SKIP_CACHES(UNPACK_SEQUENCE);
    DISPATCH();
  }
  TARGET(LOAD_ATTR_MODULE) TARGET(LOAD_METHOD_MODULE) {
    Value owner = TOP();
    bool method = opcode == bytecode::LOAD_METHOD_MODULE;
    Value v;
    if (has_type(owner, &module_type))
      v = dict_value_at_hint(static_cast<ModuleObject*>(owner.as_object())->dict, CACHE()[cache::kIndex], NAME(oparg));
    if (method) DEOPT_IF(!v, LOAD_METHOD);
    else DEOPT_IF(!v, LOAD_ATTR);
    found = v;
    if (method) goto push_null_and_found;
    goto replace_owner_with_found;
  }
  TARGET(LOAD_ATTR_SLOT) {
    Value owner = TOP();
    DEOPT_IF(type_of(owner)->version_tag != read_u32(CACHE() + cache::kTypeVersion), LOAD_ATTR);
    // The version names one type, whose instances are objects with the slot this form reads.
    found = reinterpret_cast<Value*>(owner.as_object())[CACHE()[cache::kIndex]];
    DEOPT_IF(!found, LOAD_ATTR);
    goto replace_owner_with_found;
  }
  TARGET(LOAD_ATTR_WITH_HINT) {
    Value owner = TOP();
    TypeObject* type = type_of(owner);
    // Another class at the same site (a base class's method) is served too when its instances
    // keep the attribute in their dict as well.
    if (type->version_tag != read_u32(CACHE() + cache::kTypeVersion))
      DEOPT_IF(!instance_dict_attribute(type, NAME(oparg), false), LOAD_ATTR);
    Value dict = *instance_dict_slot(owner, type);
    found = dict ? dict_value_at_hint(dict, CACHE()[cache::kIndex], NAME(oparg)) : Value();
    DEOPT_IF(!found, LOAD_ATTR);
    goto replace_owner_with_found;
  }
  // The shared tails of the LOAD_ATTR / LOAD_METHOD forms (owner on top of the stack).
  replace_owner_with_found: {
    Value owner = TOP();
    incref(found);
    TOP() = found;
    decref(owner);
    SKIP_CACHES(LOAD_ATTR);
    DISPATCH();
  }
  push_null_and_found: {  // a module's function: called without self
    Value owner = TOP();
    incref(found);
    TOP() = Value();
    PUSH(found);
    decref(owner);
    SKIP_CACHES(LOAD_METHOD);
    DISPATCH();
  }
  push_found_and_owner: {  // a method found on the type: called with the owner as self
    incref(found);
    Value owner = TOP();
    TOP() = found;
    PUSH(owner);
    SKIP_CACHES(LOAD_METHOD);
    DISPATCH();
  }
  TARGET(LOAD_METHOD_CLASS) {
    Value owner = TOP();
    DEOPT_IF(!has_type(owner, &type_type) ||
                 static_cast<TypeObject*>(owner.as_object())->version_tag != read_u32(CACHE() + cache::kTypeVersion),
             LOAD_METHOD);
    found = Value::object(static_cast<Object*>(read_pointer(CACHE() + cache::kDescriptor)));
    goto push_null_and_found;
  }
  TARGET(LOAD_METHOD_NO_DICT) TARGET(LOAD_METHOD_WITH_DICT) {
    Value owner = TOP();
    TypeObject* type = type_of(owner);
    Value m;
    if (type->version_tag == read_u32(CACHE() + cache::kTypeVersion)) {
      m = Value::object(static_cast<Object*>(read_pointer(CACHE() + cache::kDescriptor)));
    } else {
      m = plain_method(type, NAME(oparg));  // another class at the same site
      DEOPT_IF(!m || type->dict_offset < 0, LOAD_METHOD);
    }
    if (type->dict_offset != 0) {
      // An instance attribute of the same name would win over the method.
      Value dict = *instance_dict_slot(owner, type);
      DEOPT_IF(dict && dict_size(dict) != 0 && dict_entry_index(dict, NAME(oparg)) >= 0, LOAD_METHOD);
    }
    found = m;
    goto push_found_and_owner;
  }
  TARGET(STORE_ATTR_SLOT) {
    Value owner = TOP(), v = SECOND();
    DEOPT_IF(type_of(owner)->version_tag != read_u32(CACHE() + cache::kTypeVersion), STORE_ATTR);
    Value* slot = reinterpret_cast<Value*>(owner.as_object()) + CACHE()[cache::kIndex];
    Value old = *slot;
    *slot = v;  // the stack's reference moves into the object
    sp -= 2;
    decref(owner);
    xdecref(old);
    SKIP_CACHES(STORE_ATTR);
    DISPATCH();
  }
  TARGET(STORE_ATTR_WITH_HINT) {
    Value owner = TOP(), v = SECOND();
    TypeObject* type = type_of(owner);
    if (type->version_tag != read_u32(CACHE() + cache::kTypeVersion))
      DEOPT_IF(!instance_dict_attribute(type, NAME(oparg), true), STORE_ATTR);
    Value dict = *instance_dict_slot(owner, type);
    Value old = dict ? dict_swap_at_hint(dict, CACHE()[cache::kIndex], NAME(oparg), v) : Value();
    DEOPT_IF(!old, STORE_ATTR);  // (the stack's reference to v moved into the dict otherwise)
    sp -= 2;
    decref(owner);
    decref(old);
    SKIP_CACHES(STORE_ATTR);
    DISPATCH();
  }
  TARGET(CALL_PY_EXACT_ARGS) TARGET(CALL_PY_WITH_DEFAULTS) {
    bool is_meth = bool(PEEK(oparg + 2));
    int total = oparg + (is_meth ? 1 : 0);
    Value callable = PEEK(total + 1);
    DEOPT_IF(kwnames || !has_type(callable, &function_type), CALL);
    FunctionObject* fn = as_function(callable);
    CodeObject* callee_code = as_code(fn->code);
    int argcount = callee_code->argcount;
    Value defaults = fn->defaults;
    size_t ndefaults = defaults ? tuple_size(defaults) : 0;
    DEOPT_IF(callee_code->kwonlyargcount != 0 ||
                 (callee_code->flags & (bytecode::CodeFlag::VarArgs | bytecode::CodeFlag::VarKeywords)) ||
                 total > argcount || total + int(ndefaults) < argcount,
             CALL);
    SKIP_CACHES(CALL);
    f->lasti = int(next_instr - first_instr) - 1;
    Value* args = sp - total;
    sp -= oparg + 2;
    SAVE_SP();
    Frame* callee = push_frame(ts, callee_code, callable, fn->globals, fn->builtins, Value());
    if (!callee) {
      for (int i = 0; i < total; ++i) decref(args[i]);
      decref(callable);
      goto error;
    }
    std::memcpy(static_cast<void*>(callee->localsplus), args, sizeof(Value) * size_t(total));  // references move
    for (int i = total; i < argcount; ++i) {
      Value d = tuple_get(defaults, ndefaults - size_t(argcount - i));
      incref(d);
      callee->localsplus[i] = d;
    }
    decref(callable);
    f = callee;
    LOAD_REGISTERS();
    DISPATCH();
  }

  L_trace: {
    trace_instruction(f, INSTR(), oparg, base, sp);
    goto* traced_targets[opcode];
  }
  L_unknown: {
    SAVE_SP();
    raise_format(exc::SystemError, "unknown opcode %d", opcode);
    goto error;
  }

error:
  // A new exception in this frame: record where it happened.
  SAVE_SP();
  traceback_add(f);

exception_unwind : {
  // The handler is looked up at the current instruction, not at f->lasti, which RERAISE may have
  // set back to the original raising instruction (for tracebacks and the pushed lasti).
  const ExceptionEntry* handler = code_find_handler(code, int(next_instr - first_instr) - 1);
  if (handler) {
    Value* target = base + handler->depth;
    while (sp > target) xdecref(POP());
    if (handler->lasti) PUSH(Value::small_int(f->lasti));
    Ref e = fetch_exception();
    PUSH(e.release());
    next_instr = first_instr + handler->target;
    kwnames = Value();
    DISPATCH();
  }
  // No handler: leave the frame.
  while (sp > base) xdecref(POP());
  SAVE_SP();
  if (f->owner == FrameOwner::Generator) {
    generator_finished(f);
    ts.frame = f->previous;
    --ts.recursion_depth;
    return Value();
  }
  if (f->is_entry) {
    pop_frame(ts, f);
    return Value();
  }
  Frame* caller = f->previous;
  pop_frame(ts, f);
  f = caller;
  LOAD_REGISTERS();
  goto error;
}
}

Value eval_code(Value code, Value globals, Value locals) {
  ThreadState& ts = thread_state();
  Value builtins = dict_get_item_str(globals, "__builtins__");
  if (builtins && is_module(builtins)) builtins = module_dict(builtins);
  if (!builtins || !is_dict(builtins)) builtins = modules::builtins_dict();
  Frame* frame = push_frame(ts, as_code(code), Value(), globals, builtins, locals);
  if (!frame) return Value();
  return eval_frame(ts, frame);
}

}  // namespace krait::vm
