// int and bool: small ints are immediates inside a Value (value.h); larger ints are heap
// IntObjects holding a GMP integer. Every exact int has exactly one form: an int that fits the
// small range is always an immediate, so equal exact ints are equal Values.
//
// Heap IntObjects also carry instances of int subclasses (any size) and the two bool
// singletons True and False (a small immediate always has type int, so bools must be objects).
#pragma once

#include <gmp.h>
#include <gmpxx.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/builtin_types.h"
#include "runtime/object.h"

namespace krait::runtime {

// A heap int: exact ints outside the small range, instances of int subclasses, True/False.
struct IntObject : Object {
  mpz_t value;
};

// --- construction (new references; null + MemoryError only when memory runs out) ----------------
Value int_from_int64(int64_t i);       // an immediate when it fits (never allocates then)
Value int_from_uint64(uint64_t u);
Value int_from_mpz(const mpz_class& z);   // normalized: an immediate when it fits ±2^47
Value int_from_mpz_t(const mpz_t z);
// int(d) for a finite double (truncates toward zero); OverflowError "cannot convert float
// infinity to integer" / ValueError "cannot convert float NaN to integer" otherwise.
Value int_from_double(double d);
// int(text, base) as CPython parses it (sign, whitespace, underscores, prefixes for base 0 or
// matching base, 4300-digit limit); ValueError with CPython's message on bad input.
// `text` is UTF-8; `original` (may be null) is the str/bytes object shown in the error message.
Value int_from_string(std::string_view text, int base, Value original = Value());

// --- inspection ------------------------------------------------------------------------------
// int or any subclass of int (bool included).
inline bool is_int(Value v) {
  return v.is_small_int() || (v.is_object() && (v.as_object()->type->flags & TypeFlag::IntSubclass));
}
// Exactly int (not bool, not a subclass).
inline bool is_int_exact(Value v) {
  return v.is_small_int() || (v.is_object() && v.as_object()->type == &int_type);
}
inline bool is_bool(Value v) { return v.is_object() && v.as_object()->type == &bool_type; }

// Preconditions below: is_int(v).
// The value as int64_t; false if it does not fit (no exception set).
bool int_to_int64(Value v, int64_t* out);
// The value as a GMP integer.
mpz_class int_to_mpz(Value v);
// -1, 0 or 1.
int int_sign(Value v);
// Compares two ints: -1, 0, 1.
int int_compare(Value a, Value b);
// float(v), correctly rounded (half-even); OverflowError "int too large to convert to float"
// and false when out of range.
bool int_to_double(Value v, double* out);
// hash(v) (mod 2^61-1, sign kept, -1 becomes -2).
int64_t int_hash(Value v);

// --- text ---------------------------------------------------------------------------------------
// repr/str of an int (decimal); ValueError over the 4300-digit limit. Returns a str.
Value int_repr(Value v);
// bin/oct/hex: "0b101", "-0o7", "0xff" (base 2, 8 or 16). Returns a str.
Value int_to_base_string(Value v, int base);
// Decimal digits as a C++ string (no limit check), for callers that build text themselves.
std::string int_to_std_string(Value v, int base = 10);

// sys.set_int_max_str_digits / get_int_max_str_digits (0 disables the limit).
int64_t get_int_max_str_digits();
void set_int_max_str_digits(int64_t limit);

// --- operations used by the VM's fast paths (int, int) -> int; null + error on failure ------------
Value int_add(Value a, Value b);
Value int_subtract(Value a, Value b);
Value int_multiply(Value a, Value b);
Value int_floor_divide(Value a, Value b);
Value int_remainder(Value a, Value b);
Value int_true_divide(Value a, Value b);   // a float
Value int_richcompare(Value a, Value b, CompareOp op);  // NotImplemented if b is not an int

// The numeric hashing modulus, shared by int, float, complex (and fractions/decimal in Python).
inline constexpr int64_t kHashBits = 61;
inline constexpr int64_t kHashModulus = (int64_t(1) << kHashBits) - 1;
inline constexpr int64_t kHashInf = 314159;
inline constexpr int64_t kHashImag = 1000003;

// Sets up int_type, bool_type, float_type, complex_type, range_type (and its iterators) and
// slice_type: slots, methods, type_ready. Called by init_runtime after object_type and type_type
// are ready; also initializes True/False.
void init_number_types();

}  // namespace krait::runtime
