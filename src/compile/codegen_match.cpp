// match statements (PEP 634): subject, patterns, guards.
#include "compile/codegen.h"

namespace krait::compile {

void Codegen::match_stmt(ast::Match* s) { error("not implemented: match statement"); }

}  // namespace krait::compile
