// Printing an uncaught exception as CPython 3.11's default excepthook: chained exceptions,
// "Traceback (most recent call last):", one entry a frame with its source line and the ^^^
// markers of PEP 657 (~~~^^^~~~ around binary operators and subscripts), repeated lines
// folded, notes, NameError/AttributeError suggestions.
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "modules/modules.h"
#include "parse/parser.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "support/utf8.h"
#include "vm/eval.h"
#include "vm/frame.h"

namespace krait::vm {

using namespace runtime;

namespace {

constexpr int kRecursiveCutoff = 3;
constexpr int kTracebackLimit = 1000;

// The lines of a source file, read once (without their newlines).
const std::vector<std::string>* source_lines(const std::string& filename) {
  static std::map<std::string, std::vector<std::string>> cache;
  auto it = cache.find(filename);
  if (it != cache.end()) return it->second.empty() ? nullptr : &it->second;
  std::vector<std::string>& lines = cache[filename];
  if (filename.empty() || filename[0] == '<') return nullptr;
  std::ifstream in(filename, std::ios::binary);
  if (!in) return nullptr;
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  if (lines.empty()) return nullptr;
  return &lines;
}

// Code points before byte offset `bytes` of a UTF-8 line.
int char_offset(const std::string& line, int bytes) {
  int chars = 0;
  for (int i = 0; i < bytes && i < int(line.size()); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++chars;
  return chars;
}
int char_length(const std::string& s) { return char_offset(s, int(s.size())); }

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// Anchors inside a one-line span: the operator of a binary operation, the brackets of a
// subscript (character offsets relative to the span), as CPython's extract_anchors_from_line.
bool find_anchors(const std::string& segment, int* left, int* right) {
  ast::Arena arena;
  SyntaxErrorInfo error;
  ast::mod* module = parse(segment, ParseMode::File, arena, error);
  if (!module) return false;
  auto* m = module->as<ast::Module>();
  if (!m || m->body.size() != 1) return false;
  auto* stmt = m->body[0]->as<ast::Expr>();
  if (!stmt) return false;
  ast::expr* e = stmt->value;
  if (auto* bin = e->as<ast::BinOp>()) {
    if (bin->left->end_lineno != 1 || bin->right->lineno != 1) return false;
    for (int i = bin->left->end_col_offset; i < bin->right->col_offset; ++i) {
      if (is_ws(segment[i])) continue;
      *left = i;
      *right = i + 1;
      if (i + 1 < bin->right->col_offset && !is_ws(segment[i + 1])) ++*right;
      *left = char_offset(segment, *left);
      *right = char_offset(segment, *right);
      return true;
    }
    return false;
  }
  if (auto* sub = e->as<ast::Subscript>()) {
    if (sub->value->end_lineno != 1 || sub->slice->end_lineno != 1) return false;
    int l = sub->value->end_col_offset;
    int r = sub->slice->end_col_offset + 1;
    int len = int(segment.size());
    while (l < len && segment[l] != '[') ++l;
    while (r < len && segment[r] != ']') ++r;
    if (r < len) ++r;
    *left = char_offset(segment, l);
    *right = char_offset(segment, r);
    return true;
  }
  return false;
}

void format_entry(std::string& out, Value tb) {
  auto* t = static_cast<TracebackObject*>(tb.as_object());
  auto* fo = static_cast<FrameObject*>(t->frame.as_object());
  CodeObject* code = as_code(fo->code);
  std::string filename = str_to_utf8(code->filename);
  int lineno = traceback_line(t);
  out += "  File \"" + filename + "\", line " + std::to_string(lineno) + ", in " + str_to_utf8(code->name) + "\n";
  const auto* lines = source_lines(filename);
  if (!lines || lineno < 1 || size_t(lineno) > lines->size()) return;
  std::string line = (*lines)[lineno - 1];
  if (!line.empty() && line.back() == '\r') line.pop_back();
  size_t indent = 0;
  while (indent < line.size() && is_ws(line[indent])) ++indent;
  std::string stripped = line.substr(indent);
  if (stripped.empty()) return;
  out += "    " + stripped + "\n";
  Position p = code_position(code, t->lasti);
  if (p.line < 0 || p.end_line < 0 || p.col < 0 || p.end_col < 0) return;
  if (p.line != lineno) return;
  int start = char_offset(line, p.col);
  int end = char_offset(line, p.end_col);
  int left = -1, right = -1;
  if (p.line == p.end_line) {
    if (p.col <= p.end_col && size_t(p.end_col) <= line.size()) {
      std::string segment = line.substr(p.col, p.end_col - p.col);
      if (find_anchors(segment, &left, &right)) {
        left += start;
        right += start;
      }
    }
  } else {
    int i = int(line.size());
    while (--i >= 0 && (is_ws(line[i]) || line[i] == '\n' || line[i] == '\r')) {}
    end = char_offset(line, i + 1);
  }
  int stripped_len = char_length(line) - int(indent);
  bool special = left != -1 || right != -1;
  if (end - start == stripped_len && !special) return;
  std::string carets;
  for (int offset = int(indent) - 4 + 1; offset <= end; ++offset) {
    if (offset <= start) carets += ' ';
    else if (special && left < offset && offset <= right) carets += '^';
    else carets += special ? '~' : '^';
  }
  out += carets + "\n";
}

void format_traceback(std::string& out, Value tb) {
  std::vector<Value> entries;
  for (Value t = tb; t && !t.is(none()); t = static_cast<TracebackObject*>(t.as_object())->next) entries.push_back(t);
  size_t first = entries.size() > size_t(kTracebackLimit) ? entries.size() - kTracebackLimit : 0;
  out += "Traceback (most recent call last):\n";
  std::string last_file, last_name;
  int last_line = -1, count = 0;
  for (size_t i = first; i < entries.size(); ++i) {
    auto* t = static_cast<TracebackObject*>(entries[i].as_object());
    CodeObject* code = as_code(static_cast<FrameObject*>(t->frame.as_object())->code);
    std::string file = str_to_utf8(code->filename), name = str_to_utf8(code->name);
    int lineno = traceback_line(t);
    if (file != last_file || lineno != last_line || name != last_name) {
      if (count > kRecursiveCutoff) {
        int more = count - kRecursiveCutoff;
        out += "  [Previous line repeated " + std::to_string(more) + " more time" + (more > 1 ? "s" : "") + "]\n";
      }
      last_file = file;
      last_line = lineno;
      last_name = name;
      count = 0;
    }
    ++count;
    if (count > kRecursiveCutoff) continue;
    format_entry(out, entries[i]);
  }
  if (count > kRecursiveCutoff) {
    int more = count - kRecursiveCutoff;
    out += "  [Previous line repeated " + std::to_string(more) + " more time" + (more > 1 ? "s" : "") + "]\n";
  }
}

// Levenshtein distance with CPython's costs (case change 1, other 2), capped.
int suggestion_distance(const std::string& a, const std::string& b, int max_cost) {
  constexpr int kMove = 2, kCase = 1;
  if (a == b) return 0;
  size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) * kMove > size_t(max_cost)) return max_cost + 1;
  std::vector<int> row(m + 1);
  for (size_t j = 0; j <= m; ++j) row[j] = int(j) * kMove;
  for (size_t i = 1; i <= n; ++i) {
    int prev = row[0];
    row[0] = int(i) * kMove;
    int best = row[0];
    for (size_t j = 1; j <= m; ++j) {
      int sub;
      if (a[i - 1] == b[j - 1]) sub = 0;
      else if (std::tolower(a[i - 1]) == std::tolower(b[j - 1])) sub = kCase;
      else sub = kMove;
      int v = std::min({prev + sub, row[j] + kMove, row[j - 1] + kMove});
      prev = row[j];
      row[j] = v;
      best = std::min(best, v);
    }
    if (best > max_cost) return max_cost + 1;
  }
  return row[m];
}

std::string best_suggestion(const std::string& name, const std::vector<std::string>& candidates) {
  if (candidates.size() > 750) return "";
  std::string best;
  int best_distance = 1 << 30;
  for (const std::string& c : candidates) {
    if (c == name) continue;
    int max_cost = int((name.size() + c.size() + 3) * 2 / 6);
    max_cost = std::min(max_cost, best_distance - 1);
    int d = suggestion_distance(name, c, max_cost);
    if (d > max_cost) continue;
    if (best.empty() || d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

void add_keys(std::vector<std::string>& out, Value dict) {
  if (!dict || !is_dict(dict)) return;
  size_t pos = 0;
  Value k, v;
  while (dict_next(dict, &pos, &k, &v))
    if (is_str(k)) out.push_back(str_to_utf8(k));
}

// " Did you mean: 'x'?" for NameError (the innermost frame's locals, globals, builtins) and
// AttributeError (dir of the object).
std::string suggestion(Value e) {
  TypeObject* t = type_of(e);
  auto* be = as_exception(e);
  Value name = be->extra[0];
  if (!name || !is_str(name)) return "";
  std::string n = str_to_utf8(name);
  std::vector<std::string> candidates;
  // Exact classes only, as CPython's _Py_Offer_Suggestions.
  if (t == exc::NameError) {
    Value tb = be->traceback;
    if (!tb) return "";
    while (static_cast<TracebackObject*>(tb.as_object())->next) tb = static_cast<TracebackObject*>(tb.as_object())->next;
    auto* fo = static_cast<FrameObject*>(static_cast<TracebackObject*>(tb.as_object())->frame.as_object());
    CodeObject* code = as_code(fo->code);
    for (int i = 0; i < code->nlocalsplus; ++i)
      if (code->localspluskinds[i] & bytecode::LocalKind::Local)
        candidates.push_back(str_to_utf8(tuple_get(code->localsplusnames, i)));
    std::string s = best_suggestion(n, candidates);
    if (s.empty()) {
      candidates.clear();
      add_keys(candidates, fo->globals);
      s = best_suggestion(n, candidates);
    }
    if (s.empty()) {
      candidates.clear();
      add_keys(candidates, fo->builtins);
      s = best_suggestion(n, candidates);
    }
    return s.empty() ? "" : ". Did you mean: '" + s + "'?";
  }
  if (t == exc::AttributeError) {
    Value obj = be->extra[1];
    if (!obj) return "";
    Ref dir = Ref::steal(call_one_arg(dict_get_item_str(modules::builtins_dict(), "dir"), obj));
    if (!dir) {
      clear_error();
      return "";
    }
    for (size_t i = 0; i < list_size(dir.get()); ++i)
      if (is_str(list_get(dir.get(), i))) candidates.push_back(str_to_utf8(list_get(dir.get(), i)));
    std::string s = best_suggestion(n, candidates);
    return s.empty() ? "" : ". Did you mean: '" + s + "'?";
  }
  return "";
}

void format_exception_line(std::string& out, Value e) {
  TypeObject* t = type_of(e);
  std::string name = t->qualname.empty() ? t->name : t->qualname;
  if (t->flags & TypeFlag::HeapType) {
    Ref module = Ref::steal(lookup_attr(Value::object(t), str_intern("__module__")));
    clear_error();
    if (module && is_str(module.get())) {
      std::string m = str_to_utf8(module.get());
      if (m != "builtins" && m != "__main__") name = m + "." + name;
    } else {
      name = "<unknown>." + name;
    }
  } else {
    size_t dot = t->name.rfind('.');
    if (dot != std::string::npos) name = t->name;  // "module.Name" for native module types
  }
  if (is_subtype(t, exc::SyntaxError)) {
    auto* be = as_exception(e);
    Value filename = be->extra[1], lineno = be->extra[2], text = be->extra[4], offset = be->extra[3];
    if (lineno && is_int(lineno)) {
      std::string file = filename && is_str(filename) ? str_to_utf8(filename) : "<string>";
      out += "  File \"" + file + "\", line " + int_to_std_string(lineno) + "\n";
      if (text && is_str(text)) {
        std::string line = str_to_utf8(text);
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
        size_t indent = 0;
        while (indent < line.size() && is_ws(line[indent])) ++indent;
        out += "    " + line.substr(indent) + "\n";
        int64_t off = 0;
        if (offset && is_int(offset) && int_to_int64(offset, &off) && off > 0) {
          int64_t end_off = off + 1;
          Value eo = be->extra[6];
          int64_t v = 0;
          if (eo && is_int(eo) && int_to_int64(eo, &v) && v > off) end_off = v;
          int64_t col = off - 1 - int64_t(indent);
          if (col < 0) col = 0;
          out += "    " + std::string(size_t(col), ' ') + std::string(size_t(end_off - off), '^') + "\n";
        }
      }
    }
    Value msg = be->extra[0];
    Ref s = Ref::steal(msg ? str(msg) : str(e));
    out += name;
    if (s && str_length(s.get()) > 0) out += ": " + str_to_utf8(s.get());
    clear_error();
    out += "\n";
    return;
  }
  Ref s = Ref::steal(str(e));
  out += name;
  if (!s) {
    clear_error();
    out += ": <exception str() failed>";
  } else if (str_length(s.get()) > 0) {
    out += ": " + str_to_utf8(s.get());
  }
  if (is_subtype(t, exc::NameError) || is_subtype(t, exc::AttributeError)) out += suggestion(e);
  out += "\n";
  // __notes__
  Ref notes = Ref::steal(lookup_attr(e, str_intern("__notes__")));
  clear_error();
  if (notes) {
    if (is_list(notes.get()) || is_tuple(notes.get())) {
      Ref items = Ref::steal(tuple_from_iterable(notes.get()));
      for (size_t i = 0; items && i < tuple_size(items.get()); ++i) {
        Value note = tuple_get(items.get(), i);
        Ref ns = Ref::steal(is_str(note) ? Ref::borrow(note).release() : str(note));
        if (!ns) {
          clear_error();
          out += "<note str() failed>\n";
        } else {
          out += str_to_utf8(ns.get()) + "\n";
        }
      }
    } else {
      Ref r = Ref::steal(repr(notes.get()));
      clear_error();
      if (r) out += str_to_utf8(r.get()) + "\n";
    }
  }
}

// CPython's print_exception_recursive: one context for the whole report (the exceptions already
// shown, the exception-group nesting that decides each line's indent and "| " margin).
struct PrintContext {
  std::string out;
  int depth = 0;
  bool need_close = false;
  std::set<Object*> seen;
};

std::string margin_of(const PrintContext& ctx) {
  return std::string(size_t(2 * ctx.depth), ' ') + (ctx.depth ? "| " : "");
}

// Appends `text` (whole lines) with the indent and margin in front of each line.
void emit(PrintContext& ctx, const std::string& text) {
  std::string margin = margin_of(ctx);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string::npos ? text.size() : nl + 1;
    ctx.out += margin;
    ctx.out.append(text, pos, end - pos);
    pos = end;
  }
}

void print_one(PrintContext& ctx, Value e) {
  auto* be = as_exception(e);
  bool group = is_subtype(type_of(e), exc::BaseExceptionGroup);
  if (be->traceback) {
    std::string tb;
    format_traceback(tb, be->traceback);
    size_t first_nl = tb.find('\n');
    std::string header = group ? "Exception Group Traceback (most recent call last):\n" : tb.substr(0, first_nl + 1);
    std::string header_margin = ctx.depth == 1 && group ? "+ " : (ctx.depth ? "| " : "");
    ctx.out += std::string(size_t(2 * ctx.depth), ' ') + header_margin + header;
    emit(ctx, tb.substr(first_nl + 1));
  }
  std::string line;
  format_exception_line(line, e);
  emit(ctx, line);
}

void print_recursive(PrintContext& ctx, Value e);

void print_chained(PrintContext& ctx, Value e, const char* message) {
  bool need_close = ctx.need_close;
  print_recursive(ctx, e);
  ctx.need_close = need_close;
  std::string margin = margin_of(ctx);
  ctx.out += margin + "\n" + margin + message + margin + "\n";
}

void print_group(PrintContext& ctx, Value e) {
  constexpr int kMaxGroupWidth = 15, kMaxGroupDepth = 10;
  if (ctx.depth > kMaxGroupDepth) {
    ctx.out += margin_of(ctx) + "... (max_group_depth is " + std::to_string(kMaxGroupDepth) + ")\n";
    return;
  }
  if (ctx.depth == 0) ctx.depth += 1;
  print_one(ctx, e);
  Value excs = as_exception(e)->extra[1];
  size_t num = tuple_size(excs);
  size_t n = num <= size_t(kMaxGroupWidth) ? num : size_t(kMaxGroupWidth) + 1;
  ctx.need_close = false;
  for (size_t i = 0; i < n; ++i) {
    bool last = i == n - 1;
    if (last) ctx.need_close = true;
    bool truncated = i >= size_t(kMaxGroupWidth);
    ctx.out += std::string(size_t(2 * ctx.depth), ' ') + (i == 0 ? "+-" : "  ") + "+---------------- " +
               (truncated ? std::string("...") : std::to_string(i + 1)) + " ----------------\n";
    ctx.depth += 1;
    if (!truncated) {
      print_recursive(ctx, tuple_get(excs, i));
    } else {
      size_t remaining = num - size_t(kMaxGroupWidth);
      ctx.out += margin_of(ctx) + "and " + std::to_string(remaining) + " more exception" + (remaining > 1 ? "s" : "") + "\n";
    }
    if (last && ctx.need_close) {
      ctx.out += std::string(size_t(2 * ctx.depth), ' ') + "+------------------------------------\n";
      ctx.need_close = false;
    }
    ctx.depth -= 1;
  }
  if (ctx.depth == 1) ctx.depth -= 1;
}

void print_recursive(PrintContext& ctx, Value e) {
  ctx.seen.insert(e.as_object());
  auto* be = as_exception(e);
  if (be->cause) {
    if (!ctx.seen.count(be->cause.as_object()))
      print_chained(ctx, be->cause, "The above exception was the direct cause of the following exception:\n");
  } else if (!be->suppress_context && be->context && !ctx.seen.count(be->context.as_object())) {
    print_chained(ctx, be->context, "During handling of the above exception, another exception occurred:\n");
  }
  if (is_subtype(type_of(e), exc::BaseExceptionGroup)) print_group(ctx, e);
  else print_one(ctx, e);
}

}  // namespace

// What sys.unraisablehook's default prints for an exception: its traceback and its line, without
// the chained exceptions (runtime/unraisable.cpp).
std::string format_exception_unchained(Value exception) {
  std::string out;
  if (!is_exception_instance(exception)) return out;
  Value tb = as_exception(exception)->traceback;
  if (tb && !tb.is(none())) format_traceback(out, tb);
  format_exception_line(out, exception);
  return out;
}

void print_exception(Value exception) {
  PrintContext ctx;
  if (!is_exception_instance(exception)) {
    ctx.out = "TypeError: print_exception(): Exception expected for value, " + std::string(type_of(exception)->name) +
              " found\n";
  } else {
    print_recursive(ctx, exception);
  }
  std::string& out = ctx.out;
  modules::flush_std_streams();
  Value err = modules::sys_stderr();
  if (!err || modules::write_to(err, out) < 0) {
    clear_error();
    std::fwrite(out.data(), 1, out.size(), stderr);
  }
  modules::flush_std_streams();
}

}  // namespace krait::vm
