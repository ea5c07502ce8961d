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

}  // namespace krait::ast
