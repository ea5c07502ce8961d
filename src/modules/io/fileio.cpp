// _io.FileIO: raw, unbuffered I/O on a file descriptor. readall() reads a regular file with one
// read of its fstat size (the import system reads every .py/.pyc through it).
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>

#include "modules/io/io_internal.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/int.h"
#include "runtime/str.h"

namespace krait::modules::io {

TypeObject fileio_type;

namespace {

struct FileIOObject : IOBaseObject {
  int fd = -1;
  bool created = false, readable = false, writable = false, appending = false, closefd = true;
  signed char seekable = -1;  // -1: not known yet
  int64_t blksize = 0;
};

FileIOObject* as_fileio(Value v) { return static_cast<FileIOObject*>(v.as_object()); }

Value new_ref(Value v) {
  incref(v);
  return v;
}

Value fileio_new(TypeObject* type, const Value*, size_t, Value) {
  FileIOObject* f = io_alloc<FileIOObject>(type);
  if (!f) return Value();
  gc_track(f);
  return Value::object(f);
}

void fileio_dealloc(Object* self) {
  FileIOObject* f = static_cast<FileIOObject*>(self);
  // The finalizer closed it unless close() failed or it was resurrected and dropped again.
  if (f->fd >= 0 && f->closefd) ::close(f->fd);
  io_free<FileIOObject>(self);
}

// The path of `file` as bytes for open(2): str (UTF-8, surrogateescape), bytes, or os.PathLike.
bool fspath_bytes(Value file, std::string* out) {
  Ref path = Ref::borrow(file);
  if (!is_str(file) && !is_bytes(file)) {
    Value fspath = lookup_special(file, "__fspath__");
    if (!fspath) {
      if (!error_occurred())
        raise_format(exc::TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(type_of(file)));
      return false;
    }
    path = Ref::steal(call_no_args(fspath));
    decref(fspath);
    if (!path) return false;
    if (!is_str(path.get()) && !is_bytes(path.get())) {
      raise_format(exc::TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                   type_name(type_of(file)), type_name(type_of(path.get())));
      return false;
    }
  }
  if (is_str(path.get())) {
    Ref encoded = Ref::steal(str_encode(path.get(), "utf-8", "surrogateescape"));
    if (!encoded) return false;
    out->assign(bytes_view(encoded.get()));
  } else {
    out->assign(bytes_view(path.get()));
  }
  if (out->find('\0') != std::string::npos) {
    raise(exc::ValueError, "embedded null byte");
    return false;
  }
  return true;
}

// Parses FileIO's mode; false + ValueError as CPython.
bool parse_mode(Value mode_value, FileIOObject* f, int* flags) {
  std::string_view mode = str_utf8(mode_value);
  bool rwa = false, plus = false;
  f->created = f->readable = f->writable = f->appending = false;
  for (char c : mode) {
    switch (c) {
      case 'x':
      case 'r':
      case 'w':
      case 'a':
        if (rwa) goto bad_mode;
        rwa = true;
        if (c == 'x') {
          f->created = f->writable = true;
          *flags |= O_EXCL | O_CREAT;
        } else if (c == 'r') {
          f->readable = true;
        } else if (c == 'w') {
          f->writable = true;
          *flags |= O_CREAT | O_TRUNC;
        } else {
          f->writable = f->appending = true;
          *flags |= O_APPEND | O_CREAT;
        }
        break;
      case 'b':
        break;
      case '+':
        if (plus) goto bad_mode;
        f->readable = f->writable = true;
        plus = true;
        break;
      default:
        raise_format(exc::ValueError, "invalid mode: %.200s", std::string(mode).c_str());
        return false;
    }
  }
  if (!rwa) goto bad_mode;
  if (f->readable && f->writable) *flags |= O_RDWR;
  else if (f->readable) *flags |= O_RDONLY;
  else *flags |= O_WRONLY;
  *flags |= O_CLOEXEC;
  return true;
bad_mode:
  raise(exc::ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
  return false;
}

int internal_close(FileIOObject* f) {
  int fd = f->fd;
  f->fd = -1;
  if (fd >= 0 && ::close(fd) < 0) {
    raise_errno(errno);
    return -1;
  }
  return 0;
}

int fileio_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kParams[] = {"file", "mode", "closefd", "opener"};
  Value a[4];
  if (!parse_args("FileIO", args, nargs, kwnames, kParams, 4, 1, 4, a)) return -1;
  FileIOObject* f = as_fileio(self);
  if (f->fd >= 0) {  // __init__ again: CPython closes the previous descriptor
    if (f->closefd) {
      if (internal_close(f) < 0) return -1;
    } else {
      f->fd = -1;
    }
  }
  Value file = a[0];
  Value mode = a[1] ? a[1] : Value();
  bool closefd = true;
  if (a[2]) {
    int t = is_true(a[2]);
    if (t < 0) return -1;
    closefd = t;
  }
  Value opener = a[3] && !a[3].is(none()) ? a[3] : Value();

  int fd = -1;
  std::string path;
  if (is_int(file)) {
    int64_t n;
    if (!int_to_int64(file, &n) || n > 0x7fffffff) {
      raise(exc::OverflowError, "signed integer is greater than maximum");
      return -1;
    }
    if (n < 0) {
      raise(exc::ValueError, "negative file descriptor");
      return -1;
    }
    fd = int(n);
  } else if (!fspath_bytes(file, &path)) {
    return -1;
  }
  if (mode && !is_str(mode)) {
    raise_format(exc::TypeError, "FileIO() argument 'mode' must be str, not %s", type_name(type_of(mode)));
    return -1;
  }
  int flags = 0;
  if (mode) {
    if (!parse_mode(mode, f, &flags)) return -1;
  } else {
    Ref r = Ref::steal(str_intern("r"));
    if (!parse_mode(r.get(), f, &flags)) return -1;
  }

  if (fd >= 0) {
    f->fd = fd;
    f->closefd = closefd;
  } else {
    f->closefd = true;
    if (!closefd) {
      raise(exc::ValueError, "Cannot use closefd=False with file name");
      return -1;
    }
    if (opener) {
      Ref flags_value = Ref::steal(int_from_int64(flags));
      Value call_args[2] = {file, flags_value.get()};
      Ref result = Ref::steal(call(opener, call_args, 2));
      if (!result) return -1;
      if (!is_int(result.get())) {
        raise_format(exc::TypeError, "expected integer from opener");
        return -1;
      }
      int64_t n;
      if (!int_to_int64(result.get(), &n)) return -1;
      if (n < 0) {
        raise_format(exc::ValueError, "opener returned %lld", (long long)n);
        return -1;
      }
      f->fd = int(n);
    } else {
      int r;
      do r = ::open(path.c_str(), flags, 0666);
      while (r < 0 && errno == EINTR);
      if (r < 0) {
        raise_errno(errno, file);
        return -1;
      }
      f->fd = r;
    }
  }
  f->blksize = kDefaultBufferSize;
  struct stat st;
  if (::fstat(f->fd, &st) < 0) {
    int err = errno;
    if (fd < 0) internal_close(f);  // we opened it
    else f->fd = -1;
    raise_errno(err);
    return -1;
  }
  if (S_ISDIR(st.st_mode)) {
    if (fd < 0) internal_close(f);
    else f->fd = -1;
    raise_errno(EISDIR, file);
    return -1;
  }
  if (st.st_blksize > 1) f->blksize = st.st_blksize;
  if (set_dict_attr(self, "name", file) < 0) return -1;
  if (f->appending) {
    // O_APPEND writes at the end; position there too so tell() agrees.
    if (::lseek(f->fd, 0, SEEK_END) < 0) {
      if (errno != ESPIPE) {
        raise_errno(errno);
        return -1;
      }
    }
  }
  return 0;
}

// --- checks ----------------------------------------------------------------------------------------

bool check_open(FileIOObject* f) {
  if (f->fd < 0) {
    raw_closed_error();
    return false;
  }
  return true;
}
bool check_readable(FileIOObject* f) {
  if (!check_open(f)) return false;
  if (!f->readable) {
    unsupported("File not open for reading");
    return false;
  }
  return true;
}
bool check_writable(FileIOObject* f) {
  if (!check_open(f)) return false;
  if (!f->writable) {
    unsupported("File not open for writing");
    return false;
  }
  return true;
}

// read(2) retried on EINTR: bytes read, or -1 with errno.
ssize_t read_fd(int fd, char* buffer, size_t size) {
  ssize_t n;
  do n = ::read(fd, buffer, size);
  while (n < 0 && errno == EINTR);
  return n;
}

// --- reading -----------------------------------------------------------------------------------------

Value readall(FileIOObject* f) {
  struct stat st;
  int64_t expected = -1;
  if (::fstat(f->fd, &st) == 0 && S_ISREG(st.st_mode)) {
    off_t pos = ::lseek(f->fd, 0, SEEK_CUR);
    if (pos >= 0 && st.st_size >= pos) expected = st.st_size - pos;
  }
  std::string data;
  if (expected > 0) {
    // One read of the whole file into the result (no copy), then a probe for EOF.
    Ref result = Ref::steal(bytes_new(size_t(expected)));
    if (!result) return Value();
    size_t got = 0;
    while (got < size_t(expected)) {
      ssize_t n = read_fd(f->fd, bytes_mutable_data(result.get()) + got, size_t(expected) - got);
      if (n < 0) {
        if (errno == EAGAIN && got == 0) return new_ref(none());
        if (errno == EAGAIN) break;
        return raise_errno(errno);
      }
      if (n == 0) break;
      got += size_t(n);
    }
    if (got < size_t(expected)) return bytes_from(std::string_view(bytes_data(result.get()), got));
    char probe[1];
    ssize_t n = read_fd(f->fd, probe, 1);
    if (n == 0 || (n < 0 && errno == EAGAIN)) return result.release();
    if (n < 0) return raise_errno(errno);
    data.assign(bytes_view(result.get()));
    data.push_back(probe[0]);
  }
  size_t chunk = kDefaultBufferSize;
  while (true) {
    size_t old = data.size();
    data.resize(old + chunk);
    ssize_t n = read_fd(f->fd, data.data() + old, chunk);
    if (n < 0) {
      data.resize(old);
      if (errno == EAGAIN) {
        if (data.empty()) return new_ref(none());
        break;
      }
      return raise_errno(errno);
    }
    data.resize(old + size_t(n));
    if (n == 0) break;
    if (chunk < (1u << 20)) chunk *= 2;
  }
  return bytes_from(data);
}

Value fileio_readall(Value self) {
  FileIOObject* f = as_fileio(self);
  if (!check_open(f)) return Value();
  return readall(f);
}

Value fileio_read(Value self, const Value* args, size_t nargs) {
  if (!check_no_args("read", nargs, 1)) return Value();
  FileIOObject* f = as_fileio(self);
  if (!check_readable(f)) return Value();
  int64_t size;
  if (!size_arg(nargs ? args[0] : Value(), &size)) return Value();
  if (size < 0) return readall(f);
  Ref result = Ref::steal(bytes_new(size_t(size)));
  if (!result) return Value();
  ssize_t n = read_fd(f->fd, bytes_mutable_data(result.get()), size_t(size));
  if (n < 0) {
    if (errno == EAGAIN) return new_ref(none());
    return raise_errno(errno);
  }
  if (n == size) return result.release();
  return bytes_from(std::string_view(bytes_data(result.get()), size_t(n)));
}

Value fileio_readinto(Value self, Value buffer) {
  FileIOObject* f = as_fileio(self);
  if (!check_readable(f)) return Value();
  char* data;
  size_t size;
  if (!writable_buffer_arg("readinto", buffer, &data, &size)) return Value();
  ssize_t n = read_fd(f->fd, data, size);
  if (n < 0) {
    if (errno == EAGAIN) return new_ref(none());
    return raise_errno(errno);
  }
  return int_from_int64(n);
}

// readline without a buffer: one byte at a time so the descriptor's position stays exact (as
// CPython's FileIO, which inherits _IOBase.readline's read(1) loop), but without Python calls.
Value fileio_readline(Value self, const Value* args, size_t nargs) {
  if (!check_no_args("readline", nargs, 1)) return Value();
  int64_t limit;
  if (!size_arg(nargs ? args[0] : Value(), &limit)) return Value();
  if (type_of(self) != &fileio_type) return iobase_readline_generic(self, limit);
  FileIOObject* f = as_fileio(self);
  if (!check_readable(f)) return Value();
  std::string line;
  while (limit < 0 || int64_t(line.size()) < limit) {
    char c;
    ssize_t n = read_fd(f->fd, &c, 1);
    if (n < 0) {
      if (errno == EAGAIN) break;
      return raise_errno(errno);
    }
    if (n == 0) break;
    line.push_back(c);
    if (c == '\n') break;
  }
  return bytes_from(line);
}

// --- writing, positioning ----------------------------------------------------------------------------

Value fileio_write(Value self, Value data) {
  FileIOObject* f = as_fileio(self);
  if (!check_writable(f)) return Value();
  std::string_view view;
  if (!buffer_arg(data, &view)) return Value();
  ssize_t n;
  do n = ::write(f->fd, view.data(), view.size());
  while (n < 0 && errno == EINTR);
  if (n < 0) {
    if (errno == EAGAIN) return new_ref(none());
    return raise_errno(errno);
  }
  return int_from_int64(n);
}

Value fileio_seek(Value self, const Value* args, size_t nargs) {
  if (nargs < 1 || nargs > 2)
    return raise_format(exc::TypeError, "seek expected %s, got %zu", nargs < 1 ? "at least 1 argument" : "at most 2 arguments", nargs);
  FileIOObject* f = as_fileio(self);
  if (!check_open(f)) return Value();
  int64_t pos, whence = 0;
  if (!int_arg(args[0], &pos)) return Value();
  if (nargs > 1 && !int_arg(args[1], &whence)) return Value();
  off_t r = ::lseek(f->fd, pos, int(whence));
  if (r < 0) return raise_errno(errno);
  if (f->seekable < 0) f->seekable = 1;
  return int_from_int64(r);
}

Value fileio_tell(Value self) {
  FileIOObject* f = as_fileio(self);
  if (!check_open(f)) return Value();
  off_t r = ::lseek(f->fd, 0, SEEK_CUR);
  if (r < 0) return raise_errno(errno);
  return int_from_int64(r);
}

Value fileio_truncate(Value self, const Value* args, size_t nargs) {
  if (!check_no_args("truncate", nargs, 1)) return Value();
  FileIOObject* f = as_fileio(self);
  if (!check_writable(f)) return Value();
  int64_t size;
  if (nargs == 0 || args[0].is(none())) {
    off_t r = ::lseek(f->fd, 0, SEEK_CUR);
    if (r < 0) return raise_errno(errno);
    size = r;
  } else if (!int_arg(args[0], &size)) {
    return Value();
  }
  if (::ftruncate(f->fd, size) < 0) return raise_errno(errno);
  return int_from_int64(size);
}

Value fileio_close(Value self) {
  FileIOObject* f = as_fileio(self);
  Ref flushed;
  if (type_of(self) != &fileio_type && f->fd >= 0) {
    flushed = Ref::steal(call0(self, "flush"));  // a subclass's flush (the base one only checks)
    if (!flushed) {
      Ref error = fetch_exception();
      if (f->closefd) internal_close(f);
      f->fd = -1;
      clear_error();
      set_exception(error.get());
      return Value();
    }
  }
  if (!f->closefd) {
    f->fd = -1;
    return new_ref(none());
  }
  if (internal_close(f) < 0) return Value();
  return new_ref(none());
}

Value fileio_seekable(Value self) {
  FileIOObject* f = as_fileio(self);
  if (!check_open(f)) return Value();
  if (f->seekable < 0) f->seekable = ::lseek(f->fd, 0, SEEK_CUR) >= 0 ? 1 : 0;
  return new_ref(bool_value(f->seekable));
}
Value fileio_readable(Value self) {
  FileIOObject* f = as_fileio(self);
  if (!check_open(f)) return Value();
  return new_ref(bool_value(f->readable));
}
Value fileio_writable(Value self) {
  FileIOObject* f = as_fileio(self);
  if (!check_open(f)) return Value();
  return new_ref(bool_value(f->writable));
}
Value fileio_fileno(Value self) {
  FileIOObject* f = as_fileio(self);
  if (!check_open(f)) return Value();
  return int_from_int64(f->fd);
}
Value fileio_isatty_method(Value self) {
  FileIOObject* f = as_fileio(self);
  if (!check_open(f)) return Value();
  return new_ref(bool_value(::isatty(f->fd)));
}

const char* mode_string(FileIOObject* f) {
  if (f->created) return f->readable ? "xb+" : "xb";
  if (f->appending) return f->readable ? "ab+" : "ab";
  if (f->readable) return f->writable ? "rb+" : "rb";
  return "wb";
}

Value fileio_repr(Value self) {
  FileIOObject* f = as_fileio(self);
  const char* tname = type_name(type_of(self));
  if (f->fd < 0) return str_from_format("<%s [closed]>", tname);
  Ref key = Ref::steal(str_intern("name"));
  Ref name = Ref::steal(lookup_attr(self, key.get()));
  if (!name) {
    if (error_occurred()) return Value();
    return str_from_format("<%s fd=%d mode='%s' closefd=%s>", tname, f->fd, mode_string(f),
                           f->closefd ? "True" : "False");
  }
  Ref name_repr = Ref::steal(repr(name.get()));
  if (!name_repr) return Value();
  return str_from_format("<%s name=%s mode='%s' closefd=%s>", tname, str_cstr(name_repr.get()), mode_string(f),
                         f->closefd ? "True" : "False");
}

Value get_closed(Value self) { return new_ref(bool_value(as_fileio(self)->fd < 0)); }
Value get_closefd(Value self) { return new_ref(bool_value(as_fileio(self)->closefd)); }
Value get_mode(Value self) { return str_from_ascii(mode_string(as_fileio(self))); }
Value get_blksize(Value self) { return int_from_int64(as_fileio(self)->blksize); }
Value get_finalizing(Value self) { return new_ref(bool_value(as_fileio(self)->finalizing)); }

const MethodDef kFileIOMethods[] = {
    {"read", reinterpret_cast<void*>(fileio_read), MethodKind::Fast},
    {"readall", reinterpret_cast<void*>(fileio_readall), MethodKind::NoArgs},
    {"readinto", reinterpret_cast<void*>(fileio_readinto), MethodKind::OneArg},
    {"readline", reinterpret_cast<void*>(fileio_readline), MethodKind::Fast},
    {"write", reinterpret_cast<void*>(fileio_write), MethodKind::OneArg},
    {"seek", reinterpret_cast<void*>(fileio_seek), MethodKind::Fast},
    {"tell", reinterpret_cast<void*>(fileio_tell), MethodKind::NoArgs},
    {"truncate", reinterpret_cast<void*>(fileio_truncate), MethodKind::Fast},
    {"close", reinterpret_cast<void*>(fileio_close), MethodKind::NoArgs},
    {"seekable", reinterpret_cast<void*>(fileio_seekable), MethodKind::NoArgs},
    {"readable", reinterpret_cast<void*>(fileio_readable), MethodKind::NoArgs},
    {"writable", reinterpret_cast<void*>(fileio_writable), MethodKind::NoArgs},
    {"fileno", reinterpret_cast<void*>(fileio_fileno), MethodKind::NoArgs},
    {"isatty", reinterpret_cast<void*>(fileio_isatty_method), MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

const GetSetDef kFileIOGetSets[] = {
    {"closed", get_closed},
    {"closefd", get_closefd},
    {"mode", get_mode},
    {"_blksize", get_blksize},
    {"_finalizing", get_finalizing},
    {nullptr, nullptr},
};

}  // namespace

int64_t fileio_blksize(Value fileio) { return as_fileio(fileio)->blksize; }

bool fileio_isatty(Value fileio, int* out) {
  FileIOObject* f = as_fileio(fileio);
  if (!check_open(f)) return false;
  *out = ::isatty(f->fd);
  return true;
}

int raw_is_closed(Value raw) {
  if (type_of(raw) == &fileio_type) return as_fileio(raw)->fd < 0;
  return is_closed(raw);
}

int init_fileio_type() {
  init_io_type(fileio_type, "FileIO", &rawiobase_type, sizeof(FileIOObject));
  fileio_type.new_ = fileio_new;
  fileio_type.init = fileio_init;
  fileio_type.dealloc = fileio_dealloc;
  fileio_type.traverse = iobase_traverse_dict;
  fileio_type.clear = iobase_clear_dict;
  fileio_type.repr = fileio_repr;
  add_methods(&fileio_type, kFileIOMethods);
  add_getsets(&fileio_type, kFileIOGetSets);
  return type_ready(&fileio_type);
}

}  // namespace krait::modules::io
