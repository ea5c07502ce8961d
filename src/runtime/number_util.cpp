// Helpers shared by the numeric types: argument matching, numeric text, reprs for messages.
#include "runtime/number_util.h"

#include <cstring>

#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/bytes.h"
#include "runtime/memoryview.h"
#include "runtime/errors.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::runtime {

Value new_not_implemented() { return new_ref(not_implemented()); }

const char* type_name_of(Value v) { return type_of(v)->name.c_str(); }

bool no_keywords(const char* function, Value kwnames) {
  if (kwnames.is_null() || tuple_size(kwnames) == 0) return true;
  raise_format(exc::TypeError, "%s() takes no keyword arguments", function);
  return false;
}

bool parse_args(const char* function, const Value* args, size_t nargs, Value kwnames,
                std::initializer_list<const char*> names, size_t positional_only,
                size_t max_positional, size_t required, Value* out) {
  size_t count = names.size();
  for (size_t i = 0; i < count; ++i) out[i] = Value();
  size_t nkw = kwnames.is_null() ? 0 : tuple_size(kwnames);
  if (nargs + nkw > count && count > 0) {
    raise_format(exc::TypeError, "%s() takes at most %zu argument%s (%zu given)", function, count,
                 count == 1 ? "" : "s", nargs + nkw);
    return false;
  }
  if (nargs > max_positional && max_positional < count) {
    raise_format(exc::TypeError, "%s() takes at most %zu positional argument%s (%zu given)",
                 function, max_positional, max_positional == 1 ? "" : "s", nargs);
    return false;
  }
  if (nargs > count) {
    if (count == 0) {
      raise_format(exc::TypeError, "%s() takes no arguments (%zu given)", function, nargs);
    } else {
      raise_format(exc::TypeError, "%s() takes at most %zu argument%s (%zu given)", function,
                   count, count == 1 ? "" : "s", nargs);
    }
    return false;
  }
  for (size_t i = 0; i < nargs; ++i) out[i] = args[i];
  for (size_t k = 0; k < nkw; ++k) {
    std::string_view key = str_utf8(tuple_get(kwnames, k));
    size_t index = 0;
    const char* const* name = names.begin();
    for (; index < count; ++index, ++name)
      if (key == *name) break;
    if (index == count || index < positional_only) {
      if (index < positional_only && index < count && nargs <= index) {
        raise_format(exc::TypeError,
                     "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                     function, names.begin()[index]);
      } else {
        std::string k2(key);
        raise_format(exc::TypeError, "%s() got an unexpected keyword argument '%s'", function,
                     k2.c_str());
      }
      return false;
    }
    if (!out[index].is_null()) {
      raise_format(exc::TypeError, "argument for %s() given by name ('%s') and position (%zu)",
                   function, names.begin()[index], index + 1);
      return false;
    }
    out[index] = args[nargs + k];
  }
  for (size_t i = 0; i < required; ++i) {
    if (out[i].is_null()) {
      if (i < positional_only || nkw == 0) {
        raise_format(exc::TypeError, "%s() takes %s %zu positional argument%s (%zu given)", function,
                     required == count ? "exactly" : "at least", required,
                     required == 1 ? "" : "s", nargs);
      } else {
        raise_format(exc::TypeError, "%s() missing required argument '%s' (pos %zu)", function,
                     names.begin()[i], i + 1);
      }
      return false;
    }
  }
  return true;
}

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

namespace {

// The zero of every run of Unicode 14 decimal digits (Nd, value 0..9) beyond ASCII.
constexpr char32_t kDecimalZeros[] = {
    0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6,
    0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50,
    0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0};
// Unicode white space beyond ASCII (str.isspace()).
constexpr char32_t kSpaces[] = {0x85,   0xa0,   0x1680, 0x2000, 0x2001, 0x2002, 0x2003,
                                0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
                                0x2028, 0x2029, 0x202f, 0x205f, 0x3000};

char map_non_ascii(char32_t cp) {
  for (char32_t zero : kDecimalZeros)
    if (cp >= zero && cp < zero + 10) return static_cast<char>('0' + (cp - zero));
  for (char32_t space : kSpaces)
    if (cp == space) return ' ';
  // The ASCII separators 0x1c..0x1f are white space for str.isspace() too.
  return '?';
}

}  // namespace

bool numeric_text(Value v, std::string* out) {
  if (is_str(v)) {
    size_t n = str_length(v);
    out->clear();
    out->reserve(n);
    for (size_t i = 0; i < n; ++i) {
      char32_t cp = str_char(v, i);
      if (cp >= 0x1c && cp <= 0x1f) out->push_back(' ');
      else if (cp < 128) out->push_back(static_cast<char>(cp));
      else out->push_back(map_non_ascii(cp));
    }
    return true;
  }
  if (is_bytes(v)) {
    out->assign(bytes_view(v));
    return true;
  }
  if (is_bytearray(v) || is_memoryview(v)) return buffer_to_string(v, out);  // false + error: released view
  return false;
}

std::string repr_utf8(Value v, size_t limit) {
  Ref r = Ref::steal(repr(v));
  if (!r) {
    clear_error();
    return "<unprintable>";
  }
  if (limit == 0 || str_length(r.get()) <= limit) return std::string(str_utf8(r.get()));
  Ref cut = Ref::steal(str_substring(r.get(), 0, limit));
  return std::string(str_utf8(cut.get()));
}

}  // namespace krait::runtime
