print(hash(0), hash(1), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61 - 2), hash(-(2 ** 61 - 1)), hash(10 ** 30))
print(hash(0.5), hash(-0.5), hash(1e100), hash(1e-100), hash(float("inf")), hash(float("-inf")), hash(2.0 ** 70))
print(hash(1j), hash(1 + 1j), hash(complex(0.5, -2)), hash(True), hash(None) == hash(None))
print(hash("") , hash("a"), hash("ab"), hash("hello world"), hash("é"), hash("日本語"), hash("\U0001f600"))
print(hash(b""), hash(b"a"), hash(b"hello world"), hash(bytes(range(256))))
print(hash(()), hash((1,)), hash((1, 2)), hash(("a", "b")), hash((1, (2, (3,)))), hash(("n", True, 1.5)))
print(hash(frozenset()), hash(frozenset({1})), hash(frozenset({1, 2, 3})), hash(frozenset("abc")))
# An empty range hashes as (0, None, None): compared, not printed (CPython 3.11's hash(None) is its address).
print(hash(range(5)), hash(range(0)) == hash(range(7, 7)) == hash((0, None, None)), hash(range(1, 10, 2)))
import sys
print(sys.hash_info.width, sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.nan, sys.hash_info.imag, sys.hash_info.algorithm, sys.hash_info.hash_bits, sys.hash_info.seed_bits)
class H:
    def __hash__(self):
        return 2 ** 70
class Neg:
    def __hash__(self):
        return -1
class NoHash:
    __hash__ = None
class EqOnly:
    def __eq__(self, o):
        return True
print(hash(H()), hash(Neg()), EqOnly.__hash__)
for obj in [NoHash(), EqOnly(), [], {}, set(), bytearray()]:
    try:
        hash(obj)
    except TypeError as e:
        print(e)
class BadHash:
    def __hash__(self):
        return "x"
try:
    hash(BadHash())
except TypeError as e:
    print(e)
