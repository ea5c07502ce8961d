// The assembler against CPython 3.11: location and exception tables re-encoded from what
// CPython encoded (tests/unit/gen_assembler_cases.py records them), and whole code objects
// assembled from graphs built as CPython's code generator builds them.
#include <gtest/gtest.h>

#include <sstream>

#include "case_data.h"
#include "compile/assembler.h"
#include "compile/flowgraph.h"
#include "compile/unit.h"

namespace {

using namespace krait::compile;
using namespace krait::bytecode;
using krait::test::read_cases;

std::string hex(const std::vector<uint8_t>& bytes) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (uint8_t b : bytes) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

// "a,b,c;d,e,f" -> rows of integers.
std::vector<std::vector<int>> parse_rows(const std::string& text) {
  std::vector<std::vector<int>> rows;
  std::stringstream all(text);
  std::string row;
  while (std::getline(all, row, ';')) {
    std::vector<int> values;
    std::stringstream fields(row);
    std::string field;
    while (std::getline(fields, field, ',')) values.push_back(std::stoi(field));
    rows.push_back(values);
  }
  return rows;
}

const std::vector<std::vector<std::string>>& cases() {
  static const auto all = read_cases("assembler_cases.txt");
  return all;
}

TEST(LineTable, MatchesCPython) {
  size_t n = 0;
  for (const auto& c : cases()) {
    if (c[0] != "linetable") continue;
    ++n;
    LineTableWriter writer(std::stoi(c[1]));
    for (const auto& r : parse_rows(c[2])) writer.add(Location{r[0], r[1], r[2], r[3]}, r[4]);
    std::string expected = c[3] == "-" ? "" : c[3];
    ASSERT_EQ(hex(writer.bytes()), expected) << "case " << n;
  }
  EXPECT_GT(n, 100u);
}

TEST(ExceptionTable, MatchesCPython) {
  size_t n = 0;
  for (const auto& c : cases()) {
    if (c[0] != "exceptiontable") continue;
    ++n;
    std::vector<uint8_t> out;
    for (const auto& r : parse_rows(c[1])) write_exception_entry(out, r[0], r[1], r[2], r[3], r[4]);
    ASSERT_EQ(hex(out), c[2]) << "case " << n;
  }
  EXPECT_GT(n, 10u);
}

TEST(LineTable, LongEntriesSplitInEights) {
  // An instruction of 10 code units on line 3 (first line 1): entries of 8 and 2 units.
  LineTableWriter writer(1);
  writer.add(Location{3, 3, 4, 9}, 10);
  EXPECT_EQ(hex(writer.bytes()), "e704098145");  // one-line form (delta 2), then short form
}

// A small graph builder: instructions go to the current block, with the current location.
struct Builder {
  ControlFlowGraph graph;
  Location loc;
  Builder() { graph.entry = graph.current = graph.new_block(); }
  BasicBlock* block() { return graph.new_block(); }
  void use(BasicBlock* b) {
    graph.current->next = b;
    graph.current = b;
  }
  void op(int opcode, int oparg = 0, BasicBlock* target = nullptr) {
    graph.current->instructions.push_back(Instruction{opcode, oparg, loc, target, nullptr});
  }
};

constexpr Location kNoLine{-1, 0, 0, 0};  // CPython's "noline" instructions

// def f():
//     try:
//         a
//     except E:
//         b
//     c
TEST(Assemble, TryExcept) {
  Builder g;
  CodeUnitInfo unit;
  unit.name = unit.qualname = "f";
  unit.firstlineno = 1;
  unit.flags = CodeFlag::Optimized | CodeFlag::NewLocals;
  unit.consts.add(Constant::none());
  for (const char* name : {"a", "E", "b", "c"}) unit.names.add(name);

  BasicBlock* body = g.block();
  BasicBlock* except = g.block();
  BasicBlock* end = g.block();
  BasicBlock* cleanup = g.block();
  g.loc = Location{1, 1, 0, 0};
  g.op(RESUME, 0);
  g.loc = Location{2, 5, 4, 9};
  g.op(SETUP_FINALLY, 0, except);
  g.use(body);
  g.loc = Location{3, 3, 8, 9};
  g.op(LOAD_GLOBAL, 0);
  g.op(POP_TOP);
  g.loc = kNoLine;
  g.op(POP_BLOCK);
  g.op(JUMP, 0, end);
  g.use(except);
  g.loc = kNoLocation;
  g.op(SETUP_CLEANUP, 0, cleanup);
  g.op(PUSH_EXC_INFO);
  g.loc = Location{4, 5, 4, 9};
  BasicBlock* no_match = g.block();
  Location handler = g.loc;
  g.loc = Location{4, 4, 11, 12};
  g.op(LOAD_GLOBAL, 2);
  g.loc = handler;
  g.op(CHECK_EXC_MATCH);
  g.op(POP_JUMP_IF_FALSE, 0, no_match);
  g.use(g.block());
  BasicBlock* cleanup_body = g.block();
  g.op(POP_TOP);
  g.use(cleanup_body);
  g.loc = Location{5, 5, 8, 9};
  g.op(LOAD_GLOBAL, 4);
  g.op(POP_TOP);
  g.loc = kNoLocation;
  g.op(POP_BLOCK);
  g.op(POP_EXCEPT);
  g.op(JUMP, 0, end);
  g.use(no_match);
  g.op(RERAISE, 0);
  g.use(cleanup);
  g.op(COPY, 3);
  g.op(POP_EXCEPT);
  g.op(RERAISE, 1);
  g.use(end);
  g.loc = Location{6, 6, 4, 5};
  g.op(LOAD_GLOBAL, 6);
  g.op(POP_TOP);

  CodeData code = assemble(g.graph, unit);
  EXPECT_EQ(hex(code.code),
            "9700090074000000000000000000000001006e1723007402000000000000000000002400720a0100"
            "740400000000000000000000010059006e047700780359007701740600000000000000000000010064"
            "005300");
  EXPECT_EQ(hex(code.linetable),
            "8000f00203050add080988018801f8dd0b0cf00001050af00001050af00001050add080988018801"
            "8801f00301050af8f8f8e50405804180418041");
  EXPECT_EQ(hex(code.exceptiontable), "82070a008a111e039d011e03");
  EXPECT_EQ(code.stacksize, 4);
  EXPECT_EQ(code.consts.size(), 1u);
}

// def g(x):
//     while x:
//         y = 1      (130 lines: both jumps need an EXTENDED_ARG)
//     return 2
TEST(Assemble, WhileLoopWithExtendedArgJumps) {
  constexpr int n = 130;
  Builder g;
  CodeUnitInfo unit;
  unit.name = unit.qualname = "g";
  unit.firstlineno = 1;
  unit.argcount = 1;
  unit.flags = CodeFlag::Optimized | CodeFlag::NewLocals;
  unit.consts.add(Constant::none());
  unit.varnames.add("x");
  int y = unit.varnames.add("y");
  int one = unit.consts.add(Constant::integer(1));

  BasicBlock* loop = g.block();
  BasicBlock* body = g.block();
  BasicBlock* anchor = g.block();
  BasicBlock* exit = g.block();
  g.loc = Location{1, 1, 0, 0};
  g.op(RESUME, 0);
  g.use(loop);
  Location while_loc{2, n + 2, 4, 13};
  g.loc = Location{2, 2, 10, 11};
  g.op(LOAD_FAST, 0);
  g.loc = while_loc;
  g.op(POP_JUMP_IF_FALSE, 0, anchor);
  g.use(body);
  for (int line = 3; line < n + 3; ++line) {
    g.loc = Location{line, line, 12, 13};
    g.op(LOAD_CONST, one);
    g.loc = Location{line, line, 8, 9};
    g.op(STORE_FAST, y);
  }
  g.loc = Location{2, 2, 10, 11};
  g.op(LOAD_FAST, 0);
  g.loc = while_loc;
  g.op(POP_JUMP_IF_TRUE, 0, body);
  g.use(anchor);
  g.use(exit);
  g.loc = Location{n + 3, n + 3, 11, 12};  // "return <constant>" is located at the constant
  g.op(NOP);
  g.op(LOAD_CONST, unit.consts.add(Constant::integer(2)));
  g.op(RETURN_VALUE);

  CodeData code = assemble(g.graph, unit);
  std::string body_code, body_lines;
  for (int i = 0; i < n; ++i) body_code += "64017d01";
  for (int i = 0; i < n; ++i) body_lines += "d80c0d8801";
  EXPECT_EQ(hex(code.code), "97007c009001720" "7" + body_code + "7c009001b00764025300");
  EXPECT_EQ(hex(code.linetable), "8000d80a0bf1004202050e" + body_lines +
                                     "f04504000b0cf1004202050ef04604000c0d8831");
  EXPECT_EQ(code.stacksize, 1);
  EXPECT_EQ(code.consts.size(), 3u);
  EXPECT_EQ(code.localsplusnames, (std::vector<std::string>{"x", "y"}));
}

}  // namespace
