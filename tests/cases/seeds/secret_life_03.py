import dis
"""
COMMON BYTECODE OPCODES:

STACK OPERATIONS:
- LOAD_FAST: Load local variable (fastest)
- LOAD_CONST: Load constant value
- LOAD_GLOBAL: Load global variable
- STORE_FAST: Store to local variable
- STORE_GLOBAL: Store to global variable

ARITHMETIC:
- BINARY_ADD: Addition (+)
- BINARY_SUBTRACT: Subtraction (-)
- BINARY_MULTIPLY: Multiplication (*)
- BINARY_TRUE_DIVIDE: Division (/)
- BINARY_FLOOR_DIVIDE: Floor division (//)
- BINARY_MODULO: Modulo (%)
- BINARY_POWER: Exponentiation (**)

NOTE: Python 3.11+ consolidated many operations into BINARY_OP
with an argument specifying the operation:
- BINARY_OP 0 (+)
- BINARY_OP 5 (*)
Opcode names vary significantly by Python version!

COMPARISON:
- COMPARE_OP: Comparison operations (<, >, ==, !=, <=, >=)

CONTROL FLOW:
- POP_JUMP_IF_FALSE: Jump if top of stack is False
- POP_JUMP_IF_TRUE: Jump if top of stack is True
- JUMP_FORWARD: Unconditional forward jump
- JUMP_ABSOLUTE: Jump to absolute position

FUNCTION CALLS:
- CALL_FUNCTION: Call a function
- RETURN_VALUE: Return from function
- LOAD_METHOD: Optimized method loading (Python 3.7+)
- CALL_METHOD: Optimized method calling (Python 3.7+)

Note: LOAD_METHOD + CALL_METHOD optimization only applies
to method CALLS like obj.method(), not attribute access.
Regular attribute access still uses LOAD_ATTR.

COLLECTIONS:
- BUILD_LIST: Build a list
- BUILD_TUPLE: Build a tuple
- BUILD_MAP: Build a dictionary
- BUILD_SET: Build a set

ATTRIBUTES:
- LOAD_ATTR: Load attribute (obj.attr)
- STORE_ATTR: Store attribute (obj.attr = value)
"""

def demonstrate_opcodes():
    """Show various operations and their bytecode"""

    # Arithmetic
    def arithmetic(a, b):
        return a + b * 2

    print("Arithmetic operations:")
    dis.dis(arithmetic)

    # Conditionals
    def conditional(x):
        if x > 10:
            return "big"
        else:
            return "small"

    print("\n" + "=" * 60)
    print("Conditional (if/else):")
    dis.dis(conditional)

    # List comprehension
    def list_comp(n):
        return [x * 2 for x in range(n)]

    print("\n" + "=" * 60)
    print("List comprehension:")
    dis.dis(list_comp)

    # Attribute access
    def attr_access(obj):
        return obj.value

    print("\n" + "=" * 60)
    print("Attribute access:")
    dis.dis(attr_access)

demonstrate_opcodes()
