// Village colouring modes (coverage, distance, joint organization, kind, numeric attribute):
// one fill colour per village plus the legend that explains it. Pure: no OSG, so the window
// and the tests use it directly; the scene uploads the colours into its lookup texture.
#pragma once

#include "analysis/contiguity.h"
#include "analysis/coverage.h"
#include "core/plan.h"
#include "core/result.h"
#include "render/palette.h"

#include <optional>
#include <string>
#include <vector>

namespace beltplan::render {

enum class ColorMode {
    kCoverage,   // covered / not covered within the radius
    kDistance,   // classed reach distance
    kJointOrg,   // joint organization, neighbouring groups in different colours
    kKind,       // village kind (hub, tidal, basic, hollow)
    kAttribute,  // any numeric attribute as a classed choropleth
};

// "coverage", "distance", "orgs", "kind", "attribute"; nullopt when unknown.
std::optional<ColorMode> parse_color_mode(const std::string& text);
const char* to_code(ColorMode mode);

// How a legend entry is drawn.
enum class LegendSymbol {
    kFill,
    kLine,
    kThickLine,
    kBand,
    kCircle,
    kSiteDistrict,
    kSiteTown,
    kLead
};

struct LegendEntry {
    std::string label;  // UTF-8, shown as is
    Rgba color;
    LegendSymbol symbol = LegendSymbol::kFill;
};

struct Legend {
    std::string title;
    std::vector<LegendEntry> entries;
};

struct ColoringRequest {
    ColorMode mode = ColorMode::kCoverage;
    std::string attribute;  // kAttribute: population, party_members, collective_income, or a
                            // numeric extra field of the villages
    int classes = 5;        // kAttribute: number of quantile classes
    const analysis::ContiguityGraph* graph = nullptr;  // kJointOrg: the queen graph, if kept
};

// One fill colour per village (plan.villages order) and the legend of the village fill.
struct VillageColoring {
    std::vector<Rgba> fill;
    Legend legend;
};

// Colours the villages. reach (same order as plan.villages; may be empty when there are no
// coverage results) and radius_m feed the coverage and distance modes. Fails with a sentence
// when the attribute is unknown or has no numeric value.
core::Result<VillageColoring> color_villages(const core::Plan& plan,
                                             const std::vector<analysis::Reach>& reach,
                                             double radius_m, const ColoringRequest& request);

// Palette index of each joint organization (plan.joint_orgs order) such that groups with
// neighbouring members (queen contiguity) get different indices where the palette allows.
// `graph`: the plan's queen graph when the caller has it (else it is computed here).
std::vector<int> joint_org_color_indices(const core::Plan& plan,
                                         const analysis::ContiguityGraph* graph = nullptr);

// Numeric value of a village attribute (built-in name or numeric extra field); nullopt when
// the village has none. `known` is set false when the name is no attribute at all.
std::optional<double> village_attribute(const core::Village& village, const std::string& name,
                                        bool* known = nullptr);

// "3 km" or "800 m" for a distance.
std::string format_distance(double metres);

}  // namespace beltplan::render
