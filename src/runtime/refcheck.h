// Declarations for the refcheck build's leak report (-DKRAIT_REFCHECK=ON, memory.cpp); no-ops in
// other builds. (declare_static_root is in memory.h.)
#pragma once

#include "runtime/type.h"

namespace krait::runtime {

// The references instances of `type` own although the type has no traverse: objects that are not
// GC containers because what they hold can form no cycle (a Struct's format bytes). The report
// follows them with `visit`, as it follows a container's traverse, so that what they hold is
// not taken for a leak.
void declare_untraversed_references(TypeObject* type, TraverseFunc visit);

}  // namespace krait::runtime
