import dis
"""
DEBUGGING WITH DIS:

Bytecode inspection can reveal:
- Why certain code is slow
- What Python is actually doing
- Optimization opportunities
- Surprising behavior explanations

PRACTICAL EXAMPLES:
"""

def debug_performance_issue():
    """Use dis to understand performance"""

    # Version 1: Naive implementation
    def count_evens_v1(numbers):
        count = 0
        for num in numbers:
            if num % 2 == 0:
                count += 1
        return count

    # Version 2: Using sum with generator
    def count_evens_v2(numbers):
        return sum(1 for num in numbers if num % 2 == 0)

    # Version 3: Using built-in
    def count_evens_v3(numbers):
        return sum(num % 2 == 0 for num in numbers)

    print("Performance debugging with bytecode:")
    print("=" * 60)

    print("\nVersion 1 - Manual loop:")
    dis.dis(count_evens_v1)

    print("\n" + "=" * 60)
    print("Version 2 - Generator with sum:")
    dis.dis(count_evens_v2)

    print("\n" + "=" * 60)
    print("Version 3 - Boolean sum:")
    dis.dis(count_evens_v3)

    # Time them
    import time
    numbers = list(range(100000))

    start = time.perf_counter()
    count_evens_v1(numbers)
    time_v1 = time.perf_counter() - start

    start = time.perf_counter()
    count_evens_v2(numbers)
    time_v2 = time.perf_counter() - start

    start = time.perf_counter()
    count_evens_v3(numbers)
    time_v3 = time.perf_counter() - start

    print("\n" + "=" * 60)
    print("Performance results:")
    print(f"  Version 1 (manual): {time_v1*1000:.2f} ms")
    print(f"  Version 2 (generator): {time_v2*1000:.2f} ms")
    print(f"  Version 3 (boolean): {time_v3*1000:.2f} ms")

    print("\n✓ Bytecode shows implementation differences")
    print("✓ Can identify optimization opportunities")
    print("✓ Reveals what's actually happening")

def debug_surprising_behavior():
    """Use dis to explain surprising behavior"""

    # Why are these different?
    def func1():
        x = []
        return x

    def func2():
        return []

    print("\n" + "=" * 60)
    print("Debugging surprising behavior:")
    print("=" * 60)

    print("\nfunc1 - Store then return:")
    dis.dis(func1)

    print("\nfunc2 - Direct return:")
    dis.dis(func2)

    print("\n✓ func1 has extra STORE_FAST")
    print("✓ func2 is more efficient")
    print("✓ Bytecode reveals the difference")

debug_performance_issue()
debug_surprising_behavior()
