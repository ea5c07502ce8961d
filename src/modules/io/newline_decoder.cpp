// _io.IncrementalNewlineDecoder and the universal-newline rules TextIOWrapper and StringIO share.
#include <string>

#include "modules/io/io_internal.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::modules::io {

TypeObject newline_decoder_type;

void newline_decode(std::string& text, bool translate, bool final, NewlineState& state) {
  if (state.pendingcr && (!text.empty() || final)) {
    text.insert(text.begin(), '\r');
    state.pendingcr = false;
  }
  if (!final && !text.empty() && text.back() == '\r') {
    text.pop_back();
    state.pendingcr = true;
  }
  size_t cr = text.find('\r');
  if (cr == std::string::npos) {
    if (text.find('\n') != std::string::npos) state.seennl |= kSeenLF;
    return;
  }
  if (text.find('\n') < cr) state.seennl |= kSeenLF;
  std::string out;
  if (translate) out.reserve(text.size());
  size_t start = 0;
  for (size_t i = cr; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      state.seennl |= kSeenLF;
    } else if (c == '\r') {
      bool crlf = i + 1 < text.size() && text[i + 1] == '\n';
      state.seennl |= crlf ? kSeenCRLF : kSeenCR;
      if (translate) {
        out.append(text, start, i - start);
        out.push_back('\n');
        start = crlf ? i + 2 : i + 1;
      }
      if (crlf) ++i;
    }
  }
  if (translate) {
    out.append(text, start, std::string::npos);
    text.swap(out);
  }
}

Value newlines_value(int seennl) {
  auto s = [](const char* t) { return Ref::steal(str_intern(t)); };
  switch (seennl) {
    case 0: incref(none()); return none();
    case kSeenLF: return str_intern("\n");
    case kSeenCR: return str_intern("\r");
    case kSeenCRLF: return str_intern("\r\n");
    case kSeenLF | kSeenCR: return tuple_pack({s("\r").get(), s("\n").get()});
    case kSeenLF | kSeenCRLF: return tuple_pack({s("\n").get(), s("\r\n").get()});
    case kSeenCR | kSeenCRLF: return tuple_pack({s("\r").get(), s("\r\n").get()});
    default: return tuple_pack({s("\r").get(), s("\n").get(), s("\r\n").get()});
  }
}

namespace {

struct DecoderObject : Object {
  Value decoder;  // the wrapped decoder, or None
  Value errors;
  bool translate = false;
  bool ok = false;
  NewlineState state;
};

DecoderObject* as_decoder(Value v) { return static_cast<DecoderObject*>(v.as_object()); }

Value decoder_new(TypeObject* type, const Value*, size_t, Value) {
  size_t size = type->basic_size > sizeof(DecoderObject) ? type->basic_size : sizeof(DecoderObject);
  Object* memory = allocate_object(type, size);
  if (!memory) return Value();
  uint32_t flags = memory->flags;
  DecoderObject* d = new (memory) DecoderObject();
  Object* header = d;
  header->refcount = 1;
  header->flags = flags;
  header->type = type;
  gc_track(d);
  return Value::object(d);
}

int decoder_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kParams[] = {"decoder", "translate", "errors"};
  Value a[3];
  if (!parse_args("IncrementalNewlineDecoder", args, nargs, kwnames, kParams, 3, 2, 3, a)) return -1;
  int translate = is_true(a[1]);
  if (translate < 0) return -1;
  DecoderObject* d = as_decoder(self);
  Value old_decoder = d->decoder, old_errors = d->errors;
  d->decoder = a[0];
  incref(d->decoder);
  d->errors = a[2] ? a[2] : Value();
  if (!d->errors) d->errors = str_intern("strict");
  else incref(d->errors);
  xdecref(old_decoder);
  xdecref(old_errors);
  d->translate = translate;
  d->state = NewlineState();
  d->ok = true;
  return 0;
}

void decoder_dealloc(Object* self) {
  DecoderObject* d = static_cast<DecoderObject*>(self);
  gc_untrack(self);
  xdecref(d->decoder);
  xdecref(d->errors);
  d->~DecoderObject();
  free_object(self);
}

void decoder_traverse(Object* self, VisitFunc visit, void* context) {
  DecoderObject* d = static_cast<DecoderObject*>(self);
  if (d->decoder) visit(d->decoder, context);
  if (d->errors) visit(d->errors, context);
}

void decoder_clear(Object* self) {
  DecoderObject* d = static_cast<DecoderObject*>(self);
  Value a = d->decoder, b = d->errors;
  d->decoder = d->errors = Value();
  xdecref(a);
  xdecref(b);
}

bool check_ok(DecoderObject* d) {
  if (d->ok) return true;
  raise(exc::ValueError, "IncrementalNewlineDecoder.__init__() not called");
  return false;
}

Value decoder_decode(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kParams[] = {"input", "final"};
  Value a[2];
  if (!parse_args("decode", args, nargs, kwnames, kParams, 2, 1, 2, a)) return Value();
  DecoderObject* d = as_decoder(self);
  if (!check_ok(d)) return Value();
  bool final = false;
  if (a[1]) {
    int t = is_true(a[1]);
    if (t < 0) return Value();
    final = t;
  }
  Ref output;
  if (d->decoder.is(none())) {
    output = Ref::borrow(a[0]);
  } else {
    Value call_args[2] = {a[0], bool_value(final)};
    Ref kw = Ref::steal(tuple_pack({Ref::steal(str_intern("final")).get()}));
    output = Ref::steal(call_method_kw(d->decoder, Ref::steal(str_intern("decode")).get(), call_args, 1, kw.get()));
    if (!output) return Value();
  }
  if (!is_str(output.get()))
    return raise_format(exc::TypeError, "decoder should return a string result, not '%s'",
                        type_name(type_of(output.get())));
  std::string text(str_utf8(output.get()));
  newline_decode(text, d->translate, final, d->state);
  return str_from_utf8(text);
}

Value decoder_getstate(Value self) {
  DecoderObject* d = as_decoder(self);
  if (!check_ok(d)) return Value();
  Ref buffer;
  int64_t flag = 0;
  if (!d->decoder.is(none())) {
    Ref state = Ref::steal(call0(d->decoder, "getstate"));
    if (!state) return Value();
    if (!is_tuple(state.get()) || tuple_size(state.get()) != 2)
      return raise(exc::TypeError, "illegal decoder state");
    buffer = Ref::borrow(tuple_get(state.get(), 0));
    if (!int_arg(tuple_get(state.get(), 1), &flag)) return Value();
  } else {
    buffer = Ref::steal(bytes_empty());
  }
  flag <<= 1;
  if (d->state.pendingcr) flag |= 1;
  Ref f = Ref::steal(int_from_int64(flag));
  return tuple_pack({buffer.get(), f.get()});
}

Value decoder_setstate(Value self, Value state) {
  DecoderObject* d = as_decoder(self);
  if (!check_ok(d)) return Value();
  if (!is_tuple(state) || tuple_size(state) != 2) return raise(exc::TypeError, "state argument must be a tuple");
  int64_t flag;
  if (!int_arg(tuple_get(state, 1), &flag)) return Value();
  d->state.pendingcr = flag & 1;
  if (!d->decoder.is(none())) {
    Ref f = Ref::steal(int_from_int64(flag >> 1));
    Ref inner = Ref::steal(tuple_pack({tuple_get(state, 0), f.get()}));
    return call1(d->decoder, "setstate", inner.get());
  }
  incref(none());
  return none();
}

Value decoder_reset(Value self) {
  DecoderObject* d = as_decoder(self);
  if (!check_ok(d)) return Value();
  d->state = NewlineState();
  if (!d->decoder.is(none())) return call0(d->decoder, "reset");
  incref(none());
  return none();
}

Value get_newlines(Value self) {
  DecoderObject* d = as_decoder(self);
  if (!check_ok(d)) return Value();
  return newlines_value(d->state.seennl);
}

const MethodDef kDecoderMethods[] = {
    {"decode", reinterpret_cast<void*>(decoder_decode), MethodKind::FastKeywords},
    {"getstate", reinterpret_cast<void*>(decoder_getstate), MethodKind::NoArgs},
    {"setstate", reinterpret_cast<void*>(decoder_setstate), MethodKind::OneArg},
    {"reset", reinterpret_cast<void*>(decoder_reset), MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

const GetSetDef kDecoderGetSets[] = {
    {"newlines", get_newlines},
    {nullptr, nullptr},
};

}  // namespace

int init_newline_decoder_type() {
  TypeObject& t = newline_decoder_type;
  t.refcount = kImmortalRefcount;
  t.Object::flags = ObjectFlag::Immortal;
  t.type = &type_type;
  t.name = "_io.IncrementalNewlineDecoder";
  t.qualname = "IncrementalNewlineDecoder";
  t.base = &object_type;
  t.basic_size = sizeof(DecoderObject);
  t.TypeObject::flags = TypeFlag::HaveGc | TypeFlag::BaseType;
  t.new_ = decoder_new;
  t.init = decoder_init;
  t.dealloc = decoder_dealloc;
  t.traverse = decoder_traverse;
  t.clear = decoder_clear;
  add_methods(&t, kDecoderMethods);
  add_getsets(&t, kDecoderGetSets);
  return type_ready(&t);
}

}  // namespace krait::modules::io
