// The building blocks of krait's AST: an arena that owns every node of one
// parse, arena-backed sequences, identifiers and constant values.
// The node types themselves are generated from python.asdl (ast_nodes.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace krait::ast {

// Bump allocator: nodes are never freed one by one; the whole tree goes when
// the Arena does. Parsing allocates millions of small nodes, so this is the
// difference between a fast and a slow front end.
class Arena {
public:
    Arena() = default;
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;

    void* allocate(size_t size, size_t align = alignof(std::max_align_t)) {
        size_t p = (used_ + align - 1) & ~(align - 1);
        if (!current_ || p + size > capacity_) {
            grow(size + align);
            p = (used_ + align - 1) & ~(align - 1);
        }
        used_ = p + size;
        return current_ + p;
    }

    // A node of type T, value-initialised, with its kind tag set when T is a
    // constructor of a sum type.
    template <class T>
    T* make() {
        T* node = new (allocate(sizeof(T), alignof(T))) T{};
        if constexpr (requires { T::kKind; }) node->node_kind = T::kKind;
        return node;
    }

    // A copy of `text` that lives as long as the arena.
    std::string_view copy(std::string_view text) {
        if (text.empty()) return std::string_view("", 0);
        char* p = static_cast<char*>(allocate(text.size(), 1));
        std::memcpy(p, text.data(), text.size());
        return {p, text.size()};
    }

private:
    void grow(size_t at_least) {
        size_t size = at_least > kChunk ? at_least : kChunk;
        chunks_.push_back(std::make_unique<char[]>(size));
        current_ = chunks_.back().get();
        capacity_ = size;
        used_ = 0;
    }
    static constexpr size_t kChunk = 64 * 1024;
    std::vector<std::unique_ptr<char[]>> chunks_;
    char* current_ = nullptr;
    size_t capacity_ = 0;
    size_t used_ = 0;
};

// An immutable array living in an Arena.
template <class T>
struct Seq {
    T* items = nullptr;
    uint32_t count = 0;

    T* begin() const { return items; }
    T* end() const { return items + count; }
    uint32_t size() const { return count; }
    bool empty() const { return count == 0; }
    T& operator[](size_t i) const { return items[i]; }
    T& back() const { return items[count - 1]; }

    static Seq from(Arena& arena, const T* data, size_t n) {
        Seq s;
        if (n == 0) return s;
        s.items = static_cast<T*>(arena.allocate(sizeof(T) * n, alignof(T)));
        for (size_t i = 0; i < n; ++i) new (&s.items[i]) T(data[i]);
        s.count = static_cast<uint32_t>(n);
        return s;
    }
    static Seq from(Arena& arena, const std::vector<T>& v) { return from(arena, v.data(), v.size()); }
};

// An identifier or string field (UTF-8). A default-constructed one (null
// data) stands for Python's None in optional fields.
struct Identifier {
    const char* data = nullptr;
    uint32_t size = 0;

    Identifier() = default;
    Identifier(std::string_view s) : data(s.data()), size(static_cast<uint32_t>(s.size())) {}
    bool is_none() const { return data == nullptr; }
    explicit operator bool() const { return data != nullptr; }
    std::string_view view() const { return {data, size}; }
    bool operator==(std::string_view s) const { return data && view() == s; }
};

// The value of a Constant node or a MatchSingleton.
}  // namespace krait::ast
namespace krait::bytecode { struct Constant; }
namespace krait::ast {

struct ConstantValue {
    // Folded: a value the AST optimizer computed (a tuple, a frozenset, a folded number or
    // string); `folded` points at it, kept alive by the compilation that folded it.
    enum class Kind : uint8_t { None, True, False, Ellipsis, Int, BigInt, Float, Complex, Str, Bytes, Folded };
    Kind kind = Kind::None;
    // BigInt: the base (2, 8, 10 or 16) of `text`'s digits.
    uint8_t base = 10;
    union {
        int64_t int_value;   // Int
        double float_value;  // Float; Complex: the imaginary part (literals are pure imaginary)
    };
    // Str: UTF-8, with lone surrogates encoded as 3-byte sequences;
    // Bytes: the raw bytes; BigInt: the digits, no prefix or underscores.
    std::string_view text;
    const bytecode::Constant* folded = nullptr;

    ConstantValue() : int_value(0) {}
};

}  // namespace krait::ast
