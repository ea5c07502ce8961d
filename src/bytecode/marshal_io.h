// The byte level of CPython 3.11's marshal format, shared by the writer and reader of the
// compiler's values (marshal_dump.cpp, marshal_load.cpp) and the runtime's marshal module
// (src/modules/marshal/): how ints, floats, strs, bytes and container headers are written, and
// how the fixed-size fields are decoded and checked.
#pragma once

#include <gmpxx.h>

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bytecode/marshal.h"

namespace krait::bytecode {

// ASCII letters, digits and '_' only (the empty str included): the strs CPython's code
// objects intern.
bool marshal_all_name_chars(std::string_view s);
bool marshal_is_ascii(std::string_view s);

// An output stream and its back-reference table. CPython numbers every object it flags
// (FLAG_REF) in the order it writes them; `refs` maps an identity key to that number. The keys
// are the compiler writer's (marshal_dump.cpp): "I<text>" an interned str, "S..." an object
// CPython keeps as a singleton (small ints, (), b'', 1-byte bytes, 1-character latin-1 strs),
// ...; the runtime module adds its own for heap objects, so one table serves a stream that
// mixes runtime values and code objects.
class MarshalWriter {
 public:
  explicit MarshalWriter(int version) : version_(version) {}

  int version() const { return version_; }
  std::string& bytes() { return out_; }
  std::string take() { return std::move(out_); }

  // The index of an object already written with FLAG_REF, or -1.
  int find_ref(const std::string& key) const {
    auto it = refs_.find(key);
    return it == refs_.end() ? -1 : it->second;
  }
  // Numbers a flagged object; returns FLAG_REF for its type byte.
  int add_ref(std::string key) {
    refs_.emplace(std::move(key), ref_count());
    return 0x80;
  }
  // The same for objects only the runtime holds, by a numeric identity (an object's address,
  // an immediate's bits): faster than text keys for large dumps.
  int find_ref(uint64_t id) const {
    auto it = ids_.find(id);
    return it == ids_.end() ? -1 : it->second;
  }
  int add_ref(uint64_t id) {
    ids_.emplace(id, ref_count());
    return 0x80;
  }
  // 'r' + index.
  void w_ref(int index);

  void w_byte(int b) { out_ += static_cast<char>(b); }
  void w_type(char code, int flag) { w_byte(static_cast<unsigned char>(code) | flag); }
  void w_long(int64_t v);  // 4 bytes, little-endian (the low 32 bits)
  void w_raw(std::string_view s) { out_.append(s.data(), s.size()); }
  void w_sized(std::string_view s);  // w_long(size) + bytes
  void w_double(double d);           // 8 bytes, little-endian IEEE 754

  // Whole objects after their FLAG_REF decision (`flag` is 0 or 0x80).
  void w_int(int64_t v, int flag);
  void w_int(const mpz_class& v, int flag);
  void w_float(double d, int flag);              // text below version 2
  void w_complex(double re, double im, int flag);
  void w_bytes(std::string_view raw, int flag);
  // `utf8` is krait's generalized UTF-8 (lone surrogates as 3-byte sequences, which is what
  // CPython's "surrogatepass" writes).
  void w_str(std::string_view utf8, bool ascii, bool interned, int flag);
  void w_tuple_header(size_t n, int flag);       // small tuple from version 4

 private:
  void w_float_text(double d);  // versions 0-1: 17 significant digits, a length byte in front

  int ref_count() const { return static_cast<int>(refs_.size() + ids_.size()); }

  int version_;
  std::string out_;
  std::unordered_map<std::string, int> refs_;
  std::unordered_map<uint64_t, int> ids_;
};

// --- reading --------------------------------------------------------------------------------
inline constexpr int64_t kMarshalSize32Max = 0x7FFFFFFF;

// 4 and 8 little-endian bytes (inline, one load on little-endian hosts: the readers decode
// several per code object).
inline int32_t marshal_decode_long(const char* p) {
  uint32_t u;
  std::memcpy(&u, p, sizeof u);
  if constexpr (std::endian::native == std::endian::big) u = __builtin_bswap32(u);
  return static_cast<int32_t>(u);
}
inline int64_t marshal_decode_int64(const char* p) {
  uint64_t u;
  std::memcpy(&u, p, sizeof u);
  if constexpr (std::endian::native == std::endian::big) u = __builtin_bswap64(u);
  return static_cast<int64_t>(u);
}
double marshal_decode_double(const char* p);

// The text of a version 0-1 float (CPython's float() syntax without spaces or hex); false with
// CPython's ValueError in `error` when it is not one.
bool marshal_parse_float_text(std::string_view text, double& out, MarshalError& error);

// A TYPE_LONG's magnitude, its base 2**15 digits (2 bytes each) added least significant first
// as they are read, each checked as CPython checks it.
class MarshalDigits {
 public:
  // False with CPython's ValueError when the digit is out of range, or is the top one and zero.
  bool add(const char* two_bytes, bool last, MarshalError& error);
  mpz_class value(bool negative) const;

 private:
  std::vector<uint16_t> digits_;
};

// The first sequence CPython's "surrogatepass" UTF-8 decoder rejects (UnicodeDecodeError's
// start, end and reason); false when the text is valid.
struct MarshalUtf8Error {
  size_t start = 0, end = 0;
  const char* reason = "";
};
bool marshal_find_bad_utf8(std::string_view s, MarshalUtf8Error& out);
// The same check, false with CPython's UnicodeDecodeError message in `error`.
bool marshal_check_utf8(std::string_view s, MarshalError& error);
std::string marshal_latin1_to_utf8(std::string_view s);

// The fields of a code object as marshal reads them, before CPython's code constructor checks.
struct MarshalCodeFields {
  int64_t argcount = 0, posonlyargcount = 0, kwonlyargcount = 0, stacksize = 0, flags = 0, firstlineno = 0;
  ConstRef code, consts, names, localsplusnames, localspluskinds, filename, name, qualname, linetable,
      exceptiontable;
};
// The CodeData, or nullptr with the ValueError CPython reports for inconsistent fields.
std::shared_ptr<CodeData> marshal_code_from_fields(const MarshalCodeFields& f, MarshalError& error);

// Writes a code object into `out`, sharing its back-reference table (the runtime marshal
// module's writer, for a code object inside its values). `flag` is the FLAG_REF decision the
// caller took for the code object itself; `depth` its nesting depth. False on an error
// (nesting deeper than CPython allows) with `error` set.
bool marshal_dump_code_into(MarshalWriter& out, const CodeData& code, int flag, int depth, MarshalError& error);

}  // namespace krait::bytecode
