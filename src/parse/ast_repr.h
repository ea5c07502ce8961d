// Python's repr() of the values an AST holds, as ast.dump prints them.
#pragma once

#include <string>
#include <string_view>

#include "parse/ast_base.h"

namespace krait::ast {

// repr(str) of a UTF-8 string (lone surrogates encoded as 3-byte sequences).
void append_str_repr(std::string& out, std::string_view utf8);
// repr() of a constant: None, True, Ellipsis, ints of any size, floats,
// complex, str, bytes.
void append_constant_repr(std::string& out, const ConstantValue& value);
// repr(bytes) of raw bytes.
void append_bytes_repr(std::string& out, std::string_view bytes);
// The number of decimal digits of an Int or BigInt constant (0 for other
// kinds). CPython 3.11 refuses to convert an int of more than 4300 digits to
// decimal, so ast.dump of such a constant (from a huge hex literal, say)
// raises ValueError: "Exceeds the limit (4300 digits) for integer string
// conversion; use sys.set_int_max_str_digits() to increase the limit".
size_t int_decimal_digits(const ConstantValue& value);
constexpr size_t kMaxStrDigits = 4300;

}  // namespace krait::ast
