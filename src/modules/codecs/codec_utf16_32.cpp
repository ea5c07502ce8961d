// UTF-16 and UTF-32 with either byte order, with or without a BOM. The native order (what a BOM
// announces when encoding with byteorder 0, and what decoding assumes without one) is little
// endian, as on the machines krait runs on.
#include <cstring>

#include "modules/codecs/codecs_internal.h"
#include "runtime/bytes.h"
#include "runtime/errors.h"
#include "runtime/str.h"

namespace krait::codecs {

using namespace runtime;

namespace {

inline bool is_surrogate(char32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

void put_unit(std::string& out, uint32_t unit, int width, bool big) {
  for (int k = 0; k < width; ++k) {
    int shift = big ? 8 * (width - 1 - k) : 8 * k;
    out += char((unit >> shift) & 0xFF);
  }
}

uint32_t get_unit(std::string_view data, size_t i, int width, bool big) {
  uint32_t u = 0;
  for (int k = 0; k < width; ++k) {
    uint32_t b = static_cast<unsigned char>(data[i + k]);
    u |= big ? b << (8 * (width - 1 - k)) : b << (8 * k);
  }
  return u;
}

// Encodes one code point (not a surrogate) in UTF-16 or UTF-32.
void put_char(std::string& out, char32_t c, int width, bool big) {
  if (width == 2 && c > 0xFFFF) {
    put_unit(out, 0xD800 + ((c - 0x10000) >> 10), 2, big);
    put_unit(out, 0xDC00 + ((c - 0x10000) & 0x3FF), 2, big);
    return;
  }
  put_unit(out, c, width, big);
}

// Without surrogates nothing can fail: the output is sized once and written in place.
Value encode_utf_clean(Value str, int byteorder, int width, size_t n) {
  bool big = byteorder > 0;
  size_t units = n;
  if (width == 2)
    for (size_t i = 0; i < n; ++i) units += str_char(str, i) > 0xFFFF;
  size_t size = (units + (byteorder == 0)) * size_t(width);
  Value bytes = bytes_new(size);
  if (!bytes) return Value();
  unsigned char* p = reinterpret_cast<unsigned char*>(bytes_mutable_data(bytes));
  auto put = [&](uint32_t u) {
    for (int k = 0; k < width; ++k) *p++ = (unsigned char)(u >> (big ? 8 * (width - 1 - k) : 8 * k));
  };
  if (byteorder == 0) put(0xFEFF);
  if (width == 2 && !big && str_kind(str) == 2) {  // the storage is already UTF-16-LE
    std::memcpy(p, str_data(str), n * 2);
    return bytes;
  }
  if (width == 4 && !big && str_kind(str) == 4) {
    std::memcpy(p, str_data(str), n * 4);
    return bytes;
  }
  for (size_t i = 0; i < n; ++i) {
    char32_t c = str_char(str, i);
    if (width == 2 && c > 0xFFFF) {
      put(0xD800 + ((c - 0x10000) >> 10));
      put(0xDC00 + ((c - 0x10000) & 0x3FF));
    } else {
      put(c);
    }
  }
  return bytes;
}

Value encode_utf(Value str, std::string_view errors, int byteorder, int width) {
  size_t n0 = str_length(str);
  bool clean = str_kind(str) == 1;
  if (!clean) {
    clean = true;
    for (size_t i = 0; i < n0 && clean; ++i) clean = !is_surrogate(str_char(str, i));
  }
  if (clean) return encode_utf_clean(str, byteorder, width, n0);
  bool big = byteorder > 0;
  const char* name = width == 2 ? (byteorder == 0 ? "utf-16" : big ? "utf-16-be" : "utf-16-le")
                                : (byteorder == 0 ? "utf-32" : big ? "utf-32-be" : "utf-32-le");
  size_t n = str_length(str);
  std::string out;
  out.reserve((n + 1) * size_t(width));
  if (byteorder == 0) put_unit(out, 0xFEFF, width, false);
  EncodeContext c(name, str, errors);
  const char* reason = "surrogates not allowed";
  // Replacement text must be ASCII; replacement bytes a whole number of units.
  auto encode_char = [width, big](char32_t ch, std::string& o) {
    if (ch >= 0x80) return false;
    put_unit(o, ch, width, big);
    return true;
  };
  size_t i = 0;
  while (i < n) {
    char32_t ch = str_char(str, i);
    if (!is_surrogate(ch)) {
      put_char(out, ch, width, big);
      ++i;
      continue;
    }
    EncodeReplacement r;
    if (!encode_error(c, reason, i, i + 1, &r)) return Value();
    if (r.is_bytes && r.bytes.size() % size_t(width) != 0) {
      raise_encode_error(name, str, i, i + 1, reason);
      return Value();
    }
    if (!append_replacement(c, r, reason, i, i + 1, out, encode_char)) return Value();
    i = r.newpos;
  }
  return bytes_from(out);
}

// The byte order a BOM at the start announces (0: none), and its length in *skip.
int detect_bom(std::string_view data, int width, size_t* skip) {
  if (data.size() < size_t(width)) return 0;
  uint32_t le = get_unit(data, 0, width, false);
  if (le == 0xFEFF) {
    *skip = size_t(width);
    return -1;
  }
  if (get_unit(data, 0, width, true) == 0xFEFF) {
    *skip = size_t(width);
    return 1;
  }
  return 0;
}

}  // namespace

Value utf16_encode(Value str, std::string_view errors, int byteorder) { return encode_utf(str, errors, byteorder, 2); }
Value utf32_encode(Value str, std::string_view errors, int byteorder) { return encode_utf(str, errors, byteorder, 4); }

// Whole units with no surrogates among them: decoded in two passes straight into the str;
// null without an error otherwise.
Value decode_clean(std::string_view d, int width, bool big) {
  size_t n = d.size() / size_t(width);
  char32_t maxchar = 0;
  if (width == 2 && !big) {  // the common case, read as 16-bit words
    for (size_t k = 0; k < n; ++k) {
      uint16_t u;
      std::memcpy(&u, d.data() + 2 * k, 2);
      if (is_surrogate(u)) return Value();
      if (u > maxchar) maxchar = u;
    }
  } else {
    for (size_t k = 0; k < n; ++k) {
      uint32_t u = get_unit(d, k * size_t(width), width, big);
      if (is_surrogate(u) || u > 0x10FFFF) return Value();
      if (u > maxchar) maxchar = u;
    }
  }
  Value v = str_new(n, maxchar);
  if (!v) return Value();
  if (!big && size_t(str_kind(v)) == size_t(width)) {  // little-endian units are the storage
    std::memcpy(as_str(v)->data, d.data(), n * size_t(width));
    return v;
  }
  for (size_t k = 0; k < n; ++k) str_write(v, k, get_unit(d, k * size_t(width), width, big));
  return v;
}

Value utf16_decode(std::string_view data, std::string_view errors, int* byteorder, bool final, size_t* consumed) {
  size_t i = 0;
  int bo = *byteorder;
  if (bo == 0) bo = detect_bom(data, 2, &i);
  *byteorder = bo;
  bool big = bo > 0;
  if ((data.size() - i) % 2 == 0) {
    if (Value v = decode_clean(data.substr(i), 2, big)) {
      if (consumed) *consumed = data.size();
      return v;
    }
    if (error_occurred()) return Value();
  }
  DecodeContext c(big ? "utf-16-be" : "utf-16-le", data, errors);
  StrBuilder b;
  b.reserve(data.size() / 2);
  while (i < c.data.size()) {
    std::string_view d = c.data;
    size_t left = d.size() - i;
    if (left < 2) {
      if (!final) break;
      if (!decode_error(c, "truncated data", i, d.size(), b, &i)) return Value();
      continue;
    }
    uint32_t u = get_unit(d, i, 2, big);
    if (u < 0xD800 || u > 0xDFFF) {
      b.push(u);
      i += 2;
      continue;
    }
    if (u >= 0xDC00) {
      if (!decode_error(c, "illegal encoding", i, i + 2, b, &i)) return Value();
      continue;
    }
    if (left < 4) {
      if (!final) break;
      if (!decode_error(c, "unexpected end of data", i, d.size(), b, &i)) return Value();
      continue;
    }
    uint32_t u2 = get_unit(d, i + 2, 2, big);
    if (u2 < 0xDC00 || u2 > 0xDFFF) {
      if (!decode_error(c, "illegal UTF-16 surrogate", i, i + 2, b, &i)) return Value();
      continue;
    }
    b.push(0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00));
    i += 4;
  }
  if (consumed) *consumed = i;
  return b.finish();
}

Value utf32_decode(std::string_view data, std::string_view errors, int* byteorder, bool final, size_t* consumed) {
  size_t i = 0;
  int bo = *byteorder;
  if (bo == 0) bo = detect_bom(data, 4, &i);
  *byteorder = bo;
  bool big = bo > 0;
  if ((data.size() - i) % 4 == 0) {
    if (Value v = decode_clean(data.substr(i), 4, big)) {
      if (consumed) *consumed = data.size();
      return v;
    }
    if (error_occurred()) return Value();
  }
  DecodeContext c(big ? "utf-32-be" : "utf-32-le", data, errors);
  StrBuilder b;
  b.reserve(data.size() / 4);
  while (i < c.data.size()) {
    std::string_view d = c.data;
    if (d.size() - i < 4) {
      if (!final) break;
      if (!decode_error(c, "truncated data", i, d.size(), b, &i)) return Value();
      continue;
    }
    uint32_t u = get_unit(d, i, 4, big);
    const char* reason = u >= 0x110000 ? "code point not in range(0x110000)"
                         : is_surrogate(u) ? "code point in surrogate code point range(0xd800, 0xe000)"
                                           : nullptr;
    if (reason == nullptr) {
      b.push(u);
      i += 4;
      continue;
    }
    if (!decode_error(c, reason, i, i + 4, b, &i)) return Value();
  }
  if (consumed) *consumed = i;
  return b.finish();
}

}  // namespace krait::codecs
