// The format-spec mini-language for int, float and complex (format(x, spec), f"{x:spec}"):
// [[fill]align][sign][z][#][0][width][grouping][.precision][type], with CPython 3.11's messages.
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/int_internal.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "support/float_repr.h"

namespace krait::runtime {

namespace {

struct FormatSpec {
  char32_t fill = ' ';
  char align = 0;        // < > = ^, or 0 (default)
  char sign = 0;         // + - space, or 0
  bool no_neg_zero = false;  // 'z'
  bool alternate = false;    // '#'
  int64_t width = -1;
  char grouping = 0;     // ',' '_' or 0
  int64_t precision = -1;
  char type = 0;         // 0 when absent
};

bool is_align(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// Parses `spec` (a str); false with ValueError set. `kind` names the object's type in messages.
bool parse_spec(Value spec_str, const char* kind, FormatSpec* out) {
  std::u32string s = str_to_u32(spec_str);
  size_t i = 0, n = s.size();
  bool fill_given = false;
  if (n >= 2 && is_align(s[1])) {
    out->fill = s[0];
    out->align = static_cast<char>(s[1]);
    fill_given = true;
    i = 2;
  } else if (n >= 1 && is_align(s[0])) {
    out->align = static_cast<char>(s[0]);
    i = 1;
  }
  if (i < n && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) out->sign = static_cast<char>(s[i++]);
  if (i < n && s[i] == 'z') {
    out->no_neg_zero = true;
    ++i;
  }
  if (i < n && s[i] == '#') {
    out->alternate = true;
    ++i;
  }
  if (i < n && s[i] == '0') {
    if (!fill_given) out->fill = '0';
    if (out->align == 0) out->align = '=';
    ++i;
  }
  auto read_number = [&](int64_t* value) {
    size_t start = i;
    int64_t v = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
      if (v > (int64_t(1) << 50)) {
        raise(exc::ValueError, "Too many decimal digits in format string");
        return -1;
      }
      v = v * 10 + (s[i++] - '0');
    }
    if (i == start) return 0;
    *value = v;
    return 1;
  };
  if (read_number(&out->width) < 0) return false;
  if (i < n && (s[i] == ',' || s[i] == '_')) {
    out->grouping = static_cast<char>(s[i++]);
    // The other separator after one is an error of its own; the same one twice is left for the
    // "Invalid format specifier" check below (as CPython's parser).
    if (i < n && (s[i] == ',' || s[i] == '_') && s[i] != static_cast<char32_t>(out->grouping)) {
      raise(exc::ValueError, "Cannot specify both ',' and '_'.");
      return false;
    }
  }
  if (i < n && s[i] == '.') {
    ++i;
    int r = read_number(&out->precision);
    if (r < 0) return false;
    if (r == 0) {
      raise(exc::ValueError, "Format specifier missing precision");
      return false;
    }
  }
  if (n - i > 1) {
    std::string text = str_to_utf8(spec_str);
    raise_format(exc::ValueError, "Invalid format specifier '%s' for object of type '%s'", text.c_str(), kind);
    return false;
  }
  if (i < n) {
    if (s[i] > 127) {
      raise_format(exc::ValueError, "Unknown format code '\\x%x' for object of type '%s'",
                   static_cast<unsigned>(s[i]), kind);
      return false;
    }
    out->type = static_cast<char>(s[i]);
  }
  if (out->grouping) {
    char t = out->type;
    bool ok;
    if (out->grouping == ',')
      ok = t == 0 || std::strchr("deEfFgG%", t) != nullptr;
    else
      ok = t == 0 || std::strchr("deEfFgG%boxX", t) != nullptr;
    if (!ok) {
      raise_format(exc::ValueError, "Cannot specify '%c' with '%c'.", out->grouping, t);
      return false;
    }
  }
  return true;
}

// Inserts `separator` every `group` digits from the right of `digits`.
std::string group_digits(const std::string& digits, char separator, int group) {
  if (!separator) return digits;
  std::string out;
  size_t n = digits.size();
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % group == 0) out.push_back(separator);
    out.push_back(digits[i]);
  }
  return out;
}

void append_utf8(std::string* out, char32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Lays out sign+prefix and body (ASCII, or UTF-8 for 'c') in the width with fill and alignment.
// `body_digits` is the integer part before grouping, `tail` what follows it (fraction, exponent).
Value finish(const FormatSpec& spec, const std::string& sign_prefix, std::string integer_part,
             const std::string& tail, int group, size_t body_chars_extra = 0) {
  char align = spec.align ? spec.align : '>';
  // Zero padding with '=' (also set by '0') grows the digits themselves, so grouping covers it.
  // (Hex digits count: 'deadbeef' groups too; "inf"/"nan" never start with one.)
  if (align == '=' && spec.fill == '0' && spec.width > 0 && !integer_part.empty() &&
      std::isxdigit(static_cast<unsigned char>(integer_part[0]))) {
    std::string grouped = group_digits(integer_part, spec.grouping, group);
    while (static_cast<int64_t>(sign_prefix.size() + grouped.size() + tail.size()) < spec.width) {
      integer_part.insert(integer_part.begin(), '0');
      grouped = group_digits(integer_part, spec.grouping, group);
    }
  }
  std::string body = (spec.grouping && !integer_part.empty() &&
                      std::isxdigit(static_cast<unsigned char>(integer_part[0])))
                         ? group_digits(integer_part, spec.grouping, group)
                         : integer_part;
  body += tail;
  int64_t length = static_cast<int64_t>(sign_prefix.size() + body.size() - body_chars_extra);
  int64_t pad = spec.width > length ? spec.width - length : 0;
  std::string fill;
  append_utf8(&fill, spec.fill);
  auto repeat = [&](int64_t count) {
    std::string r;
    for (int64_t k = 0; k < count; ++k) r += fill;
    return r;
  };
  std::string result;
  switch (align) {
    case '<': result = sign_prefix + body + repeat(pad); break;
    case '^': result = repeat(pad / 2) + sign_prefix + body + repeat(pad - pad / 2); break;
    case '=': result = sign_prefix + repeat(pad) + body; break;
    default: result = repeat(pad) + sign_prefix + body; break;
  }
  return str_from_utf8(result);
}

std::string sign_text(bool negative, char sign) {
  if (negative) return "-";
  if (sign == '+') return "+";
  if (sign == ' ') return " ";
  return "";
}

// The digits and exponent of |d| in the style of `type` (no sign). `type` is one of
// e E f F g G % n, 'r' (repr, no precision) or 0 (none with precision).
std::string double_body(double d, char type, int64_t precision, bool alternate) {
  d = std::fabs(d);
  bool upper = type == 'E' || type == 'F' || type == 'G';
  if (!std::isfinite(d)) {
    std::string s = std::isnan(d) ? "nan" : "inf";
    if (upper) for (char& c : s) c = static_cast<char>(std::toupper(c));
    if (type == '%') s += "%";
    return s;
  }
  char buffer[512];
  std::string out;
  const char* hash = alternate ? "#" : "";
  char fmt[16];
  switch (type) {
    case 'r': {
      std::string r = krait::float_repr(d);
      // '#': a decimal point always, even in "5e-324" ("5.e-324").
      if (alternate && r.find('.') == std::string::npos) {
        size_t e = r.find('e');
        r.insert(e == std::string::npos ? r.size() : e, ".");
      }
      return r;
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F': {
      if (precision < 0) precision = 6;
      std::snprintf(fmt, sizeof fmt, "%%%s.*%c", hash, type);
      int len = std::snprintf(buffer, sizeof buffer, fmt, static_cast<int>(precision), d);
      if (len >= static_cast<int>(sizeof buffer)) {
        out.resize(static_cast<size_t>(len) + 1);
        std::snprintf(out.data(), out.size(), fmt, static_cast<int>(precision), d);
        out.resize(static_cast<size_t>(len));
        return out;
      }
      return buffer;
    }
    case '%': {
      if (precision < 0) precision = 6;
      std::snprintf(fmt, sizeof fmt, "%%%s.*f", hash);
      int len = std::snprintf(nullptr, 0, fmt, static_cast<int>(precision), d * 100.0);
      out.resize(static_cast<size_t>(len) + 1);
      std::snprintf(out.data(), out.size(), fmt, static_cast<int>(precision), d * 100.0);
      out.resize(static_cast<size_t>(len));
      return out + "%";
    }
    case 'g':
    case 'G':
    case 'n': {
      if (precision < 0) precision = 6;
      if (precision == 0) precision = 1;
      std::snprintf(fmt, sizeof fmt, "%%%s.*%c", hash, type == 'G' ? 'G' : 'g');
      std::snprintf(buffer, sizeof buffer, fmt, static_cast<int>(precision), d);
      return buffer;
    }
    default: {
      // No type with a precision: 'g'-like, but exponent from precision-1 on, ".0" kept.
      if (precision == 0) precision = 1;
      std::snprintf(buffer, sizeof buffer, alternate ? "%#.*e" : "%.*e", static_cast<int>(precision - 1), d);
      const char* e = std::strchr(buffer, 'e');
      int exponent = std::atoi(e + 1);
      std::string s;
      bool scientific = exponent < -4 || exponent >= precision - 1;
      if (scientific) {
        s = std::string(buffer, static_cast<size_t>(e - buffer));
        std::string exp_text(e);
        if (!alternate && s.find('.') != std::string::npos) {
          while (s.back() == '0') s.pop_back();
          if (s.back() == '.') s.pop_back();
        }
        return s + exp_text;
      }
      int decimals = static_cast<int>(precision - 1 - exponent);
      if (decimals < 0) decimals = 0;
      std::snprintf(fmt, sizeof fmt, "%%%s.*f", hash);
      std::snprintf(buffer, sizeof buffer, fmt, decimals, d);
      s = buffer;
      if (!alternate && s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
      }
      if (s.find('.') == std::string::npos) s += ".0";
      return s;
    }
  }
}

// Splits a float body into its integer digits and the rest ('.', fraction, exponent, '%').
void split_body(const std::string& body, std::string* integer_part, std::string* tail) {
  size_t k = 0;
  while (k < body.size() && std::isdigit(static_cast<unsigned char>(body[k]))) ++k;
  *integer_part = body.substr(0, k);
  *tail = body.substr(k);
}

bool all_zero_digits(const std::string& body) {
  // "inf" and "nan" are no zero: 'z' leaves -inf alone.
  if (body.empty() || !std::isdigit(static_cast<unsigned char>(body[0]))) return false;
  for (char c : body) {
    if (c == 'e' || c == 'E') break;
    if (c >= '1' && c <= '9') return false;
  }
  return true;
}

Value format_double_spec(double d, const FormatSpec& spec, const char* kind) {
  char type = spec.type;
  if (type != 0 && !std::strchr("eEfFgGn%", type))
    return raise_format(exc::ValueError, "Unknown format code '%c' for object of type '%s'", type, kind);
  if (type == 'n' && spec.grouping)
    return raise_format(exc::ValueError, "Cannot specify '%c' with 'n'.", spec.grouping);
  char style = type;
  if (type == 0 && spec.precision < 0) style = 'r';
  std::string body = double_body(d, style, spec.precision, spec.alternate);
  bool negative = std::signbit(d) && !std::isnan(d);
  if (negative && spec.no_neg_zero && all_zero_digits(body)) negative = false;
  std::string integer_part, tail;
  split_body(body, &integer_part, &tail);
  return finish(spec, sign_text(negative, spec.sign), integer_part, tail, 3);
}

}  // namespace

std::string format_double(double d, char type, int precision, bool alternate) {
  std::string body = double_body(d, type, precision, alternate);
  return (std::signbit(d) && !std::isnan(d) ? "-" : "") + body;
}

Value int_format(Value v, Value spec_str) {
  if (str_length(spec_str) == 0) return str(v);
  const char* kind = type_name_of(v);
  FormatSpec spec;
  if (!parse_spec(spec_str, kind, &spec)) return Value();
  char type = spec.type;
  if (type && std::strchr("eEfFgG%", type)) {
    double d;
    if (!int_to_double(v, &d)) return Value();
    return format_double_spec(d, spec, kind);
  }
  if (type && !std::strchr("bcdoxXn", type))
    return raise_format(exc::ValueError, "Unknown format code '%c' for object of type '%s'", type, kind);
  if (spec.precision >= 0) return raise(exc::ValueError, "Precision not allowed in integer format specifier");
  if (spec.no_neg_zero)
    return raise(exc::ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
  if (type == 'n' && spec.grouping)
    return raise_format(exc::ValueError, "Cannot specify '%c' with 'n'.", spec.grouping);
  if (type == 'c') {
    if (spec.sign) return raise(exc::ValueError, "Sign not allowed with integer format specifier 'c'");
    if (spec.alternate)
      return raise(exc::ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
    int64_t code;
    if (!int_to_int64(v, &code)) return raise(exc::OverflowError, "Python int too large to convert to C long");
    if (code < 0 || code > 0x10FFFF) return raise(exc::OverflowError, "%c arg not in range(0x110000)");
    std::string ch;
    append_utf8(&ch, static_cast<char32_t>(code));
    return finish(spec, "", ch, "", 3, ch.size() - 1);  // right-aligned by default, as numbers
  }
  int base = 10;
  const char* prefix = "";
  switch (type) {
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; break;
    default: break;
  }
  bool negative = int_sign(v) < 0;
  std::string digits;
  if (base == 10) {
    Ref text = Ref::steal(int_repr(v));  // applies the digit limit
    if (!text) return Value();
    digits = std::string(str_utf8(text.get()));
  } else {
    digits = int_to_std_string(v, base);
  }
  if (!digits.empty() && digits[0] == '-') digits.erase(0, 1);
  if (type == 'X') for (char& c : digits) c = static_cast<char>(std::toupper(c));
  std::string sign_prefix = sign_text(negative, spec.sign);
  if (spec.alternate) sign_prefix += prefix;
  return finish(spec, sign_prefix, digits, "", base == 10 ? 3 : 4);
}

Value float_format_spec(double d, Value spec_str) {
  if (str_length(spec_str) == 0) return str_from_ascii(krait::float_repr(d));
  FormatSpec spec;
  if (!parse_spec(spec_str, "float", &spec)) return Value();
  return format_double_spec(d, spec, "float");
}

Value complex_format_spec(double real, double imag, Value spec_str) {
  FormatSpec spec;
  if (!parse_spec(spec_str, "complex", &spec)) return Value();
  // CPython's order: the presentation type, then zero padding (any '0' fill), then '='.
  char type = spec.type;
  if (type != 0 && !std::strchr("eEfFgGn", type))
    return raise_format(exc::ValueError, "Unknown format code '%c' for object of type 'complex'", type);
  if (spec.fill == '0')
    return raise(exc::ValueError, "Zero padding is not allowed in complex format specifier");
  if (spec.align == '=')
    return raise(exc::ValueError, "'=' alignment flag is not allowed in complex format specifier");
  bool parens = false;
  bool skip_real = false;
  char style = type;
  if (type == 0) {
    parens = true;
    skip_real = real == 0.0 && !std::signbit(real);
    style = spec.precision < 0 ? 'r' : 'g';  // repr style drops ".0" on integral parts; with a precision: 'g'
  }
  auto piece = [&](double x) {
    std::string b = double_body(x, style, spec.precision, spec.alternate);
    // Integral parts drop ".0" (only the "0" under '#', which keeps the point).
    if (style == 'r' && b.size() > 2 && b.compare(b.size() - 2, 2, ".0") == 0) b.resize(b.size() - (spec.alternate ? 1 : 2));
    if (spec.grouping) {  // each part's integer digits are grouped on their own
      std::string integer_part, tail;
      split_body(b, &integer_part, &tail);
      b = group_digits(integer_part, spec.grouping, 3) + tail;
    }
    return b;
  };
  std::string re_body = piece(real), im_body = piece(imag);
  bool re_neg = std::signbit(real) && !std::isnan(real);
  bool im_neg = std::signbit(imag) && !std::isnan(imag);
  if (spec.no_neg_zero) {
    if (re_neg && all_zero_digits(re_body)) re_neg = false;
    if (im_neg && all_zero_digits(im_body)) im_neg = false;
  }
  std::string text;
  if (!skip_real) {
    text = sign_text(re_neg, spec.sign) + re_body;
    text += im_neg ? "-" : "+";
  } else {
    text = sign_text(im_neg, spec.sign);
  }
  text += im_body + "j";
  if (parens && !skip_real) text = "(" + text + ")";
  FormatSpec s2 = spec;
  s2.grouping = 0;
  return finish(s2, "", "", text, 3);
}

}  // namespace krait::runtime
