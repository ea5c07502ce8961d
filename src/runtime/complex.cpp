// complex: arithmetic, comparison, hashing, repr, complex() parsing and complex_type.
#include "runtime/complex.h"

#include <cerrno>
#include <cmath>
#include <string>

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/int_internal.h"
#include "runtime/memory.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "support/float_repr.h"

namespace krait::runtime {

TypeObject complex_type;

bool parse_double(std::string_view s, double* out);

namespace {

struct C {
  double r, i;
};

Value make(TypeObject* type, C c) {
  Object* memory = allocate_object(type, type->basic_size ? type->basic_size : sizeof(ComplexObject));
  if (memory == nullptr) return Value();
  auto* object = static_cast<ComplexObject*>(memory);
  object->real = c.r;
  object->imag = c.i;
  return Value::object(object);
}

// 1 converted, 0 not a number (NotImplemented), -1 error.
int operand(Value v, C* out) {
  if (is_complex(v)) {
    *out = {complex_real(v), complex_imag(v)};
    return 1;
  }
  if (is_float(v)) {
    *out = {float_value(v), 0.0};
    return 1;
  }
  if (is_int(v)) {
    double d;
    if (!int_to_double(v, &d)) return -1;
    *out = {d, 0.0};
    return 1;
  }
  return 0;
}

#define KRAIT_COMPLEX_OPERANDS(a, b, x, y)                      \
  C x, y;                                                        \
  {                                                              \
    int ra = operand(a, &x);                                     \
    if (ra <= 0) return ra < 0 ? Value() : new_not_implemented(); \
    int rb = operand(b, &y);                                     \
    if (rb <= 0) return rb < 0 ? Value() : new_not_implemented(); \
  }

C c_mul(C a, C b) { return {a.r * b.r - a.i * b.i, a.r * b.i + a.i * b.r}; }

// Smith's algorithm (scales by the larger component of the divisor). ok=false on b == 0.
C c_quot(C a, C b, bool* ok) {
  *ok = true;
  double abs_br = std::fabs(b.r), abs_bi = std::fabs(b.i);
  if (abs_br >= abs_bi) {
    if (abs_br == 0.0) {
      *ok = false;
      return {0.0, 0.0};
    }
    double ratio = b.i / b.r;
    double denom = b.r + b.i * ratio;
    return {(a.r + a.i * ratio) / denom, (a.i - a.r * ratio) / denom};
  }
  if (abs_bi >= abs_br) {
    double ratio = b.r / b.i;
    double denom = b.r * ratio + b.i;
    return {(a.r * ratio + a.i) / denom, (a.i * ratio - a.r) / denom};
  }
  return {NAN, NAN};  // a NaN component
}

C c_powu(C x, long n) {
  C r = {1.0, 0.0}, p = x;
  long mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = c_mul(r, p);
    mask <<= 1;
    p = c_mul(p, p);
  }
  return r;
}

Value complex_add(Value a, Value b) {
  KRAIT_COMPLEX_OPERANDS(a, b, x, y);
  return make(&complex_type, {x.r + y.r, x.i + y.i});
}
Value complex_sub(Value a, Value b) {
  KRAIT_COMPLEX_OPERANDS(a, b, x, y);
  return make(&complex_type, {x.r - y.r, x.i - y.i});
}
Value complex_mul(Value a, Value b) {
  KRAIT_COMPLEX_OPERANDS(a, b, x, y);
  return make(&complex_type, c_mul(x, y));
}
Value complex_div(Value a, Value b) {
  KRAIT_COMPLEX_OPERANDS(a, b, x, y);
  bool ok;
  C r = c_quot(x, y, &ok);
  if (!ok) return raise(exc::ZeroDivisionError, "complex division by zero");
  return make(&complex_type, r);
}

Value complex_pow(Value a, Value b, Value c) {
  if (!c.is_null() && !c.is(none())) return raise(exc::ValueError, "complex modulo");
  KRAIT_COMPLEX_OPERANDS(a, b, x, y);
  return complex_power_doubles(x.r, x.i, y.r, y.i);
}

Value complex_neg(Value a) { return make(&complex_type, {-complex_real(a), -complex_imag(a)}); }
Value complex_pos(Value a) { return make(&complex_type, {complex_real(a), complex_imag(a)}); }
Value complex_abs(Value a) {
  double r = complex_real(a), i = complex_imag(a);
  if (std::isinf(r) || std::isinf(i)) return float_from_double(HUGE_VAL);
  if (std::isnan(r) || std::isnan(i)) return float_from_double(NAN);
  double h = std::hypot(r, i);
  if (std::isinf(h)) return raise(exc::OverflowError, "absolute value too large");
  return float_from_double(h);
}
int complex_bool(Value a) { return complex_real(a) != 0.0 || complex_imag(a) != 0.0; }

Value complex_richcompare(Value a, Value b, CompareOp op) {
  if (op != CompareOp::Eq && op != CompareOp::Ne) return new_not_implemented();
  if (!is_complex(a)) return new_not_implemented();
  bool equal;
  if (is_complex(b)) {
    equal = complex_real(a) == complex_real(b) && complex_imag(a) == complex_imag(b);
  } else if (is_int(b) || is_float(b)) {
    if (complex_imag(a) != 0.0) {
      equal = false;
    } else {
      Ref eq = Ref::steal(float_richcompare(float_from_double(complex_real(a)), b, CompareOp::Eq));
      if (!eq) return Value();
      equal = eq.get().is(true_value());
    }
  } else {
    return new_not_implemented();
  }
  return new_ref(bool_value(op == CompareOp::Eq ? equal : !equal));
}

int64_t complex_hash(Value a) {
  uint64_t hr = static_cast<uint64_t>(hash_double(complex_real(a)));
  uint64_t hi = static_cast<uint64_t>(hash_double(complex_imag(a)));
  int64_t h = static_cast<int64_t>(hr + static_cast<uint64_t>(kHashImag) * hi);
  if (std::isnan(complex_real(a)) || std::isnan(complex_imag(a))) {
    h = static_cast<int64_t>(reinterpret_cast<uint64_t>(a.as_object()) >> 4);
  }
  return h == -1 ? -2 : h;
}

// repr of one part: float repr without a trailing ".0".
std::string part_repr(double d) {
  std::string s = krait::float_repr(d);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

Value complex_repr(Value a) {
  double r = complex_real(a), i = complex_imag(a);
  if (r == 0.0 && !std::signbit(r)) return str_from_ascii(krait::imaginary_repr(i));
  std::string imag = part_repr(i);
  if (imag[0] != '-') imag = "+" + imag;
  return str_from_ascii("(" + part_repr(r) + imag + "j)");
}

// complex(text): [space] ["("] [space] number [space] [")"] [space].
bool parse_complex(std::string_view s, C* out) {
  auto strip = [](std::string_view& v) {
    while (!v.empty() && is_ascii_space(v.front())) v.remove_prefix(1);
    while (!v.empty() && is_ascii_space(v.back())) v.remove_suffix(1);
  };
  strip(s);
  if (!s.empty() && s.front() == '(') {
    if (s.back() != ')') return false;
    s = s.substr(1, s.size() - 2);
    strip(s);
  }
  if (s.empty()) return false;
  if (s.back() != 'j' && s.back() != 'J') {
    double r;
    if (!parse_double(s, &r)) return false;
    *out = {r, 0.0};
    return true;
  }
  std::string_view body = s.substr(0, s.size() - 1);
  // Find where the imaginary part starts: the last sign not after an 'e'.
  size_t split = std::string_view::npos;
  for (size_t k = body.size(); k-- > 0;) {
    if ((body[k] == '+' || body[k] == '-') && (k == 0 || (body[k - 1] | 0x20) != 'e')) {
      split = k;
      break;
    }
  }
  std::string_view real_text = split == std::string_view::npos ? std::string_view() : body.substr(0, split);
  std::string_view imag_text = split == std::string_view::npos ? body : body.substr(split);
  double r = 0.0, i;
  if (!real_text.empty() && !parse_double(real_text, &r)) return false;
  if (imag_text.empty() || imag_text == "+") i = 1.0;
  else if (imag_text == "-") i = -1.0;
  else if (!parse_double(imag_text, &i)) return false;
  *out = {r, i};
  return true;
}

// The value of a complex() argument: 2 when it is complex (a complex, or __complex__'s result),
// 1 for a real number, -1 error (message by position).
int argument_value(Value v, C* out, bool first) {
  if (is_complex(v)) {
    *out = {complex_real(v), complex_imag(v)};
    return 2;
  }
  Ref method = Ref::steal(lookup_special(v, "__complex__"));
  if (method) {
    Ref r = Ref::steal(call_no_args(method.get()));
    if (!r) return -1;
    if (!is_complex(r.get())) {
      raise_format(exc::TypeError, "__complex__ returned non-complex (type %s)", type_name_of(r.get()));
      return -1;
    }
    *out = {complex_real(r.get()), complex_imag(r.get())};
    return 2;
  }
  if (error_occurred()) return -1;
  TypeObject* t = type_of(v);
  if (!is_float(v) && !is_int(v) && !t->number.float_ && !t->number.index) {
    if (first)
      raise_format(exc::TypeError, "complex() first argument must be a string or a number, not '%s'",
                   t->name.c_str());
    else
      raise_format(exc::TypeError, "complex() second argument must be a number, not '%s'", t->name.c_str());
    return -1;
  }
  double d;
  if (!as_double(v, &d)) return -1;
  *out = {d, 0.0};
  return 1;
}

Value complex_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  if (!parse_args("complex", args, nargs, kwnames, {"real", "imag"}, 0, 2, 0, a)) return Value();
  if (a[0].is_null()) a[0] = Value::small_int(0);
  if (is_str(a[0])) {
    if (!a[1].is_null())
      return raise(exc::TypeError, "complex() can't take second arg if first is a string");
    std::string text;
    numeric_text(a[0], &text);
    C c;
    if (!parse_complex(text, &c)) return raise(exc::ValueError, "complex() arg is a malformed string");
    return make(type, c);
  }
  if (!a[1].is_null() && is_str(a[1])) return raise(exc::TypeError, "complex() second arg can't be a string");
  if (type == &complex_type && a[1].is_null() && a[0].is_object() && a[0].as_object()->type == &complex_type)
    return new_ref(a[0]);
  C r, i = {0.0, 0.0};
  int first = argument_value(a[0], &r, true);
  if (first < 0) return Value();
  if (!a[1].is_null() && argument_value(a[1], &i, false) < 0) return Value();
  // real + imag*1j, adding only the parts that exist (so -0.0 survives: complex(-0.0, -0.0)).
  double real = r.r, imag = i.r;
  if (!a[1].is_null() && is_complex(a[1])) real -= i.i;
  if (first == 2) imag = a[1].is_null() ? r.i : imag + r.i;
  return make(type, {real, imag});
}

Value complex_conjugate(Value self) { return make(&complex_type, {complex_real(self), -complex_imag(self)}); }
// complex.__complex__: the exact complex of the same value (subclasses included).
Value complex_complex(Value self) { return make(&complex_type, {complex_real(self), complex_imag(self)}); }
Value complex_getnewargs(Value self) {
  return tuple_pack({float_from_double(complex_real(self)), float_from_double(complex_imag(self))});
}
Value complex_format_method(Value self, Value spec) {
  if (!is_str(spec))
    return raise_format(exc::TypeError, "__format__() argument must be str, not %s", type_name_of(spec));
  if (str_length(spec) == 0) return str(self);
  return complex_format_spec(complex_real(self), complex_imag(self), spec);
}
Value complex_get_real(Value self) { return float_from_double(complex_real(self)); }
Value complex_get_imag(Value self) { return float_from_double(complex_imag(self)); }

const MethodDef complex_methods[] = {
    {"conjugate", (void*)complex_conjugate, MethodKind::NoArgs},
    {"__complex__", (void*)complex_complex, MethodKind::NoArgs},
    {"__getnewargs__", (void*)complex_getnewargs, MethodKind::NoArgs},
    {"__format__", (void*)complex_format_method, MethodKind::OneArg},
    {nullptr, nullptr, MethodKind::NoArgs},
};

const GetSetDef complex_getsets[] = {
    {"real", complex_get_real},
    {"imag", complex_get_imag},
    {nullptr, nullptr},
};

}  // namespace

Value complex_from_doubles(double real, double imag) { return make(&complex_type, {real, imag}); }

bool is_complex(Value v) { return v.is_object() && is_subtype(v.as_object()->type, &complex_type); }

// CPython's complex_pow: small integral exponents by repeated multiplication, others through
// polar form; errors come from errno as the C library leaves it (cos(inf) is EDOM, so
// (inf+1j)**1j raises ZeroDivisionError there too), then an infinite part means ERANGE.
Value complex_power_doubles(double ar, double ai, double br, double bi) {
  C a = {ar, ai}, b = {br, bi}, r;
  errno = 0;
  if (b.i == 0.0 && b.r == std::floor(b.r) && std::fabs(b.r) <= 100.0) {
    long n = static_cast<long>(b.r);
    if (n >= 0) {
      r = c_powu(a, n);
    } else {
      bool ok;
      r = c_quot({1.0, 0.0}, c_powu(a, -n), &ok);
      if (!ok) errno = EDOM;
    }
  } else if (b.r == 0.0 && b.i == 0.0) {
    r = {1.0, 0.0};
  } else if (a.r == 0.0 && a.i == 0.0) {
    if (b.i != 0.0 || b.r < 0.0) errno = EDOM;
    r = {0.0, 0.0};
  } else {
    double vabs = std::hypot(a.r, a.i);
    double len = std::pow(vabs, b.r);
    double at = std::atan2(a.i, a.r);
    double phase = at * b.r;
    if (b.i != 0.0) {
      len /= std::exp(at * b.i);
      phase += b.i * std::log(vabs);
    }
    r = {len * std::cos(phase), len * std::sin(phase)};
  }
  if (std::isinf(r.r) || std::isinf(r.i)) {
    if (errno == 0) errno = ERANGE;
  } else if (errno == ERANGE) {
    errno = 0;
  }
  if (errno == EDOM) return raise(exc::ZeroDivisionError, "0.0 to a negative or complex power");
  if (errno == ERANGE) return raise(exc::OverflowError, "complex exponentiation");
  return make(&complex_type, r);
}

void init_complex_type() {
  TypeObject& t = complex_type;
  init_number_static_type(t, "complex", &object_type, sizeof(ComplexObject), TypeFlag::BaseType);
  t.repr = complex_repr;
  t.hash = complex_hash;
  t.richcompare = complex_richcompare;
  t.new_ = complex_new;
  NumberSlots& n = t.number;
  n.add = complex_add;
  n.subtract = complex_sub;
  n.multiply = complex_mul;
  n.true_divide = complex_div;
  n.power = complex_pow;
  n.negative = complex_neg;
  n.positive = complex_pos;
  n.absolute = complex_abs;
  n.bool_ = complex_bool;
  add_methods(&t, complex_methods);
  add_getsets(&t, complex_getsets);
  type_ready(&t);
}

}  // namespace krait::runtime
