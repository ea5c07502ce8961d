# BaseException subclasses are not caught by 'except Exception'.
for cls in (KeyboardInterrupt, SystemExit, GeneratorExit, ValueError):
    try:
        try:
            raise cls()
        except Exception:
            print(cls.__name__, "caught by Exception")
    except BaseException:
        print(cls.__name__, "caught by BaseException")
raise KeyboardInterrupt
