// The sys module (minimal) and the native text streams behind sys.stdout / sys.stderr.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "modules/builtins_internal.h"
#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/builtin_function.h"
#include "runtime/descriptors.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memory.h"
#include "runtime/module.h"
#include "runtime/namespace.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/structseq.h"
#include "runtime/tuple.h"
#include "runtime/unraisable.h"
#include "vm/config.h"
#include "vm/eval.h"
#include "vm/frame.h"
#include "vm/import.h"
#include "vm/state.h"

namespace krait::modules {

using namespace runtime;

namespace {

// --- the text streams ---------------------------------------------------------------------------

// A minimal TextIOWrapper over a file descriptor: UTF-8, buffered (stdout when not a tty) or
// line-buffered (a tty, stderr).
struct StdioObject : Object {
  int fd;
  bool line_buffered;
  bool closed;
  std::string* buffer;
  const char* name;
  const char* mode;
};

TypeObject stdio_type;
Value g_stdout, g_stderr, g_stdin, g_sys;

StdioObject* as_stdio(Value v) { return static_cast<StdioObject*>(v.as_object()); }

int flush_stdio(StdioObject* s) {
  std::string& b = *s->buffer;
  size_t done = 0;
  while (done < b.size()) {
    ssize_t n = ::write(s->fd, b.data() + done, b.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      b.clear();
      raise_format(exc::OSError, "[Errno %d] %s", errno, std::strerror(errno));
      return -1;
    }
    done += size_t(n);
  }
  b.clear();
  return 0;
}

int stdio_write_text(StdioObject* s, std::string_view text) {
  if (s->closed) {
    raise(exc::ValueError, "I/O operation on closed file.");
    return -1;
  }
  s->buffer->append(text);
  if (s->line_buffered ? text.find('\n') != std::string_view::npos : s->buffer->size() >= 8192)
    return flush_stdio(s);
  return 0;
}

Value stdio_write(Value self, Value text) {
  if (!is_str(text))
    return raise_format(exc::TypeError, "write() argument must be str, not %s", type_of(text)->name.c_str());
  if (stdio_write_text(as_stdio(self), str_utf8(text)) < 0) return Value();
  return int_from_int64(int64_t(str_length(text)));
}
Value stdio_flush(Value self) {
  if (flush_stdio(as_stdio(self)) < 0) return Value();
  return none();
}
Value stdio_fileno(Value self) { return int_from_int64(as_stdio(self)->fd); }
Value stdio_isatty(Value self) { return bool_value(::isatty(as_stdio(self)->fd)); }
Value stdio_true(Value) { return true_value(); }
Value stdio_writable(Value self) { return bool_value(as_stdio(self)->mode[0] == 'w'); }
Value stdio_readable(Value self) { return bool_value(as_stdio(self)->mode[0] == 'r'); }
Value stdio_readline(Value self, const Value* args, size_t nargs) {
  std::string line;
  char c;
  while (::read(as_stdio(self)->fd, &c, 1) == 1) {
    line += c;
    if (c == '\n') break;
  }
  return str_from_utf8(line);
}
Value stdio_read(Value self, const Value* args, size_t nargs) {
  std::string data;
  char buf[4096];
  ssize_t n;
  while ((n = ::read(as_stdio(self)->fd, buf, sizeof buf)) > 0) data.append(buf, size_t(n));
  return str_from_utf8(data);
}
Value stdio_repr(Value self) {
  StdioObject* s = as_stdio(self);
  return str_from_format("<_io.TextIOWrapper name='%s' mode='%s' encoding='utf-8'>", s->name, s->mode);
}
Value get_name(Value self) { return str_from_utf8(as_stdio(self)->name); }
Value get_mode(Value self) { return str_from_utf8(as_stdio(self)->mode); }
Value get_encoding(Value) { return str_from_ascii("utf-8"); }
Value get_errors(Value self) {
  return str_from_ascii(as_stdio(self)->fd == 2 ? "backslashreplace" : "strict");
}
Value get_closed(Value self) { return bool_value(as_stdio(self)->closed); }

const MethodDef kStdioMethods[] = {
    {"write", (void*)stdio_write, MethodKind::OneArg},
    {"flush", (void*)stdio_flush, MethodKind::NoArgs},
    {"fileno", (void*)stdio_fileno, MethodKind::NoArgs},
    {"isatty", (void*)stdio_isatty, MethodKind::NoArgs},
    {"writable", (void*)stdio_writable, MethodKind::NoArgs},
    {"readable", (void*)stdio_readable, MethodKind::NoArgs},
    {"seekable", (void*)stdio_writable, MethodKind::NoArgs},
    {"readline", (void*)stdio_readline, MethodKind::Fast},
    {"read", (void*)stdio_read, MethodKind::Fast},
    {nullptr, nullptr, MethodKind::NoArgs}};
const GetSetDef kStdioGetSets[] = {{"name", get_name},         {"mode", get_mode},
                                   {"encoding", get_encoding}, {"errors", get_errors},
                                   {"closed", get_closed},     {nullptr, nullptr}};

Value make_stdio(int fd, const char* name, const char* mode, bool line_buffered) {
  auto* s = new_object<StdioObject>(&stdio_type);
  if (!s) return Value();
  s->fd = fd;
  s->line_buffered = line_buffered;
  s->closed = false;
  s->buffer = new std::string();
  s->name = name;
  s->mode = mode;
  return Value::object(s);
}

// --- sys functions ------------------------------------------------------------------------------

Value sys_exit(Value, const Value* args, size_t nargs) {
  if (nargs > 1) return raise_format(exc::TypeError, "exit expected at most 1 argument, got %zu", nargs);
  Value e = exception_new(exc::SystemExit, args, nargs);
  if (!e) return Value();
  set_exception(e);
  decref(e);
  return Value();
}
Value sys_getrecursionlimit(Value) { return int_from_int64(vm::recursion_limit()); }
Value sys_setrecursionlimit(Value, Value limit) {
  if (!is_int(limit)) return raise(exc::TypeError, "an integer is required");
  int64_t n = 0;
  if (!int_to_int64(limit, &n) || n > 0x7fffffff) return raise(exc::OverflowError, "Python int too large to convert to C int");
  if (n < 1) return raise(exc::ValueError, "recursion limit must be greater or equal than 1");
  vm::ThreadState& ts = vm::thread_state();
  if (n <= ts.recursion_depth)
    return raise_format(exc::RecursionError,
                        "cannot set the recursion limit to %lld at the recursion depth %d: the limit is too low",
                        (long long)n, ts.recursion_depth);
  vm::set_recursion_limit(int(n));
  return none();
}
Value sys_exc_info(Value) {
  Value e = vm::handled_exception();
  if (!e || e.is(none())) return tuple_pack({none(), none(), none()});
  Value tb = exception_traceback(e);
  return tuple_pack({Value::object(type_of(e)), e, tb ? tb : none()});
}
Value sys_exception(Value) {
  Value e = vm::handled_exception();
  Value r = e ? e : none();
  incref(r);
  return r;
}
Value sys_getframe(Value, const Value* args, size_t nargs) {
  int64_t depth = 0;
  if (nargs > 0) {
    depth = as_ssize(args[0]);
    if (error_occurred()) return Value();
  }
  vm::Frame* f = vm::thread_state().frame;
  while (f && depth > 0) {
    f = f->previous;
    --depth;
  }
  if (!f) return raise(exc::ValueError, "call stack is not deep enough");
  vm::FrameObject* fo = vm::frame_object_of(f);
  if (!fo) return Value();
  incref(Value::object(fo));
  return Value::object(fo);
}
Value sys_intern(Value, Value s) {
  if (!is_str_exact(s)) return raise_format(exc::TypeError, "intern() argument must be str, not %s", type_of(s)->name.c_str());
  incref(s);
  return intern(s);
}
// The argument on the caller's stack is one of the references counted, as in CPython.
Value sys_getrefcount(Value, Value v) { return int_from_int64(v.is_object() ? v.as_object()->refcount : 1 << 30); }
// getsizeof: __sizeof__ plus the collector's header for tracked objects, as CPython computes it.
Value sys_getsizeof(Value, const Value* args, size_t nargs) {
  if (nargs < 1 || nargs > 2) return raise_format(exc::TypeError, "getsizeof() takes at most 2 arguments (%zu given)", nargs);
  Ref method = Ref::steal(lookup_special(args[0], "__sizeof__"));
  if (!method) {
    if (error_occurred()) return Value();
    if (nargs == 2) return Ref::borrow(args[1]).release();
    return raise(exc::NotImplementedError, "not implemented: sys.getsizeof of an object without __sizeof__");
  }
  Ref size = Ref::steal(call_no_args(method.get()));
  if (!size) return Value();
  int64_t n = as_ssize(size.get());
  if (error_occurred()) return Value();
  if (n < 0) return raise(exc::ValueError, "__sizeof__() should return >= 0");
  if (args[0].is_object() && (type_of(args[0])->flags & TypeFlag::HaveGc)) n += 16;
  return int_from_int64(n);
}
Value sys_getdefaultencoding(Value) { return str_from_ascii("utf-8"); }
Value sys_getfilesystemencoding(Value) { return str_from_ascii("utf-8"); }
Value sys_getfilesystemencodeerrors(Value) { return str_from_ascii("surrogateescape"); }

// Audit hooks (PEP 578): sys.audit calls each hook added by sys.addaudithook with the event
// and its arguments. krait's own operations raise no events yet; Python code's do.
Value g_audit_hooks;  // list, created on first addaudithook

Value sys_addaudithook(Value, Value hook) {
  if (!g_audit_hooks) {
    g_audit_hooks = list_new(0);
    if (!g_audit_hooks) return Value();
  }
  if (list_append(g_audit_hooks, hook) < 0) return Value();
  return new_ref(none());
}

Value sys_audit(Value, const Value* args, size_t nargs) {
  if (nargs < 1) return raise(exc::TypeError, "audit() missing 1 required positional argument: 'event'");
  if (!is_str(args[0]))
    return raise_format(exc::TypeError, "expected str for argument 'event', not %s", type_name(type_of(args[0])));
  if (!g_audit_hooks || list_size(g_audit_hooks) == 0) return new_ref(none());
  Ref event_args = Ref::steal(tuple_from_array(args + 1, nargs - 1));
  if (!event_args) return Value();
  Ref hooks = Ref::steal(list_from_iterable(g_audit_hooks));
  if (!hooks) return Value();
  for (size_t i = 0; i < list_size(hooks.get()); ++i) {
    Value call_args[2] = {args[0], event_args.get()};
    Ref r = Ref::steal(call(list_get(hooks.get(), i), call_args, 2));
    if (!r) return Value();
  }
  return new_ref(none());
}
Value sys_get_int_max_str_digits(Value) { return int_from_int64(get_int_max_str_digits()); }
Value sys_set_int_max_str_digits(Value, const Value* args, size_t nargs, Value kwnames) {
  size_t total = nargs + (kwnames ? tuple_size(kwnames) : 0);
  if (total != 1) return raise(exc::TypeError, "set_int_max_str_digits() takes exactly one argument (maxdigits)");
  int64_t n = as_ssize(args[0]);
  if (error_occurred()) return Value();
  if (n != 0 && n < 640) return raise(exc::ValueError, "maxdigits must be 0 or larger than 640");
  set_int_max_str_digits(n);
  return none();
}
Value sys_displayhook(Value, Value v) {
  if (v.is(none())) return none();
  Ref r = Ref::steal(repr(v));
  if (!r) return Value();
  if (dict_set_item_str(builtins_dict(), "_", v) < 0) return Value();
  if (write_to(sys_stdout(), str_to_utf8(r.get()) + "\n") < 0) return Value();
  return none();
}
Value sys_excepthook(Value, const Value* args, size_t nargs) {
  if (nargs != 3) return raise_format(exc::TypeError, "excepthook expected 3 arguments, got %zu", nargs);
  vm::print_exception(args[1]);
  return none();
}

// sys.breakpointhook(*args, **kws): calls the function $PYTHONBREAKPOINT names (pdb.set_trace by
// default; "0" disables it), warning and returning None when it cannot be imported.
Value sys_breakpointhook(Value, const Value* args, size_t nargs, Value kwnames) {
  const char* env = vm::config().ignore_environment ? nullptr : std::getenv("PYTHONBREAKPOINT");
  std::string hookname = env && *env ? env : "pdb.set_trace";
  if (hookname == "0") return none();
  size_t dot = hookname.rfind('.');
  std::string modulepath = dot == std::string::npos ? "builtins" : hookname.substr(0, dot);
  std::string attrname = dot == std::string::npos ? hookname : hookname.substr(dot + 1);
  Ref module = Ref::steal(vm::import_module(modulepath.c_str()));
  Ref hook;
  if (module) hook = Ref::steal(get_attr(module.get(), attrname.c_str()));
  if (!hook) {
    if (!error_matches(module ? exc::AttributeError : exc::ImportError)) return Value();
    clear_error();
    if (emit_warning(exc::RuntimeWarning, "Ignoring unimportable $PYTHONBREAKPOINT: \"" + hookname + "\"", 1) < 0)
      return Value();
    return none();
  }
  return call(hook.get(), args, nargs, kwnames);
}

// sys.call_tracing(func, args): func(*args) (krait has no tracing to switch on around it).
Value sys_call_tracing(Value, const Value* args, size_t nargs) {
  if (nargs != 2) return raise_format(exc::TypeError, "call_tracing expected 2 arguments, got %zu", nargs);
  if (!is_tuple(args[1]))
    return raise_format(exc::TypeError, "call_tracing() argument 2 must be tuple, not %s", type_of(args[1])->name.c_str());
  return call(args[0], tuple_items(args[1]), tuple_size(args[1]));
}

const MethodDef kSysFunctions[] = {
    {"breakpointhook", (void*)sys_breakpointhook, MethodKind::FastKeywords},
    {"call_tracing", (void*)sys_call_tracing, MethodKind::Fast},
    {"exit", (void*)sys_exit, MethodKind::Fast},
    {"getrecursionlimit", (void*)sys_getrecursionlimit, MethodKind::NoArgs},
    {"setrecursionlimit", (void*)sys_setrecursionlimit, MethodKind::OneArg},
    {"exc_info", (void*)sys_exc_info, MethodKind::NoArgs},
    {"exception", (void*)sys_exception, MethodKind::NoArgs},
    {"_getframe", (void*)sys_getframe, MethodKind::Fast},
    {"intern", (void*)sys_intern, MethodKind::OneArg},
    {"getrefcount", (void*)sys_getrefcount, MethodKind::OneArg},
    {"getdefaultencoding", (void*)sys_getdefaultencoding, MethodKind::NoArgs},
    {"getsizeof", (void*)sys_getsizeof, MethodKind::Fast},
    {"getfilesystemencoding", (void*)sys_getfilesystemencoding, MethodKind::NoArgs},
    {"getfilesystemencodeerrors", (void*)sys_getfilesystemencodeerrors, MethodKind::NoArgs},
    {"addaudithook", (void*)sys_addaudithook, MethodKind::OneArg},
    {"audit", (void*)sys_audit, MethodKind::Fast},
    {"get_int_max_str_digits", (void*)sys_get_int_max_str_digits, MethodKind::NoArgs},
    {"set_int_max_str_digits", (void*)sys_set_int_max_str_digits, MethodKind::FastKeywords},
    {"displayhook", (void*)sys_displayhook, MethodKind::OneArg},
    {"__displayhook__", (void*)sys_displayhook, MethodKind::OneArg},
    {"excepthook", (void*)sys_excepthook, MethodKind::Fast},
    {"__excepthook__", (void*)sys_excepthook, MethodKind::Fast},
    {nullptr, nullptr, MethodKind::NoArgs}};

Value str_list(const std::vector<std::string>& items) {
  Value l = list_new(0);
  if (!l) return Value();
  for (const std::string& s : items) {
    Ref v = Ref::steal(str_from_utf8(s));
    if (!v || list_append(l, v.get()) < 0) {
      decref(l);
      return Value();
    }
  }
  return l;
}

// sys.copyright: CPython 3.11's text (the same the copyright() builtin prints).
const char kCopyright[] =
    "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\n"
    "Copyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\n"
    "Copyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\n"
    "Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved.";

// sys's named tuples (version_info, hash_info, float_info, int_info, flags) and implementation,
// built by a little Python around _structseq(name, fields, values): a native struct sequence
// type "sys.<name>" (runtime/structseq.h) and its one instance. As in CPython, flags and
// version_info cannot be instantiated from Python.
Value sys_structseq(Value, const Value* args, size_t nargs) {
  if (nargs != 3 || !is_str(args[0]) || !is_tuple(args[1]) || !is_tuple(args[2]) ||
      tuple_size(args[1]) != tuple_size(args[2]))
    return raise(exc::TypeError, "_structseq(name, fields, values)");
  std::string name = str_to_utf8(args[0]);
  std::string qualified = "sys." + name;
  std::vector<std::string> names;
  for (size_t i = 0; i < tuple_size(args[1]); ++i) names.push_back(str_to_utf8(tuple_get(args[1], i)));
  std::vector<StructSeqField> fields;
  for (const std::string& n : names) fields.push_back(StructSeqField{n.c_str()});
  StructSeqDesc desc{qualified.c_str(), nullptr, fields.data(), fields.size(), fields.size()};
  TypeObject* type = structseq_new_type(desc);
  if (!type) return Value();
  Ref seq = Ref::steal(structseq_new(type));
  if (!seq) return Value();
  for (size_t i = 0; i < fields.size(); ++i) structseq_set(seq.get(), i, new_ref(tuple_get(args[2], i)));
  if (name == "flags" || name == "version_info") {
    type->new_ = nullptr;
    if (dict_del_item_str(type->dict, "__new__") < 0) return Value();
    type_modified(type);
  }
  return seq.release();
}
const MethodDef kStructSeqMaker = {"_structseq", (void*)sys_structseq, MethodKind::Fast};

const char kStructSeqSource[] = R"PY(
version_info = _structseq('version_info', ('major', 'minor', 'micro', 'releaselevel', 'serial'),
                          (3, 11, 2, 'final', 0))
hash_info = _structseq('hash_info', ('width', 'modulus', 'inf', 'nan', 'imag', 'algorithm', 'hash_bits',
                                     'seed_bits', 'cutoff'),
                       (64, 2305843009213693951, 314159, 0, 1000003, 'siphash13', 64, 128, 0))
float_info = _structseq('float_info', ('max', 'max_exp', 'max_10_exp', 'min', 'min_exp', 'min_10_exp', 'dig',
                                       'mant_dig', 'epsilon', 'radix', 'rounds'),
                        (1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307, 15, 53,
                         2.220446049250313e-16, 2, 1))
int_info = _structseq('int_info', ('bits_per_digit', 'sizeof_digit', 'default_max_str_digits',
                                   'str_digits_check_threshold'), (30, 4, 4300, 640))
flags = _structseq('flags', ('debug', 'inspect', 'interactive', 'optimize', 'dont_write_bytecode',
                             'no_user_site', 'no_site', 'ignore_environment', 'verbose', 'bytes_warning',
                             'quiet', 'hash_randomization', 'isolated', 'dev_mode', 'utf8_mode',
                             'warn_default_encoding', 'safe_path', 'int_max_str_digits'),
                   _flag_values)
implementation = _namespace(name='krait', cache_tag='krait-311', version=version_info,
                            hexversion=0x030B02F0, _multiarch='x86_64-linux-gnu')
del _structseq, _flag_values, _namespace
class Quitter(object):
    def __init__(self, name, eof):
        self.name = name
        self.eof = eof
    def __repr__(self):
        return 'Use %s() or %s to exit' % (self.name, self.eof)
    def __call__(self, code=None):
        raise SystemExit(code)
Quitter.__module__ = '_sitebuiltins'
exit = Quitter('exit', 'Ctrl-D (i.e. EOF)')
quit = Quitter('quit', 'Ctrl-D (i.e. EOF)')
del Quitter
# copyright, credits, license and help, which site adds to builtins: the text is read (the
# license from its file, when there is one) the first time it is shown.
class _Printer(object):
    MAXLINES = 23
    def __init__(self, name, data, files=(), dirs=()):
        self._Printer__name = name
        self._Printer__data = data
        self._Printer__lines = None
        self._Printer__filenames = [d + '/' + f for d in dirs for f in files]
    def _Printer__setup(self):
        if self._Printer__lines:
            return
        data = None
        for filename in self._Printer__filenames:
            try:
                with open(filename, encoding='utf-8') as fp:
                    data = fp.read()
                break
            except OSError:
                pass
        if not data:
            data = self._Printer__data
        self._Printer__lines = data.split('\n')
        self._Printer__linecnt = len(self._Printer__lines)
    def __repr__(self):
        self._Printer__setup()
        if len(self._Printer__lines) <= self.MAXLINES:
            return '\n'.join(self._Printer__lines)
        return 'Type %s() to see the full %s text' % ((self._Printer__name,) * 2)
    def __call__(self):
        self._Printer__setup()
        prompt = 'Hit Return for more, or q (and Return) to quit: '
        lineno = 0
        while 1:
            try:
                for i in range(lineno, lineno + self.MAXLINES):
                    print(self._Printer__lines[i])
            except IndexError:
                break
            else:
                lineno += self.MAXLINES
                key = None
                while key is None:
                    key = input(prompt)
                    if key not in ('', 'q'):
                        key = None
                if key == 'q':
                    break
class _Helper(object):
    def __repr__(self):
        return ('Type help() for interactive help, '
                'or help(object) for help about object.')
    def __call__(self, *args, **kwds):
        import pydoc
        return pydoc.help(*args, **kwds)
_Printer.__module__ = _Helper.__module__ = '_sitebuiltins'
copyright = _Printer('copyright', _copyright)
credits = _Printer('credits', """\
    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands
    for supporting Python development.  See www.python.org for more information.""")
license = _Printer('license', 'See https://www.python.org/psf/license/',
                   ['LICENSE.txt', 'LICENSE'], [_stdlib_dir + '/..', _stdlib_dir, '.'])
help = _Helper()
del _Printer, _Helper, _copyright, _stdlib_dir
)PY";

// sys.flags' values, in the order of its fields.
Value flag_values(const vm::Config& c) {
  Ref hash_randomization = Ref::steal(int_from_int64(1));
  const char* seed = std::getenv("PYTHONHASHSEED");
  if (seed && !c.ignore_environment && std::strcmp(seed, "0") == 0) hash_randomization = Ref::steal(int_from_int64(0));
  std::vector<Value> items = {
      int_from_int64(0), int_from_int64(c.inspect), int_from_int64(0), int_from_int64(c.optimize),
      int_from_int64(c.dont_write_bytecode), int_from_int64(c.no_user_site), int_from_int64(c.no_site),
      int_from_int64(c.ignore_environment), int_from_int64(c.verbose), int_from_int64(0), int_from_int64(c.quiet),
      hash_randomization.release(), int_from_int64(c.isolated), new_ref(false_value()), int_from_int64(0),
      int_from_int64(0), new_ref(bool_value(c.safe_path)), int_from_int64(-1)};
  Value t = tuple_from_array(items.data(), items.size());
  for (Value v : items) decref(v);
  return t;
}

int add_structseqs(Value module, const vm::Config& config) {
  Value exec_fn = dict_get_item_str(builtins_dict(), "exec");
  if (!exec_fn) return -1;
  Ref ns = Ref::steal(dict_new());
  Ref flags = Ref::steal(flag_values(config));
  if (!ns || !flags || dict_set_item_str(ns.get(), "_flag_values", flags.get()) < 0 ||
      dict_set_item_str(ns.get(), "_namespace", Value::object(&namespace_type)) < 0)
    return -1;
  Ref maker = Ref::steal(builtin_function_new(&kStructSeqMaker, Value(), Value()));
  if (!maker || dict_set_item_str(ns.get(), "_structseq", maker.get()) < 0) return -1;
  Ref copyright = Ref::steal(str_from_ascii(kCopyright));
  Ref stdlib_dir = Ref::steal(str_from_utf8(config.stdlib_dir));
  if (!copyright || !stdlib_dir || dict_set_item_str(ns.get(), "_copyright", copyright.get()) < 0 ||
      dict_set_item_str(ns.get(), "_stdlib_dir", stdlib_dir.get()) < 0)
    return -1;
  Ref src = Ref::steal(str_from_utf8(kStructSeqSource));
  if (!ns || !src) return -1;
  Value args[2] = {src.get(), ns.get()};
  Ref r = Ref::steal(call(exec_fn, args, 2));
  if (!r) return -1;
  for (const char* name : {"version_info", "hash_info", "float_info", "int_info", "flags", "implementation"}) {
    Value v = dict_get_item_str(ns.get(), name);
    if (!v || module_add(module, name, v) < 0) return -1;
  }
  // exit(), quit(), copyright, credits, license and help, which CPython's site module adds to builtins.
  for (const char* name : {"exit", "quit", "copyright", "credits", "license", "help"}) {
    Value v = dict_get_item_str(ns.get(), name);
    if (!v || dict_set_item_str(builtins_dict(), name, v) < 0) return -1;
  }
  return 0;
}

// sys.path: the script's directory (or ''), PYTHONPATH, krait's lib/, the CPython stdlib.
std::vector<std::string> module_search_path(const vm::Config& c) {
  std::vector<std::string> path;
  if (c.path0) path.push_back(*c.path0);
  path.insert(path.end(), c.pythonpath.begin(), c.pythonpath.end());
  if (!c.krait_lib_dir.empty()) path.push_back(c.krait_lib_dir);
  path.push_back(c.stdlib_dir);
  return path;
}

// sys._xoptions: -X name=value -> {'name': 'value'}, -X name -> {'name': True}.
Value xoption_dict(const std::vector<std::string>& options) {
  Ref d = Ref::steal(dict_new());
  if (!d) return Value();
  for (const std::string& o : options) {
    size_t eq = o.find('=');
    Ref key = Ref::steal(str_from_utf8(o.substr(0, eq)));
    Ref value = Ref::steal(eq == std::string::npos ? new_ref(true_value()) : str_from_utf8(o.substr(eq + 1)));
    if (!key || !value || dict_set_item(d.get(), key.get(), value.get()) < 0) return Value();
  }
  return d.release();
}

}  // namespace

bool is_native_stdio(Value file) { return file.is_object() && file.as_object()->type == &stdio_type; }
int native_stdio_write(Value file, const std::string& text) { return stdio_write_text(as_stdio(file), text); }

Value sys_module() { return g_sys; }
Value sys_modules() { return g_sys ? dict_get_item_str(module_dict(g_sys), "modules") : Value(); }

Value sys_stdout() {
  if (!g_sys) return g_stdout;
  Value v = dict_get_item_str(module_dict(g_sys), "stdout");
  return v ? v : Value();
}
Value sys_stderr() {
  if (!g_sys) return g_stderr;
  Value v = dict_get_item_str(module_dict(g_sys), "stderr");
  return v ? v : Value();
}

int write_to(Value file, const std::string& text) {
  if (!file || file.is(none())) return 0;
  if (is_native_stdio(file)) return native_stdio_write(file, text);
  Ref s = Ref::steal(str_from_utf8(text));
  if (!s) return -1;
  Value arg = s.get();
  Ref r = Ref::steal(call_method(file, "write", &arg, 1));
  return r ? 0 : -1;
}

void flush_std_streams() {
  Ref saved = fetch_exception();
  for (Value v : {sys_stdout(), sys_stderr(), g_stdout, g_stderr}) {
    if (!v || v.is(none())) continue;
    if (is_native_stdio(v)) {
      flush_stdio(as_stdio(v));
    } else {
      Value r = call_method(v, "flush", nullptr, 0);
      xdecref(r);
    }
    clear_error();
  }
  if (saved) vm::restore_exception(saved.release());
}

int init_sys(const vm::Config& config) {
  const std::vector<std::string>& argv = config.argv;
  if (g_sys) return 0;
  TypeObject* t = &stdio_type;
  t->refcount = 1;
  t->Object::flags = ObjectFlag::Immortal;
  t->type = &type_type;
  t->name = "_io.TextIOWrapper";
  t->qualname = "TextIOWrapper";
  t->basic_size = sizeof(StdioObject);
  t->repr = stdio_repr;
  add_methods(t, kStdioMethods);
  add_getsets(t, kStdioGetSets);
  if (type_ready(t) < 0) return -1;
  g_stdout = make_stdio(1, "<stdout>", "w", ::isatty(1));
  g_stderr = make_stdio(2, "<stderr>", "w", true);
  g_stdin = make_stdio(0, "<stdin>", "r", true);
  if (!g_stdout || !g_stderr || !g_stdin) return -1;

  g_sys = module_new("sys");
  if (!g_sys) return -1;
  Value m = g_sys;
  if (module_add_functions(m, kSysFunctions) < 0) return -1;
  // sys.__breakpointhook__ is the original hook itself.
  if (Value hook = dict_get_item_str(module_dict(m), "breakpointhook"); !hook || module_add(m, "__breakpointhook__", hook) < 0)
    return -1;
  if (add_unraisablehook(m) < 0) return -1;  // runtime/unraisable.cpp
  Ref modules = Ref::steal(dict_new());
  Ref args = Ref::steal(str_list(argv.empty() ? std::vector<std::string>{""} : argv));
  Ref path = Ref::steal(str_list(module_search_path(config)));
  Ref orig_argv = Ref::steal(str_list(config.orig_argv));
  Ref warnoptions = Ref::steal(str_list(config.warnoptions));
  Ref xoptions = Ref::steal(xoption_dict(config.xoptions));
  Ref meta_path = Ref::steal(list_new(0));
  Ref path_hooks = Ref::steal(list_new(0));
  Ref importer_cache = Ref::steal(dict_new());
  Ref pycache_prefix = Ref::steal(config.pycache_prefix ? str_from_utf8(*config.pycache_prefix) : new_ref(none()));
  if (!path || !orig_argv || !warnoptions || !xoptions || !meta_path || !path_hooks || !importer_cache || !pycache_prefix)
    return -1;
  // CPython's layout (platform.python_build() and friends parse it): branch, build date, compiler.
  Ref version = Ref::steal(str_from_ascii("3.11.2 (main, " __DATE__ ", " __TIME__ ") [GCC " __VERSION__ "]"));
  Ref repr_style = Ref::steal(str_from_ascii("short"));
  Ref platform = Ref::steal(str_from_ascii("linux"));
  Ref byteorder = Ref::steal(str_from_ascii("little"));
  Ref maxsize = Ref::steal(int_from_int64(INT64_MAX));
  Ref maxunicode = Ref::steal(int_from_int64(0x10FFFF));
  Ref hexversion = Ref::steal(int_from_int64(0x030B02F0));
  Ref executable = Ref::steal(str_from_utf8(config.executable));
  Ref prefix = Ref::steal(str_from_ascii("/usr"));
  Ref platlibdir = Ref::steal(str_from_ascii("lib"));
  Ref abiflags = Ref::steal(str_from_ascii(""));
  Ref api_version = Ref::steal(int_from_int64(1013));  // CPython 3.11's PYTHON_API_VERSION
  Ref copyright = Ref::steal(str_from_ascii(kCopyright));
  if (!abiflags || !api_version || !copyright) return -1;
  Ref names = Ref::steal(tuple_new(builtin_modules().size()));
  if (!names) return -1;
  for (size_t i = 0; i < builtin_modules().size(); ++i) {
    Value n = str_from_ascii(builtin_modules()[i].name);
    if (!n) return -1;
    tuple_items(names.get())[i] = n;
  }
  struct {
    const char* name;
    Value value;
  } entries[] = {{"modules", modules.get()},   {"argv", args.get()},
                 {"path", path.get()},         {"float_repr_style", repr_style.get()},
                 {"version", version.get()},   {"platform", platform.get()},
                 {"byteorder", byteorder.get()}, {"maxsize", maxsize.get()},
                 {"maxunicode", maxunicode.get()}, {"hexversion", hexversion.get()},
                 {"executable", executable.get()}, {"prefix", prefix.get()},
                 {"base_prefix", prefix.get()}, {"exec_prefix", prefix.get()},
                 {"builtin_module_names", names.get()},
                 {"stdout", g_stdout},          {"stderr", g_stderr},
                 {"stdin", g_stdin},            {"__stdout__", g_stdout},
                 {"__stderr__", g_stderr},      {"__stdin__", g_stdin},
                 {"dont_write_bytecode", bool_value(config.dont_write_bytecode)},
                 {"orig_argv", orig_argv.get()}, {"warnoptions", warnoptions.get()},
                 {"_xoptions", xoptions.get()}, {"meta_path", meta_path.get()},
                 {"path_hooks", path_hooks.get()}, {"path_importer_cache", importer_cache.get()},
                 {"pycache_prefix", pycache_prefix.get()}, {"platlibdir", platlibdir.get()},
                 {"base_exec_prefix", prefix.get()}, {"abiflags", abiflags.get()},
                 {"api_version", api_version.get()}, {"copyright", copyright.get()}};
  for (auto& e : entries)
    if (module_add(m, e.name, e.value) < 0) return -1;
  if (dict_set_item_str(modules.get(), "sys", m) < 0) return -1;
  if (builtins_module() && dict_set_item_str(modules.get(), "builtins", builtins_module()) < 0) return -1;
  g_sys = m;
  if (add_structseqs(m, config) < 0) return -1;
  return 0;
}

}  // namespace krait::modules
