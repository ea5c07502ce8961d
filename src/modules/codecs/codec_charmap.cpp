// The charmap codec (what the cp*, iso8859_*, mac_* ... modules of the encodings package are
// built on): decoding through a 256-character table or any mapping, encoding through the
// EncodingMap that charmap_build makes from such a table, or any mapping.
#include <unordered_map>

#include "modules/codecs/codecs_internal.h"
#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/bytes.h"
#include "runtime/coll_util.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/memory.h"
#include "runtime/str.h"

namespace krait::codecs {

using namespace runtime;

namespace {

TypeObject encoding_map_type;

// Code point -> byte, from a decoding table (U+FFFE there marks an undefined byte).
struct EncodingMapObject : Object {
  std::unordered_map<char32_t, uint8_t>* map;
  size_t size;  // what CPython's EncodingMap.size() reports for the same table
};

void encoding_map_dealloc(Object* self) {
  delete static_cast<EncodingMapObject*>(self)->map;
  free_object(self);
}

Value encoding_map_size(Value self) {
  return int_from_int64(int64_t(static_cast<EncodingMapObject*>(self.as_object())->size));
}

const MethodDef kEncodingMapMethods[] = {
    {"size", reinterpret_cast<void*>(encoding_map_size), MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

const char* const kUndefined = "character maps to <undefined>";

// Decodes one byte through a general mapping: appends to b; false with no error = undefined.
bool decode_through_mapping(Value mapping, unsigned char byte, StrBuilder& b, bool* failed) {
  *failed = false;
  Ref key = Ref::steal(int_from_int64(byte));
  Ref item = Ref::steal(get_item(mapping, key.get()));
  if (!item) {
    if (!error_matches(exc::LookupError)) {
      *failed = true;
      return false;
    }
    clear_error();
    return false;
  }
  Value v = item.get();
  if (v.is(none())) return false;
  if (is_int(v)) {
    int64_t cp;
    if (!int_to_int64(v, &cp) || cp < 0 || cp > 0x10FFFF) {
      clear_error();
      raise(exc::TypeError, "character mapping must be in range(0x110000)");
      *failed = true;
      return false;
    }
    if (cp == 0xFFFE) return false;
    b.push(char32_t(cp));
    return true;
  }
  if (is_str(v)) {
    if (str_length(v) == 1 && str_char(v, 0) == 0xFFFE) return false;
    b.append(v);
    return true;
  }
  raise(exc::TypeError, "character mapping must return integer, None or str");
  *failed = true;
  return false;
}

// Encodes one character through a mapping: appends to out; false with no error = undefined.
bool encode_through_mapping(Value mapping, char32_t ch, std::string& out, bool* failed) {
  *failed = false;
  if (type_of(mapping) == &encoding_map_type) {
    auto* map = static_cast<EncodingMapObject*>(mapping.as_object())->map;
    auto it = map->find(ch);
    if (it == map->end()) return false;
    out += char(it->second);
    return true;
  }
  Ref key = Ref::steal(int_from_int64(ch));
  Ref item = Ref::steal(get_item(mapping, key.get()));
  if (!item) {
    if (!error_matches(exc::LookupError)) {
      *failed = true;
      return false;
    }
    clear_error();
    return false;
  }
  Value v = item.get();
  if (v.is(none())) return false;
  if (is_int(v)) {
    int64_t byte;
    if (!int_to_int64(v, &byte) || byte < 0 || byte > 255) {
      clear_error();
      raise(exc::TypeError, "character mapping must be in range(256)");
      *failed = true;
      return false;
    }
    out += char(byte);
    return true;
  }
  if (is_bytes(v)) {
    out += bytes_view(v);
    return true;
  }
  raise_format(exc::TypeError, "character mapping must return integer, bytes or None, not %s", coll::type_name(v));
  *failed = true;
  return false;
}

// Decoding through a str table when every byte is defined: two passes straight into the str;
// null without an error when a byte is undefined (the careful loop reports it).
Value decode_with_table(std::string_view data, Value table) {
  char32_t map[256];
  size_t size = str_length(table);
  for (size_t i = 0; i < 256; ++i) map[i] = i < size ? str_char(table, i) : 0xFFFE;
  char32_t maxchar = 0;
  for (unsigned char byte : data) {
    char32_t c = map[byte];
    if (c == 0xFFFE) return Value();
    if (c > maxchar) maxchar = c;
  }
  Value v = str_new(data.size(), maxchar);
  if (!v) return Value();
  for (size_t i = 0; i < data.size(); ++i) str_write(v, i, map[static_cast<unsigned char>(data[i])]);
  return v;
}

}  // namespace

int init_encoding_map_type() {
  TypeObject& t = encoding_map_type;
  if (t.flags & TypeFlag::Ready) return 0;
  coll::init_static_type(t, "EncodingMap", sizeof(EncodingMapObject), 0);
  t.dealloc = encoding_map_dealloc;
  add_methods(&t, kEncodingMapMethods);
  return type_ready(&t);
}

// CPython builds its compact three-level map when the table allows (first entry U+0000, no other
// U+0000, nothing outside the BMP, few enough blocks) and a plain dict otherwise; size() reports
// the bytes CPython's map would take.
Value charmap_build(Value table) {
  if (!is_str(table) || str_length(table) != 256) return raise(exc::TypeError, "bad argument type for built-in operation");
  bool need_dict = str_char(table, 0) != 0;
  bool level1[32] = {}, level2[512] = {};
  size_t count2 = 0, count3 = 0;
  for (size_t i = 1; i < 256 && !need_dict; ++i) {
    char32_t ch = str_char(table, i);
    if (ch == 0 || ch > 0xFFFF) {
      need_dict = true;
      break;
    }
    if (ch == 0xFFFE) continue;
    if (!level1[ch >> 11]) level1[ch >> 11] = true, ++count2;
    if (!level2[ch >> 7]) level2[ch >> 7] = true, ++count3;
  }
  if (need_dict || count2 >= 0xFF || count3 >= 0xFF) {
    Ref dict = Ref::steal(dict_new());
    if (!dict) return Value();
    for (size_t i = 0; i < 256; ++i) {
      Ref key = Ref::steal(int_from_int64(str_char(table, i))), value = Ref::steal(int_from_int64(int64_t(i)));
      if (dict_set_item(dict.get(), key.get(), value.get()) < 0) return Value();
    }
    return dict.release();
  }
  if (init_encoding_map_type() < 0) return Value();
  auto* object = new_object<EncodingMapObject>(&encoding_map_type);
  if (object == nullptr) return Value();
  object->map = new std::unordered_map<char32_t, uint8_t>();
  object->size = 63 + 16 * count2 + 128 * count3;
  for (size_t i = 0; i < 256; ++i) {
    char32_t ch = str_char(table, i);
    if (ch != 0xFFFE) (*object->map)[ch] = uint8_t(i);
  }
  return Value::object(object);
}

Value charmap_decode(std::string_view data, std::string_view errors, Value mapping) {
  if (!mapping || mapping.is(none())) return latin1_decode(data, errors);
  if (is_str(mapping)) {
    if (Value v = decode_with_table(data, mapping)) return v;
    if (error_occurred()) return Value();
  }
  DecodeContext c("charmap", data, errors);
  StrBuilder b;
  b.reserve(data.size());
  bool table = is_str(mapping);
  size_t table_size = table ? str_length(mapping) : 0;
  size_t i = 0;
  while (i < c.data.size()) {
    unsigned char byte = static_cast<unsigned char>(c.data[i]);
    bool ok, failed = false;
    if (table) {
      char32_t ch = byte < table_size ? str_char(mapping, byte) : 0xFFFE;
      ok = ch != 0xFFFE;
      if (ok) b.push(ch);
    } else {
      ok = decode_through_mapping(mapping, byte, b, &failed);
      if (failed) return Value();
    }
    if (ok) {
      ++i;
      continue;
    }
    if (!decode_error(c, kUndefined, i, i + 1, b, &i)) return Value();
  }
  return b.finish();
}

Value charmap_encode(Value str, std::string_view errors, Value mapping) {
  if (!mapping || mapping.is(none())) return latin1_encode(str, errors);
  size_t n = str_length(str);
  std::string out;
  out.reserve(n);
  EncodeContext c("charmap", str, errors);
  bool failed = false;
  auto encode_char = [&](char32_t ch, std::string& o) { return encode_through_mapping(mapping, ch, o, &failed); };
  size_t i = 0;
  while (i < n) {
    if (encode_char(str_char(str, i), out)) {
      ++i;
      continue;
    }
    if (failed) return Value();
    // The run of characters the mapping does not have (each probe appends nothing).
    size_t end = i + 1;
    std::string probe;
    while (end < n && !encode_char(str_char(str, end), probe)) {
      if (failed) return Value();
      ++end;
    }
    if (failed) return Value();
    EncodeReplacement r;
    if (!encode_error(c, kUndefined, i, end, &r)) return Value();
    if (!append_replacement(c, r, kUndefined, i, end, out, encode_char)) return Value();
    i = r.newpos;
  }
  return bytes_from(out);
}

}  // namespace krait::codecs
