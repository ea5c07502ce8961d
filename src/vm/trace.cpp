// -X trace (trace.h): one stderr line per executed instruction with the value stack after it.
#include "vm/trace.h"

#include <cstdio>
#include <string>

#include "bytecode/opcodes.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/code.h"
#include "vm/frame.h"

namespace krait::vm {

using namespace runtime;

namespace {

constexpr size_t kMaxShownValues = 8;   // of the top of the stack
constexpr size_t kMaxValueWidth = 40;   // characters of one value
constexpr size_t kMaxShownItems = 4;    // of a list, tuple or dict

bool enabled = false;
bool inside = false;  // showing a value may run Python code (repr): not traced

// The instruction waiting for its "after" stack.
// (What it prints is taken when it runs: its code object may be gone by then.)
struct Pending {
  Frame* frame = nullptr;
  std::string where;  // qualname:line
  int index = -1;
  int opcode = 0;
  int oparg = 0;
} pending;

std::string brief(Value v, int depth);

std::string brief_items(const Value* items, size_t n, const char* open, const char* close, int depth) {
  std::string out = open;
  for (size_t i = 0; i < n && i < kMaxShownItems; ++i) out += (i ? ", " : "") + brief(items[i], depth + 1);
  if (n > kMaxShownItems) out += ", ...";
  if (n == 1 && open[0] == '(') out += ",";
  return out + close;
}

std::string brief_dict(Value d, int depth) {
  std::string out = "{";
  size_t pos = 0, shown = 0;
  Value key, value;
  while (dict_next(d, &pos, &key, &value)) {
    if (shown == kMaxShownItems) {
      out += ", ...";
      break;
    }
    out += (shown++ ? ", " : "") + brief(key, depth + 1) + ": " + brief(value, depth + 1);
  }
  return out + "}";
}

// A short, side-effect-free picture of a value: built-in values by their repr, containers by
// their first items, instances of classes by their class name (their __repr__ is not called).
std::string brief(Value v, int depth) {
  if (v.is_null()) return "NULL";
  if (depth > 2) return "...";
  TypeObject* type = type_of(v);
  std::string out;
  if (type == &tuple_type) {
    out = brief_items(tuple_items(v), tuple_size(v), "(", ")", depth);
  } else if (type == &list_type) {
    out = brief_items(list_items(v), list_size(v), "[", "]", depth);
  } else if (type == &dict_type) {
    out = brief_dict(v, depth);
  } else if (type->flags & TypeFlag::HeapType) {
    out = "<" + type->name + " object>";
  } else {
    Ref r = Ref::steal(repr(v));
    if (r && is_str(r.get())) {
      out = str_to_utf8(r.get());
    } else {
      clear_error();
      out = "<" + type->name + " object>";
    }
  }
  if (out.size() > kMaxValueWidth) out = out.substr(0, kMaxValueWidth - 3) + "...";
  return out;
}

void print_pending(const Value* base, const Value* sp) {
  const bytecode::OpInfo& info = bytecode::op_info(pending.opcode);
  std::string line = "[trace] " + pending.where + " " + std::to_string(pending.index * 2) + " " +
                     (info.name ? info.name : "<unknown>");
  if (bytecode::has_arg(info.base)) line += " " + std::to_string(pending.oparg);
  if (base) {
    line += "    stack: [";
    size_t depth = size_t(sp - base);
    size_t first = depth > kMaxShownValues ? depth - kMaxShownValues : 0;
    if (first) line += "... ";
    for (size_t i = first; i < depth; ++i) line += (i > first ? ", " : "") + brief(base[i], 0);
    line += "]";
  }
  line += "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace

void enable_instruction_trace() { enabled = true; }
bool instruction_trace_enabled() { return enabled; }

void trace_instruction(Frame* f, const uint16_t* instr, int oparg, const Value* base, const Value* sp) {
  if (inside) return;
  int index = int(instr - f->code->units.data());
  if (pending.frame == f && pending.index == index) {  // the same instruction, re-dispatched
    pending.opcode = *instr & 0xff;                   // (specialized or deoptimized)
    return;
  }
  inside = true;
  if (pending.frame) {
    // The stack "after" is this frame's only while the pending instruction's frame is this one.
    if (pending.frame == f) print_pending(base, sp);
    else print_pending(nullptr, nullptr);
  }
  pending.frame = f;
  pending.where = str_to_utf8(f->code->qualname) + ":" + std::to_string(code_line(f->code, index));
  pending.index = index;
  pending.opcode = *instr & 0xff;
  pending.oparg = oparg;
  inside = false;
}

void trace_flush() {
  if (!enabled || !pending.frame) return;
  print_pending(nullptr, nullptr);
  pending = Pending{};
}

}  // namespace krait::vm
