// The interpreter's internal interfaces (shared by eval.cpp, call.cpp, generator.cpp, frame.cpp).
#pragma once

#include "vm/frame.h"

namespace krait::vm {

// Pushes a frame for `code` on the thread's frame stack (locals zeroed, references taken to
// func/globals/builtins/locals, which may be null). Null + error (RecursionError/MemoryError).
Frame* push_frame(ThreadState& ts, CodeObject* code, Value func, Value globals, Value builtins, Value locals);
// Clears the frame's values and pops it (the frame must be the top of the thread's stack).
void pop_frame(ThreadState& ts, Frame* frame);
// Releases every value a frame holds (locals, stack, func, globals...); the memory stays.
void clear_frame(Frame* frame);
// Binds the call's arguments (borrowed) into frame->localsplus as CPython does; -1 + TypeError.
int bind_arguments(FunctionObject* func, Frame* frame, const Value* args, size_t nargs, Value kwnames);
// Pushes and binds a frame for a call of a Python function (null + error).
Frame* push_function_frame(ThreadState& ts, Value func, const Value* args, size_t nargs, Value kwnames);
// Runs frames from `frame` (already pushed, marked is_entry) until it returns.
Value eval_frame(ThreadState& ts, Frame* frame, Value throwflag_exc = Value());

// Generators (generator.cpp).
Value make_generator(Frame* frame);  // RETURN_GENERATOR: moves the frame into a new generator
// gen.send(value) / next(gen) as the VM needs it: returns the yielded value, or null with
// *returned set (new ref, the return value) when the generator finished, or null + error.
Value gen_send_ex(Value gen, Value arg, bool exc, Value* returned);
bool is_generator_like(Value v);
// next(gen): the next value, or null with StopIteration(return value) set.
Value gen_next_with_value(Value gen);  // generator or coroutine (SEND fast path)
int init_generator_types();

}  // namespace krait::vm
