"""
WHY BYTECODE MAKES PYTHON VIABLE:

COMPARED TO PURE INTERPRETATION:
✓ Bytecode is pre-validated (syntax errors caught early)
✓ Name resolution done at compile time where possible
✓ Optimizations applied once, not every execution
✓ Smaller instruction set to interpret
✓ Stack-based VM is efficient

COMPARED TO COMPILED LANGUAGES (C, Rust):
✗ Bytecode interpretation has overhead
✗ Dynamic typing requires runtime checks
✗ No machine code generation
✗ CPU doesn't execute bytecode directly

BUT Python is fast enough because:
1. Compilation removes syntax overhead
2. Bytecode is compact and efficient
3. C extensions bypass bytecode entirely
4. JIT compilers possible (PyPy)
5. Most time spent in libraries (NumPy, etc.)

NOTE ON PYPY:
PyPy is an alternative Python implementation with a JIT compiler.
It compiles bytecode → machine code at runtime.
Can be 4-7x faster than CPython for pure Python code.
Shows that bytecode VM isn't the only option!

THE TRADEOFF:
Python sacrifices raw speed for:
✓ Dynamic typing
✓ Runtime flexibility
✓ Easier C integration
✓ Simpler implementation
✓ Better developer ergonomics
"""

def demonstrate_performance_characteristics():
    """Show where Python spends time"""

    import time

    # Pure Python loop (lots of bytecode interpretation)
    def python_sum(n):
        total = 0
        for i in range(n):
            total += i
        return total

    # Using built-in (C implementation)
    def builtin_sum(n):
        return sum(range(n))

    n = 1_000_000

    print("Performance comparison:")
    print("=" * 60)

    # Time Python loop
    start = time.perf_counter()
    result1 = python_sum(n)
    python_time = time.perf_counter() - start

    print(f"Pure Python loop: {python_time*1000:.2f} ms")

    # Time built-in
    start = time.perf_counter()
    result2 = builtin_sum(n)
    builtin_time = time.perf_counter() - start

    print(f"Built-in sum(): {builtin_time*1000:.2f} ms")
    print(f"Speedup: {python_time/builtin_time:.1f}x")

    print("\n✓ Built-ins are C code, bypass bytecode")
    print("✓ Bytecode interpretation has overhead")
    print("✓ But Python is still fast enough for most tasks")

    # Show bytecode instruction count
    print("\n" + "=" * 60)
    print("Bytecode instructions executed:")
    print(f"Python loop: ~{n * 10} instructions (estimated)")
    print(f"Built-in sum: minimal bytecode, C does the work")

demonstrate_performance_characteristics()
