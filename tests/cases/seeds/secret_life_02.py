"""
THE DIS MODULE:

Python's built-in disassembler for viewing bytecode.

dis.dis() - Disassemble a function, method, class, or code object
dis.show_code() - Show code object details
dis.get_instructions() - Get bytecode instructions programmatically

BYTECODE INSTRUCTION FORMAT:

Line number | Byte offset | Opcode name | Argument | (Interpreted argument)
"""

import dis

def simple_function(x):
    """Simple function to demonstrate bytecode"""
    y = x + 10
    return y * 2

print("Bytecode for simple_function:")
print("=" * 60)
dis.dis(simple_function)

print("\n" + "=" * 60)
print("Understanding the output:")
print("  Column 1: Line number in source code")
print("  Column 2: Byte offset in bytecode")
print("  Column 3: Opcode name (instruction)")
print("  Column 4: Argument to instruction")
print("  Column 5: Interpretation of argument")
