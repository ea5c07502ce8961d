#include "bytecode/constant.h"

namespace krait::bytecode {

namespace {

ConstRef make(Constant::Kind kind) {
  auto value = std::make_shared<Constant>();
  value->kind = kind;
  return value;
}

}  // namespace

ConstRef Constant::none() {
  static const ConstRef instance = make(Kind::None);
  return instance;
}

ConstRef Constant::boolean(bool value) {
  static const ConstRef true_value = make(Kind::True);
  static const ConstRef false_value = make(Kind::False);
  return value ? true_value : false_value;
}

ConstRef Constant::ellipsis() {
  static const ConstRef instance = make(Kind::Ellipsis);
  return instance;
}

ConstRef Constant::integer(mpz_class value) {
  auto c = std::make_shared<Constant>();
  c->kind = Kind::Int;
  c->int_value = std::move(value);
  return c;
}

ConstRef Constant::floating(double value) {
  auto c = std::make_shared<Constant>();
  c->kind = Kind::Float;
  c->real = value;
  return c;
}

ConstRef Constant::complex(double real, double imag) {
  auto c = std::make_shared<Constant>();
  c->kind = Kind::Complex;
  c->real = real;
  c->imag = imag;
  return c;
}

ConstRef Constant::str(std::string utf8) {
  auto c = std::make_shared<Constant>();
  c->kind = Kind::Str;
  c->text = std::move(utf8);
  return c;
}

ConstRef Constant::bytes(std::string raw) {
  auto c = std::make_shared<Constant>();
  c->kind = Kind::Bytes;
  c->text = std::move(raw);
  return c;
}

ConstRef Constant::tuple(std::vector<ConstRef> items) {
  auto c = std::make_shared<Constant>();
  c->kind = Kind::Tuple;
  c->items = std::move(items);
  return c;
}

ConstRef Constant::frozenset(std::vector<ConstRef> items) {
  auto c = std::make_shared<Constant>();
  c->kind = Kind::FrozenSet;
  c->items = std::move(items);
  return c;
}

ConstRef Constant::code_object(std::shared_ptr<const CodeData> code) {
  auto c = std::make_shared<Constant>();
  c->kind = Kind::Code;
  c->code = std::move(code);
  return c;
}

}  // namespace krait::bytecode
