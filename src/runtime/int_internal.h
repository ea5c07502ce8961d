// Internals shared by the numeric types' .cpp files (not for other modules: use int.h/float.h).
#pragma once

#include <gmp.h>

#include "runtime/int.h"

namespace krait::runtime {

// A read-only mpz view of any int Value; small ints use a limb on the stack (no allocation).
class MpzArg {
 public:
  explicit MpzArg(Value v);
  mpz_srcptr get() const { return ptr_; }

 private:
  mpz_t tmp_;
  mp_limb_t limb_ = 0;
  mpz_srcptr ptr_;
};

IntObject* int_alloc(TypeObject* type);     // value 0, mpz initialized; null + MemoryError
void int_dealloc(Object* self);
Value int_steal_mpz(mpz_t z);               // takes ownership of z; normalized exact int
Value int_exact_copy(Value a);              // exact int with a's value (new reference)
bool int_is_odd(Value v);
// |a| / |b| (both > 0) correctly rounded; *overflow when >= 2^1024.
double mpz_ratio_to_double(mpz_srcptr a, mpz_srcptr b, bool* overflow);

bool max_str_digits_exceeded(size_t digits);
Value int_subtype_from(TypeObject* type, Value exact);   // an instance of an int subclass
Value int_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames);
// Header, name, base, size and flags of one of the numeric static types.
void init_number_static_type(TypeObject& type, const char* name, TypeObject* base,
                             size_t basic_size, uint64_t flags);

// int slots
Value int_divmod(Value a, Value b);
Value int_lshift(Value a, Value b);
Value int_rshift(Value a, Value b);
Value int_and(Value a, Value b);
Value int_or(Value a, Value b);
Value int_xor(Value a, Value b);
Value int_negative(Value a);
Value int_positive(Value a);
Value int_absolute(Value a);
Value int_invert(Value a);
int int_bool(Value a);
Value int_float(Value a);
Value int_power(Value a, Value b, Value c);
Value int_index(Value a);

// float helpers used by int and complex
Value float_power_doubles(double x, double y);   // x ** y with float's rules (may give complex)
Value complex_power_doubles(double ar, double ai, double br, double bi);
// float.__round__ arithmetic: x rounded to ndigits decimal digits (correctly rounded, ties even)
double round_double(double x, int64_t ndigits);

// format-spec mini-language (number_format.cpp)
Value int_format(Value v, Value spec);
Value float_format_spec(double d, Value spec);
Value complex_format_spec(double real, double imag, Value spec);

// type set-up
void init_int_type();
void init_bool_type();
void init_float_type();
void init_complex_type();
void init_range_types();
void init_slice_type();

}  // namespace krait::runtime
