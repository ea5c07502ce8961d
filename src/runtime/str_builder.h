// Building a str piece by piece: latin-1 bytes while every code point is below 256, UTF-32 after.
// Internal to coll's files.
#pragma once

#include <string>
#include <string_view>

#include "runtime/str.h"

namespace krait::runtime {

class StrBuilder {
 public:
  void reserve(size_t n) { wide_ ? utf32_.reserve(n) : latin1_.reserve(n); }
  void push(char32_t cp) {
    if (cp > maxchar_) maxchar_ = cp;
    if (!wide_) {
      if (cp < 256) {
        latin1_ += static_cast<char>(cp);
        return;
      }
      widen();
    }
    utf32_ += cp;
  }
  void push_ascii(std::string_view text) {
    if (!wide_) {
      latin1_.append(text);
    } else {
      for (char c : text) utf32_ += static_cast<char32_t>(static_cast<unsigned char>(c));
    }
    for (char c : text) {
      if (static_cast<unsigned char>(c) > maxchar_) maxchar_ = static_cast<unsigned char>(c);
    }
  }
  void push_utf8(std::string_view text);
  // Appends code points [start, end) of a str.
  void append(Value str, size_t start, size_t end);
  void append(Value str) { append(str, 0, str_length(str)); }
  size_t size() const { return wide_ ? utf32_.size() : latin1_.size(); }
  char32_t maxchar() const { return maxchar_; }
  Value finish();

 private:
  void widen() {
    wide_ = true;
    utf32_.reserve(latin1_.size() + 16);
    for (unsigned char c : latin1_) utf32_ += c;
    latin1_.clear();
  }
  std::string latin1_;
  std::u32string utf32_;
  bool wide_ = false;
  char32_t maxchar_ = 0;
};

}  // namespace krait::runtime
