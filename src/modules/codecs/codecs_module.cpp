// The `_codecs` module (what codecs.py and the encodings package build on): the registry
// functions and the codec functions with CPython's signatures, argument checks and
// (output, length consumed) results. The codecs themselves are in the other files of this folder.
#include <cstdarg>

#include "modules/codecs/codecs_internal.h"
#include "modules/modules.h"
#include "runtime/builtin_types.h"
#include "runtime/bytes.h"
#include "runtime/coll_util.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::codecs {

using namespace runtime;

namespace {

// --- arguments, as the argument clinic checks them ---------------------------------------------

bool check_count(const char* name, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return true;
  size_t bound = nargs < min ? min : max;
  const char* how = min == max ? "" : nargs < min ? "at least " : "at most ";
  raise_format(exc::TypeError, "%s expected %s%zu argument%s, got %zu", name, how, bound, bound == 1 ? "" : "s", nargs);
  return false;
}

bool str_argument(const char* name, int position, Value v) {
  if (is_str(v)) return true;
  raise_format(exc::TypeError, "%s() argument %d must be str, not %s", name, position, coll::type_name(v));
  return false;
}

// errors: absent or None means "strict".
bool errors_argument(const char* name, int position, const Value* args, size_t nargs, std::string_view* out) {
  *out = "strict";
  if (nargs < size_t(position) || args[position - 1].is(none())) return true;
  Value v = args[position - 1];
  if (!is_str(v)) {
    raise_format(exc::TypeError, "%s() argument %d must be str or None, not %s", name, position, coll::type_name(v));
    return false;
  }
  *out = str_utf8(v);
  return true;
}

// A bytes-like argument (or a str, as UTF-8, where the function accepts one). `holder` keeps a
// copy of mutable buffers so that a handler cannot change the bytes under the decoder.
bool data_argument(Value v, bool accept_str, std::string_view* out, std::string* holder) {
  if (accept_str && is_str(v)) {
    *out = str_utf8(v);
    return true;
  }
  if (is_bytes(v)) {
    *out = bytes_view(v);
    return true;
  }
  if (!buffer_to_string(v, holder)) return false;
  *out = *holder;
  return true;
}

bool int_argument(const Value* args, size_t nargs, size_t index, int64_t fallback, int64_t* out) {
  *out = fallback;
  if (nargs <= index) return true;
  return coll::index_arg(args[index], out);
}

Value pair(Value first, size_t length) {
  Ref a = Ref::steal(first);
  if (!a) return Value();
  Ref n = Ref::steal(int_from_int64(int64_t(length)));
  return tuple_pack({a.get(), n.get()});
}

// --- the codec functions ---------------------------------------------------------------------------

// f(str, errors=None) -> (bytes, len(str)) for an encoder taking only errors.
template <Value (*Encode)(Value, std::string_view)>
Value simple_encoder(const char* name, const Value* args, size_t nargs) {
  std::string_view errors;
  if (!check_count(name, nargs, 1, 2) || !str_argument(name, 1, args[0]) ||
      !errors_argument(name, 2, args, nargs, &errors))
    return Value();
  return pair(Encode(args[0], errors), str_length(args[0]));
}

Value utf_8_encode(Value, const Value* a, size_t n) { return simple_encoder<utf8_encode>("utf_8_encode", a, n); }
Value ascii_encode_f(Value, const Value* a, size_t n) { return simple_encoder<ascii_encode>("ascii_encode", a, n); }
Value latin_1_encode(Value, const Value* a, size_t n) { return simple_encoder<latin1_encode>("latin_1_encode", a, n); }
Value utf_7_encode(Value, const Value* a, size_t n) { return simple_encoder<utf7_encode>("utf_7_encode", a, n); }

Value unicode_escape_encode_f(Value, const Value* a, size_t n) {
  std::string_view errors;
  if (!check_count("unicode_escape_encode", n, 1, 2) || !str_argument("unicode_escape_encode", 1, a[0]) ||
      !errors_argument("unicode_escape_encode", 2, a, n, &errors))
    return Value();
  return pair(unicode_escape_encode(a[0]), str_length(a[0]));
}

Value raw_unicode_escape_encode_f(Value, const Value* a, size_t n) {
  std::string_view errors;
  if (!check_count("raw_unicode_escape_encode", n, 1, 2) || !str_argument("raw_unicode_escape_encode", 1, a[0]) ||
      !errors_argument("raw_unicode_escape_encode", 2, a, n, &errors))
    return Value();
  return pair(raw_unicode_escape_encode(a[0]), str_length(a[0]));
}

// utf_16_encode / utf_32_encode(str, errors=None, byteorder=0) and the fixed-order variants.
Value utf_encoder(const char* name, const Value* a, size_t n, int width, int fixed_order, bool takes_order) {
  std::string_view errors;
  int64_t order = fixed_order;
  if (!check_count(name, n, 1, takes_order ? 3 : 2) || !str_argument(name, 1, a[0]) ||
      !errors_argument(name, 2, a, n, &errors) || (takes_order && !int_argument(a, n, 2, 0, &order)))
    return Value();
  int bo = order == 0 ? 0 : order < 0 ? -1 : 1;
  return pair(width == 2 ? utf16_encode(a[0], errors, bo) : utf32_encode(a[0], errors, bo), str_length(a[0]));
}

Value utf_16_encode(Value, const Value* a, size_t n) { return utf_encoder("utf_16_encode", a, n, 2, 0, true); }
Value utf_16_le_encode(Value, const Value* a, size_t n) { return utf_encoder("utf_16_le_encode", a, n, 2, -1, false); }
Value utf_16_be_encode(Value, const Value* a, size_t n) { return utf_encoder("utf_16_be_encode", a, n, 2, 1, false); }
Value utf_32_encode(Value, const Value* a, size_t n) { return utf_encoder("utf_32_encode", a, n, 4, 0, true); }
Value utf_32_le_encode(Value, const Value* a, size_t n) { return utf_encoder("utf_32_le_encode", a, n, 4, -1, false); }
Value utf_32_be_encode(Value, const Value* a, size_t n) { return utf_encoder("utf_32_be_encode", a, n, 4, 1, false); }

// Decoders f(data, errors=None[, final]) -> (str, consumed).
struct DecodeArgs {
  std::string_view data, errors;
  std::string holder;
  bool final = true;
};

bool decode_arguments(const char* name, const Value* a, size_t n, bool takes_final, bool final_default,
                      bool accept_str, DecodeArgs* out) {
  if (!check_count(name, n, 1, takes_final ? 3 : 2)) return false;
  if (!data_argument(a[0], accept_str, &out->data, &out->holder)) return false;
  if (!errors_argument(name, 2, a, n, &out->errors)) return false;
  int64_t final = final_default;
  if (takes_final && !int_argument(a, n, 2, final_default, &final)) return false;
  out->final = final != 0;
  return true;
}

Value utf_8_decode(Value, const Value* a, size_t n) {
  DecodeArgs d;
  if (!decode_arguments("utf_8_decode", a, n, true, false, false, &d)) return Value();
  size_t consumed = 0;
  Value result = utf8_decode(d.data, d.errors, d.final, &consumed);
  return pair(result, consumed);
}

Value utf_7_decode(Value, const Value* a, size_t n) {
  DecodeArgs d;
  if (!decode_arguments("utf_7_decode", a, n, true, false, false, &d)) return Value();
  size_t consumed = 0;
  Value result = utf7_decode(d.data, d.errors, d.final, &consumed);
  return pair(result, consumed);
}

Value ascii_decode_f(Value, const Value* a, size_t n) {
  DecodeArgs d;
  if (!decode_arguments("ascii_decode", a, n, false, true, false, &d)) return Value();
  return pair(ascii_decode(d.data, d.errors), d.data.size());
}

Value latin_1_decode(Value, const Value* a, size_t n) {
  DecodeArgs d;
  if (!decode_arguments("latin_1_decode", a, n, false, true, false, &d)) return Value();
  return pair(latin1_decode(d.data, d.errors), d.data.size());
}

Value unicode_escape_decode_f(Value, const Value* a, size_t n) {
  DecodeArgs d;
  if (!decode_arguments("unicode_escape_decode", a, n, true, true, true, &d)) return Value();
  size_t consumed = 0;
  Value result = unicode_escape_decode(d.data, d.errors, d.final, &consumed);
  return pair(result, consumed);
}

Value raw_unicode_escape_decode_f(Value, const Value* a, size_t n) {
  DecodeArgs d;
  if (!decode_arguments("raw_unicode_escape_decode", a, n, true, true, true, &d)) return Value();
  size_t consumed = 0;
  Value result = raw_unicode_escape_decode(d.data, d.errors, d.final, &consumed);
  return pair(result, consumed);
}

// utf_16/32 decoders: fixed_order 0 detects a BOM.
Value utf_decoder(const char* name, const Value* a, size_t n, int width, int fixed_order) {
  DecodeArgs d;
  if (!decode_arguments(name, a, n, true, false, false, &d)) return Value();
  int bo = fixed_order;
  size_t consumed = 0;
  Value result = width == 2 ? utf16_decode(d.data, d.errors, &bo, d.final, &consumed)
                            : utf32_decode(d.data, d.errors, &bo, d.final, &consumed);
  return pair(result, consumed);
}

Value utf_16_decode(Value, const Value* a, size_t n) { return utf_decoder("utf_16_decode", a, n, 2, 0); }
Value utf_16_le_decode(Value, const Value* a, size_t n) { return utf_decoder("utf_16_le_decode", a, n, 2, -1); }
Value utf_16_be_decode(Value, const Value* a, size_t n) { return utf_decoder("utf_16_be_decode", a, n, 2, 1); }
Value utf_32_decode(Value, const Value* a, size_t n) { return utf_decoder("utf_32_decode", a, n, 4, 0); }
Value utf_32_le_decode(Value, const Value* a, size_t n) { return utf_decoder("utf_32_le_decode", a, n, 4, -1); }
Value utf_32_be_decode(Value, const Value* a, size_t n) { return utf_decoder("utf_32_be_decode", a, n, 4, 1); }

// utf_16_ex_decode(data, errors=None, byteorder=0, final=False) -> (str, consumed, byteorder).
Value utf_ex_decoder(const char* name, const Value* a, size_t n, int width) {
  DecodeArgs d;
  if (!check_count(name, n, 1, 4)) return Value();
  if (!data_argument(a[0], false, &d.data, &d.holder) || !errors_argument(name, 2, a, n, &d.errors)) return Value();
  int64_t order, final;
  if (!int_argument(a, n, 2, 0, &order) || !int_argument(a, n, 3, 0, &final)) return Value();
  int bo = order == 0 ? 0 : order < 0 ? -1 : 1;
  size_t consumed = 0;
  Ref text = Ref::steal(width == 2 ? utf16_decode(d.data, d.errors, &bo, final != 0, &consumed)
                                   : utf32_decode(d.data, d.errors, &bo, final != 0, &consumed));
  if (!text) return Value();
  Ref c = Ref::steal(int_from_int64(int64_t(consumed))), b = Ref::steal(int_from_int64(bo));
  return tuple_pack({text.get(), c.get(), b.get()});
}

Value utf_16_ex_decode(Value, const Value* a, size_t n) { return utf_ex_decoder("utf_16_ex_decode", a, n, 2); }
Value utf_32_ex_decode(Value, const Value* a, size_t n) { return utf_ex_decoder("utf_32_ex_decode", a, n, 4); }

Value charmap_encode_f(Value, const Value* a, size_t n) {
  std::string_view errors;
  if (!check_count("charmap_encode", n, 1, 3) || !str_argument("charmap_encode", 1, a[0]) ||
      !errors_argument("charmap_encode", 2, a, n, &errors))
    return Value();
  return pair(charmap_encode(a[0], errors, n > 2 ? a[2] : none()), str_length(a[0]));
}

Value charmap_decode_f(Value, const Value* a, size_t n) {
  DecodeArgs d;
  if (!check_count("charmap_decode", n, 1, 3)) return Value();
  if (!data_argument(a[0], false, &d.data, &d.holder) || !errors_argument("charmap_decode", 2, a, n, &d.errors))
    return Value();
  return pair(charmap_decode(d.data, d.errors, n > 2 ? a[2] : none()), d.data.size());
}

Value charmap_build_f(Value, Value map) {
  if (!is_str(map)) return raise_format(exc::TypeError, "charmap_build() argument must be str, not %s", coll::type_name(map));
  return charmap_build(map);
}

Value escape_encode_f(Value, const Value* a, size_t n) {
  std::string_view errors;
  if (!check_count("escape_encode", n, 1, 2)) return Value();
  if (!is_bytes(a[0]))
    return raise_format(exc::TypeError, "escape_encode() argument 1 must be bytes, not %s", coll::type_name(a[0]));
  if (!errors_argument("escape_encode", 2, a, n, &errors)) return Value();
  return pair(escape_encode(bytes_view(a[0])), bytes_size(a[0]));
}

Value escape_decode_f(Value, const Value* a, size_t n) {
  DecodeArgs d;
  if (!decode_arguments("escape_decode", a, n, false, true, true, &d)) return Value();
  return pair(escape_decode(d.data, d.errors), d.data.size());
}

Value readbuffer_encode(Value, const Value* a, size_t n) {
  DecodeArgs d;
  if (!decode_arguments("readbuffer_encode", a, n, false, true, true, &d)) return Value();
  return pair(bytes_from(d.data), d.data.size());
}

// --- the registry functions ------------------------------------------------------------------------

Value register_f(Value, Value function) {
  if (register_search_function(function) < 0) return Value();
  return Ref::borrow(none()).release();
}

Value unregister_f(Value, Value function) {
  if (unregister_search_function(function) < 0) return Value();
  return Ref::borrow(none()).release();
}

Value lookup_f(Value, Value encoding) {
  if (!is_str(encoding))
    return raise_format(exc::TypeError, "lookup() argument must be str, not %s", coll::type_name(encoding));
  return lookup_codec(str_utf8(encoding));
}

// encode(obj, encoding='utf-8', errors='strict') / decode(...).
Value transcode(const char* name, bool encoding_side, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kParams[] = {"obj", "encoding", "errors"};
  Value a[3];
  if (!coll::parse_args(name, args, nargs, kwnames, kParams, 3, 1, 3, a)) return Value();
  std::string_view names[2] = {"utf-8", "strict"};
  for (int i = 1; i < 3; ++i) {
    if (!a[i]) continue;
    if (!is_str(a[i]))
      return raise_format(exc::TypeError, "%s() argument '%s' must be str, not %s", name, kParams[i], coll::type_name(a[i]));
    names[i - 1] = str_utf8(a[i]);
  }
  return encoding_side ? encode_object(a[0], names[0], names[1]) : decode_object(a[0], names[0], names[1]);
}

Value encode_f(Value, const Value* args, size_t nargs, Value kwnames) { return transcode("encode", true, args, nargs, kwnames); }
Value decode_f(Value, const Value* args, size_t nargs, Value kwnames) { return transcode("decode", false, args, nargs, kwnames); }

Value lookup_error_f(Value, Value name) {
  if (!is_str(name)) return raise_format(exc::TypeError, "lookup_error() argument must be str, not %s", coll::type_name(name));
  return lookup_error_handler(str_utf8(name));
}

Value register_error_f(Value, const Value* a, size_t n) {
  if (!check_count("register_error", n, 2, 2) || !str_argument("register_error", 1, a[0])) return Value();
  if (register_error_handler(a[0], a[1]) < 0) return Value();
  return Ref::borrow(none()).release();
}

#define F(name, fn, kind) {name, reinterpret_cast<void*>(fn), MethodKind::kind}
const MethodDef kFunctions[] = {
    F("register", register_f, OneArg),
    F("unregister", unregister_f, OneArg),
    F("lookup", lookup_f, OneArg),
    F("encode", encode_f, FastKeywords),
    F("decode", decode_f, FastKeywords),
    F("escape_encode", escape_encode_f, Fast),
    F("escape_decode", escape_decode_f, Fast),
    F("utf_8_encode", utf_8_encode, Fast),
    F("utf_8_decode", utf_8_decode, Fast),
    F("utf_7_encode", utf_7_encode, Fast),
    F("utf_7_decode", utf_7_decode, Fast),
    F("utf_16_encode", utf_16_encode, Fast),
    F("utf_16_decode", utf_16_decode, Fast),
    F("utf_16_le_encode", utf_16_le_encode, Fast),
    F("utf_16_le_decode", utf_16_le_decode, Fast),
    F("utf_16_be_encode", utf_16_be_encode, Fast),
    F("utf_16_be_decode", utf_16_be_decode, Fast),
    F("utf_16_ex_decode", utf_16_ex_decode, Fast),
    F("utf_32_encode", utf_32_encode, Fast),
    F("utf_32_decode", utf_32_decode, Fast),
    F("utf_32_le_encode", utf_32_le_encode, Fast),
    F("utf_32_le_decode", utf_32_le_decode, Fast),
    F("utf_32_be_encode", utf_32_be_encode, Fast),
    F("utf_32_be_decode", utf_32_be_decode, Fast),
    F("utf_32_ex_decode", utf_32_ex_decode, Fast),
    F("unicode_escape_encode", unicode_escape_encode_f, Fast),
    F("unicode_escape_decode", unicode_escape_decode_f, Fast),
    F("raw_unicode_escape_encode", raw_unicode_escape_encode_f, Fast),
    F("raw_unicode_escape_decode", raw_unicode_escape_decode_f, Fast),
    F("latin_1_encode", latin_1_encode, Fast),
    F("latin_1_decode", latin_1_decode, Fast),
    F("ascii_encode", ascii_encode_f, Fast),
    F("ascii_decode", ascii_decode_f, Fast),
    F("charmap_encode", charmap_encode_f, Fast),
    F("charmap_decode", charmap_decode_f, Fast),
    F("charmap_build", charmap_build_f, OneArg),
    F("readbuffer_encode", readbuffer_encode, Fast),
    F("register_error", register_error_f, Fast),
    F("lookup_error", lookup_error_f, OneArg),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef F

}  // namespace

}  // namespace krait::codecs

namespace krait::modules {

Value create_codecs_module() {
  using namespace runtime;
  if (codecs::init_encoding_map_type() < 0) return Value();
  Ref module = Ref::steal(module_new("_codecs"));
  if (!module || module_add_functions(module.get(), codecs::kFunctions) < 0) return Value();
  return module.release();
}

}  // namespace krait::modules
