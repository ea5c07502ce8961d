// The code generator's core: code units, emitting instructions, names, frame blocks.
#include "compile/codegen.h"

namespace krait::compile {

using namespace bytecode;

// ---- units ---------------------------------------------------------------------------------

void Codegen::enter_scope(const std::string& name, ScopeType scope, const void* key, int lineno) {
  auto unit = std::make_unique<Unit>();
  unit->scope = scope;
  unit->ste = st_.lookup(key);
  if (!unit->ste) throw std::runtime_error("internal compiler error: no symbol table for " + name);
  unit->info.name = name;
  unit->info.filename = opt_.filename;
  for (const auto& v : unit->ste->varnames) unit->info.varnames.add(v);
  for (const auto& [sym, info] : unit->ste->symbols)
    if (info.scope == Scope::Cell) unit->info.cellvars.add(sym);
  if (unit->ste->needs_class_closure) unit->info.cellvars.add("__class__");
  for (const auto& [sym, info] : unit->ste->symbols)
    if (info.scope == Scope::Free || (info.flags & SymFlag::FreeClass)) unit->info.freevars.add(sym);
  unit->info.firstlineno = lineno;
  unit->loc = Location{lineno, lineno, 0, 0};
  if (!units_.empty()) {
    unit->private_name = u().private_name;
    unit->has_private = u().has_private;
  }
  units_.push_back(std::move(unit));
  BasicBlock* block = new_block();
  u().cfg.entry = block;
  u().cfg.current = block;
  if (scope == ScopeType::Module) {
    u().loc.lineno = 0;
  } else {
    set_qualname();
  }
  addop(RESUME, 0);
  if (scope == ScopeType::Module) u().loc.lineno = -1;
}

void Codegen::set_qualname() {
  Unit& unit = u();
  std::string base;
  bool has_base = false;
  if (units_.size() > 2) {
    Unit& parent = *units_[units_.size() - 2];
    bool force_global = false;
    if (unit.scope == ScopeType::Function || unit.scope == ScopeType::AsyncFunction || unit.scope == ScopeType::Class) {
      std::string mangled = mangle(parent.private_name, parent.has_private, unit.info.name);
      if (parent.ste->scope_of(mangled) == Scope::GlobalExplicit) force_global = true;
    }
    if (!force_global) {
      has_base = true;
      if (parent.scope == ScopeType::Function || parent.scope == ScopeType::AsyncFunction || parent.scope == ScopeType::Lambda)
        base = parent.info.qualname + ".<locals>";
      else
        base = parent.info.qualname;
    }
  }
  unit.info.qualname = has_base ? base + "." + unit.info.name : unit.info.name;
}

int Codegen::code_flags() const {
  const Unit& unit = *units_.back();
  const SymtableEntry* ste = unit.ste;
  int flags = 0;
  if (ste->type == BlockType::Function) {
    flags |= CodeFlag::NewLocals | CodeFlag::Optimized;
    if (ste->nested) flags |= CodeFlag::Nested;
    if (ste->generator && !ste->coroutine) flags |= CodeFlag::Generator;
    if (!ste->generator && ste->coroutine) flags |= CodeFlag::Coroutine;
    if (ste->generator && ste->coroutine) flags |= CodeFlag::AsyncGenerator;
    if (ste->varargs) flags |= CodeFlag::VarArgs;
    if (ste->varkeywords) flags |= CodeFlag::VarKeywords;
  }
  flags |= opt_.future_flags;
  if (opt_.top_level_await && ste->type == BlockType::Module && ste->coroutine && !ste->generator)
    flags |= CodeFlag::Coroutine;
  return flags;
}

std::shared_ptr<const CodeData> Codegen::finish_unit(bool return_none) {
  Unit& unit = u();
  unit.info.flags = code_flags();
  unit.info.return_none_at_end = return_none;
  auto code = std::make_shared<CodeData>(assemble(unit.cfg, unit.info));
  last_freevars_ = unit.info.freevars.items();
  last_qualname_ = unit.info.qualname;
  return code;
}

void Codegen::exit_scope() { units_.pop_back(); }

// ---- emitting -------------------------------------------------------------------------------

void Codegen::use_next_block(BasicBlock* block) {
  u().cfg.current->next = block;
  u().cfg.current = block;
  u().need_new_block = false;
}

void Codegen::next_block() { use_next_block(new_block()); }

void Codegen::addop_at(int op, int arg, const Location& loc, BasicBlock* target) {
  Unit& unit = u();
  // After a jump or an exit, CPython starts a new block implicitly.
  if (unit.need_new_block) next_block();
  unit.cfg.current->instructions.push_back(Instruction{op, arg, loc, target, nullptr});
  bool jump = has_flag(op, OpFlag::Jump) && !has_flag(op, OpFlag::BlockPush);
  if (jump || has_flag(op, OpFlag::ScopeExit)) unit.need_new_block = true;
}

void Codegen::addop_name(int op, const std::string& name) { addop(op, u().info.names.add(mangle_name(name))); }

void Codegen::error(const std::string& msg) {
  SyntaxErrorInfo info;
  info.msg = msg;
  const Location& loc = u().loc;
  info.lineno = loc.lineno;
  info.col_offset = loc.col_offset;
  info.end_lineno = loc.end_lineno;
  info.end_col_offset = loc.end_col_offset;
  throw CompileError(info);
}

// ---- names ---------------------------------------------------------------------------------

bool Codegen::forbidden_name(const std::string& name, ast::expr_context ctx) {
  if (name != "__debug__") return false;
  if (ctx == ast::expr_context::Store) error("cannot assign to __debug__");
  if (ctx == ast::expr_context::Del) error("cannot delete __debug__");
  return false;
}

void Codegen::check_debug_args(ast::arguments* args) {
  auto check = [this](ast::arg* a) {
    if (!a) return;
    if (a->arg == std::string_view("__debug__")) {
      set_loc(a);
      error("cannot assign to __debug__");
    }
  };
  for (auto* a : args->posonlyargs) check(a);
  for (auto* a : args->args) check(a);
  check(args->vararg);
  for (auto* a : args->kwonlyargs) check(a);
  check(args->kwarg);
}

void Codegen::nameop(const std::string& name, ast::expr_context ctx) {
  forbidden_name(name, ctx);
  Unit& unit = u();
  std::string mangled = mangle_name(name);
  enum { Fast, Global, Deref, Name } optype = Name;
  Scope scope = unit.ste->scope_of(mangled);
  bool function = unit.ste->type == BlockType::Function;
  int deref_index = 0;
  switch (scope) {
    case Scope::Free:
      optype = Deref;
      deref_index = int(unit.info.cellvars.items().size()) + unit.info.freevars.add(mangled);
      break;
    case Scope::Cell:
      optype = Deref;
      deref_index = unit.info.cellvars.add(mangled);
      break;
    case Scope::Local:
      if (function) optype = Fast;
      break;
    case Scope::GlobalImplicit:
      if (function) optype = Global;
      break;
    case Scope::GlobalExplicit:
      optype = Global;
      break;
    default:
      break;
  }
  using C = ast::expr_context;
  switch (optype) {
    case Deref: {
      int op = ctx == C::Load ? (unit.ste->type == BlockType::Class ? LOAD_CLASSDEREF : LOAD_DEREF)
                              : ctx == C::Store ? STORE_DEREF : DELETE_DEREF;
      addop(op, deref_index);
      return;
    }
    case Fast: {
      int op = ctx == C::Load ? LOAD_FAST : ctx == C::Store ? STORE_FAST : DELETE_FAST;
      addop(op, unit.info.varnames.add(mangled));
      return;
    }
    case Global: {
      int index = unit.info.names.add(mangled);
      if (ctx == C::Load) addop(LOAD_GLOBAL, index << 1);
      else addop(ctx == C::Store ? STORE_GLOBAL : DELETE_GLOBAL, index);
      return;
    }
    case Name: {
      int op = ctx == C::Load ? LOAD_NAME : ctx == C::Store ? STORE_NAME : DELETE_NAME;
      addop(op, unit.info.names.add(mangled));
      return;
    }
  }
}

bool Codegen::is_import_originated(ast::expr* e) {
  auto* n = e->as<ast::Name>();
  if (!n) return false;
  return st_.top()->flags_of(std::string(n->id.view())) & SymFlag::Import;
}

// ---- frame blocks --------------------------------------------------------------------------

void Codegen::push_fblock(FBlockType type, BasicBlock* block, BasicBlock* exit, const void* datum) {
  if (u().fblocks.size() >= 20) error("too many statically nested blocks");
  u().fblocks.push_back(FBlock{type, block, exit, datum});
}

void Codegen::pop_fblock(FBlockType type, BasicBlock* block) { u().fblocks.pop_back(); }

void Codegen::call_exit_with_nones() {
  load_const(Constant::none());
  load_const(Constant::none());
  load_const(Constant::none());
  addop(PRECALL, 2);
  addop(CALL, 2);
}

void Codegen::add_yield_from(bool await) {
  BasicBlock* start = new_block();
  BasicBlock* resume = new_block();
  BasicBlock* exit = new_block();
  use_next_block(start);
  addop_j(SEND, exit);
  use_next_block(resume);
  addop(YIELD_VALUE);
  addop(RESUME, await ? 3 : 2);
  addop_j(JUMP_NO_INTERRUPT, start);
  use_next_block(exit);
}

void Codegen::pop_except_and_reraise() {
  addop(COPY, 3);
  addop(POP_EXCEPT);
  addop(RERAISE, 1);
}

void Codegen::addop_yield() {
  if (u().ste->generator && u().ste->coroutine) addop(ASYNC_GEN_WRAP);
  addop(YIELD_VALUE);
  addop(RESUME, 1);
}

void Codegen::unwind_fblock(const FBlock& info, bool preserve_tos) {
  switch (info.type) {
    case FBlockType::WhileLoop:
    case FBlockType::ExceptionHandler:
    case FBlockType::ExceptionGroupHandler:
    case FBlockType::AsyncComprehensionGenerator:
      return;
    case FBlockType::ForLoop:
      if (preserve_tos) addop(SWAP, 2);
      addop(POP_TOP);
      return;
    case FBlockType::TryExcept:
      addop(POP_BLOCK);
      return;
    case FBlockType::FinallyTry:
      addop(POP_BLOCK);
      if (preserve_tos) push_fblock(FBlockType::PopValue, nullptr, nullptr);
      visit_stmts(*static_cast<const ast::Seq<ast::stmt*>*>(info.datum));
      if (preserve_tos) pop_fblock(FBlockType::PopValue, nullptr);
      // The finally body runs "after" the unwinding statement: the rest is artificial.
      unset_loc();
      return;
    case FBlockType::FinallyEnd:
      if (preserve_tos) addop(SWAP, 2);
      addop(POP_TOP);
      if (preserve_tos) addop(SWAP, 2);
      addop(POP_BLOCK);
      addop(POP_EXCEPT);
      return;
    case FBlockType::With:
    case FBlockType::AsyncWith:
      set_loc(static_cast<const ast::stmt*>(info.datum));
      addop(POP_BLOCK);
      if (preserve_tos) addop(SWAP, 2);
      call_exit_with_nones();
      if (info.type == FBlockType::AsyncWith) {
        addop(GET_AWAITABLE, 2);
        load_const(Constant::none());
        add_yield_from(true);
      }
      addop(POP_TOP);
      unset_loc();
      return;
    case FBlockType::HandlerCleanup: {
      if (info.has_name) addop(POP_BLOCK);
      if (preserve_tos) addop(SWAP, 2);
      addop(POP_BLOCK);
      addop(POP_EXCEPT);
      if (info.has_name) {
        load_const(Constant::none());
        nameop(info.name, ast::expr_context::Store);
        nameop(info.name, ast::expr_context::Del);
      }
      return;
    }
    case FBlockType::PopValue:
      if (preserve_tos) addop(SWAP, 2);
      addop(POP_TOP);
      return;
  }
}

void Codegen::unwind_fblock_stack(bool preserve_tos, FBlock** loop) {
  auto& stack = u().fblocks;
  if (stack.empty()) return;
  FBlock& top = stack.back();
  if (top.type == FBlockType::ExceptionGroupHandler)
    error("'break', 'continue' and 'return' cannot appear in an except* block");
  if (loop && (top.type == FBlockType::WhileLoop || top.type == FBlockType::ForLoop)) {
    *loop = &top;
    return;
  }
  FBlock copy = top;
  stack.pop_back();
  unwind_fblock(copy, preserve_tos);
  unwind_fblock_stack(preserve_tos, loop);
  // Popping never shrinks the vector's capacity, so *loop (an element below) stays valid.
  u().fblocks.push_back(copy);
}

// ---- the module ----------------------------------------------------------------------------

std::shared_ptr<const CodeData> Codegen::compile_mod(ast::mod* module) {
  enter_scope("<module>", ScopeType::Module, module, 1);
  bool add_none = true;
  if (auto* m = module->as<ast::Module>()) {
    body(m->body);
  } else if (auto* i = module->as<ast::Interactive>()) {
    opt_.interactive = true;
    if (find_ann(i->body)) addop(SETUP_ANNOTATIONS);
    visit_stmts(i->body);
  } else if (auto* x = module->as<ast::Expression>()) {
    visit_expr(x->body);
    add_none = false;
  }
  auto code = finish_unit(add_none);
  exit_scope();
  return code;
}

}  // namespace krait::compile
