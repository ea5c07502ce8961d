// Source decoding as CPython 3.11 does it: UTF-8 BOM, PEP 263 coding
// declarations (line 1, or line 2 when line 1 is only a comment or blank),
// other encodings through glibc's iconv, newline normalisation.
//
// CPython reads source in two ways whose errors differ: compile()/ast.parse()
// of bytes, and running a file. See source.h for which messages depend on
// the file name.
#include "parse/source.h"

#include <iconv.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace krait {

namespace {

bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The PEP 263 declaration of one line (without its '\n'): the line must
// hold only a comment (after blanks) containing "coding[:=]" followed by
// blanks and a name of letters, digits, '-', '_' and '.'. Returns "" when
// there is none. `only_comment` tells whether the line is blank or a comment
// (a declaration on line 2 counts only after such a line 1).
std::string coding_spec(std::string_view line, bool& only_comment) {
    only_comment = true;
    size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) ++i;
    if (i == line.size() || line[i] == '\r') return {};
    if (line[i] != '#') {
        only_comment = false;
        return {};
    }
    for (size_t k = i; k + 6 < line.size() + 1; ++k) {
        if (line.compare(k, 6, "coding") != 0) continue;
        size_t t = k + 6;
        if (t >= line.size() || (line[t] != ':' && line[t] != '=')) continue;
        ++t;
        while (t < line.size() && (line[t] == ' ' || line[t] == '\t')) ++t;
        size_t begin = t;
        while (t < line.size() && (is_alnum(line[t]) || line[t] == '-' || line[t] == '_' || line[t] == '.')) ++t;
        if (t > begin) return std::string(line.substr(begin, t - begin));
    }
    return {};
}

// CPython's tokenizer normalises the spellings of UTF-8 and Latin-1 (first
// 12 characters, lower case, '_' as '-'); any other name is kept as written.
std::string normal_name(const std::string& s) {
    std::string buf;
    for (size_t i = 0; i < s.size() && i < 12; ++i) {
        char c = s[i];
        buf += c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    }
    auto starts = [&](const char* p) { return buf.rfind(p, 0) == 0; };
    if (buf == "utf-8" || starts("utf-8-")) return "utf-8";
    if (buf == "latin-1" || buf == "iso-8859-1" || buf == "iso-latin-1" || starts("latin-1-") ||
        starts("iso-8859-1-") || starts("iso-latin-1-"))
        return "iso-8859-1";
    return s;
}

// Python's codec registry lookup key: lower case, runs of characters other
// than letters, digits and '.' become one '_'.
std::string codec_key(const std::string& name) {
    std::string out;
    bool pending = false;
    for (char c : name) {
        if (is_alnum(c) || c == '.') {
            if (pending && !out.empty()) out += '_';
            pending = false;
            out += (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        } else {
            pending = true;
        }
    }
    return out;
}

struct CodecInfo {
    const char* python;  // Python's canonical codec name (for messages)
    const char* iconv;   // glibc iconv name
};

// Python codec names and the aliases that matter for source files, mapped
// to iconv. A name not found here is reported as an unknown encoding.
const CodecInfo* find_codec(const std::string& declared) {
    struct Alias {
        const char* key;
        CodecInfo info;
    };
    static const Alias kAliases[] = {
        {"utf_8", {"utf-8", "UTF-8"}}, {"utf8", {"utf-8", "UTF-8"}}, {"u8", {"utf-8", "UTF-8"}},
        {"utf", {"utf-8", "UTF-8"}}, {"cp65001", {"utf-8", "UTF-8"}},
        {"utf_8_sig", {"utf-8-sig", "UTF-8"}},
        {"ascii", {"ascii", "ASCII"}}, {"us_ascii", {"ascii", "ASCII"}}, {"646", {"ascii", "ASCII"}},
        {"us", {"ascii", "ASCII"}}, {"ansi_x3.4_1968", {"ascii", "ASCII"}},
        {"latin_1", {"latin-1", "ISO-8859-1"}}, {"latin1", {"latin-1", "ISO-8859-1"}},
        {"latin", {"latin-1", "ISO-8859-1"}}, {"l1", {"latin-1", "ISO-8859-1"}},
        {"iso_8859_1", {"latin-1", "ISO-8859-1"}}, {"iso8859_1", {"latin-1", "ISO-8859-1"}},
        {"8859", {"latin-1", "ISO-8859-1"}}, {"cp819", {"latin-1", "ISO-8859-1"}},
        {"iso8859_2", {"iso8859-2", "ISO-8859-2"}}, {"iso_8859_2", {"iso8859-2", "ISO-8859-2"}},
        {"latin2", {"iso8859-2", "ISO-8859-2"}}, {"l2", {"iso8859-2", "ISO-8859-2"}},
        {"iso8859_3", {"iso8859-3", "ISO-8859-3"}}, {"iso_8859_3", {"iso8859-3", "ISO-8859-3"}},
        {"iso8859_4", {"iso8859-4", "ISO-8859-4"}}, {"iso_8859_4", {"iso8859-4", "ISO-8859-4"}},
        {"iso8859_5", {"iso8859-5", "ISO-8859-5"}}, {"iso_8859_5", {"iso8859-5", "ISO-8859-5"}},
        {"cyrillic", {"iso8859-5", "ISO-8859-5"}},
        {"iso8859_6", {"iso8859-6", "ISO-8859-6"}}, {"iso_8859_6", {"iso8859-6", "ISO-8859-6"}},
        {"iso8859_7", {"iso8859-7", "ISO-8859-7"}}, {"iso_8859_7", {"iso8859-7", "ISO-8859-7"}},
        {"greek", {"iso8859-7", "ISO-8859-7"}},
        {"iso8859_8", {"iso8859-8", "ISO-8859-8"}}, {"iso_8859_8", {"iso8859-8", "ISO-8859-8"}},
        {"hebrew", {"iso8859-8", "ISO-8859-8"}},
        {"iso8859_9", {"iso8859-9", "ISO-8859-9"}}, {"iso_8859_9", {"iso8859-9", "ISO-8859-9"}},
        {"latin5", {"iso8859-9", "ISO-8859-9"}},
        {"iso8859_10", {"iso8859-10", "ISO-8859-10"}}, {"iso_8859_10", {"iso8859-10", "ISO-8859-10"}},
        {"iso8859_13", {"iso8859-13", "ISO-8859-13"}}, {"iso_8859_13", {"iso8859-13", "ISO-8859-13"}},
        {"iso8859_14", {"iso8859-14", "ISO-8859-14"}}, {"iso_8859_14", {"iso8859-14", "ISO-8859-14"}},
        {"iso8859_15", {"iso8859-15", "ISO-8859-15"}}, {"iso_8859_15", {"iso8859-15", "ISO-8859-15"}},
        {"latin9", {"iso8859-15", "ISO-8859-15"}},
        {"iso8859_16", {"iso8859-16", "ISO-8859-16"}}, {"iso_8859_16", {"iso8859-16", "ISO-8859-16"}},
        {"cp1250", {"cp1250", "CP1250"}}, {"windows_1250", {"cp1250", "CP1250"}},
        {"cp1251", {"cp1251", "CP1251"}}, {"windows_1251", {"cp1251", "CP1251"}},
        {"cp1252", {"cp1252", "CP1252"}}, {"windows_1252", {"cp1252", "CP1252"}},
        {"cp1253", {"cp1253", "CP1253"}}, {"windows_1253", {"cp1253", "CP1253"}},
        {"cp1254", {"cp1254", "CP1254"}}, {"windows_1254", {"cp1254", "CP1254"}},
        {"cp1255", {"cp1255", "CP1255"}}, {"windows_1255", {"cp1255", "CP1255"}},
        {"cp1256", {"cp1256", "CP1256"}}, {"windows_1256", {"cp1256", "CP1256"}},
        {"cp1257", {"cp1257", "CP1257"}}, {"windows_1257", {"cp1257", "CP1257"}},
        {"cp1258", {"cp1258", "CP1258"}}, {"windows_1258", {"cp1258", "CP1258"}},
        {"cp437", {"cp437", "CP437"}}, {"ibm437", {"cp437", "CP437"}}, {"437", {"cp437", "CP437"}},
        {"cp850", {"cp850", "CP850"}}, {"ibm850", {"cp850", "CP850"}}, {"850", {"cp850", "CP850"}},
        {"cp866", {"cp866", "CP866"}}, {"866", {"cp866", "CP866"}},
        {"koi8_r", {"koi8-r", "KOI8-R"}}, {"koi8_u", {"koi8-u", "KOI8-U"}},
        {"mac_roman", {"mac-roman", "MACINTOSH"}}, {"macroman", {"mac-roman", "MACINTOSH"}},
        {"euc_jp", {"euc_jp", "EUC-JP"}}, {"eucjp", {"euc_jp", "EUC-JP"}}, {"ujis", {"euc_jp", "EUC-JP"}},
        {"shift_jis", {"shift_jis", "SHIFT_JIS"}}, {"sjis", {"shift_jis", "SHIFT_JIS"}},
        {"s_jis", {"shift_jis", "SHIFT_JIS"}}, {"cp932", {"cp932", "CP932"}},
        {"ms932", {"cp932", "CP932"}}, {"mskanji", {"cp932", "CP932"}},
        {"iso2022_jp", {"iso2022_jp", "ISO-2022-JP"}},
        {"euc_kr", {"euc_kr", "EUC-KR"}}, {"euckr", {"euc_kr", "EUC-KR"}},
        {"cp949", {"cp949", "CP949"}},
        {"gb2312", {"gb2312", "GB2312"}}, {"euc_cn", {"gb2312", "GB2312"}},
        {"gbk", {"gbk", "GBK"}}, {"cp936", {"gbk", "GBK"}}, {"gb18030", {"gb18030", "GB18030"}},
        {"big5", {"big5", "BIG5"}}, {"big5hkscs", {"big5hkscs", "BIG5-HKSCS"}},
        {"cp950", {"cp950", "CP950"}},
        {"utf_16", {"utf-16", "UTF-16"}}, {"utf16", {"utf-16", "UTF-16"}},
        {"utf_16_le", {"utf-16-le", "UTF-16LE"}}, {"utf_16_be", {"utf-16-be", "UTF-16BE"}},
        {"utf_32", {"utf-32", "UTF-32"}}, {"utf_32_le", {"utf-32-le", "UTF-32LE"}},
        {"utf_32_be", {"utf-32-be", "UTF-32BE"}},
    };
    std::string key = codec_key(declared);
    for (const auto& a : kAliases)
        if (key == a.key) return &a.info;
    return nullptr;
}

// Converts `bytes` from `codec` to UTF-8 with iconv. On failure returns
// false and sets `bad` to the offset of the first undecodable byte.
bool iconv_to_utf8(std::string_view bytes, const char* codec, std::string& out, size_t& bad) {
    iconv_t cd = iconv_open("UTF-8", codec);
    if (cd == (iconv_t)-1) {
        bad = 0;
        return false;
    }
    out.clear();
    out.resize(bytes.size() * 4 + 16);
    char* in = const_cast<char*>(bytes.data());
    size_t in_left = bytes.size();
    char* o = out.data();
    size_t out_left = out.size();
    bool ok = true;
    while (in_left > 0) {
        if (iconv(cd, &in, &in_left, &o, &out_left) == (size_t)-1) {
            if (errno == E2BIG) {
                size_t used = o - out.data();
                out.resize(out.size() * 2);
                o = out.data() + used;
                out_left = out.size() - used;
                continue;
            }
            ok = false;
            bad = in - bytes.data();
            break;
        }
    }
    out.resize(o - out.data());
    iconv_close(cd);
    return ok;
}

// Offset of the first invalid UTF-8 sequence in `s`, or npos. Surrogates
// (ED A0..BF xx) are invalid in source as in CPython's strict decoder.
size_t first_invalid_utf8(std::string_view s) {
    size_t i = 0, n = s.size();
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c == 0xE0) { len = 3; lo = 0xA0; }
        else if (c == 0xED) { len = 3; hi = 0x9F; }
        else if (c >= 0xE1 && c <= 0xEF) len = 3;
        else if (c == 0xF0) { len = 4; lo = 0x90; }
        else if (c >= 0xF1 && c <= 0xF3) len = 4;
        else if (c == 0xF4) { len = 4; hi = 0x8F; }
        else return i;
        if (i + len > n) return i;
        unsigned char c1 = s[i + 1];
        if (c1 < lo || c1 > hi) return i;
        for (int k = 2; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
        i += len;
    }
    return std::string_view::npos;
}

void decoding_error(SyntaxErrorInfo& error, std::string msg) {
    error = SyntaxErrorInfo{};
    error.msg = std::move(msg);
    // CPython raises these with lineno 0, offset -1 and no text.
    error.lineno = 0;
    error.col_offset = -2;
    error.end_lineno = 0;
    error.no_text = true;
}

// "\r\n" and "\r" become "\n"; a final "\n" is added when missing.
std::string normalise_newlines(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 1);
    size_t i = 0, n = text.size();
    while (i < n) {
        const void* cr = std::memchr(text.data() + i, '\r', n - i);
        size_t j = cr ? static_cast<const char*>(cr) - text.data() : n;
        out.append(text.data() + i, j - i);
        if (j == n) break;
        out += '\n';
        i = j + 1;
        if (i < n && text[i] == '\n') ++i;
    }
    if (out.empty() || out.back() != '\n') out += '\n';
    return out;
}

}  // namespace

std::optional<DecodedSource> decode_source(std::string_view bytes, SyntaxErrorInfo& error,
                                           std::string_view filename, bool ignore_cookie) {
    const bool file_mode = !filename.empty();
    bool bom = false;
    if (!ignore_cookie && bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        bom = true;
        bytes.remove_prefix(3);
    }

    // Coding declaration on line 1, or on line 2 after a comment/blank line 1.
    std::string spec;
    if (!ignore_cookie) {
        size_t nl1 = bytes.find('\n');
        std::string_view line1 = bytes.substr(0, nl1);
        bool only_comment = false;
        spec = coding_spec(line1, only_comment);
        if (spec.empty() && only_comment && nl1 != std::string_view::npos) {
            size_t nl2 = bytes.find('\n', nl1 + 1);
            std::string_view line2 = bytes.substr(nl1 + 1, nl2 == std::string_view::npos ? nl2 : nl2 - nl1 - 1);
            bool dummy;
            spec = coding_spec(line2, dummy);
        }
    }

    DecodedSource out;
    std::string name = spec.empty() ? std::string("utf-8") : normal_name(spec);
    if (bom && name != "utf-8") {
        decoding_error(error, "encoding problem: " + name + " with BOM");
        return std::nullopt;
    }
    out.encoding = name;
    out.declared = !spec.empty() || bom;
    out.bom = bom;

    if (name == "utf-8") {
        // Running a file without a declaration (nor BOM) checks the bytes
        // are UTF-8; otherwise invalid bytes reach the tokenizer and are
        // reported where they are used (e.g. in a string literal).
        if (file_mode && spec.empty() && !bom) {
            size_t bad = first_invalid_utf8(bytes);
            if (bad != std::string_view::npos) {
                int line = 1;
                for (size_t i = 0; i < bad; ++i) line += bytes[i] == '\n';
                char buf[16];
                std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(bytes[bad]));
                decoding_error(error, std::string("Non-UTF-8 code starting with '") + buf +
                                          "' in file " + std::string(filename) + " on line " +
                                          std::to_string(line) +
                                          ", but no encoding declared; see "
                                          "https://peps.python.org/pep-0263/ for details");
                return std::nullopt;
            }
        }
        out.text = normalise_newlines(bytes);
        return out;
    }

    const CodecInfo* codec = find_codec(name);
    if (!codec) {
        decoding_error(error, (file_mode ? "encoding problem: " : "unknown encoding: ") + name);
        return std::nullopt;
    }
    std::string utf8;
    size_t bad = 0;
    if (!iconv_to_utf8(bytes, codec->iconv, utf8, bad)) {
        if (file_mode) {
            decoding_error(error, "encoding problem: " + name);
        } else {
            char buf[160];
            unsigned byte = bad < bytes.size() ? static_cast<unsigned char>(bytes[bad]) : 0;
            if (std::strcmp(codec->python, "ascii") == 0)
                std::snprintf(buf, sizeof buf,
                              "'ascii' codec can't decode byte 0x%02x in position %zu: ordinal "
                              "not in range(128)",
                              byte, bad + (bom ? 3 : 0));
            else
                std::snprintf(buf, sizeof buf,
                              "'%s' codec can't decode byte 0x%02x in position %zu: illegal "
                              "multibyte sequence",
                              codec->python, byte, bad + (bom ? 3 : 0));
            decoding_error(error, buf);
        }
        return std::nullopt;
    }
    out.text = normalise_newlines(utf8);
    return out;
}

}  // namespace krait
