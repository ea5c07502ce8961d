// Functions, lambdas, classes and comprehensions: each compiles to a code object of its own.
#include "compile/codegen.h"
#include "compile/constants.h"

namespace krait::compile {

using namespace bytecode;

namespace {

std::string str(ast::Identifier id) { return std::string(id.view()); }

ast::Constant* docstring_of(const ast::Seq<ast::stmt*>& body) {
  if (body.empty()) return nullptr;
  auto* e = body[0]->as<ast::Expr>();
  if (!e) return nullptr;
  auto* c = e->value->as<ast::Constant>();
  if (!c || c->value.kind != ast::ConstantValue::Kind::Str) return nullptr;
  return c;
}

enum CompType { kGenExp = 0, kListComp = 1, kDictComp = 2, kSetComp = 3 };

}  // namespace

void Codegen::apply_decorators(const ast::Seq<ast::expr*>& decos) {
  Location saved = u().loc;
  for (size_t i = decos.size(); i-- > 0;) {
    set_loc(decos[i]);
    addop(PRECALL, 0);
    addop(CALL, 0);
  }
  u().loc = saved;
}

bool Codegen::kwonly_defaults(ast::arguments* args) {
  std::vector<ConstRef> keys;
  for (size_t i = 0; i < args->kwonlyargs.size(); ++i) {
    ast::expr* def = args->kw_defaults[i];
    if (!def) continue;
    keys.push_back(Constant::str(mangle_name(str(args->kwonlyargs[i]->arg))));
    visit_expr(def);
  }
  if (keys.empty()) return false;
  int count = int(keys.size());
  load_const(Constant::tuple(std::move(keys)));
  addop(BUILD_CONST_KEY_MAP, count);
  return true;
}

int Codegen::default_arguments(ast::arguments* args) {
  int flags = 0;
  if (!args->defaults.empty()) {
    visit_exprs(args->defaults);
    addop(BUILD_TUPLE, int(args->defaults.size()));
    flags |= 0x01;
  }
  if (!args->kwonlyargs.empty() && kwonly_defaults(args)) flags |= 0x02;
  return flags;
}

void Codegen::visit_argannotation(const std::string& id, ast::expr* annotation, int& len) {
  if (!annotation) return;
  load_const(Constant::str(mangle_name(id)));
  if (opt_.future_flags & kCoFutureAnnotations) {
    annotation_string(annotation);
  } else if (auto* st = annotation->as<ast::Starred>()) {
    // *args: *Ts  is  [annotation] = [*Ts]
    visit_expr(st->value);
    addop(UNPACK_SEQUENCE, 1);
  } else {
    visit_expr(annotation);
  }
  len += 2;
}

bool Codegen::visit_annotations(ast::arguments* args, ast::expr* returns) {
  int len = 0;
  for (auto* a : args->args) visit_argannotation(str(a->arg), a->annotation, len);
  for (auto* a : args->posonlyargs) visit_argannotation(str(a->arg), a->annotation, len);
  if (args->vararg && args->vararg->annotation) visit_argannotation(str(args->vararg->arg), args->vararg->annotation, len);
  for (auto* a : args->kwonlyargs) visit_argannotation(str(a->arg), a->annotation, len);
  if (args->kwarg && args->kwarg->annotation) visit_argannotation(str(args->kwarg->arg), args->kwarg->annotation, len);
  visit_argannotation("return", returns, len);
  if (len) {
    addop(BUILD_TUPLE, len);
    return true;
  }
  return false;
}

void Codegen::make_closure(std::shared_ptr<const CodeData> code, int flags, const std::vector<std::string>& freevars) {
  if (!freevars.empty()) {
    for (const auto& name : freevars) {
      // A free variable of the child is a cell or a free variable here (for a class, __class__
      // is its own cell; a method's free variable named like a class-level name is free).
      Scope scope = (u().scope == ScopeType::Class && name == "__class__") ? Scope::Cell : u().ste->scope_of(name);
      int arg;
      if (scope == Scope::Cell) {
        arg = u().info.cellvars.find(name);
      } else {
        int f = u().info.freevars.find(name);
        arg = f < 0 ? -1 : int(u().info.cellvars.items().size()) + f;
      }
      if (arg < 0) throw std::runtime_error("internal compiler error: no closure slot for " + name);
      addop(LOAD_CLOSURE, arg);
    }
    flags |= 0x08;
    addop(BUILD_TUPLE, int(freevars.size()));
  }
  load_const(Constant::code_object(std::move(code)));
  addop(MAKE_FUNCTION, flags);
}

template <class Def>
void Codegen::function(Def* s, bool is_async) {
  ast::arguments* args = s->args;
  check_debug_args(args);
  decorators(s->decorator_list);
  int firstlineno = s->lineno;
  if (!s->decorator_list.empty()) firstlineno = s->decorator_list[0]->lineno;
  int funcflags = default_arguments(args);
  if (visit_annotations(args, s->returns)) funcflags |= 0x04;
  std::string name = str(s->name);
  enter_scope(name, is_async ? ScopeType::AsyncFunction : ScopeType::Function, s, firstlineno);
  ast::Constant* doc = opt_.optimize < 2 ? docstring_of(s->body) : nullptr;
  add_const(doc ? constant_from_ast(doc->value) : Constant::none());
  u().info.argcount = int(args->args.size() + args->posonlyargs.size());
  u().info.posonlyargcount = int(args->posonlyargs.size());
  u().info.kwonlyargcount = int(args->kwonlyargs.size());
  for (size_t i = doc ? 1 : 0; i < s->body.size(); ++i) visit_stmt(s->body[i]);
  auto code = finish_unit(true);
  exit_scope();
  make_closure(code, funcflags, last_freevars_);
  apply_decorators(s->decorator_list);
  nameop(name, ast::expr_context::Store);
}

template void Codegen::function<ast::FunctionDef>(ast::FunctionDef*, bool);
template void Codegen::function<ast::AsyncFunctionDef>(ast::AsyncFunctionDef*, bool);

void Codegen::class_def(ast::ClassDef* s) {
  decorators(s->decorator_list);
  int firstlineno = s->lineno;
  if (!s->decorator_list.empty()) firstlineno = s->decorator_list[0]->lineno;
  std::string name = str(s->name);
  enter_scope(name, ScopeType::Class, s, firstlineno);
  u().private_name = name;
  u().has_private = true;
  nameop("__name__", ast::expr_context::Load);
  nameop("__module__", ast::expr_context::Store);
  load_const(Constant::str(u().info.qualname));
  nameop("__qualname__", ast::expr_context::Store);
  body(s->body);
  unset_loc();  // the class body's return is artificial
  if (u().ste->needs_class_closure) {
    addop(LOAD_CLOSURE, u().info.cellvars.find("__class__"));
    addop(COPY, 1);
    nameop("__classcell__", ast::expr_context::Store);
  } else {
    load_const(Constant::none());
  }
  addop(RETURN_VALUE);
  auto code = finish_unit(true);
  exit_scope();
  addop(PUSH_NULL);
  addop(LOAD_BUILD_CLASS);
  make_closure(code, 0, last_freevars_);
  load_const(Constant::str(name));
  call_helper(2, s->bases, s->keywords);
  apply_decorators(s->decorator_list);
  nameop(name, ast::expr_context::Store);
}

void Codegen::lambda(ast::Lambda* e) {
  ast::arguments* args = e->args;
  check_debug_args(args);
  int funcflags = default_arguments(args);
  enter_scope("<lambda>", ScopeType::Lambda, e, e->lineno);
  add_const(Constant::none());  // so a lambda never has a docstring
  u().info.argcount = int(args->args.size() + args->posonlyargs.size());
  u().info.posonlyargcount = int(args->posonlyargs.size());
  u().info.kwonlyargcount = int(args->kwonlyargs.size());
  visit_expr(e->body);
  std::shared_ptr<const CodeData> code;
  if (u().ste->generator) {
    code = finish_unit(false);
  } else {
    addop(RETURN_VALUE);
    code = finish_unit(true);
  }
  exit_scope();
  make_closure(code, funcflags, last_freevars_);
}

// ---- comprehensions ------------------------------------------------------------------------

void Codegen::comprehension(ast::expr* e, int type, const std::string& name,
                            const ast::Seq<ast::comprehension*>& gens, ast::expr* elt, ast::expr* val) {
  ScopeType outer_scope = u().scope;
  bool top_level_await = opt_.top_level_await && u().ste->type == BlockType::Module;
  ast::comprehension* outermost = gens[0];
  enter_scope(name, ScopeType::Comprehension, e, e->lineno);
  set_loc(e);
  bool is_async_generator = u().ste->coroutine;
  if (is_async_generator && type != kGenExp && outer_scope != ScopeType::AsyncFunction &&
      outer_scope != ScopeType::Comprehension && !top_level_await)
    error("asynchronous comprehension outside of an asynchronous function");
  if (type != kGenExp) addop(type == kListComp ? BUILD_LIST : type == kSetComp ? BUILD_SET : BUILD_MAP, 0);
  comprehension_generator(gens, 0, 0, elt, val, type);
  if (type != kGenExp) addop(RETURN_VALUE);
  auto code = finish_unit(true);
  exit_scope();
  if (top_level_await && is_async_generator) u().ste->coroutine = true;
  make_closure(code, 0, last_freevars_);
  visit_expr(outermost->iter);
  addop(outermost->is_async ? GET_AITER : GET_ITER);
  addop(PRECALL, 0);
  addop(CALL, 0);
  if (is_async_generator && type != kGenExp) {
    addop(GET_AWAITABLE, 0);
    load_const(Constant::none());
    add_yield_from(true);
  }
}

void Codegen::comprehension_generator(const ast::Seq<ast::comprehension*>& gens, size_t index, int depth,
                                      ast::expr* elt, ast::expr* val, int type) {
  if (gens[index]->is_async) async_comprehension_generator(gens, index, depth, elt, val, type);
  else sync_comprehension_generator(gens, index, depth, elt, val, type);
}

void Codegen::comprehension_element(ast::expr* elt, ast::expr* val, int type, int depth) {
  switch (type) {
    case kGenExp:
      visit_expr(elt);
      addop_yield();
      addop(POP_TOP);
      break;
    case kListComp:
      visit_expr(elt);
      addop(LIST_APPEND, depth + 1);
      break;
    case kSetComp:
      visit_expr(elt);
      addop(SET_ADD, depth + 1);
      break;
    case kDictComp:
      visit_expr(elt);
      visit_expr(val);
      addop(MAP_ADD, depth + 1);
      break;
  }
}

void Codegen::sync_comprehension_generator(const ast::Seq<ast::comprehension*>& gens, size_t index, int depth,
                                           ast::expr* elt, ast::expr* val, int type) {
  BasicBlock* start = new_block();
  BasicBlock* if_cleanup = new_block();
  BasicBlock* anchor = new_block();
  ast::comprehension* gen = gens[index];
  if (index == 0) {
    u().info.argcount = 1;  // the outermost iterator is the implicit argument .0
    addop(LOAD_FAST, 0);
  } else {
    // for y in [f(x)]: the one-element display needs no iteration.
    const ast::Seq<ast::expr*>* elts = nullptr;
    if (auto* l = gen->iter->as<ast::List>()) elts = &l->elts;
    else if (auto* t = gen->iter->as<ast::Tuple>()) elts = &t->elts;
    if (elts && elts->size() == 1 && !(*elts)[0]->is<ast::Starred>()) {
      visit_expr((*elts)[0]);
      start = nullptr;
    }
    if (start) {
      visit_expr(gen->iter);
      addop(GET_ITER);
    }
  }
  if (start) {
    depth++;
    use_next_block(start);
    addop_j(FOR_ITER, anchor);
  }
  visit_expr(gen->target);
  for (auto* cond : gen->ifs) jump_if(cond, if_cleanup, false);
  if (index + 1 < gens.size()) comprehension_generator(gens, index + 1, depth, elt, val, type);
  else comprehension_element(elt, val, type, depth);
  use_next_block(if_cleanup);
  if (start) {
    addop_j(JUMP, start);
    use_next_block(anchor);
  }
}

void Codegen::async_comprehension_generator(const ast::Seq<ast::comprehension*>& gens, size_t index, int depth,
                                            ast::expr* elt, ast::expr* val, int type) {
  BasicBlock* start = new_block();
  BasicBlock* except = new_block();
  BasicBlock* if_cleanup = new_block();
  ast::comprehension* gen = gens[index];
  if (index == 0) {
    u().info.argcount = 1;
    addop(LOAD_FAST, 0);
  } else {
    visit_expr(gen->iter);
    addop(GET_AITER);
  }
  use_next_block(start);
  push_fblock(FBlockType::AsyncComprehensionGenerator, start, nullptr);
  addop_j(SETUP_FINALLY, except);
  addop(GET_ANEXT);
  load_const(Constant::none());
  add_yield_from(true);
  addop(POP_BLOCK);
  visit_expr(gen->target);
  for (auto* cond : gen->ifs) jump_if(cond, if_cleanup, false);
  depth++;
  if (index + 1 < gens.size()) comprehension_generator(gens, index + 1, depth, elt, val, type);
  else comprehension_element(elt, val, type, depth);
  use_next_block(if_cleanup);
  addop_j(JUMP, start);
  pop_fblock(FBlockType::AsyncComprehensionGenerator, start);
  use_next_block(except);
  addop(END_ASYNC_FOR);
}

}  // namespace krait::compile
