// Tokens as CPython 3.11's C tokenizer produces them for the parser.
#pragma once

#include <cstdint>
#include <string_view>

namespace krait {

enum class TokenType : uint8_t {
    EndMarker, Name, Number, String, Newline, Indent, Dedent,
    // Operators and delimiters (CPython's exact token types).
    LPar, RPar, LSqb, RSqb, Colon, Comma, Semi, Plus, Minus, Star, Slash, VBar, Amper,
    Less, Greater, Equal, Dot, Percent, LBrace, RBrace, EqEqual, NotEqual, LessEqual,
    GreaterEqual, Tilde, Circumflex, LeftShift, RightShift, DoubleStar, PlusEqual,
    MinEqual, StarEqual, SlashEqual, PercentEqual, AmperEqual, VBarEqual, CircumflexEqual,
    LeftShiftEqual, RightShiftEqual, DoubleStarEqual, DoubleSlash, DoubleSlashEqual, At,
    AtEqual, RArrow, Ellipsis, ColonEqual,
    // "!" alone is not a Python 3.11 operator; `<>` is NotEqual only under
    // barry_as_FLUFL, otherwise the tokenizer emits NotEqual and the parser rejects it.
    ErrorToken,
};

// Hard keywords. Soft keywords (match, case, _) are plain names.
enum class Keyword : uint8_t {
    None_ = 0,  // not a keyword
    False, None, True, And, As, Assert, Async, Await, Break, Class, Continue, Def, Del,
    Elif, Else, Except, Finally, For, From, Global, If, Import, In, Is, Lambda, Nonlocal,
    Not, Or, Pass, Raise, Return, Try, While, With, Yield,
};

struct Token {
    TokenType type = TokenType::EndMarker;
    Keyword keyword = Keyword::None_;  // for Name tokens that are hard keywords
    // Byte offsets of the token's text in the tokenizer's UTF-8 buffer.
    uint32_t start = 0;
    uint32_t end = 0;
    // Positions as CPython reports them: 1-based lines, 0-based byte columns.
    int32_t lineno = 0;
    int32_t col_offset = 0;
    int32_t end_lineno = 0;
    int32_t end_col_offset = 0;
};

}  // namespace krait
