// compile_module: future features, AST optimization, symbol table, code generation.
#include "compile/compiler.h"

#include "compile/ast_opt.h"
#include "compile/codegen.h"
#include "compile/symtable.h"

namespace krait::compile {

namespace {

bool is_docstring(ast::stmt* s) {
  auto* e = s->as<ast::Expr>();
  if (!e) return false;
  auto* c = e->value->as<ast::Constant>();
  return c && c->value.kind == ast::ConstantValue::Kind::Str;
}

// CPython's future.c: `from __future__ import ...` statements at the top of a module.
bool parse_future(ast::mod* module, int& features, int& future_lineno, SyntaxErrorInfo& error) {
  const ast::Seq<ast::stmt*>* body = nullptr;
  if (auto* m = module->as<ast::Module>()) body = &m->body;
  else if (auto* i = module->as<ast::Interactive>()) body = &i->body;
  if (!body || body->empty()) return true;
  auto fail = [&error](ast::stmt* s, const std::string& msg) {
    error = SyntaxErrorInfo{};
    error.msg = msg;
    error.lineno = s->lineno;
    error.col_offset = s->col_offset;
    error.end_lineno = s->lineno;
    error.end_col_offset = s->col_offset;
    return false;
  };
  bool done = false;
  int prev_line = 0;
  size_t i = is_docstring((*body)[0]) ? 1 : 0;
  for (; i < body->size(); ++i) {
    ast::stmt* s = (*body)[i];
    if (done && s->lineno > prev_line) return true;
    prev_line = s->lineno;
    auto* imp = s->as<ast::ImportFrom>();
    if (imp && imp->module && imp->module == std::string_view("__future__")) {
      if (done) return fail(s, "from __future__ imports must occur at the beginning of the file");
      for (auto* alias : imp->names) {
        std::string_view name = alias->name.view();
        if (name == "nested_scopes" || name == "generators" || name == "division" || name == "absolute_import" ||
            name == "with_statement" || name == "print_function" || name == "unicode_literals" ||
            name == "generator_stop") {
          continue;
        } else if (name == "barry_as_FLUFL") {
          features |= kCoFutureBarryAsBdfl;
        } else if (name == "annotations") {
          features |= kCoFutureAnnotations;
        } else if (name == "braces") {
          return fail(s, "not a chance");
        } else {
          return fail(s, "future feature " + std::string(name.substr(0, 100)) + " is not defined");
        }
      }
      future_lineno = s->lineno;
    } else {
      done = true;
    }
  }
  return true;
}

}  // namespace

std::shared_ptr<const bytecode::CodeData> compile_module(ast::mod* module, ast::Arena& arena,
                                                         const CompileOptions& options,
                                                         SyntaxErrorInfo& error) {
  int features = 0;
  int future_lineno = 0;
  if (!parse_future(module, features, future_lineno, error)) return nullptr;
  // compile()'s flags carry CO_FUTURE_* bits too; every code object gets them all.
  constexpr int kFutureMask = 0x20000 | 0x40000 | 0x80000 | 0x100000 | 0x200000 | 0x400000 | 0x800000 | 0x1000000;
  features |= options.flags & kFutureMask;

  FoldedConstants folded;
  AstOptimizeOptions ast_options;
  ast_options.optimize = options.optimize;
  ast_options.future_annotations = features & kCoFutureAnnotations;
  std::string recursion_error;
  if (!optimize_ast(module, arena, folded, ast_options, recursion_error)) {
    error = SyntaxErrorInfo{};
    error.msg = recursion_error;
    return nullptr;
  }

  Symtable symtable;
  if (!symtable.build(module, features & kCoFutureAnnotations, error)) return nullptr;

  CodegenOptions cg;
  cg.filename = options.filename;
  cg.optimize = options.optimize;
  cg.future_flags = features;
  cg.interactive = options.mode == ParseMode::Single;
  cg.top_level_await = options.flags & kPyCfAllowTopLevelAwait;
  cg.future_lineno = future_lineno;
  std::vector<CompileWarning> warnings;
  cg.warnings = &warnings;
  // The warnings found before an error are issued too (CPython issues them as it goes).
  auto hand_over = [&]() {
    if (options.warnings)
      for (CompileWarning& w : warnings) options.warnings->emplace_back(w.lineno, std::move(w.message));
  };
  try {
    Codegen codegen(symtable, cg);
    auto code = codegen.compile_mod(module);
    hand_over();
    return code;
  } catch (const CompileError& e) {
    hand_over();
    error = e.info;
    return nullptr;
  }
}

}  // namespace krait::compile
