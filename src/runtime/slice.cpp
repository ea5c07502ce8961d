// slice objects and the index arithmetic every sequence shares.
#include "runtime/slice.h"

#include <climits>

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/int_internal.h"
#include "runtime/memory.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::runtime {

TypeObject slice_type;

namespace {

SliceObject* as_slice(Value v) { return static_cast<SliceObject*>(v.as_object()); }

void slice_dealloc(Object* self) {
  auto* s = static_cast<SliceObject*>(self);
  decref(s->start);
  decref(s->stop);
  decref(s->step);
  free_object(self);
}

void slice_traverse(Object* self, VisitFunc visit, void* context) {
  auto* s = static_cast<SliceObject*>(self);
  visit(s->start, context);
  visit(s->stop, context);
  visit(s->step, context);
}

Value slice_new_slot(TypeObject*, const Value* args, size_t nargs, Value kwnames) {
  if (!no_keywords("slice", kwnames)) return Value();
  if (nargs == 0) return raise(exc::TypeError, "slice expected at least 1 argument, got 0");
  if (nargs > 3) return raise_format(exc::TypeError, "slice expected at most 3 arguments, got %zu", nargs);
  if (nargs == 1) return slice_new(Value(), args[0], Value());
  return slice_new(args[0], args[1], nargs == 3 ? args[2] : Value());
}

Value slice_repr(Value self) {
  SliceObject* s = as_slice(self);
  std::string text = "slice(" + repr_utf8(s->start) + ", " + repr_utf8(s->stop) + ", " +
                     repr_utf8(s->step) + ")";
  if (error_occurred()) return Value();
  return str_from_utf8(text);
}

Value slice_as_tuple(Value self) {
  SliceObject* s = as_slice(self);
  return tuple_pack({s->start, s->stop, s->step});
}

Value slice_richcompare(Value a, Value b, CompareOp op) {
  if (!is_slice(a) || !is_slice(b)) return new_not_implemented();
  if (a.is(b) && (op == CompareOp::Eq || op == CompareOp::Ne))
    return new_ref(bool_value(op == CompareOp::Eq));
  Ref ta = Ref::steal(slice_as_tuple(a));
  Ref tb = Ref::steal(slice_as_tuple(b));
  if (!ta || !tb) return Value();
  return rich_compare(ta.get(), tb.get(), op);
}

int64_t slice_hash(Value self) {
  raise(exc::TypeError, "unhashable type: 'slice'");
  return -1;
}

Value slice_indices(Value self, Value length_arg) {
  Ref length_int = Ref::steal(number_index(length_arg));
  if (!length_int) return Value();
  if (int_sign(length_int.get()) < 0) return raise(exc::ValueError, "length should not be negative");
  int64_t length = as_ssize(length_int.get());
  if (length == -1 && error_occurred()) return Value();
  int64_t start, stop, step;
  if (slice_unpack(self, &start, &stop, &step) < 0) return Value();
  // indices() clips like PySlice_AdjustIndices but never past the ends for a negative step.
  slice_adjust_indices(length, &start, &stop, step);
  return tuple_pack({int_from_int64(start), int_from_int64(stop), int_from_int64(step)});
}

Value slice_reduce(Value self) {
  SliceObject* s = as_slice(self);
  Ref args = Ref::steal(tuple_pack({s->start, s->stop, s->step}));
  if (!args) return Value();
  return tuple_pack({Value::object(&slice_type), args.get()});
}

Value slice_get_start(Value self) { return new_ref(as_slice(self)->start); }
Value slice_get_stop(Value self) { return new_ref(as_slice(self)->stop); }
Value slice_get_step(Value self) { return new_ref(as_slice(self)->step); }

const MethodDef slice_methods[] = {
    {"indices", (void*)slice_indices, MethodKind::OneArg},
    {"__reduce__", (void*)slice_reduce, MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

const GetSetDef slice_getsets[] = {
    {"start", slice_get_start},
    {"stop", slice_get_stop},
    {"step", slice_get_step},
    {nullptr, nullptr},
};

// A slice bound as int64, clamped (PySlice_Unpack's rule). 0 or -1 + error.
int slice_index(Value v, int64_t* out) {
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return 0;
  }
  if (!is_int(v) && !type_of(v)->number.index) {
    raise(exc::TypeError, "slice indices must be integers or None or have an __index__ method");
    return -1;
  }
  Ref i = Ref::steal(number_index(v));
  if (!i) return -1;
  if (!int_to_int64(i.get(), out)) *out = int_sign(i.get()) < 0 ? INT64_MIN : INT64_MAX;
  return 0;
}

}  // namespace

Value slice_new(Value start, Value stop, Value step) {
  Object* memory = allocate_object(&slice_type, sizeof(SliceObject));
  if (memory == nullptr) return Value();
  auto* s = static_cast<SliceObject*>(memory);
  s->start = new_ref(start.is_null() ? none() : start);
  s->stop = new_ref(stop.is_null() ? none() : stop);
  s->step = new_ref(step.is_null() ? none() : step);
  return Value::object(s);
}

int slice_unpack(Value slice, int64_t* start, int64_t* stop, int64_t* step) {
  SliceObject* s = as_slice(slice);
  if (s->step.is(none())) {
    *step = 1;
  } else {
    if (slice_index(s->step, step) < 0) return -1;
    if (*step == 0) {
      raise(exc::ValueError, "slice step cannot be zero");
      return -1;
    }
    if (*step < -INT64_MAX) *step = -INT64_MAX;  // so that -step cannot overflow
  }
  if (s->start.is(none())) *start = *step < 0 ? INT64_MAX : 0;
  else if (slice_index(s->start, start) < 0) return -1;
  if (s->stop.is(none())) *stop = *step < 0 ? INT64_MIN : INT64_MAX;
  else if (slice_index(s->stop, stop) < 0) return -1;
  return 0;
}

int64_t slice_adjust_indices(int64_t length, int64_t* start, int64_t* stop, int64_t step) {
  if (*start < 0) {
    *start += length;
    if (*start < 0) *start = step < 0 ? -1 : 0;
  } else if (*start >= length) {
    *start = step < 0 ? length - 1 : length;
  }
  if (*stop < 0) {
    *stop += length;
    if (*stop < 0) *stop = step < 0 ? -1 : 0;
  } else if (*stop >= length) {
    *stop = step < 0 ? length - 1 : length;
  }
  if (step < 0) {
    if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
  } else if (*start < *stop) {
    return (*stop - *start - 1) / step + 1;
  }
  return 0;
}

void init_slice_type() {
  TypeObject& t = slice_type;
  init_number_static_type(t, "slice", &object_type, sizeof(SliceObject), 0);
  t.dealloc = slice_dealloc;
  t.traverse = slice_traverse;
  t.repr = slice_repr;
  t.hash = slice_hash;
  t.richcompare = slice_richcompare;
  t.new_ = slice_new_slot;
  add_methods(&t, slice_methods);
  add_getsets(&t, slice_getsets);
  type_ready(&t);
}

}  // namespace krait::runtime
