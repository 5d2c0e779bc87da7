// Plan model helpers: code words and user terms, equality, anchors and indexes.
#include "core/plan.h"

#include <array>
#include <cstring>

namespace beltplan::core {

FieldValue FieldValue::of_integer(std::int64_t v) {
    FieldValue f;
    f.type = Type::kInteger;
    f.integer = v;
    return f;
}

FieldValue FieldValue::of_real(double v) {
    FieldValue f;
    f.type = Type::kReal;
    f.real = v;
    return f;
}

FieldValue FieldValue::of_text(std::string v) {
    FieldValue f;
    f.type = Type::kString;
    f.text = std::move(v);
    return f;
}

bool FieldValue::operator==(const FieldValue& o) const {
    if (type != o.type) {
        return false;
    }
    switch (type) {
        case Type::kNull:
            return true;
        case Type::kInteger:
            return integer == o.integer;
        case Type::kReal:
            return real == o.real;
        case Type::kString:
            return text == o.text;
    }
    return false;
}

namespace {

// One enum value with its code word and its Chinese user terms.
template <typename E>
struct Term {
    E value;
    const char* code;
    const char* user;
    const char* user_alt;
};

constexpr std::array<Term<VillageKind>, 4> kKinds{{
    {VillageKind::kHub, "hub", "枢纽型", "枢纽"},
    {VillageKind::kTidal, "tidal", "潮汐型", "潮汐"},
    {VillageKind::kBasic, "basic", "基本型", "基本"},
    {VillageKind::kHollow, "hollow", "空心型", "空心"},
}};
constexpr std::array<Term<SiteLevel>, 2> kLevels{{
    {SiteLevel::kDistrict, "district", "区级", "县级"},
    {SiteLevel::kTown, "town", "乡镇级", "镇级"},
}};
constexpr std::array<Term<DistanceMode>, 2> kModes{{
    {DistanceMode::kEuclidean, "euclidean", "直线", "直线距离"},
    {DistanceMode::kNetwork, "network", "路网", "沿路"},
}};
constexpr std::array<Term<JointOrgMode>, 4> kOrgModes{{
    {JointOrgMode::kStrongWeak, "strong_weak", "强弱联建", "强村带弱村"},
    {JointOrgMode::kRegional, "regional", "区域联建", "区域"},
    {JointOrgMode::kLeader, "leader", "能人带动", "能人"},
    {JointOrgMode::kStation, "station", "党建工作站", "工作站"},
}};

std::string lower_ascii(std::string s) {
    for (char& c : s) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return s;
}

template <typename E, std::size_t N>
const char* code_of(const std::array<Term<E>, N>& table, E value) {
    for (const auto& t : table) {
        if (t.value == value) {
            return t.code;
        }
    }
    return "";
}

template <typename E, std::size_t N>
std::optional<E> parse_term(const std::array<Term<E>, N>& table, const std::string& text) {
    const std::string key = lower_ascii(text);
    for (const auto& t : table) {
        if (key == t.code || text == t.user || text == t.user_alt) {
            return t.value;
        }
    }
    return std::nullopt;
}

}  // namespace

const char* to_code(VillageKind kind) {
    return code_of(kKinds, kind);
}
const char* to_code(SiteLevel level) {
    return code_of(kLevels, level);
}
const char* to_code(DistanceMode mode) {
    return code_of(kModes, mode);
}
const char* to_code(JointOrgMode mode) {
    return code_of(kOrgModes, mode);
}

std::optional<VillageKind> parse_village_kind(const std::string& text) {
    return parse_term(kKinds, text);
}
std::optional<SiteLevel> parse_site_level(const std::string& text) {
    return parse_term(kLevels, text);
}
std::optional<DistanceMode> parse_distance_mode(const std::string& text) {
    return parse_term(kModes, text);
}
std::optional<JointOrgMode> parse_joint_org_mode(const std::string& text) {
    return parse_term(kOrgModes, text);
}

const char* user_term(VillageKind kind) {
    for (const auto& t : kKinds) {
        if (t.value == kind) {
            return t.user;
        }
    }
    return "";
}

bool Township::operator==(const Township& o) const {
    return code == o.code && name == o.name && shape == o.shape && extra == o.extra;
}

bool Village::operator==(const Village& o) const {
    return code == o.code && name == o.name && town_code == o.town_code && shape == o.shape &&
           seat == o.seat && population == o.population && party_members == o.party_members &&
           collective_income_wan_yuan == o.collective_income_wan_yuan && kind == o.kind &&
           weak_org == o.weak_org && leader == o.leader && extra == o.extra;
}

bool Road::operator==(const Road& o) const {
    return name == o.name && road_class == o.road_class && parts == o.parts && extra == o.extra;
}

bool Site::operator==(const Site& o) const {
    return id == o.id && name == o.name && position == o.position && level == o.level &&
           theme == o.theme && village_code == o.village_code && extra == o.extra;
}

bool JointOrg::operator==(const JointOrg& o) const {
    return id == o.id && name == o.name && mode == o.mode && members == o.members && lead == o.lead;
}

bool Belt::operator==(const Belt& o) const {
    return id == o.id && name == o.name && roads == o.roads && half_width_m == o.half_width_m;
}

bool WorkStation::operator==(const WorkStation& o) const {
    return id == o.id && name == o.name && town_code == o.town_code && members == o.members &&
           seat_village == o.seat_village;
}

bool Plan::operator==(const Plan& o) const {
    return name == o.name && provenance == o.provenance && crs == o.crs && settings == o.settings &&
           townships == o.townships && villages == o.villages && roads == o.roads &&
           sites == o.sites && joint_orgs == o.joint_orgs && belts == o.belts &&
           work_stations == o.work_stations && contiguity_edits == o.contiguity_edits &&
           approximate_village_areas == o.approximate_village_areas;
}

PointM anchor(const Village& village) {
    return village.seat ? *village.seat : centroid(village.shape);
}

std::unordered_map<std::string, std::size_t> village_index(const Plan& plan) {
    std::unordered_map<std::string, std::size_t> index;
    index.reserve(plan.villages.size());
    for (std::size_t i = 0; i < plan.villages.size(); ++i) {
        index.emplace(plan.villages[i].code, i);
    }
    return index;
}

Box bounds(const Plan& plan) {
    Box b;
    for (const Township& t : plan.townships) {
        b.expand(bounds(t.shape));
    }
    for (const Village& v : plan.villages) {
        b.expand(bounds(v.shape));
    }
    return b;
}

}  // namespace beltplan::core
