// The symbol table: which scope every name of every block belongs to (CPython 3.11's symtable).
//
// Built from the AST in two passes as CPython does: a visit records how each block uses each
// name (flags), then an analysis decides each name's scope (local, global, free, cell) from
// the blocks around it. The code generator asks it which instruction family a name needs.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "parse/ast_nodes.h"
#include "parse/syntax_error.h"

namespace krait::compile {

// How a block uses a name (CPython's DEF_* bits).
namespace SymFlag {
inline constexpr int Global = 1;        // global statement
inline constexpr int Local = 2;         // assigned in the block
inline constexpr int Param = 4;         // a parameter
inline constexpr int Nonlocal = 8;      // nonlocal statement
inline constexpr int Use = 16;          // read
inline constexpr int Free = 32;         // free in the block (unused since 3.x, kept for the bits)
inline constexpr int FreeClass = 64;    // free variable of a method, bound in the class
inline constexpr int Import = 128;      // bound by import
inline constexpr int Annot = 256;       // annotated
inline constexpr int CompIter = 512;    // a comprehension's iteration variable
inline constexpr int Bound = Local | Param | Import;
}  // namespace SymFlag

// The scope the analysis gives a name.
enum class Scope : uint8_t { None = 0, Local = 1, GlobalExplicit = 2, GlobalImplicit = 3, Free = 4, Cell = 5 };

enum class BlockType : uint8_t { Function, Class, Module, Annotation };
enum class ComprehensionType : uint8_t { None, List, Dict, Set, Generator };

struct Symbol {
  int flags = 0;
  Scope scope = Scope::None;
};

struct SymtableEntry {
  std::string name;
  BlockType type = BlockType::Module;
  const void* key = nullptr;                 // the AST node that opened the block
  int lineno = 0;
  std::map<std::string, Symbol> symbols;     // ordered by name: cell/free lists are sorted
  std::vector<std::string> varnames;         // parameters, in order
  std::vector<SymtableEntry*> children;
  bool nested = false;
  bool free = false;          // the block has free variables
  bool child_free = false;    // a block inside has free variables
  bool generator = false;
  bool coroutine = false;
  ComprehensionType comprehension = ComprehensionType::None;
  bool varargs = false;
  bool varkeywords = false;
  bool returns_value = false;
  bool needs_class_closure = false;
  bool comp_iter_target = false;
  int comp_iter_expr = 0;

  Scope scope_of(const std::string& mangled) const {
    auto it = symbols.find(mangled);
    return it == symbols.end() ? Scope::None : it->second.scope;
  }
  int flags_of(const std::string& mangled) const {
    auto it = symbols.find(mangled);
    return it == symbols.end() ? 0 : it->second.flags;
  }
};

class Symtable {
 public:
  // Builds the table for `module`; false with `error` set on a SyntaxError.
  // `future_annotations`: `from __future__ import annotations` is in force.
  bool build(ast::mod* module, bool future_annotations, SyntaxErrorInfo& error);

  SymtableEntry* lookup(const void* key) const;
  SymtableEntry* top() const { return top_; }

 private:
  friend class SymtableBuilder;
  std::vector<std::unique_ptr<SymtableEntry>> entries_;
  std::unordered_map<const void*, SymtableEntry*> by_key_;
  SymtableEntry* top_ = nullptr;
};

// CPython's private-name mangling: `__x` inside class `C` becomes `_C__x`.
std::string mangle(const std::string& private_name, bool has_private, const std::string& name);

}  // namespace krait::compile
