// PlanAnalysis on a 6 x 5 grid of 1 km villages with a road net, a belt, joint organizations
// and a work station: it reads exactly as the functions it replaces, an update lists exactly
// the villages whose reach changed and the parts it made dirty, a radius tick changes no
// village value, and random edits with undo and redo always match a fresh analysis.
#include "analysis/plan_analysis.h"

#include "core/belt_commands.h"
#include "core/contiguity_commands.h"
#include "core/joint_org_commands.h"
#include "core/settings_commands.h"
#include "core/site_commands.h"
#include "core/undo_stack.h"
#include "support/grid_plan.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace beltplan::analysis {
namespace {

// ABCDEF   roads along y = 2500 (张小线, the belt's road) and x = 2500 (洋新线)
// GHIJKL   sites s1 (500, 4500), s2 (5500, 500), s3 (2600, 2400)
// MNOPQR   J1 = A B (strong-weak), J2 = P Q R (regional, lead Q)
// STUVWX   work station W1 = S T U
// YZabcd
core::Plan sample() {
    core::Plan plan = test::grid_plan({"ABCDEF", "GHIJKL", "MNOPQR", "STUVWX", "YZabcd"});
    plan.settings.reach_m = 1500;
    core::Road east_west;
    east_west.name = "张小线";
    east_west.parts.push_back(core::LineString{{{0, 2500}, {2500, 2500}, {6000, 2500}}});
    core::Road north_south;
    north_south.name = "洋新线";
    north_south.parts.push_back(core::LineString{{{2500, 0}, {2500, 2500}, {2500, 5000}}});
    plan.roads = {east_west, north_south};
    plan.belts.push_back({"b1", "示范带", {"张小线"}, 400});
    test::add_site(plan, 500, 4500, "s1");
    test::add_site(plan, 5500, 500, "s2");
    test::add_site(plan, 2600, 2400, "s3");
    auto code = [&plan](std::size_t i) { return plan.villages[i].code; };
    plan.joint_orgs = {
        {"J1", "甲", core::JointOrgMode::kStrongWeak, {code(0), code(1)}, code(0)},
        {"J2", "乙", core::JointOrgMode::kRegional, {code(15), code(16), code(17)}, code(16)}};
    plan.work_stations.push_back(
        {"W1", "站", "130705100", {code(18), code(19), code(20)}, code(19)});
    return plan;
}

// Everything a fresh analysis of the plan as it is now says equals what `live` says.
void expect_matches_fresh(const PlanAnalysis& live, const std::string& when) {
    const core::Plan& plan = live.plan();
    const PlanAnalysis fresh(plan);
    ASSERT_EQ(live.reach().size(), fresh.reach().size()) << when;
    for (std::size_t v = 0; v < fresh.reach().size(); ++v) {
        const double a = live.reach()[v].distance_m;
        const double b = fresh.reach()[v].distance_m;
        if (std::isinf(b)) {
            EXPECT_TRUE(std::isinf(a)) << when << ", village " << v;
        } else {
            EXPECT_NEAR(a, b, 1e-6) << when << ", village " << v;
        }
    }
    EXPECT_EQ(live.radius_m(), fresh.radius_m()) << when;
    EXPECT_EQ(live.distance(), fresh.distance()) << when;
    EXPECT_EQ(live.coverage().total.covered, fresh.coverage().total.covered) << when;
    EXPECT_EQ(live.coverage().total.covered_population, fresh.coverage().total.covered_population)
        << when;
    EXPECT_EQ(live.coverage().uncovered.size(), fresh.coverage().uncovered.size()) << when;
    EXPECT_EQ(live.contiguity().pairs, fresh.contiguity().pairs) << when;
    ASSERT_EQ(live.belts().size(), fresh.belts().size()) << when;
    for (std::size_t b = 0; b < fresh.belts().size(); ++b) {
        EXPECT_EQ(live.belts()[b].members, fresh.belts()[b].members) << when;
        EXPECT_EQ(live.belts()[b].site_count(), fresh.belts()[b].site_count()) << when;
        EXPECT_NEAR(live.belts()[b].reach_length_m, fresh.belts()[b].reach_length_m, 1e-6) << when;
        EXPECT_NEAR(live.belts()[b].largest_gap.length_m(), fresh.belts()[b].largest_gap.length_m(),
                    1e-6)
            << when;
    }
    ASSERT_EQ(live.org_checks().size(), fresh.org_checks().size()) << when;
    for (std::size_t o = 0; o < fresh.org_checks().size(); ++o) {
        EXPECT_EQ(live.org_checks()[o].valid, fresh.org_checks()[o].valid) << when;
    }
    EXPECT_EQ(live.org_outlines(), fresh.org_outlines()) << when;
    EXPECT_EQ(live.station_outlines(), fresh.station_outlines()) << when;
}

TEST(PlanAnalysis, reads_as_the_functions_it_replaces) {
    const core::Plan plan = sample();
    const PlanAnalysis a(plan);
    const std::vector<Reach> reach = euclidean_reach(plan);
    ASSERT_EQ(a.reach().size(), reach.size());
    for (std::size_t v = 0; v < reach.size(); ++v) {
        EXPECT_EQ(a.reach()[v].distance_m, reach[v].distance_m);
        EXPECT_EQ(a.reach()[v].site, reach[v].site);
    }
    const CoverageReport report =
        summarize_coverage(plan, reach, plan.settings.reach_m, plan.settings.distance);
    EXPECT_EQ(a.coverage().total.covered, report.total.covered);
    EXPECT_EQ(a.coverage().uncovered.size(), report.uncovered.size());
    EXPECT_EQ(a.contiguity().pairs, contiguity(plan, {}).pairs);
    const std::vector<BeltResult> belts = analyze_belts(plan);
    ASSERT_EQ(a.belts().size(), 1u);
    EXPECT_EQ(a.belts()[0].members, belts[0].members);
    EXPECT_EQ(a.belts()[0].reach_length_m, belts[0].reach_length_m);
    const std::vector<JointOrgCheck> checks = validate_all(plan);
    ASSERT_EQ(a.org_checks().size(), 2u);
    EXPECT_TRUE(a.org_checks()[0].valid);
    EXPECT_EQ(a.org_checks()[1].valid, checks[1].valid);
    EXPECT_EQ(a.org_outlines()[1], dissolved_outline(plan, plan.joint_orgs[1]));
    // Village A's centre (500, 4500) is s1 itself: 0 m; B's centre is 1 km from it.
    EXPECT_EQ(a.reach()[0].distance_m, 0.0);
    EXPECT_EQ(a.reach()[1].distance_m, 1000.0);
}

TEST(PlanAnalysis, a_site_move_lists_exactly_the_villages_whose_reach_changed) {
    core::Plan plan = sample();
    PlanAnalysis a(plan);
    const std::vector<Reach> before = a.reach();
    core::MoveSite move("s1", {1500, 3500});  // from A's centre to H's centre
    auto changes = move.apply(plan);
    ASSERT_TRUE(changes);
    const AnalysisDelta d = a.update(changes.value());
    std::vector<int> expected;
    for (std::size_t v = 0; v < before.size(); ++v) {
        if (a.reach()[v].distance_m != before[v].distance_m) {
            expected.push_back(static_cast<int>(v));
        }
    }
    EXPECT_FALSE(expected.empty());
    EXPECT_EQ(d.villages, expected);
    EXPECT_FALSE(d.all_villages);
    EXPECT_TRUE(d.has(Derived::kReach));
    EXPECT_TRUE(d.has(Derived::kCoverage));
    EXPECT_TRUE(d.has(Derived::kSites));
    EXPECT_TRUE(d.has(Derived::kBeltMeasures));
    EXPECT_FALSE(d.has(Derived::kRadius));
    EXPECT_FALSE(d.has(Derived::kBeltMembers));
    EXPECT_FALSE(d.has(Derived::kOrgChecks));
    EXPECT_EQ(a.reach()[7].distance_m, 0.0);  // H, now the site stands on its centre
    expect_matches_fresh(a, "after the move");
}

TEST(PlanAnalysis, a_radius_tick_changes_no_village_value) {
    core::Plan plan = sample();
    PlanAnalysis a(plan);
    const std::int64_t covered_before = a.coverage().total.covered;
    const std::vector<int> members_before = a.belts()[0].members;
    const std::vector<Reach> reach_before = a.reach();
    core::SetReachRadius tick(2500);
    auto changes = tick.apply(plan);
    ASSERT_TRUE(changes);
    const AnalysisDelta d = a.update(changes.value());
    EXPECT_TRUE(d.has(Derived::kRadius));
    EXPECT_TRUE(d.has(Derived::kCoverage));
    EXPECT_TRUE(d.has(Derived::kBeltMeasures));
    EXPECT_FALSE(d.has(Derived::kReach));
    EXPECT_FALSE(d.has(Derived::kBeltMembers));
    EXPECT_FALSE(d.has(Derived::kReachRoads));
    EXPECT_TRUE(d.villages.empty());
    EXPECT_FALSE(d.all_villages);
    EXPECT_EQ(a.radius_m(), 2500.0);
    EXPECT_GT(a.coverage().total.covered, covered_before);
    EXPECT_EQ(a.belts()[0].members, members_before);
    for (std::size_t v = 0; v < reach_before.size(); ++v) {
        EXPECT_EQ(a.reach()[v].distance_m, reach_before[v].distance_m);
    }
    expect_matches_fresh(a, "after the radius tick");
}

TEST(PlanAnalysis, switching_to_roads_measures_along_them) {
    core::Plan plan = sample();
    PlanAnalysis a(plan);
    (void)a.reach();
    core::SetDistanceMode roads(core::DistanceMode::kNetwork);
    auto changes = roads.apply(plan);
    ASSERT_TRUE(changes);
    const AnalysisDelta d = a.update(changes.value());
    EXPECT_TRUE(d.all_villages);
    EXPECT_TRUE(d.has(Derived::kDistanceMode));
    EXPECT_TRUE(d.has(Derived::kReach));
    const RoadNetwork network(plan);
    const std::vector<Reach> expected = network_reach(plan, network);
    for (std::size_t v = 0; v < expected.size(); ++v) {
        EXPECT_EQ(a.reach()[v].distance_m, expected[v].distance_m) << v;
    }
    EXPECT_FALSE(a.problem());
    // Village A's anchor and s1 both stand at (500, 4500) and join the road at (500, 2500):
    // two legs of 2 km. Village L (5500, 3500) and s2 (5500, 500) join it at (5500, 2500).
    EXPECT_NEAR(a.reach()[0].distance_m, 2000 + 2000, 1e-6);
    EXPECT_NEAR(a.reach()[11].distance_m, 1000 + 2000, 1e-6);
    expect_matches_fresh(a, "along roads");
}

TEST(PlanAnalysis, a_plan_without_roads_has_no_answer_along_roads) {
    core::Plan plan = sample();
    plan.roads.clear();
    plan.belts.clear();
    plan.settings.distance = core::DistanceMode::kNetwork;
    AnalysisOptions options;
    options.file = "plan.gpkg";
    const PlanAnalysis a(plan, options);
    ASSERT_TRUE(a.problem());
    EXPECT_EQ(a.problem()->where.layer, "roads");
    EXPECT_NE(a.problem()->message.find("plan.gpkg"), std::string::npos);
    EXPECT_EQ(a.coverage().total.covered, 0);
    auto reach = village_reach(plan, core::DistanceMode::kNetwork, "plan.gpkg");
    ASSERT_FALSE(reach);
    EXPECT_EQ(reach.error().message, a.problem()->message);
    EXPECT_TRUE(distance_problem(plan, core::DistanceMode::kNetwork));
    EXPECT_FALSE(distance_problem(plan, core::DistanceMode::kEuclidean));
    EXPECT_TRUE(village_reach(plan, core::DistanceMode::kEuclidean));
}

TEST(PlanAnalysis, edits_of_groups_and_contiguity_update_checks_and_outlines) {
    core::Plan plan = sample();
    PlanAnalysis a(plan);
    const core::MultiPolygon j1 = a.org_outlines()[0];
    // A and F do not touch: a group of both is invalid until a manual link joins them.
    core::CreateJointOrg create({"J3",
                                 "丙",
                                 core::JointOrgMode::kLeader,
                                 {plan.villages[0].code, plan.villages[5].code},
                                 plan.villages[0].code});
    auto changes = create.apply(plan);
    ASSERT_TRUE(changes);
    AnalysisDelta d = a.update(changes.value());
    EXPECT_TRUE(d.has(Derived::kOrgChecks));
    EXPECT_TRUE(d.has(Derived::kOrgOutlines));
    EXPECT_FALSE(d.has(Derived::kReach));
    ASSERT_EQ(a.org_checks().size(), 3u);
    EXPECT_FALSE(a.org_checks()[2].valid);
    EXPECT_EQ(a.org_outlines()[0], j1);
    core::AddContiguityEdit link({plan.villages[0].code, plan.villages[5].code, true, "bridge"});
    changes = link.apply(plan);
    ASSERT_TRUE(changes);
    d = a.update(changes.value());
    EXPECT_TRUE(d.has(Derived::kContiguity));
    EXPECT_TRUE(d.has(Derived::kOrgChecks));
    EXPECT_TRUE(a.org_checks()[2].valid);
    expect_matches_fresh(a, "after the link");
}

TEST(PlanAnalysis, road_pieces_carry_the_distance_along_the_road) {
    core::Plan plan = test::grid_plan({"ABCDEFGHIJ"});
    core::Road road;
    road.name = "r";
    road.parts.push_back(core::LineString{{{0, 500}, {6000, 500}, {10000, 500}}});
    plan.roads = {road};
    test::add_site(plan, 3000, 600, "s1");  // 100 m off the road at x = 3000
    test::add_site(plan, 9000, 500, "s2");  // on the road
    plan.settings.distance = core::DistanceMode::kNetwork;
    const PlanAnalysis a(plan);
    const std::vector<RoadPiece>& pieces = a.road_pieces();
    ASSERT_FALSE(pieces.empty());
    // The distance at x along the road: min(100 + |x - 3000|, |x - 9000|).
    for (const RoadPiece& p : pieces) {
        for (const auto& [at, m] : {std::pair{p.a, p.a_m}, std::pair{p.b, p.b_m}}) {
            EXPECT_NEAR(m, std::min(100 + std::abs(at.x - 3000), std::abs(at.x - 9000)), 1e-6)
                << at.x;
        }
    }
    const std::vector<core::LineString> within = roads_within(pieces, 1100);
    ASSERT_EQ(within.size(), 2u);
    EXPECT_NEAR(within[0].points.front().x, 2000, 1e-6);
    EXPECT_NEAR(within[0].points.back().x, 4000, 1e-6);
    EXPECT_NEAR(within[1].points.front().x, 7900, 1e-6);
    EXPECT_NEAR(within[1].points.back().x, 10000, 1e-6);
}

// Random edits through the undo stack, undone and redone at random: after each step the live
// analysis equals a fresh one of the plan as it stands, in both distance modes.
TEST(PlanAnalysis, random_edits_with_undo_and_redo_match_a_fresh_analysis) {
    core::Plan plan = sample();
    PlanAnalysis a(plan);
    core::UndoStack history;
    std::mt19937 rng(11);
    auto pick = [&rng](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    auto any_village = [&] { return plan.villages[static_cast<std::size_t>(pick(30))].code; };
    for (int step = 0; step < 60; ++step) {
        core::ChangeSet changes;
        const int what = pick(10);
        if (what == 0 && history.can_undo()) {
            changes = history.undo(plan);
        } else if (what == 1 && history.can_redo()) {
            auto redone = history.redo(plan);
            ASSERT_TRUE(redone);
            changes = redone.value();
        } else {
            core::CommandPtr command;
            const std::string site = plan.sites.empty() ? "" : plan.sites.front().id;
            switch (what) {
                case 2:
                    command = std::make_unique<core::SetReachRadius>(500.0 + pick(30) * 100.0);
                    break;
                case 3:
                    command = std::make_unique<core::SetDistanceMode>(
                        pick(2) == 0 ? core::DistanceMode::kEuclidean
                                     : core::DistanceMode::kNetwork);
                    break;
                case 4: {
                    core::Site s;
                    s.id = "n" + std::to_string(step);
                    s.position = {pick(6000) * 1.0, pick(5000) * 1.0};
                    command = std::make_unique<core::AddSite>(s);
                    break;
                }
                case 5:
                    command = std::make_unique<core::RemoveSite>(site);
                    break;
                case 6:
                    command =
                        std::make_unique<core::SetBeltHalfWidth>("b1", 100.0 + pick(10) * 150);
                    break;
                case 7:
                    command = std::make_unique<core::AddJointOrgMember>("J2", any_village());
                    break;
                case 8:
                    command = std::make_unique<core::AddContiguityEdit>(
                        core::ContiguityEdit{any_village(), any_village(), pick(2) == 0, ""});
                    break;
                default:
                    command = std::make_unique<core::MoveSite>(
                        site, core::PointM{pick(6000) * 1.0, pick(5000) * 1.0});
                    break;
            }
            auto pushed = history.push(plan, std::move(command));
            if (!pushed) {
                continue;  // refused (an unknown site, a member twice): the plan is as it was
            }
            changes = pushed.value();
            history.seal();
        }
        a.update(changes);
        expect_matches_fresh(a, "step " + std::to_string(step));
        if (::testing::Test::HasFailure()) {
            return;
        }
    }
}

}  // namespace
}  // namespace beltplan::analysis
