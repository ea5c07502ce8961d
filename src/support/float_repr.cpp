// Python's float repr. std::to_chars without a precision gives the shortest
// digits that round-trip (what Python's repr computes with David Gay's
// algorithm); this file only lays them out as Python does.
#include "support/float_repr.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace krait {
namespace {

std::string format_shortest(double value, bool add_dot_0) {
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value < 0 ? "-inf" : "inf";

    // Scientific form "-d.ddde+XX": split into sign, digits and exponent.
    char buf[64];
    auto result = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
    std::string_view sci(buf, result.ptr - buf);
    std::string out;
    if (sci[0] == '-') {
        out += '-';
        sci.remove_prefix(1);
    }
    size_t e = sci.find('e');
    std::string digits;
    for (char c : sci.substr(0, e))
        if (c != '.') digits += c;
    int exponent = std::atoi(std::string(sci.substr(e + 1)).c_str());

    if (exponent < -4 || exponent >= 16) {
        out += digits[0];
        if (digits.size() > 1) {
            out += '.';
            out.append(digits, 1);
        }
        out += exponent < 0 ? "e-" : "e+";
        int magnitude = std::abs(exponent);
        if (magnitude < 10) out += '0';
        out += std::to_string(magnitude);
    } else if (exponent < 0) {
        out += "0.";
        out.append(static_cast<size_t>(-exponent - 1), '0');
        out += digits;
    } else {
        // Digits before the point, padded with zeros, then any after it.
        size_t int_len = static_cast<size_t>(exponent) + 1;
        if (digits.size() <= int_len) {
            out += digits;
            out.append(int_len - digits.size(), '0');
            if (add_dot_0) out += ".0";
        } else {
            out.append(digits, 0, int_len);
            out += '.';
            out.append(digits, int_len);
        }
    }
    return out;
}

}  // namespace

std::string float_repr(double value) { return format_shortest(value, true); }

std::string imaginary_repr(double imag) { return format_shortest(imag, false) + "j"; }

}  // namespace krait
