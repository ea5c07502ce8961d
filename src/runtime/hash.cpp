// SipHash-1-3 over bytes with CPython 3.11's key handling (PYTHONHASHSEED).
#include "runtime/hash.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <unistd.h>

namespace krait::runtime {
namespace {

uint64_t g_k0 = 0, g_k1 = 0;
bool g_initialized = false;

inline uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

// Fills `buffer` with the bytes CPython derives from a numeric seed (a 32-bit LCG, one byte per
// step), so PYTHONHASHSEED=N gives CPython's hashes.
void lcg_fill(uint32_t seed, unsigned char* buffer, size_t size) {
  uint32_t x = seed;
  for (size_t i = 0; i < size; ++i) {
    x = x * 214013u + 2531011u;
    buffer[i] = static_cast<unsigned char>((x >> 16) & 0xff);
  }
}

void random_fill(unsigned char* buffer, size_t size) {
  int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  size_t got = 0;
  if (fd >= 0) {
    while (got < size) {
      ssize_t n = read(fd, buffer + got, size - got);
      if (n <= 0) {
        if (n < 0 && errno == EINTR) continue;
        break;
      }
      got += static_cast<size_t>(n);
    }
    close(fd);
  }
  if (got < size) {
    std::random_device device;
    for (size_t i = got; i < size; ++i) buffer[i] = static_cast<unsigned char>(device());
  }
}

void set_key(const unsigned char* secret) {
  std::memcpy(&g_k0, secret, 8);
  std::memcpy(&g_k1, secret + 8, 8);
}

}  // namespace

bool hash_init() {
  // Once only: str and bytes cache their hashes, so the key must never change.
  static bool valid = true;
  if (g_initialized) return valid;
  g_initialized = true;
  // CPython's secret is 24 bytes; SipHash's key is the first 16.
  unsigned char secret[24] = {};
  const char* env = std::getenv("PYTHONHASHSEED");
  if (env == nullptr || *env == '\0' || std::strcmp(env, "random") == 0) {
    random_fill(secret, sizeof secret);
    set_key(secret);
    return true;
  }
  char* end = nullptr;
  errno = 0;
  unsigned long seed = std::strtoul(env, &end, 10);
  if (*end != '\0' || errno != 0 || seed > 4294967295ul || env[0] == '-') {
    random_fill(secret, sizeof secret);
    set_key(secret);
    valid = false;
    return false;
  }
  if (seed != 0) lcg_fill(static_cast<uint32_t>(seed), secret, sizeof secret);
  set_key(secret);
  return true;
}

uint64_t siphash13(const void* data, size_t size) {
  if (!g_initialized) hash_init();
  return siphash13_keyed(g_k0, g_k1, data, size);
}

uint64_t siphash13_keyed(uint64_t k0, uint64_t k1, const void* data, size_t size) {
  const unsigned char* in = static_cast<const unsigned char*>(data);
  uint64_t v0 = k0 ^ 0x736f6d6570736575ull;
  uint64_t v1 = k1 ^ 0x646f72616e646f6dull;
  uint64_t v2 = k0 ^ 0x6c7967656e657261ull;
  uint64_t v3 = k1 ^ 0x7465646279746573ull;
  auto round = [&] {
    v0 += v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32);
    v2 += v3; v3 = rotl(v3, 16); v3 ^= v2;
    v0 += v3; v3 = rotl(v3, 21); v3 ^= v0;
    v2 += v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32);
  };
  size_t blocks = size / 8;
  for (size_t i = 0; i < blocks; ++i) {
    uint64_t m;
    std::memcpy(&m, in + i * 8, 8);  // little-endian host (x86-64)
    v3 ^= m;
    round();
    v0 ^= m;
  }
  uint64_t last = static_cast<uint64_t>(size & 0xff) << 56;
  const unsigned char* tail = in + blocks * 8;
  for (size_t i = 0; i < (size & 7); ++i) last |= static_cast<uint64_t>(tail[i]) << (8 * i);
  v3 ^= last;
  round();
  v0 ^= last;
  v2 ^= 0xff;
  round();
  round();
  round();
  return v0 ^ v1 ^ v2 ^ v3;
}

int64_t hash_bytes(const void* data, size_t size) {
  if (size == 0) return 0;
  int64_t h = static_cast<int64_t>(siphash13(data, size));
  return h == -1 ? -2 : h;
}

}  // namespace krait::runtime
