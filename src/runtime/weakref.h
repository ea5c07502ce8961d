// Weak references: weakref.ref (ReferenceType), proxy (ProxyType, CallableProxyType).
//
// A referent's type reserves a word at type->weaklist_offset: the head of a doubly-linked list of
// the WeakrefObjects pointing to it (not counted references). When the referent dies
// (dealloc_object) or is found to be cyclic garbage (gc.cpp), gc.h's weakref hooks clear every
// weakref in its list and call their callbacks, as CPython does. weakref.cpp.
#pragma once

#include "runtime/builtin_types.h"

namespace krait::runtime {

struct WeakrefObject : Object {
  Object* referent;      // not owned; null once the referent is gone
  Value callback;        // owned; null when none
  int64_t hash;          // cached hash of the referent, -1 until computed
  WeakrefObject* prev;   // the referent's list
  WeakrefObject* next;
};

extern TypeObject ref_type, proxy_type, callable_proxy_type;

// Readies the three types and installs the collector's hooks (idempotent); 0 or -1 + error.
int init_weakref_types();

bool is_weakref(Value v);  // ref (or a subclass) or a proxy
// weakref.ref(object, callback): a new reference; TypeError if `object` cannot be weakly referenced.
Value weakref_new_ref(Value object, Value callback);
// The referent (borrowed), or None when it is gone.
Value weakref_get(Value weakref);
// getweakrefcount / getweakrefs.
int64_t weakref_count(Value object);
Value weakref_list(Value object);  // a new list
// weakref.proxy(object, callback): a ProxyType, or CallableProxyType for a callable object.
Value weakref_new_proxy(Value object, Value callback);

}  // namespace krait::runtime
