// The codec registry: search functions (codecs.register; the encodings package registers the
// first one when it is imported, which the registry does on first use, as CPython does at
// start-up), the cache of CodecInfo by normalized name, and encoding and decoding through it:
// _codecs.encode/decode for any object, and the text path of str.encode / bytes.decode with
// their fast paths for UTF-8, ASCII, Latin-1, UTF-16 and UTF-32.
#include "modules/codecs/codecs.h"

#include "modules/codecs/codecs_internal.h"
#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exceptions.h"
#include "runtime/list.h"
#include "runtime/memory.h"
#include "runtime/memoryview.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/import.h"
#include "vm/state.h"

namespace krait::codecs {

using namespace runtime;

namespace {

// Owned until exit (CPython's interpreter state holds them); declared as static roots.
Value g_search_path;   // list of search functions
Value g_search_cache;  // normalized name -> CodecInfo

// Imports the encodings package once (it registers its search function).
bool ensure_registry() {
  if (g_search_path) return true;
  g_search_path = list_new(0);
  if (!g_search_path) return false;
  g_search_cache = dict_new();
  if (!g_search_cache) return false;
  declare_static_root(&g_search_path);
  declare_static_root(&g_search_cache);
  Ref encodings = Ref::steal(vm::import_module("encodings"));
  return bool(encodings);
}

// CPython's _Py_normalize_encoding: ASCII letters lowercased, digits and '.' kept, each run of
// anything else becomes one '_' between kept characters.
std::string normalize_encoding(std::string_view name) {
  std::string out;
  bool punct = false;
  for (char ch : name) {
    unsigned char c = static_cast<unsigned char>(ch);
    if ((c < 128 && isalnum(c)) || c == '.') {
      if (punct && !out.empty()) out += '_';
      punct = false;
      out += char(tolower(c));
    } else {
      punct = true;
    }
  }
  return out;
}

// CPython's wrap_codec_error: an exception that carries nothing but a message is replaced by one
// of the same type saying which codec failed, chained from it.
bool simple_exception_type(TypeObject* t) {
  TypeObject* complex_types[] = {exc::OSError, exc::SyntaxError, exc::ImportError, exc::StopIteration,
                                 exc::SystemExit, exc::UnicodeEncodeError, exc::UnicodeDecodeError,
                                 exc::UnicodeTranslateError, exc::AttributeError, exc::NameError,
                                 exc::BaseExceptionGroup};
  for (TypeObject* c : complex_types)
    if (is_subtype(t, c)) return false;
  // Classes written in Python must not add __init__, __new__ or __slots__ ...
  Value mro = t->mro;
  for (size_t i = 0; mro && i < tuple_size(mro); ++i) {
    TypeObject* k = static_cast<TypeObject*>(tuple_items(mro)[i].as_object());
    if (!(k->flags & TypeFlag::HeapType)) {
      // ... and the built-in class under them must construct as BaseException does.
      return k->init == exc::BaseException->init && k->new_ == exc::BaseException->new_;
    }
    for (const char* name : {"__init__", "__new__", "__slots__"})
      if (dict_get_item_str(k->dict, name)) return false;
  }
  return false;
}

void wrap_codec_error(const char* operation, std::string_view encoding) {
  if (!error_occurred()) return;
  Ref error = fetch_exception();
  Value e = error.get();
  TypeObject* type = type_of(e);
  Value args = exception_args(e);
  BaseExceptionObject* object = as_exception(e);
  bool simple = simple_exception_type(type) && args && tuple_size(args) <= 1 &&
                (tuple_size(args) == 0 || is_str_exact(tuple_items(args)[0])) &&
                (!object->dict || dict_size(object->dict) == 0);
  if (!simple) {
    vm::restore_exception(error.release());  // put back as it was (no new __context__)
    return;
  }
  Ref text = Ref::steal(str(e));
  if (!text) return;
  std::string message = std::string(operation) + " with '" + std::string(encoding) + "' codec failed (" +
                        type->name + ": " + str_to_utf8(text.get()) + ")";
  Ref wrapped = Ref::steal(exception_from_message(type, message));
  if (!wrapped) return;
  exception_set_cause(wrapped.get(), e);
  set_exception(wrapped.get());
}

// Calls a codec's encoder or decoder (index 0 / 1 of its CodecInfo) and returns the first item
// of the (object, length) tuple it must give.
Value call_codec(Value codec, int index, Value object, std::string_view errors, const char* operation,
                 std::string_view encoding) {
  Ref function = Ref::borrow(tuple_items(codec)[index]);  // lookup checked it is a 4-tuple
  Ref errors_str = Ref::steal(str_from_utf8(errors));
  if (!errors_str) return Value();
  Value args[] = {object, errors_str.get()};
  Ref result = Ref::steal(call(function.get(), args, 2));
  if (!result) {
    wrap_codec_error(operation, encoding);
    return Value();
  }
  if (!is_tuple(result.get()) || tuple_size(result.get()) != 2)
    return raise(exc::TypeError, index == 0 ? "encoder must return a tuple (object, integer)"
                                            : "decoder must return a tuple (object,integer)");
  return Ref::borrow(tuple_items(result.get())[0]).release();
}

// lookup, refusing codecs marked as not text encodings (bytes-to-bytes codecs such as hex).
Value lookup_text_encoding(std::string_view encoding, const char* alternative) {
  Ref codec = Ref::steal(lookup_codec(encoding));
  if (!codec) return Value();
  if (!is_tuple_exact(codec.get())) {
    Ref flag = Ref::steal(get_attr(codec.get(), "_is_text_encoding"));
    if (!flag) {
      if (!error_matches(exc::AttributeError)) return Value();
      clear_error();
    } else {
      int truth = is_true(flag.get());
      if (truth < 0) return Value();
      if (!truth)
        return raise_format(exc::LookupError, "'%s' is not a text encoding; use %s to handle arbitrary codecs",
                            std::string(encoding).c_str(), alternative);
    }
  }
  return codec.release();
}

enum class Fast { None, Utf8, Ascii, Latin1, Utf16, Utf32 };

// The names str.encode and bytes.decode serve without a lookup (CPython's set, and the
// encodings package's other aliases of the same three codecs). Normalized as
// normalize_encoding does, in a small buffer: every such name is short.
Fast fast_codec(std::string_view encoding) {
  if (encoding == "utf-8") return Fast::Utf8;  // the default, asked most
  char buf[16];
  size_t n = 0;
  bool punct = false;
  for (char ch : encoding) {
    unsigned char c = static_cast<unsigned char>(ch);
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '.';
    if (!keep) {
      punct = true;
      continue;
    }
    if (n + 2 > sizeof buf) return Fast::None;
    if (punct && n > 0) buf[n++] = '_';
    punct = false;
    buf[n++] = char(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  std::string_view name(buf, n);
  if (name == "utf_8" || name == "utf8" || name == "u8" || name == "utf" || name == "cp65001") return Fast::Utf8;
  if (name == "ascii" || name == "us_ascii" || name == "646") return Fast::Ascii;
  if (name == "latin_1" || name == "latin1" || name == "iso_8859_1" || name == "iso8859_1" || name == "l1" ||
      name == "latin" || name == "8859" || name == "cp819")
    return Fast::Latin1;
  if (name == "utf_16" || name == "utf16") return Fast::Utf16;
  if (name == "utf_32" || name == "utf32") return Fast::Utf32;
  return Fast::None;
}

}  // namespace

int register_search_function(Value function) {
  if (type_of(function)->call == nullptr) {
    raise(exc::TypeError, "argument must be callable");
    return -1;
  }
  if (!ensure_registry()) return -1;
  return list_append(g_search_path, function);
}

int unregister_search_function(Value function) {
  if (!ensure_registry()) return -1;
  Value path = g_search_path;
  for (size_t i = 0; i < list_size(path); ++i) {
    if (list_items(path)[i].is(function)) {
      dict_clear(g_search_cache);
      Ref rest = Ref::steal(list_new(0));
      for (size_t k = 0; k < list_size(path); ++k)
        if (k != i && list_append(rest.get(), list_items(path)[k]) < 0) return -1;
      Value old = g_search_path;
      g_search_path = rest.release();
      decref(old);
      return 0;
    }
  }
  return 0;
}

Value lookup_codec(std::string_view encoding) {
  if (!ensure_registry()) return Value();
  Ref key = Ref::steal(str_from_utf8(normalize_encoding(encoding)));
  if (!key) return Value();
  Value cached = dict_get_item(g_search_cache, key.get());
  if (cached) return Ref::borrow(cached).release();
  if (error_occurred()) return Value();
  Ref path = Ref::borrow(g_search_path);  // a function may register or unregister others meanwhile
  if (list_size(path.get()) == 0)
    return raise(exc::LookupError, "no codec search functions registered: can't find encoding");
  for (size_t i = 0; i < list_size(path.get()); ++i) {
    Ref function = Ref::borrow(list_items(path.get())[i]);
    Ref result = Ref::steal(call_one_arg(function.get(), key.get()));
    if (!result) return Value();
    if (result.get().is(none())) continue;
    if (!is_tuple(result.get()) || tuple_size(result.get()) != 4)
      return raise(exc::TypeError, "codec search functions must return 4-tuples");
    if (dict_set_item(g_search_cache, key.get(), result.get()) < 0) return Value();
    return result.release();
  }
  return raise_format(exc::LookupError, "unknown encoding: %s", std::string(encoding).c_str());
}

Value encode_object(Value object, std::string_view encoding, std::string_view errors) {
  Ref codec = Ref::steal(lookup_codec(encoding));
  if (!codec) return Value();
  return call_codec(codec.get(), 0, object, errors, "encoding", encoding);
}

Value decode_object(Value object, std::string_view encoding, std::string_view errors) {
  Ref codec = Ref::steal(lookup_codec(encoding));
  if (!codec) return Value();
  return call_codec(codec.get(), 1, object, errors, "decoding", encoding);
}

Value encode_text(Value str, std::string_view encoding, std::string_view errors) {
  switch (fast_codec(encoding)) {
    case Fast::Utf8: return utf8_encode(str, errors);
    case Fast::Ascii: return ascii_encode(str, errors);
    case Fast::Latin1: return latin1_encode(str, errors);
    case Fast::Utf16: return utf16_encode(str, errors, 0);
    case Fast::Utf32: return utf32_encode(str, errors, 0);
    case Fast::None: break;
  }
  Ref codec = Ref::steal(lookup_text_encoding(encoding, "codecs.encode()"));
  if (!codec) return Value();
  Ref result = Ref::steal(call_codec(codec.get(), 0, str, errors, "encoding", encoding));
  if (!result) return Value();
  if (is_bytes(result.get())) return result.release();
  if (is_bytearray(result.get())) {
    std::string message = "encoder " + std::string(encoding) +
                          " returned bytearray instead of bytes; use codecs.encode() to encode to arbitrary types";
    if (modules::emit_warning(exc::RuntimeWarning, message, 1) < 0) return Value();
    return bytes_from(bytearray_view(result.get()));
  }
  return raise_format(exc::TypeError,
                      "'%s' encoder returned '%s' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
                      std::string(encoding).c_str(), type_of(result.get())->name.c_str());
}

Value decode_text(std::string_view data, std::string_view encoding, std::string_view errors) {
  size_t consumed;
  int byteorder = 0;
  switch (fast_codec(encoding)) {
    case Fast::Utf8: return utf8_decode(data, errors, true, &consumed);
    case Fast::Ascii: return ascii_decode(data, errors);
    case Fast::Latin1: return latin1_decode(data, errors);
    case Fast::Utf16: return utf16_decode(data, errors, &byteorder, true, &consumed);
    case Fast::Utf32: return utf32_decode(data, errors, &byteorder, true, &consumed);
    case Fast::None: break;
  }
  Ref codec = Ref::steal(lookup_text_encoding(encoding, "codecs.decode()"));
  if (!codec) return Value();
  // The decoder sees a memoryview of the data, as in CPython.
  Ref bytes = Ref::steal(bytes_from(data));
  if (!bytes) return Value();
  Ref view = Ref::steal(memoryview_new(bytes.get()));
  if (!view) return Value();
  Ref result = Ref::steal(call_codec(codec.get(), 1, view.get(), errors, "decoding", encoding));
  if (!result) return Value();
  if (is_str(result.get())) return result.release();
  return raise_format(exc::TypeError,
                      "'%s' decoder returned '%s' instead of 'str'; use codecs.decode() to decode to arbitrary types",
                      std::string(encoding).c_str(), type_of(result.get())->name.c_str());
}

}  // namespace krait::codecs
