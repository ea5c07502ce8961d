// _io.StringIO: an in-memory text stream over a std::u32string (O(1) positions in characters),
// with StringIO's newline rules (translation happens on write).
#include <string>

#include "modules/io/io_internal.h"
#include "runtime/abstract.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"

namespace krait::modules::io {

TypeObject stringio_type;

namespace {

struct StringIOObject : IOBaseObject {
  std::u32string buffer;
  size_t pos = 0;
  bool ok = false, closed = false;
  bool readuniversal = false, readtranslate = false;
  std::u32string readnl;   // the newline that ends lines when not universal
  std::u32string writenl;  // what '\n' becomes on write (empty: unchanged)
  NewlineState nl;
};

StringIOObject* as_sio(Value v) { return static_cast<StringIOObject*>(v.as_object()); }

Value new_ref(Value v) {
  incref(v);
  return v;
}

bool check_open(StringIOObject* s) {
  if (!s->ok) {
    raise(exc::ValueError, "I/O operation on uninitialized object");
    return false;
  }
  if (s->closed) {
    raw_closed_error();
    return false;
  }
  return true;
}

Value sio_new(TypeObject* type, const Value*, size_t, Value) {
  StringIOObject* s = io_alloc<StringIOObject>(type);
  if (!s) return Value();
  gc_track(s);
  return Value::object(s);
}

void sio_dealloc(Object* self) { io_free<StringIOObject>(self); }

// Writes `text` at the position (newline translation first); returns false on error.
bool write_text(StringIOObject* s, Value text) {
  std::u32string chars;
  if (s->readuniversal) {
    std::string u(str_utf8(text));
    newline_decode(u, s->readtranslate, true, s->nl);
    Ref decoded = Ref::steal(str_from_utf8(u));
    if (!decoded) return false;
    chars = str_to_u32(decoded.get());
  } else {
    chars = str_to_u32(text);
  }
  if (!s->writenl.empty() && chars.find(U'\n') != std::u32string::npos) {
    std::u32string out;
    for (char32_t c : chars) {
      if (c == U'\n') out += s->writenl;
      else out.push_back(c);
    }
    chars.swap(out);
  }
  if (chars.empty()) return true;
  if (s->pos > s->buffer.size()) s->buffer.resize(s->pos, U'\0');
  size_t end = s->pos + chars.size();
  if (end > s->buffer.size()) s->buffer.resize(end);
  s->buffer.replace(s->pos, chars.size(), chars);
  s->pos = end;
  return true;
}

int sio_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kParams[] = {"initial_value", "newline"};
  Value a[2];
  if (!parse_args("StringIO", args, nargs, kwnames, kParams, 2, 0, 2, a)) return -1;
  Value initial = a[0], newline = a[1];
  std::u32string nl = U"\n";
  bool nl_none = false;
  if (newline) {
    if (newline.is(none())) {
      nl_none = true;
    } else if (!is_str(newline)) {
      raise_format(exc::TypeError, "newline must be str or None, not %s", type_name(type_of(newline)));
      return -1;
    } else {
      nl = str_to_u32(newline);
      if (!(nl.empty() || nl == U"\n" || nl == U"\r" || nl == U"\r\n")) {
        Ref r = Ref::steal(repr(newline));
        if (!r) return -1;
        raise_format(exc::ValueError, "illegal newline value: %s", str_cstr(r.get()));
        return -1;
      }
    }
  }
  if (initial && !initial.is(none()) && !is_str(initial)) {
    raise_format(exc::TypeError, "initial_value must be str or None, not %s", type_name(type_of(initial)));
    return -1;
  }
  StringIOObject* s = as_sio(self);
  s->ok = true;
  s->closed = false;
  s->readuniversal = nl_none || nl.empty();
  s->readtranslate = nl_none;
  s->readnl = nl_none ? std::u32string() : nl;
  s->writenl = (!nl_none && !nl.empty() && nl[0] == U'\r') ? nl : std::u32string();
  s->nl = NewlineState();
  s->buffer.clear();
  s->pos = 0;
  if (initial && !initial.is(none()) && str_length(initial) > 0) {
    if (!write_text(s, initial)) return -1;
    s->pos = 0;
  }
  return 0;
}

// The end (exclusive) of the line starting at pos, at most `limit` characters (limit < 0: none).
size_t line_end(StringIOObject* s, int64_t limit) {
  const std::u32string& b = s->buffer;
  size_t start = s->pos, stop = b.size();
  if (start >= stop) return start;
  if (limit >= 0 && start + size_t(limit) < stop) stop = start + size_t(limit);
  size_t end;
  if (s->readuniversal && !s->readtranslate) {
    end = stop;
    for (size_t i = start; i < stop; ++i) {
      if (b[i] == U'\n') {
        end = i + 1;
        break;
      }
      if (b[i] == U'\r') {
        end = (i + 1 < b.size() && b[i + 1] == U'\n') ? i + 2 : i + 1;
        break;
      }
    }
  } else {
    const std::u32string& nl = s->readtranslate ? std::u32string(U"\n") : s->readnl;
    size_t i = b.find(nl, start);
    end = i == std::u32string::npos ? b.size() : i + nl.size();
  }
  return end < stop ? end : stop;
}

Value take_line(StringIOObject* s, int64_t limit) {
  size_t end = line_end(s, limit);
  size_t start = s->pos < s->buffer.size() ? s->pos : s->buffer.size();
  Value line = str_from_u32(std::u32string_view(s->buffer).substr(start, end > start ? end - start : 0));
  if (end > s->pos) s->pos = end;
  return line;
}

Value sio_read(Value self, const Value* args, size_t nargs) {
  if (!check_no_args("read", nargs, 1)) return Value();
  StringIOObject* s = as_sio(self);
  if (!check_open(s)) return Value();
  int64_t n;
  if (!size_arg(nargs ? args[0] : Value(), &n)) return Value();
  if (s->pos >= s->buffer.size()) return str_empty();
  size_t avail = s->buffer.size() - s->pos;
  size_t k = n < 0 || size_t(n) > avail ? avail : size_t(n);
  Value out = str_from_u32(std::u32string_view(s->buffer).substr(s->pos, k));
  s->pos += k;
  return out;
}

Value sio_readline(Value self, const Value* args, size_t nargs) {
  if (!check_no_args("readline", nargs, 1)) return Value();
  StringIOObject* s = as_sio(self);
  if (!check_open(s)) return Value();
  int64_t limit;
  if (!size_arg(nargs ? args[0] : Value(), &limit)) return Value();
  return take_line(s, limit);
}

Value sio_iternext(Value self) {
  if (type_of(self) != &stringio_type) return iobase_iternext(self);
  StringIOObject* s = as_sio(self);
  if (!check_open(s)) return Value();
  if (s->pos >= s->buffer.size()) return Value();
  return take_line(s, -1);
}

Value sio_write(Value self, Value text) {
  StringIOObject* s = as_sio(self);
  if (!check_open(s)) return Value();
  if (!is_str(text)) return raise_format(exc::TypeError, "string argument expected, got '%s'", type_name(type_of(text)));
  size_t n = str_length(text);
  if (n > 0 && !write_text(s, text)) return Value();
  return int_from_int64(int64_t(n));
}

Value sio_seek(Value self, const Value* args, size_t nargs) {
  if (nargs < 1 || nargs > 2)
    return raise_format(exc::TypeError, "seek expected %s, got %zu",
                        nargs < 1 ? "at least 1 argument" : "at most 2 arguments", nargs);
  StringIOObject* s = as_sio(self);
  int64_t pos, whence = 0;
  if (!int_arg(args[0], &pos)) return Value();
  if (nargs > 1 && !int_arg(args[1], &whence)) return Value();
  if (!check_open(s)) return Value();
  if (whence != 0 && whence != 1 && whence != 2)
    return raise_format(exc::ValueError, "Invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
  if (pos < 0 && whence == 0) return raise_format(exc::ValueError, "Negative seek position %lld", (long long)pos);
  if (whence != 0 && pos != 0)
    return raise(exc::OSError, "Can't do nonzero cur-relative seeks");  // CPython's message for both
  if (whence == 1) pos = int64_t(s->pos);
  else if (whence == 2) pos = int64_t(s->buffer.size());
  s->pos = size_t(pos);
  return int_from_int64(pos);
}

Value sio_tell(Value self) {
  StringIOObject* s = as_sio(self);
  if (!check_open(s)) return Value();
  return int_from_int64(int64_t(s->pos));
}

Value sio_truncate(Value self, const Value* args, size_t nargs) {
  if (!check_no_args("truncate", nargs, 1)) return Value();
  StringIOObject* s = as_sio(self);
  if (!check_open(s)) return Value();
  int64_t size;
  if (nargs == 0 || args[0].is(none())) {
    size = int64_t(s->pos);
  } else {
    if (!int_arg(args[0], &size)) return Value();
    if (size < 0) return raise_format(exc::ValueError, "Negative size value %lld", (long long)size);
  }
  if (size_t(size) < s->buffer.size()) s->buffer.resize(size_t(size));
  return int_from_int64(size);
}

Value sio_getvalue(Value self) {
  StringIOObject* s = as_sio(self);
  if (!check_open(s)) return Value();
  return str_from_u32(s->buffer);
}

Value sio_close(Value self) {
  StringIOObject* s = as_sio(self);
  s->closed = true;
  std::u32string().swap(s->buffer);
  return new_ref(none());
}

Value true_if_open(Value self) {
  if (!check_open(as_sio(self))) return Value();
  return new_ref(true_value());
}

Value get_closed(Value self) {
  StringIOObject* s = as_sio(self);
  if (!s->ok) return raise(exc::ValueError, "I/O operation on uninitialized object");
  return new_ref(bool_value(s->closed));
}
Value get_line_buffering(Value self) {
  if (!check_open(as_sio(self))) return Value();
  return new_ref(false_value());
}
Value get_newlines(Value self) {
  StringIOObject* s = as_sio(self);
  if (!check_open(s)) return Value();
  if (!s->readuniversal) return new_ref(none());
  return newlines_value(s->nl.seennl);
}

const MethodDef kStringIOMethods[] = {
    {"read", reinterpret_cast<void*>(sio_read), MethodKind::Fast},
    {"readline", reinterpret_cast<void*>(sio_readline), MethodKind::Fast},
    {"write", reinterpret_cast<void*>(sio_write), MethodKind::OneArg},
    {"seek", reinterpret_cast<void*>(sio_seek), MethodKind::Fast},
    {"tell", reinterpret_cast<void*>(sio_tell), MethodKind::NoArgs},
    {"truncate", reinterpret_cast<void*>(sio_truncate), MethodKind::Fast},
    {"getvalue", reinterpret_cast<void*>(sio_getvalue), MethodKind::NoArgs},
    {"close", reinterpret_cast<void*>(sio_close), MethodKind::NoArgs},
    {"readable", reinterpret_cast<void*>(true_if_open), MethodKind::NoArgs},
    {"writable", reinterpret_cast<void*>(true_if_open), MethodKind::NoArgs},
    {"seekable", reinterpret_cast<void*>(true_if_open), MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

const GetSetDef kStringIOGetSets[] = {
    {"closed", get_closed},
    {"line_buffering", get_line_buffering},
    {"newlines", get_newlines},
    {nullptr, nullptr},
};

}  // namespace

int init_stringio_type() {
  init_io_type(stringio_type, "StringIO", &textiobase_type, sizeof(StringIOObject));
  stringio_type.new_ = sio_new;
  stringio_type.init = sio_init;
  stringio_type.dealloc = sio_dealloc;
  stringio_type.traverse = iobase_traverse_dict;
  stringio_type.clear = iobase_clear_dict;
  stringio_type.iternext = sio_iternext;
  add_methods(&stringio_type, kStringIOMethods);
  add_getsets(&stringio_type, kStringIOGetSets);
  return type_ready(&stringio_type);
}

}  // namespace krait::modules::io
