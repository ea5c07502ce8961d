// Constants as the compiler and marshal see them: the values a code object's co_consts holds.
//
// These are plain C++ values, independent of the runtime's heap objects, so the compiler,
// the .pyc reader/writer and the parity tools work without a running VM. The runtime turns a
// Constant into a Value when it loads a code object.
#pragma once

#include <gmpxx.h>

#include <memory>
#include <string>
#include <vector>

namespace krait::bytecode {

struct CodeData;
struct Constant;
using ConstRef = std::shared_ptr<const Constant>;

struct Constant : std::enable_shared_from_this<Constant> {
  enum class Kind : uint8_t {
    None, False, True, Ellipsis, Int, Float, Complex, Str, Bytes, Tuple, FrozenSet, Code
  };
  Kind kind = Kind::None;
  mpz_class int_value;              // Int (any size)
  double real = 0.0;                // Float; Complex: the real part
  double imag = 0.0;                // Complex: the imaginary part
  std::string text;                 // Str: UTF-8, lone surrogates as 3-byte sequences; Bytes: raw
  std::vector<ConstRef> items;      // Tuple, FrozenSet (in the order CPython would iterate them)
  std::shared_ptr<const CodeData> code;  // Code

  static ConstRef none();
  static ConstRef boolean(bool value);
  static ConstRef ellipsis();
  static ConstRef integer(mpz_class value);
  static ConstRef floating(double value);
  static ConstRef complex(double real, double imag);
  static ConstRef str(std::string utf8);
  static ConstRef bytes(std::string raw);
  static ConstRef tuple(std::vector<ConstRef> items);
  static ConstRef frozenset(std::vector<ConstRef> items);
  static ConstRef code_object(std::shared_ptr<const CodeData> code);
};

}  // namespace krait::bytecode
