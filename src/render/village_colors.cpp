// Village colouring: coverage and distance classes, joint organizations with a greedy graph
// colouring of neighbouring groups, kinds, and quantile choropleths of numeric attributes.
#include "render/village_colors.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <limits>
#include <numeric>
#include <set>

namespace beltplan::render {

namespace {

// "1,234" style is not used in Chinese maps; plain digits, one decimal when fractional.
std::string format_number(double v) {
    char buf[32];
    if (std::fabs(v - std::round(v)) < 1e-9 || std::fabs(v) >= 1000.0) {
        std::snprintf(buf, sizeof buf, "%.0f", v);
    } else {
        std::snprintf(buf, sizeof buf, "%.1f", v);
    }
    return buf;
}

// Fills every village by the coloring's rule from its values (what the shader does).
void fill_all(VillageColoring& c, const std::vector<float>& values) {
    c.fill.reserve(values.size());
    for (float v : values) {
        c.fill.push_back(fill_of(c, v));
    }
}

VillageColoring coverage_colors(const core::Plan& plan, const std::vector<analysis::Reach>& reach,
                                double radius_m, bool per_village) {
    VillageColoring out;
    out.rule = FillRule::kCovered;
    out.channel = ValueChannel::kReach;
    out.radius_m = radius_m;
    const Rgba covered = hex(colors::kCovered);
    const Rgba uncovered = hex(colors::kUncovered);
    out.palette = {covered, uncovered};
    if (per_village) {
        fill_all(out, reach_values(plan, reach));
    }
    out.legend.title = "覆盖情况";
    out.legend.entries = {{"已覆盖（" + format_distance(radius_m) + "内）", covered},
                          {"未覆盖", uncovered}};
    return out;
}

VillageColoring distance_colors(const core::Plan& plan, const std::vector<analysis::Reach>& reach,
                                double radius_m, bool per_village) {
    // Three greens inside the radius, two warm classes beyond it.
    const double r = radius_m;
    const double breaks[] = {r / 3, 2 * r / 3, r, 2 * r};
    const Rgba shades[] = {hex(0x238b45), hex(0x74c476), hex(0xc7e9c0), hex(0xfdae6b),
                           hex(0xe6550d)};
    VillageColoring out;
    out.rule = FillRule::kDistanceClasses;
    out.channel = ValueChannel::kReach;
    out.radius_m = radius_m;
    out.palette.assign(std::begin(shades), std::end(shades));
    if (per_village) {
        fill_all(out, reach_values(plan, reach));
    }
    out.legend.title = "到最近示范点的距离";
    out.legend.entries = {
        {"≤ " + format_distance(breaks[0]), shades[0]},
        {format_distance(breaks[0]) + " – " + format_distance(breaks[1]), shades[1]},
        {format_distance(breaks[1]) + " – " + format_distance(breaks[2]), shades[2]},
        {format_distance(breaks[2]) + " – " + format_distance(breaks[3]), shades[3]},
        {"> " + format_distance(breaks[3]), shades[4]}};
    return out;
}

VillageColoring joint_org_colors(const core::Plan& plan, const analysis::ContiguityGraph& graph,
                                 bool per_village) {
    VillageColoring out;
    out.rule = FillRule::kClasses;
    out.channel = ValueChannel::kOrg;
    for (std::size_t c = 0; c < categorical_count() && c < kMaxPaletteSize; ++c) {
        out.palette.push_back(categorical(c));
    }
    if (per_village) {
        fill_all(out, joint_org_classes(plan, graph));
    }
    const std::vector<int> color = joint_org_color_indices(plan, graph);
    out.legend.title = "联合党组织";
    std::size_t shown = 0;
    for (std::size_t g = 0; g < plan.joint_orgs.size() && shown < 8; ++g, ++shown) {
        const core::JointOrg& org = plan.joint_orgs[g];
        out.legend.entries.push_back({org.name.empty() ? org.id : org.name,
                                      categorical(static_cast<std::size_t>(color[g]))});
    }
    if (plan.joint_orgs.size() > shown) {
        out.legend.entries.push_back(
            {"等 " + std::to_string(plan.joint_orgs.size()) + " 个联合党组织", hex(0xffffff, 0.f)});
    }
    out.legend.entries.push_back({"未联建", hex(colors::kNoData)});
    return out;
}

const Rgba kKindShades[] = {hex(0xe41a1c), hex(0x377eb8), hex(0x4daf4a), hex(0xcab2d6)};

VillageColoring kind_colors(const core::Plan& plan, bool per_village) {
    const core::VillageKind kinds[] = {core::VillageKind::kHub, core::VillageKind::kTidal,
                                       core::VillageKind::kBasic, core::VillageKind::kHollow};
    VillageColoring out;
    out.rule = FillRule::kClasses;
    out.channel = ValueChannel::kKind;
    out.palette.assign(std::begin(kKindShades), std::end(kKindShades));
    if (per_village) {
        fill_all(out, kind_classes(plan));
    }
    out.legend.title = "村庄类型";
    for (int k = 0; k < 4; ++k) {
        out.legend.entries.push_back({core::user_term(kinds[k]), kKindShades[k]});
    }
    out.legend.entries.push_back({"未分类", hex(colors::kNoData)});
    return out;
}

core::Result<VillageColoring> attribute_colors(const core::Plan& plan,
                                               const ColoringRequest& request) {
    std::vector<std::optional<double>> values;
    std::vector<double> known_values;
    bool any_known_name = false;
    for (const core::Village& v : plan.villages) {
        bool known = false;
        values.push_back(village_attribute(v, request.attribute, &known));
        any_known_name = any_known_name || known;
        if (values.back()) {
            known_values.push_back(*values.back());
        }
    }
    if (known_values.empty()) {
        return core::make_error(core::ErrorCode::kBadArgument,
                                {"", "villages", -1, request.attribute},
                                any_known_name ? "no village has a numeric value to colour by."
                                               : "the villages have no such attribute; use "
                                                 "population, party_members, collective_income "
                                                 "or a numeric field of the plan.");
    }
    std::sort(known_values.begin(), known_values.end());
    const int classes = std::clamp(request.classes, 2, static_cast<int>(kMaxPaletteSize));
    std::vector<double> breaks;  // upper bounds of classes 0..n-2
    for (int c = 1; c < classes; ++c) {
        const auto at = static_cast<std::size_t>(c * known_values.size() / classes);
        const double b = known_values[std::min(at, known_values.size() - 1)];
        if (breaks.empty() || b > breaks.back()) {
            breaks.push_back(b);
        }
    }
    const std::size_t n = breaks.size() + 1;
    VillageColoring out;
    out.rule = FillRule::kClasses;
    out.channel = ValueChannel::kCustom;
    for (std::size_t c = 0; c < n; ++c) {
        out.palette.push_back(sequential(static_cast<float>(c) / static_cast<float>(n - 1)));
    }
    out.custom.reserve(values.size());
    for (const auto& v : values) {
        out.custom.push_back(
            v ? static_cast<float>(std::upper_bound(breaks.begin(), breaks.end(), *v) -
                                   breaks.begin())
              : -1.f);
    }
    if (request.per_village) {
        fill_all(out, out.custom);
    }
    out.legend.title = request.attribute == "population"          ? "人口"
                       : request.attribute == "party_members"     ? "党员数"
                       : request.attribute == "collective_income" ? "村集体收入（万元）"
                                                                  : request.attribute;
    double low = known_values.front();
    for (std::size_t c = 0; c < n; ++c) {
        const double high = c + 1 < n ? breaks[c] : known_values.back();
        out.legend.entries.push_back(
            {format_number(low) + " – " + format_number(high),
             sequential(static_cast<float>(c) / static_cast<float>(n - 1))});
        low = high;
    }
    if (known_values.size() < plan.villages.size()) {
        out.legend.entries.push_back({"无数据", hex(colors::kNoData)});
    }
    return out;
}

}  // namespace

std::optional<ColorMode> parse_color_mode(const std::string& text) {
    const ColorMode all[] = {ColorMode::kCoverage, ColorMode::kDistance, ColorMode::kJointOrg,
                             ColorMode::kKind, ColorMode::kAttribute};
    for (ColorMode m : all) {
        if (text == to_code(m)) {
            return m;
        }
    }
    return std::nullopt;
}

const char* to_code(ColorMode mode) {
    switch (mode) {
        case ColorMode::kCoverage:
            return "coverage";
        case ColorMode::kDistance:
            return "distance";
        case ColorMode::kJointOrg:
            return "orgs";
        case ColorMode::kKind:
            return "kind";
        case ColorMode::kAttribute:
            return "attribute";
    }
    return "coverage";
}

std::string format_distance(double metres) {
    char buf[32];
    if (metres >= 1000.0) {
        const double km = metres / 1000.0;
        std::snprintf(buf, sizeof buf,
                      std::fabs(km - std::round(km)) < 0.05 ? "%.0f km" : "%.1f km", km);
    } else {
        std::snprintf(buf, sizeof buf, "%.0f m", metres);
    }
    return buf;
}

std::optional<double> village_attribute(const core::Village& v, const std::string& name,
                                        bool* known) {
    auto set_known = [known](bool k) {
        if (known != nullptr) {
            *known = k;
        }
    };
    set_known(true);
    if (name == "population") {
        return v.population ? std::optional<double>(static_cast<double>(*v.population))
                            : std::nullopt;
    }
    if (name == "party_members") {
        return v.party_members ? std::optional<double>(static_cast<double>(*v.party_members))
                               : std::nullopt;
    }
    if (name == "collective_income") {
        return v.collective_income_wan_yuan;
    }
    for (const core::ExtraField& f : v.extra) {
        if (f.name == name) {
            if (f.value.type == core::FieldValue::Type::kInteger) {
                return static_cast<double>(f.value.integer);
            }
            if (f.value.type == core::FieldValue::Type::kReal) {
                return f.value.real;
            }
            return std::nullopt;
        }
    }
    set_known(false);
    return std::nullopt;
}

std::vector<int> joint_org_color_indices(const core::Plan& plan,
                                         const analysis::ContiguityGraph& graph) {
    const std::size_t groups = plan.joint_orgs.size();
    std::vector<int> group_of(plan.villages.size(), -1);
    const auto index = core::village_index(plan);
    for (std::size_t g = 0; g < groups; ++g) {
        for (const std::string& code : plan.joint_orgs[g].members) {
            auto it = index.find(code);
            if (it != index.end() && group_of[it->second] < 0) {
                group_of[it->second] = static_cast<int>(g);
            }
        }
    }
    std::vector<std::set<int>> adjacent(groups);
    if (groups > 1) {
        for (const auto& [a, b] : graph.pairs) {
            const int ga = group_of[static_cast<std::size_t>(a)];
            const int gb = group_of[static_cast<std::size_t>(b)];
            if (ga >= 0 && gb >= 0 && ga != gb) {
                adjacent[static_cast<std::size_t>(ga)].insert(gb);
                adjacent[static_cast<std::size_t>(gb)].insert(ga);
            }
        }
    }
    // Greedy colouring, most-constrained groups first (Welsh-Powell).
    std::vector<std::size_t> order(groups);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return adjacent[a].size() > adjacent[b].size();
    });
    std::vector<int> color(groups, -1);
    for (std::size_t g : order) {
        std::set<int> used;
        for (int n : adjacent[g]) {
            used.insert(color[static_cast<std::size_t>(n)]);
        }
        int c = 0;
        while (used.count(c) != 0 && c + 1 < static_cast<int>(categorical_count())) {
            ++c;
        }
        color[g] = c;
    }
    return color;
}

core::Result<VillageColoring> color_villages(const core::Plan& plan,
                                             const std::vector<analysis::Reach>& reach,
                                             double radius_m, const ColoringRequest& request) {
    core::Result<VillageColoring> out = coverage_colors(plan, reach, radius_m, request.per_village);
    switch (request.mode) {
        case ColorMode::kCoverage:
            break;
        case ColorMode::kDistance:
            out = distance_colors(plan, reach, radius_m, request.per_village);
            break;
        case ColorMode::kJointOrg:
            assert(request.graph != nullptr && "colouring by joint organization needs the graph");
            out = joint_org_colors(plan, *request.graph, request.per_village);
            break;
        case ColorMode::kKind:
            out = kind_colors(plan, request.per_village);
            break;
        case ColorMode::kAttribute:
            out = attribute_colors(plan, request);
            break;
    }
    if (out) {
        out.value().no_data = hex(colors::kNoData);
    }
    return out;
}

Rgba fill_of(const VillageColoring& coloring, float value) {
    const Rgba no_data = hex(colors::kNoData);
    if (value < 0.f) {
        return no_data;
    }
    const float r = stored_radius_m(coloring.radius_m);
    switch (coloring.rule) {
        case FillRule::kCovered:
            return value <= r ? coloring.palette[0] : coloring.palette[1];
        case FillRule::kDistanceClasses: {
            if (value >= kUnreachedM) {
                return no_data;
            }
            const float breaks[] = {r / 3.f, 2.f * r / 3.f, r, 2.f * r};
            std::size_t c = 0;
            while (c < 4 && value > breaks[c]) {
                ++c;
            }
            return coloring.palette[c];
        }
        case FillRule::kClasses: {
            const auto c = static_cast<std::size_t>(value + 0.5f);
            return c < coloring.palette.size() ? coloring.palette[c] : no_data;
        }
    }
    return no_data;
}

std::vector<float> reach_values(const core::Plan& plan, const std::vector<analysis::Reach>& reach) {
    std::vector<float> out(plan.villages.size(), -1.f);
    for (std::size_t i = 0; i < out.size() && i < reach.size(); ++i) {
        out[i] = stored_reach_m(reach[i].distance_m);
    }
    return out;
}

std::vector<float> kind_classes(const core::Plan& plan) {
    std::vector<float> out;
    out.reserve(plan.villages.size());
    for (const core::Village& v : plan.villages) {
        const auto k = static_cast<int>(v.kind);  // kUnknown = 0
        out.push_back(k == 0 ? -1.f : static_cast<float>(k - 1));
    }
    return out;
}

std::vector<float> joint_org_classes(const core::Plan& plan,
                                     const analysis::ContiguityGraph& graph) {
    std::vector<float> out(plan.villages.size(), -1.f);
    const auto index = core::village_index(plan);
    const std::vector<int> color = joint_org_color_indices(plan, graph);
    for (std::size_t g = 0; g < plan.joint_orgs.size(); ++g) {
        for (const std::string& code : plan.joint_orgs[g].members) {
            auto it = index.find(code);
            if (it != index.end() && out[it->second] < 0.f) {
                out[it->second] = static_cast<float>(color[g]);
            }
        }
    }
    return out;
}

float stored_reach_m(double distance_m) {
    if (!std::isfinite(distance_m) || distance_m >= static_cast<double>(kUnreachedM)) {
        return kUnreachedM;
    }
    auto f = static_cast<float>(distance_m);
    if (static_cast<double>(f) < distance_m) {
        f = std::nextafter(f, std::numeric_limits<float>::infinity());
    }
    return f;
}

float stored_radius_m(double radius_m) {
    auto f = static_cast<float>(radius_m);
    if (static_cast<double>(f) > radius_m) {
        f = std::nextafter(f, -std::numeric_limits<float>::infinity());
    }
    return f;
}

}  // namespace beltplan::render
