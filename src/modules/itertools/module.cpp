// The itertools module: the 3.11 iterator types, spread over this folder's files by theme.
#include "modules/itertools/itertools_internal.h"
#include "modules/modules.h"
#include "runtime/gc.h"
#include "runtime/module.h"
#include "runtime/tuple.h"

namespace krait::modules {

namespace itertools {

Value iter_self(Value self) {
  incref(self);
  return self;
}

void init_iterator_type(TypeObject& type, const char* name, size_t basic_size) {
  type.refcount = 1;
  type.Object::flags = ObjectFlag::Immortal;
  type.type = &type_type;
  type.name = std::string("itertools.") + name;
  type.qualname = name;
  type.base = &object_type;
  type.basic_size = basic_size;
  type.flags = TypeFlag::HaveGc | TypeFlag::BaseType;
  type.iter = iter_self;
}

Value reusable_tuple(Value* slot) {
  Value t = *slot;
  if (t.as_object()->refcount != 1) {
    Value copy = tuple_from_array(tuple_items(t), tuple_size(t));
    if (!copy) return Value();
    set_field(*slot, copy);
    t = copy;
  } else if (!gc_is_tracked(t.as_object())) {
    gc_track(t.as_object());  // the collector untracks tuples of atoms; new items may not be
  }
  return t;
}

}  // namespace itertools

Value create_itertools_module() {
  runtime::Ref module = runtime::Ref::steal(runtime::module_new("itertools"));
  if (!module) return Value();
  if (itertools::add_basic_types(module.get()) < 0 || itertools::add_slicing_types(module.get()) < 0 ||
      itertools::add_grouping_types(module.get()) < 0 || itertools::add_combinatoric_types(module.get()) < 0)
    return Value();
  return module.release();
}

}  // namespace krait::modules
