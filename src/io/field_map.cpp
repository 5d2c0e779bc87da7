// Recognised field names per layer role and the mapping of a layer's fields onto them.
#include "io/field_map.h"

#include "core/messages.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace beltplan::io {

namespace {

// ASCII letters lowered, surrounding spaces dropped; other bytes (Chinese) kept as they are.
std::string fold(const std::string& name) {
    std::size_t begin = 0;
    std::size_t end = name.size();
    while (begin < end && name[begin] == ' ') {
        ++begin;
    }
    while (end > begin && name[end - 1] == ' ') {
        --end;
    }
    std::string out = name.substr(begin, end - begin);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c);
    });
    return out;
}

// Aliases in order of preference. 三调 (third land survey): CJDCQ with ZLDWDM/ZLDWMC (坐落单位)
// and QSDWDM/QSDWMC (权属单位), XZQ with XZQDM/XZQMC; civil-affairs and statistics lists:
// 村代码, 村名称, 乡镇代码, 统计用区划代码; site sheets: 示范点名称, 所在村, 乡镇, 级别.
const std::vector<TargetField> kVillageFields = {
    {"code",
     "import.field.village_code",
     {"ZLDWDM", "村代码", "村级代码", "行政村代码", "村委会代码", "统计用区划代码", "行政区划代码",
      "区划代码", "代码", "QSDWDM", "XZQDM", "CUNDM", "CJDM", "village_code", "code", "adcode"}},
    {"name",
     "import.field.village_name",
     {"ZLDWMC", "村名称", "村名", "行政村名称", "行政村", "村委会名称", "村委会", "村庄名称",
      "名称", "QSDWMC", "XZQMC", "CUNMC", "CJMC", "village_name", "name"}},
    {"town_code",
     "import.field.town_code",
     {"乡镇代码", "乡镇街道代码", "所属乡镇代码", "乡级代码", "XZDM", "XIANGDM", "town_code"}},
    {"town_name",
     "import.field.town_name",
     {"乡镇名称", "乡镇", "所属乡镇", "乡镇街道", "乡镇（街道）", "乡镇(街道)", "镇", "XZMC",
      "XIANGMC", "town_name", "town", "folder"}},
    {"population", "import.field.population", {"人口", "总人口", "户籍人口", "population", "pop"}},
    {"party_members",
     "import.field.party_members",
     {"党员数", "党员", "党员人数", "party_members"}},
    {"collective_income",
     "import.field.collective_income",
     {"集体收入", "集体经济收入", "村集体收入", "collective_income", "income"}},
    {"kind", "import.field.kind", {"类型", "村类型", "kind"}},
    {"weak_org", "import.field.weak_org", {"软弱涣散", "weak_org"}},
    {"leader", "import.field.leader", {"能人", "leader"}},
    {"seat_x",
     "import.field.seat_x",
     {"seat_x", "seat_lon", "驻地经度", "村委会经度", "驻地X", "经度", "longitude", "lon", "lng"}},
    {"seat_y",
     "import.field.seat_y",
     {"seat_y", "seat_lat", "驻地纬度", "村委会纬度", "驻地Y", "纬度", "latitude", "lat"}},
};

const std::vector<TargetField> kTownshipFields = {
    {"code",
     "import.field.town_code",
     {"XZQDM", "乡镇代码", "乡镇街道代码", "统计用区划代码", "区划代码", "代码", "XZDM", "code"}},
    {"name", "import.field.town_name", {"XZQMC", "乡镇名称", "乡镇", "名称", "XZMC", "name"}},
};

const std::vector<TargetField> kRoadFields = {
    {"name", "import.field.road_name", {"路名", "名称", "道路名称", "name"}},
    {"class", "import.field.road_class", {"等级", "道路等级", "class", "fclass", "highway"}},
};

const std::vector<TargetField> kSiteFields = {
    {"id", "import.field.site_id", {"编号", "id", "site_id"}},
    {"name",
     "import.field.site_name",
     {"示范点名称", "示范点", "点位名称", "名称", "name", "site_name"}},
    {"level", "import.field.site_level", {"级别", "等级", "层级", "level"}},
    {"theme", "import.field.site_theme", {"主题", "类别", "theme"}},
    {"village_code",
     "import.field.village_code",
     {"村代码", "所在村代码", "村级代码", "统计用区划代码", "village_code"}},
    {"village_name",
     "import.field.village_name",
     {"所在村", "所在村名称", "所属村", "村名", "村名称", "行政村", "村庄", "村", "village"}},
    {"town_name",
     "import.field.town_name",
     {"乡镇", "所在乡镇", "所属乡镇", "乡镇名称", "乡镇（街道）", "乡镇(街道)", "镇", "town"}},
    {"lon", "import.field.lon", {"经度", "东经", "lon", "lng", "longitude", "x"}},
    {"lat", "import.field.lat", {"纬度", "北纬", "lat", "latitude", "y"}},
};

std::vector<std::string> target_names(LayerRole role) {
    std::vector<std::string> names;
    for (const TargetField& t : target_fields(role)) {
        names.push_back(t.name);
    }
    return names;
}

const TargetField* find_target(LayerRole role, const std::string& name) {
    for (const TargetField& t : target_fields(role)) {
        if (t.name == name) {
            return &t;
        }
    }
    return nullptr;
}

}  // namespace

const char* role_name(LayerRole role) {
    switch (role) {
        case LayerRole::kVillages:
            return "villages";
        case LayerRole::kTownships:
            return "townships";
        case LayerRole::kRoads:
            return "roads";
        case LayerRole::kSites:
            return "sites";
    }
    return "villages";
}

std::string role_label(LayerRole role) {
    switch (role) {
        case LayerRole::kVillages:
            return core::tr("import.role.villages");
        case LayerRole::kTownships:
            return core::tr("import.role.townships");
        case LayerRole::kRoads:
            return core::tr("import.role.roads");
        case LayerRole::kSites:
            return core::tr("import.role.sites");
    }
    return "";
}

const std::vector<TargetField>& target_fields(LayerRole role) {
    switch (role) {
        case LayerRole::kVillages:
            return kVillageFields;
        case LayerRole::kTownships:
            return kTownshipFields;
        case LayerRole::kRoads:
            return kRoadFields;
        case LayerRole::kSites:
            return kSiteFields;
    }
    return kVillageFields;
}

int FieldMapping::at(const std::string& target) const {
    const auto it = index.find(target);
    return it == index.end() ? -1 : it->second;
}

std::size_t recognised_fields(const std::vector<std::string>& names) {
    std::size_t n = 0;
    for (LayerRole role :
         {LayerRole::kVillages, LayerRole::kTownships, LayerRole::kRoads, LayerRole::kSites}) {
        core::Result<FieldMapping> m = map_fields(role, names, {}, core::Where{});
        n += m ? m->index.size() : 0;
    }
    return n;
}

std::string join_field_names(const std::vector<std::string>& names) {
    if (names.empty()) {
        return core::tr("import.none");
    }
    std::string out;
    for (const std::string& n : names) {
        out += (out.empty() ? "" : ", ") + n;
    }
    return out;
}

core::Error missing_field_error(LayerRole role, const std::string& target,
                                const std::vector<std::string>& layer_fields,
                                const core::Where& where) {
    const TargetField* t = find_target(role, target);
    const std::string label = t != nullptr ? core::tr(t->label) : target;
    return core::make_error(core::ErrorCode::kFieldMissing, where,
                            core::tr("import.no_field_for", {label, join_field_names(layer_fields),
                                                             role_name(role), target}));
}

core::Result<FieldMapping> map_fields(LayerRole role, const std::vector<std::string>& layer_fields,
                                      const std::map<std::string, std::string>& explicit_fields,
                                      const core::Where& where) {
    FieldMapping mapping;
    std::set<int> used;
    for (const auto& [target, source] : explicit_fields) {
        if (find_target(role, target) == nullptr) {
            return core::make_error(
                core::ErrorCode::kBadArgument, where,
                core::tr("import.field_target_unknown",
                         {role_name(role), target, join_field_names(target_names(role))}));
        }
        // Exact name first, then the case-insensitive match.
        auto it = std::find(layer_fields.begin(), layer_fields.end(), source);
        if (it == layer_fields.end()) {
            it = std::find_if(
                layer_fields.begin(), layer_fields.end(),
                [&source = source](const std::string& f) { return fold(f) == fold(source); });
        }
        if (it == layer_fields.end()) {
            core::Where w = where;
            w.field = source;
            return core::make_error(
                core::ErrorCode::kFieldMissing, w,
                core::tr("import.field_given_missing",
                         {role_name(role), target, join_field_names(layer_fields)}));
        }
        const int idx = static_cast<int>(it - layer_fields.begin());
        mapping.index[target] = idx;
        mapping.source[target] = *it;
        mapping.explicit_targets.insert(target);
        used.insert(idx);
    }
    for (const TargetField& t : target_fields(role)) {
        if (mapping.has(t.name)) {
            continue;
        }
        // A field spelled exactly as beltplan writes it wins over the other names: a layer that
        // beltplan exported (which keeps the source's fields, e.g. XZQDM beside code) reads
        // back as written.
        const auto own = std::find(layer_fields.begin(), layer_fields.end(), t.name);
        if (own != layer_fields.end() &&
            used.count(static_cast<int>(own - layer_fields.begin())) == 0) {
            const int idx = static_cast<int>(own - layer_fields.begin());
            mapping.index[t.name] = idx;
            mapping.source[t.name] = *own;
            used.insert(idx);
            continue;
        }
        for (const std::string& alias : t.aliases) {
            const std::string want = fold(alias);
            int found = -1;
            for (int i = 0; i < static_cast<int>(layer_fields.size()); ++i) {
                if (used.count(i) == 0 && fold(layer_fields[static_cast<std::size_t>(i)]) == want) {
                    found = i;
                    break;
                }
            }
            if (found >= 0) {
                mapping.index[t.name] = found;
                mapping.source[t.name] = layer_fields[static_cast<std::size_t>(found)];
                used.insert(found);
                break;
            }
        }
    }
    return mapping;
}

}  // namespace beltplan::io
