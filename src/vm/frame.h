// Frames: the activation record of Python code, living on the thread's frame stack
// (state.h) or inside a generator object. Python-to-Python calls push a Frame and continue
// in the same run of the eval loop.
#pragma once

#include <cstddef>
#include <cstdint>

#include "vm/code.h"
#include "vm/function.h"
#include "vm/state.h"

namespace krait::vm {

enum class FrameOwner : uint8_t { Thread, Generator, FrameObject };

struct FrameObject;

struct Frame {
  Value func;            // owned: the FunctionObject, or null (module / class body via exec)
  CodeObject* code;      // owned reference
  Value globals;         // owned
  Value builtins;        // owned
  Value locals;          // owned: mapping for LOAD_NAME/STORE_NAME, or null
  Frame* previous;       // the caller (null at the bottom)
  FrameObject* frame_obj;  // the Python-visible frame, created on demand (owned ref)
  int lasti;             // code unit index of the instruction being run (-1 before start)
  int stacktop;          // number of values on the value stack
  FrameOwner owner;
  bool is_entry;         // returning from this frame leaves the current eval_frame call
  char* stack_mark;      // the thread's frame-stack top before this frame was pushed
  Value localsplus[1];   // locals, cells, free variables, then the value stack

  Value* stack_base() { return localsplus + code->nlocalsplus; }
  static size_t size_for(const CodeObject* code) {
    return sizeof(Frame) + sizeof(Value) * (size_t(code->nlocalsplus) + size_t(code->stacksize));
  }
};

// The Python-visible frame (frame_type): points at a live Frame, or holds a snapshot of it once
// the frame has finished.
struct FrameObject : runtime::Object {
  Frame* frame;          // live frame, or null after it finished
  Value code;            // owned
  Value globals;         // owned
  Value builtins;        // owned
  Value locals;          // owned snapshot (dict) after the frame finished, or the frame's locals
  Value back;            // owned: the caller's FrameObject once the frame finished
  int lasti;
  int lineno;
  // A finished frame's locals, kept while the frame object lives (a traceback holds the frame,
  // so `del` of its locals happens when the traceback goes, as in CPython). Owned values,
  // nulls allowed.
  Value* saved = nullptr;
  int nsaved = 0;
  // f_trace, f_trace_lines, f_trace_opcodes: stored as CPython does; krait has no tracing yet
  // (sys.settrace), so nothing reads them.
  Value trace = Value();  // owned, null reads as None
  bool trace_lines = true;
  bool trace_opcodes = false;
};

// The frame object of a live frame (created on first use); borrowed.
FrameObject* frame_object_of(Frame* frame);
// Current line of a frame.
int frame_line(const Frame* frame);
// f_locals: a dict of the frame's locals (fast locals copied in), new reference.
Value frame_locals(Frame* frame);

// Traceback objects (traceback_type).
struct TracebackObject : runtime::Object {
  Value next;            // owned: traceback or null
  Value frame;           // owned: FrameObject
  int lasti;
  int lineno;
};
// Lines, computed on first use (decoding the location table is not free): -1 in the fields
// means "not yet computed".
int traceback_line(TracebackObject* tb);
int frame_object_line(FrameObject* fo);
// Adds an entry for `frame` in front of the current exception's traceback.
void traceback_add(Frame* frame);

int init_frame_types();

}  // namespace krait::vm
