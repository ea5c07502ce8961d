# NameError suggestions for close names (printed in the uncaught traceback).
import sys
maximum_value = 10
def compute():
    local_counter = 1
    return local_countr + 1
try:
    compute()
except NameError as e:
    print("NameError:", e, e.name)
try:
    print(maximum_valeu)
except NameError as e:
    print("NameError:", e.name)
try:
    lenn([1])
except NameError as e:
    print("caught", e.name)
class C:
    def method(self):
        return attribute_x
C.attribute_x = 1
print(maximun_value)
