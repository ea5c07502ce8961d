// _io.TextIOWrapper: text over a buffered binary stream. UTF-8, ASCII and Latin-1 are decoded
// and encoded natively (other encodings raise NotImplementedError naming them). Decoded text is
// kept as UTF-8 in a std::string; tell() maps the consumed text back to bytes of the chunk it
// came from (exact for valid input of these codecs).
#include <cctype>
#include <cstring>
#include <string>

#include "modules/io/io_internal.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::modules::io {

TypeObject textiowrapper_type;

// --- codecs ------------------------------------------------------------------------------------------

bool lookup_codec(std::string_view name, Codec* out) {
  std::string n;
  for (char c : name) n.push_back(c == '-' || c == ' ' ? '_' : char(std::tolower(static_cast<unsigned char>(c))));
  if (n == "utf_8" || n == "utf8" || n == "u8" || n == "utf" || n == "cp65001" || n == "locale") {
    *out = Codec::Utf8;
    return true;
  }
  if (n == "ascii" || n == "us_ascii" || n == "646" || n == "us" || n == "ansi_x3.4_1968") {
    *out = Codec::Ascii;
    return true;
  }
  if (n == "latin_1" || n == "latin1" || n == "latin" || n == "l1" || n == "iso_8859_1" || n == "iso8859_1" ||
      n == "8859" || n == "cp819" || n == "iso_ir_100" || n == "csisolatin1" || n == "iso_8859_1:1987") {
    *out = Codec::Latin1;
    return true;
  }
  static const char* const kKnownPrefixes[] = {"utf_16", "utf16", "utf_32", "utf32", "utf_7", "utf7", "cp",
                                               "iso8859", "iso_8859", "koi8", "mac_", "big5", "gb", "shift_jis",
                                               "euc_", "latin_", "windows_", "mbcs", "idna", "punycode",
                                               "raw_unicode_escape", "unicode_escape", "utf_8_sig", "hz", "johab"};
  for (const char* p : kKnownPrefixes)
    if (n.rfind(p, 0) == 0) {
      raise_format(exc::NotImplementedError, "not implemented: the '%s' encoding in _io (krait has utf-8, ascii and latin-1)",
                   std::string(name).c_str());
      return false;
    }
  raise_format(exc::LookupError, "unknown encoding: %s", std::string(name).c_str());
  return false;
}

namespace {

const char* codec_name(Codec c) {
  switch (c) {
    case Codec::Utf8: return "utf-8";
    case Codec::Ascii: return "ascii";
    default: return "latin-1";
  }
}

// Bytes at the end of `data` that start an incomplete UTF-8 sequence (kept for the next chunk).
size_t incomplete_utf8_tail(std::string_view data) {
  size_t n = data.size();
  for (size_t back = 1; back <= 3 && back <= n; ++back) {
    unsigned char c = static_cast<unsigned char>(data[n - back]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte: look further back
    size_t need = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

struct TextIOObject : IOBaseObject {
  Value buffer;
  Value encoding;  // str, as given
  Value errors;    // str
  Codec codec = Codec::Utf8;
  bool ok = false, detached = false;
  bool readuniversal = false, readtranslate = false, writetranslate = false;
  bool line_buffering = false, write_through = false;
  bool seekable = false, has_read1 = false;
  bool readable = false, writable = false;  // of the buffer, asked once (CPython's decoder/encoder)
  bool has_read = false;  // a read happened (reconfigure refuses encoding changes then)
  std::string readnl;     // "" (universal) or the newline that ends lines
  std::string writenl;    // what '\n' becomes on write ("" = unchanged)
  Value newline_arg;      // the newline argument (None or str), for reconfigure
  int64_t chunk_size = 8192;
  // Reading.
  std::string pending_bytes;  // an incomplete multi-byte sequence from the last chunk
  NewlineState nl;
  std::string decoded;        // decoded text (UTF-8)
  size_t dpos = 0;            // consumed bytes of `decoded`
  std::string chunk_raw;      // the raw bytes `decoded` came from (for tell())
  // Writing.
  std::string pending_write;  // encoded bytes not yet given to buffer.write
};

TextIOObject* as_text(Value v) { return static_cast<TextIOObject*>(v.as_object()); }

Value new_ref(Value v) {
  incref(v);
  return v;
}

bool check_init(TextIOObject* t) {
  if (t->ok) return true;
  if (t->detached) raise(exc::ValueError, "underlying buffer has been detached");
  else raise(exc::ValueError, "I/O operation on uninitialized object");
  return false;
}

bool check_open(TextIOObject* t) {
  if (!check_init(t)) return false;
  int c = raw_is_closed(t->buffer);
  if (c < 0) return false;
  if (c) {
    closed_error();
    return false;
  }
  return true;
}

// True if `data` is valid UTF-8 as Python's strict codec accepts it (no overlong forms, no
// surrogates, nothing above U+10FFFF): then the decoded text's UTF-8 is `data` itself.
bool valid_utf8(std::string_view data) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(data.data());
  const unsigned char* end = p + data.size();
  while (p < end) {
    if (end - p >= 8) {
      uint64_t word;
      std::memcpy(&word, p, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        p += 8;
        continue;
      }
    }
    unsigned char c = *p;
    if (c < 0x80) {
      ++p;
    } else if (c >= 0xC2 && c <= 0xDF) {
      if (end - p < 2 || (p[1] & 0xC0) != 0x80) return false;
      p += 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      if (end - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return false;
      if (c == 0xE0 && p[1] < 0xA0) return false;   // overlong
      if (c == 0xED && p[1] >= 0xA0) return false;  // surrogate
      p += 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      if (end - p < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) return false;
      if (c == 0xF0 && p[1] < 0x90) return false;   // overlong
      if (c == 0xF4 && p[1] >= 0x90) return false;  // above U+10FFFF
      p += 4;
    } else {
      return false;
    }
  }
  return true;
}

// Decodes `data` with the object's codec and errors into UTF-8 (appended to `out`). Valid input
// is converted here; the runtime's codec handles errors (and their messages).
bool decode_bytes(TextIOObject* t, std::string_view data, std::string* out) {
  if (data.empty()) return true;
  if (t->codec == Codec::Utf8 && valid_utf8(data)) {
    out->append(data);
    return true;
  }
  if (t->codec == Codec::Latin1) {
    out->reserve(out->size() + data.size());
    for (char ch : data) {
      unsigned char c = static_cast<unsigned char>(ch);
      if (c < 0x80) {
        out->push_back(ch);
      } else {
        out->push_back(char(0xC0 | (c >> 6)));
        out->push_back(char(0x80 | (c & 0x3F)));
      }
    }
    return true;
  }
  if (t->codec == Codec::Ascii) {
    bool ascii = true;
    for (char ch : data) ascii &= static_cast<unsigned char>(ch) < 0x80;
    if (ascii) {
      out->append(data);
      return true;
    }
  }
  Ref text = Ref::steal(bytes_decode(data, codec_name(t->codec), str_utf8(t->errors)));
  if (!text) return false;
  out->append(str_utf8(text.get()));
  return true;
}

void reset_decoder(TextIOObject* t) {
  t->pending_bytes.clear();
  t->nl.pendingcr = false;
  t->decoded.clear();
  t->dpos = 0;
  t->chunk_raw.clear();
}

// Raw bytes of chunk_raw that produced the first `consumed` bytes of `decoded`.
size_t raw_bytes_for(TextIOObject* t, size_t consumed) {
  const std::string& r = t->chunk_raw;
  size_t i = 0, j = 0;
  while (j < consumed && i < r.size()) {
    unsigned char c = static_cast<unsigned char>(r[i]);
    if (t->readtranslate && c == '\r') {
      i += (i + 1 < r.size() && r[i + 1] == '\n') ? 2 : 1;
      j += 1;
    } else if (t->codec == Codec::Latin1) {
      i += 1;
      j += c < 0x80 ? 1 : 2;
    } else {
      i += 1;
      j += 1;
    }
  }
  return i;
}

// Feeds raw bytes to the decoder: the new text replaces the consumed part of `decoded`.
bool feed(TextIOObject* t, std::string_view data, bool final) {
  std::string input = t->pending_bytes;
  input.append(data);
  t->pending_bytes.clear();
  if (t->codec == Codec::Utf8 && !final) {
    size_t tail = incomplete_utf8_tail(input);
    t->pending_bytes.assign(input, input.size() - tail, tail);
    input.resize(input.size() - tail);
  }
  std::string text;
  if (!decode_bytes(t, input, &text)) return false;
  // `raw`: the bytes the new text stands for (a '\r' held back moves from one chunk to the next).
  bool cr_before = t->nl.pendingcr;
  if (t->readuniversal) newline_decode(text, t->readtranslate, final, t->nl);
  std::string raw;
  if (cr_before) raw.push_back('\r');
  raw.append(input);
  if (t->nl.pendingcr && !raw.empty()) raw.pop_back();
  if (t->dpos >= t->decoded.size()) {
    t->decoded.swap(text);
    t->chunk_raw.swap(raw);
  } else {
    size_t used = raw_bytes_for(t, t->dpos);
    t->decoded.erase(0, t->dpos);
    t->chunk_raw.erase(0, used);
    t->decoded.append(text);
    t->chunk_raw.append(raw);
  }
  t->dpos = 0;
  return true;
}

// Reads one chunk from the buffer and decodes it; false at EOF (or on error: check error_occurred).
bool read_chunk(TextIOObject* t, int64_t size_hint) {
  int64_t size = t->chunk_size > size_hint ? t->chunk_size : size_hint;
  Ref n = Ref::steal(int_from_int64(size));
  Ref data = Ref::steal(call1(t->buffer, t->has_read1 ? "read1" : "read", n.get()));
  if (!data) return false;
  if (data.get().is(none())) return false;
  std::string_view view;
  if (!bytes_like_view(data.get(), &view)) {
    clear_error();
    raise_format(exc::TypeError, "underlying %s() should have returned a bytes-like object, not '%s'",
                 t->has_read1 ? "read1" : "read", type_name(type_of(data.get())));
    return false;
  }
  bool eof = view.empty();
  t->has_read = true;
  if (!feed(t, view, eof)) return false;
  return !eof;
}

int flush_pending(TextIOObject* t) {
  if (t->pending_write.empty()) return 0;
  Ref data = Ref::steal(bytes_from(t->pending_write));
  t->pending_write.clear();
  if (!data) return -1;
  Ref r = Ref::steal(call1(t->buffer, "write", data.get()));
  return r ? 0 : -1;
}

size_t count_chars(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Bytes of the first `chars` characters of UTF-8 `s` (or all of it).
size_t char_offset(std::string_view s, size_t start, size_t chars) {
  size_t i = start;
  while (i < s.size() && chars > 0) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    --chars;
  }
  return i;
}

// --- construction --------------------------------------------------------------------------------------

Value text_new(TypeObject* type, const Value*, size_t, Value) {
  TextIOObject* t = io_alloc<TextIOObject>(type);
  if (!t) return Value();
  gc_track(t);
  return Value::object(t);
}

void set_value(Value* slot, Value v) {
  Value old = *slot;
  *slot = v;
  incref(v);
  xdecref(old);
}

bool validate_newline(const char* fname, Value newline) {
  if (!newline || newline.is(none())) return true;
  if (!is_str(newline)) {
    raise_format(exc::TypeError, "%s() argument 'newline' must be str or None, not %s", fname,
                 type_name(type_of(newline)));
    return false;
  }
  std::string_view n = str_utf8(newline);
  if (!(n.empty() || n == "\n" || n == "\r" || n == "\r\n")) {
    raise_format(exc::ValueError, "illegal newline value: %s", std::string(n).c_str());
    return false;
  }
  return true;
}

void apply_newline(TextIOObject* t, Value newline) {
  bool none_nl = !newline || newline.is(none());
  std::string n = none_nl ? std::string() : std::string(str_utf8(newline));
  t->readuniversal = none_nl || n.empty();
  t->readtranslate = none_nl;
  t->readnl = n;
  t->writetranslate = none_nl || !n.empty();
  t->writenl = (!none_nl && !n.empty() && n != "\n") ? n : std::string();
  set_value(&t->newline_arg, none_nl ? none() : newline);
}

int text_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kParams[] = {"buffer", "encoding", "errors", "newline", "line_buffering", "write_through"};
  Value a[6];
  if (!parse_args("TextIOWrapper", args, nargs, kwnames, kParams, 6, 1, 6, a)) return -1;
  TextIOObject* t = as_text(self);
  t->ok = false;
  t->detached = false;
  const char* const names[] = {"encoding", "errors"};
  for (int i = 0; i < 2; ++i) {
    Value v = a[1 + i];
    if (v && !v.is(none()) && !is_str(v)) {
      raise_format(exc::TypeError, "TextIOWrapper() argument '%s' must be str or None, not %s", names[i],
                   type_name(type_of(v)));
      return -1;
    }
  }
  if (!validate_newline("TextIOWrapper", a[3])) return -1;
  // None and "locale" mean the locale's encoding: UTF-8 (krait assumes a UTF-8 locale, as the
  // test environment's C.UTF-8), named as CPython's locale module names it.
  Ref encoding = a[1] && !a[1].is(none()) ? Ref::borrow(a[1]) : Ref::steal(str_intern("UTF-8"));
  if (str_equal_ascii(encoding.get(), "locale")) encoding = Ref::steal(str_intern("UTF-8"));
  if (std::strlen(str_cstr(encoding.get())) != str_utf8(encoding.get()).size()) {
    raise(exc::ValueError, "embedded null character");
    return -1;
  }
  Codec codec;
  if (!lookup_codec(str_utf8(encoding.get()), &codec)) return -1;
  Ref errors = a[2] && !a[2].is(none()) ? Ref::borrow(a[2]) : Ref::steal(str_intern("strict"));
  bool line_buffering = false, write_through = false;
  if (a[4]) {
    int r = is_true(a[4]);
    if (r < 0) return -1;
    line_buffering = r;
  }
  if (a[5]) {
    int r = is_true(a[5]);
    if (r < 0) return -1;
    write_through = r;
  }
  set_value(&t->buffer, a[0]);
  set_value(&t->encoding, encoding.get());
  set_value(&t->errors, errors.get());
  t->codec = codec;
  apply_newline(t, a[3]);
  t->line_buffering = line_buffering;
  t->write_through = write_through;
  t->chunk_size = 8192;
  reset_decoder(t);
  t->nl = NewlineState();
  t->pending_write.clear();
  t->has_read = false;
  Ref seekable = Ref::steal(call0(t->buffer, "seekable"));
  if (!seekable) return -1;
  int s = is_true(seekable.get());
  if (s < 0) return -1;
  t->seekable = s;
  for (bool* flag : {&t->readable, &t->writable}) {
    Ref r = Ref::steal(call0(t->buffer, flag == &t->readable ? "readable" : "writable"));
    if (!r) return -1;
    int v = is_true(r.get());
    if (v < 0) return -1;
    *flag = v;
  }
  Ref read1 = Ref::steal(lookup_attr(t->buffer, Ref::steal(str_intern("read1")).get()));
  if (!read1 && error_occurred()) return -1;
  t->has_read1 = bool(read1);
  t->ok = true;
  return 0;
}

void text_dealloc(Object* self) {
  TextIOObject* t = static_cast<TextIOObject*>(self);
  for (Value* slot : {&t->buffer, &t->encoding, &t->errors, &t->newline_arg}) {
    Value v = *slot;
    *slot = Value();
    xdecref(v);
  }
  io_free<TextIOObject>(self);
}

void text_traverse(Object* self, VisitFunc visit, void* context) {
  iobase_traverse_dict(self, visit, context);
  if (Value b = static_cast<TextIOObject*>(self)->buffer) visit(b, context);
}

void text_clear(Object* self) {
  iobase_clear_dict(self);
  TextIOObject* t = static_cast<TextIOObject*>(self);
  Value b = t->buffer;
  t->buffer = Value();
  xdecref(b);
}

// --- reading --------------------------------------------------------------------------------------------

bool check_readable(TextIOObject* t) {
  if (!t->readable) {
    unsupported("not readable");
    return false;
  }
  return true;
}

Value text_read(Value self, const Value* args, size_t nargs) {
  if (!check_no_args("read", nargs, 1)) return Value();
  TextIOObject* t = as_text(self);
  if (!check_init(t)) return Value();
  int64_t n;
  if (!size_arg(nargs ? args[0] : Value(), &n)) return Value();
  if (!check_open(t) || !check_readable(t)) return Value();
  if (flush_pending(t) < 0) return Value();
  if (n < 0) {
    Ref data = Ref::steal(call0(t->buffer, "read"));
    if (!data) return Value();
    std::string_view view;
    if (!data.get().is(none()) && !bytes_like_view(data.get(), &view)) return Value();
    std::string result = t->decoded.substr(t->dpos);
    t->decoded.clear();
    t->dpos = 0;
    t->has_read = true;
    if (!feed(t, view, true)) return Value();
    result.append(t->decoded);
    reset_decoder(t);
    return str_from_utf8(result);
  }
  while (count_chars(std::string_view(t->decoded).substr(t->dpos)) < size_t(n)) {
    if (!read_chunk(t, 0)) {
      if (error_occurred()) return Value();
      break;
    }
  }
  size_t end = char_offset(t->decoded, t->dpos, size_t(n));
  Value result = str_from_utf8(std::string_view(t->decoded).substr(t->dpos, end - t->dpos));
  t->dpos = end;
  return result;
}

// The end (exclusive, in `decoded`) of the line starting at dpos, or npos when more text is needed.
size_t find_line_end(TextIOObject* t, size_t from) {
  const std::string& d = t->decoded;
  if (t->readtranslate || (!t->readuniversal && t->readnl == "\n")) {
    size_t i = d.find('\n', from);
    return i == std::string::npos ? i : i + 1;
  }
  if (t->readuniversal) {
    size_t i = d.find_first_of("\r\n", from);
    if (i == std::string::npos) return i;
    if (d[i] == '\n') return i + 1;
    if (i + 1 < d.size()) return d[i + 1] == '\n' ? i + 2 : i + 1;
    return std::string::npos;  // a final '\r': the next chunk decides (the decoder holds it otherwise)
  }
  size_t i = d.find(t->readnl, from);
  return i == std::string::npos ? i : i + t->readnl.size();
}

Value readline_impl(TextIOObject* t, int64_t limit) {
  size_t searched = t->dpos;
  bool eof = false;
  while (true) {
    size_t end = find_line_end(t, searched);
    if (end != std::string::npos || eof) {
      if (end == std::string::npos) end = t->decoded.size();
      if (limit >= 0) {
        size_t cap = char_offset(t->decoded, t->dpos, size_t(limit));
        if (cap < end) end = cap;
      }
      Value line = str_from_utf8(std::string_view(t->decoded).substr(t->dpos, end - t->dpos));
      t->dpos = end;
      return line;
    }
    if (limit >= 0 && count_chars(std::string_view(t->decoded).substr(t->dpos)) >= size_t(limit)) {
      eof = true;
      continue;
    }
    size_t consumed = t->dpos;
    size_t old_size = t->decoded.size() - consumed;
    if (!read_chunk(t, 0)) {
      if (error_occurred()) return Value();
      eof = true;
    }
    // read_chunk compacted `decoded` (dpos is 0 now unless nothing was pending).
    searched = t->dpos + (old_size > 0 ? old_size - 1 : 0);
  }
}

Value text_readline(Value self, const Value* args, size_t nargs) {
  if (!check_no_args("readline", nargs, 1)) return Value();
  TextIOObject* t = as_text(self);
  if (!check_init(t)) return Value();
  int64_t limit;
  if (!size_arg(nargs ? args[0] : Value(), &limit)) return Value();
  if (!check_open(t) || !check_readable(t)) return Value();
  if (flush_pending(t) < 0) return Value();
  return readline_impl(t, limit);
}

Value text_iternext(Value self) {
  if (type_of(self) != &textiowrapper_type) return iobase_iternext(self);
  TextIOObject* t = as_text(self);
  if (!check_open(t) || !check_readable(t)) return Value();
  if (flush_pending(t) < 0) return Value();
  Ref line = Ref::steal(readline_impl(t, -1));
  if (!line || str_length(line.get()) == 0) return Value();
  return line.release();
}

// --- writing ---------------------------------------------------------------------------------------------

Value text_write(Value self, Value text) {
  TextIOObject* t = as_text(self);
  if (!check_init(t)) return Value();
  if (!is_str(text))
    return raise_format(exc::TypeError, "write() argument must be str, not %s", type_name(type_of(text)));
  if (!check_open(t)) return Value();
  if (!t->writable) return unsupported("not writable");
  std::string_view s = str_utf8(text);
  bool haslf = s.find('\n') != std::string_view::npos;
  std::string translated;
  Ref to_encode = Ref::borrow(text);
  if (haslf && t->writetranslate && !t->writenl.empty()) {
    translated.reserve(s.size());
    for (char c : s) {
      if (c == '\n') translated.append(t->writenl);
      else translated.push_back(c);
    }
    to_encode = Ref::steal(str_from_utf8(translated));
    if (!to_encode) return Value();
  }
  bool needflush = t->line_buffering && (haslf || s.find('\r') != std::string_view::npos);
  if (t->codec == Codec::Utf8 && str_is_ascii(to_encode.get())) {
    t->pending_write.append(str_utf8(to_encode.get()));
  } else {
    Ref encoded = Ref::steal(str_encode(to_encode.get(), codec_name(t->codec), str_utf8(t->errors)));
    if (!encoded) return Value();
    t->pending_write.append(bytes_view(encoded.get()));
  }
  if (int64_t(t->pending_write.size()) > t->chunk_size || needflush || t->write_through)
    if (flush_pending(t) < 0) return Value();
  if (needflush) {
    Ref r = Ref::steal(call0(t->buffer, "flush"));
    if (!r) return Value();
  }
  if (t->dpos < t->decoded.size() || !t->decoded.empty()) reset_decoder(t);
  return int_from_int64(int64_t(str_length(text)));
}

Value text_flush(Value self) {
  TextIOObject* t = as_text(self);
  if (!check_open(t)) return Value();
  if (flush_pending(t) < 0) return Value();
  return call0(t->buffer, "flush");
}

Value text_close(Value self) {
  TextIOObject* t = as_text(self);
  if (!check_init(t)) return Value();
  int c = raw_is_closed(t->buffer);
  if (c < 0) return Value();
  if (c) return new_ref(none());
  Ref flushed = Ref::steal(call0(self, "flush"));
  Ref error;
  if (!flushed) error = fetch_exception();
  Ref closed = Ref::steal(call0(t->buffer, "close"));
  if (error) {
    if (!closed) clear_error();
    set_exception(error.get());
    return Value();
  }
  return closed.release();
}

Value text_detach(Value self) {
  TextIOObject* t = as_text(self);
  if (!check_init(t)) return Value();
  Ref flushed = Ref::steal(call0(self, "flush"));
  if (!flushed) return Value();
  Value buffer = t->buffer;
  t->buffer = Value();
  t->ok = false;
  t->detached = true;
  return buffer;
}

// --- positioning -------------------------------------------------------------------------------------------

Value text_tell(Value self) {
  TextIOObject* t = as_text(self);
  if (!check_open(t)) return Value();
  if (!t->seekable) return unsupported("underlying stream is not seekable");
  Ref flushed = Ref::steal(call0(self, "flush"));
  if (!flushed) return Value();
  Ref pos_value = Ref::steal(call0(t->buffer, "tell"));
  if (!pos_value) return Value();
  int64_t pos = as_ssize(pos_value.get());
  if (pos == -1 && error_occurred()) return Value();
  // The buffer is past everything decoded: go back over what has not been consumed.
  int64_t unconsumed = int64_t(t->pending_bytes.size()) + (t->nl.pendingcr ? 1 : 0) +
                       int64_t(t->chunk_raw.size() - raw_bytes_for(t, t->dpos));
  return int_from_int64(pos - unconsumed);
}

Value text_seek(Value self, const Value* args, size_t nargs) {
  if (nargs < 1 || nargs > 2)
    return raise_format(exc::TypeError, "seek expected %s, got %zu",
                        nargs < 1 ? "at least 1 argument" : "at most 2 arguments", nargs);
  TextIOObject* t = as_text(self);
  if (!check_open(t)) return Value();
  int64_t whence = 0;
  if (nargs > 1 && !int_arg(args[1], &whence)) return Value();
  if (!t->seekable) return unsupported("underlying stream is not seekable");
  if (whence == 1 || whence == 2) {
    int r = rich_compare_bool(args[0], Value::small_int(0), CompareOp::Eq);
    if (r < 0) return Value();
    if (!r)
      return unsupported(whence == 1 ? "can't do nonzero cur-relative seeks" : "can't do nonzero end-relative seeks");
    if (whence == 1) return text_tell(self);
    Ref flushed = Ref::steal(call0(self, "flush"));
    if (!flushed) return Value();
    reset_decoder(t);
    Value seek_args[2] = {Value::small_int(0), Value::small_int(2)};
    return call_method(t->buffer, "seek", seek_args, 2);
  }
  if (whence != 0)
    return raise_format(exc::ValueError, "invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
  int64_t cookie;
  if (!int_arg(args[0], &cookie)) return Value();
  if (cookie < 0) return raise_format(exc::ValueError, "negative seek position %lld", (long long)cookie);
  Ref flushed = Ref::steal(call0(self, "flush"));
  if (!flushed) return Value();
  reset_decoder(t);
  Ref target = Ref::steal(int_from_int64(cookie));
  Ref r = Ref::steal(call1(t->buffer, "seek", target.get()));
  if (!r) return Value();
  return target.release();
}

Value text_truncate(Value self, const Value* args, size_t nargs) {
  if (!check_no_args("truncate", nargs, 1)) return Value();
  TextIOObject* t = as_text(self);
  if (!check_init(t)) return Value();
  Ref flushed = Ref::steal(call0(self, "flush"));
  if (!flushed) return Value();
  return call_method(t->buffer, "truncate", args, nargs);
}

// --- reconfigure, delegation, attributes -------------------------------------------------------------------

Value text_reconfigure(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kParams[] = {"encoding", "errors", "newline", "line_buffering", "write_through"};
  Value a[5];
  if (nargs > 0) return raise(exc::TypeError, "reconfigure() takes no positional arguments");
  if (!parse_args("reconfigure", args, nargs, kwnames, kParams, 5, 0, 0, a)) return Value();
  TextIOObject* t = as_text(self);
  if (!check_init(t)) return Value();
  bool encoding_given = a[0] && !a[0].is(none());
  bool errors_given = a[1] && !a[1].is(none());
  bool newline_given = bool(a[2]) && !a[2].is(ellipsis());
  const char* const names[] = {"encoding", "errors"};
  for (int i = 0; i < 2; ++i)
    if (a[i] && !a[i].is(none()) && !is_str(a[i]))
      return raise_format(exc::TypeError, "reconfigure() argument '%s' must be str or None, not %s", names[i],
                          type_name(type_of(a[i])));
  if (newline_given && !validate_newline("reconfigure", a[2])) return Value();
  if ((encoding_given || errors_given || newline_given) && t->has_read)
    return unsupported("It is not possible to set the encoding or newline of stream after the first read");
  Codec codec = t->codec;
  Ref encoding = Ref::borrow(t->encoding), errors = Ref::borrow(t->errors);
  if (encoding_given) {
    encoding = Ref::borrow(a[0]);
    if (str_equal_ascii(a[0], "locale")) encoding = Ref::steal(str_intern("UTF-8"));
    if (!lookup_codec(str_utf8(encoding.get()), &codec)) return Value();
    errors = Ref::steal(str_intern("strict"));
  }
  if (errors_given) errors = Ref::borrow(a[1]);
  Ref flushed = Ref::steal(call0(self, "flush"));
  if (!flushed) return Value();
  set_value(&t->encoding, encoding.get());
  set_value(&t->errors, errors.get());
  t->codec = codec;
  if (newline_given) apply_newline(t, a[2]);
  if (a[3] && !a[3].is(none())) {
    int r = is_true(a[3]);
    if (r < 0) return Value();
    t->line_buffering = r;
  }
  if (a[4] && !a[4].is(none())) {
    int r = is_true(a[4]);
    if (r < 0) return Value();
    t->write_through = r;
  }
  return new_ref(none());
}

Value delegate(Value self, const char* method) {
  TextIOObject* t = as_text(self);
  if (!check_init(t)) return Value();
  return call0(t->buffer, method);
}
Value text_fileno(Value self) { return delegate(self, "fileno"); }
Value text_isatty(Value self) { return delegate(self, "isatty"); }
Value text_seekable(Value self) { return delegate(self, "seekable"); }
Value text_readable(Value self) { return delegate(self, "readable"); }
Value text_writable(Value self) { return delegate(self, "writable"); }

Value buffer_attr(Value self, const char* name) {
  TextIOObject* t = as_text(self);
  if (!check_init(t)) return Value();
  return get_attr(t->buffer, name);
}
Value get_closed(Value self) { return buffer_attr(self, "closed"); }
Value get_name(Value self) { return buffer_attr(self, "name"); }
Value get_buffer(Value self) {
  TextIOObject* t = as_text(self);
  if (!check_init(t)) return Value();
  return new_ref(t->buffer);
}
Value get_encoding(Value self) {
  TextIOObject* t = as_text(self);
  return new_ref(t->encoding ? t->encoding : none());
}
Value get_errors(Value self) {
  TextIOObject* t = as_text(self);
  return new_ref(t->errors ? t->errors : none());
}
Value get_newlines(Value self) {
  TextIOObject* t = as_text(self);
  if (!check_init(t)) return Value();
  if (!t->readuniversal) return new_ref(none());
  return newlines_value(t->nl.seennl);
}
Value get_line_buffering(Value self) { return new_ref(bool_value(as_text(self)->line_buffering)); }
Value get_write_through(Value self) { return new_ref(bool_value(as_text(self)->write_through)); }
Value get_finalizing(Value self) { return new_ref(bool_value(as_text(self)->finalizing)); }
Value get_chunk_size(Value self) {
  TextIOObject* t = as_text(self);
  if (!check_init(t)) return Value();
  return int_from_int64(t->chunk_size);
}
int set_chunk_size(Value self, Value value) {
  TextIOObject* t = as_text(self);
  if (!check_init(t)) return -1;
  if (!value) {
    raise(exc::AttributeError, "cannot delete attribute");
    return -1;
  }
  int64_t n;
  if (!int_arg(value, &n)) return -1;
  if (n <= 0) {
    raise(exc::ValueError, "a strictly positive integer is required");
    return -1;
  }
  t->chunk_size = n;
  return 0;
}

Value text_repr(Value self) {
  TextIOObject* t = as_text(self);
  std::string out = "<";
  out.append(type_name(type_of(self)));
  if (t->ok) {
    for (const char* attr : {"name", "mode"}) {
      Ref v = Ref::steal(get_attr(self, attr));
      if (!v) {
        if (!error_matches(exc::Exception)) return Value();
        clear_error();
        continue;
      }
      Ref text = Ref::steal(repr(v.get()));
      if (!text) return Value();
      out.append(" ").append(attr).append("=").append(str_utf8(text.get()));
    }
  }
  if (t->encoding) {
    Ref text = Ref::steal(repr(t->encoding));
    if (!text) return Value();
    out.append(" encoding=").append(str_utf8(text.get()));
  }
  out += ">";
  return str_from_utf8(out);
}

const MethodDef kTextMethods[] = {
    {"read", reinterpret_cast<void*>(text_read), MethodKind::Fast},
    {"readline", reinterpret_cast<void*>(text_readline), MethodKind::Fast},
    {"write", reinterpret_cast<void*>(text_write), MethodKind::OneArg},
    {"flush", reinterpret_cast<void*>(text_flush), MethodKind::NoArgs},
    {"close", reinterpret_cast<void*>(text_close), MethodKind::NoArgs},
    {"detach", reinterpret_cast<void*>(text_detach), MethodKind::NoArgs},
    {"tell", reinterpret_cast<void*>(text_tell), MethodKind::NoArgs},
    {"seek", reinterpret_cast<void*>(text_seek), MethodKind::Fast},
    {"truncate", reinterpret_cast<void*>(text_truncate), MethodKind::Fast},
    {"reconfigure", reinterpret_cast<void*>(text_reconfigure), MethodKind::FastKeywords},
    {"fileno", reinterpret_cast<void*>(text_fileno), MethodKind::NoArgs},
    {"isatty", reinterpret_cast<void*>(text_isatty), MethodKind::NoArgs},
    {"seekable", reinterpret_cast<void*>(text_seekable), MethodKind::NoArgs},
    {"readable", reinterpret_cast<void*>(text_readable), MethodKind::NoArgs},
    {"writable", reinterpret_cast<void*>(text_writable), MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

const GetSetDef kTextGetSets[] = {
    {"closed", get_closed},
    {"name", get_name},
    {"buffer", get_buffer},
    {"encoding", get_encoding},
    {"errors", get_errors},
    {"newlines", get_newlines},
    {"line_buffering", get_line_buffering},
    {"write_through", get_write_through},
    {"_finalizing", get_finalizing},
    {"_CHUNK_SIZE", get_chunk_size, set_chunk_size},
    {nullptr, nullptr},
};

}  // namespace

bool is_textiowrapper(Value v) { return v.is_object() && is_subtype(type_of(v), &textiowrapper_type); }

int init_textio_type() {
  init_io_type(textiowrapper_type, "TextIOWrapper", &textiobase_type, sizeof(TextIOObject));
  textiowrapper_type.new_ = text_new;
  textiowrapper_type.init = text_init;
  textiowrapper_type.dealloc = text_dealloc;
  textiowrapper_type.traverse = text_traverse;
  textiowrapper_type.clear = text_clear;
  textiowrapper_type.repr = text_repr;
  textiowrapper_type.iternext = text_iternext;
  add_methods(&textiowrapper_type, kTextMethods);
  add_getsets(&textiowrapper_type, kTextGetSets);
  return type_ready(&textiowrapper_type);
}

}  // namespace krait::modules::io
