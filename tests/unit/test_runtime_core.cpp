// The type system and generic operations (core): singletons, classes made by type(), MRO,
// attribute lookup, binary/comparison dispatch and CPython's error messages.
#include <gtest/gtest.h>

#include <string>

#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/descriptors.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace {

using namespace krait::runtime;

class Core : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { init_runtime(); }
};

std::string text(Value v) {
  Ref s = Ref::steal(str(v));
  return s ? std::string(str_utf8(s.get())) : "<error>";
}

std::string repr_of(Value v) {
  Ref s = Ref::steal(repr(v));
  return s ? std::string(str_utf8(s.get())) : "<error>";
}

// "TypeName: message" of the current exception, which is cleared.
std::string take_error() {
  Ref e = fetch_exception();
  if (!e) return "<no error>";
  return type_of(e.get())->name + ": " + text(e.get());
}

Ref name(const char* s) { return Ref::steal(str_from_utf8(s)); }

// type(name, bases, ns)
Ref make_class(const char* n, std::initializer_list<Value> bases, Value ns = Value()) {
  Ref dict = ns ? Ref::borrow(ns) : Ref::steal(dict_new());
  Ref b = Ref::steal(tuple_pack(bases));
  Ref nm = name(n);
  Value args[3] = {nm.get(), b.get(), dict.get()};
  return Ref::steal(call(Value::object(&type_type), args, 3));
}

TEST_F(Core, Singletons) {
  EXPECT_EQ(repr_of(none()), "None");
  EXPECT_EQ(repr_of(not_implemented()), "NotImplemented");
  EXPECT_EQ(repr_of(ellipsis()), "Ellipsis");
  EXPECT_EQ(is_true(none()), 0);
  EXPECT_EQ(type_of(none())->name, "NoneType");
  Ref r = Ref::steal(call(Value::object(&none_type), nullptr, 0));
  EXPECT_TRUE(r.get().is(none()));
  Value one = Value::small_int(1);
  EXPECT_FALSE(call(Value::object(&none_type), &one, 1));
  EXPECT_EQ(take_error(), "TypeError: NoneType takes no arguments");
}

TEST_F(Core, ObjectBasics) {
  Ref o = Ref::steal(call(Value::object(&object_type), nullptr, 0));
  ASSERT_TRUE(o);
  EXPECT_EQ(repr_of(o.get()).rfind("<object object at 0x", 0), 0u);
  Value one = Value::small_int(1);
  EXPECT_FALSE(call(Value::object(&object_type), &one, 1));
  EXPECT_EQ(take_error(), "TypeError: object() takes no arguments");
  EXPECT_FALSE(get_attr(o.get(), "x"));
  EXPECT_EQ(take_error(), "AttributeError: 'object' object has no attribute 'x'");
  Ref x = name("x");
  EXPECT_EQ(set_attr(o.get(), x.get(), one), -1);
  EXPECT_EQ(take_error(), "AttributeError: 'object' object has no attribute 'x'");
}

TEST_F(Core, ClassesAndInstances) {
  Ref a = make_class("A", {});
  ASSERT_TRUE(a) << take_error();
  EXPECT_EQ(repr_of(a.get()), "<class 'A'>");  // no __module__ without a calling frame
  Ref inst = Ref::steal(call_no_args(a.get()));
  ASSERT_TRUE(inst);
  Ref x = name("x");
  ASSERT_EQ(set_attr(inst.get(), x.get(), Value::small_int(5)), 0);
  Ref v = Ref::steal(get_attr(inst.get(), x.get()));
  EXPECT_EQ(repr_of(v.get()), "5");
  Ref d = Ref::steal(get_attr(inst.get(), "__dict__"));
  EXPECT_EQ(repr_of(d.get()), "{'x': 5}");
  Value one = Value::small_int(1);
  EXPECT_FALSE(call(a.get(), &one, 1));
  EXPECT_EQ(take_error(), "TypeError: A() takes no arguments");
  EXPECT_FALSE(get_attr(inst.get(), "y"));
  EXPECT_EQ(take_error(), "AttributeError: 'A' object has no attribute 'y'");
  EXPECT_FALSE(get_attr(a.get(), "y"));
  EXPECT_EQ(take_error(), "AttributeError: type object 'A' has no attribute 'y'");
  EXPECT_EQ(object_is_instance(inst.get(), a.get()), 1);
  EXPECT_EQ(object_is_instance(one, a.get()), 0);
}

TEST_F(Core, Mro) {
  Ref a = make_class("A", {});
  Ref b = make_class("B", {a.get()});
  Ref c = make_class("C", {a.get()});
  Ref d = make_class("D", {b.get(), c.get()});
  ASSERT_TRUE(d);
  Ref mro = Ref::steal(get_attr(d.get(), "__mro__"));
  EXPECT_EQ(repr_of(mro.get()), "(<class 'D'>, <class 'B'>, <class 'C'>, <class 'A'>, <class 'object'>)");
  EXPECT_FALSE(make_class("X", {a.get(), b.get()}));
  EXPECT_EQ(take_error(), "TypeError: Cannot create a consistent method resolution\norder (MRO) for bases A, B");
  EXPECT_FALSE(make_class("Y", {Value::object(&bool_type)}));
  EXPECT_EQ(take_error(), "TypeError: type 'bool' is not an acceptable base type");
  EXPECT_EQ(object_is_subclass(d.get(), a.get()), 1);
  EXPECT_EQ(object_is_subclass(a.get(), d.get()), 0);
}

TEST_F(Core, SlotsAndDescriptors) {
  Ref ns = Ref::steal(dict_new());
  Ref slots = Ref::steal(tuple_pack({name("a").get()}));
  dict_set_item_str(ns.get(), "__slots__", slots.get());
  Ref s = make_class("S", {}, ns.get());
  ASSERT_TRUE(s) << take_error();
  Ref inst = Ref::steal(call_no_args(s.get()));
  EXPECT_FALSE(get_attr(inst.get(), "a"));
  EXPECT_EQ(take_error(), "AttributeError: 'S' object has no attribute 'a'");
  Ref a = name("a");
  ASSERT_EQ(set_attr(inst.get(), a.get(), Value::small_int(3)), 0);
  Ref v = Ref::steal(get_attr(inst.get(), a.get()));
  EXPECT_EQ(repr_of(v.get()), "3");
  Ref b = name("b");
  EXPECT_EQ(set_attr(inst.get(), b.get(), Value::small_int(3)), -1);
  EXPECT_EQ(take_error(), "AttributeError: 'S' object has no attribute 'b'");
}

TEST_F(Core, BinaryAndCompareErrors) {
  Ref s = name("a");
  EXPECT_FALSE(binary_op(Value::small_int(1), s.get(), BinaryOp::Add));
  EXPECT_EQ(take_error(), "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
  EXPECT_FALSE(binary_op(Value::small_int(1), s.get(), BinaryOp::InplaceSubtract));
  EXPECT_EQ(take_error(), "TypeError: unsupported operand type(s) for -=: 'int' and 'str'");
  EXPECT_FALSE(binary_op(Value::small_int(1), s.get(), BinaryOp::Power));
  EXPECT_EQ(take_error(), "TypeError: unsupported operand type(s) for ** or pow(): 'int' and 'str'");
  EXPECT_FALSE(rich_compare(s.get(), Value::small_int(1), CompareOp::Lt));
  EXPECT_EQ(take_error(), "TypeError: '<' not supported between instances of 'str' and 'int'");
  Ref eq = Ref::steal(rich_compare(s.get(), Value::small_int(1), CompareOp::Eq));
  EXPECT_TRUE(eq.get().is(false_value()));
  EXPECT_FALSE(unary_negative(s.get()));
  EXPECT_EQ(take_error(), "TypeError: bad operand type for unary -: 'str'");
  Ref sum = Ref::steal(binary_op(Value::small_int(2), Value::small_int(3), BinaryOp::Add));
  EXPECT_EQ(repr_of(sum.get()), "5");
  Ref rep = Ref::steal(binary_op(s.get(), Value::small_int(3), BinaryOp::Multiply));
  EXPECT_EQ(repr_of(rep.get()), "'aaa'");
}

TEST_F(Core, OtherErrors) {
  Value one = Value::small_int(1);
  EXPECT_FALSE(call(one, nullptr, 0));
  EXPECT_EQ(take_error(), "TypeError: 'int' object is not callable");
  EXPECT_FALSE(get_iter(one));
  EXPECT_EQ(take_error(), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(length(one), -1);
  EXPECT_EQ(take_error(), "TypeError: object of type 'int' has no len()");
  EXPECT_FALSE(get_item(one, one));
  EXPECT_EQ(take_error(), "TypeError: 'int' object is not subscriptable");
  Ref l = Ref::steal(list_new(0));
  EXPECT_EQ(hash(l.get()), -1);
  EXPECT_EQ(take_error(), "TypeError: unhashable type: 'list'");
  EXPECT_EQ(contains(one, one), -1);
  EXPECT_EQ(take_error(), "TypeError: argument of type 'int' is not iterable");
  EXPECT_FALSE(iter_next(one));
  EXPECT_EQ(take_error(), "TypeError: 'int' object is not an iterator");
}

TEST_F(Core, BuiltinDescriptors) {
  Ref add = Ref::steal(get_attr(Value::object(&int_type), "__add__"));
  EXPECT_EQ(repr_of(add.get()), "<slot wrapper '__add__' of 'int' objects>");
  Value args[2] = {Value::small_int(2), Value::small_int(5)};
  Ref seven = Ref::steal(call(add.get(), args, 2));
  EXPECT_EQ(repr_of(seven.get()), "7");
  Ref append = Ref::steal(get_attr(Value::object(&list_type), "append"));
  EXPECT_EQ(repr_of(append.get()), "<method 'append' of 'list' objects>");
  EXPECT_FALSE(call(append.get(), nullptr, 0));
  EXPECT_EQ(take_error(), "TypeError: unbound method list.append() needs an argument");
  Ref l = Ref::steal(list_new(0));
  Ref bound = Ref::steal(get_attr(l.get(), "append"));
  EXPECT_FALSE(call(bound.get(), nullptr, 0));
  EXPECT_EQ(take_error(), "TypeError: list.append() takes exactly one argument (0 given)");
  Ref d = Ref::steal(get_attr(Value::object(&type_type), "__dict__"));
  EXPECT_EQ(repr_of(d.get()).rfind("mappingproxy({", 0), 0u);
}

TEST_F(Core, Super) {
  Ref a = make_class("A", {});
  Ref b = make_class("B", {a.get()});
  Ref inst = Ref::steal(call_no_args(b.get()));
  Ref sup = Ref::steal(super_new(static_cast<TypeObject*>(b.get().as_object()), inst.get()));
  ASSERT_TRUE(sup);
  EXPECT_EQ(repr_of(sup.get()), "<super: <class 'B'>, <B object>>");
  EXPECT_FALSE(get_attr(sup.get(), "zz"));
  EXPECT_EQ(take_error(), "AttributeError: 'super' object has no attribute 'zz'");
  EXPECT_FALSE(super_new(static_cast<TypeObject*>(b.get().as_object()), Value::small_int(1)));
  EXPECT_EQ(take_error(), "TypeError: super(type, obj): obj must be an instance or subtype of type");
}

}  // namespace
