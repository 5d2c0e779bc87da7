// Village colouring modes (coverage, distance, joint organization, kind, numeric attribute): a
// rule over one per-village value, a palette and the legend that explains it. Pure: no OSG.
// The scene keeps the values in a texture and the rule and palette in uniforms, so the shader
// colours each village; the same colours can be evaluated here (fill) for tests and outputs.
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

// What each channel of a village's values holds (the per-village texels the village shaders
// read; render/village_values.h). A negative value means "no data".
enum class ValueChannel {
    kReach = 0,   // reach distance in metres; kUnreachedM when no site reaches the village
    kKind = 1,    // kind class 0..3 (hub, tidal, basic, hollow)
    kOrg = 2,     // colour class of the village's (first) joint organization
    kCustom = 3,  // classes of the colouring in use (attribute classes, comparison status)
};

// The reach distance stored for a village no site reaches (a float above any radius).
inline constexpr float kUnreachedM = 3.0e38f;

// How a fill follows from a village's value: the rule the village shader applies.
enum class FillRule {
    kCovered,          // palette[0] when the distance <= the radius, else palette[1]
    kDistanceClasses,  // palette[0..4] by breaks R/3, 2R/3, R, 2R; unreached: no data
    kClasses,          // palette[class]; a class past the palette: no data
};
inline constexpr std::size_t kMaxPaletteSize = 16;

struct ColoringRequest {
    ColorMode mode = ColorMode::kCoverage;
    std::string attribute;  // kAttribute: population, party_members, collective_income, or a
                            // numeric extra field of the villages
    int classes = 5;        // kAttribute: number of quantile classes (at most 16)
    // kJointOrg: the plan's queen graph with its edits (PlanAnalysis::contiguity()); required.
    const analysis::ContiguityGraph* graph = nullptr;
    bool per_village = true;  // false: rule, palette and legend only (the GPU needs no more)
};

// The colouring of the villages: the rule, the channel it reads and the palette, which the
// shader evaluates per village, plus the same colours evaluated here when asked for.
struct VillageColoring {
    FillRule rule = FillRule::kCovered;
    ValueChannel channel = ValueChannel::kReach;
    std::vector<float> custom;  // channel kCustom: every village's class (-1: no data)
    std::vector<Rgba> palette;  // at most kMaxPaletteSize entries
    Rgba no_data = hex(colors::kNoData);
    double radius_m = 0.0;   // kCovered and kDistanceClasses
    std::vector<Rgba> fill;  // per village (plan.villages order) when per_village was asked
    Legend legend;
};

// Colours the villages. reach (same order as plan.villages; may be empty when there are no
// coverage results) and radius_m feed the coverage and distance modes. Fails with a sentence
// when the attribute is unknown or has no numeric value.
core::Result<VillageColoring> color_villages(const core::Plan& plan,
                                             const std::vector<analysis::Reach>& reach,
                                             double radius_m, const ColoringRequest& request);

// The colour a village of value `value` gets under `coloring` (what the shader computes).
Rgba fill_of(const VillageColoring& coloring, float value);

// The per-village values of the fixed channels (plan.villages order): reach distances as
// stored (stored_reach_m; -1 without results), kind classes, joint-organization classes.
std::vector<float> reach_values(const core::Plan& plan, const std::vector<analysis::Reach>& reach);
std::vector<float> kind_classes(const core::Plan& plan);
std::vector<float> joint_org_classes(const core::Plan& plan,
                                     const analysis::ContiguityGraph& graph);

// The reach distance as stored: rounded up to a float, so that a village at exactly a radius
// that is itself a float (the slider's, any whole number of metres) stays covered; no reach
// as kUnreachedM.
float stored_reach_m(double distance_m);
// The radius as the shader compares with it: rounded down to a float.
float stored_radius_m(double radius_m);

// Palette index of each joint organization (plan.joint_orgs order) such that groups with
// neighbouring members in `graph` (the queen graph with the plan's edits) get different
// indices where the palette allows.
std::vector<int> joint_org_color_indices(const core::Plan& plan,
                                         const analysis::ContiguityGraph& graph);

// Numeric value of a village attribute (built-in name or numeric extra field); nullopt when
// the village has none. `known` is set false when the name is no attribute at all.
std::optional<double> village_attribute(const core::Village& village, const std::string& name,
                                        bool* known = nullptr);

// "3 km" or "800 m" for a distance.
std::string format_distance(double metres);

}  // namespace beltplan::render
