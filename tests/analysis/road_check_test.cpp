// The road layer check on hand-made layers whose problems are known by construction.
#include "analysis/road_check.h"

#include "core/messages.h"
#include "support/grid_plan.h"

#include <gtest/gtest.h>

#include <cmath>

namespace beltplan::analysis {
namespace {

core::Road road(const std::string& name, std::vector<core::PointM> pts) {
    core::Road r;
    r.name = name;
    r.parts.push_back(core::LineString{std::move(pts)});
    return r;
}

core::Village village_at(const std::string& code, double x, double y) {
    core::Village v;
    v.code = code;
    v.name = "村" + code;
    v.seat = core::PointM{x, y};
    v.shape.parts.push_back(core::Polygon{
        {{x - 10, y - 10}, {x + 10, y - 10}, {x + 10, y + 10}, {x - 10, y + 10}, {x - 10, y - 10}},
        {}});
    return v;
}

// A clean T: trunk and a branch sharing a vertex.
core::Plan clean_plan() {
    core::Plan plan;
    plan.roads.push_back(road("trunk", {{0, 0}, {1000, 0}, {2000, 0}}));
    plan.roads.push_back(road("branch", {{1000, 0}, {1000, 800}}));
    plan.villages.push_back(village_at("1", 500, 50));
    test::add_site(plan, 1500, -40);
    return plan;
}

TEST(RoadCheck, a_clean_network_has_one_piece_and_no_problems) {
    const core::Plan plan = clean_plan();
    const RoadCheck check = check_roads(plan, RoadNetwork(plan));
    ASSERT_EQ(check.pieces.size(), 1u);
    EXPECT_DOUBLE_EQ(check.pieces[0].length_m, 2800.0);
    EXPECT_EQ(check.pieces[0].segments, 3);
    EXPECT_EQ(check.pieces[0].sites, 1);
    EXPECT_EQ(check.pieces[0].villages, std::vector<int>{0});
    EXPECT_TRUE(check.problems.empty());
    EXPECT_FALSE(check.has_problems());
    EXPECT_EQ(problems_line(check, "p.gpkg"), "");
}

TEST(RoadCheck, a_village_on_a_separate_piece_is_cut_off) {
    core::Plan plan = clean_plan();
    plan.roads.push_back(road("island", {{5000, 5000}, {5300, 5000}}));
    plan.villages.push_back(village_at("2", 5100, 5020));
    const RoadCheck check = check_roads(plan, RoadNetwork(plan));
    ASSERT_EQ(check.pieces.size(), 2u);
    EXPECT_DOUBLE_EQ(check.pieces[1].length_m, 300.0);
    EXPECT_EQ(check.pieces[1].sites, 0);
    EXPECT_EQ(check.village_piece, (std::vector<int>{0, 1}));
    EXPECT_EQ(check.cut_off, std::vector<int>{1});
    EXPECT_TRUE(check.has_problems());
}

TEST(RoadCheck, an_end_5_m_short_of_a_road_is_a_probable_undershoot) {
    core::Plan plan = clean_plan();
    plan.roads.push_back(road("short", {{1500, 600}, {1500, 5}}));  // 5 m short of the trunk
    plan.roads.push_back(road("far", {{300, 600}, {300, 25}}));     // 25 m: not reported
    const RoadCheck check = check_roads(plan, RoadNetwork(plan));
    ASSERT_EQ(check.count(RoadProblemKind::kDanglingEnd), 1);
    const RoadProblem& p = check.problems[0];
    EXPECT_EQ(p.kind, RoadProblemKind::kDanglingEnd);
    EXPECT_EQ(p.road, 2);
    EXPECT_EQ(p.other_road, 0);
    EXPECT_DOUBLE_EQ(p.length_m, 5.0);
    EXPECT_EQ(p.at, (core::PointM{1500, 5}));
    ASSERT_EQ(p.line.points.size(), 2u);
    EXPECT_EQ(p.line.points[1], (core::PointM{1500, 0}));
    core::set_language(core::Language::kEnglish);
    const std::string sentence = describe(plan, p);
    EXPECT_NE(sentence.find("'short'"), std::string::npos) << sentence;
    EXPECT_NE(sentence.find("5.0 m from road 'trunk'"), std::string::npos) << sentence;
}

TEST(RoadCheck, lines_crossing_without_a_vertex_are_reported_once_where_they_cross) {
    core::Plan plan = clean_plan();
    plan.roads.push_back(road("overpass", {{400, -300}, {400, 300}}));
    const RoadCheck check = check_roads(plan, RoadNetwork(plan));
    ASSERT_EQ(check.count(RoadProblemKind::kCrossing), 1);
    const RoadProblem& p = check.problems[0];
    EXPECT_EQ(p.at, (core::PointM{400, 0}));
    EXPECT_EQ(p.road, 0);
    EXPECT_EQ(p.other_road, 2);
    // A crossing with a shared vertex is a junction, not a problem.
    core::Plan joined = clean_plan();
    joined.roads[0].parts[0].points.insert(joined.roads[0].parts[0].points.begin() + 1, {400, 0});
    joined.roads.push_back(road("crossroad", {{400, -300}, {400, 0}, {400, 300}}));
    EXPECT_EQ(check_roads(joined, RoadNetwork(joined)).count(RoadProblemKind::kCrossing), 0);
}

TEST(RoadCheck, duplicate_zero_length_and_collapsed_segments_are_listed) {
    core::Plan plan = clean_plan();
    plan.roads.push_back(road("copy", {{0, 0.3}, {1000, 0.3}}));                   // beside trunk
    plan.roads.push_back(road("stutter", {{2000, 0}, {2000, 300}, {2000, 300}}));  // repeat
    plan.roads.push_back(road("dense", {{1000, 800}, {1000.6, 800.5}, {1000, 1500}}));
    const RoadCheck check = check_roads(plan, RoadNetwork(plan));
    EXPECT_EQ(check.count(RoadProblemKind::kDuplicate), 1);
    EXPECT_EQ(check.count(RoadProblemKind::kZeroLength), 1);
    EXPECT_EQ(check.count(RoadProblemKind::kCollapsed), 1);
    EXPECT_EQ(check.count(RoadProblemKind::kDanglingEnd), 0);
    for (const RoadProblem& p : check.problems) {
        if (p.kind == RoadProblemKind::kDuplicate) {
            EXPECT_EQ(p.road, 2);  // copy: 1000.0 m like the trunk's, later in the layer
            EXPECT_EQ(p.other_road, 0);
        }
        if (p.kind == RoadProblemKind::kCollapsed) {
            EXPECT_EQ(p.road, 4);
            EXPECT_NEAR(p.length_m, std::hypot(0.6, 0.5), 1e-12);
        }
    }
    core::set_language(core::Language::kEnglish);
    const std::string line = problems_line(check, "p.gpkg");
    EXPECT_NE(line.find("1 duplicate segments"), std::string::npos) << line;
    EXPECT_NE(line.find("beltplan roads p.gpkg"), std::string::npos) << line;
}

}  // namespace
}  // namespace beltplan::analysis
