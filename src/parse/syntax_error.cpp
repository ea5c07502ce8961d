// Printing a SyntaxError as CPython 3.11 prints an uncaught one.
//
// The rules below were established by experiment with /usr/bin/python3.11
// (raising SyntaxErrors with chosen attributes through sys.__excepthook__ and
// running files that fail to parse); tests/unit/test_syntax_error.cpp holds
// the cases. In short, CPython:
//   - prints `  File "NAME", line N`, then the text indented by 4 spaces with
//     its leading spaces, tabs and form feeds removed, then a caret line, then
//     `Type: msg`;
//   - works on the UTF-8 bytes of the text, but takes the 1-based `offset`
//     and `end_offset` as they are (so on non-ASCII lines a character offset
//     is compared against byte lengths: we reproduce that, not fix it);
//   - when the error ends on a later line, underlines to the end of the text;
//   - clips the start to the text's length (without its newline) and the end
//     to the text's length (with it); draws one caret when end <= start;
//   - when the text holds several lines, shows the one the offset falls in;
//   - draws no caret when the offset points left of the stripped text.
#include "parse/syntax_error.h"

#include <string>
#include <string_view>

#include "support/utf8.h"

namespace krait {

namespace {

// Line `lineno` (1-based) of `source` including its newline, or nullopt-like
// empty view with found=false when the source has no such line.
bool source_line(std::string_view source, int lineno, std::string_view& line) {
    if (lineno < 1) return false;
    size_t pos = 0;
    for (int n = 1; n < lineno; ++n) {
        size_t nl = source.find('\n', pos);
        if (nl == std::string_view::npos) return false;
        pos = nl + 1;
    }
    if (pos >= source.size()) return false;  // past the last line
    size_t nl = source.find('\n', pos);
    line = source.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos + 1);
    return true;
}

// CPython's 1-based offset for a 0-based byte column of `line`. Negative
// columns mean "no position" and map to CPython's 0 / -1. Columns beyond the
// line's end (errors at end of input) count one per byte past the end.
long cpython_offset(std::string_view line, int col, bool bytes) {
    if (col < 0) return long(col) + 1;
    if (bytes) return long(col) + 1;
    size_t c = size_t(col) + 1;
    size_t within = c < line.size() ? c : line.size();
    // CPython decodes the first col+1 bytes with errors="replace" and counts
    // the characters: a cut-off character counts as one.
    std::string_view prefix = line.substr(0, within);
    size_t chars = 0;
    for (size_t i = 0; i < prefix.size();) {
        utf8::DecodeError e = utf8::python_decode_error(prefix, i);
        size_t stop = e.end ? e.start : prefix.size();
        chars += utf8::length(prefix.substr(i, stop - i));
        if (!e.end) break;
        ++chars;
        i = e.end;
    }
    return long(chars) + long(c - within);
}

}  // namespace

std::string format_syntax_error(const SyntaxErrorInfo& err, std::string_view filename, std::string_view source,
                                ErrorSource origin) {
    const bool bytes = origin.file && !origin.declared_encoding && err.from_parser;
    const char* type = SyntaxErrorInfo::type_name(err.type);
    std::string out;
    // Without a line number CPython prints the bare exception (e.g. the
    // "Non-UTF-8 code starting with ..." error of a file).
    if (err.lineno <= 0) {
        out += type;
        if (!err.msg.empty()) out += ": " + err.msg;
        out += '\n';
        return out;
    }
    out += "  File \"";
    out += filename;
    out += "\", line " + std::to_string(err.lineno) + "\n";

    std::string_view text;
    std::string shown_text;  // when the shown line differs from the source's
    bool has_text = false;
    if (!err.no_text) {
        if (!err.text_override.empty()) {
            text = err.text_override;
            has_text = true;
        } else {
            has_text = source_line(source, err.lineno, text);
            if (has_text && bytes && text.size() > 999) text.remove_prefix((text.size() - 1) / 999 * 999);
        }
        // CPython shows the line decoded with errors="replace", and a parser
        // error on the first line of a file with a BOM includes the BOM.
        if (has_text && utf8::python_decode_error(text).end) {
            shown_text = utf8::python_replace(text);
            text = shown_text;
        }
        if (has_text && !origin.file && err.from_parser && err.tokenizer_line > err.lineno && !text.empty() &&
            text.back() == '\n')
            text.remove_suffix(1);
        if (has_text && err.lineno == 1 && err.from_parser && origin.file && origin.bom) {
            shown_text = "\xEF\xBB\xBF" + std::string(text);
            text = shown_text;
        }
    }

    if (has_text) {
        long offset = origin.file && err.at_end_of_input ? 0 : cpython_offset(text, err.col_offset, bytes);
        long end_offset;
        if (err.end_lineno <= 0) {
            end_offset = offset;  // no end: a single caret
        } else if (err.end_lineno > err.lineno) {
            // Ends on a later line: underline to the end of this text.
            end_offset = long(text.size());
        } else {
            std::string_view end_text = text;
            if (err.end_lineno != err.lineno && err.text_override.empty())
                source_line(source, err.end_lineno, end_text);
            end_offset = cpython_offset(end_text, err.end_col_offset, bytes);
        }

        // From here on CPython's arithmetic: 0-based positions in bytes.
        long start = offset - 1;
        long end = end_offset - 1;
        size_t p = 0;
        while (p < text.size() && (text[p] == ' ' || text[p] == '\t' || text[p] == '\f')) {
            ++p;
            --start;
            --end;
        }
        std::string_view shown = text.substr(p);
        long len = long(shown.size());
        if (len > 0 && shown[len - 1] == '\n') --len;
        if (start > len) start = len;
        // A text of several lines: skip the lines before the one the offset is in.
        for (;;) {
            size_t nl = shown.find('\n');
            if (nl == std::string_view::npos || long(nl) >= start) break;
            long skip = long(nl) + 1;
            shown.remove_prefix(size_t(skip));
            len -= skip;
            start -= skip;
            end -= skip;
        }
        if (end > long(shown.size())) end = long(shown.size());

        out += "    ";
        out += shown;
        if (shown.empty() || shown.back() != '\n') out += '\n';
        if (start >= 0) {
            out += "    ";
            out.append(size_t(start), ' ');
            // Only a plain SyntaxError underlines a range; its subclasses
            // (IndentationError, TabError) always get one caret.
            bool range = end > start && err.type == SyntaxErrorInfo::Type::SyntaxError;
            out.append(range ? size_t(end - start) : 1, '^');
            out += '\n';
        }
    }
    out += type;
    if (!err.msg.empty()) out += ": " + err.msg;
    out += '\n';
    return out;
}

}  // namespace krait
