// The eval loop's out-of-line instruction bodies (eval_helpers.cpp, generator.cpp): what is too
// long or too rare to sit inside the loop. Values are borrowed unless said otherwise; results
// are new references, null (or -1) with an exception set on failure.
#pragma once

#include "vm/interp.h"

namespace krait::vm {

void unbound_local_error(CodeObject* code, int index);
void unbound_deref_error(CodeObject* code, int index);
void name_error(Value name);
Value load_global(Value globals, Value builtins, Value name);
Value load_name(Frame* frame, Value name);
// Unpacks `seq` into out[0..]: `before` items, then (after >= 0) a list of the rest and `after`
// items; stored so that the first item ends up on top of the stack (out is the stack slot of
// the sequence). The stored values are new references.
int unpack_sequence(Value seq, int before, int after, Value* out);
Value build_string(const Value* pieces, int n);
int list_extend_for_unpack(Value list, Value iterable);
int dict_update_for_display(Value dict, Value update);
int dict_merge_for_call(Value dict, Value update, Value func);
Value format_value(Value v, int conversion, Value spec);
Value ascii_of(Value v);
Value call_function_ex(Value func, Value callargs, Value kwargs);
Value annotations_from_tuple(Value t);
// 1: re-raise (no traceback entry), 0: raised (exception set).
int do_raise(Value exception, Value cause);
int exception_matches(Value exception, Value type);
int exception_group_match(Value eg, Value type, Value* match, Value* rest);
Value prep_reraise_star(Value orig, Value excs);
Value before_with(Value manager, bool async, Value* exit_fn);
int setup_annotations(Frame* frame);
Value import_name(Frame* frame, Value name, Value fromlist, Value level);
int import_star(Frame* frame, Value module);
int print_expr(Value v);
Value match_keys(Value subject, Value keys);
Value match_class(Value subject, Value type, int nargs, Value names);
// A short description of a callable for messages: "__main__.f()" / "len()".
std::string function_description(Value func);

// Generators (generator.cpp).
void generator_finished(Frame* frame);
void generator_suspended(Frame* frame);
Value get_yield_from_iter(CodeObject* code, Value v);
// SEND: the next yielded value, or null: *returned set (new ref) when the receiver finished,
// else an error.
Value send_to(Value receiver, Value v, Value* returned);
Value get_awaitable(Value v, int where);
Value get_aiter(Value v);
Value get_anext(Value aiter);
Value async_gen_wrap(Value v);

}  // namespace krait::vm
