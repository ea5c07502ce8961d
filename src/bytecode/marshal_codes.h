// The type codes of CPython's marshal format (shared by marshal_dump.cpp and marshal_load.cpp).
#pragma once

namespace krait::bytecode::marshal_code {

inline constexpr char Null = '0';
inline constexpr char None = 'N';
inline constexpr char False = 'F';
inline constexpr char True = 'T';
inline constexpr char StopIter = 'S';
inline constexpr char Ellipsis = '.';
inline constexpr char Int = 'i';
inline constexpr char Int64 = 'I';         // read only (written by old versions)
inline constexpr char Float = 'f';         // text, versions 0-1
inline constexpr char BinaryFloat = 'g';
inline constexpr char Complex = 'x';       // text, versions 0-1
inline constexpr char BinaryComplex = 'y';
inline constexpr char Long = 'l';          // base 2**15 digits
inline constexpr char String = 's';        // bytes
inline constexpr char Interned = 't';
inline constexpr char Ref = 'r';
inline constexpr char Tuple = '(';
inline constexpr char List = '[';
inline constexpr char Dict = '{';
inline constexpr char Code = 'c';
inline constexpr char Unicode = 'u';
inline constexpr char Unknown = '?';
inline constexpr char Set = '<';
inline constexpr char FrozenSet = '>';
inline constexpr char Ascii = 'a';
inline constexpr char AsciiInterned = 'A';
inline constexpr char SmallTuple = ')';
inline constexpr char ShortAscii = 'z';
inline constexpr char ShortAsciiInterned = 'Z';

inline constexpr int FlagRef = 0x80;

}  // namespace krait::bytecode::marshal_code
