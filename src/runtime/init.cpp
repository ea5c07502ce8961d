// init_runtime: sets up every built-in type in an order that works for a self-describing type
// system. The fields of the types come first; their dicts (methods, slot wrappers) and MROs are
// built once dict and str work (see defer_during_bootstrap in core_internal.h).
#include "runtime/namespace.h"
#include "runtime/generic_alias.h"
#include "runtime/core_internal.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "vm/code.h"
#include "vm/frame.h"
#include "vm/function.h"
#include "vm/interp.h"

namespace krait::runtime {

void init_method_type();
void init_builtin_function_type();
void init_module_type();
void init_super_type();

namespace {
bool initialized = false;
}

void init_runtime() {
  if (initialized) return;
  initialized = true;
  begin_bootstrap();
  init_object_type();
  init_type_type();
  init_descriptor_types();
  init_builtin_function_type();
  init_method_type();
  init_singletons();
  init_collection_types();
  init_number_types();
  init_iterator_types();
  init_module_type();
  init_super_type();
  init_union_type();
  init_namespace_type();
  init_generic_alias_type();
  if (end_bootstrap() < 0) return;
  init_exceptions();
  vm::init_code_type();
  vm::init_function_types();
  vm::init_frame_types();
  vm::init_generator_types();
}

}  // namespace krait::runtime
