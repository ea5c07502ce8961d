# Every codec of the encodings package that is written in Python over _codecs (the CJK codecs
# need C modules; idna needs unicodedata): a round trip of sample text, what cannot be encoded, and the codec's name.
import codecs

NAMES = """ascii charmap cp037 cp1006 cp1026 cp1125 cp1140 cp1250 cp1251 cp1252 cp1253 cp1254 cp1255
cp1256 cp1257 cp1258 cp273 cp424 cp437 cp500 cp720 cp737 cp775 cp850 cp852 cp855 cp856 cp857 cp858
cp860 cp861 cp862 cp863 cp864 cp865 cp866 cp869 cp874 cp875 hp_roman8 iso8859_1 iso8859_10
iso8859_11 iso8859_13 iso8859_14 iso8859_15 iso8859_16 iso8859_2 iso8859_3 iso8859_4 iso8859_5
iso8859_6 iso8859_7 iso8859_8 iso8859_9 koi8_r koi8_t koi8_u kz1048 latin_1 mac_arabic mac_croatian
mac_cyrillic mac_farsi mac_greek mac_iceland mac_latin2 mac_roman mac_romanian mac_turkish palmos
ptcp154 punycode raw_unicode_escape tis_620 unicode_escape utf_16 utf_16_be utf_16_le utf_32
utf_32_be utf_32_le utf_7 utf_8 utf_8_sig""".split()

SAMPLE = "Hello, world! caf\xe9 \u0416\u0430 \u03a9 \u20ac \u05d0 \u0e01 \U0001F600 ~+\\"
for name in NAMES:
    info = codecs.lookup(name)
    line = [name, info.name]
    for text in ["Hello", SAMPLE]:
        try:
            data = text.encode(name)
            back = data.decode(name)
            line.append(repr(data))
            line.append("same" if back == text else repr(back))
        except UnicodeError as e:
            line.append(type(e).__name__ + ": " + str(e))
    for text in ["caf\xe9", "\u20ac"]:
        for h in ["replace", "xmlcharrefreplace"]:
            try:
                line.append(repr(text.encode(name, h)))
            except UnicodeError as e:
                line.append(type(e).__name__ + ": " + str(e))
    print(*line)

# Every byte through each 8-bit table.
for name in NAMES:
    if name.startswith(("cp", "iso", "mac", "koi", "kz", "ptcp", "hp", "palm", "tis")):
        text = bytes(range(256)).decode(name, "replace")
        print(name, len(text), ascii(text[128:]))
        print(name, repr(text.encode(name, "replace")[120:200]))
