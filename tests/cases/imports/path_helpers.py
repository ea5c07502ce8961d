# importlib._bootstrap_external's path helpers (krait runs native ones for exact str
# arguments and the Python ones otherwise): results and errors as the Python code's.
import importlib._bootstrap_external as be
import importlib.util, sys
print(be._path_split('/a/b/c.py'), be._path_split('c.py'), be._path_split('/'), be._path_split(''), be._path_split('a//b'))
print(be._path_join('/a/', 'b//', '', 'c'), repr(be._path_join()), be._path_join('x'), be._path_join('/', 'y'))
T = sys.implementation.cache_tag
print(*(p.replace(T, 'TAG') for p in (importlib.util.cache_from_source('/a/b/c.py'), importlib.util.cache_from_source('c'), importlib.util.cache_from_source('.bashrc'), importlib.util.cache_from_source('a.b.py'))))
print(importlib.util.cache_from_source('/a/b/c.py', optimization=2).replace(T, 'TAG'))
print(be.cache_from_source('x.py', optimization='').replace(T, 'TAG'))
sys.pycache_prefix = '/tmp/pp'
print(importlib.util.cache_from_source('/a/b/c.py').replace(T, 'TAG'))
sys.pycache_prefix = None
class S(str): pass
print(be._path_join(S('a'), 'b'), be._path_split(S('a/b')))
try: be._path_join(1, 2)
except Exception as e: print(type(e).__name__, e)
try: be._path_split(None)
except Exception as e: print(type(e).__name__, e)
try: be.cache_from_source(3)
except Exception as e: print(type(e).__name__, e)
import pathlib
print(be.cache_from_source(pathlib.PurePosixPath('/q/r.py')).replace(T, 'TAG'))
