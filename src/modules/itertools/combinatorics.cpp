// itertools: product, permutations, combinations, combinations_with_replacement.
//
// Each keeps its pools as tuples and its position as an index array, and returns one result
// tuple that it updates in place while nobody else holds it (the common `for t in product(...)`
// loop then allocates nothing per item), as CPython does.
#include <cstring>
#include <string>

#include "modules/itertools/itertools_internal.h"
#include "modules/native_args.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::modules::itertools {

namespace {

TypeObject product_type, permutations_type, combinations_type, cwr_type;

// Index arrays from the pools (zeroed); nullptr + MemoryError.
int64_t* new_indices(size_t n) {
  if (n == 0) return nullptr;
  return static_cast<int64_t*>(mem_alloc(n * sizeof(int64_t)));
}
void free_indices(int64_t*& indices, size_t n) {
  if (indices) mem_free(indices, n * sizeof(int64_t));
  indices = nullptr;
}

// Replaces item i of a tuple being updated in place with `item` (borrowed).
inline void replace_item(Value tuple, size_t i, Value item) {
  incref(item);
  set_field(tuple_items(tuple)[i], item);
}

// The tuple to return after an in-place update.
inline Value result_of(Value tuple) { return new_ref(tuple); }

// An int from an index array (for __reduce__).
Value indices_tuple(const int64_t* indices, size_t n) {
  Ref t = Ref::steal(tuple_new(n));
  if (!t) return Value();
  for (size_t i = 0; i < n; ++i) {
    Value v = int_from_int64(indices[i]);
    if (!v) return Value();
    tuple_items(t.get())[i] = v;
  }
  return t.release();
}

// Reads a state tuple of n ints into `indices`, each clamped to [0, limit(i)].
template <typename Limit>
bool read_indices(Value state, int64_t* indices, size_t n, Limit limit) {
  if (!is_tuple(state) || tuple_size(state) != n) {
    raise(exc::ValueError, "invalid arguments");
    return false;
  }
  for (size_t i = 0; i < n; ++i) {
    int64_t x;
    if (!ssize_argument(tuple_get(state, i), &x)) return false;
    int64_t hi = limit(i);
    indices[i] = x < 0 ? 0 : (x > hi ? hi : x);
  }
  return true;
}

// --- product -------------------------------------------------------------------------------------

struct ProductObject : Object {
  Value pools;        // tuple of tuples (repeated `repeat` times)
  int64_t* indices;   // one per pool
  Value result;       // null before the first item
  bool stopped;
};

ProductObject* as_product(Value v) { return static_cast<ProductObject*>(v.as_object()); }

Value product_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  int64_t repeat = 1;
  if (keyword_count(kwnames) > 0) {
    Value r;
    if (!match_arguments("product", args + nargs, 0, kwnames, {"repeat"}, 0, 0, &r)) return Value();
    if (r && !ssize_argument(r, &repeat)) return Value();
    if (repeat < 0) return raise(exc::ValueError, "repeat argument cannot be negative");
  }
  if (repeat == 0) nargs = 0;  // as CPython: the iterables are not even read
  if (repeat > 0 && nargs > static_cast<size_t>(INT64_MAX / repeat))
    return raise(exc::OverflowError, "repeat argument too large");
  size_t npools = nargs * static_cast<size_t>(repeat);
  Ref pools = Ref::steal(tuple_new(npools));
  if (!pools) return Value();
  for (size_t i = 0; i < nargs; ++i) {
    Value pool = tuple_from_iterable(args[i]);
    if (!pool) return Value();
    tuple_items(pools.get())[i] = pool;
  }
  for (size_t i = nargs; i < npools; ++i) tuple_items(pools.get())[i] = new_ref(tuple_get(pools.get(), i - nargs));
  int64_t* indices = new_indices(npools);
  if (npools > 0 && indices == nullptr) return Value();
  ProductObject* p = allocate<ProductObject>(type);
  if (p == nullptr) {
    free_indices(indices, npools);
    return Value();
  }
  p->pools = pools.release();
  p->indices = indices;
  gc_track(p);
  return Value::object(p);
}

void product_clear(Object* self) {
  auto* p = static_cast<ProductObject*>(self);
  if (p->pools) free_indices(p->indices, tuple_size(p->pools));
  clear_field(p->pools);
  clear_field(p->result);
}
void product_dealloc(Object* self) {
  product_clear(self);
  free_object(self);
}
void product_traverse(Object* self, VisitFunc visit, void* context) {
  auto* p = static_cast<ProductObject*>(self);
  visit_field(p->pools, visit, context);
  visit_field(p->result, visit, context);
}

Value product_next(Value self) {
  ProductObject* p = as_product(self);
  if (p->stopped || !p->pools) return Value();
  Value pools = p->pools;
  size_t npools = tuple_size(pools);
  if (!p->result) {
    // The first item: the first element of each pool.
    Ref result = Ref::steal(tuple_new(npools));
    if (!result) return Value();
    for (size_t i = 0; i < npools; ++i) {
      Value pool = tuple_get(pools, i);
      if (tuple_size(pool) == 0) {
        p->stopped = true;
        return Value();
      }
      tuple_items(result.get())[i] = new_ref(tuple_get(pool, 0));
    }
    p->result = result.release();
    return result_of(p->result);
  }
  Value result = reusable_tuple(&p->result);
  if (!result) return Value();
  // Advance the indices right to left; a pool that rolls over carries into the next one.
  int64_t* indices = p->indices;
  for (size_t k = npools; k-- > 0;) {
    Value pool = tuple_get(pools, k);
    if (static_cast<size_t>(++indices[k]) == tuple_size(pool)) {
      indices[k] = 0;
      replace_item(result, k, tuple_get(pool, 0));
    } else {
      replace_item(result, k, tuple_get(pool, static_cast<size_t>(indices[k])));
      return result_of(result);
    }
  }
  p->stopped = true;  // every index rolled over
  return Value();
}

Value product_reduce(Value self) {
  ProductObject* p = as_product(self);
  Value type = type_value(type_of(self));
  if (p->stopped) {
    Ref empty = Ref::steal(tuple_empty());
    Ref args = Ref::steal(tuple_pack({empty.get()}));
    if (!args) return Value();
    return tuple_pack({type, args.get()});
  }
  if (!p->result) return tuple_pack({type, p->pools});
  Ref state = Ref::steal(indices_tuple(p->indices, tuple_size(p->pools)));
  if (!state) return Value();
  return tuple_pack({type, p->pools, state.get()});
}

Value product_setstate(Value self, Value state) {
  ProductObject* p = as_product(self);
  size_t n = tuple_size(p->pools);
  Value pools = p->pools;
  if (!read_indices(state, p->indices, n, [&](size_t i) {
        return static_cast<int64_t>(tuple_size(tuple_get(pools, i))) - 1;
      }))
    return Value();
  Ref result = Ref::steal(tuple_new(n));
  if (!result) return Value();
  for (size_t i = 0; i < n; ++i) {
    Value pool = tuple_get(pools, i);
    if (tuple_size(pool) == 0) {
      p->stopped = true;
      return new_ref(none());
    }
    tuple_items(result.get())[i] = new_ref(tuple_get(pool, static_cast<size_t>(p->indices[i])));
  }
  set_field(p->result, result.release());
  return new_ref(none());
}

const MethodDef product_methods[] = {
    {"__reduce__", (void*)product_reduce, MethodKind::NoArgs},
    {"__setstate__", (void*)product_setstate, MethodKind::OneArg},
    {nullptr, nullptr, MethodKind::NoArgs},
};

// --- combinations and combinations_with_replacement ----------------------------------------------

struct CombinationsObject : Object {
  Value pool;         // tuple
  int64_t* indices;   // r of them
  Value result;
  int64_t r;
  bool stopped;
};

CombinationsObject* as_combinations(Value v) { return static_cast<CombinationsObject*>(v.as_object()); }

Value combinations_make(TypeObject* type, const char* name, const Value* args, size_t nargs, Value kwnames,
                        bool replacement) {
  Value a[2];
  if (!match_arguments(name, args, nargs, kwnames, {"iterable", "r"}, 2, 2, a)) return Value();
  Ref pool = Ref::steal(tuple_from_iterable(a[0]));
  if (!pool) return Value();
  int64_t r;
  if (!ssize_argument(a[1], &r)) return Value();
  if (r < 0) return raise(exc::ValueError, "r must be non-negative");
  int64_t n = static_cast<int64_t>(tuple_size(pool.get()));
  int64_t* indices = new_indices(static_cast<size_t>(r));
  if (r > 0 && indices == nullptr) return Value();
  for (int64_t i = 0; i < r; ++i) indices[i] = replacement ? 0 : i;
  CombinationsObject* c = allocate<CombinationsObject>(type);
  if (c == nullptr) {
    free_indices(indices, static_cast<size_t>(r));
    return Value();
  }
  c->pool = pool.release();
  c->indices = indices;
  c->r = r;
  c->stopped = replacement ? (n == 0 && r > 0) : r > n;
  gc_track(c);
  return Value::object(c);
}

Value combinations_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  return combinations_make(type, "combinations", args, nargs, kwnames, false);
}
Value cwr_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  return combinations_make(type, "combinations_with_replacement", args, nargs, kwnames, true);
}

void combinations_clear(Object* self) {
  auto* c = static_cast<CombinationsObject*>(self);
  free_indices(c->indices, static_cast<size_t>(c->r));
  clear_field(c->pool);
  clear_field(c->result);
}
void combinations_dealloc(Object* self) {
  combinations_clear(self);
  free_object(self);
}
void combinations_traverse(Object* self, VisitFunc visit, void* context) {
  auto* c = static_cast<CombinationsObject*>(self);
  visit_field(c->pool, visit, context);
  visit_field(c->result, visit, context);
}

// The first result: pool[indices[i]] for each i.
Value first_result(Value pool, const int64_t* indices, size_t r) {
  Value result = tuple_new(r);
  if (!result) return Value();
  for (size_t i = 0; i < r; ++i) tuple_items(result)[i] = new_ref(tuple_get(pool, static_cast<size_t>(indices[i])));
  return result;
}

Value combinations_next(Value self) {
  CombinationsObject* c = as_combinations(self);
  if (c->stopped || !c->pool) return Value();
  Value pool = c->pool;
  int64_t n = static_cast<int64_t>(tuple_size(pool));
  int64_t r = c->r;
  int64_t* indices = c->indices;
  if (!c->result) {
    c->result = first_result(pool, indices, static_cast<size_t>(r));
    if (!c->result) return Value();
    return result_of(c->result);
  }
  Value result = reusable_tuple(&c->result);
  if (!result) return Value();
  // The rightmost index not at its maximum (i + n - r).
  int64_t i = r - 1;
  while (i >= 0 && indices[i] == i + n - r) --i;
  if (i < 0) {
    c->stopped = true;
    return Value();
  }
  // Increment it and reset the ones to its right to the lowest values that keep them sorted.
  ++indices[i];
  for (int64_t j = i + 1; j < r; ++j) indices[j] = indices[j - 1] + 1;
  for (; i < r; ++i) replace_item(result, static_cast<size_t>(i), tuple_get(pool, static_cast<size_t>(indices[i])));
  return result_of(result);
}

Value cwr_next(Value self) {
  CombinationsObject* c = as_combinations(self);
  if (c->stopped || !c->pool) return Value();
  Value pool = c->pool;
  int64_t n = static_cast<int64_t>(tuple_size(pool));
  int64_t r = c->r;
  int64_t* indices = c->indices;
  if (!c->result) {
    c->result = first_result(pool, indices, static_cast<size_t>(n > 0 ? r : 0));
    if (!c->result) return Value();
    return result_of(c->result);
  }
  Value result = reusable_tuple(&c->result);
  if (!result) return Value();
  // The rightmost index not at its maximum (n - 1).
  int64_t i = r - 1;
  while (i >= 0 && indices[i] == n - 1) --i;
  if (i < 0) {
    c->stopped = true;
    return Value();
  }
  // Increment it and give every index to its right the same value.
  int64_t index = indices[i] + 1;
  Value element = tuple_get(pool, static_cast<size_t>(index));
  for (; i < r; ++i) {
    indices[i] = index;
    replace_item(result, static_cast<size_t>(i), element);
  }
  return result_of(result);
}

Value combinations_reduce(Value self) {
  CombinationsObject* c = as_combinations(self);
  Value type = type_value(type_of(self));
  if (!c->result) {
    Ref args = Ref::steal(tuple_pack({c->pool, Value::small_int(c->r)}));
    if (!args) return Value();
    return tuple_pack({type, args.get()});
  }
  if (c->stopped) {
    Ref empty = Ref::steal(tuple_empty());
    Ref args = Ref::steal(tuple_pack({empty.get(), Value::small_int(c->r)}));
    if (!args) return Value();
    return tuple_pack({type, args.get()});
  }
  Ref args = Ref::steal(tuple_pack({c->pool, Value::small_int(c->r)}));
  Ref state = Ref::steal(indices_tuple(c->indices, static_cast<size_t>(c->r)));
  if (!args || !state) return Value();
  return tuple_pack({type, args.get(), state.get()});
}

Value combinations_setstate_impl(Value self, Value state, bool replacement) {
  CombinationsObject* c = as_combinations(self);
  int64_t n = static_cast<int64_t>(tuple_size(c->pool));
  int64_t r = c->r;
  if (!read_indices(state, c->indices, static_cast<size_t>(r),
                    [&](size_t i) { return replacement ? n - 1 : static_cast<int64_t>(i) + n - r; }))
    return Value();
  Value result = first_result(c->pool, c->indices, static_cast<size_t>(r));
  if (!result) return Value();
  set_field(c->result, result);
  return new_ref(none());
}
Value combinations_setstate(Value self, Value state) { return combinations_setstate_impl(self, state, false); }
Value cwr_setstate(Value self, Value state) { return combinations_setstate_impl(self, state, true); }

const MethodDef combinations_methods[] = {
    {"__reduce__", (void*)combinations_reduce, MethodKind::NoArgs},
    {"__setstate__", (void*)combinations_setstate, MethodKind::OneArg},
    {nullptr, nullptr, MethodKind::NoArgs},
};
const MethodDef cwr_methods[] = {
    {"__reduce__", (void*)combinations_reduce, MethodKind::NoArgs},
    {"__setstate__", (void*)cwr_setstate, MethodKind::OneArg},
    {nullptr, nullptr, MethodKind::NoArgs},
};

// --- permutations --------------------------------------------------------------------------------

struct PermutationsObject : Object {
  Value pool;
  int64_t* indices;   // n of them
  int64_t* cycles;    // r of them
  Value result;
  int64_t r;
  bool stopped;
};

PermutationsObject* as_permutations(Value v) { return static_cast<PermutationsObject*>(v.as_object()); }

Value permutations_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  if (!match_arguments("permutations", args, nargs, kwnames, {"iterable", "r"}, 2, 1, a)) return Value();
  Ref pool = Ref::steal(tuple_from_iterable(a[0]));
  if (!pool) return Value();
  int64_t n = static_cast<int64_t>(tuple_size(pool.get()));
  int64_t r = n;
  if (a[1] && !a[1].is(none())) {
    if (!is_int(a[1])) return raise(exc::TypeError, "Expected int as r");
    if (!int_to_int64(a[1], &r)) return raise(exc::OverflowError, "Python int too large to convert to C ssize_t");
  }
  if (r < 0) return raise(exc::ValueError, "r must be non-negative");
  int64_t* indices = new_indices(static_cast<size_t>(n));
  int64_t* cycles = new_indices(static_cast<size_t>(r));
  if ((n > 0 && indices == nullptr) || (r > 0 && cycles == nullptr)) {
    free_indices(indices, static_cast<size_t>(n));
    free_indices(cycles, static_cast<size_t>(r));
    return Value();
  }
  for (int64_t i = 0; i < n; ++i) indices[i] = i;
  for (int64_t i = 0; i < r; ++i) cycles[i] = n - i;
  PermutationsObject* p = allocate<PermutationsObject>(type);
  if (p == nullptr) {
    free_indices(indices, static_cast<size_t>(n));
    free_indices(cycles, static_cast<size_t>(r));
    return Value();
  }
  p->pool = pool.release();
  p->indices = indices;
  p->cycles = cycles;
  p->r = r;
  p->stopped = r > n;
  gc_track(p);
  return Value::object(p);
}

void permutations_clear(Object* self) {
  auto* p = static_cast<PermutationsObject*>(self);
  if (p->pool) free_indices(p->indices, tuple_size(p->pool));
  free_indices(p->cycles, static_cast<size_t>(p->r));
  clear_field(p->pool);
  clear_field(p->result);
}
void permutations_dealloc(Object* self) {
  permutations_clear(self);
  free_object(self);
}
void permutations_traverse(Object* self, VisitFunc visit, void* context) {
  auto* p = static_cast<PermutationsObject*>(self);
  visit_field(p->pool, visit, context);
  visit_field(p->result, visit, context);
}

Value permutations_next(Value self) {
  PermutationsObject* p = as_permutations(self);
  if (p->stopped || !p->pool) return Value();
  Value pool = p->pool;
  int64_t n = static_cast<int64_t>(tuple_size(pool));
  int64_t r = p->r;
  int64_t* indices = p->indices;
  int64_t* cycles = p->cycles;
  if (!p->result) {
    p->result = first_result(pool, indices, static_cast<size_t>(r));
    if (!p->result) return Value();
    return result_of(p->result);
  }
  if (n == 0) {
    p->stopped = true;
    return Value();
  }
  Value result = reusable_tuple(&p->result);
  if (!result) return Value();
  // Decrement the rightmost cycle, moving left when one rolls over.
  for (int64_t i = r - 1; i >= 0; --i) {
    if (--cycles[i] == 0) {
      // indices[i:] = indices[i+1:] + indices[i:i+1]
      int64_t index = indices[i];
      for (int64_t j = i; j < n - 1; ++j) indices[j] = indices[j + 1];
      indices[n - 1] = index;
      cycles[i] = n - i;
    } else {
      int64_t j = cycles[i];
      std::swap(indices[i], indices[n - j]);
      for (int64_t k = i; k < r; ++k)
        replace_item(result, static_cast<size_t>(k), tuple_get(pool, static_cast<size_t>(indices[k])));
      return result_of(result);
    }
  }
  p->stopped = true;  // every cycle rolled over
  return Value();
}

Value permutations_reduce(Value self) {
  PermutationsObject* p = as_permutations(self);
  Value type = type_value(type_of(self));
  if (!p->result) {
    Ref args = Ref::steal(tuple_pack({p->pool, Value::small_int(p->r)}));
    if (!args) return Value();
    return tuple_pack({type, args.get()});
  }
  if (p->stopped) {
    Ref empty = Ref::steal(tuple_empty());
    Ref args = Ref::steal(tuple_pack({empty.get(), Value::small_int(p->r)}));
    if (!args) return Value();
    return tuple_pack({type, args.get()});
  }
  size_t n = tuple_size(p->pool);
  Ref indices = Ref::steal(indices_tuple(p->indices, n));
  Ref cycles = Ref::steal(indices_tuple(p->cycles, static_cast<size_t>(p->r)));
  Ref args = Ref::steal(tuple_pack({p->pool, Value::small_int(p->r)}));
  if (!indices || !cycles || !args) return Value();
  Ref state = Ref::steal(tuple_pack({indices.get(), cycles.get()}));
  if (!state) return Value();
  return tuple_pack({type, args.get(), state.get()});
}

Value permutations_setstate(Value self, Value state) {
  PermutationsObject* p = as_permutations(self);
  int64_t n = static_cast<int64_t>(tuple_size(p->pool));
  if (!is_tuple(state) || tuple_size(state) != 2) return raise(exc::ValueError, "invalid arguments");
  if (!read_indices(tuple_get(state, 0), p->indices, static_cast<size_t>(n), [&](size_t) { return n - 1; }) ||
      !read_indices(tuple_get(state, 1), p->cycles, static_cast<size_t>(p->r),
                    [&](size_t i) { return n - static_cast<int64_t>(i); }))
    return Value();
  for (int64_t i = 0; i < p->r; ++i)
    if (p->cycles[i] < 1) p->cycles[i] = 1;
  Value result = first_result(p->pool, p->indices, static_cast<size_t>(p->r));
  if (!result) return Value();
  set_field(p->result, result);
  return new_ref(none());
}

const MethodDef permutations_methods[] = {
    {"__reduce__", (void*)permutations_reduce, MethodKind::NoArgs},
    {"__setstate__", (void*)permutations_setstate, MethodKind::OneArg},
    {nullptr, nullptr, MethodKind::NoArgs},
};

int ready_types() {
  static bool done = false;
  if (done) return 0;
  init_iterator_type(product_type, "product", sizeof(ProductObject));
  product_type.new_ = product_new;
  product_type.iternext = product_next;
  product_type.dealloc = product_dealloc;
  product_type.traverse = product_traverse;
  product_type.clear = product_clear;
  add_methods(&product_type, product_methods);

  init_iterator_type(combinations_type, "combinations", sizeof(CombinationsObject));
  combinations_type.new_ = combinations_new;
  combinations_type.iternext = combinations_next;
  combinations_type.dealloc = combinations_dealloc;
  combinations_type.traverse = combinations_traverse;
  combinations_type.clear = combinations_clear;
  add_methods(&combinations_type, combinations_methods);

  init_iterator_type(cwr_type, "combinations_with_replacement", sizeof(CombinationsObject));
  cwr_type.new_ = cwr_new;
  cwr_type.iternext = cwr_next;
  cwr_type.dealloc = combinations_dealloc;
  cwr_type.traverse = combinations_traverse;
  cwr_type.clear = combinations_clear;
  add_methods(&cwr_type, cwr_methods);

  init_iterator_type(permutations_type, "permutations", sizeof(PermutationsObject));
  permutations_type.new_ = permutations_new;
  permutations_type.iternext = permutations_next;
  permutations_type.dealloc = permutations_dealloc;
  permutations_type.traverse = permutations_traverse;
  permutations_type.clear = permutations_clear;
  add_methods(&permutations_type, permutations_methods);

  for (TypeObject* t : {&product_type, &combinations_type, &cwr_type, &permutations_type})
    if (type_ready(t) < 0) return -1;
  done = true;
  return 0;
}

}  // namespace

int add_combinatoric_types(Value module) {
  if (ready_types() < 0) return -1;
  for (TypeObject* t : {&product_type, &combinations_type, &cwr_type, &permutations_type})
    if (module_add(module, t->qualname.c_str(), type_value(t)) < 0) return -1;
  return 0;
}

}  // namespace krait::modules::itertools
