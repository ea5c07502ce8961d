"""
PYTHON'S EXECUTION PIPELINE:

Source Code (.py file)
    ↓
Lexical Analysis (Tokenizer)
    ↓
Parsing (Build Parse Tree)
    ↓  ← Syntax errors caught here! Invalid code stops.
Abstract Syntax Tree (AST)
    ↓
Bytecode Compilation
    ↓
Bytecode (.pyc file - cached)
    ↓
Python Virtual Machine (Interpreter)
    ↓
Execution

KEY INSIGHTS:

1. COMPILATION HAPPENS FIRST
   - Your source code never executes directly
   - Python compiles to bytecode before running
   - This happens automatically and invisibly
   - Syntax errors are caught during lexical/parsing stages

2. TWO-STAGE PROCESS
   - Stage 1: Compile (source → bytecode)
   - Stage 2: Interpret (bytecode → execution)
   - "Interpreted" refers to Stage 2 only

3. BYTECODE IS PLATFORM-INDEPENDENT
   - Same bytecode runs on any Python interpreter
   - Different from machine code (CPU-specific)
   - Similar to Java's .class files or .NET's IL

4. CACHING VIA .PYC FILES
   - Bytecode is cached in __pycache__/
   - Skips recompilation if source unchanged
   - Significantly speeds up imports

NOTE: The Lexical Analysis and Parsing stages are where
all syntax errors are detected. If your code has invalid
syntax (missing colons, unmatched parentheses, etc.), 
it never reaches bytecode compilation. This is why you
get SyntaxError before your code runs - compilation fails."""

def demonstrate_compilation():
    """Show that compilation happens before execution"""

    import sys
    import types

    # Method 1: Compile source to bytecode explicitly
    source_code = """
def greet(name):
    return f"Hello, {name}!"
"""

    # Compile the source code
    code_object = compile(source_code, '<string>', 'exec')

    print("Compilation successful!")
    print(f"Type: {type(code_object)}")
    print(f"Code object: {code_object}")
    print(f"Number of bytecode instructions: {len(code_object.co_code)}")

    # Execute the compiled bytecode
    namespace = {}
    exec(code_object, namespace)

    # Now we can use the function
    greet_func = namespace['greet']
    print(f"\nResult: {greet_func('Timothy')}")

    print("\n✓ Source was compiled first, then executed")
    print("✓ Your source code never runs directly")
    print("✓ Bytecode is the actual executable form")

demonstrate_compilation()
