// Python's repr() of the constants an AST holds, byte for byte as CPython
// 3.11 prints them in ast.dump.
#include "parse/ast_repr.h"

#include <gmp.h>

#include <charconv>

#include "support/float_repr.h"
#include "support/unicode.h"
#include "support/utf8.h"

namespace krait::ast {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_hex(std::string& out, uint32_t value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += kHex[(value >> shift) & 0xF];
}

// repr() picks single quotes unless the text has a single quote and no
// double quote.
char choose_quote(std::string_view text) {
    bool has_single = text.find('\'') != std::string_view::npos;
    bool has_double = text.find('"') != std::string_view::npos;
    return has_single && !has_double ? '"' : '\'';
}

// The decimal digits of a big int literal (its digits in base 2, 8, 10 or 16).
std::string bigint_decimal(const ConstantValue& value) {
    std::string digits(value.text);
    mpz_t z;
    if (mpz_init_set_str(z, digits.c_str(), value.base) != 0) {
        mpz_clear(z);
        return digits;  // not digits of that base: nothing sensible to convert
    }
    std::string out(mpz_sizeinbase(z, 10) + 2, '\0');
    mpz_get_str(out.data(), 10, z);
    out.resize(std::char_traits<char>::length(out.c_str()));
    mpz_clear(z);
    return out;
}

// One byte as repr() shows it in a str (ASCII range) or bytes literal:
// the quote and backslash escaped, \t \n \r, \xNN for control characters
// and (in bytes) anything from 0x7F up.
void append_escaped_byte(std::string& out, unsigned char byte, char quote) {
    char c = static_cast<char>(byte);
    if (c == quote || c == '\\') {
        out += '\\';
        out += c;
    } else if (c == '\t') {
        out += "\\t";
    } else if (c == '\n') {
        out += "\\n";
    } else if (c == '\r') {
        out += "\\r";
    } else if (byte < 0x20 || byte >= 0x7F) {
        out += "\\x";
        append_hex(out, byte, 2);
    } else {
        out += c;
    }
}

}  // namespace

void append_str_repr(std::string& out, std::string_view utf8) {
    char quote = choose_quote(utf8);
    out += quote;
    size_t pos = 0;
    while (pos < utf8.size()) {
        unsigned char byte = static_cast<unsigned char>(utf8[pos]);
        if (byte < 0x80) {
            // ASCII: the common case, without decoding.
            ++pos;
            append_escaped_byte(out, byte, quote);
            continue;
        }
        size_t start = pos;
        int32_t cp = utf8::decode(utf8, pos);
        if (cp < 0) {
            // Not UTF-8 (krait never stores such strings): show the byte.
            out += "\\x";
            append_hex(out, byte, 2);
        } else if (unicode::is_printable(static_cast<char32_t>(cp))) {
            out.append(utf8, start, pos - start);
        } else if (cp < 0x100) {
            out += "\\x";
            append_hex(out, cp, 2);
        } else if (cp < 0x10000) {
            out += "\\u";
            append_hex(out, cp, 4);
        } else {
            out += "\\U";
            append_hex(out, cp, 8);
        }
    }
    out += quote;
}

void append_bytes_repr(std::string& out, std::string_view bytes) {
    char quote = choose_quote(bytes);
    out += 'b';
    out += quote;
    for (char c : bytes) append_escaped_byte(out, static_cast<unsigned char>(c), quote);
    out += quote;
}

size_t int_decimal_digits(const ConstantValue& value) {
    if (value.kind == ConstantValue::Kind::Int) return std::to_string(value.int_value).size();
    if (value.kind != ConstantValue::Kind::BigInt) return 0;
    std::string digits = bigint_decimal(value);
    return digits.size() - (!digits.empty() && digits[0] == '-');
}

void append_constant_repr(std::string& out, const ConstantValue& value) {
    using Kind = ConstantValue::Kind;
    switch (value.kind) {
        case Kind::None: out += "None"; break;
        case Kind::True: out += "True"; break;
        case Kind::False: out += "False"; break;
        case Kind::Ellipsis: out += "Ellipsis"; break;
        case Kind::Int: {
            char buf[24];
            auto result = std::to_chars(buf, buf + sizeof buf, value.int_value);
            out.append(buf, result.ptr);
            break;
        }
        case Kind::BigInt: out += bigint_decimal(value); break;
        case Kind::Float: out += float_repr(value.float_value); break;
        case Kind::Complex: out += imaginary_repr(value.float_value); break;
        case Kind::Str: append_str_repr(out, value.text); break;
        case Kind::Bytes: append_bytes_repr(out, value.text); break;
        // Folding happens after the AST is dumped (ast.parse does not optimize), so a folded
        // value never reaches this printer; the compiler prints constants itself.
        case Kind::Folded: out += "<folded constant>"; break;
    }
}

}  // namespace krait::ast
