// try/except/finally, except*, with and async with: handlers described with SETUP_* ... POP_BLOCK.
#include "compile/codegen.h"

namespace krait::compile {

using namespace bytecode;

namespace {
std::string str(ast::Identifier id) { return std::string(id.view()); }
}  // namespace

void Codegen::try_stmt(ast::Try* s) {
  if (!s->finalbody.empty()) try_finally(s);
  else try_except(s);
}

void Codegen::try_finally(ast::Try* s) {
  finally_around(s->finalbody, [&] {
    if (!s->handlers.empty()) try_except(s);
    else visit_stmts(s->body);
  });
}

// try/finally (and try/except*/finally): `protected_part` emits the try body with its
// handlers; the finally body runs on the normal path and, on the exceptional path, before
// the exception is re-raised.
void Codegen::finally_around(const ast::Seq<ast::stmt*>& finalbody, const std::function<void()>& protected_part) {
  BasicBlock* body = new_block();
  BasicBlock* end = new_block();
  BasicBlock* exit = new_block();
  BasicBlock* cleanup = new_block();
  addop_j(SETUP_FINALLY, end);
  use_next_block(body);
  push_fblock(FBlockType::FinallyTry, body, end, &finalbody);
  protected_part();
  addop_noline(POP_BLOCK);
  pop_fblock(FBlockType::FinallyTry, body);
  visit_stmts(finalbody);
  addop_j_noline(JUMP, exit);
  // The exceptional path: run the finally body, then re-raise.
  use_next_block(end);
  unset_loc();
  addop_j(SETUP_CLEANUP, cleanup);
  addop(PUSH_EXC_INFO);
  push_fblock(FBlockType::FinallyEnd, end, nullptr);
  visit_stmts(finalbody);
  pop_fblock(FBlockType::FinallyEnd, end);
  addop(RERAISE, 0);
  use_next_block(cleanup);
  pop_except_and_reraise();
  use_next_block(exit);
}

void Codegen::try_except(ast::Try* s) {
  BasicBlock* body = new_block();
  BasicBlock* except = new_block();
  BasicBlock* end = new_block();
  BasicBlock* cleanup = new_block();
  addop_j(SETUP_FINALLY, except);
  use_next_block(body);
  push_fblock(FBlockType::TryExcept, body, nullptr);
  visit_stmts(s->body);
  pop_fblock(FBlockType::TryExcept, body);
  addop_noline(POP_BLOCK);
  visit_stmts(s->orelse);
  addop_j_noline(JUMP, end);
  size_t n = s->handlers.size();
  use_next_block(except);
  unset_loc();
  addop_j(SETUP_CLEANUP, cleanup);
  addop(PUSH_EXC_INFO);
  push_fblock(FBlockType::ExceptionHandler, nullptr, nullptr);
  for (size_t i = 0; i < n; ++i) {
    auto* handler = static_cast<ast::ExceptHandler*>(s->handlers[i]);
    set_loc(handler);
    if (!handler->type && i < n - 1) error("default 'except:' must be last");
    except = new_block();
    if (handler->type) {
      visit_expr(handler->type);
      addop(CHECK_EXC_MATCH);
      addop_j(POP_JUMP_IF_FALSE, except);
    }
    if (handler->name) {
      std::string name = str(handler->name);
      BasicBlock* cleanup_end = new_block();
      BasicBlock* cleanup_body = new_block();
      nameop(name, ast::expr_context::Store);
      // try: body  finally: name = None; del name
      addop_j(SETUP_CLEANUP, cleanup_end);
      use_next_block(cleanup_body);
      push_fblock(FBlockType::HandlerCleanup, cleanup_body, nullptr);
      u().fblocks.back().name = name;
      u().fblocks.back().has_name = true;
      visit_stmts(handler->body);
      pop_fblock(FBlockType::HandlerCleanup, cleanup_body);
      unset_loc();
      addop(POP_BLOCK);
      addop(POP_BLOCK);
      addop(POP_EXCEPT);
      load_const(Constant::none());
      nameop(name, ast::expr_context::Store);
      nameop(name, ast::expr_context::Del);
      addop_j(JUMP, end);
      use_next_block(cleanup_end);
      unset_loc();
      load_const(Constant::none());
      nameop(name, ast::expr_context::Store);
      nameop(name, ast::expr_context::Del);
      addop(RERAISE, 1);
    } else {
      BasicBlock* cleanup_body = new_block();
      addop(POP_TOP);  // the exception
      use_next_block(cleanup_body);
      push_fblock(FBlockType::HandlerCleanup, cleanup_body, nullptr);
      visit_stmts(handler->body);
      pop_fblock(FBlockType::HandlerCleanup, cleanup_body);
      unset_loc();
      addop(POP_BLOCK);
      addop(POP_EXCEPT);
      addop_j(JUMP, end);
    }
    use_next_block(except);
  }
  unset_loc();
  pop_fblock(FBlockType::ExceptionHandler, nullptr);
  addop(RERAISE, 0);
  use_next_block(cleanup);
  pop_except_and_reraise();
  use_next_block(end);
}

void Codegen::try_star(ast::TryStar* s) {
  if (!s->finalbody.empty()) try_star_finally(s);
  else try_star_except(s);
}

void Codegen::try_star_finally(ast::TryStar* s) {
  finally_around(s->finalbody, [&] {
    if (!s->handlers.empty()) try_star_except(s);
    else visit_stmts(s->body);
  });
}

void Codegen::try_star_except(ast::TryStar* s) {
  BasicBlock* body = new_block();
  BasicBlock* except = new_block();
  BasicBlock* orelse = new_block();
  BasicBlock* end = new_block();
  BasicBlock* cleanup = new_block();
  BasicBlock* reraise_star = new_block();
  addop_j(SETUP_FINALLY, except);
  use_next_block(body);
  push_fblock(FBlockType::TryExcept, body, nullptr);
  visit_stmts(s->body);
  pop_fblock(FBlockType::TryExcept, body);
  addop_noline(POP_BLOCK);
  addop_j_noline(JUMP, orelse);
  size_t n = s->handlers.size();
  use_next_block(except);
  unset_loc();
  addop_j(SETUP_CLEANUP, cleanup);
  addop(PUSH_EXC_INFO);
  push_fblock(FBlockType::ExceptionGroupHandler, nullptr, nullptr);
  for (size_t i = 0; i < n; ++i) {
    auto* handler = static_cast<ast::ExceptHandler*>(s->handlers[i]);
    set_loc(handler);
    except = new_block();
    BasicBlock* handle_match = new_block();
    if (i == 0) {
      // [exc] -> [orig, [], exc]: the original group and the list of raised exceptions.
      addop(COPY, 1);
      addop(BUILD_LIST, 0);
      addop(SWAP, 2);
    }
    if (handler->type) {
      visit_expr(handler->type);
      addop(CHECK_EG_MATCH);
      addop(COPY, 1);
      addop_j(POP_JUMP_IF_NOT_NONE, handle_match);
      addop(POP_TOP);  // the match (None)
      addop_j(JUMP, except);
    }
    use_next_block(handle_match);
    BasicBlock* cleanup_end = new_block();
    BasicBlock* cleanup_body = new_block();
    std::string name = handler->name ? str(handler->name) : std::string();
    if (handler->name) nameop(name, ast::expr_context::Store);
    else addop(POP_TOP);  // the exception
    addop_j(SETUP_CLEANUP, cleanup_end);
    use_next_block(cleanup_body);
    push_fblock(FBlockType::HandlerCleanup, cleanup_body, nullptr);
    u().fblocks.back().name = name;
    u().fblocks.back().has_name = bool(handler->name);
    visit_stmts(handler->body);
    pop_fblock(FBlockType::HandlerCleanup, cleanup_body);
    unset_loc();  // name = None; del name: artificial
    addop(POP_BLOCK);
    if (handler->name) {
      load_const(Constant::none());
      nameop(name, ast::expr_context::Store);
      nameop(name, ast::expr_context::Del);
    }
    addop_j(JUMP, except);
    use_next_block(cleanup_end);
    unset_loc();
    if (handler->name) {
      load_const(Constant::none());
      nameop(name, ast::expr_context::Store);
      nameop(name, ast::expr_context::Del);
    }
    addop(LIST_APPEND, 3);  // the exception raised, into the list
    addop(POP_TOP);         // lasti
    addop_j(JUMP, except);
    use_next_block(except);
    if (i == n - 1) {
      addop(LIST_APPEND, 1);  // the unhandled rest of the group
      addop_j(JUMP, reraise_star);
    }
  }
  unset_loc();
  pop_fblock(FBlockType::ExceptionGroupHandler, nullptr);
  BasicBlock* reraise = new_block();
  use_next_block(reraise_star);
  addop(PREP_RERAISE_STAR);
  addop(COPY, 1);
  addop_j(POP_JUMP_IF_NOT_NONE, reraise);
  addop(POP_TOP);
  addop(POP_BLOCK);
  addop(POP_EXCEPT);
  addop_j(JUMP, end);
  use_next_block(reraise);
  addop(POP_BLOCK);
  addop(SWAP, 2);
  addop(POP_EXCEPT);
  addop(RERAISE, 0);
  use_next_block(cleanup);
  pop_except_and_reraise();
  use_next_block(orelse);
  visit_stmts(s->orelse);
  use_next_block(end);
}

void Codegen::with_except_finish(BasicBlock* cleanup) {
  unset_loc();
  BasicBlock* exit = new_block();
  addop_j(POP_JUMP_IF_TRUE, exit);
  next_block();
  addop(RERAISE, 2);
  use_next_block(cleanup);
  pop_except_and_reraise();
  use_next_block(exit);
  addop(POP_TOP);  // exc_value
  addop(POP_BLOCK);
  addop(POP_EXCEPT);
  addop(POP_TOP);
  addop(POP_TOP);
}

void Codegen::with_stmt(ast::With* s, size_t pos) {
  ast::withitem* item = s->items[pos];
  BasicBlock* block = new_block();
  BasicBlock* final = new_block();
  BasicBlock* exit = new_block();
  BasicBlock* cleanup = new_block();
  visit_expr(item->context_expr);
  addop(BEFORE_WITH);  // pushes the bound __exit__ and __enter__'s result
  addop_j(SETUP_WITH, final);
  use_next_block(block);
  push_fblock(FBlockType::With, block, final, s);
  if (item->optional_vars) visit_expr(item->optional_vars);
  else addop(POP_TOP);
  pos++;
  if (pos == s->items.size()) visit_stmts(s->body);
  else with_stmt(s, pos);
  unset_loc();
  addop(POP_BLOCK);
  pop_fblock(FBlockType::With, block);
  // Normal exit: __exit__(None, None, None).
  set_loc(s);
  call_exit_with_nones();
  addop(POP_TOP);
  addop_j(JUMP, exit);
  // Exceptional exit.
  use_next_block(final);
  addop_j(SETUP_CLEANUP, cleanup);
  addop(PUSH_EXC_INFO);
  addop(WITH_EXCEPT_START);
  with_except_finish(cleanup);
  use_next_block(exit);
}

void Codegen::async_with_stmt(ast::AsyncWith* s, size_t pos) {
  if (opt_.top_level_await && u().ste->type == BlockType::Module) {
    u().ste->coroutine = true;
  } else if (u().scope != ScopeType::AsyncFunction) {
    error("'async with' outside async function");
  }
  ast::withitem* item = s->items[pos];
  BasicBlock* block = new_block();
  BasicBlock* final = new_block();
  BasicBlock* exit = new_block();
  BasicBlock* cleanup = new_block();
  visit_expr(item->context_expr);
  addop(BEFORE_ASYNC_WITH);
  addop(GET_AWAITABLE, 1);
  load_const(Constant::none());
  add_yield_from(true);
  addop_j(SETUP_WITH, final);
  use_next_block(block);
  push_fblock(FBlockType::AsyncWith, block, final, s);
  if (item->optional_vars) visit_expr(item->optional_vars);
  else addop(POP_TOP);
  pos++;
  if (pos == s->items.size()) visit_stmts(s->body);
  else async_with_stmt(s, pos);
  pop_fblock(FBlockType::AsyncWith, block);
  addop(POP_BLOCK);
  set_loc(s);
  call_exit_with_nones();
  addop(GET_AWAITABLE, 2);
  load_const(Constant::none());
  add_yield_from(true);
  addop(POP_TOP);
  addop_j(JUMP, exit);
  use_next_block(final);
  addop_j(SETUP_CLEANUP, cleanup);
  addop(PUSH_EXC_INFO);
  addop(WITH_EXCEPT_START);
  addop(GET_AWAITABLE, 2);
  load_const(Constant::none());
  add_yield_from(true);
  with_except_finish(cleanup);
  use_next_block(exit);
}

}  // namespace krait::compile
