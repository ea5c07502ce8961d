// The bridge between krait's AST (parse/ast_nodes.h) and the node objects of Python's `ast`
// module: the node classes `_ast` exports, ast.parse's conversion of a parsed tree into them,
// and compile(tree, ...)'s conversion back.
//
// The per-node code is generated from python.asdl (tools/gen_ast_python.py ->
// ast_python_nodes.inc, compiled as part of ast_python_support.cpp, which defines by hand the
// pieces this header declares).
#pragma once

#include <cstdint>
#include <vector>

#include "bytecode/constant.h"
#include "modules/ast_python_ids.h"
#include "parse/ast_nodes.h"
#include "runtime/object.h"

namespace krait::modules::ast_python {

using runtime::Value;

// One node class: its name, base (an index into kClasses, -1 for ast.AST), docstring, and
// slices of kNameLists: its _fields, its own _attributes (sum types and product types set
// them; constructors inherit theirs), and the names that default to None on the class.
struct ClassInfo {
  const char* name;
  int base;
  const char* doc;
  uint16_t fields_start, fields_count;
  bool owns_attributes;
  uint16_t attributes_start, attributes_count;
  uint16_t none_start, none_count;
};
extern const ClassInfo kClasses[];
extern const FieldName kNameLists[];
extern const char* const kFieldNames[];

// The classes and interned names, made once, when `_ast` is imported or compile() first meets
// an AST. All borrowed; null entries before state() succeeded.
struct State {
  Value classes[size_t(NodeClass::Count)];
  Value names[size_t(FieldName::Count)];
  // The one instance of each field-less class of a simple sum (Load, Add, ...): ast.parse
  // shares it between nodes, as CPython does.
  Value singletons[size_t(NodeClass::Count)];
};
// The state, made on first use; null + error if making it failed.
State* state();

// ast.parse refuses trees nested deeper than this, as CPython's conversion does (measured:
// 2990 nested expressions under a statement).
constexpr int kMaxDepth = 2991;
// compile(tree) counts its depth against Python's recursion limit, and this cap.
constexpr int kMaxConversionDepth = 20000;

// A new instance of a node class (a subclass of ast.AST), no field set.
Value new_node(Value cls);

// krait AST -> node objects (generated convert() for each node type).
struct ToPython {
  State& s;
  int depth = 0;

  struct DepthGuard {
    ToPython& self;
    bool ok;
    explicit DepthGuard(ToPython& t);
    ~DepthGuard() { --self.depth; }
  };

  Value make(NodeClass cls);                  // a new instance of the class, no fields set
  Value singleton(NodeClass cls);             // new reference to the shared instance
  bool set(Value object, FieldName name, Value value);  // steals value (null: fails)

  Value convert(int32_t value);
  Value convert(ast::Identifier value);       // None for an absent optional identifier
  Value convert(const ast::ConstantValue& value);
  template <class T>
  Value convert(const ast::Seq<T>& items);    // a list

  Value convert(ast::expr_context value);
  Value convert(ast::boolop value);
  Value convert(ast::operator_ value);
  Value convert(ast::unaryop value);
  Value convert(ast::cmpop value);
  Value convert(const ast::mod* node);
  Value convert(const ast::stmt* node);
  Value convert(const ast::expr* node);
  Value convert(const ast::comprehension* node);
  Value convert(const ast::excepthandler* node);
  Value convert(const ast::arguments* node);
  Value convert(const ast::arg* node);
  Value convert(const ast::keyword* node);
  Value convert(const ast::alias* node);
  Value convert(const ast::withitem* node);
  Value convert(const ast::match_case* node);
  Value convert(const ast::pattern* node);
  Value convert(const ast::type_ignore* node);
};

// How a field is declared in python.asdl: `T`, `T?` or `T*`.
enum class Quant : uint8_t { Required, Optional, Sequence };

// Node objects -> krait AST (generated read() for each node type), with CPython's TypeErrors
// and ValueErrors for missing fields, wrong types and unknown nodes. Constants of a type a
// Constant cannot hold are converted to a marker the validator reports (ast_validate.h).
struct FromPython {
  State& s;
  ast::Arena& arena;
  std::vector<bytecode::ConstRef>& constants;  // keeps tuple/frozenset/complex constants alive
  int depth = 0;

  struct DepthGuard {
    FromPython& self;
    bool ok;
    DepthGuard(FromPython& f, const char* type_name);
    ~DepthGuard();
  };

  // 1 if `object` is an instance of the class, 0 if not, -1 + error.
  int is_instance(Value object, NodeClass cls);
  bool expected_some_sort_of(const char* type_name, Value object);
  bool required_for(const char* field, const char* owner);

  bool present(Value object, FieldName name, const char* owner, Quant quant, runtime::Ref& value);
  // Reads attribute `name` of `object` into `out` (owner names the node type in messages).
  template <class T>
  bool field(Value object, FieldName name, const char* owner, Quant quant, T& out);
  template <class T>
  bool field(Value object, FieldName name, const char* owner, Quant quant, ast::Seq<T>& out);
  // An optional int whose absence means `absent` (the end positions default to the start).
  bool field(Value object, FieldName name, const char* owner, Quant quant, int32_t& out, int32_t absent);

  bool read(Value object, int32_t& out);
  bool read(Value object, ast::Identifier& out);
  bool read(Value object, ast::ConstantValue& out);
  // asdl `string` fields (type_comment, kind, tag): str only, with their own message.
  bool string_field(Value object, FieldName name, const char* owner, Quant quant, ast::Identifier& out);
  bool read_string(Value object, ast::Identifier& out);

  bool read(Value object, ast::expr_context& out);
  bool read(Value object, ast::boolop& out);
  bool read(Value object, ast::operator_& out);
  bool read(Value object, ast::unaryop& out);
  bool read(Value object, ast::cmpop& out);
  bool read(Value object, ast::mod*& out);
  bool read(Value object, ast::stmt*& out);
  bool read(Value object, ast::expr*& out);
  bool read(Value object, ast::comprehension*& out);
  bool read(Value object, ast::excepthandler*& out);
  bool read(Value object, ast::arguments*& out);
  bool read(Value object, ast::arg*& out);
  bool read(Value object, ast::keyword*& out);
  bool read(Value object, ast::alias*& out);
  bool read(Value object, ast::withitem*& out);
  bool read(Value object, ast::match_case*& out);
  bool read(Value object, ast::pattern*& out);
  bool read(Value object, ast::type_ignore*& out);
};

}  // namespace krait::modules::ast_python
