# __class__ assignment between ModuleType and its subclasses (allowed), to other types (refused).
import types, sys
m = types.ModuleType('m')
class Sub(types.ModuleType): pass
m.__class__ = Sub
print(type(m).__name__)
m.__class__ = types.ModuleType
print(type(m).__name__)
try:
    m.__class__ = int
except TypeError as e:
    print(e)
class O: pass
try:
    m.__class__ = O
except TypeError as e:
    print(e)
try:
    (1).__class__ = bool
except TypeError as e:
    print(e)
