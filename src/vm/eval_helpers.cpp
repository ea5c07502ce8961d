// Out-of-line bodies of instructions: names, unpacking, building, calls with */**, raise,
// with, imports, match. CPython 3.11's error messages.
#include "vm/eval_helpers.h"
#include "vm/import.h"

#include <string>

#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/set.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::vm {

using namespace runtime;

void unbound_local_error(CodeObject* code, int index) {
  Value name = tuple_get(code->localsplusnames, index);
  raise_format(exc::UnboundLocalError, "cannot access local variable '%s' where it is not associated with a value",
               str_cstr(name));
}

void unbound_deref_error(CodeObject* code, int index) {
  Value name = tuple_get(code->localsplusnames, index);
  if (code->localspluskinds[index] & bytecode::LocalKind::Free) {
    Ref e = Ref::steal(exception_from_message(
        exc::NameError, "cannot access free variable '" + str_to_utf8(name) +
                            "' where it is not associated with a value in enclosing scope"));
    if (!e) return;
    Ref key = Ref::steal(str_intern("name"));
    set_attr(e.get(), key.get(), name);  // for the traceback's suggestion, as CPython
    set_exception(e.get());
  } else
    unbound_local_error(code, index);
}

void name_error(Value name) {
  Ref e = Ref::steal(exception_from_message(exc::NameError, "name '" + str_to_utf8(name) + "' is not defined"));
  if (!e) return;
  // NameError.name lets the traceback printer suggest similar names.
  Ref key = Ref::steal(str_intern("name"));
  set_attr(e.get(), key.get(), name);
  set_exception(e.get());
}

Value load_global(Value globals, Value builtins, Value name) {
  Value v = dict_get_item(globals, name);
  if (!v) {
    if (error_occurred()) return Value();
    v = is_dict_exact(builtins) ? dict_get_item(builtins, name) : Value();
    if (!v) {
      if (!is_dict_exact(builtins)) {
        v = get_item(builtins, name);
        if (v) return v;
        if (!error_matches(exc::KeyError)) return Value();
        clear_error();
      }
      if (error_occurred()) return Value();
      name_error(name);
      return Value();
    }
  }
  incref(v);
  return v;
}

Value load_name(Frame* frame, Value name) {
  Value locals = frame->locals;
  if (!locals) {
    raise_format(exc::SystemError, "no locals when loading %s", str_repr_utf8(name).c_str());
    return Value();
  }
  if (is_dict_exact(locals)) {
    Value v = dict_get_item(locals, name);
    if (v) {
      incref(v);
      return v;
    }
    if (error_occurred()) return Value();
  } else {
    Value v = get_item(locals, name);
    if (v) return v;
    if (!error_matches(exc::KeyError)) return Value();
    clear_error();
  }
  return load_global(frame->globals, frame->builtins, name);
}

int unpack_sequence(Value seq, int before, int after, Value* out) {
  if (after < 0 && (is_tuple_exact(seq) || is_list_exact(seq))) {
    size_t n = is_tuple_exact(seq) ? tuple_size(seq) : list_size(seq);
    Value* items = is_tuple_exact(seq) ? tuple_items(seq) : list_items(seq);
    if (n == size_t(before)) {
      for (int i = 0; i < before; ++i) {
        incref(items[i]);
        out[before - 1 - i] = items[i];
      }
      return 0;
    }
    if (n < size_t(before))
      raise_format(exc::ValueError, "not enough values to unpack (expected %d, got %zu)", before, n);
    else
      raise_format(exc::ValueError, "too many values to unpack (expected %d)", before);
    return -1;
  }
  Ref it = Ref::steal(get_iter(seq));
  if (!it) {
    if (error_matches(exc::TypeError) && !type_of(seq)->iter && !type_of(seq)->sequence.item) {
      clear_error();
      raise_format(exc::TypeError, "cannot unpack non-iterable %s object", type_of(seq)->name.c_str());
    }
    return -1;
  }
  int total = before + (after >= 0 ? after + 1 : 0);
  Value* top = out + total;  // items are stored downwards from here
  int got = 0;
  auto fail = [&](int stored) {
    for (int i = 0; i < stored; ++i) decref(top[-1 - i]);
    return -1;
  };
  for (; got < before; ++got) {
    Value item = iter_next(it.get());
    if (!item) {
      if (error_occurred()) return fail(got);
      if (after >= 0)
        raise_format(exc::ValueError, "not enough values to unpack (expected at least %d, got %d)",
                     before + after, got);
      else
        raise_format(exc::ValueError, "not enough values to unpack (expected %d, got %d)", before, got);
      return fail(got);
    }
    top[-1 - got] = item;
  }
  if (after < 0) {
    Value extra = iter_next(it.get());
    if (extra) {
      decref(extra);
      raise_format(exc::ValueError, "too many values to unpack (expected %d)", before);
      return fail(got);
    }
    if (error_occurred()) return fail(got);
    return 0;
  }
  Value rest = list_from_iterable(it.get());
  if (!rest) return fail(got);
  size_t n = list_size(rest);
  if (n < size_t(after)) {
    raise_format(exc::ValueError, "not enough values to unpack (expected at least %d, got %zu)",
                 before + after, size_t(before) + n);
    decref(rest);
    return fail(got);
  }
  // The last `after` items come off the list.
  for (int i = 0; i < after; ++i) {
    Value item = list_get(rest, n - after + i);
    incref(item);
    top[-1 - before - 1 - i] = item;
  }
  if (after > 0) {
    Ref head = Ref::steal(list_slice(rest, 0, int64_t(n - after)));
    decref(rest);
    if (!head) return fail(got);
    rest = head.release();
  }
  top[-1 - before] = rest;
  return 0;
}

Value build_string(const Value* pieces, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += str_utf8(pieces[i]);
  return str_from_utf8(out);
}

int list_extend_for_unpack(Value list, Value iterable) {
  if (list_extend(list, iterable) == 0) return 0;
  if (error_matches(exc::TypeError) && !type_of(iterable)->iter && !type_of(iterable)->sequence.item) {
    clear_error();
    raise_format(exc::TypeError, "Value after * must be an iterable, not %s", type_of(iterable)->name.c_str());
  }
  return -1;
}

int dict_update_for_display(Value dict, Value update) {
  if (dict_merge(dict, update, true) == 0) return 0;
  if (error_matches(exc::AttributeError)) {
    clear_error();
    raise_format(exc::TypeError, "'%s' object is not a mapping", type_of(update)->name.c_str());
  }
  return -1;
}

std::string function_description(Value func) {
  Ref qualname = Ref::steal(lookup_attr(func, str_intern("__qualname__")));
  if (!qualname || !is_str(qualname.get())) {
    clear_error();
    return std::string(type_of(func)->name) + " object";
  }
  Ref module = Ref::steal(lookup_attr(func, str_intern("__module__")));
  clear_error();
  if (module && is_str(module.get()) && !str_equal_ascii(module.get(), "builtins"))
    return str_to_utf8(module.get()) + "." + str_to_utf8(qualname.get()) + "()";
  return str_to_utf8(qualname.get()) + "()";
}

int dict_merge_for_call(Value dict, Value update, Value func) {
  if (!is_dict(update)) {
    Ref keys = Ref::steal(lookup_attr(update, str_intern("keys")));
    if (!keys) {
      if (error_occurred()) return -1;
      raise_format(exc::TypeError, "%s argument after ** must be a mapping, not %s",
                   function_description(func).c_str(), type_of(update)->name.c_str());
      return -1;
    }
  }
  // Keys must be new and str.
  Ref keys = Ref::steal(is_dict(update) ? dict_keys_list(update) : call_method(update, "keys", nullptr, 0));
  if (!keys) return -1;
  Ref it = Ref::steal(get_iter(keys.get()));
  if (!it) return -1;
  while (Value key = iter_next(it.get())) {
    Ref k = Ref::steal(key);
    int has = dict_contains(dict, key);
    if (has < 0) return -1;
    if (has) {
      raise_format(exc::TypeError, "%s got multiple values for keyword argument '%s'",
                   function_description(func).c_str(), str_cstr(key));
      return -1;
    }
    Ref value = Ref::steal(get_item(update, key));
    if (!value || dict_set_item(dict, key, value.get()) < 0) return -1;
  }
  return error_occurred() ? -1 : 0;
}

Value ascii_of(Value v) {
  Ref r = Ref::steal(repr(v));
  if (!r) return Value();
  if (str_is_ascii(r.get())) return r.release();
  std::string out;
  size_t n = str_length(r.get());
  for (size_t i = 0; i < n; ++i) {
    char32_t c = str_char(r.get(), i);
    char buf[16];
    if (c < 128) out += char(c);
    else {
      if (c <= 0xff) std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(c));
      else if (c <= 0xffff) std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(c));
      else std::snprintf(buf, sizeof buf, "\\U%08x", unsigned(c));
      out += buf;
    }
  }
  return str_from_ascii(out);
}

Value format_value(Value v, int conversion, Value spec) {
  Ref converted;
  switch (conversion) {
    case 1: converted = Ref::steal(str(v)); break;
    case 2: converted = Ref::steal(repr(v)); break;
    case 3: converted = Ref::steal(ascii_of(v)); break;
    default: converted = Ref::borrow(v); break;
  }
  if (!converted) return Value();
  if (is_str_exact(converted.get()) && (!spec || str_length(spec) == 0)) return converted.release();
  Ref empty;
  if (!spec) {
    empty = Ref::steal(str_empty());
    spec = empty.get();
  }
  return format(converted.get(), spec);
}

Value call_function_ex(Value func, Value callargs, Value kwargs) {
  Ref args;
  if (is_tuple_exact(callargs)) {
    args = Ref::borrow(callargs);
  } else {
    if (!type_of(callargs)->iter && !type_of(callargs)->sequence.item) {
      return raise_format(exc::TypeError, "%s argument after * must be an iterable, not %s",
                          function_description(func).c_str(), type_of(callargs)->name.c_str());
    }
    args = Ref::steal(tuple_from_iterable(callargs));
    if (!args) return Value();
  }
  size_t nargs = tuple_size(args.get());
  if (!kwargs || dict_size(kwargs) == 0) return call(func, tuple_items(args.get()), nargs);
  size_t nkw = dict_size(kwargs);
  std::vector<Value> all(nargs + nkw);
  for (size_t i = 0; i < nargs; ++i) all[i] = tuple_get(args.get(), i);
  Ref names = Ref::steal(tuple_new(nkw));
  if (!names) return Value();
  size_t pos = 0, i = 0;
  Value key, value;
  while (dict_next(kwargs, &pos, &key, &value)) {
    if (!is_str(key)) return raise(exc::TypeError, "keywords must be strings");
    incref(key);
    tuple_items(names.get())[i] = key;
    all[nargs + i] = value;
    ++i;
  }
  return call(func, all.data(), nargs, names.get());
}

Value annotations_from_tuple(Value t) {
  if (is_dict(t)) {
    incref(t);
    return t;
  }
  Value d = dict_new();
  if (!d) return Value();
  for (size_t i = 0; i + 1 < tuple_size(t); i += 2)
    dict_set_item(d, tuple_get(t, i), tuple_get(t, i + 1));
  return d;
}

int do_raise(Value exception, Value cause) {
  if (!exception) {
    Value handled = handled_exception();
    if (!handled) {
      raise(exc::RuntimeError, "No active exception to reraise");
      return 0;
    }
    incref(handled);
    restore_exception(handled);
    return 1;
  }
  Ref value;
  if (is_exception_type(exception)) {
    value = Ref::steal(call_no_args(exception));
    if (!value) return 0;
    if (!is_exception_instance(value.get())) {
      // CPython formats both with %R: "<class '__main__.X'>", "<class 'int'>".
      Ref called = Ref::steal(repr(exception));
      Ref got = Ref::steal(repr(Value::object(type_of(value.get()))));
      if (!called || !got) return 0;
      raise_format(exc::TypeError, "calling %s should have returned an instance of BaseException, not %s",
                   str_cstr(called.get()), str_cstr(got.get()));
      return 0;
    }
  } else if (is_exception_instance(exception)) {
    value = Ref::borrow(exception);
  } else {
    raise(exc::TypeError, "exceptions must derive from BaseException");
    return 0;
  }
  if (cause) {
    Ref fixed;
    if (is_exception_type(cause)) {
      fixed = Ref::steal(call_no_args(cause));
      if (!fixed) return 0;
    } else if (is_exception_instance(cause)) {
      fixed = Ref::borrow(cause);
    } else if (cause.is(none())) {
      // raise ... from None: no cause, context suppressed.
    } else {
      raise(exc::TypeError, "exception causes must derive from BaseException");
      return 0;
    }
    exception_set_cause(value.get(), fixed.get());
  }
  set_exception(value.get());
  return 0;
}

namespace {
int check_except_type(Value type) {
  if (is_tuple(type)) {
    for (size_t i = 0; i < tuple_size(type); ++i)
      if (!is_exception_type(tuple_get(type, i))) goto bad;
    return 0;
  }
  if (is_exception_type(type)) return 0;
bad:
  raise(exc::TypeError, "catching classes that do not inherit from BaseException is not allowed");
  return -1;
}
}  // namespace

int exception_matches(Value exception, Value type) {
  if (check_except_type(type) < 0) return -1;
  TypeObject* t = type_of(exception);
  if (is_tuple(type)) {
    for (size_t i = 0; i < tuple_size(type); ++i)
      if (is_subtype(t, static_cast<TypeObject*>(tuple_get(type, i).as_object()))) return 1;
    return 0;
  }
  return is_subtype(t, static_cast<TypeObject*>(type.as_object())) ? 1 : 0;
}

int exception_group_match(Value eg, Value type, Value* match, Value* rest) {
  if (check_except_type(type) < 0) return -1;
  auto is_group_type = [](Value t) {
    return is_exception_type(t) && is_subtype(static_cast<TypeObject*>(t.as_object()), exc::BaseExceptionGroup);
  };
  bool bad = is_group_type(type);
  if (is_tuple(type))
    for (size_t i = 0; i < tuple_size(type); ++i) bad = bad || is_group_type(tuple_get(type, i));
  if (bad) {
    raise(exc::TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
    return -1;
  }
  if (eg.is(none())) {
    *match = none();
    *rest = none();
    return 0;
  }
  int m = exception_matches(eg, type);
  if (m < 0) return -1;
  if (m) {
    if (is_subtype(type_of(eg), exc::BaseExceptionGroup)) {
      incref(eg);
      *match = eg;
    } else {
      Ref excs = Ref::steal(tuple_pack({eg}));
      Ref msg = Ref::steal(str_empty());
      Value args[2] = {msg.get(), excs.get()};
      Value wrapped = call(Value::object(exc::BaseExceptionGroup), args, 2);
      if (!wrapped) return -1;
      // 3.11 leaves the wrapping group without a traceback (3.12 gives it the frame's).
      *match = wrapped;
    }
    *rest = none();
  } else if (is_subtype(type_of(eg), exc::BaseExceptionGroup)) {
    Ref pair = Ref::steal(call_method(eg, "split", &type, 1));
    if (!pair) return -1;
    *match = Ref::borrow(tuple_get(pair.get(), 0)).release();
    *rest = Ref::borrow(tuple_get(pair.get(), 1)).release();
  } else {
    *match = none();
    incref(eg);
    *rest = eg;
  }
  if (!match->is(none())) {
    ExcStackItem* item = thread_state().exc_info;
    Value old = item->exc_value;
    incref(*match);
    item->exc_value = *match;
    xdecref(old);
  }
  return 0;
}

namespace {
void collect_leaves(Value e, std::vector<Value>& out) {
  if (is_subtype(type_of(e), exc::BaseExceptionGroup)) {
    Value items = as_exception(e)->extra[1];
    for (size_t i = 0; i < tuple_size(items); ++i) collect_leaves(tuple_get(items, i), out);
  } else {
    out.push_back(e);
  }
}
bool same_metadata(Value a, Value b) {
  auto* x = as_exception(a);
  auto* y = as_exception(b);
  return x->cause.is(y->cause) && x->context.is(y->context) && x->traceback.is(y->traceback);
}
// orig restricted to the leaves that appear in `keep` (the handled-and-re-raised part).
Value project(Value orig, const std::vector<Value>& leaves) {
  if (!is_subtype(type_of(orig), exc::BaseExceptionGroup)) {
    for (Value l : leaves)
      if (l.is(orig)) return Ref::borrow(orig).release();
    return Value();
  }
  Value items = as_exception(orig)->extra[1];
  Ref kept = Ref::steal(list_new(0));
  for (size_t i = 0; i < tuple_size(items); ++i) {
    Value sub = project(tuple_get(items, i), leaves);
    if (error_occurred()) return Value();
    if (sub) {
      list_append(kept.get(), sub);
      decref(sub);
    }
  }
  if (list_size(kept.get()) == 0) return Value();
  Value arg = kept.get();
  Value derived = call_method(orig, "derive", &arg, 1);
  if (!derived) return Value();
  exception_set_traceback(derived, as_exception(orig)->traceback);
  exception_set_cause(derived, as_exception(orig)->cause);
  as_exception(derived)->suppress_context = as_exception(orig)->suppress_context;
  exception_set_context(derived, as_exception(orig)->context);
  return derived;
}
}  // namespace

Value prep_reraise_star(Value orig, Value excs) {
  size_t n = list_size(excs);
  if (n == 0) return none();
  if (!is_subtype(type_of(orig), exc::BaseExceptionGroup)) {
    Value e = list_get(excs, 0);
    incref(e);
    return e;
  }
  std::vector<Value> raised, keep_leaves;
  for (size_t i = 0; i < n; ++i) {
    Value e = list_get(excs, i);
    if (e.is(none())) continue;
    bool reraise = false;
    std::vector<Value> leaves;
    collect_leaves(e, leaves);
    std::vector<Value> orig_leaves;
    collect_leaves(orig, orig_leaves);
    // A re-raise is a projection of orig: its leaves are orig's and its metadata orig's.
    reraise = same_metadata(e, orig);
    if (reraise) keep_leaves.insert(keep_leaves.end(), leaves.begin(), leaves.end());
    else raised.push_back(e);
  }
  Ref keep = Ref::steal(project(orig, keep_leaves));
  if (error_occurred()) return Value();
  if (raised.empty()) return keep ? keep.release() : none();
  Ref list = Ref::steal(list_from_array(raised.data(), raised.size()));
  if (keep) list_append(list.get(), keep.get());
  Ref msg = Ref::steal(str_empty());
  Value args[2] = {msg.get(), list.get()};
  return call(Value::object(exc::BaseExceptionGroup), args, 2);
}

Value before_with(Value manager, bool async, Value* exit_fn) {
  const char* enter_name = async ? "__aenter__" : "__enter__";
  const char* exit_name = async ? "__aexit__" : "__exit__";
  const char* protocol = async ? "asynchronous context manager" : "context manager";
  Ref enter = Ref::steal(lookup_special(manager, enter_name));
  if (!enter) {
    if (!error_occurred())
      raise_format(exc::TypeError, "'%s' object does not support the %s protocol", type_of(manager)->name.c_str(),
                   protocol);
    return Value();
  }
  Ref exit = Ref::steal(lookup_special(manager, exit_name));
  if (!exit) {
    if (!error_occurred())
      raise_format(exc::TypeError, "'%s' object does not support the %s protocol (missed %s method)",
                   type_of(manager)->name.c_str(), protocol, exit_name);
    return Value();
  }
  Value r = call_no_args(enter.get());
  if (!r) return Value();
  if (async) {
    Value aw = get_awaitable(r, 1);
    decref(r);
    if (!aw) return Value();
    r = aw;
  }
  *exit_fn = exit.release();
  return r;
}

int setup_annotations(Frame* frame) {
  if (!frame->locals) {
    raise(exc::SystemError, "no locals found when setting up annotations");
    return -1;
  }
  Ref key = Ref::steal(str_intern("__annotations__"));
  if (is_dict_exact(frame->locals)) {
    if (dict_get_item(frame->locals, key.get())) return 0;
    if (error_occurred()) return -1;
    Ref d = Ref::steal(dict_new());
    return dict_set_item(frame->locals, key.get(), d.get());
  }
  Ref v = Ref::steal(get_item(frame->locals, key.get()));
  if (v) return 0;
  if (!error_matches(exc::KeyError)) return -1;
  clear_error();
  Ref d = Ref::steal(dict_new());
  return set_item(frame->locals, key.get(), d.get());
}

Value import_name(Frame* frame, Value name, Value fromlist, Value level) {
  Value import = dict_get_item_str(frame->builtins, "__import__");
  if (!import) {
    if (!error_occurred()) raise(exc::ImportError, "__import__ not found");
    return Value();
  }
  // The builtin __import__ is called directly (no argument tuple, no keyword parsing), as
  // CPython does; a replaced one gets CPython's five arguments.
  if (modules::is_original_import(import)) {
    int64_t lvl = as_ssize(level);
    if (lvl == -1 && error_occurred()) return Value();
    return import_module_level(name, frame->globals, fromlist, lvl);
  }
  Value args[5] = {name, frame->globals, frame->locals ? frame->locals : none(), fromlist, level};
  return call(import, args, 5);
}

// Item i of `seq` as CPython's PySequence_GetItem (which `from m import *` walks __all__ with):
// new reference, or null + error (IndexError past the end).
static Value import_star_item(Value seq, int64_t i) {
  TypeObject* t = type_of(seq);
  if (t->sequence.item) return t->sequence.item(seq, i);
  if (t->mapping.subscript) return raise_format(exc::TypeError, "%s is not a sequence", t->name.c_str());
  return raise_format(exc::TypeError, "'%s' object does not support indexing", t->name.c_str());
}

// CPython's message for a name in __all__ (or a key of __dict__) that is not a str.
static int import_star_bad_name(Value module, Value name, bool from_dict) {
  Ref modname = Ref::steal(get_attr(module, str_intern("__name__")));
  if (!modname) return -1;
  if (!is_str(modname.get()))
    raise_format(exc::TypeError, "module __name__ must be a string, not %s", type_of(modname.get())->name.c_str());
  else
    raise_format(exc::TypeError, "%s in %s.%s must be str, not %s", from_dict ? "Key" : "Item",
                 str_cstr(modname.get()), from_dict ? "__dict__" : "__all__", type_of(name)->name.c_str());
  return -1;
}

int import_star(Frame* frame, Value module) {
  if (!frame->locals) {
    raise(exc::SystemError, "no locals found during 'import *'");
    return -1;
  }
  Ref names = Ref::steal(lookup_attr(module, str_intern("__all__")));
  if (error_occurred()) return -1;
  bool from_dict = !names;
  if (from_dict) {
    Ref dict = Ref::steal(lookup_attr(module, str_intern("__dict__")));
    if (!dict) {
      if (!error_occurred()) raise(exc::ImportError, "from-import-* object has no __dict__ and no __all__");
      return -1;
    }
    names = Ref::steal(call_method(dict.get(), "keys", nullptr, 0));
    if (names) names = Ref::steal(list_from_iterable(names.get()));
    if (!names) return -1;
  }
  // __all__ is indexed from 0 until IndexError, as CPython does (a generator is refused).
  for (int64_t i = 0;; ++i) {
    Ref n = Ref::steal(import_star_item(names.get(), i));
    if (!n) {
      if (!error_matches(exc::IndexError)) return -1;
      clear_error();
      return 0;
    }
    if (!is_str(n.get())) return import_star_bad_name(module, n.get(), from_dict);
    if (from_dict && str_length(n.get()) > 0 && str_char(n.get(), 0) == '_') continue;
    Ref v = Ref::steal(get_attr(module, n.get()));
    if (!v) return -1;
    if (set_item(frame->locals, n.get(), v.get()) < 0) return -1;
  }
}

int print_expr(Value v) {
  if (v.is(none())) return 0;
  Ref r = Ref::steal(repr(v));
  if (!r) return -1;
  if (dict_set_item_str(modules::builtins_dict(), "_", v) < 0) return -1;
  return modules::write_to(modules::sys_stdout(), str_to_utf8(r.get()) + "\n");
}

Value match_keys(Value subject, Value keys) {
  size_t n = tuple_size(keys);
  if (n == 0) return tuple_empty();
  Ref get = Ref::steal(get_attr(subject, "get"));
  if (!get) return Value();
  Ref dummy = Ref::steal(call_no_args(Value::object(&object_type)));
  Ref seen = Ref::steal(set_new());
  Ref values = Ref::steal(tuple_new(n));
  for (size_t i = 0; i < n; ++i) {
    Value key = tuple_get(keys, i);
    int dup = set_contains(seen.get(), key);
    if (dup < 0) return Value();
    if (dup) {
      Ref r = Ref::steal(repr(key));
      return raise_format(exc::ValueError, "mapping pattern checks duplicate key (%s)", r ? str_cstr(r.get()) : "?");
    }
    if (set_add(seen.get(), key) < 0) return Value();
    Value args[2] = {key, dummy.get()};
    Value v = call(get.get(), args, 2);
    if (!v) return Value();
    if (v.is(dummy.get())) {
      decref(v);
      return none();
    }
    tuple_items(values.get())[i] = v;
  }
  return values.release();
}

Value match_class(Value subject, Value type, int nargs, Value names) {
  if (!(type.is_object() && is_subtype(type.as_object()->type, &type_type)))
    return raise(exc::TypeError, "called match pattern must be a type");
  TypeObject* cls = static_cast<TypeObject*>(type.as_object());
  int inst = object_is_instance(subject, type);
  if (inst <= 0) return Value();
  size_t nkw = tuple_size(names);
  Ref attrs = Ref::steal(list_new(0));
  Ref seen = Ref::steal(set_new());
  auto lookup = [&](Value name) -> Value {
    int dup = set_contains(seen.get(), name);
    if (dup < 0) return Value();
    if (dup) {
      raise_format(exc::TypeError, "%s() got multiple sub-patterns for attribute '%s'", cls->name.c_str(), str_cstr(name));
      return Value();
    }
    if (set_add(seen.get(), name) < 0) return Value();
    Value v = lookup_attr(subject, name);
    return v;
  };
  if (nargs > 0) {
    Ref match_args = Ref::steal(lookup_attr(type, str_intern("__match_args__")));
    if (error_occurred()) return Value();
    bool self_match = false;
    if (match_args) {
      if (!is_tuple_exact(match_args.get()))
        return raise_format(exc::TypeError, "%s.__match_args__ must be a tuple (got %s)", cls->name.c_str(),
                            type_of(match_args.get())->name.c_str());
    } else {
      match_args = Ref::steal(tuple_empty());
      TypeObject* self_types[] = {&bool_type, &bytearray_type, &bytes_type, &dict_type, &float_type, &frozenset_type,
                                  &int_type, &list_type, &set_type, &str_type, &tuple_type};
      for (TypeObject* t : self_types)
        if (is_subtype(cls, t)) self_match = true;
    }
    size_t allowed = self_match ? 1 : tuple_size(match_args.get());
    if (size_t(nargs) > allowed)
      return raise_format(exc::TypeError, "%s() accepts %zu positional sub-pattern%s (%d given)", cls->name.c_str(),
                          allowed, allowed == 1 ? "" : "s", nargs);
    if (self_match) {
      list_append(attrs.get(), subject);
    } else {
      for (int i = 0; i < nargs; ++i) {
        Value name = tuple_get(match_args.get(), i);
        if (!is_str(name))
          return raise_format(exc::TypeError, "__match_args__ elements must be strings (got %s)",
                              type_of(name)->name.c_str());
        Value v = lookup(name);
        if (!v) return Value();
        list_append(attrs.get(), v);
        decref(v);
      }
    }
  }
  for (size_t i = 0; i < nkw; ++i) {
    Value v = lookup(tuple_get(names, i));
    if (!v) return Value();
    list_append(attrs.get(), v);
    decref(v);
  }
  return list_as_tuple(attrs.get());
}

}  // namespace krait::vm
