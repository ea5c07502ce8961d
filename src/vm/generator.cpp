// Generators and coroutines: a suspended Frame kept inside the generator object, resumed by
// send/throw/close/next (gen_send_ex). `yield from` and `await` delegate with SEND.
#include <cstddef>
#include <cstring>

#include "bytecode/opcodes.h"

#include "runtime/generic_alias.h"
#include "runtime/abstract.h"
#include "runtime/builtin_function.h"
#include "runtime/descriptors.h"
#include "runtime/errors.h"
#include "runtime/exceptions.h"
#include "runtime/memory.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/unraisable.h"
#include "vm/eval.h"
#include "vm/eval_helpers.h"
#include "vm/import.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace krait::runtime {
TypeObject generator_type, coroutine_type, async_generator_type;
}

namespace krait::vm {

using namespace runtime;

namespace {

enum class GenState : uint8_t { Created, Suspended, Running, Completed };

struct GeneratorObject : Object {
  // gi_code: kept for the generator's whole life (its frame drops the code when it finishes).
  Value code;
  Value name;
  Value qualname;
  Value weakrefs;
  ExcStackItem exc_state;
  GenState state;
  bool hooks_inited;
  alignas(16) char frame_storage[16];  // a Frame of the code's size follows (allocated larger)

  Frame* frame() { return reinterpret_cast<Frame*>(frame_storage); }
};

GeneratorObject* as_gen(Value v) { return static_cast<GeneratorObject*>(v.as_object()); }
GeneratorObject* gen_of_frame(Frame* f) {
  return reinterpret_cast<GeneratorObject*>(reinterpret_cast<char*>(f) - offsetof(GeneratorObject, frame_storage));
}

bool is_coroutine(Value v) { return v.is_object() && v.as_object()->type == &coroutine_type; }
const char* kind_name(Value gen) {
  TypeObject* t = gen.as_object()->type;
  return t == &coroutine_type ? "coroutine" : t == &async_generator_type ? "async generator" : "generator";
}

// The sub-iterator a suspended generator delegates to (yield from / await), borrowed, or null.
Value gen_yf(GeneratorObject* g) {
  if (g->state != GenState::Suspended) return Value();
  Frame* f = g->frame();
  uint16_t next = f->code->units[f->lasti + 1];
  if ((next & 0xff) != bytecode::RESUME || (next >> 8) < 2) return Value();
  return f->localsplus[f->code->nlocalsplus + f->stacktop - 1];
}

void gen_clear_frame(GeneratorObject* g) {
  Frame* f = g->frame();
  if (f->code) clear_frame(f);
}

void gen_dealloc(Object* self);

// A generator that returned `returned` (stolen): StopIteration(returned) is set (bare when None).
Value stop_with(Value returned) {
  if (returned.is(none())) {
    decref(returned);
    set_exception(Value::object(exc::StopIteration));
    return Value();
  }
  Value e = exception_new(exc::StopIteration, &returned, 1);
  decref(returned);
  if (e) {
    set_exception(e);
    decref(e);
  }
  return Value();
}

// The result of resuming a generator as send()/throw() report it.
Value send_result(Value r, Value returned) {
  if (r) return r;
  if (returned) return stop_with(returned);
  return Value();
}

Value gen_send_value(Value gen, Value arg) {
  Value returned;
  Value r = gen_send_ex(gen, arg, false, &returned);
  if (r) return r;
  if (!returned) return Value();
  // Finished: StopIteration(value), or bare StopIteration when the value is None.
  if (returned.is(none())) {
    decref(returned);
    set_exception(Value::object(exc::StopIteration));
    return Value();
  }
  Value e = exception_new(exc::StopIteration, &returned, 1);
  decref(returned);
  if (e) {
    set_exception(e);
    decref(e);
  }
  return Value();
}

// tp_iternext: exhaustion is a null without an error (the iternext contract); next() on a
// generator goes through gen_next_with_value to keep the return value on StopIteration.
Value gen_iternext(Value self) {
  Value returned;
  Value r = gen_send_ex(self, none(), false, &returned);
  if (r) return r;
  xdecref(returned);
  return Value();
}

Value gen_send(Value self, Value arg) { return gen_send_value(self, arg); }

// throw(type[, value[, tb]]) with the sub-iterator delegation of yield from.
Value gen_throw_impl(Value self, Value type, Value value, Value tb, bool close_on_exit);

Value gen_close(Value self) {
  GeneratorObject* g = as_gen(self);
  Value yf = gen_yf(g);
  int err = 0;
  if (yf) {
    incref(yf);
    g->state = GenState::Running;
    Ref close = Ref::steal(lookup_attr(yf, str_intern("close")));
    if (close) {
      Ref r = Ref::steal(call_no_args(close.get()));
      if (!r) err = -1;
    } else if (error_occurred()) {
      err = -1;
    }
    g->state = GenState::Suspended;
    decref(yf);
  }
  if (g->state == GenState::Created) {
    g->state = GenState::Completed;
    gen_clear_frame(g);
    return none();
  }
  if (g->state == GenState::Completed) return none();
  if (err == 0) set_exception(Value::object(exc::GeneratorExit));
  Value returned;
  Value r = gen_send_ex(self, Value(), true, &returned);
  if (r) {
    decref(r);
    return raise_format(exc::RuntimeError, "%s ignored GeneratorExit", kind_name(self));
  }
  if (returned) {
    decref(returned);
    return none();
  }
  if (error_matches(exc::StopIteration) || error_matches(exc::GeneratorExit)) {
    clear_error();
    return none();
  }
  return Value();
}

Value gen_throw_impl(Value self, Value type, Value value, Value tb, bool) {
  GeneratorObject* g = as_gen(self);
  Value yf = gen_yf(g);
  if (yf) {
    Ref hold = Ref::borrow(yf);
    if (is_exception_type(type) && is_subtype(static_cast<TypeObject*>(type.as_object()), exc::GeneratorExit)) {
      // Close the sub-iterator, then throw into this generator.
      g->state = GenState::Running;
      Ref close = Ref::steal(lookup_attr(yf, str_intern("close")));
      Ref r = close ? Ref::steal(call_no_args(close.get())) : Ref();
      g->state = GenState::Suspended;
      if (error_occurred()) {
        Value returned;
        Value res = gen_send_ex(self, Value(), true, &returned);
        return send_result(res, returned);
      }
    } else {
      Value ret;
      g->state = GenState::Running;
      if (yf.as_object()->type == &generator_type || yf.as_object()->type == &coroutine_type) {
        ret = gen_throw_impl(yf, type, value, tb, false);
      } else {
        Ref meth = Ref::steal(lookup_attr(yf, str_intern("throw")));
        if (!meth) {
          g->state = GenState::Suspended;
          if (error_occurred()) {
            Value returned;
            Value res = gen_send_ex(self, Value(), true, &returned);
            return send_result(res, returned);
          }
          goto throw_here;
        }
        Value args[3] = {type, value ? value : none(), tb ? tb : none()};
        ret = call(meth.get(), args, tb ? 3 : value ? 2 : 1);
      }
      g->state = GenState::Suspended;
      if (ret) return ret;
      // The sub-iterator finished or failed: pop it and go on after the SEND loop, with its
      // return value sent in, or with its exception thrown in.
      Frame* f = g->frame();
      Value sub = f->localsplus[f->code->nlocalsplus + --f->stacktop];
      decref(sub);
      int send_index = f->lasti - 1;
      uint16_t send = f->code->units[send_index];
      f->lasti = send_index + (send >> 8);
      Value returned;
      if (error_matches(exc::StopIteration)) {
        Ref e = fetch_exception();
        Ref v = Ref::borrow(stop_iteration_value(e.get()));
        Value r = gen_send_ex(self, v.get(), false, &returned);
        return send_result(r, returned);
      }
      Value r = gen_send_ex(self, Value(), true, &returned);
      return send_result(r, returned);
    }
  }
throw_here:
  // Normalize (type, value, tb) into an instance and raise it inside the frame.
  Ref instance;
  if (is_exception_type(type)) {
    if (value && !value.is(none()) && is_exception_instance(value)) {
      instance = Ref::borrow(value);
    } else {
      Value args[1] = {value};
      instance = Ref::steal(value && !value.is(none()) ? call(type, args, 1) : call_no_args(type));
      if (!instance) return Value();
    }
  } else if (is_exception_instance(type)) {
    if (value && !value.is(none()))
      return raise(exc::TypeError, "instance exception may not have a separate value");
    instance = Ref::borrow(type);
  } else {
    return raise_format(exc::TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                        type_of(type)->name.c_str());
  }
  if (tb && !tb.is(none())) {
    if (!(tb.is_object() && tb.as_object()->type == &traceback_type))
      return raise(exc::TypeError, "throw() third argument must be a traceback object");
    exception_set_traceback(instance.get(), tb);
  }
  incref(instance.get());
  restore_exception(instance.get());
  Value returned;
  Value r = gen_send_ex(self, Value(), true, &returned);
  return send_result(r, returned);
}

Value gen_throw(Value self, const Value* args, size_t nargs) {
  if (nargs < 1 || nargs > 3)
    return raise_format(exc::TypeError, "throw expected at least 1 argument, got %zu", nargs);
  return gen_throw_impl(self, args[0], nargs > 1 ? args[1] : Value(), nargs > 2 ? args[2] : Value(), true);
}

Value gen_self_iter(Value self) {
  incref(self);
  return self;
}

Value gen_repr(Value self) {
  return str_from_format("<%s object %s at %p>", kind_name(self), str_cstr(as_gen(self)->qualname),
                         (void*)self.as_object());
}

Value get_name(Value self) { return Ref::borrow(as_gen(self)->name).release(); }
Value get_qualname(Value self) { return Ref::borrow(as_gen(self)->qualname).release(); }
Value get_running(Value self) { return bool_value(as_gen(self)->state == GenState::Running); }
Value get_suspended(Value self) { return bool_value(as_gen(self)->state == GenState::Suspended); }
Value get_code(Value self) { return Ref::borrow(as_gen(self)->code).release(); }
Value get_frame(Value self) {
  GeneratorObject* g = as_gen(self);
  if (g->state == GenState::Completed || !g->frame()->code) return none();
  FrameObject* fo = frame_object_of(g->frame());
  incref(Value::object(fo));
  return Value::object(fo);
}
Value get_yieldfrom(Value self) {
  Value yf = gen_yf(as_gen(self));
  return Ref::borrow(yf ? yf : none()).release();
}

const MethodDef kGenMethods[] = {
    {"send", (void*)gen_send, MethodKind::OneArg},
    {"throw", (void*)gen_throw, MethodKind::Fast},
    {"close", (void*)gen_close, MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs}};

const GetSetDef kGenGetSets[] = {
    {"__name__", get_name},       {"__qualname__", get_qualname}, {"gi_running", get_running},
    {"gi_suspended", get_suspended}, {"gi_code", get_code},       {"gi_frame", get_frame},
    {"gi_yieldfrom", get_yieldfrom}, {nullptr, nullptr}};
const GetSetDef kCoroGetSets[] = {
    {"__name__", get_name},       {"__qualname__", get_qualname}, {"cr_running", get_running},
    {"cr_suspended", get_suspended}, {"cr_code", get_code},       {"cr_frame", get_frame},
    {"cr_await", get_yieldfrom},  {nullptr, nullptr}};

void gen_traverse(Object* self, VisitFunc visit, void* context) {
  auto* g = static_cast<GeneratorObject*>(self);
  if (g->code) visit(g->code, context);
  if (g->name) visit(g->name, context);
  if (g->qualname) visit(g->qualname, context);
  if (g->exc_state.exc_value) visit(g->exc_state.exc_value, context);
  Frame* f = g->frame();
  if (!f->code || g->state == GenState::Running) return;
  visit(Value::object(f->code), context);
  Value fields[] = {f->func, f->globals, f->builtins, f->locals};
  for (Value v : fields)
    if (v) visit(v, context);
  int n = f->code->nlocalsplus + f->stacktop;
  for (int i = 0; i < n; ++i)
    if (f->localsplus[i]) visit(f->localsplus[i], context);
}

void gen_clear(Object* self) {
  auto* g = static_cast<GeneratorObject*>(self);
  if (g->state != GenState::Running) {
    gen_clear_frame(g);
    g->state = GenState::Completed;
  }
  Value e = g->exc_state.exc_value;
  g->exc_state.exc_value = Value();
  xdecref(e);
}

// A coroutine dropped before it started: warnings._warn_unawaited_coroutine reports it, as in
// CPython ("RuntimeWarning: coroutine 'f' was never awaited").
void warn_unawaited(Object* self) {
  Ref warnings = Ref::steal(import_module("warnings"));
  Ref warn = warnings ? Ref::steal(get_attr(warnings.get(), "_warn_unawaited_coroutine")) : Ref();
  Ref r = warn ? Ref::steal(call_one_arg(warn.get(), Value::object(self))) : Ref();
  if (!r) write_unraisable(Value::object(self));
}

void gen_finalize(Object* self) {
  auto* g = static_cast<GeneratorObject*>(self);
  bool unawaited = g->state == GenState::Created && self->type == &coroutine_type;
  if (g->state != GenState::Suspended && !unawaited) return;
  Ref saved = fetch_exception();
  if (unawaited) {
    warn_unawaited(self);
  } else {
    Value r = gen_close(Value::object(self));
    if (!r) write_unraisable(Value::object(self));
    xdecref(r);
  }
  if (saved) restore_exception(saved.release());
}

void gen_dealloc(Object* self) {
  auto* g = static_cast<GeneratorObject*>(self);
  gc_untrack(self);
  gen_clear_frame(g);
  xdecref(g->code);
  xdecref(g->name);
  xdecref(g->qualname);
  xdecref(g->exc_state.exc_value);
  free_object(self);
}

void init_gen_type(TypeObject* t, const char* name) {
  t->refcount = 1;
  t->Object::flags = ObjectFlag::Immortal;
  t->type = &type_type;
  t->name = t->qualname = name;
  t->basic_size = sizeof(GeneratorObject);
  t->TypeObject::flags = TypeFlag::HaveGc;
  t->dealloc = gen_dealloc;
  t->traverse = gen_traverse;
  t->clear = gen_clear;
  t->finalize = gen_finalize;
  t->weaklist_offset = offsetof(GeneratorObject, weakrefs);
  t->repr = gen_repr;
}

}  // namespace

Value make_generator(Frame* frame) {
  CodeObject* code = frame->code;
  TypeObject* type = (code->flags & bytecode::CodeFlag::Coroutine)        ? &coroutine_type
                     : (code->flags & bytecode::CodeFlag::AsyncGenerator) ? &async_generator_type
                                                                           : &generator_type;
  size_t frame_size = Frame::size_for(code);
  Object* memory = allocate_object(type, offsetof(GeneratorObject, frame_storage) + frame_size);
  if (!memory) return Value();
  auto* g = static_cast<GeneratorObject*>(memory);
  g->exc_state = ExcStackItem{};
  g->state = GenState::Created;
  FunctionObject* func = frame->func ? as_function(frame->func) : nullptr;
  g->code = Ref::borrow(Value::object(code)).release();
  g->name = Ref::borrow(func ? func->name : code->name).release();
  g->qualname = Ref::borrow(func ? func->qualname : code->qualname).release();
  // Move the frame (its references go with it) and pop the thread's copy.
  std::memcpy(g->frame_storage, frame, frame_size);
  Frame* gf = g->frame();
  gf->owner = FrameOwner::Generator;
  gf->previous = nullptr;
  gf->is_entry = true;
  if (gf->frame_obj) gf->frame_obj->frame = gf;
  frame->code = nullptr;
  frame->frame_obj = nullptr;
  frame->stacktop = 0;
  ThreadState& ts = thread_state();
  pop_frame(ts, frame);
  gc_track(g);
  return Value::object(g);
}

Value gen_send_ex(Value gen, Value arg, bool exc, Value* returned) {
  *returned = Value();
  GeneratorObject* g = as_gen(gen);
  bool coro = is_coroutine(gen);
  if (g->state == GenState::Running)
    return raise_format(exc::ValueError, "%s already executing", kind_name(gen));
  if (g->state == GenState::Completed) {
    if (coro && !exc) return raise(exc::RuntimeError, "cannot reuse already awaited coroutine");
    if (exc) return Value();  // the thrown exception stays set
    *returned = none();
    return Value();
  }
  if (g->state == GenState::Created && !exc && arg && !arg.is(none()))
    return raise_format(exc::TypeError, "can't send non-None value to a just-started %s", kind_name(gen));
  ThreadState& ts = thread_state();
  if (ts.recursion_depth >= ts.recursion_limit) {
    if (exc) clear_error();
    return raise(exc::RecursionError, "maximum recursion depth exceeded");
  }
  Frame* f = g->frame();
  if (!exc) {
    incref(arg);
    f->localsplus[f->code->nlocalsplus + f->stacktop++] = arg;
  }
  f->previous = ts.frame;
  ++ts.recursion_depth;
  g->exc_state.previous = ts.exc_info;
  ts.exc_info = &g->exc_state;
  g->state = GenState::Running;
  Ref hold = Ref::borrow(gen);
  Value result = eval_frame(ts, f, exc ? Value::small_int(1) : Value());
  ts.exc_info = g->exc_state.previous;
  g->exc_state.previous = nullptr;
  if (g->state == GenState::Suspended) return result;
  // Finished: free the frame's values now, as CPython does.
  g->state = GenState::Completed;
  gen_clear_frame(g);
  if (result) {
    *returned = result;
    return Value();
  }
  // StopIteration escaping a generator becomes RuntimeError (PEP 479).
  bool async_gen = gen.as_object()->type == &async_generator_type;
  if (error_matches(exc::StopIteration) || (async_gen && error_matches(exc::StopAsyncIteration))) {
    Ref cause = fetch_exception();
    const char* what = error_matches(exc::StopAsyncIteration) ? "StopAsyncIteration" : "StopIteration";
    what = is_subtype(type_of(cause.get()), exc::StopIteration) ? "StopIteration" : "StopAsyncIteration";
    Ref e = Ref::steal(exception_from_message(exc::RuntimeError, std::string(kind_name(gen)) + " raised " + what));
    if (!e) return Value();
    exception_set_cause(e.get(), cause.get());
    exception_set_context(e.get(), cause.get());
    restore_exception(e.release());
  }
  return Value();
}

Value gen_next_with_value(Value gen) { return gen_send_value(gen, none()); }

bool is_generator_like(Value v) {
  return v.is_object() && (v.as_object()->type == &generator_type || v.as_object()->type == &coroutine_type);
}

void generator_finished(Frame* frame) { gen_of_frame(frame)->state = GenState::Completed; }
void generator_suspended(Frame* frame) { gen_of_frame(frame)->state = GenState::Suspended; }

Value get_yield_from_iter(CodeObject* code, Value v) {
  if (is_coroutine(v)) {
    if (!(code->flags & (bytecode::CodeFlag::Coroutine | bytecode::CodeFlag::IterableCoroutine)))
      return raise(exc::TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
    incref(v);
    return v;
  }
  if (v.is_object() && v.as_object()->type == &generator_type) {
    incref(v);
    return v;
  }
  return get_iter(v);
}

Value send_to(Value receiver, Value v, Value* returned) {
  *returned = Value();
  if (is_generator_like(receiver)) return gen_send_ex(receiver, v, false, returned);
  Value r;
  if (v.is(none()) && type_of(receiver)->iternext) {
    r = iter_next(receiver);
    if (!r && !error_occurred()) {
      *returned = none();
      return Value();
    }
  } else {
    r = call_method(receiver, "send", &v, 1);
  }
  if (r) return r;
  if (error_matches(exc::StopIteration)) {
    Ref e = fetch_exception();
    *returned = Ref::borrow(stop_iteration_value(e.get())).release();
  }
  return Value();
}

Value get_awaitable(Value v, int where) {
  if (is_coroutine(v)) {
    Value yf = gen_yf(as_gen(v));
    if (yf) return raise(exc::RuntimeError, "coroutine is being awaited already");
    incref(v);
    return v;
  }
  if (v.is_object() && v.as_object()->type == &generator_type &&
      (as_gen(v)->frame()->code && (as_gen(v)->frame()->code->flags & bytecode::CodeFlag::IterableCoroutine))) {
    incref(v);
    return v;
  }
  Ref await = Ref::steal(lookup_special(v, "__await__"));
  if (!await) {
    if (error_occurred()) return Value();
    if (where == 1)
      return raise_format(exc::TypeError,
                          "'async with' received an object from __aenter__ that does not implement __await__: %s",
                          type_of(v)->name.c_str());
    if (where == 2)
      return raise_format(exc::TypeError,
                          "'async with' received an object from __aexit__ that does not implement __await__: %s",
                          type_of(v)->name.c_str());
    return raise_format(exc::TypeError, "object %s can't be used in 'await' expression", type_of(v)->name.c_str());
  }
  Value it = call_no_args(await.get());
  if (!it) return Value();
  if (is_coroutine(it)) {
    decref(it);
    return raise(exc::TypeError, "__await__() returned a coroutine");
  }
  if (!type_of(it)->iternext) {
    TypeObject* t = type_of(it);
    decref(it);
    return raise_format(exc::TypeError, "__await__() returned non-iterator of type '%s'", t->name.c_str());
  }
  return it;
}

Value get_aiter(Value v) {
  Ref aiter = Ref::steal(lookup_special(v, "__aiter__"));
  if (!aiter) {
    if (error_occurred()) return Value();
    return raise_format(exc::TypeError, "'async for' requires an object with __aiter__ method, got %s",
                        type_of(v)->name.c_str());
  }
  Value it = call_no_args(aiter.get());
  if (!it) return Value();
  Ref anext = Ref::steal(lookup_special(it, "__anext__"));
  if (!anext) {
    TypeObject* t = type_of(it);
    decref(it);
    if (error_occurred()) return Value();
    return raise_format(exc::TypeError,
                        "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                        t->name.c_str());
  }
  return it;
}

Value get_anext(Value aiter) {
  Ref anext = Ref::steal(lookup_special(aiter, "__anext__"));
  if (!anext) {
    if (error_occurred()) return Value();
    return raise_format(exc::TypeError, "'async for' requires an iterator with __anext__ method, got %s",
                        type_of(aiter)->name.c_str());
  }
  Ref next = Ref::steal(call_no_args(anext.get()));
  if (!next) return Value();
  Value aw = get_awaitable(next.get(), 0);
  if (!aw && error_matches(exc::TypeError)) {
    clear_error();
    return raise_format(exc::TypeError, "'async for' received an invalid object from __anext__: %s",
                        type_of(next.get())->name.c_str());
  }
  return aw;
}


// --- async generators ---------------------------------------------------------------------------
// Values an async generator yields are wrapped (ASYNC_GEN_WRAP) so that asend/athrow can tell
// them from values its awaits pass up to the event loop.

namespace {

struct WrappedValue : Object {
  Value value;
};
TypeObject wrapped_value_type, asend_type, athrow_type;

enum class AwaitState : uint8_t { Init, Iter, Closed };

struct ASendObject : Object {
  Value gen;
  Value sendval;
  AwaitState state;
};
struct AThrowObject : Object {
  Value gen;
  Value type, value, tb;  // null type: aclose()
  AwaitState state;
};

void wrapped_dealloc(Object* self) {
  xdecref(static_cast<WrappedValue*>(self)->value);
  free_object(self);
}
void asend_dealloc(Object* self) {
  auto* a = static_cast<ASendObject*>(self);
  xdecref(a->gen);
  xdecref(a->sendval);
  free_object(self);
}
void athrow_dealloc(Object* self) {
  auto* a = static_cast<AThrowObject*>(self);
  xdecref(a->gen);
  xdecref(a->type);
  xdecref(a->value);
  xdecref(a->tb);
  free_object(self);
}

bool is_wrapped(Value v) { return v.is_object() && v.as_object()->type == &wrapped_value_type; }

// The value a finished await produces: StopIteration(value).
Value raise_stop_iteration(Value v) {
  Value e = exception_new(exc::StopIteration, &v, 1);
  if (e) {
    set_exception(e);
    decref(e);
  }
  return Value();
}

// Interprets one resumption of the async generator for asend().
Value asend_unwrap(ASendObject* a, Value r, Value returned) {
  if (r) {
    if (is_wrapped(r)) {
      a->state = AwaitState::Closed;
      Ref hold = Ref::steal(r);
      return raise_stop_iteration(static_cast<WrappedValue*>(r.as_object())->value);
    }
    return r;
  }
  a->state = AwaitState::Closed;
  if (returned) {
    decref(returned);
    set_exception(Value::object(exc::StopAsyncIteration));
    return Value();
  }
  if (error_matches(exc::StopIteration)) {  // a return seen through throw()
    clear_error();
    set_exception(Value::object(exc::StopAsyncIteration));
  }
  return Value();
}

Value asend_send(Value self, Value arg) {
  auto* a = static_cast<ASendObject*>(self.as_object());
  if (a->state == AwaitState::Closed)
    return raise(exc::RuntimeError, "cannot reuse already awaited __anext__()/asend()");
  if (a->state == AwaitState::Init) {
    if (!arg || arg.is(none())) arg = a->sendval;
    a->state = AwaitState::Iter;
  }
  Value returned;
  Value r = gen_send_ex(a->gen, arg ? arg : none(), false, &returned);
  return asend_unwrap(a, r, returned);
}
Value asend_next(Value self) { return asend_send(self, none()); }
Value asend_throw(Value self, const Value* args, size_t nargs) {
  auto* a = static_cast<ASendObject*>(self.as_object());
  if (a->state == AwaitState::Closed)
    return raise(exc::RuntimeError, "cannot reuse already awaited __anext__()/asend()");
  if (nargs < 1 || nargs > 3) return raise_format(exc::TypeError, "throw expected at least 1 argument, got %zu", nargs);
  Value r = gen_throw_impl(a->gen, args[0], nargs > 1 ? args[1] : Value(), nargs > 2 ? args[2] : Value(), true);
  return asend_unwrap(a, r, Value());
}
Value asend_close(Value self) {
  static_cast<ASendObject*>(self.as_object())->state = AwaitState::Closed;
  return none();
}
Value await_self(Value self) {
  incref(self);
  return self;
}

Value athrow_unwrap(AThrowObject* a, Value r) {
  bool aclose = !a->type;
  if (r) {
    if (is_wrapped(r)) {
      Ref hold = Ref::steal(r);
      a->state = AwaitState::Closed;
      if (aclose) return raise(exc::RuntimeError, "async generator ignored GeneratorExit");
      return raise_stop_iteration(static_cast<WrappedValue*>(r.as_object())->value);
    }
    return r;
  }
  a->state = AwaitState::Closed;
  if (aclose && (error_matches(exc::StopAsyncIteration) || error_matches(exc::GeneratorExit) ||
                 error_matches(exc::StopIteration))) {
    clear_error();
    set_exception(Value::object(exc::StopIteration));
  } else if (!aclose && error_matches(exc::StopIteration)) {
    clear_error();
    set_exception(Value::object(exc::StopAsyncIteration));
  }
  return Value();
}

Value athrow_send(Value self, Value arg) {
  auto* a = static_cast<AThrowObject*>(self.as_object());
  if (a->state == AwaitState::Closed)
    return raise(exc::RuntimeError, "cannot reuse already awaited aclose()/athrow()");
  GeneratorObject* g = as_gen(a->gen);
  if (g->state == GenState::Completed) {
    a->state = AwaitState::Closed;
    set_exception(Value::object(a->type ? exc::StopAsyncIteration : exc::StopIteration));
    return Value();
  }
  if (a->state == AwaitState::Init) {
    if (arg && !arg.is(none())) return raise(exc::RuntimeError, "can't send non-None value to a just-started coroutine");
    a->state = AwaitState::Iter;
    Value r = a->type ? gen_throw_impl(a->gen, a->type, a->value, a->tb, true)
                      : gen_throw_impl(a->gen, Value::object(exc::GeneratorExit), Value(), Value(), true);
    return athrow_unwrap(a, r);
  }
  Value returned;
  Value r = gen_send_ex(a->gen, arg ? arg : none(), false, &returned);
  if (!r && returned) {
    decref(returned);
    set_exception(Value::object(exc::StopIteration));
  }
  return athrow_unwrap(a, r);
}
Value athrow_next(Value self) { return athrow_send(self, none()); }
Value athrow_throw(Value self, const Value* args, size_t nargs) {
  auto* a = static_cast<AThrowObject*>(self.as_object());
  if (a->state == AwaitState::Closed)
    return raise(exc::RuntimeError, "cannot reuse already awaited aclose()/athrow()");
  if (nargs < 1 || nargs > 3) return raise_format(exc::TypeError, "throw expected at least 1 argument, got %zu", nargs);
  Value r = gen_throw_impl(a->gen, args[0], nargs > 1 ? args[1] : Value(), nargs > 2 ? args[2] : Value(), true);
  return athrow_unwrap(a, r);
}
Value athrow_close(Value self) {
  static_cast<AThrowObject*>(self.as_object())->state = AwaitState::Closed;
  return none();
}

Value make_asend(Value gen, Value v) {
  auto* a = new_object<ASendObject>(&asend_type);
  if (!a) return Value();
  a->gen = Ref::borrow(gen).release();
  a->sendval = Ref::borrow(v).release();
  a->state = AwaitState::Init;
  return Value::object(a);
}
Value make_athrow(Value gen, Value type, Value value, Value tb) {
  auto* a = new_object<AThrowObject>(&athrow_type);
  if (!a) return Value();
  a->gen = Ref::borrow(gen).release();
  if (type) incref(type);
  if (value) incref(value);
  if (tb) incref(tb);
  a->type = type;
  a->value = value;
  a->tb = tb;
  a->state = AwaitState::Init;
  return Value::object(a);
}

Value agen_aiter(Value self) {
  incref(self);
  return self;
}
Value agen_anext(Value self) { return make_asend(self, none()); }
Value agen_asend(Value self, Value v) { return make_asend(self, v); }
Value agen_athrow(Value self, const Value* args, size_t nargs) {
  if (nargs < 1 || nargs > 3) return raise_format(exc::TypeError, "athrow expected at least 1 argument, got %zu", nargs);
  return make_athrow(self, args[0], nargs > 1 ? args[1] : Value(), nargs > 2 ? args[2] : Value());
}
Value agen_aclose(Value self) { return make_athrow(self, Value(), Value(), Value()); }

const MethodDef kAgenMethods[] = {
    {"__aiter__", (void*)agen_aiter, MethodKind::NoArgs},
    {"__anext__", (void*)agen_anext, MethodKind::NoArgs},
    {"asend", (void*)agen_asend, MethodKind::OneArg},
    {"athrow", (void*)agen_athrow, MethodKind::Fast},
    {"aclose", (void*)agen_aclose, MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs}};
const GetSetDef kAgenGetSets[] = {
    {"__name__", get_name},         {"__qualname__", get_qualname}, {"ag_running", get_running},
    {"ag_code", get_code},          {"ag_frame", get_frame},        {"ag_await", get_yieldfrom},
    {nullptr, nullptr}};
const MethodDef kASendMethods[] = {
    {"send", (void*)asend_send, MethodKind::OneArg},
    {"throw", (void*)asend_throw, MethodKind::Fast},
    {"close", (void*)asend_close, MethodKind::NoArgs},
    {"__await__", (void*)await_self, MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs}};
const MethodDef kAThrowMethods[] = {
    {"send", (void*)athrow_send, MethodKind::OneArg},
    {"throw", (void*)athrow_throw, MethodKind::Fast},
    {"close", (void*)athrow_close, MethodKind::NoArgs},
    {"__await__", (void*)await_self, MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs}};

void init_plain_type(TypeObject* t, const char* name, size_t size, DeallocFunc dealloc) {
  t->refcount = 1;
  t->Object::flags = ObjectFlag::Immortal;
  t->type = &type_type;
  t->name = t->qualname = name;
  t->basic_size = size;
  t->dealloc = dealloc;
}

int init_async_types() {
  add_methods(&async_generator_type, kAgenMethods);
  add_methods(&async_generator_type, kClassGetItemMethod);
  add_getsets(&async_generator_type, kAgenGetSets);
  init_plain_type(&wrapped_value_type, "async_generator_wrapped_value", sizeof(WrappedValue), wrapped_dealloc);
  init_plain_type(&asend_type, "async_generator_asend", sizeof(ASendObject), asend_dealloc);
  asend_type.iter = await_self;
  asend_type.iternext = asend_next;
  add_methods(&asend_type, kASendMethods);
  init_plain_type(&athrow_type, "async_generator_athrow", sizeof(AThrowObject), athrow_dealloc);
  athrow_type.iter = await_self;
  athrow_type.iternext = athrow_next;
  add_methods(&athrow_type, kAThrowMethods);
  if (type_ready(&wrapped_value_type) < 0 || type_ready(&asend_type) < 0 || type_ready(&athrow_type) < 0) return -1;
  return 0;
}

}  // namespace

Value async_gen_wrap(Value v) {
  auto* w = new_object<WrappedValue>(&wrapped_value_type);
  if (!w) return Value();
  incref(v);
  w->value = v;
  return Value::object(w);
}

// --- coroutine.__await__(): a coroutine_wrapper iterating the coroutine ----------------------------
struct CoroWrapper : Object {
  Value coro;  // owned
};
TypeObject coro_wrapper_type;

Value coro_of(Value wrapper) { return static_cast<CoroWrapper*>(wrapper.as_object())->coro; }
void coro_wrapper_dealloc(Object* self) {
  xdecref(static_cast<CoroWrapper*>(self)->coro);
  free_object(self);
}
Value coro_await(Value self) {
  auto* w = new_object<CoroWrapper>(&coro_wrapper_type);
  if (!w) return Value();
  incref(self);
  w->coro = self;
  return Value::object(w);
}
// next(): StopIteration carries the coroutine's return value.
Value coro_wrapper_next(Value self) { return gen_send_value(coro_of(self), none()); }
Value coro_wrapper_send(Value self, Value arg) { return gen_send(coro_of(self), arg); }
Value coro_wrapper_throw(Value self, const Value* args, size_t nargs) { return gen_throw(coro_of(self), args, nargs); }
Value coro_wrapper_close(Value self) { return gen_close(coro_of(self)); }
// cr_origin: None unless origin tracking is on (sys.set_coroutine_origin_tracking_depth, not in krait).
Value get_cr_origin(Value) { return none(); }

const MethodDef kCoroMethods[] = {{"__await__", (void*)coro_await, MethodKind::NoArgs},
                                  {nullptr, nullptr, MethodKind::NoArgs}};
const GetSetDef kCoroOriginGetSet[] = {{"cr_origin", get_cr_origin}, {nullptr, nullptr}};
const MethodDef kCoroWrapperMethods[] = {
    {"send", (void*)coro_wrapper_send, MethodKind::OneArg},
    {"throw", (void*)coro_wrapper_throw, MethodKind::Fast},
    {"close", (void*)coro_wrapper_close, MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs}};

int init_generator_types() {
  init_gen_type(&generator_type, "generator");
  generator_type.iter = gen_self_iter;
  generator_type.iternext = gen_iternext;
  add_methods(&generator_type, kGenMethods);
  add_getsets(&generator_type, kGenGetSets);
  if (type_ready(&generator_type) < 0) return -1;
  init_gen_type(&coroutine_type, "coroutine");
  add_methods(&coroutine_type, kGenMethods);
  add_getsets(&coroutine_type, kCoroGetSets);
  add_methods(&coroutine_type, kCoroMethods);
  add_getsets(&coroutine_type, kCoroOriginGetSet);
  init_plain_type(&coro_wrapper_type, "coroutine_wrapper", sizeof(CoroWrapper), coro_wrapper_dealloc);
  coro_wrapper_type.iter = await_self;
  coro_wrapper_type.iternext = coro_wrapper_next;
  add_methods(&coro_wrapper_type, kCoroWrapperMethods);
  if (type_ready(&coro_wrapper_type) < 0) return -1;
  if (type_ready(&coroutine_type) < 0) return -1;
  init_gen_type(&async_generator_type, "async_generator");
  if (init_async_types() < 0) return -1;
  return type_ready(&async_generator_type);
}

}  // namespace krait::vm
