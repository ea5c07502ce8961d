// The methods of str (searching, splitting, case, predicates, padding, translation).
#include <cstring>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/coll_util.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/str_builder.h"
#include "runtime/str_impl.h"
#include "runtime/tuple.h"
#include "support/unicode.h"
#include "support/unicode_case.h"

namespace krait::runtime {

using coll::type_name;

// --- searching -------------------------------------------------------------------------------

int64_t str_find_impl(Value haystack, Value needle, int64_t start, int64_t end) {
  int64_t m = static_cast<int64_t>(str_length(needle));
  if (start > end || end - start < m) return -1;
  if (m == 0) return start;
  if (str_kind(needle) > str_kind(haystack)) return -1;
  if (m == 1) return str_find_char(haystack, str_char(needle, 0), static_cast<size_t>(start), static_cast<size_t>(end));
  if (str_kind(haystack) == 1) {
    std::string_view h(static_cast<const char*>(str_data(haystack)) + start, static_cast<size_t>(end - start));
    std::string_view n(static_cast<const char*>(str_data(needle)), static_cast<size_t>(m));
    size_t at = h.find(n);
    return at == std::string_view::npos ? -1 : start + static_cast<int64_t>(at);
  }
  char32_t first = str_char(needle, 0);
  for (int64_t i = start; i + m <= end; ++i) {
    if (str_char(haystack, static_cast<size_t>(i)) != first) continue;
    int64_t j = 1;
    while (j < m && str_char(haystack, static_cast<size_t>(i + j)) == str_char(needle, static_cast<size_t>(j))) ++j;
    if (j == m) return i;
  }
  return -1;
}

int64_t str_rfind_impl(Value haystack, Value needle, int64_t start, int64_t end) {
  int64_t m = static_cast<int64_t>(str_length(needle));
  if (start > end || end - start < m) return -1;
  if (m == 0) return end;
  if (str_kind(needle) > str_kind(haystack)) return -1;
  if (str_kind(haystack) == 1) {
    std::string_view h(static_cast<const char*>(str_data(haystack)) + start, static_cast<size_t>(end - start));
    std::string_view n(static_cast<const char*>(str_data(needle)), static_cast<size_t>(m));
    size_t at = h.rfind(n);
    return at == std::string_view::npos ? -1 : start + static_cast<int64_t>(at);
  }
  for (int64_t i = end - m; i >= start; --i) {
    int64_t j = 0;
    while (j < m && str_char(haystack, static_cast<size_t>(i + j)) == str_char(needle, static_cast<size_t>(j))) ++j;
    if (j == m) return i;
  }
  return -1;
}

namespace {

int64_t count_impl(Value haystack, Value needle, int64_t start, int64_t end, int64_t max_count) {
  int64_t m = static_cast<int64_t>(str_length(needle));
  if (start > end) return 0;
  if (m == 0) {
    int64_t n = end - start + 1;
    return n < max_count ? n : max_count;
  }
  int64_t count = 0;
  while (count < max_count) {
    int64_t at = str_find_impl(haystack, needle, start, end);
    if (at < 0) break;
    ++count;
    start = at + m;
  }
  return count;
}

Value new_int(int64_t i) { return int_from_int64(i); }
Value new_bool(bool b) {
  Value v = bool_value(b);
  incref(v);
  return v;
}
Value self_or_copy(Value self) {
  if (is_str_exact(self)) {
    incref(self);
    return self;
  }
  return str_substring(self, 0, str_length(self));
}

// The sub/start/end arguments of find, rfind, index, rindex, count.
bool parse_find_args(const char* name, Value self, const Value* args, size_t nargs, int64_t* start, int64_t* end) {
  if (nargs < 1) {
    raise_format(exc::TypeError, "%s() takes at least 1 argument (0 given)", name);
    return false;
  }
  if (nargs > 3) {
    raise_format(exc::TypeError, "%s() takes at most 3 arguments (%zu given)", name, nargs);
    return false;
  }
  if (!is_str(args[0])) {
    raise_format(exc::TypeError, "must be str, not %s", type_name(args[0]));
    return false;
  }
  *start = 0;
  *end = INT64_MAX;
  if (nargs > 1 && !coll::slice_index(args[1], start)) return false;
  if (nargs > 2 && !coll::slice_index(args[2], end)) return false;
  coll::adjust_range(static_cast<int64_t>(str_length(self)), start, end);
  return true;
}

Value str_find(Value self, const Value* args, size_t nargs) {
  int64_t start, end;
  if (!parse_find_args("find", self, args, nargs, &start, &end)) return Value();
  return new_int(str_find_impl(self, args[0], start, end));
}
Value str_rfind(Value self, const Value* args, size_t nargs) {
  int64_t start, end;
  if (!parse_find_args("rfind", self, args, nargs, &start, &end)) return Value();
  return new_int(str_rfind_impl(self, args[0], start, end));
}
Value str_index(Value self, const Value* args, size_t nargs) {
  int64_t start, end;
  if (!parse_find_args("index", self, args, nargs, &start, &end)) return Value();
  int64_t at = str_find_impl(self, args[0], start, end);
  if (at < 0) return raise(exc::ValueError, "substring not found");
  return new_int(at);
}
Value str_rindex(Value self, const Value* args, size_t nargs) {
  int64_t start, end;
  if (!parse_find_args("rindex", self, args, nargs, &start, &end)) return Value();
  int64_t at = str_rfind_impl(self, args[0], start, end);
  if (at < 0) return raise(exc::ValueError, "substring not found");
  return new_int(at);
}
Value str_count(Value self, const Value* args, size_t nargs) {
  int64_t start, end;
  if (!parse_find_args("count", self, args, nargs, &start, &end)) return Value();
  return new_int(count_impl(self, args[0], start, end, INT64_MAX));
}

// startswith / endswith: prefix may be a tuple of str.
Value starts_ends(const char* name, bool ends, Value self, const Value* args, size_t nargs) {
  if (nargs < 1) return raise_format(exc::TypeError, "%s() takes at least 1 argument (0 given)", name);
  if (nargs > 3) return raise_format(exc::TypeError, "%s() takes at most 3 arguments (%zu given)", name, nargs);
  int64_t start = 0, end = INT64_MAX;
  if (nargs > 1 && !coll::slice_index(args[1], &start)) return Value();
  if (nargs > 2 && !coll::slice_index(args[2], &end)) return Value();
  int64_t length = static_cast<int64_t>(str_length(self));
  coll::adjust_range(length, &start, &end);
  auto match = [&](Value fix) {
    int64_t m = static_cast<int64_t>(str_length(fix));
    if (end - start < m || start > length) return false;
    int64_t at = ends ? end - m : start;
    for (int64_t i = 0; i < m; ++i) {
      if (str_char(self, static_cast<size_t>(at + i)) != str_char(fix, static_cast<size_t>(i))) return false;
    }
    return true;
  };
  Value arg = args[0];
  if (is_tuple(arg)) {
    for (size_t i = 0; i < tuple_size(arg); ++i) {
      Value item = tuple_get(arg, i);
      if (!is_str(item)) {
        return raise_format(exc::TypeError, "tuple for %s must only contain str, not %s", name, type_name(item));
      }
      if (match(item)) return new_bool(true);
    }
    return new_bool(false);
  }
  if (!is_str(arg)) {
    return raise_format(exc::TypeError, "%s first arg must be str or a tuple of str, not %s", name, type_name(arg));
  }
  return new_bool(match(arg));
}
Value str_startswith(Value self, const Value* args, size_t nargs) { return starts_ends("startswith", false, self, args, nargs); }
Value str_endswith(Value self, const Value* args, size_t nargs) { return starts_ends("endswith", true, self, args, nargs); }

// --- splitting and joining -------------------------------------------------------------------

bool parse_split_args(const char* name, const Value* args, size_t nargs, Value kwnames, Value* sep, int64_t* maxsplit) {
  static const char* const kParams[] = {"sep", "maxsplit"};
  Value a[2];
  if (!coll::parse_args(name, args, nargs, kwnames, kParams, 2, 0, 2, a)) return false;
  *sep = a[0].is_null() || a[0].is(none()) ? Value() : a[0];
  if (!sep->is_null() && !is_str(*sep)) {
    raise_format(exc::TypeError, "must be str or None, not %s", type_name(*sep));
    return false;
  }
  *maxsplit = -1;
  if (!a[1].is_null() && !coll::ssize_arg(a[1], maxsplit)) return false;
  if (*maxsplit < 0) *maxsplit = INT64_MAX;
  if (!sep->is_null() && str_length(*sep) == 0) {
    raise(exc::ValueError, "empty separator");
    return false;
  }
  return true;
}

bool append_piece(Value list, Value self, int64_t start, int64_t end) {
  Ref piece = Ref::steal(str_substring(self, static_cast<size_t>(start), static_cast<size_t>(end)));
  return piece && list_append(list, piece.get()) == 0;
}

Value str_split(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value sep;
  int64_t maxsplit;
  if (!parse_split_args("split", args, nargs, kwnames, &sep, &maxsplit)) return Value();
  Ref list = Ref::steal(list_new(0));
  if (!list) return Value();
  int64_t n = static_cast<int64_t>(str_length(self));
  if (sep.is_null()) {
    int64_t i = 0;
    while (maxsplit-- > 0) {
      while (i < n && unicode::is_space(str_char(self, static_cast<size_t>(i)))) ++i;
      if (i == n) break;
      int64_t j = i;
      while (j < n && !unicode::is_space(str_char(self, static_cast<size_t>(j)))) ++j;
      if (!append_piece(list.get(), self, i, j)) return Value();
      i = j;
    }
    while (i < n && unicode::is_space(str_char(self, static_cast<size_t>(i)))) ++i;
    if (i < n && !append_piece(list.get(), self, i, n)) return Value();
    return list.release();
  }
  int64_t m = static_cast<int64_t>(str_length(sep));
  int64_t i = 0;
  while (maxsplit-- > 0) {
    int64_t at = str_find_impl(self, sep, i, n);
    if (at < 0) break;
    if (!append_piece(list.get(), self, i, at)) return Value();
    i = at + m;
  }
  if (i == 0 && n > 0 && is_str_exact(self)) {
    if (list_append(list.get(), self) < 0) return Value();
  } else if (!append_piece(list.get(), self, i, n)) {
    return Value();
  }
  return list.release();
}

Value str_rsplit(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value sep;
  int64_t maxsplit;
  if (!parse_split_args("rsplit", args, nargs, kwnames, &sep, &maxsplit)) return Value();
  Ref list = Ref::steal(list_new(0));
  if (!list) return Value();
  int64_t n = static_cast<int64_t>(str_length(self));
  if (sep.is_null()) {
    int64_t j = n;
    while (maxsplit-- > 0) {
      while (j > 0 && unicode::is_space(str_char(self, static_cast<size_t>(j - 1)))) --j;
      if (j == 0) break;
      int64_t i = j;
      while (i > 0 && !unicode::is_space(str_char(self, static_cast<size_t>(i - 1)))) --i;
      if (!append_piece(list.get(), self, i, j)) return Value();
      j = i;
    }
    while (j > 0 && unicode::is_space(str_char(self, static_cast<size_t>(j - 1)))) --j;
    if (j > 0 && !append_piece(list.get(), self, 0, j)) return Value();
  } else {
    int64_t m = static_cast<int64_t>(str_length(sep));
    int64_t j = n;
    while (maxsplit-- > 0) {
      int64_t at = str_rfind_impl(self, sep, 0, j);
      if (at < 0) break;
      if (!append_piece(list.get(), self, at + m, j)) return Value();
      j = at;
    }
    if (!append_piece(list.get(), self, 0, j)) return Value();
  }
  if (list_reverse(list.get()) < 0) return Value();
  return list.release();
}

Value str_splitlines(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kParams[] = {"keepends"};
  Value a[1];
  if (!coll::parse_args("splitlines", args, nargs, kwnames, kParams, 1, 0, 1, a)) return Value();
  int keepends = 0;
  if (!a[0].is_null()) {
    if (is_float(a[0])) return raise(exc::TypeError, "'float' object cannot be interpreted as an integer");
    keepends = is_true(a[0]);
    if (keepends < 0) return Value();
  }
  Ref list = Ref::steal(list_new(0));
  if (!list) return Value();
  int64_t n = static_cast<int64_t>(str_length(self));
  int64_t i = 0;
  while (i < n) {
    int64_t j = i;
    while (j < n && !unicode::is_linebreak(str_char(self, static_cast<size_t>(j)))) ++j;
    int64_t eol = j;
    if (j < n) {
      if (str_char(self, static_cast<size_t>(j)) == '\r' && j + 1 < n && str_char(self, static_cast<size_t>(j + 1)) == '\n') {
        j += 2;
      } else {
        ++j;
      }
      if (keepends) eol = j;
    }
    if (!append_piece(list.get(), self, i, eol)) return Value();
    i = j;
  }
  return list.release();
}

Value str_partition_impl(Value self, Value sep, bool reverse) {
  if (!is_str(sep)) return raise_format(exc::TypeError, "must be str, not %s", type_name(sep));
  if (str_length(sep) == 0) return raise(exc::ValueError, "empty separator");
  int64_t n = static_cast<int64_t>(str_length(self));
  int64_t at = reverse ? str_rfind_impl(self, sep, 0, n) : str_find_impl(self, sep, 0, n);
  Ref result = Ref::steal(tuple_new(3));
  if (!result) return Value();
  Value* items = tuple_items(result.get());
  if (at < 0) {
    Value empty1 = str_empty(), empty2 = str_empty();
    Value whole = self_or_copy(self);
    if (reverse) {
      items[0] = empty1, items[1] = empty2, items[2] = whole;
    } else {
      items[0] = whole, items[1] = empty1, items[2] = empty2;
    }
    return result.release();
  }
  int64_t m = static_cast<int64_t>(str_length(sep));
  items[0] = str_substring(self, 0, static_cast<size_t>(at));
  items[1] = self_or_copy(sep);
  items[2] = str_substring(self, static_cast<size_t>(at + m), static_cast<size_t>(n));
  if (items[0].is_null() || items[1].is_null() || items[2].is_null()) return Value();
  return result.release();
}
Value str_partition(Value self, Value sep) { return str_partition_impl(self, sep, false); }
Value str_rpartition(Value self, Value sep) { return str_partition_impl(self, sep, true); }

}  // namespace

Value str_join(Value separator, Value iterable) {
  Ref sequence;
  if (is_list_exact(iterable) || is_tuple_exact(iterable)) {
    sequence = Ref::borrow(iterable);
  } else {
    Ref it = Ref::steal(get_iter(iterable));
    if (!it) {
      if (error_matches(exc::TypeError)) {
        clear_error();
        return raise(exc::TypeError, "can only join an iterable");
      }
      return Value();
    }
    sequence = Ref::steal(list_new(0));
    if (!sequence) return Value();
    while (true) {
      Ref item = Ref::steal(iter_next(it.get()));
      if (!item) {
        if (error_occurred()) return Value();
        break;
      }
      if (list_append(sequence.get(), item.get()) < 0) return Value();
    }
  }
  bool is_list_seq = is_list_exact(sequence.get());
  size_t n = is_list_seq ? list_size(sequence.get()) : tuple_size(sequence.get());
  Value* items = is_list_seq ? list_items(sequence.get()) : tuple_items(sequence.get());
  if (n == 0) return str_empty();
  if (n == 1 && is_str_exact(items[0])) {
    incref(items[0]);
    return items[0];
  }
  size_t total = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!is_str(items[i])) {
      return raise_format(exc::TypeError, "sequence item %zu: expected str instance, %s found", i, type_name(items[i]));
    }
    total += str_length(items[i]);
  }
  total += str_length(separator) * (n - 1);
  StrBuilder builder;
  builder.reserve(total);
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) builder.append(separator);
    builder.append(items[i]);
  }
  return builder.finish();
}

namespace {

Value str_join_method(Value self, Value iterable) { return str_join(self, iterable); }

// --- strip -----------------------------------------------------------------------------------

Value strip_impl(const char* name, int which, Value self, const Value* args, size_t nargs) {
  if (!coll::check_unpack(name, nargs, 0, 1)) return Value();
  Value chars = nargs > 0 && !args[0].is(none()) ? args[0] : Value();
  if (!chars.is_null() && !is_str(chars)) return raise_format(exc::TypeError, "%s arg must be None or str", name);
  int64_t n = static_cast<int64_t>(str_length(self));
  auto strip_char = [&](char32_t c) {
    if (chars.is_null()) return unicode::is_space(c);
    return str_find_char(chars, c, 0, str_length(chars)) >= 0;
  };
  int64_t i = 0, j = n;
  if (which & 1) {
    while (i < j && strip_char(str_char(self, static_cast<size_t>(i)))) ++i;
  }
  if (which & 2) {
    while (j > i && strip_char(str_char(self, static_cast<size_t>(j - 1)))) --j;
  }
  return str_substring(self, static_cast<size_t>(i), static_cast<size_t>(j));
}
Value str_strip(Value self, const Value* args, size_t nargs) { return strip_impl("strip", 3, self, args, nargs); }
Value str_lstrip(Value self, const Value* args, size_t nargs) { return strip_impl("lstrip", 1, self, args, nargs); }
Value str_rstrip(Value self, const Value* args, size_t nargs) { return strip_impl("rstrip", 2, self, args, nargs); }

// --- replace ---------------------------------------------------------------------------------

Value str_replace(Value self, const Value* args, size_t nargs) {
  if (!coll::check_unpack("replace", nargs, 2, 3)) return Value();
  for (int k = 0; k < 2; ++k) {
    if (!is_str(args[k])) {
      return raise_format(exc::TypeError, "replace() argument %d must be str, not %s", k + 1, type_name(args[k]));
    }
  }
  int64_t max_count = -1;
  if (nargs > 2 && !coll::ssize_arg(args[2], &max_count)) return Value();
  if (max_count < 0) max_count = INT64_MAX;
  Value old_s = args[0], new_s = args[1];
  int64_t n = static_cast<int64_t>(str_length(self));
  int64_t m = static_cast<int64_t>(str_length(old_s));
  if (max_count == 0 || (m > 0 && str_find_impl(self, old_s, 0, n) < 0) || (m == 0 && false)) {
    return self_or_copy(self);
  }
  StrBuilder builder;
  builder.reserve(static_cast<size_t>(n));
  if (m == 0) {
    int64_t done = 0;
    for (int64_t i = 0; i <= n; ++i) {
      if (done < max_count) {
        builder.append(new_s);
        ++done;
      }
      if (i < n) builder.push(str_char(self, static_cast<size_t>(i)));
    }
    return builder.finish();
  }
  int64_t i = 0, done = 0;
  while (done < max_count) {
    int64_t at = str_find_impl(self, old_s, i, n);
    if (at < 0) break;
    builder.append(self, static_cast<size_t>(i), static_cast<size_t>(at));
    builder.append(new_s);
    i = at + m;
    ++done;
  }
  builder.append(self, static_cast<size_t>(i), static_cast<size_t>(n));
  return builder.finish();
}

Value str_removeprefix(Value self, Value prefix) {
  if (!is_str(prefix)) return raise_format(exc::TypeError, "removeprefix() argument must be str, not %s", type_name(prefix));
  size_t n = str_length(self), m = str_length(prefix);
  if (m <= n) {
    size_t i = 0;
    while (i < m && str_char(self, i) == str_char(prefix, i)) ++i;
    if (i == m) return str_substring(self, m, n);
  }
  return self_or_copy(self);
}

Value str_removesuffix(Value self, Value suffix) {
  if (!is_str(suffix)) return raise_format(exc::TypeError, "removesuffix() argument must be str, not %s", type_name(suffix));
  size_t n = str_length(self), m = str_length(suffix);
  if (m > 0 && m <= n) {
    size_t i = 0;
    while (i < m && str_char(self, n - m + i) == str_char(suffix, i)) ++i;
    if (i == m) return str_substring(self, 0, n - m);
  }
  return self_or_copy(self);
}

// --- case ------------------------------------------------------------------------------------

// Greek capital sigma lowers to final sigma at the end of a word (Unicode's Final_Sigma rule).
char32_t lower_sigma(Value self, size_t i) {
  size_t n = str_length(self);
  size_t j = i;
  bool cased_before = false;
  while (j > 0) {
    char32_t c = str_char(self, --j);
    if (unicode::is_case_ignorable(c)) continue;
    cased_before = unicode::is_cased(c);
    break;
  }
  bool cased_after = false;
  for (j = i + 1; j < n; ++j) {
    char32_t c = str_char(self, j);
    if (unicode::is_case_ignorable(c)) continue;
    cased_after = unicode::is_cased(c);
    break;
  }
  return cased_before && !cased_after ? 0x3C2 : 0x3C3;
}

void push_lower(StrBuilder& b, Value self, size_t i, char32_t c) {
  if (c == 0x3A3) {
    b.push(lower_sigma(self, i));
    return;
  }
  char32_t out[3];
  int k = unicode::to_lower(c, out);
  for (int x = 0; x < k; ++x) b.push(out[x]);
}

void push_mapped(StrBuilder& b, int (*map)(char32_t, char32_t*), char32_t c) {
  char32_t out[3];
  int k = map(c, out);
  for (int x = 0; x < k; ++x) b.push(out[x]);
}

Value str_lower(Value self) {
  size_t n = str_length(self);
  if (str_is_ascii(self)) {
    Value out = str_new(n, 127);
    if (out.is_null()) return out;
    const unsigned char* d = static_cast<const unsigned char*>(str_data(self));
    unsigned char* o = static_cast<StrObject*>(out.as_object())->data;
    for (size_t i = 0; i < n; ++i) o[i] = d[i] >= 'A' && d[i] <= 'Z' ? d[i] + 32 : d[i];
    return out;
  }
  StrBuilder b;
  b.reserve(n);
  for (size_t i = 0; i < n; ++i) push_lower(b, self, i, str_char(self, i));
  return b.finish();
}

Value str_upper(Value self) {
  size_t n = str_length(self);
  if (str_is_ascii(self)) {
    Value out = str_new(n, 127);
    if (out.is_null()) return out;
    const unsigned char* d = static_cast<const unsigned char*>(str_data(self));
    unsigned char* o = static_cast<StrObject*>(out.as_object())->data;
    for (size_t i = 0; i < n; ++i) o[i] = d[i] >= 'a' && d[i] <= 'z' ? d[i] - 32 : d[i];
    return out;
  }
  StrBuilder b;
  b.reserve(n);
  for (size_t i = 0; i < n; ++i) push_mapped(b, unicode::to_upper, str_char(self, i));
  return b.finish();
}

Value str_casefold(Value self) {
  size_t n = str_length(self);
  if (str_is_ascii(self)) return str_lower(self);
  StrBuilder b;
  b.reserve(n);
  for (size_t i = 0; i < n; ++i) push_mapped(b, unicode::to_casefold, str_char(self, i));
  return b.finish();
}

Value str_swapcase(Value self) {
  size_t n = str_length(self);
  StrBuilder b;
  b.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    char32_t c = str_char(self, i);
    if (unicode::is_upper(c)) {
      push_lower(b, self, i, c);
    } else if (unicode::is_lower(c)) {
      push_mapped(b, unicode::to_upper, c);
    } else {
      b.push(c);
    }
  }
  return b.finish();
}

Value str_capitalize(Value self) {
  size_t n = str_length(self);
  StrBuilder b;
  b.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    char32_t c = str_char(self, i);
    if (i == 0) {
      push_mapped(b, unicode::to_title, c);
    } else {
      push_lower(b, self, i, c);
    }
  }
  return b.finish();
}

Value str_title(Value self) {
  size_t n = str_length(self);
  StrBuilder b;
  b.reserve(n);
  bool previous_cased = false;
  for (size_t i = 0; i < n; ++i) {
    char32_t c = str_char(self, i);
    if (previous_cased) {
      push_lower(b, self, i, c);
    } else {
      push_mapped(b, unicode::to_title, c);
    }
    previous_cased = unicode::is_cased(c);
  }
  return b.finish();
}

// --- predicates ------------------------------------------------------------------------------

template <bool (*Pred)(char32_t)>
Value all_chars(Value self) {
  size_t n = str_length(self);
  if (n == 0) return new_bool(false);
  for (size_t i = 0; i < n; ++i) {
    if (!Pred(str_char(self, i))) return new_bool(false);
  }
  return new_bool(true);
}
bool alnum(char32_t c) { return unicode::is_alnum(c); }

Value str_isascii(Value self) { return new_bool(str_is_ascii(self)); }
Value str_isprintable(Value self) {
  size_t n = str_length(self);
  for (size_t i = 0; i < n; ++i) {
    if (!unicode::is_printable(str_char(self, i))) return new_bool(false);
  }
  return new_bool(true);
}
Value str_islower(Value self) {
  size_t n = str_length(self);
  bool cased = false;
  for (size_t i = 0; i < n; ++i) {
    char32_t c = str_char(self, i);
    if (unicode::is_upper(c) || unicode::is_title(c)) return new_bool(false);
    if (!cased && unicode::is_lower(c)) cased = true;
  }
  return new_bool(cased);
}
Value str_isupper(Value self) {
  size_t n = str_length(self);
  bool cased = false;
  for (size_t i = 0; i < n; ++i) {
    char32_t c = str_char(self, i);
    if (unicode::is_lower(c) || unicode::is_title(c)) return new_bool(false);
    if (!cased && unicode::is_upper(c)) cased = true;
  }
  return new_bool(cased);
}
Value str_istitle(Value self) {
  size_t n = str_length(self);
  bool cased = false, previous_cased = false;
  for (size_t i = 0; i < n; ++i) {
    char32_t c = str_char(self, i);
    if (unicode::is_upper(c) || unicode::is_title(c)) {
      if (previous_cased) return new_bool(false);
      previous_cased = true;
      cased = true;
    } else if (unicode::is_lower(c)) {
      if (!previous_cased) return new_bool(false);
      previous_cased = true;
      cased = true;
    } else {
      previous_cased = false;
    }
  }
  return new_bool(cased);
}
Value str_isidentifier(Value self) {
  size_t n = str_length(self);
  if (n == 0) return new_bool(false);
  char32_t first = str_char(self, 0);
  if (first != '_' && !unicode::is_xid_start(first)) return new_bool(false);
  for (size_t i = 1; i < n; ++i) {
    if (!unicode::is_xid_continue(str_char(self, i))) return new_bool(false);
  }
  return new_bool(true);
}

// --- padding ---------------------------------------------------------------------------------

bool fill_char(const char* name, const Value* args, size_t nargs, char32_t* fill) {
  *fill = ' ';
  if (nargs < 2) return true;
  if (!is_str(args[1])) {
    raise_format(exc::TypeError, "The fill character must be a unicode character, not %s", type_name(args[1]));
    return false;
  }
  if (str_length(args[1]) != 1) {
    raise(exc::TypeError, "The fill character must be exactly one character long");
    return false;
  }
  *fill = str_char(args[1], 0);
  return true;
}

Value pad(Value self, int64_t left, int64_t right, char32_t fill) {
  if (left < 0) left = 0;
  if (right < 0) right = 0;
  if (left == 0 && right == 0) return self_or_copy(self);
  StrBuilder b;
  b.reserve(str_length(self) + static_cast<size_t>(left + right));
  for (int64_t i = 0; i < left; ++i) b.push(fill);
  b.append(self);
  for (int64_t i = 0; i < right; ++i) b.push(fill);
  return b.finish();
}

Value justify(const char* name, int how, Value self, const Value* args, size_t nargs) {
  if (!coll::check_unpack(name, nargs, 1, 2)) return Value();
  int64_t width;
  if (!coll::ssize_arg(args[0], &width)) return Value();
  char32_t fill;
  if (!fill_char(name, args, nargs, &fill)) return Value();
  int64_t n = static_cast<int64_t>(str_length(self));
  if (width <= n) return self_or_copy(self);
  int64_t margin = width - n;
  if (how == 0) return pad(self, 0, margin, fill);      // ljust
  if (how == 1) return pad(self, margin, 0, fill);      // rjust
  int64_t left = margin / 2 + (margin & width & 1);     // center, as CPython rounds
  return pad(self, left, margin - left, fill);
}
Value str_ljust(Value self, const Value* args, size_t nargs) { return justify("ljust", 0, self, args, nargs); }
Value str_rjust(Value self, const Value* args, size_t nargs) { return justify("rjust", 1, self, args, nargs); }
Value str_center(Value self, const Value* args, size_t nargs) { return justify("center", 2, self, args, nargs); }

Value str_zfill(Value self, Value width_arg) {
  int64_t width;
  if (!coll::ssize_arg(width_arg, &width)) return Value();
  int64_t n = static_cast<int64_t>(str_length(self));
  if (width <= n) return self_or_copy(self);
  int64_t fill = width - n;
  StrBuilder b;
  b.reserve(static_cast<size_t>(width));
  size_t start = 0;
  if (n > 0 && (str_char(self, 0) == '+' || str_char(self, 0) == '-')) {
    b.push(str_char(self, 0));
    start = 1;
  }
  for (int64_t i = 0; i < fill; ++i) b.push('0');
  b.append(self, start, static_cast<size_t>(n));
  return b.finish();
}

Value str_expandtabs(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kParams[] = {"tabsize"};
  Value a[1];
  if (!coll::parse_args("expandtabs", args, nargs, kwnames, kParams, 1, 0, 1, a)) return Value();
  int64_t tabsize = 8;
  if (!a[0].is_null() && !coll::index_arg(a[0], &tabsize)) return Value();
  size_t n = str_length(self);
  StrBuilder b;
  b.reserve(n);
  int64_t column = 0;
  for (size_t i = 0; i < n; ++i) {
    char32_t c = str_char(self, i);
    if (c == '\t') {
      if (tabsize > 0) {
        int64_t spaces = tabsize - column % tabsize;
        for (int64_t k = 0; k < spaces; ++k) b.push(' ');
        column += spaces;
      }
    } else {
      b.push(c);
      ++column;
      if (c == '\n' || c == '\r') column = 0;
    }
  }
  return b.finish();
}

// --- translate -------------------------------------------------------------------------------

Value str_translate(Value self, Value table) {
  size_t n = str_length(self);
  StrBuilder b;
  b.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    char32_t c = str_char(self, i);
    Ref key = Ref::steal(int_from_int64(c));
    Ref mapped = Ref::steal(get_item(table, key.get()));
    if (!mapped) {
      if (error_matches(exc::LookupError)) {
        clear_error();
        b.push(c);
        continue;
      }
      return Value();
    }
    Value m = mapped.get();
    if (m.is(none())) continue;
    if (is_int(m)) {
      int64_t x;
      if (!int_to_int64(m, &x) || x < 0 || x > 0x10FFFF) {
        return raise(exc::ValueError, "character mapping must be in range(0x110000)");
      }
      b.push(static_cast<char32_t>(x));
    } else if (is_str(m)) {
      b.append(m);
    } else {
      return raise(exc::TypeError, "character mapping must return integer, None or str");
    }
  }
  return b.finish();
}

Value str_maketrans(Value unused, const Value* args, size_t nargs) {
  if (!coll::check_unpack("maketrans", nargs, 1, 3)) return Value();
  Ref result = Ref::steal(dict_new());
  if (!result) return Value();
  if (nargs == 1) {
    Value d = args[0];
    if (!is_dict(d)) return raise(exc::TypeError, "if you give only one argument to maketrans it must be a dict");
    size_t pos = 0;
    Value key, value;
    while (dict_next(d, &pos, &key, &value)) {
      if (is_str(key)) {
        if (str_length(key) != 1) return raise(exc::ValueError, "string keys in translate table must be of length 1");
        Ref k = Ref::steal(int_from_int64(str_char(key, 0)));
        if (dict_set_item(result.get(), k.get(), value) < 0) return Value();
      } else if (is_int(key)) {
        if (dict_set_item(result.get(), key, value) < 0) return Value();
      } else {
        return raise(exc::TypeError, "keys in translate table must be strings or integers");
      }
    }
    return result.release();
  }
  if (!is_str(args[0])) return raise_format(exc::TypeError, "maketrans() argument 1 must be str, not %s", type_name(args[0]));
  if (!is_str(args[1])) return raise_format(exc::TypeError, "maketrans() argument 2 must be str, not %s", type_name(args[1]));
  if (nargs == 3 && !is_str(args[2])) return raise_format(exc::TypeError, "maketrans() argument 3 must be str, not %s", type_name(args[2]));
  size_t n = str_length(args[0]);
  if (n != str_length(args[1])) return raise(exc::ValueError, "the first two maketrans arguments must have equal length");
  for (size_t i = 0; i < n; ++i) {
    Ref k = Ref::steal(int_from_int64(str_char(args[0], i)));
    Ref v = Ref::steal(int_from_int64(str_char(args[1], i)));
    if (dict_set_item(result.get(), k.get(), v.get()) < 0) return Value();
  }
  if (nargs == 3) {
    for (size_t i = 0; i < str_length(args[2]); ++i) {
      Ref k = Ref::steal(int_from_int64(str_char(args[2], i)));
      if (dict_set_item(result.get(), k.get(), none()) < 0) return Value();
    }
  }
  return result.release();
}

// --- encode and misc -------------------------------------------------------------------------

Value str_encode_method(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kParams[] = {"encoding", "errors"};
  Value a[2];
  if (!coll::parse_args("encode", args, nargs, kwnames, kParams, 2, 0, 2, a)) return Value();
  std::string encoding = "utf-8", errors = "strict";
  if (!a[0].is_null()) {
    if (!is_str(a[0])) return raise_format(exc::TypeError, "encode() argument 'encoding' must be str, not %s", type_name(a[0]));
    encoding = str_to_utf8(a[0]);
  }
  if (!a[1].is_null()) {
    if (!is_str(a[1])) return raise_format(exc::TypeError, "encode() argument 'errors' must be str, not %s", type_name(a[1]));
    errors = str_to_utf8(a[1]);
  }
  return str_encode(self, encoding, errors);
}

Value str_format_dunder(Value self, Value spec) {
  if (!is_str(spec)) return raise_format(exc::TypeError, "__format__() argument must be str, not %s", type_name(spec));
  return str_format_spec(self, spec);
}

Value str_format_call(Value self, const Value* args, size_t nargs, Value kwnames) {
  return str_format_method(self, args, nargs, kwnames);
}

Value str_getnewargs(Value self) {
  Ref copy = Ref::steal(str_substring(self, 0, str_length(self)));
  if (!copy) return Value();
  return tuple_pack({copy.get()});
}

Value str_sizeof(Value self) {
  const StrObject* s = as_str(self);
  // CPython 3.11's sizes: compact ASCII 48 + n + 1, other compact 72 + (n + 1) * kind.
  int64_t size = s->ascii ? 48 + s->length + 1 : 72 + (s->length + 1) * s->kind;
  return new_int(size);
}

}  // namespace

#define M(name, fn, kind) {name, reinterpret_cast<void*>(&fn), MethodKind::kind}
const MethodDef str_methods[] = {
    M("encode", str_encode_method, FastKeywords),
    M("replace", str_replace, Fast),
    M("split", str_split, FastKeywords),
    M("rsplit", str_rsplit, FastKeywords),
    M("join", str_join_method, OneArg),
    M("capitalize", str_capitalize, NoArgs),
    M("casefold", str_casefold, NoArgs),
    M("title", str_title, NoArgs),
    M("center", str_center, Fast),
    M("count", str_count, Fast),
    M("expandtabs", str_expandtabs, FastKeywords),
    M("find", str_find, Fast),
    M("partition", str_partition, OneArg),
    M("index", str_index, Fast),
    M("ljust", str_ljust, Fast),
    M("lower", str_lower, NoArgs),
    M("lstrip", str_lstrip, Fast),
    M("rfind", str_rfind, Fast),
    M("rindex", str_rindex, Fast),
    M("rjust", str_rjust, Fast),
    M("rstrip", str_rstrip, Fast),
    M("rpartition", str_rpartition, OneArg),
    M("splitlines", str_splitlines, FastKeywords),
    M("strip", str_strip, Fast),
    M("swapcase", str_swapcase, NoArgs),
    M("translate", str_translate, OneArg),
    M("upper", str_upper, NoArgs),
    M("startswith", str_startswith, Fast),
    M("endswith", str_endswith, Fast),
    M("removeprefix", str_removeprefix, OneArg),
    M("removesuffix", str_removesuffix, OneArg),
    M("isascii", str_isascii, NoArgs),
    M("islower", str_islower, NoArgs),
    M("isupper", str_isupper, NoArgs),
    M("istitle", str_istitle, NoArgs),
    M("isspace", all_chars<unicode::is_space>, NoArgs),
    M("isdecimal", all_chars<unicode::is_decimal>, NoArgs),
    M("isdigit", all_chars<unicode::is_digit>, NoArgs),
    M("isnumeric", all_chars<unicode::is_numeric>, NoArgs),
    M("isalpha", all_chars<unicode::is_alpha>, NoArgs),
    M("isalnum", all_chars<alnum>, NoArgs),
    M("isidentifier", str_isidentifier, NoArgs),
    M("isprintable", str_isprintable, NoArgs),
    M("zfill", str_zfill, OneArg),
    M("format", str_format_call, FastKeywords),
    M("format_map", str_format_map_method, OneArg),
    M("__format__", str_format_dunder, OneArg),
    {"maketrans", reinterpret_cast<void*>(&str_maketrans), MethodKind::Fast, false, true},
    M("__sizeof__", str_sizeof, NoArgs),
    M("__getnewargs__", str_getnewargs, NoArgs),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef M

}  // namespace krait::runtime
