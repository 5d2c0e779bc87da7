// Village colouring: coverage and distance classes, joint organizations with a greedy graph
// colouring of neighbouring groups, kinds, and quantile choropleths of numeric attributes.
#include "render/village_colors.h"

#include "analysis/contiguity.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
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

VillageColoring coverage_colors(const core::Plan& plan, const std::vector<analysis::Reach>& reach,
                                double radius_m) {
    VillageColoring out;
    const Rgba covered = hex(colors::kCovered);
    const Rgba uncovered = hex(colors::kUncovered);
    for (std::size_t i = 0; i < plan.villages.size(); ++i) {
        const bool known = i < reach.size();
        out.fill.push_back(!known ? hex(colors::kNoData)
                                  : (reach[i].distance_m <= radius_m ? covered : uncovered));
    }
    out.legend.title = "覆盖情况";
    out.legend.entries = {{"已覆盖（" + format_distance(radius_m) + "内）", covered},
                          {"未覆盖", uncovered}};
    return out;
}

VillageColoring distance_colors(const core::Plan& plan, const std::vector<analysis::Reach>& reach,
                                double radius_m) {
    // Three greens inside the radius, two warm classes beyond it.
    const double r = radius_m;
    const double breaks[] = {r / 3, 2 * r / 3, r, 2 * r};
    const Rgba shades[] = {hex(0x238b45), hex(0x74c476), hex(0xc7e9c0), hex(0xfdae6b),
                           hex(0xe6550d)};
    VillageColoring out;
    for (std::size_t i = 0; i < plan.villages.size(); ++i) {
        if (i >= reach.size() || !std::isfinite(reach[i].distance_m)) {
            out.fill.push_back(hex(colors::kNoData));
            continue;
        }
        int c = 0;
        while (c < 4 && reach[i].distance_m > breaks[c]) {
            ++c;
        }
        out.fill.push_back(shades[c]);
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

VillageColoring joint_org_colors(const core::Plan& plan, const analysis::ContiguityGraph* graph) {
    VillageColoring out;
    out.fill.assign(plan.villages.size(), hex(colors::kNoData));
    const auto index = core::village_index(plan);
    const std::vector<int> color = joint_org_color_indices(plan, graph);
    for (std::size_t g = 0; g < plan.joint_orgs.size(); ++g) {
        for (const std::string& code : plan.joint_orgs[g].members) {
            auto it = index.find(code);
            if (it != index.end() && out.fill[it->second] == hex(colors::kNoData)) {
                out.fill[it->second] = categorical(static_cast<std::size_t>(color[g]));
            }
        }
    }
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

VillageColoring kind_colors(const core::Plan& plan) {
    const core::VillageKind kinds[] = {core::VillageKind::kHub, core::VillageKind::kTidal,
                                       core::VillageKind::kBasic, core::VillageKind::kHollow};
    const Rgba shades[] = {hex(0xe41a1c), hex(0x377eb8), hex(0x4daf4a), hex(0xcab2d6)};
    VillageColoring out;
    for (const core::Village& v : plan.villages) {
        const auto k = static_cast<std::size_t>(v.kind);  // kUnknown = 0
        out.fill.push_back(k == 0 ? hex(colors::kNoData) : shades[k - 1]);
    }
    out.legend.title = "村庄类型";
    for (int k = 0; k < 4; ++k) {
        out.legend.entries.push_back({core::user_term(kinds[k]), shades[k]});
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
    const int classes = std::max(2, request.classes);
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
    for (const auto& v : values) {
        if (!v) {
            out.fill.push_back(hex(colors::kNoData));
            continue;
        }
        const auto c = static_cast<std::size_t>(std::upper_bound(breaks.begin(), breaks.end(), *v) -
                                                breaks.begin());
        out.fill.push_back(sequential(static_cast<float>(c) / static_cast<float>(n - 1)));
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
                                         const analysis::ContiguityGraph* graph) {
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
        analysis::ContiguityGraph computed;
        if (graph == nullptr) {
            computed = analysis::contiguity(plan, {});
            graph = &computed;
        }
        for (const auto& [a, b] : graph->pairs) {
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
    switch (request.mode) {
        case ColorMode::kCoverage:
            return coverage_colors(plan, reach, radius_m);
        case ColorMode::kDistance:
            return distance_colors(plan, reach, radius_m);
        case ColorMode::kJointOrg:
            return joint_org_colors(plan, request.graph);
        case ColorMode::kKind:
            return kind_colors(plan);
        case ColorMode::kAttribute:
            return attribute_colors(plan, request);
    }
    return coverage_colors(plan, reach, radius_m);
}

}  // namespace beltplan::render
