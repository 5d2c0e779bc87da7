// Reach along roads on a hand-made network whose distances are known.
#include "analysis/road_network.h"

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
    v.name = code;
    v.seat = core::PointM{x, y};
    v.shape.parts.push_back(core::Polygon{
        {{x - 10, y - 10}, {x + 10, y - 10}, {x + 10, y + 10}, {x - 10, y + 10}, {x - 10, y - 10}},
        {}});
    return v;
}

// East road (0,0)-(5000,0)-(10000,0); north branch from the shared vertex (5000,0);
// a road whose start lies 0.5 m from the east end (joined) and one 2 m away (not joined).
core::Plan network_plan() {
    core::Plan plan;
    plan.roads.push_back(road("east", {{0, 0}, {5000, 0}, {10000, 0}}));
    plan.roads.push_back(road("north", {{5000, 0}, {5000, 5000}}));
    plan.roads.push_back(road("joined", {{10000, 0.5}, {10000, 3000}}));
    plan.roads.push_back(road("apart", {{10000, -2}, {10000, -3000}}));
    plan.villages.push_back(village_at("north", 5200, 4000));
    plan.villages.push_back(village_at("joined", 10300, 2000));
    plan.villages.push_back(village_at("apart", 10300, -2000));
    plan.villages.push_back(village_at("same_segment", 2000, -50));
    test::add_site(plan, 1000, 100);
    return plan;
}

TEST(RoadNetwork, splits_at_shared_vertices_and_joins_close_ends) {
    const RoadNetwork net(network_plan());
    // Nodes: (0,0) (5000,0) (10000,0) (5000,5000) (10000,3000) (10000,-2) (10000,-3000).
    EXPECT_EQ(net.node_count(), 7u);
    EXPECT_EQ(net.segment_count(), 5u);
}

TEST(RoadNetwork, attaches_at_the_projection_onto_the_nearest_segment) {
    const RoadNetwork net(network_plan());
    const Attachment a = net.attach({1000, 100});
    EXPECT_DOUBLE_EQ(a.access_m, 100.0);
    EXPECT_DOUBLE_EQ(a.at.x, 1000.0);
    EXPECT_DOUBLE_EQ(a.at.y, 0.0);
    EXPECT_NEAR(a.t * net.segment_length_m(a.segment), 1000.0, 1e-9);
}

TEST(RoadNetwork, distances_count_access_legs_and_follow_the_roads) {
    const core::Plan plan = network_plan();
    const RoadNetwork net(plan);
    const auto reach = network_reach(plan, net);
    // 100 access + 4000 east + 4000 north + 200 access.
    EXPECT_NEAR(reach[0].distance_m, 8300.0, 1e-6);
    EXPECT_EQ(reach[0].site, 0);
    // 100 + 9000 east + 2000 up the joined road + 300 access.
    EXPECT_NEAR(reach[1].distance_m, 11400.0, 1e-6);
    // A road 2 m from the end is not joined: unreachable.
    EXPECT_TRUE(std::isinf(reach[2].distance_m));
    // Same segment: 100 + 1000 along + 50.
    EXPECT_NEAR(reach[3].distance_m, 1150.0, 1e-6);
}

TEST(RoadNetwork, network_distance_is_never_shorter_than_euclidean) {
    const core::Plan plan = network_plan();
    const auto network = network_reach(plan, RoadNetwork(plan));
    const auto straight = euclidean_reach(plan);
    for (std::size_t i = 0; i < plan.villages.size(); ++i) {
        EXPECT_GE(network[i].distance_m + 1e-9, straight[i].distance_m) << plan.villages[i].code;
    }
}

TEST(RoadNetwork, nearest_of_two_sites_along_roads) {
    core::Plan plan = network_plan();
    test::add_site(plan, 5000, 4500);  // on the north road, 500 m from the north village
    const auto reach = network_reach(plan, RoadNetwork(plan));
    EXPECT_NEAR(reach[0].distance_m, 500.0 + 200.0, 1e-6);
    EXPECT_EQ(reach[0].site, 1);
}

TEST(RoadNetwork, path_between_two_points_turns_at_the_shared_vertex) {
    const RoadNetwork net(network_plan());
    const RoadNetwork::Path p = net.path_between({1000, 100}, {5200, 4000});
    ASSERT_TRUE(p.found());
    EXPECT_DOUBLE_EQ(p.road_m, 8000.0);      // 4000 east to the junction, 4000 north
    EXPECT_DOUBLE_EQ(p.distance_m, 8300.0);  // plus legs of 100 and 200
    const std::vector<core::PointM> expected = {
        {1000, 100}, {1000, 0}, {5000, 0}, {5000, 4000}, {5200, 4000}};
    EXPECT_EQ(p.points, expected);
}

// The way back enters the target's segment from its far end (the (1 - t) side).
TEST(RoadNetwork, path_between_enters_the_target_segment_from_either_end) {
    const RoadNetwork net(network_plan());
    const RoadNetwork::Path p = net.path_between({5200, 4900}, {1000, 100});
    ASSERT_TRUE(p.found());
    EXPECT_DOUBLE_EQ(p.road_m, 8900.0);      // 4900 south to the junction, 4000 west
    EXPECT_DOUBLE_EQ(p.distance_m, 9200.0);  // plus legs of 200 and 100
    const std::vector<core::PointM> expected = {
        {5200, 4900}, {5000, 4900}, {5000, 0}, {1000, 0}, {1000, 100}};
    EXPECT_EQ(p.points, expected);
}

TEST(RoadNetwork, path_between_points_on_one_segment_stays_on_it) {
    const RoadNetwork net(network_plan());
    const RoadNetwork::Path p = net.path_between({2000, -50}, {1000, 100});
    ASSERT_TRUE(p.found());
    EXPECT_DOUBLE_EQ(p.road_m, 1000.0);
    EXPECT_DOUBLE_EQ(p.distance_m, 1150.0);
    const std::vector<core::PointM> expected = {{2000, -50}, {2000, 0}, {1000, 0}, {1000, 100}};
    EXPECT_EQ(p.points, expected);
}

TEST(RoadNetwork, path_crosses_joined_ends_but_not_a_two_metre_gap) {
    const RoadNetwork net(network_plan());
    const RoadNetwork::Path joined = net.path_between({1000, 100}, {10300, 2000});
    ASSERT_TRUE(joined.found());
    EXPECT_DOUBLE_EQ(joined.road_m, 11000.0);
    EXPECT_DOUBLE_EQ(joined.distance_m, 11400.0);
    const RoadNetwork::Path apart = net.path_between({1000, 100}, {10300, -2000});
    EXPECT_FALSE(apart.found());
    EXPECT_TRUE(std::isinf(apart.distance_m));
}

TEST(RoadNetwork, empty_network_reaches_nothing) {
    core::Plan plan = network_plan();
    plan.roads.clear();
    const RoadNetwork net(plan);
    EXPECT_TRUE(net.empty());
    EXPECT_TRUE(std::isinf(network_reach(plan, net)[0].distance_m));
}

}  // namespace
}  // namespace beltplan::analysis
