// The import system: builtins.__import__, the IMPORT_NAME / IMPORT_FROM instructions, and the
// start of importlib.
//
// As in CPython, the machinery is importlib's own Python code: Lib/importlib/_bootstrap.py and
// _bootstrap_external.py, read from the CPython stdlib directory and run as the modules
// _frozen_importlib and _frozen_importlib_external (sys.meta_path, sys.path_hooks, finders and
// loaders written in Python all work because they are what runs). krait does natively what
// CPython does natively around them: the fast path for modules already in sys.modules, relative
// names, the fromlist, IMPORT_FROM's messages ("partially initialized module"), hiding
// importlib's frames from tracebacks, and the .pyc format (src/vm/pyc.h).
#pragma once

#include <cstdint>

#include "runtime/object.h"

namespace krait::vm {

using runtime::Value;

// Runs importlib's bootstrap (after sys and builtins exist). 0, or -1 + error.
int init_import_system();

// __import__(name, globals, locals, fromlist, level) as CPython's
// PyImport_ImportModuleLevelObject: new reference, or null + error. globals/fromlist may be null.
Value import_module_level(Value name, Value globals, Value fromlist, int64_t level);
// `import name` of an absolute dotted name, returning the named module itself (not the top
// package): new reference, or null + error.
Value import_module(const char* name);

// IMPORT_FROM: module.name, else sys.modules["module.name"], else CPython's ImportError.
Value import_from(Value module, Value name);

// Raises ImportError(message, name=name, path=path) and returns null.
Value raise_import_error(Value message, Value name, Value path);

// Whether a module spec is still running its module (spec._initializing true), as CPython's
// _PyModuleSpec_IsInitializing: 0 or 1, errors cleared.
int spec_is_initializing(Value spec);

// importlib's _bootstrap module (borrowed; null before init_import_system).
Value importlib_bootstrap();
// importlib's _bootstrap_external module (borrowed; null until the path finder is installed).
Value importlib_external();

}  // namespace krait::vm
