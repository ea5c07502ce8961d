// The code generator: AST + symbol table -> one control-flow graph per code object, assembled
// into CodeData (CPython 3.11's compile.c, codegen half).
//
// Split by concern: codegen.cpp (units, emitting, names, module entry), codegen_expr.cpp
// (expressions, calls), codegen_stmt.cpp (simple statements, loops, imports), codegen_func.cpp
// (functions, classes, lambdas, comprehensions), codegen_exc.cpp (try, with, async),
// codegen_match.cpp (match statements).
#pragma once

#include <functional>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "bytecode/code_data.h"
#include "compile/cfg.h"
#include "compile/symtable.h"
#include "compile/unit.h"
#include "parse/ast_nodes.h"
#include "parse/syntax_error.h"

namespace krait::compile {

enum class ScopeType { Module, Class, Function, AsyncFunction, Lambda, Comprehension };

// What a `break`, `continue` or `return` must undo on its way out (CPython's fblockinfo).
enum class FBlockType {
  WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, With, AsyncWith, HandlerCleanup,
  PopValue, ExceptionHandler, ExceptionGroupHandler, AsyncComprehensionGenerator
};

struct FBlock {
  FBlockType type;
  BasicBlock* block;
  BasicBlock* exit;
  const void* datum;           // FinallyTry: the finally body; With: the statement
  const ast::Seq<ast::stmt*>* finalbody = nullptr;
  std::string name;            // HandlerCleanup: the bound exception name ("" for none)
  bool has_name = false;
};

// One code object being compiled (CPython's compiler_unit).
struct Unit {
  SymtableEntry* ste = nullptr;
  ScopeType scope = ScopeType::Module;
  CodeUnitInfo info;
  ControlFlowGraph cfg;
  std::string private_name;
  bool has_private = false;
  std::vector<FBlock> fblocks;
  Location loc;
  bool need_new_block = false;   // the current block ended with a jump or an exit
};

// A compile error raised while generating code; carries CPython's message and location.
struct CompileError : std::runtime_error {
  SyntaxErrorInfo info;
  explicit CompileError(SyntaxErrorInfo i) : std::runtime_error(i.msg), info(std::move(i)) {}
};

struct CompileWarning {
  int lineno;
  std::string message;  // a SyntaxWarning's text
};

struct CodegenOptions {
  std::vector<CompileWarning>* warnings = nullptr;  // where SyntaxWarnings go (null: dropped)
  std::string filename;
  int optimize = 0;
  int future_flags = 0;        // CO_FUTURE_* bits in force (copied into every co_flags)
  bool interactive = false;
  bool top_level_await = false;
  int future_lineno = 0;       // line of the last `from __future__` import at the top
};

struct PatternContext;

class Codegen {
 public:
  Codegen(Symtable& symtable, const CodegenOptions& options) : st_(symtable), opt_(options) {}

  // The module's code object; throws CompileError.
  std::shared_ptr<const bytecode::CodeData> compile_mod(ast::mod* module);

 private:
  // ---- units (codegen.cpp) ----
  void enter_scope(const std::string& name, ScopeType scope, const void* key, int lineno);
  std::shared_ptr<const bytecode::CodeData> finish_unit(bool return_none);
  void exit_scope();
  void set_qualname();
  int code_flags() const;
  Unit& u() { return *units_.back(); }

  // ---- emitting ----
  BasicBlock* new_block() { return u().cfg.new_block(); }
  void use_next_block(BasicBlock* block);
  void next_block();
  void addop_at(int op, int arg, const Location& loc, BasicBlock* target = nullptr);
  void addop(int op, int arg = 0) { addop_at(op, arg, u().loc); }
  void addop_noline(int op, int arg = 0) { addop_at(op, arg, kNoLocation); }
  void addop_j(int op, BasicBlock* target) { addop_at(op, 0, u().loc, target); }
  void addop_j_noline(int op, BasicBlock* target) { addop_at(op, 0, kNoLocation, target); }
  void load_const(bytecode::ConstRef value) { addop(bytecode::LOAD_CONST, add_const(std::move(value))); }
  int add_const(bytecode::ConstRef value) { return u().info.consts.add(value); }
  void addop_name(int op, const std::string& name);   // mangled, in co_names
  void addop_name_raw(int op, const std::string& name) { addop(op, u().info.names.add(name)); }
  template <class Node>
  void set_loc(const Node* n) {
    u().loc = Location{n->lineno, n->end_lineno, n->col_offset, n->end_col_offset};
  }
  void unset_loc() { u().loc.lineno = -1; }
  [[noreturn]] void error(const std::string& msg);
  // SyntaxWarnings (codegen_warn.cpp), at the current location's line.
  void warn(const std::string& msg);
  void check_caller(ast::expr* func);
  void check_subscripter(ast::expr* value);
  void check_index(ast::expr* value, ast::expr* index);
  void check_compare(ast::Compare* e);
  void check_assert(ast::Assert* s);
  std::string mangle_name(const std::string& name) { return mangle(u().private_name, u().has_private, name); }

  // ---- names ----
  void nameop(const std::string& name, ast::expr_context ctx);
  bool forbidden_name(const std::string& name, ast::expr_context ctx);
  void check_debug_args(ast::arguments* args);
  bool is_import_originated(ast::expr* e);

  // ---- frame blocks ----
  void push_fblock(FBlockType type, BasicBlock* block, BasicBlock* exit, const void* datum = nullptr);
  void pop_fblock(FBlockType type, BasicBlock* block);
  void unwind_fblock(const FBlock& info, bool preserve_tos);
  void unwind_fblock_stack(bool preserve_tos, FBlock** loop);
  void call_exit_with_nones();
  void add_yield_from(bool await);
  void pop_except_and_reraise();
  void addop_yield();

  // ---- statements (codegen_stmt.cpp) ----
  void visit_stmt(ast::stmt* s);
  void visit_stmts(const ast::Seq<ast::stmt*>& body) {
    for (auto* s : body) visit_stmt(s);
  }
  void body(const ast::Seq<ast::stmt*>& stmts);
  void stmt_expr(ast::expr* value);
  void return_stmt(ast::Return* s);
  void break_stmt();
  void continue_stmt();
  void if_stmt(ast::If* s);
  void for_stmt(ast::For* s);
  void async_for_stmt(ast::AsyncFor* s);
  void while_stmt(ast::While* s);
  void assert_stmt(ast::Assert* s);
  void import_stmt(ast::Import* s);
  void import_as(const std::string& name, const std::string& asname);
  void from_import_stmt(ast::ImportFrom* s);
  void augassign(ast::AugAssign* s);
  void annassign(ast::AnnAssign* s);
  void check_ann_expr(ast::expr* e);
  void check_ann_subscr(ast::expr* e);
  void raise_stmt(ast::Raise* s);

  // ---- exceptions and with (codegen_exc.cpp) ----
  void try_stmt(ast::Try* s);
  void try_finally(ast::Try* s);
  void finally_around(const ast::Seq<ast::stmt*>& finalbody, const std::function<void()>& protected_part);
  void try_except(ast::Try* s);
  void try_star(ast::TryStar* s);
  void try_star_finally(ast::TryStar* s);
  void try_star_except(ast::TryStar* s);
  void with_stmt(ast::With* s, size_t pos);
  void async_with_stmt(ast::AsyncWith* s, size_t pos);
  void with_except_finish(BasicBlock* cleanup);

  // ---- expressions (codegen_expr.cpp) ----
  void visit_expr(ast::expr* e);
  void visit_expr1(ast::expr* e);
  void visit_exprs(const ast::Seq<ast::expr*>& seq) {
    for (auto* e : seq) visit_expr(e);
  }
  void jump_if(ast::expr* e, BasicBlock* next, bool cond);
  void boolop(ast::BoolOp* e);
  void ifexp(ast::IfExp* e);
  void compare(ast::Compare* e);
  void addcompare(ast::cmpop op);
  void call(ast::Call* e);
  bool maybe_optimize_method_call(ast::Call* e);
  void call_helper(int n, const ast::Seq<ast::expr*>& args, const ast::Seq<ast::keyword*>& keywords);
  void call_simple_kw_helper(const ast::Seq<ast::keyword*>& keywords);
  void subkwargs(const ast::Seq<ast::keyword*>& keywords, size_t begin, size_t end);
  void validate_keywords(const ast::Seq<ast::keyword*>& keywords);
  void starunpack_helper(const ast::Seq<ast::expr*>& elts, int pushed, int build, int add, int extend, bool tuple);
  void unpack_helper(const ast::Seq<ast::expr*>& elts);
  void assignment_helper(const ast::Seq<ast::expr*>& elts);
  void list_or_tuple(ast::expr* e, const ast::Seq<ast::expr*>& elts, ast::expr_context ctx, bool tuple);
  void dict(ast::Dict* e);
  void subdict(ast::Dict* e, size_t begin, size_t end);
  void joined_str(ast::JoinedStr* e);
  void formatted_value(ast::FormattedValue* e);
  void subscript(ast::Subscript* e);
  int slice(ast::Slice* e);
  void update_start_location_to_match_attr(ast::Attribute* attr);
  void annotation_string(ast::expr* e);

  // ---- functions, classes, comprehensions (codegen_func.cpp) ----
  template <class Def>
  void function(Def* s, bool is_async);
  void class_def(ast::ClassDef* s);
  void lambda(ast::Lambda* e);
  void decorators(const ast::Seq<ast::expr*>& decos) { visit_exprs(decos); }
  void apply_decorators(const ast::Seq<ast::expr*>& decos);
  int default_arguments(ast::arguments* args);
  bool kwonly_defaults(ast::arguments* args);
  bool visit_annotations(ast::arguments* args, ast::expr* returns);
  void visit_argannotation(const std::string& id, ast::expr* annotation, int& len);
  void make_closure(std::shared_ptr<const bytecode::CodeData> code, int flags, const std::vector<std::string>& freevars);
  void comprehension(ast::expr* e, int type, const std::string& name, const ast::Seq<ast::comprehension*>& gens,
                     ast::expr* elt, ast::expr* val);
  void comprehension_generator(const ast::Seq<ast::comprehension*>& gens, size_t index, int depth, ast::expr* elt,
                               ast::expr* val, int type);
  void sync_comprehension_generator(const ast::Seq<ast::comprehension*>& gens, size_t index, int depth,
                                    ast::expr* elt, ast::expr* val, int type);
  void async_comprehension_generator(const ast::Seq<ast::comprehension*>& gens, size_t index, int depth,
                                     ast::expr* elt, ast::expr* val, int type);
  void comprehension_element(ast::expr* elt, ast::expr* val, int type, int depth);

  // ---- match (codegen_match.cpp) ----
  void match_stmt(ast::Match* s);
  void pattern(ast::pattern* p, PatternContext& pc);
  void pattern_subpattern(ast::pattern* p, PatternContext& pc);
  void pattern_sequence(ast::MatchSequence* p, PatternContext& pc);
  void pattern_mapping(ast::MatchMapping* p, PatternContext& pc);
  void pattern_class(ast::MatchClass* p, PatternContext& pc);
  void pattern_or(ast::MatchOr* p, PatternContext& pc);
  void pattern_store_name(ast::Identifier name, PatternContext& pc);
  void pattern_rotate(int count);
  void pattern_unpack_helper(const ast::Seq<ast::pattern*>& elts);
  void ensure_fail_pop(PatternContext& pc, size_t n);
  void jump_to_fail_pop(PatternContext& pc, int op);
  void emit_and_reset_fail_pop(PatternContext& pc);

  Symtable& st_;
  CodegenOptions opt_;
  std::vector<std::unique_ptr<Unit>> units_;
  // The last code unit's free variables, for make_closure.
  std::vector<std::string> last_freevars_;
  // The last finished unit's qualname.
  std::string last_qualname_;
};

// Whether statements (not nested functions or classes) hold an annotated assignment.
bool find_ann(const ast::Seq<ast::stmt*>& stmts);

// A key equal for constants a Python set treats as equal (1, 1.0 and True).
std::string set_equality_key(const bytecode::Constant& c);

// co_flags bit for `from __future__ import annotations`.
inline constexpr int kCoFutureAnnotations = 0x1000000;
inline constexpr int kCoFutureBarryAsBdfl = 0x400000;
inline constexpr int kPyCfAllowTopLevelAwait = 0x2000;

}  // namespace krait::compile
