// Codec error handlers: the built-in ones (strict, ignore, replace, backslashreplace,
// xmlcharrefreplace, namereplace, surrogateescape, surrogatepass) run natively inside the codecs
// without building an exception; any other name is looked up in the error registry and called
// with a UnicodeEncodeError / UnicodeDecodeError, as CPython does. The built-in handlers are also
// Python functions (codecs.lookup_error('replace')), sharing the same code.
#include <cstdio>

#include "modules/codecs/codecs_internal.h"
#include "runtime/abstract.h"
#include "runtime/builtin_function.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/memory.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::codecs {

using namespace runtime;

ErrorMode error_mode(std::string_view errors) {
  if (errors == "strict") return ErrorMode::Strict;
  if (errors == "ignore") return ErrorMode::Ignore;
  if (errors == "replace") return ErrorMode::Replace;
  if (errors == "surrogateescape") return ErrorMode::SurrogateEscape;
  if (errors == "surrogatepass") return ErrorMode::SurrogatePass;
  if (errors == "backslashreplace") return ErrorMode::BackslashReplace;
  if (errors == "xmlcharrefreplace") return ErrorMode::XmlCharRefReplace;
  if (errors == "namereplace") return ErrorMode::NameReplace;
  return ErrorMode::Other;
}

Value raise_encode_error(const char* encoding, Value str, size_t start, size_t end, const char* reason) {
  Ref e = Ref::steal(str_from_utf8(encoding)), s = Ref::steal(int_from_int64(int64_t(start)));
  Ref n = Ref::steal(int_from_int64(int64_t(end))), r = Ref::steal(str_from_utf8(reason));
  Value args[] = {e.get(), str, s.get(), n.get(), r.get()};
  Ref exc = Ref::steal(exception_new(exc::UnicodeEncodeError, args, 5));
  if (exc) set_exception(exc.get());
  return Value();
}

namespace {

Value make_decode_exception(const char* encoding, Value bytes, size_t start, size_t end, const char* reason) {
  Ref e = Ref::steal(str_from_utf8(encoding)), s = Ref::steal(int_from_int64(int64_t(start)));
  Ref n = Ref::steal(int_from_int64(int64_t(end))), r = Ref::steal(str_from_utf8(reason));
  Value args[] = {e.get(), bytes, s.get(), n.get(), r.get()};
  return exception_new(exc::UnicodeDecodeError, args, 5);
}

}  // namespace

Value raise_decode_error(const char* encoding, std::string_view data, size_t start, size_t end, const char* reason) {
  Ref bytes = Ref::steal(bytes_from(data));
  if (!bytes) return Value();
  Ref exc = Ref::steal(make_decode_exception(encoding, bytes.get(), start, end, reason));
  if (exc) set_exception(exc.get());
  return Value();
}

// --- the built-in handlers' work -----------------------------------------------------------------

namespace {

// Which UTF flavour an encoding name is, for surrogatepass (CPython reads the exception's
// encoding: "utf-8", "utf_16", "UTF-16-LE", ...). bytes 0: none.
struct StandardEncoding {
  int bytes = 0;           // 3 (UTF-8), 2 (UTF-16), 4 (UTF-32)
  bool big_endian = false;
};

StandardEncoding standard_encoding(std::string_view name) {
  auto lower = [&](size_t i) { return i < name.size() ? char(tolower((unsigned char)name[i])) : '\0'; };
  StandardEncoding r;
  if (name == "CP_UTF8") return {3, false};
  if (!(lower(0) == 'u' && lower(1) == 't' && lower(2) == 'f')) return r;
  size_t i = 3;
  if (lower(i) == '-' || lower(i) == '_') ++i;
  std::string_view rest = name.substr(std::min(i, name.size()));
  if (rest == "8") return {3, false};
  int width = rest.substr(0, 2) == "16" ? 2 : rest.substr(0, 2) == "32" ? 4 : 0;
  if (width == 0) return r;
  rest = rest.substr(2);
  if (rest.empty()) return {width, false};  // native order (little endian here)
  if (rest[0] != '-' && rest[0] != '_') return r;
  rest = rest.substr(1);
  if (rest.size() == 2 && tolower((unsigned char)rest[1]) == 'e') {
    char o = char(tolower((unsigned char)rest[0]));
    if (o == 'b') return {width, true};
    if (o == 'l') return {width, false};
  }
  return r;
}

void append_backslash_escape(std::u32string& out, char32_t c) {
  char buf[16];
  snprintf(buf, sizeof buf, c <= 0xFF ? "\\x%02x" : c <= 0xFFFF ? "\\u%04x" : "\\U%08x", unsigned(c));
  for (const char* p = buf; *p; ++p) out += char32_t(*p);
}

void append_ascii(std::u32string& out, const std::string& text) {
  for (char c : text) out += char32_t(c);
}

// Raises the handler's exception: the one given (a Python-level call) or a new one.
bool raise_encode(Value exc, const char* encoding, Value str, size_t start, size_t end, const char* reason) {
  if (exc) set_exception(exc);
  else raise_encode_error(encoding, str, start, end, reason);
  return false;
}

bool raise_decode(Value exc, const char* encoding, std::string_view data, size_t start, size_t end,
                  const char* reason) {
  if (exc) set_exception(exc);
  else raise_decode_error(encoding, data, start, end, reason);
  return false;
}

bool wrong_exception_type(Value exc) {
  raise_format(exc::TypeError, "don't know how to handle %s in error callback", type_of(exc)->name.c_str());
  return false;
}

// namereplace needs the name of a code point; krait's Unicode tables only map names to code
// points (for "\\N{...}"), so it reports itself as missing rather than guess.
bool append_name_escape(std::u32string&, char32_t) {
  raise(exc::NotImplementedError, "not implemented: the namereplace error handler (no table of names by code point)");
  return false;
}

// The built-in handlers for an encoder's error over str[start, end). `exc` is the exception
// when called from Python (null inside a codec: made only if it must be raised).
bool builtin_encode(ErrorMode mode, const char* encoding, Value str, size_t start, size_t end, const char* reason,
                    Value exc, bool partial, EncodeReplacement* out) {
  out->newpos = end;
  switch (mode) {
    case ErrorMode::Strict:
      return raise_encode(exc, encoding, str, start, end, reason);
    case ErrorMode::Ignore:
      return true;
    case ErrorMode::Replace:
      out->text.assign(end - start, U'?');
      return true;
    case ErrorMode::BackslashReplace:
      for (size_t i = start; i < end; ++i) append_backslash_escape(out->text, str_char(str, i));
      return true;
    case ErrorMode::XmlCharRefReplace:
      for (size_t i = start; i < end; ++i) append_ascii(out->text, "&#" + std::to_string(unsigned(str_char(str, i))) + ";");
      return true;
    case ErrorMode::NameReplace:
      for (size_t i = start; i < end; ++i)
        if (!append_name_escape(out->text, str_char(str, i))) return false;
      return true;
    case ErrorMode::SurrogateEscape:
      out->is_bytes = true;
      for (size_t i = start; i < end; ++i) {
        char32_t c = str_char(str, i);
        if (c < 0xDC80 || c > 0xDCFF) return raise_encode(exc, encoding, str, partial ? i : start, end, reason);
        out->bytes += char(c - 0xDC00);
      }
      return true;
    case ErrorMode::SurrogatePass: {
      StandardEncoding se = standard_encoding(encoding);
      if (se.bytes == 0) return raise_encode(exc, encoding, str, start, end, reason);
      out->is_bytes = true;
      for (size_t i = start; i < end; ++i) {
        char32_t c = str_char(str, i);
        if (c < 0xD800 || c > 0xDFFF) return raise_encode(exc, encoding, str, start, end, reason);
        unsigned char b[4];
        if (se.bytes == 3) {
          out->bytes += char(0xE0 | (c >> 12));
          out->bytes += char(0x80 | ((c >> 6) & 0x3F));
          out->bytes += char(0x80 | (c & 0x3F));
          continue;
        }
        for (int k = 0; k < se.bytes; ++k) b[k] = (unsigned char)(c >> (8 * k));
        for (int k = 0; k < se.bytes; ++k) out->bytes += char(se.big_endian ? b[se.bytes - 1 - k] : b[k]);
      }
      return true;
    }
    case ErrorMode::Other:
      break;
  }
  return false;
}

// The built-in handlers for a decoder's error over data[start, end).
bool builtin_decode(ErrorMode mode, const char* encoding, std::string_view data, size_t start, size_t end,
                    const char* reason, Value exc, std::u32string* text, size_t* newpos) {
  *newpos = end;
  switch (mode) {
    case ErrorMode::Strict:
      return raise_decode(exc, encoding, data, start, end, reason);
    case ErrorMode::Ignore:
      return true;
    case ErrorMode::Replace:
      *text += U'\uFFFD';
      return true;
    case ErrorMode::BackslashReplace:
      for (size_t i = start; i < end && i < data.size(); ++i) append_backslash_escape(*text, (unsigned char)data[i]);
      return true;
    case ErrorMode::SurrogateEscape: {
      size_t consumed = 0;
      while (consumed < 4 && start + consumed < end && start + consumed < data.size()) {
        unsigned char b = (unsigned char)data[start + consumed];
        if (b < 128) break;
        *text += char32_t(0xDC00 + b);
        ++consumed;
      }
      if (consumed == 0) return raise_decode(exc, encoding, data, start, end, reason);
      *newpos = start + consumed;
      return true;
    }
    case ErrorMode::SurrogatePass: {
      StandardEncoding se = standard_encoding(encoding);
      char32_t c = 0;
      const unsigned char* p = reinterpret_cast<const unsigned char*>(data.data()) + start;
      if (se.bytes != 0 && data.size() - start >= size_t(se.bytes)) {
        if (se.bytes == 3) {
          if ((p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
            c = ((p[0] & 0x0F) << 12) + ((p[1] & 0x3F) << 6) + (p[2] & 0x3F);
        } else {
          for (int k = 0; k < se.bytes; ++k) c |= char32_t(p[se.big_endian ? se.bytes - 1 - k : k]) << (8 * k);
        }
      }
      if (c < 0xD800 || c > 0xDFFF) return raise_decode(exc, encoding, data, start, end, reason);
      *text += c;
      *newpos = start + size_t(se.bytes);
      return true;
    }
    case ErrorMode::XmlCharRefReplace:
    case ErrorMode::NameReplace:
    case ErrorMode::Other:
      break;
  }
  if (exc) return wrong_exception_type(exc);
  raise_format(exc::TypeError, "don't know how to handle UnicodeDecodeError in error callback");
  return false;
}

// Reads a handler's (replacement, newpos) result. `length`: the input's length.
bool read_handler_result(Value result, bool encoding_side, size_t length, Value* replacement, size_t* newpos) {
  const char* message = encoding_side ? "encoding error handler must return (str/bytes, int) tuple"
                                      : "decoding error handler must return (str, int) tuple";
  if (!is_tuple(result) || tuple_size(result) != 2) {
    raise(exc::TypeError, message);
    return false;
  }
  Value rep = tuple_items(result)[0], pos = tuple_items(result)[1];
  if (!(is_str(rep) || (encoding_side && is_bytes(rep))) || !is_int(pos)) {
    raise(exc::TypeError, message);
    return false;
  }
  int64_t p;
  if (!int_to_int64(pos, &p)) {
    clear_error();
    raise_format(exc::IndexError, "position %s from error handler out of bounds", "(huge)");
    return false;
  }
  if (p < 0) p += int64_t(length);
  if (p < 0 || p > int64_t(length)) {
    raise_format(exc::IndexError, "position %lld from error handler out of bounds", (long long)p);
    return false;
  }
  *replacement = rep;
  *newpos = size_t(p);
  return true;
}

Value ensure_handler(Ref& handler, std::string_view errors) {
  if (!handler) handler = Ref::steal(lookup_error_handler(errors));
  return handler.get();
}

}  // namespace

bool decode_error(DecodeContext& c, const char* reason, size_t start, size_t end, StrBuilder& out, size_t* pos) {
  if (c.mode != ErrorMode::Other) {
    std::u32string text;
    if (!builtin_decode(c.mode, c.encoding, c.data, start, end, reason, Value(), &text, pos)) return false;
    for (char32_t ch : text) out.push(ch);
    return true;
  }
  if (!ensure_handler(c.handler, c.errors)) return false;
  if (!c.input) {
    c.input = Ref::steal(bytes_from(c.data));
    if (!c.input) return false;
  }
  Ref exc = Ref::steal(make_decode_exception(c.encoding, c.input.get(), start, end, reason));
  if (!exc) return false;
  Ref result = Ref::steal(call_one_arg(c.handler.get(), exc.get()));
  if (!result) return false;
  // The handler may have replaced the input (exc.object): decoding continues over that.
  Value object = as_exception(exc.get())->extra[1];
  if (object && is_bytes(object) && !object.is(c.input.get())) {
    c.input = Ref::borrow(object);
    c.data = bytes_view(object);
  }
  Value replacement;
  if (!read_handler_result(result.get(), false, c.data.size(), &replacement, pos)) return false;
  out.append(replacement);
  return true;
}

bool encode_error(EncodeContext& c, const char* reason, size_t start, size_t end, EncodeReplacement* out) {
  if (c.mode != ErrorMode::Other) return builtin_encode(c.mode, c.encoding, c.str, start, end, reason, Value(), c.partial_escape, out);
  if (!ensure_handler(c.handler, c.errors)) return false;
  Ref e = Ref::steal(str_from_utf8(c.encoding)), s = Ref::steal(int_from_int64(int64_t(start)));
  Ref n = Ref::steal(int_from_int64(int64_t(end))), r = Ref::steal(str_from_utf8(reason));
  Value args[] = {e.get(), c.str, s.get(), n.get(), r.get()};
  Ref exc = Ref::steal(exception_new(exc::UnicodeEncodeError, args, 5));
  if (!exc) return false;
  Ref result = Ref::steal(call_one_arg(c.handler.get(), exc.get()));
  if (!result) return false;
  Value replacement;
  if (!read_handler_result(result.get(), true, str_length(c.str), &replacement, &out->newpos)) return false;
  if (is_bytes(replacement)) {
    out->is_bytes = true;
    out->bytes.assign(bytes_view(replacement));
  } else {
    out->text = str_to_u32(replacement);
  }
  return true;
}

// --- the handlers as Python functions ------------------------------------------------------------

namespace {

// A UnicodeError's fields as the handlers read them: CPython clamps start into the object and
// end to at least 1 and at most its length.
struct Fields {
  Value object;
  size_t start = 0, end = 0;
  std::string encoding;
  std::string reason;
};

bool read_fields(Value exc, bool bytes_object, Fields* f) {
  BaseExceptionObject* e = as_exception(exc);
  Value object = e->extra[1];
  if (!object || (bytes_object ? !is_bytes(object) : !is_str(object))) {
    raise_format(exc::TypeError, "object attribute must be %s", bytes_object ? "bytes" : "unicode");
    return false;
  }
  int64_t size = int64_t(bytes_object ? bytes_size(object) : str_length(object));
  int64_t start = 0, end = 0;
  if ((e->extra[2] && !int_to_int64(e->extra[2], &start)) || (e->extra[3] && !int_to_int64(e->extra[3], &end)))
    return false;
  if (start < 0) start = 0;
  if (start >= size) start = size - 1;
  if (start < 0) start = 0;
  if (end < 1) end = 1;
  if (end > size) end = size;
  if (end < start) end = start;
  f->object = object;
  f->start = size_t(start);
  f->end = size_t(end);
  if (e->extra[0] && is_str(e->extra[0])) f->encoding = str_to_utf8(e->extra[0]);
  if (e->extra[4] && is_str(e->extra[4])) f->reason = str_to_utf8(e->extra[4]);
  return true;
}

Value replacement_tuple(Value replacement, size_t newpos) {
  Ref rep = Ref::steal(replacement);
  if (!rep) return Value();
  Ref pos = Ref::steal(int_from_int64(int64_t(newpos)));
  return tuple_pack({rep.get(), pos.get()});
}

Value run_python_handler(ErrorMode mode, Value exc) {
  if (mode == ErrorMode::Strict) {
    if (!is_exception_instance(exc)) return raise(exc::TypeError, "codec must pass exception instance");
    set_exception(exc);
    return Value();
  }
  if (!is_exception_instance(exc)) {
    wrong_exception_type(exc);
    return Value();
  }
  TypeObject* type = type_of(exc);
  Fields f;
  if (is_subtype(type, exc::UnicodeEncodeError)) {
    if (!read_fields(exc, false, &f)) return Value();
    EncodeReplacement r;
    if (!builtin_encode(mode, f.encoding.c_str(), f.object, f.start, f.end, f.reason.c_str(), exc, false, &r)) return Value();
    return replacement_tuple(r.is_bytes ? bytes_from(r.bytes) : str_from_u32(r.text), r.newpos);
  }
  if (is_subtype(type, exc::UnicodeDecodeError)) {
    if (mode == ErrorMode::XmlCharRefReplace || mode == ErrorMode::NameReplace) {
      wrong_exception_type(exc);
      return Value();
    }
    if (!read_fields(exc, true, &f)) return Value();
    std::u32string text;
    size_t newpos;
    if (!builtin_decode(mode, f.encoding.c_str(), bytes_view(f.object), f.start, f.end, f.reason.c_str(), exc, &text,
                        &newpos))
      return Value();
    return replacement_tuple(str_from_u32(text), newpos);
  }
  if (is_subtype(type, exc::UnicodeTranslateError) &&
      (mode == ErrorMode::Ignore || mode == ErrorMode::Replace || mode == ErrorMode::BackslashReplace)) {
    if (!read_fields(exc, false, &f)) return Value();
    std::u32string text;
    if (mode == ErrorMode::Replace) text.assign(f.end - f.start, U'\uFFFD');
    if (mode == ErrorMode::BackslashReplace)
      for (size_t i = f.start; i < f.end; ++i) append_backslash_escape(text, str_char(f.object, i));
    return replacement_tuple(str_from_u32(text), f.end);
  }
  wrong_exception_type(exc);
  return Value();
}

#define KRAIT_HANDLER(fname, mode) \
  Value fname(Value, Value exc) { return run_python_handler(ErrorMode::mode, exc); }
KRAIT_HANDLER(strict_errors, Strict)
KRAIT_HANDLER(ignore_errors, Ignore)
KRAIT_HANDLER(replace_errors, Replace)
KRAIT_HANDLER(backslashreplace_errors, BackslashReplace)
KRAIT_HANDLER(xmlcharrefreplace_errors, XmlCharRefReplace)
KRAIT_HANDLER(namereplace_errors, NameReplace)
KRAIT_HANDLER(surrogateescape_errors, SurrogateEscape)
KRAIT_HANDLER(surrogatepass_errors, SurrogatePass)
#undef KRAIT_HANDLER

const MethodDef kHandlerDefs[] = {
    {"strict_errors", reinterpret_cast<void*>(strict_errors), MethodKind::OneArg},
    {"ignore_errors", reinterpret_cast<void*>(ignore_errors), MethodKind::OneArg},
    {"replace_errors", reinterpret_cast<void*>(replace_errors), MethodKind::OneArg},
    {"xmlcharrefreplace_errors", reinterpret_cast<void*>(xmlcharrefreplace_errors), MethodKind::OneArg},
    {"backslashreplace_errors", reinterpret_cast<void*>(backslashreplace_errors), MethodKind::OneArg},
    {"namereplace_errors", reinterpret_cast<void*>(namereplace_errors), MethodKind::OneArg},
    {"surrogateescape_errors", reinterpret_cast<void*>(surrogateescape_errors), MethodKind::OneArg},
    {"surrogatepass_errors", reinterpret_cast<void*>(surrogatepass_errors), MethodKind::OneArg},
};
const char* const kHandlerNames[] = {"strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace",
                                     "namereplace", "surrogateescape", "surrogatepass"};

// name -> handler: owned until exit (CPython's interpreter state holds it), a static root.
Value g_error_registry;

Value error_registry() {
  if (g_error_registry) return g_error_registry;
  Ref registry = Ref::steal(dict_new());
  if (!registry) return Value();
  Ref module_name = Ref::steal(str_from_utf8("builtins"));
  for (size_t i = 0; i < sizeof kHandlerNames / sizeof kHandlerNames[0]; ++i) {
    Ref f = Ref::steal(builtin_function_new(&kHandlerDefs[i], Value(), module_name.get()));
    if (!f || dict_set_item_str(registry.get(), kHandlerNames[i], f.get()) < 0) return Value();
  }
  g_error_registry = registry.release();
  declare_static_root(&g_error_registry);
  return g_error_registry;
}

}  // namespace

Value lookup_error_handler(std::string_view name) {
  Value registry = error_registry();
  if (!registry) return Value();
  Ref key = Ref::steal(str_from_utf8(name));
  if (!key) return Value();
  Value handler = dict_get_item(registry, key.get());
  if (!handler) {
    if (error_occurred()) return Value();
    return raise_format(exc::LookupError, "unknown error handler name '%s'", std::string(name).c_str());
  }
  return Ref::borrow(handler).release();
}

int register_error_handler(Value name, Value handler) {
  Value registry = error_registry();
  if (!registry) return -1;
  if (type_of(handler)->call == nullptr) {
    raise(exc::TypeError, "handler must be callable");
    return -1;
  }
  return dict_set_item(registry, name, handler);
}

}  // namespace krait::codecs
