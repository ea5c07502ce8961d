// The byte encodings the assembler writes, exposed for unit tests: CPython 3.11's location
// table (co_linetable, PEP 657) and exception table (co_exceptiontable).
#pragma once

#include <cstdint>
#include <vector>

#include "compile/cfg.h"

namespace krait::compile {

// co_linetable: one entry per instruction (split in pieces of at most 8 code units), each
// relative to the line of the previous entry that had one.
class LineTableWriter {
 public:
  explicit LineTableWriter(int firstlineno) : lineno_(firstlineno) {}
  // The location of an instruction `size` code units long (EXTENDED_ARGs and CACHEs included).
  void add(const Location& loc, int size);
  const std::vector<uint8_t>& bytes() const { return bytes_; }

 private:
  void add_entry(const Location& loc, int size);  // size <= 8
  void start(int code, int size);
  void varint(unsigned value);
  void signed_varint(int value);

  int lineno_;
  std::vector<uint8_t> bytes_;
};

// co_exceptiontable: appends the entry for code units [start, end) handled at `target` with
// the stack cut to `depth` (lasti pushed too if `lasti`).
void write_exception_entry(std::vector<uint8_t>& out, int start, int end, int target, int depth,
                           bool lasti);

}  // namespace krait::compile
