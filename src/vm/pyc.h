// krait's .pyc files.
//
// Layout: CPython 3.11's 16-byte header, so tools that read .pyc headers keep working
//   magic (4 bytes: krait's number, little-endian, then b'\r\n')
//   flags (4): 0 = timestamp-based; bit 0 = hash-based, bit 1 = check the source hash
//   mtime (4) + source size (4), or the 8-byte source hash
// then the marshalled code object (byte for byte what CPython 3.11 writes for the same code),
// then a trailer CPython's files do not have: the CRC-32 of the marshalled body, 4 bytes
// little-endian. A cache whose trailer does not match is treated like one with a bad magic
// number: recompiled from the source, or an ImportError when there is none.
//
// CPython 3.11's own .pyc files (magic 3495, no trailer) are accepted where a sourceless file is
// run or imported: the bytecode is the same; their code objects are verified before they run.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/object.h"

namespace krait::vm {

using runtime::Value;

// Changes whenever krait's instruction set or code-object layout changes.
inline constexpr uint16_t kPycMagicNumber = 21011;
inline constexpr uint16_t kCPythonMagicNumber = 3495;  // CPython 3.11's
inline constexpr size_t kPycHeaderSize = 16;
inline constexpr size_t kPycTrailerSize = 4;

enum class PycOrigin { Krait, CPython };

// The 4 magic bytes of a krait .pyc.
std::string pyc_magic();
// A whole .pyc: header words (flags and the two validation words, or flags and an 8-byte
// hash given as `key`), the body, the trailer.
std::string pyc_build(uint32_t flags, std::string_view key8, std::string_view body);

// Checks a .pyc's magic, header length, flags and (for krait's files) checksum. On success sets
// *body to the marshalled code (trailer excluded) and returns 0; otherwise raises
// ImportError/EOFError with CPython's messages (`name` is the module name for them) and
// returns -1. `exc_details` (a dict of ImportError keywords: name, path) may be null.
int pyc_check(std::string_view data, Value name, Value exc_details, std::string_view* body, PycOrigin* origin = nullptr);

// Code object (new reference) for the source file at `path` compiled with co_filename
// `shown_as`, through krait's own cache of the modules CPython freezes (kept next to the
// executable as krait-frozen/<cache_name>.krait-311.pyc, written even under -B: it belongs to
// the installation, like CPython's frozen modules). Null + error.
Value load_cached_source_code(const std::string& path, const std::string& shown_as, const std::string& cache_name);

// Installs krait's .pyc format into importlib._bootstrap_external (its magic number, and the
// functions that write and classify .pyc data). 0 or -1 + error.
int install_pyc_format(Value external);

// Runs-ready code object (new reference) from a whole .pyc file's bytes (krait's or CPython
// 3.11's), for `krait FILE.pyc`. Null + error.
Value code_from_pyc(std::string_view data, const std::string& path);

}  // namespace krait::vm
