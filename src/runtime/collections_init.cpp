// init_collection_types: sets up coll's types (called by init_runtime).
#include "runtime/builtin_types.h"
#include "runtime/hash.h"

namespace krait::runtime {

void init_str_types();
void init_bytes_types();
void init_tuple_types();
void init_list_types();
void init_dict_types();
void init_set_types();

void init_collection_types() {
  hash_init();
  init_str_types();
  init_bytes_types();
  init_tuple_types();
  init_list_types();
  init_dict_types();
  init_set_types();
}

}  // namespace krait::runtime
