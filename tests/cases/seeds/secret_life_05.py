import dis
import time
"""
PEEPHOLE OPTIMIZATION:

Python's compiler performs optimizations at compile time.
These happen before bytecode is generated.

COMMON OPTIMIZATIONS:

1. CONSTANT FOLDING
   - 2 + 3 → 5 (computed at compile time)
   - "hello" + "world""helloworld"

2. CONSTANT EXPRESSION ELIMINATION
   - 24 * 60 * 60 → 86400
   - [1, 2, 3] → constant tuple

3. DEAD CODE ELIMINATION
   - if False: ... → removed entirely

4. JUMP OPTIMIZATION
   - Redundant jumps removed
   - Jump chains shortened

CONSTANT FOLDING LIMITATIONS:
⚠ Only works with literals, not variables
⚠ Limited to simple expressions
⚠ Won't fold mutable objects
⚠ Size limits (won't fold huge strings/collections)
⚠ Example that won't fold: [1, 2] * 1000 (runtime creation)
"""

def show_constant_folding():
    """Demonstrate constant folding optimization"""

    # These will be computed at compile time
    def with_literal():
        return 24 * 60 * 60  # Seconds in a day

    def with_variable(hours):
        return hours * 60 * 60  # Must compute at runtime

    print("Constant folding example:")
    print("=" * 60)
    print("\nFunction with literal: 24 * 60 * 60")
    dis.dis(with_literal)

    print("\nFunction with variable: hours * 60 * 60")
    dis.dis(with_variable)

    print("\n✓ Literal computation done at compile time")
    print("✓ Variable computation must happen at runtime")

def show_dead_code():
    """Demonstrate dead code elimination"""

    def has_dead_code():
        x = 10
        if False:
            print("This will never run")
            y = 20
        return x

    print("\n" + "=" * 60)
    print("Dead code elimination:")
    print("=" * 60)
    dis.dis(has_dead_code)
    print("\n✓ The 'if False' block was completely removed!")
    print("✓ No bytecode generated for unreachable code")

def show_string_optimization():
    """Demonstrate string interning"""

    def string_concat():
        return "hello" + "world"

    print("\n" + "=" * 60)
    print("String concatenation at compile time:")
    print("=" * 60)
    dis.dis(string_concat)
    print("\n✓ String concatenation happened at compile time")
    print("✓ Only one LOAD_CONST for the final string")

show_constant_folding()
show_dead_code()
show_string_optimization()
