// The byte level of marshal (marshal_io.h): one writer of ints, floats, strs and headers and one
// set of field decoders for the compiler's marshal and the runtime's.
#include "bytecode/marshal_io.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

#include "bytecode/marshal_codes.h"

namespace krait::bytecode {

namespace mc = marshal_code;

bool marshal_all_name_chars(std::string_view s) {
  for (unsigned char ch : s) {
    if (!(std::isalnum(ch) && ch < 0x80) && ch != '_') return false;
  }
  return true;
}

bool marshal_is_ascii(std::string_view s) {
  size_t i = 0, n = s.size();
  for (; i + 8 <= n; i += 8) {  // eight bytes at a time: any top bit set
    uint64_t word;
    std::memcpy(&word, s.data() + i, sizeof word);
    if (word & 0x8080808080808080ull) return false;
  }
  for (; i < n; ++i) {
    if (static_cast<unsigned char>(s[i]) >= 0x80) return false;
  }
  return true;
}

// --- writing --------------------------------------------------------------------------------

void MarshalWriter::w_ref(int index) {
  out_ += mc::Ref;
  w_long(index);
}

void MarshalWriter::w_long(int64_t v) {
  uint32_t u = static_cast<uint32_t>(v);
  for (int i = 0; i < 4; ++i) w_byte((u >> (8 * i)) & 0xFF);
}

void MarshalWriter::w_sized(std::string_view s) {
  w_long(static_cast<int64_t>(s.size()));
  w_raw(s);
}

void MarshalWriter::w_double(double d) {
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  for (int i = 0; i < 8; ++i) w_byte((bits >> (8 * i)) & 0xFF);
}

void MarshalWriter::w_float_text(double d) {
  char buf[64];
  if (std::isnan(d)) {
    std::snprintf(buf, sizeof buf, "nan");
  } else if (std::isinf(d)) {
    std::snprintf(buf, sizeof buf, d < 0 ? "-inf" : "inf");
  } else {
    std::snprintf(buf, sizeof buf, "%.17g", d);
  }
  size_t n = std::strlen(buf);
  w_byte(static_cast<int>(n));
  w_raw(std::string_view(buf, n));
}

void MarshalWriter::w_int(int64_t v, int flag) {
  if (v >= INT32_MIN && v <= INT32_MAX) {
    w_type(mc::Int, flag);
    w_long(v);
    return;
  }
  w_int(mpz_class(static_cast<long>(v)), flag);
}

void MarshalWriter::w_int(const mpz_class& v, int flag) {
  if (v.fits_sint_p() && v >= INT32_MIN && v <= INT32_MAX) {
    w_type(mc::Int, flag);
    w_long(v.get_si());
    return;
  }
  // Base 2**15 digits, least significant first; the count carries the sign.
  mpz_class magnitude = abs(v);
  size_t count = 0;
  std::vector<uint16_t> digits((mpz_sizeinbase(magnitude.get_mpz_t(), 2) + 14) / 15 + 1);
  // 2-byte words of which the top bit is a "nail": 15-bit digits.
  mpz_export(digits.data(), &count, -1, sizeof(uint16_t), 0, 1, magnitude.get_mpz_t());
  w_type(mc::Long, flag);
  w_long(v < 0 ? -static_cast<int64_t>(count) : static_cast<int64_t>(count));
  for (size_t i = 0; i < count; ++i) {
    w_byte(digits[i] & 0xFF);
    w_byte(digits[i] >> 8);
  }
}

void MarshalWriter::w_float(double d, int flag) {
  if (version_ > 1) {
    w_type(mc::BinaryFloat, flag);
    w_double(d);
  } else {
    w_type(mc::Float, flag);
    w_float_text(d);
  }
}

void MarshalWriter::w_complex(double re, double im, int flag) {
  if (version_ > 1) {
    w_type(mc::BinaryComplex, flag);
    w_double(re);
    w_double(im);
  } else {
    w_type(mc::Complex, flag);
    w_float_text(re);
    w_float_text(im);
  }
}

void MarshalWriter::w_bytes(std::string_view raw, int flag) {
  w_type(mc::String, flag);
  w_sized(raw);
}

void MarshalWriter::w_str(std::string_view utf8, bool ascii, bool interned, int flag) {
  if (version_ >= 4 && ascii) {
    if (utf8.size() < 256) {
      w_type(interned ? mc::ShortAsciiInterned : mc::ShortAscii, flag);
      w_byte(static_cast<int>(utf8.size()));
      w_raw(utf8);
    } else {
      w_type(interned ? mc::AsciiInterned : mc::Ascii, flag);
      w_sized(utf8);
    }
    return;
  }
  w_type(version_ >= 3 && interned ? mc::Interned : mc::Unicode, flag);
  w_sized(utf8);
}

void MarshalWriter::w_tuple_header(size_t n, int flag) {
  if (version_ >= 4 && n < 256) {
    w_type(mc::SmallTuple, flag);
    w_byte(static_cast<int>(n));
  } else {
    w_type(mc::Tuple, flag);
    w_long(static_cast<int64_t>(n));
  }
}

// --- reading --------------------------------------------------------------------------------

double marshal_decode_double(const char* p) {
  uint64_t bits = static_cast<uint64_t>(marshal_decode_int64(p));
  double out;
  std::memcpy(&out, &bits, sizeof out);
  return out;
}

bool marshal_parse_float_text(std::string_view view, double& out, MarshalError& error) {
  // CPython parses the text as a C string: it ends at the first NUL.
  std::string text(view.substr(0, view.find('\0')));
  bool ok = !text.empty() && !std::isspace(static_cast<unsigned char>(text[0]));
  for (char c : text) {
    if (c == 'x' || c == 'X' || c == '(' || c == 'p' || c == 'P' ||
        std::isspace(static_cast<unsigned char>(c))) {
      ok = false;
    }
  }
  if (ok) {
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    ok = end == text.c_str() + text.size();
  }
  if (!ok) error = {MarshalError::Type::ValueError, "could not convert string to float: '" + text + "'"};
  return ok;
}

bool MarshalDigits::add(const char* two_bytes, bool last, MarshalError& error) {
  int digit = static_cast<int16_t>(static_cast<unsigned char>(two_bytes[0]) |
                                   (static_cast<unsigned char>(two_bytes[1]) << 8));
  if (digit < 0) {
    error = {MarshalError::Type::ValueError, "bad marshal data (digit out of range in long)"};
    return false;
  }
  if (last && digit == 0) {
    error = {MarshalError::Type::ValueError, "bad marshal data (unnormalized long data)"};
    return false;
  }
  digits_.push_back(static_cast<uint16_t>(digit));
  return true;
}

mpz_class MarshalDigits::value(bool negative) const {
  mpz_class out;
  // 2-byte words whose top bit is a "nail": 15-bit digits, least significant first.
  if (!digits_.empty()) mpz_import(out.get_mpz_t(), digits_.size(), -1, sizeof(uint16_t), 0, 1, digits_.data());
  return negative ? mpz_class(-out) : out;
}

bool marshal_find_bad_utf8(std::string_view s, MarshalUtf8Error& out) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    if (c < 0x80) { ++i; continue; }
    int len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? (c <= 0xEF ? 3 : 0) : c >= 0xC2 ? 2 : 0;
    if (len == 0) {
      out = {i, i + 1, "invalid start byte"};
      return true;
    }
    // The valid part of the sequence: the start byte and the continuation bytes that fit it.
    size_t good = 1;
    while (good < static_cast<size_t>(len) && i + good < s.size()) {
      unsigned char b = s[i + good];
      bool ok = (b & 0xC0) == 0x80;
      if (ok && good == 1 && c == 0xE0) ok = b >= 0xA0;
      if (ok && good == 1 && c == 0xF0) ok = b >= 0x90;
      if (ok && good == 1 && c == 0xF4) ok = b < 0x90;
      if (!ok) break;
      ++good;
    }
    if (good == static_cast<size_t>(len)) {
      i += len;
      continue;
    }
    if (i + good == s.size()) {
      out = {i, s.size(), "unexpected end of data"};
    } else {
      out = {i, i + good, "invalid continuation byte"};
    }
    return true;
  }
  return false;
}

bool marshal_check_utf8(std::string_view s, MarshalError& error) {
  MarshalUtf8Error bad;
  if (!marshal_find_bad_utf8(s, bad)) return true;
  char buf[160];
  if (bad.end - bad.start == 1) {
    std::snprintf(buf, sizeof buf, "'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                  static_cast<unsigned char>(s[bad.start]), bad.start, bad.reason);
  } else {
    std::snprintf(buf, sizeof buf, "'utf-8' codec can't decode bytes in position %zu-%zu: %s", bad.start,
                  bad.end - 1, bad.reason);
  }
  error = {MarshalError::Type::UnicodeDecodeError, buf};
  return false;
}

std::string marshal_latin1_to_utf8(std::string_view s) {
  if (marshal_is_ascii(s)) return std::string(s);  // nearly always: names, docstrings
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// CPython's code constructor checks, its SystemErrors as ValueErrors naming the field.
std::shared_ptr<CodeData> marshal_code_from_fields(const MarshalCodeFields& f, MarshalError& error) {
  auto bad = [&](const char* what) {
    error = {MarshalError::Type::ValueError, std::string("bad marshal data (") + what + ")"};
    return nullptr;
  };
  using K = Constant::Kind;
  auto is = [](const ConstRef& c, K kind) { return c->kind == kind; };
  if (f.argcount < f.posonlyargcount || f.posonlyargcount < 0 || f.kwonlyargcount < 0 || f.stacksize < 0 || f.flags < 0) {
    return bad("code object: invalid argument counts, stack size or flags");
  }
  if (!is(f.code, K::Bytes)) return bad("code object: co_code is not bytes");
  if (!is(f.consts, K::Tuple)) return bad("code object: co_consts is not a tuple");
  if (!is(f.names, K::Tuple)) return bad("code object: co_names is not a tuple");
  if (!is(f.localsplusnames, K::Tuple)) return bad("code object: co_localsplusnames is not a tuple");
  if (!is(f.localspluskinds, K::Bytes)) return bad("code object: co_localspluskinds is not bytes");
  if (f.localsplusnames->items.size() != f.localspluskinds->text.size()) {
    return bad("code object: co_localsplusnames and co_localspluskinds differ in length");
  }
  if (!is(f.filename, K::Str)) return bad("code object: co_filename is not a str");
  if (!is(f.name, K::Str)) return bad("code object: co_name is not a str");
  if (!is(f.qualname, K::Str)) return bad("code object: co_qualname is not a str");
  if (!is(f.linetable, K::Bytes)) return bad("code object: co_linetable is not bytes");
  if (!is(f.exceptiontable, K::Bytes)) return bad("code object: co_exceptiontable is not bytes");
  if (f.code->text.size() % 2 != 0) {
    error = {MarshalError::Type::ValueError, "code: co_code is malformed"};
    return nullptr;
  }

  auto data = std::make_shared<CodeData>();
  data->argcount = static_cast<int>(f.argcount);
  data->posonlyargcount = static_cast<int>(f.posonlyargcount);
  data->kwonlyargcount = static_cast<int>(f.kwonlyargcount);
  data->stacksize = static_cast<int>(f.stacksize);
  data->flags = static_cast<int>(f.flags);
  data->firstlineno = static_cast<int>(f.firstlineno);
  data->code.assign(f.code->text.begin(), f.code->text.end());
  data->consts = f.consts->items;
  for (const auto& item : f.names->items) {
    if (!is(item, K::Str)) return bad("non-string found in code slot");
    data->names.push_back(item->text);
  }
  for (const auto& item : f.localsplusnames->items) {
    if (!is(item, K::Str)) return bad("non-string found in code slot");
    data->localsplusnames.push_back(item->text);
  }
  data->localspluskinds.assign(f.localspluskinds->text.begin(), f.localspluskinds->text.end());
  int extra = (f.flags & CodeFlag::VarArgs ? 1 : 0) + (f.flags & CodeFlag::VarKeywords ? 1 : 0);
  if (data->nlocals() - f.argcount - f.kwonlyargcount - extra < 0) {
    error = {MarshalError::Type::ValueError, "code: co_varnames is too small"};
    return nullptr;
  }
  data->filename = f.filename->text;
  data->name = f.name->text;
  data->qualname = f.qualname->text;
  data->linetable.assign(f.linetable->text.begin(), f.linetable->text.end());
  data->exceptiontable.assign(f.exceptiontable->text.begin(), f.exceptiontable->text.end());
  return data;
}

}  // namespace krait::bytecode
