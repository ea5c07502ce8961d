// UTF-8 decoding and encoding. krait's internal UTF-8 may hold lone
// surrogates (U+D800..U+DFFF) encoded as 3-byte sequences, since Python
// strings can contain them.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace krait::utf8 {

// Decodes one code point at text[pos], advancing pos. Returns -1 (and
// advances one byte) on an invalid sequence. Surrogates are accepted.
inline int32_t decode(std::string_view text, size_t& pos) {
    auto b = [&](size_t i) { return static_cast<uint8_t>(text[i]); };
    uint8_t c = b(pos);
    if (c < 0x80) { ++pos; return c; }
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (len == 0 || c > 0xF4 || pos + len > text.size()) { ++pos; return -1; }
    int32_t cp = c & (0x7F >> len);
    for (int i = 1; i < len; ++i) {
        uint8_t cc = b(pos + i);
        if ((cc & 0xC0) != 0x80) { ++pos; return -1; }
        cp = (cp << 6) | (cc & 0x3F);
    }
    static constexpr int32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF) { ++pos; return -1; }
    pos += len;
    return cp;
}

inline void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Number of code points in a UTF-8 string (invalid bytes count one each).
inline size_t length(std::string_view text) {
    size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace krait::utf8

namespace krait::utf8 {

// A span of bytes Python's strict UTF-8 decoder rejects, with its reason as
// the codec words it ("invalid start byte", "invalid continuation byte",
// "unexpected end of data"). Python rejects overlong forms, surrogates and
// code points above U+10FFFF.
struct DecodeError {
    size_t start;
    size_t end;
    const char* reason;
};

// The first error Python's UTF-8 decoder would report in `s` from `from`
// on, or end == 0 when there is none.
inline DecodeError python_decode_error(std::string_view s, size_t from = 0) {
    size_t i = from, n = s.size();
    while (i < n) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        int need;
        unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            if (c == 0xE0) lo = 0xA0;  // overlong
            if (c == 0xED) hi = 0x9F;  // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            if (c == 0xF0) lo = 0x90;  // overlong
            if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
        } else {
            return {i, i + 1, "invalid start byte"};
        }
        size_t j = i + 1;
        for (int k = 0; k < need; ++k, ++j) {
            if (j >= n) return {i, n, "unexpected end of data"};
            unsigned char cc = static_cast<unsigned char>(s[j]);
            if (cc < (k == 0 ? lo : 0x80) || cc > (k == 0 ? hi : 0xBF)) return {i, j, "invalid continuation byte"};
        }
        i = j;
    }
    return {0, 0, nullptr};
}

// Python's message for such an error, e.g. "'utf-8' codec can't decode byte
// 0xe9 in position 0: unexpected end of data".
inline std::string python_decode_message(std::string_view s, const DecodeError& e, size_t base = 0) {
    char buf[96];
    if (e.end - e.start == 1) {
        std::snprintf(buf, sizeof buf, "'utf-8' codec can't decode byte 0x%02x in position %zu: ",
                      static_cast<unsigned char>(s[e.start]), e.start - base);
    } else {
        std::snprintf(buf, sizeof buf, "'utf-8' codec can't decode bytes in position %zu-%zu: ", e.start - base,
                      e.end - 1 - base);
    }
    return std::string(buf) + e.reason;
}

// `s` decoded as Python's errors="replace" does, re-encoded: each rejected
// span becomes one U+FFFD.
inline std::string python_replace(std::string_view s) {
    std::string out;
    size_t i = 0;
    for (DecodeError e = python_decode_error(s); e.end; e = python_decode_error(s, i)) {
        out.append(s.substr(i, e.start - i));
        out += "\xEF\xBF\xBD";
        i = e.end;
    }
    out.append(s.substr(i));
    return out;
}

}  // namespace krait::utf8
