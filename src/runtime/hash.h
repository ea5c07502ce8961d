// Hashing of bytes-like data (str, bytes, memoryview): SipHash-1-3 keyed as CPython 3.11 keys it.
//
// The key comes from PYTHONHASHSEED: unset or "random" => random bytes; "0" => all-zero key
// (hashes equal CPython's under PYTHONHASHSEED=0); N => CPython's LCG derivation from N (so
// hashes equal CPython's under the same seed).
#pragma once

#include <cstddef>
#include <cstdint>

namespace krait::runtime {

// hash() of `size` bytes: 0 for no bytes, never -1 (becomes -2), as CPython's _Py_HashBytes.
int64_t hash_bytes(const void* data, size_t size);

// The raw SipHash-1-3 of `size` bytes under the process key (no -1 / empty special cases).
uint64_t siphash13(const void* data, size_t size);
// SipHash-1-3 under an explicit key (_imp.source_hash uses k0 = its key, k1 = 0).
uint64_t siphash13_keyed(uint64_t k0, uint64_t k1, const void* data, size_t size);

// Reads PYTHONHASHSEED and sets the key; called once at start-up (hash_bytes calls it lazily
// if nobody did). Returns false (and keeps a random key) when the variable is invalid; CPython
// then exits with "Fatal Python error: PYTHONHASHSEED must be "random" or an integer in range
// [0; 4294967295]".
bool hash_init();

// Tuple-style combination constants (CPython 3.11's xxHash-based tuple hash), shared by tuple
// and anything that hashes like a tuple.
inline constexpr uint64_t kXXPrime1 = 11400714785074694791ull;
inline constexpr uint64_t kXXPrime2 = 14029467366897019727ull;
inline constexpr uint64_t kXXPrime5 = 2870177450012600261ull;

}  // namespace krait::runtime
