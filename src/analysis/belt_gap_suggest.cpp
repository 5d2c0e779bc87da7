// Belt gaps: even spacing inside every gap longer than G on each belt stretch, the points
// placed on the road by linear referencing and named by the village they fall in.
#include "analysis/belt_gap_suggest.h"

#include "analysis/belts.h"
#include "core/messages.h"

#include <cmath>
#include <limits>
#include <sstream>

namespace beltplan::analysis {

namespace {

// The point `at_m` metres along a line from its first vertex (clamped to the line).
core::PointM point_along(const core::LineString& line, double at_m) {
    double walked = 0;
    for (std::size_t i = 0; i + 1 < line.points.size(); ++i) {
        const core::PointM& a = line.points[i];
        const core::PointM& b = line.points[i + 1];
        const double len = core::distance_m(a, b);
        if (walked + len >= at_m && len > 0) {
            const double t = (at_m - walked) / len;
            return {a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
        }
        walked += len;
    }
    return line.points.empty() ? core::PointM{} : line.points.back();
}

// The village containing p, else the one whose anchor is nearest; -1 for a plan without any.
int village_at(const core::Plan& plan, const core::PointM& p, bool* inside) {
    int nearest = -1;
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t v = 0; v < plan.villages.size(); ++v) {
        const core::Village& village = plan.villages[v];
        if (core::bounds(village.shape).contains(p) && core::contains(village.shape, p)) {
            *inside = true;
            return static_cast<int>(v);
        }
        const double d = core::distance_m(core::anchor(village), p);
        if (d < best) {
            best = d;
            nearest = static_cast<int>(v);
        }
    }
    *inside = false;
    return nearest;
}

std::string km(double m) {
    std::ostringstream s;
    s.precision(2);
    s << std::fixed << m / 1000.0;
    return core::tr("analysis.unit.km", {s.str()});
}

const core::LineString* stretch_line(const core::Plan& plan, const BeltStretch& s) {
    for (const core::Road& road : plan.roads) {
        if (road.name == s.road && s.part < static_cast<int>(road.parts.size())) {
            return &road.parts[static_cast<std::size_t>(s.part)];
        }
    }
    return nullptr;
}

// New sites of one stretch, explained by the gap each splits.
void fill_stretch(const core::Plan& plan, const core::Belt& belt, const BeltStretch& s,
                  double max_gap_m, Suggestion& out) {
    const core::LineString* line = stretch_line(plan, s);
    if (line == nullptr) {
        return;
    }
    std::vector<double> at;
    for (const BeltSite& b : s.sites) {
        at.push_back(b.position_m);
    }
    std::vector<double> bounds = at;
    bounds.insert(bounds.begin(), 0.0);
    bounds.push_back(s.length_m);
    for (double pos : fill_gaps(at, s.length_m, max_gap_m)) {
        std::size_t k = 1;
        while (k + 1 < bounds.size() && bounds[k] < pos) {
            ++k;
        }
        const double from = bounds[k - 1];
        const double to = bounds[k];
        SuggestedSite site;
        site.position = point_along(*line, pos);
        bool inside = false;
        site.village = village_at(plan, site.position, &inside);
        site.road = s.road;
        site.part = s.part;
        site.position_m = pos;
        const std::string road_end = core::tr("analysis.belt_gap.road_end");
        site.explanation =
            core::tr("analysis.belt_gap.why",
                     {s.road, belt.name, km(pos), km(from), k - 1 == 0 ? road_end : "", km(to),
                      k + 1 == bounds.size() ? road_end : "", km(to - from), km(max_gap_m)});
        if (site.village >= 0) {
            const core::Village& v = plan.villages[static_cast<std::size_t>(site.village)];
            site.explanation +=
                core::tr(inside ? "analysis.belt_gap.point_in" : "analysis.belt_gap.nearest",
                         {v.name, km(core::distance_m(core::anchor(v), site.position))});
        }
        out.sites.push_back(std::move(site));
    }
}

}  // namespace

std::vector<double> fill_gaps(const std::vector<double>& sites, double length_m, double max_gap_m) {
    std::vector<double> out;
    double prev = 0;
    auto fill = [&](double from, double to) {
        const double g = to - from;
        const auto need = static_cast<int>(std::ceil(g / max_gap_m - 1e-9)) - 1;
        for (int j = 1; j <= need; ++j) {
            out.push_back(from + g * j / (need + 1));
        }
    };
    for (double s : sites) {
        fill(prev, s);
        prev = s;
    }
    fill(prev, length_m);
    return out;
}

core::Result<Suggestion> suggest_belt_gaps(const core::Plan& plan, const BeltGapOptions& options) {
    if (!(options.max_gap_m > 0)) {
        return core::make_error(core::ErrorCode::kBadArgument, {},
                                core::tr("analysis.belt_gap.bad_gap"));
    }
    Suggestion out;
    out.strategy = "belt_gaps";
    out.value_unit = core::tr("analysis.unit.new_sites");
    bool found = false;
    for (const core::Belt& belt : plan.belts) {
        check(options.control);
        if (!options.belt_id.empty() && belt.id != options.belt_id &&
            belt.name != options.belt_id) {
            continue;
        }
        found = true;
        const BeltResult r = analyze_belt(plan, belt, plan.settings.reach_m);
        for (const std::string& missing : r.missing_roads) {
            out.notes.push_back(core::tr("analysis.belt_gap.missing_road", {belt.name, missing}));
        }
        for (const BeltStretch& s : r.stretches) {
            fill_stretch(plan, belt, s, options.max_gap_m, out);
        }
    }
    if (!found) {
        return core::make_error(core::ErrorCode::kUnknownReference, {},
                                options.belt_id.empty()
                                    ? core::tr("analysis.belt_gap.no_belts")
                                    : core::tr("analysis.belt_gap.no_belt", {options.belt_id}));
    }
    out.value = static_cast<double>(out.sites.size());
    out.upper_bound = out.value;  // minimal: each gap needs exactly this many, independently
    out.proven_optimal = true;
    out.summary = core::tr("analysis.belt_gap.summary",
                           {std::to_string(out.sites.size()), km(options.max_gap_m)});
    return out;
}

}  // namespace beltplan::analysis
