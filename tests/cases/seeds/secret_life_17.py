import dis
"""
BYTECODE COMPATIBILITY:

IMPORTANT: Bytecode is version-specific!

- Python 3.11 bytecode ≠ Python 3.10 bytecode
- Magic numbers identify Python version
- .pyc files are version-specific
- New Python releases often change opcodes
- Can't share .pyc files across versions

RECENT BYTECODE CHANGES:

Python 3.11:
- Adaptive specialized bytecode (PEP 659)
- Faster calls, attribute access
- Exception handling improvements

Python 3.10:
- Match statement support (new opcodes)
- Improved error messages

Python 3.9:
- Dictionary merge operators
- Annotation features

Python 3.8:
- Walrus operator (:=)
- Positional-only parameters

CHECKING BYTECODE VERSION:
"""

import importlib.util
import sys

def show_version_info():
    """Display Python version and bytecode info"""

    print("Python version and bytecode:")
    print("=" * 60)
    print(f"Python version: {sys.version}")
    print(f"Version info: {sys.version_info}")

    # Magic number
    magic = importlib.util.MAGIC_NUMBER
    print(f"\nMagic number: {magic.hex()}")
    print(f"(Identifies Python {sys.version_info.major}.{sys.version_info.minor} bytecode)")

    # Show a version-specific feature
    def walrus_example():
        # Walrus operator (Python 3.8+)
        if (n := 42) > 40:
            return n

    print("\n" + "=" * 60)
    print("Python 3.8+ feature (walrus operator):")
    dis.dis(walrus_example)

    print("\n✓ Bytecode is version-specific")
    print("✓ .pyc files include version check")
    print("✓ Incompatible versions won't load")

show_version_info()
