// Per-thread interpreter state: the error indicator, the handled-exception stack (sys.exc_info),
// the frame stack and the recursion counter.
#pragma once

#include <cstddef>
#include <vector>

#include "runtime/object.h"

namespace krait::vm {

using runtime::Value;

struct Frame;

// The exception being handled (sys.exc_info()); generators carry their own item, linked in
// while they run, as CPython's _PyErr_StackItem.
struct ExcStackItem {
  Value exc_value;               // owned; null or None when nothing is handled
  ExcStackItem* previous = nullptr;
};

struct ThreadState {
  Value current_exception;       // owned: the raised exception instance, or null
  ExcStackItem base_exc;         // bottom of the handled-exception chain
  ExcStackItem* exc_info = &base_exc;
  Frame* frame = nullptr;        // the innermost running frame
  int recursion_depth = 0;       // Python frames + native re-entries
  int recursion_limit = 1000;
  bool recursion_headroom = false;  // while raising RecursionError itself
  // The frame stack: chunks of memory frames are pushed on (no C++ recursion per Python call).
  std::vector<char*> chunks;
  std::vector<size_t> chunk_sizes;  // bytes of each chunk (a frame bigger than the default gets its own)
  char* stack_top = nullptr;     // next free byte in the current chunk
  char* stack_end = nullptr;
  size_t chunk_index = 0;
};

ThreadState& thread_state();

// The exception currently handled (sys.exc_info()[1]), borrowed; None or null when none.
Value handled_exception();

}  // namespace krait::vm

namespace krait::vm {
// Sets the current exception without __context__ chaining (re-raise, unwinding); steals it.
void restore_exception(Value exception);
}  // namespace krait::vm
