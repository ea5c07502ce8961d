# int <-> str conversion of huge numbers is limited to 4300 digits (3.11 security fix).
big = 10 ** 5000
try:
    str(big)
except ValueError as e:
    print("ValueError:", e)
try:
    int("9" * 5000)
except ValueError as e:
    print("ValueError:", e)
print(len(str(10 ** 4299)))
print(hex(big)[:10], big.bit_length())
import sys
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(6000)
print(len(str(big)))
