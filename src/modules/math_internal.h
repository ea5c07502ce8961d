// The math module's files share their function tables and error helpers through this header:
// math_module.cpp (the C library functions, the module), math_integer.cpp (factorial, comb,
// perm, isqrt, gcd, lcm, prod), math_sum.cpp (fsum, hypot, dist: exactly rounded sums).
#pragma once

#include "runtime/builtin_types.h"
#include "runtime/errors.h"
#include "runtime/object.h"

namespace krait::modules::math {

using runtime::Value;

inline Value domain_error() { return runtime::raise(runtime::exc::ValueError, "math domain error"); }
inline Value range_error() { return runtime::raise(runtime::exc::OverflowError, "math range error"); }

// Null-name terminated tables added to the module.
extern const runtime::MethodDef integer_functions[];
extern const runtime::MethodDef sum_functions[];

}  // namespace krait::modules::math
