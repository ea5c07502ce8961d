// The compiler's entry point: a parsed module in, a code object out.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "bytecode/code_data.h"
#include "parse/ast_nodes.h"
#include "parse/parser.h"
#include "parse/syntax_error.h"

namespace krait::compile {

struct CompileOptions {
  std::string filename = "<string>";
  ParseMode mode = ParseMode::File;  // exec / eval / single
  int optimize = 0;                  // 1: no asserts, __debug__ is False; 2: also no docstrings
  int flags = 0;                     // compile()'s flags: CO_FUTURE_* features, PyCF_* bits
  // Receives the SyntaxWarnings found ({line, message}, in CPython's order); null: dropped.
  std::vector<std::pair<int, std::string>>* warnings = nullptr;
};

// AST optimization, symbol table, code generation and assembly, as CPython 3.11's compiler.
// Returns the module's code object, or nullptr with `error` set (a SyntaxError found after
// parsing: misuse of global/nonlocal, 'return' outside function, ...).
std::shared_ptr<const bytecode::CodeData> compile_module(ast::mod* module, ast::Arena& arena,
                                                         const CompileOptions& options,
                                                         SyntaxErrorInfo& error);

}  // namespace krait::compile
