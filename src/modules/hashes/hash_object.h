// The hash object protocol shared by krait's hash modules (_md5, _sha1, _sha256, _sha512, _sha3,
// _blake2): update/digest/hexdigest/copy and name/digest_size/block_size, over an algorithm given
// as a table of functions on a plain-data state kept inside the object.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "runtime/builtin_types.h"
#include "runtime/object.h"
#include "runtime/type.h"

namespace krait::modules {

using runtime::Value;

struct HashAlgorithm {
  const char* name;         // hashlib's name ("sha256")
  int digest_size;          // bytes; 0 for the extendable-output functions (shake)
  int block_size;           // bytes
  size_t state_size;        // bytes of the state (plain data: copied with memcpy)
  void (*init)(void* state, int digest_size);
  void (*update)(void* state, const unsigned char* data, size_t size);
  // Writes `length` bytes of digest computed from a copy of `state` (left unchanged).
  void (*final)(const void* state, unsigned char* out, size_t length);
};

struct HashObject : runtime::Object {
  const HashAlgorithm* algorithm;
  int digest_size;                     // the algorithm's, or chosen at creation (blake2)
  alignas(16) unsigned char state[];   // algorithm->state_size bytes
};

inline HashObject* as_hash(Value v) { return static_cast<HashObject*>(v.as_object()); }

// Readies a static hash type ("_sha256.sha256", qualname "sha256"): the protocol's methods and
// attributes (for XOFs digest/hexdigest take a length). `extra_getsets` may be null.
// new_ may be null (the module's functions construct). 0 or -1.
int init_hash_type(runtime::TypeObject* type, const char* name, const char* qualname, const HashAlgorithm* algorithm,
                   bool xof, runtime::NewFunc new_, const runtime::GetSetDef* extra_getsets = nullptr);

// A new hash object of `type` (its algorithm's state initialized for digest_size). Null + error.
Value hash_object_new(runtime::TypeObject* type, const HashAlgorithm* algorithm, int digest_size);

// The bytes to hash: str refused with hashlib's message, other non-buffers too.
bool hash_data_argument(Value v, std::string_view* out);

// The constructor functions of _md5/_sha1/_sha256/_sha512: NAME(string=b'', *, usedforsecurity=True).
Value hash_function_call(const char* fname, runtime::TypeObject* type, const HashAlgorithm* algorithm,
                         const Value* args, size_t nargs, Value kwnames);

// Big-endian / little-endian word helpers for the algorithms.
inline uint32_t load_be32(const unsigned char* p) {
  return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3];
}
inline uint32_t load_le32(const unsigned char* p) {
  return (uint32_t(p[3]) << 24) | (uint32_t(p[2]) << 16) | (uint32_t(p[1]) << 8) | p[0];
}
inline uint64_t load_le64(const unsigned char* p) {
  return uint64_t(load_le32(p)) | (uint64_t(load_le32(p + 4)) << 32);
}

// The message buffering of the Merkle-Damgard hashes with 64-byte blocks (MD5, SHA-1, SHA-256):
// `compress` consumes one block; the length is appended as 64 bits, big- or little-endian.
struct Md64Buffer {
  unsigned char block[64];
  size_t used;
  uint64_t length;  // bytes
};
void md64_update(Md64Buffer* b, uint32_t* h, void (*compress)(uint32_t* h, const unsigned char* block),
                 const unsigned char* data, size_t size);
void md64_pad(Md64Buffer* b, uint32_t* h, void (*compress)(uint32_t* h, const unsigned char* block), bool big_endian);

}  // namespace krait::modules
