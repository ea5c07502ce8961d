// The AST optimizer: CPython 3.11's constant folding, run between parsing and the symbol table.
//
// It rewrites the tree in place, as CPython's does:
//   - unary and binary operators on constants are computed (with CPython's size limits; an
//     operation that raises, such as 1/0, is left as written);
//   - `not (a is b)` / `not (a in b)` become `a is not b` / `a not in b`;
//   - tuple displays of constants become constant tuples; the last `in` / `not in` operand and
//     the iterable of `for` loops and comprehensions turn lists into tuples and constant sets
//     into frozensets;
//   - subscripts of constants by constants ("abc"[1]) are computed;
//   - `__debug__` becomes True or False;
//   - `'%s %r %a' % (x, y, z)` becomes an f-string (JoinedStr of FormattedValue);
//   - a body whose first statement became a string constant is protected from becoming a
//     docstring (wrapped in a JoinedStr, as CPython does).
// Computed values become Constant nodes of kind Folded pointing into `FoldedConstants`.
#pragma once

#include <string>
#include <vector>

#include "bytecode/constant.h"
#include "parse/ast_nodes.h"

namespace krait::compile {

// Owns the values the optimizer computed. The tree's Folded constants point into it, so it
// must live as long as the tree is used (the compilation).
class FoldedConstants {
 public:
  const bytecode::Constant* keep(bytecode::ConstRef value) {
    values_.push_back(std::move(value));
    return values_.back().get();
  }

 private:
  std::vector<bytecode::ConstRef> values_;
};

struct AstOptimizeOptions {
  int optimize = 0;                  // -O level: `__debug__` is True only at level 0
  bool future_annotations = false;   // `from __future__ import annotations` (or the compile
                                     // flag): annotations are not folded
};

// Folds `module` in place. Returns false when the tree nests deeper than CPython's optimizer
// allows; `error` is then the RecursionError message CPython 3.11 raises
// ("maximum recursion depth exceeded during compilation").
bool optimize_ast(ast::mod* module, ast::Arena& arena, FoldedConstants& keep,
                  const AstOptimizeOptions& options, std::string& error);

}  // namespace krait::compile
