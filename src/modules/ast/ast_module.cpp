// The `_ast` module (what ast.py imports with `from _ast import *`) and the two conversions
// compile() makes with it.
#include "modules/ast/ast_module.h"

#include <string>

#include "modules/ast/ast_python.h"
#include "modules/modules.h"
#include "modules/ast/ast_validate.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/type.h"

namespace krait::modules {

using namespace runtime;

Value create_ast_module() {
  ast_python::State* s = ast_python::state();
  if (!s) return Value();
  Ref module = Ref::steal(module_new("_ast"));
  if (!module) return Value();
  if (module_add(module.get(), "AST", Value::object(&ast_type)) < 0) return Value();
  for (size_t i = 0; i < size_t(ast_python::NodeClass::Count); ++i)
    if (module_add(module.get(), ast_python::kClasses[i].name, s->classes[i]) < 0) return Value();
  // compile()'s flags for ast.parse.
  const std::pair<const char*, int> flags[] = {
      {"PyCF_ONLY_AST", 0x400}, {"PyCF_TYPE_COMMENTS", 0x1000}, {"PyCF_ALLOW_TOP_LEVEL_AWAIT", 0x2000}};
  for (auto [name, value] : flags)
    if (module_add(module.get(), name, int_from_int64(value)) < 0) return Value();
  return module.release();
}

Value ast_to_python(const ast::mod* module) {
  ast_python::State* s = ast_python::state();
  if (!s) return Value();
  ast_python::ToPython converter{*s};
  return converter.convert(module);
}

ast::mod* ast_from_python(Value tree, ParseMode mode, ast::Arena& arena,
                          std::vector<bytecode::ConstRef>& constants) {
  ast_python::State* s = ast_python::state();
  if (!s) return nullptr;
  using ast_python::NodeClass;
  NodeClass wanted = mode == ParseMode::Eval     ? NodeClass::Expression
                     : mode == ParseMode::Single ? NodeClass::Interactive
                                                 : NodeClass::Module;
  int is = object_is_instance(tree, s->classes[size_t(wanted)]);
  if (is < 0) return nullptr;
  if (!is) {
    const std::string& type = type_of(tree)->name;
    raise_format(exc::TypeError, "expected %s node, got %.400s", ast_python::kClasses[size_t(wanted)].name,
                 type.substr(type.rfind('.') + 1).c_str());
    return nullptr;
  }
  ast_python::FromPython converter{*s, arena, constants};
  ast::mod* module = nullptr;
  if (!converter.read(tree, module)) return nullptr;
  if (!validate_ast(module)) return nullptr;
  return module;
}

}  // namespace krait::modules
