# The node classes of _ast / ast: names, bases, _fields, _attributes, docs, defaults, the
# AST constructor and pickling, as CPython 3.11 makes them.
import _ast
import ast
import copy
import pickle

print(sorted(n for n in dir(_ast) if not n.startswith('__')))
print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
print(ast.AST.__module__, ast.AST.__name__, ast.AST._fields, ast.AST._attributes, ast.AST.__match_args__)
print([c.__name__ for c in ast.AST.__subclasses__()])
for name in ['mod', 'Module', 'expr', 'BinOp', 'Constant', 'Load', 'operator', 'Add', 'arguments', 'arg',
             'keyword', 'alias', 'comprehension', 'excepthandler', 'ExceptHandler', 'pattern', 'MatchAs',
             'type_ignore', 'TypeIgnore', 'cmpop', 'stmt', 'ImportFrom', 'withitem', 'match_case']:
    cls = getattr(ast, name)
    own = {k: v for k, v in vars(cls).items() if k not in ('__doc__', '__weakref__', 'n', 's')}
    print(name, cls.__bases__[0].__name__, own, repr(cls.__doc__))
print([c.__name__ for c in ast.expr.__subclasses__()])

# The AST constructor.
b = ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2))
print(ast.dump(b), b._fields, vars(b).keys())
print(ast.dump(ast.BinOp(left=ast.Name('x'), foo=5)), ast.BinOp(left=1, foo=5).foo)
for args, kwargs in [((1, 2, 3, 4), {}), ((1,), {'left': 2}), ((1,), {}), ((), {})]:
    try:
        node = ast.BinOp(*args, **kwargs)
        print('made', vars(node))
    except TypeError as e:
        print('TypeError', e)
for cls, n in [(ast.Expr, 2), (ast.Load, 1), (ast.alias, 3), (ast.AST, 1)]:
    try:
        cls(*range(n))
    except TypeError as e:
        print('TypeError', e)
try:
    ast.BinOp().left
except AttributeError as e:
    print('AttributeError', e)
print(ast.Constant(5).kind, ast.arg('a').annotation, ast.ImportFrom('m', []).level if hasattr(ast.ImportFrom('m', []), 'level') else 'no level')
print(ast.AST(a=1, b=2).__dict__)

class Custom(ast.AST):
    _fields = ('a', 'b')
print(vars(Custom(1, 2)), vars(Custom(1, b=3)))

# Singletons from ast.parse, fresh instances from the constructors.
t1, t2 = ast.parse('a'), ast.parse('b + c')
print(t1.body[0].value.ctx is t2.body[0].value.left.ctx, ast.Load() is ast.Load(), type(t2.body[0].value.op).__name__)

# __reduce__, pickle, copy.
print(ast.BinOp(1, 2, 3).__reduce__()[1:], ast.Load().__reduce__()[1:])
tree = ast.parse('def f(x: int = 1, *a, k, **kw) -> str:\n    return f"{x!r:>{k}}"\n')
for clone in (pickle.loads(pickle.dumps(tree)), copy.deepcopy(tree)):
    print(ast.dump(clone, include_attributes=True) == ast.dump(tree, include_attributes=True))
print(ast.dump(tree, indent=1))

# Deprecated aliases ast.py builds on the node classes.
print(isinstance(ast.Constant(1), ast.Num), isinstance(ast.Constant('s'), ast.Str), ast.Num(5).n, ast.Str('x').s)
print(ast.Constant(3).n, type(ast.Num(1)).__name__)

# match on nodes (__match_args__).
match ast.parse('x + 1', mode='eval').body:
    case ast.BinOp(ast.Name(id), ast.Add(), ast.Constant(value)):
        print('matched', id, value)
