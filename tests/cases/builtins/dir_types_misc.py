import types
d = {}
for T in [object, type, type(None), type(NotImplemented), type(...), property, classmethod, staticmethod, super,
          enumerate, zip, map, filter, reversed, type(iter([])), type(iter(())), type(iter("")), type(iter(range(1))),
          type(d.keys()), type(d.values()), type(d.items()), types.SimpleNamespace, types.FunctionType, types.MethodType,
          types.BuiltinFunctionType, types.GeneratorType, types.CodeType, types.FrameType, types.TracebackType,
          types.CellType, types.ModuleType, BaseException, Exception, OSError, StopIteration, SyntaxError,
          BaseExceptionGroup, KeyError, UnicodeDecodeError]:
    print(T.__name__, sorted(dir(T)))
