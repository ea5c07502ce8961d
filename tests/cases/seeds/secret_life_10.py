import dis
"""
CLOSURES IN BYTECODE:

Closures require special handling in bytecode.
Free variables (from enclosing scope) use special opcodes.

NEW OPCODES FOR CLOSURES:
- LOAD_DEREF: Load free variable (from closure)
- STORE_DEREF: Store free variable
- LOAD_CLOSURE: Load cell for closure creation
- MAKE_FUNCTION: Create function with closure
"""

def demonstrate_closure_bytecode():
    """Show how closures are implemented"""

    # Simple function (no closure)
    def regular_func(x):
        return x * 2

    # Function with closure
    def make_multiplier(factor):
        def multiplier(x):
            return x * factor  # 'factor' is free variable
        return multiplier

    print("Closure bytecode:")
    print("=" * 60)

    print("\nRegular function (no closure):")
    dis.dis(regular_func)

    print("\n" + "=" * 60)
    print("Outer function (creates closure):")
    dis.dis(make_multiplier)

    print("\n" + "=" * 60)
    # Get the inner function's code
    multiply_by_3 = make_multiplier(3)
    print("Inner function (uses closure):")
    dis.dis(multiply_by_3)

    print("\n✓ LOAD_DEREF loads from enclosing scope")
    print("✓ Closures have special bytecode support")
    print("✓ Free variables tracked in code object")

    # Show free variables
    print(f"\nFree variables: {multiply_by_3.__code__.co_freevars}")
    print(f"Cell contents: {multiply_by_3.__closure__[0].cell_contents}")

demonstrate_closure_bytecode()
