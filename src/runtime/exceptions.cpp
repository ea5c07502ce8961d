// The built-in exception classes (exceptions.def): BaseException's attributes and the extra
// fields and messages of StopIteration, SystemExit, KeyError, ImportError, AttributeError,
// NameError, OSError, SyntaxError, UnicodeError and BaseExceptionGroup.
#include "runtime/exceptions.h"

#include <cstddef>
#include <string>

#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/bytes.h"
#include "runtime/descriptors.h"
#include "runtime/dict.h"
#include "runtime/generic_alias.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memory.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/state.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace krait::runtime {

namespace exc {
TypeObject* BaseException;
#define KRAIT_EXCEPTION(name, base) TypeObject* name;
#include "runtime/exceptions.def"
}  // namespace exc

namespace {

constexpr ptrdiff_t kValueOffset = offsetof(BaseExceptionObject, value);
constexpr ptrdiff_t extra_offset(int i) {
  return offsetof(BaseExceptionObject, extra) + ptrdiff_t(i) * ptrdiff_t(sizeof(Value));
}

BaseExceptionObject* as_exc(Value v) { return static_cast<BaseExceptionObject*>(v.as_object()); }

void set_field(Value& field, Value value) {
  Value old = field;
  incref(value);
  field = value;
  xdecref(old);
}

// Borrowed; None when unset.
Value or_none(Value v) { return v ? v : none(); }

// --- lifecycle ----------------------------------------------------------------------------------

void exception_clear(Object* self) {
  auto* e = static_cast<BaseExceptionObject*>(self);
  Value* fields[] = {&e->dict, &e->args, &e->notes, &e->traceback, &e->context, &e->cause, &e->value};
  for (Value* f : fields) {
    Value old = *f;
    *f = Value();
    xdecref(old);
  }
  for (Value& f : e->extra) {
    Value old = f;
    f = Value();
    xdecref(old);
  }
}

void exception_dealloc(Object* self) {
  gc_untrack(self);
  exception_clear(self);
  free_object(self);
}

void exception_traverse(Object* self, VisitFunc visit, void* context) {
  auto* e = static_cast<BaseExceptionObject*>(self);
  Value fields[] = {e->dict, e->args, e->notes, e->traceback, e->context, e->cause, e->value};
  for (Value f : fields)
    if (f) visit(f, context);
  for (Value f : e->extra)
    if (f) visit(f, context);
}

Value check_no_kwargs(TypeObject* type, Value kwnames) {
  if (kwnames && tuple_size(kwnames) > 0)
    return raise_format(exc::TypeError, "%s() takes no keyword arguments", type->name.c_str());
  return none();
}

Value base_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  Object* memory = allocate_object(type, type->basic_size);
  if (!memory) return Value();
  auto* e = static_cast<BaseExceptionObject*>(memory);
  Value self = Value::object(e);
  e->args = tuple_from_array(args, nargs);
  if (!e->args) {
    decref(self);
    return Value();
  }
  gc_track(e);
  return self;
}

int base_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs(self.as_object()->type, kwnames)) return -1;
  Value t = tuple_from_array(args, nargs);
  if (!t) return -1;
  Value old = as_exc(self)->args;
  as_exc(self)->args = t;
  xdecref(old);
  return 0;
}

// --- repr and str -------------------------------------------------------------------------------

Value base_str(Value self) {
  Value args = as_exc(self)->args;
  size_t n = args ? tuple_size(args) : 0;
  if (n == 0) return str_empty();
  if (n == 1) return str(tuple_get(args, 0));
  return str(args);
}

Value base_repr(Value self) {
  const std::string& name = self.as_object()->type->name;
  std::string short_name = name.substr(name.rfind('.') == std::string::npos ? 0 : name.rfind('.') + 1);
  Value args = as_exc(self)->args;
  size_t n = args ? tuple_size(args) : 0;
  Ref inner = Ref::steal(n == 1 ? repr(tuple_get(args, 0)) : (n == 0 ? str_from_ascii("()") : repr(args)));
  if (!inner) return Value();
  if (n == 1) return str_from_format("%s(%s)", short_name.c_str(), str_cstr(inner.get()));
  return str_from_format("%s%s", short_name.c_str(), str_cstr(inner.get()));
}

// --- BaseException methods and attributes -------------------------------------------------------

Value base_with_traceback(Value self, Value tb) {
  if (!tb.is(none()) && !(tb.is_object() && tb.as_object()->type == &traceback_type))
    return raise(exc::TypeError, "__traceback__ must be a traceback or None");
  exception_set_traceback(self, tb);
  incref(self);
  return self;
}

Value base_add_note(Value self, Value note) {
  if (!is_str(note))
    return raise_format(exc::TypeError, "note must be a str, not '%s'", type_of(note)->name.c_str());
  Ref notes = Ref::steal(lookup_attr(self, str_intern("__notes__")));
  if (error_occurred()) return Value();
  if (!notes) {
    notes = Ref::steal(list_new(0));
    if (!notes) return Value();
    Ref key = Ref::steal(str_intern("__notes__"));
    if (set_attr(self, key.get(), notes.get()) < 0) return Value();
  } else if (!is_list(notes.get())) {
    return raise(exc::TypeError, "Cannot add note: __notes__ is not a list");
  }
  if (list_append(notes.get(), note) < 0) return Value();
  return none();
}

Value base_reduce(Value self) {
  Value type = Value::object(self.as_object()->type);
  Value args = or_none(as_exc(self)->args);
  Value dict = as_exc(self)->dict;
  if (dict && dict_size(dict) > 0) return tuple_pack({type, args, dict});
  return tuple_pack({type, args});
}

Value base_setstate(Value self, Value state) {
  if (state.is(none())) return none();
  if (!is_dict(state)) return raise(exc::TypeError, "state is not a dictionary");
  size_t pos = 0;
  Value key, value;
  while (dict_next(state, &pos, &key, &value))
    if (set_attr(self, key, value) < 0) return Value();
  return none();
}

Value get_args(Value self) { return Ref::borrow(or_none(as_exc(self)->args)).release(); }
int set_args(Value self, Value value) {
  if (!value) return raise(exc::TypeError, "args may not be deleted"), -1;
  Value t = tuple_from_iterable(value);
  if (!t) return -1;
  Value old = as_exc(self)->args;
  as_exc(self)->args = t;
  xdecref(old);
  return 0;
}

Value get_traceback(Value self) { return Ref::borrow(or_none(as_exc(self)->traceback)).release(); }
int set_traceback(Value self, Value value) {
  if (!value) return raise(exc::TypeError, "__traceback__ may not be deleted"), -1;
  if (!value.is(none()) && !(value.is_object() && value.as_object()->type == &traceback_type))
    return raise(exc::TypeError, "__traceback__ must be a traceback or None"), -1;
  exception_set_traceback(self, value);
  return 0;
}

Value get_context(Value self) { return Ref::borrow(or_none(as_exc(self)->context)).release(); }
int set_context(Value self, Value value) {
  if (!value) return raise(exc::TypeError, "__context__ may not be deleted"), -1;
  if (!value.is(none()) && !is_exception_instance(value))
    return raise(exc::TypeError, "exception context must be None or derive from BaseException"), -1;
  exception_set_context(self, value.is(none()) ? Value() : value);
  return 0;
}

Value get_cause(Value self) { return Ref::borrow(or_none(as_exc(self)->cause)).release(); }
int set_cause(Value self, Value value) {
  if (!value) return raise(exc::TypeError, "__cause__ may not be deleted"), -1;
  if (!value.is(none()) && !is_exception_instance(value))
    return raise(exc::TypeError, "exception cause must be None or derive from BaseException"), -1;
  exception_set_cause(self, value.is(none()) ? Value() : value);
  return 0;
}

Value get_dict(Value self) { return object_get_dict(self); }

const MethodDef kBaseMethods[] = {
    {"with_traceback", (void*)base_with_traceback, MethodKind::OneArg},
    {"add_note", (void*)base_add_note, MethodKind::OneArg},
    {"__reduce__", (void*)base_reduce, MethodKind::NoArgs},
    {"__setstate__", (void*)base_setstate, MethodKind::OneArg},
    {nullptr, nullptr, MethodKind::NoArgs}};

const GetSetDef kBaseGetSets[] = {
    {"args", get_args, set_args},
    {"__traceback__", get_traceback, set_traceback},
    {"__context__", get_context, set_context, "exception context"},
    {"__cause__", get_cause, set_cause, "exception cause"},
    {"__dict__", get_dict, nullptr},
    {nullptr, nullptr}};

const MemberDef kBaseMembers[] = {
    {"__suppress_context__", MemberKind::Bool, offsetof(BaseExceptionObject, suppress_context)},
    {nullptr, MemberKind::Object, 0}};

// --- StopIteration, SystemExit --------------------------------------------------------------------

int stop_iteration_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (base_init(self, args, nargs, kwnames) < 0) return -1;
  set_field(as_exc(self)->value, nargs > 0 ? args[0] : none());
  return 0;
}
const MemberDef kStopIterationMembers[] = {
    {"value", MemberKind::ObjectNone, kValueOffset, false, "generator return value"},
    {nullptr, MemberKind::Object, 0}};

int system_exit_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (base_init(self, args, nargs, kwnames) < 0) return -1;
  set_field(as_exc(self)->value, nargs == 0 ? none() : nargs == 1 ? args[0] : as_exc(self)->args);
  return 0;
}
const MemberDef kSystemExitMembers[] = {
    {"code", MemberKind::ObjectNone, kValueOffset, false, "exception code"},
    {nullptr, MemberKind::Object, 0}};

// --- KeyError -------------------------------------------------------------------------------------

Value key_error_str(Value self) {
  Value args = as_exc(self)->args;
  if (args && tuple_size(args) == 1) return repr(tuple_get(args, 0));
  return base_str(self);
}

// --- keyword-accepting initializers (ImportError, AttributeError, NameError) ---------------------

// Splits off keyword arguments named in `allowed` into `out`; TypeError for others, with
// CPython's message "'x' is an invalid keyword argument for ImportError()".
int take_keywords(Value self, Value kwnames, const Value* args, size_t nargs,
                  std::initializer_list<const char*> allowed, Value* out) {
  if (!kwnames) return 0;
  size_t nk = tuple_size(kwnames);
  for (size_t k = 0; k < nk; ++k) {
    Value key = tuple_get(kwnames, k);
    size_t i = 0;
    bool found = false;
    for (const char* name : allowed) {
      if (str_equal_ascii(key, name)) {
        out[i] = args[nargs + k];
        found = true;
      }
      ++i;
    }
    if (!found) {
      raise_format(exc::TypeError, "'%s' is an invalid keyword argument for %s()", str_cstr(key),
                   self.as_object()->type->name.c_str());
      return -1;
    }
  }
  return 0;
}

int import_error_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value kw[2];
  if (take_keywords(self, kwnames, args, nargs, {"name", "path"}, kw) < 0) return -1;
  if (base_init(self, args, nargs, Value()) < 0) return -1;
  auto* e = as_exc(self);
  set_field(e->extra[0], nargs == 1 ? args[0] : none());
  set_field(e->extra[1], kw[0] ? kw[0] : none());
  set_field(e->extra[2], kw[1] ? kw[1] : none());
  return 0;
}
Value import_error_str(Value self) {
  Value msg = as_exc(self)->extra[0];
  if (msg && !msg.is(none())) return str(msg);
  return base_str(self);
}
const MemberDef kImportErrorMembers[] = {
    {"msg", MemberKind::ObjectNone, extra_offset(0), false, "exception message"},
    {"name", MemberKind::ObjectNone, extra_offset(1), false, "module name"},
    {"path", MemberKind::ObjectNone, extra_offset(2), false, "module path"},
    {nullptr, MemberKind::Object, 0}};

int attribute_error_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value kw[2];
  if (take_keywords(self, kwnames, args, nargs, {"name", "obj"}, kw) < 0) return -1;
  if (base_init(self, args, nargs, Value()) < 0) return -1;
  // Unset (null, read as None) unless given: the VM fills them in where the lookup failed.
  if (kw[0]) set_field(as_exc(self)->extra[0], kw[0]);
  if (kw[1]) set_field(as_exc(self)->extra[1], kw[1]);
  return 0;
}
const MemberDef kAttributeErrorMembers[] = {
    {"name", MemberKind::ObjectNone, extra_offset(0), false, "attribute name"},
    {"obj", MemberKind::ObjectNone, extra_offset(1), false, "object"},
    {nullptr, MemberKind::Object, 0}};

int name_error_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value kw[1];
  if (take_keywords(self, kwnames, args, nargs, {"name"}, kw) < 0) return -1;
  if (base_init(self, args, nargs, Value()) < 0) return -1;
  if (kw[0]) set_field(as_exc(self)->extra[0], kw[0]);
  return 0;
}
const MemberDef kNameErrorMembers[] = {
    {"name", MemberKind::ObjectNone, extra_offset(0), false, "name"},
    {nullptr, MemberKind::Object, 0}};

// --- OSError ----------------------------------------------------------------------------------------

TypeObject* os_error_subclass_for(int64_t code) {
  switch (code) {
    case 11: case 114: case 115: return exc::BlockingIOError;  // EAGAIN, EALREADY, EINPROGRESS
    case 10: return exc::ChildProcessError;
    case 32: case 108: return exc::BrokenPipeError;             // EPIPE, ESHUTDOWN
    case 103: return exc::ConnectionAbortedError;
    case 111: return exc::ConnectionRefusedError;
    case 104: return exc::ConnectionResetError;
    case 17: return exc::FileExistsError;
    case 2: return exc::FileNotFoundError;
    case 21: return exc::IsADirectoryError;
    case 20: return exc::NotADirectoryError;
    case 4: return exc::InterruptedError;
    case 13: case 1: return exc::PermissionError;               // EACCES, EPERM
    case 3: return exc::ProcessLookupError;
    case 110: return exc::TimeoutError;
    default: return nullptr;
  }
}

Value os_error_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == exc::OSError && nargs >= 2 && nargs <= 5 && is_int(args[0])) {
    int64_t code = 0;
    if (int_to_int64(args[0], &code))
      if (TypeObject* sub = os_error_subclass_for(code)) type = sub;
  }
  return base_new(type, args, nargs, kwnames);
}

// characters_written (BlockingIOError's count) lives in extra[4] as an int; null: not set.
int os_error_set_written(Value self, Value value) {
  auto* e = as_exc(self);
  if (value.is_null()) {
    if (!e->extra[4]) {
      raise(exc::AttributeError, "characters_written");
      return -1;
    }
    Value old = e->extra[4];
    e->extra[4] = Value();
    decref(old);
    return 0;
  }
  Ref n = Ref::steal(number_index(value));
  if (!n) return -1;
  int64_t written = 0;
  if (!int_to_int64(n.get(), &written)) {
    raise_format(exc::ValueError, "cannot fit '%s' into an index-sized integer", type_of(value)->name.c_str());
    return -1;
  }
  set_field(e->extra[4], n.get());
  return 0;
}
Value os_error_get_written(Value self) {
  Value v = as_exc(self)->extra[4];
  if (!v) return raise(exc::AttributeError, "characters_written");
  return incref(v), v;
}
const GetSetDef kOSErrorGetSets[] = {{"characters_written", os_error_get_written, os_error_set_written},
                                     {nullptr, nullptr}};

int os_error_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_kwargs(self.as_object()->type, kwnames)) return -1;
  auto* e = as_exc(self);
  if (nargs >= 2 && nargs <= 5) {
    set_field(e->extra[0], args[0]);
    set_field(e->extra[1], args[1]);
    // BlockingIOError(errno, strerror, characters_written): a number third is no filename.
    if (nargs == 3 && self.as_object()->type == exc::BlockingIOError && !args[2].is(none()) &&
        (args[2].is_small_int() || args[2].is_float() || type_of(args[2])->number.index ||
         type_of(args[2])->number.int_ || type_of(args[2])->number.float_)) {
      if (os_error_set_written(self, args[2]) < 0) return -1;
      return base_init(self, args, nargs, Value());
    }
    if (nargs >= 3) set_field(e->extra[2], args[2]);
    if (nargs >= 5) set_field(e->extra[3], args[4]);
    // With a filename, args keeps only (errno, strerror).
    Value t = tuple_from_array(args, nargs >= 3 ? 2 : nargs);
    if (!t) return -1;
    Value old = e->args;
    e->args = t;
    xdecref(old);
    return 0;
  }
  return base_init(self, args, nargs, Value());
}

Value os_error_str(Value self) {
  auto* e = as_exc(self);
  Value err = e->extra[0], msg = e->extra[1], f1 = e->extra[2], f2 = e->extra[3];
  if (f1 && !f1.is(none())) {
    Ref es = Ref::steal(str(err)), ms = Ref::steal(str(msg)), r1 = Ref::steal(repr(f1));
    if (!es || !ms || !r1) return Value();
    if (f2 && !f2.is(none())) {
      Ref r2 = Ref::steal(repr(f2));
      if (!r2) return Value();
      return str_from_format("[Errno %s] %s: %s -> %s", str_cstr(es.get()), str_cstr(ms.get()),
                             str_cstr(r1.get()), str_cstr(r2.get()));
    }
    return str_from_format("[Errno %s] %s: %s", str_cstr(es.get()), str_cstr(ms.get()), str_cstr(r1.get()));
  }
  if (err && msg) {
    Ref es = Ref::steal(str(err)), ms = Ref::steal(str(msg));
    if (!es || !ms) return Value();
    return str_from_format("[Errno %s] %s", str_cstr(es.get()), str_cstr(ms.get()));
  }
  return base_str(self);
}
const MemberDef kOSErrorMembers[] = {
    {"errno", MemberKind::ObjectNone, extra_offset(0), false, "POSIX exception code"},
    {"strerror", MemberKind::ObjectNone, extra_offset(1), false, "exception strerror"},
    {"filename", MemberKind::ObjectNone, extra_offset(2), false, "exception filename"},
    {"filename2", MemberKind::ObjectNone, extra_offset(3), false, "second exception filename"},
    {nullptr, MemberKind::Object, 0}};

// --- SyntaxError ------------------------------------------------------------------------------------

int syntax_error_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (base_init(self, args, nargs, kwnames) < 0) return -1;
  auto* e = as_exc(self);
  if (nargs >= 1) set_field(e->extra[0], args[0]);
  if (nargs == 2) {
    Ref info = Ref::steal(tuple_from_iterable(args[1]));
    if (!info) return -1;
    size_t n = tuple_size(info.get());
    if (n < 4 || n > 6) {
      raise(exc::IndexError, "tuple index out of range");
      return -1;
    }
    for (size_t i = 0; i < n; ++i) set_field(e->extra[1 + i], tuple_get(info.get(), i));
  }
  return 0;
}

Value syntax_error_str(Value self) {
  auto* e = as_exc(self);
  Ref msg = Ref::steal(str(or_none(e->extra[0])));
  if (!msg) return Value();
  Value filename = e->extra[1], lineno = e->extra[2];
  bool have_file = filename && is_str(filename);
  bool have_line = lineno && is_int(lineno);
  std::string file;
  if (have_file) {
    file = str_to_utf8(filename);
    size_t slash = file.rfind('/');
    if (slash != std::string::npos) file = file.substr(slash + 1);
  }
  if (have_file && have_line)
    return str_from_format("%s (%s, line %s)", str_cstr(msg.get()), file.c_str(),
                           int_to_std_string(lineno).c_str());
  if (have_file) return str_from_format("%s (%s)", str_cstr(msg.get()), file.c_str());
  if (have_line)
    return str_from_format("%s (line %s)", str_cstr(msg.get()), int_to_std_string(lineno).c_str());
  return msg.release();
}
const MemberDef kSyntaxErrorMembers[] = {
    {"msg", MemberKind::ObjectNone, extra_offset(0), false, "exception msg"},
    {"filename", MemberKind::ObjectNone, extra_offset(1), false, "exception filename"},
    {"lineno", MemberKind::ObjectNone, extra_offset(2), false, "exception lineno"},
    {"offset", MemberKind::ObjectNone, extra_offset(3), false, "exception offset"},
    {"text", MemberKind::ObjectNone, extra_offset(4), false, "exception text"},
    {"end_lineno", MemberKind::ObjectNone, extra_offset(5), false, "exception end lineno"},
    {"end_offset", MemberKind::ObjectNone, extra_offset(6), false, "exception end offset"},
    {"print_file_and_line", MemberKind::ObjectNone, extra_offset(7), false, "exception print_file_and_line"},
    {nullptr, MemberKind::Object, 0}};

// --- UnicodeError -----------------------------------------------------------------------------------

int unicode_error_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (base_init(self, args, nargs, kwnames) < 0) return -1;
  TypeObject* type = self.as_object()->type;
  bool translate = is_subtype(type, exc::UnicodeTranslateError);
  bool codec = is_subtype(type, exc::UnicodeDecodeError) || is_subtype(type, exc::UnicodeEncodeError);
  if (!codec && !translate) return 0;
  size_t want = translate ? 4 : 5;
  if (nargs != want) {
    raise_format(exc::TypeError, "function takes exactly %zu arguments (%zu given)", want, nargs);
    return -1;
  }
  auto* e = as_exc(self);
  size_t i = 0;
  if (!translate) set_field(e->extra[0], args[i++]);
  Value object = args[i];
  if (is_subtype(type, exc::UnicodeDecodeError) && is_bytearray(object)) {
    Ref b = Ref::steal(bytes_from(bytearray_view(object)));
    set_field(e->extra[1], b.get());
  } else {
    set_field(e->extra[1], object);
  }
  set_field(e->extra[2], args[i + 1]);
  set_field(e->extra[3], args[i + 2]);
  set_field(e->extra[4], args[i + 3]);
  return 0;
}

Value unicode_error_str(Value self) {
  auto* e = as_exc(self);
  TypeObject* type = self.as_object()->type;
  if (!e->extra[1] || !e->extra[4]) return base_str(self);
  int64_t start = 0, end = 0;
  int_to_int64(e->extra[2], &start);
  int_to_int64(e->extra[3], &end);
  Ref reason = Ref::steal(str(e->extra[4]));
  if (!reason) return Value();
  std::string enc = e->extra[0] ? str_to_utf8(e->extra[0]) : "";
  if (is_subtype(type, exc::UnicodeDecodeError) && is_bytes(e->extra[1])) {
    std::string_view data = bytes_view(e->extra[1]);
    if (end == start + 1 && start >= 0 && size_t(start) < data.size())
      return str_from_format("'%s' codec can't decode byte 0x%02x in position %lld: %s", enc.c_str(),
                             (unsigned char)data[start], (long long)start, str_cstr(reason.get()));
    return str_from_format("'%s' codec can't decode bytes in position %lld-%lld: %s", enc.c_str(),
                           (long long)start, (long long)(end - 1), str_cstr(reason.get()));
  }
  if (is_str(e->extra[1])) {
    const char* verb = is_subtype(type, exc::UnicodeEncodeError) ? "encode" : "translate";
    std::string who = is_subtype(type, exc::UnicodeEncodeError) ? "'" + enc + "' codec" : "";
    std::string prefix = is_subtype(type, exc::UnicodeEncodeError) ? who + " can't " + verb
                                                                   : std::string("can't ") + verb;
    if (end == start + 1 && start >= 0 && size_t(start) < str_length(e->extra[1])) {
      char32_t c = str_char(e->extra[1], start);
      char buf[32];
      if (c <= 0xff) std::snprintf(buf, sizeof buf, "'\\x%02x'", unsigned(c));
      else if (c <= 0xffff) std::snprintf(buf, sizeof buf, "'\\u%04x'", unsigned(c));
      else std::snprintf(buf, sizeof buf, "'\\U%08x'", unsigned(c));
      return str_from_format("%s character %s in position %lld: %s", prefix.c_str(), buf,
                             (long long)start, str_cstr(reason.get()));
    }
    return str_from_format("%s characters in position %lld-%lld: %s", prefix.c_str(), (long long)start,
                           (long long)(end - 1), str_cstr(reason.get()));
  }
  return base_str(self);
}
const MemberDef kUnicodeErrorMembers[] = {
    {"encoding", MemberKind::ObjectNone, extra_offset(0), false, "exception encoding"},
    {"object", MemberKind::ObjectNone, extra_offset(1), false, "exception object"},
    {"start", MemberKind::ObjectNone, extra_offset(2), false, "exception start"},
    {"end", MemberKind::ObjectNone, extra_offset(3), false, "exception end"},
    {"reason", MemberKind::ObjectNone, extra_offset(4), false, "exception reason"},
    {nullptr, MemberKind::Object, 0}};

// ExceptionGroup.__weakref__ (the list itself is internal to weakref: None, as for classes).
Value group_get_weakref(Value) { return incref(none()), none(); }
const GetSetDef kGroupWeakrefGetSet[] = {
    {"__weakref__", group_get_weakref, nullptr, "list of weak references to the object (if defined)"},
    {nullptr, nullptr}};

// --- BaseExceptionGroup -------------------------------------------------------------------------------

Value group_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames) > 0)
    return raise_format(exc::TypeError, "%s() takes no keyword arguments", type->name.c_str());
  if (nargs != 2)
    return raise_format(exc::TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)", nargs);
  Value message = args[0];
  if (!is_str(message))
    return raise_format(exc::TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                        type_of(message)->name.c_str());
  Value seq = args[1];
  if (!(is_list(seq) || is_tuple(seq)))
    return raise(exc::TypeError, "second argument (exceptions) must be a sequence");
  Ref items = Ref::steal(tuple_from_iterable(seq));
  if (!items) return Value();
  size_t n = tuple_size(items.get());
  if (n == 0) return raise(exc::ValueError, "second argument (exceptions) must be a non-empty sequence");
  bool all_exceptions = true;
  for (size_t i = 0; i < n; ++i) {
    Value item = tuple_get(items.get(), i);
    if (!is_exception_instance(item))
      return raise_format(exc::ValueError, "Item %zu of second argument (exceptions) is not an exception", i);
    if (!is_subtype(type_of(item), exc::Exception)) all_exceptions = false;
  }
  if (type == exc::BaseExceptionGroup) {
    if (all_exceptions) type = exc::ExceptionGroup;
  } else if (type == exc::ExceptionGroup) {
    if (!all_exceptions) return raise(exc::TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (!all_exceptions && is_subtype(type, exc::Exception)) {
    return raise_format(exc::TypeError, "Cannot nest BaseExceptions in '%s'", type->name.c_str());
  }
  Value self = base_new(type, args, nargs, Value());
  if (!self) return Value();
  set_field(as_exc(self)->extra[0], message);
  set_field(as_exc(self)->extra[1], items.get());
  return self;
}

int group_init(Value self, const Value* args, size_t nargs, Value kwnames) { return 0; }

Value group_str(Value self) {
  auto* e = as_exc(self);
  size_t n = tuple_size(e->extra[1]);
  return str_from_format("%s (%zu sub-exception%s)", str_cstr(e->extra[0]), n, n == 1 ? "" : "s");
}

Value group_derive(Value self, Value excs) {
  Value args[2] = {as_exc(self)->extra[0], excs};
  return call(Value::object(exc::BaseExceptionGroup), args, 2);
}

// Copies __traceback__, __cause__, __context__ and __notes__ from `from` to `to`.
int copy_group_metadata(Value from, Value to) {
  exception_set_traceback(to, as_exc(from)->traceback);
  exception_set_cause(to, as_exc(from)->cause);
  as_exc(to)->suppress_context = as_exc(from)->suppress_context;
  exception_set_context(to, as_exc(from)->context);
  Ref key = Ref::steal(str_intern("__notes__"));
  Ref notes = Ref::steal(lookup_attr(from, key.get()));
  if (notes && set_attr(to, key.get(), notes.get()) < 0) return -1;
  return error_occurred() ? -1 : 0;
}

// What matches: a type, a tuple of types, or a predicate.
int group_matches(Value condition, Value e) {
  if (is_exception_type(condition) || is_tuple(condition)) return object_is_instance(e, condition);
  Ref r = Ref::steal(call_one_arg(condition, e));
  if (!r) return -1;
  return is_true(r.get());
}

// Splits `self` by `condition`: *match and *rest get new references or stay null.
int group_split(Value self, Value condition, bool want_rest, Value* match, Value* rest) {
  int m = group_matches(condition, self);
  if (m < 0) return -1;
  if (m) {
    *match = Ref::borrow(self).release();
    return 0;
  }
  if (!is_subtype(type_of(self), exc::BaseExceptionGroup)) {
    if (want_rest) *rest = Ref::borrow(self).release();
    return 0;
  }
  Value items = as_exc(self)->extra[1];
  Ref matched = Ref::steal(list_new(0)), rested = Ref::steal(list_new(0));
  for (size_t i = 0; i < tuple_size(items); ++i) {
    Value sm, sr;
    if (group_split(tuple_get(items, i), condition, want_rest, &sm, &sr) < 0) return -1;
    if (sm) { list_append(matched.get(), sm); decref(sm); }
    if (sr) { list_append(rested.get(), sr); decref(sr); }
  }
  auto build = [&](Value list, Value* out) -> int {
    if (list_size(list) == 0) return 0;
    Ref derived = Ref::steal(call_method(self, "derive", &list, 1));
    if (!derived) return -1;
    if (!is_exception_instance(derived.get())) {
      raise(exc::TypeError, "derive must return an instance of BaseExceptionGroup");
      return -1;
    }
    if (copy_group_metadata(self, derived.get()) < 0) return -1;
    *out = derived.release();
    return 0;
  };
  if (build(matched.get(), match) < 0) return -1;
  if (want_rest && build(rested.get(), rest) < 0) return -1;
  return 0;
}

Value group_split_method(Value self, Value condition) {
  Value match, rest;
  if (group_split(self, condition, true, &match, &rest) < 0) return Value();
  Value t = tuple_pack({or_none(match), or_none(rest)});
  xdecref(match);
  xdecref(rest);
  return t;
}

Value group_subgroup(Value self, Value condition) {
  Value match, rest;
  if (group_split(self, condition, false, &match, &rest) < 0) return Value();
  return match ? match : none();
}

const MethodDef kGroupMethods[] = {
    {"derive", (void*)group_derive, MethodKind::OneArg},
    {"split", (void*)group_split_method, MethodKind::OneArg},
    {"subgroup", (void*)group_subgroup, MethodKind::OneArg},
    {nullptr, nullptr, MethodKind::NoArgs}};
const MemberDef kGroupMembers[] = {
    {"message", MemberKind::ObjectNone, extra_offset(0), true, "exception message"},
    {"exceptions", MemberKind::ObjectNone, extra_offset(1), true, "nested exceptions"},
    {nullptr, MemberKind::Object, 0}};

// --- class set-up -------------------------------------------------------------------------------------

struct ClassSpec {
  const char* name;
  TypeObject** slot;
  TypeObject** base;
};

const ClassSpec kClasses[] = {
#define KRAIT_EXCEPTION(name, base) {#name, &exc::name, &exc::base},
#include "runtime/exceptions.def"
};
constexpr size_t kClassCount = sizeof(kClasses) / sizeof(kClasses[0]);

TypeObject base_exception_type_storage;
TypeObject class_storage[kClassCount];

const char* doc_for(const char* name) {
  (void)name;
  return nullptr;
}

void init_type(TypeObject* t, const char* name, TypeObject* base) {
  t->refcount = 1;
  t->Object::flags = ObjectFlag::Immortal;
  t->type = &type_type;
  t->name = name;
  t->qualname = name;
  t->base = base;
  t->TypeObject::flags = TypeFlag::BaseType | TypeFlag::HaveGc | TypeFlag::BaseExceptionSubclass;
  t->basic_size = sizeof(BaseExceptionObject);
  t->dict_offset = offsetof(BaseExceptionObject, dict);
  t->dealloc = exception_dealloc;
  t->traverse = exception_traverse;
  t->clear = exception_clear;
  (void)doc_for;
}

}  // namespace

int init_exceptions() {
  TypeObject* be = &base_exception_type_storage;
  exc::BaseException = be;
  init_type(be, "BaseException", &object_type);
  be->repr = base_repr;
  be->str = base_str;
  be->new_ = base_new;
  be->init = base_init;
  be->getattro = object_generic_getattr;
  be->setattro = object_generic_setattr;
  for (size_t i = 0; i < kClassCount; ++i) *kClasses[i].slot = &class_storage[i];
  add_methods(be, kBaseMethods);
  add_getsets(be, kBaseGetSets);
  add_members(be, kBaseMembers);
  if (type_ready(be) < 0) return -1;

  for (size_t i = 0; i < kClassCount; ++i) {
    TypeObject* t = *kClasses[i].slot;
    TypeObject* base = *kClasses[i].base;
    init_type(t, kClasses[i].name, base);
    t->repr = base->repr;
    t->str = base->str;
    t->new_ = base->new_;
    t->init = base->init;
    t->getattro = base->getattro;
    t->setattro = base->setattro;
    std::string name = kClasses[i].name;
    if (t == exc::StopIteration) {
      t->init = stop_iteration_init;
      add_members(t, kStopIterationMembers);
    } else if (t == exc::SystemExit) {
      t->init = system_exit_init;
      add_members(t, kSystemExitMembers);
    } else if (t == exc::KeyError) {
      t->str = key_error_str;
    } else if (t == exc::ImportError) {
      t->init = import_error_init;
      t->str = import_error_str;
      add_members(t, kImportErrorMembers);
    } else if (t == exc::AttributeError) {
      t->init = attribute_error_init;
      add_members(t, kAttributeErrorMembers);
    } else if (t == exc::NameError) {
      t->init = name_error_init;
      add_members(t, kNameErrorMembers);
    } else if (t == exc::OSError) {
      t->new_ = os_error_new;
      t->init = os_error_init;
      t->str = os_error_str;
      add_members(t, kOSErrorMembers);
      add_getsets(t, kOSErrorGetSets);
    } else if (t == exc::SyntaxError) {
      t->init = syntax_error_init;
      t->str = syntax_error_str;
      add_members(t, kSyntaxErrorMembers);
    } else if (t == exc::UnicodeError) {
      t->init = unicode_error_init;
      t->str = unicode_error_str;
    } else if (t == exc::UnicodeEncodeError || t == exc::UnicodeDecodeError || t == exc::UnicodeTranslateError) {
      add_members(t, kUnicodeErrorMembers);  // UnicodeError itself has none of these fields
    } else if (t == exc::BaseExceptionGroup) {
      t->new_ = group_new;
      t->init = group_init;
      t->str = group_str;
      add_methods(t, kGroupMethods);
      add_methods(t, kClassGetItemMethod);
      add_members(t, kGroupMembers);
    }
  }
  // Ready only once every class is set up: ExceptionGroup's second base (Exception) comes later
  // in exceptions.def.
  exc::ExceptionGroup->bases = tuple_pack({Value::object(exc::BaseExceptionGroup), Value::object(exc::Exception)});
  // CPython creates ExceptionGroup as a class: its instances take weak references, and its
  // __dict__ holds __module__ and __weakref__.
  exc::ExceptionGroup->weaklist_offset = sizeof(BaseExceptionObject);
  exc::ExceptionGroup->basic_size = sizeof(BaseExceptionObject) + sizeof(Value);
  add_getsets(exc::ExceptionGroup, kGroupWeakrefGetSet);
  for (size_t i = 0; i < kClassCount; ++i)
    if (type_ready(*kClasses[i].slot) < 0) return -1;
  {
    Ref module = Ref::steal(str_from_utf8("builtins"));
    if (!module || dict_set_item_str(exc::ExceptionGroup->dict, "__module__", module.get()) < 0) return -1;
    type_modified(exc::ExceptionGroup);
  }
  // Aliases live in builtins (EnvironmentError, IOError): builtins.cpp adds them.
  return 0;
}

bool is_exception_type(Value v) {
  if (!v.is_object()) return false;
  Object* o = v.as_object();
  if (!is_subtype(o->type, &type_type)) return false;
  return (static_cast<TypeObject*>(o)->flags & TypeFlag::BaseExceptionSubclass) != 0;
}

Value exception_new(TypeObject* type, const Value* args, size_t nargs) {
  return call(Value::object(type), args, nargs);
}

Value exception_from_message(TypeObject* type, const std::string& message) {
  Ref msg = Ref::steal(str_from_utf8(message));
  if (!msg) return Value();
  Value arg = msg.get();
  // Built-in classes are made directly (no Python-level __init__ can intervene).
  if (!(type->flags & TypeFlag::HeapType)) {
    Value self = type->new_(type, &arg, 1, Value());
    if (!self) return Value();
    // UnicodeError's subclasses take five arguments from Python; from C++ the message is
    // already formatted, so args alone carry it.
    if (is_subtype(type, exc::UnicodeError)) return self;
    if (type->init(self, &arg, 1, Value()) < 0) {
      decref(self);
      return Value();
    }
    return self;
  }
  return call(Value::object(type), &arg, 1);
}

Value exception_args(Value e) { return as_exc(e)->args; }
Value exception_traceback(Value e) { return as_exc(e)->traceback; }
void exception_set_traceback(Value e, Value tb) {
  if (tb && tb.is(none())) tb = Value();
  set_field(as_exc(e)->traceback, tb);
}
Value exception_context(Value e) { return as_exc(e)->context; }
void exception_set_context(Value e, Value context) { set_field(as_exc(e)->context, context); }
Value exception_cause(Value e) { return as_exc(e)->cause; }
void exception_set_cause(Value e, Value cause) {
  set_field(as_exc(e)->cause, cause);
  as_exc(e)->suppress_context = true;
}
bool exception_suppress_context(Value e) { return as_exc(e)->suppress_context; }
Value stop_iteration_value(Value e) {
  if (!is_subtype(type_of(e), exc::StopIteration)) return none();
  return or_none(as_exc(e)->value);
}
void attribute_error_context(Value object, Value name) {
  Value e = vm::thread_state().current_exception;
  if (!e || !is_subtype(type_of(e), exc::AttributeError)) return;
  BaseExceptionObject* a = as_exc(e);
  if (a->extra[0] || a->extra[1]) return;
  set_field(a->extra[0], name);
  set_field(a->extra[1], object);
}

Value system_exit_code(Value e) { return or_none(as_exc(e)->value); }

}  // namespace krait::runtime
