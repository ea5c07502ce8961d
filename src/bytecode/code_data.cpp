#include "bytecode/code_data.h"

namespace krait::bytecode {

namespace {

std::vector<std::string> names_of_kind(const CodeData& code, uint8_t kind) {
  std::vector<std::string> out;
  for (size_t i = 0; i < code.localsplusnames.size(); ++i) {
    if (code.localspluskinds[i] & kind) out.push_back(code.localsplusnames[i]);
  }
  return out;
}

}  // namespace

std::vector<std::string> CodeData::varnames() const { return names_of_kind(*this, LocalKind::Local); }
std::vector<std::string> CodeData::cellvars() const { return names_of_kind(*this, LocalKind::Cell); }
std::vector<std::string> CodeData::freevars() const { return names_of_kind(*this, LocalKind::Free); }

int CodeData::nlocals() const {
  int count = 0;
  for (uint8_t kind : localspluskinds) count += (kind & LocalKind::Local) ? 1 : 0;
  return count;
}

}  // namespace krait::bytecode
