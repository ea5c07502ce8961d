// list: CPython's over-allocation, slice assignment, a stable merge sort that never trusts the
// comparison to be consistent, repr with recursion "[...]".
#include "runtime/list.h"

#include "runtime/iter_pickle.h"

#include <cstdlib>
#include <algorithm>
#include <cstring>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/coll_util.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/memory.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/str_builder.h"
#include "runtime/tuple.h"
#include "vm/eval.h"

namespace krait::runtime {

TypeObject list_type, list_iterator_type, list_reverseiterator_type;

namespace {

Value new_ref(Value v) {
  incref(v);
  return v;
}

// CPython's list_resize: over-allocates by about 1/8 so appends are amortized O(1).
bool list_resize(ListObject* l, int64_t newsize) {
  if (l->allocated >= newsize && newsize >= (l->allocated >> 1)) {
    l->size = newsize;
    return true;
  }
  int64_t new_allocated = (newsize + (newsize >> 3) + 6) & ~int64_t(3);
  if (newsize - l->size > new_allocated - newsize) new_allocated = (newsize + 3) & ~int64_t(3);
  // Item arrays come from the allocator's pools (memory.h), as CPython's from pymalloc.
  size_t old_bytes = static_cast<size_t>(l->allocated > 0 ? l->allocated : 0) * sizeof(Value);
  if (newsize == 0) {
    mem_free(l->items, old_bytes);
    l->items = nullptr;
    l->size = l->allocated = 0;
    return true;
  }
  Value* items = static_cast<Value*>(mem_realloc(l->items, old_bytes, static_cast<size_t>(new_allocated) * sizeof(Value)));
  if (items == nullptr && new_allocated > 0) return false;  // MemoryError set
  l->items = items;
  l->size = newsize;
  l->allocated = new_allocated;
  return true;
}

ListObject* allocate_list(TypeObject* type, size_t n) {
  Object* memory = allocate_object(type, type->basic_size > sizeof(ListObject) ? type->basic_size : sizeof(ListObject));
  if (memory == nullptr) return nullptr;
  ListObject* l = static_cast<ListObject*>(memory);
  l->items = nullptr;
  l->size = 0;
  l->allocated = 0;
  if (n > 0) {
    l->items = static_cast<Value*>(mem_alloc(n * sizeof(Value)));
    if (l->items == nullptr) {
      free_object(l);
      return nullptr;  // MemoryError set
    }
    l->size = l->allocated = static_cast<int64_t>(n);
  }
  return l;
}

}  // namespace

bool is_list(Value v) { return v.is_object() && (v.as_object()->type->flags & TypeFlag::ListSubclass); }
bool is_list_exact(Value v) { return v.is_object() && v.as_object()->type == &list_type; }

Value list_new(size_t n) {
  ListObject* l = allocate_list(&list_type, n);
  if (l == nullptr) return Value();
  gc_track(l);
  return Value::object(l);
}

Value list_from_array(const Value* items, size_t n) {
  Value l = list_new(n);
  if (l.is_null()) return l;
  for (size_t i = 0; i < n; ++i) list_items(l)[i] = new_ref(items[i]);
  return l;
}

Value list_from_iterable(Value iterable) {
  Ref l = Ref::steal(list_new(0));
  if (!l || list_extend(l.get(), iterable) < 0) return Value();
  return l.release();
}

int list_append(Value list, Value item) {
  ListObject* l = as_list(list);
  int64_t n = l->size;
  if (n < l->allocated) {
    l->items[n] = new_ref(item);
    l->size = n + 1;
    return 0;
  }
  if (!list_resize(l, n + 1)) return -1;
  l->items[n] = new_ref(item);
  return 0;
}

int list_insert(Value list, int64_t where, Value item) {
  ListObject* l = as_list(list);
  int64_t n = l->size;
  if (!list_resize(l, n + 1)) return -1;
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  std::memmove(l->items + where + 1, l->items + where, static_cast<size_t>(n - where) * sizeof(Value));
  l->items[where] = new_ref(item);
  return 0;
}

int list_extend(Value list, Value iterable) {
  if (is_list_exact(iterable) || is_tuple_exact(iterable)) {
    bool from_list = is_list_exact(iterable);
    size_t m = from_list ? list_size(iterable) : tuple_size(iterable);
    if (m == 0) return 0;
    ListObject* l = as_list(list);
    int64_t n = l->size;
    if (!list_resize(l, n + static_cast<int64_t>(m))) return -1;
    // list.extend(itself) reads the items after the resize: they are the first n.
    const Value* src = from_list ? list_items(iterable) : tuple_items(iterable);
    for (size_t i = 0; i < m; ++i) l->items[n + static_cast<int64_t>(i)] = new_ref(src[i]);
    return 0;
  }
  Ref it = Ref::steal(get_iter(iterable));
  if (!it) return -1;
  while (true) {
    Value item = iter_next(it.get());
    if (item.is_null()) return error_occurred() ? -1 : 0;
    int r = list_append(list, item);
    decref(item);
    if (r < 0) return -1;
  }
}

void list_set(Value list, size_t i, Value item) {
  Value old = list_items(list)[i];
  list_items(list)[i] = new_ref(item);
  xdecref(old);
}

int list_reverse(Value list) {
  ListObject* l = as_list(list);
  for (int64_t i = 0, j = l->size - 1; i < j; ++i, --j) std::swap(l->items[i], l->items[j]);
  return 0;
}

Value list_as_tuple(Value list) { return tuple_from_array(list_items(list), list_size(list)); }

Value list_slice(Value list, int64_t start, int64_t stop) {
  int64_t n = static_cast<int64_t>(list_size(list));
  if (start < 0) start = 0;
  if (stop > n) stop = n;
  if (stop < start) stop = start;
  return list_from_array(list_items(list) + start, static_cast<size_t>(stop - start));
}

Value list_repr(Value v) {
  if (list_size(v) == 0) return str_from_ascii("[]");
  int entered = coll::repr_enter(v.as_object());
  if (entered != 0) return entered > 0 ? str_from_ascii("[...]") : Value();
  StrBuilder b;
  b.push('[');
  bool ok = vm::enter_recursive_call(" while getting the repr of an object");
  if (ok) {
    // The list may change while an item's repr runs: re-read the size each time.
    for (size_t i = 0; i < list_size(v); ++i) {
      if (i > 0) b.push_ascii(", ");
      Ref item = Ref::borrow(list_get(v, i));
      Ref r = Ref::steal(repr(item.get()));
      if (!r) {
        ok = false;
        break;
      }
      b.append(r.get());
    }
    vm::leave_recursive_call();
  }
  coll::repr_leave(v.as_object());
  if (!ok) return Value();
  b.push(']');
  return b.finish();
}

// --- sorting ---------------------------------------------------------------------------------

namespace {

struct SortItem {
  Value key;
  Value value;
};

// A stable merge sort (binary insertion for short runs, then merges). Every loop is bounded by
// indices, so an inconsistent __lt__ cannot make it read out of bounds; after an error the
// comparisons stop and the order is left as it is.
class Sorter {
 public:
  explicit Sorter(std::vector<SortItem>& items) : items_(items) {}
  bool run() {
    size_t n = items_.size();
    constexpr size_t kRun = 32;
    for (size_t lo = 0; lo < n && !failed_; lo += kRun) insertion(lo, lo + kRun < n ? lo + kRun : n);
    std::vector<SortItem> buffer(n);
    for (size_t width = kRun; width < n && !failed_; width *= 2) {
      for (size_t lo = 0; lo + width < n && !failed_; lo += 2 * width) {
        size_t mid = lo + width, hi = lo + 2 * width < n ? lo + 2 * width : n;
        merge(lo, mid, hi, buffer);
      }
    }
    return !failed_;
  }

 private:
  bool less(const SortItem& a, const SortItem& b) {
    if (failed_) return false;
    int r = rich_compare_bool(a.key, b.key, CompareOp::Lt);
    if (r < 0) {
      failed_ = true;
      return false;
    }
    return r != 0;
  }
  void insertion(size_t lo, size_t hi) {
    for (size_t i = lo + 1; i < hi && !failed_; ++i) {
      SortItem pivot = items_[i];
      size_t left = lo, right = i;
      while (left < right) {
        size_t mid = left + (right - left) / 2;
        if (less(pivot, items_[mid])) right = mid; else left = mid + 1;
      }
      for (size_t j = i; j > left; --j) items_[j] = items_[j - 1];
      items_[left] = pivot;
    }
  }
  void merge(size_t lo, size_t mid, size_t hi, std::vector<SortItem>& buffer) {
    if (!less(items_[mid], items_[mid - 1])) return;  // already in order
    size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi) buffer[k++] = less(items_[j], items_[i]) ? items_[j++] : items_[i++];
    while (i < mid) buffer[k++] = items_[i++];
    while (j < hi) buffer[k++] = items_[j++];
    for (size_t x = lo; x < hi; ++x) items_[x] = buffer[x];
  }
  std::vector<SortItem>& items_;
  bool failed_ = false;
};

Value list_sort_impl(Value list, Value key_func, bool reverse) {
  ListObject* l = as_list(list);
  // The list is emptied while sorting so that changes made by comparisons are detected.
  Value* saved = l->items;
  int64_t n = l->size, allocated = l->allocated;
  l->items = nullptr;
  l->size = 0;
  l->allocated = -1;
  std::vector<SortItem> items(static_cast<size_t>(n));
  bool ok = true;
  for (int64_t i = 0; i < n; ++i) {
    items[i].value = saved[i];
    if (key_func.is_null() || key_func.is(none())) {
      items[i].key = saved[i];
    } else if (ok) {
      items[i].key = call_one_arg(key_func, saved[i]);
      if (items[i].key.is_null()) ok = false;
    }
  }
  if (ok) {
    if (reverse) std::reverse(items.begin(), items.end());
    ok = Sorter(items).run();
    if (reverse) std::reverse(items.begin(), items.end());
  }
  if (!key_func.is_null() && !key_func.is(none())) {
    for (auto& item : items) xdecref(item.key);
  }
  if (ok) {
    for (int64_t i = 0; i < n; ++i) saved[i] = items[i].value;
  }
  bool modified = l->allocated != -1 || l->items != nullptr;
  Value* extra = l->items;
  int64_t extra_size = l->size, extra_allocated = l->allocated > 0 ? l->allocated : 0;
  l->items = saved;
  l->size = n;
  l->allocated = allocated;
  if (modified) {
    for (int64_t i = 0; i < extra_size; ++i) xdecref(extra[i]);
    if (extra) mem_free(extra, static_cast<size_t>(extra_allocated) * sizeof(Value));
    if (ok) {
      raise(exc::ValueError, "list modified during sort");
      ok = false;
    }
  }
  if (!ok) return Value();
  return new_ref(none());
}

}  // namespace

int list_sort(Value list) {
  Value r = list_sort_impl(list, Value(), false);
  if (r.is_null()) return -1;
  decref(r);
  return 0;
}

namespace {

// --- slots -----------------------------------------------------------------------------------

void list_clear_items(ListObject* l) {
  Value* items = l->items;
  int64_t n = l->size, allocated = l->allocated > 0 ? l->allocated : 0;
  l->items = nullptr;
  l->size = 0;
  l->allocated = 0;
  for (int64_t i = n - 1; i >= 0; --i) xdecref(items[i]);  // last item first, as CPython
  if (items) mem_free(items, static_cast<size_t>(allocated) * sizeof(Value));
}

void list_dealloc(Object* self) {
  list_clear_items(static_cast<ListObject*>(self));
  free_object(self);
}

void list_traverse(Object* self, VisitFunc visit, void* context) {
  ListObject* l = static_cast<ListObject*>(self);
  for (int64_t i = 0; i < l->size; ++i) {
    if (l->items[i].is_object()) visit(l->items[i], context);
  }
}

void list_clear_slot(Object* self) { list_clear_items(static_cast<ListObject*>(self)); }

int64_t list_length(Value v) { return static_cast<int64_t>(list_size(v)); }

Value list_richcompare(Value a, Value b, CompareOp op) {
  if (!is_list(a) || !is_list(b)) return new_ref(not_implemented());
  if ((op == CompareOp::Eq || op == CompareOp::Ne) && list_size(a) != list_size(b)) {
    return new_ref(bool_value(op == CompareOp::Ne));
  }
  size_t i = 0;
  for (; i < list_size(a) && i < list_size(b); ++i) {
    Ref x = Ref::borrow(list_get(a, i)), y = Ref::borrow(list_get(b, i));
    int eq = rich_compare_bool(x.get(), y.get(), CompareOp::Eq);
    if (eq < 0) return Value();
    if (!eq) break;
  }
  size_t n = list_size(a), m = list_size(b);
  if (i >= n || i >= m) {
    bool r;
    switch (op) {
      case CompareOp::Lt: r = n < m; break;
      case CompareOp::Le: r = n <= m; break;
      case CompareOp::Eq: r = n == m; break;
      case CompareOp::Ne: r = n != m; break;
      case CompareOp::Gt: r = n > m; break;
      default: r = n >= m; break;
    }
    return new_ref(bool_value(r));
  }
  if (op == CompareOp::Eq) return new_ref(false_value());
  if (op == CompareOp::Ne) return new_ref(true_value());
  Ref x = Ref::borrow(list_get(a, i)), y = Ref::borrow(list_get(b, i));
  return rich_compare(x.get(), y.get(), op);
}

Value list_concat(Value a, Value b) {
  if (!is_list(b)) {
    return raise_format(exc::TypeError, "can only concatenate list (not \"%s\") to list", coll::type_name(b));
  }
  size_t n = list_size(a), m = list_size(b);
  Value l = list_new(n + m);
  if (l.is_null()) return l;
  for (size_t i = 0; i < n; ++i) list_items(l)[i] = new_ref(list_get(a, i));
  for (size_t i = 0; i < m; ++i) list_items(l)[n + i] = new_ref(list_get(b, i));
  return l;
}

Value list_repeat(Value self, int64_t count) {
  size_t n = list_size(self);
  if (count <= 0 || n == 0) return list_new(0);
  if (static_cast<uint64_t>(count) > (INT64_MAX / 16) / n) return raise_no_memory();
  Value l = list_new(n * static_cast<size_t>(count));
  if (l.is_null()) return l;
  Value* out = list_items(l);
  for (int64_t c = 0; c < count; ++c) {
    for (size_t i = 0; i < n; ++i) *out++ = new_ref(list_get(self, i));
  }
  return l;
}

Value list_item(Value self, int64_t index) {
  if (index < 0 || static_cast<size_t>(index) >= list_size(self)) return raise(exc::IndexError, "list index out of range");
  return new_ref(list_get(self, static_cast<size_t>(index)));
}

bool index_key(Value key, int64_t* index) {
  if (!coll::index_arg(key, index)) {
    if (error_matches(exc::OverflowError)) {
      clear_error();
      raise(exc::IndexError, "cannot fit 'int' into an index-sized integer");
    }
    return false;
  }
  return true;
}

Value list_subscript(Value self, Value key) {
  if (key.is_small_int() || (!is_slice(key) && type_of(key)->number.index != nullptr)) {
    int64_t index;
    if (!index_key(key, &index)) return Value();
    if (index < 0) index += static_cast<int64_t>(list_size(self));
    return list_item(self, index);
  }
  if (is_slice(key)) {
    int64_t start, stop, step;
    if (slice_unpack(key, &start, &stop, &step) < 0) return Value();
    int64_t n = slice_adjust_indices(static_cast<int64_t>(list_size(self)), &start, &stop, step);
    if (step == 1) return list_slice(self, start, start + n);
    Value l = list_new(static_cast<size_t>(n));
    if (l.is_null()) return l;
    for (int64_t i = 0, at = start; i < n; ++i, at += step) list_items(l)[i] = new_ref(list_get(self, static_cast<size_t>(at)));
    return l;
  }
  return raise_format(exc::TypeError, "list indices must be integers or slices, not %s", coll::type_name(key));
}

// self[lo:hi] = items (a list of new values, possibly empty), step 1.
int assign_slice(Value self, int64_t lo, int64_t hi, const Value* items, int64_t m) {
  ListObject* l = as_list(self);
  int64_t n = l->size;
  if (lo < 0) lo = 0; else if (lo > n) lo = n;
  if (hi < lo) hi = lo; else if (hi > n) hi = n;
  int64_t removed = hi - lo;
  std::vector<Value> old(l->items + lo, l->items + hi);
  int64_t delta = m - removed;
  if (delta < 0) {
    std::memmove(l->items + hi + delta, l->items + hi, static_cast<size_t>(n - hi) * sizeof(Value));
    if (!list_resize(l, n + delta)) return -1;
  } else if (delta > 0) {
    if (!list_resize(l, n + delta)) return -1;
    std::memmove(l->items + hi + delta, l->items + hi, static_cast<size_t>(n - hi) * sizeof(Value));
  }
  for (int64_t i = 0; i < m; ++i) l->items[lo + i] = new_ref(items[i]);
  for (size_t i = old.size(); i-- > 0;) xdecref(old[i]);  // last first, as CPython (__del__ order)
  return 0;
}

int list_ass_subscript(Value self, Value key, Value value) {
  if (key.is_small_int() || (!is_slice(key) && type_of(key)->number.index != nullptr)) {
    int64_t index;
    if (!index_key(key, &index)) return -1;
    int64_t n = static_cast<int64_t>(list_size(self));
    if (index < 0) index += n;
    if (index < 0 || index >= n) {
      raise(exc::IndexError, "list assignment index out of range");
      return -1;
    }
    if (value.is_null()) return assign_slice(self, index, index + 1, nullptr, 0);
    list_set(self, static_cast<size_t>(index), value);
    return 0;
  }
  if (!is_slice(key)) {
    raise_format(exc::TypeError, "list indices must be integers or slices, not %s", coll::type_name(key));
    return -1;
  }
  int64_t start, stop, step;
  if (slice_unpack(key, &start, &stop, &step) < 0) return -1;
  int64_t length = slice_adjust_indices(static_cast<int64_t>(list_size(self)), &start, &stop, step);
  Ref seq;
  size_t m = 0;
  const Value* items = nullptr;
  if (!value.is_null()) {
    if (value.is(self)) {
      seq = Ref::steal(list_slice(self, 0, static_cast<int64_t>(list_size(self))));
    } else if (is_list_exact(value) || is_tuple_exact(value)) {
      seq = Ref::borrow(value);
    } else {
      seq = Ref::steal(list_from_iterable(value));
      if (!seq) {
        if (error_matches(exc::TypeError) && step == 1) {
          clear_error();
          raise(exc::TypeError, "can only assign an iterable");
        } else if (error_matches(exc::TypeError)) {
          clear_error();
          raise(exc::TypeError, "must assign iterable to extended slice");
        }
        return -1;
      }
    }
    bool is_l = is_list(seq.get());
    m = is_l ? list_size(seq.get()) : tuple_size(seq.get());
    items = is_l ? list_items(seq.get()) : tuple_items(seq.get());
  }
  if (step == 1) {
    // A copy: items may alias the list's own storage.
    std::vector<Value> copy(items, items + m);
    return assign_slice(self, start, stop, copy.data(), static_cast<int64_t>(m));
  }
  if (value.is_null()) {
    if (length <= 0) return 0;
    if (step < 0) {
      stop = start + 1;
      start = stop + step * (length - 1) - 1;
      step = -step;
    }
    ListObject* l = as_list(self);
    std::vector<Value> removed;
    int64_t out = start;
    for (int64_t i = start; i < l->size; ++i) {
      if (i < stop && (i - start) % step == 0 && static_cast<int64_t>(removed.size()) < length) {
        removed.push_back(l->items[i]);
      } else {
        l->items[out++] = l->items[i];
      }
    }
    list_resize(l, l->size - static_cast<int64_t>(removed.size()));
    for (Value v : removed) xdecref(v);
    return 0;
  }
  if (static_cast<int64_t>(m) != length) {
    raise_format(exc::ValueError, "attempt to assign sequence of size %zu to extended slice of size %lld", m,
                 static_cast<long long>(length));
    return -1;
  }
  std::vector<Value> copy(items, items + m);
  for (int64_t i = 0, at = start; i < length; ++i, at += step) list_set(self, static_cast<size_t>(at), copy[i]);
  return 0;
}

int list_contains(Value self, Value item) {
  for (size_t i = 0; i < list_size(self); ++i) {
    Ref x = Ref::borrow(list_get(self, i));
    int eq = rich_compare_bool(x.get(), item, CompareOp::Eq);
    if (eq != 0) return eq;
  }
  return 0;
}

Value list_inplace_concat(Value self, Value other) {
  if (list_extend(self, other) < 0) return Value();
  return new_ref(self);
}

Value list_inplace_repeat(Value self, Value count_value) {
  if (!count_value.is_small_int() && type_of(count_value)->number.index == nullptr) return new_ref(not_implemented());
  int64_t count;
  if (!coll::index_arg(count_value, &count)) return Value();
  ListObject* l = as_list(self);
  int64_t n = l->size;
  if (count <= 0 || n == 0) {
    list_clear_items(l);
    return new_ref(self);
  }
  if (count == 1) return new_ref(self);
  if (!list_resize(l, n * count)) return Value();
  for (int64_t c = 1; c < count; ++c) {
    for (int64_t i = 0; i < n; ++i) l->items[c * n + i] = new_ref(l->items[i]);
  }
  return new_ref(self);
}

// --- iterators -------------------------------------------------------------------------------

Value make_iter(TypeObject* type, Value list, int64_t index) {
  ListIterObject* it = new_object<ListIterObject>(type);
  if (it == nullptr) return Value();
  it->index = index;
  it->list = new_ref(list);
  gc_track(it);
  return Value::object(it);
}
Value list_iter(Value self) { return make_iter(&list_iterator_type, self, 0); }
Value list_reversed(Value self) {
  return make_iter(&list_reverseiterator_type, self, static_cast<int64_t>(list_size(self)) - 1);
}

Value list_iterator_next(Value self) {
  ListIterObject* it = static_cast<ListIterObject*>(self.as_object());
  if (it->list.is_null()) return Value();
  if (it->index >= 0 && static_cast<size_t>(it->index) < list_size(it->list)) {
    return new_ref(list_get(it->list, static_cast<size_t>(it->index++)));
  }
  Value l = it->list;
  it->list = Value();
  decref(l);
  return Value();
}
Value list_reverseiterator_next(Value self) {
  ListIterObject* it = static_cast<ListIterObject*>(self.as_object());
  if (it->list.is_null()) return Value();
  if (it->index >= 0 && static_cast<size_t>(it->index) < list_size(it->list)) {
    return new_ref(list_get(it->list, static_cast<size_t>(it->index--)));
  }
  it->index = -1;
  Value l = it->list;
  it->list = Value();
  decref(l);
  return Value();
}
void list_iterator_dealloc(Object* self) {
  xdecref(static_cast<ListIterObject*>(self)->list);
  free_object(self);
}
void list_iterator_traverse(Object* self, VisitFunc visit, void* context) {
  Value l = static_cast<ListIterObject*>(self)->list;
  if (l.is_object()) visit(l, context);
}
Value iter_self(Value self) { return new_ref(self); }
Value list_iterator_length_hint(Value self) {
  ListIterObject* it = static_cast<ListIterObject*>(self.as_object());
  if (it->list.is_null()) return int_from_int64(0);
  int64_t left = static_cast<int64_t>(list_size(it->list)) - it->index;
  return int_from_int64(left < 0 ? 0 : left);
}
Value list_reverseiterator_length_hint(Value self) {
  ListIterObject* it = static_cast<ListIterObject*>(self.as_object());
  if (it->list.is_null() || static_cast<size_t>(it->index + 1) > list_size(it->list)) return int_from_int64(0);
  return int_from_int64(it->index + 1);
}

// --- methods ---------------------------------------------------------------------------------

Value list_append_method(Value self, Value item) {
  if (list_append(self, item) < 0) return Value();
  return new_ref(none());
}
Value list_extend_method(Value self, Value iterable) {
  if (list_extend(self, iterable) < 0) return Value();
  return new_ref(none());
}
Value list_insert_method(Value self, const Value* args, size_t nargs) {
  if (!coll::check_unpack("insert", nargs, 2, 2)) return Value();
  int64_t index;
  if (!coll::ssize_arg(args[0], &index)) return Value();
  if (list_insert(self, index, args[1]) < 0) return Value();
  return new_ref(none());
}
Value list_pop(Value self, const Value* args, size_t nargs) {
  if (!coll::check_unpack("pop", nargs, 0, 1)) return Value();
  int64_t index = -1;
  if (nargs > 0 && !coll::ssize_arg(args[0], &index)) return Value();
  ListObject* l = as_list(self);
  if (l->size == 0) return raise(exc::IndexError, "pop from empty list");
  if (index < 0) index += l->size;
  if (index < 0 || index >= l->size) return raise(exc::IndexError, "pop index out of range");
  Value item = l->items[index];
  std::memmove(l->items + index, l->items + index + 1, static_cast<size_t>(l->size - index - 1) * sizeof(Value));
  list_resize(l, l->size - 1);
  return item;
}
Value list_remove(Value self, Value value) {
  for (size_t i = 0; i < list_size(self); ++i) {
    Ref x = Ref::borrow(list_get(self, i));
    int eq = rich_compare_bool(x.get(), value, CompareOp::Eq);
    if (eq < 0) return Value();
    if (eq) {
      if (assign_slice(self, static_cast<int64_t>(i), static_cast<int64_t>(i) + 1, nullptr, 0) < 0) return Value();
      return new_ref(none());
    }
  }
  return raise(exc::ValueError, "list.remove(x): x not in list");
}
Value list_index(Value self, const Value* args, size_t nargs) {
  if (!coll::check_unpack("index", nargs, 1, 3)) return Value();
  int64_t start = 0, stop = INT64_MAX;
  if (nargs > 1 && !coll::slice_index(args[1], &start)) return Value();
  if (nargs > 2 && !coll::slice_index(args[2], &stop)) return Value();
  int64_t n = static_cast<int64_t>(list_size(self));
  if (start < 0) {
    start += n;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += n;
    if (stop < 0) stop = 0;
  }
  for (int64_t i = start; i < stop && i < static_cast<int64_t>(list_size(self)); ++i) {
    Ref x = Ref::borrow(list_get(self, static_cast<size_t>(i)));
    int eq = rich_compare_bool(x.get(), args[0], CompareOp::Eq);
    if (eq < 0) return Value();
    if (eq) return int_from_int64(i);
  }
  Ref r = Ref::steal(repr(args[0]));
  if (!r) return Value();
  return raise_format(exc::ValueError, "%s is not in list", str_cstr(r.get()));
}
Value list_count(Value self, Value value) {
  int64_t count = 0;
  for (size_t i = 0; i < list_size(self); ++i) {
    Ref x = Ref::borrow(list_get(self, i));
    int eq = rich_compare_bool(x.get(), value, CompareOp::Eq);
    if (eq < 0) return Value();
    count += eq;
  }
  return int_from_int64(count);
}
Value list_reverse_method(Value self) {
  list_reverse(self);
  return new_ref(none());
}
Value list_copy(Value self) { return list_slice(self, 0, static_cast<int64_t>(list_size(self))); }
Value list_clear_method(Value self) {
  list_clear_items(as_list(self));
  return new_ref(none());
}
Value list_sort_method(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs > 0) return raise_format(exc::TypeError, "sort() takes no positional arguments");
  static const char* const kParams[] = {"key", "reverse"};
  Value a[2];
  if (!coll::parse_args("sort", args, nargs, kwnames, kParams, 2, 0, 0, a)) return Value();
  bool reverse = false;
  if (!a[1].is_null()) {
    if (is_float(a[1])) return raise(exc::TypeError, "'float' object cannot be interpreted as an integer");
    int r = is_true(a[1]);
    if (r < 0) return Value();
    reverse = r != 0;
  }
  return list_sort_impl(self, a[0], reverse);
}
Value list_sizeof(Value self) { return int_from_int64(40 + 8 * as_list(self)->allocated); }

Value list_new_slot(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  ListObject* l = allocate_list(type, 0);
  if (l == nullptr) return Value();
  gc_track(l);
  return Value::object(l);
}
int list_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (type_of(self) == &list_type && !coll::check_no_kwargs("list", kwnames)) return -1;
  if (!coll::check_unpack("list", nargs, 0, 1)) return -1;
  list_clear_items(as_list(self));
  if (nargs == 1) return list_extend(self, args[0]);
  return 0;
}

#define M(name, fn, kind) {name, reinterpret_cast<void*>(&fn), MethodKind::kind}
const MethodDef list_methods[] = {
    M("__reversed__", list_reversed, NoArgs),
    M("__sizeof__", list_sizeof, NoArgs),
    M("clear", list_clear_method, NoArgs),
    M("copy", list_copy, NoArgs),
    M("append", list_append_method, OneArg),
    M("insert", list_insert_method, Fast),
    M("extend", list_extend_method, OneArg),
    M("pop", list_pop, Fast),
    M("remove", list_remove, OneArg),
    M("index", list_index, Fast),
    M("count", list_count, OneArg),
    M("reverse", list_reverse_method, NoArgs),
    M("sort", list_sort_method, FastKeywords),
    {nullptr, nullptr, MethodKind::NoArgs},
};
const MethodDef list_iterator_methods[] = {
    M("__length_hint__", list_iterator_length_hint, NoArgs),
    M("__reduce__", list_iterator_reduce, NoArgs),      // iter_pickle.cpp
    M("__setstate__", list_iterator_setstate, OneArg),
    {nullptr, nullptr, MethodKind::NoArgs},
};
const MethodDef list_reverseiterator_methods[] = {
    M("__length_hint__", list_reverseiterator_length_hint, NoArgs),
    M("__reduce__", list_reverseiterator_reduce, NoArgs),
    M("__setstate__", list_reverseiterator_setstate, OneArg),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef M

}  // namespace

void init_list_types() {
  TypeObject& t = list_type;
  coll::init_static_type(t, "list", sizeof(ListObject),
                         TypeFlag::BaseType | TypeFlag::HaveGc | TypeFlag::ListSubclass | TypeFlag::MatchSequence);
  t.dealloc = list_dealloc;
  t.traverse = list_traverse;
  t.clear = list_clear_slot;
  t.repr = list_repr;
  t.richcompare = list_richcompare;
  t.iter = list_iter;
  t.new_ = list_new_slot;
  t.init = list_init;
  t.sequence.length = list_length;
  t.sequence.concat = list_concat;
  t.sequence.repeat = list_repeat;
  t.sequence.item = list_item;
  t.sequence.contains = list_contains;
  t.mapping.length = list_length;
  t.mapping.subscript = list_subscript;
  t.mapping.ass_subscript = list_ass_subscript;
  t.number.inplace_add = list_inplace_concat;
  t.number.inplace_multiply = list_inplace_repeat;
  add_methods(&t, list_methods);
  type_ready(&t);

  TypeObject* iters[] = {&list_iterator_type, &list_reverseiterator_type};
  const char* names[] = {"list_iterator", "list_reverseiterator"};
  UnaryFunc nexts[] = {list_iterator_next, list_reverseiterator_next};
  const MethodDef* methods[] = {list_iterator_methods, list_reverseiterator_methods};
  for (int i = 0; i < 2; ++i) {
    TypeObject& it = *iters[i];
    coll::init_static_type(it, names[i], sizeof(ListIterObject), TypeFlag::HaveGc);
    it.dealloc = list_iterator_dealloc;
    it.traverse = list_iterator_traverse;
    it.iter = iter_self;
    it.iternext = nexts[i];
    add_methods(&it, methods[i]);
    type_ready(&it);
  }
}

}  // namespace krait::runtime
