// The hash object protocol shared by the hash modules (see hash_object.h).
#include "modules/hashes/hash_object.h"

#include <cstring>

#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/memory.h"
#include "runtime/number_util.h"
#include "runtime/str.h"

namespace krait::modules {

using namespace runtime;

namespace {

Value hex_of(const unsigned char* p, size_t n) {
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * n);
  for (size_t i = 0; i < n; ++i) {
    hex += kHex[p[i] >> 4];
    hex += kHex[p[i] & 15];
  }
  return str_from_ascii(hex);
}

std::string digest_of(Value self, size_t length) {
  HashObject* h = as_hash(self);
  std::string out(length, '\0');
  h->algorithm->final(h->state, reinterpret_cast<unsigned char*>(out.data()), length);
  return out;
}

Value update_method(Value self, Value data) {
  std::string_view view;
  if (!hash_data_argument(data, &view)) return Value();
  as_hash(self)->algorithm->update(as_hash(self)->state, reinterpret_cast<const unsigned char*>(view.data()),
                                   view.size());
  return new_ref(none());
}

Value digest_method(Value self) { return bytes_from(digest_of(self, size_t(as_hash(self)->digest_size))); }

Value hexdigest_method(Value self) {
  std::string d = digest_of(self, size_t(as_hash(self)->digest_size));
  return hex_of(reinterpret_cast<const unsigned char*>(d.data()), d.size());
}

// shake's digest(length) / hexdigest(length).
bool xof_length(Value length, size_t* out) {
  if (!is_int(length)) return raise(exc::TypeError, "an integer is required"), false;
  if (int_sign(length) < 0) return raise(exc::ValueError, "value must be positive"), false;
  int64_t n;
  if (!int_to_int64(length, &n) && int_to_mpz(length) >= mpz_class("18446744073709551616"))
    return raise(exc::OverflowError, "Python int too large to convert to C unsigned long"), false;
  if (!int_to_int64(length, &n) || n >= (int64_t(1) << 29)) return raise(exc::ValueError, "length is too large"), false;
  *out = size_t(n);
  return true;
}

Value xof_digest_method(Value self, Value length) {
  size_t n;
  if (!xof_length(length, &n)) return Value();
  return bytes_from(digest_of(self, n));
}

Value xof_hexdigest_method(Value self, Value length) {
  size_t n;
  if (!xof_length(length, &n)) return Value();
  std::string d = digest_of(self, n);
  return hex_of(reinterpret_cast<const unsigned char*>(d.data()), d.size());
}

Value copy_method(Value self) {
  HashObject* h = as_hash(self);
  auto* c = static_cast<HashObject*>(allocate_object(type_of(self), sizeof(HashObject) + h->algorithm->state_size));
  if (!c) return Value();
  c->algorithm = h->algorithm;
  c->digest_size = h->digest_size;
  std::memcpy(c->state, h->state, h->algorithm->state_size);
  return Value::object(c);
}

Value get_name(Value self) { return str_from_ascii(as_hash(self)->algorithm->name); }
Value get_digest_size(Value self) { return int_from_int64(as_hash(self)->digest_size); }
Value get_block_size(Value self) { return int_from_int64(as_hash(self)->algorithm->block_size); }

void hash_dealloc(Object* self) { free_object(self); }

#define M(name, fn, kind) {name, reinterpret_cast<void*>(&fn), MethodKind::kind}
const MethodDef hash_methods[] = {
    M("copy", copy_method, NoArgs),
    M("digest", digest_method, NoArgs),
    M("hexdigest", hexdigest_method, NoArgs),
    M("update", update_method, OneArg),
    {nullptr, nullptr, MethodKind::NoArgs},
};
const MethodDef xof_methods[] = {
    M("copy", copy_method, NoArgs),
    M("digest", xof_digest_method, OneArg),
    M("hexdigest", xof_hexdigest_method, OneArg),
    M("update", update_method, OneArg),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef M
const GetSetDef hash_getsets[] = {
    {"name", get_name},
    {"digest_size", get_digest_size},
    {"block_size", get_block_size},
    {nullptr, nullptr},
};

}  // namespace

bool hash_data_argument(Value v, std::string_view* out) {
  if (is_str(v)) return raise(exc::TypeError, "Strings must be encoded before hashing"), false;
  if (!has_buffer(v)) return raise(exc::TypeError, "object supporting the buffer API required"), false;
  return bytes_like_view(v, out);
}

int init_hash_type(TypeObject* t, const char* name, const char* qualname, const HashAlgorithm* algorithm, bool xof,
                   NewFunc new_, const GetSetDef* extra_getsets) {
  if (t->flags & TypeFlag::Ready) return 0;
  t->refcount = 1;
  t->Object::flags = ObjectFlag::Immortal;
  t->type = &type_type;
  t->name = name;
  t->qualname = qualname;
  t->base = &object_type;
  t->basic_size = sizeof(HashObject) + algorithm->state_size;
  t->flags = 0;
  t->dealloc = hash_dealloc;
  t->new_ = new_;
  add_methods(t, xof ? xof_methods : hash_methods);
  add_getsets(t, hash_getsets);
  if (extra_getsets) add_getsets(t, extra_getsets);
  return type_ready(t);
}

Value hash_object_new(TypeObject* type, const HashAlgorithm* algorithm, int digest_size) {
  auto* h = static_cast<HashObject*>(allocate_object(type, sizeof(HashObject) + algorithm->state_size));
  if (!h) return Value();
  h->algorithm = algorithm;
  h->digest_size = digest_size;
  std::memset(h->state, 0, algorithm->state_size);
  algorithm->init(h->state, digest_size);
  return Value::object(h);
}

Value hash_function_call(const char* fname, TypeObject* type, const HashAlgorithm* algorithm, const Value* args,
                         size_t nargs, Value kwnames) {
  Value a[2];
  if (nargs > 1)
    return raise_format(exc::TypeError, "%s() takes at most 1 positional argument (%zu given)", fname, nargs);
  if (!bind_args({fname, {"string", "usedforsecurity"}, 0, 0, 1}, args, nargs, kwnames, a)) return Value();
  Ref h = Ref::steal(hash_object_new(type, algorithm, algorithm->digest_size));
  if (!h) return Value();
  if (a[0]) {
    std::string_view data;
    if (!hash_data_argument(a[0], &data)) return Value();
    algorithm->update(as_hash(h.get())->state, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  }
  return h.release();
}

void md64_update(Md64Buffer* b, uint32_t* h, void (*compress)(uint32_t*, const unsigned char*),
                 const unsigned char* data, size_t size) {
  b->length += size;
  while (size > 0) {
    size_t take = std::min(size, sizeof b->block - b->used);
    std::memcpy(b->block + b->used, data, take);
    b->used += take;
    data += take;
    size -= take;
    if (b->used == sizeof b->block) {
      compress(h, b->block);
      b->used = 0;
    }
  }
}

void md64_pad(Md64Buffer* b, uint32_t* h, void (*compress)(uint32_t*, const unsigned char*), bool big_endian) {
  uint64_t bits = b->length << 3;
  b->block[b->used++] = 0x80;
  if (b->used > 56) {
    std::memset(b->block + b->used, 0, 64 - b->used);
    compress(h, b->block);
    b->used = 0;
  }
  std::memset(b->block + b->used, 0, 56 - b->used);
  for (int k = 0; k < 8; ++k)
    b->block[56 + k] = static_cast<unsigned char>(big_endian ? bits >> (56 - 8 * k) : bits >> (8 * k));
  compress(h, b->block);
}

}  // namespace krait::modules
