"""
WHEN PYTHON COMPILES CODE:

1. MODULE IMPORT
   - First import compiles and caches
   - Subsequent imports load from cache
   - Recompiles if source changes

2. SCRIPT EXECUTION
   - python script.py compiles before running
   - No .pyc for main script (not imported)

3. INTERACTIVE MODE
   - Each line compiled immediately
   - No caching (ephemeral)

4. EXEC() AND EVAL()
   - compile() explicit compilation
   - exec() compiles then executes
   - eval() compiles expression

5. LAMBDA AND COMPREHENSIONS
   - Compiled when defined
   - Create separate code objects
"""

def demonstrate_compilation_timing():
    """Show when compilation happens"""

    import time
    import sys

    print("Compilation timing demonstration:")
    print("=" * 60)

    # Compile a code string
    source = "result = sum(range(1000))"

    # Time compilation
    start = time.perf_counter()
    code_obj = compile(source, '<string>', 'exec')
    compile_time = time.perf_counter() - start

    print(f"Compilation time: {compile_time*1000:.4f} ms")

    # Time execution of bytecode
    namespace = {}
    start = time.perf_counter()
    exec(code_obj, namespace)
    exec_time = time.perf_counter() - start

    print(f"Execution time: {exec_time*1000:.4f} ms")
    print(f"Result: {namespace['result']}")

    # Execute again (no recompilation)
    namespace = {}
    start = time.perf_counter()
    exec(code_obj, namespace)
    exec_time_2 = time.perf_counter() - start

    print(f"\nSecond execution: {exec_time_2*1000:.4f} ms")
    print("✓ No recompilation needed")
    print("✓ Bytecode is reusable")

    # Compare with exec() that compiles each time
    start = time.perf_counter()
    exec(source)  # Compiles AND executes
    both_time = time.perf_counter() - start

    print(f"\nexec() with compilation: {both_time*1000:.4f} ms")
    print("✓ Compilation adds overhead")
    print("✓ Reusing bytecode is faster")

demonstrate_compilation_timing()
