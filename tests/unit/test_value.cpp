// The Value word (immediates and pointers), Ref, the allocator and the cycle collector, with a
// tiny test-only container type (so these tests need no other runtime type).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "runtime/gc.h"
#include "runtime/memory.h"
#include "runtime/object.h"
#include "runtime/type.h"
#include "runtime/value.h"

namespace {

using namespace krait::runtime;

uint64_t double_bits(double d) {
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  return bits;
}

// --- Value encoding -------------------------------------------------------------------------------

TEST(Value, SmallIntBoundaries) {
  const int64_t samples[] = {0, 1, -1, 42, -42, Value::kSmallIntMax, Value::kSmallIntMin,
                             Value::kSmallIntMax - 1, Value::kSmallIntMin + 1, int64_t(1) << 32,
                             -(int64_t(1) << 32)};
  for (int64_t i : samples) {
    ASSERT_TRUE(Value::fits_small_int(i)) << i;
    Value v = Value::small_int(i);
    EXPECT_TRUE(v.is_small_int()) << i;
    EXPECT_FALSE(v.is_float()) << i;
    EXPECT_FALSE(v.is_object()) << i;
    EXPECT_FALSE(v.is_null()) << i;
    EXPECT_EQ(v.as_small_int(), i);
  }
  EXPECT_EQ(Value::kSmallIntMax, (int64_t(1) << 47) - 1);
  EXPECT_EQ(Value::kSmallIntMin, -(int64_t(1) << 47));
  EXPECT_FALSE(Value::fits_small_int(Value::kSmallIntMax + 1));
  EXPECT_FALSE(Value::fits_small_int(Value::kSmallIntMin - 1));
  EXPECT_FALSE(Value::fits_small_int(std::numeric_limits<int64_t>::max()));
  EXPECT_FALSE(Value::fits_small_int(std::numeric_limits<int64_t>::min()));
  // One encoding per int: equal ints are identical words.
  EXPECT_TRUE(Value::small_int(7).is(Value::small_int(7)));
  EXPECT_FALSE(Value::small_int(7).is(Value::small_int(-7)));
}

void expect_float_round_trip(double d) {
  Value v = Value::floating(d);
  EXPECT_TRUE(v.is_float()) << d;
  EXPECT_FALSE(v.is_small_int()) << d;
  EXPECT_FALSE(v.is_object()) << d;
  EXPECT_FALSE(v.is_null()) << d;
  EXPECT_EQ(double_bits(v.as_float()), double_bits(d)) << d;
}

TEST(Value, Floats) {
  const double samples[] = {0.0, -0.0, 1.0, -1.0, 0.1, 1e308, -1e308, 5e-324, -5e-324,
                            2.2250738585072014e-308, 2.225073858507201e-308 /* largest subnormal */,
                            std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(),
                            std::numeric_limits<double>::min(), std::numeric_limits<double>::denorm_min(),
                            std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                            9007199254740993.0, 3.141592653589793};
  for (double d : samples) expect_float_round_trip(d);
  // 0.0 and -0.0 are different values (and different words).
  EXPECT_FALSE(Value::floating(0.0).is(Value::floating(-0.0)));
  EXPECT_TRUE(std::signbit(Value::floating(-0.0).as_float()));
  // A float is never confused with the int of the same value.
  EXPECT_FALSE(Value::floating(1.0).is(Value::small_int(1)));
}

TEST(Value, NaNsKeepTheirSign) {
  double nan = std::numeric_limits<double>::quiet_NaN();
  Value positive = Value::floating(nan);
  Value negative = Value::floating(-nan);
  EXPECT_TRUE(positive.is_float());
  EXPECT_TRUE(negative.is_float());
  EXPECT_TRUE(std::isnan(positive.as_float()));
  EXPECT_TRUE(std::isnan(negative.as_float()));
  EXPECT_FALSE(std::signbit(positive.as_float()));
  EXPECT_TRUE(std::signbit(negative.as_float()));
  // Payloads (signalling NaNs, odd bits) are canonicalized, never mistaken for ints or pointers.
  uint64_t odd_bits[] = {0x7FF0000000000001ull, 0xFFF0000000000001ull, 0x7FFFFFFFFFFFFFFFull,
                         0xFFFFFFFFFFFFFFFFull, 0xFFFC000000000000ull, 0x7FF4000000000000ull};
  for (uint64_t bits : odd_bits) {
    double d;
    std::memcpy(&d, &bits, sizeof d);
    Value v = Value::floating(d);
    EXPECT_TRUE(v.is_float()) << std::hex << bits;
    EXPECT_TRUE(std::isnan(v.as_float())) << std::hex << bits;
    EXPECT_EQ(std::signbit(v.as_float()), std::signbit(d)) << std::hex << bits;
  }
}

TEST(Value, PointersAndNull) {
  Value null;
  EXPECT_TRUE(null.is_null());
  EXPECT_FALSE(static_cast<bool>(null));
  EXPECT_FALSE(null.is_object());
  EXPECT_FALSE(null.is_float());
  EXPECT_FALSE(null.is_small_int());
  EXPECT_EQ(type_of(null), nullptr);
  Object object;
  Value v = Value::object(&object);
  EXPECT_TRUE(v.is_object());
  EXPECT_FALSE(v.is_float());
  EXPECT_FALSE(v.is_small_int());
  EXPECT_EQ(v.as_object(), &object);
  EXPECT_TRUE(Value::object(nullptr).is_null());
  // A high user-space address still decodes as a pointer.
  Value high = Value::from_bits(0x00007FFFFFFFFFF0ull);
  EXPECT_TRUE(high.is_object());
}

// --- a tiny container type -------------------------------------------------------------------

struct Node : Object {
  Value a;
  Value b;
};

int deallocs = 0;
int finalizes = 0;
Value resurrect_into;  // finalize stores a reference here when set to a marker
bool resurrect = false;
Value saved;

void node_traverse(Object* self, VisitFunc visit, void* context) {
  auto* node = static_cast<Node*>(self);
  if (node->a) visit(node->a, context);
  if (node->b) visit(node->b, context);
}
void node_clear(Object* self) {
  auto* node = static_cast<Node*>(self);
  Value a = node->a, b = node->b;
  node->a = Value();
  node->b = Value();
  decref(a);
  decref(b);
}
void node_dealloc(Object* self) {
  ++deallocs;
  gc_untrack(self);
  node_clear(self);
  free_object(self);
}
void node_finalize(Object* self) {
  ++finalizes;
  if (resurrect) {
    incref(self);
    saved = Value::object(self);
  }
}

TypeObject make_type(const char* name, bool gc, bool finalizer) {
  TypeObject type;
  type.name = name;
  type.flags = gc ? TypeFlag::HaveGc : 0;
  type.basic_size = sizeof(Node);
  type.dealloc = node_dealloc;
  type.traverse = node_traverse;
  type.clear = node_clear;
  type.finalize = finalizer ? node_finalize : nullptr;
  make_immortal(&type);
  return type;
}

TypeObject node_type = make_type("Node", true, false);
TypeObject del_node_type = make_type("DelNode", true, true);
TypeObject atom_type = make_type("Atom", false, false);

Node* new_node(TypeObject* type = &node_type) {
  Node* node = new_object<Node>(type);
  gc_track(node);
  return node;
}

class GcTest : public ::testing::Test {
 protected:
  void SetUp() override {
    gc_collect();
    deallocs = finalizes = 0;
    resurrect = false;
    saved = Value();
    gc_set_enabled(false);
  }
  void TearDown() override { gc_set_enabled(true); }
};

TEST_F(GcTest, RefSemantics) {
  Node* node = new_node();
  {
    Ref owner = Ref::steal(Value::object(node));
    EXPECT_EQ(node->refcount, 1u);
    Ref copy = owner;
    EXPECT_EQ(node->refcount, 2u);
    Ref moved = std::move(copy);
    EXPECT_EQ(node->refcount, 2u);
    EXPECT_FALSE(copy);
    Ref borrowed = Ref::borrow(moved.get());
    EXPECT_EQ(node->refcount, 3u);
    borrowed = Ref();
    EXPECT_EQ(node->refcount, 2u);
    Value released = moved.release();
    EXPECT_EQ(node->refcount, 2u);
    decref(released);
    EXPECT_EQ(deallocs, 0);
  }
  EXPECT_EQ(deallocs, 1);
  // Immediates need no counting.
  Ref number = Ref::steal(Value::small_int(5));
  Ref copy = number;
  EXPECT_EQ(copy.get().as_small_int(), 5);
}

TEST_F(GcTest, AllocationIsZeroedAndReused) {
  Node* first = new_object<Node>(&atom_type);
  EXPECT_TRUE(first->a.is_null());
  first->a = Value::small_int(3);
  void* address = first;
  decref(first);
  Node* second = new_object<Node>(&atom_type);
#if !defined(__SANITIZE_ADDRESS__)  // (ASan builds allocate every block with malloc)
  EXPECT_EQ(static_cast<void*>(second), address);  // the free list hands the block back
#else
  (void)address;
#endif
  EXPECT_TRUE(second->a.is_null());
  EXPECT_EQ(second->refcount, 1u);
  EXPECT_EQ(second->type, &atom_type);
  decref(second);
  // Large objects go to malloc and come back zeroed too.
  Object* big = allocate_object(&atom_type, 4096);
  ASSERT_NE(big, nullptr);
  for (size_t i = sizeof(Object); i < 4096; ++i) ASSERT_EQ(reinterpret_cast<char*>(big)[i], 0);
  free_object(big);
  auto* buffer = static_cast<unsigned char*>(mem_alloc(100));
  ASSERT_NE(buffer, nullptr);
  for (int i = 0; i < 100; ++i) buffer[i] = static_cast<unsigned char>(i);
  // Growing within a class, across classes, into malloc and back keeps the contents.
  buffer = static_cast<unsigned char*>(mem_realloc(buffer, 100, 104));
  ASSERT_NE(buffer, nullptr);
  size_t old_size = 104;
  for (size_t size : {200, 600, 5000, 80, 100}) {
    buffer = static_cast<unsigned char*>(mem_realloc(buffer, old_size, size));
    ASSERT_NE(buffer, nullptr);
    for (size_t i = 0; i < 80; ++i) ASSERT_EQ(buffer[i], i) << size;
    for (size_t i = old_size; i < size; ++i) ASSERT_EQ(buffer[i], 0) << size;
    old_size = size;
  }
  mem_free(buffer, old_size);
}

TEST_F(GcTest, StaticObjectsAreNeverFreed) {
  Object object;
  object.type = &atom_type;
  incref(&object);
  decref(&object);
  decref(&object);  // reaches zero: restored, not freed
  EXPECT_EQ(object.refcount, kImmortalRefcount);
  EXPECT_EQ(deallocs, 0);
}

TEST_F(GcTest, CollectsACycle) {
  Node* a = new_node();
  Node* b = new_node();
  a->a = Value::object(b);
  incref(b);
  b->a = Value::object(a);
  incref(a);
  EXPECT_TRUE(gc_is_tracked(a));
  decref(a);
  decref(b);
  EXPECT_EQ(deallocs, 0);
  EXPECT_EQ(gc_collect(), 2u);
  EXPECT_EQ(deallocs, 2);
  EXPECT_EQ(gc_collect(), 0u);
}

TEST_F(GcTest, KeepsWhatIsReachable) {
  Node* root = new_node();
  Node* a = new_node();
  Node* b = new_node();
  root->a = Value::object(a);  // root owns a
  a->a = Value::object(b);     // a owns b
  b->a = Value::object(a);
  incref(a);
  EXPECT_EQ(gc_collect(), 0u);
  EXPECT_EQ(deallocs, 0);
  decref(root);  // frees root; a<->b now garbage
  EXPECT_EQ(deallocs, 1);
  EXPECT_EQ(gc_collect(), 2u);
  EXPECT_EQ(deallocs, 3);
}

TEST_F(GcTest, FinalizersRunOnceAndMayResurrect) {
  Node* a = new_node(&del_node_type);
  a->a = Value::object(a);  // self cycle
  incref(a);
  resurrect = true;
  decref(a);
  EXPECT_EQ(gc_collect(), 0u);  // resurrected: nothing collected (as CPython 3.11 reports)
  EXPECT_EQ(finalizes, 1);
  EXPECT_EQ(deallocs, 0);
  EXPECT_TRUE(gc_is_finalized(a));
  ASSERT_TRUE(saved.is(Value::object(a)));
  resurrect = false;
  decref(saved);
  saved = Value();
  EXPECT_EQ(gc_collect(), 1u);  // finalizer not called a second time
  EXPECT_EQ(finalizes, 1);
  EXPECT_EQ(deallocs, 1);
}

TEST_F(GcTest, FinalizerOnDeallocAndResurrection) {
  Node* a = new_node(&del_node_type);
  resurrect = true;
  decref(a);
  EXPECT_EQ(finalizes, 1);
  EXPECT_EQ(deallocs, 0);
  EXPECT_EQ(a->refcount, 1u);
  resurrect = false;
  decref(saved);
  EXPECT_EQ(finalizes, 1);
  EXPECT_EQ(deallocs, 1);
}

TEST_F(GcTest, DeepChainsDoNotOverflowTheStack) {
  Node* head = new_node();
  Node* tail = head;
  for (int i = 0; i < 1000000; ++i) {
    Node* next = new_node();
    tail->a = Value::object(next);
    tail = next;
  }
  EXPECT_EQ(gc_collect(), 0u);  // marking is iterative too
  decref(head);
  EXPECT_EQ(deallocs, 1000001);
}

TEST_F(GcTest, GenerationsAndCounts) {
  EXPECT_EQ(gc_get_threshold(0), 700);
  EXPECT_EQ(gc_get_threshold(1), 10);
  EXPECT_EQ(gc_get_threshold(2), 10);
  gc_collect();
  int64_t before = gc_get_count(0);
  Node* a = new_node();
  EXPECT_EQ(gc_get_count(0), before + 1);
  decref(a);
  EXPECT_EQ(gc_get_count(0), before);
  gc_collect(0);
  EXPECT_EQ(gc_get_count(0), 0);
  EXPECT_EQ(gc_get_count(1), 1);
  size_t collections = gc_get_stats(0).collections;
  gc_collect(0);
  EXPECT_EQ(gc_get_stats(0).collections, collections + 1);
}

TEST_F(GcTest, AutomaticCollection) {
  gc_set_enabled(true);
  size_t before = gc_get_stats(0).collections + gc_get_stats(1).collections + gc_get_stats(2).collections;
  for (int i = 0; i < 100000; ++i) {
    Node* a = new_node();
    a->a = Value::object(a);  // cyclic garbage
  }
  size_t after = gc_get_stats(0).collections + gc_get_stats(1).collections + gc_get_stats(2).collections;
  EXPECT_GT(after, before + 100);
  EXPECT_GT(deallocs, 99000);
  gc_collect();
  EXPECT_EQ(deallocs, 100000);
}

TEST_F(GcTest, FreezeAndReferents) {
  Node* a = new_node();
  Node* b = new_node();
  a->a = Value::object(b);
  a->b = Value::small_int(1);
  std::vector<Value> referents = gc_get_referents(a);
  ASSERT_EQ(referents.size(), 2u);  // immediates too: CPython's ints are objects it visits
  EXPECT_TRUE(referents[0].is(Value::object(b)));
  EXPECT_TRUE(referents[1].is(Value::small_int(1)));
  Value target = Value::object(b);
  std::vector<Object*> referrers = gc_get_referrers(&target, 1);
  ASSERT_EQ(referrers.size(), 1u);
  EXPECT_EQ(referrers[0], a);
  gc_freeze();
  EXPECT_GE(gc_get_freeze_count(), 2u);
  EXPECT_TRUE(gc_get_objects().empty());
  gc_unfreeze();
  EXPECT_EQ(gc_get_freeze_count(), 0u);
  decref(a);
  EXPECT_EQ(deallocs, 2);
}

}  // namespace
