// libFuzzer target for what a .pyc body goes through before krait runs it: the marshal reader
// (src/bytecode/marshal_load.cpp, versions 0-4, references, every type a constant can hold)
// and the bytecode verifier (src/vm/code_verify.cpp) on every code object it yields, nested
// ones included. Build: fuzz/build.sh (target pyc_fuzzer); seeds: fuzz/make_pyc_corpus.py.
//
// Beyond "no crash, no leak, no hang", the harness checks invariants:
//   - whatever loads can be dumped again (marshal_dumps) and that dump loads back, as a
//     constant of the same kind (a writer/reader disagreement is a bug);
//   - code the verifier accepts can be disassembled (dump_code reads co_code unchecked).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "bytecode/code_dump.h"
#include "bytecode/marshal.h"
#include "vm/code_verify.h"

namespace {

using krait::bytecode::Constant;

// What the verifier reads of a loaded code object (the VM builds the same from a CodeObject).
krait::vm::VerifyInput verify_input(const krait::bytecode::CodeData& code) {
  krait::vm::VerifyInput in;
  in.code = code.code;
  in.exceptiontable = code.exceptiontable;
  in.localspluskinds = code.localspluskinds;
  in.nconsts = code.consts.size();
  in.nnames = code.names.size();
  in.argcount = code.argcount;
  in.kwonlyargcount = code.kwonlyargcount;
  in.flags = code.flags;
  in.stacksize = code.stacksize;
  in.kwnames_length = [&code](size_t i) -> int {
    const Constant& c = *code.consts[i];
    if (c.kind != Constant::Kind::Tuple) return -1;
    for (const auto& item : c.items)
      if (item->kind != Constant::Kind::Str) return -1;
    return static_cast<int>(c.items.size());
  };
  return in;
}

// Verifies each code object reachable from `c`, nested ones included (as the VM verifies each
// before its first frame); code the verifier accepts is disassembled too.
void verify_all(const Constant& c) {
  if (c.kind == Constant::Kind::Code && c.code) {
    std::string why;
    if (!krait::vm::verify_code_input(verify_input(*c.code), &why)) return;
    (void)krait::bytecode::dump_code(*c.code);
    for (const auto& item : c.code->consts) verify_all(*item);
    return;
  }
  for (const auto& item : c.items) verify_all(*item);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  krait::bytecode::MarshalError error;
  size_t consumed = 0;
  krait::bytecode::ConstRef value = krait::bytecode::marshal_loads(bytes, error, &consumed);
  if (!value) {
    if (!error) abort();  // failure must say why
    return 0;
  }
  if (consumed > size) abort();
  verify_all(*value);

  krait::bytecode::MarshalError dump_error;
  std::string again = krait::bytecode::marshal_dumps(*value, krait::bytecode::kMarshalVersion, &dump_error);
  if (dump_error) return 0;  // nesting beyond the writer's limit
  krait::bytecode::MarshalError reload_error;
  krait::bytecode::ConstRef back = krait::bytecode::marshal_loads(again, reload_error);
  if (!back || back->kind != value->kind) abort();
  return 0;
}
