// The methods bytes and bytearray share (CPython's "bytes_methods"): one implementation over the
// raw data of `self`, building results of self's kind (bytes for bytes, bytearray for bytearray).
// Arguments are any bytes-like object (bytes, bytearray, contiguous memoryview), as CPython's
// buffer protocol allows.
#include <cstring>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/coll_util.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memoryview.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::runtime {

using coll::type_name;

namespace {

Value new_bool(bool b) { return Ref::borrow(bool_value(b)).release(); }
bool v_is_exact_bytes(Value v) { return v.is_object() && v.as_object()->type == &bytes_type; }

// A result of self's kind.
Value make_like(Value self, std::string_view data) {
  return is_bytearray(self) ? bytearray_from(data) : bytes_from(data);
}
// self unchanged: bytes is immutable and returned as is; bytearray (and subclasses) copied.
Value same_or_copy(Value self) {
  if (v_is_exact_bytes(self)) return Ref::borrow(self).release();
  return make_like(self, byteseq_view(self));
}

bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha(unsigned char c) { return is_lower(c) || is_upper(c); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
char to_lower(unsigned char c) { return static_cast<char>(is_upper(c) ? c + 32 : c); }
char to_upper(unsigned char c) { return static_cast<char>(is_lower(c) ? c - 32 : c); }

// --- searching -------------------------------------------------------------------------------

// The `sub` argument of find/count/index: a byte value (int) or a bytes-like object. `storage`
// holds the single byte of the int form.
bool sub_arg(Value arg, char* storage, std::string_view* out) {
  if (has_buffer(arg)) return bytes_like_view(arg, out);
  if (!is_int(arg) && type_of(arg)->number.index == nullptr) {
    raise_format(exc::TypeError, "argument should be integer or bytes-like object, not '%s'", type_name(arg));
    return false;
  }
  Ref index = Ref::steal(number_index(arg));
  if (!index) return false;
  int64_t x;
  if (!int_to_int64(index.get(), &x) || x < 0 || x > 255) {
    raise(exc::ValueError, "byte must be in range(0, 256)");
    return false;
  }
  *storage = static_cast<char>(x);
  *out = std::string_view(storage, 1);
  return true;
}

// find/rfind/index/rindex/count: (sub[, start[, end]]) with the range clipped as str's.
struct FindArgs {
  std::string_view hay, sub;
  int64_t start = 0, end = INT64_MAX;
  char storage = 0;
};
bool parse_find(const char* name, Value self, const Value* args, size_t nargs, FindArgs* f) {
  if (!coll::check_count(name, nargs, 1, 3)) return false;
  if (!sub_arg(args[0], &f->storage, &f->sub)) return false;
  if (nargs > 1 && !coll::slice_index(args[1], &f->start)) return false;
  if (nargs > 2 && !coll::slice_index(args[2], &f->end)) return false;
  f->hay = byteseq_view(self);
  coll::adjust_range(static_cast<int64_t>(f->hay.size()), &f->start, &f->end);
  return true;
}
int64_t find_in(const FindArgs& f, bool reverse) {
  int64_t m = static_cast<int64_t>(f.sub.size());
  if (f.start > f.end || f.end - f.start < m) return -1;
  std::string_view window = f.hay.substr(static_cast<size_t>(f.start), static_cast<size_t>(f.end - f.start));
  size_t at = reverse ? window.rfind(f.sub) : window.find(f.sub);
  return at == std::string_view::npos ? -1 : f.start + static_cast<int64_t>(at);
}

Value bm_find(Value self, const Value* args, size_t nargs) {
  FindArgs f;
  if (!parse_find("find", self, args, nargs, &f)) return Value();
  return int_from_int64(find_in(f, false));
}
Value bm_rfind(Value self, const Value* args, size_t nargs) {
  FindArgs f;
  if (!parse_find("rfind", self, args, nargs, &f)) return Value();
  return int_from_int64(find_in(f, true));
}
Value bm_index(Value self, const Value* args, size_t nargs) {
  FindArgs f;
  if (!parse_find("index", self, args, nargs, &f)) return Value();
  int64_t at = find_in(f, false);
  return at < 0 ? raise(exc::ValueError, "subsection not found") : int_from_int64(at);
}
Value bm_rindex(Value self, const Value* args, size_t nargs) {
  FindArgs f;
  if (!parse_find("rindex", self, args, nargs, &f)) return Value();
  int64_t at = find_in(f, true);
  return at < 0 ? raise(exc::ValueError, "subsection not found") : int_from_int64(at);
}
Value bm_count(Value self, const Value* args, size_t nargs) {
  FindArgs f;
  if (!parse_find("count", self, args, nargs, &f)) return Value();
  if (f.start > f.end) return int_from_int64(0);
  std::string_view window = f.hay.substr(static_cast<size_t>(f.start), static_cast<size_t>(f.end - f.start));
  if (f.sub.empty()) return int_from_int64(static_cast<int64_t>(window.size()) + 1);
  int64_t count = 0;
  for (size_t at = window.find(f.sub); at != std::string_view::npos; at = window.find(f.sub, at + f.sub.size())) ++count;
  return int_from_int64(count);
}

// startswith / endswith: a bytes-like prefix or a tuple of them, then optional start/end.
Value starts_ends(const char* name, bool ends, Value self, const Value* args, size_t nargs) {
  if (!coll::check_count(name, nargs, 1, 3)) return Value();
  int64_t start = 0, end = INT64_MAX;
  if (nargs > 1 && !coll::slice_index(args[1], &start)) return Value();
  if (nargs > 2 && !coll::slice_index(args[2], &end)) return Value();
  std::string_view data = byteseq_view(self);
  int64_t length = static_cast<int64_t>(data.size());
  coll::adjust_range(length, &start, &end);
  auto match = [&](Value fix, bool* out) {
    std::string_view p;
    if (!bytes_like_view(fix, &p)) return false;
    int64_t m = static_cast<int64_t>(p.size());
    *out = start <= length && end - start >= m &&
           data.substr(static_cast<size_t>(ends ? end - m : start), p.size()) == p;
    return true;
  };
  Value arg = args[0];
  bool found = false;
  if (is_tuple(arg)) {
    for (size_t i = 0; i < tuple_size(arg) && !found; ++i) {
      if (!match(tuple_get(arg, i), &found)) return Value();
    }
    return new_bool(found);
  }
  if (!has_buffer(arg)) {
    return raise_format(exc::TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", name, type_name(arg));
  }
  if (!match(arg, &found)) return Value();
  return new_bool(found);
}
Value bm_startswith(Value self, const Value* args, size_t nargs) { return starts_ends("startswith", false, self, args, nargs); }
Value bm_endswith(Value self, const Value* args, size_t nargs) { return starts_ends("endswith", true, self, args, nargs); }

// --- splitting and joining -------------------------------------------------------------------

struct SplitArgs {
  bool whitespace = true;
  std::string_view sep;
  int64_t maxsplit = INT64_MAX;
};
bool parse_split(const char* name, const Value* args, size_t nargs, Value kwnames, SplitArgs* s) {
  static const char* const kParams[] = {"sep", "maxsplit"};
  Value a[2];
  if (!coll::parse_args(name, args, nargs, kwnames, kParams, 2, 0, 2, a)) return false;
  if (!a[0].is_null() && !a[0].is(none())) {
    if (!bytes_like_view(a[0], &s->sep)) return false;
    if (s->sep.empty()) {
      raise(exc::ValueError, "empty separator");
      return false;
    }
    s->whitespace = false;
  }
  if (!a[1].is_null()) {
    if (!coll::ssize_arg(a[1], &s->maxsplit)) return false;
    if (s->maxsplit < 0) s->maxsplit = INT64_MAX;
  }
  return true;
}

// Appends data[i, j) as a result of self's kind.
bool append_piece(Value list, Value self, std::string_view data, size_t i, size_t j) {
  Ref piece = Ref::steal(make_like(self, data.substr(i, j - i)));
  return piece && list_append(list, piece.get()) == 0;
}

// Appends the whole of self (bytes itself, as CPython, when nothing was split off).
bool append_whole(Value list, Value self) {
  Ref piece = Ref::steal(same_or_copy(self));
  return piece && list_append(list, piece.get()) == 0;
}

Value bm_split(Value self, const Value* args, size_t nargs, Value kwnames) {
  SplitArgs s;
  if (!parse_split("split", args, nargs, kwnames, &s)) return Value();
  std::string data(byteseq_view(self));  // a copy: a separator argument may alias self
  Ref list = Ref::steal(list_new(0));
  if (!list) return Value();
  size_t n = data.size(), i = 0;
  int64_t left = s.maxsplit;
  if (s.whitespace) {
    for (; left > 0; --left) {
      while (i < n && is_space(static_cast<unsigned char>(data[i]))) ++i;
      if (i == n) break;
      size_t j = i;
      while (j < n && !is_space(static_cast<unsigned char>(data[j]))) ++j;
      if (i == 0 && j == n && !is_bytearray(self)) return append_whole(list.get(), self) ? list.release() : Value();
      if (!append_piece(list.get(), self, data, i, j)) return Value();
      i = j;
    }
    while (i < n && is_space(static_cast<unsigned char>(data[i]))) ++i;
    if (i < n && !append_piece(list.get(), self, data, i, n)) return Value();
    return list.release();
  }
  for (; left > 0; --left) {
    size_t at = std::string_view(data).find(s.sep, i);
    if (at == std::string_view::npos) break;
    if (!append_piece(list.get(), self, data, i, at)) return Value();
    i = at + s.sep.size();
  }
  bool ok = i == 0 ? append_whole(list.get(), self) : append_piece(list.get(), self, data, i, n);
  return ok ? list.release() : Value();
}

Value bm_rsplit(Value self, const Value* args, size_t nargs, Value kwnames) {
  SplitArgs s;
  if (!parse_split("rsplit", args, nargs, kwnames, &s)) return Value();
  std::string data(byteseq_view(self));
  Ref list = Ref::steal(list_new(0));
  if (!list) return Value();
  size_t j = data.size();
  int64_t left = s.maxsplit;
  bool whole = false;
  if (s.whitespace) {
    for (; left > 0; --left) {
      while (j > 0 && is_space(static_cast<unsigned char>(data[j - 1]))) --j;
      if (j == 0) break;
      size_t i = j;
      while (i > 0 && !is_space(static_cast<unsigned char>(data[i - 1]))) --i;
      if (i == 0 && j == data.size() && !is_bytearray(self)) {
        whole = true;
        j = 0;
        break;
      }
      if (!append_piece(list.get(), self, data, i, j)) return Value();
      j = i;
    }
    while (j > 0 && is_space(static_cast<unsigned char>(data[j - 1]))) --j;
    if (j > 0 && !append_piece(list.get(), self, data, 0, j)) return Value();
    if (whole && !append_whole(list.get(), self)) return Value();
  } else {
    for (; left > 0 && j >= s.sep.size(); --left) {
      size_t at = std::string_view(data).substr(0, j).rfind(s.sep);
      if (at == std::string_view::npos) break;
      if (!append_piece(list.get(), self, data, at + s.sep.size(), j)) return Value();
      j = at;
    }
    bool ok = j == data.size() ? append_whole(list.get(), self) : append_piece(list.get(), self, data, 0, j);
    if (!ok) return Value();
  }
  if (list_reverse(list.get()) < 0) return Value();
  return list.release();
}

Value bm_splitlines(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kParams[] = {"keepends"};
  Value a[1];
  if (!coll::parse_args("splitlines", args, nargs, kwnames, kParams, 1, 0, 1, a)) return Value();
  int keepends = 0;
  if (!a[0].is_null()) {
    if (type_of(a[0]) == &float_type) return raise(exc::TypeError, "'float' object cannot be interpreted as an integer");
    keepends = is_true(a[0]);
    if (keepends < 0) return Value();
  }
  std::string data(byteseq_view(self));
  Ref list = Ref::steal(list_new(0));
  if (!list) return Value();
  size_t n = data.size(), i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && data[j] != '\n' && data[j] != '\r') ++j;
    size_t eol = j;
    if (j < n) {
      j += data[j] == '\r' && j + 1 < n && data[j + 1] == '\n' ? 2 : 1;
      if (keepends) eol = j;
    }
    bool ok = i == 0 && eol == n ? append_whole(list.get(), self) : append_piece(list.get(), self, data, i, eol);
    if (!ok) return Value();
    i = j;
  }
  return list.release();
}

Value partition_impl(Value self, Value sep_arg, bool reverse) {
  std::string_view sep;
  if (!bytes_like_view(sep_arg, &sep)) return Value();
  if (sep.empty()) return raise(exc::ValueError, "empty separator");
  std::string data(byteseq_view(self));
  std::string sep_copy(sep);
  size_t at = reverse ? std::string_view(data).rfind(sep_copy) : std::string_view(data).find(sep_copy);
  Ref parts[3];
  if (at == std::string_view::npos) {
    parts[reverse ? 2 : 0] = Ref::steal(same_or_copy(self));
    parts[1] = Ref::steal(make_like(self, ""));
    parts[reverse ? 0 : 2] = Ref::steal(make_like(self, ""));
  } else {
    parts[0] = Ref::steal(make_like(self, std::string_view(data).substr(0, at)));
    // bytes returns the separator object itself when it is exact bytes, as CPython.
    parts[1] = v_is_exact_bytes(sep_arg) && !is_bytearray(self) ? Ref::borrow(sep_arg) : Ref::steal(make_like(self, sep_copy));
    parts[2] = Ref::steal(make_like(self, std::string_view(data).substr(at + sep_copy.size())));
  }
  for (const Ref& p : parts) {
    if (!p) return Value();
  }
  return tuple_pack({parts[0].get(), parts[1].get(), parts[2].get()});
}
Value bm_partition(Value self, Value sep) { return partition_impl(self, sep, false); }
Value bm_rpartition(Value self, Value sep) { return partition_impl(self, sep, true); }

Value bm_join(Value self, Value iterable) {
  Ref list = Ref::steal(list_from_iterable(iterable));
  if (!list) return Value();
  std::string sep(byteseq_view(self));
  std::string out;
  size_t n = list_size(list.get());
  for (size_t i = 0; i < n; ++i) {
    Value item = list_get(list.get(), i);
    std::string_view piece;
    if (!has_buffer(item) || !bytes_like_view(item, &piece)) {
      clear_error();
      return raise_format(exc::TypeError, "sequence item %zu: expected a bytes-like object, %s found", i, type_name(item));
    }
    if (i > 0) out.append(sep);
    out.append(piece);
  }
  if (n == 1 && v_is_exact_bytes(list_get(list.get(), 0)) && !is_bytearray(self)) return Ref::borrow(list_get(list.get(), 0)).release();
  return make_like(self, out);
}

// --- stripping, replacing, affixes -------------------------------------------------------------

// which: 1 left, 2 right, 3 both.
Value strip_impl(const char* name, int which, Value self, const Value* args, size_t nargs) {
  if (!coll::check_unpack(name, nargs, 0, 1)) return Value();
  std::string_view chars = " \t\n\v\f\r";
  if (nargs == 1 && !args[0].is(none()) && !bytes_like_view(args[0], &chars)) return Value();
  std::string_view data = byteseq_view(self);
  size_t i = 0, j = data.size();
  if (which & 1) {
    while (i < j && chars.find(data[i]) != std::string_view::npos) ++i;
  }
  if (which & 2) {
    while (j > i && chars.find(data[j - 1]) != std::string_view::npos) --j;
  }
  if (i == 0 && j == data.size()) return same_or_copy(self);
  return make_like(self, data.substr(i, j - i));
}
Value bm_strip(Value self, const Value* args, size_t nargs) { return strip_impl("strip", 3, self, args, nargs); }
Value bm_lstrip(Value self, const Value* args, size_t nargs) { return strip_impl("lstrip", 1, self, args, nargs); }
Value bm_rstrip(Value self, const Value* args, size_t nargs) { return strip_impl("rstrip", 2, self, args, nargs); }

Value bm_replace(Value self, const Value* args, size_t nargs) {
  if (!coll::check_unpack("replace", nargs, 2, 3)) return Value();
  std::string_view old_view, new_view;
  if (!bytes_like_view(args[0], &old_view) || !bytes_like_view(args[1], &new_view)) return Value();
  int64_t count = -1;
  if (nargs > 2 && !coll::ssize_arg(args[2], &count)) return Value();
  if (count < 0) count = INT64_MAX;
  std::string old_s(old_view), new_s(new_view);
  std::string_view data = byteseq_view(self);
  std::string out;
  size_t i = 0;
  int64_t done = 0;
  if (old_s.empty()) {
    for (; done < count && i <= data.size(); ++done) {
      out += new_s;
      if (i < data.size()) out += data[i];
      ++i;
    }
    if (i < data.size()) out.append(data.substr(i));
  } else {
    for (; done < count; ++done) {
      size_t at = data.find(old_s, i);
      if (at == std::string_view::npos) break;
      out.append(data.substr(i, at - i));
      out += new_s;
      i = at + old_s.size();
    }
    out.append(data.substr(i));
  }
  if (done == 0) return same_or_copy(self);
  return make_like(self, out);
}

Value affix_impl(Value self, Value affix, bool suffix) {
  std::string_view p;
  if (!bytes_like_view(affix, &p)) return Value();
  std::string_view data = byteseq_view(self);
  if (p.empty() || data.size() < p.size()) return same_or_copy(self);
  if (suffix ? data.substr(data.size() - p.size()) != p : data.substr(0, p.size()) != p) return same_or_copy(self);
  return make_like(self, suffix ? data.substr(0, data.size() - p.size()) : data.substr(p.size()));
}
Value bm_removeprefix(Value self, Value prefix) { return affix_impl(self, prefix, false); }
Value bm_removesuffix(Value self, Value suffix) { return affix_impl(self, suffix, true); }

// --- padding -----------------------------------------------------------------------------------

// center/ljust/rjust: (width[, fillchar]) where fillchar is a bytes or bytearray of length 1.
Value pad_impl(const char* name, char how, Value self, const Value* args, size_t nargs) {
  if (!coll::check_unpack(name, nargs, 1, 2)) return Value();
  int64_t width;
  if (!coll::ssize_arg(args[0], &width)) return Value();
  char fill = ' ';
  if (nargs > 1) {
    Value f = args[1];
    if (!(is_bytes(f) || is_bytearray(f)) || byteseq_view(f).size() != 1) {
      return raise_format(exc::TypeError, "%s() argument 2 must be a byte string of length 1, not %s", name, type_name(f));
    }
    fill = byteseq_view(f)[0];
  }
  std::string_view data = byteseq_view(self);
  int64_t n = static_cast<int64_t>(data.size());
  if (width <= n) return same_or_copy(self);
  int64_t pad = width - n, left = 0;
  if (how == 'c') left = pad / 2 + (pad & width & 1);
  else if (how == 'r') left = pad;
  std::string out(static_cast<size_t>(left), fill);
  out.append(data);
  out.append(static_cast<size_t>(pad - left), fill);
  return make_like(self, out);
}
Value bm_center(Value self, const Value* args, size_t nargs) { return pad_impl("center", 'c', self, args, nargs); }
Value bm_ljust(Value self, const Value* args, size_t nargs) { return pad_impl("ljust", 'l', self, args, nargs); }
Value bm_rjust(Value self, const Value* args, size_t nargs) { return pad_impl("rjust", 'r', self, args, nargs); }

Value bm_zfill(Value self, Value width_arg) {
  int64_t width;
  if (!coll::ssize_arg(width_arg, &width)) return Value();
  std::string_view data = byteseq_view(self);
  if (width <= static_cast<int64_t>(data.size())) return same_or_copy(self);
  std::string out(static_cast<size_t>(width) - data.size(), '0');
  out.append(data);
  size_t fill = static_cast<size_t>(width) - data.size();
  if (!data.empty() && (data[0] == '+' || data[0] == '-')) {
    out[0] = data[0];
    out[fill] = '0';
  }
  return make_like(self, out);
}

Value bm_expandtabs(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kParams[] = {"tabsize"};
  Value a[1];
  if (!coll::parse_args("expandtabs", args, nargs, kwnames, kParams, 1, 0, 1, a)) return Value();
  int64_t tabsize = 8;
  if (!a[0].is_null() && !coll::index_arg(a[0], &tabsize)) return Value();
  std::string out;
  int64_t column = 0;
  for (char c : byteseq_view(self)) {
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t spaces = tabsize - column % tabsize;
        out.append(static_cast<size_t>(spaces), ' ');
        column += spaces;
      }
    } else {
      out += c;
      column = c == '\n' || c == '\r' ? 0 : column + 1;
    }
  }
  return make_like(self, out);
}

// --- case and predicates -----------------------------------------------------------------------

template <typename F>
Value map_bytes(Value self, F f) {
  std::string out(byteseq_view(self));
  bool previous_cased = false;
  for (size_t i = 0; i < out.size(); ++i) out[i] = f(static_cast<unsigned char>(out[i]), i, previous_cased);
  return make_like(self, out);
}
Value bm_lower(Value self) { return map_bytes(self, [](unsigned char c, size_t, bool&) { return to_lower(c); }); }
Value bm_upper(Value self) { return map_bytes(self, [](unsigned char c, size_t, bool&) { return to_upper(c); }); }
Value bm_swapcase(Value self) {
  return map_bytes(self, [](unsigned char c, size_t, bool&) { return is_lower(c) ? to_upper(c) : to_lower(c); });
}
Value bm_capitalize(Value self) {
  return map_bytes(self, [](unsigned char c, size_t i, bool&) { return i == 0 ? to_upper(c) : to_lower(c); });
}
Value bm_title(Value self) {
  return map_bytes(self, [](unsigned char c, size_t, bool& previous_cased) {
    char r = previous_cased ? to_lower(c) : to_upper(c);
    previous_cased = is_alpha(c);
    return r;
  });
}

// The is* predicates: false on empty data; true when every byte satisfies `f`.
template <typename F>
Value all_bytes(Value self, F f) {
  std::string_view data = byteseq_view(self);
  if (data.empty()) return new_bool(false);
  for (unsigned char c : data) {
    if (!f(c)) return new_bool(false);
  }
  return new_bool(true);
}
Value bm_isalnum(Value self) { return all_bytes(self, [](unsigned char c) { return is_alpha(c) || is_digit(c); }); }
Value bm_isalpha(Value self) { return all_bytes(self, is_alpha); }
Value bm_isdigit(Value self) { return all_bytes(self, is_digit); }
Value bm_isspace(Value self) { return all_bytes(self, is_space); }
Value bm_isascii(Value self) {
  for (unsigned char c : byteseq_view(self)) {
    if (c >= 0x80) return new_bool(false);
  }
  return new_bool(true);
}
// islower/isupper: at least one cased byte and none of the other case.
Value case_predicate(Value self, bool (*want)(unsigned char), bool (*other)(unsigned char)) {
  bool seen = false;
  for (unsigned char c : byteseq_view(self)) {
    if (other(c)) return new_bool(false);
    seen = seen || want(c);
  }
  return new_bool(seen);
}
Value bm_islower(Value self) { return case_predicate(self, is_lower, is_upper); }
Value bm_isupper(Value self) { return case_predicate(self, is_upper, is_lower); }
Value bm_istitle(Value self) {
  bool previous_cased = false, seen = false;
  for (unsigned char c : byteseq_view(self)) {
    if (is_upper(c)) {
      if (previous_cased) return new_bool(false);
      previous_cased = seen = true;
    } else if (is_lower(c)) {
      if (!previous_cased) return new_bool(false);
      previous_cased = seen = true;
    } else {
      previous_cased = false;
    }
  }
  return new_bool(seen);
}

// --- translation, hex, decoding ----------------------------------------------------------------

Value bm_translate(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs == 0) {
    return raise(exc::TypeError, "translate() takes at least 1 positional argument (0 given)");
  }
  static const char* const kParams[] = {"", "delete"};
  Value a[2];
  if (!coll::parse_args("translate", args, nargs, kwnames, kParams, 2, 1, 2, a)) return Value();
  std::string_view table, del;
  bool has_table = !a[0].is(none());
  if (has_table) {
    if (!bytes_like_view(a[0], &table)) return Value();
    if (table.size() != 256) return raise(exc::ValueError, "translation table must be 256 characters long");
  }
  if (!a[1].is_null() && !bytes_like_view(a[1], &del)) return Value();
  bool drop[256] = {};
  for (unsigned char c : del) drop[c] = true;
  std::string out;
  std::string_view data = byteseq_view(self);
  out.reserve(data.size());
  for (unsigned char c : data) {
    if (!drop[c]) out += has_table ? table[c] : static_cast<char>(c);
  }
  if (!has_table && out.size() == data.size()) return same_or_copy(self);
  return make_like(self, out);
}

Value bm_maketrans(Value, const Value* args, size_t nargs) {
  if (!coll::check_unpack("maketrans", nargs, 2, 2)) return Value();
  std::string_view from, to;
  if (!bytes_like_view(args[0], &from) || !bytes_like_view(args[1], &to)) return Value();
  if (from.size() != to.size()) return raise(exc::ValueError, "maketrans arguments must have same length");
  std::string table(256, '\0');
  for (int i = 0; i < 256; ++i) table[static_cast<size_t>(i)] = static_cast<char>(i);
  for (size_t i = 0; i < from.size(); ++i) table[static_cast<unsigned char>(from[i])] = to[i];
  return bytes_from(table);
}

int hex_digit(unsigned char c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// bytes.fromhex / bytearray.fromhex: a classmethod; subclasses get cls(result).
Value bm_fromhex(Value cls, Value text) {
  if (!is_str(text)) return raise_format(exc::TypeError, "fromhex() argument must be str, not %s", type_name(text));
  size_t n = str_length(text);
  std::string out;
  size_t i = 0;
  while (true) {
    while (i < n && str_char(text, i) < 128 && is_space(static_cast<unsigned char>(str_char(text, i)))) ++i;
    if (i >= n) break;
    char32_t hi = str_char(text, i), lo = i + 1 < n ? str_char(text, i + 1) : 0;
    int top = hi < 128 ? hex_digit(static_cast<unsigned char>(hi)) : -1;
    if (top < 0) return raise_format(exc::ValueError, "non-hexadecimal number found in fromhex() arg at position %zu", i);
    int bottom = lo < 128 && i + 1 < n ? hex_digit(static_cast<unsigned char>(lo)) : -1;
    if (bottom < 0) return raise_format(exc::ValueError, "non-hexadecimal number found in fromhex() arg at position %zu", i + 1);
    out += static_cast<char>(top * 16 + bottom);
    i += 2;
  }
  TypeObject* type = static_cast<TypeObject*>(cls.as_object());
  if (type == &bytes_type) return bytes_from(out);
  if (type == &bytearray_type) return bytearray_from(out);
  Ref raw = Ref::steal(is_subtype(type, &bytearray_type) ? bytearray_from(out) : bytes_from(out));
  if (!raw) return Value();
  return call_one_arg(cls, raw.get());
}

Value bm_hex(Value self, const Value* args, size_t nargs, Value kwnames) {
  return bytes_hex_method(byteseq_view(self), args, nargs, kwnames);
}

Value bm_decode(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kParams[] = {"encoding", "errors"};
  Value a[2];
  if (!coll::parse_args("decode", args, nargs, kwnames, kParams, 2, 0, 2, a)) return Value();
  std::string encoding = "utf-8", errors = "strict";
  if (!a[0].is_null()) {
    if (!is_str(a[0])) return raise_format(exc::TypeError, "decode() argument 'encoding' must be str, not %s", type_name(a[0]));
    encoding = str_to_utf8(a[0]);
  }
  if (!a[1].is_null()) {
    if (!is_str(a[1])) return raise_format(exc::TypeError, "decode() argument 'errors' must be str, not %s", type_name(a[1]));
    errors = str_to_utf8(a[1]);
  }
  std::string data(byteseq_view(self));
  return bytes_decode(data, encoding, errors);
}

Value bm_mod(Value self, Value args) { return bytes_percent_format(byteseq_view(self), args); }

}  // namespace

Value bytes_hex_method(std::string_view data, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kParams[] = {"sep", "bytes_per_sep"};
  Value a[2];
  if (!coll::parse_args("hex", args, nargs, kwnames, kParams, 2, 0, 2, a)) return Value();
  char sep = 0;
  int64_t group = 1;
  if (!a[1].is_null()) {
    if (!coll::index_arg(a[1], &group)) return Value();
    if (group > INT32_MAX || group < INT32_MIN) return raise(exc::OverflowError, "Python int too large to convert to C int");
  }
  if (!a[0].is_null()) {
    int64_t len = length(a[0]);
    if (len < 0) return Value();
    if (len != 1) return raise(exc::ValueError, "sep must be length 1.");
    if (is_str(a[0])) {
      if (str_char(a[0], 0) >= 128) return raise(exc::ValueError, "sep must be ASCII.");
      sep = static_cast<char>(str_char(a[0], 0));
    } else if (is_bytes(a[0])) {
      sep = bytes_view(a[0])[0];
    } else {
      return raise(exc::TypeError, "sep must be str or bytes.");
    }
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(data.size() * 3);
  size_t n = data.size(), k = static_cast<size_t>(group < 0 ? -group : group);
  for (size_t i = 0; i < n; ++i) {
    // A separator before byte i when a group ends there: groups count from the right for a
    // positive bytes_per_sep, from the left for a negative one.
    if (sep != 0 && k != 0 && i > 0 && (group > 0 ? (n - i) % k == 0 : i % k == 0)) out += sep;
    unsigned char c = static_cast<unsigned char>(data[i]);
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return str_from_ascii(out);
}

Value byteseq_subscript(Value self, Value key) {
  std::string_view data = byteseq_view(self);
  bool mutable_kind = is_bytearray(self);
  if (is_slice(key)) {
    int64_t start, stop, step;
    if (slice_unpack(key, &start, &stop, &step) < 0) return Value();
    int64_t n = slice_adjust_indices(static_cast<int64_t>(data.size()), &start, &stop, step);
    if (step == 1) {
      if (n == static_cast<int64_t>(data.size()) && v_is_exact_bytes(self)) return Ref::borrow(self).release();
      return make_like(self, data.substr(static_cast<size_t>(start), static_cast<size_t>(n)));
    }
    std::string out;
    out.reserve(static_cast<size_t>(n));
    for (int64_t i = 0, at = start; i < n; ++i, at += step) out += data[static_cast<size_t>(at)];
    return make_like(self, out);
  }
  if (is_int(key) || type_of(key)->number.index != nullptr) {
    int64_t index;
    if (!subscript_index(key, &index)) return Value();
    if (index < 0) index += static_cast<int64_t>(data.size());
    if (index < 0 || index >= static_cast<int64_t>(data.size())) {
      return raise(exc::IndexError, mutable_kind ? "bytearray index out of range" : "index out of range");
    }
    return int_from_int64(static_cast<unsigned char>(data[static_cast<size_t>(index)]));
  }
  return raise_format(exc::TypeError, "%s indices must be integers or slices, not %s", mutable_kind ? "bytearray" : "byte",
                      type_name(key));
}

int byteseq_contains(std::string_view data, Value item) {
  char storage;
  std::string_view needle;
  if (!has_buffer(item) && (is_int(item) || type_of(item)->number.index != nullptr)) {
    if (!sub_arg(item, &storage, &needle)) return -1;
  } else if (!bytes_like_view(item, &needle)) {
    return -1;
  }
  return data.find(needle) != std::string_view::npos;
}

namespace {

// The data of a buffer: a view of it when contiguous, else a copy kept in `storage`.
bool buffer_data(Value v, std::string_view* out, std::string* storage) {
  if (!is_memoryview(v)) return bytes_like_view(v, out);
  if (!buffer_to_string(v, storage)) return false;
  *out = *storage;
  return true;
}

// Whether `op` holds for a three-way comparison result c (<0, 0, >0).
bool order_holds(int c, CompareOp op) {
  static constexpr bool kHolds[6][3] = {
      // less, equal, greater
      {true, false, false},   // <
      {true, true, false},    // <=
      {false, true, false},   // ==
      {true, false, true},    // !=
      {false, false, true},   // >
      {false, true, true},    // >=
  };
  return kHolds[static_cast<int>(op)][c < 0 ? 0 : c == 0 ? 1 : 2];
}

}  // namespace

Value byteseq_richcompare(Value a, Value b, CompareOp op) {
  if (!has_buffer(a) || !has_buffer(b)) return Ref::borrow(not_implemented()).release();
  std::string_view x, y;
  std::string x_storage, y_storage;
  if (!buffer_data(a, &x, &x_storage) || !buffer_data(b, &y, &y_storage)) return Value();
  if ((op == CompareOp::Eq || op == CompareOp::Ne) && x.size() != y.size()) return new_bool(op == CompareOp::Ne);
  return new_bool(order_holds(x.compare(y), op));
}

#define M(name, fn, kind) {name, reinterpret_cast<void*>(&fn), MethodKind::kind}
const MethodDef byteseq_methods[] = {
    M("capitalize", bm_capitalize, NoArgs),
    M("center", bm_center, Fast),
    M("count", bm_count, Fast),
    M("decode", bm_decode, FastKeywords),
    M("endswith", bm_endswith, Fast),
    M("expandtabs", bm_expandtabs, FastKeywords),
    M("find", bm_find, Fast),
    {"fromhex", reinterpret_cast<void*>(&bm_fromhex), MethodKind::OneArg, true},
    M("hex", bm_hex, FastKeywords),
    M("index", bm_index, Fast),
    M("isalnum", bm_isalnum, NoArgs),
    M("isalpha", bm_isalpha, NoArgs),
    M("isascii", bm_isascii, NoArgs),
    M("isdigit", bm_isdigit, NoArgs),
    M("islower", bm_islower, NoArgs),
    M("isspace", bm_isspace, NoArgs),
    M("istitle", bm_istitle, NoArgs),
    M("isupper", bm_isupper, NoArgs),
    M("join", bm_join, OneArg),
    M("ljust", bm_ljust, Fast),
    M("lower", bm_lower, NoArgs),
    M("lstrip", bm_lstrip, Fast),
    {"maketrans", reinterpret_cast<void*>(&bm_maketrans), MethodKind::Fast, false, true},
    M("partition", bm_partition, OneArg),
    M("removeprefix", bm_removeprefix, OneArg),
    M("removesuffix", bm_removesuffix, OneArg),
    M("replace", bm_replace, Fast),
    M("rfind", bm_rfind, Fast),
    M("rindex", bm_rindex, Fast),
    M("rjust", bm_rjust, Fast),
    M("rpartition", bm_rpartition, OneArg),
    M("rsplit", bm_rsplit, FastKeywords),
    M("rstrip", bm_rstrip, Fast),
    M("split", bm_split, FastKeywords),
    M("splitlines", bm_splitlines, FastKeywords),
    M("startswith", bm_startswith, Fast),
    M("strip", bm_strip, Fast),
    M("swapcase", bm_swapcase, NoArgs),
    M("title", bm_title, NoArgs),
    M("translate", bm_translate, FastKeywords),
    M("upper", bm_upper, NoArgs),
    M("zfill", bm_zfill, OneArg),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef M

// The `%` operator of bytes and bytearray (their number.remainder slot): `self` may be the right
// operand (x % b'...'), which is not ours to format.
Value byteseq_remainder(Value self, Value args) {
  if (!is_bytes(self) && !is_bytearray(self)) return Ref::borrow(not_implemented()).release();
  Ref result = Ref::steal(bm_mod(self, args));
  if (!result || !is_bytearray(self)) return result.release();
  return bytearray_from(bytes_view(result.get()));
}

}  // namespace krait::runtime
