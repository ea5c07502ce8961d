// A syntax error found by the tokenizer or the parser, in the form CPython's
// SyntaxError carries it, and its printing in CPython's layout.
#pragma once

#include <string>
#include <string_view>

namespace krait {

struct SyntaxErrorInfo {
    // MemoryError is what CPython 3.11 raises when input nests deeper than
    // its parser's stack allows; it prints as a bare "MemoryError".
    enum class Type { SyntaxError, IndentationError, TabError, MemoryError };
    Type type = Type::SyntaxError;
    std::string msg;
    // 1-based line numbers; columns are 0-based UTF-8 byte offsets into the
    // (decoded, newline-normalised) source line, as the AST's col_offset.
    // end_lineno == 0 means "no end" (CPython's end_lineno None / -1).
    int lineno = 0;
    int col_offset = 0;
    int end_lineno = 0;
    int end_col_offset = 0;
    // The line's text when it cannot be read back from the source (e.g.
    // errors inside f-string expressions); empty means "take it from the source".
    std::string text_override;
    // Some errors (e.g. decoding errors) have no source line to show at all.
    bool no_text = false;
    // Raised by the parser rather than the tokenizer: CPython prints those
    // differently for files without a coding declaration (see
    // format_syntax_error).
    bool from_parser = false;
    // Located at the end of input (on CPython's column-less ENDMARKER or a
    // final DEDENT).
    bool at_end_of_input = false;
    // For parser errors: the line the tokenizer had reached. From a string,
    // CPython shows an earlier line without its newline.
    int tokenizer_line = 0;

    static const char* type_name(Type t) {
        switch (t) {
            case Type::IndentationError: return "IndentationError";
            case Type::TabError: return "TabError";
            case Type::MemoryError: return "MemoryError";
            default: return "SyntaxError";
        }
    }
};

// Formats the error as CPython 3.11 prints an uncaught SyntaxError of a
// file: `  File "NAME", line N`, the source line, the caret line, `Type: msg`.
// `source` is the decoded UTF-8 source (for the line text and to turn byte
// columns into character columns).

// How the source reached the parser, which changes a few details of CPython's
// report.
struct ErrorSource {
    // A file or stdin, rather than a string (-c, compile()). CPython's reader
    // has let go of the last line at the end of a file, so errors there get
    // no caret.
    bool file = false;
    // A coding declaration or BOM was present. Without one, a file's parser
    // errors keep their offsets in UTF-8 bytes instead of characters, and the
    // shown line is read back in 999-byte pieces (a long line shows only its
    // last piece).
    bool declared_encoding = false;
    // The file began with a UTF-8 BOM: CPython reads line 1 back with it.
    bool bom = false;
};
std::string format_syntax_error(const SyntaxErrorInfo& err, std::string_view filename, std::string_view source,
                                ErrorSource origin = {});

}  // namespace krait
