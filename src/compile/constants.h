// Turning the parser's literal values into the compiler's constants.
#pragma once

#include "bytecode/constant.h"
#include "parse/ast_base.h"

namespace krait::compile {

// The constant a Constant node stands for (a folded value is shared, not copied).
bytecode::ConstRef constant_from_ast(const ast::ConstantValue& value);

}  // namespace krait::compile
