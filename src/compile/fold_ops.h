// Python 3.11's operators on constants, for the AST optimizer.
//
// Each function returns the value Python computes, or nullptr where Python would raise
// (TypeError, ZeroDivisionError, OverflowError, ...) or where CPython's optimizer declines to
// fold (results that could be too large: see MAX_* in fold_ops.cpp). A nullptr means "leave the
// expression as written".
#pragma once

#include <vector>

#include "bytecode/constant.h"
#include "parse/ast_nodes.h"

namespace krait::compile {

bytecode::ConstRef fold_unary(ast::unaryop op, const bytecode::Constant& operand);
bytecode::ConstRef fold_binary(ast::operator_ op, const bytecode::Constant& left,
                               const bytecode::Constant& right);
// container[index] for a constant container and index (no slices: they are not constants).
bytecode::ConstRef fold_subscript(const bytecode::Constant& container, const bytecode::Constant& index);
// frozenset(items): later items equal to an earlier one (1, 1.0, True) are dropped.
bytecode::ConstRef make_frozenset(const std::vector<bytecode::ConstRef>& items);

// bool(value) / value == other, as Python computes them for constants.
bool constant_truth(const bytecode::Constant& value);
bool constants_equal(const bytecode::Constant& a, const bytecode::Constant& b);

// int -> float as Python converts (correctly rounded, ties to even); false if too large.
bool int_to_double(const mpz_class& value, double& out);

}  // namespace krait::compile
