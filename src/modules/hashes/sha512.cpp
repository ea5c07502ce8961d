// _sha512: SHA-512 and SHA-384 (FIPS 180-4), what random.py uses to seed from str/bytes and
// hashlib falls back to. krait's own implementation of the standard's compression function, over
// the shared hash object protocol (hash_object.h).
#include <cstdint>
#include <cstring>
#include <string>

#include "modules/hashes/hash_object.h"
#include "modules/modules.h"
#include "modules/native_args.h"
#include "runtime/args.h"
#include "runtime/builtin_types.h"
#include "runtime/bytes.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/memory.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/str.h"

namespace krait::modules {

using namespace runtime;

namespace {

// --- the hash -------------------------------------------------------------------------------

const uint64_t kRound[80] = {
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538,
    0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe,
    0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
    0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
    0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5, 0x983e5152ee66dfab,
    0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
    0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
    0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
    0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8, 0x19a4c116b8d2d0c8, 0x1e376c085141ab53,
    0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c,
    0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6,
    0x113f9804bef90dae, 0x1b710b35131c471b, 0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817};

const uint64_t kInit512[8] = {0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
                              0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179};
const uint64_t kInit384[8] = {0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939,
                              0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4};

inline uint64_t rotr(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

struct Sha512State {
  uint64_t h[8];
  unsigned char block[128];
  size_t used;         // bytes in `block`
  uint64_t length_lo;  // message length in bytes (128-bit counter)
  uint64_t length_hi;
  int digest_size;     // 64 (SHA-512) or 48 (SHA-384)
};

void compress(uint64_t h[8], const unsigned char* p) {
  uint64_t w[80];
  for (int t = 0; t < 16; ++t) {
    uint64_t v = 0;
    for (int k = 0; k < 8; ++k) v = (v << 8) | p[8 * t + k];
    w[t] = v;
  }
  for (int t = 16; t < 80; ++t) {
    uint64_t s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> 7);
    uint64_t s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> 6);
    w[t] = w[t - 16] + s0 + w[t - 7] + s1;
  }
  uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (int t = 0; t < 80; ++t) {
    uint64_t t1 = hh + (rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41)) + ((e & f) ^ (~e & g)) + kRound[t] + w[t];
    uint64_t t2 = (rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
    hh = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

void sha_init(Sha512State* s, int digest_size) {
  std::memcpy(s->h, digest_size == 64 ? kInit512 : kInit384, sizeof s->h);
  s->used = 0;
  s->length_lo = s->length_hi = 0;
  s->digest_size = digest_size;
}

void sha_update(Sha512State* s, std::string_view data) {
  uint64_t before = s->length_lo;
  s->length_lo += data.size();
  if (s->length_lo < before) ++s->length_hi;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(data.data());
  size_t n = data.size();
  while (n > 0) {
    size_t take = std::min(n, sizeof s->block - s->used);
    std::memcpy(s->block + s->used, p, take);
    s->used += take;
    p += take;
    n -= take;
    if (s->used == sizeof s->block) {
      compress(s->h, s->block);
      s->used = 0;
    }
  }
}

// The digest of what was hashed so far (the state itself is left as it was).
std::string sha_digest(const Sha512State* state) {
  Sha512State s = *state;
  uint64_t bits_hi = (s.length_hi << 3) | (s.length_lo >> 61), bits_lo = s.length_lo << 3;
  s.block[s.used++] = 0x80;
  if (s.used > 112) {
    std::memset(s.block + s.used, 0, 128 - s.used);
    compress(s.h, s.block);
    s.used = 0;
  }
  std::memset(s.block + s.used, 0, 112 - s.used);
  for (int k = 0; k < 8; ++k) {
    s.block[112 + k] = static_cast<unsigned char>(bits_hi >> (56 - 8 * k));
    s.block[120 + k] = static_cast<unsigned char>(bits_lo >> (56 - 8 * k));
  }
  compress(s.h, s.block);
  std::string out(64, '\0');
  for (int i = 0; i < 8; ++i)
    for (int k = 0; k < 8; ++k) out[8 * i + k] = static_cast<char>(s.h[i] >> (56 - 8 * k));
  out.resize(size_t(s.digest_size));
  return out;
}

void sha512_init(void* state, int digest_size) { sha_init(static_cast<Sha512State*>(state), digest_size); }
void sha512_update(void* state, const unsigned char* data, size_t size) {
  sha_update(static_cast<Sha512State*>(state), std::string_view(reinterpret_cast<const char*>(data), size));
}
void sha512_final(const void* state, unsigned char* out, size_t length) {
  std::string digest = sha_digest(static_cast<const Sha512State*>(state));
  std::memcpy(out, digest.data(), length);
}

const HashAlgorithm kSha512 = {"sha512", 64, 128, sizeof(Sha512State), sha512_init, sha512_update, sha512_final};
const HashAlgorithm kSha384 = {"sha384", 48, 128, sizeof(Sha512State), sha512_init, sha512_update, sha512_final};

TypeObject sha512_type, sha384_type;

Value sha512_function(Value, const Value* args, size_t nargs, Value kwnames) {
  return hash_function_call("sha512", &sha512_type, &kSha512, args, nargs, kwnames);
}
Value sha384_function(Value, const Value* args, size_t nargs, Value kwnames) {
  return hash_function_call("sha384", &sha384_type, &kSha384, args, nargs, kwnames);
}

#define M(name, fn) {name, reinterpret_cast<void*>(&fn), MethodKind::FastKeywords}
const MethodDef module_functions[] = {
    M("sha512", sha512_function),
    M("sha384", sha384_function),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef M

int init_sha_types() {
  if (init_hash_type(&sha512_type, "_sha512.sha512", "sha512", &kSha512, false, nullptr) < 0) return -1;
  return init_hash_type(&sha384_type, "_sha512.sha384", "sha384", &kSha384, false, nullptr);
}

}  // namespace

Value create_sha512_module() {
  if (init_sha_types() < 0) return Value();
  Ref module = Ref::steal(module_new("_sha512"));
  if (!module) return Value();
  if (module_add_functions(module.get(), module_functions) < 0) return Value();
  // CPython 3.11's _sha512 names its sha512 type SHA384Type (and has no SHA512Type).
  if (module_add(module.get(), "SHA384Type", Value::object(&sha512_type)) < 0) return Value();
  return module.release();
}

}  // namespace krait::modules
