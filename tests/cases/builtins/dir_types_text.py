for T in [str, bytes, bytearray, memoryview]:
    print(T.__name__, sorted(dir(T)))
