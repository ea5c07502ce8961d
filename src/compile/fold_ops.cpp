#include "compile/fold_ops.h"

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdint>
#include <string>

namespace krait::compile {

using bytecode::Constant;
using bytecode::ConstRef;
using Kind = Constant::Kind;

namespace {

// CPython's optimizer limits (Python/ast_opt.c): results that might be large are not folded.
constexpr size_t kMaxIntBits = 128;         // int results of *, ** and <<
constexpr long kMaxCollectionSize = 256;    // tuple repetition
constexpr long kMaxStrSize = 4096;          // str/bytes repetition (characters)
constexpr long kMaxTotalItems = 1024;       // tuple repetition, nested items included

bool is_int(const Constant& c) { return c.kind == Kind::Int || c.kind == Kind::True || c.kind == Kind::False; }
bool is_number(const Constant& c) { return is_int(c) || c.kind == Kind::Float || c.kind == Kind::Complex; }

mpz_class int_of(const Constant& c) {
  if (c.kind == Kind::True) return 1;
  if (c.kind == Kind::False) return 0;
  return c.int_value;
}

size_t num_bits(const mpz_class& v) { return v == 0 ? 0 : mpz_sizeinbase(v.get_mpz_t(), 2); }

// Code points in a UTF-8 string (lone surrogates are 3-byte sequences: one code point each).
size_t code_points(const std::string& utf8) {
  size_t n = 0;
  for (unsigned char ch : utf8) n += (ch & 0xC0) != 0x80;
  return n;
}

// ---- Rounding integers to doubles ----

// The double nearest m * 2**exp (m >= 0), ties to even; `sticky` says nonzero bits below m were
// dropped. False on overflow.
bool round_to_double(const mpz_class& m, long exp, bool sticky, double& out) {
  long len = static_cast<long>(num_bits(m));
  if (len == 0) {
    out = 0.0;
    return true;
  }
  long top = len - 1 + exp;              // exponent of the leading bit
  if (top > 1023) return false;
  long keep = top >= -1022 ? 53 : top + 1075;  // fewer bits for subnormal results
  if (keep < 0) {
    out = 0.0;
    return true;
  }
  long drop = len - keep;
  mpz_class mant;
  if (drop <= 0) {
    mant = m;
    drop = 0;
  } else {
    mpz_fdiv_q_2exp(mant.get_mpz_t(), m.get_mpz_t(), drop);
    mpz_class rest;
    mpz_fdiv_r_2exp(rest.get_mpz_t(), m.get_mpz_t(), drop);
    mpz_class half;
    mpz_setbit(half.get_mpz_t(), drop - 1);
    int cmp = mpz_cmp(rest.get_mpz_t(), half.get_mpz_t());
    bool up = cmp > 0 || (cmp == 0 && (sticky || mpz_odd_p(mant.get_mpz_t())));
    if (up) mant += 1;
  }
  out = std::ldexp(mant.get_d(), static_cast<int>(exp + drop));
  return !std::isinf(out);
}

// a / b correctly rounded (b != 0), as Python's int true division.
bool int_true_divide(const mpz_class& a, const mpz_class& b, double& out) {
  bool negative = (sgn(a) < 0) != (sgn(b) < 0);
  mpz_class x = abs(a), y = abs(b);
  if (x == 0) {
    out = negative ? -0.0 : 0.0;
    return true;
  }
  long shift = 55 + static_cast<long>(num_bits(y)) - static_cast<long>(num_bits(x));
  if (shift > 0) mpz_mul_2exp(x.get_mpz_t(), x.get_mpz_t(), shift);
  else if (shift < 0) mpz_mul_2exp(y.get_mpz_t(), y.get_mpz_t(), -shift);
  mpz_class q, r;
  mpz_fdiv_qr(q.get_mpz_t(), r.get_mpz_t(), x.get_mpz_t(), y.get_mpz_t());
  if (!round_to_double(q, -shift, r != 0, out)) return false;
  if (negative) out = -out;
  return true;
}

// ---- Numbers ----

// A number widened as Python's mixed arithmetic widens it.
struct Num {
  enum Level { Int, Float, Complex } level = Int;
  mpz_class i;
  double re = 0.0, im = 0.0;
};

bool to_num(const Constant& c, Num::Level level, Num& out) {
  out.level = level;
  if (is_int(c)) {
    if (level == Num::Int) {
      out.i = int_of(c);
      return true;
    }
    out.im = 0.0;
    return int_to_double(int_of(c), out.re);  // OverflowError: int too large to convert to float
  }
  if (c.kind == Kind::Float) {
    out.re = c.real;
    out.im = 0.0;
    return true;
  }
  out.re = c.real;
  out.im = c.imag;
  return true;
}

Num::Level level_of(const Constant& c) {
  if (c.kind == Kind::Complex) return Num::Complex;
  if (c.kind == Kind::Float) return Num::Float;
  return Num::Int;
}

// Python's float % and // (floatobject.c's divmod).
void float_divmod(double vx, double wx, double& floordiv, double& mod) {
  mod = std::fmod(vx, wx);
  double div = (vx - mod) / wx;
  if (mod != 0.0) {
    if ((wx < 0) != (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, wx);
  }
  if (div != 0.0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, vx / wx);
  }
}

bool is_odd_integer(double x) { return std::fmod(std::fabs(x), 2.0) == 1.0; }

struct Cx {
  double re, im;
};

Cx c_prod(Cx a, Cx b) { return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }

// Python's complex division (Smith's method); false on division by zero.
bool c_quot(Cx a, Cx b, Cx& r) {
  double abs_breal = std::fabs(b.re), abs_bimag = std::fabs(b.im);
  if (abs_breal >= abs_bimag) {
    if (abs_breal == 0.0) return false;
    double ratio = b.im / b.re;
    double denom = b.re + b.im * ratio;
    r = {(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
  } else if (abs_bimag >= abs_breal) {
    double ratio = b.re / b.im;
    double denom = b.re * ratio + b.im;
    r = {(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
  } else {
    r = {NAN, NAN};  // a NaN in b
  }
  return true;
}

// CPython's check after a libm computation (_Py_ADJUST_ERANGE2 then errno): an infinite
// result is an overflow, an underflow to zero is fine, and any other error the math library
// reported in errno (cos(inf) is a domain error) makes Python raise.
bool math_ok(double x, double y) {
  if (std::isinf(x) || std::isinf(y)) {
    if (errno == 0) errno = ERANGE;
  } else if (errno == ERANGE) {
    errno = 0;
  }
  return errno == 0;
}

// Python's complex ** (complexobject.c); false where Python raises.
bool c_pow(Cx a, Cx b, Cx& r) {
  errno = 0;
  bool domain_error = false;
  auto general = [&](Cx x, Cx y) -> Cx {
    if (y.re == 0.0 && y.im == 0.0) return {1.0, 0.0};
    if (x.re == 0.0 && x.im == 0.0) {
      if (y.im != 0.0 || y.re < 0.0) domain_error = true;
      return {0.0, 0.0};
    }
    double vabs = std::hypot(x.re, x.im);
    double len = std::pow(vabs, y.re);
    double at = std::atan2(x.im, x.re);
    double phase = at * y.re;
    if (y.im != 0.0) {
      len /= std::exp(at * y.im);
      phase += y.im * std::log(vabs);
    }
    return {len * std::cos(phase), len * std::sin(phase)};
  };
  auto powu = [](Cx x, long n) -> Cx {
    Cx result{1.0, 0.0}, p = x;
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
      if (n & mask) result = c_prod(result, p);
      p = c_prod(p, p);
    }
    return result;
  };
  double truncated = std::trunc(b.re);
  bool small_int = b.im == 0.0 && std::fabs(b.re) < 1e18 && b.re == truncated;
  if (small_int) {
    long n = static_cast<long>(truncated);
    if (n > 100 || n < -100) {
      r = general(a, {static_cast<double>(n), 0.0});
    } else if (n > 0) {
      r = powu(a, n);
    } else if (!c_quot({1.0, 0.0}, powu(a, -n), r)) {
      domain_error = true;
      r = {0.0, 0.0};
    }
  } else {
    r = general(a, b);
  }
  if (domain_error) return false;  // ZeroDivisionError
  return math_ok(r.re, r.im);      // OverflowError, or ZeroDivisionError for EDOM
}

// Python's float ** (floatobject.c float_pow). May produce a complex (negative base, fractional
// exponent). False where Python raises.
ConstRef float_pow(double iv, double iw) {
  if (iw == 0.0) return Constant::floating(1.0);
  if (std::isnan(iv)) return Constant::floating(iv);
  if (std::isnan(iw)) return Constant::floating(iv == 1.0 ? 1.0 : iw);
  if (std::isinf(iw)) {
    iv = std::fabs(iv);
    if (iv == 1.0) return Constant::floating(1.0);
    if ((iw > 0.0) == (iv > 1.0)) return Constant::floating(std::fabs(iw));
    return Constant::floating(0.0);
  }
  if (std::isinf(iv)) {
    bool odd = is_odd_integer(iw);
    if (iw > 0.0) return Constant::floating(odd ? iv : std::fabs(iv));
    return Constant::floating(odd ? std::copysign(0.0, iv) : 0.0);
  }
  if (iv == 0.0) {
    if (iw < 0.0) return nullptr;  // ZeroDivisionError
    return Constant::floating(is_odd_integer(iw) ? iv : 0.0);
  }
  if (iv == 1.0) return Constant::floating(1.0);
  bool negate = false;
  if (iv < 0.0) {
    if (iw != std::floor(iw)) {
      Cx r;
      if (!c_pow({iv, 0.0}, {iw, 0.0}, r)) return nullptr;
      return Constant::complex(r.re, r.im);
    }
    iv = -iv;
    negate = is_odd_integer(iw);
  }
  if (iv == 1.0) return Constant::floating(negate ? -1.0 : 1.0);
  errno = 0;
  double ix = std::pow(iv, iw);
  if (std::isinf(ix)) {
    if (errno == 0) errno = ERANGE;
  } else if (errno == ERANGE && ix == 0.0) {
    errno = 0;
  }
  if (errno != 0) return nullptr;  // OverflowError / ValueError
  if (negate) ix = -ix;
  return Constant::floating(ix);
}

ConstRef float_result(double value) { return Constant::floating(value); }

ConstRef int_binary(ast::operator_ op, const mpz_class& a, const mpz_class& b, bool both_bool) {
  using Op = ast::operator_;
  mpz_class r;
  switch (op) {
    case Op::Add: return Constant::integer(a + b);
    case Op::Sub: return Constant::integer(a - b);
    case Op::Mult:
      if (a != 0 && b != 0 && num_bits(a) + num_bits(b) > kMaxIntBits) return nullptr;
      return Constant::integer(a * b);
    case Op::Div: {
      double out;
      if (b == 0 || !int_true_divide(a, b, out)) return nullptr;
      return float_result(out);
    }
    case Op::FloorDiv:
      if (b == 0) return nullptr;
      mpz_fdiv_q(r.get_mpz_t(), a.get_mpz_t(), b.get_mpz_t());
      return Constant::integer(r);
    case Op::Mod:
      if (b == 0) return nullptr;
      mpz_fdiv_r(r.get_mpz_t(), a.get_mpz_t(), b.get_mpz_t());
      return Constant::integer(r);
    case Op::Pow: {
      if (a != 0 && b > 0) {
        if (!b.fits_ulong_p()) return nullptr;
        size_t wbits = b.get_ui();
        if (num_bits(a) > kMaxIntBits / wbits) return nullptr;
      }
      if (b < 0) {
        double x, y;
        if (!int_to_double(a, x) || !int_to_double(b, y)) return nullptr;
        return float_pow(x, y);
      }
      if (!b.fits_ulong_p()) {
        // Only 0, 1 and -1 get here with a huge exponent (the limit above stops the others).
        if (a == 0 || a == 1) return Constant::integer(a);
        return Constant::integer(mpz_odd_p(b.get_mpz_t()) ? a : mpz_class(1));
      }
      mpz_pow_ui(r.get_mpz_t(), a.get_mpz_t(), b.get_ui());
      return Constant::integer(r);
    }
    case Op::LShift:
      if (b < 0) return nullptr;  // ValueError: negative shift count
      if (a != 0 && b != 0) {
        if (!b.fits_ulong_p()) return nullptr;
        size_t wbits = b.get_ui();
        if (wbits > kMaxIntBits || num_bits(a) > kMaxIntBits - wbits) return nullptr;
      }
      if (a == 0) return Constant::integer(0);
      mpz_mul_2exp(r.get_mpz_t(), a.get_mpz_t(), b.get_ui());
      return Constant::integer(r);
    case Op::RShift:
      if (b < 0) return nullptr;
      if (!b.fits_ulong_p() || b.get_ui() > num_bits(a)) return Constant::integer(a < 0 ? -1 : 0);
      mpz_fdiv_q_2exp(r.get_mpz_t(), a.get_mpz_t(), b.get_ui());
      return Constant::integer(r);
    case Op::BitAnd:
      r = a & b;
      break;
    case Op::BitOr:
      r = a | b;
      break;
    case Op::BitXor:
      r = a ^ b;
      break;
    case Op::MatMult: return nullptr;
  }
  if (both_bool) return Constant::boolean(r != 0);  // bool & | ^ bool stays a bool
  return Constant::integer(r);
}

ConstRef float_binary(ast::operator_ op, double a, double b) {
  using Op = ast::operator_;
  double div, mod;
  switch (op) {
    case Op::Add: return float_result(a + b);
    case Op::Sub: return float_result(a - b);
    case Op::Mult: return float_result(a * b);
    case Op::Div:
      if (b == 0.0) return nullptr;
      return float_result(a / b);
    case Op::FloorDiv:
      if (b == 0.0) return nullptr;
      float_divmod(a, b, div, mod);
      return float_result(div);
    case Op::Mod:
      if (b == 0.0) return nullptr;
      float_divmod(a, b, div, mod);
      return float_result(mod);
    case Op::Pow: return float_pow(a, b);
    default: return nullptr;  // TypeError
  }
}

ConstRef complex_binary(ast::operator_ op, Cx a, Cx b) {
  using Op = ast::operator_;
  Cx r;
  switch (op) {
    case Op::Add: return Constant::complex(a.re + b.re, a.im + b.im);
    case Op::Sub: return Constant::complex(a.re - b.re, a.im - b.im);
    case Op::Mult:
      r = c_prod(a, b);
      return Constant::complex(r.re, r.im);
    case Op::Div:
      if (!c_quot(a, b, r)) return nullptr;
      return Constant::complex(r.re, r.im);
    case Op::Pow:
      if (!c_pow(a, b, r)) return nullptr;
      return Constant::complex(r.re, r.im);
    default: return nullptr;  // TypeError (complex has no //, %, bit operations)
  }
}

ConstRef number_binary(ast::operator_ op, const Constant& left, const Constant& right) {
  Num::Level level = std::max(level_of(left), level_of(right));
  Num a, b;
  if (!to_num(left, level, a) || !to_num(right, level, b)) return nullptr;
  switch (level) {
    case Num::Int: {
      bool both_bool = !(left.kind == Kind::Int || right.kind == Kind::Int);
      return int_binary(op, a.i, b.i, both_bool);
    }
    case Num::Float: return float_binary(op, a.re, b.re);
    case Num::Complex: return complex_binary(op, {a.re, a.im}, {b.re, b.im});
  }
  return nullptr;
}

// Items a tuple or frozenset holds, nested ones included, counted against `limit` as CPython's
// check_complexity does (negative: too many).
long check_complexity(const Constant& value, long limit) {
  if (value.kind != Kind::Tuple && value.kind != Kind::FrozenSet) return limit;
  limit -= static_cast<long>(value.items.size());
  for (size_t i = 0; limit >= 0 && i < value.items.size(); ++i) limit = check_complexity(*value.items[i], limit);
  return limit;
}

// n * sequence, with CPython's optimizer limits.
ConstRef repeat(const mpz_class& count, const Constant& seq) {
  size_t size = seq.kind == Kind::Str ? code_points(seq.text)
                : (seq.kind == Kind::Bytes ? seq.text.size() : seq.items.size());
  bool is_text = seq.kind == Kind::Str || seq.kind == Kind::Bytes;
  if (size != 0) {
    if (!count.fits_slong_p()) return nullptr;
    long n = count.get_si();
    long limit = is_text ? kMaxStrSize : kMaxCollectionSize;
    if (n < 0 || n > limit / static_cast<long>(size)) return nullptr;
    if (!is_text && n != 0 && check_complexity(seq, kMaxTotalItems / n) < 0) return nullptr;
  }
  if (seq.kind == Kind::FrozenSet) return nullptr;  // TypeError
  // The sequence's repetition itself: a count beyond Py_ssize_t is an OverflowError.
  if (!count.fits_slong_p()) return nullptr;
  long n = std::max(count.get_si(), 0L);
  if (size == 0) n = 0;
  if (is_text) {
    std::string out;
    out.reserve(seq.text.size() * n);
    for (long i = 0; i < n; ++i) out += seq.text;
    return seq.kind == Kind::Str ? Constant::str(std::move(out)) : Constant::bytes(std::move(out));
  }
  std::vector<ConstRef> items;
  for (long i = 0; i < n; ++i) items.insert(items.end(), seq.items.begin(), seq.items.end());
  return Constant::tuple(std::move(items));
}

bool is_sequence(const Constant& c) {
  return c.kind == Kind::Str || c.kind == Kind::Bytes || c.kind == Kind::Tuple || c.kind == Kind::FrozenSet;
}

ConstRef sequence_binary(ast::operator_ op, const Constant& left, const Constant& right) {
  using Op = ast::operator_;
  if (op == Op::Mult) {
    if (is_int(left) && is_sequence(right)) return repeat(int_of(left), right);
    if (is_int(right) && is_sequence(left)) return repeat(int_of(right), left);
    return nullptr;
  }
  if (op == Op::Add && left.kind == right.kind) {
    if (left.kind == Kind::Str) return Constant::str(left.text + right.text);
    if (left.kind == Kind::Bytes) return Constant::bytes(left.text + right.text);
    if (left.kind == Kind::Tuple) {
      std::vector<ConstRef> items = left.items;
      items.insert(items.end(), right.items.begin(), right.items.end());
      return Constant::tuple(std::move(items));
    }
  }
  // '%' on str/bytes is never folded (safe_mod); the rest is a TypeError.
  return nullptr;
}

// The code point starting at byte `i` of a UTF-8 string, as its bytes.
size_t utf8_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

// Python's index normalisation; false if out of range (IndexError).
bool normalise_index(const mpz_class& index, size_t size, size_t& out) {
  mpz_class i = index;
  if (i < 0) i += static_cast<unsigned long>(size);
  if (i < 0 || i >= static_cast<unsigned long>(size)) return false;
  out = i.get_ui();
  return true;
}

}  // namespace

bool int_to_double(const mpz_class& value, double& out) {
  if (!round_to_double(abs(value), 0, false, out)) return false;
  if (value < 0) out = -out;
  return true;
}

bool constant_truth(const Constant& value) {
  switch (value.kind) {
    case Kind::None:
    case Kind::False: return false;
    case Kind::True:
    case Kind::Ellipsis:
    case Kind::Code: return true;
    case Kind::Int: return value.int_value != 0;
    case Kind::Float: return value.real != 0.0;
    case Kind::Complex: return value.real != 0.0 || value.imag != 0.0;
    case Kind::Str:
    case Kind::Bytes: return !value.text.empty();
    case Kind::Tuple:
    case Kind::FrozenSet: return !value.items.empty();
  }
  return true;
}

bool constants_equal(const Constant& a, const Constant& b) {
  if (&a == &b) return true;
  if (is_number(a) && is_number(b)) {
    if (is_int(a) && is_int(b)) return int_of(a) == int_of(b);
    double a_im = a.kind == Kind::Complex ? a.imag : 0.0;
    double b_im = b.kind == Kind::Complex ? b.imag : 0.0;
    if (a_im != b_im) return false;
    // int against float/complex: exact comparison of the real parts.
    if (is_int(a)) return !std::isnan(b.real) && !std::isinf(b.real) && cmp(int_of(a), b.real) == 0;
    if (is_int(b)) return !std::isnan(a.real) && !std::isinf(a.real) && cmp(int_of(b), a.real) == 0;
    return a.real == b.real;
  }
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Kind::None:
    case Kind::Ellipsis: return true;
    case Kind::Str:
    case Kind::Bytes: return a.text == b.text;
    case Kind::Tuple:
      if (a.items.size() != b.items.size()) return false;
      for (size_t i = 0; i < a.items.size(); ++i)
        if (!constants_equal(*a.items[i], *b.items[i])) return false;
      return true;
    case Kind::FrozenSet: {
      if (a.items.size() != b.items.size()) return false;
      for (const auto& x : a.items) {
        bool found = false;
        for (const auto& y : b.items) found = found || constants_equal(*x, *y);
        if (!found) return false;
      }
      return true;
    }
    case Kind::Code: return a.code == b.code;
    default: return false;
  }
}

ConstRef make_frozenset(const std::vector<ConstRef>& items) {
  std::vector<ConstRef> unique;
  for (const auto& item : items) {
    bool seen = false;
    for (const auto& kept : unique) seen = seen || constants_equal(*kept, *item);
    if (!seen) unique.push_back(item);
  }
  return Constant::frozenset(std::move(unique));
}

ConstRef fold_unary(ast::unaryop op, const Constant& operand) {
  using Op = ast::unaryop;
  if (op == Op::Not) return Constant::boolean(!constant_truth(operand));
  if (is_int(operand)) {
    mpz_class v = int_of(operand);
    if (op == Op::USub) return Constant::integer(-v);
    if (op == Op::UAdd) return Constant::integer(v);
    return Constant::integer(-v - 1);  // ~v
  }
  if (op == Op::Invert) return nullptr;
  if (operand.kind == Kind::Float) return Constant::floating(op == Op::USub ? -operand.real : operand.real);
  if (operand.kind == Kind::Complex) {
    if (op == Op::USub) return Constant::complex(-operand.real, -operand.imag);
    return Constant::complex(operand.real, operand.imag);
  }
  return nullptr;
}

ConstRef fold_binary(ast::operator_ op, const Constant& left, const Constant& right) {
  if (op == ast::operator_::MatMult) return nullptr;
  if (is_number(left) && is_number(right)) return number_binary(op, left, right);
  return sequence_binary(op, left, right);
}

ConstRef fold_subscript(const Constant& container, const Constant& index) {
  if (!is_int(index)) return nullptr;  // slices are not constants; other indexes: TypeError
  mpz_class i = int_of(index);
  size_t at;
  switch (container.kind) {
    case Kind::Tuple:
      if (!normalise_index(i, container.items.size(), at)) return nullptr;
      return container.items[at];
    case Kind::Bytes:
      if (!normalise_index(i, container.text.size(), at)) return nullptr;
      return Constant::integer(static_cast<unsigned char>(container.text[at]));
    case Kind::Str: {
      if (!normalise_index(i, code_points(container.text), at)) return nullptr;
      size_t pos = 0;
      for (size_t n = 0; n < at; ++n) pos += utf8_length(container.text[pos]);
      size_t len = utf8_length(container.text[pos]);
      return Constant::str(container.text.substr(pos, len));
    }
    default: return nullptr;
  }
}

}  // namespace krait::compile
