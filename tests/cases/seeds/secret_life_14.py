import dis
"""
PYTHON 3.11 ADAPTIVE SPECIALIZATION (PEP 659):

Python 3.11 introduced adaptive, specializing bytecode.
Instructions can specialize based on runtime behavior.

EXAMPLE:
BINARY_ADD can become:
- BINARY_ADD_INT (if both operands are always ints)
- BINARY_ADD_FLOAT (if both are floats)
- BINARY_ADD_UNICODE (for string concatenation)

HOW IT WORKS:
1. Code starts with generic instructions
2. VM monitors actual types used
3. After warm-up, replaces with specialized version
4. Specialized version faster (skips type checks)
5. Falls back to generic if types change

PERFORMANCE IMPACT:
- Adaptive bytecode contributes to overall speedup
- Combined with other 3.11 improvements (below)
- Most benefit from type-stable code
- Backwards compatible (bytecode still works)

OTHER 3.11 IMPROVEMENTS:
- Faster function calls (inline caching)
- Better attribute access (cache locations)
- Optimized exception handling (zero-cost try)
- Frame stack optimizations

OVERALL RESULT: Python 3.11 is 10-60% faster than 3.10
for typical workloads (not just from adaptive bytecode).
"""

import sys

def show_311_features():
    """Show Python 3.11+ bytecode features"""

    print("Python 3.11+ adaptive bytecode:")
    print("=" * 60)
    print(f"Python version: {sys.version_info.major}.{sys.version_info.minor}")

    if sys.version_info >= (3, 11):
        def add_numbers(a, b):
            return a + b

        print("\nInitial bytecode:")
        dis.dis(add_numbers)

        # Warm up (in real 3.11, this would cause specialization)
        for _ in range(1000):
            add_numbers(1, 2)

        print("\n✓ After warm-up, BINARY_ADD may specialize")
        print("✓ Specialized version skips type checks")
        print("✓ Significantly faster for hot code")
    else:
        print(f"\n⚠ Python 3.11+ required for adaptive bytecode")
        print(f"  Current version: {sys.version_info.major}.{sys.version_info.minor}")
        print("  Adaptive specialization not available")

    print("\n✓ Python's bytecode continues evolving")
    print("✓ Each version brings improvements")
    print("✓ But core concepts remain the same")

show_311_features()
