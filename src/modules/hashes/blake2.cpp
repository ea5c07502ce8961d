// _blake2: BLAKE2b and BLAKE2s (RFC 7693) with the full parameter block (key, salt, person, tree
// parameters), krait's own implementation over the shared hash object protocol (hash_object.h).
// One template serves both: they differ in word size, rounds, rotations and IV.
#include <cstdint>
#include <cstring>

#include "modules/hashes/hash_object.h"
#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/str.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/number_util.h"

namespace krait::modules {

using namespace runtime;

namespace {

const uint8_t kSigma[10][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4}, {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13}, {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11}, {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5}, {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0}};

struct Blake2bTraits {
  using Word = uint64_t;
  static constexpr int kRounds = 12, kR1 = 32, kR2 = 24, kR3 = 16, kR4 = 63;
  static constexpr int kBlock = 128, kMaxDigest = 64, kMaxKey = 64, kSalt = 16, kPerson = 16;
  static constexpr Word kIv[8] = {0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
                                  0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179};
};
struct Blake2sTraits {
  using Word = uint32_t;
  static constexpr int kRounds = 10, kR1 = 16, kR2 = 12, kR3 = 8, kR4 = 7;
  static constexpr int kBlock = 64, kMaxDigest = 32, kMaxKey = 32, kSalt = 8, kPerson = 8;
  static constexpr Word kIv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                  0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
};

template <typename T>
struct Blake2State {
  typename T::Word h[8];
  typename T::Word t[2];  // bytes compressed so far (a double word)
  bool last_node;
  unsigned char buffer[T::kBlock];
  size_t used;
};

template <typename W>
W load_word(const unsigned char* p) {
  W w = 0;
  for (size_t k = 0; k < sizeof(W); ++k) w |= W(p[k]) << (8 * k);
  return w;
}

template <typename W>
inline W rotr(W x, int n) { return (x >> n) | (x << (8 * sizeof(W) - n)); }

template <typename T>
void compress(Blake2State<T>* s, const unsigned char* block, bool final) {
  using W = typename T::Word;
  W m[16], v[16];
  for (int i = 0; i < 16; ++i) m[i] = load_word<W>(block + i * sizeof(W));
  for (int i = 0; i < 8; ++i) v[i] = s->h[i], v[i + 8] = T::kIv[i];
  v[12] ^= s->t[0];
  v[13] ^= s->t[1];
  if (final) {
    v[14] = ~v[14];
    if (s->last_node) v[15] = ~v[15];
  }
  auto g = [&](int a, int b, int c, int d, W x, W y) {
    v[a] = v[a] + v[b] + x; v[d] = rotr<W>(v[d] ^ v[a], T::kR1);
    v[c] = v[c] + v[d];     v[b] = rotr<W>(v[b] ^ v[c], T::kR2);
    v[a] = v[a] + v[b] + y; v[d] = rotr<W>(v[d] ^ v[a], T::kR3);
    v[c] = v[c] + v[d];     v[b] = rotr<W>(v[b] ^ v[c], T::kR4);
  };
  for (int r = 0; r < T::kRounds; ++r) {
    const uint8_t* sg = kSigma[r % 10];
    g(0, 4, 8, 12, m[sg[0]], m[sg[1]]);
    g(1, 5, 9, 13, m[sg[2]], m[sg[3]]);
    g(2, 6, 10, 14, m[sg[4]], m[sg[5]]);
    g(3, 7, 11, 15, m[sg[6]], m[sg[7]]);
    g(0, 5, 10, 15, m[sg[8]], m[sg[9]]);
    g(1, 6, 11, 12, m[sg[10]], m[sg[11]]);
    g(2, 7, 8, 13, m[sg[12]], m[sg[13]]);
    g(3, 4, 9, 14, m[sg[14]], m[sg[15]]);
  }
  for (int i = 0; i < 8; ++i) s->h[i] ^= v[i] ^ v[i + 8];
}

template <typename T>
void add_count(Blake2State<T>* s, size_t n) {
  s->t[0] += typename T::Word(n);
  if (s->t[0] < typename T::Word(n)) ++s->t[1];
}

template <typename T>
void blake2_update(void* state, const unsigned char* data, size_t size) {
  auto* s = static_cast<Blake2State<T>*>(state);
  while (size > 0) {
    if (s->used == size_t(T::kBlock)) {  // a full buffer is compressed only once more data follows
      add_count(s, T::kBlock);
      compress(s, s->buffer, false);
      s->used = 0;
    }
    size_t take = std::min(size, size_t(T::kBlock) - s->used);
    std::memcpy(s->buffer + s->used, data, take);
    s->used += take;
    data += take;
    size -= take;
  }
}

template <typename T>
void blake2_final(const void* state, unsigned char* out, size_t length) {
  Blake2State<T> s = *static_cast<const Blake2State<T>*>(state);
  add_count(&s, s.used);
  std::memset(s.buffer + s.used, 0, T::kBlock - s.used);
  compress(&s, s.buffer, true);
  for (size_t i = 0; i < length; ++i)
    out[i] = static_cast<unsigned char>(s.h[i / sizeof(typename T::Word)] >> (8 * (i % sizeof(typename T::Word))));
}

template <typename T>
void blake2_init_plain(void*, int) {}  // the constructor fills the state from the parameter block

const HashAlgorithm kBlake2b = {"blake2b", 64, 128, sizeof(Blake2State<Blake2bTraits>), blake2_init_plain<Blake2bTraits>,
                                blake2_update<Blake2bTraits>, blake2_final<Blake2bTraits>};
const HashAlgorithm kBlake2s = {"blake2s", 32, 64, sizeof(Blake2State<Blake2sTraits>), blake2_init_plain<Blake2sTraits>,
                                blake2_update<Blake2sTraits>, blake2_final<Blake2sTraits>};

TypeObject blake2b_type, blake2s_type;

// A byte-size parameter (key, salt, person): a bytes-like object.
bool bytes_param(Value v, std::string_view* out) {
  if (!v) return true;
  if (!has_buffer(v))
    return raise_format(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(type_of(v))), false;
  return bytes_like_view(v, out);
}

// An int parameter: int64, checked by the caller.
bool int_param(Value v, int64_t fallback, int64_t* out, bool* too_big = nullptr) {
  if (!v) return *out = fallback, true;
  if (!is_int(v)) {
    return raise_format(exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(type_of(v))),
           false;
  }
  if (!int_to_int64(v, out)) {
    if (too_big && int_sign(v) > 0) return *too_big = true, *out = INT64_MAX, true;
    return raise(exc::OverflowError, "Python int too large to convert to C long"), false;
  }
  return true;
}

template <typename T>
Value blake2_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  const HashAlgorithm* algorithm = type == &blake2b_type ? &kBlake2b : &kBlake2s;
  const char* fname = algorithm->name;
  Value a[13];
  if (!bind_args({fname,
                  {"data", "digest_size", "key", "salt", "person", "fanout", "depth", "leaf_size", "node_offset",
                   "node_depth", "inner_size", "last_node", "usedforsecurity"},
                  1, 0, 1},
                 args, nargs, kwnames, a))
    return Value();
  int64_t digest_size, fanout, depth, leaf_size, node_offset, node_depth, inner_size;
  bool offset_too_big = false;
  std::string_view key, salt, person, data;
  if (!int_param(a[1], T::kMaxDigest, &digest_size)) return Value();
  if (digest_size < 1 || digest_size > T::kMaxDigest)
    return raise_format(exc::ValueError, "digest_size must be between 1 and %d bytes", T::kMaxDigest);
  if (!bytes_param(a[2], &key) || !bytes_param(a[3], &salt) || !bytes_param(a[4], &person)) return Value();
  if (key.size() > size_t(T::kMaxKey)) return raise_format(exc::ValueError, "maximum key length is %d bytes", T::kMaxKey);
  if (salt.size() > size_t(T::kSalt)) return raise_format(exc::ValueError, "maximum salt length is %d bytes", T::kSalt);
  if (person.size() > size_t(T::kPerson))
    return raise_format(exc::ValueError, "maximum person length is %d bytes", T::kPerson);
  if (!int_param(a[5], 1, &fanout)) return Value();
  if (fanout < 0 || fanout > 255) return raise(exc::ValueError, "fanout must be between 0 and 255");
  if (!int_param(a[6], 1, &depth)) return Value();
  if (depth <= 0 || depth > 255) return raise(exc::ValueError, "depth must be between 1 and 255");
  bool leaf_too_big = false;
  if (!int_param(a[7], 0, &leaf_size, &leaf_too_big)) return Value();
  if (leaf_size < 0) return raise(exc::ValueError, "value must be positive");
  if (leaf_too_big || leaf_size > 0xffffffffLL) return raise(exc::OverflowError, "leaf_size is too large");
  if (a[8] && is_int(a[8]) && int_sign(a[8]) < 0) return raise(exc::ValueError, "value must be positive");
  if (!int_param(a[8], 0, &node_offset, &offset_too_big)) return Value();
  if (offset_too_big && int_to_mpz(a[8]) > mpz_class("18446744073709551615"))
    return raise(exc::OverflowError, "int too big to convert");
  if (sizeof(typename T::Word) == 4 && (offset_too_big || node_offset >= (int64_t(1) << 48)))
    return raise(exc::OverflowError, "node_offset is too large");
  uint64_t offset = offset_too_big ? int_to_mpz(a[8]).get_ui() : uint64_t(node_offset);
  if (!int_param(a[9], 0, &node_depth)) return Value();
  if (node_depth < 0 || node_depth > 255) return raise(exc::ValueError, "node_depth must be between 0 and 255");
  if (!int_param(a[10], 0, &inner_size)) return Value();
  if (inner_size < 0 || inner_size > T::kMaxDigest)
    return raise_format(exc::ValueError, "inner_size must be between 0 and is %d", T::kMaxDigest);
  bool last_node = false;
  if (a[11]) {
    int t = is_true(a[11]);
    if (t < 0) return Value();
    last_node = t;
  }
  if (a[0] && !hash_data_argument(a[0], &data)) return Value();

  // The parameter block, XORed into the IV.
  unsigned char p[64] = {};
  p[0] = uint8_t(digest_size);
  p[1] = uint8_t(key.size());
  p[2] = uint8_t(fanout);
  p[3] = uint8_t(depth);
  for (int k = 0; k < 4; ++k) p[4 + k] = uint8_t(uint64_t(leaf_size) >> (8 * k));
  if (sizeof(typename T::Word) == 8) {
    for (int k = 0; k < 8; ++k) p[8 + k] = uint8_t(offset >> (8 * k));
    p[16] = uint8_t(node_depth);
    p[17] = uint8_t(inner_size);
    if (!salt.empty()) std::memcpy(p + 32, salt.data(), salt.size());
    if (!person.empty()) std::memcpy(p + 48, person.data(), person.size());
  } else {
    for (int k = 0; k < 6; ++k) p[8 + k] = uint8_t(offset >> (8 * k));
    p[14] = uint8_t(node_depth);
    p[15] = uint8_t(inner_size);
    if (!salt.empty()) std::memcpy(p + 16, salt.data(), salt.size());
    if (!person.empty()) std::memcpy(p + 24, person.data(), person.size());
  }
  Ref h = Ref::steal(hash_object_new(type, algorithm, int(digest_size)));
  if (!h) return Value();
  auto* s = reinterpret_cast<Blake2State<T>*>(as_hash(h.get())->state);
  using W = typename T::Word;
  for (int i = 0; i < 8; ++i) s->h[i] = T::kIv[i] ^ load_word<W>(p + i * sizeof(W));
  s->last_node = last_node;
  if (!key.empty()) {
    unsigned char block[T::kBlock] = {};
    std::memcpy(block, key.data(), key.size());
    blake2_update<T>(s, block, T::kBlock);
  }
  if (!data.empty()) blake2_update<T>(s, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return h.release();
}

// The class constants (blake2b.SALT_SIZE ...), set in the type's dict.
template <typename T>
int add_constants(TypeObject* type) {
  const std::pair<const char*, int> constants[] = {{"SALT_SIZE", T::kSalt},
                                                   {"PERSON_SIZE", T::kPerson},
                                                   {"MAX_KEY_SIZE", T::kMaxKey},
                                                   {"MAX_DIGEST_SIZE", T::kMaxDigest}};
  for (auto& [name, value] : constants) {
    Ref v = Ref::steal(int_from_int64(value));
    if (!v || dict_set_item_str(type->dict, name, v.get()) < 0) return -1;
  }
  type_modified(type);
  return 0;
}

}  // namespace

Value create_blake2_module() {
  if (!(blake2b_type.flags & TypeFlag::Ready)) {
    if (init_hash_type(&blake2b_type, "_blake2.blake2b", "blake2b", &kBlake2b, false, blake2_new<Blake2bTraits>) < 0 ||
        init_hash_type(&blake2s_type, "_blake2.blake2s", "blake2s", &kBlake2s, false, blake2_new<Blake2sTraits>) < 0)
      return Value();
    if (add_constants<Blake2bTraits>(&blake2b_type) < 0 || add_constants<Blake2sTraits>(&blake2s_type) < 0)
      return Value();
  }
  Ref module = Ref::steal(module_new("_blake2"));
  if (!module) return Value();
  if (module_add(module.get(), "blake2b", Value::object(&blake2b_type)) < 0) return Value();
  if (module_add(module.get(), "blake2s", Value::object(&blake2s_type)) < 0) return Value();
  const std::pair<const char*, int> constants[] = {
      {"BLAKE2B_SALT_SIZE", 16}, {"BLAKE2B_PERSON_SIZE", 16}, {"BLAKE2B_MAX_KEY_SIZE", 64}, {"BLAKE2B_MAX_DIGEST_SIZE", 64},
      {"BLAKE2S_SALT_SIZE", 8},  {"BLAKE2S_PERSON_SIZE", 8},  {"BLAKE2S_MAX_KEY_SIZE", 32}, {"BLAKE2S_MAX_DIGEST_SIZE", 32}};
  for (auto& [name, value] : constants) {
    Ref v = Ref::steal(int_from_int64(value));
    if (!v || module_add(module.get(), name, v.get()) < 0) return Value();
  }
  return module.release();
}

}  // namespace krait::modules
