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
    // 100 + 9000 east + 1999.5 up the joined road + 300 access: the joined road's segment
    // keeps its own length from (10000, 0.5), not from the node at (10000, 0).
    EXPECT_NEAR(reach[1].distance_m, 11399.5, 1e-6);
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
    EXPECT_DOUBLE_EQ(joined.road_m, 10999.5);  // the joined road counts from its own vertex
    EXPECT_DOUBLE_EQ(joined.distance_m, 11399.5);
    const RoadNetwork::Path apart = net.path_between({1000, 100}, {10300, -2000});
    EXPECT_FALSE(apart.found());
    EXPECT_TRUE(std::isinf(apart.distance_m));
}

// ---------------------------------------------------------------------------------------------
// The rules of DESIGN.md section 2, each on a hand-made road layer.
// ---------------------------------------------------------------------------------------------

core::Plan roads_only(std::vector<core::Road> roads) {
    core::Plan plan;
    plan.roads = std::move(roads);
    return plan;
}

double reach_of(core::Plan plan, const core::PointM& site, const core::PointM& village) {
    plan.villages = {village_at("v", village.x, village.y)};
    plan.sites.clear();
    test::add_site(plan, site.x, site.y);
    return network_reach(plan, RoadNetwork(plan))[0].distance_m;
}

TEST(RoadNetwork, a_t_junction_0_4_m_short_of_a_vertex_joins_it) {
    const core::Plan plan = roads_only({road("trunk", {{0, 0}, {1000, 0}, {2000, 0}}),
                                        road("branch", {{1000, 500}, {1000, 0.4}})});
    const RoadNetwork net(plan);
    EXPECT_EQ(net.node_count(), 4u);
    EXPECT_EQ(net.segment_count(), 3u);
    EXPECT_EQ(net.build_report().merged_vertices, 1);
    // 50 leg + 1000 along the trunk + 299.6 up the branch (its own length) + 20 leg.
    EXPECT_NEAR(reach_of(plan, {0, 50}, {1020, 300}), 1369.6, 1e-9);
}

TEST(RoadNetwork, a_t_junction_0_4_m_short_of_a_segment_splits_it) {
    const core::Plan plan = roads_only(
        {road("trunk", {{0, 0}, {2000, 0}}), road("branch", {{1000, 500}, {1000, 0.4}})});
    const RoadNetwork net(plan);
    EXPECT_EQ(net.node_count(), 4u);
    ASSERT_EQ(net.segment_count(), 3u);
    EXPECT_DOUBLE_EQ(net.segment_length_m(0), 1000.0);  // the trunk, split at (1000, 0)
    EXPECT_DOUBLE_EQ(net.segment_length_m(1), 1000.0);
    EXPECT_DOUBLE_EQ(net.segment_length_m(2), 499.6);
    EXPECT_TRUE(net.build_report().ends[3].joined_segment);  // the branch's last vertex
    EXPECT_NEAR(reach_of(plan, {0, 50}, {1020, 300}), 1369.6, 1e-9);
    EXPECT_NEAR(reach_of(plan, {2000, -50}, {1020, 300}), 1369.6, 1e-9);
    // 1.2 m short: not joined, the branch is a road of its own.
    const core::Plan apart = roads_only(
        {road("trunk", {{0, 0}, {2000, 0}}), road("branch", {{1000, 500}, {1000, 1.2}})});
    EXPECT_TRUE(std::isinf(reach_of(apart, {0, 50}, {1020, 300})));
}

TEST(RoadNetwork, a_chain_of_vertices_0_8_m_apart_is_one_node) {
    // a ends at (0,0); b starts with four vertices 0.8 m apart; c ends 0.86 m from b's fourth
    // vertex, 3.93 m from a's end: all one node, transitively.
    const core::Plan plan =
        roads_only({road("a", {{-1000, 0}, {0, 0}}),
                    road("b", {{0.8, 0}, {1.6, 0}, {2.4, 0}, {3.2, 0}, {1003.2, 0}}),
                    road("c", {{3.9, 0.5}, {3.9, 1000.5}})});
    const RoadNetwork net(plan);
    EXPECT_EQ(net.node_count(), 4u);
    EXPECT_EQ(net.segment_count(), 3u);
    ASSERT_EQ(net.build_report().collapsed.size(), 3u);  // b's three 0.8 m segments
    EXPECT_DOUBLE_EQ(net.build_report().collapsed[0].length_m, 0.8);
    // 10 leg + 1000 along a, through the node, 1000 along b (its own length) + 10 leg.
    EXPECT_NEAR(reach_of(plan, {-1000, 10}, {1003.2, 10}), 2020.0, 1e-9);
    // Up c from the node: 1000 along a + 500 along c.
    EXPECT_NEAR(reach_of(plan, {-1000, 10}, {13.9, 500.5}), 10.0 + 1000.0 + 500.0 + 10.0, 1e-9);
}

TEST(RoadNetwork, a_crossing_without_a_vertex_is_a_bridge) {
    const core::Plan bridge =
        roads_only({road("h", {{0, 0}, {2000, 0}}), road("v", {{1000.6, -1000}, {1000.6, 1000}})});
    EXPECT_EQ(RoadNetwork(bridge).node_count(), 4u);
    EXPECT_TRUE(std::isinf(reach_of(bridge, {500, 10}, {1010.6, 500})));
    // With a vertex on each line 0.6 m apart at the crossing, they meet there.
    const core::Plan junction =
        roads_only({road("h", {{0, 0}, {1000, 0}, {2000, 0}}),
                    road("v", {{1000.6, -1000}, {1000.6, 0}, {1000.6, 1000}})});
    EXPECT_EQ(RoadNetwork(junction).node_count(), 5u);
    EXPECT_NEAR(reach_of(junction, {500, 10}, {1010.6, 500}), 10.0 + 500 + 500 + 10, 1e-9);
}

TEST(RoadNetwork, of_parallel_segments_the_shortest_counts) {
    // b runs beside a between the same two nodes and is 0.8 m longer; c repeats a exactly.
    const core::Plan plan =
        roads_only({road("b", {{0, 0.6}, {1000.8, 0.3}}), road("a", {{0, 0}, {1000, 0}}),
                    road("c", {{0, 0}, {1000, 0}})});
    const RoadNetwork net(plan);
    EXPECT_EQ(net.node_count(), 2u);
    ASSERT_EQ(net.segment_count(), 1u);
    EXPECT_DOUBLE_EQ(net.segment_length_m(0), 1000.0);
    EXPECT_EQ(net.segment(0).road, 1);
    ASSERT_EQ(net.build_report().duplicates.size(), 2u);
    EXPECT_EQ(net.build_report().duplicates[0].road, 0);  // b, dropped for a
    EXPECT_EQ(net.build_report().duplicates[1].road, 2);  // c, equal to a, later in the layer
    EXPECT_EQ(net.build_report().duplicates[1].kept, 0);
    EXPECT_NEAR(reach_of(plan, {0, -10}, {1000, -10}), 1020.0, 1e-9);
}

TEST(RoadNetwork, a_zero_length_segment_is_dropped) {
    const core::Plan plan = roads_only({road("a", {{0, 0}, {500, 0}, {500, 0}, {1000, 0}})});
    const RoadNetwork net(plan);
    EXPECT_EQ(net.segment_count(), 2u);
    ASSERT_EQ(net.build_report().collapsed.size(), 1u);
    EXPECT_EQ(net.build_report().collapsed[0].length_m, 0.0);
}

TEST(RoadNetwork, access_ties_go_to_the_lower_segment_and_both_legs_count) {
    // A point halfway between two parallel roads joins the first one.
    const core::Plan plan =
        roads_only({road("south", {{0, 0}, {1000, 0}}), road("north", {{0, 100}, {1000, 100}})});
    const RoadNetwork net(plan);
    const Attachment a = net.attach({500, 50});
    EXPECT_EQ(a.segment, 0);
    EXPECT_DOUBLE_EQ(a.access_m, 50.0);
    // Site and village on one segment: directly along it, both legs counted.
    EXPECT_NEAR(reach_of(plan, {100, -30}, {700, -40}), 30.0 + 600.0 + 40.0, 1e-9);
    // Projection clamped to the segment: beyond its end the leg runs to the end vertex.
    EXPECT_NEAR(net.attach({1030, -40}).access_m, 50.0, 1e-9);
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
