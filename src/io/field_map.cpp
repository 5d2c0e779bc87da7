// Recognised field names per layer role and the mapping of a layer's fields onto them.
#include "io/field_map.h"

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

const std::vector<TargetField> kVillageFields = {
    {"code",
     "village code",
     {"代码", "村代码", "行政区划代码", "XZQDM", "CUNDM", "code", "adcode"}},
    {"name", "village name", {"名称", "村名", "村名称", "XZQMC", "CUNMC", "name"}},
    {"town_code", "township code", {"乡镇代码", "XZDM", "town_code"}},
    {"town_name", "township name", {"乡镇名称", "乡镇", "XZMC", "town_name", "town"}},
    {"population", "population", {"人口", "总人口", "户籍人口", "population", "pop"}},
    {"party_members", "Party members", {"党员数", "党员", "party_members"}},
    {"collective_income",
     "collective income",
     {"集体收入", "集体经济收入", "collective_income", "income"}},
    {"kind", "village kind", {"类型", "村类型", "kind"}},
    {"weak_org", "weak organization flag", {"软弱涣散", "weak_org"}},
    {"leader", "capable leader flag", {"能人", "leader"}},
    {"seat_x", "seat x", {"seat_x", "seat_lon", "驻地经度"}},
    {"seat_y", "seat y", {"seat_y", "seat_lat", "驻地纬度"}},
};

const std::vector<TargetField> kTownshipFields = {
    {"code", "township code", {"XZQDM", "乡镇代码", "代码", "code"}},
    {"name", "township name", {"XZQMC", "乡镇名称", "名称", "name"}},
};

const std::vector<TargetField> kRoadFields = {
    {"name", "road name", {"路名", "名称", "道路名称", "name"}},
    {"class", "road class", {"等级", "道路等级", "class", "fclass", "highway"}},
};

const std::vector<TargetField> kSiteFields = {
    {"id", "site id", {"编号", "id", "site_id"}},
    {"name", "site name", {"名称", "示范点", "示范点名称", "name"}},
    {"level", "site level", {"级别", "level"}},
    {"theme", "site theme", {"主题", "theme"}},
    {"village_code", "village code", {"村代码", "所在村代码", "village_code"}},
    {"lon", "longitude", {"经度", "lon", "lng", "longitude", "x"}},
    {"lat", "latitude", {"纬度", "lat", "latitude", "y"}},
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

std::string join_field_names(const std::vector<std::string>& names) {
    if (names.empty()) {
        return "(none)";
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
    const std::string label = t != nullptr ? t->label : target;
    return core::make_error(
        core::ErrorCode::kFieldMissing, where,
        "no field for " + label + "; the layer has fields: " + join_field_names(layer_fields) +
            "; name one with --field " + role_name(role) + "." + target + "=FIELD");
}

core::Result<FieldMapping> map_fields(LayerRole role, const std::vector<std::string>& layer_fields,
                                      const std::map<std::string, std::string>& explicit_fields,
                                      const core::Where& where) {
    FieldMapping mapping;
    std::set<int> used;
    for (const auto& [target, source] : explicit_fields) {
        if (find_target(role, target) == nullptr) {
            return core::make_error(core::ErrorCode::kBadArgument, where,
                                    "--field " + std::string(role_name(role)) + "." + target +
                                        " names no attribute of " + role_name(role) +
                                        "; known: " + join_field_names(target_names(role)));
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
                "the field given for " + std::string(role_name(role)) + "." + target +
                    " does not exist; the layer has fields: " + join_field_names(layer_fields));
        }
        const int idx = static_cast<int>(it - layer_fields.begin());
        mapping.index[target] = idx;
        mapping.source[target] = *it;
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
