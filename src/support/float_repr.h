// Python's repr() of floats and of the imaginary literals' complex values.
#pragma once

#include <string>

namespace krait {

// repr(float): the shortest digits that round-trip, positional notation
// when the decimal exponent is in [-4, 16), else d.ddde+XX (two exponent
// digits at least); integral values get ".0"; "inf", "-inf", "nan", "-0.0".
std::string float_repr(double value);

// repr(complex(0.0, imag)), e.g. "2j", "1.5j", "1e+16j", "infj", "nanj":
// like float_repr but without the ".0" (and a "j" after).
std::string imaginary_repr(double imag);

}  // namespace krait
