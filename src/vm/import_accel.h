// Native replacements for the path helpers of importlib._bootstrap_external (see the .cpp).
#pragma once

#include "runtime/value.h"

namespace krait::vm {

// Replaces _path_split, _path_join and cache_from_source in `external` (the loaded
// _bootstrap_external module) by native functions that keep the originals for the cases they
// do not handle. 0, or -1 with an exception set.
int install_import_accelerators(runtime::Value external);

}  // namespace krait::vm
