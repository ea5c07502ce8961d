// Generic operations on any value (abstract.h), dispatched through type slots in CPython's
// order, with its error messages; the sequence iterator (iter() over __getitem__) and the
// callable iterator (iter(callable, sentinel)).
#include <vector>

#include "runtime/generic_alias.h"
#include "runtime/abstract.h"
#include "runtime/builtin_function.h"
#include "runtime/core_internal.h"
#include "runtime/dict.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/memory.h"
#include "runtime/tuple.h"
#include "vm/eval.h"

namespace krait::runtime {

TypeObject seq_iterator_type, callable_iterator_type;

namespace {

Value new_ref(Value v) {
  incref(v);
  return v;
}
TypeObject* as_type(Value v) { return static_cast<TypeObject*>(v.as_object()); }
bool is_type(Value v) { return v.is_object() && is_subtype(v.as_object()->type, &type_type); }

// --- binary operators ----------------------------------------------------------------------------

struct BinaryInfo {
  BinaryFunc NumberSlots::*field;    // null for power (ternary)
  const char* symbol;
};
const BinaryInfo kOps[] = {
    {&NumberSlots::add, "+"},          {&NumberSlots::and_, "&"},
    {&NumberSlots::floor_divide, "//"}, {&NumberSlots::lshift, "<<"},
    {&NumberSlots::matrix_multiply, "@"}, {&NumberSlots::multiply, "*"},
    {&NumberSlots::remainder, "%"},    {&NumberSlots::or_, "|"},
    {nullptr, "** or pow()"},          {&NumberSlots::rshift, ">>"},
    {&NumberSlots::subtract, "-"},     {&NumberSlots::true_divide, "/"},
    {&NumberSlots::xor_, "^"},
};
BinaryFunc NumberSlots::*const kInplace[] = {
    &NumberSlots::inplace_add, &NumberSlots::inplace_and, &NumberSlots::inplace_floor_divide,
    &NumberSlots::inplace_lshift, &NumberSlots::inplace_matrix_multiply, &NumberSlots::inplace_multiply,
    &NumberSlots::inplace_remainder, &NumberSlots::inplace_or, nullptr, &NumberSlots::inplace_rshift,
    &NumberSlots::inplace_subtract, &NumberSlots::inplace_true_divide, &NumberSlots::inplace_xor,
};

// CPython's binary_op1: the left operand's slot, the right's (first if its type is a subclass),
// NotImplemented when neither answers.
Value binary_op1(Value v, Value w, BinaryFunc NumberSlots::*field) {
  TypeObject* tv = type_of(v);
  TypeObject* tw = type_of(w);
  BinaryFunc slotv = tv->number.*field;
  BinaryFunc slotw = tw != tv ? tw->number.*field : nullptr;
  if (slotw == slotv) slotw = nullptr;
  if (slotv) {
    if (slotw && is_subtype(tw, tv)) {
      Value x = slotw(v, w);
      if (!x.is(not_implemented())) return x;
      slotw = nullptr;
    }
    Value x = slotv(v, w);
    if (!x.is(not_implemented())) return x;
  }
  if (slotw) return slotw(v, w);
  return not_implemented();  // immortal: no reference needed
}

Value ternary_power(Value v, Value w, Value z, bool inplace) {
  TypeObject* tv = type_of(v);
  TypeObject* tw = type_of(w);
  if (inplace && tv->number.inplace_power) {
    Value x = tv->number.inplace_power(v, w, z);
    if (!x.is(not_implemented())) return x;
  }
  TernaryFunc slotv = tv->number.power;
  TernaryFunc slotw = tw != tv ? tw->number.power : nullptr;
  if (slotw == slotv) slotw = nullptr;
  if (slotv) {
    if (slotw && is_subtype(tw, tv)) {
      Value x = slotw(v, w, z);
      if (!x.is(not_implemented())) return x;
      slotw = nullptr;
    }
    Value x = slotv(v, w, z);
    if (!x.is(not_implemented())) return x;
  }
  if (slotw) {
    Value x = slotw(v, w, z);
    if (!x.is(not_implemented())) return x;
  }
  if (!z.is(none())) {
    TernaryFunc slotz = type_of(z)->number.power;
    if (slotz && slotz != slotv && slotz != slotw) {
      Value x = slotz(v, w, z);
      if (!x.is(not_implemented())) return x;
    }
    return raise_format(exc::TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                        tv->name.c_str(), tw->name.c_str(), value_type_name(z));
  }
  return raise_format(exc::TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                      inplace ? "**=" : "** or pow()", tv->name.c_str(), tw->name.c_str());
}

Value sequence_repeat(Value seq, Value n) {
  auto repeat = type_of(seq)->sequence.repeat;
  if (!is_int(n) && !type_of(n)->number.index)
    return raise_format(exc::TypeError, "can't multiply sequence by non-int of type '%s'", value_type_name(n));
  Ref index = Ref::steal(number_index(n));
  if (!index) return Value();
  int64_t count;
  if (!int_to_int64(index.get(), &count)) {
    if (int_sign(index.get()) < 0) count = 0;
    else return raise_format(exc::OverflowError, "cannot fit '%s' into an index-sized integer", value_type_name(n));
  }
  return repeat(seq, count);
}

}  // namespace

Value binary_op(Value left, Value right, BinaryOp op) {
  int index = static_cast<int>(op);
  bool inplace = index >= 13;
  if (inplace) index -= 13;
  const BinaryInfo& info = kOps[index];
  if (info.field == nullptr) return ternary_power(left, right, none(), inplace);
  if (inplace) {
    BinaryFunc islot = type_of(left)->number.*kInplace[index];
    if (islot) {
      Value x = islot(left, right);
      if (!x.is(not_implemented())) return x;
    }
  }
  Value x = binary_op1(left, right, info.field);
  if (!x.is(not_implemented())) return x;
  // Sequences: + concatenates, * repeats.
  if (index == static_cast<int>(BinaryOp::Add)) {
    if (BinaryFunc concat = type_of(left)->sequence.concat) return concat(left, right);
  } else if (index == static_cast<int>(BinaryOp::Multiply)) {
    if (type_of(left)->sequence.repeat) return sequence_repeat(left, right);
    if (type_of(right)->sequence.repeat) return sequence_repeat(right, left);
  }
  return raise_format(exc::TypeError, "unsupported operand type(s) for %s%s: '%s' and '%s'", info.symbol,
                      inplace ? "=" : "", value_type_name(left), value_type_name(right));
}

Value power(Value base, Value exponent, Value modulus) {
  return ternary_power(base, exponent, modulus ? modulus : none(), false);
}

namespace {
Value unary(Value v, UnaryFunc NumberSlots::*field, const char* symbol) {
  if (UnaryFunc f = type_of(v)->number.*field) return f(v);
  return raise_format(exc::TypeError, "bad operand type for unary %s: '%s'", symbol, value_type_name(v));
}
}  // namespace

Value unary_negative(Value v) { return unary(v, &NumberSlots::negative, "-"); }
Value unary_positive(Value v) { return unary(v, &NumberSlots::positive, "+"); }
Value unary_invert(Value v) { return unary(v, &NumberSlots::invert, "~"); }
Value number_absolute(Value v) {
  if (UnaryFunc f = type_of(v)->number.absolute) return f(v);
  return raise_format(exc::TypeError, "bad operand type for abs(): '%s'", value_type_name(v));
}

int is_true(Value v) {
  if (v.is(true_value())) return 1;
  if (v.is(false_value()) || v.is(none())) return 0;
  if (v.is_small_int()) return v.as_small_int() != 0;
  if (v.is_float()) return v.as_float() != 0.0;
  TypeObject* t = type_of(v);
  if (t->number.bool_) return t->number.bool_(v);
  LenFunc len = t->mapping.length ? t->mapping.length : t->sequence.length;
  if (len) {
    int64_t n = len(v);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

// --- comparisons -------------------------------------------------------------------------------------

namespace {
constexpr CompareOp kSwapped[] = {CompareOp::Gt, CompareOp::Ge, CompareOp::Eq, CompareOp::Ne, CompareOp::Lt,
                                  CompareOp::Le};
constexpr const char* kCompareSymbols[] = {"<", "<=", "==", "!=", ">", ">="};

Value do_richcompare(Value v, Value w, CompareOp op) {
  TypeObject* tv = type_of(v);
  TypeObject* tw = type_of(w);
  bool checked_reverse = false;
  if (tv != tw && tw->richcompare && is_subtype(tw, tv)) {
    checked_reverse = true;
    Value r = tw->richcompare(w, v, kSwapped[int(op)]);
    if (!r.is(not_implemented())) return r;
  }
  if (tv->richcompare) {
    Value r = tv->richcompare(v, w, op);
    if (!r.is(not_implemented())) return r;
  }
  if (!checked_reverse && tw->richcompare) {
    Value r = tw->richcompare(w, v, kSwapped[int(op)]);
    if (!r.is(not_implemented())) return r;
  }
  switch (op) {
    case CompareOp::Eq: return new_ref(bool_value(v.is(w)));
    case CompareOp::Ne: return new_ref(bool_value(!v.is(w)));
    default:
      return raise_format(exc::TypeError, "'%s' not supported between instances of '%s' and '%s'",
                          kCompareSymbols[int(op)], tv->name.c_str(), tw->name.c_str());
  }
}
}  // namespace

Value rich_compare(Value left, Value right, CompareOp op) {
  // Fast path: two small ints (the overwhelmingly common case in loops).
  if (left.is_small_int() && right.is_small_int()) {
    int64_t a = left.as_small_int(), b = right.as_small_int();
    bool r = false;
    switch (op) {
      case CompareOp::Lt: r = a < b; break;
      case CompareOp::Le: r = a <= b; break;
      case CompareOp::Eq: r = a == b; break;
      case CompareOp::Ne: r = a != b; break;
      case CompareOp::Gt: r = a > b; break;
      case CompareOp::Ge: r = a >= b; break;
    }
    return new_ref(bool_value(r));
  }
  if (!vm::enter_recursive_call(" in comparison")) return Value();
  Value r = do_richcompare(left, right, op);
  vm::leave_recursive_call();
  return r;
}

int rich_compare_bool(Value left, Value right, CompareOp op) {
  if (left.is(right)) {
    if (op == CompareOp::Eq) return 1;
    if (op == CompareOp::Ne) return 0;
  }
  Value r = rich_compare(left, right, op);
  if (r.is_null()) return -1;
  int t = r.is(true_value()) ? 1 : r.is(false_value()) ? 0 : is_true(r);
  decref(r);
  return t;
}

int contains(Value container, Value item) {
  TypeObject* t = type_of(container);
  if (t->sequence.contains) return t->sequence.contains(container, item);
  // The iteration fallback.
  if (!t->iter && !t->sequence.item) {
    raise_format(exc::TypeError, "argument of type '%s' is not iterable", t->name.c_str());
    return -1;
  }
  Ref it = Ref::steal(get_iter(container));
  if (!it) return -1;
  for (;;) {
    Ref x = Ref::steal(iter_next(it.get()));
    if (!x) return error_occurred() ? -1 : 0;
    int eq = rich_compare_bool(x.get(), item, CompareOp::Eq);
    if (eq != 0) return eq;
  }
}

// --- text ------------------------------------------------------------------------------------------

Value repr(Value v) {
  TypeObject* t = type_of(v);
  if (!vm::enter_recursive_call(" while getting the repr of an object")) return Value();
  Value r = t->repr(v);
  vm::leave_recursive_call();
  if (r && !is_str(r)) {
    raise_format(exc::TypeError, "__repr__ returned non-string (type %s)", value_type_name(r));
    decref(r);
    return Value();
  }
  return r;
}

Value str(Value v) {
  if (is_str_exact(v)) return new_ref(v);
  TypeObject* t = type_of(v);
  if (!t->str) return repr(v);
  if (!vm::enter_recursive_call(" while getting the str of an object")) return Value();
  Value r = t->str(v);
  vm::leave_recursive_call();
  if (r && !is_str(r)) {
    raise_format(exc::TypeError, "__str__ returned non-string (type %s)", value_type_name(r));
    decref(r);
    return Value();
  }
  return r;
}

int64_t hash(Value v) {
  TypeObject* t = type_of(v);
  if (t->hash) return t->hash(v);
  raise_format(exc::TypeError, "unhashable type: '%s'", t->name.c_str());
  return -1;
}

Value format(Value v, Value spec) {
  Ref empty;
  if (spec.is_null()) {
    empty = Ref::steal(str_empty());
    spec = empty.get();
  }
  if (str_length(spec) == 0) {
    if (is_str_exact(v)) return new_ref(v);
    if (is_int_exact(v)) return str(v);
  }
  Ref meth = Ref::steal(lookup_special(v, "__format__"));
  if (!meth) {
    if (!error_occurred())
      raise_format(exc::TypeError, "Type %s doesn't define __format__", value_type_name(v));
    return Value();
  }
  Value r = call_one_arg(meth.get(), spec);
  if (r && !is_str(r)) {
    raise_format(exc::TypeError, "__format__ must return a str, not %s", value_type_name(r));
    decref(r);
    return Value();
  }
  return r;
}

// --- attributes ------------------------------------------------------------------------------------

Value get_attr(Value object, Value name) {
  if (!is_str_fast(name))
    return raise_format(exc::TypeError, "attribute name must be string, not '%s'", value_type_name(name));
  TypeObject* t = type_of(object);
  if (t->getattro) return t->getattro(object, name);
  return raise_format(exc::AttributeError, "'%s' object has no attribute '%s'", t->name.c_str(), str_cstr(name));
}

Value get_attr(Value object, const char* name) {
  Ref key = Ref::steal(str_intern(name));
  if (!key) return Value();
  return get_attr(object, key.get());
}

int set_attr(Value object, Value name, Value value) {
  if (!is_str(name)) {
    raise_format(exc::TypeError, "attribute name must be string, not '%s'", value_type_name(name));
    return -1;
  }
  TypeObject* t = type_of(object);
  if (t->setattro) return t->setattro(object, name, value);
  raise_format(exc::AttributeError, "'%s' object has no attribute '%s'", t->name.c_str(), str_cstr(name));
  return -1;
}

Value lookup_attr(Value object, Value name) {
  TypeObject* t = type_of(object);
  if (t->getattro == &object_generic_getattr) return object_lookup_attr(object, name);
  Value r = get_attr(object, name);
  if (r.is_null() && error_matches(exc::AttributeError)) clear_error();
  return r;
}

Value lookup_special(Value v, const char* name) {
  Ref key = Ref::steal(str_intern(name));
  TypeObject* t = type_of(v);
  Value descr = type_lookup(t, key.get());
  if (!descr) return Value();
  if (DescrGetFunc get = type_of(descr)->descr_get) {
    Ref keep = Ref::borrow(descr);
    return get(descr, v, Value::object(t));
  }
  return new_ref(descr);
}

Value get_method(Value object, Value name, bool* is_method) {
  *is_method = false;
  TypeObject* t = type_of(object);
  if (t->getattro != &object_generic_getattr || !is_str_fast(name)) return get_attr(object, name);
  Value descr = type_lookup(t, name);
  if (descr) {
    TypeObject* dt = type_of(descr);
    if (dt == &function_type || dt == &method_descriptor_type) {
      // An instance attribute of the same name wins over a method (functions are non-data).
      Value* dict = object_dict_address(object);
      if (dict && *dict) {
        Value v = dict_get_item(*dict, name);
        if (v) return new_ref(v);
        if (error_occurred()) return Value();
      }
      *is_method = true;
      return new_ref(descr);
    }
  }
  return object_generic_getattr(object, name);
}

// --- items and length ----------------------------------------------------------------------------------

Value get_item(Value container, Value key) {
  TypeObject* t = type_of(container);
  if (t->mapping.subscript) return t->mapping.subscript(container, key);
  if (t->sequence.item) {
    if (!is_int(key) && !type_of(key)->number.index)
      return raise_format(exc::TypeError, "sequence index must be integer, not '%s'", value_type_name(key));
    int64_t i = as_ssize(key);
    if (i == -1 && error_occurred()) return Value();
    if (i < 0 && t->sequence.length) {
      int64_t n = t->sequence.length(container);
      if (n < 0) return Value();
      i += n;
    }
    return t->sequence.item(container, i);
  }
  if (is_type(container)) {
    if (container.is(Value::object(&type_type))) {
      // type[int] is a types.GenericAlias (type has no __class_getitem__ of its own: a
      // metaclass attribute would answer for every class).
      return generic_alias_new(container, key);
    }
    Ref meth = Ref::steal(lookup_attr(container, KRAIT_NAME("__class_getitem__")));
    if (meth) return call_one_arg(meth.get(), key);
    if (error_occurred()) return Value();
    return raise_format(exc::TypeError, "type '%s' is not subscriptable", as_type(container)->qualname.c_str());
  }
  return raise_format(exc::TypeError, "'%s' object is not subscriptable", t->name.c_str());
}

int set_item(Value container, Value key, Value value) {
  TypeObject* t = type_of(container);
  if (t->mapping.ass_subscript) return t->mapping.ass_subscript(container, key, value);
  raise_format(exc::TypeError, "'%s' object does not support item assignment", t->name.c_str());
  return -1;
}

int del_item(Value container, Value key) {
  TypeObject* t = type_of(container);
  if (t->mapping.ass_subscript) return t->mapping.ass_subscript(container, key, Value());
  raise_format(exc::TypeError, "'%s' object doesn't support item deletion", t->name.c_str());
  return -1;
}

int64_t length(Value v) {
  TypeObject* t = type_of(v);
  if (t->sequence.length) return t->sequence.length(v);
  if (t->mapping.length) return t->mapping.length(v);
  raise_format(exc::TypeError, "object of type '%s' has no len()", t->name.c_str());
  return -1;
}

// --- iteration -----------------------------------------------------------------------------------------

namespace {

struct SeqIterObject : Object {
  int64_t index;
  Value seq;   // null once exhausted
};

void seqiter_dealloc(Object* self) {
  gc_untrack(self);
  xdecref(static_cast<SeqIterObject*>(self)->seq);
  free_object(self);
}
void seqiter_traverse(Object* self, VisitFunc visit, void* context) {
  if (Value s = static_cast<SeqIterObject*>(self)->seq) visit(s, context);
}
Value self_iter(Value self) { return new_ref(self); }
Value seqiter_next(Value self) {
  auto* it = static_cast<SeqIterObject*>(self.as_object());
  if (!it->seq) return Value();
  Ref index = Ref::steal(int_from_int64(it->index));
  Value r = get_item(it->seq, index.get());
  if (r) {
    ++it->index;
    return r;
  }
  if (error_matches(exc::IndexError) || error_matches(exc::StopIteration)) {
    clear_error();
    Value s = it->seq;
    it->seq = Value();
    decref(s);
  }
  return Value();
}
Value seqiter_length_hint(Value self) {
  auto* it = static_cast<SeqIterObject*>(self.as_object());
  if (!it->seq) return int_from_int64(0);
  int64_t n = length(it->seq);
  if (n < 0) {
    clear_error();
    return new_ref(not_implemented());
  }
  return int_from_int64(n > it->index ? n - it->index : 0);
}
const MethodDef seqiter_methods[] = {{"__length_hint__", (void*)seqiter_length_hint, MethodKind::NoArgs},
                                     {nullptr, nullptr, MethodKind::NoArgs}};

struct CallIterObject : Object {
  Value callable;   // null once exhausted
  Value sentinel;
};
void calliter_dealloc(Object* self) {
  gc_untrack(self);
  auto* it = static_cast<CallIterObject*>(self);
  xdecref(it->callable);
  xdecref(it->sentinel);
  free_object(self);
}
void calliter_traverse(Object* self, VisitFunc visit, void* context) {
  auto* it = static_cast<CallIterObject*>(self);
  if (it->callable) visit(it->callable, context);
  if (it->sentinel) visit(it->sentinel, context);
}
Value calliter_next(Value self) {
  auto* it = static_cast<CallIterObject*>(self.as_object());
  if (!it->callable) return Value();
  Value r = call_no_args(it->callable);
  if (r) {
    int eq = rich_compare_bool(r, it->sentinel, CompareOp::Eq);
    if (eq == 0) return r;
    decref(r);
    if (eq < 0) return Value();
  } else if (error_matches(exc::StopIteration)) {
    clear_error();
  } else {
    return Value();
  }
  Value c = it->callable;
  it->callable = Value();
  decref(c);
  return Value();
}

}  // namespace

Value seq_iter_new(Value seq) {
  auto* it = new_object<SeqIterObject>(&seq_iterator_type);
  if (!it) return Value();
  it->index = 0;
  it->seq = new_ref(seq);
  gc_track(it);
  return Value::object(it);
}

Value callable_iter_new(Value callable, Value sentinel) {
  auto* it = new_object<CallIterObject>(&callable_iterator_type);
  if (!it) return Value();
  it->callable = new_ref(callable);
  it->sentinel = new_ref(sentinel);
  gc_track(it);
  return Value::object(it);
}

Value get_iter(Value v) {
  TypeObject* t = type_of(v);
  if (t->iter) {
    Value r = t->iter(v);
    if (r && !type_of(r)->iternext) {
      raise_format(exc::TypeError, "iter() returned non-iterator of type '%s'", value_type_name(r));
      decref(r);
      return Value();
    }
    return r;
  }
  if (t->sequence.item) return seq_iter_new(v);
  return raise_format(exc::TypeError, "'%s' object is not iterable", t->name.c_str());
}

Value iter_next(Value iterator) {
  TypeObject* t = type_of(iterator);
  if (t->iternext) return t->iternext(iterator);
  return raise_format(exc::TypeError, "'%s' object is not an iterator", t->name.c_str());
}

// --- calls -----------------------------------------------------------------------------------------------

Value call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  TypeObject* t = type_of(callable);
  if (t->call) return t->call(callable, args, nargs, kwnames);
  return raise_format(exc::TypeError, "'%s' object is not callable", t->name.c_str());
}

Value call_no_args(Value callable) { return call(callable, nullptr, 0); }
Value call_one_arg(Value callable, Value arg) { return call(callable, &arg, 1); }

Value call_method_kw(Value object, Value name, const Value* args, size_t nargs, Value kwnames) {
  bool is_method;
  Ref f = Ref::steal(get_method(object, name, &is_method));
  if (!f) return Value();
  if (!is_method) return call(f.get(), args, nargs, kwnames);
  size_t total = nargs + kw_count(kwnames);
  Value small[8];
  std::vector<Value> big;
  Value* buf = small;
  if (total + 1 > 8) {
    big.resize(total + 1);
    buf = big.data();
  }
  buf[0] = object;
  for (size_t i = 0; i < total; ++i) buf[i + 1] = args[i];
  return call(f.get(), buf, nargs + 1, kwnames);
}

Value call_method(Value object, const char* name, const Value* args, size_t nargs) {
  Ref key = Ref::steal(str_intern(name));
  if (!key) return Value();
  return call_method_kw(object, key.get(), args, nargs, Value());
}

// --- numbers ---------------------------------------------------------------------------------------------

Value number_index(Value v) {
  if (is_int(v)) return new_ref(v);
  UnaryFunc f = type_of(v)->number.index;
  if (!f)
    return raise_format(exc::TypeError, "'%s' object cannot be interpreted as an integer", value_type_name(v));
  Value r = f(v);
  if (r && !is_int(r)) {
    raise_format(exc::TypeError, "__index__ returned non-int (type %s)", value_type_name(r));
    decref(r);
    return Value();
  }
  return r;
}

int64_t as_ssize(Value v) {
  if (v.is_small_int()) return v.as_small_int();
  Ref i = Ref::steal(number_index(v));
  if (!i) return -1;
  int64_t out;
  if (!int_to_int64(i.get(), &out)) {
    raise_format(exc::OverflowError, "cannot fit '%s' into an index-sized integer", value_type_name(v));
    return -1;
  }
  return out;
}

bool is_instance_of(Value v, const TypeObject* type) { return is_subtype(type_of(v), type); }

// --- isinstance / issubclass -----------------------------------------------------------------------------

namespace {

// The __bases__ of a "class-like" object (the abstract class protocol), or null.
Value abstract_bases(Value cls) {
  Value r = lookup_attr(cls, KRAIT_NAME("__bases__"));
  if (r && !is_tuple(r)) {
    decref(r);
    return Value();
  }
  return r;
}

int abstract_issubclass(Value derived, Value cls) {
  for (;;) {
    if (derived.is(cls)) return 1;
    Ref bases = Ref::steal(abstract_bases(derived));
    if (!bases) return error_occurred() ? -1 : 0;
    size_t n = tuple_size(bases.get());
    if (n == 0) return 0;
    if (n == 1) {
      derived = tuple_get(bases.get(), 0);
      continue;
    }
    for (size_t i = 0; i < n; ++i) {
      int r = abstract_issubclass(tuple_get(bases.get(), i), cls);
      if (r != 0) return r;
    }
    return 0;
  }
}

bool check_class(Value cls, const char* error) {
  Ref bases = Ref::steal(abstract_bases(cls));
  if (!bases) {
    if (!error_occurred() || error_matches(exc::AttributeError)) {
      clear_error();
      raise(exc::TypeError, error);
    }
    return false;
  }
  return true;
}

int real_isinstance(Value inst, Value cls) {
  if (is_type(cls)) {
    if (is_subtype(type_of(inst), as_type(cls))) return 1;
    Ref icls = Ref::steal(lookup_attr(inst, KRAIT_NAME("__class__")));
    if (!icls) return error_occurred() ? -1 : 0;
    if (!icls.get().is(Value::object(type_of(inst))) && is_type(icls.get()))
      return is_subtype(as_type(icls.get()), as_type(cls));
    return 0;
  }
  if (!check_class(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union")) return -1;
  Ref icls = Ref::steal(lookup_attr(inst, KRAIT_NAME("__class__")));
  if (!icls) return error_occurred() ? -1 : 0;
  return abstract_issubclass(icls.get(), cls);
}

}  // namespace

int object_real_is_subclass(Value derived, Value cls) {
  if (is_type(cls) && is_type(derived)) return is_subtype(as_type(derived), as_type(cls));
  if (!check_class(derived, "issubclass() arg 1 must be a class")) return -1;
  if (!is_type(cls) && !check_class(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union"))
    return -1;
  return abstract_issubclass(derived, cls);
}

int object_is_instance(Value v, Value cls) {
  if (type_of(v) == static_cast<TypeObject*>(cls.as_object()) && cls.is_object()) return 1;
  if (cls.is_object() && cls.as_object()->type == &type_type) return real_isinstance(v, cls);
  if (Value members = union_members(cls)) cls = members;  // int | str: its members' tuple
  if (is_tuple(cls)) {
    if (!vm::enter_recursive_call(" in __instancecheck__")) return -1;
    int r = 0;
    for (size_t i = 0; i < tuple_size(cls) && r == 0; ++i) r = object_is_instance(v, tuple_get(cls, i));
    vm::leave_recursive_call();
    return r;
  }
  Ref checker = Ref::steal(lookup_special(cls, "__instancecheck__"));
  if (checker) {
    if (!vm::enter_recursive_call(" in __instancecheck__")) return -1;
    Ref r = Ref::steal(call_one_arg(checker.get(), v));
    vm::leave_recursive_call();
    if (!r) return -1;
    return is_true(r.get());
  }
  if (error_occurred()) return -1;
  return real_isinstance(v, cls);
}

int object_is_subclass(Value derived, Value cls) {
  if (cls.is_object() && cls.as_object()->type == &type_type) {
    if (derived.is(cls)) return 1;
    return object_real_is_subclass(derived, cls);
  }
  if (Value members = union_members(cls)) cls = members;
  if (is_tuple(cls)) {
    if (!vm::enter_recursive_call(" in __subclasscheck__")) return -1;
    int r = 0;
    for (size_t i = 0; i < tuple_size(cls) && r == 0; ++i) r = object_is_subclass(derived, tuple_get(cls, i));
    vm::leave_recursive_call();
    return r;
  }
  Ref checker = Ref::steal(lookup_special(cls, "__subclasscheck__"));
  if (checker) {
    if (!vm::enter_recursive_call(" in __subclasscheck__")) return -1;
    Ref r = Ref::steal(call_one_arg(checker.get(), derived));
    vm::leave_recursive_call();
    if (!r) return -1;
    return is_true(r.get());
  }
  if (error_occurred()) return -1;
  return object_real_is_subclass(derived, cls);
}

void init_iterator_types() {
  init_static_type(&seq_iterator_type, "iterator", &object_type, sizeof(SeqIterObject));
  seq_iterator_type.flags = (seq_iterator_type.flags & ~TypeFlag::BaseType) | TypeFlag::HaveGc;
  seq_iterator_type.dealloc = seqiter_dealloc;
  seq_iterator_type.traverse = seqiter_traverse;
  seq_iterator_type.iter = self_iter;
  seq_iterator_type.iternext = seqiter_next;
  add_methods(&seq_iterator_type, seqiter_methods);
  init_static_type(&callable_iterator_type, "callable_iterator", &object_type, sizeof(CallIterObject));
  callable_iterator_type.flags = (callable_iterator_type.flags & ~TypeFlag::BaseType) | TypeFlag::HaveGc;
  callable_iterator_type.dealloc = calliter_dealloc;
  callable_iterator_type.traverse = calliter_traverse;
  callable_iterator_type.iter = self_iter;
  callable_iterator_type.iternext = calliter_next;
  type_ready(&seq_iterator_type);
  type_ready(&callable_iterator_type);
}

}  // namespace krait::runtime
