// libFuzzer target for the front end: any bytes go through source decoding,
// the tokenizer, the parser and the AST printer (and the error printer when
// they fail) without crashing, hanging or leaking. Build: fuzz/build.sh.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "parse/parser.h"
#include "parse/source.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    // The first byte picks how the source reached krait: a file or a string,
    // and the parse mode.
    bool as_file = size > 0 && (data[0] & 1);
    krait::ParseMode mode = size > 0 && (data[0] & 2) ? krait::ParseMode::Eval : krait::ParseMode::File;
    if (size > 0) bytes.remove_prefix(1);

    krait::SyntaxErrorInfo error;
    auto source = krait::decode_source(bytes, error, as_file ? "fuzz.py" : "");
    std::string text;
    bool declared = true, bom = false;
    if (source) {
        text = std::move(source->text);
        declared = source->declared;
        bom = source->bom;
        krait::ast::Arena arena;
        if (krait::ast::mod* m = krait::parse(text, mode, arena, error)) {
            std::string out;
            krait::ast::dump(m, out, true);
            return 0;
        }
    }
    (void)krait::format_syntax_error(error, "fuzz.py", text, {as_file, declared, bom});
    return 0;
}
