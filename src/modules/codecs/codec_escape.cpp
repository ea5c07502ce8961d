// The escape codecs: unicode_escape and raw_unicode_escape (str <-> bytes with backslash
// escapes, Latin-1 for the rest) and escape_encode / escape_decode (bytes <-> bytes, the escapes
// of a bytes literal). The first invalid escape is reported as a DeprecationWarning, as CPython.
#include <cstdio>

#include "modules/codecs/codecs_internal.h"
#include "modules/modules.h"
#include "runtime/bytes.h"
#include "runtime/errors.h"
#include "runtime/str.h"
#include "support/unicode.h"
#include "support/utf8.h"

namespace krait::codecs {

using namespace runtime;

namespace {

int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_hex(std::string& out, char32_t c) {
  char buf[16];
  snprintf(buf, sizeof buf, c <= 0xFF ? "\\x%02x" : c <= 0xFFFF ? "\\u%04x" : "\\U%08x", unsigned(c));
  out += buf;
}

// The warning for the first invalid escape (`at` points after the backslash), or none.
struct InvalidEscape {
  const char* at = nullptr;
  bool octal = false;
};

int warn_invalid_escape(const InvalidEscape& e) {
  if (e.at == nullptr) return 0;
  // The character after the backslash is shown as the code point of its byte (CPython's %c).
  std::string message;
  if (e.octal) {
    message = "invalid octal escape sequence '\\" + std::string(e.at, 3) + "'";
  } else {
    message = "invalid escape sequence '\\";
    utf8::append(message, static_cast<unsigned char>(*e.at));
    message += "'";
  }
  return modules::emit_warning(exc::DeprecationWarning, message, 1);
}

// A simple escape letter's value (\n, \t, ...), or -1.
int simple_escape(unsigned char c) {
  switch (c) {
    case '\\': return '\\';
    case '\'': return '\'';
    case '"': return '"';
    case 'b': return '\b';
    case 'f': return '\f';
    case 't': return '\t';
    case 'n': return '\n';
    case 'r': return '\r';
    case 'v': return '\v';
    case 'a': return '\a';
    default: return -1;
  }
}

}  // namespace

Value unicode_escape_encode(Value str) {
  size_t n = str_length(str);
  std::string out;
  out.reserve(n + 2);
  for (size_t i = 0; i < n; ++i) {
    char32_t c = str_char(str, i);
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c < 0x20 || c >= 0x7F) append_hex(out, c);
    else out += char(c);
  }
  return bytes_from(out);
}

Value raw_unicode_escape_encode(Value str) {
  size_t n = str_length(str);
  std::string out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    char32_t c = str_char(str, i);
    if (c >= 0x100) append_hex(out, c);
    else out += char(c);
  }
  return bytes_from(out);
}

Value unicode_escape_decode(std::string_view data, std::string_view errors, bool final, size_t* consumed) {
  DecodeContext c("unicodeescape", data, errors);
  StrBuilder b;
  b.reserve(data.size());
  InvalidEscape invalid;
  size_t s = 0;
  while (s < c.data.size()) {
    std::string_view d = c.data;
    unsigned char ch = static_cast<unsigned char>(d[s++]);
    if (ch != '\\') {
      b.push(ch);
      continue;
    }
    size_t start = s - 1;
    const char* message = "\\ at end of string";
    bool incomplete = false;
    if (s >= d.size()) {
      incomplete = true;
    } else {
      ch = static_cast<unsigned char>(d[s++]);
      int simple = simple_escape(ch);
      if (ch == '\n') continue;
      if (simple >= 0) {
        b.push(char32_t(simple));
        continue;
      }
      if (ch >= '0' && ch <= '7') {
        char32_t v = ch - '0';
        for (int k = 0; k < 2 && s < d.size() && d[s] >= '0' && d[s] <= '7'; ++k) v = v * 8 + char32_t(d[s++] - '0');
        if (v > 0377 && invalid.at == nullptr) invalid = {d.data() + s - 3, true};
        b.push(v);
        continue;
      }
      if (ch == 'x' || ch == 'u' || ch == 'U') {
        int count = ch == 'x' ? 2 : ch == 'u' ? 4 : 8;
        message = ch == 'x' ? "truncated \\xXX escape" : ch == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
        uint32_t v = 0;
        bool bad = false;
        for (; count > 0; ++s, --count) {
          if (s >= d.size()) {
            incomplete = true;
            break;
          }
          int h = hex_value(static_cast<unsigned char>(d[s]));
          if (h < 0) {
            bad = true;
            break;
          }
          v = v * 16 + uint32_t(h);
        }
        if (!incomplete && !bad) {
          if (v <= 0x10FFFF) {
            b.push(v);
            continue;
          }
          message = "illegal Unicode character";
        }
      } else if (ch == 'N') {
        message = "malformed \\N character escape";
        if (s >= d.size()) {
          incomplete = true;
        } else if (d[s] == '{') {
          size_t name_start = ++s;
          while (s < d.size() && d[s] != '}') ++s;
          if (s >= d.size()) {
            incomplete = true;
          } else if (s > name_start) {
            std::string_view name = d.substr(name_start, s - name_start);
            ++s;
            if (std::optional<char32_t> cp = unicode::lookup_name(name)) {
              b.push(*cp);
              continue;
            }
            message = "unknown Unicode character name";
          }
        }
      } else {
        if (invalid.at == nullptr) invalid = {d.data() + s - 1, false};
        b.push('\\');
        b.push(ch);
        continue;
      }
    }
    if (incomplete && !final) {
      s = start;
      break;
    }
    if (!decode_error(c, message, start, s, b, &s)) return Value();
  }
  if (consumed) *consumed = s;
  Ref result = Ref::steal(b.finish());
  if (result && warn_invalid_escape(invalid) < 0) return Value();
  return result.release();
}

Value raw_unicode_escape_decode(std::string_view data, std::string_view errors, bool final, size_t* consumed) {
  DecodeContext c("rawunicodeescape", data, errors);
  StrBuilder b;
  b.reserve(data.size());
  size_t s = 0;
  while (s < c.data.size()) {
    std::string_view d = c.data;
    unsigned char ch = static_cast<unsigned char>(d[s]);
    if (ch != '\\') {
      b.push(ch);
      ++s;
      continue;
    }
    // \u and \U count only after an odd number of backslashes; the last one is held back
    // until it is known not to start an escape.
    size_t run = s;
    while (s < d.size() && d[s] == '\\') ++s;
    for (size_t k = run; k + 1 < s; ++k) b.push('\\');
    if (((s - run) & 1) == 1 && s >= d.size() && !final) {  // may start an escape: wait for more
      s = s - 1;
      break;
    }
    if (((s - run) & 1) == 0 || s >= d.size() || (d[s] != 'u' && d[s] != 'U')) {
      b.push('\\');
      continue;
    }
    size_t start = s - 1;
    int count = d[s] == 'u' ? 4 : 8;
    const char* message = count == 4 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
    ++s;
    uint32_t v = 0;
    bool incomplete = false, bad = false;
    for (; count > 0; ++s, --count) {
      if (s >= d.size()) {
        incomplete = true;
        break;
      }
      int h = hex_value(static_cast<unsigned char>(d[s]));
      if (h < 0) {
        bad = true;
        break;
      }
      v = v * 16 + uint32_t(h);
    }
    if (!incomplete && !bad) {
      if (v <= 0x10FFFF) {
        b.push(v);
        continue;
      }
      message = "\\Uxxxxxxxx out of range";
    }
    if (incomplete && !final) {
      s = start;
      break;
    }
    if (!decode_error(c, message, start, s, b, &s)) return Value();
  }
  if (consumed) *consumed = s;
  return b.finish();
}

Value escape_encode(std::string_view data) {
  std::string out;
  out.reserve(data.size());
  for (unsigned char c : data) {
    if (c == '\'' || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7F) {
      append_hex(out, c);
    } else {
      out += char(c);
    }
  }
  return bytes_from(out);
}

Value escape_decode(std::string_view d, std::string_view errors) {
  std::string out;
  out.reserve(d.size());
  InvalidEscape invalid;
  size_t s = 0;
  while (s < d.size()) {
    if (d[s] != '\\') {
      out += d[s++];
      continue;
    }
    ++s;
    if (s == d.size()) return raise(exc::ValueError, "Trailing \\ in string");
    unsigned char ch = static_cast<unsigned char>(d[s++]);
    int simple = simple_escape(ch);
    if (ch == '\n') continue;
    if (simple >= 0) {
      out += char(simple);
      continue;
    }
    if (ch >= '0' && ch <= '7') {
      unsigned v = ch - '0';
      for (int k = 0; k < 2 && s < d.size() && d[s] >= '0' && d[s] <= '7'; ++k) v = v * 8 + unsigned(d[s++] - '0');
      if (v > 0377 && invalid.at == nullptr) invalid = {d.data() + s - 3, true};
      out += char(v & 0xFF);
      continue;
    }
    if (ch == 'x') {
      if (s + 1 < d.size()) {
        int h1 = hex_value(static_cast<unsigned char>(d[s])), h2 = hex_value(static_cast<unsigned char>(d[s + 1]));
        if (h1 >= 0 && h2 >= 0) {
          out += char(h1 * 16 + h2);
          s += 2;
          continue;
        }
      }
      if (errors == "strict") return raise_format(exc::ValueError, "invalid \\x escape at position %zu", s - 2);
      if (errors == "replace") out += '?';
      else if (errors != "ignore")
        return raise_format(exc::ValueError, "decoding error; unknown error handling code: %s", std::string(errors).c_str());
      if (s < d.size() && hex_value(static_cast<unsigned char>(d[s])) >= 0) ++s;
      continue;
    }
    if (invalid.at == nullptr) invalid = {d.data() + s - 1, false};
    out += '\\';
    --s;
  }
  Ref result = Ref::steal(bytes_from(out));
  if (result && warn_invalid_escape(invalid) < 0) return Value();
  return result.release();
}

}  // namespace krait::codecs
