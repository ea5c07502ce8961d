# ast.parse then compile() gives the code object compiling the source gives (every field,
# nested code objects included), over a sample of the stdlib; and the trees ast.parse makes of
# them print as CPython's (ast.dump with positions, as a digest).
import ast
import hashlib
import os
import sys

root = os.path.dirname(os.__file__)
names = ['dataclasses.py', 'functools.py', 'textwrap.py', 'json/decoder.py', 'email/utils.py']


def fields(code):
    """The code object as nested tuples (marshal's bytes also depend on reference counts)."""
    consts = tuple(fields(c) if isinstance(c, type(code)) else (type(c).__name__, repr(c)) for c in code.co_consts)
    return (code.co_code, consts, code.co_names, code.co_varnames, code.co_freevars, code.co_cellvars,
            code.co_linetable, code.co_exceptiontable, code.co_flags, code.co_stacksize, code.co_argcount,
            code.co_posonlyargcount, code.co_kwonlyargcount, code.co_firstlineno, code.co_name, code.co_qualname)


for name in names:
    path = os.path.join(root, name)
    with open(path, encoding='utf-8') as f:
        source = f.read()
    tree = ast.parse(source, path)
    direct = fields(compile(source, path, 'exec', dont_inherit=True))
    via_tree = fields(compile(tree, path, 'exec', dont_inherit=True))
    dump = ast.dump(tree, include_attributes=True)
    print(name, direct == via_tree, len(dump), hashlib.sha256(dump.encode()).hexdigest()[:16])
    # ast.unparse's text compiles to the same tree.
    again = ast.parse(ast.unparse(tree))
    print('  unparse round trip', ast.dump(again) == ast.dump(tree))

for mode, text in [('eval', '[x for x in y if x]'), ('single', 'x = 1; print(x)'), ('eval', 'lambda a, /, b=2, *c, d, **e: (a, b, c, d, e)')]:
    tree = ast.parse(text, mode=mode)
    print(mode, fields(compile(text, '<s>', mode)) == fields(compile(tree, '<s>', mode)))
try:
    compile(ast.parse('[x async for x in y]', mode='eval'), '<s>', 'eval')
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text))
