# bytearray subclasses (own __init__, attributes, reduce with the instance dict), copy, fromhex on a subclass
class S(bytearray):
    def __init__(self, a, extra=None):
        super().__init__(a)
        self.extra = extra
s = S(b'abc', extra=5)
print(s, s.extra, type(s), len(s), s + b'x', type(s + b'x'), s * 2, type(s[1:]), s.upper(), type(s.upper()))
s.append(100); s += b'!'; print(s, type(s))
print(s == b'abcd!', s == bytearray(b'abcd!'), isinstance(s, bytearray), memoryview(s).tobytes())
import copy
print(copy.copy(bytearray(b'xy')), copy.deepcopy(bytearray(b'z')))
print(s.__reduce_ex__(2))
print("skip")
class T(bytearray):
    pass
t = T.fromhex('4142')
print(t, type(t))
print(bytearray(b'abc').__sizeof__() == 56 + 4)
print(sorted(memoryview(b'cba')), max(bytearray(b'az')), sum(memoryview(b'\x01\x02')))
print(b'ab' in [bytearray(b'ab')], bytearray(b'ab') in {b'ab': 1}.keys() if False else '', list(zip(b'ab', bytearray(b'cd'))))
print(str(bytearray(b'abc'), encoding='ascii'), bytearray(b'ab').decode(errors='strict'))
