#include "compile/constants.h"

#include <string>

namespace krait::compile {

bytecode::ConstRef constant_from_ast(const ast::ConstantValue& value) {
  using Kind = ast::ConstantValue::Kind;
  using bytecode::Constant;
  switch (value.kind) {
    case Kind::None: return Constant::none();
    case Kind::True: return Constant::boolean(true);
    case Kind::False: return Constant::boolean(false);
    case Kind::Ellipsis: return Constant::ellipsis();
    case Kind::Int: return Constant::integer(mpz_class(static_cast<long>(value.int_value)));
    case Kind::BigInt: {
      mpz_class number;
      number.set_str(std::string(value.text), value.base);
      return Constant::integer(std::move(number));
    }
    case Kind::Float: return Constant::floating(value.float_value);
    case Kind::Complex: return Constant::complex(0.0, value.float_value);
    case Kind::Str: return Constant::str(std::string(value.text));
    case Kind::Bytes: return Constant::bytes(std::string(value.text));
    case Kind::Folded:
      // The optimizer keeps the folded value alive while the compilation runs; the code
      // object takes a reference of its own.
      return value.folded->shared_from_this();
  }
  return Constant::none();
}

}  // namespace krait::compile
