// Weak references (see weakref.h).
#include "runtime/weakref.h"

#include <vector>

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/unraisable.h"
#include "vm/eval.h"
#include "vm/state.h"

namespace krait::runtime {

TypeObject ref_type, proxy_type, callable_proxy_type;

namespace {

WeakrefObject* as_weakref(Value v) { return static_cast<WeakrefObject*>(v.as_object()); }
WeakrefObject* as_weakref(Object* o) { return static_cast<WeakrefObject*>(o); }

bool is_proxy(Value v) {
  return v.is_object() && (v.as_object()->type == &proxy_type || v.as_object()->type == &callable_proxy_type);
}
bool is_ref(Value v) { return v.is_object() && is_subtype(v.as_object()->type, &ref_type); }

// The referent's list head slot, or nullptr when its type has no weak references.
Value* list_slot(Object* object) {
  return instance_field(object, object->type->weaklist_offset);
}
WeakrefObject* list_head(Object* object) {
  Value* slot = list_slot(object);
  return slot != nullptr && *slot ? as_weakref(*slot) : nullptr;
}

void insert_head(WeakrefObject* wr, Value* slot) {
  WeakrefObject* head = *slot ? as_weakref(*slot) : nullptr;
  wr->prev = nullptr;
  wr->next = head;
  if (head != nullptr) head->prev = wr;
  *slot = Value::object(wr);
}

void insert_after(WeakrefObject* wr, WeakrefObject* prev) {
  wr->prev = prev;
  wr->next = prev->next;
  if (prev->next != nullptr) prev->next->prev = wr;
  prev->next = wr;
}

// Takes `wr` out of its referent's list and marks it dead (the callback stays).
void unlink(WeakrefObject* wr) {
  if (wr->referent == nullptr) return;
  Value* slot = list_slot(wr->referent);
  if (slot != nullptr && *slot && as_weakref(*slot) == wr) *slot = wr->next ? Value::object(wr->next) : Value();
  if (wr->prev != nullptr) wr->prev->next = wr->next;
  if (wr->next != nullptr) wr->next->prev = wr->prev;
  wr->prev = wr->next = nullptr;
  wr->referent = nullptr;
}

// The shared callback-less ref and proxy at the head of a list (CPython's "basic refs").
void basic_refs(WeakrefObject* head, WeakrefObject** ref, WeakrefObject** proxy) {
  *ref = *proxy = nullptr;
  if (head == nullptr || head->callback) return;
  if (head->type == &ref_type) {
    *ref = head;
    head = head->next;
  }
  if (head != nullptr && !head->callback && is_proxy(Value::object(head))) *proxy = head;
}

// Calls each weakref's callback with the weakref (one reference to each is consumed).
void call_callbacks(std::vector<WeakrefObject*>& pending) {
  for (WeakrefObject* wr : pending) {
    Ref callback = Ref::steal(wr->callback);
    wr->callback = Value();
    Ref saved;
    if (error_occurred()) saved = fetch_exception();
    Ref result = Ref::steal(call_one_arg(callback.get(), Value::object(wr)));
    if (!result) write_unraisable(callback.get());
    if (saved) vm::restore_exception(saved.release());
    decref(wr);
  }
}

// Unlinks every weakref of `object`; those with callbacks that `keep` accepts are collected.
void clear_list(Object* object, std::vector<WeakrefObject*>& pending, bool skip_garbage) {
  while (WeakrefObject* wr = list_head(object)) {
    unlink(wr);
    if (wr->callback && !(skip_garbage && gc_is_garbage(wr))) {
      incref(wr);
      pending.push_back(wr);
    }
  }
}

void clear_on_dealloc(Object* object) {
  std::vector<WeakrefObject*> pending;
  clear_list(object, pending, false);
  call_callbacks(pending);
}

// gc.cpp: weakrefs that are garbage themselves get no callback (CPython's rule: the callback
// could see garbage).
void clear_for_gc(Object* const* garbage, size_t count) {
  std::vector<WeakrefObject*> pending;
  for (size_t i = 0; i < count; ++i) clear_list(garbage[i], pending, true);
  call_callbacks(pending);
}

Value dead_reference_error() { return raise(exc::ReferenceError, "weakly-referenced object no longer exists"); }

// --- creation ---------------------------------------------------------------------------------

// Creates a weakref of `type` to `object` and links it as CPython does: a callback-less exact
// ref is shared; the others go after the basic ref/proxy.
Value make_weakref(TypeObject* type, Value object, Value callback, bool shareable) {
  if (callback.is(none())) callback = Value();
  Value* slot = object.is_object() ? list_slot(object.as_object()) : nullptr;
  if (slot == nullptr)
    return raise_format(exc::TypeError, "cannot create weak reference to '%s' object", type_name(type_of(object)));
  WeakrefObject *ref, *proxy;
  basic_refs(*slot ? as_weakref(*slot) : nullptr, &ref, &proxy);
  if (shareable && !callback) {
    WeakrefObject* existing = type == &ref_type ? ref : proxy;
    if (existing != nullptr && existing->type == type) return Ref::borrow(Value::object(existing)).release();
  }
  size_t size = type->basic_size > sizeof(WeakrefObject) ? type->basic_size : sizeof(WeakrefObject);
  Object* memory = allocate_object(type, size);  // may collect: recompute the basic refs after
  if (memory == nullptr) return Value();
  auto* wr = as_weakref(memory);
  wr->referent = object.as_object();
  wr->callback = callback;
  incref(callback);
  wr->hash = -1;
  basic_refs(*slot ? as_weakref(*slot) : nullptr, &ref, &proxy);
  if (shareable && !callback) {
    if (type == &ref_type) insert_head(wr, slot);
    else if (ref != nullptr) insert_after(wr, ref);
    else insert_head(wr, slot);
  } else {
    WeakrefObject* prev = proxy != nullptr ? proxy : ref;
    if (prev != nullptr) insert_after(wr, prev);
    else insert_head(wr, slot);
  }
  gc_track(wr);
  return Value::object(wr);
}

// (object[, callback]) positional arguments of ref.__new__/__init__.
bool unpack_args(const Value* args, size_t nargs, Value* object, Value* callback) {
  if (nargs < 1) {
    raise_format(exc::TypeError, "__new__ expected at least 1 argument, got %zu", nargs);
    return false;
  }
  if (nargs > 2) {
    raise_format(exc::TypeError, "__new__ expected at most 2 arguments, got %zu", nargs);
    return false;
  }
  *object = args[0];
  *callback = nargs == 2 ? args[1] : Value();
  return true;
}

// --- ref ------------------------------------------------------------------------------------------

Value ref_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  Value object, callback;
  if (!unpack_args(args, nargs, &object, &callback)) return Value();
  return make_weakref(type, object, callback, type == &ref_type);
}

int ref_init(Value, const Value* args, size_t nargs, Value) {
  Value object, callback;
  return unpack_args(args, nargs, &object, &callback) ? 0 : -1;
}

void weakref_dealloc(Object* self) {
  WeakrefObject* wr = as_weakref(self);
  unlink(wr);
  Value callback = wr->callback;
  wr->callback = Value();
  decref(callback);
  free_object(self);
}

void weakref_traverse(Object* self, VisitFunc visit, void* context) {
  if (Value callback = as_weakref(self)->callback) visit(callback, context);
}

void weakref_clear(Object* self) {
  WeakrefObject* wr = as_weakref(self);
  unlink(wr);
  Value callback = wr->callback;
  wr->callback = Value();
  decref(callback);
}

Value ref_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  size_t nkw = kwnames ? tuple_size(kwnames) : 0;
  if (nkw != 0) return raise(exc::TypeError, "weakref() takes no keyword arguments");
  if (nargs != 0) return raise_format(exc::TypeError, "weakref() takes exactly 0 arguments (%zu given)", nargs);
  return Ref::borrow(weakref_get(self)).release();
}

int64_t ref_hash(Value self) {
  WeakrefObject* wr = as_weakref(self);
  if (wr->hash != -1) return wr->hash;
  if (wr->referent == nullptr) {
    raise(exc::TypeError, "weak object has gone away");
    return -1;
  }
  Ref referent = Ref::borrow(Value::object(wr->referent));
  wr->hash = hash(referent.get());
  return wr->hash;
}

Value ref_richcompare(Value self, Value other, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || !is_weakref(self) || !is_weakref(other))
    return Ref::borrow(not_implemented()).release();
  Object* a = as_weakref(self)->referent;
  Object* b = as_weakref(other)->referent;
  if (a == nullptr || b == nullptr) {
    bool same = self.is(other);
    return Ref::borrow(bool_value(op == CompareOp::Eq ? same : !same)).release();
  }
  Ref left = Ref::borrow(Value::object(a)), right = Ref::borrow(Value::object(b));
  return rich_compare(left.get(), right.get(), op);
}

Value ref_repr(Value self) {
  WeakrefObject* wr = as_weakref(self);
  if (wr->referent == nullptr) return str_from_format("<weakref at %p; dead>", static_cast<void*>(wr));
  Ref referent = Ref::borrow(Value::object(wr->referent));
  Ref name = Ref::steal(lookup_attr(referent.get(), Ref::steal(str_intern("__name__")).get()));
  if (!name && error_occurred()) return Value();
  const char* type = type_name(type_of(referent.get()));
  if (name && is_str(name.get()))
    return str_from_format("<weakref at %p; to '%s' at %p (%s)>", static_cast<void*>(wr), type,
                           static_cast<void*>(wr->referent), str_cstr(name.get()));
  return str_from_format("<weakref at %p; to '%s' at %p>", static_cast<void*>(wr), type,
                         static_cast<void*>(wr->referent));
}

Value ref_get_callback(Value self) {
  Value callback = as_weakref(self)->callback;
  return Ref::borrow(callback ? callback : none()).release();
}

const GetSetDef ref_getsets[] = {{"__callback__", ref_get_callback, nullptr}, {nullptr, nullptr}};

// --- proxies --------------------------------------------------------------------------------------

Value proxy_new_from(Value object, Value callback) {
  TypeObject* type = object.is_object() && type_of(object)->call != nullptr ? &callable_proxy_type : &proxy_type;
  return make_weakref(type, object, callback, true);
}

// The referent of a proxy (a new reference), or the value itself when it is not a proxy;
// null + ReferenceError for a dead proxy.
Value unwrap(Value v) {
  if (!is_proxy(v)) return Ref::borrow(v).release();
  Object* referent = as_weakref(v)->referent;
  if (referent == nullptr) return dead_reference_error();
  return Ref::borrow(Value::object(referent)).release();
}

template <BinaryOp op>
Value proxy_binary(Value a, Value b) {
  Ref left = Ref::steal(unwrap(a));
  if (!left) return Value();
  Ref right = Ref::steal(unwrap(b));
  if (!right) return Value();
  return binary_op(left.get(), right.get(), op);
}

template <Value (*function)(Value)>
Value proxy_unary(Value self) {
  Ref referent = Ref::steal(unwrap(self));
  if (!referent) return Value();
  return function(referent.get());
}

Value proxy_power(Value a, Value b, Value c) {
  Ref x = Ref::steal(unwrap(a)), y = Ref::steal(unwrap(b));
  if (!x || !y) return Value();
  Ref z = Ref::steal(c ? unwrap(c) : Ref::borrow(none()).release());
  if (!z) return Value();
  return power(x.get(), y.get(), z.get());
}

int proxy_bool(Value self) {
  Ref referent = Ref::steal(unwrap(self));
  return referent ? is_true(referent.get()) : -1;
}

int64_t proxy_length(Value self) {
  Ref referent = Ref::steal(unwrap(self));
  return referent ? length(referent.get()) : -1;
}

int proxy_contains(Value self, Value item) {
  Ref referent = Ref::steal(unwrap(self));
  return referent ? contains(referent.get(), item) : -1;
}

Value proxy_getitem(Value self, Value key) {
  Ref referent = Ref::steal(unwrap(self));
  return referent ? get_item(referent.get(), key) : Value();
}

int proxy_setitem(Value self, Value key, Value value) {
  Ref referent = Ref::steal(unwrap(self));
  if (!referent) return -1;
  return value ? set_item(referent.get(), key, value) : del_item(referent.get(), key);
}

Value proxy_getattr(Value self, Value name) {
  Ref referent = Ref::steal(unwrap(self));
  return referent ? get_attr(referent.get(), name) : Value();
}

int proxy_setattr(Value self, Value name, Value value) {
  Ref referent = Ref::steal(unwrap(self));
  return referent ? set_attr(referent.get(), name, value) : -1;
}

Value proxy_richcompare(Value a, Value b, CompareOp op) {
  Ref left = Ref::steal(unwrap(a));
  if (!left) return Value();
  Ref right = Ref::steal(unwrap(b));
  if (!right) return Value();
  return rich_compare(left.get(), right.get(), op);
}

Value proxy_iternext(Value self) {
  Ref referent = Ref::steal(unwrap(self));
  if (!referent) return Value();
  if (type_of(referent.get())->iternext == nullptr)
    return raise_format(exc::TypeError, "Weakref proxy referenced a non-iterator '%s' object",
                        type_name(type_of(referent.get())));
  return iter_next(referent.get());
}

Value proxy_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  Ref referent = Ref::steal(unwrap(self));
  return referent ? call(referent.get(), args, nargs, kwnames) : Value();
}

int64_t proxy_hash(Value self) {
  raise_format(exc::TypeError, "unhashable type: '%s'", type_name(type_of(self)));
  return -1;
}

Value proxy_repr(Value self) {
  WeakrefObject* wr = as_weakref(self);
  Object* referent = wr->referent;
  // A dead proxy shows None as its referent, as CPython's does.
  Object* shown = referent != nullptr ? referent : none().as_object();
  return str_from_format("<weakproxy at %p to %s at %p>", static_cast<void*>(wr), type_name(shown->type),
                         static_cast<void*>(shown));
}

Value proxy_bytes(Value self) {
  Ref referent = Ref::steal(unwrap(self));
  return referent ? call_method(referent.get(), "__bytes__", nullptr, 0) : Value();
}

Value proxy_reversed(Value self) {
  Ref referent = Ref::steal(unwrap(self));
  return referent ? call_method(referent.get(), "__reversed__", nullptr, 0) : Value();
}

const MethodDef proxy_methods[] = {
    {"__bytes__", reinterpret_cast<void*>(proxy_bytes), MethodKind::NoArgs},
    {"__reversed__", reinterpret_cast<void*>(proxy_reversed), MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

void init_proxy_type(TypeObject* type, const char* name, bool callable) {
  type->name = name;
  type->basic_size = sizeof(WeakrefObject);
  type->TypeObject::flags = TypeFlag::HaveGc;
  type->dealloc = weakref_dealloc;
  type->traverse = weakref_traverse;
  type->clear = weakref_clear;
  type->repr = proxy_repr;
  type->str = proxy_unary<runtime::str>;
  type->hash = proxy_hash;
  type->richcompare = proxy_richcompare;
  type->getattro = proxy_getattr;
  type->setattro = proxy_setattr;
  type->iter = proxy_unary<get_iter>;
  type->iternext = proxy_iternext;
  if (callable) type->call = proxy_call;
  NumberSlots& n = type->number;
  n.add = proxy_binary<BinaryOp::Add>;
  n.subtract = proxy_binary<BinaryOp::Subtract>;
  n.multiply = proxy_binary<BinaryOp::Multiply>;
  n.remainder = proxy_binary<BinaryOp::Remainder>;
  n.lshift = proxy_binary<BinaryOp::Lshift>;
  n.rshift = proxy_binary<BinaryOp::Rshift>;
  n.and_ = proxy_binary<BinaryOp::And>;
  n.xor_ = proxy_binary<BinaryOp::Xor>;
  n.or_ = proxy_binary<BinaryOp::Or>;
  n.floor_divide = proxy_binary<BinaryOp::FloorDivide>;
  n.true_divide = proxy_binary<BinaryOp::TrueDivide>;
  n.matrix_multiply = proxy_binary<BinaryOp::MatrixMultiply>;
  n.power = proxy_power;
  n.inplace_add = proxy_binary<BinaryOp::InplaceAdd>;
  n.inplace_subtract = proxy_binary<BinaryOp::InplaceSubtract>;
  n.inplace_multiply = proxy_binary<BinaryOp::InplaceMultiply>;
  n.inplace_remainder = proxy_binary<BinaryOp::InplaceRemainder>;
  n.inplace_lshift = proxy_binary<BinaryOp::InplaceLshift>;
  n.inplace_rshift = proxy_binary<BinaryOp::InplaceRshift>;
  n.inplace_and = proxy_binary<BinaryOp::InplaceAnd>;
  n.inplace_xor = proxy_binary<BinaryOp::InplaceXor>;
  n.inplace_or = proxy_binary<BinaryOp::InplaceOr>;
  n.inplace_floor_divide = proxy_binary<BinaryOp::InplaceFloorDivide>;
  n.inplace_true_divide = proxy_binary<BinaryOp::InplaceTrueDivide>;
  n.inplace_matrix_multiply = proxy_binary<BinaryOp::InplaceMatrixMultiply>;
  n.negative = proxy_unary<unary_negative>;
  n.positive = proxy_unary<unary_positive>;
  n.absolute = proxy_unary<number_absolute>;
  n.invert = proxy_unary<unary_invert>;
  n.bool_ = proxy_bool;
  n.index = proxy_unary<number_index>;
  type->sequence.contains = proxy_contains;
  type->mapping.length = proxy_length;
  type->mapping.subscript = proxy_getitem;
  type->mapping.ass_subscript = proxy_setitem;
  add_methods(type, proxy_methods);
}

void init_static(TypeObject* type) {
  type->refcount = kImmortalRefcount;
  type->Object::flags = ObjectFlag::Immortal;
  type->type = &type_type;
}

}  // namespace

int init_weakref_types() {
  static bool ready = false;
  if (ready) return 0;
  init_static(&ref_type);
  ref_type.name = "weakref.ReferenceType";
  ref_type.basic_size = sizeof(WeakrefObject);
  ref_type.TypeObject::flags = TypeFlag::HaveGc | TypeFlag::BaseType;
  ref_type.dealloc = weakref_dealloc;
  ref_type.traverse = weakref_traverse;
  ref_type.clear = weakref_clear;
  ref_type.repr = ref_repr;
  ref_type.hash = ref_hash;
  ref_type.richcompare = ref_richcompare;
  ref_type.call = ref_call;
  ref_type.new_ = ref_new;
  ref_type.init = ref_init;
  add_getsets(&ref_type, ref_getsets);
  init_static(&proxy_type);
  init_proxy_type(&proxy_type, "weakref.ProxyType", false);
  init_static(&callable_proxy_type);
  init_proxy_type(&callable_proxy_type, "weakref.CallableProxyType", true);
  for (TypeObject* type : {&ref_type, &proxy_type, &callable_proxy_type})
    if (type_ready(type) < 0) return -1;
  weakref_clear_hook = clear_on_dealloc;
  weakref_gc_hook = clear_for_gc;
  ready = true;
  return 0;
}

bool is_weakref(Value v) { return is_ref(v) || is_proxy(v); }

Value weakref_new_ref(Value object, Value callback) { return make_weakref(&ref_type, object, callback, true); }

Value weakref_new_proxy(Value object, Value callback) { return proxy_new_from(object, callback); }

Value weakref_get(Value weakref) {
  Object* referent = as_weakref(weakref)->referent;
  return referent != nullptr ? Value::object(referent) : none();
}

int64_t weakref_count(Value object) {
  if (!object.is_object()) return 0;
  int64_t n = 0;
  for (WeakrefObject* wr = list_head(object.as_object()); wr != nullptr; wr = wr->next) ++n;
  return n;
}

Value weakref_list(Value object) {
  Ref list = Ref::steal(list_new(0));
  if (!list || !object.is_object()) return list.release();
  for (WeakrefObject* wr = list_head(object.as_object()); wr != nullptr; wr = wr->next)
    if (list_append(list.get(), Value::object(wr)) < 0) return Value();
  return list.release();
}

}  // namespace krait::runtime
