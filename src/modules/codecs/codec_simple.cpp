// UTF-8, ASCII and Latin-1: the codecs str.encode and bytes.decode run without a registry
// lookup. Error spans and reasons are CPython's (its UTF-8 decoder reports the longest valid
// prefix of a broken sequence; encoders report runs of unencodable characters).
#include <cstring>

#include "modules/codecs/codecs_internal.h"
#include "runtime/bytes.h"
#include "runtime/errors.h"
#include "runtime/str.h"
#include "support/utf8.h"

namespace krait::codecs {

using namespace runtime;

namespace {

inline bool is_surrogate(char32_t c) { return c >= 0xD800 && c <= 0xDFFF; }
inline bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// An encoder for the one-byte codecs: characters below `limit` are their byte.
Value encode_below(Value str, std::string_view errors, char32_t limit, const char* encoding, const char* reason) {
  size_t n = str_length(str);
  if (str_is_ascii(str) || (limit == 0x100 && str_kind(str) == 1))  // one byte a character already
    return bytes_from(std::string_view(static_cast<const char*>(str_data(str)), n));
  std::string out;
  out.reserve(n);
  EncodeContext c(encoding, str, errors);
  c.partial_escape = true;
  auto encode_char = [limit](char32_t ch, std::string& o) {
    if (ch >= limit) return false;
    o += char(ch);
    return true;
  };
  size_t i = 0;
  while (i < n) {
    char32_t ch = str_char(str, i);
    if (ch < limit) {
      out += char(ch);
      ++i;
      continue;
    }
    size_t end = i + 1;
    while (end < n && str_char(str, end) >= limit) ++end;
    EncodeReplacement r;
    if (!encode_error(c, reason, i, end, &r)) return Value();
    if (!append_replacement(c, r, reason, i, end, out, encode_char)) return Value();
    i = r.newpos;
  }
  return bytes_from(out);
}

// The error CPython's UTF-8 decoder reports for the sequence starting at data[i] (a byte >= 0x80):
// 0 = valid (its length in *length), otherwise the reason; *end is the span's end. An incomplete
// but so far valid sequence at the end of the data is "unexpected end of data".
const char* utf8_check(std::string_view data, size_t i, size_t* length, size_t* end) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(data.data());
  size_t left = data.size() - i;
  unsigned char c = p[i];
  *end = i + 1;
  if (c < 0xC2 || c > 0xF4) return "invalid start byte";
  size_t need = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  // The valid range of the second byte (CPython refuses overlongs, surrogates, > U+10FFFF there).
  unsigned char lo = 0x80, hi = 0xBF;
  if (c == 0xE0) lo = 0xA0;
  else if (c == 0xED) hi = 0x9F;
  else if (c == 0xF0) lo = 0x90;
  else if (c == 0xF4) hi = 0x8F;
  for (size_t k = 1; k < need; ++k) {
    if (k >= left) {
      *end = data.size();
      return "unexpected end of data";
    }
    unsigned char b = p[i + k];
    bool ok = k == 1 ? (b >= lo && b <= hi) : is_continuation(b);
    if (!ok) {
      *end = i + k;
      return "invalid continuation byte";
    }
  }
  *length = need;
  return nullptr;
}

// Bytes before the first one >= 0x80 (eight at a time).
size_t ascii_prefix(std::string_view data) {
  size_t i = 0, n = data.size();
  for (; i + 8 <= n; i += 8) {
    uint64_t word;
    std::memcpy(&word, data.data() + i, 8);
    if (word & 0x8080808080808080ull) break;
  }
  while (i < n && static_cast<unsigned char>(data[i]) < 0x80) ++i;
  return i;
}

Value ascii_str(std::string_view data) {
  if (data.size() <= 1) return str_from_latin1(data);
  Value v = str_new(data.size(), 0x7F);
  if (v) std::memcpy(as_str(v)->data, data.data(), data.size());
  return v;
}

// One code point of valid UTF-8 at p[*i].
inline char32_t decode_valid(const unsigned char* p, size_t* i) {
  unsigned char b = p[*i];
  if (b < 0x80) {
    *i += 1;
    return b;
  }
  if (b < 0xE0) {
    char32_t c = char32_t((b & 0x1F) << 6 | (p[*i + 1] & 0x3F));
    *i += 2;
    return c;
  }
  if (b < 0xF0) {
    char32_t c = char32_t((b & 0x0F) << 12 | (p[*i + 1] & 0x3F) << 6 | (p[*i + 2] & 0x3F));
    *i += 3;
    return c;
  }
  char32_t c = char32_t((b & 0x07) << 18 | (p[*i + 1] & 0x3F) << 12 | (p[*i + 2] & 0x3F) << 6 | (p[*i + 3] & 0x3F));
  *i += 4;
  return c;
}

// Decodes data that is entirely valid UTF-8 in two passes (the length and the storage width,
// which the lead bytes tell, then the characters); null without an error when there is
// anything the careful loop must see (an error or an incomplete end).
Value decode_valid_utf8(std::string_view d) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(d.data());
  size_t count = 0, i = 0, n = d.size();
  char32_t maxchar = 0x7F;
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
      ++count;
      continue;
    }
    size_t length, end;
    if (utf8_check(d, i, &length, &end) != nullptr) return Value();
    char32_t width = p[i] >= 0xF0 ? 0x10FFFF : p[i] >= 0xC4 ? 0xFFFF : 0xFF;
    if (width > maxchar) maxchar = width;
    i += length;
    ++count;
  }
  Value v = str_new(count, maxchar);
  if (!v) return Value();
  unsigned char* out = as_str(v)->data;
  size_t k = 0;
  i = 0;
  if (maxchar <= 0xFF) {
    while (i < n) out[k++] = static_cast<unsigned char>(decode_valid(p, &i));
  } else if (maxchar <= 0xFFFF) {
    uint16_t* o = reinterpret_cast<uint16_t*>(out);
    while (i < n) o[k++] = static_cast<uint16_t>(decode_valid(p, &i));
  } else {
    uint32_t* o = reinterpret_cast<uint32_t*>(out);
    while (i < n) o[k++] = decode_valid(p, &i);
  }
  return v;
}

}  // namespace

Value utf8_encode(Value str, std::string_view errors) {
  if (str_is_ascii(str) || str_kind(str) == 1) return bytes_from(str_utf8(str));
  size_t n = str_length(str);
  size_t first = 0;
  while (first < n && !is_surrogate(str_char(str, first))) ++first;
  if (first == n) return bytes_from(str_utf8(str));
  std::string out;
  out.reserve(n * 2);
  EncodeContext c("utf-8", str, errors);
  c.partial_escape = true;
  const char* reason = "surrogates not allowed";
  auto encode_char = [](char32_t ch, std::string& o) {
    if (ch >= 0x80) return false;
    o += char(ch);
    return true;
  };
  size_t i = 0;
  while (i < n) {
    char32_t ch = str_char(str, i);
    if (!is_surrogate(ch)) {
      utf8::append(out, ch);
      ++i;
      continue;
    }
    size_t end = i + 1;
    while (end < n && is_surrogate(str_char(str, end))) ++end;
    EncodeReplacement r;
    if (!encode_error(c, reason, i, end, &r)) return Value();
    if (!append_replacement(c, r, reason, i, end, out, encode_char)) return Value();
    i = r.newpos;
  }
  return bytes_from(out);
}

Value utf8_decode(std::string_view data, std::string_view errors, bool final, size_t* consumed) {
  size_t ascii = ascii_prefix(data);
  if (ascii == data.size()) {
    if (consumed) *consumed = ascii;
    return ascii_str(data);
  }
  if (Value v = decode_valid_utf8(data)) {
    if (consumed) *consumed = data.size();
    return v;
  }
  if (error_occurred()) return Value();
  DecodeContext c("utf-8", data, errors);
  StrBuilder b;
  b.reserve(data.size());
  size_t i = 0;
  while (i < c.data.size()) {
    std::string_view d = c.data;
    unsigned char ch = static_cast<unsigned char>(d[i]);
    if (ch < 0x80) {
      b.push(ch);
      ++i;
      continue;
    }
    size_t length = 0, end = 0;
    const char* reason = utf8_check(d, i, &length, &end);
    if (reason == nullptr) {
      size_t pos = i;
      b.push(char32_t(utf8::decode(d, pos)));
      i += length;
      continue;
    }
    if (!final && end == d.size() && reason[0] == 'u') break;  // incomplete: wait for more
    // A truncated surrogate (ED A0..BF at the end) also waits: surrogatepass may take it whole.
    if (!final && d.size() - i == 2 && ch == 0xED && (static_cast<unsigned char>(d[i + 1]) & 0xE0) == 0xA0) break;
    if (!decode_error(c, reason, i, end, b, &i)) return Value();
  }
  if (consumed) *consumed = i;
  return b.finish();
}

Value ascii_encode(Value str, std::string_view errors) {
  return encode_below(str, errors, 0x80, "ascii", "ordinal not in range(128)");
}

Value latin1_encode(Value str, std::string_view errors) {
  return encode_below(str, errors, 0x100, "latin-1", "ordinal not in range(256)");
}

Value latin1_decode(std::string_view data, std::string_view) { return str_from_latin1(data); }

Value ascii_decode(std::string_view data, std::string_view errors) {
  if (ascii_prefix(data) == data.size()) return ascii_str(data);
  DecodeContext c("ascii", data, errors);
  StrBuilder b;
  b.reserve(data.size());
  size_t i = 0;
  while (i < c.data.size()) {
    unsigned char ch = static_cast<unsigned char>(c.data[i]);
    if (ch < 0x80) {
      b.push(ch);
      ++i;
      continue;
    }
    if (!decode_error(c, "ordinal not in range(128)", i, i + 1, b, &i)) return Value();
  }
  return b.finish();
}

}  // namespace krait::codecs
