// _io.BufferedReader, BufferedWriter and BufferedRandom: one object layout, a read buffer and a
// write buffer (std::string) over a raw stream called by method name (FileIO or any RawIOBase).
//
// Invariant: at most one buffer holds data. The raw stream's position is the logical position
// plus the unread bytes of the read buffer, minus the pending bytes of the write buffer.
#include <cstring>
#include <string>

#include "modules/io/io_internal.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"

namespace krait::modules::io {

TypeObject buffered_reader_type, buffered_writer_type, buffered_random_type;

namespace {

struct BufferedObject : IOBaseObject {
  Value raw;
  bool ok = false;        // initialized and not detached
  bool detached = false;
  bool readable = false;  // a BufferedReader or BufferedRandom
  bool writable = false;  // a BufferedWriter or BufferedRandom
  int64_t buffer_size = 0;
  std::string rbuf;       // read buffer: rbuf[rpos..] not yet consumed
  size_t rpos = 0;
  std::string wbuf;       // bytes written but not yet passed to raw.write
};

BufferedObject* as_buffered(Value v) { return static_cast<BufferedObject*>(v.as_object()); }

Value new_ref(Value v) {
  incref(v);
  return v;
}

size_t available(BufferedObject* b) { return b->rbuf.size() - b->rpos; }

bool check_init(BufferedObject* b) {
  if (b->ok) return true;
  if (b->detached) raise(exc::ValueError, "raw stream has been detached");
  else raise(exc::ValueError, "I/O operation on uninitialized object");
  return false;
}

// "<op> of closed file" when the raw stream is closed (and nothing is buffered for reads).
bool check_not_closed(BufferedObject* b, const char* message) {
  int c = raw_is_closed(b->raw);
  if (c < 0) return false;
  if (c && available(b) == 0) {
    raise(exc::ValueError, message);
    return false;
  }
  return true;
}

// --- raw calls ---------------------------------------------------------------------------------------

// Appends up to `size` bytes from raw.read() to the read buffer: the count, 0 at EOF, -2 when
// the raw stream returned None (non-blocking, no data), -1 on error.
int64_t fill(BufferedObject* b, int64_t size) {
  if (b->rpos > 0) {
    b->rbuf.erase(0, b->rpos);
    b->rpos = 0;
  }
  Ref n = Ref::steal(int_from_int64(size));
  Ref data = Ref::steal(call1(b->raw, "read", n.get()));
  if (!data) return -1;
  if (data.get().is(none())) return -2;
  if (!is_bytes(data.get())) {
    raise_format(exc::TypeError, "read() should return bytes");
    return -1;
  }
  size_t got = bytes_size(data.get());
  if (int64_t(got) > size) {
    raise_format(exc::OSError, "raw read() returned invalid length %zu (should have been between 0 and %lld)", got,
                 (long long)size);
    return -1;
  }
  b->rbuf.append(bytes_view(data.get()));
  return int64_t(got);
}

// Passes the whole write buffer to raw.write().
int flush_writes(BufferedObject* b) {
  size_t done = 0;
  while (done < b->wbuf.size()) {
    Ref chunk = Ref::steal(bytes_from(std::string_view(b->wbuf).substr(done)));
    if (!chunk) return -1;
    Ref n = Ref::steal(call1(b->raw, "write", chunk.get()));
    if (!n) {
      b->wbuf.erase(0, done);
      return -1;
    }
    if (n.get().is(none())) {
      b->wbuf.erase(0, done);
      raise(exc::BlockingIOError, "write could not complete without blocking");
      return -1;
    }
    int64_t count = as_ssize(n.get());
    if (count == -1 && error_occurred()) return -1;
    if (count < 0 || size_t(count) > bytes_size(chunk.get())) {
      raise_format(exc::OSError, "raw write() returned invalid length %lld (should have been between 0 and %zu)",
                   (long long)count, bytes_size(chunk.get()));
      return -1;
    }
    done += size_t(count);
  }
  b->wbuf.clear();
  return 0;
}

// Moves the raw stream back over the unread part of the read buffer and drops it.
int rewind_reads(BufferedObject* b) {
  size_t avail = available(b);
  b->rbuf.clear();
  b->rpos = 0;
  if (avail == 0) return 0;
  Ref offset = Ref::steal(int_from_int64(-int64_t(avail)));
  Value args[2] = {offset.get(), Value::small_int(1)};
  Ref r = Ref::steal(call_method(b->raw, "seek", args, 2));
  return r ? 0 : -1;
}

// Before reading: pending writes go out.
int prepare_read(BufferedObject* b) { return b->wbuf.empty() ? 0 : flush_writes(b); }

// --- construction --------------------------------------------------------------------------------------

Value buffered_new(TypeObject* type, const Value*, size_t, Value) {
  BufferedObject* b = io_alloc<BufferedObject>(type);
  if (!b) return Value();
  gc_track(b);
  return Value::object(b);
}

int check_capability(Value raw, const char* method, const char* message) {
  Ref r = Ref::steal(call0(raw, method));
  if (!r) return -1;
  if (!r.get().is(true_value())) {
    unsupported(message);
    return -1;
  }
  return 0;
}

int buffered_init_common(Value self, const char* fname, const Value* args, size_t nargs, Value kwnames, bool readable,
                         bool writable) {
  static const char* const kParams[] = {"raw", "buffer_size"};
  Value a[2];
  if (!parse_args(fname, args, nargs, kwnames, kParams, 2, 1, 2, a)) return -1;
  BufferedObject* b = as_buffered(self);
  b->ok = false;
  b->detached = false;
  if (readable && writable && check_capability(a[0], "seekable", "File or stream is not seekable.") < 0) return -1;
  if (readable && check_capability(a[0], "readable", "File or stream is not readable.") < 0) return -1;
  if (writable && check_capability(a[0], "writable", "File or stream is not writable.") < 0) return -1;
  int64_t size = kDefaultBufferSize;
  if (a[1] && !int_arg(a[1], &size)) return -1;
  if (size <= 0) {
    raise(exc::ValueError, "buffer size must be strictly positive");
    return -1;
  }
  Value old = b->raw;
  b->raw = a[0];
  incref(b->raw);
  xdecref(old);
  b->readable = readable;
  b->writable = writable;
  b->buffer_size = size;
  b->rbuf.clear();
  b->rpos = 0;
  b->wbuf.clear();
  b->ok = true;
  return 0;
}

int reader_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  return buffered_init_common(self, "BufferedReader", args, nargs, kwnames, true, false);
}
int writer_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  return buffered_init_common(self, "BufferedWriter", args, nargs, kwnames, false, true);
}
int random_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  return buffered_init_common(self, "BufferedRandom", args, nargs, kwnames, true, true);
}

void buffered_dealloc(Object* self) {
  BufferedObject* b = static_cast<BufferedObject*>(self);
  Value raw = b->raw;
  b->raw = Value();
  xdecref(raw);
  io_free<BufferedObject>(self);
}

void buffered_traverse(Object* self, VisitFunc visit, void* context) {
  iobase_traverse_dict(self, visit, context);
  if (Value raw = static_cast<BufferedObject*>(self)->raw) visit(raw, context);
}

void buffered_clear(Object* self) {
  iobase_clear_dict(self);
  BufferedObject* b = static_cast<BufferedObject*>(self);
  Value raw = b->raw;
  b->raw = Value();
  xdecref(raw);
}

// --- reading ---------------------------------------------------------------------------------------------

std::string_view take(BufferedObject* b, size_t n) {
  std::string_view out(b->rbuf.data() + b->rpos, n);
  b->rpos += n;
  return out;
}

Value read_all(BufferedObject* b) {
  std::string result(take(b, available(b)));
  Ref readall = Ref::steal(lookup_attr(b->raw, Ref::steal(str_intern("readall")).get()));
  if (readall) {
    Ref data = Ref::steal(call_no_args(readall.get()));
    if (!data) return Value();
    if (data.get().is(none())) return result.empty() ? data.release() : bytes_from(result);
    if (!is_bytes(data.get())) return raise(exc::TypeError, "readall() should return bytes");
    if (result.empty()) return data.release();  // the whole file in one object, no copy
    result.append(bytes_view(data.get()));
    return bytes_from(result);
  }
  if (error_occurred()) return Value();
  while (true) {
    int64_t n = fill(b, b->buffer_size);
    if (n == -1) return Value();
    if (n == -2) {
      if (result.empty()) return new_ref(none());
      break;
    }
    if (n == 0) break;
    result.append(take(b, available(b)));
  }
  return bytes_from(result);
}

// One raw.read(n) outside the buffer, appended to `out`: the count, 0 at EOF, -2 for None, -1 error.
int64_t raw_read_into(BufferedObject* b, int64_t n, std::string* out) {
  Ref size = Ref::steal(int_from_int64(n));
  Ref data = Ref::steal(call1(b->raw, "read", size.get()));
  if (!data) return -1;
  if (data.get().is(none())) return -2;
  if (!is_bytes(data.get())) {
    raise(exc::TypeError, "read() should return bytes");
    return -1;
  }
  size_t got = bytes_size(data.get());
  if (int64_t(got) > n) {
    raise_format(exc::OSError, "raw readinto() returned invalid length %zu (should have been between 0 and %lld)",
                 got, (long long)n);
    return -1;
  }
  out->append(bytes_view(data.get()));
  return int64_t(got);
}

// CPython's order: what is buffered, then whole blocks read directly, then the last partial
// block through the buffer (so the buffer holds the read-ahead afterwards).
Value read_n(BufferedObject* b, int64_t n) {
  if (int64_t(available(b)) >= n) return bytes_from(take(b, size_t(n)));
  std::string result(take(b, available(b)));
  b->rbuf.clear();
  b->rpos = 0;
  int64_t remaining = n - int64_t(result.size());
  bool blocked = false;
  while (remaining > 0) {
    int64_t direct = remaining - remaining % b->buffer_size;
    if (direct == 0) break;
    int64_t got = raw_read_into(b, direct, &result);
    if (got == -1) return Value();
    if (got == 0 || got == -2) {
      if (got == -2 && result.empty()) return new_ref(none());
      return bytes_from(result);
    }
    remaining -= got;
  }
  while (remaining > 0 && int64_t(b->rbuf.size()) < b->buffer_size) {
    int64_t got = fill(b, b->buffer_size - int64_t(b->rbuf.size()));
    if (got == -1) return Value();
    if (got == 0 || got == -2) {
      blocked = got == -2;
      break;
    }
    size_t k = available(b) < size_t(remaining) ? available(b) : size_t(remaining);
    result.append(take(b, k));
    remaining -= int64_t(k);
  }
  if (blocked && result.empty()) return new_ref(none());
  return bytes_from(result);
}

Value buffered_read(Value self, const Value* args, size_t nargs) {
  if (!check_no_args("read", nargs, 1)) return Value();
  BufferedObject* b = as_buffered(self);
  if (!check_init(b)) return Value();
  int64_t n;
  if (!size_arg(nargs ? args[0] : Value(), &n)) return Value();
  if (n < -1) return raise(exc::ValueError, "read length must be non-negative or -1");
  if (!check_not_closed(b, "read of closed file")) return Value();
  if (prepare_read(b) < 0) return Value();
  if (n == -1) return read_all(b);
  return read_n(b, n);
}

Value buffered_read1(Value self, const Value* args, size_t nargs) {
  if (!check_no_args("read1", nargs, 1)) return Value();
  BufferedObject* b = as_buffered(self);
  if (!check_init(b)) return Value();
  int64_t n;
  if (!size_arg(nargs ? args[0] : Value(), &n)) return Value();
  if (n < 0) n = b->buffer_size;
  if (!check_not_closed(b, "read of closed file")) return Value();
  if (n == 0) return bytes_empty();
  if (prepare_read(b) < 0) return Value();
  if (available(b) > 0) {
    size_t k = available(b) < size_t(n) ? available(b) : size_t(n);
    return bytes_from(take(b, k));
  }
  // Nothing buffered: one raw read, not through the buffer.
  b->rbuf.clear();
  b->rpos = 0;
  std::string out;
  if (raw_read_into(b, n, &out) == -1) return Value();
  return bytes_from(out);
}

Value buffered_peek(Value self, const Value* args, size_t nargs) {
  if (!check_no_args("peek", nargs, 1)) return Value();
  BufferedObject* b = as_buffered(self);
  if (!check_init(b)) return Value();
  if (!check_not_closed(b, "peek of closed file")) return Value();
  if (prepare_read(b) < 0) return Value();
  if (available(b) == 0 && fill(b, b->buffer_size) == -1) return Value();
  return bytes_from(std::string_view(b->rbuf).substr(b->rpos));
}

Value readinto_common(Value self, Value buffer, bool one, const char* fname) {
  BufferedObject* b = as_buffered(self);
  if (!check_init(b)) return Value();
  char* data;
  size_t size;
  if (!writable_buffer_arg(fname, buffer, &data, &size)) return Value();
  if (!check_not_closed(b, "readinto of closed file")) return Value();
  if (prepare_read(b) < 0) return Value();
  size_t avail = available(b);
  if (avail >= size) {
    std::memcpy(data, b->rbuf.data() + b->rpos, size);
    b->rpos += size;
    return int_from_int64(int64_t(size));
  }
  std::memcpy(data, b->rbuf.data() + b->rpos, avail);
  size_t written = avail;
  b->rbuf.clear();
  b->rpos = 0;
  while (written < size) {
    size_t remaining = size - written;
    int64_t got;
    if (int64_t(remaining) > b->buffer_size) {
      std::string chunk;
      got = raw_read_into(b, int64_t(remaining), &chunk);
      if (got > 0) std::memcpy(as_bytearray(buffer)->data + written, chunk.data(), size_t(got));
    } else if (!(one && written > 0)) {
      got = fill(b, b->buffer_size);
      if (got > 0) {
        size_t k = size_t(got) < remaining ? size_t(got) : remaining;
        std::memcpy(as_bytearray(buffer)->data + written, b->rbuf.data() + b->rpos, k);
        b->rpos += k;
        written += k;
        continue;
      }
    } else {
      got = 0;
    }
    if (got == 0 || (got == -2 && written > 0)) break;
    if (got == -1) return Value();
    if (got == -2) return new_ref(none());
    written += size_t(got);
    if (one) break;
  }
  return int_from_int64(int64_t(written));
}
Value buffered_readinto(Value self, Value buffer) { return readinto_common(self, buffer, false, "readinto"); }
Value buffered_readinto1(Value self, Value buffer) { return readinto_common(self, buffer, true, "readinto1"); }

// A line of at most `limit` bytes (limit < 0: no limit).
Value readline_impl(BufferedObject* b, int64_t limit) {
  std::string line;
  while (limit < 0 || int64_t(line.size()) < limit) {
    if (available(b) == 0) {
      int64_t got = fill(b, b->buffer_size);
      if (got == -1) return Value();
      if (got <= 0) break;
    }
    std::string_view avail(b->rbuf.data() + b->rpos, available(b));
    size_t nl = avail.find('\n');
    size_t k = nl == std::string_view::npos ? avail.size() : nl + 1;
    if (limit >= 0 && int64_t(k) > limit - int64_t(line.size())) k = size_t(limit - int64_t(line.size()));
    line.append(take(b, k));
    if (!line.empty() && line.back() == '\n') break;
  }
  return bytes_from(line);
}

Value buffered_readline(Value self, const Value* args, size_t nargs) {
  if (!check_no_args("readline", nargs, 1)) return Value();
  BufferedObject* b = as_buffered(self);
  if (!check_init(b)) return Value();
  int64_t limit;
  if (!size_arg(nargs ? args[0] : Value(), &limit)) return Value();
  if (!check_not_closed(b, "readline of closed file")) return Value();
  if (prepare_read(b) < 0) return Value();
  return readline_impl(b, limit);
}

Value buffered_iternext(Value self) {
  TypeObject* t = type_of(self);
  if (t != &buffered_reader_type && t != &buffered_random_type) return iobase_iternext(self);
  BufferedObject* b = as_buffered(self);
  if (!check_init(b)) return Value();
  if (!check_not_closed(b, "readline of closed file")) return Value();
  if (prepare_read(b) < 0) return Value();
  Ref line = Ref::steal(readline_impl(b, -1));
  if (!line || bytes_size(line.get()) == 0) return Value();
  return line.release();
}

// --- writing -----------------------------------------------------------------------------------------------

Value buffered_write(Value self, Value data) {
  BufferedObject* b = as_buffered(self);
  if (!check_init(b)) return Value();
  std::string_view view;
  if (!buffer_arg(data, &view)) return Value();
  int c = raw_is_closed(b->raw);
  if (c < 0) return Value();
  if (c) return raise(exc::ValueError, "write to closed file");
  if (available(b) > 0 && rewind_reads(b) < 0) return Value();
  b->rbuf.clear();
  b->rpos = 0;
  if (int64_t(b->wbuf.size() + view.size()) <= b->buffer_size) {
    b->wbuf.append(view);
    return int_from_int64(int64_t(view.size()));
  }
  // CPython's order: the buffer goes out, then whole data beyond one buffer's worth is written
  // directly, and the rest stays buffered.
  if (flush_writes(b) < 0) return Value();
  size_t written = 0;
  while (int64_t(view.size() - written) > b->buffer_size) {
    Ref chunk = written == 0 && is_bytes(data) ? Ref::borrow(data) : Ref::steal(bytes_from(view.substr(written)));
    if (!chunk) return Value();
    Ref n = Ref::steal(call1(b->raw, "write", chunk.get()));
    if (!n) return Value();
    if (n.get().is(none())) return raise(exc::BlockingIOError, "write could not complete without blocking");
    int64_t count = as_ssize(n.get());
    if (count == -1 && error_occurred()) return Value();
    if (count < 0 || size_t(count) > view.size() - written)
      return raise_format(exc::OSError, "raw write() returned invalid length %lld (should have been between 0 and %zu)",
                          (long long)count, view.size() - written);
    written += size_t(count);
  }
  b->wbuf.assign(view.substr(written));
  return int_from_int64(int64_t(view.size()));
}

Value buffered_flush(Value self) {
  BufferedObject* b = as_buffered(self);
  if (!check_init(b)) return Value();
  int c = raw_is_closed(b->raw);
  if (c < 0) return Value();
  if (c) return raise(exc::ValueError, "flush of closed file");
  if (flush_writes(b) < 0) return Value();
  if (b->readable && available(b) > 0 && rewind_reads(b) < 0) return Value();
  return new_ref(none());
}

// --- positioning ---------------------------------------------------------------------------------------------

int64_t raw_tell(BufferedObject* b) {
  Ref r = Ref::steal(call0(b->raw, "tell"));
  if (!r) return -1;
  int64_t pos = as_ssize(r.get());
  if (pos == -1 && error_occurred()) return -1;
  if (pos < 0) {
    raise_format(exc::OSError, "Raw stream returned invalid position %lld", (long long)pos);
    return -1;
  }
  return pos;
}

Value buffered_tell(Value self) {
  BufferedObject* b = as_buffered(self);
  if (!check_init(b)) return Value();
  int64_t pos = raw_tell(b);
  if (pos < 0) return Value();
  pos = pos - int64_t(available(b)) + int64_t(b->wbuf.size());
  if (pos < 0) pos = 0;
  return int_from_int64(pos);
}

Value buffered_seek(Value self, const Value* args, size_t nargs) {
  if (nargs < 1 || nargs > 2)
    return raise_format(exc::TypeError, "seek expected %s, got %zu",
                        nargs < 1 ? "at least 1 argument" : "at most 2 arguments", nargs);
  BufferedObject* b = as_buffered(self);
  if (!check_init(b)) return Value();
  int64_t target, whence = 0;
  if (nargs > 1 && !int_arg(args[1], &whence)) return Value();
  if (whence < 0 || whence > 2) return raise_format(exc::ValueError, "whence value %lld unsupported", (long long)whence);
  if (!int_arg(args[0], &target)) return Value();
  int c = raw_is_closed(b->raw);
  if (c < 0) return Value();
  if (c) return raise(exc::ValueError, "seek of closed file");
  if (check_capability(b->raw, "seekable", "File or stream is not seekable.") < 0) return Value();
  if (flush_writes(b) < 0) return Value();
  if (whence == 1) target -= int64_t(available(b));
  b->rbuf.clear();
  b->rpos = 0;
  Ref t = Ref::steal(int_from_int64(target));
  Value seek_args[2] = {t.get(), Value::small_int(whence)};
  Ref r = Ref::steal(call_method(b->raw, "seek", seek_args, 2));
  if (!r) return Value();
  int64_t pos = as_ssize(r.get());
  if (pos == -1 && error_occurred()) return Value();
  if (pos < 0) return raise_format(exc::OSError, "Raw stream returned invalid position %lld", (long long)pos);
  return r.release();
}

Value buffered_truncate(Value self, const Value* args, size_t nargs) {
  if (!check_no_args("truncate", nargs, 1)) return Value();
  BufferedObject* b = as_buffered(self);
  if (!check_init(b)) return Value();
  int c = raw_is_closed(b->raw);
  if (c < 0) return Value();
  if (c) return raise(exc::ValueError, "truncate of closed file");
  if (flush_writes(b) < 0) return Value();
  if (rewind_reads(b) < 0) return Value();
  return call_method(b->raw, "truncate", args, nargs);
}

// --- closing, detaching, delegation ------------------------------------------------------------------------

Value buffered_close(Value self) {
  BufferedObject* b = as_buffered(self);
  if (!check_init(b)) return Value();
  int c = raw_is_closed(b->raw);
  if (c < 0) return Value();
  if (c) return new_ref(none());
  Ref flushed = Ref::steal(call0(self, "flush"));
  Ref flush_error;
  if (!flushed) flush_error = fetch_exception();
  Ref closed = Ref::steal(call0(b->raw, "close"));
  b->rbuf.clear();
  b->rpos = 0;
  b->wbuf.clear();
  if (flush_error) {
    if (!closed) clear_error();  // CPython chains it as __context__; the flush error wins
    set_exception(flush_error.get());
    return Value();
  }
  if (!closed) return Value();
  return new_ref(none());
}

Value buffered_detach(Value self) {
  BufferedObject* b = as_buffered(self);
  if (!check_init(b)) return Value();
  Ref flushed = Ref::steal(call0(self, "flush"));
  if (!flushed) return Value();
  Value raw = b->raw;
  b->raw = Value();
  b->ok = false;
  b->detached = true;
  return raw;  // the reference the object held
}

Value delegate(Value self, const char* method) {
  BufferedObject* b = as_buffered(self);
  if (!check_init(b)) return Value();
  return call0(b->raw, method);
}
Value buffered_seekable(Value self) { return delegate(self, "seekable"); }
Value buffered_readable(Value self) { return delegate(self, "readable"); }
Value buffered_writable(Value self) { return delegate(self, "writable"); }
Value buffered_fileno(Value self) { return delegate(self, "fileno"); }
Value buffered_isatty(Value self) { return delegate(self, "isatty"); }

Value raw_attr(Value self, const char* name) {
  BufferedObject* b = as_buffered(self);
  if (!check_init(b)) return Value();
  return get_attr(b->raw, name);
}
Value get_closed(Value self) { return raw_attr(self, "closed"); }
Value get_name(Value self) { return raw_attr(self, "name"); }
Value get_mode(Value self) { return raw_attr(self, "mode"); }
Value get_raw(Value self) {
  BufferedObject* b = as_buffered(self);
  if (!check_init(b)) return Value();
  return new_ref(b->raw);
}
Value get_finalizing(Value self) { return new_ref(bool_value(as_buffered(self)->finalizing)); }

Value buffered_repr(Value self) {
  const char* tname = type_name(type_of(self));
  Ref name = Ref::steal(get_attr(self, "name"));
  if (!name) {
    if (!error_matches(exc::Exception)) return Value();
    clear_error();
    return str_from_format("<%s>", tname);
  }
  Ref text = Ref::steal(repr(name.get()));
  if (!text) return Value();
  return str_from_format("<%s name=%s>", tname, str_cstr(text.get()));
}

const MethodDef kCommonMethods[] = {
    {"seek", reinterpret_cast<void*>(buffered_seek), MethodKind::Fast},
    {"tell", reinterpret_cast<void*>(buffered_tell), MethodKind::NoArgs},
    {"truncate", reinterpret_cast<void*>(buffered_truncate), MethodKind::Fast},
    {"close", reinterpret_cast<void*>(buffered_close), MethodKind::NoArgs},
    {"detach", reinterpret_cast<void*>(buffered_detach), MethodKind::NoArgs},
    {"seekable", reinterpret_cast<void*>(buffered_seekable), MethodKind::NoArgs},
    {"fileno", reinterpret_cast<void*>(buffered_fileno), MethodKind::NoArgs},
    {"isatty", reinterpret_cast<void*>(buffered_isatty), MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};
const MethodDef kReadMethods[] = {
    {"read", reinterpret_cast<void*>(buffered_read), MethodKind::Fast},
    {"read1", reinterpret_cast<void*>(buffered_read1), MethodKind::Fast},
    {"peek", reinterpret_cast<void*>(buffered_peek), MethodKind::Fast},
    {"readinto", reinterpret_cast<void*>(buffered_readinto), MethodKind::OneArg},
    {"readinto1", reinterpret_cast<void*>(buffered_readinto1), MethodKind::OneArg},
    {"readline", reinterpret_cast<void*>(buffered_readline), MethodKind::Fast},
    {"readable", reinterpret_cast<void*>(buffered_readable), MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};
const MethodDef kWriteMethods[] = {
    {"write", reinterpret_cast<void*>(buffered_write), MethodKind::OneArg},
    {"flush", reinterpret_cast<void*>(buffered_flush), MethodKind::NoArgs},
    {"writable", reinterpret_cast<void*>(buffered_writable), MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};
const GetSetDef kGetSets[] = {
    {"closed", get_closed}, {"name", get_name}, {"mode", get_mode},
    {"raw", get_raw},       {"_finalizing", get_finalizing}, {nullptr, nullptr},
};

}  // namespace

int init_buffered_types() {
  struct Kind {
    TypeObject* type;
    const char* name;
    InitFunc init;
    bool read, write;
  };
  const Kind kinds[] = {
      {&buffered_reader_type, "BufferedReader", reader_init, true, false},
      {&buffered_writer_type, "BufferedWriter", writer_init, false, true},
      {&buffered_random_type, "BufferedRandom", random_init, true, true},
  };
  for (const Kind& k : kinds) {
    TypeObject* t = k.type;
    init_io_type(*t, k.name, &bufferediobase_type, sizeof(BufferedObject));
    t->new_ = buffered_new;
    t->init = k.init;
    t->dealloc = buffered_dealloc;
    t->traverse = buffered_traverse;
    t->clear = buffered_clear;
    t->repr = buffered_repr;
    t->iternext = buffered_iternext;
    add_methods(t, kCommonMethods);
    if (k.read) add_methods(t, kReadMethods);
    if (k.write) add_methods(t, kWriteMethods);
    add_getsets(t, kGetSets);
    if (type_ready(t) < 0) return -1;
  }
  return 0;
}

}  // namespace krait::modules::io
