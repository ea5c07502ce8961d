// The _operator module: what operator.py's `from _operator import *` takes (every operator
// as a function, itemgetter/attrgetter/methodcaller, length_hint, _compare_digest). The
// functions take their arguments as an array (no tuple per call) and check the counts with
// CPython's messages ("add expected 2 arguments, got 1", "_operator.neg() takes exactly one
// argument (0 given)").
#include <string>
#include <vector>

#include "modules/modules.h"
#include "modules/native_args.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/coll_util.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memory.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::modules {

using namespace runtime;

namespace {

// --- argument checks -----------------------------------------------------------------------------

bool check_one(const char* name, size_t nargs, Value kwnames) {
  if (keyword_count(kwnames)) {
    raise_format(exc::TypeError, "_operator.%s() takes no keyword arguments", name);
    return false;
  }
  if (nargs != 1) {
    raise_format(exc::TypeError, "_operator.%s() takes exactly one argument (%zu given)", name, nargs);
    return false;
  }
  return true;
}
bool check_n(const char* name, size_t nargs, Value kwnames, size_t n) {
  if (keyword_count(kwnames)) {
    raise_format(exc::TypeError, "_operator.%s() takes no keyword arguments", name);
    return false;
  }
  return check_positional(name, nargs, n, n);
}

// --- the operators -------------------------------------------------------------------------------

#define KRAIT_BINARY(fname, op)                                                \
  Value fname##_fn(Value, const Value* args, size_t nargs, Value kwnames) {    \
    if (!check_n(#fname, nargs, kwnames, 2)) return Value();                   \
    return binary_op(args[0], args[1], BinaryOp::op);                          \
  }
KRAIT_BINARY(add, Add)
KRAIT_BINARY(sub, Subtract)
KRAIT_BINARY(mul, Multiply)
KRAIT_BINARY(matmul, MatrixMultiply)
KRAIT_BINARY(truediv, TrueDivide)
KRAIT_BINARY(floordiv, FloorDivide)
KRAIT_BINARY(mod, Remainder)
KRAIT_BINARY(lshift, Lshift)
KRAIT_BINARY(rshift, Rshift)
KRAIT_BINARY(and_, And)
KRAIT_BINARY(or_, Or)
KRAIT_BINARY(xor, Xor)
KRAIT_BINARY(pow, Power)
KRAIT_BINARY(iadd, InplaceAdd)
KRAIT_BINARY(isub, InplaceSubtract)
KRAIT_BINARY(imul, InplaceMultiply)
KRAIT_BINARY(imatmul, InplaceMatrixMultiply)
KRAIT_BINARY(itruediv, InplaceTrueDivide)
KRAIT_BINARY(ifloordiv, InplaceFloorDivide)
KRAIT_BINARY(imod, InplaceRemainder)
KRAIT_BINARY(ilshift, InplaceLshift)
KRAIT_BINARY(irshift, InplaceRshift)
KRAIT_BINARY(iand, InplaceAnd)
KRAIT_BINARY(ior, InplaceOr)
KRAIT_BINARY(ixor, InplaceXor)
KRAIT_BINARY(ipow, InplacePower)
#undef KRAIT_BINARY

#define KRAIT_COMPARE(fname, op)                                               \
  Value fname##_fn(Value, const Value* args, size_t nargs, Value kwnames) {    \
    if (!check_n(#fname, nargs, kwnames, 2)) return Value();                   \
    return rich_compare(args[0], args[1], CompareOp::op);                      \
  }
KRAIT_COMPARE(lt, Lt)
KRAIT_COMPARE(le, Le)
KRAIT_COMPARE(eq, Eq)
KRAIT_COMPARE(ne, Ne)
KRAIT_COMPARE(gt, Gt)
KRAIT_COMPARE(ge, Ge)
#undef KRAIT_COMPARE

// operator.index(x): an exact int (True gives 1), as PyNumber_Index.
Value exact_index(Value v) {
  Value r = number_index(v);
  if (!r || is_int_exact(r)) return r;
  Value exact = int_from_mpz(int_to_mpz(r));
  decref(r);
  return exact;
}

#define KRAIT_UNARY(fname, expr)                                               \
  Value fname##_fn(Value, const Value* args, size_t nargs, Value kwnames) {    \
    if (!check_one(#fname, nargs, kwnames)) return Value();                    \
    Value a = args[0];                                                         \
    return expr;                                                               \
  }
KRAIT_UNARY(neg, unary_negative(a))
KRAIT_UNARY(pos, unary_positive(a))
KRAIT_UNARY(inv, unary_invert(a))
KRAIT_UNARY(invert, unary_invert(a))
KRAIT_UNARY(abs, number_absolute(a))
KRAIT_UNARY(index, exact_index(a))
#undef KRAIT_UNARY

Value truth_fn(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one("truth", nargs, kwnames)) return Value();
  int r = is_true(args[0]);
  if (r < 0) return Value();
  return new_ref(bool_value(r));
}
Value not_fn(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_one("not_", nargs, kwnames)) return Value();
  int r = is_true(args[0]);
  if (r < 0) return Value();
  return new_ref(bool_value(!r));
}
Value is_fn(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_n("is_", nargs, kwnames, 2)) return Value();
  return new_ref(bool_value(args[0].is(args[1])));
}
Value is_not_fn(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_n("is_not", nargs, kwnames, 2)) return Value();
  return new_ref(bool_value(!args[0].is(args[1])));
}

Value contains_fn(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_n("contains", nargs, kwnames, 2)) return Value();
  int r = contains(args[0], args[1]);
  if (r < 0) return Value();
  return new_ref(bool_value(r));
}

// countOf / indexOf: the items of `seq` equal to `value` (identity first, as CPython).
Value scan(Value seq, Value value, bool first) {
  Ref it = Ref::steal(get_iter(seq));
  if (!it) return Value();
  int64_t index = 0, count = 0;
  for (;;) {
    Ref item = Ref::steal(iter_next(it.get()));
    if (!item) {
      if (error_occurred()) return Value();
      break;
    }
    int equal = rich_compare_bool(item.get(), value, CompareOp::Eq);
    if (equal < 0) return Value();
    if (equal) {
      if (first) return int_from_int64(index);
      ++count;
    }
    ++index;
  }
  if (first) return raise(exc::ValueError, "sequence.index(x): x not in sequence");
  return int_from_int64(count);
}
Value countOf_fn(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_n("countOf", nargs, kwnames, 2)) return Value();
  return scan(args[0], args[1], false);
}
Value indexOf_fn(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_n("indexOf", nargs, kwnames, 2)) return Value();
  return scan(args[0], args[1], true);
}

Value getitem_fn(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_n("getitem", nargs, kwnames, 2)) return Value();
  return get_item(args[0], args[1]);
}
Value setitem_fn(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_n("setitem", nargs, kwnames, 3)) return Value();
  if (set_item(args[0], args[1], args[2]) < 0) return Value();
  return new_ref(none());
}
Value delitem_fn(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_n("delitem", nargs, kwnames, 2)) return Value();
  if (del_item(args[0], args[1]) < 0) return Value();
  return new_ref(none());
}

// concat/iconcat: a + b for sequences only ("'int' object can't be concatenated").
bool is_sequence_like(Value v) {
  TypeObject* t = type_of(v);
  if (t->sequence.item || t->mapping.subscript) return true;
  return !type_lookup(t, "__getitem__").is_null();
}
Value concat_fn(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_n("concat", nargs, kwnames, 2)) return Value();
  if (!is_sequence_like(args[0]))
    return raise_format(exc::TypeError, "'%s' object can't be concatenated", type_name_of(args[0]));
  return binary_op(args[0], args[1], BinaryOp::Add);
}
Value iconcat_fn(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_n("iconcat", nargs, kwnames, 2)) return Value();
  if (!is_sequence_like(args[0]))
    return raise_format(exc::TypeError, "'%s' object can't be concatenated", type_name_of(args[0]));
  return binary_op(args[0], args[1], BinaryOp::InplaceAdd);
}

// call(obj, /, *args, **kwargs)
Value call_fn(Value, const Value* args, size_t nargs, Value kwnames) {
  if (nargs < 1) return raise_format(exc::TypeError, "call expected at least 1 argument, got %zu", nargs);
  return call(args[0], args + 1, nargs - 1, kwnames);
}

// length_hint(obj, default=0): len(obj), else obj.__length_hint__(), else default.
Value length_hint_fn(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("length_hint", kwnames)) return Value();
  if (!check_positional("length_hint", nargs, 1, 2)) return Value();
  int64_t fallback = 0;
  if (nargs == 2) {
    if (!is_int(args[1]) && !type_of(args[1])->number.index)
      return raise_format(exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name_of(args[1]));
    if (!ssize_argument(args[1], &fallback)) return Value();
  }
  Value obj = args[0];
  TypeObject* t = type_of(obj);
  if (t->sequence.length || t->mapping.length) {
    int64_t n = length(obj);
    if (n >= 0) return int_from_int64(n);
    if (!error_matches(exc::TypeError)) return Value();
    clear_error();
  }
  Ref hint = Ref::steal(lookup_special(obj, "__length_hint__"));
  if (!hint) {
    if (error_occurred()) return Value();
    return int_from_int64(fallback);
  }
  Ref result = Ref::steal(call_no_args(hint.get()));
  if (!result) {
    if (!error_matches(exc::TypeError)) return Value();
    clear_error();
    return int_from_int64(fallback);
  }
  if (result.get().is(not_implemented())) return int_from_int64(fallback);
  if (!is_int(result.get()))
    return raise_format(exc::TypeError, "__length_hint__ must be an integer, not %s", type_name_of(result.get()));
  int64_t n;
  if (!ssize_argument(result.get(), &n)) return Value();
  if (n < 0) return raise(exc::ValueError, "__length_hint__() should return >= 0");
  return int_from_int64(n);
}

// _compare_digest(a, b): equality in time independent of where they differ.
bool digest_bytes(Value v, std::string_view* out) {
  if (is_bytes(v)) {
    *out = bytes_view(v);
    return true;
  }
  if (is_bytearray(v)) {
    *out = bytearray_view(v);
    return true;
  }
  return false;
}
Value compare_digest_fn(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_n("_compare_digest", nargs, kwnames, 2)) return Value();
  Value a = args[0], b = args[1];
  std::string_view x, y;
  if (is_str(a) && is_str(b)) {
    if (!str_is_ascii(a) || !str_is_ascii(b))
      return raise(exc::TypeError, "comparing strings with non-ASCII characters is not supported");
    x = str_utf8(a);
    y = str_utf8(b);
  } else {
    bool ba = is_bytes(a) || is_bytearray(a), bb = is_bytes(b) || is_bytearray(b);
    if (!ba && !bb)
      return raise_format(exc::TypeError, "unsupported operand types(s) or combination of types: '%s' and '%s'",
                          type_name_of(a), type_name_of(b));
    if (!digest_bytes(a, &x))
      return raise_format(exc::TypeError, "a bytes-like object is required, not '%s'", type_name_of(a));
    if (!digest_bytes(b, &y))
      return raise_format(exc::TypeError, "a bytes-like object is required, not '%s'", type_name_of(b));
  }
  // Loop over b's length whatever a's, so the time depends only on the length of b.
  const volatile unsigned char* left = reinterpret_cast<const unsigned char*>(x.size() == y.size() ? x.data() : y.data());
  const volatile unsigned char* right = reinterpret_cast<const unsigned char*>(y.data());
  unsigned char result = x.size() == y.size() ? 0 : 1;
  for (size_t i = 0; i < y.size(); ++i) result |= left[i] ^ right[i];
  return new_ref(bool_value(result == 0));
}

// --- itemgetter ----------------------------------------------------------------------------------

TypeObject itemgetter_type, attrgetter_type, methodcaller_type;

struct ItemGetterObject : Object {
  Value items;     // tuple of the keys
  Value item;      // the key when there is one (borrowed from items)
  int64_t index;   // that key as a small non-negative int, else -1 (list/tuple fast path)
};

void init_operator_type(TypeObject& t, const char* name, size_t size) {
  t.refcount = 1;
  t.Object::flags = ObjectFlag::Immortal;
  t.type = &type_type;
  t.name = std::string("operator.") + name;
  t.qualname = name;
  t.base = &object_type;
  t.basic_size = size;
  t.flags = TypeFlag::HaveGc;
}

Value itemgetter_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("itemgetter", kwnames)) return Value();
  if (nargs < 1) return raise_format(exc::TypeError, "itemgetter expected 1 argument, got %zu", nargs);
  Ref items = Ref::steal(tuple_from_array(args, nargs));
  if (!items) return Value();
  auto* g = static_cast<ItemGetterObject*>(allocate_object(type, type->basic_size));
  if (g == nullptr) return Value();
  g->items = items.release();
  g->item = nargs == 1 ? args[0] : Value();
  g->index = nargs == 1 && args[0].is_small_int() && args[0].as_small_int() >= 0 ? args[0].as_small_int() : -1;
  gc_track(g);
  return Value::object(g);
}

void getter_clear(Object* self) {
  auto* g = static_cast<ItemGetterObject*>(self);
  Value old = g->items;
  g->items = Value();
  g->item = Value();
  xdecref(old);
}
void getter_dealloc(Object* self) {
  getter_clear(self);
  free_object(self);
}
void getter_traverse(Object* self, VisitFunc visit, void* context) {
  Value items = static_cast<ItemGetterObject*>(self)->items;
  if (items.is_object()) visit(items, context);
}

bool check_call(const char* name, size_t nargs, Value kwnames) {
  if (keyword_count(kwnames)) {
    raise_format(exc::TypeError, "%s() takes no keyword arguments", name);
    return false;
  }
  return check_positional(name, nargs, 1, 1);
}

Value itemgetter_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_call("itemgetter", nargs, kwnames)) return Value();
  auto* g = static_cast<ItemGetterObject*>(self.as_object());
  Value obj = args[0];
  if (g->item) {
    if (g->index >= 0 && obj.is_object()) {
      TypeObject* t = obj.as_object()->type;
      if (t == &tuple_type && static_cast<size_t>(g->index) < tuple_size(obj))
        return new_ref(tuple_get(obj, static_cast<size_t>(g->index)));
      if (t == &list_type && static_cast<size_t>(g->index) < list_size(obj))
        return new_ref(list_get(obj, static_cast<size_t>(g->index)));
    }
    return get_item(obj, g->item);
  }
  size_t n = tuple_size(g->items);
  Ref result = Ref::steal(tuple_new(n));
  if (!result) return Value();
  for (size_t i = 0; i < n; ++i) {
    Value v = get_item(obj, tuple_get(g->items, i));
    if (!v) return Value();
    tuple_items(result.get())[i] = v;
  }
  return result.release();
}

// "operator.itemgetter(1, 'a')"; "operator.itemgetter(...)" when the repr recurses.
Value itemgetter_repr(Value self) {
  auto* g = static_cast<ItemGetterObject*>(self.as_object());
  std::string name = type_of(self)->name;
  int entered = coll::repr_enter(self.as_object());
  if (entered < 0) return Value();
  if (entered > 0) return str_from_utf8(name + "(...)");
  std::string text = name + "(";
  size_t n = tuple_size(g->items);
  for (size_t i = 0; i < n; ++i) {
    if (i) text += ", ";
    text += repr_utf8(tuple_get(g->items, i));
    if (error_occurred()) break;
  }
  coll::repr_leave(self.as_object());
  if (error_occurred()) return Value();
  return str_from_utf8(text + ")");
}

Value itemgetter_reduce(Value self) {
  auto* g = static_cast<ItemGetterObject*>(self.as_object());
  return tuple_pack({Value::object(type_of(self)), g->items});
}

const MethodDef itemgetter_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(&itemgetter_reduce), MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

// --- attrgetter ----------------------------------------------------------------------------------

// items: a tuple with one entry per attribute: an interned str (no dots) or a tuple of them
// (a dotted path).
Value attrgetter_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("attrgetter", kwnames)) return Value();
  if (nargs < 1) return raise_format(exc::TypeError, "attrgetter expected 1 argument, got %zu", nargs);
  Ref items = Ref::steal(tuple_new(nargs));
  if (!items) return Value();
  for (size_t i = 0; i < nargs; ++i) {
    if (!is_str(args[i])) return raise(exc::TypeError, "attribute name must be a string");
    std::string_view name = str_utf8(args[i]);
    Value entry;
    if (name.find('.') == std::string_view::npos) {
      entry = str_intern(name);
    } else {
      std::vector<Value> parts;
      size_t start = 0;
      for (;;) {
        size_t dot = name.find('.', start);
        std::string_view part = name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        parts.push_back(str_intern(part));
        if (dot == std::string_view::npos) break;
        start = dot + 1;
      }
      entry = tuple_new(parts.size());
      if (!entry) {
        for (Value p : parts) decref(p);
        return Value();
      }
      for (size_t k = 0; k < parts.size(); ++k) tuple_items(entry)[k] = parts[k];
    }
    if (!entry) return Value();
    tuple_items(items.get())[i] = entry;
  }
  auto* g = static_cast<ItemGetterObject*>(allocate_object(type, type->basic_size));
  if (g == nullptr) return Value();
  g->items = items.release();
  g->item = nargs == 1 ? tuple_get(g->items, 0) : Value();
  g->index = -1;
  gc_track(g);
  return Value::object(g);
}

Value get_path(Value obj, Value entry) {
  if (is_str(entry)) return get_attr(obj, entry);
  Ref current = Ref::borrow(obj);
  size_t n = tuple_size(entry);
  for (size_t i = 0; i < n; ++i) {
    current = Ref::steal(get_attr(current.get(), tuple_get(entry, i)));
    if (!current) return Value();
  }
  return current.release();
}

Value attrgetter_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_call("attrgetter", nargs, kwnames)) return Value();
  auto* g = static_cast<ItemGetterObject*>(self.as_object());
  if (g->item) return get_path(args[0], g->item);
  size_t n = tuple_size(g->items);
  Ref result = Ref::steal(tuple_new(n));
  if (!result) return Value();
  for (size_t i = 0; i < n; ++i) {
    Value v = get_path(args[0], tuple_get(g->items, i));
    if (!v) return Value();
    tuple_items(result.get())[i] = v;
  }
  return result.release();
}

// The dotted names back as strs.
Value attrgetter_names(ItemGetterObject* g) {
  size_t n = tuple_size(g->items);
  Ref names = Ref::steal(tuple_new(n));
  if (!names) return Value();
  for (size_t i = 0; i < n; ++i) {
    Value entry = tuple_get(g->items, i);
    Value name;
    if (is_str(entry)) {
      name = new_ref(entry);
    } else {
      std::string text;
      for (size_t k = 0; k < tuple_size(entry); ++k) {
        if (k) text += '.';
        text += str_utf8(tuple_get(entry, k));
      }
      name = str_from_utf8(text);
      if (!name) return Value();
    }
    tuple_items(names.get())[i] = name;
  }
  return names.release();
}

Value attrgetter_repr(Value self) {
  auto* g = static_cast<ItemGetterObject*>(self.as_object());
  Ref names = Ref::steal(attrgetter_names(g));
  if (!names) return Value();
  std::string text = type_of(self)->name + "(";
  for (size_t i = 0; i < tuple_size(names.get()); ++i) {
    if (i) text += ", ";
    text += repr_utf8(tuple_get(names.get(), i));
  }
  return str_from_utf8(text + ")");
}

Value attrgetter_reduce(Value self) {
  Ref names = Ref::steal(attrgetter_names(static_cast<ItemGetterObject*>(self.as_object())));
  if (!names) return Value();
  return tuple_pack({Value::object(type_of(self)), names.get()});
}

const MethodDef attrgetter_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(&attrgetter_reduce), MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

// --- methodcaller --------------------------------------------------------------------------------

// The call is prepared once: args holds the positional values then the keyword values, as
// the vectorcall convention wants them; kwnames names the keywords (or is null).
struct MethodCallerObject : Object {
  Value name;       // interned str
  Value args;       // tuple: positional then keyword values
  size_t nargs;     // positional count
  Value kwnames;    // tuple of keyword names, or null
};

Value methodcaller_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (nargs < 1) return raise(exc::TypeError, "methodcaller needs at least one argument, the method name");
  if (!is_str(args[0])) return raise(exc::TypeError, "method name must be a string");
  size_t nkw = keyword_count(kwnames);
  Ref name = Ref::steal(str_intern(str_utf8(args[0])));
  Ref values = Ref::steal(tuple_from_array(args + 1, nargs - 1 + nkw));
  if (!name || !values) return Value();
  auto* m = static_cast<MethodCallerObject*>(allocate_object(type, type->basic_size));
  if (m == nullptr) return Value();
  m->name = name.release();
  m->args = values.release();
  m->nargs = nargs - 1;
  m->kwnames = nkw ? new_ref(kwnames) : Value();
  gc_track(m);
  return Value::object(m);
}

void methodcaller_clear(Object* self) {
  auto* m = static_cast<MethodCallerObject*>(self);
  Value fields[3] = {m->name, m->args, m->kwnames};
  m->name = m->args = m->kwnames = Value();
  for (Value v : fields) xdecref(v);
}
void methodcaller_dealloc(Object* self) {
  methodcaller_clear(self);
  free_object(self);
}
void methodcaller_traverse(Object* self, VisitFunc visit, void* context) {
  auto* m = static_cast<MethodCallerObject*>(self);
  for (Value v : {m->name, m->args, m->kwnames})
    if (v.is_object()) visit(v, context);
}

Value methodcaller_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_call("methodcaller", nargs, kwnames)) return Value();
  auto* m = static_cast<MethodCallerObject*>(self.as_object());
  return call_method_kw(args[0], m->name, tuple_items(m->args), m->nargs, m->kwnames);
}

Value methodcaller_repr(Value self) {
  auto* m = static_cast<MethodCallerObject*>(self.as_object());
  int entered = coll::repr_enter(self.as_object());
  if (entered < 0) return Value();
  std::string name = type_of(self)->name;
  if (entered > 0) return str_from_utf8(name + "(...)");
  std::string text = name + "(" + repr_utf8(m->name);
  for (size_t i = 0; i < m->nargs && !error_occurred(); ++i) text += ", " + repr_utf8(tuple_get(m->args, i));
  size_t nkw = keyword_count(m->kwnames);
  for (size_t k = 0; k < nkw && !error_occurred(); ++k)
    text += ", " + str_to_utf8(tuple_get(m->kwnames, k)) + "=" + repr_utf8(tuple_get(m->args, m->nargs + k));
  coll::repr_leave(self.as_object());
  if (error_occurred()) return Value();
  return str_from_utf8(text + ")");
}

Value methodcaller_reduce(Value self) {
  auto* m = static_cast<MethodCallerObject*>(self.as_object());
  Value type = Value::object(type_of(self));
  size_t nkw = keyword_count(m->kwnames);
  if (nkw == 0) {
    Ref args = Ref::steal(tuple_new(m->nargs + 1));
    if (!args) return Value();
    tuple_items(args.get())[0] = new_ref(m->name);
    for (size_t i = 0; i < m->nargs; ++i) tuple_items(args.get())[i + 1] = new_ref(tuple_get(m->args, i));
    return tuple_pack({type, args.get()});
  }
  // partial(type, name, **kwargs), (args...)
  Ref kwargs = Ref::steal(dict_new());
  if (!kwargs) return Value();
  for (size_t k = 0; k < nkw; ++k)
    if (dict_set_item(kwargs.get(), tuple_get(m->kwnames, k), tuple_get(m->args, m->nargs + k)) < 0) return Value();
  Value partial_args[2] = {type, m->name};
  Ref partial = Ref::steal(make_partial(partial_args[0], partial_args + 1, 1, kwargs.get()));
  if (!partial) return Value();
  Ref args = Ref::steal(tuple_from_array(tuple_items(m->args), m->nargs));
  if (!args) return Value();
  return tuple_pack({partial.get(), args.get()});
}

const MethodDef methodcaller_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(&methodcaller_reduce), MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

int ready_types() {
  static bool done = false;
  if (done) return 0;
  init_operator_type(itemgetter_type, "itemgetter", sizeof(ItemGetterObject));
  itemgetter_type.new_ = itemgetter_new;
  itemgetter_type.call = itemgetter_call;
  itemgetter_type.repr = itemgetter_repr;
  itemgetter_type.dealloc = getter_dealloc;
  itemgetter_type.traverse = getter_traverse;
  itemgetter_type.clear = getter_clear;
  add_methods(&itemgetter_type, itemgetter_methods);

  init_operator_type(attrgetter_type, "attrgetter", sizeof(ItemGetterObject));
  attrgetter_type.new_ = attrgetter_new;
  attrgetter_type.call = attrgetter_call;
  attrgetter_type.repr = attrgetter_repr;
  attrgetter_type.dealloc = getter_dealloc;
  attrgetter_type.traverse = getter_traverse;
  attrgetter_type.clear = getter_clear;
  add_methods(&attrgetter_type, attrgetter_methods);

  init_operator_type(methodcaller_type, "methodcaller", sizeof(MethodCallerObject));
  methodcaller_type.new_ = methodcaller_new;
  methodcaller_type.call = methodcaller_call;
  methodcaller_type.repr = methodcaller_repr;
  methodcaller_type.dealloc = methodcaller_dealloc;
  methodcaller_type.traverse = methodcaller_traverse;
  methodcaller_type.clear = methodcaller_clear;
  add_methods(&methodcaller_type, methodcaller_methods);

  for (TypeObject* t : {&itemgetter_type, &attrgetter_type, &methodcaller_type})
    if (type_ready(t) < 0) return -1;
  done = true;
  return 0;
}

#define F(name) {#name, reinterpret_cast<void*>(&name##_fn), MethodKind::FastKeywords}
const MethodDef operator_functions[] = {
    F(abs), F(add), F(and_), F(call), F(concat), F(contains), F(countOf), F(delitem), F(eq),
    F(floordiv), F(ge), F(getitem), F(gt), F(iadd), F(iand), F(iconcat), F(ifloordiv), F(ilshift),
    F(imatmul), F(imod), F(imul), F(index), F(indexOf), F(inv), F(invert), F(ior), F(ipow),
    F(irshift), F(isub), F(itruediv), F(ixor), F(le), F(length_hint), F(lshift), F(lt), F(matmul),
    F(mod), F(mul), F(ne), F(neg), F(or_), F(pos), F(pow), F(rshift), F(setitem), F(sub),
    F(truediv), F(truth), F(xor),
    {"is_", reinterpret_cast<void*>(&is_fn), MethodKind::FastKeywords},
    {"is_not", reinterpret_cast<void*>(&is_not_fn), MethodKind::FastKeywords},
    {"not_", reinterpret_cast<void*>(&not_fn), MethodKind::FastKeywords},
    {"_compare_digest", reinterpret_cast<void*>(&compare_digest_fn), MethodKind::FastKeywords},
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef F

}  // namespace

Value create_operator_module() {
  if (ready_types() < 0) return Value();
  Ref module = Ref::steal(module_new("_operator"));
  if (!module) return Value();
  if (module_add_functions(module.get(), operator_functions) < 0) return Value();
  if (module_add(module.get(), "itemgetter", Value::object(&itemgetter_type)) < 0 ||
      module_add(module.get(), "attrgetter", Value::object(&attrgetter_type)) < 0 ||
      module_add(module.get(), "methodcaller", Value::object(&methodcaller_type)) < 0)
    return Value();
  Ref doc = Ref::steal(str_from_ascii(
      "Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\n"
      "to the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the "
      "expression x+y.  The function names are those\nused for special methods; variants without "
      "leading and trailing\n'__' are also provided for convenience."));
  if (!doc || module_add(module.get(), "__doc__", doc.get()) < 0) return Value();
  return module.release();
}

}  // namespace krait::modules
