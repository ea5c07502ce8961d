"""
PYTHON'S STACK-BASED VIRTUAL MACHINE:

Python bytecode executes on a stack machine.
Most instructions push/pop values from the stack.

EXAMPLE: a + b * 2

Bytecode:
    LOAD_FAST 0 (a)      # Push 'a' onto stack
    LOAD_FAST 1 (b)      # Push 'b' onto stack
    LOAD_CONST 1 (2)     # Push 2 onto stack
    BINARY_MULTIPLY      # Pop 2 values, multiply, push result
    BINARY_ADD           # Pop 2 values, add, push result
    RETURN_VALUE         # Pop and return top of stack

Stack evolution:
    []                   # Initial: empty stack
    [a]                  # After LOAD_FAST 0
    [a, b]               # After LOAD_FAST 1
    [a, b, 2]            # After LOAD_CONST 1
    [a, (b*2)]           # After BINARY_MULTIPLY (pops b and 2, pushes result)
    [(a+(b*2))]          # After BINARY_ADD (pops a and b*2, pushes result)
    []                   # After RETURN_VALUE (pops and returns)
"""

class StackVisualizer:
    """Visualize stack operations during bytecode execution

    Note: In real bytecode, instruction arguments are INDICES
    into co_consts or co_varnames, not the actual values.
    This visualizer simplifies by using the values directly.
    """

    def __init__(self):
        self.stack = []

    def execute(self, instruction, arg=None):
        """Execute a single bytecode instruction"""
        if instruction == 'LOAD_CONST':
            self.stack.append(arg)
            return f"Push {arg}"
        elif instruction == 'LOAD_FAST':
            self.stack.append(f"var_{arg}")
            return f"Push var_{arg}"
        elif instruction == 'BINARY_ADD':
            b = self.stack.pop()
            a = self.stack.pop()
            result = f"({a}+{b})"
            self.stack.append(result)
            return f"Pop {b}, pop {a}, push {result}"
        elif instruction == 'BINARY_MULTIPLY':
            b = self.stack.pop()
            a = self.stack.pop()
            result = f"({a}*{b})"
            self.stack.append(result)
            return f"Pop {b}, pop {a}, push {result}"
        elif instruction == 'RETURN_VALUE':
            result = self.stack.pop()
            return f"Return {result}"

        return "Unknown instruction"

    def show_stack(self):
        """Display current stack state"""
        if not self.stack:
            return "[]"
        return f"[{', '.join(str(x) for x in self.stack)}]"

print("Simulating bytecode execution for: a + b * 2")
print("=" * 60)

vm = StackVisualizer()

instructions = [
    ('LOAD_FAST', 0, 'a'),
    ('LOAD_FAST', 1, 'b'),
    ('LOAD_CONST', 2, 2),
    ('BINARY_MULTIPLY', None, None),
    ('BINARY_ADD', None, None),
    ('RETURN_VALUE', None, None),
]

for opcode, arg, label in instructions:
    action = vm.execute(opcode, label if label else arg)
    print(f"{opcode:20} {vm.show_stack():40} # {action}")

print("\n✓ Stack-based execution model")
print("✓ Most operations push/pop from stack")
print("✓ Efficient for expression evaluation")
