// The specializer's decisions: which execution form fits the operands an instruction met, and what
// its cache must remember (specialize.h). The forms themselves run in eval.cpp.
#include "vm/specialize.h"

#include "bytecode/opcodes.h"
#include "runtime/abstract.h"
#include "runtime/descriptors.h"
#include "runtime/dict.h"
#include "runtime/float.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/code.h"
#include "vm/function.h"

namespace krait::vm {

using namespace runtime;

namespace {

int rewrite(uint16_t* instr, int opcode) {
  *instr = uint16_t((*instr & 0xff00) | opcode);
  return opcode;
}

// A module's dict entry for `name` (exact module, exact str name, index fits a cache unit).
int64_t module_hint(Value owner, Value name) {
  if (!owner.is_object() || owner.as_object()->type != &module_type) return -1;
  Value dict = static_cast<ModuleObject*>(owner.as_object())->dict;
  if (!dict || !is_dict_exact(dict)) return -1;
  int64_t ix = dict_entry_index(dict, name);
  return ix <= 0xFFFF ? ix : -1;
}

// The type's version tag when its instances look attributes up the generic way (no __getattr__,
// __getattribute__ or __setattr__ of its own); 0 otherwise.
uint32_t generic_type_version(TypeObject* type, bool for_store) {
  if (for_store ? type->setattro != &object_generic_setattr : type->getattro != &object_generic_getattr) return 0;
  return type->version_tag;
}

// A __slots__ member (an object field at a fixed positive offset) found on the type.
bool is_slot_member(Value descr) {
  if (!descr || type_of(descr) != &member_descriptor_type) return false;
  const MemberDef* def = static_cast<MemberDescriptorObject*>(descr.as_object())->def;
  return def->kind == MemberKind::Object && !def->readonly && def->offset > 0 && def->offset % 8 == 0 &&
         def->offset / 8 <= 0xFFFF;
}

// The instance dict's entry for `name` when the type keeps dicts at a fixed positive offset.
int64_t instance_hint(Value owner, TypeObject* type, Value name) {
  if (type->dict_offset <= 0) return -1;
  Value dict = *object_dict_address(owner);
  if (!dict) return -1;
  int64_t ix = dict_entry_index(dict, name);
  return ix <= 0xFFFF ? ix : -1;
}

// Attribute forms shared by LOAD_ATTR and STORE_ATTR: a slot member or an instance dict entry, on
// a type whose attribute (if any) is not a data descriptor that would take precedence.
int specialize_attr(uint16_t* instr, Value owner, Value name, bool store, int slot_op, int hint_op) {
  if (!is_str_exact(name)) return 0;
  TypeObject* type = type_of(owner);
  uint32_t version = generic_type_version(type, store);
  if (version == 0) return 0;
  uint16_t* cache = instr + 1;
  Value descr = type_lookup(type, name);
  if (is_slot_member(descr)) {
    write_u32(cache + cache::kTypeVersion, version);
    cache[cache::kIndex] = uint16_t(static_cast<MemberDescriptorObject*>(descr.as_object())->def->offset / 8);
    return rewrite(instr, slot_op);
  }
  if (descr && type_of(descr)->descr_set) return 0;  // a property or another data descriptor
  int64_t ix = instance_hint(owner, type, name);
  if (ix < 0) return 0;
  write_u32(cache + cache::kTypeVersion, version);
  cache[cache::kIndex] = uint16_t(ix);
  return rewrite(instr, hint_op);
}

// `Class.function(...)` on a class whose metaclass is type: the class's attribute is a plain
// function (a class gives it unbound) and type has no attribute of that name to take precedence.
int specialize_load_method_class(uint16_t* instr, Value owner, Value name) {
  auto* cls = static_cast<TypeObject*>(owner.as_object());
  if (cls->version_tag == 0 || type_lookup(&type_type, name)) return 0;
  Value descr = type_lookup(cls, name);
  if (!descr || type_of(descr) != &function_type) return 0;
  uint16_t* cache = instr + 1;
  write_u32(cache + cache::kTypeVersion, cls->version_tag);
  write_pointer(cache + cache::kDescriptor, descr.as_object());  // the class keeps it while its version holds
  return rewrite(instr, bytecode::LOAD_METHOD_CLASS);
}

}  // namespace

bool instance_dict_attribute(TypeObject* type, Value name, bool store) {
  if (generic_type_version(type, store) == 0 || type->dict_offset <= 0) return false;
  Value descr = type_lookup(type, name);
  return !descr || !type_of(descr)->descr_set;
}

Value plain_method(TypeObject* type, Value name) {
  if (generic_type_version(type, false) == 0) return Value();
  Value descr = type_lookup(type, name);
  if (!descr) return Value();
  TypeObject* dt = type_of(descr);
  return dt == &function_type || dt == &method_descriptor_type ? descr : Value();
}

int specialize_load_attr(uint16_t* instr, Value owner, Value name) {
  int64_t ix = module_hint(owner, name);
  if (ix >= 0) {
    instr[1 + cache::kIndex] = uint16_t(ix);
    return rewrite(instr, bytecode::LOAD_ATTR_MODULE);
  }
  return specialize_attr(instr, owner, name, false, bytecode::LOAD_ATTR_SLOT, bytecode::LOAD_ATTR_WITH_HINT);
}

int specialize_store_attr(uint16_t* instr, Value owner, Value name) {
  return specialize_attr(instr, owner, name, true, bytecode::STORE_ATTR_SLOT, bytecode::STORE_ATTR_WITH_HINT);
}

int specialize_load_method(uint16_t* instr, Value owner, Value name) {
  uint16_t* cache = instr + 1;
  int64_t ix = module_hint(owner, name);
  if (ix >= 0) {
    cache[cache::kIndex] = uint16_t(ix);
    return rewrite(instr, bytecode::LOAD_METHOD_MODULE);
  }
  if (!is_str_exact(name)) return 0;
  TypeObject* type = type_of(owner);
  if (type == &type_type) return specialize_load_method_class(instr, owner, name);
  uint32_t version = generic_type_version(type, false);
  if (version == 0) return 0;
  // Only what LOAD_METHOD binds without a bound-method object (get_method's rule).
  Value descr = plain_method(type, name);
  if (!descr) return 0;
  int form;
  if (type->dict_offset == 0) {
    form = bytecode::LOAD_METHOD_NO_DICT;
  } else if (type->dict_offset > 0) {
    Value dict = *object_dict_address(owner);
    if (dict && (!is_dict_exact(dict) || dict_entry_index(dict, name) >= 0)) return 0;  // shadowed
    form = bytecode::LOAD_METHOD_WITH_DICT;
  } else {
    return 0;
  }
  write_u32(cache + cache::kTypeVersion, version);
  write_pointer(cache + cache::kDescriptor, descr.as_object());  // the type keeps it while its version holds
  return rewrite(instr, form);
}

int specialize_binary_op(uint16_t* instr, Value left, Value right) {
  int oparg = *instr >> 8;
  bool ints = left.is_small_int() && right.is_small_int();
  bool floats = left.is_float() && right.is_float();
  switch (BinaryOp(oparg)) {
    case BinaryOp::Add:
    case BinaryOp::InplaceAdd:
      if (ints) return rewrite(instr, bytecode::BINARY_OP_ADD_INT);
      if (floats) return rewrite(instr, bytecode::BINARY_OP_ADD_FLOAT);
      if (is_str_exact(left) && is_str_exact(right)) return rewrite(instr, bytecode::BINARY_OP_ADD_UNICODE);
      return 0;
    case BinaryOp::Subtract:
    case BinaryOp::InplaceSubtract:
      if (ints) return rewrite(instr, bytecode::BINARY_OP_SUBTRACT_INT);
      if (floats) return rewrite(instr, bytecode::BINARY_OP_SUBTRACT_FLOAT);
      return 0;
    case BinaryOp::Multiply:
    case BinaryOp::InplaceMultiply:
      if (ints) return rewrite(instr, bytecode::BINARY_OP_MULTIPLY_INT);
      if (floats) return rewrite(instr, bytecode::BINARY_OP_MULTIPLY_FLOAT);
      return 0;
    default:
      return 0;
  }
}

// COMPARE_OP followed directly by a POP_JUMP_IF_FALSE/TRUE (no EXTENDED_ARG): the forms compare
// and jump in one step.
int specialize_compare_op(uint16_t* instr, Value left, Value right) {
  int next = instr[1 + bytecode::op_info(bytecode::COMPARE_OP).cache] & 0xff;
  if (next != bytecode::POP_JUMP_FORWARD_IF_FALSE && next != bytecode::POP_JUMP_FORWARD_IF_TRUE &&
      next != bytecode::POP_JUMP_BACKWARD_IF_FALSE && next != bytecode::POP_JUMP_BACKWARD_IF_TRUE)
    return 0;
  CompareOp op = CompareOp(*instr >> 8);
  if (left.is_small_int() && right.is_small_int()) return rewrite(instr, bytecode::COMPARE_OP_INT_JUMP);
  if (left.is_float() && right.is_float()) return rewrite(instr, bytecode::COMPARE_OP_FLOAT_JUMP);
  if (is_str_exact(left) && is_str_exact(right) && (op == CompareOp::Eq || op == CompareOp::Ne))
    return rewrite(instr, bytecode::COMPARE_OP_STR_JUMP);
  return 0;
}

int specialize_binary_subscr(uint16_t* instr, Value container, Value sub) {
  if (is_dict_exact(container)) return rewrite(instr, bytecode::BINARY_SUBSCR_DICT);
  if (!sub.is_small_int() || sub.as_small_int() < 0) return 0;
  if (is_list_exact(container)) return rewrite(instr, bytecode::BINARY_SUBSCR_LIST_INT);
  if (is_tuple_exact(container)) return rewrite(instr, bytecode::BINARY_SUBSCR_TUPLE_INT);
  return 0;
}

int specialize_store_subscr(uint16_t* instr, Value container, Value sub) {
  if (is_dict_exact(container)) return rewrite(instr, bytecode::STORE_SUBSCR_DICT);
  if (is_list_exact(container) && sub.is_small_int() && sub.as_small_int() >= 0)
    return rewrite(instr, bytecode::STORE_SUBSCR_LIST_INT);
  return 0;
}

int specialize_unpack_sequence(uint16_t* instr, Value seq) {
  size_t n = size_t(*instr >> 8);
  if (is_tuple_exact(seq) && tuple_size(seq) == n)
    return rewrite(instr, n == 2 ? bytecode::UNPACK_SEQUENCE_TWO_TUPLE : bytecode::UNPACK_SEQUENCE_TUPLE);
  if (is_list_exact(seq) && list_size(seq) == n) return rewrite(instr, bytecode::UNPACK_SEQUENCE_LIST);
  return 0;
}

int specialize_call(uint16_t* instr, Value callable, int nargs, Value kwnames) {
  if (kwnames || !is_function(callable)) return 0;
  FunctionObject* f = as_function(callable);
  CodeObject* code = as_code(f->code);
  if (code->kwonlyargcount != 0 || (code->flags & (bytecode::CodeFlag::VarArgs | bytecode::CodeFlag::VarKeywords)))
    return 0;
  if (nargs == code->argcount) return rewrite(instr, bytecode::CALL_PY_EXACT_ARGS);
  size_t ndefaults = f->defaults ? tuple_size(f->defaults) : 0;
  if (nargs < code->argcount && nargs + int(ndefaults) >= code->argcount)
    return rewrite(instr, bytecode::CALL_PY_WITH_DEFAULTS);
  return 0;
}

}  // namespace krait::vm
