// Calling Python functions: the frame stack, argument binding with CPython's messages, and
// function_type's call slot.
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/eval.h"
#include "vm/interp.h"

namespace krait::vm {

using namespace runtime;

namespace {

constexpr size_t kChunkSize = 1 << 20;

char* allocate_on_stack(ThreadState& ts, size_t size) {
  size = (size + 15) & ~size_t(15);
  if (ts.stack_top && ts.stack_top + size <= ts.stack_end) {
    char* p = ts.stack_top;
    ts.stack_top += size;
    return p;
  }
  // The next chunk big enough for this frame (chunks are kept for reuse once allocated; one
  // too small for a big frame is skipped).
  size_t next = ts.stack_top ? ts.chunk_index + 1 : 0;
  while (next < ts.chunks.size() && ts.chunk_sizes[next] < size) ++next;
  if (next >= ts.chunks.size()) {
    size_t bytes = std::max(kChunkSize, size);
    char* chunk = static_cast<char*>(std::malloc(bytes));
    if (!chunk) return nullptr;
    ts.chunks.push_back(chunk);
    ts.chunk_sizes.push_back(bytes);
    next = ts.chunks.size() - 1;
  }
  ts.chunk_index = next;
  ts.stack_top = ts.chunks[next];
  ts.stack_end = ts.chunks[next] + ts.chunk_sizes[next];
  char* p = ts.stack_top;
  ts.stack_top += size;
  return p;
}

std::string func_name(FunctionObject* f) { return str_to_utf8(f->qualname); }

// "'a', 'b', and 'c'" as CPython lists missing arguments.
std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += names.size() > 2 ? ", " : " ";
    if (i + 1 == names.size() && names.size() > 1) out += "and ";
    out += "'" + names[i] + "'";
  }
  return out;
}

void missing_arguments(FunctionObject* f, Frame* frame, bool kwonly, int defcount) {
  CodeObject* code = as_code(f->code);
  std::vector<std::string> missing;
  int start = kwonly ? code->argcount : 0;
  int end = kwonly ? code->argcount + code->kwonlyargcount : code->argcount - defcount;
  for (int i = start; i < end; ++i) {
    if (!frame->localsplus[i]) {
      if (kwonly && f->kwdefaults) {
        Value name = tuple_get(code->localsplusnames, i);
        if (dict_get_item(f->kwdefaults, name)) continue;
      }
      missing.push_back(str_to_utf8(tuple_get(code->localsplusnames, i)));
    }
  }
  if (missing.empty()) return;
  raise_format(exc::TypeError, "%s() missing %zu required %s argument%s: %s", func_name(f).c_str(),
               missing.size(), kwonly ? "keyword-only" : "positional", missing.size() == 1 ? "" : "s",
               join_names(missing).c_str());
}

void too_many_positional(FunctionObject* f, Frame* frame, size_t given, int defcount) {
  CodeObject* code = as_code(f->code);
  int argcount = code->argcount;
  size_t kwonly_given = 0;
  for (int i = argcount; i < argcount + code->kwonlyargcount; ++i)
    if (frame->localsplus[i]) ++kwonly_given;
  std::string takes;
  bool plural;
  if (defcount) {
    takes = "from " + std::to_string(argcount - defcount) + " to " + std::to_string(argcount);
    plural = true;
  } else {
    takes = std::to_string(argcount);
    plural = argcount != 1;
  }
  std::string given_text = std::to_string(given);
  if (kwonly_given) {
    raise_format(exc::TypeError,
                 "%s() takes %s positional argument%s but %zu positional argument%s (and %zu "
                 "keyword-only argument%s) were given",
                 func_name(f).c_str(), takes.c_str(), plural ? "s" : "", given, given == 1 ? "" : "s",
                 kwonly_given, kwonly_given == 1 ? "" : "s");
    return;
  }
  raise_format(exc::TypeError, "%s() takes %s positional argument%s but %zu %s given", func_name(f).c_str(),
               takes.c_str(), plural ? "s" : "", given, given == 1 ? "was" : "were");
}

}  // namespace

Frame* push_frame(ThreadState& ts, CodeObject* code, Value func, Value globals, Value builtins, Value locals) {
  if (code->unverified && !verify_before_run(code)) [[unlikely]]
    return nullptr;
  if (ts.recursion_depth >= ts.recursion_limit && !ts.recursion_headroom) {
    ts.recursion_headroom = true;
    raise(exc::RecursionError, "maximum recursion depth exceeded");
    ts.recursion_headroom = false;
    return nullptr;
  }
  char* mark = ts.stack_top;
  size_t chunk = ts.chunk_index;
  char* memory = allocate_on_stack(ts, Frame::size_for(code));
  if (!memory) {
    raise_no_memory();
    return nullptr;
  }
  auto* frame = reinterpret_cast<Frame*>(memory);
  incref(Value::object(code));
  incref(func);
  incref(globals);
  incref(builtins);
  incref(locals);
  frame->func = func;
  frame->code = code;
  frame->globals = globals;
  frame->builtins = builtins;
  frame->locals = locals;
  frame->previous = ts.frame;
  frame->frame_obj = nullptr;
  frame->lasti = -1;
  frame->stacktop = 0;
  frame->owner = FrameOwner::Thread;
  frame->is_entry = false;
  // The mark remembers the chunk too: low bits are free (16-byte alignment), so keep the index
  // separately by encoding nothing: chunks are reused in order, so the chunk of `mark` is found
  // again by pop_frame through stack_mark_chunk.
  frame->stack_mark = mark;
  (void)chunk;
  std::memset(frame->localsplus, 0, sizeof(Value) * size_t(code->nlocalsplus));
  ts.frame = frame;
  ++ts.recursion_depth;
  return frame;
}

void clear_frame(Frame* frame) {
  Value* values = frame->localsplus;
  FrameObject* keeper = frame->frame_obj;
  if (keeper && keeper->refcount > 1 && !keeper->saved && frame->code->nlocalsplus > 0) {
    // Someone (a traceback) keeps the frame object: the locals move into it.
    int nl = frame->code->nlocalsplus;
    keeper->saved = new Value[nl];
    keeper->nsaved = nl;
    for (int i = 0; i < nl; ++i) {
      keeper->saved[i] = values[i];
      values[i] = Value();
    }
  }
  int n = frame->code->nlocalsplus + frame->stacktop;
  for (int i = 0; i < n; ++i) {
    Value v = values[i];
    values[i] = Value();
    xdecref(v);
  }
  frame->stacktop = 0;
  if (frame->frame_obj) {
    // The Python-visible frame outlives this one: give it a snapshot.
    FrameObject* fo = frame->frame_obj;
    fo->lasti = frame->lasti;
    fo->lineno = -1;  // computed from lasti when asked
    fo->frame = nullptr;
    frame->frame_obj = nullptr;
    decref(Value::object(fo));
  }
  Value fields[] = {frame->func, frame->globals, frame->builtins, frame->locals};
  frame->func = frame->globals = frame->builtins = frame->locals = Value();
  for (Value v : fields) xdecref(v);
  CodeObject* code = frame->code;
  frame->code = nullptr;
  if (code) decref(Value::object(code));
}

void pop_frame(ThreadState& ts, Frame* frame) {
  if (frame->code) clear_frame(frame);
  ts.frame = frame->previous;
  --ts.recursion_depth;
  char* mark = frame->stack_mark;
  // Back to the chunk holding `mark` (or the start of the first chunk).
  if (mark == nullptr) {
    ts.chunk_index = 0;
    ts.stack_top = nullptr;
    ts.stack_end = nullptr;
    return;
  }
  if (!(mark >= ts.chunks[ts.chunk_index] && mark <= ts.stack_end)) {
    while (ts.chunk_index > 0) {
      --ts.chunk_index;
      char* base = ts.chunks[ts.chunk_index];
      if (mark >= base && mark <= base + ts.chunk_sizes[ts.chunk_index]) break;
    }
    ts.stack_end = ts.chunks[ts.chunk_index] + ts.chunk_sizes[ts.chunk_index];
  }
  ts.stack_top = mark;
}

int bind_arguments(FunctionObject* func, Frame* frame, const Value* args, size_t nargs, Value kwnames) {
  CodeObject* code = as_code(func->code);
  Value* locals = frame->localsplus;
  const int argcount = code->argcount;
  // The common case: exactly the positional parameters, nothing else.
  if (!kwnames && nargs == size_t(argcount) && code->kwonlyargcount == 0 &&
      !(code->flags & (bytecode::CodeFlag::VarArgs | bytecode::CodeFlag::VarKeywords))) {
    for (size_t i = 0; i < nargs; ++i) {
      incref(args[i]);
      locals[i] = args[i];
    }
    return 0;
  }
  const int total = argcount + code->kwonlyargcount;
  const bool varargs = code->flags & bytecode::CodeFlag::VarArgs;
  const bool varkw = code->flags & bytecode::CodeFlag::VarKeywords;
  Value kwdict;
  if (varkw) {
    kwdict = dict_new();
    if (!kwdict) return -1;
    locals[total + (varargs ? 1 : 0)] = kwdict;
  }
  size_t n = std::min(nargs, size_t(argcount));
  for (size_t i = 0; i < n; ++i) {
    incref(args[i]);
    locals[i] = args[i];
  }
  if (varargs) {
    Value rest = nargs > n ? tuple_from_array(args + n, nargs - n) : tuple_empty();
    if (!rest) return -1;
    locals[total] = rest;
  }
  // Keyword arguments.
  size_t nkw = kwnames ? tuple_size(kwnames) : 0;
  for (size_t k = 0; k < nkw; ++k) {
    Value name = tuple_get(kwnames, k);
    Value value = args[nargs + k];
    int index = -1;
    // Identity first (names are interned), then equality.
    for (int i = code->posonlyargcount; i < total; ++i)
      if (tuple_get(code->localsplusnames, i).is(name)) { index = i; break; }
    if (index < 0)
      for (int i = code->posonlyargcount; i < total; ++i)
        if (str_equal(tuple_get(code->localsplusnames, i), name)) { index = i; break; }
    if (index < 0) {
      if (kwdict) {
        if (dict_set_item(kwdict, name, value) < 0) return -1;
        continue;
      }
      // A positional-only name given as keyword: CPython's special message.
      std::vector<std::string> posonly;
      for (size_t j = 0; j < nkw; ++j)
        for (int i = 0; i < code->posonlyargcount; ++i)
          if (str_equal(tuple_get(code->localsplusnames, i), tuple_get(kwnames, j)))
            posonly.push_back(str_to_utf8(tuple_get(kwnames, j)));
      if (!posonly.empty()) {
        std::string list;
        for (size_t i = 0; i < posonly.size(); ++i) list += (i ? ", " : "") + posonly[i];
        raise_format(exc::TypeError,
                     "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                     func_name(func).c_str(), list.c_str());
        return -1;
      }
      raise_format(exc::TypeError, "%s() got an unexpected keyword argument '%s'", func_name(func).c_str(),
                   str_cstr(name));
      return -1;
    }
    if (locals[index]) {
      raise_format(exc::TypeError, "%s() got multiple values for argument '%s'", func_name(func).c_str(),
                   str_cstr(name));
      return -1;
    }
    incref(value);
    locals[index] = value;
  }
  int defcount = func->defaults ? int(tuple_size(func->defaults)) : 0;
  if (nargs > size_t(argcount) && !varargs) {
    too_many_positional(func, frame, nargs, defcount);
    return -1;
  }
  // Defaults for missing positional arguments.
  if (nargs < size_t(argcount)) {
    int first_default = argcount - defcount;
    for (int i = int(nargs); i < first_default; ++i)
      if (!locals[i]) {
        missing_arguments(func, frame, false, defcount);
        return -1;
      }
    for (int i = std::max(int(nargs), first_default); i < argcount; ++i)
      if (!locals[i]) {
        Value d = tuple_get(func->defaults, size_t(i - first_default));
        incref(d);
        locals[i] = d;
      }
  }
  // Keyword-only arguments.
  for (int i = argcount; i < total; ++i) {
    if (locals[i]) continue;
    Value d = func->kwdefaults ? dict_get_item(func->kwdefaults, tuple_get(code->localsplusnames, i)) : Value();
    if (!d) {
      if (error_occurred()) return -1;
      missing_arguments(func, frame, true, defcount);
      return -1;
    }
    incref(d);
    locals[i] = d;
  }
  return 0;
}

Frame* push_function_frame(ThreadState& ts, Value func, const Value* args, size_t nargs, Value kwnames) {
  FunctionObject* f = as_function(func);
  CodeObject* code = as_code(f->code);
  Frame* frame = push_frame(ts, code, func, f->globals, f->builtins, Value());
  if (!frame) return nullptr;
  if (bind_arguments(f, frame, args, nargs, kwnames) < 0) {
    pop_frame(ts, frame);
    return nullptr;
  }
  return frame;
}

// Called from native code (a builtin, a slot). Only the frame counts toward the recursion
// limit, as in CPython (the native caller counted itself).
Value function_call(Value func, const Value* args, size_t nargs, Value kwnames) {
  ThreadState& ts = thread_state();
  Frame* frame = push_function_frame(ts, func, args, nargs, kwnames);
  if (!frame) return Value();
  return eval_frame(ts, frame);
}

bool enter_recursive_call(const char* where) {
  ThreadState& ts = thread_state();
  if (ts.recursion_depth >= ts.recursion_limit && !ts.recursion_headroom) {
    ts.recursion_headroom = true;
    raise_format(exc::RecursionError, "maximum recursion depth exceeded%s", where);
    ts.recursion_headroom = false;
    return false;
  }
  ++ts.recursion_depth;
  return true;
}
void leave_recursive_call() { --thread_state().recursion_depth; }
int recursion_limit() { return thread_state().recursion_limit; }
void set_recursion_limit(int limit) { thread_state().recursion_limit = limit; }

}  // namespace krait::vm
