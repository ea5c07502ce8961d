import dis
"""
COMPREHENSIONS IN BYTECODE:

List comprehensions and generator expressions
create separate code objects (mini-functions).

This is why they:
- Have their own local scope
- Don't leak iteration variables
- Can be more efficient than loops
"""

def demonstrate_comprehension_bytecode():
    """Show how comprehensions are implemented"""

    def list_comp_example():
        return [x * 2 for x in range(5)]

    def generator_exp_example():
        return (x * 2 for x in range(5))

    def manual_loop():
        result = []
        for x in range(5):
            result.append(x * 2)
        return result

    print("Comprehension bytecode:")
    print("=" * 60)

    print("\nList comprehension:")
    dis.dis(list_comp_example)

    print("\n" + "=" * 60)
    print("Generator expression:")
    dis.dis(generator_exp_example)

    print("\n" + "=" * 60)
    print("Manual loop:")
    dis.dis(manual_loop)

    print("\n✓ Comprehensions create separate code objects")
    print("✓ More bytecode instructions, but faster")
    print("✓ Optimized implementation in C")

demonstrate_comprehension_bytecode()
