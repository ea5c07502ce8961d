#include "compile/unit.h"

#include <algorithm>
#include <cstring>

#include "bytecode/code_data.h"

namespace krait::compile {

namespace {

// A byte string that is equal for two constants exactly when CPython's constant key is:
// the kind, then the value; floats by their bits (0.0 and -0.0 differ); containers item by
// item (a frozenset's items sorted, since its key ignores order); code objects by identity.
void append_key(const bytecode::Constant& value, std::string& key) {
  using Kind = bytecode::Constant::Kind;
  key.push_back(char(value.kind));
  auto append_double = [&key](double d) {
    char bits[sizeof d];
    std::memcpy(bits, &d, sizeof d);
    key.append(bits, sizeof d);
  };
  auto append_sized = [&key](const std::string& text) {
    key += std::to_string(text.size());
    key.push_back(':');
    key += text;
  };
  switch (value.kind) {
    case Kind::None: case Kind::False: case Kind::True: case Kind::Ellipsis:
      break;
    case Kind::Int:
      append_sized(value.int_value.get_str(16));
      break;
    case Kind::Float:
      append_double(value.real);
      // NaN equals nothing, not even itself: distinct NaN objects stay distinct constants
      // (a folded NaN loaded twice is one object, hence one constant).
      if (value.real != value.real) key += std::to_string(reinterpret_cast<uintptr_t>(&value));
      break;
    case Kind::Complex:
      append_double(value.real);
      append_double(value.imag);
      break;
    case Kind::Str: case Kind::Bytes:
      append_sized(value.text);
      break;
    case Kind::Tuple: case Kind::FrozenSet: {
      std::vector<std::string> parts;
      for (const auto& item : value.items) {
        std::string part;
        append_key(*item, part);
        parts.push_back(std::move(part));
      }
      if (value.kind == Kind::FrozenSet) std::sort(parts.begin(), parts.end());
      key += std::to_string(parts.size());
      key.push_back('(');
      for (const auto& part : parts) append_sized(part);
      break;
    }
    case Kind::Code: {
      // Code objects are equal by content (CPython's code_richcompare): the same function
      // compiled twice (a finally body is emitted once per exit) is one constant.
      const bytecode::CodeData& code = *value.code;
      append_sized(code.name);
      for (int n : {code.argcount, code.posonlyargcount, code.kwonlyargcount, code.flags, code.firstlineno}) {
        key += std::to_string(n);
        key.push_back(',');
      }
      append_sized(std::string(code.code.begin(), code.code.end()));
      key += std::to_string(code.consts.size());
      key.push_back('(');
      for (const auto& item : code.consts) {
        std::string part;
        append_key(*item, part);
        append_sized(part);
      }
      key += std::to_string(code.names.size());
      for (const auto& name : code.names) append_sized(name);
      key += std::to_string(code.localsplusnames.size());
      for (const auto& name : code.localsplusnames) append_sized(name);
      append_sized(std::string(code.linetable.begin(), code.linetable.end()));
      append_sized(std::string(code.exceptiontable.begin(), code.exceptiontable.end()));
      break;
    }
  }
}

}  // namespace

std::string constant_key(const bytecode::Constant& value) {
  std::string key;
  append_key(value, key);
  return key;
}

int ConstantPool::add(const bytecode::ConstRef& value) {
  auto [it, inserted] = index_.emplace(constant_key(*value), int(items_.size()));
  if (inserted) items_.push_back(value);
  return it->second;
}

void ConstantPool::reindex() {
  index_.clear();
  for (size_t i = 0; i < items_.size(); ++i) index_.emplace(constant_key(*items_[i]), int(i));
}

int NamePool::add(const std::string& name) {
  auto [it, inserted] = index_.emplace(name, int(items_.size()));
  if (inserted) items_.push_back(name);
  return it->second;
}

int NamePool::find(const std::string& name) const {
  auto it = index_.find(name);
  return it == index_.end() ? -1 : it->second;
}

}  // namespace krait::compile
