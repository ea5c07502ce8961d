// marshal.dumps for the compiler's values, byte for byte as CPython 3.11.
//
// CPython's writer (versions >= 3) sets FLAG_REF on an object when its reference count is
// above 1 or it is an interned str, and writes a back-reference ('r' + index) when it meets a
// flagged object again. So the bytes depend on which objects CPython shares after compile().
// krait rebuilds that from values, by these rules (found by experiment with CPython 3.11 and
// checked over the whole stdlib by tests/marshal_sweep.py):
//
//  * Interned strs (always flagged): every name in co_names and co_localsplusnames, co_name of
//    functions and classes (identifiers), str constants made only of [A-Za-z0-9_] (the empty
//    str included), recursively inside tuple and frozenset constants. Equal interned strs are
//    one object.
//  * Objects the interpreter holds elsewhere (always flagged): small ints -5..256, the empty
//    tuple, b'' and 1-byte bytes, 1-character strs below U+0100, the static names
//    '<module>', '<lambda>', '<listcomp>', ... (co_name, not interned), co_filename (held by the
//    caller of compile()), and co_code (a fresh bytes object the code object caches).
//  * The compiler's constant cache merges, across the whole module, equal constants (by
//    CPython's constant key: type-sensitive, 0.0 and -0.0 apart), and also each code object's
//    co_consts, co_names and co_localsplusnames tuples and its co_linetable and
//    co_exceptiontable bytes. Such an object is flagged when more than one container refers
//    to it (two code objects with the same co_names, a big int used in two functions, ...).
//  * co_qualname is co_name's object when equal to it, otherwise a fresh str; co_localspluskinds
//    is fresh (b'' when empty); code objects are distinct objects.
//  * While writing a set or frozenset, CPython holds each element in a (dump, element) pair for
//    sorting, so elements are always flagged; they are written in the order of their own
//    marshal.dumps bytes.
//  * None, True, False, Ellipsis are written as their codes and never flagged.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "bytecode/marshal.h"
#include "bytecode/marshal_codes.h"
#include "bytecode/marshal_io.h"

namespace krait::bytecode {

namespace mc = marshal_code;

namespace {

bool all_name_chars(std::string_view s) { return marshal_all_name_chars(s); }

// One code point below U+0100 (CPython keeps those strs as singletons).
bool is_latin1_char(std::string_view s) {
  if (s.size() == 1) return static_cast<unsigned char>(s[0]) < 0x80;
  return s.size() == 2 && (static_cast<unsigned char>(s[0]) == 0xC2 || static_cast<unsigned char>(s[0]) == 0xC3);
}

// Str constants the code object interns, and the 1-character strs an interpreter has interned
// by the time it compiles anything ('*', of "from m import *" in modules loaded at startup).
bool interned_const(std::string_view s) { return all_name_chars(s) || s == "*"; }

// A class body (not optimized, not a module) holding `qualname` among its constants.
bool class_body_holds(const CodeData& code, const std::string& qualname) {
  if ((code.flags & CodeFlag::Optimized) || code.name == "<module>") return false;
  for (const auto& c : code.consts) {
    if (c->kind == Constant::Kind::Str && c->text == qualname) return true;
  }
  return false;
}

// Names CPython 3.11 has interned, as objects of its own, before it compiles anything: the
// builtins (dir(builtins) of /usr/bin/python3.11 -S -I), dunder names, and the one-letter
// names its static identifiers hold ("sys.intern(chr(c)) is not chr(c)" at startup). Other
// names interned by modules the interpreter has loaded cannot be known here.
bool preinterned(std::string_view s) {
  static const std::unordered_set<std::string_view> builtins = {
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
    "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
    "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
    "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning", "EnvironmentError",
    "Exception", "ExceptionGroup", "False", "FileExistsError", "FileNotFoundError",
    "FloatingPointError", "FutureWarning", "GeneratorExit", "IOError", "ImportError",
    "ImportWarning", "IndentationError", "IndexError", "InterruptedError", "IsADirectoryError",
    "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError", "ModuleNotFoundError",
    "NameError", "None", "NotADirectoryError", "NotImplemented", "NotImplementedError", "OSError",
    "OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError",
    "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning",
    "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError",
    "SystemExit", "TabError", "TimeoutError", "True", "TypeError", "UnboundLocalError",
    "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError",
    "UnicodeWarning", "UserWarning", "ValueError", "Warning", "ZeroDivisionError", "abs", "aiter",
    "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes", "callable",
    "chr", "classmethod", "compile", "complex", "delattr", "dict", "dir", "divmod", "enumerate",
    "eval", "exec", "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr",
    "hash", "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len", "list",
    "locals", "map", "max", "memoryview", "min", "next", "object", "oct", "open", "ord", "pow",
    "print", "property", "range", "repr", "reversed", "round", "set", "setattr", "slice", "sorted",
    "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip",
  };
  if (s.size() == 1) return std::string_view("abcdefhiklmnopqrstvwxyBCLST_").find(s[0]) != std::string_view::npos;
  if (s.size() > 4 && s.substr(0, 2) == "__" && s.substr(s.size() - 2) == "__") return true;
  return builtins.count(s) > 0;
}

bool is_small_int(const mpz_class& v) { return v >= -5 && v <= 256; }

std::string str_key(std::string_view text) {
  return "s" + std::to_string(text.size()) + ":" + std::string(text);
}

std::string bytes_key(std::string_view raw) {
  return "b" + std::to_string(raw.size()) + ":" + std::string(raw);
}

std::string double_bits(double d) {
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  return std::to_string(bits);
}

std::string ptr_key(const void* p) { return std::to_string(reinterpret_cast<uintptr_t>(p)); }

// One object as CPython holds it in a code object's tree: a constant, or a field value.
struct Obj {
  enum class Kind : uint8_t {
    Const,       // c
    Code,        // code
    CodeBytes,   // code->code (co_code)
    Kinds,       // code->localspluskinds
    TableBytes,  // bytes: co_linetable / co_exceptiontable
    Str,         // s, with role
    StrTuple,    // strs (co_names, co_localsplusnames)
    ConstTuple,  // consts (co_consts)
  };
  enum class Role : uint8_t { Interned, Filename, Name, Qualname };
  Kind kind = Kind::Const;
  Role role = Role::Interned;
  const Constant* c = nullptr;
  const CodeData* code = nullptr;
  const std::string* s = nullptr;
  const std::vector<std::string>* strs = nullptr;
  const std::vector<ConstRef>* consts = nullptr;
  const std::vector<uint8_t>* bytes = nullptr;
  const std::vector<ConstRef>* owner_consts = nullptr;  // Const: the co_consts holding it directly

  static Obj constant(const Constant* c) { Obj o; o.c = c; return o; }
  static Obj code_object(const CodeData* code) { Obj o; o.kind = Kind::Code; o.code = code; return o; }
};

// Identity strings: equal identities are one CPython object. The first character says how
// the object is held (see always_flagged).
class Identities {
 public:
  // Replays the order in which CPython's compiler fills its module-wide constant cache (a
  // nested code object is compiled just before its own constant is added to its parent) to
  // find the class bodies whose co_qualname is the cached __qualname__ constant. Also
  // collects the module's identifiers.
  void find_pooled_qualnames(const CodeData& code, std::unordered_set<std::string>& cached, int depth = 0) {
    if (depth > kMaxMarshalDepth) return;
    // The parser interned every identifier of the module before the compiler ran.
    for (const auto& name : code.names) identifiers_.insert(name);
    for (const auto& name : code.localsplusnames) identifiers_.insert(name);
    if (!code.name.empty() && code.name[0] != '<') identifiers_.insert(code.name);
    if (code.qualname != code.name && class_body_holds(code, code.qualname) && cached.insert(code.qualname).second) {
      pooled_qualnames_.insert(&code);
    }
    for (const auto& c : code.consts) add_to_cache(*c, cached, depth + 1);
  }

 private:
  void add_to_cache(const Constant& c, std::unordered_set<std::string>& cached, int depth) {
    if (depth > kMaxMarshalDepth) return;
    if (c.kind == Constant::Kind::Str) cached.insert(c.text);
    if (c.kind == Constant::Kind::Code) find_pooled_qualnames(*c.code, cached, depth + 1);
    for (const auto& item : c.items) add_to_cache(*item, cached, depth + 1);
  }

  std::unordered_set<const CodeData*> pooled_qualnames_;
  std::unordered_set<std::string> identifiers_;

  // Whether interning a frozenset's strs finds one of them interned already as another
  // object: a module identifier, or a name the interpreter interned at startup (dunder
  // names; other names of loaded modules are not known here).
  bool interning_rebuilds(const Constant& set) const {
    for (const auto& item : set.items) {
      if (item->kind != Constant::Kind::Str || !interned_const(item->text)) continue;
      const std::string& t = item->text;
      // A one-character str is a singleton: an identifier interned that very object.
      if ((t.size() > 1 && identifiers_.count(t)) || preinterned(t)) return true;
    }
    return false;
  }

  static Obj owner_tuple(const Obj& o) {
    Obj t;
    t.kind = Obj::Kind::ConstTuple;
    t.consts = o.owner_consts;
    return t;
  }

 public:
  void add_constant_tree(const Constant& c, std::unordered_set<std::string>& cached) { add_to_cache(c, cached, 0); }

 public:
  std::string of(const Obj& o) {
    using K = Obj::Kind;
    switch (o.kind) {
      case K::Const: return of_const(o);
      case K::Code: return "O" + ptr_key(o.code);
      case K::CodeBytes: return o.code->code.empty() ? "S" + bytes_key("") : "B" + ptr_key(o.code);
      case K::Kinds: return o.code->localspluskinds.empty() ? "S" + bytes_key("") : "K" + ptr_key(o.code);
      case K::TableBytes: {
        std::string_view raw(reinterpret_cast<const char*>(o.bytes->data()), o.bytes->size());
        return (raw.empty() ? "S" : "C") + bytes_key(raw);
      }
      case K::Str: return of_field_str(o);
      case K::StrTuple: {
        if (o.strs->empty()) return "S()";
        std::string key = "C(";
        for (const auto& s : *o.strs) key += str_key(s);
        return key + ")";
      }
      case K::ConstTuple: {
        if (o.consts->empty()) return "S()";
        std::string key = "C(";
        for (const auto& item : *o.consts) key += value_key(*item);
        return key + ")";
      }
    }
    return "";
  }

  // Flagged whatever the reference count: interned strs and objects held elsewhere.
  static bool always_flagged(const std::string& id) {
    char c = id[0];
    return c == 'I' || c == 'S' || c == 'X' || c == 'F' || c == 'B';
  }
  static bool interned(const std::string& id) { return id[0] == 'I'; }

 private:
  std::string of_const(const Obj& o) {
    const Constant& c = *o.c;
    using K = Constant::Kind;
    switch (c.kind) {
      case K::None: case K::False: case K::True: case K::Ellipsis: return "";
      case K::Int: return (is_small_int(c.int_value) ? "S" : "C") + value_key(c);
      case K::Str:
        if (interned_const(c.text)) return "I" + c.text;
        if (is_latin1_char(c.text)) return (identifiers_.count(c.text) ? "I" + c.text : "S" + value_key(c));
        return "C" + value_key(c);
      case K::Bytes: return (c.text.size() <= 1 ? "S" : "C") + value_key(c);
      case K::Tuple: return (c.items.empty() ? "S" : "C") + value_key(c);
      case K::Code: return "O" + ptr_key(c.code.get());
      case K::Float:
      case K::Complex:
        // The constant cache finds nothing equal to a NaN: each is its own object.
        if (std::isnan(c.real) || std::isnan(c.imag)) return "U" + ptr_key(&c);
        return "C" + value_key(c);
      case K::FrozenSet:
        // The code object's constructor interns the strs of its constants; when that swaps
        // a str of a frozenset for another object (an equal str was interned already), it
        // puts a new frozenset into that co_consts tuple.
        if (o.owner_consts && interning_rebuilds(c)) {
          return "M" + std::to_string(std::hash<std::string>{}(of(owner_tuple(o)))) + value_key(c);
        }
        return "C" + value_key(c);
      default: return "C" + value_key(c);
    }
  }

  std::string of_field_str(const Obj& o) {
    const std::string& text = *o.s;
    switch (o.role) {
      case Obj::Role::Interned: return "I" + text;
      case Obj::Role::Filename:
        // compile()'s argument, held by its caller; a short one is a (maybe interned) singleton.
        if (text.empty() || (text.size() == 1 && interned_const(text))) return "I" + text;
        if (is_latin1_char(text)) return "S" + str_key(text);
        return "F";
      case Obj::Role::Name:
        return (!text.empty() && text[0] == '<' ? "X" : "I") + text;
      case Obj::Role::Qualname:
        if (text == o.code->name) {
          Obj name = o;
          name.role = Obj::Role::Name;
          return of_field_str(name);
        }
        // A class body stores its qualname as __qualname__: co_qualname is that constant
        // when the class put it into the constant cache first.
        if (pooled_qualnames_.count(o.code)) return "C" + str_key(text);
        return "Q" + ptr_key(o.code);
    }
    return "";
  }

 public:
  // CPython's constant key as a string: type-sensitive, -0.0 apart from 0.0, frozensets
  // without order. Memoized: tuple keys contain their items' keys.
  const std::string& value_key(const Constant& c) {
    auto it = memo_.find(&c);
    if (it != memo_.end()) return it->second;
    using K = Constant::Kind;
    std::string key;
    switch (c.kind) {
      case K::None: key = "N"; break;
      case K::False: key = "F"; break;
      case K::True: key = "T"; break;
      case K::Ellipsis: key = "E"; break;
      case K::Int: key = "i" + c.int_value.get_str(16) + ";"; break;
      case K::Float: key = "f" + double_bits(c.real) + ";"; break;
      case K::Complex: key = "c" + double_bits(c.real) + "," + double_bits(c.imag) + ";"; break;

      case K::Str: key = str_key(c.text); break;
      case K::Bytes: key = bytes_key(c.text); break;
      case K::Tuple:
        key = "(";
        for (const auto& item : c.items) key += value_key(*item);
        key += ")";
        break;
      case K::FrozenSet: {
        std::vector<std::string> keys;
        for (const auto& item : c.items) keys.push_back(value_key(*item));
        std::sort(keys.begin(), keys.end());
        key = "{";
        for (const auto& k : keys) key += k;
        key += "}";
        break;
      }
      case K::Code: key = "K" + ptr_key(c.code.get()) + ";"; break;
    }
    // A NaN equals nothing, so nothing holding one merges either (CPython's keys compare
    // items by identity first).
    if ((c.kind == K::Float || c.kind == K::Complex) && (std::isnan(c.real) || std::isnan(c.imag))) {
      key += "@" + ptr_key(&c);
    }
    return memo_.emplace(&c, std::move(key)).first->second;
  }

 private:
  std::unordered_map<const Constant*, std::string> memo_;
};

// The objects a container refers to, in marshal's order.
std::vector<Obj> children(const Obj& o) {
  using K = Obj::Kind;
  std::vector<Obj> out;
  auto field_str = [&](const std::string* s, Obj::Role role) {
    Obj f;
    f.kind = K::Str;
    f.role = role;
    f.s = s;
    f.code = o.code;
    out.push_back(f);
  };
  auto table = [&](const std::vector<uint8_t>* bytes) {
    Obj f;
    f.kind = K::TableBytes;
    f.bytes = bytes;
    out.push_back(f);
  };
  switch (o.kind) {
    case K::Const:
      if (o.c->kind == Constant::Kind::Tuple || o.c->kind == Constant::Kind::FrozenSet) {
        for (const auto& item : o.c->items) out.push_back(Obj::constant(item.get()));
      } else if (o.c->kind == Constant::Kind::Code) {
        return children(Obj::code_object(o.c->code.get()));  // the same object as the code
      }
      break;
    case K::Code: {
      const CodeData* code = o.code;
      Obj f;
      f.code = code;
      f.kind = K::CodeBytes;
      out.push_back(f);
      f.kind = K::ConstTuple;
      f.consts = &code->consts;
      out.push_back(f);
      f.kind = K::StrTuple;
      f.strs = &code->names;
      out.push_back(f);
      f.strs = &code->localsplusnames;
      out.push_back(f);
      f.kind = K::Kinds;
      out.push_back(f);
      field_str(&code->filename, Obj::Role::Filename);
      field_str(&code->name, Obj::Role::Name);
      field_str(&code->qualname, Obj::Role::Qualname);
      table(&code->linetable);
      table(&code->exceptiontable);
      break;
    }
    case K::StrTuple:
      for (const auto& s : *o.strs) field_str(&s, Obj::Role::Interned);
      break;
    case K::ConstTuple:
      for (const auto& item : *o.consts) {
        out.push_back(Obj::constant(item.get()));
        out.back().owner_consts = o.consts;
      }
      break;
    default:
      break;
  }
  return out;
}

// Pass 1: how many containers refer to each object (its reference count inside the tree).
class RefCounter {
 public:
  RefCounter(Identities& ids, std::unordered_map<std::string, int>& counts) : ids_(ids), counts_(counts) {}

  void count(const Obj& o, const std::string& id, int depth) {
    // Deeper than the writer goes: it stops there with an error anyway.
    if (depth > kMaxMarshalDepth + 1 || !expanded_.insert(id).second) return;
    for (const Obj& child : children(o)) {
      std::string child_id = ids_.of(child);
      if (child_id.empty()) continue;
      ++counts_[child_id];
      count(child, child_id, depth + 1);
    }
  }

 private:
  Identities& ids_;
  std::unordered_map<std::string, int>& counts_;
  std::unordered_set<std::string> expanded_;
};

// The shared state of one dumps call (the writer for a set element's sort key shares it).
struct DumpContext {
  int version = kMarshalVersion;
  Identities ids;
  std::unordered_map<std::string, int> counts;       // references from inside the tree
  std::unordered_map<std::string, std::string> sort_keys;  // element id -> its own dump
  bool too_deep = false;
};

// Pass 2: the bytes, into a stream whose back-reference table may be shared with the runtime's
// marshal module (a code object inside a list...).
class Writer {
 public:
  Writer(DumpContext& ctx, MarshalWriter& out) : ctx_(ctx), out_(out) {}

  void write(const Obj& o, int depth, bool held_twice) {
    if (depth > kMaxMarshalDepth) {
      ctx_.too_deep = true;
      return;
    }
    if (ctx_.too_deep) return;
    if (o.kind == Obj::Kind::Const) {
      switch (o.c->kind) {
        case Constant::Kind::None: out_.w_byte(mc::None); return;
        case Constant::Kind::False: out_.w_byte(mc::False); return;
        case Constant::Kind::True: out_.w_byte(mc::True); return;
        case Constant::Kind::Ellipsis: out_.w_byte(mc::Ellipsis); return;
        default: break;
      }
    }
    std::string id = ctx_.ids.of(o);
    bool interned = Identities::interned(id);
    int flag = 0;
    if (ctx_.version >= 3) {
      auto count = ctx_.counts.find(id);
      bool shared = held_twice || Identities::always_flagged(id) || (count != ctx_.counts.end() && count->second > 1);
      if (shared) {
        int seen = out_.find_ref(id);
        if (seen >= 0) {
          out_.w_ref(seen);
          return;
        }
        flag = out_.add_ref(std::move(id));
      }
    }
    write_object(o, flag, interned, depth);
  }

  void write_code(const CodeData& code, int flag, int depth) {
    out_.w_type(mc::Code, flag);
    out_.w_long(code.argcount);
    out_.w_long(code.posonlyargcount);
    out_.w_long(code.kwonlyargcount);
    out_.w_long(code.stacksize);
    out_.w_long(code.flags);
    std::vector<Obj> fields = children(Obj::code_object(&code));
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i == 8) out_.w_long(code.firstlineno);  // between co_qualname and co_linetable
      write(fields[i], depth + 1, false);
    }
  }

 private:
  void write_object(const Obj& o, int flag, bool interned, int depth) {
    using K = Obj::Kind;
    switch (o.kind) {
      case K::Const: write_const(*o.c, flag, interned, depth); return;
      case K::Code: write_code(*o.code, flag, depth); return;
      case K::CodeBytes:
      case K::Kinds:
      case K::TableBytes: {
        const std::vector<uint8_t>& b = o.kind == K::CodeBytes ? o.code->code
                                        : o.kind == K::Kinds   ? o.code->localspluskinds
                                                               : *o.bytes;
        out_.w_bytes(std::string_view(reinterpret_cast<const char*>(b.data()), b.size()), flag);
        return;
      }
      case K::Str: write_str(*o.s, flag, interned); return;
      case K::StrTuple: {
        out_.w_tuple_header(o.strs->size(), flag);
        for (const Obj& child : children(o)) write(child, depth + 1, false);
        return;
      }
      case K::ConstTuple: {
        out_.w_tuple_header(o.consts->size(), flag);
        for (const Obj& child : children(o)) write(child, depth + 1, false);
        return;
      }
    }
  }

  void write_str(const std::string& text, int flag, bool interned) {
    out_.w_str(text, marshal_is_ascii(text), interned, flag);
  }

  void write_const(const Constant& c, int flag, bool interned, int depth) {
    using K = Constant::Kind;
    switch (c.kind) {
      case K::Int: out_.w_int(c.int_value, flag); return;
      case K::Float: out_.w_float(c.real, flag); return;
      case K::Complex: out_.w_complex(c.real, c.imag, flag); return;
      case K::Str: write_str(c.text, flag, interned); return;
      case K::Bytes: out_.w_bytes(c.text, flag); return;
      case K::Tuple:
        out_.w_tuple_header(c.items.size(), flag);
        for (const auto& item : c.items) write(Obj::constant(item.get()), depth + 1, false);
        return;
      case K::FrozenSet: write_frozenset(c, flag, depth); return;
      case K::Code: write_code(*c.code, flag, depth); return;
      default: return;  // None, bools, Ellipsis: written by write()
    }
  }

  // Elements in the order of their own dumps (CPython sorts (dump, element) pairs, which
  // also hold every element once more while it is written).
  void write_frozenset(const Constant& c, int flag, int depth) {
    out_.w_type(mc::FrozenSet, flag);
    out_.w_long(static_cast<int64_t>(c.items.size()));
    std::vector<std::pair<std::string, const Constant*>> order;
    for (const auto& item : c.items) order.emplace_back(sort_key(*item, depth), item.get());
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [key, item] : order) write(Obj::constant(item), depth + 1, true);
  }

  // The element's own marshal.dumps (a fresh reference table), computed once per object.
  std::string sort_key(const Constant& item, int depth) {
    Obj o = Obj::constant(&item);
    std::string id = ctx_.ids.of(o);
    if (!id.empty()) {
      auto it = ctx_.sort_keys.find(id);
      if (it != ctx_.sort_keys.end()) return it->second;
    }
    MarshalWriter alone_out(ctx_.version);
    Writer alone(ctx_, alone_out);
    alone.write(o, depth + 1, false);
    if (!id.empty()) ctx_.sort_keys.emplace(id, alone_out.bytes());
    return alone_out.take();
  }

  DumpContext& ctx_;
  MarshalWriter& out_;
};

// Sets up the context for a tree whose top object is referenced once by its caller.
void prepare(DumpContext& ctx, const Obj& top, int version) {
  ctx.version = version;
  std::unordered_set<std::string> cached;
  if (top.kind == Obj::Kind::Code) ctx.ids.find_pooled_qualnames(*top.code, cached);
  if (top.kind == Obj::Kind::Const) ctx.ids.add_constant_tree(*top.c, cached);
  std::string top_id = ctx.ids.of(top);
  if (!top_id.empty()) {
    ++ctx.counts[top_id];  // the caller's reference
    RefCounter(ctx.ids, ctx.counts).count(top, top_id, 1);
  }
}

std::string dump(const Obj& top, int version, MarshalError* error) {
  DumpContext ctx;
  prepare(ctx, top, version);
  MarshalWriter out(version);
  Writer writer(ctx, out);
  writer.write(top, 1, false);
  if (ctx.too_deep) {
    if (error) *error = {MarshalError::Type::ValueError, "object too deeply nested to marshal"};
    return "";
  }
  return out.take();
}

}  // namespace

const char* MarshalError::type_name() const {
  switch (type) {
    case Type::None: return "";
    case Type::EOFError: return "EOFError";
    case Type::ValueError: return "ValueError";
    case Type::TypeError: return "TypeError";
    case Type::UnicodeDecodeError: return "UnicodeDecodeError";
    case Type::NotImplemented: return "NotImplementedError";
  }
  return "";
}

std::string marshal_dumps(const Constant& value, int version, MarshalError* error) {
  return dump(Obj::constant(&value), version, error);
}

std::string marshal_dumps(const CodeData& code, int version, MarshalError* error) {
  return dump(Obj::code_object(&code), version, error);
}

}  // namespace krait::bytecode

namespace krait::bytecode {

bool marshal_dump_code_into(MarshalWriter& out, const CodeData& code, int flag, int depth, MarshalError& error) {
  DumpContext ctx;
  Obj top = Obj::code_object(&code);
  prepare(ctx, top, out.version());
  Writer writer(ctx, out);
  if (depth > kMaxMarshalDepth) ctx.too_deep = true;
  else writer.write_code(code, flag, depth);
  if (ctx.too_deep) {
    error = {MarshalError::Type::ValueError, "object too deeply nested to marshal"};
    return false;
  }
  return true;
}

}  // namespace krait::bytecode
