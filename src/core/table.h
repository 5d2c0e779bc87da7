// Tables as values (the department's workbook: sheets of typed cells) so analysis can build
// them and io can write them as XLSX or CSV without either knowing the other.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace beltplan::core {

// One cell: empty, text, or a number with the way it is shown.
struct Cell {
    enum class Kind {
        kEmpty,
        kText,
        kInteger,  // a count, shown without decimals
        kNumber,   // shown with up to two decimals
        kPercent,  // a share 0..1, shown as a percentage with one decimal
        kKm,       // a distance already in km, shown with one decimal
    };
    Kind kind = Kind::kEmpty;
    std::string text;
    double number = 0.0;

    static Cell empty() { return {}; }
    static Cell of_text(std::string s) { return {Kind::kText, std::move(s), 0.0}; }
    static Cell of_integer(std::int64_t v) { return {Kind::kInteger, {}, static_cast<double>(v)}; }
    static Cell of_number(double v) { return {Kind::kNumber, {}, v}; }
    static Cell of_percent(double share) { return {Kind::kPercent, {}, share}; }
    static Cell of_km(double metres) { return {Kind::kKm, {}, metres / 1000.0}; }
    bool operator==(const Cell& o) const {
        return kind == o.kind && text == o.text && number == o.number;
    }
};

struct Sheet {
    std::string name;                     // at most 31 characters (Excel's limit)
    std::vector<std::string> headings;    // one per column
    std::vector<std::vector<Cell>> rows;  // each as many cells as headings
};

struct Workbook {
    std::vector<Sheet> sheets;
};

}  // namespace beltplan::core
