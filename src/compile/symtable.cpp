#include "compile/symtable.h"

#include <set>

namespace krait::compile {

std::string mangle(const std::string& private_name, bool has_private, const std::string& name) {
  // Only names of the form __x (not __x__, not dotted) inside a class are mangled.
  if (!has_private || name.size() < 2 || name[0] != '_' || name[1] != '_') return name;
  if (name[name.size() - 1] == '_' && name[name.size() - 2] == '_') return name;  // __x__ (and "__")
  if (name.find('.') != std::string::npos) return name;
  size_t start = private_name.find_first_not_of('_');
  if (start == std::string::npos) return name;
  return "_" + private_name.substr(start) + name;
}

namespace {

struct Where {
  int lineno, col, end_lineno, end_col;
};

template <class Node>
Where where(const Node* n) {
  return {n->lineno, n->col_offset, n->end_lineno, n->end_col_offset};
}

struct Directive {
  std::string name;
  Where loc;
};

}  // namespace

// The visit: records, block by block, how each name is used.
class SymtableBuilder {
 public:
  SymtableBuilder(Symtable& table, bool future_annotations, SyntaxErrorInfo& error)
      : table_(table), future_annotations_(future_annotations), error_(error) {}

  bool run(ast::mod* module);

 private:
  using NameSet = std::set<std::string>;

  // ---- errors ----
  bool fail(const std::string& msg, Where loc) {
    if (failed_) return false;
    failed_ = true;
    error_ = SyntaxErrorInfo{};
    error_.msg = msg;
    error_.lineno = loc.lineno;
    error_.col_offset = loc.col;
    error_.end_lineno = loc.end_lineno;
    error_.end_col_offset = loc.end_col;
    return false;
  }
  static std::string fmt(const char* pattern, const std::string& name) {
    std::string out;
    for (const char* p = pattern; *p; ++p) {
      if (p[0] == '%' && p[1] == 'U') {
        out += name;
        ++p;
      } else {
        out.push_back(*p);
      }
    }
    return out;
  }

  // ---- blocks ----
  void enter_block(const std::string& name, BlockType type, const void* key, int lineno) {
    auto entry = std::make_unique<SymtableEntry>();
    SymtableEntry* ste = entry.get();
    ste->name = name;
    ste->type = type;
    ste->key = key;
    ste->lineno = lineno;
    SymtableEntry* prev = stack_.empty() ? nullptr : stack_.back();
    if (prev && (prev->nested || prev->type == BlockType::Function)) ste->nested = true;
    if (prev) ste->comp_iter_expr = prev->comp_iter_expr;
    table_.entries_.push_back(std::move(entry));
    stack_.push_back(ste);
    // Annotation blocks (future annotations) leave no trace: their names are strings.
    if (type == BlockType::Annotation) return;
    if (type == BlockType::Module) global_ = ste;
    if (prev) prev->children.push_back(ste);
    table_.by_key_[key] = ste;
  }
  void exit_block() { stack_.pop_back(); }
  SymtableEntry* cur() { return stack_.back(); }

  std::string mangled(const std::string& name) { return mangle(private_, has_private_, name); }

  bool add_def_helper(const std::string& name, int flag, SymtableEntry* ste, Where loc) {
    std::string m = mangled(name);
    int val;
    auto it = ste->symbols.find(m);
    if (it != ste->symbols.end()) {
      val = it->second.flags;
      if ((flag & SymFlag::Param) && (val & SymFlag::Param))
        return fail(fmt("duplicate argument '%U' in function definition", name), loc);
      val |= flag;
    } else {
      val = flag;
    }
    if (ste->comp_iter_target) {
      if (val & (SymFlag::Global | SymFlag::Nonlocal))
        return fail(fmt("comprehension inner loop cannot rebind assignment expression target '%U'", name), loc);
      val |= SymFlag::CompIter;
    }
    ste->symbols[m].flags = val;
    if (flag & SymFlag::Param) {
      ste->varnames.push_back(m);
    } else if (flag & SymFlag::Global) {
      int g = flag;
      auto git = global_->symbols.find(m);
      if (git != global_->symbols.end()) g |= git->second.flags;
      global_->symbols[m].flags = g;
    }
    return true;
  }
  bool add_def(const std::string& name, int flag, Where loc) { return add_def_helper(name, flag, cur(), loc); }
  int lookup(const std::string& name) { return cur()->flags_of(mangled(name)); }
  void record_directive(const std::string& name, Where loc) {
    directives_[cur()].push_back({mangled(name), loc});
  }

  // ---- visits ----
  bool visit_stmts(const ast::Seq<ast::stmt*>& body) {
    for (auto* s : body)
      if (!visit_stmt(s)) return false;
    return true;
  }
  bool visit_exprs(const ast::Seq<ast::expr*>& seq) {
    for (auto* e : seq)
      if (e && !visit_expr(e)) return false;
    return true;
  }
  bool visit_stmt(ast::stmt* s);
  bool visit_expr(ast::expr* e);
  bool visit_function(ast::stmt* s, const std::string& name, ast::arguments* args, const ast::Seq<ast::stmt*>& body,
                      const ast::Seq<ast::expr*>& decorators, ast::expr* returns, bool is_async);
  bool visit_annotation(ast::expr* annotation);
  bool visit_arg_annotations(const ast::Seq<ast::arg*>& args);
  bool visit_annotations(ast::stmt* s, ast::arguments* a, ast::expr* returns);
  bool visit_arguments(ast::arguments* a);
  bool visit_params(const ast::Seq<ast::arg*>& args);
  bool visit_alias(ast::alias* a);
  bool visit_pattern(ast::pattern* p);
  bool visit_comprehension(ast::comprehension* lc);
  bool handle_comprehension(ast::expr* e, const std::string& scope_name, const ast::Seq<ast::comprehension*>& gens,
                            ast::expr* elt, ast::expr* value, ComprehensionType type);
  bool extend_namedexpr_scope(ast::expr* target, Where loc);
  bool raise_if_annotation_block(const char* what, ast::expr* e) {
    if (cur()->type != BlockType::Annotation) return true;
    return fail(std::string("'") + what + "' can not be used within an annotation", where(e));
  }
  bool raise_if_comprehension_block(ast::expr* e) {
    switch (cur()->comprehension) {
      case ComprehensionType::List: return fail("'yield' inside list comprehension", where(e));
      case ComprehensionType::Set: return fail("'yield' inside set comprehension", where(e));
      case ComprehensionType::Dict: return fail("'yield' inside dict comprehension", where(e));
      default: return fail("'yield' inside generator expression", where(e));
    }
  }
  template <class T>
  bool visit_try(T* t) {
    if (!visit_stmts(t->body) || !visit_stmts(t->orelse)) return false;
    for (auto* h0 : t->handlers) {
      auto* h = static_cast<ast::ExceptHandler*>(h0);
      if (h->type && !visit_expr(h->type)) return false;
      if (h->name && !add_def(std::string(h->name.view()), SymFlag::Local, where(h))) return false;
      if (!visit_stmts(h->body)) return false;
    }
    return visit_stmts(t->finalbody);
  }
  template <class T>
  bool visit_with(T* w) {
    for (auto* item : w->items) {
      if (!visit_expr(item->context_expr)) return false;
      if (item->optional_vars && !visit_expr(item->optional_vars)) return false;
    }
    return visit_stmts(w->body);
  }
  bool global_or_nonlocal(ast::stmt* s, const ast::Seq<ast::Identifier>& names, bool global);

  // ---- analysis ----
  bool analyze_block(SymtableEntry* ste, NameSet* bound, NameSet& free, NameSet& global);
  bool analyze_name(SymtableEntry* ste, std::map<std::string, Scope>& scopes, const std::string& name, int flags,
                    NameSet* bound, NameSet& local, NameSet& free, NameSet& global);
  bool error_at_directive(SymtableEntry* ste, const std::string& name, const std::string& msg) {
    for (auto& d : directives_[ste])
      if (d.name == name) return fail(msg, d.loc);
    return fail(msg, {0, 0, 0, 0});
  }

  Symtable& table_;
  bool future_annotations_;
  SyntaxErrorInfo& error_;
  bool failed_ = false;
  std::vector<SymtableEntry*> stack_;
  SymtableEntry* global_ = nullptr;
  std::string private_;
  bool has_private_ = false;
  std::unordered_map<SymtableEntry*, std::vector<Directive>> directives_;
};

bool SymtableBuilder::run(ast::mod* module) {
  enter_block("top", BlockType::Module, module, 0);
  table_.top_ = cur();
  bool ok = true;
  if (auto* m = module->as<ast::Module>()) ok = visit_stmts(m->body);
  else if (auto* i = module->as<ast::Interactive>()) ok = visit_stmts(i->body);
  else if (auto* x = module->as<ast::Expression>()) ok = visit_expr(x->body);
  if (!ok) return false;
  exit_block();
  NameSet free, global;
  return analyze_block(table_.top_, nullptr, free, global);
}

bool SymtableBuilder::visit_function(ast::stmt* s, const std::string& name, ast::arguments* args,
                                     const ast::Seq<ast::stmt*>& body, const ast::Seq<ast::expr*>& decorators,
                                     ast::expr* returns, bool is_async) {
  if (!add_def(name, SymFlag::Local, where(s))) return false;
  if (!visit_exprs(args->defaults)) return false;
  if (!visit_exprs(args->kw_defaults)) return false;
  if (!visit_annotations(s, args, returns)) return false;
  if (!visit_exprs(decorators)) return false;
  enter_block(name, BlockType::Function, s, s->lineno);
  if (is_async) cur()->coroutine = true;
  if (!visit_arguments(args)) return false;
  if (!visit_stmts(body)) return false;
  exit_block();
  return true;
}

bool SymtableBuilder::global_or_nonlocal(ast::stmt* s, const ast::Seq<ast::Identifier>& names, bool global) {
  for (auto& id : names) {
    std::string name(id.view());
    int cur_flags = lookup(name);
    if (cur_flags & (SymFlag::Param | SymFlag::Local | SymFlag::Use | SymFlag::Annot)) {
      const char* msg;
      if (cur_flags & SymFlag::Param) msg = global ? "name '%U' is parameter and global" : "name '%U' is parameter and nonlocal";
      else if (cur_flags & SymFlag::Use) msg = global ? "name '%U' is used prior to global declaration" : "name '%U' is used prior to nonlocal declaration";
      else if (cur_flags & SymFlag::Annot) msg = global ? "annotated name '%U' can't be global" : "annotated name '%U' can't be nonlocal";
      else msg = global ? "name '%U' is assigned to before global declaration" : "name '%U' is assigned to before nonlocal declaration";
      return fail(fmt(msg, name), where(s));
    }
    if (!add_def(name, global ? SymFlag::Global : SymFlag::Nonlocal, where(s))) return false;
    record_directive(name, where(s));
  }
  return true;
}

bool SymtableBuilder::visit_stmt(ast::stmt* s) {
  using K = ast::stmt::Kind;
  switch (s->node_kind) {
    case K::FunctionDef: {
      auto* f = static_cast<ast::FunctionDef*>(s);
      return visit_function(s, std::string(f->name.view()), f->args, f->body, f->decorator_list, f->returns, false);
    }
    case K::AsyncFunctionDef: {
      auto* f = static_cast<ast::AsyncFunctionDef*>(s);
      return visit_function(s, std::string(f->name.view()), f->args, f->body, f->decorator_list, f->returns, true);
    }
    case K::ClassDef: {
      auto* c = static_cast<ast::ClassDef*>(s);
      std::string name(c->name.view());
      if (!add_def(name, SymFlag::Local, where(s))) return false;
      if (!visit_exprs(c->bases)) return false;
      for (auto* k : c->keywords)
        if (!visit_expr(k->value)) return false;
      if (!visit_exprs(c->decorator_list)) return false;
      enter_block(name, BlockType::Class, s, s->lineno);
      std::string saved = private_;
      bool saved_has = has_private_;
      private_ = name;
      has_private_ = true;
      if (!visit_stmts(c->body)) return false;
      private_ = saved;
      has_private_ = saved_has;
      exit_block();
      return true;
    }
    case K::Return: {
      auto* r = static_cast<ast::Return*>(s);
      if (r->value) {
        if (!visit_expr(r->value)) return false;
        cur()->returns_value = true;
      }
      return true;
    }
    case K::Delete: return visit_exprs(static_cast<ast::Delete*>(s)->targets);
    case K::Assign: {
      auto* a = static_cast<ast::Assign*>(s);
      return visit_exprs(a->targets) && visit_expr(a->value);
    }
    case K::AnnAssign: {
      auto* a = static_cast<ast::AnnAssign*>(s);
      if (auto* n = a->target->as<ast::Name>()) {
        std::string name(n->id.view());
        int cur_flags = lookup(name);
        if ((cur_flags & (SymFlag::Global | SymFlag::Nonlocal)) && cur() != global_ && a->simple)
          return fail(fmt((cur_flags & SymFlag::Global) ? "annotated name '%U' can't be global"
                                                        : "annotated name '%U' can't be nonlocal", name),
                      where(s));
        if (a->simple) {
          if (!add_def(name, SymFlag::Annot | SymFlag::Local, where(n))) return false;
        } else if (a->value) {
          if (!add_def(name, SymFlag::Local, where(n))) return false;
        }
      } else {
        if (!visit_expr(a->target)) return false;
      }
      if (!visit_annotation(a->annotation)) return false;
      if (a->value && !visit_expr(a->value)) return false;
      return true;
    }
    case K::AugAssign: {
      auto* a = static_cast<ast::AugAssign*>(s);
      return visit_expr(a->target) && visit_expr(a->value);
    }
    case K::For: {
      auto* f = static_cast<ast::For*>(s);
      return visit_expr(f->target) && visit_expr(f->iter) && visit_stmts(f->body) && visit_stmts(f->orelse);
    }
    case K::AsyncFor: {
      auto* f = static_cast<ast::AsyncFor*>(s);
      return visit_expr(f->target) && visit_expr(f->iter) && visit_stmts(f->body) && visit_stmts(f->orelse);
    }
    case K::While: {
      auto* w = static_cast<ast::While*>(s);
      return visit_expr(w->test) && visit_stmts(w->body) && visit_stmts(w->orelse);
    }
    case K::If: {
      auto* w = static_cast<ast::If*>(s);
      return visit_expr(w->test) && visit_stmts(w->body) && visit_stmts(w->orelse);
    }
    case K::Match: {
      auto* m = static_cast<ast::Match*>(s);
      if (!visit_expr(m->subject)) return false;
      for (auto* c : m->cases) {
        if (!visit_pattern(c->pattern)) return false;
        if (c->guard && !visit_expr(c->guard)) return false;
        if (!visit_stmts(c->body)) return false;
      }
      return true;
    }
    case K::Raise: {
      auto* r = static_cast<ast::Raise*>(s);
      if (r->exc && !visit_expr(r->exc)) return false;
      if (r->cause && !visit_expr(r->cause)) return false;
      return true;
    }
    case K::Try: return visit_try(static_cast<ast::Try*>(s));
    case K::TryStar: return visit_try(static_cast<ast::TryStar*>(s));
    case K::Assert: {
      auto* a = static_cast<ast::Assert*>(s);
      if (!visit_expr(a->test)) return false;
      return !a->msg || visit_expr(a->msg);
    }
    case K::Import:
      for (auto* a : static_cast<ast::Import*>(s)->names)
        if (!visit_alias(a)) return false;
      return true;
    case K::ImportFrom:
      for (auto* a : static_cast<ast::ImportFrom*>(s)->names)
        if (!visit_alias(a)) return false;
      return true;
    case K::Global: return global_or_nonlocal(s, static_cast<ast::Global*>(s)->names, true);
    case K::Nonlocal: return global_or_nonlocal(s, static_cast<ast::Nonlocal*>(s)->names, false);
    case K::Expr: return visit_expr(static_cast<ast::Expr*>(s)->value);
    case K::Pass:
    case K::Break:
    case K::Continue: return true;
    case K::With: return visit_with(static_cast<ast::With*>(s));
    case K::AsyncWith: return visit_with(static_cast<ast::AsyncWith*>(s));
  }
  return true;
}

bool SymtableBuilder::extend_namedexpr_scope(ast::expr* e, Where loc) {
  std::string target(static_cast<ast::Name*>(e)->id.view());
  for (size_t i = stack_.size(); i-- > 0;) {
    SymtableEntry* ste = stack_[i];
    if (ste->comprehension != ComprehensionType::None) {
      if (ste->flags_of(target) & SymFlag::CompIter)
        return fail(fmt("assignment expression cannot rebind comprehension iteration variable '%U'", target), loc);
      continue;
    }
    if (ste->type == BlockType::Function) {
      int in_scope = ste->flags_of(target);
      if (!add_def(target, (in_scope & SymFlag::Global) ? SymFlag::Global : SymFlag::Nonlocal, loc)) return false;
      record_directive(target, loc);
      return add_def_helper(target, SymFlag::Local, ste, loc);
    }
    if (ste->type == BlockType::Module) {
      if (!add_def(target, SymFlag::Global, loc)) return false;
      record_directive(target, loc);
      return add_def_helper(target, SymFlag::Global, ste, loc);
    }
    if (ste->type == BlockType::Class)
      return fail("assignment expression within a comprehension cannot be used in a class body", loc);
  }
  return true;
}

bool SymtableBuilder::visit_expr(ast::expr* e) {
  using K = ast::expr::Kind;
  switch (e->node_kind) {
    case K::NamedExpr: {
      auto* n = static_cast<ast::NamedExpr*>(e);
      if (!raise_if_annotation_block("named expression", e)) return false;
      if (cur()->comp_iter_expr > 0)
        return fail("assignment expression cannot be used in a comprehension iterable expression", where(e));
      if (cur()->comprehension != ComprehensionType::None && !extend_namedexpr_scope(n->target, where(e))) return false;
      return visit_expr(n->value) && visit_expr(n->target);
    }
    case K::BoolOp: return visit_exprs(static_cast<ast::BoolOp*>(e)->values);
    case K::BinOp: {
      auto* b = static_cast<ast::BinOp*>(e);
      return visit_expr(b->left) && visit_expr(b->right);
    }
    case K::UnaryOp: return visit_expr(static_cast<ast::UnaryOp*>(e)->operand);
    case K::Lambda: {
      auto* l = static_cast<ast::Lambda*>(e);
      if (!visit_exprs(l->args->defaults) || !visit_exprs(l->args->kw_defaults)) return false;
      enter_block("lambda", BlockType::Function, e, e->lineno);
      if (!visit_arguments(l->args) || !visit_expr(l->body)) return false;
      exit_block();
      return true;
    }
    case K::IfExp: {
      auto* i = static_cast<ast::IfExp*>(e);
      return visit_expr(i->test) && visit_expr(i->body) && visit_expr(i->orelse);
    }
    case K::Dict: {
      auto* d = static_cast<ast::Dict*>(e);
      return visit_exprs(d->keys) && visit_exprs(d->values);
    }
    case K::Set: return visit_exprs(static_cast<ast::Set*>(e)->elts);
    case K::GeneratorExp: {
      auto* g = static_cast<ast::GeneratorExp*>(e);
      return handle_comprehension(e, "genexpr", g->generators, g->elt, nullptr, ComprehensionType::Generator);
    }
    case K::ListComp: {
      auto* g = static_cast<ast::ListComp*>(e);
      return handle_comprehension(e, "listcomp", g->generators, g->elt, nullptr, ComprehensionType::List);
    }
    case K::SetComp: {
      auto* g = static_cast<ast::SetComp*>(e);
      return handle_comprehension(e, "setcomp", g->generators, g->elt, nullptr, ComprehensionType::Set);
    }
    case K::DictComp: {
      auto* g = static_cast<ast::DictComp*>(e);
      return handle_comprehension(e, "dictcomp", g->generators, g->key, g->value, ComprehensionType::Dict);
    }
    case K::Yield:
    case K::YieldFrom: {
      if (!raise_if_annotation_block("yield expression", e)) return false;
      ast::expr* value = e->node_kind == K::Yield ? static_cast<ast::Yield*>(e)->value : static_cast<ast::YieldFrom*>(e)->value;
      if (value && !visit_expr(value)) return false;
      cur()->generator = true;
      if (cur()->comprehension != ComprehensionType::None) return raise_if_comprehension_block(e);
      return true;
    }
    case K::Await: {
      if (!raise_if_annotation_block("await expression", e)) return false;
      if (!visit_expr(static_cast<ast::Await*>(e)->value)) return false;
      cur()->coroutine = true;
      return true;
    }
    case K::Compare: {
      auto* c = static_cast<ast::Compare*>(e);
      return visit_expr(c->left) && visit_exprs(c->comparators);
    }
    case K::Call: {
      auto* c = static_cast<ast::Call*>(e);
      if (!visit_expr(c->func) || !visit_exprs(c->args)) return false;
      for (auto* k : c->keywords)
        if (!visit_expr(k->value)) return false;
      return true;
    }
    case K::FormattedValue: {
      auto* f = static_cast<ast::FormattedValue*>(e);
      if (!visit_expr(f->value)) return false;
      return !f->format_spec || visit_expr(f->format_spec);
    }
    case K::JoinedStr: return visit_exprs(static_cast<ast::JoinedStr*>(e)->values);
    case K::Constant: return true;
    case K::Attribute: return visit_expr(static_cast<ast::Attribute*>(e)->value);
    case K::Subscript: {
      auto* s = static_cast<ast::Subscript*>(e);
      return visit_expr(s->value) && visit_expr(s->slice);
    }
    case K::Starred: return visit_expr(static_cast<ast::Starred*>(e)->value);
    case K::Slice: {
      auto* s = static_cast<ast::Slice*>(e);
      if (s->lower && !visit_expr(s->lower)) return false;
      if (s->upper && !visit_expr(s->upper)) return false;
      return !s->step || visit_expr(s->step);
    }
    case K::Name: {
      auto* n = static_cast<ast::Name*>(e);
      std::string id(n->id.view());
      if (!add_def(id, n->ctx == ast::expr_context::Load ? SymFlag::Use : SymFlag::Local, where(e))) return false;
      // super() counts as a use of __class__.
      if (n->ctx == ast::expr_context::Load && cur()->type == BlockType::Function && id == "super")
        return add_def("__class__", SymFlag::Use, where(e));
      return true;
    }
    case K::List: return visit_exprs(static_cast<ast::List*>(e)->elts);
    case K::Tuple: return visit_exprs(static_cast<ast::Tuple*>(e)->elts);
  }
  return true;
}

bool SymtableBuilder::visit_annotation(ast::expr* annotation) {
  if (future_annotations_) enter_block("_annotation", BlockType::Annotation, annotation, annotation->lineno);
  if (!visit_expr(annotation)) return false;
  if (future_annotations_) exit_block();
  return true;
}

bool SymtableBuilder::visit_arg_annotations(const ast::Seq<ast::arg*>& args) {
  for (auto* a : args)
    if (a->annotation && !visit_expr(a->annotation)) return false;
  return true;
}

bool SymtableBuilder::visit_annotations(ast::stmt* s, ast::arguments* a, ast::expr* returns) {
  if (future_annotations_) enter_block("_annotation", BlockType::Annotation, s, s->lineno);
  if (!visit_arg_annotations(a->posonlyargs) || !visit_arg_annotations(a->args)) return false;
  if (a->vararg && a->vararg->annotation && !visit_expr(a->vararg->annotation)) return false;
  if (a->kwarg && a->kwarg->annotation && !visit_expr(a->kwarg->annotation)) return false;
  if (!visit_arg_annotations(a->kwonlyargs)) return false;
  if (future_annotations_) exit_block();
  return !returns || visit_annotation(returns);
}

bool SymtableBuilder::visit_params(const ast::Seq<ast::arg*>& args) {
  for (auto* a : args)
    if (!add_def(std::string(a->arg.view()), SymFlag::Param, where(a))) return false;
  return true;
}

bool SymtableBuilder::visit_arguments(ast::arguments* a) {
  if (!visit_params(a->posonlyargs) || !visit_params(a->args) || !visit_params(a->kwonlyargs)) return false;
  if (a->vararg) {
    if (!add_def(std::string(a->vararg->arg.view()), SymFlag::Param, where(a->vararg))) return false;
    cur()->varargs = true;
  }
  if (a->kwarg) {
    if (!add_def(std::string(a->kwarg->arg.view()), SymFlag::Param, where(a->kwarg))) return false;
    cur()->varkeywords = true;
  }
  return true;
}

bool SymtableBuilder::visit_alias(ast::alias* a) {
  std::string name(a->name.view());
  std::string store = a->asname ? std::string(a->asname.view()) : name.substr(0, name.find('.'));
  if (name != "*") return add_def(store, SymFlag::Import, where(a));
  if (cur()->type != BlockType::Module) return fail("import * only allowed at module level", where(a));
  return true;
}

bool SymtableBuilder::visit_pattern(ast::pattern* p) {
  using K = ast::pattern::Kind;
  switch (p->node_kind) {
    case K::MatchValue: return visit_expr(static_cast<ast::MatchValue*>(p)->value);
    case K::MatchSingleton: return true;
    case K::MatchSequence:
      for (auto* q : static_cast<ast::MatchSequence*>(p)->patterns)
        if (!visit_pattern(q)) return false;
      return true;
    case K::MatchStar: {
      auto* s = static_cast<ast::MatchStar*>(p);
      return !s->name || add_def(std::string(s->name.view()), SymFlag::Local, where(p));
    }
    case K::MatchMapping: {
      auto* m = static_cast<ast::MatchMapping*>(p);
      if (!visit_exprs(m->keys)) return false;
      for (auto* q : m->patterns)
        if (!visit_pattern(q)) return false;
      return !m->rest || add_def(std::string(m->rest.view()), SymFlag::Local, where(p));
    }
    case K::MatchClass: {
      auto* c = static_cast<ast::MatchClass*>(p);
      if (!visit_expr(c->cls)) return false;
      for (auto* q : c->patterns)
        if (!visit_pattern(q)) return false;
      for (auto* q : c->kwd_patterns)
        if (!visit_pattern(q)) return false;
      return true;
    }
    case K::MatchAs: {
      auto* a = static_cast<ast::MatchAs*>(p);
      if (a->pattern && !visit_pattern(a->pattern)) return false;
      return !a->name || add_def(std::string(a->name.view()), SymFlag::Local, where(p));
    }
    case K::MatchOr:
      for (auto* q : static_cast<ast::MatchOr*>(p)->patterns)
        if (!visit_pattern(q)) return false;
      return true;
  }
  return true;
}

bool SymtableBuilder::visit_comprehension(ast::comprehension* lc) {
  cur()->comp_iter_target = true;
  if (!visit_expr(lc->target)) return false;
  cur()->comp_iter_target = false;
  cur()->comp_iter_expr++;
  if (!visit_expr(lc->iter)) return false;
  cur()->comp_iter_expr--;
  if (!visit_exprs(lc->ifs)) return false;
  if (lc->is_async) cur()->coroutine = true;
  return true;
}

bool SymtableBuilder::handle_comprehension(ast::expr* e, const std::string& scope_name,
                                           const ast::Seq<ast::comprehension*>& gens, ast::expr* elt,
                                           ast::expr* value, ComprehensionType type) {
  bool is_generator = type == ComprehensionType::Generator;
  ast::comprehension* outermost = gens[0];
  // The outermost iterable is evaluated in the enclosing scope.
  cur()->comp_iter_expr++;
  if (!visit_expr(outermost->iter)) return false;
  cur()->comp_iter_expr--;
  enter_block(scope_name, BlockType::Function, e, e->lineno);
  cur()->comprehension = type;
  if (outermost->is_async) cur()->coroutine = true;
  if (!add_def(".0", SymFlag::Param, where(e))) return false;
  cur()->comp_iter_target = true;
  if (!visit_expr(outermost->target)) return false;
  cur()->comp_iter_target = false;
  if (!visit_exprs(outermost->ifs)) return false;
  for (size_t i = 1; i < gens.size(); ++i)
    if (!visit_comprehension(gens[i])) return false;
  if (value && !visit_expr(value)) return false;
  if (!visit_expr(elt)) return false;
  cur()->generator = is_generator;
  bool is_async = cur()->coroutine && !is_generator;
  exit_block();
  if (is_async) cur()->coroutine = true;
  return true;
}

// ---- analysis ----------------------------------------------------------------------------

bool SymtableBuilder::analyze_name(SymtableEntry* ste, std::map<std::string, Scope>& scopes, const std::string& name,
                                   int flags, NameSet* bound, NameSet& local, NameSet& free, NameSet& global) {
  if (flags & SymFlag::Global) {
    if (flags & SymFlag::Nonlocal) return error_at_directive(ste, name, fmt("name '%U' is nonlocal and global", name));
    scopes[name] = Scope::GlobalExplicit;
    global.insert(name);
    if (bound) bound->erase(name);
    return true;
  }
  if (flags & SymFlag::Nonlocal) {
    if (!bound) return error_at_directive(ste, name, "nonlocal declaration not allowed at module level");
    if (!bound->count(name)) return error_at_directive(ste, name, fmt("no binding for nonlocal '%U' found", name));
    scopes[name] = Scope::Free;
    ste->free = true;
    free.insert(name);
    return true;
  }
  if (flags & SymFlag::Bound) {
    scopes[name] = Scope::Local;
    local.insert(name);
    global.erase(name);
    return true;
  }
  if (bound && bound->count(name)) {
    scopes[name] = Scope::Free;
    ste->free = true;
    free.insert(name);
  } else if (global.count(name)) {
    scopes[name] = Scope::GlobalImplicit;
  } else {
    if (ste->nested) ste->free = true;
    scopes[name] = Scope::GlobalImplicit;
  }
  return true;
}

bool SymtableBuilder::analyze_block(SymtableEntry* ste, NameSet* bound, NameSet& free, NameSet& global) {
  NameSet local, newglobal, newfree, newbound;
  std::map<std::string, Scope> scopes;
  if (ste->type == BlockType::Class) {
    newglobal.insert(global.begin(), global.end());
    if (bound) newbound.insert(bound->begin(), bound->end());
  }
  for (auto& [name, sym] : ste->symbols)
    if (!analyze_name(ste, scopes, name, sym.flags, bound, local, free, global)) return false;
  if (ste->type != BlockType::Class) {
    if (ste->type == BlockType::Function) newbound.insert(local.begin(), local.end());
    if (bound) newbound.insert(bound->begin(), bound->end());
    newglobal.insert(global.begin(), global.end());
  } else {
    newbound.insert("__class__");
  }
  NameSet allfree;
  for (SymtableEntry* child : ste->children) {
    NameSet temp_bound = newbound, temp_free = newfree, temp_global = newglobal;
    if (!analyze_block(child, &temp_bound, temp_free, temp_global)) return false;
    allfree.insert(temp_free.begin(), temp_free.end());
    if (child->free || child->child_free) ste->child_free = true;
  }
  newfree.insert(allfree.begin(), allfree.end());
  if (ste->type == BlockType::Function) {
    for (auto& [name, scope] : scopes) {
      if (scope != Scope::Local || !newfree.count(name)) continue;
      scope = Scope::Cell;
      newfree.erase(name);
    }
  } else if (ste->type == BlockType::Class) {
    if (newfree.erase("__class__")) ste->needs_class_closure = true;
  }
  // update_symbols
  for (auto& [name, sym] : ste->symbols) sym.scope = scopes[name];
  for (const auto& name : newfree) {
    auto it = ste->symbols.find(name);
    if (it != ste->symbols.end()) {
      if (ste->type == BlockType::Class && (it->second.flags & (SymFlag::Bound | SymFlag::Global)))
        it->second.flags |= SymFlag::FreeClass;
      continue;
    }
    if (bound && !bound->count(name)) continue;
    ste->symbols[name] = Symbol{0, Scope::Free};
  }
  free.insert(newfree.begin(), newfree.end());
  return true;
}

bool Symtable::build(ast::mod* module, bool future_annotations, SyntaxErrorInfo& error) {
  SymtableBuilder builder(*this, future_annotations, error);
  return builder.run(module);
}

SymtableEntry* Symtable::lookup(const void* key) const {
  auto it = by_key_.find(key);
  return it == by_key_.end() ? nullptr : it->second;
}

}  // namespace krait::compile
