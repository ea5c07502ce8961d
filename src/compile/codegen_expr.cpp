// Expressions: operators, displays, calls, f-strings, subscripts, conditional jumps.
#include <algorithm>

#include "compile/codegen.h"
#include "compile/constants.h"

namespace krait::compile {

using namespace bytecode;

int binary_op_arg(ast::operator_ op, bool inplace);

namespace {

constexpr size_t kStackUseGuideline = 30;

std::string str(ast::Identifier id) { return std::string(id.view()); }

bool all_const(const ast::Seq<ast::expr*>& seq, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i)
    if (!seq[i] || !seq[i]->is<ast::Constant>()) return false;
  return true;
}

ConstRef const_of(ast::expr* e) { return constant_from_ast(static_cast<ast::Constant*>(e)->value); }

// Length in code points of a UTF-8 string (CPython measures attribute names in characters).
int utf8_length(std::string_view s) {
  int n = 0;
  for (unsigned char ch : s)
    if ((ch & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace

void Codegen::visit_expr(ast::expr* e) {
  Location saved = u().loc;
  set_loc(e);
  visit_expr1(e);
  u().loc = saved;
}

void Codegen::update_start_location_to_match_attr(ast::Attribute* attr) {
  Location& loc = u().loc;
  if (loc.lineno != attr->end_lineno) {
    loc.lineno = attr->end_lineno;
    int len = utf8_length(attr->attr.view());
    if (len <= attr->end_col_offset) {
      loc.col_offset = attr->end_col_offset - len;
    } else {
      loc.col_offset = -1;
      loc.end_col_offset = -1;
    }
    loc.end_lineno = std::max(loc.lineno, loc.end_lineno);
    if (loc.lineno == loc.end_lineno) loc.end_col_offset = std::max(loc.col_offset, loc.end_col_offset);
  }
}

void Codegen::visit_expr1(ast::expr* e) {
  using K = ast::expr::Kind;
  switch (e->node_kind) {
    case K::NamedExpr: {
      auto* n = static_cast<ast::NamedExpr*>(e);
      visit_expr(n->value);
      addop(COPY, 1);
      visit_expr(n->target);
      return;
    }
    case K::BoolOp: return boolop(static_cast<ast::BoolOp*>(e));
    case K::BinOp: {
      auto* b = static_cast<ast::BinOp*>(e);
      visit_expr(b->left);
      visit_expr(b->right);
      addop(BINARY_OP, binary_op_arg(b->op, false));
      return;
    }
    case K::UnaryOp: {
      auto* un = static_cast<ast::UnaryOp*>(e);
      visit_expr(un->operand);
      switch (un->op) {
        case ast::unaryop::Invert: addop(UNARY_INVERT); break;
        case ast::unaryop::Not: addop(UNARY_NOT); break;
        case ast::unaryop::UAdd: addop(UNARY_POSITIVE); break;
        case ast::unaryop::USub: addop(UNARY_NEGATIVE); break;
      }
      return;
    }
    case K::Lambda: return lambda(static_cast<ast::Lambda*>(e));
    case K::IfExp: return ifexp(static_cast<ast::IfExp*>(e));
    case K::Dict: return dict(static_cast<ast::Dict*>(e));
    case K::Set: return starunpack_helper(static_cast<ast::Set*>(e)->elts, 0, BUILD_SET, SET_ADD, SET_UPDATE, false);
    case K::GeneratorExp: {
      auto* g = static_cast<ast::GeneratorExp*>(e);
      return comprehension(e, 0, "<genexpr>", g->generators, g->elt, nullptr);
    }
    case K::ListComp: {
      auto* g = static_cast<ast::ListComp*>(e);
      return comprehension(e, 1, "<listcomp>", g->generators, g->elt, nullptr);
    }
    case K::SetComp: {
      auto* g = static_cast<ast::SetComp*>(e);
      return comprehension(e, 3, "<setcomp>", g->generators, g->elt, nullptr);
    }
    case K::DictComp: {
      auto* g = static_cast<ast::DictComp*>(e);
      return comprehension(e, 2, "<dictcomp>", g->generators, g->key, g->value);
    }
    case K::Yield: {
      auto* y = static_cast<ast::Yield*>(e);
      if (u().ste->type != BlockType::Function) error("'yield' outside function");
      if (y->value) visit_expr(y->value);
      else load_const(Constant::none());
      addop_yield();
      return;
    }
    case K::YieldFrom: {
      auto* y = static_cast<ast::YieldFrom*>(e);
      if (u().ste->type != BlockType::Function) error("'yield' outside function");
      if (u().scope == ScopeType::AsyncFunction) error("'yield from' inside async function");
      visit_expr(y->value);
      addop(GET_YIELD_FROM_ITER);
      load_const(Constant::none());
      add_yield_from(false);
      return;
    }
    case K::Await: {
      bool top_level = opt_.top_level_await && u().ste->type == BlockType::Module;
      if (!top_level) {
        if (u().ste->type != BlockType::Function) error("'await' outside function");
        if (u().scope != ScopeType::AsyncFunction && u().scope != ScopeType::Comprehension)
          error("'await' outside async function");
      }
      visit_expr(static_cast<ast::Await*>(e)->value);
      addop(GET_AWAITABLE, 0);
      load_const(Constant::none());
      add_yield_from(true);
      return;
    }
    case K::Compare: return compare(static_cast<ast::Compare*>(e));
    case K::Call: return call(static_cast<ast::Call*>(e));
    case K::Constant: load_const(const_of(e)); return;
    case K::JoinedStr: return joined_str(static_cast<ast::JoinedStr*>(e));
    case K::FormattedValue: return formatted_value(static_cast<ast::FormattedValue*>(e));
    case K::Attribute: {
      auto* a = static_cast<ast::Attribute*>(e);
      visit_expr(a->value);
      update_start_location_to_match_attr(a);
      switch (a->ctx) {
        case ast::expr_context::Load: addop_name(LOAD_ATTR, str(a->attr)); break;
        case ast::expr_context::Store:
          forbidden_name(str(a->attr), a->ctx);
          addop_name(STORE_ATTR, str(a->attr));
          break;
        case ast::expr_context::Del: addop_name(DELETE_ATTR, str(a->attr)); break;
      }
      return;
    }
    case K::Subscript: return subscript(static_cast<ast::Subscript*>(e));
    case K::Starred:
      if (static_cast<ast::Starred*>(e)->ctx == ast::expr_context::Store)
        error("starred assignment target must be in a list or tuple");
      error("can't use starred expression here");
    case K::Slice: {
      int n = slice(static_cast<ast::Slice*>(e));
      addop(BUILD_SLICE, n);
      return;
    }
    case K::Name: {
      auto* n = static_cast<ast::Name*>(e);
      return nameop(str(n->id), n->ctx);
    }
    case K::List: {
      auto* l = static_cast<ast::List*>(e);
      return list_or_tuple(e, l->elts, l->ctx, false);
    }
    case K::Tuple: {
      auto* t = static_cast<ast::Tuple*>(e);
      return list_or_tuple(e, t->elts, t->ctx, true);
    }
  }
}

void Codegen::list_or_tuple(ast::expr* e, const ast::Seq<ast::expr*>& elts, ast::expr_context ctx, bool tuple) {
  if (ctx == ast::expr_context::Store) return assignment_helper(elts);
  if (ctx == ast::expr_context::Load) return starunpack_helper(elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, tuple);
  visit_exprs(elts);
}

void Codegen::boolop(ast::BoolOp* e) {
  int jumpi = e->op == ast::boolop::And ? JUMP_IF_FALSE_OR_POP : JUMP_IF_TRUE_OR_POP;
  BasicBlock* end = new_block();
  size_t n = e->values.size() - 1;
  for (size_t i = 0; i < n; ++i) {
    visit_expr(e->values[i]);
    addop_j(jumpi, end);
    next_block();
  }
  visit_expr(e->values[n]);
  use_next_block(end);
}

void Codegen::ifexp(ast::IfExp* e) {
  BasicBlock* end = new_block();
  BasicBlock* next = new_block();
  jump_if(e->test, next, false);
  visit_expr(e->body);
  addop_j_noline(JUMP, end);
  use_next_block(next);
  visit_expr(e->orelse);
  use_next_block(end);
}

void Codegen::jump_if(ast::expr* e, BasicBlock* next, bool cond) {
  switch (e->node_kind) {
    case ast::expr::Kind::UnaryOp: {
      auto* un = static_cast<ast::UnaryOp*>(e);
      if (un->op == ast::unaryop::Not) return jump_if(un->operand, next, !cond);
      break;
    }
    case ast::expr::Kind::BoolOp: {
      auto* b = static_cast<ast::BoolOp*>(e);
      size_t n = b->values.size() - 1;
      bool cond2 = b->op == ast::boolop::Or;
      BasicBlock* next2 = next;
      if (cond2 != cond) next2 = new_block();
      for (size_t i = 0; i < n; ++i) jump_if(b->values[i], next2, cond2);
      jump_if(b->values[n], next, cond);
      if (next2 != next) use_next_block(next2);
      return;
    }
    case ast::expr::Kind::IfExp: {
      auto* ie = static_cast<ast::IfExp*>(e);
      BasicBlock* end = new_block();
      BasicBlock* next2 = new_block();
      jump_if(ie->test, next2, false);
      jump_if(ie->body, next, cond);
      addop_j_noline(JUMP, end);
      use_next_block(next2);
      jump_if(ie->orelse, next, cond);
      use_next_block(end);
      return;
    }
    case ast::expr::Kind::Compare: {
      auto* c = static_cast<ast::Compare*>(e);
      // The comparison's instructions and its jump take the comparison's location (not
      // restored: the caller's next instructions set their own).
      set_loc(e);
      size_t n = c->ops.size() - 1;
      if (n > 0) {
        check_compare(c);
        BasicBlock* cleanup = new_block();
        visit_expr(c->left);
        for (size_t i = 0; i < n; ++i) {
          visit_expr(c->comparators[i]);
          addop(SWAP, 2);
          addop(COPY, 2);
          addcompare(c->ops[i]);
          addop_j(POP_JUMP_IF_FALSE, cleanup);
          next_block();
        }
        visit_expr(c->comparators[n]);
        addcompare(c->ops[n]);
        addop_j(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
        next_block();
        BasicBlock* end = new_block();
        addop_j_noline(JUMP, end);
        use_next_block(cleanup);
        addop(POP_TOP);
        if (!cond) addop_j_noline(JUMP, next);
        use_next_block(end);
        return;
      }
      break;
    }
    default:
      break;
  }
  visit_expr(e);
  addop_j(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
  next_block();
}

void Codegen::addcompare(ast::cmpop op) {
  using C = ast::cmpop;
  switch (op) {
    case C::Lt: addop(COMPARE_OP, 0); return;
    case C::LtE: addop(COMPARE_OP, 1); return;
    case C::Eq: addop(COMPARE_OP, 2); return;
    case C::NotEq: addop(COMPARE_OP, 3); return;
    case C::Gt: addop(COMPARE_OP, 4); return;
    case C::GtE: addop(COMPARE_OP, 5); return;
    case C::Is: addop(IS_OP, 0); return;
    case C::IsNot: addop(IS_OP, 1); return;
    case C::In: addop(CONTAINS_OP, 0); return;
    case C::NotIn: addop(CONTAINS_OP, 1); return;
  }
}

void Codegen::compare(ast::Compare* e) {
  check_compare(e);
  visit_expr(e->left);
  size_t n = e->ops.size() - 1;
  if (n == 0) {
    visit_expr(e->comparators[0]);
    addcompare(e->ops[0]);
    return;
  }
  BasicBlock* cleanup = new_block();
  for (size_t i = 0; i < n; ++i) {
    visit_expr(e->comparators[i]);
    addop(SWAP, 2);
    addop(COPY, 2);
    addcompare(e->ops[i]);
    addop_j(JUMP_IF_FALSE_OR_POP, cleanup);
    next_block();
  }
  visit_expr(e->comparators[n]);
  addcompare(e->ops[n]);
  BasicBlock* end = new_block();
  addop_j_noline(JUMP, end);
  use_next_block(cleanup);
  addop(SWAP, 2);
  addop(POP_TOP);
  use_next_block(end);
}

// ---- displays ------------------------------------------------------------------------------

void Codegen::starunpack_helper(const ast::Seq<ast::expr*>& elts, int pushed, int build, int add, int extend,
                                bool tuple) {
  size_t n = elts.size();
  if (n > 2 && all_const(elts, 0, n)) {
    std::vector<ConstRef> items;
    std::vector<std::string> seen;
    for (auto* elt : elts) {
      ConstRef item = const_of(elt);
      if (add == SET_ADD) {
        // A frozenset keeps the first of equal items.
        std::string key = set_equality_key(*item);
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
        seen.push_back(key);
      }
      items.push_back(item);
    }
    if (tuple && !pushed) {
      load_const(Constant::tuple(std::move(items)));
    } else {
      ConstRef folded = add == SET_ADD ? Constant::frozenset(std::move(items)) : Constant::tuple(std::move(items));
      addop(build, pushed);
      load_const(folded);
      addop(extend, 1);
      if (tuple) addop(LIST_TO_TUPLE);
    }
    return;
  }
  bool big = n + pushed > kStackUseGuideline;
  bool seen_star = false;
  for (auto* elt : elts)
    if (elt->is<ast::Starred>()) seen_star = true;
  if (!seen_star && !big) {
    for (auto* elt : elts) visit_expr(elt);
    addop(tuple ? BUILD_TUPLE : build, int(n) + pushed);
    return;
  }
  bool sequence_built = false;
  if (big) {
    addop(build, pushed);
    sequence_built = true;
  }
  for (size_t i = 0; i < n; ++i) {
    ast::expr* elt = elts[i];
    if (auto* st = elt->as<ast::Starred>()) {
      if (!sequence_built) {
        addop(build, int(i) + pushed);
        sequence_built = true;
      }
      visit_expr(st->value);
      addop(extend, 1);
    } else {
      visit_expr(elt);
      if (sequence_built) addop(add, 1);
    }
  }
  if (tuple) addop(LIST_TO_TUPLE);
}

void Codegen::unpack_helper(const ast::Seq<ast::expr*>& elts) {
  size_t n = elts.size();
  bool seen_star = false;
  for (size_t i = 0; i < n; ++i) {
    if (!elts[i]->is<ast::Starred>()) continue;
    if (seen_star) error("multiple starred expressions in assignment");
    if (i >= (1u << 8) || n - i - 1 >= (INT32_MAX >> 8)) error("too many expressions in star-unpacking assignment");
    addop(UNPACK_EX, int(i + ((n - i - 1) << 8)));
    seen_star = true;
  }
  if (!seen_star) addop(UNPACK_SEQUENCE, int(n));
}

void Codegen::assignment_helper(const ast::Seq<ast::expr*>& elts) {
  unpack_helper(elts);
  for (auto* elt : elts) {
    auto* st = elt->as<ast::Starred>();
    visit_expr(st ? st->value : elt);
  }
}

void Codegen::subdict(ast::Dict* e, size_t begin, size_t end) {
  size_t n = end - begin;
  bool big = n * 2 > kStackUseGuideline;
  if (n > 1 && !big && all_const(e->keys, begin, end)) {
    for (size_t i = begin; i < end; ++i) visit_expr(e->values[i]);
    std::vector<ConstRef> keys;
    for (size_t i = begin; i < end; ++i) keys.push_back(const_of(e->keys[i]));
    load_const(Constant::tuple(std::move(keys)));
    addop(BUILD_CONST_KEY_MAP, int(n));
    return;
  }
  if (big) addop(BUILD_MAP, 0);
  for (size_t i = begin; i < end; ++i) {
    visit_expr(e->keys[i]);
    visit_expr(e->values[i]);
    if (big) addop(MAP_ADD, 1);
  }
  if (!big) addop(BUILD_MAP, int(n));
}

void Codegen::dict(ast::Dict* e) {
  size_t n = e->values.size();
  bool have_dict = false;
  size_t elements = 0;
  for (size_t i = 0; i < n; ++i) {
    bool is_unpacking = e->keys[i] == nullptr;
    if (is_unpacking) {
      if (elements) {
        subdict(e, i - elements, i);
        if (have_dict) addop(DICT_UPDATE, 1);
        have_dict = true;
        elements = 0;
      }
      if (!have_dict) {
        addop(BUILD_MAP, 0);
        have_dict = true;
      }
      visit_expr(e->values[i]);
      addop(DICT_UPDATE, 1);
    } else {
      if (elements * 2 > kStackUseGuideline) {
        subdict(e, i - elements, i + 1);
        if (have_dict) addop(DICT_UPDATE, 1);
        have_dict = true;
        elements = 0;
      } else {
        elements++;
      }
    }
  }
  if (elements) {
    subdict(e, n - elements, n);
    if (have_dict) addop(DICT_UPDATE, 1);
    have_dict = true;
  }
  if (!have_dict) addop(BUILD_MAP, 0);
}

void Codegen::joined_str(ast::JoinedStr* e) {
  size_t n = e->values.size();
  if (n > kStackUseGuideline) {
    load_const(Constant::str(""));
    addop_name_raw(LOAD_METHOD, "join");
    addop(BUILD_LIST, 0);
    for (auto* v : e->values) {
      visit_expr(v);
      addop(LIST_APPEND, 1);
    }
    addop(PRECALL, 1);
    addop(CALL, 1);
  } else {
    visit_exprs(e->values);
    if (n != 1) addop(BUILD_STRING, int(n));
  }
}

void Codegen::formatted_value(ast::FormattedValue* e) {
  visit_expr(e->value);
  int oparg = 0;
  switch (e->conversion) {
    case 's': oparg = 1; break;
    case 'r': oparg = 2; break;
    case 'a': oparg = 3; break;
    case -1: oparg = 0; break;
    default: error("Unrecognized conversion character");
  }
  if (e->format_spec) {
    visit_expr(e->format_spec);
    oparg |= 4;
  }
  addop(FORMAT_VALUE, oparg);
}

void Codegen::subscript(ast::Subscript* e) {
  int op = e->ctx == ast::expr_context::Load ? BINARY_SUBSCR
         : e->ctx == ast::expr_context::Store ? STORE_SUBSCR : DELETE_SUBSCR;
  if (e->ctx == ast::expr_context::Load) {
    check_subscripter(e->value);
    check_index(e->value, e->slice);
  }
  visit_expr(e->value);
  visit_expr(e->slice);
  addop(op);
}

int Codegen::slice(ast::Slice* s) {
  int n = 2;
  if (s->lower) visit_expr(s->lower);
  else load_const(Constant::none());
  if (s->upper) visit_expr(s->upper);
  else load_const(Constant::none());
  if (s->step) {
    n++;
    visit_expr(s->step);
  }
  return n;
}

// ---- calls ---------------------------------------------------------------------------------

void Codegen::validate_keywords(const ast::Seq<ast::keyword*>& keywords) {
  for (size_t i = 0; i < keywords.size(); ++i) {
    ast::keyword* key = keywords[i];
    if (!key->arg) continue;
    forbidden_name(str(key->arg), ast::expr_context::Store);
    for (size_t j = i + 1; j < keywords.size(); ++j) {
      ast::keyword* other = keywords[j];
      if (other->arg && other->arg.view() == key->arg.view()) {
        set_loc(other);
        error("keyword argument repeated: " + str(key->arg));
      }
    }
  }
}

void Codegen::call_simple_kw_helper(const ast::Seq<ast::keyword*>& keywords) {
  std::vector<ConstRef> names;
  for (auto* kw : keywords) names.push_back(Constant::str(str(kw->arg)));
  addop(KW_NAMES, add_const(Constant::tuple(std::move(names))));
}

void Codegen::subkwargs(const ast::Seq<ast::keyword*>& keywords, size_t begin, size_t end) {
  size_t n = end - begin;
  bool big = n * 2 > kStackUseGuideline;
  if (n > 1 && !big) {
    for (size_t i = begin; i < end; ++i) visit_expr(keywords[i]->value);
    std::vector<ConstRef> keys;
    for (size_t i = begin; i < end; ++i) keys.push_back(Constant::str(str(keywords[i]->arg)));
    load_const(Constant::tuple(std::move(keys)));
    addop(BUILD_CONST_KEY_MAP, int(n));
    return;
  }
  if (big) addop_noline(BUILD_MAP, 0);
  for (size_t i = begin; i < end; ++i) {
    load_const(Constant::str(str(keywords[i]->arg)));
    visit_expr(keywords[i]->value);
    if (big) addop_noline(MAP_ADD, 1);
  }
  if (!big) addop(BUILD_MAP, int(n));
}

void Codegen::call_helper(int n, const ast::Seq<ast::expr*>& args, const ast::Seq<ast::keyword*>& keywords) {
  validate_keywords(keywords);
  size_t nelts = args.size();
  size_t nkwelts = keywords.size();
  bool ex_call = nelts + nkwelts * 2 > kStackUseGuideline;
  for (auto* a : args)
    if (a->is<ast::Starred>()) ex_call = true;
  for (auto* k : keywords)
    if (!k->arg) ex_call = true;
  if (!ex_call) {
    for (auto* a : args) visit_expr(a);
    if (nkwelts) {
      for (auto* k : keywords) visit_expr(k->value);
      call_simple_kw_helper(keywords);
    }
    addop(PRECALL, n + int(nelts + nkwelts));
    addop(CALL, n + int(nelts + nkwelts));
    return;
  }
  if (n == 0 && nelts == 1 && args[0]->is<ast::Starred>()) {
    visit_expr(static_cast<ast::Starred*>(args[0])->value);
  } else {
    starunpack_helper(args, n, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true);
  }
  if (nkwelts) {
    bool have_dict = false;
    size_t nseen = 0;
    for (size_t i = 0; i < nkwelts; ++i) {
      ast::keyword* kw = keywords[i];
      if (!kw->arg) {
        if (nseen) {
          subkwargs(keywords, i - nseen, i);
          if (have_dict) addop(DICT_MERGE, 1);
          have_dict = true;
          nseen = 0;
        }
        if (!have_dict) {
          addop(BUILD_MAP, 0);
          have_dict = true;
        }
        visit_expr(kw->value);
        addop(DICT_MERGE, 1);
      } else {
        nseen++;
      }
    }
    if (nseen) {
      subkwargs(keywords, nkwelts - nseen, nkwelts);
      if (have_dict) addop(DICT_MERGE, 1);
    }
  }
  addop(CALL_FUNCTION_EX, nkwelts > 0);
}

bool Codegen::maybe_optimize_method_call(ast::Call* e) {
  auto* meth = e->func->as<ast::Attribute>();
  if (!meth || meth->ctx != ast::expr_context::Load) return false;
  if (is_import_originated(meth->value)) return false;
  size_t argsl = e->args.size();
  size_t kwdsl = e->keywords.size();
  if (argsl + kwdsl + (kwdsl != 0) >= kStackUseGuideline) return false;
  for (auto* a : e->args)
    if (a->is<ast::Starred>()) return false;
  for (auto* k : e->keywords)
    if (!k->arg) return false;
  validate_keywords(e->keywords);
  visit_expr(meth->value);
  // LOAD_METHOD spans the attribute, the call instructions the call; both start at the
  // attribute's name when it is on another line.
  set_loc(meth);
  update_start_location_to_match_attr(meth);
  addop_name(LOAD_METHOD, str(meth->attr));
  visit_exprs(e->args);
  if (kwdsl) {
    for (auto* k : e->keywords) visit_expr(k->value);
    call_simple_kw_helper(e->keywords);
  }
  set_loc(e);
  update_start_location_to_match_attr(meth);
  addop(PRECALL, int(argsl + kwdsl));
  addop(CALL, int(argsl + kwdsl));
  return true;
}

void Codegen::call(ast::Call* e) {
  if (maybe_optimize_method_call(e)) return;
  check_caller(e->func);
  set_loc(e->func);
  addop(PUSH_NULL);
  set_loc(e);
  visit_expr(e->func);
  call_helper(0, e->args, e->keywords);
}

}  // namespace krait::compile

