// Value: one 64-bit word that is a small int, a float, or a pointer to a heap object.
//
// Layout (top 16 bits decide):
//   0x0000            a pointer to an Object (x86-64 user addresses fit in 47 bits);
//                     the all-zero word is "no value" (the error/absent marker, never a Python object)
//   0xFFFC            a small int: the low 48 bits, two's complement (range -2^47 .. 2^47-1)
//   anything else     a float: its IEEE bits plus 2^49, so every double lands in 0x0002..0xFFFA
// Ints outside the small range are heap IntObjects (GMP); every int has exactly one form, so
// equal ints are equal words. `is` and id() on ints and floats therefore follow their bits,
// as PyPy's do (documented in docs/ARCHITECTURE.md).
// A NaN is the quiet NaN of its sign with a fresh payload each time one is made (floating()):
// the payload is its identity, so `float("nan") is float("nan")` is False and containers'
// identity shortcuts (`nan in [nan]`) see two NaNs as CPython sees two float objects, while a
// copied Value stays identical. as_float() drops the payload: no NaN bits other than the
// canonical ones ever reach arithmetic, struct, marshal or the hash of a float's value.
#pragma once

#include <cstdint>
#include <cmath>
#include <cstring>

namespace krait::runtime {

struct Object;

class Value {
 public:
  static constexpr uint64_t kIntTag = 0xFFFCull << 48;
  static constexpr uint64_t kTagMask = 0xFFFFull << 48;
  static constexpr uint64_t kDoubleOffset = 1ull << 49;
  static constexpr int64_t kSmallIntMax = (int64_t(1) << 47) - 1;
  static constexpr int64_t kSmallIntMin = -(int64_t(1) << 47);

  constexpr Value() : bits_(0) {}
  static constexpr Value from_bits(uint64_t bits) { Value v; v.bits_ = bits; return v; }

  // --- construction -------------------------------------------------------------------------
  static Value object(Object* ptr) { return from_bits(reinterpret_cast<uint64_t>(ptr)); }
  // Precondition: fits_small_int(i). Use int_from_int64 (int.h) for any int64.
  static constexpr Value small_int(int64_t i) {
    return from_bits(kIntTag | (static_cast<uint64_t>(i) & 0xFFFFFFFFFFFFull));
  }
  static Value floating(double d) {
    uint64_t bits;
    if (d != d) bits = fresh_nan_bits(std::signbit(d));
    else std::memcpy(&bits, &d, sizeof bits);
    return from_bits(bits + kDoubleOffset);
  }
  static constexpr bool fits_small_int(int64_t i) { return i >= kSmallIntMin && i <= kSmallIntMax; }

  // --- inspection ---------------------------------------------------------------------------
  constexpr bool is_null() const { return bits_ == 0; }
  constexpr explicit operator bool() const { return bits_ != 0; }
  constexpr bool is_object() const { return (bits_ & kTagMask) == 0 && bits_ != 0; }
  constexpr bool is_small_int() const { return (bits_ & kTagMask) == kIntTag; }
  constexpr bool is_float() const {
    uint64_t top = bits_ >> 48;
    return top != 0 && top != 0xFFFC;
  }
  Object* as_object() const { return reinterpret_cast<Object*>(bits_); }
  constexpr int64_t as_small_int() const { return static_cast<int64_t>(bits_ << 16) >> 16; }
  double as_float() const {
    uint64_t bits = bits_ - kDoubleOffset;
    if ((bits & kQuietNan) == kQuietNan) bits &= kQuietNan | kSignBit;  // a NaN: drop its identity
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
  }
  // The double with a NaN's identity payload left in, for the VM's float fast paths only:
  // arithmetic and comparisons do not read a NaN's payload (a NaN result gets a fresh one from
  // floating()), and they skip as_float's test.
  double as_float_in_arithmetic() const {
    uint64_t bits = bits_ - kDoubleOffset;
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
  }
  constexpr uint64_t bits() const { return bits_; }

  // Identity (Python's `is`).
  constexpr bool is(Value other) const { return bits_ == other.bits_; }
  constexpr bool operator==(const Value&) const = default;

 private:
  static constexpr uint64_t kSignBit = 1ull << 63;
  static constexpr uint64_t kQuietNan = 0x7FF8000000000000ull;  // exponent all ones, quiet bit
  static constexpr uint64_t kNanPayloadMask = (1ull << 48) - 1;  // keeps the tag bits above clear
  // The quiet NaN of the given sign with the next payload (one interpreter thread: a plain count).
  static uint64_t fresh_nan_bits(bool negative) {
    static uint64_t last_payload = 0;
    last_payload = (last_payload + 1) & kNanPayloadMask;
    return (negative ? kSignBit : 0) | kQuietNan | last_payload;
  }

  uint64_t bits_;
};

}  // namespace krait::runtime
