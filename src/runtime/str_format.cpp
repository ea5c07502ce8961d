// str.format, format(str, spec) and printf-style str % args.
#include <string>

#include "runtime/abstract.h"
#include "runtime/coll_util.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/str_builder.h"
#include "runtime/str_format.h"
#include "runtime/tuple.h"
#include "support/unicode_case.h"

namespace krait::runtime {

using coll::type_name;

namespace {

Value new_ref(Value v) {
  incref(v);
  return v;
}

struct Spec {
  char32_t fill = ' ';
  char align = 0;
  char sign = 0;
  bool alternate = false;
  bool zero = false;
  int64_t width = -1;
  char grouping = 0;
  int64_t precision = -1;
  char32_t type = 0;
};

bool parse_number(Value s, size_t& i, int64_t* out) {
  size_t n = str_length(s);
  int64_t value = -1;
  while (i < n && str_char(s, i) >= '0' && str_char(s, i) <= '9') {
    value = (value < 0 ? 0 : value) * 10 + (str_char(s, i) - '0');
    if (value > (int64_t(1) << 40)) {
      raise(exc::ValueError, "Too many decimal digits in format string");
      return false;
    }
    ++i;
  }
  *out = value;
  return true;
}

bool parse_spec(Value s, Spec* spec) {
  size_t n = str_length(s), i = 0;
  auto is_align = [](char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; };
  if (n >= 2 && is_align(str_char(s, 1))) {
    spec->fill = str_char(s, 0);
    spec->align = static_cast<char>(str_char(s, 1));
    i = 2;
  } else if (n >= 1 && is_align(str_char(s, 0))) {
    spec->align = static_cast<char>(str_char(s, 0));
    i = 1;
  }
  if (i < n && (str_char(s, i) == '+' || str_char(s, i) == '-' || str_char(s, i) == ' ')) spec->sign = static_cast<char>(str_char(s, i++));
  if (i < n && str_char(s, i) == 'z') ++i;
  if (i < n && str_char(s, i) == '#') {
    spec->alternate = true;
    ++i;
  }
  if (i < n && str_char(s, i) == '0') {
    spec->zero = true;
    if (spec->align == 0) {
      spec->fill = '0';
      spec->align = '=';
    }
    ++i;
  }
  if (!parse_number(s, i, &spec->width)) return false;
  if (i < n && (str_char(s, i) == ',' || str_char(s, i) == '_')) spec->grouping = static_cast<char>(str_char(s, i++));
  if (i < n && str_char(s, i) == '.') {
    ++i;
    if (!parse_number(s, i, &spec->precision)) return false;
    if (spec->precision < 0) {
      raise(exc::ValueError, "Format specifier missing precision");
      return false;
    }
  }
  if (n - i > 1) {
    raise(exc::ValueError, "Invalid format specifier");
    return false;
  }
  if (i < n) spec->type = str_char(s, i);
  if (spec->grouping && spec->type == 0) {
    // reported by the caller for its type
  }
  return true;
}

}  // namespace

Value str_format_spec(Value v, Value spec_str) {
  if (str_length(spec_str) == 0) return is_str_exact(v) ? new_ref(v) : str_substring(v, 0, str_length(v));
  Spec spec;
  if (!parse_spec(spec_str, &spec)) return Value();
  if (spec.type != 0 && spec.type != 's') {
    std::string t;
    if (spec.type < 128) t = std::string(1, static_cast<char>(spec.type));
    else return raise_format(exc::ValueError, "Unknown format code '\\x%x' for object of type 'str'", static_cast<unsigned>(spec.type));
    return raise_format(exc::ValueError, "Unknown format code '%s' for object of type 'str'", t.c_str());
  }
  if (spec.sign) return raise(exc::ValueError, "Sign not allowed in string format specifier");
  if (spec.alternate) return raise(exc::ValueError, "Alternate form (#) not allowed in string format specifier");
  if (spec.align == '=') return raise(exc::ValueError, "'=' alignment not allowed in string format specifier");
  if (spec.grouping) return raise_format(exc::ValueError, "Cannot specify '%c' with 's'.", spec.grouping);
  size_t n = str_length(v);
  if (spec.precision >= 0 && static_cast<size_t>(spec.precision) < n) n = static_cast<size_t>(spec.precision);
  int64_t pad = spec.width > static_cast<int64_t>(n) ? spec.width - static_cast<int64_t>(n) : 0;
  int64_t left = 0;
  if (spec.align == '>') left = pad;
  else if (spec.align == '^') left = pad / 2;
  StrBuilder b;
  for (int64_t k = 0; k < left; ++k) b.push(spec.fill);
  b.append(v, 0, n);
  for (int64_t k = left; k < pad; ++k) b.push(spec.fill);
  return b.finish();
}

// --- the format-string grammar (str_format.h) ----------------------------------------------------

namespace {

// CPython's parse_field: the name runs to '}', ':' or '!' (brackets may hold them), then a
// conversion, then a spec with nested braces counted. `i` starts just past the '{' and ends past
// what was read, errors included (as CPython's iterator position).
bool parse_field(Value format, size_t& i, FormatChunk* chunk) {
  size_t n = str_length(format);
  char32_t c = 0;
  bool terminated = false;
  chunk->name_start = i;
  while (i < n) {
    c = str_char(format, i++);
    if (c == '{') {
      raise(exc::ValueError, "unexpected '{' in field name");
      return false;
    }
    if (c == '[') {
      while (i < n && str_char(format, i) != ']') ++i;
      continue;
    }
    if (c == '}' || c == ':' || c == '!') {
      terminated = true;
      break;
    }
  }
  chunk->name_end = terminated ? i - 1 : i;
  chunk->spec_start = chunk->spec_end = i;
  if (c != '!' && c != ':') {
    if (terminated) return true;
    raise(exc::ValueError, "expected '}' before end of string");
    return false;
  }
  if (c == '!') {
    if (i >= n) {
      raise(exc::ValueError, "end of string while looking for conversion specifier");
      return false;
    }
    chunk->conversion = str_char(format, i++);
    if (i < n) {
      char32_t e = str_char(format, i++);
      if (e == '}') {
        chunk->spec_start = chunk->spec_end = i;
        return true;
      }
      if (e != ':') {
        raise(exc::ValueError, "expected ':' after conversion specifier");
        return false;
      }
    }
  }
  chunk->spec_start = i;
  int count = 1;
  while (i < n) {
    char32_t e = str_char(format, i++);
    if (e == '{') {
      ++count;
    } else if (e == '}' && --count == 0) {
      chunk->spec_end = i - 1;
      return true;
    }
  }
  raise(exc::ValueError, "unmatched '{' in format spec");
  return false;
}

}  // namespace

int format_next_chunk(Value format, size_t* pos, FormatChunk* chunk) {
  *chunk = FormatChunk();
  size_t n = str_length(format);
  size_t& i = *pos;
  if (i >= n) return 0;
  size_t start = i;
  char32_t c = 0;
  bool brace = false;
  while (i < n) {
    c = str_char(format, i++);
    if (c == '{' || c == '}') {
      brace = true;
      break;
    }
  }
  bool at_end = i >= n;
  if (brace && c == '}' && (at_end || str_char(format, i) != '}')) {
    raise(exc::ValueError, "Single '}' encountered in format string");
    return -1;
  }
  if (brace && at_end) {
    raise(exc::ValueError, "Single '{' encountered in format string");
    return -1;
  }
  chunk->literal_start = start;
  chunk->literal_end = i;
  if (brace) {
    if (str_char(format, i) == c) {
      ++i;  // "{{" or "}}": the literal keeps one brace, no field follows
      return 1;
    }
    chunk->literal_end = i - 1;
    chunk->has_field = true;
    return parse_field(format, i, chunk) ? 1 : -1;
  }
  return 1;
}

size_t format_field_first_end(Value field) {
  size_t n = str_length(field), i = 0;
  while (i < n && str_char(field, i) != '.' && str_char(field, i) != '[') ++i;
  return i;
}

int64_t format_field_integer(Value field, size_t start, size_t end) {
  if (start >= end) return -1;
  int64_t value = 0;
  for (size_t i = start; i < end; ++i) {
    int digit = unicode::decimal_value(str_char(field, i));
    if (digit < 0) return -1;
    if (value > (INT64_MAX - digit) / 10) {
      raise(exc::ValueError, "Too many decimal digits in format string");
      return -2;
    }
    value = value * 10 + digit;
  }
  return value;
}

int format_field_next(Value field, size_t* pos, FieldNamePart* part) {
  size_t n = str_length(field);
  size_t& i = *pos;  // moves past what was read, errors included (CPython's iterator position)
  if (i >= n) return 0;
  char32_t c = str_char(field, i++);
  *part = FieldNamePart();
  part->start = i;
  if (c == '.') {
    part->is_attribute = true;
    while (i < n && str_char(field, i) != '.' && str_char(field, i) != '[') ++i;
    part->end = i;
  } else if (c == '[') {
    while (i < n && str_char(field, i) != ']') ++i;
    if (i >= n) {
      raise(exc::ValueError, "Missing ']' in format string");
      return -1;
    }
    part->end = i++;
    part->index = format_field_integer(field, part->start, part->end);
    if (part->index == -2) return -1;
  } else {
    raise(exc::ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    return -1;
  }
  if (part->start == part->end) {
    raise(exc::ValueError, "Empty attribute in format string");
    return -1;
  }
  return 1;
}

// --- str.format --------------------------------------------------------------------------------

namespace {

struct Formatter {
  const Value* args;
  size_t nargs;
  Value kwnames;
  int auto_index = 0;
  bool auto_index_used = false;
  bool manual = false;
  Value mapping = Value();  // str.format_map: names are looked up in it, no positional fields

  Value named(Value name) {
    if (mapping) return get_item(mapping, name);
    Value v = keyword(name);
    if (v.is_null()) return raise_key_error(name);
    return incref(v), v;
  }

  Value keyword(Value name) {
    size_t nkw = kwnames.is_null() ? 0 : tuple_size(kwnames);
    for (size_t i = 0; i < nkw; ++i) {
      if (str_equal(tuple_get(kwnames, i), name)) return args[nargs + i];
    }
    return Value();
  }

  // Resolves a field name ("0", "name", "0.attr[key]") to a new reference, as CPython's
  // get_field_object: each part is looked up before the next is parsed.
  Value get_field(Value field) {
    size_t i = format_field_first_end(field);
    int64_t index = format_field_integer(field, 0, i);
    if (index == -2) return Value();
    Ref obj;
    if (i == 0) {
      if (manual) return raise(exc::ValueError, "cannot switch from manual field specification to automatic field numbering");
      auto_index_used = true;
      index = auto_index++;
    } else if (index >= 0) {
      if (auto_index_used) return raise(exc::ValueError, "cannot switch from automatic field numbering to manual field specification");
      manual = true;
    }
    if (index >= 0) {
      if (mapping) return raise(exc::ValueError, "Format string contains positional fields");
      if (static_cast<size_t>(index) >= nargs) {
        return raise_format(exc::IndexError, "Replacement index %lld out of range for positional args tuple", static_cast<long long>(index));
      }
      obj = Ref::borrow(args[index]);
    } else {
      Ref first = Ref::steal(str_substring(field, 0, i));
      obj = Ref::steal(named(first.get()));
      if (!obj) return Value();
    }
    FieldNamePart part;
    int r;
    while ((r = format_field_next(field, &i, &part)) > 0) {
      if (part.is_attribute || part.index < 0) {
        Ref name = Ref::steal(str_substring(field, part.start, part.end));
        if (!name) return Value();
        obj = Ref::steal(part.is_attribute ? get_attr(obj.get(), name.get()) : get_item(obj.get(), name.get()));
      } else {
        Ref key = Ref::steal(int_from_int64(part.index));
        obj = Ref::steal(get_item(obj.get(), key.get()));
      }
      if (!obj) return Value();
    }
    if (r < 0) return Value();
    return obj.release();
  }

  bool render(Value format, StrBuilder& out, int depth) {
    if (depth >= 2) {  // CPython allows two levels of nested fields
      raise(exc::ValueError, "Max string recursion exceeded");
      return false;
    }
    size_t pos = 0;
    FormatChunk chunk;
    int r;
    while ((r = format_next_chunk(format, &pos, &chunk)) > 0) {
      for (size_t k = chunk.literal_start; k < chunk.literal_end; ++k) out.push(str_char(format, k));
      if (chunk.has_field && !render_field(format, chunk, out, depth)) return false;
    }
    return r == 0;
  }

  bool render_field(Value format, const FormatChunk& chunk, StrBuilder& out, int depth) {
    Ref field = Ref::steal(str_substring(format, chunk.name_start, chunk.name_end));
    if (!field) return false;
    Ref obj = Ref::steal(get_field(field.get()));
    if (!obj) return false;
    char32_t conversion = chunk.conversion;
    if (conversion == 'r') {
      obj = Ref::steal(repr(obj.get()));
    } else if (conversion == 's') {
      obj = Ref::steal(str(obj.get()));
    } else if (conversion == 'a') {
      obj = Ref::steal(repr(obj.get()));
      if (obj) {
        std::string text;
        for (size_t k = 0; k < str_length(obj.get()); ++k) {
          char32_t ch = str_char(obj.get(), k);
          char buf[16];
          if (ch < 128) text += static_cast<char>(ch);
          else if (ch <= 0xFF) { snprintf(buf, sizeof buf, "\\x%02x", ch); text += buf; }
          else if (ch <= 0xFFFF) { snprintf(buf, sizeof buf, "\\u%04x", ch); text += buf; }
          else { snprintf(buf, sizeof buf, "\\U%08x", ch); text += buf; }
        }
        obj = Ref::steal(str_from_ascii(text));
      }
    } else if (conversion != 0) {
      if (conversion < 128) {
        raise_format(exc::ValueError, "Unknown conversion specifier %c", static_cast<char>(conversion));
      } else {
        raise_format(exc::ValueError, "Unknown conversion specifier \\x%x", static_cast<unsigned>(conversion));
      }
      return false;
    }
    if (!obj) return false;
    // As CPython, a spec is expanded only when it holds a nested field.
    Ref spec = Ref::steal(str_substring(format, chunk.spec_start, chunk.spec_end));
    if (!spec) return false;
    if (str_find_char(spec.get(), '{', 0, str_length(spec.get())) >= 0) {
      StrBuilder nested;
      if (!render(spec.get(), nested, depth + 1)) return false;
      spec = Ref::steal(nested.finish());
    }
    Ref text = Ref::steal(runtime::format(obj.get(), spec.get()));
    if (!text) return false;
    out.append(text.get());
    return true;
  }
};

}  // namespace

Value str_format_method(Value format, const Value* args, size_t nargs, Value kwnames) {
  Formatter f{args, nargs, kwnames};
  StrBuilder out;
  if (!f.render(format, out, 0)) return Value();
  return out.finish();
}

Value str_format_map_method(Value format, Value mapping) {
  Formatter f{nullptr, 0, Value()};
  f.mapping = mapping;
  StrBuilder out;
  if (!f.render(format, out, 0)) return Value();
  return out.finish();
}

// --- printf-style formatting ---------------------------------------------------------------------

namespace {

bool format_int_arg(Value arg, char type, std::string* digits, bool* negative) {
  Ref number;
  if (is_int(arg)) {
    number = Ref::borrow(arg);
  } else if (type == 'd' || type == 'i' || type == 'u') {
    if (!is_float(arg) && type_of(arg)->number.int_ == nullptr && type_of(arg)->number.index == nullptr) {
      raise_format(exc::TypeError, "%%%c format: a real number is required, not %s", type, type_name(arg));
      return false;
    }
    if (is_float(arg)) {
      number = Ref::steal(int_from_double(float_value(arg)));
    } else {
      number = Ref::steal(number_index(arg));
    }
  } else {
    if (type_of(arg)->number.index == nullptr) {
      raise_format(exc::TypeError, "%%%c format: an integer is required, not %s", type, type_name(arg));
      return false;
    }
    number = Ref::steal(number_index(arg));
  }
  if (!number) return false;
  *negative = int_sign(number.get()) < 0;
  int base = type == 'x' || type == 'X' ? 16 : type == 'o' ? 8 : 10;
  std::string text = int_to_std_string(number.get(), base);
  if (!text.empty() && text[0] == '-') text.erase(0, 1);
  if (type == 'X') {
    for (char& c : text) c = static_cast<char>(toupper(c));
  }
  *digits = text;
  return true;
}

}  // namespace

namespace {
Value unsupported_format_character(char32_t type, size_t index) {
  char buf[80];
  if (type < 128 && type >= 32) {
    snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu", static_cast<char>(type),
             static_cast<unsigned>(type), index);
  } else {
    snprintf(buf, sizeof buf, "unsupported format character '?' (0x%x) at index %zu", static_cast<unsigned>(type), index);
  }
  return raise(exc::ValueError, buf);
}
}  // namespace

Value str_percent_format(Value format, Value args) {
  bool is_mapping = !is_tuple(args) && !is_str(args) && type_of(args)->mapping.subscript != nullptr;
  size_t argc = is_tuple(args) ? tuple_size(args) : 1;
  size_t argi = 0;
  auto next_arg = [&]() -> Value {
    if (argi >= argc) {
      raise(exc::TypeError, "not enough arguments for format string");
      return Value();
    }
    return is_tuple(args) ? tuple_get(args, argi++) : (argi++, args);
  };
  size_t n = str_length(format), i = 0;
  StrBuilder out;
  bool used_mapping = false;
  while (i < n) {
    char32_t c = str_char(format, i);
    if (c != '%') {
      out.push(c);
      ++i;
      continue;
    }
    size_t start = i++;
    if (i >= n) return raise(exc::ValueError, "incomplete format");
    Ref arg;
    if (str_char(format, i) == '(') {
      if (!is_mapping) return raise(exc::TypeError, "format requires a mapping");
      int depth = 1;
      size_t key_start = ++i;
      while (i < n && depth > 0) {
        if (str_char(format, i) == '(') ++depth;
        else if (str_char(format, i) == ')') --depth;
        ++i;
      }
      if (depth > 0) return raise(exc::ValueError, "incomplete format key");
      Ref key = Ref::steal(str_substring(format, key_start, i - 1));
      arg = Ref::steal(get_item(args, key.get()));
      if (!arg) return Value();
      used_mapping = true;
    }
    bool left = false, plus = false, space = false, alt = false, zero = false;
    for (; i < n; ++i) {
      char32_t f = str_char(format, i);
      if (f == '-') left = true;
      else if (f == '+') plus = true;
      else if (f == ' ') space = true;
      else if (f == '#') alt = true;
      else if (f == '0') zero = true;
      else break;
    }
    int64_t width = -1, precision = -1;
    auto read_num = [&](int64_t* out_num) -> bool {
      if (i < n && str_char(format, i) == '*') {
        ++i;
        Value w = next_arg();
        if (w.is_null()) return false;
        if (!is_int(w)) {
          raise(exc::TypeError, "* wants int");
          return false;
        }
        if (!int_to_int64(w, out_num)) {
          raise(exc::OverflowError, "Python int too large to convert to C ssize_t");
          return false;
        }
        return true;
      }
      while (i < n && str_char(format, i) >= '0' && str_char(format, i) <= '9') {
        *out_num = (*out_num < 0 ? 0 : *out_num) * 10 + (str_char(format, i) - '0');
        ++i;
      }
      return true;
    };
    if (!read_num(&width)) return Value();
    if (width < -1) {
      left = true;
      width = -width;
    }
    if (i < n && str_char(format, i) == '.') {
      ++i;
      precision = 0;
      if (!read_num(&precision)) return Value();
    }
    while (i < n && (str_char(format, i) == 'h' || str_char(format, i) == 'l' || str_char(format, i) == 'L')) ++i;
    if (i >= n) return raise(exc::ValueError, "incomplete format");
    char32_t type = str_char(format, i++);
    if (type == '%') {
      // Only "%%" itself is a literal '%': with a key, flags, width or precision between, '%' is
      // an unsupported conversion (CPython 3.11).
      if (i - 1 != start + 1) return unsupported_format_character(type, i - 1);
      out.push('%');
      continue;
    }
    if (!arg) {
      Value a = next_arg();
      if (a.is_null()) return Value();
      arg = Ref::borrow(a);
    }
    Ref piece;
    std::string sign;
    bool numeric = false;
    switch (type) {
      case 's': piece = Ref::steal(str(arg.get())); break;
      case 'r': piece = Ref::steal(repr(arg.get())); break;
      case 'a': {
        Value a[1] = {arg.get()};
        Ref r = Ref::steal(repr(arg.get()));
        if (!r) return Value();
        std::string text;
        for (size_t k = 0; k < str_length(r.get()); ++k) {
          char32_t ch = str_char(r.get(), k);
          char buf[16];
          if (ch < 128) text += static_cast<char>(ch);
          else if (ch <= 0xFF) { snprintf(buf, sizeof buf, "\\x%02x", ch); text += buf; }
          else if (ch <= 0xFFFF) { snprintf(buf, sizeof buf, "\\u%04x", ch); text += buf; }
          else { snprintf(buf, sizeof buf, "\\U%08x", ch); text += buf; }
        }
        (void)a;
        piece = Ref::steal(str_from_ascii(text));
        break;
      }
      case 'c': {
        if (is_str(arg.get())) {
          if (str_length(arg.get()) != 1) return raise(exc::TypeError, "%c requires int or char");
          piece = Ref::borrow(arg.get());
        } else if (is_int(arg.get())) {
          int64_t cp;
          if (!int_to_int64(arg.get(), &cp) || cp < 0 || cp > 0x10FFFF) {
            return raise(exc::OverflowError, "%c arg not in range(0x110000)");
          }
          piece = Ref::steal(str_from_char(static_cast<char32_t>(cp)));
        } else {
          return raise(exc::TypeError, "%c requires int or char");
        }
        break;
      }
      case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
        std::string digits;
        bool negative;
        if (!format_int_arg(arg.get(), static_cast<char>(type), &digits, &negative)) return Value();
        if (precision >= 0 && static_cast<int64_t>(digits.size()) < precision) digits.insert(0, static_cast<size_t>(precision) - digits.size(), '0');
        if (alt && type != 'd' && type != 'i' && type != 'u') digits.insert(0, type == 'o' ? "0o" : type == 'x' ? "0x" : "0X");
        sign = negative ? "-" : plus ? "+" : space ? " " : "";
        piece = Ref::steal(str_from_ascii(digits));
        numeric = true;
        break;
      }
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        double d;
        if (!is_float(arg.get()) && !is_int(arg.get()) && type_of(arg.get())->number.float_ == nullptr &&
            type_of(arg.get())->number.index == nullptr) {
          return raise_format(exc::TypeError, "must be real number, not %s", type_name(arg.get()));
        }
        if (!as_double(arg.get(), &d)) return Value();
        std::string text = format_double(d, static_cast<char>(type), precision < 0 ? 6 : static_cast<int>(precision), alt);
        bool negative = !text.empty() && text[0] == '-';
        if (negative) text.erase(0, 1);
        sign = negative ? "-" : plus ? "+" : space ? " " : "";
        piece = Ref::steal(str_from_ascii(text));
        numeric = std::isfinite(d);
        break;
      }
      default:
        return unsupported_format_character(type, i - 1);
    }
    if (!piece) return Value();
    size_t len = str_length(piece.get());
    if ((type == 's' || type == 'r' || type == 'a') && precision >= 0 && static_cast<size_t>(precision) < len) {
      len = static_cast<size_t>(precision);
    }
    int64_t total = static_cast<int64_t>(len + sign.size());
    int64_t pad = width > total ? width - total : 0;
    if (left) {
      out.push_ascii(sign);
      out.append(piece.get(), 0, len);
      for (int64_t k = 0; k < pad; ++k) out.push(' ');
    } else if (zero && numeric) {
      out.push_ascii(sign);
      size_t skip = 0;
      if (alt && (type == 'x' || type == 'X' || type == 'o')) {
        out.append(piece.get(), 0, 2);
        skip = 2;
      }
      for (int64_t k = 0; k < pad; ++k) out.push('0');
      out.append(piece.get(), skip, len);
    } else {
      for (int64_t k = 0; k < pad; ++k) out.push(' ');
      out.push_ascii(sign);
      out.append(piece.get(), 0, len);
    }
  }
  if (!used_mapping && !is_mapping && argi < argc) {
    return raise(exc::TypeError, "not all arguments converted during string formatting");
  }
  if (!used_mapping && is_mapping && argi < argc && !is_tuple(args)) {
    // A mapping used positionally (e.g. '%s' % {}) is fine.
  }
  return out.finish();
}

}  // namespace krait::runtime
