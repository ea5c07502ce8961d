// types.GenericAlias: what `list[int]` makes (PEP 585). It records the origin class and the
// arguments, shows itself as `list[int]`, forwards other attribute lookups to the origin,
// calls the origin when called, and substitutes type variables when subscripted.
#pragma once

#include "runtime/builtin_types.h"

namespace krait::runtime {

extern TypeObject generic_alias_type;

bool is_generic_alias(Value v);
// GenericAlias(origin, args): args is a tuple, or one argument. New reference.
Value generic_alias_new(Value origin, Value args);
// The __class_getitem__ of the built-in generic classes: cls[item] -> GenericAlias(cls, item).
// As a MethodDef: {"__class_getitem__", (void*)class_getitem_generic, MethodKind::OneArg, true}.
Value class_getitem_generic(Value cls, Value item);
extern const MethodDef kClassGetItemMethod[];  // that entry, null-terminated, for add_methods

// The type variables among `args` (a tuple), each once: __parameters__.
Value generic_parameters_of(Value args);
// `args` with each type variable of `params` replaced by the matching entry of `item` (a tuple or
// one value): the new args tuple, or null + CPython's TypeError (`self` names the subscripted object).
Value generic_subs_parameters(Value self, Value args, Value params, Value item);

void init_generic_alias_type();

}  // namespace krait::runtime
