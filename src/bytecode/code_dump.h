// A canonical text dump of a code object and the code objects in its constants, printed
// identically by tests/dump_code.py from CPython 3.11's compile(): the compiler's parity check.
//
// Layout: for each code object (the module first, then each nested code object after its
// parent, depth first in co_consts order) a header `# code N QUALNAME`, then one `field: value`
// line per field. Constants are one line each, `co_consts[i]: repr`, with Python's repr except
// that frozensets list their items sorted by repr (hash order is not compared) and code objects
// print as `<code NAME>`.
#pragma once

#include <string>

#include "bytecode/code_data.h"

namespace krait::bytecode {

// Python's repr() of a constant (frozensets sorted by item repr, code as `<code NAME>`).
std::string constant_repr(const Constant& value);

std::string dump_code(const CodeData& code);

}  // namespace krait::bytecode
