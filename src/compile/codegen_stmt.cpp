// Statements: assignments, control flow, imports, annotations.
#include "compile/codegen.h"
#include "compile/constants.h"

namespace krait::compile {

using namespace bytecode;

namespace {

std::string str(ast::Identifier id) { return std::string(id.view()); }

// The docstring of a body: its first statement if that is a string constant expression.
ast::Constant* docstring_of(const ast::Seq<ast::stmt*>& body) {
  if (body.empty()) return nullptr;
  auto* e = body[0]->as<ast::Expr>();
  if (!e) return nullptr;
  auto* c = e->value->as<ast::Constant>();
  if (!c || c->value.kind != ast::ConstantValue::Kind::Str) return nullptr;
  return c;
}

}  // namespace

bool find_ann(const ast::Seq<ast::stmt*>& stmts) {
  using K = ast::stmt::Kind;
  for (auto* st : stmts) {
    bool res = false;
    switch (st->node_kind) {
      case K::AnnAssign: return true;
      case K::For: {
        auto* f = static_cast<ast::For*>(st);
        res = find_ann(f->body) || find_ann(f->orelse);
        break;
      }
      case K::AsyncFor: {
        auto* f = static_cast<ast::AsyncFor*>(st);
        res = find_ann(f->body) || find_ann(f->orelse);
        break;
      }
      case K::While: {
        auto* f = static_cast<ast::While*>(st);
        res = find_ann(f->body) || find_ann(f->orelse);
        break;
      }
      case K::If: {
        auto* f = static_cast<ast::If*>(st);
        res = find_ann(f->body) || find_ann(f->orelse);
        break;
      }
      case K::With: res = find_ann(static_cast<ast::With*>(st)->body); break;
      case K::AsyncWith: res = find_ann(static_cast<ast::AsyncWith*>(st)->body); break;
      case K::Try: {
        auto* t = static_cast<ast::Try*>(st);
        for (auto* h : t->handlers)
          if (find_ann(static_cast<ast::ExceptHandler*>(h)->body)) return true;
        res = find_ann(t->body) || find_ann(t->orelse) || find_ann(t->finalbody);
        break;
      }
      case K::TryStar: {
        auto* t = static_cast<ast::TryStar*>(st);
        for (auto* h : t->handlers)
          if (find_ann(static_cast<ast::ExceptHandler*>(h)->body)) return true;
        res = find_ann(t->body) || find_ann(t->orelse) || find_ann(t->finalbody);
        break;
      }
      default: break;
    }
    if (res) return true;
  }
  return false;
}

// A module's or class's body: annotations dict, docstring into __doc__, statements.
void Codegen::body(const ast::Seq<ast::stmt*>& stmts) {
  size_t i = 0;
  // SETUP_ANNOTATIONS takes the line of the module's first statement.
  if (u().scope == ScopeType::Module && !stmts.empty()) set_loc(stmts[0]);
  if (find_ann(stmts)) addop(SETUP_ANNOTATIONS);
  if (stmts.empty()) return;
  if (opt_.optimize < 2) {
    if (auto* doc = docstring_of(stmts)) {
      i = 1;
      visit_expr(doc);
      unset_loc();
      nameop("__doc__", ast::expr_context::Store);
    }
  }
  for (; i < stmts.size(); ++i) visit_stmt(stmts[i]);
}

void Codegen::visit_stmt(ast::stmt* s) {
  using K = ast::stmt::Kind;
  set_loc(s);
  switch (s->node_kind) {
    case K::FunctionDef: return function(static_cast<ast::FunctionDef*>(s), false);
    case K::AsyncFunctionDef: return function(static_cast<ast::AsyncFunctionDef*>(s), true);
    case K::ClassDef: return class_def(static_cast<ast::ClassDef*>(s));
    case K::Return: return return_stmt(static_cast<ast::Return*>(s));
    case K::Delete: return visit_exprs(static_cast<ast::Delete*>(s)->targets);
    case K::Assign: {
      auto* a = static_cast<ast::Assign*>(s);
      visit_expr(a->value);
      for (size_t i = 0; i < a->targets.size(); ++i) {
        if (i + 1 < a->targets.size()) addop(COPY, 1);
        visit_expr(a->targets[i]);
      }
      return;
    }
    case K::AugAssign: return augassign(static_cast<ast::AugAssign*>(s));
    case K::AnnAssign: return annassign(static_cast<ast::AnnAssign*>(s));
    case K::For: return for_stmt(static_cast<ast::For*>(s));
    case K::AsyncFor: return async_for_stmt(static_cast<ast::AsyncFor*>(s));
    case K::While: return while_stmt(static_cast<ast::While*>(s));
    case K::If: return if_stmt(static_cast<ast::If*>(s));
    case K::Match: return match_stmt(static_cast<ast::Match*>(s));
    case K::Raise: return raise_stmt(static_cast<ast::Raise*>(s));
    case K::Try: return try_stmt(static_cast<ast::Try*>(s));
    case K::TryStar: return try_star(static_cast<ast::TryStar*>(s));
    case K::Assert: return assert_stmt(static_cast<ast::Assert*>(s));
    case K::Import: return import_stmt(static_cast<ast::Import*>(s));
    case K::ImportFrom: return from_import_stmt(static_cast<ast::ImportFrom*>(s));
    case K::Global:
    case K::Nonlocal: return;
    case K::Expr: return stmt_expr(static_cast<ast::Expr*>(s)->value);
    case K::Pass: addop(NOP); return;
    case K::Break: return break_stmt();
    case K::Continue: return continue_stmt();
    case K::With: return with_stmt(static_cast<ast::With*>(s), 0);
    case K::AsyncWith: return async_with_stmt(static_cast<ast::AsyncWith*>(s), 0);
  }
}

void Codegen::raise_stmt(ast::Raise* s) {
  int n = 0;
  if (s->exc) {
    visit_expr(s->exc);
    n++;
    if (s->cause) {
      visit_expr(s->cause);
      n++;
    }
  }
  addop(RAISE_VARARGS, n);
  next_block();
}

void Codegen::stmt_expr(ast::expr* value) {
  if (opt_.interactive && units_.size() <= 1) {
    visit_expr(value);
    addop(PRINT_EXPR);
    return;
  }
  if (value->is<ast::Constant>()) {
    addop(NOP);  // a constant statement does nothing but keeps its line
    return;
  }
  visit_expr(value);
  unset_loc();  // the POP_TOP is artificial
  addop(POP_TOP);
}

void Codegen::return_stmt(ast::Return* s) {
  bool preserve_tos = s->value && !s->value->is<ast::Constant>();
  if (u().ste->type != BlockType::Function) error("'return' outside function");
  if (s->value && u().ste->coroutine && u().ste->generator) error("'return' with value in async generator");
  if (preserve_tos) {
    visit_expr(s->value);
  } else if (s->value) {
    set_loc(s->value);
    addop(NOP);
  }
  if (!s->value || s->value->lineno != s->lineno) {
    set_loc(s);
    addop(NOP);
  }
  unwind_fblock_stack(preserve_tos, nullptr);
  if (!s->value) load_const(Constant::none());
  else if (!preserve_tos) load_const(constant_from_ast(static_cast<ast::Constant*>(s->value)->value));
  addop(RETURN_VALUE);  // the next instruction starts a new block implicitly
}

void Codegen::break_stmt() {
  FBlock* loop = nullptr;
  addop(NOP);  // the break's line
  unwind_fblock_stack(false, &loop);
  if (!loop) error("'break' outside loop");
  FBlock copy = *loop;
  unwind_fblock(copy, false);
  addop_j(JUMP, copy.exit);
  next_block();
}

void Codegen::continue_stmt() {
  FBlock* loop = nullptr;
  addop(NOP);
  unwind_fblock_stack(false, &loop);
  if (!loop) error("'continue' not properly in loop");
  addop_j(JUMP, loop->block);
  next_block();
}

void Codegen::if_stmt(ast::If* s) {
  BasicBlock* end = new_block();
  BasicBlock* next = s->orelse.empty() ? end : new_block();
  jump_if(s->test, next, false);
  visit_stmts(s->body);
  if (!s->orelse.empty()) {
    addop_j_noline(JUMP, end);
    use_next_block(next);
    visit_stmts(s->orelse);
  }
  use_next_block(end);
}

void Codegen::for_stmt(ast::For* s) {
  BasicBlock* start = new_block();
  BasicBlock* body = new_block();
  BasicBlock* cleanup = new_block();
  BasicBlock* end = new_block();
  push_fblock(FBlockType::ForLoop, start, end);
  visit_expr(s->iter);
  addop(GET_ITER);
  use_next_block(start);
  addop_j(FOR_ITER, cleanup);
  use_next_block(body);
  visit_expr(s->target);
  visit_stmts(s->body);
  unset_loc();  // the jump back is artificial
  addop_j(JUMP, start);
  use_next_block(cleanup);
  pop_fblock(FBlockType::ForLoop, start);
  visit_stmts(s->orelse);
  use_next_block(end);
}

void Codegen::async_for_stmt(ast::AsyncFor* s) {
  if (opt_.top_level_await && u().ste->type == BlockType::Module) {
    u().ste->coroutine = true;
  } else if (u().scope != ScopeType::AsyncFunction) {
    error("'async for' outside async function");
  }
  BasicBlock* start = new_block();
  BasicBlock* except = new_block();
  BasicBlock* end = new_block();
  visit_expr(s->iter);
  addop(GET_AITER);
  use_next_block(start);
  push_fblock(FBlockType::ForLoop, start, end);
  addop_j(SETUP_FINALLY, except);
  addop(GET_ANEXT);
  load_const(Constant::none());
  add_yield_from(true);
  addop(POP_BLOCK);
  visit_expr(s->target);
  visit_stmts(s->body);
  unset_loc();
  addop_j(JUMP, start);
  pop_fblock(FBlockType::ForLoop, start);
  use_next_block(except);
  // END_ASYNC_FOR ends the `for`, not the body: it takes the iterable's location.
  set_loc(s->iter);
  addop(END_ASYNC_FOR);
  visit_stmts(s->orelse);
  use_next_block(end);
}

void Codegen::while_stmt(ast::While* s) {
  BasicBlock* loop = new_block();
  BasicBlock* end = new_block();
  BasicBlock* anchor = new_block();
  BasicBlock* body = new_block();
  use_next_block(loop);
  push_fblock(FBlockType::WhileLoop, loop, end);
  jump_if(s->test, anchor, false);
  use_next_block(body);
  visit_stmts(s->body);
  set_loc(s);
  jump_if(s->test, body, true);
  pop_fblock(FBlockType::WhileLoop, loop);
  use_next_block(anchor);
  visit_stmts(s->orelse);
  use_next_block(end);
}

void Codegen::assert_stmt(ast::Assert* s) {
  check_assert(s);  // even under -O, as CPython
  if (opt_.optimize) return;
  BasicBlock* end = new_block();
  jump_if(s->test, end, true);
  addop(LOAD_ASSERTION_ERROR);
  if (s->msg) {
    visit_expr(s->msg);
    addop(PRECALL, 0);
    addop(CALL, 0);
  }
  addop(RAISE_VARARGS, 1);
  use_next_block(end);
}

void Codegen::import_stmt(ast::Import* s) {
  for (auto* alias : s->names) {
    load_const(Constant::integer(0));
    load_const(Constant::none());
    addop_name(IMPORT_NAME, str(alias->name));
    std::string name = str(alias->name);
    if (alias->asname) {
      import_as(name, str(alias->asname));
    } else {
      nameop(name.substr(0, name.find('.')), ast::expr_context::Store);
    }
  }
}

void Codegen::import_as(const std::string& name, const std::string& asname) {
  size_t dot = name.find('.');
  if (dot == std::string::npos) {
    nameop(asname, ast::expr_context::Store);
    return;
  }
  // Walk the dotted path with IMPORT_FROM, keeping only the innermost module.
  while (true) {
    size_t pos = dot + 1;
    dot = name.find('.', pos);
    std::string attr = name.substr(pos, dot == std::string::npos ? std::string::npos : dot - pos);
    addop_name_raw(IMPORT_FROM, attr);
    if (dot == std::string::npos) break;
    addop(SWAP, 2);
    addop(POP_TOP);
  }
  nameop(asname, ast::expr_context::Store);
  addop(POP_TOP);
}

void Codegen::from_import_stmt(ast::ImportFrom* s) {
  load_const(Constant::integer(s->level));
  std::vector<ConstRef> names;
  for (auto* alias : s->names) names.push_back(Constant::str(str(alias->name)));
  if (s->lineno > opt_.future_lineno && s->module && s->module == std::string_view("__future__"))
    error("from __future__ imports must occur at the beginning of the file");
  load_const(Constant::tuple(std::move(names)));
  addop_name(IMPORT_NAME, s->module ? str(s->module) : std::string());
  for (size_t i = 0; i < s->names.size(); ++i) {
    auto* alias = s->names[i];
    if (i == 0 && alias->name.view()[0] == '*') {
      addop(IMPORT_STAR);
      return;
    }
    addop_name(IMPORT_FROM, str(alias->name));
    nameop(str(alias->asname ? alias->asname : alias->name), ast::expr_context::Store);
  }
  addop(POP_TOP);  // the module
}

namespace {
int binop_arg(ast::operator_ op) {
  using O = ast::operator_;
  switch (op) {
    case O::Add: return 0;
    case O::BitAnd: return 1;
    case O::FloorDiv: return 2;
    case O::LShift: return 3;
    case O::MatMult: return 4;
    case O::Mult: return 5;
    case O::Mod: return 6;
    case O::BitOr: return 7;
    case O::Pow: return 8;
    case O::RShift: return 9;
    case O::Sub: return 10;
    case O::Div: return 11;
    case O::BitXor: return 12;
  }
  return 0;
}
}  // namespace

int binary_op_arg(ast::operator_ op, bool inplace) { return binop_arg(op) + (inplace ? 13 : 0); }

void Codegen::augassign(ast::AugAssign* s) {
  ast::expr* e = s->target;
  Location saved = u().loc;
  set_loc(e);
  switch (e->node_kind) {
    case ast::expr::Kind::Attribute: {
      auto* a = static_cast<ast::Attribute*>(e);
      visit_expr(a->value);
      addop(COPY, 1);
      update_start_location_to_match_attr(a);
      addop_name(LOAD_ATTR, str(a->attr));
      break;
    }
    case ast::expr::Kind::Subscript: {
      auto* sub = static_cast<ast::Subscript*>(e);
      visit_expr(sub->value);
      visit_expr(sub->slice);
      addop(COPY, 2);
      addop(COPY, 2);
      addop(BINARY_SUBSCR);
      break;
    }
    case ast::expr::Kind::Name:
      nameop(str(static_cast<ast::Name*>(e)->id), ast::expr_context::Load);
      break;
    default:
      error("invalid node type for augmented assignment");
  }
  u().loc = saved;
  visit_expr(s->value);
  addop(BINARY_OP, binary_op_arg(s->op, true));
  set_loc(e);
  switch (e->node_kind) {
    case ast::expr::Kind::Attribute: {
      auto* a = static_cast<ast::Attribute*>(e);
      update_start_location_to_match_attr(a);
      addop(SWAP, 2);
      addop_name(STORE_ATTR, str(a->attr));
      break;
    }
    case ast::expr::Kind::Subscript:
      addop(SWAP, 3);
      addop(SWAP, 2);
      addop(STORE_SUBSCR);
      break;
    default:
      nameop(str(static_cast<ast::Name*>(e)->id), ast::expr_context::Store);
      break;
  }
}

void Codegen::check_ann_expr(ast::expr* e) {
  visit_expr(e);
  addop(POP_TOP);
}

void Codegen::check_ann_subscr(ast::expr* e) {
  if (auto* sl = e->as<ast::Slice>()) {
    if (sl->lower) check_ann_expr(sl->lower);
    if (sl->upper) check_ann_expr(sl->upper);
    if (sl->step) check_ann_expr(sl->step);
    return;
  }
  if (auto* t = e->as<ast::Tuple>()) {
    for (auto* elt : t->elts) check_ann_subscr(elt);
    return;
  }
  check_ann_expr(e);
}

void Codegen::annassign(ast::AnnAssign* s) {
  ast::expr* targ = s->target;
  bool future = opt_.future_flags & kCoFutureAnnotations;
  if (s->value) {
    visit_expr(s->value);
    visit_expr(targ);
  }
  switch (targ->node_kind) {
    case ast::expr::Kind::Name: {
      auto* n = static_cast<ast::Name*>(targ);
      forbidden_name(str(n->id), ast::expr_context::Store);
      if (s->simple && (u().scope == ScopeType::Module || u().scope == ScopeType::Class)) {
        if (future) annotation_string(s->annotation);
        else visit_expr(s->annotation);
        addop_name_raw(LOAD_NAME, "__annotations__");
        load_const(Constant::str(mangle_name(str(n->id))));
        addop(STORE_SUBSCR);
      }
      break;
    }
    case ast::expr::Kind::Attribute: {
      auto* a = static_cast<ast::Attribute*>(targ);
      forbidden_name(str(a->attr), ast::expr_context::Store);
      if (!s->value) check_ann_expr(a->value);
      break;
    }
    case ast::expr::Kind::Subscript: {
      auto* sub = static_cast<ast::Subscript*>(targ);
      if (!s->value) {
        check_ann_expr(sub->value);
        check_ann_subscr(sub->slice);
      }
      break;
    }
    default:
      error("invalid node type for annotated assignment");
  }
  // A complex target's annotation is evaluated (not stored) in modules and classes.
  if (!s->simple && !future && (u().scope == ScopeType::Module || u().scope == ScopeType::Class))
    check_ann_expr(s->annotation);
}

}  // namespace krait::compile
