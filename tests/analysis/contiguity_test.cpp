// Contiguity on hand-drawn grids: exact queen and rook pairs, slivers, T-junctions, islands.
#include "analysis/contiguity.h"

#include "support/grid_plan.h"

#include <gtest/gtest.h>

#include <set>

namespace beltplan::analysis {
namespace {

using NamePairs = std::set<std::pair<std::string, std::string>>;

NamePairs name_pairs(const core::Plan& plan, const ContiguityGraph& g) {
    NamePairs out;
    for (const auto& [a, b] : g.pairs) {
        std::string na = plan.villages[static_cast<std::size_t>(a)].name;
        std::string nb = plan.villages[static_cast<std::size_t>(b)].name;
        out.emplace(std::min(na, nb), std::max(na, nb));
    }
    return out;
}

TEST(Contiguity, rook_on_4x4_grid_is_the_24_edge_pairs) {
    const core::Plan plan = test::grid_plan({"abcd", "efgh", "ijkl", "mnop"});
    const auto g = contiguity(plan, {ContiguityRule::kRook, 0.0});
    EXPECT_EQ(g.pairs.size(), 24u);  // 4 rows x 3 + 4 columns x 3
    const NamePairs p = name_pairs(plan, g);
    EXPECT_TRUE(p.count({"a", "b"}));
    EXPECT_TRUE(p.count({"a", "e"}));
    EXPECT_FALSE(p.count({"a", "f"}));  // corner only
    EXPECT_TRUE(p.count({"k", "o"}));
    EXPECT_EQ(g.neighbours[5].size(), 4u);  // f: b e g j
}

TEST(Contiguity, queen_on_4x4_grid_adds_the_18_diagonals) {
    const core::Plan plan = test::grid_plan({"abcd", "efgh", "ijkl", "mnop"});
    const auto g = contiguity(plan, {ContiguityRule::kQueen, 0.0});
    EXPECT_EQ(g.pairs.size(), 42u);
    const NamePairs p = name_pairs(plan, g);
    EXPECT_TRUE(p.count({"a", "f"}));
    EXPECT_TRUE(p.count({"b", "e"}));
    EXPECT_TRUE(p.count({"l", "o"}));
    EXPECT_FALSE(p.count({"a", "k"}));
    EXPECT_EQ(g.neighbours[5].size(), 8u);  // f touches all around
    EXPECT_EQ(g.neighbours[0].size(), 3u);  // a: b e f
}

TEST(Contiguity, multi_cell_villages_and_holes) {
    // a surrounds b; c sits east. b touches only a.
    const core::Plan plan = test::grid_plan({"aaac", "abac", "aaac"});
    const auto queen = contiguity(plan, {ContiguityRule::kQueen, 0.0});
    EXPECT_EQ(name_pairs(plan, queen), (NamePairs{{"a", "b"}, {"a", "c"}}));
    const auto rook = contiguity(plan, {ContiguityRule::kRook, 0.0});
    EXPECT_EQ(name_pairs(plan, rook), (NamePairs{{"a", "b"}, {"a", "c"}}));
}

core::Plan two_squares(double gap_m) {
    core::Plan plan;
    auto add = [&plan](const std::string& name, double x0) {
        core::Village v;
        v.code = "13070510020" + std::to_string(plan.villages.size() + 1);
        v.name = name;
        v.shape.parts.push_back(
            core::Polygon{{{x0, 0}, {x0 + 100, 0}, {x0 + 100, 100}, {x0, 100}, {x0, 0}}, {}});
        plan.villages.push_back(v);
    };
    add("west", 0.0);
    add("east", 100.0 + gap_m);
    return plan;
}

TEST(Contiguity, sliver_gap_makes_islands_until_snapped) {
    const core::Plan plan = two_squares(0.4);
    const auto exact = contiguity(plan, {ContiguityRule::kQueen, 0.0});
    EXPECT_TRUE(exact.pairs.empty());
    const auto islands = find_islands(plan, exact);
    ASSERT_EQ(islands.size(), 2u);
    EXPECT_EQ(islands[0].nearest, 1);
    EXPECT_NEAR(islands[0].gap_m, 0.4, 1e-9);
    EXPECT_DOUBLE_EQ(suggest_snap_m(islands), 0.5);
    const auto snapped = contiguity(plan, {ContiguityRule::kQueen, 0.5});
    EXPECT_EQ(snapped.pairs.size(), 1u);
    const auto snapped_rook = contiguity(plan, {ContiguityRule::kRook, 0.5});
    EXPECT_EQ(snapped_rook.pairs.size(), 1u);
    EXPECT_TRUE(contiguity(plan, {ContiguityRule::kQueen, 0.3}).pairs.empty());
}

TEST(Contiguity, far_islands_need_a_manual_link_not_a_snap) {
    const core::Plan plan = two_squares(500.0);
    const auto islands = find_islands(plan, contiguity(plan, {}));
    ASSERT_EQ(islands.size(), 2u);
    EXPECT_NEAR(islands[1].gap_m, 500.0, 1e-9);
    EXPECT_DOUBLE_EQ(suggest_snap_m(islands), 0.0);
}

TEST(Contiguity, t_junction_without_shared_vertex_is_not_exact_queen) {
    // west square's east edge runs (100,0)-(100,100); east rectangle starts at (100,50)
    // with its own vertex there, which is not a vertex of west: PySAL says not neighbours.
    core::Plan plan = two_squares(0.0);
    plan.villages[1].shape.parts[0].outer = {
        {100, 50}, {200, 50}, {200, 150}, {100, 150}, {100, 50}};
    EXPECT_TRUE(contiguity(plan, {ContiguityRule::kQueen, 0.0}).pairs.empty());
    EXPECT_EQ(contiguity(plan, {ContiguityRule::kQueen, 0.01}).pairs.size(), 1u);
}

TEST(Contiguity, code_pairs_are_ordered_by_code) {
    core::Plan plan = test::grid_plan({"ab"});
    std::swap(plan.villages[0].code, plan.villages[1].code);
    const auto pairs = code_pairs(plan, contiguity(plan, {}));
    ASSERT_EQ(pairs.size(), 1u);
    EXPECT_LT(pairs[0].first, pairs[0].second);
}

}  // namespace
}  // namespace beltplan::analysis
