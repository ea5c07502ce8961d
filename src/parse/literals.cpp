// The values of number and string literals, with CPython 3.11's errors.
#include "parse/literals.h"

#include <charconv>
#include <cstdint>
#include <limits>

#include "support/unicode.h"
#include "support/utf8.h"

namespace krait {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int digit_value(char c) {
    int v = hex_value(c);
    return v;  // the tokenizer has checked the digits against the base
}

std::string without_underscores(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text)
        if (c != '_') out += c;
    return out;
}

// A decimal float literal ("1.5e3", "1.", ".5", "1e999") correctly rounded.
double parse_float(const std::string& digits) {
    double value = 0;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, std::chars_format::general);
    if (ec != std::errc::result_out_of_range) return value;
    // Out of range: from_chars leaves the value alone, so decide between
    // infinity and zero from the decimal exponent of the first nonzero digit
    // (the ranges are hundreds of orders of magnitude apart).
    long exponent = 0;
    size_t e = digits.find_first_of("eE");
    if (e != std::string::npos) {
        std::string_view exp_text(digits);
        exp_text.remove_prefix(e + 1);
        bool negative = !exp_text.empty() && exp_text[0] == '-';
        if (!exp_text.empty() && (exp_text[0] == '-' || exp_text[0] == '+')) exp_text.remove_prefix(1);
        for (char c : exp_text) exponent = std::min(exponent * 10 + (c - '0'), 100000000L);
        if (negative) exponent = -exponent;
    }
    std::string_view mantissa(digits.data(), e == std::string::npos ? digits.size() : e);
    size_t point = mantissa.find('.');
    if (point == std::string::npos) point = mantissa.size();
    size_t first = mantissa.find_first_of("123456789");
    if (first == std::string::npos) return 0.0;
    long magnitude = exponent + (first < point ? static_cast<long>(point - first - 1) : -static_cast<long>(first - point));
    return magnitude > 0 ? std::numeric_limits<double>::infinity() : 0.0;
}

// Where CPython 3.11 reports a decoding error: it first rewrites a str
// literal's body into an ASCII buffer (every non-ASCII character becomes a
// 10-byte \UXXXXXXXX escape, and a backslash before one becomes the 6-byte
// \u005c) and then decodes that, so error positions count in that buffer.
class BufferPosition {
public:
    explicit BufferPosition(std::string_view body) : body_(body) {}

    // The buffer position of body offset `target` (>= the last one asked).
    size_t at(size_t target) {
        while (offset_ < target) {
            unsigned char c = static_cast<unsigned char>(body_[offset_]);
            if (!after_backslash_ && c == '\\' && offset_ + 1 < body_.size()) {
                if (static_cast<unsigned char>(body_[offset_ + 1]) >= 0x80) {
                    position_ += 6;  // \u005c; the character follows
                } else {
                    // The pair is copied as it is: its second character
                    // never starts an escape.
                    after_backslash_ = true;
                    ++position_;
                }
                ++offset_;
                continue;
            }
            after_backslash_ = false;
            if (c >= 0x80) {
                size_t pos = offset_;
                utf8::decode(body_, pos);
                offset_ = pos;
                position_ += 10;
            } else {
                ++offset_;
                ++position_;
            }
        }
        return position_;
    }

private:
    std::string_view body_;
    size_t offset_ = 0;
    size_t position_ = 0;
    bool after_backslash_ = false;
};

std::string unicode_error(size_t start, size_t end, const char* reason) {
    std::string out = "(unicode error) 'unicodeescape' codec can't decode bytes in position ";
    out += std::to_string(start) + "-" + std::to_string(end - 1) + ": " + reason;
    return out;
}

// The escapes common to str and bytes: one character, or -1.
int simple_escape(char c) {
    switch (c) {
        case '\\': return '\\';
        case '\'': return '\'';
        case '"': return '"';
        case 'a': return '\a';
        case 'b': return '\b';
        case 'f': return '\f';
        case 'n': return '\n';
        case 'r': return '\r';
        case 't': return '\t';
        case 'v': return '\v';
        default: return -1;
    }
}

bool is_octal(char c) { return c >= '0' && c <= '7'; }

// The value of an octal escape whose first digit `first` was read; up to two
// more digits are taken from body[i...] (advancing i).
unsigned read_octal(char first, std::string_view body, size_t& i) {
    unsigned value = first - '0';
    for (int n = 0; n < 2 && i < body.size() && is_octal(body[i]); ++n) value = value * 8 + (body[i++] - '0');
    return value;
}

StringDecodeResult decode_bytes(std::string_view body, std::string& out) {
    StringDecodeResult result;
    size_t i = 0;
    while (i < body.size()) {
        char c = body[i];
        if (c != '\\' || i + 1 >= body.size()) {
            out += c;
            ++i;
            continue;
        }
        size_t start = i;
        char e = body[i + 1];
        i += 2;
        if (e == '\n') continue;
        if (int simple = simple_escape(e); simple >= 0) {
            out += static_cast<char>(simple);
        } else if (is_octal(e)) {
            unsigned value = read_octal(e, body, i);
            if (value > 0377 && result.first_invalid_escape < 0) result.first_invalid_escape = static_cast<int>(start);
            out += static_cast<char>(value & 0xFF);
        } else if (e == 'x') {
            int high = i < body.size() ? hex_value(body[i]) : -1;
            int low = i + 1 < body.size() ? hex_value(body[i + 1]) : -1;
            if (high < 0 || low < 0) {
                result.ok = false;
                result.error = "(value error) invalid \\x escape at position " + std::to_string(start);
                return result;
            }
            out += static_cast<char>(high * 16 + low);
            i += 2;
        } else {
            // Unknown escapes (\N, \u and \U too, in bytes) stay as written.
            if (result.first_invalid_escape < 0) result.first_invalid_escape = static_cast<int>(start);
            out += '\\';
            out += e;
        }
    }
    return result;
}

StringDecodeResult decode_str(std::string_view body, std::string& out) {
    StringDecodeResult result;
    BufferPosition buffer(body);
    size_t i = 0;
    while (i < body.size()) {
        char c = body[i];
        if (c != '\\') {
            // Plain text (UTF-8 included) is copied as it is; find the next
            // backslash in one go.
            size_t next = body.find('\\', i);
            if (next == std::string_view::npos) next = body.size();
            out.append(body, i, next - i);
            i = next;
            continue;
        }
        size_t start = i;
        if (i + 1 >= body.size() || static_cast<unsigned char>(body[i + 1]) >= 0x80) {
            // A backslash before a non-ASCII character (or at the very end)
            // stands for itself.
            out += '\\';
            ++i;
            continue;
        }
        char e = body[i + 1];
        i += 2;
        if (e == '\n') continue;
        if (int simple = simple_escape(e); simple >= 0) {
            out += static_cast<char>(simple);
        } else if (is_octal(e)) {
            char32_t value = read_octal(e, body, i);
            // 3.11 keeps values above 0o377 (as chr(value)) but warns.
            if (value > 0377 && result.first_invalid_escape < 0) result.first_invalid_escape = static_cast<int>(start);
            utf8::append(out, value);
        } else if (e == 'x' || e == 'u' || e == 'U') {
            int want = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            char32_t value = 0;
            int got = 0;
            while (got < want && i < body.size() && hex_value(body[i]) >= 0) {
                value = value * 16 + hex_value(body[i++]);
                ++got;
            }
            if (got < want || value > 0x10FFFF) {
                static const char* const kTruncated[] = {"truncated \\xXX escape", "truncated \\uXXXX escape",
                                                         "truncated \\UXXXXXXXX escape"};
                const char* reason = got < want ? kTruncated[e == 'x' ? 0 : e == 'u' ? 1 : 2] : "illegal Unicode character";
                size_t begin = buffer.at(start);
                result.ok = false;
                result.error = unicode_error(begin, begin + 2 + got, reason);
                return result;
            }
            utf8::append(out, value);
        } else if (e == 'N') {
            // \N{name}: a name of up to the closing brace.
            size_t close = i < body.size() && body[i] == '{' ? body.find('}', i + 1) : std::string_view::npos;
            if (close == std::string_view::npos || close == i + 1) {
                // Malformed: CPython reports up to where its scan stopped.
                size_t stop = i >= body.size() || body[i] != '{' ? i : close == std::string_view::npos ? body.size() : close;
                size_t begin = buffer.at(start);
                result.ok = false;
                result.error = unicode_error(begin, buffer.at(stop), "malformed \\N character escape");
                return result;
            }
            auto cp = unicode::lookup_name(body.substr(i + 1, close - i - 1));
            i = close + 1;
            if (!cp) {
                size_t begin = buffer.at(start);
                result.ok = false;
                result.error = unicode_error(begin, buffer.at(i), "unknown Unicode character name");
                return result;
            }
            utf8::append(out, *cp);
        } else {
            // An unknown escape such as \d stays as written (3.11 warns).
            if (result.first_invalid_escape < 0) result.first_invalid_escape = static_cast<int>(start);
            out += '\\';
            out += e;
        }
    }
    return result;
}

}  // namespace

ast::ConstantValue parse_number(std::string_view text, ast::Arena& arena) {
    using Kind = ast::ConstantValue::Kind;
    ast::ConstantValue value;
    std::string digits = without_underscores(text);

    char last = digits.empty() ? '\0' : digits.back();
    bool prefixed = digits.size() > 1 && digits[0] == '0' && std::string_view("xXoObB").find(digits[1]) != std::string_view::npos;
    if (!prefixed && (last == 'j' || last == 'J')) {
        digits.pop_back();
        value.kind = Kind::Complex;
        value.float_value = parse_float(digits);
        return value;
    }
    if (!prefixed && digits.find_first_of(".eE") != std::string::npos) {
        value.kind = Kind::Float;
        value.float_value = parse_float(digits);
        return value;
    }

    int base = 10;
    std::string_view body(digits);
    if (prefixed) {
        char p = static_cast<char>(digits[1] | 0x20);
        base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
        body.remove_prefix(2);
    }
    // Accumulate while the value fits in int64; otherwise keep the digits.
    uint64_t acc = 0;
    constexpr uint64_t kMax = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
    bool fits = true;
    for (char c : body) {
        uint64_t d = static_cast<uint64_t>(digit_value(c));
        if (acc > (kMax - d) / base) {
            fits = false;
            break;
        }
        acc = acc * base + d;
    }
    if (fits) {
        value.kind = Kind::Int;
        value.int_value = static_cast<int64_t>(acc);
        return value;
    }
    value.kind = Kind::BigInt;
    value.base = static_cast<uint8_t>(base);
    value.text = arena.copy(body);
    return value;
}

// CPython 3.11 converts at most this many decimal digits to an int.
constexpr size_t kMaxStrDigits = 4300;

std::string number_literal_error(std::string_view text) {
    if (text.size() <= kMaxStrDigits) return {};
    bool prefixed = text.size() > 1 && text[0] == '0' && std::string_view("xXoObB").find(text[1]) != std::string_view::npos;
    if (prefixed || text.find_first_of(".eEjJ") != std::string_view::npos) return {};
    size_t digits = 0;
    bool all_zero = true;
    for (char c : text) {
        if (c == '_') continue;
        ++digits;
        all_zero = all_zero && c == '0';
    }
    if (digits <= kMaxStrDigits || all_zero) return {};
    return "Exceeds the limit (4300 digits) for integer string conversion: value has " + std::to_string(digits) +
           " digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge "
           "integer literals to avoid decimal conversion limits.";
}

StringDecodeResult decode_string_body(std::string_view body, bool is_bytes, bool is_raw, std::string& out) {
    if (is_bytes) {
        for (char c : body) {
            if (static_cast<unsigned char>(c) >= 0x80) {
                StringDecodeResult result;
                result.ok = false;
                result.error = "bytes can only contain ASCII literal characters";
                return result;
            }
        }
    }
    if (!is_bytes) {
        // Invalid UTF-8 (possible under a "utf-8" coding declaration): a body
        // without escapes is decoded whole, one with escapes a run of
        // non-ASCII bytes at a time, and positions count from there.
        bool whole = is_raw || body.find('\\') == std::string_view::npos;
        for (size_t i = 0; i < body.size(); ++i) {
            if (static_cast<unsigned char>(body[i]) < 0x80) continue;
            size_t run_end = i;
            while (run_end < body.size() && static_cast<unsigned char>(body[run_end]) >= 0x80) ++run_end;
            std::string_view run = whole ? body : body.substr(i, run_end - i);
            utf8::DecodeError e = utf8::python_decode_error(run);
            if (e.end) {
                StringDecodeResult result;
                result.ok = false;
                result.error = "(unicode error) " + utf8::python_decode_message(run, e);
                return result;
            }
            if (whole) break;
            i = run_end;
        }
    }
    if (is_raw) {
        out.append(body);
        return {};
    }
    return is_bytes ? decode_bytes(body, out) : decode_str(body, out);
}

std::string invalid_escape_message(std::string_view body, int offset) {
    size_t at = static_cast<size_t>(offset) + 1;
    if (at < body.size() && is_octal(body[at])) return "invalid octal escape sequence '\\" + std::string(body.substr(at, 3)) + "'";
    return "invalid escape sequence '\\" + std::string(body.substr(at, 1)) + "'";
}

}  // namespace krait
