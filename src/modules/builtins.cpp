// The builtins module: the built-in functions, types and constants.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "compile/compiler.h"
#include "modules/ast/ast_module.h"
#include "modules/builtins_internal.h"
#include "modules/modules.h"
#include "runtime/args.h"
#include "vm/config.h"
#include "vm/import.h"
#include "parse/parser.h"
#include "parse/source.h"
#include "runtime/abstract.h"
#include "runtime/builtin_function.h"
#include "runtime/bytes.h"
#include "runtime/memoryview.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/range.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/code.h"
#include "vm/eval.h"
#include "vm/eval_helpers.h"
#include "vm/frame.h"
#include "vm/function.h"
#include "vm/interp.h"
#include "vm/state.h"

namespace krait::modules {

using namespace runtime;

namespace {

Value g_builtins_module;

// --- argument parsing ---------------------------------------------------------------------------

// Assigns keyword arguments to the named slots; TypeError for unknown or repeated names.
// out[i] receives the value for names[i] (borrowed).
bool parse_keywords(const char* fname, const Value* args, size_t nargs, Value kwnames,
                    std::initializer_list<const char*> names, Value* out) {
  if (!kwnames) return true;
  for (size_t k = 0; k < tuple_size(kwnames); ++k) {
    Value key = tuple_get(kwnames, k);
    size_t i = 0;
    bool found = false;
    for (const char* n : names) {
      if (str_equal_ascii(key, n)) {
        out[i] = args[nargs + k];
        found = true;
        break;
      }
      ++i;
    }
    if (!found) {
      raise_format(exc::TypeError, "'%s' is an invalid keyword argument for %s()", str_cstr(key), fname);
      return false;
    }
  }
  return true;
}

bool no_keywords(const char* fname, Value kwnames) {
  if (kwnames && tuple_size(kwnames) > 0) {
    raise_format(exc::TypeError, "%s() takes no keyword arguments", fname);
    return false;
  }
  return true;
}

bool check_count(const char* fname, size_t nargs, size_t min, size_t max) {
  if (nargs < min) {
    if (min == max)
      raise_format(exc::TypeError, "%s expected %zu argument%s, got %zu", fname, min, min == 1 ? "" : "s", nargs);
    else
      raise_format(exc::TypeError, "%s expected at least %zu argument%s, got %zu", fname, min, min == 1 ? "" : "s",
                   nargs);
    return false;
  }
  if (nargs > max) {
    if (min == max)
      raise_format(exc::TypeError, "%s expected %zu argument%s, got %zu", fname, max, max == 1 ? "" : "s", nargs);
    else
      raise_format(exc::TypeError, "%s expected at most %zu argument%s, got %zu", fname, max, max == 1 ? "" : "s",
                   nargs);
    return false;
  }
  return true;
}

Value new_ref(Value v) {
  incref(v);
  return v;
}

// --- output -------------------------------------------------------------------------------------

Value builtin_print(Value, const Value* args, size_t nargs, Value kwnames) {
  Value kw[4];  // sep, end, file, flush
  if (!parse_keywords("print", args, nargs, kwnames, {"sep", "end", "file", "flush"}, kw)) return Value();
  Value sep = kw[0], end = kw[1], file = kw[2];
  if (sep && !sep.is(none()) && !is_str(sep))
    return raise_format(exc::TypeError, "sep must be None or a string, not %s", type_of(sep)->name.c_str());
  if (end && !end.is(none()) && !is_str(end))
    return raise_format(exc::TypeError, "end must be None or a string, not %s", type_of(end)->name.c_str());
  if (!file || file.is(none())) {
    file = sys_stdout();
    if (!file || file.is(none())) return none();
  }
  std::string_view sep_text = sep && !sep.is(none()) ? str_utf8(sep) : std::string_view(" ");
  std::string_view end_text = end && !end.is(none()) ? str_utf8(end) : std::string_view("\n");
  if (is_native_stdio(file)) {
    std::string out;
    for (size_t i = 0; i < nargs; ++i) {
      if (i) out += sep_text;
      if (is_str_exact(args[i])) {
        out += str_utf8(args[i]);
      } else {
        Ref s = Ref::steal(str(args[i]));
        if (!s) return Value();
        out += str_utf8(s.get());
      }
    }
    out += end_text;
    if (native_stdio_write(file, out) < 0) return Value();
  } else {
    for (size_t i = 0; i < nargs; ++i) {
      if (i && write_to(file, std::string(sep_text)) < 0) return Value();
      Ref s = Ref::steal(str(args[i]));
      if (!s) return Value();
      Value sv = s.get();
      Ref r = Ref::steal(call_method(file, "write", &sv, 1));
      if (!r) return Value();
    }
    if (write_to(file, std::string(end_text)) < 0) return Value();
  }
  if (kw[3] && is_true(kw[3]) > 0) {
    Ref r = Ref::steal(call_method(file, "flush", nullptr, 0));
    if (!r) return Value();
  }
  return none();
}

Value builtin_input(Value, const Value* args, size_t nargs) {
  if (!check_count("input", nargs, 0, 1)) return Value();
  if (nargs == 1) {
    Ref s = Ref::steal(str(args[0]));
    if (!s || write_to(sys_stdout(), str_to_utf8(s.get())) < 0) return Value();
  }
  flush_std_streams();
  std::string line;
  if (!std::getline(std::cin, line)) return raise(exc::EOFError, "EOF when reading a line");
  return str_from_utf8(line);
}

// --- simple functions ---------------------------------------------------------------------------

Value builtin_len(Value, Value v) {
  int64_t n = length(v);
  if (n < 0) return Value();
  return int_from_int64(n);
}
Value builtin_repr(Value, Value v) { return repr(v); }
Value builtin_ascii(Value, Value v) { return vm::ascii_of(v); }
Value builtin_id(Value, Value v) {
  if (v.is_object()) return int_from_uint64(reinterpret_cast<uint64_t>(v.as_object()));
  return int_from_uint64(v.bits());  // ints and floats: their value decides (documented)
}
Value builtin_hash(Value, Value v) {
  int64_t h = hash(v);
  if (h == -1 && error_occurred()) return Value();
  return int_from_int64(h);
}
Value builtin_callable(Value, Value v) { return bool_value(type_of(v)->call != nullptr); }
Value builtin_abs(Value, Value v) { return number_absolute(v); }

Value builtin_chr(Value, Value arg) {
  Ref v = Ref::steal(number_index(arg));  // __index__ objects too
  if (!v) return Value();
  int64_t i = 0;
  if (!int_to_int64(v.get(), &i) || i > INT32_MAX || i < INT32_MIN)
    return raise(exc::OverflowError, "Python int too large to convert to C int");
  if (i < 0 || i >= 0x110000) return raise(exc::ValueError, "chr() arg not in range(0x110000)");
  return str_from_char(char32_t(i));
}

Value builtin_ord(Value, Value v) {
  if (is_str(v)) {
    if (str_length(v) != 1)
      return raise_format(exc::TypeError, "ord() expected a character, but string of length %zu found", str_length(v));
    return int_from_int64(str_char(v, 0));
  }
  std::string_view data;
  if (is_bytes(v) || is_bytearray(v)) {
    data = is_bytes(v) ? bytes_view(v) : bytearray_view(v);
    if (data.size() != 1)
      return raise_format(exc::TypeError, "ord() expected a character, but string of length %zu found", data.size());
    return int_from_int64(static_cast<unsigned char>(data[0]));
  }
  return raise_format(exc::TypeError, "ord() expected string of length 1, but %s found", type_of(v)->name.c_str());
}

Value base_string(Value v, int base) {
  Ref i = Ref::steal(number_index(v));
  if (!i) return Value();
  return int_to_base_string(i.get(), base);
}
Value builtin_bin(Value, Value v) { return base_string(v, 2); }
Value builtin_oct(Value, Value v) { return base_string(v, 8); }
Value builtin_hex(Value, Value v) { return base_string(v, 16); }

Value builtin_format(Value, const Value* args, size_t nargs) {
  if (!check_count("format", nargs, 1, 2)) return Value();
  if (nargs == 2 && !is_str(args[1]))
    return raise_format(exc::TypeError, "format() argument 2 must be str, not %s", type_of(args[1])->name.c_str());
  Ref spec = Ref::steal(nargs == 2 ? new_ref(args[1]) : str_empty());
  return format(args[0], spec.get());
}

Value builtin_isinstance(Value, const Value* args, size_t nargs) {
  if (!check_count("isinstance", nargs, 2, 2)) return Value();
  int r = object_is_instance(args[0], args[1]);
  if (r < 0) return Value();
  return bool_value(r);
}
Value builtin_issubclass(Value, const Value* args, size_t nargs) {
  if (!check_count("issubclass", nargs, 2, 2)) return Value();
  int r = object_is_subclass(args[0], args[1]);
  if (r < 0) return Value();
  return bool_value(r);
}

Value builtin_iter(Value, const Value* args, size_t nargs) {
  if (!check_count("iter", nargs, 1, 2)) return Value();
  if (nargs == 1) return get_iter(args[0]);
  if (type_of(args[0])->call == nullptr) return raise(exc::TypeError, "iter(v, w): v must be callable");
  return callable_iter_new(args[0], args[1]);
}

Value builtin_next(Value, const Value* args, size_t nargs) {
  if (!check_count("next", nargs, 1, 2)) return Value();
  Value it = args[0];
  if (!type_of(it)->iternext)
    return raise_format(exc::TypeError, "'%s' object is not an iterator", type_of(it)->name.c_str());
  Value r = type_of(it) == &generator_type ? vm::gen_next_with_value(it) : type_of(it)->iternext(it);
  if (r) return r;
  if (error_occurred()) {
    if (nargs == 2 && error_matches(exc::StopIteration)) {
      clear_error();
      return new_ref(args[1]);
    }
    return Value();
  }
  if (nargs == 2) return new_ref(args[1]);
  set_exception(Value::object(exc::StopIteration));
  return Value();
}

Value builtin_getattr(Value, const Value* args, size_t nargs) {
  if (!check_count("getattr", nargs, 2, 3)) return Value();
  if (!is_str(args[1]))
    return raise_format(exc::TypeError, "attribute name must be string, not '%s'", type_of(args[1])->name.c_str());
  if (nargs == 3) {
    Value v = lookup_attr(args[0], args[1]);
    if (v || error_occurred()) return v;
    return new_ref(args[2]);
  }
  Value v = get_attr(args[0], args[1]);
  if (!v) attribute_error_context(args[0], args[1]);
  return v;
}
Value builtin_hasattr(Value, const Value* args, size_t nargs) {
  if (!check_count("hasattr", nargs, 2, 2)) return Value();
  if (!is_str(args[1]))
    return raise_format(exc::TypeError, "attribute name must be string, not '%s'", type_of(args[1])->name.c_str());
  Value v = lookup_attr(args[0], args[1]);
  if (v) {
    decref(v);
    return true_value();
  }
  if (error_occurred()) return Value();
  return false_value();
}
Value builtin_setattr(Value, const Value* args, size_t nargs) {
  if (!check_count("setattr", nargs, 3, 3)) return Value();
  if (!is_str(args[1]))
    return raise_format(exc::TypeError, "attribute name must be string, not '%s'", type_of(args[1])->name.c_str());
  if (set_attr(args[0], args[1], args[2]) < 0) return Value();
  return none();
}
Value builtin_delattr(Value, const Value* args, size_t nargs) {
  if (!check_count("delattr", nargs, 2, 2)) return Value();
  if (!is_str(args[1]))
    return raise_format(exc::TypeError, "attribute name must be string, not '%s'", type_of(args[1])->name.c_str());
  if (set_attr(args[0], args[1], Value()) < 0) return Value();
  return none();
}

// --- reductions ---------------------------------------------------------------------------------

Value builtin_any(Value, Value iterable) {
  Ref it = Ref::steal(get_iter(iterable));
  if (!it) return Value();
  while (Value item = iter_next(it.get())) {
    int t = is_true(item);
    decref(item);
    if (t < 0) return Value();
    if (t) return true_value();
  }
  if (error_occurred()) return Value();
  return false_value();
}
Value builtin_all(Value, Value iterable) {
  Ref it = Ref::steal(get_iter(iterable));
  if (!it) return Value();
  while (Value item = iter_next(it.get())) {
    int t = is_true(item);
    decref(item);
    if (t < 0) return Value();
    if (!t) return false_value();
  }
  if (error_occurred()) return Value();
  return true_value();
}

Value builtin_sum(Value, const Value* args, size_t nargs, Value kwnames) {
  Value kw[1];
  if (!parse_keywords("sum", args, nargs, kwnames, {"start"}, kw)) return Value();
  if (nargs < 1) return raise_format(exc::TypeError, "sum() takes at least 1 positional argument (%zu given)", nargs);
  if (nargs > 2) return raise_format(exc::TypeError, "sum() takes at most 2 arguments (%zu given)", nargs);
  Value start = nargs == 2 ? args[1] : kw[0];
  if (start) {
    if (is_str(start)) return raise(exc::TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (is_bytes(start)) return raise(exc::TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    if (is_bytearray(start)) return raise(exc::TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
  }
  Ref total = Ref::borrow(start ? start : Value::small_int(0));
  Ref it = Ref::steal(get_iter(args[0]));
  if (!it) return Value();
  while (Value item = iter_next(it.get())) {
    Ref hold = Ref::steal(item);
    Value t = total.get();
    Value r;
    if (t.is_small_int() && item.is_small_int()) r = int_from_int64(t.as_small_int() + item.as_small_int());
    else if (t.is_float() && item.is_float()) r = float_from_double(t.as_float() + item.as_float());
    else r = binary_op(t, item, BinaryOp::Add);
    if (!r) return Value();
    total = Ref::steal(r);
  }
  if (error_occurred()) return Value();
  return total.release();
}

Value min_max(const char* name, const Value* args, size_t nargs, Value kwnames, CompareOp op) {
  Value kw[2];  // key, default
  if (!parse_keywords(name, args, nargs, kwnames, {"key", "default"}, kw)) return Value();
  if (nargs == 0) return raise_format(exc::TypeError, "%s expected at least 1 argument, got 0", name);
  if (nargs > 1 && kw[1])
    return raise_format(exc::TypeError, "Cannot specify a default for %s() with multiple positional arguments", name);
  Value key = kw[0] && !kw[0].is(none()) ? kw[0] : Value();
  Ref it;
  if (nargs == 1) {
    it = Ref::steal(get_iter(args[0]));
  } else {
    Ref t = Ref::steal(tuple_from_array(args, nargs));
    if (!t) return Value();
    it = Ref::steal(get_iter(t.get()));
  }
  if (!it) return Value();
  Ref best, best_key;
  while (Value item = iter_next(it.get())) {
    Ref hold = Ref::steal(item);
    Ref k = key ? Ref::steal(call_one_arg(key, item)) : Ref::borrow(item);
    if (!k) return Value();
    if (!best) {
      best = hold;
      best_key = k;
      continue;
    }
    int better = rich_compare_bool(k.get(), best_key.get(), op);
    if (better < 0) return Value();
    if (better) {
      best = hold;
      best_key = k;
    }
  }
  if (error_occurred()) return Value();
  if (!best) {
    if (kw[1]) return new_ref(kw[1]);
    return raise_format(exc::ValueError, "%s() arg is an empty sequence", name);
  }
  return best.release();
}
Value builtin_min(Value, const Value* args, size_t nargs, Value kwnames) {
  return min_max("min", args, nargs, kwnames, CompareOp::Lt);
}
Value builtin_max(Value, const Value* args, size_t nargs, Value kwnames) {
  return min_max("max", args, nargs, kwnames, CompareOp::Gt);
}

Value builtin_sorted(Value, const Value* args, size_t nargs, Value kwnames) {
  if (nargs != 1) {
    if (nargs == 0) return raise(exc::TypeError, "sorted expected 1 argument, got 0");
    return raise_format(exc::TypeError, "sorted expected 1 argument, got %zu", nargs);
  }
  Ref list = Ref::steal(list_from_iterable(args[0]));
  if (!list) return Value();
  Ref sort_name = Ref::steal(str_intern("sort"));
  Ref r = Ref::steal(call_method_kw(list.get(), sort_name.get(), args + 1, 0, kwnames));
  if (!r) return Value();
  return list.release();
}

Value builtin_divmod(Value, const Value* args, size_t nargs) {
  if (!check_count("divmod", nargs, 2, 2)) return Value();
  Value a = args[0], b = args[1];
  TypeObject* ta = type_of(a);
  TypeObject* tb = type_of(b);
  BinaryFunc fa = ta->number.divmod, fb = tb->number.divmod;
  if (fb == fa) fb = nullptr;
  if (fa) {
    if (fb && is_subtype(tb, ta)) {
      Value r = fb(a, b);
      if (!r || !r.is(not_implemented())) return r;
      fb = nullptr;
    }
    Value r = fa(a, b);
    if (!r || !r.is(not_implemented())) return r;
  }
  if (fb) {
    Value r = fb(a, b);
    if (!r || !r.is(not_implemented())) return r;
  }
  return raise_format(exc::TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'", ta->name.c_str(),
                      tb->name.c_str());
}

Value builtin_pow(Value, const Value* args, size_t nargs, Value kwnames) {
  Value kw[3];
  if (!parse_keywords("pow", args, nargs, kwnames, {"base", "exp", "mod"}, kw)) return Value();
  for (size_t i = 0; i < nargs && i < 3; ++i) kw[i] = args[i];
  if (nargs > 3) return raise_format(exc::TypeError, "pow() takes at most 3 arguments (%zu given)", nargs);
  if (!kw[0]) return raise(exc::TypeError, "pow() missing required argument 'base' (pos 1)");
  if (!kw[1]) return raise(exc::TypeError, "pow() missing required argument 'exp' (pos 2)");
  Value mod = kw[2] && !kw[2].is(none()) ? kw[2] : Value();
  return power(kw[0], kw[1], mod);
}

Value builtin_round(Value, const Value* args, size_t nargs, Value kwnames) {
  Value kw[2];
  if (!parse_keywords("round", args, nargs, kwnames, {"number", "ndigits"}, kw)) return Value();
  for (size_t i = 0; i < nargs && i < 2; ++i) kw[i] = args[i];
  if (nargs > 2) return raise_format(exc::TypeError, "round() takes at most 2 arguments (%zu given)", nargs);
  if (!kw[0]) return raise(exc::TypeError, "round() missing required argument 'number' (pos 1)");
  Ref method = Ref::steal(lookup_special(kw[0], "__round__"));
  if (!method) {
    if (error_occurred()) return Value();
    return raise_format(exc::TypeError, "type %s doesn't define __round__ method", type_of(kw[0])->name.c_str());
  }
  if (!kw[1] || kw[1].is(none())) return call_no_args(method.get());
  return call_one_arg(method.get(), kw[1]);
}

// --- namespaces ---------------------------------------------------------------------------------

Value builtin_globals(Value) {
  vm::Frame* f = vm::thread_state().frame;
  if (!f) return raise(exc::SystemError, "globals(): no current frame");
  return new_ref(f->globals);
}
Value builtin_locals(Value) {
  vm::Frame* f = vm::thread_state().frame;
  if (!f) return raise(exc::SystemError, "locals(): no current frame");
  return vm::frame_locals(f);
}
Value builtin_vars(Value, const Value* args, size_t nargs) {
  if (!check_count("vars", nargs, 0, 1)) return Value();
  if (nargs == 0) return builtin_locals(Value());
  Value d = lookup_attr(args[0], str_intern("__dict__"));
  if (d || error_occurred()) return d;
  return raise(exc::TypeError, "vars() argument must have __dict__ attribute");
}
Value builtin_dir(Value, const Value* args, size_t nargs) {
  if (!check_count("dir", nargs, 0, 1)) return Value();
  Ref names;
  if (nargs == 0) {
    Ref locals = Ref::steal(builtin_locals(Value()));
    if (!locals) return Value();
    names = Ref::steal(list_from_iterable(locals.get()));
  } else {
    Ref method = Ref::steal(lookup_special(args[0], "__dir__"));
    if (!method) {
      if (!error_occurred()) raise(exc::TypeError, "object does not provide __dir__");
      return Value();
    }
    Ref result = Ref::steal(call_no_args(method.get()));
    if (!result) return Value();
    names = Ref::steal(list_from_iterable(result.get()));
  }
  if (!names || list_sort(names.get()) < 0) return Value();
  return names.release();
}

// --- compile / exec / eval ------------------------------------------------------------------------

Value syntax_error_from(const SyntaxErrorInfo& info, const std::string& filename, const std::string& source) {
  TypeObject* type = info.type == SyntaxErrorInfo::Type::IndentationError ? exc::IndentationError
                     : info.type == SyntaxErrorInfo::Type::TabError       ? exc::TabError
                                                                          : exc::SyntaxError;
  if (info.type == SyntaxErrorInfo::Type::MemoryError) {
    raise(exc::MemoryError, "");
    return Value();
  }
  std::string text = info.text_override;
  if (text.empty() && !info.no_text && info.lineno > 0) {
    size_t pos = 0;
    for (int line = 1; line < info.lineno && pos != std::string::npos; ++line) {
      pos = source.find('\n', pos);
      if (pos != std::string::npos) ++pos;
    }
    if (pos != std::string::npos && pos <= source.size()) {
      size_t end = source.find('\n', pos);
      text = source.substr(pos, end == std::string::npos ? std::string::npos : end - pos + 1);
    }
  }
  // Byte columns to 1-based character offsets, as CPython's SyntaxError holds them.
  auto to_chars = [&](int col) {
    int chars = 0;
    for (int i = 0; i < col && i < int(text.size()); ++i)
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++chars;
    return chars + 1;
  };
  Ref msg = Ref::steal(str_from_utf8(info.msg));
  Ref file = Ref::steal(str_from_utf8(filename));
  Ref lineno = Ref::steal(int_from_int64(info.lineno));
  // At the end of input without a final newline (eval mode) CPython has no column: 0.
  bool no_column = info.at_end_of_input && !text.empty() && text.back() != '\n';
  Ref offset = Ref::steal(int_from_int64(info.col_offset < 0 || no_column ? 0 : to_chars(info.col_offset)));
  Ref txt = Ref::steal(text.empty() && info.no_text ? new_ref(none()) : str_from_utf8(text));
  Ref end_lineno = Ref::steal(info.end_lineno ? int_from_int64(info.end_lineno) : new_ref(none()));
  Ref end_offset = Ref::steal(info.end_lineno ? int_from_int64(info.end_col_offset < 0 || no_column ? 0 : to_chars(info.end_col_offset))
                                              : new_ref(none()));
  Ref details = Ref::steal(tuple_pack({file.get(), lineno.get(), offset.get(), txt.get(), end_lineno.get(), end_offset.get()}));
  Value eargs[2] = {msg.get(), details.get()};
  Ref e = Ref::steal(call(Value::object(type), eargs, 2));
  if (!e) return Value();
  set_exception(e.get());
  return Value();
}

// The text of a str or bytes source, decoded and with newlines normalised as CPython's string
// tokenizer sees it; false + error (TypeError, SyntaxError) otherwise.
bool source_text(Value source, const std::string& filename, ParseMode mode, std::string& normal) {
  std::string text;
  if (is_str(source)) {
    text = str_to_utf8(source);
  } else if (is_bytes(source) || is_bytearray(source)) {
    SyntaxErrorInfo err;
    auto decoded = decode_source(is_bytes(source) ? bytes_view(source) : bytearray_view(source), err);
    if (!decoded) return syntax_error_from(err, filename, ""), false;
    text = decoded->text;
  } else {
    raise(exc::TypeError, "compile() arg 1 must be a string, bytes or AST object");
    return false;
  }
  if (text.find('\0') != std::string::npos) {
    raise(exc::SyntaxError, "source code string cannot contain null bytes");
    return false;
  }
  normal.clear();
  normal.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      normal += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      normal += text[i];
    }
  }
  // exec mode gets a final newline as CPython's string tokenizer adds; eval mode does not.
  if (mode != ParseMode::Eval && (normal.empty() || normal.back() != '\n')) normal += '\n';
  return true;
}

// The code object of a parsed (or converted) tree; `source` is the text SyntaxErrors quote
// (empty for a tree made of node objects).
Value compile_tree(ast::mod* module, ast::Arena& arena, const std::string& filename, ParseMode mode,
                   int optimize, int flags, const std::string& source) {
  compile::CompileOptions options;
  options.filename = filename;
  options.mode = mode;
  options.optimize = optimize >= 0 ? optimize : vm::config().optimize;  // -1: the interpreter's -O level
  options.flags = flags;
  std::vector<std::pair<int, std::string>> warnings;
  options.warnings = &warnings;
  SyntaxErrorInfo err;
  auto code = compile::compile_module(module, arena, options, err);
  for (auto& [lineno, message] : warnings) {
    if (emit_warning_explicit(exc::SyntaxWarning, message, filename, lineno) == 0) continue;
    // A warning turned into an error is reported as a SyntaxError, as CPython's compiler does.
    if (!error_matches(exc::SyntaxWarning)) return Value();
    clear_error();
    SyntaxErrorInfo as_error;
    as_error.msg = message;
    as_error.lineno = lineno;
    as_error.no_text = source.empty();
    return syntax_error_from(as_error, filename, source);
  }
  if (!code) {
    // A tree made of node objects has no source line to show: the error's text is None.
    if (source.empty()) err.no_text = true;
    return syntax_error_from(err, filename, source);
  }
  return vm::code_from_data(code);
}

// The parsed tree of a str or bytes source (its normalised text in `normal`), or null + error.
ast::mod* parse_source(Value source, const std::string& filename, ParseMode mode, ast::Arena& arena,
                       std::string& normal) {
  if (!source_text(source, filename, mode, normal)) return nullptr;
  SyntaxErrorInfo err;
  ast::mod* module = parse(normal, mode, arena, err);
  if (!module) syntax_error_from(err, filename, normal);
  return module;
}

// Compiles `source` (str or bytes) into a code object.
Value compile_source(Value source, const std::string& filename, ParseMode mode, int optimize = -1, int flags = 0) {
  std::string normal;
  ast::Arena arena;
  ast::mod* module = parse_source(source, filename, mode, arena, normal);
  if (!module) return Value();
  return compile_tree(module, arena, filename, mode, optimize, flags, normal);
}

// compile()'s flags (PyCF_* and the CO_FUTURE_* features).
namespace compile_flag {
constexpr int64_t kOnlyAst = 0x400, kTypeComments = 0x1000;
constexpr int64_t kFutures = 0x20000 | 0x40000 | 0x80000 | 0x100000 | 0x200000 | 0x400000 | 0x800000 | 0x1000000;
constexpr int64_t kObsolete = 0x10;  // CO_NESTED
constexpr int64_t kCompile = 0x100 | 0x200 | 0x400 | 0x800 | 0x1000 | 0x2000;
}  // namespace compile_flag

// compile(source, filename, mode, PyCF_ONLY_AST): ast.parse's tree of node objects.
Value parse_to_ast(Value source, const std::string& filename, ParseMode mode, int64_t flags, Value feature_version) {
  if (flags & compile_flag::kTypeComments)
    return raise(exc::NotImplementedError, "not implemented: type comments in ast.parse (PyCF_TYPE_COMMENTS)");
  if (feature_version) {
    int64_t minor = as_ssize(feature_version);
    if (minor == -1 && error_occurred()) return Value();
    if (minor >= 0 && minor < 11)
      return raise(exc::NotImplementedError, "not implemented: ast.parse with a feature_version before (3, 11)");
  }
  std::string normal;
  ast::Arena arena;
  ast::mod* module = parse_source(source, filename, mode, arena, normal);
  return module ? ast_to_python(module) : Value();
}

// compile(tree, ...): a tree of node objects, converted and checked as CPython does.
Value compile_ast_object(Value tree, const std::string& filename, ParseMode mode, int optimize, int flags) {
  ast::Arena arena;
  std::vector<bytecode::ConstRef> constants;
  ast::mod* module = ast_from_python(tree, mode, arena, constants);
  if (!module) return Value();
  return compile_tree(module, arena, filename, mode, optimize, flags, "");
}

ParseMode mode_from(Value mode) {
  if (str_equal_ascii(mode, "exec")) return ParseMode::File;
  if (str_equal_ascii(mode, "eval")) return ParseMode::Eval;
  if (str_equal_ascii(mode, "single")) return ParseMode::Single;
  raise(exc::ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
  return ParseMode::File;
}

Value builtin_compile(Value, const Value* args, size_t nargs, Value kwnames) {
  Value kw[7];
  if (!parse_keywords("compile", args, nargs, kwnames,
                      {"source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"}, kw))
    return Value();
  if (nargs > 6) return raise_format(exc::TypeError, "compile() takes at most 6 positional arguments (%zu given)", nargs);
  for (size_t i = 0; i < nargs; ++i) kw[i] = args[i];
  if (!kw[0]) return raise(exc::TypeError, "compile() missing required argument 'source' (pos 1)");
  if (!kw[1]) return raise(exc::TypeError, "compile() missing required argument 'filename' (pos 2)");
  if (!kw[2]) return raise(exc::TypeError, "compile() missing required argument 'mode' (pos 3)");
  std::string filename;
  if (is_str(kw[1])) filename = str_to_utf8(kw[1]);
  else if (is_bytes(kw[1])) filename = std::string(bytes_view(kw[1]));
  else
    return raise_format(exc::TypeError, "expected str, bytes or os.PathLike object, not %s", type_of(kw[1])->name.c_str());
  if (!is_str(kw[2]))
    return raise_format(exc::TypeError, "compile() argument 'mode' must be str, not %s", type_of(kw[2])->name.c_str());
  int64_t flags = 0;
  if (kw[3]) {
    flags = as_ssize(kw[3]);
    if (flags == -1 && error_occurred()) return Value();
  }
  int optimize = -1;
  if (kw[5]) {
    int64_t level = as_ssize(kw[5]);
    if (level == -1 && error_occurred()) return Value();
    optimize = int(level);
  }
  if (flags & ~(compile_flag::kFutures | compile_flag::kObsolete | compile_flag::kCompile))
    return raise(exc::ValueError, "compile(): unrecognised flags");
  if (optimize < -1 || optimize > 2) return raise(exc::ValueError, "compile(): invalid optimize value");
  bool only_ast = flags & compile_flag::kOnlyAst;
  if (str_equal_ascii(kw[2], "func_type")) {
    if (!only_ast) return raise(exc::ValueError, "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
    if (is_ast_object(kw[0])) return new_ref(kw[0]);
    return raise(exc::NotImplementedError, "not implemented: compile() mode 'func_type' (function type comments)");
  }
  ParseMode mode = mode_from(kw[2]);
  if (error_occurred()) return Value();
  if (is_ast_object(kw[0])) {
    if (only_ast) return new_ref(kw[0]);
    return compile_ast_object(kw[0], filename, mode, optimize, int(flags));
  }
  if (only_ast) return parse_to_ast(kw[0], filename, mode, flags, kw[6]);
  return compile_source(kw[0], filename, mode, optimize, int(flags));
}

Value exec_or_eval(const char* fname, const Value* args, size_t nargs, Value kwnames, ParseMode mode) {
  Value kw[3];
  if (!parse_keywords(fname, args, nargs, kwnames, {"source", "globals", "locals"}, kw)) return Value();
  if (nargs < 1) return raise_format(exc::TypeError, "%s expected at least 1 argument, got 0", fname);
  if (nargs > 3) return raise_format(exc::TypeError, "%s expected at most 3 arguments, got %zu", fname, nargs);
  for (size_t i = 0; i < nargs; ++i) kw[i] = args[i];
  Value globals = kw[1] && !kw[1].is(none()) ? kw[1] : Value();
  Value locals = kw[2] && !kw[2].is(none()) ? kw[2] : Value();
  if (globals && !is_dict(globals))
    return raise_format(exc::TypeError, mode == ParseMode::Eval ? "globals must be a real dict; try eval(expr, {}, mapping)"
                                                                 : "exec() globals must be a dict, not %s",
                        type_of(globals)->name.c_str());
  if (locals && !is_dict(locals) && !type_of(locals)->mapping.subscript)
    return raise_format(exc::TypeError, "locals must be a mapping or None, not %s", type_of(locals)->name.c_str());
  Ref own_locals;
  if (!globals) {
    vm::Frame* f = vm::thread_state().frame;
    if (!f) return raise(exc::SystemError, "no current frame");
    globals = f->globals;
    if (!locals) {
      own_locals = Ref::steal(f->locals ? new_ref(f->locals) : vm::frame_locals(f));
      if (!own_locals) return Value();
      locals = own_locals.get();
    }
  } else if (!locals) {
    locals = globals;
  }
  if (!dict_get_item_str(globals, "__builtins__")) {
    if (dict_set_item_str(globals, "__builtins__", builtins_module()) < 0) return Value();
  }
  Ref code;
  Value source = kw[0];
  if (vm::is_code(source)) {
    code = Ref::borrow(source);
  } else {
    if (!is_str(source) && !is_bytes(source) && !is_bytearray(source))
      return raise_format(exc::TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
    Value src = source;
    Ref stripped;
    if (mode == ParseMode::Eval && is_str(source)) {
      // eval() ignores leading spaces and tabs.
      std::string s = str_to_utf8(source);
      size_t i = 0;
      while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
      stripped = Ref::steal(str_from_utf8(s.substr(i)));
      src = stripped.get();
    }
    code = Ref::steal(compile_source(src, "<string>", mode));
    if (!code) return Value();
  }
  Ref result = Ref::steal(vm::eval_code(code.get(), globals, locals));
  if (!result) return Value();
  if (mode == ParseMode::Eval) return result.release();
  return none();
}
Value builtin_exec(Value, const Value* args, size_t nargs, Value kwnames) {
  return exec_or_eval("exec", args, nargs, kwnames, ParseMode::File);
}
Value builtin_eval(Value, const Value* args, size_t nargs, Value kwnames) {
  return exec_or_eval("eval", args, nargs, kwnames, ParseMode::Eval);
}

// --- classes and imports ------------------------------------------------------------------------

// PEP 560: bases that are not types may provide __mro_entries__.
Value update_bases(Value bases, bool* changed) {
  *changed = false;
  size_t n = tuple_size(bases);
  Ref out = Ref::steal(list_new(0));
  for (size_t i = 0; i < n; ++i) {
    Value base = tuple_get(bases, i);
    if (base.is_object() && is_subtype(type_of(base), &type_type)) {
      list_append(out.get(), base);
      continue;
    }
    Ref meth = Ref::steal(lookup_attr(base, str_intern("__mro_entries__")));
    if (!meth) {
      if (error_occurred()) return Value();
      list_append(out.get(), base);
      continue;
    }
    Ref entries = Ref::steal(call_one_arg(meth.get(), bases));
    if (!entries) return Value();
    if (!is_tuple(entries.get())) return raise(exc::TypeError, "__mro_entries__ must return a tuple");
    *changed = true;
    for (size_t j = 0; j < tuple_size(entries.get()); ++j) list_append(out.get(), tuple_get(entries.get(), j));
  }
  if (!*changed) return new_ref(bases);
  return list_as_tuple(out.get());
}

Value builtin_build_class(Value, const Value* args, size_t nargs, Value kwnames) {
  if (nargs < 2) return raise(exc::TypeError, "__build_class__: not enough arguments");
  Value func = args[0], name = args[1];
  if (!vm::is_function(func)) return raise(exc::TypeError, "__build_class__: func must be a function");
  if (!is_str(name)) return raise(exc::TypeError, "__build_class__: name is not a string");
  Ref orig_bases = Ref::steal(tuple_from_array(args + 2, nargs - 2));
  if (!orig_bases) return Value();
  bool changed = false;
  Ref bases = Ref::steal(update_bases(orig_bases.get(), &changed));
  if (!bases) return Value();
  // Keywords: metaclass is taken out, the rest go to __prepare__ and the metaclass.
  Value meta;
  std::vector<Value> kw_values;
  Ref kw_names_list = Ref::steal(list_new(0));
  size_t nkw = kwnames ? tuple_size(kwnames) : 0;
  for (size_t k = 0; k < nkw; ++k) {
    Value key = tuple_get(kwnames, k);
    if (str_equal_ascii(key, "metaclass")) meta = args[nargs + k];
    else {
      list_append(kw_names_list.get(), key);
      kw_values.push_back(args[nargs + k]);
    }
  }
  Ref kw_tuple = Ref::steal(list_as_tuple(kw_names_list.get()));
  Value kwn = kw_values.empty() ? Value() : kw_tuple.get();
  bool is_class = false;
  if (!meta) {
    meta = tuple_size(bases.get()) ? Value::object(type_of(tuple_get(bases.get(), 0))) : Value::object(&type_type);
    is_class = true;
  } else {
    is_class = meta.is_object() && is_subtype(type_of(meta), &type_type);
  }
  Ref meta_ref = Ref::borrow(meta);
  if (is_class) {
    TypeObject* winner = calculate_metaclass(static_cast<TypeObject*>(meta.as_object()), bases.get());
    if (!winner) return Value();
    meta_ref = Ref::borrow(Value::object(winner));
  }
  // __prepare__
  Ref ns;
  Ref prepare = Ref::steal(lookup_attr(meta_ref.get(), str_intern("__prepare__")));
  if (prepare) {
    std::vector<Value> pargs = {name, bases.get()};
    pargs.insert(pargs.end(), kw_values.begin(), kw_values.end());
    ns = Ref::steal(call(prepare.get(), pargs.data(), 2, kwn));
    if (!ns) return Value();
    if (!is_dict(ns.get()) && !type_of(ns.get())->mapping.subscript) {
      std::string mname = is_class ? static_cast<TypeObject*>(meta_ref.get().as_object())->name : "<metaclass>";
      return raise_format(exc::TypeError, "%s.__prepare__() must return a mapping, not %s", mname.c_str(),
                          type_of(ns.get())->name.c_str());
    }
  } else {
    if (error_occurred()) return Value();
    ns = Ref::steal(dict_new());
  }
  // Run the class body with the namespace as its locals.
  vm::ThreadState& ts = vm::thread_state();
  vm::FunctionObject* fn = vm::as_function(func);
  vm::Frame* frame = vm::push_frame(ts, vm::as_code(fn->code), func, fn->globals, fn->builtins, ns.get());
  if (!frame) return Value();
  Ref cell = Ref::steal(vm::eval_frame(ts, frame));
  if (!cell) return Value();
  if (changed) {
    if (set_item(ns.get(), str_intern("__orig_bases__"), orig_bases.get()) < 0) return Value();
  }
  std::vector<Value> margs = {name, bases.get(), ns.get()};
  margs.insert(margs.end(), kw_values.begin(), kw_values.end());
  Ref cls = Ref::steal(call(meta_ref.get(), margs.data(), 3, kwn));
  if (!cls) return Value();
  if (cell.get().is_object() && cell.get().as_object()->type == &cell_type && cls.get().is_object() &&
      is_subtype(type_of(cls.get()), &type_type)) {
    Value cell_cls = vm::as_cell(cell.get())->ref;
    if (!cell_cls.is(cls.get())) {
      Ref r1 = Ref::steal(repr(name));
      Ref r2 = Ref::steal(repr(cls.get()));
      if (!cell_cls)
        return raise_format(exc::RuntimeError,
                            "__class__ not set defining %s as %s. Was __classcell__ propagated to type.__new__?",
                            str_cstr(r1.get()), str_cstr(r2.get()));
      Ref r0 = Ref::steal(repr(cell_cls));
      return raise_format(exc::TypeError, "__class__ set to %s defining %s as %s", str_cstr(r0.get()),
                          str_cstr(r1.get()), str_cstr(r2.get()));
    }
  }
  return cls.release();
}

Value builtin_import(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[5];
  if (!bind_args({"__import__", {"name", "globals", "locals", "fromlist", "level"}, 0, 1}, args, nargs, kwnames, a))
    return Value();
  int64_t level = 0;
  if (a[4]) {
    level = as_ssize(a[4]);
    if (level == -1 && error_occurred()) return Value();
  }
  Value globals = a[1] && !a[1].is(none()) ? a[1] : Value();
  return vm::import_module_level(a[0], globals, a[3], level);
}

// breakpoint(*args, **kws): sys.breakpointhook(*args, **kws).
Value builtin_breakpoint(Value, const Value* args, size_t nargs, Value kwnames) {
  Value sys = sys_module();
  Ref name = Ref::steal(str_from_ascii("breakpointhook"));
  if (!name) return Value();
  Ref hook = Ref::steal(sys ? lookup_attr(sys, name.get()) : Value());
  if (!hook) {
    if (error_occurred()) return Value();
    return raise(exc::RuntimeError, "lost sys.breakpointhook");
  }
  return call(hook.get(), args, nargs, kwnames);
}

const MethodDef kBuiltinFunctions[] = {
    {"breakpoint", (void*)builtin_breakpoint, MethodKind::FastKeywords},
    {"print", (void*)builtin_print, MethodKind::FastKeywords},
    {"input", (void*)builtin_input, MethodKind::Fast},
    {"len", (void*)builtin_len, MethodKind::OneArg},
    {"repr", (void*)builtin_repr, MethodKind::OneArg},
    {"ascii", (void*)builtin_ascii, MethodKind::OneArg},
    {"id", (void*)builtin_id, MethodKind::OneArg},
    {"hash", (void*)builtin_hash, MethodKind::OneArg},
    {"callable", (void*)builtin_callable, MethodKind::OneArg},
    {"abs", (void*)builtin_abs, MethodKind::OneArg},
    {"chr", (void*)builtin_chr, MethodKind::OneArg},
    {"ord", (void*)builtin_ord, MethodKind::OneArg},
    {"bin", (void*)builtin_bin, MethodKind::OneArg},
    {"oct", (void*)builtin_oct, MethodKind::OneArg},
    {"hex", (void*)builtin_hex, MethodKind::OneArg},
    {"format", (void*)builtin_format, MethodKind::Fast},
    {"isinstance", (void*)builtin_isinstance, MethodKind::Fast},
    {"issubclass", (void*)builtin_issubclass, MethodKind::Fast},
    {"iter", (void*)builtin_iter, MethodKind::Fast},
    {"next", (void*)builtin_next, MethodKind::Fast},
    {"getattr", (void*)builtin_getattr, MethodKind::Fast},
    {"hasattr", (void*)builtin_hasattr, MethodKind::Fast},
    {"setattr", (void*)builtin_setattr, MethodKind::Fast},
    {"delattr", (void*)builtin_delattr, MethodKind::Fast},
    {"any", (void*)builtin_any, MethodKind::OneArg},
    {"all", (void*)builtin_all, MethodKind::OneArg},
    {"sum", (void*)builtin_sum, MethodKind::FastKeywords},
    {"min", (void*)builtin_min, MethodKind::FastKeywords},
    {"max", (void*)builtin_max, MethodKind::FastKeywords},
    {"sorted", (void*)builtin_sorted, MethodKind::FastKeywords},
    {"divmod", (void*)builtin_divmod, MethodKind::Fast},
    {"pow", (void*)builtin_pow, MethodKind::FastKeywords},
    {"round", (void*)builtin_round, MethodKind::FastKeywords},
    {"globals", (void*)builtin_globals, MethodKind::NoArgs},
    {"locals", (void*)builtin_locals, MethodKind::NoArgs},
    {"vars", (void*)builtin_vars, MethodKind::Fast},
    {"dir", (void*)builtin_dir, MethodKind::Fast},
    {"compile", (void*)builtin_compile, MethodKind::FastKeywords},
    {"exec", (void*)builtin_exec, MethodKind::FastKeywords},
    {"eval", (void*)builtin_eval, MethodKind::FastKeywords},
    {"__build_class__", (void*)builtin_build_class, MethodKind::FastKeywords},
    {"__import__", (void*)builtin_import, MethodKind::FastKeywords},
    {nullptr, nullptr, MethodKind::NoArgs}};

}  // namespace

Value builtins_module() { return g_builtins_module; }
Value builtins_dict() { return g_builtins_module ? module_dict(g_builtins_module) : Value(); }

int init_builtins() {
  if (g_builtins_module) return 0;
  g_builtins_module = module_new("builtins");
  if (!g_builtins_module) return -1;
  Value m = g_builtins_module;
  if (module_add_functions(m, kBuiltinFunctions) < 0) return -1;
  struct Entry {
    const char* name;
    Value value;
  };
  const Entry entries[] = {
      {"None", none()},
      {"Ellipsis", ellipsis()},
      {"NotImplemented", not_implemented()},
      {"True", true_value()},
      {"False", false_value()},
      {"__debug__", true_value()},
      {"object", Value::object(&object_type)},
      {"type", Value::object(&type_type)},
      {"int", Value::object(&int_type)},
      {"bool", Value::object(&bool_type)},
      {"float", Value::object(&float_type)},
      {"complex", Value::object(&complex_type)},
      {"str", Value::object(&str_type)},
      {"bytes", Value::object(&bytes_type)},
      {"bytearray", Value::object(&bytearray_type)},
      {"memoryview", Value::object(&memoryview_type)},
      {"tuple", Value::object(&tuple_type)},
      {"list", Value::object(&list_type)},
      {"dict", Value::object(&dict_type)},
      {"set", Value::object(&set_type)},
      {"frozenset", Value::object(&frozenset_type)},
      {"range", Value::object(&range_type)},
      {"slice", Value::object(&slice_type)},
      {"property", Value::object(&property_type)},
      {"classmethod", Value::object(&classmethod_type)},
      {"staticmethod", Value::object(&staticmethod_type)},
      {"super", Value::object(&super_type)},
      {"BaseException", Value::object(exc::BaseException)},
      {"EnvironmentError", Value::object(exc::OSError)},
      {"IOError", Value::object(exc::OSError)},
  };
  for (const Entry& e : entries)
    if (module_add(m, e.name, e.value) < 0) return -1;
#define KRAIT_EXCEPTION(name, base) \
  if (module_add(m, #name, Value::object(exc::name)) < 0) return -1;
#include "runtime/exceptions.def"
  if (init_builtin_iterators(m) < 0) return -1;
  return 0;
}

bool is_original_import(Value f) {
  static Value original = dict_get_item_str(builtins_dict(), "__import__");
  return f.is(original);
}

Value compile_exec_source(Value source, const std::string& filename) {
  return compile_source(source, filename, ParseMode::File);
}

}  // namespace krait::modules
