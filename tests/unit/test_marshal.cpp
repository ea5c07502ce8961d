// marshal (src/bytecode/marshal_*.cpp): krait's bytes against CPython 3.11's for compiled
// modules and every marshal version, round trips, and malformed input (truncated at every
// position, corrupted at random, forged lengths, deep nesting) that must give errors, never
// crash or allocate from a forged length.
#include <gtest/gtest.h>

#include <pthread.h>

#include <random>
#include <string>

#include "bytecode/marshal.h"
#include "compile/compiler.h"
#include "parse/parser.h"
#include "parse/source.h"

namespace {

using namespace krait::bytecode;

struct MarshalCase {
  const char* source;
  int version;
  const char* hex;
};

// Recorded from /usr/bin/python3.11 by: marshal.dumps(compile(source, 'm.py', 'exec', dont_inherit=True), version)
const MarshalCase kCases[] = {
    {R"src(x = 12345678901234567890
y = -2**70
z = 70000
)src", 4,
     "630000000000000000000000000200000000000000f31a000000970064005a00640164027a0800000b005a0164035a026404530029056c05000000d20a3e563326a55a0a00e902000000e94600000069701101004e2903da0178da0179da017aa900f300000000fa046d2e7079fa083c6d6f64756c653e720900000001000000731e000000f003010101d804188001d805068802815580468001d804098001800180017207000000"},
    {R"src(x = 1.5
y = -0.0
z = 2j
w = (1.5, 'a b', b'xy', '\xe9', '\u20ac', 'x' * 300)
)src", 4,
     "630000000000000000000000000100000000000000f316000000970064005a0064015a0164025a0264035a03640453002905e7000000000000f83f6700000000000000807900000000000000000000000000000040290672010000007a0361206273020000007879f502000000c3a97503000000e282acc12c0100007878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878784e2904da0178da0179da017ada0177a900f300000000fa046d2e7079fa083c6d6f64756c653e720b00000001000000731d000000f003010101d804078001d804088001d804068001d804348001800180017209000000"},
    {R"src(def f(a, *b, c=1000, **d):
    return a in {1, 'a', 2.5, (1000, 2)}
class C:
    def m(self):
        return lambda: 'a b'
)src", 4,
     "630000000000000000000000000400000000000000f32c0000009700640064019c01640284025a0002004700640384006404a6020000ab0200000000000000005a01640553002906e9e80300002901da016363010000000000000001000000020000000f000000f30a00000097007c0064017600530029024e3e04000000a9027201000000e902000000e70000000000000440da0161e901000000a900290472070000007202000000da0162da0164730400000020202020fa046d2e7079da0166720d00000001000000730e0000008000d80b0cd01028d00b28d00428f300000000630000000000000000000000000100000000000000f314000000970065005a0164005a02640184005a03640253002903da0143630100000000000000000000000100000003000000f308000000970064018400530029024e630000000000000000000000000100000013000000f30600000097006401530029024e7a0361206272090000007209000000720e000000720c000000fa083c6c616d6264613e7a15432e6d2e3c6c6f63616c733e2e3c6c616d6264613e050000007306000000800090758000720e00000072090000002901da0473656c66730100000020720c000000da016d7a03432e6d04000000730a0000008000d80f1c887dd0081c720e0000004e2904da085f5f6e616d655f5fda0a5f5f6d6f64756c655f5fda0c5f5f7175616c6e616d655f5f72150000007209000000720e000000720c0000007210000000721000000003000000732300000080008000800080008000f00201051df00001051df00001051df00001051df00001051d720e00000072100000004e2902720d00000072100000007209000000720e000000720c000000fa083c6d6f64756c653e7219000000010000007353000000f003010101d80f13f000010129f000010129f000010129f000010129f000010129f00402011df00002011df00002011df00002011df00002011df10002011df40002011df00002011df00002011df00002011d720e000000"},
    {R"src(def f(a):
    return a + 1000
def g(a):
    return a + 1000
)src", 4,
     "630000000000000000000000000100000000000000f3120000009700640084005a00640184005a01640253002903630100000000000000000000000200000003000000f30c00000097007c0064017a0000005300a9024e69e8030000a900a901da0161730100000020fa046d2e7079da0166720700000001000000f30b0000008000d80b0c88748938804ff300000000630100000000000000000000000200000003000000f30c00000097007c0064017a00000053007202000000720300000072040000007301000000207206000000da0167720b00000003000000720800000072090000004e29027207000000720b000000720300000072090000007206000000fa083c6d6f64756c653e720c00000001000000732d000000f003010101f002010114f000010114f000010114f004010114f000010114f000010114f000010114f0000101147209000000"},
    {R"src(import os.path
from os import *
x = [1, 2, 3]
)src", 3,
     "630000000000000000000000000200000000000000f31e0000009700640064016c005a01640064026c01540067006403a2015a02640153002804000000e9000000004e2801000000f4010000002a2803000000e901000000e902000000e9030000002803000000f4070000006f732e70617468f4020000006f73f40100000078a800000000f300000000f5040000006d2e7079f5080000003c6d6f64756c653e720c000000010000007327000000f003010101d8000e800e800e800ed80010d00010d00010d00010d8040d80498049800180018001720a000000"},
    {R"src(x = 1.5
y = ('abc', 'a b', 2**40)
)src", 2,
     "630000000000000000000000000100000000000000730e000000970064005a0064015a0164025300280300000067000000000000f83f2803000000750300000061626375030000006120626c030000000000000000044e28020000007501000000787501000000792800000000730000000075040000006d2e707975080000003c6d6f64756c653e75080000003c6d6f64756c653e010000007313000000f003010101d804078001d804198001800180017300000000"},
    {R"src(x = 1.5
y = ('abc', 'a b', 2**40, 1j)
)src", 0,
     "630000000000000000000000000100000000000000730e000000970064005a0064015a016402530028030000006603312e352804000000750300000061626375030000006120626c0300000000000000000478013001314e28020000007501000000787501000000792800000000730000000075040000006d2e707975080000003c6d6f64756c653e75080000003c6d6f64756c653e010000007313000000f003010101d804078001d8041d8001800180017300000000"},
};

std::string unhex(const char* hex) {
  std::string out;
  for (size_t i = 0; hex[i] && hex[i + 1]; i += 2) out += static_cast<char>(std::stoi(std::string(hex + i, 2), nullptr, 16));
  return out;
}

std::shared_ptr<const CodeData> compile_source(const std::string& source) {
  krait::SyntaxErrorInfo error;
  auto decoded = krait::decode_source(source, error, "m.py");
  if (!decoded) return nullptr;
  krait::ast::Arena arena;
  auto* module = krait::parse(decoded->text, krait::ParseMode::File, arena, error);
  if (!module) return nullptr;
  krait::compile::CompileOptions options;
  options.filename = "m.py";
  return krait::compile::compile_module(module, arena, options, error);
}

TEST(Marshal, CompiledModulesAsCPython) {
  for (const auto& c : kCases) {
    auto code = compile_source(c.source);
    ASSERT_TRUE(code) << c.source;
    EXPECT_EQ(marshal_dumps(*code, c.version), unhex(c.hex)) << "version " << c.version << ":\n" << c.source;
  }
}

TEST(Marshal, LoadsThenDumpsGivesCPythonsBytes) {
  for (const auto& c : kCases) {
    std::string data = unhex(c.hex);
    MarshalError error;
    size_t used = 0;
    auto code = marshal_loads_code(data, error, &used);
    ASSERT_TRUE(code) << error.type_name() << ": " << error.message;
    EXPECT_EQ(used, data.size());
    EXPECT_EQ(marshal_dumps(*code, c.version), data) << c.source;
  }
}

std::string dumps(const ConstRef& value, int version = 4) { return marshal_dumps(*value, version); }

ConstRef loads(const std::string& data, MarshalError& error) { return marshal_loads(data, error); }

TEST(Marshal, Values) {
  // Small ints are shared objects (FLAG_REF); other values held once are not.
  EXPECT_EQ(dumps(Constant::integer(5)), unhex("e905000000"));
  EXPECT_EQ(dumps(Constant::integer(1000)), unhex("69e8030000"));
  EXPECT_EQ(dumps(Constant::integer(mpz_class("-1099511627776"))), unhex("6cfdffffff000000000004"));
  EXPECT_EQ(dumps(Constant::none()), "N");
  EXPECT_EQ(dumps(Constant::boolean(true)), "T");
  EXPECT_EQ(dumps(Constant::ellipsis()), ".");
  EXPECT_EQ(dumps(Constant::str("abc")), unhex("da03616263"));  // interned: made of name characters
  EXPECT_EQ(dumps(Constant::str("a b")), unhex("7a0361206"  "2"));
  EXPECT_EQ(dumps(Constant::str("\xc3\xa9")), unhex("f502000000c3a9"));  // U+00E9: a singleton
  EXPECT_EQ(dumps(Constant::str("a b"), 2), unhex("75030000006120" "62"));
  EXPECT_EQ(dumps(Constant::tuple({})), unhex("a900"));
  EXPECT_EQ(dumps(Constant::floating(1.5), 1), unhex("6603312e35"));
  EXPECT_EQ(dumps(Constant::floating(1.5)), unhex("67000000000000f83f"));
  auto big = Constant::integer(1000);
  EXPECT_EQ(dumps(Constant::tuple({big, big})), unhex("2902e9e8030000720000" "0000"));
}

TEST(Marshal, ValuesRoundTrip) {
  std::vector<ConstRef> values = {
      Constant::integer(mpz_class("123456789012345678901234567890")),
      Constant::integer(mpz_class("-32768")),
      Constant::integer(mpz_class("2147483648")),
      Constant::complex(1.0, -2.5),
      Constant::str(std::string(300, 'x')),
      Constant::str("\xed\xa0\x80"),  // a lone surrogate
      Constant::bytes(std::string("\0\1\2", 3)),
      Constant::frozenset({Constant::str("b"), Constant::integer(1), Constant::str("a b")}),
      Constant::tuple({Constant::tuple({Constant::none()}), Constant::floating(-0.0)}),
  };
  for (int version = 0; version <= 4; ++version) {
    for (const auto& v : values) {
      std::string data = dumps(v, version);
      MarshalError error;
      auto back = loads(data, error);
      ASSERT_TRUE(back) << error.message;
      EXPECT_EQ(dumps(back, version), data) << "version " << version;
    }
  }
}

void expect_error(const std::string& data, MarshalError::Type type, const std::string& message) {
  MarshalError error;
  EXPECT_FALSE(marshal_loads(data, error));
  EXPECT_EQ(error.type, type) << error.message;
  EXPECT_EQ(error.message, message);
}

TEST(Marshal, ErrorsAsCPython) {
  using T = MarshalError::Type;
  expect_error("", T::EOFError, "EOF read where object expected");
  expect_error("i", T::EOFError, "marshal data too short");
  expect_error(unhex("29ff"), T::EOFError, "EOF read where object expected");
  expect_error(unhex("6c020000000100" "0000"), T::ValueError, "bad marshal data (unnormalized long data)");
  expect_error(unhex("6c01000000ffff"), T::ValueError, "bad marshal data (digit out of range in long)");
  expect_error(unhex("6c00000080"), T::ValueError, "bad marshal data (long size out of range)");
  expect_error(unhex("7200000000"), T::ValueError, "bad marshal data (invalid reference)");
  expect_error("0", T::TypeError, "NULL object in marshal data for object");
  expect_error(unhex("290130"), T::TypeError, "NULL object in marshal data for tuple");
  expect_error("Q", T::ValueError, "bad marshal data (unknown type code)");
  expect_error(unhex("73ffffffff"), T::ValueError, "bad marshal data (bytes object size out of range)");
  expect_error(unhex("7502000000fffe"), T::UnicodeDecodeError,
               "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
  expect_error(unhex("6603616263"), T::ValueError, "could not convert string to float: 'abc'");
  expect_error("f", T::EOFError, "EOF read where object expected");
  expect_error(unhex("28ffffffff"), T::ValueError, "bad marshal data (tuple size out of range)");
  expect_error(unhex("61ffffffff"), T::ValueError, "bad marshal data (string size out of range)");
  expect_error(unhex("6700" "00"), T::EOFError, "marshal data too short");
  std::string deep;
  for (int i = 0; i < 3000; ++i) deep += unhex("2901");
  expect_error(deep, T::ValueError, "recursion limit exceeded");
  // Lengths up to 2**31-1 are refused by the bytes left, before allocating anything.
  expect_error(unhex("73ffffff7f") + "abc", T::EOFError, "marshal data too short");
  expect_error(unhex("28ffffff7f") + "N", T::EOFError, "EOF read where object expected");
  expect_error(unhex("6cffffff7f") + "\1", T::EOFError, "marshal data too short");
  expect_error(unhex("3effffff7f") + "N", T::EOFError, "EOF read where object expected");
  // A tuple holding itself: valid for CPython, impossible for a constant.
  expect_error(unhex("a9017200000000"), T::NotImplemented,
               "not implemented: marshal data holding a tuple that contains itself cannot be loaded as a "
               "compile-time constant");
  expect_error("[", T::NotImplemented,
               "not implemented: marshal data holding a list cannot be loaded as a compile-time constant");
}

TEST(Marshal, LatinOneAsciiCodes) {
  // CPython reads 'a'/'z' data as Latin-1 without checking that it is ASCII.
  MarshalError error;
  auto v = loads(unhex("7a01e9"), error);
  ASSERT_TRUE(v);
  EXPECT_EQ(v->text, "\xc3\xa9");
}

// Runs `body` on a thread with a 256 MiB stack. ASan's instrumented frames are several times
// larger than release frames, so 2000 nested levels (CPython's limit, which release builds
// handle on the default 8 MiB stack) need more room under the sanitizer build.
template <typename Body>
void with_large_stack(Body body) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, size_t(256) << 20);
  pthread_t thread;
  auto trampoline = [](void* arg) -> void* {
    (*static_cast<Body*>(arg))();
    return nullptr;
  };
  ASSERT_EQ(pthread_create(&thread, &attr, trampoline, &body), 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
}

TEST(Marshal, DumpsTooDeep) {
  with_large_stack([] {
  ConstRef t = Constant::tuple({});
  for (int i = 0; i < 1999; ++i) t = Constant::tuple({t});
  MarshalError error;
  EXPECT_EQ(marshal_dumps(*t, 4, &error).size(), 4000u);
  EXPECT_FALSE(error);
  t = Constant::tuple({t});
  EXPECT_EQ(marshal_dumps(*t, 4, &error), "");
  EXPECT_EQ(error.message, "object too deeply nested to marshal");
  });
}

// Every prefix of a real dump is an error, never a crash or a value.
TEST(Marshal, TruncatedAtEveryPosition) {
  for (const auto& c : kCases) {
    std::string data = unhex(c.hex);
    for (size_t n = 0; n < data.size(); ++n) {
      MarshalError error;
      EXPECT_FALSE(marshal_loads(std::string_view(data).substr(0, n), error)) << n;
      EXPECT_TRUE(error) << n;
    }
  }
}

// Random corruption: an error or a value that dumps again; never a crash or a hang.
TEST(Marshal, RandomCorruption) {
  std::mt19937 rng(1234);
  int loaded = 0, rejected = 0;
  for (const auto& c : kCases) {
    std::string original = unhex(c.hex);
    for (int round = 0; round < 400; ++round) {
      std::string data = original;
      int edits = 1 + static_cast<int>(rng() % 4);
      for (int e = 0; e < edits; ++e) data[rng() % data.size()] = static_cast<char>(rng() & 0xFF);
      MarshalError error;
      auto value = marshal_loads(data, error);
      if (value) {
        ++loaded;
        MarshalError dump_error;
        marshal_dumps(*value, 4, &dump_error);
      } else {
        ++rejected;
        EXPECT_TRUE(error);
      }
    }
  }
  EXPECT_GT(rejected, 0);
}

}  // namespace
