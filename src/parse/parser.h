// The parser: Python 3.11's grammar, producing the AST CPython's ast.parse
// produces (same nodes, fields and positions).
#pragma once

#include <string_view>

#include "parse/ast_nodes.h"
#include "parse/syntax_error.h"

namespace krait {

// compile()'s 'exec', 'eval' and 'single' modes. ('func_type' mode, for type
// comments, is not implemented.)
enum class ParseMode { File, Eval, Single };

// Parses decoded, newline-normalised UTF-8 source (see source.h). Returns
// the module (allocated in `arena`), or nullptr with `error` filled in.
ast::mod* parse(std::string_view source, ParseMode mode, ast::Arena& arena, SyntaxErrorInfo& error);

}  // namespace krait
