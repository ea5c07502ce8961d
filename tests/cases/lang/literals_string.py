# String literal forms: escapes, raw strings, bytes, implicit concatenation, triple quotes.
print("tab\there", 'quote\'s', "back\\slash", "nul\x00end".replace("\x00", "<NUL>"))
print("\u00e9\u4e2d\U0001F600", "\N{GREEK SMALL LETTER ALPHA}", "\101\x42")
print(r"raw\n\t", R"also\raw", rb"\x00", br"\d")
print(b"bytes\x41", b"\n", len(b"\xff\xfe"))
print("implicit" " concatenation" ' works')
print("""triple
  quoted""", '''single
triple''')
print(len("a\
b"))
print(repr("\x7f\x80\u200b"), ascii("é\n"))
print(repr('"'), repr("'"), repr("'\""), repr(b"'"))
print(u"unicode prefix", type(u"x").__name__)
