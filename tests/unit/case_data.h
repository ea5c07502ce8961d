// Reading the case files that tools/gen_test_cases.py records from CPython
// 3.11 into tests/unit/data/: one case a line, tab-separated fields, text
// that may hold anything written as the hex of its UTF-8 ("-" if empty).
#pragma once

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#ifndef KRAIT_SOURCE_DIR
#error "the unit-test target must define KRAIT_SOURCE_DIR (the repository root)"
#endif

namespace krait::test {

inline std::vector<std::vector<std::string>> read_cases(const std::string& file) {
    std::string path = std::string(KRAIT_SOURCE_DIR) + "/tests/unit/data/" + file;
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::vector<std::vector<std::string>> cases;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        std::vector<std::string> fields;
        size_t start = 0;
        while (true) {
            size_t tab = line.find('\t', start);
            fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        cases.push_back(std::move(fields));
    }
    return cases;
}

inline std::string unhex(const std::string& hex) {
    if (hex == "-") return {};
    std::string out;
    for (size_t i = 0; i + 1 < hex.size(); i += 2) out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    return out;
}

}  // namespace krait::test
