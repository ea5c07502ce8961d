// The tokenizer: Python 3.11's lexical grammar, as CPython's C tokenizer.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "parse/syntax_error.h"
#include "parse/token.h"

namespace krait {

struct TokenizeResult {
    // Every token up to (not including) the point of the first error, or up
    // to and including EndMarker when there is none.
    std::vector<Token> tokens;
    // The first tokenizer error, raised when the parser reaches it: CPython's
    // tokenizer produces tokens on demand, so an error after a parser error
    // is only reported in some cases (see parser.cpp).
    std::optional<SyntaxErrorInfo> error;
};

// `source` is decoded, newline-normalised UTF-8 (see source.h) and must
// outlive the tokens.
TokenizeResult tokenize(std::string_view source);

}  // namespace krait
