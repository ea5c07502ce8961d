// The _collections module (what collections/__init__.py imports): deque, defaultdict,
// _deque_iterator, _deque_reverse_iterator, _tuplegetter (namedtuple's field descriptors) and
// _count_elements (Counter's counting loop). OrderedDict is left to collections' pure-Python
// version (it imports _collections.OrderedDict only if present).
#include <string>

#include "modules/collections/collections_internal.h"
#include "modules/modules.h"
#include "modules/native_args.h"
#include "runtime/abstract.h"
#include "runtime/descriptors.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::modules {

namespace collections {

TypeObject tuplegetter_type;

void init_native_type(TypeObject& type, const char* name, size_t basic_size, uint64_t flags) {
  type.refcount = 1;
  type.Object::flags = ObjectFlag::Immortal;
  type.type = &type_type;
  type.name = name;
  std::string n(name);
  size_t dot = n.rfind('.');
  type.qualname = dot == std::string::npos ? n : n.substr(dot + 1);
  type.base = &object_type;
  type.basic_size = basic_size;
  type.flags = flags;
}

Value iter_self(Value self) {
  incref(self);
  return self;
}

namespace {

// --- _tuplegetter --------------------------------------------------------------------------------

// A data descriptor reading item `index` of a tuple instance: namedtuple's fields.
struct TupleGetterObject : Object {
  int64_t index;
  Value doc;
};

Value tuplegetter_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("_tuplegetter", kwnames)) return Value();
  if (nargs != 2)
    return raise_format(exc::TypeError, "_tuplegetter expected 2 arguments, got %zu", nargs);
  int64_t index;
  if (!ssize_argument(args[0], &index)) return Value();
  auto* g = static_cast<TupleGetterObject*>(allocate_object(type, type->basic_size));
  if (g == nullptr) return Value();
  g->index = index;
  g->doc = new_ref(args[1]);
  gc_track(g);
  return Value::object(g);
}

void tuplegetter_clear(Object* self) { clear_value(static_cast<TupleGetterObject*>(self)->doc); }
void tuplegetter_dealloc(Object* self) {
  tuplegetter_clear(self);
  free_object(self);
}
void tuplegetter_traverse(Object* self, VisitFunc visit, void* context) {
  Value doc = static_cast<TupleGetterObject*>(self)->doc;
  if (doc.is_object()) visit(doc, context);
}

Value tuplegetter_get(Value self, Value instance, Value) {
  auto* g = static_cast<TupleGetterObject*>(self.as_object());
  if (!instance || instance.is(none())) return new_ref(self);
  if (!is_tuple(instance))
    return raise_format(exc::TypeError, "descriptor for index '%lld' for tuple subclasses doesn't apply to '%s' object",
                        static_cast<long long>(g->index), type_name_of(instance));
  if (g->index < 0 || static_cast<size_t>(g->index) >= tuple_size(instance))
    return raise(exc::IndexError, "tuple index out of range");
  return new_ref(tuple_get(instance, static_cast<size_t>(g->index)));
}

int tuplegetter_set(Value, Value, Value value) {
  raise(exc::AttributeError, value ? "can't set attribute" : "can't delete attribute");
  return -1;
}

Value tuplegetter_repr(Value self) {
  auto* g = static_cast<TupleGetterObject*>(self.as_object());
  std::string doc = repr_utf8(g->doc);
  if (error_occurred()) return Value();
  return str_from_utf8(short_type_name(type_of(self)) + "(" + std::to_string(g->index) + ", " + doc + ")");
}

Value tuplegetter_reduce(Value self) {
  auto* g = static_cast<TupleGetterObject*>(self.as_object());
  Ref index = Ref::steal(int_from_int64(g->index));
  Ref args = Ref::steal(tuple_pack({index.get(), g->doc}));
  if (!args) return Value();
  return tuple_pack({type_value(type_of(self)), args.get()});
}

const MethodDef tuplegetter_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(&tuplegetter_reduce), MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"  // Object-derived, but a plain layout
const MemberDef tuplegetter_members[] = {
    {"__doc__", MemberKind::ObjectNone, offsetof(TupleGetterObject, doc)},
    {nullptr, MemberKind::Object, 0},
};
#pragma GCC diagnostic pop

// --- _count_elements -----------------------------------------------------------------------------

// _count_elements(mapping, iterable): mapping[x] = mapping.get(x, 0) + 1 for each x. A dict
// (or a subclass keeping dict's get and __setitem__, as Counter) is updated directly.
Value count_elements(Value, const Value* args, size_t nargs) {
  if (!check_positional("_count_elements", nargs, 2, 2)) return Value();
  Value mapping = args[0];
  Ref it = Ref::steal(get_iter(args[1]));
  if (!it) return Value();
  UnaryFunc next = type_of(it.get())->iternext;
  TypeObject* mt = type_of(mapping);
  bool direct = is_dict(mapping) &&
                type_lookup(mt, "get").is(type_lookup(&dict_type, "get")) &&
                type_lookup(mt, "__setitem__").is(type_lookup(&dict_type, "__setitem__"));
  if (direct) {
    for (;;) {
      Ref key = Ref::steal(next(it.get()));
      if (!key) return error_occurred() ? Value() : new_ref(none());
      int64_t h = hash(key.get());
      if (h == -1) return Value();
      Value old = dict_get_item_hash(mapping, key.get(), h);
      Ref count;
      if (old) {
        count = Ref::steal(binary_op(old, Value::small_int(1), BinaryOp::Add));
        if (!count) return Value();
      } else {
        if (error_occurred()) return Value();
        count = Ref::steal(Value::small_int(1));
      }
      if (dict_set_item_hash(mapping, key.get(), count.get(), h) < 0) return Value();
    }
  }
  Ref get = Ref::steal(get_attr(mapping, "get"));
  if (!get) return Value();
  for (;;) {
    Ref key = Ref::steal(next(it.get()));
    if (!key) return error_occurred() ? Value() : new_ref(none());
    Value get_args[2] = {key.get(), Value::small_int(0)};
    Ref old = Ref::steal(call(get.get(), get_args, 2));
    if (!old) return Value();
    Ref count = Ref::steal(binary_op(old.get(), Value::small_int(1), BinaryOp::Add));
    if (!count) return Value();
    if (set_item(mapping, key.get(), count.get()) < 0) return Value();
  }
}

const MethodDef collections_functions[] = {
    {"_count_elements", reinterpret_cast<void*>(&count_elements), MethodKind::Fast},
    {nullptr, nullptr, MethodKind::NoArgs},
};

}  // namespace

int init_tuplegetter_type() {
  static bool done = false;
  if (done) return 0;
  TypeObject& t = tuplegetter_type;
  init_native_type(t, "_collections._tuplegetter", sizeof(TupleGetterObject), TypeFlag::HaveGc);
  t.new_ = tuplegetter_new;
  t.dealloc = tuplegetter_dealloc;
  t.traverse = tuplegetter_traverse;
  t.clear = tuplegetter_clear;
  t.descr_get = tuplegetter_get;
  t.descr_set = tuplegetter_set;
  t.repr = tuplegetter_repr;
  add_methods(&t, tuplegetter_methods);
  add_members(&t, tuplegetter_members);
  if (type_ready(&t) < 0) return -1;
  done = true;
  return 0;
}

}  // namespace collections

Value create_collections_module() {
  using namespace collections;
  if (init_deque_types() < 0 || init_defaultdict_type() < 0 || init_tuplegetter_type() < 0) return Value();
  Ref module = Ref::steal(module_new("_collections"));
  if (!module) return Value();
  if (module_add_functions(module.get(), collections_functions) < 0) return Value();
  struct {
    const char* name;
    TypeObject* type;
  } entries[] = {{"deque", &deque_type},
                 {"defaultdict", &defaultdict_type},
                 {"_deque_iterator", &deque_iterator_type},
                 {"_deque_reverse_iterator", &deque_reverse_iterator_type},
                 {"_tuplegetter", &tuplegetter_type}};
  for (auto& e : entries)
    if (module_add(module.get(), e.name, type_value(e.type)) < 0) return Value();
  return module.release();
}

}  // namespace krait::modules
