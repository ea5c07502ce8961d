// CPython 3.11's location table and exception table encodings (see assembler.h;
// the formats are described in CPython's Objects/locations.md and exception_handling_notes.txt).
#include "compile/assembler.h"

namespace krait::compile {

namespace {

// Location entry codes (the 4 bits after the entry's high bit).
constexpr int kShort0 = 0;     // same line, column < 80, width < 16: codes 0-9 by column / 8
constexpr int kOneLine0 = 10;  // line delta 0..2, columns < 128: codes 10-12
constexpr int kNoColumns = 13;
constexpr int kLong = 14;
constexpr int kNone = 15;

}  // namespace

void LineTableWriter::start(int code, int size) {
  bytes_.push_back(uint8_t(0x80 | (code << 3) | (size - 1)));
}

void LineTableWriter::varint(unsigned value) {
  while (value >= 64) {
    bytes_.push_back(uint8_t(64 | (value & 63)));
    value >>= 6;
  }
  bytes_.push_back(uint8_t(value));
}

void LineTableWriter::signed_varint(int value) {
  unsigned encoded = value < 0 ? ((0u - unsigned(value)) << 1) | 1u : unsigned(value) << 1;
  varint(encoded);
}

void LineTableWriter::add(const Location& loc, int size) {
  while (size > 8) {
    add_entry(loc, 8);
    size -= 8;
  }
  add_entry(loc, size);
}

void LineTableWriter::add_entry(const Location& loc, int size) {
  if (loc.lineno < 0) {
    start(kNone, size);
    return;
  }
  int line_delta = loc.lineno - lineno_;
  int column = loc.col_offset;
  int end_column = loc.end_col_offset;
  if (column < 0 || end_column < 0) {
    if (loc.end_lineno == loc.lineno || loc.end_lineno == -1) {
      start(kNoColumns, size);
      signed_varint(line_delta);
      lineno_ = loc.lineno;
      return;
    }
  } else if (loc.end_lineno == loc.lineno) {
    if (line_delta == 0 && column < 80 && end_column - column < 16 && end_column >= column) {
      start(kShort0 + (column >> 3), size);
      bytes_.push_back(uint8_t(((column & 7) << 4) | (end_column - column)));
      return;
    }
    if (line_delta >= 0 && line_delta < 3 && column < 128 && end_column < 128) {
      start(kOneLine0 + line_delta, size);
      bytes_.push_back(uint8_t(column));
      bytes_.push_back(uint8_t(end_column));
      lineno_ = loc.lineno;
      return;
    }
  }
  start(kLong, size);
  signed_varint(line_delta);
  varint(unsigned(loc.end_lineno - loc.lineno));
  varint(unsigned(column + 1));
  varint(unsigned(end_column + 1));
  lineno_ = loc.lineno;
}

namespace {

// One number in 6-bit groups, most significant first; bit 6 marks "more follows", bit 7 marks
// the first byte of an entry.
void write_exception_item(std::vector<uint8_t>& out, int value, int msb) {
  constexpr int kContinue = 64;
  for (int shift = 24; shift > 0; shift -= 6) {
    if (value >= (1 << shift)) {
      out.push_back(uint8_t(((value >> shift) & 0x3f) | kContinue | msb));
      msb = 0;
    }
  }
  out.push_back(uint8_t((value & 0x3f) | msb));
}

}  // namespace

void write_exception_entry(std::vector<uint8_t>& out, int start, int end, int target, int depth,
                           bool lasti) {
  write_exception_item(out, start, 0x80);
  write_exception_item(out, end - start, 0);
  write_exception_item(out, target, 0);
  write_exception_item(out, (depth << 1) | int(lasti), 0);
}

}  // namespace krait::compile
