// The __reduce__/__setstate__ helpers of the built-in iterators (iter_pickle.h).
#include "runtime/iter_pickle.h"

#include "modules/modules.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/tuple.h"

namespace krait::runtime {

namespace {

// builtins.<name> (borrowed), as CPython's _PyEval_GetBuiltin.
Value builtin_named(const char* name) {
  Value builtins = modules::builtins_dict();
  Value f = builtins ? dict_get_item_str(builtins, name) : Value();
  if (!f && !error_occurred()) raise_format(exc::AttributeError, "module 'builtins' has no attribute '%s'", name);
  return f;
}

}  // namespace

Value iter_reduce_value(const char* builtin, Value seq, Value index) {
  Value f = builtin_named(builtin);
  if (!f) return Value();
  Ref args = Ref::steal(tuple_pack({seq}));
  if (!args) return Value();
  return tuple_pack({f, args.get(), index});
}

Value iter_reduce_value(const char* builtin, Value seq, int64_t index) {
  Ref i = Ref::steal(int_from_int64(index));
  if (!i) return Value();
  return iter_reduce_value(builtin, seq, i.get());
}

Value iter_reduce_exhausted(Value empty) {
  Value f = builtin_named("iter");
  if (!f) return Value();
  Ref args = Ref::steal(tuple_pack({empty}));
  if (!args) return Value();
  return tuple_pack({f, args.get()});
}

bool iter_state_index(Value state, int64_t* index) {
  if (!is_int(state)) {
    raise(exc::TypeError, "an integer is required");
    return false;
  }
  if (!int_to_int64(state, index)) {
    raise(exc::OverflowError, "Python int too large to convert to C ssize_t");
    return false;
  }
  return true;
}

}  // namespace krait::runtime

// --- list and tuple iterators (their layouts are public: list.h, tuple.h) -----------------------
#include "runtime/list.h"

namespace krait::runtime {

namespace {

ListIterObject* as_list_iter(Value v) { return static_cast<ListIterObject*>(v.as_object()); }
TupleIterObject* as_tuple_iter(Value v) { return static_cast<TupleIterObject*>(v.as_object()); }

int64_t clamp(int64_t v, int64_t lo, int64_t hi) { return v < lo ? lo : v > hi ? hi : v; }

Value empty_list_reduce() {
  Ref empty = Ref::steal(list_new(0));
  if (!empty) return Value();
  return iter_reduce_exhausted(empty.get());
}

}  // namespace

Value list_iterator_reduce(Value self) {
  ListIterObject* it = as_list_iter(self);
  if (!it->list) return empty_list_reduce();
  return iter_reduce_value("iter", it->list, it->index);
}
Value list_iterator_setstate(Value self, Value state) {
  int64_t index;
  if (!iter_state_index(state, &index)) return Value();
  ListIterObject* it = as_list_iter(self);
  if (it->list) it->index = clamp(index, 0, int64_t(list_size(it->list)));
  return incref(none()), none();
}
Value list_reverseiterator_reduce(Value self) {
  ListIterObject* it = as_list_iter(self);
  if (!it->list) return empty_list_reduce();
  return iter_reduce_value("reversed", it->list, it->index);
}
Value list_reverseiterator_setstate(Value self, Value state) {
  int64_t index;
  if (!iter_state_index(state, &index)) return Value();
  ListIterObject* it = as_list_iter(self);
  if (it->list) it->index = clamp(index, -1, int64_t(list_size(it->list)) - 1);
  return incref(none()), none();
}
Value tuple_iterator_reduce(Value self) {
  TupleIterObject* it = as_tuple_iter(self);
  if (!it->tuple) {
    Ref empty = Ref::steal(tuple_empty());
    return empty ? iter_reduce_exhausted(empty.get()) : Value();
  }
  return iter_reduce_value("iter", it->tuple, it->index);
}
Value tuple_iterator_setstate(Value self, Value state) {
  int64_t index;
  if (!iter_state_index(state, &index)) return Value();
  TupleIterObject* it = as_tuple_iter(self);
  if (it->tuple) it->index = clamp(index, 0, int64_t(tuple_size(it->tuple)));
  return incref(none()), none();
}

}  // namespace krait::runtime
