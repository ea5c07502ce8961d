// CPython 3.11's marshal format for the compiler's values (Constant, CodeData).
//
// Writing (marshal_dump.cpp) produces the bytes CPython 3.11's marshal.dumps produces for the
// same code object, FLAG_REF bits and 'r' back-references included. CPython decides those by
// reference counts at dump time; krait has no such objects at compile time, so the writer
// rebuilds which objects CPython would share from the values themselves (the sharing rule is
// described at the top of marshal_dump.cpp).
//
// Reading (marshal_load.cpp) accepts versions 0-4. Malformed input gives an error with
// CPython's exception type and message, never a crash: lengths are checked against the
// remaining input before anything is allocated, and nesting is limited to CPython's 2000.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "bytecode/code_data.h"
#include "bytecode/constant.h"

namespace krait::bytecode {

inline constexpr int kMarshalVersion = 4;        // marshal.version
inline constexpr int kMaxMarshalDepth = 2000;    // CPython's MAX_MARSHAL_STACK_DEPTH

struct MarshalError {
  // The Python exception CPython raises for the same input. NotImplemented: data CPython
  // accepts but a compile-time constant cannot hold (a list, dict, set, StopIteration, a
  // tuple that contains itself); the runtime's marshal module must handle those itself.
  enum class Type : uint8_t { None, EOFError, ValueError, TypeError, UnicodeDecodeError, NotImplemented };
  Type type = Type::None;
  std::string message;

  explicit operator bool() const { return type != Type::None; }
  const char* type_name() const;  // "EOFError", ... ("NotImplementedError" for NotImplemented)
};

// marshal.dumps(value, version) of a constant as CPython holds it after compile(): the top
// object referenced once by its caller, everything below shared as CPython's compiler shares
// it. On error (nesting deeper than 2000) returns "" and sets *error if given.
std::string marshal_dumps(const Constant& value, int version = kMarshalVersion, MarshalError* error = nullptr);
// marshal.dumps(compile(source, filename, 'exec', dont_inherit=True), version).
std::string marshal_dumps(const CodeData& code, int version = kMarshalVersion, MarshalError* error = nullptr);

// marshal.loads(data): one object from the start of `data` (trailing bytes are ignored, as
// CPython does; *consumed receives how many bytes the object took). nullptr with `error` set
// when the data is malformed or holds something a Constant cannot represent.
ConstRef marshal_loads(std::string_view data, MarshalError& error, size_t* consumed = nullptr);
// The same, for data that must hold a code object (a .pyc body).
std::shared_ptr<const CodeData> marshal_loads_code(std::string_view data, MarshalError& error,
                                                   size_t* consumed = nullptr);

}  // namespace krait::bytecode
