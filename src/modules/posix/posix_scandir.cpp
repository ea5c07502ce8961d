// posix.scandir: the ScandirIterator and DirEntry types (os.walk, glob and shutil use them).
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "modules/posix/posix_internal.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/coll_util.h"
#include "runtime/descriptors.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/memory.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/structseq.h"

namespace krait::modules::posix {

using namespace runtime;

namespace {

TypeObject dir_entry_type, scandir_iterator_type;

struct DirEntryObject : Object {
  Value name;        // str or bytes
  Value path;        // str or bytes
  Value stat;        // cached stat (following symlinks), or null
  Value lstat;       // cached lstat, or null
  unsigned char d_type;
  ino_t inode;
  int dir_fd;        // the directory's fd when scandir was given one, else -1
};

struct ScandirIteratorObject : Object {
  DIR* dir;
  int fd;            // >= 0: scandir(fd) (the DIR owns a duplicate)
  bool is_bytes;
  std::string* path;  // the directory as given, encoded (null for an fd)
};

// --- DirEntry ----------------------------------------------------------------------------------------

DirEntryObject* as_entry(Value v) { return static_cast<DirEntryObject*>(v.as_object()); }

void dir_entry_dealloc(Object* self) {
  auto* e = static_cast<DirEntryObject*>(self);
  xdecref(e->name);
  xdecref(e->path);
  xdecref(e->stat);
  xdecref(e->lstat);
  free_object(self);
}

void dir_entry_traverse(Object* self, VisitFunc visit, void* context) {
  auto* e = static_cast<DirEntryObject*>(self);
  for (Value v : {e->name, e->path, e->stat, e->lstat})
    if (v.is_object()) visit(v, context);
}

// os.stat of the entry's path (following symlinks or not).
Value stat_path(DirEntryObject* e, bool follow) {
  std::string path;
  if (e->dir_fd >= 0) {
    path = is_bytes(e->name) ? std::string(bytes_view(e->name)) : str_to_utf8(e->name);
  } else {
    Ref encoded = Ref::steal(is_bytes(e->path) ? new_ref(e->path) : str_encode(e->path, "utf-8", "surrogateescape"));
    if (!encoded) return Value();
    path.assign(bytes_view(encoded.get()));
  }
  struct ::stat st;
  int r = ::fstatat(e->dir_fd >= 0 ? e->dir_fd : AT_FDCWD, path.c_str(), &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  if (r != 0) return raise_errno(errno, e->path);
  return stat_result_from(st);
}

Value get_lstat(DirEntryObject* e) {
  if (!e->lstat) e->lstat = stat_path(e, false);
  return e->lstat;  // borrowed
}

// st_mode of a stat_result; -1 + error.
int64_t mode_of(Value st) {
  int64_t mode = -1;
  int_to_int64(structseq_get(st, 0), &mode);
  return mode;
}

// 1/0, or -1 + error.
int entry_is_symlink(DirEntryObject* e) {
  if (e->d_type != DT_UNKNOWN) return e->d_type == DT_LNK;
  Value l = get_lstat(e);
  if (!l) return -1;
  return S_ISLNK(mode_of(l));
}

// The cached stat (borrowed), following symlinks or not, as CPython's DirEntry.stat.
Value get_stat(DirEntryObject* e, bool follow) {
  if (!follow) return get_lstat(e);
  if (!e->stat) {
    int link = entry_is_symlink(e);
    if (link < 0) return Value();
    if (link) {
      e->stat = stat_path(e, true);
    } else {
      Value l = get_lstat(e);
      if (!l) return Value();
      e->stat = new_ref(l);
    }
  }
  return e->stat;
}

// is_dir / is_file: from d_type when it answers, else from stat (a missing file is False).
Value test_mode(DirEntryObject* e, bool follow, mode_t kind, unsigned char d_kind) {
  bool need_stat = e->d_type == DT_UNKNOWN || (follow && e->d_type == DT_LNK);
  if (!need_stat) return new_ref(bool_value(e->d_type == d_kind));
  Value st = get_stat(e, follow);
  if (!st) {
    if (!error_matches(exc::FileNotFoundError)) return Value();
    clear_error();
    return new_ref(false_value());
  }
  return new_ref(bool_value((mode_of(st) & S_IFMT) == kind));
}

bool follow_keyword(const char* fname, const Value* args, size_t nargs, Value kwnames, bool* follow) {
  Value a[1];
  if (!parse_clinic(fname, args, nargs, kwnames, {"follow_symlinks"}, 0, 0, 0, a)) return false;
  return bool_arg(a[0], true, follow);
}

Value entry_is_dir(Value self, const Value* args, size_t nargs, Value kwnames) {
  bool follow = true;
  if (!follow_keyword("is_dir", args, nargs, kwnames, &follow)) return Value();
  return test_mode(as_entry(self), follow, S_IFDIR, DT_DIR);
}

Value entry_is_file(Value self, const Value* args, size_t nargs, Value kwnames) {
  bool follow = true;
  if (!follow_keyword("is_file", args, nargs, kwnames, &follow)) return Value();
  return test_mode(as_entry(self), follow, S_IFREG, DT_REG);
}

Value entry_is_symlink_method(Value self) {
  int link = entry_is_symlink(as_entry(self));
  if (link < 0) return Value();
  return new_ref(bool_value(link));
}

Value entry_stat(Value self, const Value* args, size_t nargs, Value kwnames) {
  bool follow = true;
  if (!follow_keyword("stat", args, nargs, kwnames, &follow)) return Value();
  Value st = get_stat(as_entry(self), follow);
  return st ? new_ref(st) : Value();
}

Value entry_inode(Value self) { return int_from_uint64(as_entry(self)->inode); }
Value entry_fspath(Value self) { return new_ref(as_entry(self)->path); }

Value entry_repr(Value self) {
  Ref r = Ref::steal(repr(as_entry(self)->name));
  if (!r) return Value();
  return str_from_format("<DirEntry %s>", str_cstr(r.get()));
}

Value entry_name(Value self) { return new_ref(as_entry(self)->name); }
Value entry_path(Value self) { return new_ref(as_entry(self)->path); }

#define M(name, fn, kind) {name, reinterpret_cast<void*>(fn), MethodKind::kind}
const MethodDef kDirEntryMethods[] = {
    M("is_dir", entry_is_dir, FastKeywords),
    M("is_file", entry_is_file, FastKeywords),
    M("is_symlink", entry_is_symlink_method, NoArgs),
    M("stat", entry_stat, FastKeywords),
    M("inode", entry_inode, NoArgs),
    M("__fspath__", entry_fspath, NoArgs),
    {nullptr, nullptr, MethodKind::NoArgs},
};
const GetSetDef kDirEntryGetSets[] = {
    {"name", entry_name, nullptr, "the entry's base filename, relative to scandir() \"path\" argument"},
    {"path", entry_path, nullptr, "the entry's full path name; equivalent to os.path.join(scandir_path, entry.name)"},
    {nullptr, nullptr},
};

// --- ScandirIterator ------------------------------------------------------------------------------

ScandirIteratorObject* as_iterator(Value v) { return static_cast<ScandirIteratorObject*>(v.as_object()); }

void close_iterator(ScandirIteratorObject* it) {
  if (it->dir == nullptr) return;
  if (it->fd >= 0) ::rewinddir(it->dir);
  ::closedir(it->dir);
  it->dir = nullptr;
}

void scandir_dealloc(Object* self) {
  auto* it = static_cast<ScandirIteratorObject*>(self);
  close_iterator(it);
  delete it->path;
  free_object(self);
}

Value make_entry(ScandirIteratorObject* it, const struct dirent* d) {
  auto* e = static_cast<DirEntryObject*>(allocate_object(&dir_entry_type, sizeof(DirEntryObject)));
  if (e == nullptr) return Value();
  Ref entry = Ref::steal(Value::object(e));
  e->d_type = d->d_type;
  e->inode = d->d_ino;
  e->dir_fd = it->fd;
  std::string_view name(d->d_name);
  e->name = it->is_bytes ? bytes_from(name) : fs_decode(name);
  if (!e->name) return Value();
  if (it->fd >= 0) {
    e->path = new_ref(e->name);
  } else {
    std::string joined = *it->path;
    if (!joined.empty() && joined.back() != '/') joined += '/';
    joined += name;
    e->path = it->is_bytes ? bytes_from(joined) : fs_decode(joined);
    if (!e->path) return Value();
  }
  gc_track(e);
  return entry.release();
}

Value scandir_next(Value self) {
  ScandirIteratorObject* it = as_iterator(self);
  while (it->dir != nullptr) {
    errno = 0;
    struct dirent* d = ::readdir(it->dir);
    if (d == nullptr) {
      int saved = errno;
      close_iterator(it);
      if (saved != 0) return raise_errno(saved);
      return Value();
    }
    std::string_view name(d->d_name);
    if (name == "." || name == "..") continue;
    return make_entry(it, d);
  }
  return Value();
}

Value scandir_iter(Value self) { return new_ref(self); }

Value scandir_close(Value self) {
  close_iterator(as_iterator(self));
  return new_ref(none());
}

Value scandir_exit(Value self, const Value*, size_t) {
  close_iterator(as_iterator(self));
  return new_ref(false_value());
}

const MethodDef kScandirMethods[] = {
    M("close", scandir_close, NoArgs),
    M("__enter__", scandir_iter, NoArgs),
    M("__exit__", scandir_exit, Fast),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef M

Value scandir_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[1];
  if (!parse_clinic("scandir", args, nargs, kwnames, {"path"}, 0, 0, 1, a)) return Value();
  PathArg path;
  path.function = "scandir";
  path.allow_fd = true;
  path.nullable = true;
  if (!convert_path(a[0] ? a[0] : none(), &path)) return Value();
  DIR* dir;
  int fd = -1;
  if (path.is_fd) {
    fd = ::dup(path.fd);
    if (fd < 0) return raise_errno(errno);
    dir = ::fdopendir(fd);
    if (dir == nullptr) {
      int saved = errno;
      ::close(fd);
      return raise_errno(saved);
    }
    fd = path.fd;
  } else {
    dir = ::opendir(path.c_str());
    if (dir == nullptr) return raise_errno(errno, path.object.get().is(none()) ? Value() : path.object.get());
  }
  auto* it = static_cast<ScandirIteratorObject*>(allocate_object(&scandir_iterator_type, sizeof(ScandirIteratorObject)));
  if (it == nullptr) {
    ::closedir(dir);
    return Value();
  }
  it->dir = dir;
  it->fd = fd;
  it->is_bytes = path.is_bytes;
  it->path = path.is_fd ? nullptr : new std::string(path.path);
  return Value::object(it);
}

const MethodDef kScandirFunctions[] = {
    {"scandir", reinterpret_cast<void*>(scandir_function), MethodKind::FastKeywords},
    {nullptr, nullptr, MethodKind::NoArgs},
};

bool g_types_ready = false;

int init_types() {
  if (g_types_ready) return 0;
  coll::init_static_type(dir_entry_type, "posix.DirEntry", sizeof(DirEntryObject), TypeFlag::HaveGc);
  dir_entry_type.dealloc = dir_entry_dealloc;
  dir_entry_type.traverse = dir_entry_traverse;
  dir_entry_type.repr = entry_repr;
  add_methods(&dir_entry_type, kDirEntryMethods);
  add_getsets(&dir_entry_type, kDirEntryGetSets);
  if (type_ready(&dir_entry_type) < 0) return -1;

  coll::init_static_type(scandir_iterator_type, "posix.ScandirIterator", sizeof(ScandirIteratorObject), 0);
  scandir_iterator_type.dealloc = scandir_dealloc;
  scandir_iterator_type.iter = scandir_iter;
  scandir_iterator_type.iternext = scandir_next;
  add_methods(&scandir_iterator_type, kScandirMethods);
  if (type_ready(&scandir_iterator_type) < 0) return -1;
  g_types_ready = true;
  return 0;
}

}  // namespace

int add_scandir(Value module) {
  if (init_types() < 0) return -1;
  if (module_add_functions(module, kScandirFunctions) < 0) return -1;
  return module_add(module, "DirEntry", Value::object(&dir_entry_type));
}

}  // namespace krait::modules::posix
