// _sre.SRE_Scanner (Pattern.scanner, and finditer through its search method): successive
// matches over one subject, each starting where the previous one ended; after an empty match
// the next one may not be empty at the same place (3.7+ rules).
#include "modules/native_args.h"
#include "modules/sre/sre_internal.h"
#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/memory.h"

namespace krait::modules::sre {

TypeObject scanner_type;

namespace {

struct ScannerObject : Object {
  Value pattern;
  Value string;
  int64_t pos, endpos;  // as given (clamped by state_init)
  int64_t next;         // where the next attempt starts
  bool must_advance;
  bool exhausted;
};

ScannerObject* as_scanner(Value v) { return static_cast<ScannerObject*>(v.as_object()); }

void clear_field(Value& field) {
  Value old = field;
  field = Value();
  xdecref(old);
}
void scanner_clear(Object* self) {
  auto* s = static_cast<ScannerObject*>(self);
  clear_field(s->pattern);
  clear_field(s->string);
}
void scanner_dealloc(Object* self) {
  scanner_clear(self);
  free_object(self);
}
void scanner_traverse(Object* self, VisitFunc visit, void* context) {
  auto* s = static_cast<ScannerObject*>(self);
  for (Value v : {s->pattern, s->string})
    if (v.is_object()) visit(v, context);
}

Value scanner_step(Value self, bool search) {
  ScannerObject* s = as_scanner(self);
  if (s->exhausted) return new_ref(none());
  auto* pattern = static_cast<PatternObject*>(s->pattern.as_object());
  MatchState st;
  Ref keep;
  if (!state_init(pattern, s->string, s->pos, s->endpos, &st, &keep)) return Value();
  st.start = s->next;
  st.must_advance = s->must_advance;
  int r = search ? engine_search(st) : engine_match(st);
  if (r < 0) return Value();
  if (r == 0) {
    s->exhausted = true;
    return new_ref(none());
  }
  s->must_advance = st.ptr == st.start;
  s->next = st.ptr;
  return match_new(pattern, s->string, st, s->pos, s->endpos);
}

Value scanner_match(Value self) { return scanner_step(self, false); }
Value scanner_search(Value self) { return scanner_step(self, true); }
Value get_pattern(Value self) { return new_ref(as_scanner(self)->pattern); }

const MethodDef scanner_methods[] = {
    {"match", reinterpret_cast<void*>(&scanner_match), MethodKind::NoArgs},
    {"search", reinterpret_cast<void*>(&scanner_search), MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};
const GetSetDef scanner_getsets[] = {
    {"pattern", get_pattern},
    {nullptr, nullptr},
};

}  // namespace

Value scanner_new(PatternObject* pattern, Value string, int64_t pos, int64_t endpos) {
  MatchState st;
  Ref keep;
  if (!state_init(pattern, string, pos, endpos, &st, &keep)) return Value();
  auto* s = static_cast<ScannerObject*>(allocate_object(&scanner_type, sizeof(ScannerObject)));
  if (s == nullptr) return Value();
  s->pattern = new_ref(Value::object(pattern));
  s->string = new_ref(string);
  s->pos = st.start;
  s->endpos = st.end;
  s->next = st.start;
  s->must_advance = false;
  s->exhausted = false;
  gc_track(s);
  return Value::object(s);
}

int init_scanner_type() {
  static bool done = false;
  if (done) return 0;
  TypeObject& t = scanner_type;
  t.refcount = 1;
  t.Object::flags = ObjectFlag::Immortal;
  t.type = &type_type;
  t.name = "_sre.SRE_Scanner";
  t.qualname = "SRE_Scanner";
  t.base = &object_type;
  t.basic_size = sizeof(ScannerObject);
  t.flags = TypeFlag::HaveGc;
  t.dealloc = scanner_dealloc;
  t.traverse = scanner_traverse;
  t.clear = scanner_clear;
  add_methods(&t, scanner_methods);
  add_getsets(&t, scanner_getsets);
  if (type_ready(&t) < 0) return -1;
  done = true;
  return 0;
}

}  // namespace krait::modules::sre
