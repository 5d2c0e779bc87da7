// PlanAnalysis: the reach is kept live (moved sites through LiveEuclidean/NetworkCoverage, a
// rebuild when sites are added or removed or the mode changes); every other part is computed on
// first use and then kept, and an update redoes only the parts its ChangeSet touched.
// Sections: [IMPL] state, [REACH] the distance switch, [PARTS] lazy parts, [UPDATE].
#include "analysis/plan_analysis.h"

#include "analysis/live_coverage.h"
#include "core/dissolve.h"
#include "core/messages.h"

#include <algorithm>
#include <chrono>
#include <map>

namespace beltplan::analysis {

// [IMPL] -------------------------------------------------------------------------------------

struct PlanAnalysis::Impl {
    Impl(const core::Plan& p, AnalysisOptions o) : plan(p), options(std::move(o)) {}

    const core::Plan& plan;
    AnalysisOptions options;
    double radius_m = 0.0;
    core::DistanceMode mode = core::DistanceMode::kEuclidean;
    std::optional<core::Error> problem;
    double last_ms = 0.0;

    // The reach, live once built.
    bool reach_built = false;
    mutable std::unique_ptr<RoadNetwork> network;
    std::unique_ptr<LiveEuclideanCoverage> euclidean;
    std::unique_ptr<LiveNetworkCoverage> along_roads;
    std::vector<Reach> unreachable;            // every village, when `problem` is set
    std::vector<core::PointM> site_positions;  // as the live coverage last saw them

    // Parts computed on first use; reset (or patched) by update().
    mutable std::optional<CoverageReport> coverage;
    mutable std::optional<ContiguityGraph> geometric;  // queen pairs without the edits
    mutable std::optional<ContiguityGraph> graph;
    mutable std::optional<std::vector<BeltResult>> belts;
    mutable std::optional<std::vector<JointOrgCheck>> org_checks;
    mutable std::optional<std::vector<core::MultiPolygon>> org_outlines;
    mutable std::optional<std::vector<core::MultiPolygon>> station_outlines;
    mutable std::map<std::vector<std::string>, core::MultiPolygon> outlines_by_members;
    mutable std::unique_ptr<RoadReachField> road_field;
    mutable std::optional<std::vector<RoadPiece>> road_pieces;

    const RoadNetwork& roads() const;
    void build_reach();
    const std::vector<Reach>& reach();
    std::vector<int> move_sites(bool& rebuilt);
    std::vector<core::MultiPolygon> outlines(
        const std::vector<std::vector<std::string>>& groups) const;
    void update_belts(const core::ChangeSet& changes, bool sites_changed, bool radius_changed);
};

namespace {

double ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

std::vector<core::PointM> site_positions(const core::Plan& plan) {
    std::vector<core::PointM> out;
    out.reserve(plan.sites.size());
    for (const core::Site& s : plan.sites) {
        out.push_back(s.position);
    }
    return out;
}

bool touches_layer(const core::ChangeSet& changes, const char* layer) {
    return std::find(changes.layers.begin(), changes.layers.end(), layer) != changes.layers.end();
}

}  // namespace

// [REACH] ------------------------------------------------------------------------------------

const RoadNetwork& PlanAnalysis::Impl::roads() const {
    if (!network) {
        network = std::make_unique<RoadNetwork>(plan);
    }
    return *network;
}

// The distance switch: the one place that picks straight line or along the roads, and the one
// handling of a plan without roads.
void PlanAnalysis::Impl::build_reach() {
    reach_built = true;
    euclidean.reset();
    along_roads.reset();
    unreachable.clear();
    problem.reset();
    site_positions = analysis::site_positions(plan);
    if (mode == core::DistanceMode::kEuclidean) {
        euclidean = std::make_unique<LiveEuclideanCoverage>(plan);
        return;
    }
    if (roads().empty()) {
        problem = no_roads_error(options.file);
        unreachable.assign(plan.villages.size(), Reach{});
        return;
    }
    along_roads = std::make_unique<LiveNetworkCoverage>(plan, roads());
}

const std::vector<Reach>& PlanAnalysis::Impl::reach() {
    if (!reach_built) {
        build_reach();
    }
    if (euclidean) {
        return euclidean->reach();
    }
    return along_roads ? along_roads->reach() : unreachable;
}

// Sites moved in place go through the live coverage; added or removed ones rebuild it.
std::vector<int> PlanAnalysis::Impl::move_sites(bool& rebuilt) {
    rebuilt = false;
    std::vector<int> changed;
    if (plan.sites.size() != site_positions.size()) {
        build_reach();
        rebuilt = true;
        return changed;
    }
    for (std::size_t i = 0; i < plan.sites.size(); ++i) {
        const core::PointM& to = plan.sites[i].position;
        if (to == site_positions[i]) {
            continue;
        }
        site_positions[i] = to;
        const int site = static_cast<int>(i);
        std::vector<int> moved;
        if (euclidean) {
            moved = euclidean->move_site(site, to);
        } else if (along_roads) {
            moved = along_roads->move_site(site, to);
        }
        changed.insert(changed.end(), moved.begin(), moved.end());
    }
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    return changed;
}

// [PARTS] ------------------------------------------------------------------------------------

std::vector<core::MultiPolygon> PlanAnalysis::Impl::outlines(
    const std::vector<std::vector<std::string>>& groups) const {
    std::vector<core::MultiPolygon> out;
    out.reserve(groups.size());
    // Outlines of member lists no group has any more are forgotten now and then.
    const std::size_t groups_now = plan.joint_orgs.size() + plan.work_stations.size();
    if (outlines_by_members.size() > 2 * groups_now + 64) {
        outlines_by_members.clear();
    }
    const auto index = core::village_index(plan);
    for (const std::vector<std::string>& members : groups) {
        auto it = outlines_by_members.find(members);
        if (it == outlines_by_members.end()) {
            it = outlines_by_members.emplace(members, core::dissolve_villages(plan, index, members))
                     .first;
        }
        out.push_back(it->second);
    }
    return out;
}

// Belts whose definition changed are analysed again; the others keep their members and redo
// their sites (sites changed) or only their measures (radius changed).
void PlanAnalysis::Impl::update_belts(const core::ChangeSet& changes, bool sites_changed,
                                      bool radius_changed) {
    if (!belts) {
        return;
    }
    std::vector<BeltResult> fresh;
    fresh.reserve(plan.belts.size());
    for (const core::Belt& belt : plan.belts) {
        const auto old = std::find_if(belts->begin(), belts->end(),
                                      [&](const BeltResult& r) { return r.belt_id == belt.id; });
        const bool edited =
            std::find(changes.belts.begin(), changes.belts.end(), belt.id) != changes.belts.end();
        if (edited || old == belts->end()) {
            fresh.push_back(analyze_belt(plan, belt, radius_m));
        } else if (sites_changed) {
            fresh.push_back(belt_sites(plan, belt, radius_m));
            fresh.back().members = old->members;
        } else {
            fresh.push_back(*old);
            if (radius_changed) {
                measure_belt(fresh.back(), radius_m);
            }
        }
    }
    belts = std::move(fresh);
}

PlanAnalysis::PlanAnalysis(const core::Plan& plan, AnalysisOptions options)
    : impl_(std::make_unique<Impl>(plan, std::move(options))) {
    const auto start = std::chrono::steady_clock::now();
    impl_->radius_m = impl_->options.radius_m.value_or(plan.settings.reach_m);
    impl_->mode = impl_->options.distance.value_or(plan.settings.distance);
    impl_->last_ms = ms_since(start);
}

PlanAnalysis::~PlanAnalysis() = default;

const core::Plan& PlanAnalysis::plan() const {
    return impl_->plan;
}
double PlanAnalysis::radius_m() const {
    return impl_->radius_m;
}
core::DistanceMode PlanAnalysis::distance() const {
    return impl_->mode;
}
const std::optional<core::Error>& PlanAnalysis::problem() const {
    impl_->reach();  // the problem is found when the reach is built
    return impl_->problem;
}
const std::vector<Reach>& PlanAnalysis::reach() const {
    return impl_->reach();
}
bool PlanAnalysis::covered(int village) const {
    return impl_->reach()[static_cast<std::size_t>(village)].distance_m <= impl_->radius_m;
}
double PlanAnalysis::last_update_ms() const {
    return impl_->last_ms;
}
const RoadNetwork& PlanAnalysis::road_network() const {
    return impl_->roads();
}

const CoverageReport& PlanAnalysis::coverage() const {
    Impl& s = *impl_;
    if (!s.coverage) {
        s.coverage = summarize_coverage(s.plan, s.reach(), s.radius_m, s.mode);
    }
    return *s.coverage;
}

const ContiguityGraph& PlanAnalysis::contiguity() const {
    Impl& s = *impl_;
    if (!s.geometric) {
        ContiguityOptions pure;
        pure.apply_plan_edits = false;
        s.geometric = analysis::contiguity(s.plan, pure);
    }
    if (!s.graph) {
        s.graph = with_plan_edits(s.plan, *s.geometric);
    }
    return *s.graph;
}

const std::vector<BeltResult>& PlanAnalysis::belts() const {
    Impl& s = *impl_;
    if (!s.belts) {
        s.belts.emplace();
        for (const core::Belt& b : s.plan.belts) {
            s.belts->push_back(analyze_belt(s.plan, b, s.radius_m));
        }
    }
    return *s.belts;
}

const std::vector<JointOrgCheck>& PlanAnalysis::org_checks() const {
    Impl& s = *impl_;
    if (!s.org_checks) {
        s.org_checks = validate_all(s.plan, contiguity());
    }
    return *s.org_checks;
}

const std::vector<core::MultiPolygon>& PlanAnalysis::org_outlines() const {
    Impl& s = *impl_;
    if (!s.org_outlines) {
        std::vector<std::vector<std::string>> groups;
        for (const core::JointOrg& org : s.plan.joint_orgs) {
            groups.push_back(org.members);
        }
        s.org_outlines = s.outlines(groups);
    }
    return *s.org_outlines;
}

const std::vector<core::MultiPolygon>& PlanAnalysis::station_outlines() const {
    Impl& s = *impl_;
    if (!s.station_outlines) {
        std::vector<std::vector<std::string>> groups;
        for (const core::WorkStation& ws : s.plan.work_stations) {
            groups.push_back(ws.members);
        }
        s.station_outlines = s.outlines(groups);
    }
    return *s.station_outlines;
}

const std::vector<RoadPiece>& PlanAnalysis::road_pieces() const {
    Impl& s = *impl_;
    if (!s.road_pieces) {
        s.road_pieces.emplace();
        s.reach();
        if (s.along_roads && !s.plan.sites.empty()) {
            if (!s.road_field) {
                s.road_field = std::make_unique<RoadReachField>(s.plan, s.roads());
            }
            s.road_pieces = s.road_field->pieces(s.along_roads->sources(), s.along_roads->nodes());
        }
    }
    return *s.road_pieces;
}

// [UPDATE] -----------------------------------------------------------------------------------

AnalysisDelta PlanAnalysis::update(const core::ChangeSet& changes) {
    const auto start = std::chrono::steady_clock::now();
    Impl& s = *impl_;
    AnalysisDelta d;
    const double radius = s.options.radius_m.value_or(s.plan.settings.reach_m);
    const core::DistanceMode mode = s.options.distance.value_or(s.plan.settings.distance);
    const bool radius_changed = radius != s.radius_m;
    const bool sites_changed = !changes.sites.empty();
    bool rebuilt = false;
    s.radius_m = radius;
    if (mode != s.mode) {
        s.mode = mode;
        s.reach_built = false;  // built again when read
        rebuilt = true;
        d.mark(Derived::kDistanceMode);
    } else if (sites_changed && s.reach_built) {
        d.villages = s.move_sites(rebuilt);
    } else if (sites_changed) {
        rebuilt = true;  // never read: nothing to follow, built when read
    }
    if (rebuilt) {
        d.all_villages = true;
        d.villages.clear();
    }
    if (rebuilt || !d.villages.empty()) {
        d.mark(Derived::kReach);
    }
    if (rebuilt || sites_changed) {
        s.road_pieces.reset();
        d.mark(Derived::kReachRoads);
    }
    if (sites_changed) {
        d.mark(Derived::kSites);
    }
    if (radius_changed) {
        d.mark(Derived::kRadius);
    }
    if (rebuilt || sites_changed || radius_changed) {
        s.coverage.reset();
        d.mark(Derived::kCoverage);
        d.mark(Derived::kBeltMeasures);
    }
    if (!changes.belts.empty()) {
        d.mark(Derived::kBeltMembers);
        d.mark(Derived::kBeltMeasures);
    }
    s.update_belts(changes, sites_changed, radius_changed);
    if (changes.contiguity_changed) {
        s.graph.reset();
        d.mark(Derived::kContiguity);
    }
    if (changes.contiguity_changed || !changes.joint_orgs.empty()) {
        s.org_checks.reset();
        d.mark(Derived::kOrgChecks);
    }
    if (!changes.joint_orgs.empty()) {
        s.org_outlines.reset();
        d.mark(Derived::kOrgOutlines);
    }
    if (touches_layer(changes, "work_stations")) {
        s.station_outlines.reset();
        d.mark(Derived::kStations);
    }
    s.last_ms = ms_since(start);
    return d;
}

core::Error no_roads_error(const std::string& file) {
    return core::make_error(core::ErrorCode::kEmptyLayer, {file, "roads", -1, ""},
                            core::tr("analysis.no_roads"));
}

std::optional<core::Error> distance_problem(const core::Plan& plan, core::DistanceMode mode,
                                            const std::string& file) {
    if (mode == core::DistanceMode::kNetwork && RoadNetwork(plan).empty()) {
        return no_roads_error(file);
    }
    return std::nullopt;
}

core::Result<std::vector<Reach>> village_reach(const core::Plan& plan, core::DistanceMode mode,
                                               const std::string& file) {
    AnalysisOptions options;
    options.distance = mode;
    options.file = file;
    const PlanAnalysis analysis(plan, options);
    if (analysis.problem()) {
        return *analysis.problem();
    }
    return analysis.reach();
}

}  // namespace beltplan::analysis
