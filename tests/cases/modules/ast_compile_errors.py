# compile() of trees of node objects: the conversion's and the validator's errors, with
# CPython 3.11's types and messages.
import ast
import warnings
warnings.simplefilter('ignore', SyntaxWarning)


def t(tree, mode='exec'):
    try:
        code = compile(tree, '<ast>', mode)
        print('ok', list(code.co_positions())[:3])
    except Exception as e:
        print(type(e).__name__, e)


L = dict(lineno=1, col_offset=0)
def C(v=1):
    return ast.Constant(v, **L)
def M(*stmts):
    return ast.Module(body=list(stmts), type_ignores=[])
def P(pattern):
    return M(ast.Match(C(), [ast.match_case(pattern, None, [ast.Pass(**L)])], **L))
PL = dict(lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)

# Conversion: missing fields, wrong types, unknown nodes.
t(M(ast.Expr(ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2)))))
t(ast.fix_missing_locations(M(ast.Expr(ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2))))))
t(M(ast.Expr(ast.BinOp(C(), ast.Add(), **L), **L)))
t(M(ast.Expr(ast.BinOp(C(), 5, C(), **L), **L)))
t(M(ast.Expr(ast.BinOp(C(), ast.Add, C(), **L), **L)))
t(M(ast.Expr(ast.BinOp(None, ast.Add(), C(), **L), **L)))
t(ast.Module(body=ast.Expr(), type_ignores=[]))
t(ast.Module(body=[]))
t(M(ast.Expr(ast.Name(1, ast.Load(), **L), **L)))
t(M(ast.Expr(ast.Name(None, ast.Load(), **L), **L)))
t(M(ast.Expr(ast.Name('x', None, **L), **L)))
t(M(ast.Expr(ast.Constant(**L), **L)))
t(M(ast.Expr(ast.Constant(1, kind=3, **L), **L)))
t(M(ast.Expr(C(), lineno='a', col_offset=0)))
t(M(ast.Expr(C(), lineno=1.0, col_offset=0)))
t(M(ast.Expr(C(), lineno=True, col_offset=0)))
t(M(ast.Expr(C(), lineno=2**40, col_offset=0)))
t(M(ast.AnnAssign(ast.Name('x', ast.Store(), **L), C(), None, None, **L)))
t(M(ast.Global(['x', 5], **L)))
t(M(ast.Expr(ast.Lambda(None, C(), **L), **L)))
t(M(ast.Expr(ast.Call(C(), [], [None], **L), **L)))
t(M(ast.Expr(ast.ListComp(C(), [None], **L), **L)))
t(M(ast.Import([None], **L)))
t(M(5))
t(M(None))
t(5)
t(ast.Load())
t(ast.expr())
class Sub(ast.Module):
    pass
t(Sub(body=[], type_ignores=[]))
t(ast.FunctionType([], C()), 'func_type')
t(ast.Expression(body=C()), 'exec')
t(ast.Expression(body=C()), 'eval')
t(M(), 'eval')
t(ast.Interactive([ast.Expr(C(), **L)]), 'single')
t(ast.Interactive([]), 'single')
t(ast.Expression(C()), 'single')

# Constants.
t(M(ast.Expr(ast.Constant((1, (2, frozenset({3})), b'x', 1j, ..., None, True, 2**100), **L), **L)))
t(M(ast.Expr(ast.Constant([1], **L), **L)))
t(M(ast.Expr(ast.Constant((1, [2]), **L), **L)))
class I(int):
    pass
t(M(ast.Expr(ast.Constant(I(3), **L), **L)))

# The validator.
t(M(ast.Expr(ast.Name('x', ast.Store(), **L), **L)))
t(M(ast.Expr(ast.Name('None', ast.Load(), **L), **L)))
t(M(ast.Expr(ast.Name('True', ast.Load(), **L), **L)))
t(M(ast.Expr(C(), lineno=3, col_offset=0, end_lineno=2, end_col_offset=0)))
t(M(ast.Expr(C(), lineno=3, col_offset=5, end_lineno=3, end_col_offset=2)))
t(M(ast.Expr(C(), lineno=3, col_offset=-2, end_lineno=3, end_col_offset=4)))
t(M(ast.Expr(C(), lineno=-3, col_offset=2, end_lineno=3, end_col_offset=4)))
t(M(ast.Expr(C(), lineno=-1, col_offset=-1, end_lineno=-1, end_col_offset=-1)))
t(M(ast.Expr(ast.Name('f', ast.Load(), lineno=2, col_offset=3, end_col_offset=7), lineno=2, col_offset=3)))
t(M(ast.Expr(ast.Name('f', ast.Load(), lineno=2, col_offset=3, end_lineno=4), lineno=2, col_offset=3)))
t(M(ast.FunctionDef('f', ast.arguments([], [], None, [], [], None, []), [], [], **L)))
t(M(ast.If(C(), [], [], **L)))
t(M(ast.ImportFrom('x', [ast.alias('y', **L)], -1, **L)))
t(M(ast.ImportFrom('x', [ast.alias('y', **L)], None, **L)))
t(M(ast.Expr(ast.Compare(C(), [ast.Eq()], [], **L), **L)))
t(M(ast.Expr(ast.Compare(C(), [ast.Eq(), ast.Lt()], [C()], **L), **L)))
t(M(ast.Global([], **L)))
t(M(ast.Expr(ast.Attribute(ast.Name('a', ast.Load(), **L), 'b', ast.Load(), **L), **L)))
t(M(ast.Expr(ast.NamedExpr(C(), C(), **L), **L)))
t(M(ast.Expr(ast.BoolOp(ast.And(), [C()], **L), **L)))
t(M(ast.Expr(ast.Tuple([None], ast.Load(), **L), **L)))
t(M(ast.Expr(ast.Dict([None], [C()], **L), **L)))
t(M(ast.Expr(ast.Dict([None], [C(), C()], **L), **L)))
t(M(ast.Raise(None, C(), **L)))
t(M(ast.Try([ast.Pass(**L)], [], [], [], **L)))
t(M(ast.Try([ast.Pass(**L)], [], [ast.Pass(**L)], [ast.Pass(**L)], **L)))
t(M(ast.AnnAssign(ast.Attribute(ast.Name('a', ast.Load(), **L), 'b', ast.Store(), **L), C(), None, 1, **L)))
t(M(ast.Expr(ast.ListComp(C(), [], **L), **L)))
t(M(ast.Match(C(), [], **L)))
t(M(ast.FunctionDef('f', ast.arguments([], [], None, [], [], None, [C()]), [ast.Pass(**L)], [], **L)))
t(M(ast.FunctionDef('f', ast.arguments([], [], None, [ast.arg('a', **L)], [], None, []), [ast.Pass(**L)], [], **L)))
t(M(ast.FunctionDef('None', ast.arguments([], [], None, [], [], None, []), [ast.Pass(**L)], [], **L)))
t(M(ast.Expr(ast.Call(C(), [], [ast.keyword('None', C(), **L)], **L), **L)))
t(M(ast.Expr(ast.Starred(C(), ast.Load(), **L), **L)))
t(M(ast.Assign([ast.Starred(ast.Name('x', ast.Store(), **L), ast.Store(), **L)], C(), **L)))
t(M(ast.Expr(ast.Lambda(ast.arguments([], [], None, [], [], None, []), None, **L), **L)))
t(M(ast.Expr(ast.Yield(None, **L), **L)))
t(M(ast.Return(C(), **L)))
t(M(ast.Delete([], **L)))
t(M(ast.Delete([ast.Name('x', ast.Load(), **L)], **L)))
t(M(ast.With([], [ast.Pass(**L)], **L)))
t(M(ast.Expr(ast.Call(ast.Name('f', ast.Load(), **L), [], [], **L), **L)))

# Patterns.
t(P(ast.MatchValue(ast.Constant(None, **L), **PL)))
t(P(ast.MatchValue(ast.Name('x', ast.Load(), **L), **PL)))
t(P(ast.MatchValue(ast.Attribute(ast.Name('x', ast.Load(), **L), 'y', ast.Load(), **L), **PL)))
t(P(ast.MatchSingleton(1, **PL)))
t(P(ast.MatchSingleton(None, **PL)))
t(P(ast.MatchStar('x', **PL)))
t(P(ast.MatchSequence([ast.MatchStar('x', **PL)], **PL)))
t(P(ast.MatchAs(ast.MatchStar('x', **PL), None, **PL)))
t(P(ast.MatchAs(ast.MatchAs(None, 'y', **PL), None, **PL)))
t(P(ast.MatchAs(None, '_', **PL)))
t(P(ast.MatchAs(None, 'None', **PL)))
t(P(ast.MatchOr([], **PL)))
t(P(ast.MatchOr([ast.MatchAs(None, 'a', **PL)], **PL)))
t(P(ast.MatchClass(C(), [], [], [], **PL)))
t(P(ast.MatchClass(ast.Name('K', ast.Load(), **L), [], ['a'], [], **PL)))
t(P(ast.MatchMapping([C()], [], None, **PL)))
t(P(ast.MatchMapping([], [], '_', **PL)))
t(P(ast.MatchValue(C(), lineno=1, col_offset=0)))

# Deep trees.
def deep(n):
    e = C()
    for i in range(n):
        e = ast.UnaryOp(ast.USub(), e, **L)
    return M(ast.Expr(e, **L))
t(deep(50))
t(deep(100000))
for n in (2900, 2999):
    try:
        ast.parse('-' * n + '1')
        print(n, 'parsed')
    except RecursionError as e:
        print(n, type(e).__name__, e)

# ONLY_AST returns a tree as it is; func_type needs it.
x = ast.parse('x')
print(compile(x, '<s>', 'exec', ast.PyCF_ONLY_AST) is x)
for args in [('x', 's', 'func_type'), ('x', 's', 'foo'), ('x', 's', 'exec', 0x8000000), ('x', 's', 'exec', 0, False, 5)]:
    try:
        compile(*args)
    except ValueError as e:
        print('ValueError', e)
