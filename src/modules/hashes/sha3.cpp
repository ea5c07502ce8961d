// _sha3: SHA3-224/256/384/512 and SHAKE128/256 (FIPS 202), krait's own Keccak-f[1600] sponge
// over the shared hash object protocol (hash_object.h). The types are their own constructors.
#include <cstdint>
#include <cstring>

#include "modules/hashes/hash_object.h"
#include "modules/modules.h"
#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/str.h"

namespace krait::modules {

using namespace runtime;

namespace {

const uint64_t kRoundConstants[24] = {
    0x0000000000000001, 0x0000000000008082, 0x800000000000808a, 0x8000000080008000, 0x000000000000808b,
    0x0000000080000001, 0x8000000080008081, 0x8000000000008009, 0x000000000000008a, 0x0000000000000088,
    0x0000000080008009, 0x000000008000000a, 0x000000008000808b, 0x800000000000008b, 0x8000000000008089,
    0x8000000000008003, 0x8000000000008002, 0x8000000000000080, 0x000000000000800a, 0x800000008000000a,
    0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008};
const int kRotations[24] = {1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44};
const int kPiLanes[24] = {10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1};

inline uint64_t rotl64(uint64_t x, int n) { return (x << n) | (x >> (64 - n)); }

void keccak_f(uint64_t st[25]) {
  uint64_t bc[5];
  for (int round = 0; round < 24; ++round) {
    for (int i = 0; i < 5; ++i) bc[i] = st[i] ^ st[i + 5] ^ st[i + 10] ^ st[i + 15] ^ st[i + 20];
    for (int i = 0; i < 5; ++i) {
      uint64_t t = bc[(i + 4) % 5] ^ rotl64(bc[(i + 1) % 5], 1);
      for (int j = 0; j < 25; j += 5) st[j + i] ^= t;
    }
    uint64_t t = st[1];
    for (int i = 0; i < 24; ++i) {
      int j = kPiLanes[i];
      uint64_t next = st[j];
      st[j] = rotl64(t, kRotations[i]);
      t = next;
    }
    for (int j = 0; j < 25; j += 5) {
      for (int i = 0; i < 5; ++i) bc[i] = st[j + i];
      for (int i = 0; i < 5; ++i) st[j + i] ^= ~bc[(i + 1) % 5] & bc[(i + 2) % 5];
    }
    st[0] ^= kRoundConstants[round];
  }
}

struct KeccakState {
  uint64_t lanes[25];
  size_t rate;     // bytes absorbed per permutation
  size_t pos;      // bytes absorbed into the current block
  unsigned char suffix;  // the domain bits: 0x06 SHA-3, 0x1f SHAKE
};

void xor_byte(KeccakState* s, size_t i, unsigned char b) { s->lanes[i / 8] ^= uint64_t(b) << (8 * (i % 8)); }

// digest_size 0: SHAKE; its rate comes from the block size in the algorithm, set by the caller.
void keccak_update(void* state, const unsigned char* data, size_t size) {
  auto* s = static_cast<KeccakState*>(state);
  for (size_t i = 0; i < size; ++i) {
    xor_byte(s, s->pos++, data[i]);
    if (s->pos == s->rate) {
      keccak_f(s->lanes);
      s->pos = 0;
    }
  }
}

void keccak_final(const void* state, unsigned char* out, size_t length) {
  KeccakState s = *static_cast<const KeccakState*>(state);
  xor_byte(&s, s.pos, s.suffix);
  xor_byte(&s, s.rate - 1, 0x80);
  keccak_f(s.lanes);
  size_t pos = 0;
  for (size_t i = 0; i < length; ++i) {
    if (pos == s.rate) {
      keccak_f(s.lanes);
      pos = 0;
    }
    out[i] = static_cast<unsigned char>(s.lanes[pos / 8] >> (8 * (pos % 8)));
    ++pos;
  }
}

template <size_t Rate, unsigned char Suffix>
void keccak_init(void* state, int) {
  auto* s = static_cast<KeccakState*>(state);
  s->rate = Rate;
  s->pos = 0;
  s->suffix = Suffix;
}

const HashAlgorithm kSha3_224 = {"sha3_224", 28, 144, sizeof(KeccakState), keccak_init<144, 0x06>, keccak_update, keccak_final};
const HashAlgorithm kSha3_256 = {"sha3_256", 32, 136, sizeof(KeccakState), keccak_init<136, 0x06>, keccak_update, keccak_final};
const HashAlgorithm kSha3_384 = {"sha3_384", 48, 104, sizeof(KeccakState), keccak_init<104, 0x06>, keccak_update, keccak_final};
const HashAlgorithm kSha3_512 = {"sha3_512", 64, 72, sizeof(KeccakState), keccak_init<72, 0x06>, keccak_update, keccak_final};
const HashAlgorithm kShake128 = {"shake_128", 0, 168, sizeof(KeccakState), keccak_init<168, 0x1f>, keccak_update, keccak_final};
const HashAlgorithm kShake256 = {"shake_256", 0, 136, sizeof(KeccakState), keccak_init<136, 0x1f>, keccak_update, keccak_final};

TypeObject sha3_types[6];
const HashAlgorithm* const kAlgorithms[6] = {&kSha3_224, &kSha3_256, &kSha3_384, &kSha3_512, &kShake128, &kShake256};

const HashAlgorithm* algorithm_of(TypeObject* type) {
  for (int i = 0; i < 6; ++i)
    if (type == &sha3_types[i]) return kAlgorithms[i];
  return nullptr;
}

// sha3_224(data=b'', /, *, usedforsecurity=True) and the others.
Value sha3_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  const HashAlgorithm* algorithm = algorithm_of(type);
  // CPython 3.11 reports argument errors of every type of the module as sha3_224's.
  if (nargs > 1) return raise_format(exc::TypeError, "sha3_224() takes at most 1 positional argument (%zu given)", nargs);
  Value a[2];
  if (!bind_args({"sha3_224", {"data", "usedforsecurity"}, 1, 0, 1}, args, nargs, kwnames, a)) return Value();
  Ref h = Ref::steal(hash_object_new(type, algorithm, algorithm->digest_size));
  if (!h) return Value();
  if (a[0]) {
    std::string_view data;
    if (!hash_data_argument(a[0], &data)) return Value();
    algorithm->update(as_hash(h.get())->state, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  }
  return h.release();
}

const KeccakState* keccak(Value self) { return reinterpret_cast<const KeccakState*>(as_hash(self)->state); }
Value get_capacity_bits(Value self) { return int_from_int64(1600 - 8 * int64_t(keccak(self)->rate)); }
Value get_rate_bits(Value self) { return int_from_int64(8 * int64_t(keccak(self)->rate)); }
Value get_suffix(Value self) {
  char suffix = char(keccak(self)->suffix);
  return bytes_from(std::string_view(&suffix, 1));
}

const GetSetDef keccak_getsets[] = {
    {"_capacity_bits", get_capacity_bits},
    {"_rate_bits", get_rate_bits},
    {"_suffix", get_suffix},
    {nullptr, nullptr},
};

}  // namespace

Value create_sha3_module() {
  static const char* const kNames[6][2] = {{"_sha3.sha3_224", "sha3_224"}, {"_sha3.sha3_256", "sha3_256"},
                                           {"_sha3.sha3_384", "sha3_384"}, {"_sha3.sha3_512", "sha3_512"},
                                           {"_sha3.shake_128", "shake_128"}, {"_sha3.shake_256", "shake_256"}};
  for (int i = 0; i < 6; ++i)
    if (init_hash_type(&sha3_types[i], kNames[i][0], kNames[i][1], kAlgorithms[i], i >= 4, sha3_new,
                       keccak_getsets) < 0)
      return Value();
  Ref module = Ref::steal(module_new("_sha3"));
  if (!module) return Value();
  for (int i = 0; i < 6; ++i)
    if (module_add(module.get(), kNames[i][1], Value::object(&sha3_types[i])) < 0) return Value();
  Ref implementation = Ref::steal(str_from_ascii("tiny_sha3"));
  Ref keccakopt = Ref::steal(int_from_int64(0));
  if (!implementation || !keccakopt) return Value();
  if (module_add(module.get(), "implementation", implementation.get()) < 0) return Value();
  if (module_add(module.get(), "keccakopt", keccakopt.get()) < 0) return Value();
  return module.release();
}

}  // namespace krait::modules
