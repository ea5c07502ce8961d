// What the runtime asks of the codecs (src/modules/codecs/): str.encode, bytes.decode,
// bytearray.decode and str(b, encoding) call these. UTF-8, ASCII and Latin-1 (and UTF-16/32 with
// a BOM, as CPython) run natively without a registry lookup; any other name goes through the codec
// registry (codecs.lookup, so the encodings package) with CPython's checks and messages.
#pragma once

#include <string_view>

#include "runtime/object.h"

namespace krait::codecs {

// str -> bytes. New reference, or null + error (LookupError, UnicodeEncodeError, ...).
runtime::Value encode_text(runtime::Value str, std::string_view encoding, std::string_view errors);
// bytes -> str.
runtime::Value decode_text(std::string_view data, std::string_view encoding, std::string_view errors);

// codecs.lookup(encoding): the CodecInfo (new reference), or null + LookupError. What _io's
// TextIOWrapper can take incremental decoders and encoders from for other encodings.
runtime::Value lookup_codec(std::string_view encoding);

}  // namespace krait::codecs
