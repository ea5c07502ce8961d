// compile()'s checks of a tree made from node objects (CPython's PyAST_Validate).
#pragma once

#include "parse/ast_nodes.h"

namespace krait::modules {

// True if the tree is one the compiler may be given; false + ValueError/TypeError (CPython's
// message) otherwise.
bool validate_ast(const ast::mod* module);

}  // namespace krait::modules
