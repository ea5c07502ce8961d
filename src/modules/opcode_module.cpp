// _opcode: stack_effect() over the one instruction table (src/bytecode/opcodes.def), with
// CPython 3.11's argument rules and messages, and get_specialization_stats() (None: krait, like
// a CPython built without Py_STATS, keeps no specialization statistics).
//
// CPython 3.11 numbers its compiler pseudo-instructions -1 (SETUP_FINALLY) to -10
// (POP_JUMP_IF_NOT_NONE); krait numbers the same ten 256 to 265, in the same order.
#include <optional>

#include "bytecode/opcodes.h"
#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::modules {

using namespace runtime;

namespace {

constexpr int kCPythonPseudoCount = 10;  // -1 .. -10

// Argument Clinic's int conversion (_PyLong_AsInt) or PyLong_AsLong; false + error.
bool integer_argument(Value v, int64_t min, int64_t max, const char* c_type, int64_t* out) {
  Ref index = Ref::steal(number_index(v));
  if (!index) return false;
  if (!int_to_int64(index.get(), out) || *out < min || *out > max) {
    raise_format(exc::OverflowError, "Python int too large to convert to C %s", c_type);
    return false;
  }
  return true;
}

// The stack effect of CPython's instruction number `opcode`, or nullopt if CPython has none.
std::optional<int> effect_of(int opcode, int oparg, bool jump) {
  int op = opcode;
  if (opcode < 0) {
    if (opcode < -kCPythonPseudoCount) return std::nullopt;
    op = bytecode::kFirstPseudo - 1 - opcode;
  } else if (opcode >= bytecode::kFirstPseudo) {
    return std::nullopt;
  } else if (bytecode::op_info(op).base != op) {
    return std::nullopt;  // a krait execution form: not an instruction of co_code
  }
  return bytecode::stack_effect(op, oparg, jump);
}

// stack_effect(opcode, oparg=None, /, *, jump=None)
Value opcode_stack_effect(Value, const Value* args, size_t nargs, Value kwnames) {
  if (nargs < 1)
    return raise_format(exc::TypeError, "stack_effect() takes at least 1 positional argument (%zu given)", nargs);
  if (nargs > 2)
    return raise_format(exc::TypeError, "stack_effect() takes at most 2 positional arguments (%zu given)", nargs);
  Value jump = none();
  size_t nkw = kwnames ? tuple_size(kwnames) : 0;
  for (size_t k = 0; k < nkw; ++k) {
    Value key = tuple_get(kwnames, k);
    if (!str_equal_ascii(key, "jump"))
      return raise_format(exc::TypeError, "'%s' is an invalid keyword argument for stack_effect()", str_cstr(key));
    jump = args[nargs + k];
  }
  int64_t opcode;
  if (!integer_argument(args[0], INT32_MIN, INT32_MAX, "int", &opcode)) return Value();
  Value oparg = nargs > 1 ? args[1] : none();
  int oparg_int = 0;
  if (bytecode::has_arg(int(opcode))) {
    if (oparg == none())
      return raise(exc::ValueError, "stack_effect: opcode requires oparg but oparg was not specified");
    int64_t value;
    if (!integer_argument(oparg, INT64_MIN, INT64_MAX, "long", &value)) return Value();
    oparg_int = int(uint32_t(uint64_t(value)));  // CPython truncates the C long to int
  } else if (oparg != none()) {
    return raise(exc::ValueError, "stack_effect: opcode does not permit oparg but oparg was specified");
  }
  if (jump != none() && jump != true_value() && jump != false_value())
    return raise(exc::ValueError, "stack_effect: jump must be False, True or None");
  std::optional<int> effect;
  if (jump == none()) {
    std::optional<int> taken = effect_of(int(opcode), oparg_int, true);
    std::optional<int> not_taken = effect_of(int(opcode), oparg_int, false);
    if (taken && not_taken) effect = *taken > *not_taken ? *taken : *not_taken;
  } else {
    effect = effect_of(int(opcode), oparg_int, jump == true_value());
  }
  if (!effect) return raise(exc::ValueError, "invalid opcode or oparg");
  return int_from_int64(*effect);
}

Value opcode_get_specialization_stats(Value) { return new_ref(none()); }

const MethodDef opcode_functions[] = {
    {"stack_effect", reinterpret_cast<void*>(&opcode_stack_effect), MethodKind::FastKeywords, false, false,
     "Compute the stack effect of the opcode."},
    {"get_specialization_stats", reinterpret_cast<void*>(&opcode_get_specialization_stats), MethodKind::NoArgs,
     false, false, "Return the specialization stats"},
    {nullptr, nullptr, MethodKind::NoArgs},
};

}  // namespace

Value create_opcode_module() {
  Ref module = Ref::steal(module_new("_opcode"));
  if (!module) return Value();
  if (module_add_functions(module.get(), opcode_functions) < 0) return Value();
  Ref doc = Ref::steal(str_from_ascii("Opcode support module."));
  if (!doc || module_add(module.get(), "__doc__", doc.get()) < 0) return Value();
  return module.release();
}

}  // namespace krait::modules
