# The first matching except clause wins, even if a later one is more specific.
class AppError(Exception): pass
class DBError(AppError): pass
class Timeout(DBError): pass
def go(exc):
    try:
        raise exc
    except AppError as e:
        return "AppError handler got " + type(e).__name__
    except Timeout:
        return "never reached"
print(go(Timeout()), go(DBError()))
def ordered(exc):
    try:
        raise exc
    except Timeout:
        return "timeout"
    except DBError:
        return "db"
    except AppError:
        return "app"
    except BaseException as e:
        return "base " + type(e).__name__
print([ordered(e) for e in (Timeout, DBError, AppError, SystemExit, GeneratorExit)])
print(Timeout.__mro__[:4])
