// The runtime code object (code_type): a bytecode::CodeData turned into Values, plus what the
// interpreter derives from it once (exception table entries, a private copy of the code units).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "bytecode/code_data.h"
#include "runtime/builtin_types.h"

namespace krait::vm {

using runtime::Value;

struct ExceptionEntry {
  int start;      // first code unit covered
  int end;        // one past the last code unit covered
  int target;     // handler code unit
  int depth;      // stack depth to unwind to
  bool lasti;     // push the offset of the raising instruction before the exception
};

// One instruction's source span (co_positions): -1 for "unknown" (None in Python).
struct Position {
  int line = -1, end_line = -1, col = -1, end_col = -1;
};

// LOAD_GLOBAL's cache: the value found while both dicts were in the recorded state (dict
// versions change on every modification and are unique across dicts).
struct GlobalCacheEntry {
  runtime::Object* globals = nullptr;
  runtime::Object* builtins = nullptr;
  uint64_t globals_version = 0, builtins_version = 0;
  Value value;  // borrowed from one of the dicts
};

struct CodeObject : runtime::Object {
  // The compiler's / marshal's form. Null for a code object made by types.CodeType(...) or
  // replace() whose co_consts holds values a bytecode::Constant cannot represent (a list...):
  // such a code object runs but cannot be marshalled. Null too, until code_marshal_data() makes
  // it, for a code object read by marshal (a .pyc loaded is rarely dumped again).
  std::shared_ptr<const bytecode::CodeData> data;
  // Always set: co_code, names, tables as CodeData (the same object as `data` when that is set;
  // otherwise its consts are empty and `consts` below is the truth).
  std::shared_ptr<const bytecode::CodeData> shape;
  int argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
  int flags = 0;
  int stacksize = 0;
  int firstlineno = 0;
  int nlocalsplus = 0;   // locals + cells + free variables
  int nlocals = 0;       // varnames
  int ncells = 0, nfree = 0;
  Value consts;          // tuple
  Value names;           // tuple of interned str
  Value localsplusnames; // tuple of interned str
  Value filename, name, qualname;  // str
  std::vector<uint8_t> localspluskinds;
  std::vector<uint16_t> units;      // the instructions the VM runs (a copy of co_code)
  std::vector<ExceptionEntry> exception_table;
  std::vector<GlobalCacheEntry> global_cache;  // indexed by LOAD_GLOBAL's first CACHE unit - 1
  Value weakrefs;
  // Made from bytes (marshal, a .pyc) and not yet through the bytecode verifier: it is verified
  // before its first frame is made (push_frame), so that the functions a module never calls
  // cost nothing to check when it is imported.
  bool unverified = false;
};

inline CodeObject* as_code(Value v) { return static_cast<CodeObject*>(v.as_object()); }
inline bool is_code(Value v) { return v.is_object() && v.as_object()->type == &runtime::code_type; }

// The value a compile-time constant stands for (new reference; tuples and frozensets built
// as CPython's compiler leaves them), or null + error.
Value constant_to_value(const bytecode::Constant& c);
// A compile-time constant for a value (None, bool, Ellipsis, int, float, complex, str, bytes,
// code, and tuples and frozensets of these; exact types only), or null when none can stand
// for it.
bytecode::ConstRef to_constant(Value v);

// A code object (new reference) from the compiler's CodeData; nested code constants are
// converted too. Null + error on failure.
Value code_from_data(std::shared_ptr<const bytecode::CodeData> data);

// A code object (new reference) from what marshal read: `shape` holds co_code and the tables
// (its consts empty), `consts` / `names` / `localsplusnames` (tuples; the names interned strs) and
// filename / name / qualname (strs) are used as they are, not rebuilt from `shape`. The caller
// does not verify the code: it is marked unverified (checked before it first runs). Its compiler form (`data`) is made when first needed
// (code_marshal_data). Null + error on failure.
Value code_from_marshal(std::shared_ptr<const bytecode::CodeData> shape, Value consts, Value names,
                        Value localsplusnames, Value filename, Value name, Value qualname);

// Runs the bytecode verifier (code_verify.h) on a code object made from bytes; clears
// `unverified` on success, else raises ValueError ("code: invalid bytecode: ...") and returns
// false. Its nested code objects are checked when they run.
bool verify_before_run(CodeObject* code);

// Marks `code` and the code objects among its constants, recursively, as made from bytes.
void mark_unverified(Value code);

// The compiler's form of a code object, for marshal.dumps and .pyc writing: `data`, made from
// `shape` and co_consts the first time it is asked for when the object has none yet. Null
// (without an exception) when co_consts holds values a bytecode::Constant cannot represent.
std::shared_ptr<const bytecode::CodeData> code_marshal_data(Value code);

// The 18 arguments of types.CodeType(...) (CPython 3.11's order), borrowed and already
// type-checked: ints in range, code/linetable/exceptiontable bytes, consts and the name tuples
// tuples (names of str), filename/name/qualname str.
struct CodeFields {
  int argcount = 0, posonlyargcount = 0, kwonlyargcount = 0, nlocals = 0, stacksize = 0, flags = 0;
  Value code, consts, names, varnames, filename, name, qualname;
  int firstlineno = 0;
  Value linetable, exceptiontable, freevars, cellvars;
};

// A code object (new reference) from Python values, as PyCode_NewWithPosOnlyArgs builds it (cells
// that are also arguments share the argument's slot), after CPython's checks and krait's
// bytecode verifier (code_verify.h). Null + ValueError/SystemError on failure.
Value code_from_fields(const CodeFields& fields);

// One entry of co_linetable (CPython 3.11's format): code units [start, end) and their span.
struct LineTableEntry {
  int start = 0, end = 0;  // code units
  Position position;       // line -1 for "no location" entries
  int computed_line = 0;   // the running line (what co_lnotab records), kept by no-location entries
};

// Walks co_linetable entry by entry, never reading past its end (the table may come from bytes).
class LineTableWalker {
 public:
  LineTableWalker(const std::vector<uint8_t>& table, int firstlineno) : table_(table), line_(firstlineno) {}
  bool next(LineTableEntry* out);  // false at the end
 private:
  int read_varint();
  int read_svarint();
  int read_byte() { return pos_ < table_.size() ? table_[pos_++] : 0; }
  const std::vector<uint8_t>& table_;
  size_t pos_ = 0;
  int line_;
  int unit_ = 0;
};

// The source position of the instruction at code unit `index` (co_positions).
Position code_position(const CodeObject* code, int index);
// The line of the instruction at code unit `index` (-1 when none).
int code_line(const CodeObject* code, int index);

// The handler for code unit `index`, or nullptr.
const ExceptionEntry* code_find_handler(const CodeObject* code, int index);

int init_code_type();

}  // namespace krait::vm
