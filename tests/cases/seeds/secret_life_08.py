import dis
"""
BYTECODE VS MACHINE CODE:

BYTECODE (What Python Produces):
- Platform-independent instructions
- Interpreted by Python VM
- Higher-level than machine code
- One bytecode instruction → many CPU instructions
- Python-specific instruction set
- Portable across operating systems

MACHINE CODE (What C/Rust Produces):
- CPU-specific binary instructions
- Executed directly by hardware
- Lowest-level instructions
- One instruction → one CPU operation
- x86, ARM, etc. specific
- Compiled separately for each platform

EXAMPLE:

Python bytecode:
    BINARY_ADD  # One instruction

What the VM does (simplified):
    1. Pop two values from stack
    2. Check both are numbers
    3. Determine numeric type
    4. Call appropriate add function
    5. Handle potential exceptions
    6. Push result to stack
    → ~100+ machine code instructions

C machine code:
    add rax, rbx  # One CPU instruction
    → Direct hardware execution

THE TRADEOFF:
✓ Bytecode: Portable, flexible, dynamic
✗ Bytecode: Interpretation overhead
✓ Machine code: Fast, direct execution
✗ Machine code: Platform-specific, less flexible
"""

def demonstrate_abstraction_levels():
    """Show the layers of abstraction"""

    print("Abstraction levels in Python:")
    print("=" * 60)

    # High-level Python
    source = "result = 2 + 3"
    print(f"Python source:\n  {source}\n")

    # Compiled bytecode
    code = compile(source, '<string>', 'exec')
    print("Bytecode:")
    dis.dis(code)

    # What bytecode represents
    print("\nWhat BINARY_ADD does internally:")
    print("  1. Pop operands from stack")
    print("  2. Type checking (int? float? custom?)")
    print("  3. Call appropriate implementation")
    print("  4. Exception handling")
    print("  5. Push result")
    print("  → Many machine instructions per bytecode")

    print("\nEquivalent C (pseudocode):")
    print("  int result = 2 + 3;")
    print("  → Compiles to: mov eax, 2; add eax, 3")
    print("  → Direct CPU instructions")

    print("\n✓ Bytecode is higher-level abstraction")
    print("✓ Enables Python's dynamic features")
    print("✓ Price: interpretation overhead")

demonstrate_abstraction_levels()
