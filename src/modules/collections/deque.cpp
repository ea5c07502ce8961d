// collections.deque: a doubly-linked list of fixed-size blocks, so appends and pops at either
// end are O(1) and never move items; indexing walks blocks from the nearer end. Layout and
// growth follow CPython's (64-slot blocks, a fresh deque starts centred in one block), so
// __sizeof__ agrees. `state` counts mutations: iterators and searches compare it to detect a
// deque changed under them.
#include <string>
#include <vector>

#include "modules/collections/collections_internal.h"
#include "modules/native_args.h"
#include "runtime/abstract.h"
#include "runtime/coll_util.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/generic_alias.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memory.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::modules::collections {

TypeObject deque_type, deque_iterator_type, deque_reverse_iterator_type;

namespace {

constexpr int64_t kBlockLen = 64;
constexpr int64_t kCenter = (kBlockLen - 1) / 2;

struct Block {
  Block* left;
  Value data[kBlockLen];
  Block* right;
};

struct DequeObject : Object {
  Block* leftblock;
  Block* rightblock;
  int64_t leftindex;    // the first item: leftblock->data[leftindex]
  int64_t rightindex;   // the last item: rightblock->data[rightindex]
  int64_t size;
  int64_t maxlen;       // -1: unbounded
  uint64_t state;       // bumped by every mutation that moves items
  Value weaklist;
};

struct DequeIterObject : Object {
  Value deque;
  Block* block;
  int64_t index;
  int64_t counter;      // items left
  uint64_t state;
};

DequeObject* as_deque(Value v) { return static_cast<DequeObject*>(v.as_object()); }
bool is_deque(Value v) { return is_instance_of(v, &deque_type); }

// --- blocks --------------------------------------------------------------------------------------

// A few freed blocks are kept for reuse: a queue that grows and shrinks at its ends allocates
// nothing in steady state.
constexpr int kMaxFreeBlocks = 64;
Block* g_free_blocks[kMaxFreeBlocks];
int g_num_free_blocks = 0;

Block* new_block() {
  if (g_num_free_blocks > 0) return g_free_blocks[--g_num_free_blocks];
  return static_cast<Block*>(mem_alloc(sizeof(Block)));
}
void free_block(Block* b) {
  if (g_num_free_blocks < kMaxFreeBlocks) g_free_blocks[g_num_free_blocks++] = b;
  else mem_free(b, sizeof(Block));
}

// --- the core operations (no argument checks) ----------------------------------------------------

// Removes and returns the last/first item (its reference); precondition size > 0.
Value pop_right(DequeObject* d) {
  Value item = d->rightblock->data[d->rightindex];
  --d->rightindex;
  --d->size;
  ++d->state;
  if (d->rightindex < 0) {
    if (d->size) {
      Block* prev = d->rightblock->left;
      free_block(d->rightblock);
      d->rightblock = prev;
      d->rightindex = kBlockLen - 1;
    } else {
      d->leftindex = kCenter + 1;  // re-centre instead of freeing the only block
      d->rightindex = kCenter;
    }
  }
  return item;
}
Value pop_left(DequeObject* d) {
  Value item = d->leftblock->data[d->leftindex];
  ++d->leftindex;
  --d->size;
  ++d->state;
  if (d->leftindex == kBlockLen) {
    if (d->size) {
      Block* next = d->leftblock->right;
      free_block(d->leftblock);
      d->leftblock = next;
      d->leftindex = 0;
    } else {
      d->leftindex = kCenter + 1;
      d->rightindex = kCenter;
    }
  }
  return item;
}

// Appends `item` (a reference consumed); when that exceeds maxlen the item at the other end
// is dropped. 0, or -1 + MemoryError (the item is then released).
int push_right(DequeObject* d, Value item) {
  if (d->rightindex == kBlockLen - 1) {
    Block* b = new_block();
    if (b == nullptr) {
      decref(item);
      return -1;
    }
    b->left = d->rightblock;
    d->rightblock->right = b;
    d->rightblock = b;
    d->rightindex = -1;
  }
  ++d->size;
  d->rightblock->data[++d->rightindex] = item;
  if (d->maxlen >= 0 && d->size > d->maxlen) decref(pop_left(d));
  else ++d->state;
  return 0;
}
int push_left(DequeObject* d, Value item) {
  if (d->leftindex == 0) {
    Block* b = new_block();
    if (b == nullptr) {
      decref(item);
      return -1;
    }
    b->right = d->leftblock;
    d->leftblock->left = b;
    d->leftblock = b;
    d->leftindex = kBlockLen;
  }
  ++d->size;
  d->leftblock->data[--d->leftindex] = item;
  if (d->maxlen >= 0 && d->size > d->maxlen) decref(pop_right(d));
  else ++d->state;
  return 0;
}

// Where item i lives (0 <= i < size), walking from the nearer end.
Value* item_address(DequeObject* d, int64_t i) {
  int64_t pos = i + d->leftindex;
  int64_t n = pos / kBlockLen;
  int64_t offset = pos % kBlockLen;
  Block* b;
  if (i < (d->size >> 1)) {
    b = d->leftblock;
    while (n--) b = b->right;
  } else {
    int64_t back = (d->leftindex + d->size - 1) / kBlockLen - n;
    b = d->rightblock;
    while (back--) b = b->left;
  }
  return &b->data[offset];
}

// Walks the items left to right: cursor.get() is the current slot.
struct Cursor {
  Block* block;
  int64_t index;
  explicit Cursor(DequeObject* d) : block(d->leftblock), index(d->leftindex) {}
  Value& get() const { return block->data[index]; }
  void advance() {
    if (++index == kBlockLen) {
      block = block->right;
      index = 0;
    }
  }
};

// Rotates right by n steps (left when negative): items move between the ends without
// reference-count changes. -1 + MemoryError when a block cannot be allocated.
int rotate(DequeObject* d, int64_t n) {
  int64_t len = d->size;
  if (len <= 1) return 0;
  int64_t half = len >> 1;
  if (n > half || n < -half) {
    n %= len;
    if (n > half) n -= len;
    else if (n < -half) n += len;
  }
  ++d->state;
  uint64_t state = d->state;
  int64_t maxlen = d->maxlen;
  d->maxlen = -1;  // moving an item never trims
  int result = 0;
  for (; n > 0 && result == 0; --n) result = push_left(d, pop_right(d));
  for (; n < 0 && result == 0; ++n) result = push_right(d, pop_left(d));
  d->maxlen = maxlen;
  d->state = state;
  return result;
}

// Detaches every item (the deque is left empty, one block) and releases them afterwards, so
// a finalizer that touches the deque sees a consistent empty one.
void clear_items(DequeObject* d) {
  if (d->size == 0) return;
  std::vector<Value> items;
  items.reserve(static_cast<size_t>(d->size));
  while (d->size > 0) items.push_back(pop_left(d));
  ++d->state;
  for (Value v : items) decref(v);
}

Value new_deque(TypeObject* type, int64_t maxlen) {
  Block* b = new_block();
  if (b == nullptr) return Value();
  DequeObject* d = static_cast<DequeObject*>(allocate_object(type, type->basic_size));
  if (d == nullptr) {
    free_block(b);
    return Value();
  }
  b->left = b->right = nullptr;
  d->leftblock = d->rightblock = b;
  d->leftindex = kCenter + 1;
  d->rightindex = kCenter;
  d->size = 0;
  d->maxlen = maxlen;
  d->state = 0;
  gc_track(d);
  return Value::object(d);
}

// extend/extendleft: every item of `iterable` pushed at one end.
int extend_impl(Value self, Value iterable, bool left) {
  DequeObject* d = as_deque(self);
  if (iterable.is(self)) {
    Ref copy = Ref::steal(list_from_iterable(iterable));
    if (!copy) return -1;
    return extend_impl(self, copy.get(), left);
  }
  Ref it = Ref::steal(get_iter(iterable));
  if (!it) return -1;
  UnaryFunc next = type_of(it.get())->iternext;
  for (;;) {
    Value item = next(it.get());
    if (!item) return error_occurred() ? -1 : 0;
    if (d->maxlen == 0) {
      decref(item);
      continue;
    }
    if ((left ? push_left(d, item) : push_right(d, item)) < 0) return -1;
  }
}

// --- type slots ----------------------------------------------------------------------------------

Value deque_new(TypeObject* type, const Value*, size_t, Value) { return new_deque(type, -1); }

int deque_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  if (!match_arguments("deque", args, nargs, kwnames, {"iterable", "maxlen"}, 2, 0, a)) return -1;
  int64_t maxlen = -1;
  if (a[1] && !a[1].is(none())) {
    if (!is_int(a[1])) {
      raise(exc::TypeError, "an integer is required");
      return -1;
    }
    if (!int_to_int64(a[1], &maxlen)) {
      raise(exc::OverflowError, "Python int too large to convert to C ssize_t");
      return -1;
    }
    if (maxlen < 0) {
      raise(exc::ValueError, "maxlen must be non-negative");
      return -1;
    }
  }
  DequeObject* d = as_deque(self);
  d->maxlen = maxlen;
  clear_items(d);
  if (a[0]) return extend_impl(self, a[0], false);
  return 0;
}

void deque_clear_slot(Object* self) { clear_items(static_cast<DequeObject*>(self)); }

void deque_dealloc(Object* self) {
  DequeObject* d = static_cast<DequeObject*>(self);
  clear_items(d);
  if (d->leftblock) free_block(d->leftblock);
  d->leftblock = d->rightblock = nullptr;
  free_object(self);
}

void deque_traverse(Object* self, VisitFunc visit, void* context) {
  DequeObject* d = static_cast<DequeObject*>(self);
  Block* b = d->leftblock;
  int64_t index = d->leftindex;
  for (int64_t left = d->size; left > 0; --left) {
    Value v = b->data[index];
    if (v.is_object()) visit(v, context);
    if (++index == kBlockLen) {
      b = b->right;
      index = 0;
    }
  }
}

int64_t deque_length(Value self) { return as_deque(self)->size; }
int deque_bool(Value self) { return as_deque(self)->size != 0; }

Value deque_item(Value self, int64_t i) {
  DequeObject* d = as_deque(self);
  if (i < 0 || i >= d->size) return raise(exc::IndexError, "deque index out of range");
  return new_ref(*item_address(d, i));
}

// del d[i]: rotate i to the left end, drop it, rotate back (as CPython, so `state` moves).
int del_item(DequeObject* d, int64_t i) {
  if (rotate(d, -i) < 0) return -1;
  Value item = pop_left(d);
  int r = rotate(d, i);
  decref(item);
  return r;
}

// An index argument: PyNumber_AsSsize_t(key, IndexError). False + error.
bool index_of_key(Value key, int64_t* out) {
  if (key.is_small_int()) {
    *out = key.as_small_int();
    return true;
  }
  if (!is_int(key) && !type_of(key)->number.index) {
    raise_format(exc::TypeError, "sequence index must be integer, not '%s'", type_name_of(key));
    return false;
  }
  Ref i = Ref::steal(number_index(key));
  if (!i) return false;
  if (!int_to_int64(i.get(), out)) {
    raise_format(exc::IndexError, "cannot fit '%s' into an index-sized integer", type_name_of(key));
    return false;
  }
  return true;
}

Value deque_subscript(Value self, Value key) {
  int64_t i;
  if (!index_of_key(key, &i)) return Value();
  if (i < 0) i += as_deque(self)->size;
  return deque_item(self, i);
}

int deque_ass_subscript(Value self, Value key, Value value) {
  int64_t i;
  if (!index_of_key(key, &i)) return -1;
  DequeObject* d = as_deque(self);
  if (i < 0) i += d->size;
  if (i < 0 || i >= d->size) {
    raise(exc::IndexError, "deque index out of range");
    return -1;
  }
  if (!value) return del_item(d, i);
  Value* slot = item_address(d, i);
  Value old = *slot;
  *slot = new_ref(value);
  decref(old);
  return 0;
}

// Compares every item with `value` (rich_compare Eq) while the deque is unchanged: the index of
// the first equal one in [start, stop), -1 if none, -2 + error (RuntimeError when mutated).
int64_t find(DequeObject* d, Value value, int64_t start, int64_t stop, TypeObject* mutated_error) {
  uint64_t state = d->state;
  int64_t n = d->size;
  Cursor cursor(d);
  for (int64_t i = 0; i < start && i < n; ++i) cursor.advance();
  for (int64_t i = start; i < stop && i < n; ++i, cursor.advance()) {
    Value item = new_ref(cursor.get());
    int equal = rich_compare_bool(item, value, CompareOp::Eq);
    decref(item);
    if (equal < 0) return -2;
    if (d->state != state || d->size != n) {
      raise(mutated_error, "deque mutated during iteration");
      return -2;
    }
    if (equal) return i;
  }
  return -1;
}

int deque_contains(Value self, Value value) {
  DequeObject* d = as_deque(self);
  int64_t i = find(d, value, 0, d->size, exc::RuntimeError);
  if (i == -2) return -1;
  return i >= 0;
}

Value deque_repr(Value self) {
  DequeObject* d = as_deque(self);
  int entered = coll::repr_enter(self.as_object());
  if (entered < 0) return Value();
  if (entered > 0) return str_from_ascii("[...]");
  Ref list = Ref::steal(list_from_iterable(self));
  std::string text;
  if (list) {
    text = short_type_name(type_of(self)) + "(" + repr_utf8(list.get());
    if (d->maxlen >= 0) text += ", maxlen=" + std::to_string(d->maxlen);
    text += ")";
  }
  coll::repr_leave(self.as_object());
  if (!list || error_occurred()) return Value();
  return str_from_utf8(text);
}

Value deque_richcompare(Value v, Value w, CompareOp op) {
  if (!is_deque(v) || !is_deque(w)) return new_ref(not_implemented());
  int64_t vs = as_deque(v)->size, ws = as_deque(w)->size;
  if (op == CompareOp::Eq || op == CompareOp::Ne) {
    bool eq = op == CompareOp::Eq;
    if (v.is(w)) return new_ref(bool_value(eq));
    if (vs != ws) return new_ref(bool_value(!eq));
  }
  Ref it1 = Ref::steal(get_iter(v));
  if (!it1) return Value();
  Ref it2 = Ref::steal(get_iter(w));
  if (!it2) return Value();
  Ref x, y;
  for (;;) {
    x = Ref::steal(iter_next(it1.get()));
    if (!x && error_occurred()) return Value();
    y = Ref::steal(iter_next(it2.get()));
    if (!y && error_occurred()) return Value();
    if (!x || !y) break;
    int equal = rich_compare_bool(x.get(), y.get(), CompareOp::Eq);
    if (equal < 0) return Value();
    if (equal == 0) return rich_compare(x.get(), y.get(), op);
  }
  bool result = false;
  switch (op) {
    case CompareOp::Lt: result = bool(y); break;   // w was longer
    case CompareOp::Le: result = !x; break;        // v was not longer
    case CompareOp::Eq: result = !x && !y; break;
    case CompareOp::Ne: result = bool(x) != bool(y); break;
    case CompareOp::Gt: result = bool(x); break;
    case CompareOp::Ge: result = !y; break;
  }
  return new_ref(bool_value(result));
}

// --- methods -------------------------------------------------------------------------------------

Value deque_append(Value self, Value item) {
  if (push_right(as_deque(self), new_ref(item)) < 0) return Value();
  return new_ref(none());
}
Value deque_appendleft(Value self, Value item) {
  if (push_left(as_deque(self), new_ref(item)) < 0) return Value();
  return new_ref(none());
}
Value deque_pop(Value self) {
  DequeObject* d = as_deque(self);
  if (d->size == 0) return raise(exc::IndexError, "pop from an empty deque");
  return pop_right(d);
}
Value deque_popleft(Value self) {
  DequeObject* d = as_deque(self);
  if (d->size == 0) return raise(exc::IndexError, "pop from an empty deque");
  return pop_left(d);
}
Value deque_extend(Value self, Value iterable) {
  if (extend_impl(self, iterable, false) < 0) return Value();
  return new_ref(none());
}
Value deque_extendleft(Value self, Value iterable) {
  if (extend_impl(self, iterable, true) < 0) return Value();
  return new_ref(none());
}
Value deque_clear_method(Value self) {
  clear_items(as_deque(self));
  return new_ref(none());
}

Value deque_copy(Value self) {
  DequeObject* d = as_deque(self);
  TypeObject* type = type_of(self);
  if (type == &deque_type) {
    Ref copy = Ref::steal(new_deque(type, d->maxlen));
    if (!copy) return Value();
    if (extend_impl(copy.get(), self, false) < 0) return Value();
    return copy.release();
  }
  Ref result;
  if (d->maxlen < 0) {
    result = Ref::steal(call_one_arg(type_value(type), self));
  } else {
    Ref maxlen = Ref::steal(int_from_int64(d->maxlen));
    Value args[2] = {self, maxlen.get()};
    result = Ref::steal(call(type_value(type), args, 2));
  }
  if (result && !is_deque(result.get()))
    return raise_format(exc::TypeError, "%s() must return a deque, not %s", type->name.c_str(),
                        type_name_of(result.get()));
  return result.release();
}

Value deque_count(Value self, Value value) {
  DequeObject* d = as_deque(self);
  uint64_t state = d->state;
  int64_t n = d->size, count = 0;
  Cursor cursor(d);
  for (int64_t i = 0; i < n; ++i, cursor.advance()) {
    Value item = new_ref(cursor.get());
    int equal = rich_compare_bool(item, value, CompareOp::Eq);
    decref(item);
    if (equal < 0) return Value();
    if (d->state != state) return raise(exc::RuntimeError, "deque mutated during iteration");
    count += equal;
  }
  return int_from_int64(count);
}

// A start/stop argument of index(): CPython's _PyEval_SliceIndexNotNone.
bool slice_bound(Value v, int64_t* out) {
  if (!is_int(v) && !type_of(v)->number.index) {
    raise(exc::TypeError, "slice indices must be integers or have an __index__ method");
    return false;
  }
  Ref i = Ref::steal(number_index(v));
  if (!i) return false;
  if (!int_to_int64(i.get(), out)) *out = int_sign(i.get()) < 0 ? INT64_MIN : INT64_MAX;
  return true;
}

// PyArg_ParseStack's count messages: "index() takes at least 1 argument (0 given)".
bool check_count(const char* name, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return true;
  size_t n = nargs < min ? min : max;
  raise_format(exc::TypeError, "%s() takes %s %zu argument%s (%zu given)", name,
               min == max ? "exactly" : (nargs < min ? "at least" : "at most"), n, n == 1 ? "" : "s", nargs);
  return false;
}

Value deque_index(Value self, const Value* args, size_t nargs) {
  if (!check_count("index", nargs, 1, 3)) return Value();
  DequeObject* d = as_deque(self);
  int64_t start = 0, stop = INT64_MAX;
  if (nargs > 1 && !slice_bound(args[1], &start)) return Value();
  if (nargs > 2 && !slice_bound(args[2], &stop)) return Value();
  int64_t n = d->size;
  if (start < 0) start = start + n < 0 ? 0 : start + n;
  if (stop < 0) stop = stop + n < 0 ? 0 : stop + n;
  if (stop > n) stop = n;
  int64_t i = find(d, args[0], start, stop, exc::RuntimeError);
  if (i == -2) return Value();
  if (i == -1) {
    std::string text = repr_utf8(args[0]);
    if (error_occurred()) return Value();
    return raise_format(exc::ValueError, "%s is not in deque", text.c_str());
  }
  return int_from_int64(i);
}

Value deque_insert(Value self, const Value* args, size_t nargs) {
  if (!check_count("insert", nargs, 2, 2)) return Value();
  int64_t index;
  if (!ssize_argument(args[0], &index)) return Value();
  DequeObject* d = as_deque(self);
  if (d->maxlen == d->size) return raise(exc::IndexError, "deque already at its maximum size");
  int64_t n = d->size;
  if (index >= n) return deque_append(self, args[1]);
  if (index <= -n || index == 0) return deque_appendleft(self, args[1]);
  if (rotate(d, -index) < 0) return Value();
  if ((index < 0 ? push_right(d, new_ref(args[1])) : push_left(d, new_ref(args[1]))) < 0) return Value();
  if (rotate(d, index) < 0) return Value();
  return new_ref(none());
}

Value deque_remove(Value self, Value value) {
  DequeObject* d = as_deque(self);
  int64_t i = find(d, value, 0, d->size, exc::IndexError);
  if (i == -2) return Value();
  if (i == -1) {
    std::string text = repr_utf8(value);
    if (error_occurred()) return Value();
    return raise_format(exc::ValueError, "%s is not in deque", text.c_str());
  }
  if (del_item(d, i) < 0) return Value();
  return new_ref(none());
}

Value deque_reverse(Value self) {
  DequeObject* d = as_deque(self);
  Block *lb = d->leftblock, *rb = d->rightblock;
  int64_t li = d->leftindex, ri = d->rightindex;
  for (int64_t k = d->size / 2; k > 0; --k) {
    std::swap(lb->data[li], rb->data[ri]);
    if (++li == kBlockLen) {
      lb = lb->right;
      li = 0;
    }
    if (--ri < 0) {
      rb = rb->left;
      ri = kBlockLen - 1;
    }
  }
  return new_ref(none());
}

Value deque_rotate(Value self, const Value* args, size_t nargs) {
  if (!check_positional("deque.rotate", nargs, 0, 1)) return Value();
  int64_t n = 1;
  if (nargs == 1 && !ssize_argument(args[0], &n)) return Value();
  if (rotate(as_deque(self), n) < 0) return Value();
  return new_ref(none());
}

Value deque_get_maxlen(Value self) {
  int64_t maxlen = as_deque(self)->maxlen;
  if (maxlen < 0) return new_ref(none());
  return int_from_int64(maxlen);
}

Value deque_sizeof(Value self) {
  DequeObject* d = as_deque(self);
  int64_t blocks = (d->leftindex + d->size + kBlockLen - 1) / kBlockLen;
  return int_from_int64(216 + blocks * 528);  // CPython's struct sizes, so the numbers agree
}

Value deque_reduce(Value self) {
  DequeObject* d = as_deque(self);
  Ref state = Ref::borrow(none());
  if (Value* dict = object_dict_address(self)) {
    if (*dict && dict_size(*dict) > 0) state = Ref::borrow(*dict);
  }
  Ref it = Ref::steal(get_iter(self));
  if (!it) return Value();
  Ref args;
  Ref empty = Ref::steal(tuple_empty());
  if (d->maxlen < 0) {
    args = empty;
  } else {
    Ref maxlen = Ref::steal(int_from_int64(d->maxlen));
    args = Ref::steal(tuple_pack({empty.get(), maxlen.get()}));
    if (!args) return Value();
  }
  return tuple_pack({type_value(type_of(self)), args.get(), state.get(), it.get()});
}

// d + other, d * n, d *= n, d += iterable.
Value deque_concat(Value self, Value other) {
  if (!is_deque(other))
    return raise_format(exc::TypeError, "can only concatenate deque (not \"%s\") to deque", type_name_of(other));
  Ref copy = Ref::steal(deque_copy(self));
  if (!copy) return Value();
  if (extend_impl(copy.get(), other, false) < 0) return Value();
  return copy.release();
}

Value inplace_repeat(Value self, int64_t n) {
  DequeObject* d = as_deque(self);
  int64_t size = d->size;
  if (n <= 0 || size == 0) {
    clear_items(d);
    return new_ref(self);
  }
  if (n == 1) return new_ref(self);
  if (d->maxlen >= 0 && n > d->maxlen / size + 1) n = (d->maxlen + size - 1) / size;
  if (size > INT64_MAX / n) return raise_no_memory();
  std::vector<Ref> items;
  items.reserve(static_cast<size_t>(size));
  Cursor cursor(d);
  for (int64_t i = 0; i < size; ++i, cursor.advance()) items.push_back(Ref::borrow(cursor.get()));
  for (int64_t k = 1; k < n; ++k)
    for (const Ref& item : items)
      if (push_right(d, new_ref(item.get())) < 0) return Value();
  return new_ref(self);
}
Value deque_repeat(Value self, int64_t n) {
  Ref copy = Ref::steal(deque_copy(self));
  if (!copy) return Value();
  return inplace_repeat(copy.get(), n);
}
Value deque_inplace_multiply(Value self, Value count) {
  if (!is_int(count) && !type_of(count)->number.index) return new_ref(not_implemented());
  int64_t n = as_ssize(count);
  if (n == -1 && error_occurred()) return Value();
  return inplace_repeat(self, n);
}
Value deque_inplace_add(Value self, Value other) {
  if (extend_impl(self, other, false) < 0) return Value();
  return new_ref(self);
}

// --- iterators -----------------------------------------------------------------------------------

Value make_iterator(TypeObject* type, Value deque, bool reverse) {
  DequeObject* d = as_deque(deque);
  DequeIterObject* it = static_cast<DequeIterObject*>(allocate_object(type, type->basic_size));
  if (it == nullptr) return Value();
  it->deque = new_ref(deque);
  it->block = reverse ? d->rightblock : d->leftblock;
  it->index = reverse ? d->rightindex : d->leftindex;
  it->counter = d->size;
  it->state = d->state;
  gc_track(it);
  return Value::object(it);
}

Value deque_iter(Value self) { return make_iterator(&deque_iterator_type, self, false); }
Value deque_reversed(Value self) { return make_iterator(&deque_reverse_iterator_type, self, true); }

void dequeiter_clear(Object* self) { clear_value(static_cast<DequeIterObject*>(self)->deque); }
void dequeiter_dealloc(Object* self) {
  dequeiter_clear(self);
  free_object(self);
}
void dequeiter_traverse(Object* self, VisitFunc visit, void* context) {
  Value d = static_cast<DequeIterObject*>(self)->deque;
  if (d.is_object()) visit(d, context);
}

Value dequeiter_next(Value self) {
  auto* it = static_cast<DequeIterObject*>(self.as_object());
  if (it->counter == 0 || !it->deque) return Value();
  DequeObject* d = as_deque(it->deque);
  if (d->state != it->state) {
    it->counter = 0;
    return raise(exc::RuntimeError, "deque mutated during iteration");
  }
  Value item = it->block->data[it->index];
  ++it->index;
  if (--it->counter > 0 && it->index == kBlockLen) {
    it->block = it->block->right;
    it->index = 0;
  }
  return new_ref(item);
}

Value dequereviter_next(Value self) {
  auto* it = static_cast<DequeIterObject*>(self.as_object());
  if (it->counter == 0 || !it->deque) return Value();
  DequeObject* d = as_deque(it->deque);
  if (d->state != it->state) {
    it->counter = 0;
    return raise(exc::RuntimeError, "deque mutated during iteration");
  }
  Value item = it->block->data[it->index];
  --it->index;
  if (--it->counter > 0 && it->index < 0) {
    it->block = it->block->left;
    it->index = kBlockLen - 1;
  }
  return new_ref(item);
}

// _deque_iterator(deque, index=0): an iterator positioned after `index` items (unpickling).
Value dequeiter_new_impl(TypeObject* type, const Value* args, size_t nargs, bool reverse) {
  const char* name = reverse ? "_deque_reverse_iterator" : "_deque_iterator";
  if (!check_positional(name, nargs, 1, 2)) return Value();
  if (!is_deque(args[0]))
    return raise_format(exc::TypeError, "%s() argument 1 must be collections.deque, not %s", name,
                        type_name_of(args[0]));
  int64_t index = 0;
  if (nargs == 2 && !ssize_argument(args[1], &index)) return Value();
  Ref it = Ref::steal(make_iterator(type, args[0], reverse));
  if (!it) return Value();
  UnaryFunc next = reverse ? dequereviter_next : dequeiter_next;
  auto* di = static_cast<DequeIterObject*>(it.object());
  for (int64_t i = 0; i < index && di->counter > 0; ++i) {
    Value item = next(it.get());
    if (!item) return Value();
    decref(item);
  }
  return it.release();
}
Value dequeiter_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("_deque_iterator", kwnames)) return Value();
  return dequeiter_new_impl(type, args, nargs, false);
}
Value dequereviter_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("_deque_reverse_iterator", kwnames)) return Value();
  return dequeiter_new_impl(type, args, nargs, true);
}

Value dequeiter_length_hint(Value self) {
  return int_from_int64(static_cast<DequeIterObject*>(self.as_object())->counter);
}
Value dequeiter_reduce(Value self) {
  auto* it = static_cast<DequeIterObject*>(self.as_object());
  Ref consumed = Ref::steal(int_from_int64(as_deque(it->deque)->size - it->counter));
  Ref args = Ref::steal(tuple_pack({it->deque, consumed.get()}));
  if (!args) return Value();
  return tuple_pack({type_value(type_of(self)), args.get()});
}

#define M(name, fn, kind) {name, reinterpret_cast<void*>(&fn), MethodKind::kind}
const MethodDef deque_methods[] = {
    M("append", deque_append, OneArg),
    M("appendleft", deque_appendleft, OneArg),
    M("pop", deque_pop, NoArgs),
    M("popleft", deque_popleft, NoArgs),
    M("extend", deque_extend, OneArg),
    M("extendleft", deque_extendleft, OneArg),
    M("clear", deque_clear_method, NoArgs),
    M("copy", deque_copy, NoArgs),
    M("__copy__", deque_copy, NoArgs),
    M("count", deque_count, OneArg),
    M("index", deque_index, Fast),
    M("insert", deque_insert, Fast),
    M("remove", deque_remove, OneArg),
    M("reverse", deque_reverse, NoArgs),
    M("rotate", deque_rotate, Fast),
    M("__reversed__", deque_reversed, NoArgs),
    M("__reduce__", deque_reduce, NoArgs),
    M("__sizeof__", deque_sizeof, NoArgs),
    {"__class_getitem__", reinterpret_cast<void*>(&class_getitem_generic), MethodKind::OneArg, true},
    {nullptr, nullptr, MethodKind::NoArgs},
};
const MethodDef dequeiter_methods[] = {
    M("__length_hint__", dequeiter_length_hint, NoArgs),
    M("__reduce__", dequeiter_reduce, NoArgs),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef M

const GetSetDef deque_getsets[] = {
    {"maxlen", deque_get_maxlen},
    {nullptr, nullptr},
};

void init_dequeiter_type(TypeObject& t, const char* name, UnaryFunc next, NewFunc new_) {
  init_native_type(t, name, sizeof(DequeIterObject), TypeFlag::HaveGc);
  t.dealloc = dequeiter_dealloc;
  t.traverse = dequeiter_traverse;
  t.clear = dequeiter_clear;
  t.iter = iter_self;
  t.iternext = next;
  t.new_ = new_;
  add_methods(&t, dequeiter_methods);
}

}  // namespace

int init_deque_types() {
  static bool done = false;
  if (done) return 0;
  TypeObject& t = deque_type;
  init_native_type(t, "collections.deque", sizeof(DequeObject),
                   TypeFlag::HaveGc | TypeFlag::BaseType | TypeFlag::MatchSequence);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"  // Object-derived, but a plain layout
  t.weaklist_offset = offsetof(DequeObject, weaklist);
#pragma GCC diagnostic pop
  t.new_ = deque_new;
  t.init = deque_init;
  t.dealloc = deque_dealloc;
  t.traverse = deque_traverse;
  t.clear = deque_clear_slot;
  t.repr = deque_repr;
  t.richcompare = deque_richcompare;
  t.iter = deque_iter;
  t.sequence.length = deque_length;
  t.sequence.item = deque_item;
  t.sequence.contains = deque_contains;
  t.sequence.concat = deque_concat;
  t.sequence.repeat = deque_repeat;
  t.mapping.subscript = deque_subscript;
  t.mapping.ass_subscript = deque_ass_subscript;
  t.number.bool_ = deque_bool;
  t.number.inplace_add = deque_inplace_add;
  t.number.inplace_multiply = deque_inplace_multiply;
  add_methods(&t, deque_methods);
  add_getsets(&t, deque_getsets);
  init_dequeiter_type(deque_iterator_type, "_collections._deque_iterator", dequeiter_next, dequeiter_new);
  init_dequeiter_type(deque_reverse_iterator_type, "_collections._deque_reverse_iterator", dequereviter_next,
                      dequereviter_new);
  for (TypeObject* type : {&deque_type, &deque_iterator_type, &deque_reverse_iterator_type})
    if (type_ready(type) < 0) return -1;
  done = true;
  return 0;
}

}  // namespace krait::modules::collections
