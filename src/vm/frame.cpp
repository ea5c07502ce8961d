// Python-visible frames (frame_type) and traceback objects (traceback_type).
#include "vm/frame.h"

#include "runtime/descriptors.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/memory.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace krait::runtime {
TypeObject frame_type, traceback_type;
}

namespace krait::vm {

using namespace runtime;

namespace {

Value new_ref(Value v) {
  if (!v) v = none();
  incref(v);
  return v;
}

void frame_obj_dealloc(Object* self) {
  auto* fo = static_cast<FrameObject*>(self);
  gc_untrack(self);
  if (fo->frame) fo->frame->frame_obj = nullptr;
  Value fields[] = {fo->code, fo->globals, fo->builtins, fo->locals, fo->back, fo->trace};
  fo->code = fo->globals = fo->builtins = fo->locals = fo->back = fo->trace = Value();
  Value* saved = fo->saved;
  int nsaved = fo->nsaved;
  fo->saved = nullptr;
  fo->nsaved = 0;
  for (int i = 0; i < nsaved; ++i) xdecref(saved[i]);
  delete[] saved;
  for (Value v : fields) xdecref(v);
  free_object(self);
}
void frame_obj_traverse(Object* self, VisitFunc visit, void* context) {
  auto* fo = static_cast<FrameObject*>(self);
  Value fields[] = {fo->code, fo->globals, fo->builtins, fo->locals, fo->back, fo->trace};
  for (Value v : fields)
    if (v) visit(v, context);
  for (int i = 0; i < fo->nsaved; ++i)
    if (fo->saved[i]) visit(fo->saved[i], context);
}

void frame_obj_clear(Object* self) {
  auto* fo = static_cast<FrameObject*>(self);
  Value* saved = fo->saved;
  int nsaved = fo->nsaved;
  fo->saved = nullptr;
  fo->nsaved = 0;
  for (int i = 0; i < nsaved; ++i) xdecref(saved[i]);
  delete[] saved;
  Value locals = fo->locals, back = fo->back, trace = fo->trace;
  fo->locals = fo->back = fo->trace = Value();
  xdecref(locals);
  xdecref(back);
  xdecref(trace);
}

FrameObject* as_frame_obj(Value v) { return static_cast<FrameObject*>(v.as_object()); }

Value get_f_code(Value self) { return new_ref(as_frame_obj(self)->code); }
Value get_f_globals(Value self) { return new_ref(as_frame_obj(self)->globals); }
Value get_f_builtins(Value self) { return new_ref(as_frame_obj(self)->builtins); }
Value get_f_lineno(Value self) {
  FrameObject* fo = as_frame_obj(self);
  return int_from_int64(frame_object_line(fo));
}
Value get_f_lasti(Value self) {
  FrameObject* fo = as_frame_obj(self);
  return int_from_int64(2 * (fo->frame ? fo->frame->lasti : fo->lasti));
}
Value get_f_locals(Value self) {
  FrameObject* fo = as_frame_obj(self);
  if (fo->frame) return frame_locals(fo->frame);
  return new_ref(fo->locals ? fo->locals : Value());
}
Value get_f_back(Value self) {
  FrameObject* fo = as_frame_obj(self);
  if (fo->frame) {
    Frame* prev = fo->frame->previous;
    if (!prev || !prev->code) return none();
    return new_ref(Value::object(frame_object_of(prev)));
  }
  return new_ref(fo->back);
}

Value get_f_trace(Value self) { return new_ref(as_frame_obj(self)->trace); }
int set_f_trace(Value self, Value value) {
  FrameObject* fo = as_frame_obj(self);
  Value old = fo->trace;
  fo->trace = value && !value.is(none()) ? (incref(value), value) : Value();
  xdecref(old);
  return 0;
}

const GetSetDef kFrameGetSets[] = {
    {"f_code", get_f_code},     {"f_globals", get_f_globals}, {"f_builtins", get_f_builtins},
    {"f_lineno", get_f_lineno}, {"f_lasti", get_f_lasti},     {"f_locals", get_f_locals},
    {"f_back", get_f_back},     {"f_trace", get_f_trace, set_f_trace}, {nullptr, nullptr}};
const MemberDef kFrameMembers[] = {
    {"f_trace_lines", MemberKind::Bool, offsetof(FrameObject, trace_lines)},
    {"f_trace_opcodes", MemberKind::Bool, offsetof(FrameObject, trace_opcodes)},
    {nullptr, MemberKind::Object, 0}};

// frame.clear(): drops a finished frame's locals (and its trace function). A running frame
// cannot be cleared; a suspended generator's frame would close the generator first.
Value frame_clear_method(Value self) {
  FrameObject* fo = as_frame_obj(self);
  if (fo->frame) {
    if (fo->frame->owner == FrameOwner::Generator)
      return raise(exc::NotImplementedError, "not implemented: frame.clear() of a suspended generator's frame");
    return raise(exc::RuntimeError, "cannot clear an executing frame");
  }
  Value* saved = fo->saved;
  int nsaved = fo->nsaved;
  fo->saved = nullptr;
  fo->nsaved = 0;
  for (int i = 0; i < nsaved; ++i) xdecref(saved[i]);
  delete[] saved;
  Value locals = fo->locals, trace = fo->trace;
  fo->locals = dict_new();
  fo->trace = Value();
  xdecref(locals);
  xdecref(trace);
  if (!fo->locals) return Value();
  return new_ref(none());
}
const MethodDef kFrameMethods[] = {{"clear", (void*)frame_clear_method, MethodKind::NoArgs},
                                   {nullptr, nullptr, MethodKind::NoArgs}};

Value frame_repr(Value self) {
  FrameObject* fo = as_frame_obj(self);
  CodeObject* code = as_code(fo->code);
  int line = frame_object_line(fo);
  return str_from_format("<frame at %p, file '%s', line %d, code %s>", (void*)self.as_object(),
                         str_cstr(code->filename), line, str_cstr(code->name));
}

// --- traceback --------------------------------------------------------------------------------

TracebackObject* as_tb(Value v) { return static_cast<TracebackObject*>(v.as_object()); }

void tb_dealloc(Object* self) {
  auto* tb = static_cast<TracebackObject*>(self);
  gc_untrack(self);
  xdecref(tb->next);
  xdecref(tb->frame);
  free_object(self);
}
void tb_traverse(Object* self, VisitFunc visit, void* context) {
  auto* tb = static_cast<TracebackObject*>(self);
  if (tb->next) visit(tb->next, context);
  if (tb->frame) visit(tb->frame, context);
}

Value get_tb_next(Value self) { return new_ref(as_tb(self)->next); }
int set_tb_next(Value self, Value value) {
  if (!value) return raise(exc::TypeError, "can't delete tb_next attribute"), -1;
  if (value.is(none())) value = Value();
  if (value && !(value.is_object() && value.as_object()->type == &traceback_type))
    return raise_format(exc::TypeError, "expected traceback object or None, got '%s'", type_of(value)->name.c_str()), -1;
  for (Value cursor = value; cursor; cursor = as_tb(cursor)->next)
    if (cursor.is(self)) return raise(exc::ValueError, "traceback loop detected"), -1;
  Value old = as_tb(self)->next;
  incref(value);
  as_tb(self)->next = value;
  xdecref(old);
  return 0;
}
Value get_tb_frame(Value self) { return new_ref(as_tb(self)->frame); }
Value get_tb_lineno(Value self) { return int_from_int64(traceback_line(as_tb(self))); }
Value get_tb_lasti(Value self) { return int_from_int64(2 * as_tb(self)->lasti); }

const GetSetDef kTracebackGetSets[] = {{"tb_next", get_tb_next, set_tb_next},
                                       {"tb_frame", get_tb_frame},
                                       {"tb_lineno", get_tb_lineno},
                                       {"tb_lasti", get_tb_lasti},
                                       {nullptr, nullptr}};

void init_static(TypeObject* t, const char* name, size_t size) {
  t->refcount = 1;
  t->Object::flags = ObjectFlag::Immortal;
  t->type = &type_type;
  t->name = t->qualname = name;
  t->basic_size = size;
  t->TypeObject::flags = TypeFlag::HaveGc;
}

}  // namespace

FrameObject* frame_object_of(Frame* frame) {
  if (frame->frame_obj) return frame->frame_obj;
  auto* fo = new_object<FrameObject>(&frame_type);
  if (!fo) return nullptr;
  fo->frame = frame;
  fo->code = new_ref(Value::object(frame->code));
  fo->globals = new_ref(frame->globals);
  fo->builtins = new_ref(frame->builtins);
  fo->lasti = frame->lasti;
  fo->lineno = -1;
  // The frame owns one reference; traceback entries and Python code hold others.
  frame->frame_obj = fo;
  gc_track(fo);
  return fo;
}

namespace {
int line_at(CodeObject* code, int lasti) {
  int line = code_line(code, lasti < 0 ? 0 : lasti);
  return line < 0 ? code->firstlineno : line;
}
}  // namespace

int traceback_line(TracebackObject* tb) {
  if (tb->lineno < 0) {
    auto* fo = static_cast<FrameObject*>(tb->frame.as_object());
    tb->lineno = line_at(as_code(fo->code), tb->lasti);
  }
  return tb->lineno;
}

int frame_object_line(FrameObject* fo) {
  if (fo->frame) return frame_line(fo->frame);
  if (fo->lineno < 0) fo->lineno = line_at(as_code(fo->code), fo->lasti);
  return fo->lineno;
}

int frame_line(const Frame* frame) {
  int index = frame->lasti < 0 ? 0 : frame->lasti;
  int line = code_line(frame->code, index);
  return line < 0 ? frame->code->firstlineno : line;
}

// f_locals / locals() of an optimized frame: one dict kept on the frame object and refreshed
// from the fast locals on each call (so names exec() adds to it stay, as in CPython).
Value frame_locals(Frame* frame) {
  if (frame->locals) return new_ref(frame->locals);
  FrameObject* fo = frame_object_of(frame);
  if (!fo) return Value();
  if (!fo->locals) {
    fo->locals = dict_new();
    if (!fo->locals) return Value();
  }
  Value d = fo->locals;
  CodeObject* code = frame->code;
  for (int i = 0; i < code->nlocalsplus; ++i) {
    Value v = frame->localsplus[i];
    uint8_t kind = code->localspluskinds[i];
    if (v && (kind & (bytecode::LocalKind::Cell | bytecode::LocalKind::Free)) && v.is_object() &&
        v.as_object()->type == &cell_type)
      v = as_cell(v)->ref;
    Value name = tuple_get(code->localsplusnames, i);
    if (!v) {
      if (dict_del_item(d, name) < 0) clear_error();
      continue;
    }
    if (dict_set_item(d, name, v) < 0) return Value();
  }
  return new_ref(d);
}

void traceback_add(Frame* frame) {
  ThreadState& ts = thread_state();
  Value e = ts.current_exception;
  if (!e || !is_exception_instance(e)) return;
  FrameObject* fo = frame_object_of(frame);
  if (!fo) return;
  auto* tb = new_object<TracebackObject>(&traceback_type);
  if (!tb) return;
  tb->next = new_ref(exception_traceback(e) ? exception_traceback(e) : Value());
  if (tb->next.is(none())) {
    decref(tb->next);
    tb->next = Value();
  }
  tb->frame = new_ref(Value::object(fo));
  tb->lasti = frame->lasti;
  tb->lineno = -1;
  gc_track(tb);
  Value tbv = Value::object(tb);
  exception_set_traceback(e, tbv);
  decref(tbv);
}

int init_frame_types() {
  init_static(&frame_type, "frame", sizeof(FrameObject));
  frame_type.dealloc = frame_obj_dealloc;
  frame_type.traverse = frame_obj_traverse;
  frame_type.clear = frame_obj_clear;
  frame_type.repr = frame_repr;
  add_getsets(&frame_type, kFrameGetSets);
  add_members(&frame_type, kFrameMembers);
  add_methods(&frame_type, kFrameMethods);
  if (type_ready(&frame_type) < 0) return -1;
  init_static(&traceback_type, "traceback", sizeof(TracebackObject));
  traceback_type.dealloc = tb_dealloc;
  traceback_type.traverse = tb_traverse;
  add_getsets(&traceback_type, kTracebackGetSets);
  return type_ready(&traceback_type);
}

}  // namespace krait::vm
