// CSV reading for the division list and the belt seed list (plain comma-separated, no quotes).
#include "sample/divisions.h"

#include <fstream>
#include <map>
#include <sstream>

namespace beltplan::tools {

namespace {

std::vector<std::string> split(const std::string& line) {
    std::vector<std::string> out;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) {
        out.push_back(cell);
    }
    if (!line.empty() && line.back() == ',') {
        out.emplace_back();
    }
    return out;
}

// Reads the rows of a CSV file with a header; each row as a column-name -> value map.
core::Result<std::vector<std::map<std::string, std::string>>> read_csv(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        return core::make_error(core::ErrorCode::kOpenFailed, {path, "", -1, ""},
                                "the file cannot be opened");
    }
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    const std::vector<std::string> header = split(line);
    std::vector<std::map<std::string, std::string>> rows;
    std::int64_t number = 1;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (line.empty()) {
            continue;
        }
        const std::vector<std::string> cells = split(line);
        if (cells.size() != header.size()) {
            return core::make_error(core::ErrorCode::kReadFailed, {path, "", number, ""},
                                    "the line has " + std::to_string(cells.size()) +
                                        " columns instead of " + std::to_string(header.size()));
        }
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < header.size(); ++i) {
            row[header[i]] = cells[i];
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace

core::Result<Divisions> read_divisions(const std::string& dir) {
    const std::string div_path = dir + "/xuanhua_divisions_2016.csv";
    auto rows = read_csv(div_path);
    if (!rows) {
        return rows.error();
    }
    Divisions d;
    for (auto& r : *rows) {
        if (r["level"] == "town") {
            d.towns.push_back({r["code"], r["name"], r["kind"]});
        } else if (r["level"] == "village") {
            d.villages.push_back(
                {r["code"], r["name"], r["short_name"], r["town_code"], r["kind"]});
        }
    }
    const std::string belt_path = dir + "/seed_belts.csv";
    auto belt_rows = read_csv(belt_path);
    if (!belt_rows) {
        return belt_rows.error();
    }
    std::int64_t number = 1;
    for (auto& r : *belt_rows) {
        ++number;
        BeltRow b{r["road"], std::atoi(r["order_in_text"].c_str()), r["village"], r["town"],
                  r["code_2016"]};
        bool found = false;
        for (const VillageRow& v : d.villages) {
            found = found || v.code == b.code;
        }
        if (!found) {
            return core::make_error(core::ErrorCode::kUnknownReference,
                                    {belt_path, "", number, "code_2016"},
                                    "village code " + b.code + " is not in the division list");
        }
        d.belts.push_back(std::move(b));
    }
    if (d.towns.empty() || d.villages.empty()) {
        return core::make_error(core::ErrorCode::kEmptyLayer, {div_path, "", -1, ""},
                                "the division list has no towns or no villages");
    }
    return d;
}

}  // namespace beltplan::tools
