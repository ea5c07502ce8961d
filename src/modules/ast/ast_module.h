// The `_ast` module and what compile() needs of it: ast.parse's node objects from a parsed
// tree, and a checked krait AST from node objects (compile(tree, ...)).
#pragma once

#include <vector>

#include "bytecode/constant.h"
#include "parse/ast_nodes.h"
#include "parse/parser.h"
#include "runtime/object.h"

namespace krait::modules {

using runtime::Value;

// ast.AST (ast_type.cpp).
extern runtime::TypeObject ast_type;

// True if `v` is an instance of ast.AST (compile() takes such an object as its source).
bool is_ast_object(Value v);

// The node objects of a parsed tree, as ast.parse returns them. New reference, or null +
// error (RecursionError for a tree nested deeper than CPython converts).
Value ast_to_python(const ast::mod* module);

// The krait AST of node objects for compile() in `mode`, after CPython's checks (the
// conversion's TypeErrors and ValueErrors, then the validator's). Constants that need it are
// kept alive by `constants`. Null + error on failure.
ast::mod* ast_from_python(Value tree, ParseMode mode, ast::Arena& arena,
                          std::vector<bytecode::ConstRef>& constants);

}  // namespace krait::modules
