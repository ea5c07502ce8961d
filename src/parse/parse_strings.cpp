// String literals: implicit concatenation, bytes/str, and f-strings (3.11:
// an f-string is one STRING token whose replacement fields are parsed here,
// each expression by a sub-parser over "(" + expression + ")").
#include <cstring>

#include "parse/literals.h"
#include "parse/parser_impl.h"
#include "parse/tokenizer.h"

namespace krait::detail {

using TT = TokenType;

namespace {

struct StringToken {
    const Token* token;
    std::string_view text;  // the whole token
    std::string_view body;  // between the quotes
    size_t body_offset;     // of `body` within `text`
    bool is_bytes = false, is_raw = false, is_fstring = false, is_u = false;
};

StringToken split_string_token(const Token& t, std::string_view text) {
    StringToken s{&t, text, {}, 0};
    size_t i = 0;
    for (; i < text.size() && text[i] != '\'' && text[i] != '"'; ++i) {
        switch (text[i] | 0x20) {
            case 'b': s.is_bytes = true; break;
            case 'r': s.is_raw = true; break;
            case 'f': s.is_fstring = true; break;
            case 'u': s.is_u = true; break;
        }
    }
    char q = text[i];
    size_t quote = (i + 2 < text.size() && text[i + 1] == q && text[i + 2] == q && text.size() - i >= 6) ? 3 : 1;
    s.body_offset = i + quote;
    s.body = text.substr(s.body_offset, text.size() - s.body_offset - quote);
    return s;
}

// Builds the parts of a JoinedStr: literal text is gathered and flushed as one
// Constant when an expression (or the end) comes.
struct FStringParts {
    std::string literal;
    std::vector<ast::expr*> values;
};

}  // namespace

class FStringParser {
public:
    FStringParser(Parser& p, const Token& first, const Token& last) : p_(p), first_(first), last_(last) {}

    // Parses one f-string token's body into `parts`. Returns false on error.
    bool parse_token(const StringToken& s, FStringParts& parts) {
        size_t pos = 0;
        return parse_body(s, pos, 0, parts, first_);
    }

    // Turns the gathered literal text into a Constant located from
    // `loc_first` to `loc_end`.
    bool flush(FStringParts& parts, const Token& loc_first, const Token& loc_end) {
        if (parts.literal.empty()) return true;
        auto* c = p_.located<ast::Constant>(loc_first, loc_end);
        c->value.kind = ast::ConstantValue::Kind::Str;
        c->value.text = p_.arena_.copy(parts.literal);
        parts.values.push_back(c);
        parts.literal.clear();
        return true;
    }

private:
    std::nullptr_t error(std::string msg) {
        // Raised at the farthest token, as CPython's f-string errors are.
        p_.peek();
        return p_.raise_at(p_.farthest(), std::move(msg));
    }

    bool decode_literal(const StringToken& s, std::string_view segment, std::string& out) {
        if (s.is_raw) {
            out.append(segment);
            return true;
        }
        std::string decoded;
        StringDecodeResult r = decode_string_body(segment, false, false, decoded);
        if (!r.ok) {
            error(r.error);
            return false;
        }
        out += decoded;
        return true;
    }

    // The literal and replacement fields of `s.body` from `pos`; at
    // recurse_lvl > 0 (a format spec) it stops at the closing '}'.
    bool parse_body(const StringToken& s, size_t& pos, int recurse_lvl, FStringParts& parts,
                    const Token& loc_first) {
        std::string_view b = s.body;
        for (;;) {
            // Literal text up to an undoubled brace.
            size_t lit_start = pos;
            bool doubled = false;
            while (pos < b.size()) {
                char ch = b[pos++];
                if (!s.is_raw && ch == '\\' && pos < b.size()) {
                    ch = b[pos++];
                    if (ch == 'N') {
                        // "\N{NAME}": its braces are not a replacement field.
                        if (pos < b.size() && b[pos++] == '{') {
                            while (pos < b.size() && b[pos++] != '}') {
                            }
                        }
                        continue;
                    }
                }
                if (ch == '{' || ch == '}') {
                    if (recurse_lvl == 0) {
                        if (pos < b.size() && b[pos] == ch) {
                            doubled = true;
                            break;
                        }
                        if (ch == '}') {
                            error("f-string: single '}' is not allowed");
                            return false;
                        }
                    }
                    --pos;
                    break;
                }
            }
            if (pos > lit_start && !decode_literal(s, b.substr(lit_start, pos - lit_start), parts.literal))
                return false;
            if (doubled) {
                ++pos;  // skip the second brace of "{{" / "}}"
                continue;
            }
            if (pos >= b.size() || b[pos] == '}') return true;
            // b[pos] == '{': a replacement field.
            if (!replacement_field(s, pos, recurse_lvl, parts, loc_first)) return false;
        }
    }

    bool replacement_field(const StringToken& s, size_t& pos, int recurse_lvl, FStringParts& parts,
                           const Token& loc_first) {
        std::string_view b = s.body;
        size_t brace = pos;
        if (recurse_lvl >= 2) {
            error("f-string: expressions nested too deeply");
            return false;
        }
        ++pos;
        size_t expr_start = pos;
        char quote = 0;
        int quote_len = 0;
        std::vector<char> brackets;
        for (; pos < b.size(); ++pos) {
            char ch = b[pos];
            if (ch == '\\') {
                error("f-string expression part cannot include a backslash");
                return false;
            }
            if (quote) {
                if (ch == quote) {
                    if (quote_len == 3) {
                        if (pos + 2 < b.size() && b[pos + 1] == ch && b[pos + 2] == ch) {
                            pos += 2;
                            quote = 0;
                        }
                    } else {
                        quote = 0;
                    }
                }
                continue;
            }
            if (ch == '\'' || ch == '"') {
                if (pos + 2 < b.size() && b[pos + 1] == ch && b[pos + 2] == ch) {
                    quote_len = 3;
                    pos += 2;
                } else {
                    quote_len = 1;
                }
                quote = ch;
                continue;
            }
            if (ch == '[' || ch == '(' || ch == '{') {
                if (brackets.size() >= 200) {
                    error("f-string: too many nested parenthesis");
                    return false;
                }
                brackets.push_back(ch);
                continue;
            }
            if (ch == '#') {
                error("f-string expression part cannot include '#'");
                return false;
            }
            if (brackets.empty() && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '<' || ch == '>')) {
                bool next_eq = pos + 1 < b.size() && b[pos + 1] == '=';
                if (next_eq && ch != ':' && ch != '}') {
                    ++pos;  // "!=", "==", "<=", ">="
                    continue;
                }
                if (ch == '<' || ch == '>') continue;
                break;
            }
            if (ch == ']' || ch == ')' || ch == '}') {
                if (brackets.empty()) {
                    error(std::string("f-string: unmatched '") + ch + "'");
                    return false;
                }
                char open = brackets.back();
                brackets.pop_back();
                if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') || (open == '{' && ch == '}'))) {
                    error(std::string("f-string: closing parenthesis '") + ch +
                          "' does not match opening parenthesis '" + open + "'");
                    return false;
                }
            }
        }
        if (quote) {
            error("f-string: unterminated string");
            return false;
        }
        if (!brackets.empty()) {
            error(std::string("f-string: unmatched '") + brackets.back() + "'");
            return false;
        }
        if (pos >= b.size()) {
            error("f-string: expecting '}'");
            return false;
        }
        size_t expr_end = pos;
        std::string_view expr_text = b.substr(expr_start, expr_end - expr_start);
        if (expr_text.find_first_not_of(" \t\f\n") == std::string_view::npos) {
            if (b[pos] == '!' || b[pos] == ':' || b[pos] == '=')
                error(std::string("f-string: expression required before '") + b[pos] + "'");
            else
                error("f-string: empty expression not allowed");
            return false;
        }
        ast::expr* value = compile_expression(s, brace, expr_text);
        if (!value) return false;

        // "=": the expression's text (and the whitespace after '=') goes before it.
        bool debug = false;
        if (b[pos] == '=') {
            debug = true;
            ++pos;
            while (pos < b.size() && (b[pos] == ' ' || b[pos] == '\t' || b[pos] == '\n' || b[pos] == '\f' ||
                                      b[pos] == '\r'))
                ++pos;
            parts.literal.append(b.substr(expr_start, pos - expr_start));
        }
        int conversion = -1;
        if (pos < b.size() && b[pos] == '!') {
            ++pos;
            if (pos >= b.size()) {
                error("f-string: expecting '}'");
                return false;
            }
            char c = b[pos++];
            if (c != 's' && c != 'r' && c != 'a') {
                error("f-string: invalid conversion character: expected 's', 'r', or 'a'");
                return false;
            }
            conversion = c;
        }
        if (pos >= b.size()) {
            error("f-string: expecting '}'");
            return false;
        }
        ast::expr* format_spec = nullptr;
        if (b[pos] == ':') {
            ++pos;
            FStringParts spec;
            const Token& t = *s.token;
            if (!parse_body(s, pos, recurse_lvl + 1, spec, t)) return false;
            // The spec's trailing text is located at its own token; text before a
            // nested field reaches to the end of the whole string (CPython 3.11).
            flush(spec, t, t);
            auto* j = p_.located<ast::JoinedStr>(t, t);
            j->values = p_.seq(spec.values);
            format_spec = j;
        }
        if (pos >= b.size() || b[pos] != '}') {
            error("f-string: expecting '}'");
            return false;
        }
        ++pos;
        if (debug && conversion == -1 && !format_spec) conversion = 'r';
        flush(parts, loc_first, last_);
        auto* fv = p_.located<ast::FormattedValue>(loc_first, last_);
        fv->value = value;
        fv->conversion = conversion;
        fv->format_spec = format_spec;
        parts.values.push_back(fv);
        return true;
    }

    // Parses the expression of a replacement field with a sub-parser, and
    // moves its positions to where the expression is in the file.
    ast::expr* compile_expression(const StringToken& s, size_t brace_in_body, std::string_view expr_text) {
        const Token& t = *s.token;
        size_t brace = s.body_offset + brace_in_body;  // in the token's text
        std::string_view tok_text = s.text;
        // A field whose '{' is followed by a newline (after blanks) starts its
        // expression at column 0 of the next line.
        bool newline_after_brace = true;
        for (size_t i = brace + 1; i < tok_text.size() && tok_text[i] != '}' && tok_text[i] != '\n'; ++i) {
            if (tok_text[i] != ' ' && tok_text[i] != '\t' && tok_text[i] != '\f') {
                newline_after_brace = false;
                break;
            }
        }
        int lines = 0;
        size_t last_newline = std::string_view::npos;
        for (size_t i = 0; i < brace; ++i) {
            if (tok_text[i] == '\n') {
                ++lines;
                last_newline = i;
            }
        }
        int cols = 0;
        if (!newline_after_brace) {
            cols = last_newline == std::string_view::npos ? static_cast<int>(brace)
                                                          : static_cast<int>(brace - last_newline - 1);
        }
        PositionShift shift;
        shift.line_delta = t.lineno + lines - 1;
        shift.first_line_cols = (lines == 0 ? t.col_offset : 0) + cols;

        std::string sub_source;
        sub_source.reserve(expr_text.size() + 3);
        sub_source += '(';
        sub_source += expr_text;
        sub_source += ")\n";
        std::string_view src = p_.arena_.copy(sub_source);
        TokenizeResult toks = tokenize(src);
        for (Token& tk : toks.tokens) {
            bool first_line = tk.end_lineno == 1;
            tk.lineno += shift.line_delta;
            tk.end_lineno += shift.line_delta;
            if (first_line) {
                tk.col_offset += shift.first_line_cols;
                tk.end_col_offset += shift.first_line_cols;
            }
        }
        std::optional<SyntaxErrorInfo> tok_error = toks.error;
        if (tok_error) shift_error(*tok_error, shift, 0);
        Parser sub({src, &toks.tokens, tok_error ? &*tok_error : nullptr}, p_.arena_, p_.depth_);
        sub.fstring_mode_ = true;
        ast::mod* m = toks.tokens.empty() ? nullptr : sub.parse(ParseMode::Eval);
        if (m && !sub.failed()) return m->as<ast::Expression>()->body;
        SyntaxErrorInfo err = toks.tokens.empty() && tok_error ? *tok_error : sub.error();
        if (err.type != SyntaxErrorInfo::Type::MemoryError) {
            // Errors inside the expression are shown on the "(expr)" text,
            // with columns counted in it.
            if (err.lineno - shift.line_delta == 1) {
                err.col_offset -= shift.first_line_cols;
                if (err.end_lineno - shift.line_delta == 1) err.end_col_offset -= shift.first_line_cols;
            }
            int sub_line = err.lineno - shift.line_delta;
            size_t line_start = 0;
            for (int i = 1; i < sub_line && line_start < src.size(); ++i) {
                size_t nl = src.find('\n', line_start);
                line_start = nl == std::string_view::npos ? src.size() : nl + 1;
            }
            size_t line_end = src.find('\n', line_start);
            // CPython reads the line back without its newline once its
            // tokenizer has gone past it.
            // An error of the tokenizer itself ("invalid decimal literal")
            // has neither the newline nor the parser's "f-string: " prefix.
            const bool tokenizer_own = !err.from_parser && !is_done_code_error(err);
            err.text_override = std::string(src.substr(line_start, line_end - line_start));
            if ((err.tokenizer_line <= err.lineno || !err.from_parser) && !tokenizer_own) err.text_override += "\n";
            if (!tokenizer_own) err.msg = "f-string: " + err.msg;
        }
        if (!p_.failed_) {
            p_.failed_ = true;
            p_.error_ = err;
        }
        return nullptr;
    }

    static void shift_error(SyntaxErrorInfo& e, const PositionShift& shift, int) {
        if (e.lineno == 1) {
            e.col_offset += shift.first_line_cols;
            if (e.end_lineno == 1) e.end_col_offset += shift.first_line_cols;
        }
        e.lineno += shift.line_delta;
        if (e.end_lineno) e.end_lineno += shift.line_delta;
    }

    Parser& p_;
    const Token& first_;
    const Token& last_;
};

// strings: STRING+
ast::expr* Parser::strings() {
    size_t start = pos_;
    while (at(TT::String)) ++pos_;
    peek();  // CPython's STRING+ looks one token further, which sets error locations
    if (failed_) return nullptr;  // ... and may reach the tokenizer's error first
    const Token& first = token_at(start);
    const Token& last_tok = token_at(pos_ - 1);

    std::vector<StringToken> parts;
    parts.reserve(pos_ - start);
    bool any_f = false;
    for (size_t i = start; i < pos_; ++i) {
        parts.push_back(split_string_token(token_at(i), text(token_at(i))));
        any_f = any_f || parts.back().is_fstring;
    }
    const bool bytes = parts[0].is_bytes;
    // CPython handles the tokens in order: a plain literal is decoded, then
    // checked against the first's bytes-ness, then an f-string is parsed; the
    // first error on the way wins.
    auto decode_error = [&](const StringDecodeResult& r) { return raise_at(farthest(), r.error); };

    if (!any_f) {
        std::string value;
        std::string_view single;
        for (const StringToken& s : parts) {
            std::string_view body = s.body;
            // Bodies without escapes need no decoding, unless the source may
            // hold invalid UTF-8 (then decode_string_body reports it).
            bool plain = (s.is_raw || body.find('\\') == std::string_view::npos) && source_valid_utf8_;
            if (plain && !s.is_bytes && parts.size() == 1) {
                single = body;  // common case: no copy, no decoding
                break;
            }
            if (plain && !s.is_bytes) {
                value.append(body);
            } else {
                std::string decoded;
                StringDecodeResult r = decode_string_body(body, s.is_bytes, s.is_raw, decoded);
                if (!r.ok) return decode_error(r);
                value += decoded;
            }
            if (s.is_bytes != bytes) return raise_at(farthest(), "cannot mix bytes and nonbytes literals");
        }
        auto* c = located<ast::Constant>(first, last_tok);
        c->value.kind = bytes ? ast::ConstantValue::Kind::Bytes : ast::ConstantValue::Kind::Str;
        c->value.text = single.data() ? single : arena_.copy(value);
        if (parts[0].is_u) c->kind = ast::Identifier(std::string_view("u", 1));
        return c;
    }

    FStringParser fp(*this, first, last_tok);
    FStringParts joined;
    for (const StringToken& s : parts) {
        std::string decoded;
        if (!s.is_fstring) {
            StringDecodeResult r = decode_string_body(s.body, s.is_bytes, s.is_raw, decoded);
            if (!r.ok) return decode_error(r);
        }
        if (s.is_bytes != bytes) return raise_at(farthest(), "cannot mix bytes and nonbytes literals");
        if (s.is_fstring) {
            if (!fp.parse_token(s, joined)) return nullptr;
        } else {
            joined.literal += decoded;
        }
    }
    fp.flush(joined, first, last_tok);
    auto* j = located<ast::JoinedStr>(first, last_tok);
    j->values = seq(joined.values);
    return j;
}

}  // namespace krait::detail
