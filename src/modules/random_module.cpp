// _random: the Mersenne Twister (MT19937) core generator random.py builds on. Seeding follows
// the reference init_by_array over the absolute value's 32-bit words (least significant first),
// as CPython does, so every sequence random.py derives equals CPython's.
#include <sys/random.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstring>
#include <vector>

#include "modules/modules.h"
#include "modules/native_args.h"
#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/memory.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/tuple.h"

namespace krait::modules {

using namespace runtime;

namespace {

constexpr int kN = 624;
constexpr int kM = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfu;
constexpr uint32_t kUpper = 0x80000000u;
constexpr uint32_t kLower = 0x7fffffffu;

TypeObject random_type;

struct RandomObject : Object {
  int index;          // next word of `state` to temper; kN: regenerate first
  uint32_t state[kN];
};

RandomObject* as_random(Value v) { return static_cast<RandomObject*>(v.as_object()); }

void init_genrand(RandomObject* r, uint32_t seed) {
  uint32_t* mt = r->state;
  mt[0] = seed;
  for (int i = 1; i < kN; ++i) mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + uint32_t(i);
  r->index = kN;
}

void init_by_array(RandomObject* r, const std::vector<uint32_t>& key) {
  uint32_t* mt = r->state;
  init_genrand(r, 19650218u);
  size_t length = key.size();
  int i = 1;
  size_t j = 0;
  for (size_t k = kN > length ? kN : length; k; --k) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + uint32_t(j);
    ++i;
    ++j;
    if (i >= kN) {
      mt[0] = mt[kN - 1];
      i = 1;
    }
    if (j >= length) j = 0;
  }
  for (int k = kN - 1; k; --k) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - uint32_t(i);
    ++i;
    if (i >= kN) {
      mt[0] = mt[kN - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000u;  // a non-zero initial state
}

uint32_t genrand_uint32(RandomObject* r) {
  uint32_t* mt = r->state;
  if (r->index >= kN) {
    auto twist = [](uint32_t a, uint32_t b, uint32_t c) {
      uint32_t y = (a & kUpper) | (b & kLower);
      return c ^ (y >> 1) ^ ((y & 1) ? kMatrixA : 0u);
    };
    int kk = 0;
    for (; kk < kN - kM; ++kk) mt[kk] = twist(mt[kk], mt[kk + 1], mt[kk + kM]);
    for (; kk < kN - 1; ++kk) mt[kk] = twist(mt[kk], mt[kk + 1], mt[kk + (kM - kN)]);
    mt[kN - 1] = twist(mt[kN - 1], mt[0], mt[kM - 1]);
    r->index = 0;
  }
  uint32_t y = mt[r->index++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= y >> 18;
  return y;
}

// Seeds from the operating system's entropy (the time and pid if that fails), as seed(None).
void seed_from_system(RandomObject* r) {
  std::vector<uint32_t> key(kN);
  size_t want = key.size() * sizeof(uint32_t), got = 0;
  char* p = reinterpret_cast<char*>(key.data());
  while (got < want) {
    ssize_t n = getrandom(p + got, want - got, 0);
    if (n <= 0) break;
    got += size_t(n);
  }
  if (got < want) {
    auto now = std::chrono::system_clock::now().time_since_epoch().count();
    key = {uint32_t(now), uint32_t(uint64_t(now) >> 32), uint32_t(getpid())};
  }
  init_by_array(r, key);
}

int random_seed(Value self, Value arg) {
  RandomObject* r = as_random(self);
  if (!arg || arg.is(none())) {
    seed_from_system(r);
    return 0;
  }
  mpz_class n;
  if (is_int(arg)) {
    n = int_to_mpz(arg);
    if (n < 0) n = -n;
  } else {
    int64_t h = hash(arg);
    if (h == -1 && error_occurred()) return -1;
    n = mpz_class(std::to_string(uint64_t(h)));  // (size_t)hash, as CPython
  }
  std::vector<uint32_t> key;
  size_t words = n == 0 ? 1 : (mpz_sizeinbase(n.get_mpz_t(), 2) + 31) / 32;
  key.resize(words);
  size_t count = 0;
  mpz_export(key.data(), &count, -1, sizeof(uint32_t), 0, 0, n.get_mpz_t());
  init_by_array(r, key);
  return 0;
}

Value random_new(TypeObject* type, const Value*, size_t, Value kwnames) {
  if (type == &random_type && !check_no_keywords("Random", kwnames)) return Value();
  auto* r = static_cast<RandomObject*>(allocate_object(type, type->basic_size));
  if (!r) return Value();
  r->index = 0;  // an all-zero state, as CPython's before __init__ seeds it
  return Value::object(r);
}

int random_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if ((type_of(self) == &random_type || type_of(self)->init == random_type.init) &&
      !check_no_keywords("Random", kwnames))
    return -1;
  if (nargs > 1) {
    raise(exc::TypeError, "Random() requires 0 or 1 argument");
    return -1;
  }
  return random_seed(self, nargs == 1 ? args[0] : Value());
}

Value random_seed_method(Value self, const Value* args, size_t nargs) {
  if (!check_positional("seed", nargs, 0, 1)) return Value();
  if (random_seed(self, nargs == 1 ? args[0] : Value()) < 0) return Value();
  return new_ref(none());
}

// random() -> x in [0, 1): 53 random bits, as CPython's genrand_res53.
Value random_random(Value self) {
  RandomObject* r = as_random(self);
  uint32_t a = genrand_uint32(r) >> 5, b = genrand_uint32(r) >> 6;
  return float_from_double((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

Value random_getrandbits(Value self, Value arg) {
  Ref index = Ref::steal(number_index(arg));
  if (!index) return Value();
  int64_t k;
  if (!int_to_int64(index.get(), &k) || k > INT32_MAX || k < INT32_MIN)
    return raise(exc::OverflowError, "Python int too large to convert to C int");
  if (k < 0) return raise(exc::ValueError, "number of bits must be non-negative");
  RandomObject* r = as_random(self);
  if (k == 0) return int_from_int64(0);
  if (k <= 32) return int_from_int64(genrand_uint32(r) >> (32 - k));
  size_t words = size_t((k - 1) / 32 + 1);
  std::vector<uint32_t> parts(words);
  for (size_t i = 0; i < words; ++i, k -= 32) {
    uint32_t w = genrand_uint32(r);
    if (k < 32) w >>= (32 - k);  // the top word keeps its most significant bits
    parts[i] = w;
  }
  mpz_class z;
  mpz_import(z.get_mpz_t(), words, -1, sizeof(uint32_t), 0, 0, parts.data());
  return int_from_mpz(z);
}

Value random_getstate(Value self) {
  RandomObject* r = as_random(self);
  Ref state = Ref::steal(tuple_new(kN + 1));
  if (!state) return Value();
  for (int i = 0; i < kN; ++i) tuple_items(state.get())[i] = int_from_uint64(r->state[i]);
  tuple_items(state.get())[kN] = int_from_int64(r->index);
  return state.release();
}

Value random_setstate(Value self, Value state) {
  if (!is_tuple(state)) return raise(exc::TypeError, "state vector must be a tuple");
  if (tuple_size(state) != kN + 1) return raise(exc::ValueError, "state vector is the wrong size");
  uint32_t words[kN];
  for (int i = 0; i < kN; ++i) {
    Value v = tuple_get(state, size_t(i));
    if (!is_int(v)) return raise(exc::TypeError, "an integer is required");
    if (int_sign(v) < 0) return raise(exc::OverflowError, "can't convert negative value to unsigned int");
    mpz_class z = int_to_mpz(v);
    if (mpz_sizeinbase(z.get_mpz_t(), 2) > 64)
      return raise(exc::OverflowError, "Python int too large to convert to C unsigned long");
    words[i] = uint32_t(mpz_get_ui(z.get_mpz_t()));
  }
  Value last = tuple_get(state, kN);
  if (!is_int(last)) return raise(exc::TypeError, "an integer is required");
  int64_t index;
  if (!int_to_int64(last, &index)) return raise(exc::OverflowError, "Python int too large to convert to C long");
  if (index < 0 || index > kN) return raise(exc::ValueError, "invalid state");
  RandomObject* r = as_random(self);
  std::memcpy(r->state, words, sizeof words);
  r->index = int(index);
  return new_ref(none());
}

void random_dealloc(Object* self) { free_object(self); }

#define M(name, fn, kind, doc) {name, reinterpret_cast<void*>(&fn), MethodKind::kind, false, false, doc}
const MethodDef random_methods[] = {
    M("random", random_random, NoArgs, "random() -> x in the interval [0, 1)."),
    M("seed", random_seed_method, Fast, "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a "
      "combination\nof the current time and the process identifier."),
    M("getstate", random_getstate, NoArgs, "getstate() -> tuple containing the current state."),
    M("setstate", random_setstate, OneArg, "setstate(state) -> None.  Restores generator state."),
    M("getrandbits", random_getrandbits, OneArg, "getrandbits(k) -> x.  Generates an int with k random bits."),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef M

int init_random_type() {
  static bool done = false;
  if (done) return 0;
  TypeObject& t = random_type;
  t.refcount = 1;
  t.Object::flags = ObjectFlag::Immortal;
  t.type = &type_type;
  t.name = "_random.Random";
  t.qualname = "Random";
  t.base = &object_type;
  t.basic_size = sizeof(RandomObject);
  t.flags = TypeFlag::BaseType;
  t.new_ = random_new;
  t.init = random_init;
  t.dealloc = random_dealloc;
  add_methods(&t, random_methods);
  if (type_ready(&t) < 0) return -1;
  done = true;
  return 0;
}

}  // namespace

Value create_random_module() {
  if (init_random_type() < 0) return Value();
  Ref module = Ref::steal(module_new("_random"));
  if (!module) return Value();
  if (module_add(module.get(), "Random", Value::object(&random_type)) < 0) return Value();
  return module.release();
}

}  // namespace krait::modules
