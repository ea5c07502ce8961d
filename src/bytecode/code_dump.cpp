#include "bytecode/code_dump.h"

#include <algorithm>
#include <cmath>

#include "parse/ast_repr.h"
#include "support/float_repr.h"

namespace krait::bytecode {

namespace {

// One part of a complex's repr: repr(float) without the ".0" of integral values.
std::string complex_part(double value) {
  std::string text = imaginary_repr(value);
  text.pop_back();  // the 'j'
  return text;
}

std::string complex_repr(double real, double imag) {
  // Python omits a real part that is +0.0.
  if (real == 0.0 && !std::signbit(real)) return complex_part(imag) + "j";
  std::string imag_text = complex_part(imag);
  if (imag_text[0] != '-') imag_text = "+" + imag_text;
  return "(" + complex_part(real) + imag_text + "j)";
}

std::string items_repr(const std::vector<ConstRef>& items, bool sorted) {
  std::vector<std::string> parts;
  for (const auto& item : items) parts.push_back(constant_repr(*item));
  if (sorted) std::sort(parts.begin(), parts.end());
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += ", ";
    out += parts[i];
  }
  return out;
}

std::string hex(const std::vector<uint8_t>& bytes) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (uint8_t b : bytes) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

std::string names_repr(const std::vector<std::string>& names) {
  std::string out = "(";
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += ", ";
    ast::append_str_repr(out, names[i]);
  }
  if (names.size() == 1) out += ",";
  return out + ")";
}

std::string str_repr(const std::string& text) {
  std::string out;
  ast::append_str_repr(out, text);
  return out;
}

void dump_one(const CodeData& code, int& counter, std::string& out) {
  out += "# code " + std::to_string(counter++) + " " + code.qualname + "\n";
  out += "co_qualname: " + str_repr(code.qualname) + "\n";
  out += "co_name: " + str_repr(code.name) + "\n";
  out += "co_firstlineno: " + std::to_string(code.firstlineno) + "\n";
  out += "co_argcount: " + std::to_string(code.argcount) + "\n";
  out += "co_posonlyargcount: " + std::to_string(code.posonlyargcount) + "\n";
  out += "co_kwonlyargcount: " + std::to_string(code.kwonlyargcount) + "\n";
  out += "co_nlocals: " + std::to_string(code.nlocals()) + "\n";
  out += "co_flags: " + std::to_string(code.flags) + "\n";
  out += "co_stacksize: " + std::to_string(code.stacksize) + "\n";
  out += "co_code: " + hex(code.code) + "\n";
  out += "co_consts: " + std::to_string(code.consts.size()) + "\n";
  for (size_t i = 0; i < code.consts.size(); ++i)
    out += "co_consts[" + std::to_string(i) + "]: " + constant_repr(*code.consts[i]) + "\n";
  out += "co_names: " + names_repr(code.names) + "\n";
  out += "co_varnames: " + names_repr(code.varnames()) + "\n";
  out += "co_cellvars: " + names_repr(code.cellvars()) + "\n";
  out += "co_freevars: " + names_repr(code.freevars()) + "\n";
  out += "co_exceptiontable: " + hex(code.exceptiontable) + "\n";
  out += "co_linetable: " + hex(code.linetable) + "\n";
  for (const auto& c : code.consts)
    if (c->kind == Constant::Kind::Code && c->code) dump_one(*c->code, counter, out);
}

}  // namespace

std::string constant_repr(const Constant& value) {
  using Kind = Constant::Kind;
  switch (value.kind) {
    case Kind::None: return "None";
    case Kind::True: return "True";
    case Kind::False: return "False";
    case Kind::Ellipsis: return "Ellipsis";
    case Kind::Int: return value.int_value.get_str();
    case Kind::Float: return float_repr(value.real);
    case Kind::Complex: return complex_repr(value.real, value.imag);
    case Kind::Str: return str_repr(value.text);
    case Kind::Bytes: {
      std::string out;
      ast::append_bytes_repr(out, value.text);
      return out;
    }
    case Kind::Tuple:
      if (value.items.size() == 1) return "(" + items_repr(value.items, false) + ",)";
      return "(" + items_repr(value.items, false) + ")";
    case Kind::FrozenSet:
      if (value.items.empty()) return "frozenset()";
      return "frozenset({" + items_repr(value.items, true) + "})";
    case Kind::Code: return "<code " + (value.code ? value.code->name : std::string("?")) + ">";
  }
  return "?";
}

std::string dump_code(const CodeData& code) {
  std::string out;
  int counter = 0;
  dump_one(code, counter, out);
  return out;
}

}  // namespace krait::bytecode
