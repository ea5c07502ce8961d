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
};

// Decodes `bytes` as CPython does for ast.parse(bytes) / compile(bytes) /
// running a file. On failure returns nullopt and fills `error` with
// CPython's SyntaxError.
std::optional<DecodedSource> decode_source(std::string_view bytes, SyntaxErrorInfo& error);

}  // namespace krait
