// Unicode 14.0.0 properties, NFKC and character names, from the tables that
// tools/gen_unicode.py generates out of Python 3.11's unicodedata.
#include "support/unicode.h"

#include <algorithm>
#include <cstddef>

namespace krait::unicode {
namespace {

#include "support/unicode_data.inc"

// The tables are string literals of packed little-endian integers.
inline uint32_t byte_at(const char* p, size_t i) { return static_cast<unsigned char>(p[i]); }
inline uint32_t u16_at(const char* p, size_t i) { return byte_at(p, i) | byte_at(p, i + 1) << 8; }
inline uint32_t u24_at(const char* p, size_t i) {
    return byte_at(p, i) | byte_at(p, i + 1) << 8 | byte_at(p, i + 2) << 16;
}

constexpr char32_t kMaxCodePoint = 0x10FFFF;
constexpr uint32_t kBlockMask = (1u << kShift) - 1;

// Two-level table lookups: the block number of cp's block, then the value.
inline uint32_t lookup1(const char* index, const char* data, char32_t cp) {
    if (cp > kMaxCodePoint) return 0;
    uint32_t block = u16_at(index, (cp >> kShift) * 2);
    return byte_at(data, (block << kShift) + (cp & kBlockMask));
}
inline uint32_t lookup2(const char* index, const char* data, char32_t cp) {
    if (cp > kMaxCodePoint) return 0;
    uint32_t block = u16_at(index, (cp >> kShift) * 2);
    return u16_at(data, ((block << kShift) + (cp & kBlockMask)) * 2);
}

enum : uint32_t { kXidStart = 1, kXidContinue = 2, kPrintable = 4 };

inline uint32_t props(char32_t cp) { return lookup1(kPropIndex, kPropData, cp); }

// Hangul syllables decompose and compose by arithmetic (Unicode ch. 3.12).
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr uint32_t kLCount = 19, kVCount = 21, kTCount = 28;
constexpr uint32_t kNCount = kVCount * kTCount, kSCount = kLCount * kNCount;

inline uint32_t ccc(char32_t cp) { return lookup1(kCccIndex, kCccData, cp); }

void decompose(char32_t cp, std::u32string& out) {
    if (cp >= kSBase && cp < kSBase + kSCount) {
        uint32_t s = cp - kSBase;
        out += static_cast<char32_t>(kLBase + s / kNCount);
        out += static_cast<char32_t>(kVBase + (s % kNCount) / kTCount);
        if (s % kTCount) out += static_cast<char32_t>(kTBase + s % kTCount);
        return;
    }
    uint32_t entry = lookup2(kDecompIndex, kDecompData, cp);
    if (entry == 0) {
        out += cp;
        return;
    }
    // Entries are numbered from 1; each is a 3-byte offset and a length.
    size_t at = (entry - 1) * 4;
    uint32_t offset = u24_at(kDecompEntries, at);
    uint32_t length = byte_at(kDecompEntries, at + 3);
    for (uint32_t i = 0; i < length; ++i) out += static_cast<char32_t>(u24_at(kDecompChars, (offset + i) * 3));
}

// The primary composite of a starter and a following character, or 0.
char32_t compose(char32_t a, char32_t b) {
    if (a >= kLBase && a < kLBase + kLCount && b >= kVBase && b < kVBase + kVCount)
        return kSBase + ((a - kLBase) * kVCount + (b - kVBase)) * kTCount;
    if (a >= kSBase && a < kSBase + kSCount && (a - kSBase) % kTCount == 0 && b > kTBase && b < kTBase + kTCount)
        return a + (b - kTBase);
    // Binary search over the sorted (first, second, composite) triples.
    size_t lo = 0, hi = kCompPairCount;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        char32_t ma = u24_at(kCompPairs, mid * 9), mb = u24_at(kCompPairs, mid * 9 + 3);
        if (ma < a || (ma == a && mb < b)) {
            lo = mid + 1;
        } else if (ma == a && mb == b) {
            return u24_at(kCompPairs, mid * 9 + 6);
        } else {
            hi = mid;
        }
    }
    return 0;
}

uint32_t fnv1a(const unsigned char* data, size_t size) {
    uint32_t h = 0x811C9DC5u;
    for (size_t i = 0; i < size; ++i) h = (h ^ data[i]) * 0x01000193u;
    return h;
}

// The number of a word of the names, or -1.
int word_number(std::string_view word) {
    uint32_t mask = kWordSlots - 1;
    uint32_t h = fnv1a(reinterpret_cast<const unsigned char*>(word.data()), word.size()) & mask;
    for (;; h = (h + 1) & mask) {
        uint32_t n = u16_at(kWordTable, h * 2);
        if (n == 0xFFFF) return -1;
        size_t entry = n * 4;
        std::string_view candidate(kWordChars + u24_at(kWordEntries, entry), byte_at(kWordEntries, entry + 3));
        if (candidate == word) return static_cast<int>(n);
    }
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Greedy longest match of one Hangul name part, as the syllable names are
// built: lead + vowel + trail.
template <size_t N>
int match_jamo(std::string_view& rest, const std::string_view (&parts)[N]) {
    int best = -1;
    size_t best_len = 0;
    for (size_t i = 0; i < N; ++i) {
        if (starts_with(rest, parts[i]) && (best < 0 || parts[i].size() > best_len)) {
            best = static_cast<int>(i);
            best_len = parts[i].size();
        }
    }
    if (best >= 0) rest.remove_prefix(best_len);
    return best;
}

std::optional<char32_t> lookup_hangul(std::string_view rest) {
    int l = match_jamo(rest, kJamoLead);
    if (l < 0) return std::nullopt;
    int v = match_jamo(rest, kJamoVowel);
    if (v < 0) return std::nullopt;
    int t = match_jamo(rest, kJamoTrail);
    if (t < 0 || !rest.empty()) return std::nullopt;
    return kSBase + (l * kVCount + v) * kTCount + t;
}

// "CJK UNIFIED IDEOGRAPH-" takes four or five upper-case hex digits (as
// Python's \N does), naming a code point of one of the ideograph ranges.
std::optional<char32_t> lookup_cjk(std::string_view hex) {
    if (hex.size() != 4 && hex.size() != 5) return std::nullopt;
    char32_t cp = 0;
    for (char c : hex) {
        int d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
        else return std::nullopt;
        cp = cp * 16 + d;
    }
    for (const auto& range : kCjkRanges)
        if (cp >= range[0] && cp <= range[1]) return cp;
    return std::nullopt;
}

}  // namespace

bool is_xid_start(char32_t cp) { return props(cp) & kXidStart; }
bool is_xid_continue(char32_t cp) { return props(cp) & kXidContinue; }
bool is_printable(char32_t cp) { return props(cp) & kPrintable; }

std::u32string nfkc(std::u32string_view text) {
    // ASCII is its own normal form; most identifiers stop here.
    if (std::all_of(text.begin(), text.end(), [](char32_t c) { return c < 0x80; })) return std::u32string(text);

    std::u32string d;
    d.reserve(text.size() + 8);
    for (char32_t cp : text) decompose(cp, d);

    // Canonical ordering: stable sort of each run of non-starters by class.
    for (size_t i = 1; i < d.size(); ++i) {
        uint32_t c = ccc(d[i]);
        if (c == 0) continue;
        for (size_t j = i; j > 0; --j) {
            uint32_t prev = ccc(d[j - 1]);
            if (prev == 0 || prev <= c) break;
            std::swap(d[j - 1], d[j]);
        }
    }

    // Canonical composition: each character joins the last starter unless a
    // character in between has class 0 or a class >= its own (is blocking).
    std::u32string out;
    out.reserve(d.size());
    size_t starter = 0;
    bool have_starter = false;
    uint32_t last_class = 0;
    for (char32_t cp : d) {
        uint32_t c = ccc(cp);
        if (have_starter) {
            bool adjacent = starter + 1 == out.size();
            if (adjacent || (last_class != 0 && last_class < c)) {
                if (char32_t composite = compose(out[starter], cp)) {
                    out[starter] = composite;
                    continue;
                }
            }
        }
        if (c == 0) {
            starter = out.size();
            have_starter = true;
        }
        last_class = c;
        out += cp;
    }
    return out;
}

std::optional<char32_t> lookup_name(std::string_view name) {
    // The algorithmic names compare case-sensitively in CPython.
    constexpr std::string_view kHangul = "HANGUL SYLLABLE ";
    constexpr std::string_view kCjk = "CJK UNIFIED IDEOGRAPH-";
    if (starts_with(name, kHangul)) return lookup_hangul(name.substr(kHangul.size()));
    if (starts_with(name, kCjk)) return lookup_cjk(name.substr(kCjk.size()));

    // Every other name (and alias) compares without regard to ASCII case.
    // Names are encoded as their words' numbers and found by hash.
    if (name.empty() || name.size() > 256) return std::nullopt;
    unsigned char key[512];
    size_t key_size = 0;
    char word[256];
    size_t start = 0;
    while (true) {
        size_t end = name.find(' ', start);
        if (end == std::string_view::npos) end = name.size();
        size_t n = end - start;
        for (size_t i = 0; i < n; ++i) {
            char c = name[start + i];
            word[i] = c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
        }
        int number = word_number(std::string_view(word, n));
        if (number < 0) return std::nullopt;
        if (number < 192) {
            key[key_size++] = static_cast<unsigned char>(number);
        } else {
            key[key_size++] = static_cast<unsigned char>(192 + ((number - 192) >> 8));
            key[key_size++] = static_cast<unsigned char>((number - 192) & 0xFF);
        }
        if (end == name.size()) break;
        start = end + 1;
    }
    uint32_t mask = kNameSlots - 1;
    for (uint32_t h = fnv1a(key, key_size) & mask;; h = (h + 1) & mask) {
        uint32_t offset = u24_at(kNameTable, h * 3);
        if (offset == 0xFFFFFF) return std::nullopt;
        uint32_t length = byte_at(kNameData, offset);
        if (length == key_size && std::equal(key, key + key_size,
                                             reinterpret_cast<const unsigned char*>(kNameData) + offset + 1))
            return static_cast<char32_t>(u24_at(kNameData, offset + 1 + length));
    }
}

}  // namespace krait::unicode
