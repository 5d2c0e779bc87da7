// Reads the real names and codes the sample plan is built on: the NBS 2016 town and village
// list of 宣化区 and the 21 belt villages of the practice documents (../shared/data/xuanhua).
#pragma once

#include "core/result.h"

#include <string>
#include <vector>

namespace beltplan::tools {

struct TownRow {
    std::string code;  // 9 digits
    std::string name;  // official name, e.g. 沙岭子镇, 天泰寺街道办事处
    std::string type;  // 街道, 镇 or 乡
};

struct VillageRow {
    std::string code;        // 12 digits
    std::string name;        // official name, e.g. 屈家庄村委会
    std::string short_name;  // e.g. 屈家庄
    std::string town_code;
    std::string type;  // 村委会 or 居委会
};

struct BeltRow {
    std::string road;  // 张小线, 洋新线, 宣赤线
    int order_in_text = 0;
    std::string village;
    std::string town;
    std::string code;  // 2016 village code
};

struct Divisions {
    std::vector<TownRow> towns;        // in file order
    std::vector<VillageRow> villages;  // in file order
    std::vector<BeltRow> belts;        // in file order
};

// Reads xuanhua_divisions_2016.csv and seed_belts.csv from `dir`; an Error names the file
// and line of the first bad row, or a belt village missing from the division list.
core::Result<Divisions> read_divisions(const std::string& dir);

}  // namespace beltplan::tools
