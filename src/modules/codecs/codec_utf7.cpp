// UTF-7 (RFC 2152) as CPython writes and reads it: Set D, Set O and whitespace are direct,
// everything else goes in "+...-" base-64 runs of UTF-16 units; lone surrogates are encoded
// as they are.
#include "modules/codecs/codecs_internal.h"
#include "runtime/bytes.h"
#include "runtime/errors.h"
#include "runtime/str.h"

namespace krait::codecs {

using namespace runtime;

namespace {

const char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

bool is_base64(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

uint32_t from_base64(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  return c == '+' ? 62 : 63;
}

// Characters written as themselves: Set D, Set O and whitespace (not + \ ~ or controls).
bool encode_direct(char32_t c) {
  if (c == 0 || c >= 128) return false;
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("'(),-./:?!\"#$%&*;<=>@[]^_`{|} \t\r\n").find(char(c)) != std::string_view::npos;
}

}  // namespace

Value utf7_encode(Value str, std::string_view) {
  size_t n = str_length(str);
  std::string out;
  out.reserve(n + 8);
  bool in_shift = false;
  int bits = 0;
  uint64_t buffer = 0;
  auto push_unit = [&](uint32_t unit) {
    bits += 16;
    buffer = (buffer << 16) | unit;
    while (bits >= 6) {
      out += kBase64[(buffer >> (bits - 6)) & 0x3F];
      bits -= 6;
    }
    buffer &= (uint64_t(1) << bits) - 1;
  };
  for (size_t i = 0; i < n; ++i) {
    char32_t ch = str_char(str, i);
    if (in_shift && encode_direct(ch)) {
      if (bits) out += kBase64[(buffer << (6 - bits)) & 0x3F];
      buffer = 0;
      bits = 0;
      in_shift = false;
      // A character that could be read as base 64 (or '-') needs an explicit end.
      if (is_base64((unsigned char)ch) || ch == '-') out += '-';
      out += char(ch);
      continue;
    }
    if (!in_shift) {
      if (ch == '+') {
        out += "+-";
        continue;
      }
      if (encode_direct(ch)) {
        out += char(ch);
        continue;
      }
      out += '+';
      in_shift = true;
    }
    if (ch >= 0x10000) {
      push_unit(0xD800 + ((ch - 0x10000) >> 10));
      ch = 0xDC00 + ((ch - 0x10000) & 0x3FF);
    }
    push_unit(ch);
  }
  if (bits) out += kBase64[(buffer << (6 - bits)) & 0x3F];
  if (in_shift) out += '-';
  return bytes_from(out);
}

Value utf7_decode(std::string_view data, std::string_view errors, bool final, size_t* consumed) {
  DecodeContext c("utf7", data, errors);
  StrBuilder b;
  b.reserve(data.size());
  bool in_shift = false;
  int bits = 0;
  uint64_t buffer = 0;
  char32_t surrogate = 0;
  size_t shift_out_start = 0, start = 0, s = 0;
  while (true) {
    while (s < c.data.size()) {
      std::string_view d = c.data;
      unsigned char ch = static_cast<unsigned char>(d[s]);
      const char* error = nullptr;
      if (in_shift) {
        if (is_base64(ch)) {
          buffer = (buffer << 6) | from_base64(ch);
          bits += 6;
          ++s;
          if (bits >= 16) {
            char32_t unit = char32_t((buffer >> (bits - 16)) & 0xFFFF);
            bits -= 16;
            buffer &= (uint64_t(1) << bits) - 1;
            if (surrogate) {
              if (unit >= 0xDC00 && unit <= 0xDFFF) {
                b.push(0x10000 + ((surrogate - 0xD800) << 10) + (unit - 0xDC00));
                surrogate = 0;
                continue;
              }
              b.push(surrogate);
              surrogate = 0;
            }
            if (unit >= 0xD800 && unit <= 0xDBFF) surrogate = unit;
            else b.push(unit);
          }
          continue;
        }
        in_shift = false;
        if (bits >= 6) {
          ++s;
          error = "partial character in shift sequence";
        } else if (bits > 0 && buffer != 0) {
          ++s;
          error = "non-zero padding bits in shift sequence";
        } else {
          if (surrogate && ch <= 127 && ch != '+') b.push(surrogate);
          surrogate = 0;
          if (ch == '-') ++s;
          continue;
        }
      } else if (ch == '+') {
        start = s++;
        if (s < d.size() && d[s] == '-') {
          ++s;
          b.push('+');
          continue;
        }
        if (s < d.size() && !is_base64(static_cast<unsigned char>(d[s]))) {
          ++s;
          error = "ill-formed sequence";
        } else {
          in_shift = true;
          surrogate = 0;
          shift_out_start = b.size();
          bits = 0;
          buffer = 0;
          continue;
        }
      } else if (ch <= 127) {
        b.push(ch);
        ++s;
        continue;
      } else {
        start = s++;
        error = "unexpected special character";
      }
      if (!decode_error(c, error, start, s, b, &s)) return Value();
    }
    if (!(in_shift && final)) break;
    // The end inside a shift sequence: an error unless what is left is a clean end.
    in_shift = false;
    if (!(surrogate || bits >= 6 || (bits > 0 && buffer != 0))) break;
    if (!decode_error(c, "unterminated shift sequence", start, c.data.size(), b, &s)) return Value();
    if (s >= c.data.size()) break;
  }
  size_t keep = b.size();
  if (!final && in_shift) {
    s = start;
    keep = shift_out_start;  // the shift sequence is decoded again with the rest
  }
  if (consumed) *consumed = s;
  Ref result = Ref::steal(b.finish());
  if (!result || keep == str_length(result.get())) return result.release();
  return str_substring(result.get(), 0, keep);
}

}  // namespace krait::codecs
