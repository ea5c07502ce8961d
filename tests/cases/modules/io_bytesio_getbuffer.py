# BytesIO.getbuffer(): a writable view that pins the buffer (BufferError on resize while exported); pickle's framing uses it.
import io
b = io.BytesIO(b'abcdef')
m = b.getbuffer()
print(type(m), m.readonly, m.format, len(m), bytes(m))
m[0] = ord('X'); print(b.getvalue())
for op in (lambda: b.write(b'zz'), lambda: b.truncate(2), lambda: b.close(), lambda: b.seek(0), lambda: b.read(1), lambda: b.writelines([b'a'])):
  try: print(op())
  except Exception as e: print(type(e).__name__, e)
m2 = m[1:3]; m.release();
try: b.write(b'q')
except Exception as e: print(type(e).__name__, e)
m2.release(); b.write(b'q'); print(b.getvalue())
c = io.BytesIO(); print(bytes(c.getbuffer()))
c.close()
try: c.getbuffer()
except Exception as e: print(type(e).__name__, e)
d = io.BytesIO(b'xy'); mm = d.getbuffer(); del mm; d.write(b'1'); print(d.getvalue())
with memoryview(io.BytesIO(b'hello').getbuffer()) as v: print(v.tobytes())
import pickle
print(pickle.dumps([1, 'a', (2.5, None)]), pickle.loads(pickle.dumps({'k': [1, 2, {3}]}, 5)))
big = list(range(50000)); print(pickle.loads(pickle.dumps(big)) == big, len(pickle.dumps(big)))
