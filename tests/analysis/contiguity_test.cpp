// Contiguity on hand-drawn grids: exact queen and rook pairs, slivers, T-junctions, islands,
// and the plan's manual links and cuts.
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

core::ContiguityEdit edit(const core::Plan& plan, char a, char b, bool link) {
    auto code = [&plan](char name) {
        for (const core::Village& v : plan.villages) {
            if (v.name == std::string(1, name)) {
                return v.code;
            }
        }
        return std::string("999999999999");
    };
    return {code(a), code(b), link, "test"};
}

TEST(ContiguityEdits, cut_on_4x4_grid_removes_exactly_that_pair) {
    core::Plan plan = test::grid_plan({"abcd", "efgh", "ijkl", "mnop"});
    const NamePairs before = name_pairs(plan, contiguity(plan, {}));
    plan.contiguity_edits = {edit(plan, 'f', 'a', false)};
    const auto g = contiguity(plan, {});
    EXPECT_EQ(g.pairs.size(), 41u);
    EXPECT_EQ(g.edits_applied, 1u);
    EXPECT_TRUE(g.unknown_edits.empty());
    NamePairs expected = before;
    expected.erase({"a", "f"});
    EXPECT_EQ(name_pairs(plan, g), expected);
    EXPECT_EQ(g.neighbours[0], (std::vector<int>{1, 4}));  // a: b e
}

TEST(ContiguityEdits, link_joins_two_islands_and_they_stop_being_islands) {
    core::Plan plan = test::grid_plan({"a.b"});
    EXPECT_EQ(find_islands(plan, contiguity(plan, {})).size(), 2u);
    plan.contiguity_edits = {edit(plan, 'b', 'a', true)};
    const auto g = contiguity(plan, {});
    EXPECT_EQ(name_pairs(plan, g), (NamePairs{{"a", "b"}}));
    EXPECT_TRUE(find_islands(plan, g).empty());
    EXPECT_EQ(code_pairs(plan, g).size(), 1u);
}

TEST(ContiguityEdits, unknown_village_is_reported_and_skipped) {
    core::Plan plan = test::grid_plan({"ab"});
    plan.contiguity_edits = {edit(plan, 'a', 'z', false), edit(plan, 'a', 'a', true),
                             edit(plan, 'a', 'b', false)};
    const auto g = contiguity(plan, {});
    EXPECT_TRUE(g.pairs.empty());
    EXPECT_EQ(g.edits_applied, 1u);
    ASSERT_EQ(g.unknown_edits.size(), 2u);
    EXPECT_EQ(g.unknown_edits[0].edit, 0u);
    EXPECT_NE(g.unknown_edits[0].sentence.find("999999999999"), std::string::npos);
    EXPECT_EQ(g.unknown_edits[1].edit, 1u);
    EXPECT_NE(g.unknown_edits[1].sentence.find("same village"), std::string::npos);
}

TEST(ContiguityEdits, later_edit_wins_and_edits_can_be_turned_off) {
    core::Plan plan = test::grid_plan({"a.b"});
    plan.contiguity_edits = {edit(plan, 'a', 'b', true), edit(plan, 'a', 'b', false)};
    EXPECT_TRUE(contiguity(plan, {}).pairs.empty());
    plan.contiguity_edits = {edit(plan, 'a', 'b', false), edit(plan, 'a', 'b', true)};
    EXPECT_EQ(contiguity(plan, {}).pairs.size(), 1u);
    ContiguityOptions off;
    off.apply_plan_edits = false;
    const auto g = contiguity(plan, off);
    EXPECT_TRUE(g.pairs.empty());
    EXPECT_EQ(g.edits_applied, 0u);
}

TEST(ContiguityEdits, apply_to_rook_and_snapped_graphs) {
    core::Plan plan = test::grid_plan({"ab", "cd"});
    plan.contiguity_edits = {edit(plan, 'a', 'd', true), edit(plan, 'a', 'b', false)};
    const auto rook = contiguity(plan, {ContiguityRule::kRook, 0.0});
    EXPECT_EQ(name_pairs(plan, rook), (NamePairs{{"a", "c"}, {"a", "d"}, {"b", "d"}, {"c", "d"}}));
    const auto snapped = contiguity(plan, {ContiguityRule::kQueen, 1.0});
    EXPECT_EQ(snapped.pairs.size(), 5u);
}

}  // namespace
}  // namespace beltplan::analysis
