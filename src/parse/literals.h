// Number and string literal values: what a NUMBER token or the body of a
// STRING token means, with CPython 3.11's errors for bad ones.
#pragma once

#include <string>
#include <string_view>

#include "parse/ast_base.h"

namespace krait {

// The value of a NUMBER token's text (as the tokenizer accepted it):
// Int (fits in int64), BigInt (digits kept in the arena), Float or Complex.
// Underscores are dropped; floats are correctly rounded; "1e999" is inf.
ast::ConstantValue parse_number(std::string_view text, ast::Arena& arena);

// CPython 3.11 refuses decimal int literals of more than 4300 digits (not
// counting underscores; all-zero ones are fine) with a SyntaxError at the
// token (column offset 0 in its report). Returns that message, or "" when
// the literal is fine. parse_number still returns the value.
std::string number_literal_error(std::string_view text);

struct StringDecodeResult {
    bool ok = true;
    // On failure, the SyntaxError message exactly as CPython 3.11 prints it,
    // e.g. "(unicode error) 'unicodeescape' codec can't decode bytes in
    // position 0-1: truncated \\xXX escape" or
    // "bytes can only contain ASCII literal characters".
    std::string error;
    // Offset in `body` of the first invalid escape such as "\d" (CPython
    // warns with DeprecationWarning "invalid escape sequence '\d'"), or -1.
    int first_invalid_escape = -1;
};

// Decodes the body of a string literal (the text between the quotes, not
// an f-string's replacement fields) into `out`: UTF-8 for str (lone
// surrogates as 3-byte sequences), raw bytes for bytes. `is_raw` skips
// escape processing.
StringDecodeResult decode_string_body(std::string_view body, bool is_bytes, bool is_raw, std::string& out);

// The DeprecationWarning text for the invalid escape at `offset` of `body`
// (StringDecodeResult::first_invalid_escape): "invalid escape sequence '\d'"
// or, for an octal escape above 0o377, "invalid octal escape sequence '\777'".
std::string invalid_escape_message(std::string_view body, int offset);

}  // namespace krait
