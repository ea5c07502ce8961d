import dis
"""
BYTECODE MASTER SUMMARY:

═══════════════════════════════════════════════════════════════
1. PYTHON COMPILES TO BYTECODE
═══════════════════════════════════════════════════════════════
   - Source code never executes directly
   - Compilation happens automatically and invisibly
   - Bytecode is platform-independent instructions
   - Similar to Java bytecode or .NET IL
   - Two-stage process: compile → interpret

═══════════════════════════════════════════════════════════════
2. THE COMPILATION PIPELINE
═══════════════════════════════════════════════════════════════
   Source Code (.py)
   → Lexical Analysis (tokens)
   → Parsing (parse tree)
   → AST (Abstract Syntax Tree)
   → Bytecode Compilation
   → Bytecode (.pyc when cached)
   → Python VM Interpretation
   → Execution

═══════════════════════════════════════════════════════════════
3. BYTECODE INSTRUCTIONS
═══════════════════════════════════════════════════════════════
   Common opcodes:
   - LOAD_FAST/CONST/GLOBAL: Load values
   - STORE_FAST/GLOBAL: Store values
   - BINARY_ADD/MULTIPLY/etc: Arithmetic
   - COMPARE_OP: Comparisons
   - POP_JUMP_IF_FALSE/TRUE: Conditionals
   - CALL_FUNCTION: Function calls
   - RETURN_VALUE: Return from function

═══════════════════════════════════════════════════════════════
4. THE DIS MODULE
═══════════════════════════════════════════════════════════════
   Tools for viewing bytecode:
   - dis.dis(function): Disassemble function
   - dis.show_code(code_obj): Show code details
   - function.__code__: Access code object
   - inspect module: Higher-level introspection

═══════════════════════════════════════════════════════════════
5. STACK-BASED EXECUTION
═══════════════════════════════════════════════════════════════
   Python VM is a stack machine:
   - Most instructions push/pop from stack
   - Efficient for expression evaluation
   - Simple VM implementation
   - Well-suited for compiled bytecode

═══════════════════════════════════════════════════════════════
6. COMPILE-TIME OPTIMIZATIONS
═══════════════════════════════════════════════════════════════
   Peephole optimizer performs:
   - Constant folding (2+3 → 5)
   - Dead code elimination (if False: ...)
   - String interning and concatenation
   - Jump optimization
   - Constant expression evaluation

═══════════════════════════════════════════════════════════════
7. .PYC FILES
═══════════════════════════════════════════════════════════════
   Cached compiled bytecode:
   - Created in __pycache__/ directory
   - Faster imports (skip compilation)
   - Version-specific (magic number)
   - Automatically managed by Python
   - Can be distributed (but version-locked)

═══════════════════════════════════════════════════════════════
8. WHEN COMPILATION HAPPENS
═══════════════════════════════════════════════════════════════
   - Module import (first time)
   - Script execution (every time)
   - exec() and eval()
   - Lambda and comprehension definition
   - Compile() explicit compilation

═══════════════════════════════════════════════════════════════
9. PERFORMANCE IMPLICATIONS
═══════════════════════════════════════════════════════════════
   Why bytecode helps:
   ✓ Pre-validated code (syntax checked)
   ✓ Optimizations applied once
   ✓ Compact instruction set
   ✓ Fast interpretation

   Why Python isn't C-fast:
   ✗ Bytecode interpretation overhead
   ✗ Dynamic typing runtime checks
   ✗ No direct CPU execution

   But fast enough because:
   ✓ Good algorithm complexity
   ✓ C extensions for hot paths
   ✓ Developer productivity matters more

═══════════════════════════════════════════════════════════════
10. CODE OBJECTS
═══════════════════════════════════════════════════════════════
   Every function has __code__ with:
   - co_code: Raw bytecode bytes
   - co_consts: Constants used
   - co_names: Names referenced
   - co_varnames: Local variables
   - co_argcount: Argument count
   - co_stacksize: Stack requirement
   - Many more metadata fields

═══════════════════════════════════════════════════════════════
11. VERSION COMPATIBILITY
═══════════════════════════════════════════════════════════════
   - Bytecode format changes between versions
   - Magic number identifies version
   - .pyc files are version-specific
   - Can't share bytecode across versions
   - __pycache__ includes version in filename

═══════════════════════════════════════════════════════════════
12. PRACTICAL IMPLICATIONS
═══════════════════════════════════════════════════════════════
   Understanding bytecode helps with:
   ✓ Performance optimization insights
   ✓ Understanding Python behavior
   ✓ Debugging mysterious issues
   ✓ Writing better code
   ✓ Appreciating Python's design

═══════════════════════════════════════════════════════════════
13. COMMON MISCONCEPTIONS DEBUNKED
═══════════════════════════════════════════════════════════════
   ✗ "Python is purely interpreted" → Compiles to bytecode first
   ✗ "Python is slow because interpreted" → Bytecode is reasonably fast
   ✗ "No compilation step" → Compilation happens automatically
   ✗ ".pyc files are just cache" → They're compiled bytecode
   ✗ "Source runs directly" → Bytecode runs, not source

   More accurate: Python is "compiled to bytecode, then interpreted"

═══════════════════════════════════════════════════════════════
14. WHEN TO CARE ABOUT BYTECODE
═══════════════════════════════════════════════════════════════
   Most developers don't need to:
   - Python abstracts it away
   - Usually don't need dis module
   - Optimizations automatic

   But useful for:
   - Understanding performance
   - Debugging weird issues
   - Learning Python internals
   - Writing dev tools
   - Curiosity and education

═══════════════════════════════════════════════════════════════
15. THE BIG PICTURE
═══════════════════════════════════════════════════════════════
   Python's bytecode system is:
   - Elegant compromise between speed and flexibility
   - Foundation for dynamic features
   - Reason Python is "fast enough"
   - What enables C extension integration
   - Core to Python's practical success

   The "secret" is that Python isn't purely interpreted.
   It's a compiled language with a bytecode VM,
   giving you the benefits of both worlds.
"""
