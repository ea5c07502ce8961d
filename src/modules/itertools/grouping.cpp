// itertools: groupby (and its _grouper), tee (_tee iterators sharing a chain of
// _tee_dataobject buffers).
#include <string>

#include "modules/itertools/itertools_internal.h"
#include "modules/native_args.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "modules/modules.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::modules::itertools {

namespace {

TypeObject groupby_type, grouper_type, tee_type, teedataobject_type;

// --- groupby -------------------------------------------------------------------------------------

struct GroupbyObject : Object {
  Value it;
  Value keyfunc;      // null: identity
  Value tgtkey;       // key of the current group
  Value currkey;      // key of currvalue
  Value currvalue;    // the item read ahead (null when consumed)
  Object* currgrouper;  // the live _grouper (not owned; only compared)
};

struct GrouperObject : Object {
  Value parent;   // the groupby
  Value tgtkey;
};

GroupbyObject* as_groupby(Value v) { return static_cast<GroupbyObject*>(v.as_object()); }

Value groupby_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  if (!match_arguments("groupby", args, nargs, kwnames, {"iterable", "key"}, 2, 1, a)) return Value();
  Ref it = Ref::steal(get_iter(a[0]));
  if (!it) return Value();
  GroupbyObject* g = allocate<GroupbyObject>(type);
  if (g == nullptr) return Value();
  g->it = it.release();
  if (a[1] && !a[1].is(none())) g->keyfunc = new_ref(a[1]);
  gc_track(g);
  return Value::object(g);
}

void groupby_clear(Object* self) {
  auto* g = static_cast<GroupbyObject*>(self);
  clear_field(g->it);
  clear_field(g->keyfunc);
  clear_field(g->tgtkey);
  clear_field(g->currkey);
  clear_field(g->currvalue);
}
void groupby_dealloc(Object* self) {
  groupby_clear(self);
  free_object(self);
}
void groupby_traverse(Object* self, VisitFunc visit, void* context) {
  auto* g = static_cast<GroupbyObject*>(self);
  visit_field(g->it, visit, context);
  visit_field(g->keyfunc, visit, context);
  visit_field(g->tgtkey, visit, context);
  visit_field(g->currkey, visit, context);
  visit_field(g->currvalue, visit, context);
}

// Reads the next item and its key into currvalue/currkey: 0, or -1 at the end or on error.
int groupby_step(GroupbyObject* g) {
  Value value = iter_next(g->it);
  if (!value) return -1;
  Value key;
  if (!g->keyfunc) {
    key = new_ref(value);
  } else {
    key = call(g->keyfunc, &value, 1);
    if (!key) {
      decref(value);
      return -1;
    }
  }
  Value old = g->currvalue;
  g->currvalue = value;
  set_field(g->currkey, key);
  xdecref(old);
  return 0;
}

Value grouper_make(Value parent, Value tgtkey) {
  GrouperObject* gr = allocate<GrouperObject>(&grouper_type);
  if (gr == nullptr) return Value();
  gr->parent = new_ref(parent);
  gr->tgtkey = new_ref(tgtkey);
  as_groupby(parent)->currgrouper = gr;
  gc_track(gr);
  return Value::object(gr);
}

Value groupby_next(Value self) {
  GroupbyObject* g = as_groupby(self);
  g->currgrouper = nullptr;
  // Skip to the next group.
  for (;;) {
    if (!g->currkey) {
      // read the first item below
    } else if (!g->tgtkey) {
      break;
    } else {
      int equal = rich_compare_bool(g->tgtkey, g->currkey, CompareOp::Eq);
      if (equal < 0) return Value();
      if (equal == 0) break;
    }
    if (groupby_step(g) < 0) return Value();
  }
  set_field(g->tgtkey, new_ref(g->currkey));
  Ref grouper = Ref::steal(grouper_make(self, g->tgtkey));
  if (!grouper) return Value();
  return tuple_pack({g->currkey, grouper.get()});
}

Value groupby_reduce(Value self) {
  GroupbyObject* g = as_groupby(self);
  Value type = type_value(type_of(self));
  Value key = g->keyfunc ? g->keyfunc : none();
  Ref args = Ref::steal(tuple_pack({g->it, key}));
  if (!args) return Value();
  if (g->tgtkey && g->currkey && g->currvalue) {
    Ref state = Ref::steal(tuple_pack({g->currkey, g->currvalue, g->tgtkey}));
    if (!state) return Value();
    return tuple_pack({type, args.get(), state.get()});
  }
  return tuple_pack({type, args.get()});
}

Value groupby_setstate(Value self, Value state) {
  if (!is_tuple(state)) return raise(exc::TypeError, "state is not a tuple");
  if (tuple_size(state) != 3)
    return raise_format(exc::TypeError, "function takes exactly 3 arguments (%zu given)", tuple_size(state));
  GroupbyObject* g = as_groupby(self);
  set_field(g->currkey, new_ref(tuple_get(state, 0)));
  set_field(g->currvalue, new_ref(tuple_get(state, 1)));
  set_field(g->tgtkey, new_ref(tuple_get(state, 2)));
  return new_ref(none());
}

const MethodDef groupby_methods[] = {
    {"__reduce__", (void*)groupby_reduce, MethodKind::NoArgs},
    {"__setstate__", (void*)groupby_setstate, MethodKind::OneArg},
    {nullptr, nullptr, MethodKind::NoArgs},
};

Value grouper_new(TypeObject*, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("_grouper", kwnames)) return Value();
  if (nargs != 2)
    return raise_format(exc::TypeError, "_grouper expected 2 arguments, got %zu", nargs);
  if (!is_instance_of(args[0], &groupby_type))
    return raise_format(exc::TypeError, "_grouper() argument 1 must be itertools.groupby, not %s",
                        type_name_of(args[0]));
  return grouper_make(args[0], args[1]);
}

void grouper_clear(Object* self) {
  auto* gr = static_cast<GrouperObject*>(self);
  clear_field(gr->parent);
  clear_field(gr->tgtkey);
}
void grouper_dealloc(Object* self) {
  grouper_clear(self);
  free_object(self);
}
void grouper_traverse(Object* self, VisitFunc visit, void* context) {
  auto* gr = static_cast<GrouperObject*>(self);
  visit_field(gr->parent, visit, context);
  visit_field(gr->tgtkey, visit, context);
}

Value grouper_next(Value self) {
  auto* gr = static_cast<GrouperObject*>(self.as_object());
  if (!gr->parent) return Value();
  GroupbyObject* g = as_groupby(gr->parent);
  if (g->currgrouper != gr) return Value();
  if (!g->currvalue && groupby_step(g) < 0) return Value();
  int equal = rich_compare_bool(gr->tgtkey, g->currkey, CompareOp::Eq);
  if (equal <= 0) return Value();  // an error, or the end of the group
  Value value = g->currvalue;
  g->currvalue = Value();
  clear_field(g->currkey);
  return value;
}

Value grouper_reduce(Value self) {
  auto* gr = static_cast<GrouperObject*>(self.as_object());
  if (gr->parent && as_groupby(gr->parent)->currgrouper == gr) {
    Ref args = Ref::steal(tuple_pack({gr->parent, gr->tgtkey}));
    if (!args) return Value();
    return tuple_pack({type_value(type_of(self)), args.get()});
  }
  // A finished group pickles as iter(()), as CPython's.
  Value iter_function = dict_get_item_str(builtins_dict(), "iter");
  if (!iter_function) return raise(exc::RuntimeError, "lost builtins.iter");
  Ref empty = Ref::steal(tuple_empty());
  Ref inner = Ref::steal(tuple_pack({empty.get()}));
  if (!inner) return Value();
  return tuple_pack({iter_function, inner.get()});
}

const MethodDef grouper_methods[] = {
    {"__reduce__", (void*)grouper_reduce, MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

// --- tee -----------------------------------------------------------------------------------------

// Items read from the shared iterator, kLinkCells at a time; tee objects walk the chain.
constexpr int kLinkCells = 57;

struct TeeDataObject : Object {
  Value it;
  int numread;
  bool running;
  Value nextlink;
  Value values[kLinkCells];
};

struct TeeObject : Object {
  Value dataobj;   // a TeeDataObject
  int index;       // position in dataobj
  Value weaklist;
};

TeeDataObject* as_teedata(Value v) { return static_cast<TeeDataObject*>(v.as_object()); }
TeeObject* as_tee(Value v) { return static_cast<TeeObject*>(v.as_object()); }

Value teedata_make(Value it) {
  TeeDataObject* d = allocate<TeeDataObject>(&teedataobject_type);
  if (d == nullptr) return Value();
  d->it = new_ref(it);
  gc_track(d);
  return Value::object(d);
}

// Releases a chain of data objects without recursing once per link (a long tee chain would
// otherwise overflow the C++ stack when freed).
void release_chain(Value link) {
  while (link.is_object() && type_of(link) == &teedataobject_type && link.as_object()->refcount == 1) {
    TeeDataObject* d = as_teedata(link);
    Value next = d->nextlink;
    d->nextlink = Value();
    decref(link);
    link = next;
  }
  xdecref(link);
}

void teedata_clear(Object* self) {
  auto* d = static_cast<TeeDataObject*>(self);
  clear_field(d->it);
  int n = d->numread;
  d->numread = 0;
  for (int i = 0; i < n; ++i) clear_field(d->values[i]);
  Value next = d->nextlink;
  d->nextlink = Value();
  release_chain(next);
}
void teedata_dealloc(Object* self) {
  teedata_clear(self);
  free_object(self);
}
void teedata_traverse(Object* self, VisitFunc visit, void* context) {
  auto* d = static_cast<TeeDataObject*>(self);
  visit_field(d->it, visit, context);
  for (int i = 0; i < d->numread; ++i) visit_field(d->values[i], visit, context);
  visit_field(d->nextlink, visit, context);
}

// Item i of the buffer (new reference), reading it from the iterator when i == numread.
Value teedata_getitem(TeeDataObject* d, int i) {
  if (i < d->numread) return new_ref(d->values[i]);
  if (d->running) return raise(exc::RuntimeError, "cannot re-enter the tee iterator");
  d->running = true;
  Value value = iter_next(d->it);
  d->running = false;
  if (!value) return Value();
  d->values[d->numread++] = value;
  return new_ref(value);
}

Value teedata_jumplink(TeeDataObject* d) {
  if (!d->nextlink) {
    d->nextlink = teedata_make(d->it);
    if (!d->nextlink) return Value();
  }
  return new_ref(d->nextlink);
}

Value teedata_reduce(Value self) {
  TeeDataObject* d = as_teedata(self);
  Ref values = Ref::steal(list_from_array(d->values, static_cast<size_t>(d->numread)));
  if (!values) return Value();
  Ref args = Ref::steal(tuple_pack({d->it, values.get(), d->nextlink ? d->nextlink : none()}));
  if (!args) return Value();
  return tuple_pack({type_value(&teedataobject_type), args.get()});
}

Value teedata_new(TypeObject*, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("_tee_dataobject", kwnames)) return Value();
  if (nargs != 3) return raise_format(exc::TypeError, "_tee_dataobject expected 3 arguments, got %zu", nargs);
  Value it = args[0], values = args[1], next = args[2];
  if (!is_list(values))
    return raise_format(exc::TypeError, "_tee_dataobject() argument 2 must be list, not %s", type_name_of(values));
  Ref d = Ref::steal(teedata_make(it));
  if (!d) return Value();
  TeeDataObject* data = as_teedata(d.get());
  size_t n = list_size(values);
  if (n > static_cast<size_t>(kLinkCells)) return raise(exc::ValueError, "_tee_dataobject should have 57 items");
  for (size_t i = 0; i < n; ++i) data->values[i] = new_ref(list_get(values, i));
  data->numread = static_cast<int>(n);
  if (n == static_cast<size_t>(kLinkCells)) {
    if (!next.is(none())) {
      if (type_of(next) != &teedataobject_type) return raise(exc::ValueError, "_tee_dataobject next link must be a _tee_dataobject");
      data->nextlink = new_ref(next);
    }
  } else if (!next.is(none())) {
    return raise(exc::ValueError, "_tee_dataobject should'nt have a next if not full");
  }
  return d.release();
}

const MethodDef teedata_methods[] = {
    {"__reduce__", (void*)teedata_reduce, MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

Value tee_make(Value dataobj, int index) {
  TeeObject* t = allocate<TeeObject>(&tee_type);
  if (t == nullptr) return Value();
  t->dataobj = new_ref(dataobj);
  t->index = index;
  gc_track(t);
  return Value::object(t);
}

Value tee_copy(Value self) {
  TeeObject* t = as_tee(self);
  return tee_make(t->dataobj, t->index);
}

// _tee(iterable): a tee over iter(iterable), or a copy when that iterator is already a _tee.
Value tee_from_iterable(Value iterable) {
  Ref it = Ref::steal(get_iter(iterable));
  if (!it) return Value();
  if (is_instance_of(it.get(), &tee_type)) return tee_copy(it.get());
  Ref data = Ref::steal(teedata_make(it.get()));
  if (!data) return Value();
  return tee_make(data.get(), 0);
}

Value tee_new(TypeObject*, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("_tee", kwnames)) return Value();
  if (nargs != 1) return raise_format(exc::TypeError, "_tee expected 1 argument, got %zu", nargs);
  return tee_from_iterable(args[0]);
}

void tee_clear(Object* self) {
  auto* t = static_cast<TeeObject*>(self);
  Value data = t->dataobj;
  t->dataobj = Value();
  release_chain(data);
}
void tee_dealloc(Object* self) {
  tee_clear(self);
  free_object(self);
}
void tee_traverse(Object* self, VisitFunc visit, void* context) {
  visit_field(static_cast<TeeObject*>(self)->dataobj, visit, context);
}

Value tee_next(Value self) {
  TeeObject* t = as_tee(self);
  if (t->index >= kLinkCells) {
    Value link = teedata_jumplink(as_teedata(t->dataobj));
    if (!link) return Value();
    Value old = t->dataobj;
    t->dataobj = link;
    release_chain(old);
    t->index = 0;
  }
  Value value = teedata_getitem(as_teedata(t->dataobj), t->index);
  if (!value) return Value();
  ++t->index;
  return value;
}

Value tee_reduce(Value self) {
  TeeObject* t = as_tee(self);
  Ref empty = Ref::steal(tuple_empty());
  Ref inner = Ref::steal(tuple_pack({empty.get()}));
  Ref state = Ref::steal(tuple_pack({t->dataobj, Value::small_int(t->index)}));
  if (!inner || !state) return Value();
  return tuple_pack({type_value(type_of(self)), inner.get(), state.get()});
}

Value tee_setstate(Value self, Value state) {
  if (!is_tuple(state)) return raise(exc::TypeError, "state is not a tuple");
  if (tuple_size(state) != 2)
    return raise_format(exc::TypeError, "function takes exactly 2 arguments (%zu given)", tuple_size(state));
  Value data = tuple_get(state, 0);
  if (type_of(data) != &teedataobject_type)
    return raise_format(exc::TypeError, "argument 1 must be itertools._tee_dataobject, not %s", type_name_of(data));
  int64_t index;
  if (!ssize_argument(tuple_get(state, 1), &index)) return Value();
  if (index < 0 || index > kLinkCells) return raise(exc::ValueError, "Index out of range");
  TeeObject* t = as_tee(self);
  Value old = t->dataobj;
  t->dataobj = new_ref(data);
  release_chain(old);
  t->index = static_cast<int>(index);
  return new_ref(none());
}

const MethodDef tee_methods[] = {
    {"__copy__", (void*)tee_copy, MethodKind::NoArgs},
    {"__reduce__", (void*)tee_reduce, MethodKind::NoArgs},
    {"__setstate__", (void*)tee_setstate, MethodKind::OneArg},
    {nullptr, nullptr, MethodKind::NoArgs},
};

// tee(iterable, n=2, /): n independent iterators.
Value tee_function(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("itertools.tee", kwnames)) return Value();
  if (!check_positional("tee", nargs, 1, 2)) return Value();
  int64_t n = 2;
  if (nargs == 2 && !ssize_argument(args[1], &n)) return Value();
  if (n < 0) return raise(exc::ValueError, "n must be >= 0");
  Ref result = Ref::steal(tuple_new(static_cast<size_t>(n)));
  if (!result || n == 0) return result.release();
  Ref it = Ref::steal(get_iter(args[0]));
  if (!it) return Value();
  static Value copy_name = str_intern("__copy__");  // kept for the process
  Ref copyfunc = Ref::steal(lookup_attr(it.get(), copy_name));
  Ref copyable;
  if (copyfunc) {
    copyable = it;
  } else {
    if (error_occurred()) return Value();
    copyable = Ref::steal(tee_from_iterable(it.get()));
    if (!copyable) return Value();
    copyfunc = Ref::steal(get_attr(copyable.get(), "__copy__"));
    if (!copyfunc) return Value();
  }
  Value* items = tuple_items(result.get());
  items[0] = copyable.release();
  for (int64_t i = 1; i < n; ++i) {
    items[i] = call_no_args(copyfunc.get());
    if (!items[i]) return Value();
  }
  return result.release();
}

const MethodDef tee_functions[] = {
    {"tee", (void*)tee_function, MethodKind::FastKeywords},
    {nullptr, nullptr, MethodKind::NoArgs},
};

int ready_types() {
  static bool done = false;
  if (done) return 0;
  init_iterator_type(groupby_type, "groupby", sizeof(GroupbyObject));
  groupby_type.new_ = groupby_new;
  groupby_type.iternext = groupby_next;
  groupby_type.dealloc = groupby_dealloc;
  groupby_type.traverse = groupby_traverse;
  groupby_type.clear = groupby_clear;
  add_methods(&groupby_type, groupby_methods);

  init_iterator_type(grouper_type, "_grouper", sizeof(GrouperObject));
  grouper_type.flags &= ~TypeFlag::BaseType;
  grouper_type.new_ = grouper_new;
  grouper_type.iternext = grouper_next;
  grouper_type.dealloc = grouper_dealloc;
  grouper_type.traverse = grouper_traverse;
  grouper_type.clear = grouper_clear;
  add_methods(&grouper_type, grouper_methods);

  init_iterator_type(teedataobject_type, "_tee_dataobject", sizeof(TeeDataObject));
  teedataobject_type.flags &= ~TypeFlag::BaseType;
  teedataobject_type.iter = nullptr;
  teedataobject_type.new_ = teedata_new;
  teedataobject_type.dealloc = teedata_dealloc;
  teedataobject_type.traverse = teedata_traverse;
  teedataobject_type.clear = teedata_clear;
  add_methods(&teedataobject_type, teedata_methods);

  init_iterator_type(tee_type, "_tee", sizeof(TeeObject));
  tee_type.flags &= ~TypeFlag::BaseType;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"  // Object-derived, but a plain layout
  tee_type.weaklist_offset = offsetof(TeeObject, weaklist);
#pragma GCC diagnostic pop
  tee_type.new_ = tee_new;
  tee_type.iternext = tee_next;
  tee_type.dealloc = tee_dealloc;
  tee_type.traverse = tee_traverse;
  tee_type.clear = tee_clear;
  add_methods(&tee_type, tee_methods);

  for (TypeObject* t : {&groupby_type, &grouper_type, &teedataobject_type, &tee_type})
    if (type_ready(t) < 0) return -1;
  done = true;
  return 0;
}

}  // namespace

int add_grouping_types(Value module) {
  if (ready_types() < 0) return -1;
  for (TypeObject* t : {&groupby_type, &grouper_type, &teedataobject_type, &tee_type})
    if (module_add(module, t->qualname.c_str(), type_value(t)) < 0) return -1;
  return module_add_functions(module, tee_functions);
}

}  // namespace krait::modules::itertools
