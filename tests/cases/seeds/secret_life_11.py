import dis
"""
CLASSES IN BYTECODE:

Class definition is dynamic in Python.
The bytecode shows how classes are built at runtime.

KEY OPCODES:
- LOAD_BUILD_CLASS: Load the __build_class__ function
- MAKE_FUNCTION: Create method functions
- CALL_FUNCTION: Execute __build_class__
- LOAD_METHOD: Optimized method loading (Python 3.7+)
- CALL_METHOD: Optimized method calling
"""

def demonstrate_class_bytecode():
    """Show bytecode for class definition and method calls"""

    # Define a simple class
    source = """
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def distance(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
"""

    print("Class definition bytecode:")
    print("=" * 60)
    code = compile(source, '<string>', 'exec')
    dis.dis(code)

    # Method call
    def use_point():
        p = Point(3, 4)
        return p.distance()

    print("\n" + "=" * 60)
    print("Method call bytecode:")
    dis.dis(use_point)

    print("\n✓ Class definition is executable code")
    print("✓ Methods are just functions")
    print("✓ LOAD_METHOD + CALL_METHOD optimized (3.7+)")

# Create the Point class first
exec(compile("""
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def distance(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
""", '<string>', 'exec'), globals())

demonstrate_class_bytecode()
