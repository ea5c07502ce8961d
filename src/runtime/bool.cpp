// bool: a subclass of int with exactly two instances, True and False (immortal IntObjects).
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/int_internal.h"
#include "runtime/number_util.h"
#include "runtime/str.h"

namespace krait::runtime {

TypeObject bool_type;
IntObject true_object, false_object;

namespace {

// Immortal: a count far from zero, so stray decrefs never free them.
void init_bool_object(IntObject& object, unsigned long value) {
  object.refcount = 1u << 30;
  object.flags = ObjectFlag::Immortal;
  object.type = &bool_type;
  mpz_init_set_ui(object.value, value);
}

Value bool_repr(Value self) {
  return str_intern(self.is(Value::object(&true_object)) ? "True" : "False");
}

// & | ^ of two bools is a bool; anything else is int's operation.
Value bool_and(Value a, Value b) {
  if (is_bool(a) && is_bool(b)) return new_ref(bool_value(a.is(true_value()) && b.is(true_value())));
  return int_and(a, b);
}
Value bool_or(Value a, Value b) {
  if (is_bool(a) && is_bool(b)) return new_ref(bool_value(a.is(true_value()) || b.is(true_value())));
  return int_or(a, b);
}
Value bool_xor(Value a, Value b) {
  if (is_bool(a) && is_bool(b)) return new_ref(bool_value(a.is(true_value()) != b.is(true_value())));
  return int_xor(a, b);
}

Value bool_new(TypeObject*, const Value* args, size_t nargs, Value kwnames) {
  if (!no_keywords("bool", kwnames)) return Value();
  if (nargs > 1) return raise_format(exc::TypeError, "bool expected at most 1 argument, got %zu", nargs);
  if (nargs == 0) return new_ref(false_value());
  int t = is_true(args[0]);
  if (t < 0) return Value();
  return new_ref(bool_value(t));
}

}  // namespace


void init_bool_type() {
  init_bool_object(true_object, 1);
  init_bool_object(false_object, 0);
  TypeObject& t = bool_type;
  // Not BaseType: bool cannot be subclassed.
  init_number_static_type(t, "bool", &int_type, sizeof(IntObject), TypeFlag::IntSubclass);
  t.repr = bool_repr;
  t.new_ = bool_new;
  t.number.and_ = bool_and;
  t.number.or_ = bool_or;
  t.number.xor_ = bool_xor;
  type_ready(&t);
}

}  // namespace krait::runtime
