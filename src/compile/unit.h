// What the code generator hands the assembler besides the graph: the code object's names,
// constants and shape.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "bytecode/code_data.h"
#include "compile/cfg.h"

namespace krait::compile {

// co_consts under construction. CPython merges equal constants by a key that keeps apart
// values Python calls equal but that differ in type or sign (1, 1.0, True; 0.0 and -0.0;
// tuples element by element), so `add` returns the index of an existing equal constant.
class ConstantPool {
 public:
  int add(const bytecode::ConstRef& value);   // index of value (appended if new)
  const std::vector<bytecode::ConstRef>& items() const { return items_; }
  // For passes that rewrite the list (trimming unused constants): edit, then reindex().
  std::vector<bytecode::ConstRef>& mutable_items() { return items_; }
  void reindex();

 private:
  std::vector<bytecode::ConstRef> items_;
  std::unordered_map<std::string, int> index_;
};

// The key under which CPython merges equal constants, as a byte string.
std::string constant_key(const bytecode::Constant& value);

// A name list (co_names, varnames, ...) with index lookup.
class NamePool {
 public:
  int add(const std::string& name);           // index of name (appended if new)
  int find(const std::string& name) const;    // -1 if absent
  const std::vector<std::string>& items() const { return items_; }

 private:
  std::vector<std::string> items_;
  std::unordered_map<std::string, int> index_;
};

struct CodeUnitInfo {
  std::string filename;
  std::string name;
  std::string qualname;
  int firstlineno = 1;
  int argcount = 0;
  int posonlyargcount = 0;
  int kwonlyargcount = 0;
  int flags = 0;                  // bytecode::CodeFlag bits known before assembly
  ConstantPool consts;
  NamePool names;                 // co_names
  NamePool varnames;              // arguments first, then other locals
  NamePool cellvars;              // sorted as CPython sorts them
  NamePool freevars;
  // In the graph, MAKE_CELL, LOAD_CLOSURE, LOAD_DEREF, STORE_DEREF, DELETE_DEREF and
  // LOAD_CLASSDEREF take CPython's compile-time index: a cell's cellvars index, or
  // cellvars.size() + a free variable's freevars index. assemble() turns it into the
  // localsplus slot (a cell that is also an argument shares the argument's slot).

  // How assemble() ends a graph whose current block holds no RETURN_VALUE, as CPython's
  // assemble(c, addNone): "LOAD_CONST None; RETURN_VALUE" (true) or a bare RETURN_VALUE (false),
  // without a location. None is added to `consts` then, after every other constant.
  bool return_none_at_end = true;
};

// Optimizes the graph and assembles it into a code object (flowgraph.cpp + assembler.cpp).
bytecode::CodeData assemble(ControlFlowGraph& graph, CodeUnitInfo& unit);

}  // namespace krait::compile
