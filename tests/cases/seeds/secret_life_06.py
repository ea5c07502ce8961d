"""
.PYC FILES: COMPILED BYTECODE CACHE

When you import a module, Python:
1. Checks if a .pyc file exists in __pycache__/
2. Checks if it's up-to-date (compares timestamps)
3. If valid, loads bytecode from .pyc (fast!)
4. If invalid or missing, compiles source to bytecode
5. Saves new bytecode to .pyc file

.PYC FILE FORMAT (Python 3.7-3.10):
- Magic number (Python version identifier)
- Timestamp (source modification time)
- Source file size
- Marshalled code object (bytecode)

.PYC FILE FORMAT (Python 3.11+):
- Magic number (4 bytes)
- Flags field (4 bytes) - new in 3.11
- Hash (8 bytes) - for hash-based .pyc files
- Marshalled code object (bytecode)

Note: .pyc format has changed across Python versions.
The code below works for Python 3.7-3.10 format.

WHY THIS MATTERS:
✓ Imports are much faster (skip compilation)
✓ Startup time reduced significantly
✓ Same bytecode works across platforms
✗ Source changes require recompilation
✗ Python version changes invalidate cache
"""

import py_compile
import marshal
import importlib.util
import os

def demonstrate_pyc_files():
    """Show how .pyc files work"""

    # Create a simple module
    source_file = '/tmp/test_module.py'
    with open(source_file, 'w') as f:
        f.write("""
def greet(name):
    return f"Hello, {name}!"

CONSTANT = 42
""")

    print("Compiling module to .pyc:")
    print("=" * 60)

    # Compile to .pyc
    pyc_file = py_compile.compile(source_file, doraise=True)
    print(f"Source: {source_file}")
    print(f"Compiled to: {pyc_file}")

    # Show file sizes
    source_size = os.path.getsize(source_file)
    pyc_size = os.path.getsize(pyc_file)
    print(f"\nSource size: {source_size} bytes")
    print(f"Bytecode size: {pyc_size} bytes")

    # Read the .pyc file structure
    with open(pyc_file, 'rb') as f:
        # Magic number (4 bytes)
        magic = f.read(4)
        print(f"\nMagic number: {magic.hex()}")

        # Timestamp (4 bytes) - Python 3.7+
        timestamp = f.read(4)
        print(f"Timestamp: {int.from_bytes(timestamp, 'little')}")

        # File size (4 bytes) - Python 3.7+
        size = f.read(4)
        print(f"Source size in .pyc: {int.from_bytes(size, 'little')} bytes")

        # Code object (marshalled)
        code_obj = marshal.load(f)
        print(f"\nCode object loaded: {code_obj}")
        print(f"Functions in module: {[c for c in code_obj.co_consts if hasattr(c, 'co_name')]}")

    print("\n✓ .pyc files contain compiled bytecode")
    print("✓ Much faster to load than compiling source")
    print("✓ Automatically managed by Python")

    # Cleanup
    os.remove(source_file)
    os.remove(pyc_file)

demonstrate_pyc_files()
