// UTF-8 decoding and encoding. krait's internal UTF-8 may hold lone
// surrogates (U+D800..U+DFFF) encoded as 3-byte sequences, since Python
// strings can contain them.
#pragma once

#include <cstdint>
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
