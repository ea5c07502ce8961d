import dis
"""
CODE OBJECTS: THE BYTECODE CONTAINER

Every function has a __code__ attribute containing:
- co_code: Raw bytecode (bytes)
- co_consts: Constants used (tuple)
- co_names: Names referenced (tuple)
- co_varnames: Local variable names (tuple)
- co_argcount: Number of arguments
- co_stacksize: Required stack depth
- Many more attributes...

CODE OBJECT ATTRIBUTES:
"""

def demonstrate_code_objects():
    """Explore code object structure"""

    def example_function(x, y):
        """Example with various elements"""
        z = x + y
        result = z * 2
        return result

    code = example_function.__code__

    print("Code object exploration:")
    print("=" * 60)
    print(f"Function: {example_function.__name__}")
    print(f"Code object: {code}")

    print(f"\nBytecode (raw bytes):")
    print(f"  {code.co_code.hex()}")
    print(f"  Length: {len(code.co_code)} bytes")

    print(f"\n  Understanding the hex:")
    print(f"  - Bytecode is a sequence of bytes")
    print(f"  - Each instruction: 1 byte opcode + argument bytes")
    print(f"  - Example: First bytes might be LOAD_FAST opcode + argument")
    print(f"  - The hex string maps directly to disassembled instructions below")

    print(f"\nConstants:")
    for i, const in enumerate(code.co_consts):
        print(f"  {i}: {repr(const)}")

    print(f"\nVariable names:")
    for i, name in enumerate(code.co_varnames):
        print(f"  {i}: {name}")

    print(f"\nArgument count: {code.co_argcount}")
    print(f"Local variables: {code.co_nlocals}")
    print(f"Stack size: {code.co_stacksize}")
    print(f"Flags: {code.co_flags}")

    print("\n" + "=" * 60)
    print("Disassembly:")
    dis.dis(example_function)

    print("\n✓ Code objects contain all bytecode metadata")
    print("✓ Can be inspected, serialized, modified")
    print("✓ Foundation of Python's dynamic execution")

demonstrate_code_objects()
