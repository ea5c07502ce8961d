// Shared pieces of the `_codecs` module (src/modules/codecs/): the error-handler protocol every
// codec uses, and the codec functions as C++ sees them (the module's functions wrap them).
//
// Decoders take bytes as a string_view and return a new str; encoders take a str and return new
// bytes. Both return null + error on failure, as the rest of the runtime does.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "runtime/object.h"
#include "runtime/str_builder.h"

namespace krait::codecs {

using runtime::Ref;
using runtime::StrBuilder;
using runtime::Value;

// --- error handlers (codec_errors.cpp) ---------------------------------------------------------

// The handlers CPython's codecs recognize by name and run without a call; Other is looked up in
// the registry (codecs.register_error) and called with a UnicodeError instance.
enum class ErrorMode { Strict, Ignore, Replace, SurrogateEscape, SurrogatePass, BackslashReplace, XmlCharRefReplace, NameReplace, Other };
ErrorMode error_mode(std::string_view errors);

// A decoder's state for its errors: the input (a handler may replace it through exc.object, so
// decoders re-read `data` after each error) and the handler.
struct DecodeContext {
  DecodeContext(const char* encoding, std::string_view data, std::string_view errors)
      : encoding(encoding), data(data), errors(errors), mode(error_mode(errors)) {}
  const char* encoding;  // as the exception names it, e.g. "utf-16-le"
  std::string_view data;
  std::string_view errors;
  ErrorMode mode;
  Ref handler;   // the registered handler (ErrorMode::Other), looked up at the first error
  Ref input;     // data as a bytes object, made at the first error
};

// The bytes data[start, end) cannot be decoded (reason as CPython words it): runs the handler,
// appends its replacement to `out` and sets *pos where decoding resumes. False + error.
bool decode_error(DecodeContext& c, const char* reason, size_t start, size_t end, StrBuilder& out, size_t* pos);

// An encoder's state for its errors.
struct EncodeContext {
  EncodeContext(const char* encoding, Value str, std::string_view errors)
      : encoding(encoding), str(str), errors(errors), mode(error_mode(errors)) {}
  const char* encoding;
  Value str;  // borrowed
  std::string_view errors;
  ErrorMode mode;
  Ref handler;
  // surrogateescape inside the ASCII, Latin-1 and UTF-8 encoders escapes what it can and reports
  // from the first refusal on; elsewhere it refuses the whole span (CPython's two code paths).
  bool partial_escape = false;
};

// What an encode error handler gives: bytes to copy as they are, or text the codec must encode
// (each character, or the whole replacement fails with the original error).
struct EncodeReplacement {
  bool is_bytes = false;
  std::string bytes;
  std::u32string text;
  size_t newpos = 0;
};

// str[start, end) cannot be encoded: the handler's replacement. False + error.
bool encode_error(EncodeContext& c, const char* reason, size_t start, size_t end, EncodeReplacement* out);

// Raises UnicodeEncodeError(encoding, str, start, end, reason) / UnicodeDecodeError(...).
Value raise_encode_error(const char* encoding, Value str, size_t start, size_t end, const char* reason);
Value raise_decode_error(const char* encoding, std::string_view data, size_t start, size_t end, const char* reason);

// Appends an encoder's replacement: bytes as they are, text through `encode_char` (false when
// a character cannot be encoded: then the original error is raised, as CPython does).
template <typename EncodeChar>
bool append_replacement(EncodeContext& c, const EncodeReplacement& r, const char* reason, size_t start, size_t end,
                        std::string& out, EncodeChar encode_char) {
  if (r.is_bytes) {
    out += r.bytes;
    return true;
  }
  for (char32_t ch : r.text) {
    if (!encode_char(ch, out)) {
      raise_encode_error(c.encoding, c.str, start, end, reason);
      return false;
    }
  }
  return true;
}

// The error registry (codecs.register_error / lookup_error). New reference or null + LookupError.
Value lookup_error_handler(std::string_view name);
int register_error_handler(Value name, Value handler);

// --- the codecs -----------------------------------------------------------------------------------

// codec_simple.cpp: UTF-8, ASCII, Latin-1 (str.encode / bytes.decode run these without a lookup).
Value utf8_encode(Value str, std::string_view errors);
Value utf8_decode(std::string_view data, std::string_view errors, bool final, size_t* consumed);
Value ascii_encode(Value str, std::string_view errors);
Value ascii_decode(std::string_view data, std::string_view errors);
Value latin1_encode(Value str, std::string_view errors);
Value latin1_decode(std::string_view data, std::string_view errors);

// codec_utf16_32.cpp. byteorder: 0 = native with a BOM (encoding) / detect a BOM (decoding,
// updated to what was found), -1 little endian, 1 big endian.
Value utf16_encode(Value str, std::string_view errors, int byteorder);
Value utf16_decode(std::string_view data, std::string_view errors, int* byteorder, bool final, size_t* consumed);
Value utf32_encode(Value str, std::string_view errors, int byteorder);
Value utf32_decode(std::string_view data, std::string_view errors, int* byteorder, bool final, size_t* consumed);

// codec_utf7.cpp.
Value utf7_encode(Value str, std::string_view errors);
Value utf7_decode(std::string_view data, std::string_view errors, bool final, size_t* consumed);

// codec_charmap.cpp. mapping: None (Latin-1), a str decoding table, an EncodingMap
// (charmap_build) or any object with __getitem__.
Value charmap_encode(Value str, std::string_view errors, Value mapping);
Value charmap_decode(std::string_view data, std::string_view errors, Value mapping);
Value charmap_build(Value table);
int init_encoding_map_type();

// codec_escape.cpp.
Value unicode_escape_encode(Value str);
Value unicode_escape_decode(std::string_view data, std::string_view errors, bool final, size_t* consumed);
Value raw_unicode_escape_encode(Value str);
Value raw_unicode_escape_decode(std::string_view data, std::string_view errors, bool final, size_t* consumed);
Value escape_encode(std::string_view data);
Value escape_decode(std::string_view data, std::string_view errors);

// codec_registry.cpp: codecs.register / unregister / lookup, and encode/decode through them.
int register_search_function(Value function);
int unregister_search_function(Value function);
Value lookup_codec(std::string_view encoding);  // the CodecInfo (new reference)
Value encode_object(Value object, std::string_view encoding, std::string_view errors);
Value decode_object(Value object, std::string_view encoding, std::string_view errors);

}  // namespace krait::codecs
