// Special methods and type slots, both ways:
// - a built-in type's native slot is visible from Python as a slot wrapper (int.__add__);
// - a class statement's dunder method fills the slot with a generic function that calls it
//   (class A: def __add__ ... makes A's number.add call A.__add__).
// The table `slotdefs` ties names, slots, wrappers and generic functions together.
#include <unordered_map>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/core_internal.h"
#include "runtime/dict.h"
#include "runtime/int.h"
#include "runtime/memory.h"
#include "runtime/builtin_function.h"
#include "runtime/unraisable.h"

namespace krait::runtime {

namespace {

// --- calling a dunder looked up on the type ----------------------------------------------------

// Looks `name` up on type(self) and calls it with self first. Sets *found = false (no error) when
// the type has no such attribute.
Value call_dunder(Value self, Value name, const Value* args, size_t nargs, Value kwnames, bool* found) {
  TypeObject* type = type_of(self);
  Value descr = type_lookup(type, name);
  if (descr.is_null()) {
    if (found) *found = false;
    return Value();
  }
  if (found) *found = true;
  TypeObject* dtype = type_of(descr);
  size_t total = nargs + kw_count(kwnames);
  if (dtype == &function_type || dtype == &method_descriptor_type) {
    // Unbound call with self prepended: no bound method object.
    Value small[8];
    std::vector<Value> big;
    Value* buf = small;
    if (total + 1 > 8) {
      big.resize(total + 1);
      buf = big.data();
    }
    buf[0] = self;
    for (size_t i = 0; i < total; ++i) buf[i + 1] = args[i];
    return call(descr, buf, nargs + 1, kwnames);
  }
  Ref bound;
  if (dtype->descr_get) {
    bound = Ref::steal(dtype->descr_get(descr, self, Value::object(type)));
    if (!bound) return Value();
  } else {
    bound = Ref::borrow(descr);
  }
  return call(bound.get(), args, nargs, kwnames);
}

Value call_dunder0(Value self, Value name, bool* found = nullptr) {
  return call_dunder(self, name, nullptr, 0, Value(), found);
}
Value call_dunder1(Value self, Value name, Value arg, bool* found = nullptr) {
  return call_dunder(self, name, &arg, 1, Value(), found);
}
Value call_dunder2(Value self, Value name, Value a, Value b, bool* found = nullptr) {
  Value args[2] = {a, b};
  return call_dunder(self, name, args, 2, Value(), found);
}

Value missing_method(Value self, Value name) {
  return raise_format(exc::AttributeError, "'%s' object has no attribute '%s'", value_type_name(self),
                      str_cstr(name));
}

// --- generic slot functions (heap types) --------------------------------------------------------

Value slot_repr(Value self) {
  bool found;
  Value r = call_dunder0(self, KRAIT_NAME("__repr__"), &found);
  if (!found) return missing_method(self, KRAIT_NAME("__repr__"));
  return r;
}
Value slot_str(Value self) {
  bool found;
  Value r = call_dunder0(self, KRAIT_NAME("__str__"), &found);
  if (!found) return missing_method(self, KRAIT_NAME("__str__"));
  return r;
}

int64_t slot_hash(Value self) {
  bool found;
  Ref r = Ref::steal(call_dunder0(self, KRAIT_NAME("__hash__"), &found));
  if (!found) {
    raise_format(exc::TypeError, "unhashable type: '%s'", value_type_name(self));
    return -1;
  }
  if (!r) return -1;
  if (!is_int(r.get())) {
    raise(exc::TypeError, "__hash__ method should return an integer");
    return -1;
  }
  // A big int is reduced as int's own hash does; -1 becomes -2.
  int64_t h;
  if (!int_to_int64(r.get(), &h)) h = int_hash(r.get());
  return h == -1 ? -2 : h;
}

Value compare_name(CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return KRAIT_NAME("__lt__");
    case CompareOp::Le: return KRAIT_NAME("__le__");
    case CompareOp::Eq: return KRAIT_NAME("__eq__");
    case CompareOp::Ne: return KRAIT_NAME("__ne__");
    case CompareOp::Gt: return KRAIT_NAME("__gt__");
    default: return KRAIT_NAME("__ge__");
  }
}

Value slot_richcompare(Value self, Value other, CompareOp op) {
  bool found;
  Value r = call_dunder1(self, compare_name(op), other, &found);
  if (!found) return incref(not_implemented()), not_implemented();
  return r;
}

Value slot_getattribute(Value self, Value name) {
  bool found;
  Value r = call_dunder1(self, KRAIT_NAME("__getattribute__"), name, &found);
  if (!found) return object_generic_getattr(self, name);
  return r;
}

// __getattribute__ (or the generic lookup when it is object's), then __getattr__ on AttributeError.
Value slot_getattr_hook(Value self, Value name) {
  TypeObject* type = type_of(self);
  Value getattr = type_lookup(type, KRAIT_NAME("__getattr__"));
  if (getattr.is_null()) return slot_getattribute(self, name);
  Value getattribute = type_lookup(type, KRAIT_NAME("__getattribute__"));
  Value r;
  if (getattribute.is_null() ||
      (type_of(getattribute) == &wrapper_descriptor_type &&
       static_cast<WrapperDescriptorObject*>(getattribute.as_object())->function ==
           reinterpret_cast<void*>(&object_generic_getattr)))
    r = object_generic_getattr(self, name);
  else
    r = call_dunder1(self, KRAIT_NAME("__getattribute__"), name);
  if (r.is_null() && error_matches(exc::AttributeError)) {
    clear_error();
    r = call_dunder1(self, KRAIT_NAME("__getattr__"), name);
  }
  return r;
}

int slot_setattro(Value self, Value name, Value value) {
  Ref r = value.is_null() ? Ref::steal(call_dunder1(self, KRAIT_NAME("__delattr__"), name))
                          : Ref::steal(call_dunder2(self, KRAIT_NAME("__setattr__"), name, value));
  return r ? 0 : -1;
}

Value slot_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  bool found;
  Value r = call_dunder(self, KRAIT_NAME("__call__"), args, nargs, kwnames, &found);
  if (!found) return raise_format(exc::TypeError, "'%s' object is not callable", value_type_name(self));
  return r;
}

Value slot_iter(Value self) {
  Value func = type_lookup(type_of(self), KRAIT_NAME("__iter__"));
  if (func.is_null() || func.is(none()))
    return raise_format(exc::TypeError, "'%s' object is not iterable", value_type_name(self));
  return call_dunder0(self, KRAIT_NAME("__iter__"));
}

// The iternext contract: null without an error at the end, so StopIteration is swallowed.
Value slot_iternext(Value self) {
  Value r = call_dunder0(self, KRAIT_NAME("__next__"));
  if (r.is_null() && error_matches(exc::StopIteration)) clear_error();
  return r;
}

Value slot_descr_get(Value self, Value instance, Value owner) {
  Value args[2] = {instance.is_null() ? none() : instance, owner.is_null() ? none() : owner};
  return call_dunder(self, KRAIT_NAME("__get__"), args, 2, Value(), nullptr);
}

int slot_descr_set(Value self, Value instance, Value value) {
  Ref r = value.is_null() ? Ref::steal(call_dunder1(self, KRAIT_NAME("__delete__"), instance))
                          : Ref::steal(call_dunder2(self, KRAIT_NAME("__set__"), instance, value));
  return r ? 0 : -1;
}

int slot_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Ref r = Ref::steal(call_dunder(self, KRAIT_NAME("__init__"), args, nargs, kwnames, nullptr));
  if (!r) return -1;
  if (!r.get().is(none())) {
    raise_format(exc::TypeError, "__init__() should return None, not '%s'", value_type_name(r.get()));
    return -1;
  }
  return 0;
}

// __new__ is a static method: called with the class first.
Value slot_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  Ref func = Ref::steal(get_attr(Value::object(type), KRAIT_NAME("__new__")));
  if (!func) return Value();
  size_t total = nargs + kw_count(kwnames);
  std::vector<Value> buf(total + 1);
  buf[0] = Value::object(type);
  for (size_t i = 0; i < total; ++i) buf[i + 1] = args[i];
  return call(func.get(), buf.data(), nargs + 1, kwnames);
}

void slot_finalize(Object* self) {
  // Exceptions raised by __del__ are reported as "Exception ignored in: <function C.__del__ ...>".
  Ref saved = fetch_exception();
  Value r = call_dunder0(Value::object(self), KRAIT_NAME("__del__"));
  if (r.is_null()) {
    Ref function = Ref::borrow(type_lookup(self->type, KRAIT_NAME("__del__")));
    write_unraisable(function.get());
  }
  decref(r);
  if (saved) set_exception(saved.get());
}

int slot_bool(Value self) {
  bool found;
  Ref r = Ref::steal(call_dunder0(self, KRAIT_NAME("__bool__"), &found));
  if (!found) {
    // Only __len__ is left (slots are re-derived when both are missing).
    Ref n = Ref::steal(call_dunder0(self, KRAIT_NAME("__len__"), &found));
    if (!found) return 1;
    if (!n) return -1;
    int64_t len = as_ssize(n.get());
    if (len == -1 && error_occurred()) return -1;
    return len != 0;
  }
  if (!r) return -1;
  if (!is_bool(r.get())) {
    raise_format(exc::TypeError, "__bool__ should return bool, returned %s", value_type_name(r.get()));
    return -1;
  }
  return r.get().is(true_value());
}

int64_t slot_length(Value self) {
  Ref r = Ref::steal(call_dunder0(self, KRAIT_NAME("__len__")));
  if (!r) return -1;
  if (!is_int(r.get())) {
    raise_format(exc::TypeError, "'%s' object cannot be interpreted as an integer", value_type_name(r.get()));
    return -1;
  }
  if (int_sign(r.get()) < 0) {
    raise(exc::ValueError, "__len__() should return >= 0");
    return -1;
  }
  int64_t n;
  if (!int_to_int64(r.get(), &n)) {
    raise(exc::OverflowError, "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  return n;
}

Value slot_subscript(Value self, Value key) { return call_dunder1(self, KRAIT_NAME("__getitem__"), key); }
Value slot_sq_item(Value self, int64_t index) {
  Ref key = Ref::steal(int_from_int64(index));
  return call_dunder1(self, KRAIT_NAME("__getitem__"), key.get());
}
int slot_ass_subscript(Value self, Value key, Value value) {
  Ref r = value.is_null() ? Ref::steal(call_dunder1(self, KRAIT_NAME("__delitem__"), key))
                          : Ref::steal(call_dunder2(self, KRAIT_NAME("__setitem__"), key, value));
  return r ? 0 : -1;
}

int slot_contains(Value self, Value item) {
  Value func = type_lookup(type_of(self), KRAIT_NAME("__contains__"));
  if (func.is(none())) {
    raise_format(exc::TypeError, "'%s' object is not a container", value_type_name(self));
    return -1;
  }
  bool found;
  Ref r = Ref::steal(call_dunder1(self, KRAIT_NAME("__contains__"), item, &found));
  if (!found) {
    // The iteration fallback of `in`.
    Ref it = Ref::steal(get_iter(self));
    if (!it) return -1;
    for (;;) {
      Ref x = Ref::steal(iter_next(it.get()));
      if (!x) return error_occurred() ? -1 : 0;
      int eq = rich_compare_bool(x.get(), item, CompareOp::Eq);
      if (eq != 0) return eq;
    }
  }
  if (!r) return -1;
  return is_true(r.get());
}

// Unary number slots.
template <int I>
Value slot_unary(Value self);
constexpr const char* kUnaryNames[] = {"__neg__", "__pos__", "__abs__", "__invert__",
                                       "__int__", "__float__", "__index__"};
template <int I>
Value slot_unary(Value self) {
  static Value name = str_intern(kUnaryNames[I]);
  return call_dunder0(self, name);
}

// Binary number slots: CPython's order between the left operand's __op__ and the right
// operand's __rop__ (the right one first when its type is a proper subclass that overrides it).
struct BinaryNames {
  const char* name;
  const char* rname;
  const char* iname;
  BinaryFunc NumberSlots::*field;
  BinaryFunc NumberSlots::*ifield;
};
constexpr BinaryNames kBinary[] = {
    {"__add__", "__radd__", "__iadd__", &NumberSlots::add, &NumberSlots::inplace_add},
    {"__sub__", "__rsub__", "__isub__", &NumberSlots::subtract, &NumberSlots::inplace_subtract},
    {"__mul__", "__rmul__", "__imul__", &NumberSlots::multiply, &NumberSlots::inplace_multiply},
    {"__mod__", "__rmod__", "__imod__", &NumberSlots::remainder, &NumberSlots::inplace_remainder},
    {"__divmod__", "__rdivmod__", nullptr, &NumberSlots::divmod, nullptr},
    {"__lshift__", "__rlshift__", "__ilshift__", &NumberSlots::lshift, &NumberSlots::inplace_lshift},
    {"__rshift__", "__rrshift__", "__irshift__", &NumberSlots::rshift, &NumberSlots::inplace_rshift},
    {"__and__", "__rand__", "__iand__", &NumberSlots::and_, &NumberSlots::inplace_and},
    {"__xor__", "__rxor__", "__ixor__", &NumberSlots::xor_, &NumberSlots::inplace_xor},
    {"__or__", "__ror__", "__ior__", &NumberSlots::or_, &NumberSlots::inplace_or},
    {"__floordiv__", "__rfloordiv__", "__ifloordiv__", &NumberSlots::floor_divide,
     &NumberSlots::inplace_floor_divide},
    {"__truediv__", "__rtruediv__", "__itruediv__", &NumberSlots::true_divide,
     &NumberSlots::inplace_true_divide},
    {"__matmul__", "__rmatmul__", "__imatmul__", &NumberSlots::matrix_multiply,
     &NumberSlots::inplace_matrix_multiply},
};
constexpr int kBinaryCount = sizeof(kBinary) / sizeof(kBinary[0]);

bool method_overloaded(TypeObject* left, TypeObject* right, Value name) {
  Value b = type_lookup(right, name);
  if (b.is_null()) return false;
  Value a = type_lookup(left, name);
  return a.is_null() || !a.is(b);
}

// Shared body of the binary generic slots (and of power with a null third argument).
Value binary_dunder(Value self, Value other, Value name, Value rname, void* this_slot,
                    void* (*slot_of)(TypeObject*), const Value* third) {
  TypeObject* tl = type_of(self);
  TypeObject* tr = type_of(other);
  bool do_other = tl != tr && slot_of(tr) == this_slot;
  auto call_it = [&](Value s, Value n, Value o, bool* found) -> Value {
    if (third) return call_dunder2(s, n, o, *third, found);
    return call_dunder1(s, n, o, found);
  };
  if (slot_of(tl) == this_slot) {
    if (do_other && is_subtype(tr, tl) && method_overloaded(tl, tr, rname)) {
      bool found;
      Value r = call_it(other, rname, self, &found);
      if (found) {
        if (r.is_null() || !r.is(not_implemented())) return r;
        decref(r);
      }
      do_other = false;
    }
    bool found;
    Value r = call_it(self, name, other, &found);
    if (found) {
      if (r.is_null() || !r.is(not_implemented()) || tl == tr) return r;
      decref(r);
    }
  }
  if (do_other) {
    bool found;
    Value r = call_it(other, rname, self, &found);
    if (found) return r;
  }
  incref(not_implemented());
  return not_implemented();
}

template <int I>
void* binary_slot_of(TypeObject* t) { return reinterpret_cast<void*>(t->number.*(kBinary[I].field)); }

template <int I>
Value slot_binary(Value self, Value other) {
  static Value name = str_intern(kBinary[I].name);
  static Value rname = str_intern(kBinary[I].rname);
  return binary_dunder(self, other, name, rname, reinterpret_cast<void*>(&slot_binary<I>),
                       &binary_slot_of<I>, nullptr);
}

template <int I>
Value slot_inplace(Value self, Value other) {
  static Value name = str_intern(kBinary[I].iname);
  bool found;
  Value r = call_dunder1(self, name, other, &found);
  if (!found) return incref(not_implemented()), not_implemented();
  return r;
}

void* power_slot_of(TypeObject* t) { return reinterpret_cast<void*>(t->number.power); }
Value slot_power(Value self, Value other, Value modulus) {
  if (modulus.is_null() || modulus.is(none())) {
    return binary_dunder(self, other, KRAIT_NAME("__pow__"), KRAIT_NAME("__rpow__"),
                         reinterpret_cast<void*>(&slot_power), &power_slot_of, nullptr);
  }
  // Three-argument pow() calls only the left operand's __pow__, as CPython.
  if (type_of(self)->number.power == &slot_power) {
    bool found;
    Value r = call_dunder2(self, KRAIT_NAME("__pow__"), other, modulus, &found);
    if (found) return r;
  }
  incref(not_implemented());
  return not_implemented();
}
Value slot_inplace_power(Value self, Value other, Value modulus) {
  bool found;
  Value r = call_dunder1(self, KRAIT_NAME("__ipow__"), other, &found);
  if (!found) return incref(not_implemented()), not_implemented();
  return r;
}

// --- slot wrappers: calling a native slot from Python ------------------------------------------

bool check_args(size_t nargs, size_t expected) {
  if (nargs == expected) return true;
  raise_format(exc::TypeError, "expected %zu argument%s, got %zu", expected, expected == 1 ? "" : "s", nargs);
  return false;
}

Value wrap_unary(Value self, const Value*, size_t nargs, Value, void* f, const SlotDef*) {
  if (!check_args(nargs, 0)) return Value();
  return reinterpret_cast<UnaryFunc>(f)(self);
}
Value wrap_binary(Value self, const Value* args, size_t nargs, Value, void* f, const SlotDef*) {
  if (!check_args(nargs, 1)) return Value();
  return reinterpret_cast<BinaryFunc>(f)(self, args[0]);
}
Value wrap_binary_r(Value self, const Value* args, size_t nargs, Value, void* f, const SlotDef*) {
  if (!check_args(nargs, 1)) return Value();
  return reinterpret_cast<BinaryFunc>(f)(args[0], self);
}
bool check_ternary(size_t nargs) {
  if (nargs < 1) {
    raise(exc::TypeError, " expected at least 1 argument, got 0");
    return false;
  }
  if (nargs > 2) {
    raise_format(exc::TypeError, " expected at most 2 arguments, got %zu", nargs);
    return false;
  }
  return true;
}
Value wrap_ternary(Value self, const Value* args, size_t nargs, Value, void* f, const SlotDef*) {
  if (!check_ternary(nargs)) return Value();
  return reinterpret_cast<TernaryFunc>(f)(self, args[0], nargs == 2 ? args[1] : none());
}
Value wrap_ternary_r(Value self, const Value* args, size_t nargs, Value, void* f, const SlotDef*) {
  if (!check_ternary(nargs)) return Value();
  return reinterpret_cast<TernaryFunc>(f)(args[0], self, nargs == 2 ? args[1] : none());
}
Value wrap_inquiry(Value self, const Value*, size_t nargs, Value, void* f, const SlotDef*) {
  if (!check_args(nargs, 0)) return Value();
  int r = reinterpret_cast<InquiryFunc>(f)(self);
  if (r < 0) return Value();
  return incref(bool_value(r)), bool_value(r);
}
Value wrap_len(Value self, const Value*, size_t nargs, Value, void* f, const SlotDef*) {
  if (!check_args(nargs, 0)) return Value();
  int64_t n = reinterpret_cast<LenFunc>(f)(self);
  if (n < 0) return Value();
  return int_from_int64(n);
}
Value wrap_hash(Value self, const Value*, size_t nargs, Value, void* f, const SlotDef*) {
  if (!check_args(nargs, 0)) return Value();
  int64_t h = reinterpret_cast<HashFunc>(f)(self);
  if (h == -1 && error_occurred()) return Value();
  return int_from_int64(h);
}
Value wrap_richcompare(Value self, const Value* args, size_t nargs, Value, void* f, const SlotDef* def) {
  if (!check_args(nargs, 1)) return Value();
  return reinterpret_cast<RichCompareFunc>(f)(self, args[0], static_cast<CompareOp>(def->extra));
}
Value wrap_getattr(Value self, const Value* args, size_t nargs, Value, void* f, const SlotDef*) {
  if (!check_args(nargs, 1)) return Value();
  if (!is_str(args[0]))
    return raise_format(exc::TypeError, "attribute name must be string, not '%s'", value_type_name(args[0]));
  return reinterpret_cast<GetAttrFunc>(f)(self, args[0]);
}
Value none_or_null(int r) {
  if (r < 0) return Value();
  incref(none());
  return none();
}
Value wrap_setattr(Value self, const Value* args, size_t nargs, Value, void* f, const SlotDef*) {
  if (!check_args(nargs, 2)) return Value();
  if (!is_str(args[0]))
    return raise_format(exc::TypeError, "attribute name must be string, not '%s'", value_type_name(args[0]));
  return none_or_null(reinterpret_cast<SetAttrFunc>(f)(self, args[0], args[1]));
}
Value wrap_delattr(Value self, const Value* args, size_t nargs, Value, void* f, const SlotDef*) {
  if (!check_args(nargs, 1)) return Value();
  if (!is_str(args[0]))
    return raise_format(exc::TypeError, "attribute name must be string, not '%s'", value_type_name(args[0]));
  return none_or_null(reinterpret_cast<SetAttrFunc>(f)(self, args[0], Value()));
}
Value wrap_setitem(Value self, const Value* args, size_t nargs, Value, void* f, const SlotDef*) {
  if (!check_args(nargs, 2)) return Value();
  return none_or_null(reinterpret_cast<SetItemFunc>(f)(self, args[0], args[1]));
}
Value wrap_delitem(Value self, const Value* args, size_t nargs, Value, void* f, const SlotDef*) {
  if (!check_args(nargs, 1)) return Value();
  return none_or_null(reinterpret_cast<SetItemFunc>(f)(self, args[0], Value()));
}
Value wrap_sq_item(Value self, const Value* args, size_t nargs, Value, void* f, const SlotDef*) {
  if (!check_args(nargs, 1)) return Value();
  int64_t i = as_ssize(args[0]);
  if (i == -1 && error_occurred()) return Value();
  if (i < 0) {
    LenFunc len = type_of(self)->sequence.length;
    if (len) {
      int64_t n = len(self);
      if (n < 0) return Value();
      i += n;
    }
  }
  return reinterpret_cast<Value (*)(Value, int64_t)>(f)(self, i);
}
Value wrap_repeat(Value self, const Value* args, size_t nargs, Value, void* f, const SlotDef*) {
  if (!check_args(nargs, 1)) return Value();
  int64_t n = as_ssize(args[0]);
  if (n == -1 && error_occurred()) return Value();
  return reinterpret_cast<Value (*)(Value, int64_t)>(f)(self, n);
}
Value wrap_contains(Value self, const Value* args, size_t nargs, Value, void* f, const SlotDef*) {
  if (!check_args(nargs, 1)) return Value();
  int r = reinterpret_cast<int (*)(Value, Value)>(f)(self, args[0]);
  if (r < 0) return Value();
  return incref(bool_value(r)), bool_value(r);
}
Value wrap_call(Value self, const Value* args, size_t nargs, Value kwnames, void* f, const SlotDef*) {
  return reinterpret_cast<CallFunc>(f)(self, args, nargs, kwnames);
}
Value wrap_init(Value self, const Value* args, size_t nargs, Value kwnames, void* f, const SlotDef*) {
  return none_or_null(reinterpret_cast<InitFunc>(f)(self, args, nargs, kwnames));
}
Value wrap_next(Value self, const Value*, size_t nargs, Value, void* f, const SlotDef*) {
  if (!check_args(nargs, 0)) return Value();
  Value r = reinterpret_cast<UnaryFunc>(f)(self);
  if (r.is_null() && !error_occurred()) set_exception(Value::object(exc::StopIteration));
  return r;
}
Value wrap_descr_get(Value self, const Value* args, size_t nargs, Value, void* f, const SlotDef*) {
  if (!check_ternary(nargs)) return Value();
  Value instance = args[0].is(none()) ? Value() : args[0];
  Value owner = nargs == 2 && !args[1].is(none()) ? args[1] : Value();
  if (instance.is_null() && owner.is_null()) return raise(exc::TypeError, "__get__(None, None) is invalid");
  return reinterpret_cast<DescrGetFunc>(f)(self, instance, owner);
}
Value wrap_descr_set(Value self, const Value* args, size_t nargs, Value, void* f, const SlotDef*) {
  if (!check_args(nargs, 2)) return Value();
  return none_or_null(reinterpret_cast<DescrSetFunc>(f)(self, args[0], args[1]));
}
Value wrap_descr_delete(Value self, const Value* args, size_t nargs, Value, void* f, const SlotDef*) {
  if (!check_args(nargs, 1)) return Value();
  return none_or_null(reinterpret_cast<DescrSetFunc>(f)(self, args[0], Value()));
}
Value wrap_del(Value self, const Value*, size_t nargs, Value, void* f, const SlotDef*) {
  if (!check_args(nargs, 0)) return Value();
  reinterpret_cast<DeallocFunc>(f)(self.as_object());
  if (error_occurred()) return Value();
  incref(none());
  return none();
}

// --- the table ---------------------------------------------------------------------------------

#define FIELD(expr) [](TypeObject* t) -> void** { return reinterpret_cast<void**>(&t->expr); }
#define G(f) reinterpret_cast<void*>(f)

#define BINARY(I, field)                                                              \
  SlotDef{kBinary[I].name, FIELD(number.field), G(&slot_binary<I>), wrap_binary, nullptr}, \
  SlotDef{kBinary[I].rname, FIELD(number.field), G(&slot_binary<I>), wrap_binary_r, nullptr, false, 1}
#define INPLACE(I, field) \
  SlotDef{kBinary[I].iname, FIELD(number.field), G(&slot_inplace<I>), wrap_binary, nullptr}

const SlotDef slotdefs[] = {
    {"__getattribute__", FIELD(getattro), G(&slot_getattr_hook), wrap_getattr, nullptr},
    {"__getattr__", FIELD(getattro), G(&slot_getattr_hook), nullptr, nullptr},
    {"__setattr__", FIELD(setattro), G(&slot_setattro), wrap_setattr, nullptr},
    {"__delattr__", FIELD(setattro), G(&slot_setattro), wrap_delattr, nullptr},
    {"__repr__", FIELD(repr), G(&slot_repr), wrap_unary, nullptr},
    {"__hash__", FIELD(hash), G(&slot_hash), wrap_hash, nullptr},
    {"__call__", FIELD(call), G(&slot_call), wrap_call, nullptr, true},
    {"__str__", FIELD(str), G(&slot_str), wrap_unary, nullptr},
    {"__lt__", FIELD(richcompare), G(&slot_richcompare), wrap_richcompare, nullptr, false, int(CompareOp::Lt)},
    {"__le__", FIELD(richcompare), G(&slot_richcompare), wrap_richcompare, nullptr, false, int(CompareOp::Le)},
    {"__eq__", FIELD(richcompare), G(&slot_richcompare), wrap_richcompare, nullptr, false, int(CompareOp::Eq)},
    {"__ne__", FIELD(richcompare), G(&slot_richcompare), wrap_richcompare, nullptr, false, int(CompareOp::Ne)},
    {"__gt__", FIELD(richcompare), G(&slot_richcompare), wrap_richcompare, nullptr, false, int(CompareOp::Gt)},
    {"__ge__", FIELD(richcompare), G(&slot_richcompare), wrap_richcompare, nullptr, false, int(CompareOp::Ge)},
    {"__iter__", FIELD(iter), G(&slot_iter), wrap_unary, nullptr},
    {"__next__", FIELD(iternext), G(&slot_iternext), wrap_next, nullptr},
    {"__get__", FIELD(descr_get), G(&slot_descr_get), wrap_descr_get, nullptr},
    {"__set__", FIELD(descr_set), G(&slot_descr_set), wrap_descr_set, nullptr},
    {"__delete__", FIELD(descr_set), G(&slot_descr_set), wrap_descr_delete, nullptr},
    {"__init__", FIELD(init), G(&slot_init), wrap_init, nullptr, true},
    {"__new__", FIELD(new_), G(&slot_new), nullptr, nullptr, true},
    {"__del__", FIELD(finalize), G(&slot_finalize), wrap_del, nullptr},

    BINARY(0, add), BINARY(1, subtract), BINARY(2, multiply), BINARY(3, remainder),
    BINARY(4, divmod),
    {"__pow__", FIELD(number.power), G(&slot_power), wrap_ternary, nullptr},
    {"__rpow__", FIELD(number.power), G(&slot_power), wrap_ternary_r, nullptr, false, 1},
    {"__neg__", FIELD(number.negative), G(&slot_unary<0>), wrap_unary, nullptr},
    {"__pos__", FIELD(number.positive), G(&slot_unary<1>), wrap_unary, nullptr},
    {"__abs__", FIELD(number.absolute), G(&slot_unary<2>), wrap_unary, nullptr},
    {"__bool__", FIELD(number.bool_), G(&slot_bool), wrap_inquiry, nullptr},
    {"__invert__", FIELD(number.invert), G(&slot_unary<3>), wrap_unary, nullptr},
    BINARY(5, lshift), BINARY(6, rshift), BINARY(7, and_), BINARY(8, xor_), BINARY(9, or_),
    {"__int__", FIELD(number.int_), G(&slot_unary<4>), wrap_unary, nullptr},
    {"__float__", FIELD(number.float_), G(&slot_unary<5>), wrap_unary, nullptr},
    INPLACE(0, inplace_add), INPLACE(1, inplace_subtract), INPLACE(2, inplace_multiply),
    INPLACE(3, inplace_remainder),
    {"__ipow__", FIELD(number.inplace_power), G(&slot_inplace_power), wrap_binary, nullptr},
    INPLACE(5, inplace_lshift), INPLACE(6, inplace_rshift), INPLACE(7, inplace_and),
    INPLACE(8, inplace_xor), INPLACE(9, inplace_or),
    BINARY(10, floor_divide), BINARY(11, true_divide),
    INPLACE(10, inplace_floor_divide), INPLACE(11, inplace_true_divide),
    {"__index__", FIELD(number.index), G(&slot_unary<6>), wrap_unary, nullptr},
    BINARY(12, matrix_multiply), INPLACE(12, inplace_matrix_multiply),

    // Mapping before sequence, so __getitem__/__len__ wrap the mapping slot when a type has both.
    {"__len__", FIELD(mapping.length), G(&slot_length), wrap_len, nullptr},
    {"__getitem__", FIELD(mapping.subscript), G(&slot_subscript), wrap_binary, nullptr},
    {"__setitem__", FIELD(mapping.ass_subscript), G(&slot_ass_subscript), wrap_setitem, nullptr},
    {"__delitem__", FIELD(mapping.ass_subscript), G(&slot_ass_subscript), wrap_delitem, nullptr},
    {"__len__", FIELD(sequence.length), G(&slot_length), wrap_len, nullptr},
    {"__add__", FIELD(sequence.concat), nullptr, wrap_binary, nullptr},
    {"__mul__", FIELD(sequence.repeat), nullptr, wrap_repeat, nullptr},
    {"__rmul__", FIELD(sequence.repeat), nullptr, wrap_repeat, nullptr},
    {"__getitem__", FIELD(sequence.item), G(&slot_sq_item), wrap_sq_item, nullptr},
    {"__contains__", FIELD(sequence.contains), G(&slot_contains), wrap_contains, nullptr},
};
constexpr size_t kSlotCount = sizeof(slotdefs) / sizeof(slotdefs[0]);

bool is_dunder(Value name) {
  if (!is_str(name)) return false;
  std::string_view s = str_utf8(name);
  return s.size() > 4 && s.substr(0, 2) == "__" && s.substr(s.size() - 2) == "__";
}

Value slot_name(const SlotDef& d) {
  static Value names[kSlotCount];
  size_t i = &d - slotdefs;
  if (names[i].is_null()) names[i] = str_intern(d.name);
  return names[i];
}

// True when two slotdefs share the same slot (compares the field's position in a probe type).
bool same_field(const SlotDef& a, const SlotDef& b) {
  static TypeObject probe;
  return a.field(&probe) == b.field(&probe);
}

// The table entries that fill the same slot as slotdefs[i] (several dunders share one, e.g.
// __add__/__radd__), in table order; computed once, since every class creation asks for each
// slot (comparing all pairs per class was a quarter of the time of importing small modules).
const std::vector<uint8_t>& same_slot_entries(size_t i) {
  static const std::vector<std::vector<uint8_t>> table = [] {
    static_assert(kSlotCount <= 256);
    std::vector<std::vector<uint8_t>> t(kSlotCount);
    for (size_t a = 0; a < kSlotCount; ++a)
      for (size_t b = 0; b < kSlotCount; ++b)
        if (same_field(slotdefs[a], slotdefs[b])) t[a].push_back(static_cast<uint8_t>(b));
    return t;
  }();
  return table[i];
}

// Heap types: the value of one slot, from the dunders found along the MRO (CPython's
// update_one_slot): a native slot when every name resolves to the same native wrapper (or to
// a native base's slot), the generic function when any is Python code, null when none exists.
void update_one_slot(TypeObject* type, const SlotDef& first) {
  void* specific = nullptr;
  bool use_generic = false;
  bool any = false;
  void* generic = first.generic;
  for (size_t i : same_slot_entries(size_t(&first - slotdefs))) {
    const SlotDef& d = slotdefs[i];
    Value descr = type_lookup(type, slot_name(d));
    if (descr.is_null()) continue;
    any = true;
    TypeObject* dtype = type_of(descr);
    void* candidate = nullptr;
    if (dtype == &wrapper_descriptor_type) {
      auto* w = static_cast<WrapperDescriptorObject*>(descr.as_object());
      if (is_subtype(type, w->owner)) candidate = *d.field(w->owner);
    } else if (descr.is(none()) && std::string_view(d.name) == "__hash__") {
      candidate = reinterpret_cast<void*>(&hash_not_implemented);
    } else if (std::string_view(d.name) == "__new__" && dtype == &builtin_function_type) {
      // T.__new__ of a built-in type T: T's native constructor.
      auto* f = static_cast<BuiltinFunctionObject*>(descr.as_object());
      if (f->def == &tp_new_methoddef && f->self.is_object())
        candidate = reinterpret_cast<void*>(static_cast<TypeObject*>(f->self.as_object())->new_);
    }
    if (candidate == nullptr) {
      use_generic = true;
    } else if (specific == nullptr || specific == candidate) {
      specific = candidate;
    } else {
      use_generic = true;
    }
  }
  void** field = first.field(type);
  if (!any) *field = nullptr;
  else if (use_generic && generic) *field = generic;
  else *field = specific;
}

}  // namespace

const SlotDef* find_slotdef(Value name) {
  for (size_t i = 0; i < kSlotCount; ++i)
    if (str_equal(slot_name(slotdefs[i]), name)) return &slotdefs[i];
  return nullptr;
}

int add_slot_wrappers(TypeObject* type) {
  for (size_t i = 0; i < kSlotCount; ++i) {
    const SlotDef& d = slotdefs[i];
    void* f = *d.field(type);
    if (f == nullptr || d.wrapper == nullptr) continue;
    Value name = slot_name(d);
    int has = dict_contains(type->dict, name);
    if (has < 0) return -1;
    if (has) continue;
    if (f == reinterpret_cast<void*>(&hash_not_implemented)) {
      if (dict_set_item(type->dict, name, none()) < 0) return -1;
      continue;
    }
    Ref w = Ref::steal(wrapper_descriptor_new(type, &d, f));
    if (!w || dict_set_item(type->dict, name, w.get()) < 0) return -1;
  }
  return 0;
}

namespace {

// True when type's MRO is (type,) + base's MRO: then a lookup of a name absent from type's own
// dict finds what it finds from the base.
bool extends_base_mro(TypeObject* type) {
  TypeObject* base = type->base;
  if (!base || type->mro.is_null() || base->mro.is_null()) return false;
  size_t n = tuple_size(base->mro);
  if (tuple_size(type->mro) != n + 1 || !tuple_get(type->mro, 0).is(Value::object(type))) return false;
  for (size_t i = 0; i < n; ++i)
    if (!tuple_get(type->mro, i + 1).is(tuple_get(base->mro, i))) return false;
  return true;
}

// The first table entries of the slots each interned dunder name fills (one name may fill
// several slots: __add__ is number.add and sequence.concat).
const std::unordered_map<uintptr_t, std::vector<uint8_t>>& slots_by_name() {
  static const std::unordered_map<uintptr_t, std::vector<uint8_t>> table = [] {
    std::unordered_map<uintptr_t, std::vector<uint8_t>> t;
    for (size_t i = 0; i < kSlotCount; ++i)
      t[slot_name(slotdefs[i]).bits()].push_back(same_slot_entries(i).front());
    return t;
  }();
  return table;
}

// The slots (by their first table entry) that a dunder in type's own dict names.
std::vector<bool> slots_named_in_dict(TypeObject* type) {
  std::vector<bool> named(kSlotCount, false);
  const auto& by_name = slots_by_name();
  size_t pos = 0;
  Value key;
  while (dict_next(type->dict, &pos, &key, nullptr)) {
    if (!is_str(key)) continue;
    // The slot names are interned: an interned key is found by identity, another by value.
    if (!str_is_interned(key)) {
      if (!is_dunder(key)) continue;
      for (size_t i = 0; i < kSlotCount; ++i)
        if (str_equal(slot_name(slotdefs[i]), key)) named[same_slot_entries(i).front()] = true;
      continue;
    }
    auto it = by_name.find(key.bits());
    if (it == by_name.end()) continue;
    for (uint8_t first : it->second) named[first] = true;
  }
  return named;
}

// What update_one_slot computes for a direct subclass of the built-in type `base` that names
// none of the slot's dunders: fixed, since built-in types never change. Computed once per base.
void* inherited_from_builtin(TypeObject* type, size_t first) {
  struct Inherited {
    std::vector<void*> value = std::vector<void*>(kSlotCount, nullptr);
    std::vector<bool> known = std::vector<bool>(kSlotCount, false);
  };
  static std::unordered_map<const TypeObject*, Inherited> cache;
  Inherited& entry = cache[type->base];
  if (!entry.known[first]) {
    void** field = slotdefs[first].field(type);
    void* saved = *field;
    update_one_slot(type, slotdefs[first]);
    entry.value[first] = *field;
    entry.known[first] = true;
    *field = saved;
  }
  return entry.value[first];
}

}  // namespace

void fixup_heap_slots(TypeObject* type) {
  // Usually (one base, the ordinary MRO) only the slots whose dunders the class itself defines
  // need the MRO walk of update_one_slot; every other slot is the base's (a class's slots are
  // kept current as its attributes change, see update_slots_for_name). Walking all ~90 slots
  // along the MRO was most of the time of creating a class, hence of importing a module.
  bool from_base = extends_base_mro(type);
  std::vector<bool> named = from_base ? slots_named_in_dict(type) : std::vector<bool>();
  static const std::vector<bool> is_first = [] {
    std::vector<bool> v(kSlotCount);
    for (size_t i = 0; i < kSlotCount; ++i) v[i] = same_slot_entries(i).front() == i;
    return v;
  }();
  for (size_t i = 0; i < kSlotCount; ++i) {
    if (!is_first[i]) continue;  // each slot once: at its first table entry
    if (!from_base || named[i]) {
      update_one_slot(type, slotdefs[i]);
    } else if (type->base->flags & TypeFlag::HeapType) {
      *slotdefs[i].field(type) = *slotdefs[i].field(type->base);
    } else {
      *slotdefs[i].field(type) = inherited_from_builtin(type, i);
    }
  }
}

void update_slots_for_name(TypeObject* type, Value name) {
  if (!is_dunder(name)) return;
  bool matched = false;
  for (size_t i = 0; i < kSlotCount; ++i) {
    if (!str_equal(slot_name(slotdefs[i]), name)) continue;
    matched = true;
    // The first entry of this slot decides the generic function.
    size_t first = same_slot_entries(i).front();
    if (type->flags & TypeFlag::HeapType) update_one_slot(type, slotdefs[first]);
  }
  if (!matched || type->subclasses.is_null()) return;
  size_t pos = 0;
  Value key;
  while (dict_next(type->subclasses, &pos, &key, nullptr)) {
    auto* sub = reinterpret_cast<TypeObject*>(static_cast<uintptr_t>(key.as_small_int()));
    update_slots_for_name(sub, name);
  }
}

}  // namespace krait::runtime
