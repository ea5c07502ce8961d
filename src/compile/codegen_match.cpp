// match statements (PEP 634), as CPython 3.11 compiles them.
//
// The subject stays on the stack while each case's pattern is tried. A pattern that fails
// jumps to a "fail_pop" block that pops what it had pushed: fail_pop[n] pops n items and falls
// into fail_pop[n-1], so one chain serves every failure point of a case. Captured values stay
// on the stack (under anything still needed) until the whole pattern matched, then are stored.
#include <cmath>

#include "bytecode/code_dump.h"
#include "compile/codegen.h"
#include "compile/constants.h"

namespace krait::compile {

using namespace bytecode;

namespace {

std::string str(ast::Identifier id) { return std::string(id.view()); }

bool wildcard(ast::pattern* p) {
  auto* as = p->as<ast::MatchAs>();
  return as && !as->pattern && !as->name;
}

bool wildcard_star(ast::pattern* p) {
  auto* st = p->as<ast::MatchStar>();
  return st && !st->name;
}

}  // namespace

std::string set_equality_key(const Constant& c) {
  using K = Constant::Kind;
  switch (c.kind) {
    case K::False: return "n0";
    case K::True: return "n1";
    case K::Int: return "n" + c.int_value.get_str();
    case K::Float:
      if (std::isfinite(c.real) && c.real == std::trunc(c.real) && std::abs(c.real) < 9e15)
        return "n" + std::to_string(int64_t(c.real));
      return "f" + constant_repr(c);
    case K::Complex:
      if (c.imag == 0) return set_equality_key(*Constant::floating(c.real));
      return "c" + constant_repr(c);
    default: return constant_repr(c);
  }
}

// The state of one case's pattern (CPython's pattern_context).
struct PatternContext {
  std::vector<std::string> stores;      // names captured so far, in stack order
  bool allow_irrefutable = false;
  std::vector<BasicBlock*> fail_pop;
  int on_top = 0;                       // items on the stack above the captures
};

void Codegen::pattern_rotate(int count) {
  while (1 < count) addop(SWAP, count--);
}

void Codegen::pattern_store_name(ast::Identifier name, PatternContext& pc) {
  if (!name) {
    addop(POP_TOP);
    return;
  }
  std::string n = str(name);
  forbidden_name(n, ast::expr_context::Store);
  for (const auto& s : pc.stores)
    if (s == n) error("multiple assignments to name '" + n + "' in pattern");
  pattern_rotate(pc.on_top + int(pc.stores.size()) + 1);
  pc.stores.push_back(n);
}

void Codegen::ensure_fail_pop(PatternContext& pc, size_t n) {
  while (pc.fail_pop.size() < n + 1) pc.fail_pop.push_back(new_block());
}

void Codegen::jump_to_fail_pop(PatternContext& pc, int op) {
  size_t pops = pc.on_top + pc.stores.size();
  ensure_fail_pop(pc, pops);
  addop_j(op, pc.fail_pop[pops]);
  next_block();
}

void Codegen::emit_and_reset_fail_pop(PatternContext& pc) {
  if (pc.fail_pop.empty()) {
    next_block();
    return;
  }
  for (size_t i = pc.fail_pop.size() - 1; i > 0; --i) {
    use_next_block(pc.fail_pop[i]);
    addop(POP_TOP);
  }
  use_next_block(pc.fail_pop[0]);
  pc.fail_pop.clear();
}

void Codegen::pattern_subpattern(ast::pattern* p, PatternContext& pc) {
  bool allow = pc.allow_irrefutable;
  pc.allow_irrefutable = true;
  pattern(p, pc);
  pc.allow_irrefutable = allow;
}

void Codegen::pattern_unpack_helper(const ast::Seq<ast::pattern*>& elts) {
  size_t n = elts.size();
  bool seen_star = false;
  for (size_t i = 0; i < n; ++i) {
    if (!elts[i]->is<ast::MatchStar>()) continue;
    if (seen_star) error("multiple starred expressions in sequence pattern");
    if (i >= (1u << 8) || n - i - 1 >= (INT32_MAX >> 8))
      error("too many expressions in star-unpacking sequence pattern");
    addop(UNPACK_EX, int(i + ((n - i - 1) << 8)));
    seen_star = true;
  }
  if (!seen_star) addop(UNPACK_SEQUENCE, int(n));
}

void Codegen::pattern(ast::pattern* p, PatternContext& pc) {
  using K = ast::pattern::Kind;
  set_loc(p);
  switch (p->node_kind) {
    case K::MatchValue: {
      ast::expr* value = static_cast<ast::MatchValue*>(p)->value;
      if (!value->is<ast::Constant>() && !value->is<ast::Attribute>())
        error("patterns may only match literals and attribute lookups");
      visit_expr(value);
      addcompare(ast::cmpop::Eq);
      jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
      return;
    }
    case K::MatchSingleton:
      load_const(constant_from_ast(static_cast<ast::MatchSingleton*>(p)->value));
      addcompare(ast::cmpop::Is);
      jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
      return;
    case K::MatchSequence: return pattern_sequence(static_cast<ast::MatchSequence*>(p), pc);
    case K::MatchMapping: return pattern_mapping(static_cast<ast::MatchMapping*>(p), pc);
    case K::MatchClass: return pattern_class(static_cast<ast::MatchClass*>(p), pc);
    case K::MatchStar: return pattern_store_name(static_cast<ast::MatchStar*>(p)->name, pc);
    case K::MatchAs: {
      auto* as = static_cast<ast::MatchAs*>(p);
      if (!as->pattern) {
        if (!pc.allow_irrefutable) {
          if (as->name) error("name capture '" + str(as->name) + "' makes remaining patterns unreachable");
          error("wildcard makes remaining patterns unreachable");
        }
        return pattern_store_name(as->name, pc);
      }
      pc.on_top++;
      addop(COPY, 1);
      pattern(as->pattern, pc);
      pc.on_top--;
      pattern_store_name(as->name, pc);
      return;
    }
    case K::MatchOr: return pattern_or(static_cast<ast::MatchOr*>(p), pc);
  }
}

void Codegen::pattern_sequence(ast::MatchSequence* p, PatternContext& pc) {
  const auto& patterns = p->patterns;
  size_t size = patterns.size();
  long star = -1;
  bool only_wildcard = true;
  bool star_wildcard = false;
  for (size_t i = 0; i < size; ++i) {
    ast::pattern* q = patterns[i];
    if (q->is<ast::MatchStar>()) {
      if (star >= 0) error("multiple starred names in sequence pattern");
      star_wildcard = wildcard_star(q);
      only_wildcard &= star_wildcard;
      star = long(i);
      continue;
    }
    only_wildcard &= wildcard(q);
  }
  pc.on_top++;
  addop(MATCH_SEQUENCE);
  jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
  if (star < 0) {
    addop(GET_LEN);
    load_const(Constant::integer(long(size)));
    addcompare(ast::cmpop::Eq);
    jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
  } else if (size - 1) {
    addop(GET_LEN);
    load_const(Constant::integer(long(size - 1)));
    addcompare(ast::cmpop::GtE);
    jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
  }
  pc.on_top--;
  if (only_wildcard) {
    addop(POP_TOP);
  } else if (star_wildcard) {
    // Index the subject instead of unpacking it: [first, *_, last].
    pc.on_top++;
    for (size_t i = 0; i < size; ++i) {
      ast::pattern* q = patterns[i];
      if (wildcard(q) || long(i) == star) continue;
      addop(COPY, 1);
      if (long(i) < star) {
        load_const(Constant::integer(long(i)));
      } else {
        addop(GET_LEN);
        load_const(Constant::integer(long(size - i)));
        addop(BINARY_OP, 10);  // NB_SUBTRACT
      }
      addop(BINARY_SUBSCR);
      pattern_subpattern(q, pc);
    }
    pc.on_top--;
    addop(POP_TOP);
  } else {
    pattern_unpack_helper(patterns);
    pc.on_top += int(size);
    for (size_t i = 0; i < size; ++i) {
      pc.on_top--;
      pattern_subpattern(patterns[i], pc);
    }
  }
}

void Codegen::pattern_mapping(ast::MatchMapping* p, PatternContext& pc) {
  const auto& keys = p->keys;
  const auto& patterns = p->patterns;
  size_t size = keys.size();
  if (size != patterns.size()) error("keys / patterns length mismatch in mapping pattern");
  pc.on_top++;
  addop(MATCH_MAPPING);
  jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
  if (!size && !p->rest) {
    pc.on_top--;
    addop(POP_TOP);
    return;
  }
  if (size) {
    addop(GET_LEN);
    load_const(Constant::integer(long(size)));
    addcompare(ast::cmpop::GtE);
    jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
  }
  std::vector<std::string> seen;
  for (size_t i = 0; i < size; ++i) {
    ast::expr* key = keys[i];
    if (!key) {
      set_loc(patterns[i]);
      error("can't use NULL keys in MatchMapping (set 'rest' parameter instead)");
    }
    if (auto* c = key->as<ast::Constant>()) {
      ConstRef value = constant_from_ast(c->value);
      std::string k = set_equality_key(*value);
      for (const auto& s : seen)
        if (s == k) error("mapping pattern checks duplicate key (" + constant_repr(*value) + ")");
      seen.push_back(k);
    } else if (!key->is<ast::Attribute>()) {
      error("mapping pattern keys may only match literals and attribute lookups");
    }
    visit_expr(key);
  }
  addop(BUILD_TUPLE, int(size));
  addop(MATCH_KEYS);
  pc.on_top += 2;
  addop(COPY, 1);
  load_const(Constant::none());
  addop(IS_OP, 1);
  jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
  addop(UNPACK_SEQUENCE, int(size));
  pc.on_top += int(size) - 1;
  for (size_t i = 0; i < size; ++i) {
    pc.on_top--;
    pattern_subpattern(patterns[i], pc);
  }
  pc.on_top -= 2;
  if (p->rest) {
    // rest = dict(subject); del rest[key] for each key
    addop(BUILD_MAP, 0);
    addop(SWAP, 3);
    addop(DICT_UPDATE, 2);
    addop(UNPACK_SEQUENCE, int(size));
    while (size) {
      addop(COPY, int(1 + size--));
      addop(SWAP, 2);
      addop(DELETE_SUBSCR);
    }
    pattern_store_name(p->rest, pc);
  } else {
    addop(POP_TOP);  // the keys
    addop(POP_TOP);  // the subject
  }
}

void Codegen::pattern_class(ast::MatchClass* p, PatternContext& pc) {
  const auto& patterns = p->patterns;
  const auto& kwd_attrs = p->kwd_attrs;
  const auto& kwd_patterns = p->kwd_patterns;
  size_t nargs = patterns.size();
  size_t nattrs = kwd_attrs.size();
  if (nattrs != kwd_patterns.size()) error("kwd_attrs / kwd_patterns length mismatch in class pattern");
  if (nattrs) {
    for (size_t i = 0; i < nattrs; ++i) {
      std::string attr = str(kwd_attrs[i]);
      set_loc(kwd_patterns[i]);
      forbidden_name(attr, ast::expr_context::Store);
      for (size_t j = i + 1; j < nattrs; ++j) {
        if (str(kwd_attrs[j]) == attr) {
          set_loc(kwd_patterns[j]);
          error("attribute name repeated in class pattern: " + attr);
        }
      }
    }
    set_loc(p);
  }
  visit_expr(p->cls);
  std::vector<ConstRef> names;
  for (auto& a : kwd_attrs) names.push_back(Constant::str(str(a)));
  load_const(Constant::tuple(std::move(names)));
  addop(MATCH_CLASS, int(nargs));
  addop(COPY, 1);
  load_const(Constant::none());
  addop(IS_OP, 1);
  pc.on_top++;
  jump_to_fail_pop(pc, POP_JUMP_IF_FALSE);
  addop(UNPACK_SEQUENCE, int(nargs + nattrs));
  pc.on_top += int(nargs + nattrs) - 1;
  for (size_t i = 0; i < nargs + nattrs; ++i) {
    pc.on_top--;
    ast::pattern* q = i < nargs ? patterns[i] : kwd_patterns[i - nargs];
    if (wildcard(q)) {
      addop(POP_TOP);
      continue;
    }
    pattern_subpattern(q, pc);
  }
}

void Codegen::pattern_or(ast::MatchOr* p, PatternContext& pc) {
  BasicBlock* end = new_block();
  size_t size = p->patterns.size();
  PatternContext old_pc = pc;
  std::vector<std::string> control;
  for (size_t i = 0; i < size; ++i) {
    ast::pattern* alt = p->patterns[i];
    set_loc(alt);
    pc.stores.clear();
    pc.allow_irrefutable = (i == size - 1) && old_pc.allow_irrefutable;
    pc.fail_pop.clear();
    pc.on_top = 0;
    addop(COPY, 1);
    pattern(alt, pc);
    size_t nstores = pc.stores.size();
    if (i == 0) {
      control = pc.stores;
    } else if (nstores != control.size()) {
      error("alternative patterns bind different names");
    } else if (nstores) {
      // Reorder the captures on the stack to the first alternative's order.
      for (size_t icontrol = nstores; icontrol-- > 0;) {
        const std::string& name = control[icontrol];
        size_t istores = 0;
        while (istores < nstores && pc.stores[istores] != name) ++istores;
        if (istores == nstores) error("alternative patterns bind different names");
        if (icontrol != istores) {
          size_t rotations = istores + 1;
          std::vector<std::string> rotated(pc.stores.begin(), pc.stores.begin() + long(rotations));
          pc.stores.erase(pc.stores.begin(), pc.stores.begin() + long(rotations));
          pc.stores.insert(pc.stores.begin() + long(icontrol - istores), rotated.begin(), rotated.end());
          while (rotations--) pattern_rotate(int(icontrol + 1));
        }
      }
    }
    addop_j(JUMP, end);
    emit_and_reset_fail_pop(pc);
  }
  pc = old_pc;
  // No alternative matched: pop the subject's copy and fail.
  addop(POP_TOP);
  jump_to_fail_pop(pc, JUMP);
  use_next_block(end);
  size_t nstores = control.size();
  int nrots = int(nstores) + 1 + pc.on_top + int(pc.stores.size());
  for (size_t i = 0; i < nstores; ++i) {
    pattern_rotate(nrots);
    const std::string& name = control[i];
    for (const auto& s : pc.stores)
      if (s == name) error("multiple assignments to name '" + name + "' in pattern");
    pc.stores.push_back(name);
  }
  addop(POP_TOP);  // the subject's copy
}

void Codegen::match_stmt(ast::Match* s) {
  visit_expr(s->subject);
  BasicBlock* end = new_block();
  size_t cases = s->cases.size();
  ast::match_case* m = s->cases[cases - 1];
  size_t has_default = wildcard(m->pattern) && 1 < cases;
  PatternContext pc;
  for (size_t i = 0; i < cases - has_default; ++i) {
    m = s->cases[i];
    set_loc(m->pattern);
    // Only copy the subject if we're not on the last case.
    if (i != cases - has_default - 1) addop(COPY, 1);
    pc.stores.clear();
    // Irrefutable cases must be either guarded, last, or both.
    pc.allow_irrefutable = m->guard != nullptr || i == cases - 1;
    pc.fail_pop.clear();
    pc.on_top = 0;
    pattern(m->pattern, pc);
    for (const auto& name : pc.stores) nameop(name, ast::expr_context::Store);
    if (m->guard) {
      ensure_fail_pop(pc, 0);
      jump_if(m->guard, pc.fail_pop[0], false);
    }
    if (i != cases - has_default - 1) addop(POP_TOP);
    visit_stmts(m->body);
    addop_j(JUMP, end);
    // A failed pattern's cleanup belongs to the pattern's line, not the body's.
    set_loc(m->pattern);
    emit_and_reset_fail_pop(pc);
  }
  if (has_default) {
    m = s->cases[cases - 1];
    set_loc(m->pattern);
    if (cases == 1) addop(POP_TOP);
    else addop(NOP);  // line coverage for the default case
    if (m->guard) jump_if(m->guard, end, false);
    visit_stmts(m->body);
  }
  use_next_block(end);
}

}  // namespace krait::compile
