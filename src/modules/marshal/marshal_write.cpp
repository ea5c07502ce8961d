// marshal.dumps over runtime values, byte for byte as CPython 3.11.
//
// CPython flags an object (FLAG_REF, then 'r' back-references) when its reference count is
// above 1 at dump time, or it is an interned str. krait's heap objects have the same counts
// (the caller's variables, the containers holding them, a code object's constants), so the
// writer reads them, with these rules for what krait represents differently:
//  * Objects CPython keeps as singletons are always flagged and are one object per value:
//    small ints -5..256, (), '', b'' and 1-byte bytes, 1-character strs below U+0100.
//  * krait's ints up to 2**47 and floats are immediates without identity or count. They are
//    written as CPython writes a constant of the code (its usual source: a literal), flagged and
//    shared by value. A computed number that CPython holds once, or two equal numbers that are
//    distinct objects in CPython, get different flag bytes (loads gives the same values either
//    way). A NaN (which a literal never is) has an identity (value.h) but no count: it is
//    flagged when the dumped value holds it more than once, as CPython's count then says.
//  * krait interns every str constant; CPython interns only identifier-like ones (letters,
//    digits, '_'), names and sys.intern results. A str is written as interned when krait has
//    interned it and it is identifier-like (or '*', interned by CPython at startup); the
//    reference krait's intern table holds is not counted (CPython's is not either).
//  * While writing a set or frozenset CPython holds each element once more (sorted (dump,
//    element) pairs), so elements are always flagged; they are written in the order of their
//    own dumps.
// Code objects go to the compiler's writer (bytecode/marshal_io.h), which knows how CPython
// shares the objects inside a fresh code object, through the same back-reference table.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "bytecode/marshal_codes.h"
#include "bytecode/marshal_io.h"
#include "modules/marshal/marshal_internal.h"
#include "runtime/builtin_types.h"
#include "runtime/bytes.h"
#include "runtime/complex.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/code.h"

namespace krait::modules::marshal {

using namespace runtime;
using bytecode::MarshalWriter;
namespace mc = bytecode::marshal_code;

namespace {

// Why a dump failed (CPython keeps writing after an error and reports the last one).
enum class Failure { None, Unmarshallable, TooDeep };

// The keys of the compiler's writer for the objects both sides can hold (marshal_dump.cpp):
// equal keys are one object in the stream.
std::string str_key(std::string_view utf8) { return "s" + std::to_string(utf8.size()) + ":" + std::string(utf8); }
std::string bytes_key(std::string_view raw) { return "b" + std::to_string(raw.size()) + ":" + std::string(raw); }

bool is_latin1_char(Value s) { return str_length(s) == 1 && str_char(s, 0) < 0x100; }

// The compiler writer's key of a small int ("Si" + hex + ";"), made once per value.
const std::string& small_int_key(int64_t i) {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k;
    for (long v = -5; v <= 256; ++v) k.push_back("Si" + mpz_class(v).get_str(16) + ";");
    return k;
  }();
  return keys[static_cast<size_t>(i + 5)];
}

// How CPython would hold a value at dump time.
struct Sharing {
  bool always = false;    // flagged whatever its count
  bool counted = false;   // flagged when its reference count is above 1
  bool interned = false;  // an interned str
  std::string key;        // its identity in the back-reference table, shared with code objects
  uint64_t id = 0;        // or (key empty) its identity as only the runtime holds it
};

Sharing sharing_of(Value v) {
  Sharing s;
  if (v.is_small_int()) {
    int64_t i = v.as_small_int();
    s.always = true;
    if (i >= -5 && i <= 256) {
      s.key = small_int_key(i);
    } else {
      s.id = v.bits();  // by value: immediates have no identity
    }
    return s;
  }
  if (v.is_float()) {
    if (std::isnan(float_value(v))) {
      s.id = v.bits();  // shared only if held twice (ValueWriter::nan_held_twice)
      return s;
    }
    s.always = true;
    s.id = v.bits();
    return s;
  }
  Object* o = v.as_object();
  if (is_str_exact(v)) {
    std::string_view text = str_utf8(v);
    if (text.empty() ||
        (str_is_interned(v) && (bytecode::marshal_all_name_chars(text) || text == "*"))) {
      s.always = s.interned = true;
      s.key = "I" + std::string(text);
      return s;
    }
    if (is_latin1_char(v)) {
      s.always = true;
      s.key = "S" + str_key(text);
      return s;
    }
  } else if (o->type == &bytes_type && bytes_size(v) <= 1) {
    s.always = true;
    s.key = "S" + bytes_key(bytes_view(v));
    return s;
  } else if (o->type == &tuple_type && tuple_size(v) == 0) {
    s.always = true;
    s.key = "S()";
    return s;
  }
  s.counted = true;
  s.id = v.bits();
  return s;
}

// The references CPython would count. krait's intern table holds one reference to each
// interned str (CPython's table is not counted), and krait interns every str constant.
uint32_t count_of(Value v) {
  uint32_t count = v.as_object()->refcount;
  if (is_str_exact(v) && str_is_interned(v)) --count;
  return count;
}

class ValueWriter {
 public:
  explicit ValueWriter(MarshalWriter& out, Value root = Value()) : out_(out), root_(root) {}

  Failure failure() const { return failure_; }

  // False when a Python exception is set (memory); marshal's own errors are recorded in
  // failure() and writing goes on, as CPython's does.
  bool write(Value v, int depth, bool held_twice) {
    if (depth > bytecode::kMaxMarshalDepth) {
      failure_ = Failure::TooDeep;
      return true;
    }
    if (v.is_object()) {
      Object* o = v.as_object();
      if (v == none()) return out_.w_byte(mc::None), true;
      if (o == exc::StopIteration) return out_.w_byte(mc::StopIter), true;
      if (v == ellipsis()) return out_.w_byte(mc::Ellipsis), true;
      if (v == false_value()) return out_.w_byte(mc::False), true;
      if (v == true_value()) return out_.w_byte(mc::True), true;
    }
    int flag = 0;
    Sharing sharing = sharing_of(v);
    if (out_.version() >= 3) {
      bool shared = sharing.always || held_twice || (sharing.counted && count_of(v) > 1) ||
                    (v.is_float() && nan_held_twice(v));
      if (shared) {
        bool by_key = !sharing.key.empty();
        int seen = by_key ? out_.find_ref(sharing.key) : out_.find_ref(sharing.id);
        if (seen >= 0) {
          out_.w_ref(seen);
          return true;
        }
        flag = by_key ? out_.add_ref(std::move(sharing.key)) : out_.add_ref(sharing.id);
      }
    }
    return write_object(v, flag, sharing.interned, depth);
  }

 private:
  // Whether the dumped value holds this NaN more than once. Counted on the first NaN met, over
  // the containers marshal walks (each container once: a container may hold itself).
  bool nan_held_twice(Value v) {
    if (!std::isnan(float_value(v)) || !root_) return false;
    if (!nans_counted_) {
      nans_counted_ = true;
      std::unordered_set<const Object*> seen;
      count_nans(root_, seen, 0);
    }
    auto it = nan_counts_.find(v.bits());
    return it != nan_counts_.end() && it->second > 1;
  }

  void count_nans(Value v, std::unordered_set<const Object*>& seen, int depth) {
    if (v.is_float()) {
      if (std::isnan(float_value(v))) ++nan_counts_[v.bits()];
      return;
    }
    if (!v.is_object() || depth > bytecode::kMaxMarshalDepth) return;
    TypeObject* type = v.as_object()->type;
    bool container = type == &tuple_type || type == &list_type || type == &dict_type || type == &set_type ||
                     type == &frozenset_type;
    if (!container || !seen.insert(v.as_object()).second) return;
    if (type == &tuple_type) {
      for (size_t i = 0; i < tuple_size(v); ++i) count_nans(tuple_items(v)[i], seen, depth + 1);
    } else if (type == &list_type) {
      for (size_t i = 0; i < list_size(v); ++i) count_nans(as_list(v)->items[i], seen, depth + 1);
    } else if (type == &dict_type) {
      size_t pos = 0;
      Value key, value;
      while (dict_next(v, &pos, &key, &value)) {
        count_nans(key, seen, depth + 1);
        count_nans(value, seen, depth + 1);
      }
    } else {
      size_t pos = 0;
      Value item;
      while (set_next(v, &pos, &item)) count_nans(item, seen, depth + 1);
    }
  }

  bool write_object(Value v, int flag, bool interned, int depth) {
    if (v.is_small_int()) return out_.w_int(v.as_small_int(), flag), true;
    if (v.is_float()) return out_.w_float(float_value(v), flag), true;
    TypeObject* type = v.as_object()->type;
    if (type == &int_type) return out_.w_int(int_to_mpz(v), flag), true;
    if (type == &complex_type) return out_.w_complex(complex_real(v), complex_imag(v), flag), true;
    if (type == &str_type) return out_.w_str(str_utf8(v), str_is_ascii(v), interned, flag), true;
    if (type == &tuple_type) {
      out_.w_tuple_header(tuple_size(v), flag);
      for (size_t i = 0; i < tuple_size(v); ++i) {
        if (!write(tuple_items(v)[i], depth + 1, false)) return false;
      }
      return true;
    }
    if (type == &list_type) {
      out_.w_type(mc::List, flag);
      out_.w_long(static_cast<int64_t>(list_size(v)));
      for (size_t i = 0; i < list_size(v); ++i) {
        if (!write(as_list(v)->items[i], depth + 1, false)) return false;
      }
      return true;
    }
    if (type == &dict_type) {
      out_.w_type(mc::Dict, flag);
      size_t pos = 0;
      Value key, value;
      while (dict_next(v, &pos, &key, &value)) {
        if (!write(key, depth + 1, false) || !write(value, depth + 1, false)) return false;
      }
      out_.w_byte(mc::Null);
      return true;
    }
    if (type == &set_type || type == &frozenset_type) return write_set(v, type == &set_type ? mc::Set : mc::FrozenSet, flag, depth);
    if (type == &code_type) return write_code(v, flag, depth);
    std::string_view raw;
    if ((is_bytes(v) || is_bytearray(v)) && bytes_like_view(v, &raw)) {
      out_.w_bytes(raw, flag);  // any buffer: bytes, bytearray, their subclasses
      return true;
    }
    failure_ = Failure::Unmarshallable;
    return true;
  }

  // Elements sorted by their own dumps (CPython's order since 3.11, which makes the bytes
  // independent of hash randomization).
  bool write_set(Value set, char code, int flag, int depth) {
    out_.w_type(code, flag);
    out_.w_long(static_cast<int64_t>(set_size(set)));
    std::vector<std::pair<std::string, Value>> pairs;
    size_t pos = 0;
    Value item;
    while (set_next(set, &pos, &item)) {
      MarshalWriter alone_out(out_.version());
      ValueWriter alone(alone_out);
      if (!alone.write(item, 1, false)) return false;
      if (alone.failure() != Failure::None) {
        // CPython's dump of the element raised; it reports "unmarshallable object".
        failure_ = Failure::Unmarshallable;
        return true;
      }
      pairs.emplace_back(alone_out.take(), item);
    }
    std::stable_sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [dump, element] : pairs) {
      if (!write(element, depth + 1, true)) return false;
    }
    return true;
  }

  bool write_code(Value v, int flag, int depth) {
    std::shared_ptr<const bytecode::CodeData> data = vm::code_marshal_data(v);
    if (!data) {
      raise(exc::NotImplementedError, "not implemented: marshal of a code object without compiler data");
      return false;
    }
    bytecode::MarshalError error;
    if (!bytecode::marshal_dump_code_into(out_, *data, flag, depth, error)) failure_ = Failure::TooDeep;
    return true;
  }

  MarshalWriter& out_;
  Value root_;  // borrowed: the value being dumped (null for a set element's sorting dump)
  bool nans_counted_ = false;
  std::unordered_map<uint64_t, int> nan_counts_;
  Failure failure_ = Failure::None;
};

}  // namespace

Value dumps(Value value, int version) {
  MarshalWriter out(version);
  ValueWriter writer(out, value);
  if (!writer.write(value, 1, false)) return Value();
  switch (writer.failure()) {
    case Failure::None: break;
    case Failure::Unmarshallable: return raise(exc::ValueError, "unmarshallable object");
    case Failure::TooDeep: return raise(exc::ValueError, "object too deeply nested to marshal");
  }
  return bytes_from(out.bytes());
}

}  // namespace krait::modules::marshal
