// Turning the bytes of a source file into the UTF-8 text the tokenizer reads:
// UTF-8 BOM, PEP 263 coding declarations, newline normalisation.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "parse/syntax_error.h"

namespace krait {

struct DecodedSource {
    // UTF-8 text with "\r\n" and "\r" turned into "\n" and a final "\n"
    // added when missing, as CPython does for source given as a string/bytes.
    std::string text;
    std::string encoding;  // the declared (or default "utf-8") encoding name
    bool declared = false;  // a coding declaration or a UTF-8 BOM was present
    bool bom = false;       // the bytes began with a UTF-8 BOM
};

// Decodes `bytes` as CPython does. With an empty `filename` it behaves as
// ast.parse(bytes) / compile(bytes): invalid UTF-8 passes through to the
// tokenizer (string literals report it), an unknown declared encoding is
// "unknown encoding: NAME", a decoding failure is the codec's message.
// With the file's name it behaves as running that file: undeclared
// non-UTF-8 bytes give "Non-UTF-8 code starting with '\xNN' in file NAME on
// line N, ...", unknown encodings and decoding failures "encoding problem:
// NAME". Decoding errors have lineno 0, col_offset -2 (CPython's offset
// -1), no end and no text. On failure returns nullopt and fills `error`.
//
// `ignore_cookie`: the source is text already (as `-c CODE` or compile() of a
// str): coding declarations and a BOM mean nothing.
std::optional<DecodedSource> decode_source(std::string_view bytes, SyntaxErrorInfo& error,
                                           std::string_view filename = {}, bool ignore_cookie = false);

}  // namespace krait
