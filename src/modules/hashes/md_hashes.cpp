// _md5, _sha1 and _sha256 (sha224/sha256): the 64-byte-block Merkle-Damgard hashes (RFC 1321,
// FIPS 180-4), krait's own implementations of their compression functions over the shared hash
// object protocol (hash_object.h).
#include <cstdint>
#include <cstring>

#include "modules/hashes/hash_object.h"
#include "modules/modules.h"
#include "runtime/module.h"
#include "runtime/number_util.h"

namespace krait::modules {

using namespace runtime;

namespace {

inline uint32_t rotl(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
inline uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

struct MdState {
  uint32_t h[8];
  Md64Buffer buffer;
};

// --- MD5 ------------------------------------------------------------------------------------

const uint32_t kMd5K[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};
const int kMd5Shift[16] = {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};

void md5_compress(uint32_t* h, const unsigned char* p) {
  uint32_t m[16];
  for (int i = 0; i < 16; ++i) m[i] = load_le32(p + 4 * i);
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
  for (int i = 0; i < 64; ++i) {
    uint32_t f;
    int g;
    switch (i / 16) {
      case 0: f = (b & c) | (~b & d); g = i; break;
      case 1: f = (d & b) | (~d & c); g = (5 * i + 1) % 16; break;
      case 2: f = b ^ c ^ d; g = (3 * i + 5) % 16; break;
      default: f = c ^ (b | ~d); g = (7 * i) % 16; break;
    }
    uint32_t t = d;
    d = c;
    c = b;
    b = b + rotl(a + f + kMd5K[i] + m[g], kMd5Shift[(i / 16) * 4 + i % 4]);
    a = t;
  }
  h[0] += a; h[1] += b; h[2] += c; h[3] += d;
}

void md5_init(void* state, int) {
  auto* s = static_cast<MdState*>(state);
  const uint32_t init[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
  std::memcpy(s->h, init, sizeof init);
}
void md5_update(void* state, const unsigned char* data, size_t size) {
  auto* s = static_cast<MdState*>(state);
  md64_update(&s->buffer, s->h, md5_compress, data, size);
}
void md5_final(const void* state, unsigned char* out, size_t length) {
  MdState s = *static_cast<const MdState*>(state);
  md64_pad(&s.buffer, s.h, md5_compress, false);
  for (size_t i = 0; i < length; ++i) out[i] = static_cast<unsigned char>(s.h[i / 4] >> (8 * (i % 4)));
}

// --- SHA-1 ----------------------------------------------------------------------------------

void sha1_compress(uint32_t* h, const unsigned char* p) {
  uint32_t w[80];
  for (int t = 0; t < 16; ++t) w[t] = load_be32(p + 4 * t);
  for (int t = 16; t < 80; ++t) w[t] = rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
  for (int t = 0; t < 80; ++t) {
    uint32_t f, k;
    if (t < 20) f = (b & c) | (~b & d), k = 0x5a827999;
    else if (t < 40) f = b ^ c ^ d, k = 0x6ed9eba1;
    else if (t < 60) f = (b & c) | (b & d) | (c & d), k = 0x8f1bbcdc;
    else f = b ^ c ^ d, k = 0xca62c1d6;
    uint32_t temp = rotl(a, 5) + f + e + k + w[t];
    e = d;
    d = c;
    c = rotl(b, 30);
    b = a;
    a = temp;
  }
  h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
}

void sha1_init(void* state, int) {
  auto* s = static_cast<MdState*>(state);
  const uint32_t init[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
  std::memcpy(s->h, init, sizeof init);
}
void sha1_update(void* state, const unsigned char* data, size_t size) {
  auto* s = static_cast<MdState*>(state);
  md64_update(&s->buffer, s->h, sha1_compress, data, size);
}

// The big-endian hashes' digest: the first `length` bytes of h.
void big_endian_final(const void* state, unsigned char* out, size_t length,
                      void (*compress)(uint32_t*, const unsigned char*)) {
  MdState s = *static_cast<const MdState*>(state);
  md64_pad(&s.buffer, s.h, compress, true);
  for (size_t i = 0; i < length; ++i) out[i] = static_cast<unsigned char>(s.h[i / 4] >> (24 - 8 * (i % 4)));
}
void sha1_final(const void* state, unsigned char* out, size_t length) {
  big_endian_final(state, out, length, sha1_compress);
}

// --- SHA-256 / SHA-224 ----------------------------------------------------------------------

const uint32_t kSha256K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

void sha256_compress(uint32_t* h, const unsigned char* p) {
  uint32_t w[64];
  for (int t = 0; t < 16; ++t) w[t] = load_be32(p + 4 * t);
  for (int t = 16; t < 64; ++t) {
    uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
    uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
    w[t] = w[t - 16] + s0 + w[t - 7] + s1;
  }
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (int t = 0; t < 64; ++t) {
    uint32_t t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + kSha256K[t] + w[t];
    uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
  }
  h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

void sha256_init(void* state, int digest_size) {
  auto* s = static_cast<MdState*>(state);
  const uint32_t init256[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                               0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  const uint32_t init224[8] = {0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939,
                               0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4};
  std::memcpy(s->h, digest_size == 32 ? init256 : init224, sizeof init256);
}
void sha256_update(void* state, const unsigned char* data, size_t size) {
  auto* s = static_cast<MdState*>(state);
  md64_update(&s->buffer, s->h, sha256_compress, data, size);
}
void sha256_final(const void* state, unsigned char* out, size_t length) {
  big_endian_final(state, out, length, sha256_compress);
}

const HashAlgorithm kMd5 = {"md5", 16, 64, sizeof(MdState), md5_init, md5_update, md5_final};
const HashAlgorithm kSha1 = {"sha1", 20, 64, sizeof(MdState), sha1_init, sha1_update, sha1_final};
const HashAlgorithm kSha224 = {"sha224", 28, 64, sizeof(MdState), sha256_init, sha256_update, sha256_final};
const HashAlgorithm kSha256 = {"sha256", 32, 64, sizeof(MdState), sha256_init, sha256_update, sha256_final};

TypeObject md5_type, sha1_type, sha224_type, sha256_type;

Value md5_function(Value, const Value* args, size_t nargs, Value kwnames) {
  return hash_function_call("md5", &md5_type, &kMd5, args, nargs, kwnames);
}
Value sha1_function(Value, const Value* args, size_t nargs, Value kwnames) {
  return hash_function_call("sha1", &sha1_type, &kSha1, args, nargs, kwnames);
}
Value sha224_function(Value, const Value* args, size_t nargs, Value kwnames) {
  return hash_function_call("sha224", &sha224_type, &kSha224, args, nargs, kwnames);
}
Value sha256_function(Value, const Value* args, size_t nargs, Value kwnames) {
  return hash_function_call("sha256", &sha256_type, &kSha256, args, nargs, kwnames);
}

#define M(name, fn) {name, reinterpret_cast<void*>(&fn), MethodKind::FastKeywords}
const MethodDef md5_functions[] = {M("md5", md5_function), {nullptr, nullptr, MethodKind::NoArgs}};
const MethodDef sha1_functions[] = {M("sha1", sha1_function), {nullptr, nullptr, MethodKind::NoArgs}};
const MethodDef sha256_functions[] = {M("sha224", sha224_function), M("sha256", sha256_function),
                                      {nullptr, nullptr, MethodKind::NoArgs}};
#undef M

// A module holding `functions` and the hash types under their attribute names.
Value make_module(const char* name, const MethodDef* functions,
                  std::initializer_list<std::pair<const char*, TypeObject*>> types) {
  Ref module = Ref::steal(module_new(name));
  if (!module || module_add_functions(module.get(), functions) < 0) return Value();
  for (auto& [attr, type] : types)
    if (module_add(module.get(), attr, Value::object(type)) < 0) return Value();
  return module.release();
}

}  // namespace

Value create_md5_module() {
  if (init_hash_type(&md5_type, "_md5.md5", "md5", &kMd5, false, nullptr) < 0) return Value();
  return make_module("_md5", md5_functions, {{"MD5Type", &md5_type}});
}

Value create_sha1_module() {
  if (init_hash_type(&sha1_type, "_sha1.sha1", "sha1", &kSha1, false, nullptr) < 0) return Value();
  return make_module("_sha1", sha1_functions, {{"SHA1Type", &sha1_type}});
}

Value create_sha256_module() {
  if (init_hash_type(&sha224_type, "_sha256.sha224", "sha224", &kSha224, false, nullptr) < 0 ||
      init_hash_type(&sha256_type, "_sha256.sha256", "sha256", &kSha256, false, nullptr) < 0)
    return Value();
  return make_module("_sha256", sha256_functions, {{"SHA224Type", &sha224_type}, {"SHA256Type", &sha256_type}});
}

}  // namespace krait::modules
