import dis
"""
EXCEPTION HANDLING BYTECODE:

Exception handling uses special control flow.

KEY OPCODES:
- SETUP_EXCEPT: Set up exception handler
- POP_EXCEPT: Clean up exception handler
- RAISE_VARARGS: Raise exception
- SETUP_FINALLY: Set up finally block
- WITH_CLEANUP: Exception handling for 'with'

EXCEPTION BLOCK TABLE:
Code objects have co_exceptiontable showing
where exception handlers are located.
"""

def demonstrate_exception_bytecode():
    """Show exception handling bytecode"""

    def try_except_example():
        try:
            x = 10 / 0
        except ZeroDivisionError:
            x = 0
        return x

    def try_except_finally():
        try:
            return 42
        finally:
            print("cleanup")

    print("Exception handling bytecode:")
    print("=" * 60)

    print("\nTry/except:")
    dis.dis(try_except_example)

    print("\n" + "=" * 60)
    print("Try/finally:")
    dis.dis(try_except_finally)

    print("\n✓ Exception handlers are jump targets")
    print("✓ Finally blocks always execute")
    print("✓ Special cleanup instructions")

demonstrate_exception_bytecode()
