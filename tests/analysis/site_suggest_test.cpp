// Site suggestions on hand-built grids: the optimum checked by brute force, the fewest sites
// for a target share, and the bound at or above the value reached.
#include "analysis/site_suggest.h"

#include "core/messages.h"
#include "support/grid_plan.h"

#include <gtest/gtest.h>

#include <cmath>

namespace beltplan::analysis {
namespace {

// Population covered by the plan's sites plus new sites at the anchors of `extra` villages.
double covered_with(const core::Plan& plan, const std::vector<int>& extra, double r) {
    double covered = 0;
    for (const core::Village& v : plan.villages) {
        const core::PointM a = core::anchor(v);
        bool hit = false;
        for (const core::Site& s : plan.sites) {
            hit = hit || core::distance_m(a, s.position) <= r;
        }
        for (int e : extra) {
            hit = hit || core::distance_m(
                             a, core::anchor(plan.villages[static_cast<std::size_t>(e)])) <= r;
        }
        covered += hit ? static_cast<double>(*v.population) : 0.0;
    }
    return covered;
}

core::Plan three_rows() {
    core::Plan plan = test::grid_plan({"abcde", "fghij", "klmno"});
    const int people[] = {900, 120,  450, 3000, 80,  200, 1500, 60,
                          700, 2200, 40,  1800, 350, 90,  2600};
    for (std::size_t i = 0; i < plan.villages.size(); ++i) {
        plan.villages[i].population = people[i];
    }
    test::add_site(plan, 500, 2500);  // at a
    return plan;
}

TEST(SiteSuggest, two_sites_reach_the_brute_force_optimum) {
    const core::Plan plan = three_rows();
    const double r = 1500;
    double best = 0;
    for (int i = 0; i < 15; ++i) {
        for (int j = i + 1; j < 15; ++j) {
            best = std::max(best, covered_with(plan, {i, j}, r));
        }
    }
    SiteSuggestOptions o;
    o.add = 2;
    o.radius_m = r;
    const Suggestion s = suggest_sites(plan, o);
    ASSERT_EQ(s.sites.size(), 2u);
    EXPECT_DOUBLE_EQ(s.value, best);
    EXPECT_GE(s.upper_bound, s.value);
    EXPECT_DOUBLE_EQ(covered_with(plan, {s.sites[0].village, s.sites[1].village}, r), s.value);
    EXPECT_DOUBLE_EQ(s.baseline, covered_with(plan, {}, r));
    EXPECT_DOUBLE_EQ(s.sites[0].population_added + s.sites[1].population_added + s.baseline,
                     s.value);
    EXPECT_NE(s.sites[0].explanation.find("A site at"), std::string::npos);
}

TEST(SiteSuggest, fewest_sites_for_a_target_share_are_proven_minimal) {
    core::Plan plan = test::grid_plan({"abcdefg"});
    for (core::Village& v : plan.villages) {
        v.population = 100;
    }
    SiteSuggestOptions o;
    o.radius_m = 1000;  // a site reaches its own village and both neighbours
    o.target_share = 1.0;
    Suggestion all = suggest_sites(plan, o);
    EXPECT_EQ(all.sites.size(), 3u);
    EXPECT_TRUE(all.proven_optimal);
    EXPECT_DOUBLE_EQ(all.value, 700);
    o.target_share = 0.5;
    Suggestion half = suggest_sites(plan, o);
    EXPECT_EQ(half.sites.size(), 2u);
    EXPECT_TRUE(half.proven_optimal);
    EXPECT_GE(half.value, 350);
}

TEST(SiteSuggest, existing_coverage_counts_as_fixed) {
    core::Plan plan = test::grid_plan({"abcdefg"});
    for (core::Village& v : plan.villages) {
        v.population = 100;
    }
    test::add_site(plan, 1500, 500);  // at b: covers a, b, c
    SiteSuggestOptions o;
    o.radius_m = 1000;
    o.add = 1;
    const Suggestion s = suggest_sites(plan, o);
    EXPECT_DOUBLE_EQ(s.baseline, 300);
    ASSERT_EQ(s.sites.size(), 1u);
    EXPECT_EQ(plan.villages[static_cast<std::size_t>(s.sites[0].village)].name, "e");
    EXPECT_DOUBLE_EQ(s.value, 600);
}

TEST(SiteSuggest, missing_population_is_reported_not_zeroed_silently) {
    core::Plan plan = test::grid_plan({"abc"});
    plan.villages[0].population = 10;
    plan.villages[1].population = 20;
    SiteSuggestOptions o;
    o.radius_m = 1000;
    const Suggestion s = suggest_sites(plan, o);
    ASSERT_FALSE(s.notes.empty());
    EXPECT_NE(s.notes[0].find("1 villages have no population"), std::string::npos);
}

// 3 x 3 villages of 1 km, a site reaching its own village and the four beside it: two new
// sites reach 1,011 people at best (brute force), while the bound can only show 1,052.
core::Plan nine_villages() {
    core::Plan plan = test::grid_plan({"abc", "def", "ghi"});
    for (std::size_t i = 0; i < plan.villages.size(); ++i) {
        plan.villages[i].population = 100 + static_cast<std::int64_t>((i * 37) % 91);
    }
    return plan;
}

TEST(SiteSuggest, an_open_gap_is_said_in_people_and_never_called_proven) {
    const core::Plan plan = nine_villages();
    double best = 0;
    for (int a = 0; a < 9; ++a) {
        for (int b = a + 1; b < 9; ++b) {
            best = std::max(best, covered_with(plan, {a, b}, 1000));
        }
    }
    SiteSuggestOptions o;
    o.add = 2;
    o.radius_m = 1000;
    core::set_language(core::Language::kEnglish);
    const Suggestion s = suggest_sites(plan, o);
    EXPECT_DOUBLE_EQ(best, 1011);
    EXPECT_DOUBLE_EQ(s.value, best);
    EXPECT_DOUBLE_EQ(s.upper_bound, 1052);
    EXPECT_FALSE(s.proven_optimal);
    EXPECT_NE(s.summary.find("can reach more than 1052 people (85.5%)"), std::string::npos)
        << s.summary;
    EXPECT_NE(s.summary.find("at most 41 more"), std::string::npos) << s.summary;
    // Three sites reach everyone, and the bound says so.
    o.add = 3;
    const Suggestion all = suggest_sites(plan, o);
    EXPECT_TRUE(all.proven_optimal);
    EXPECT_DOUBLE_EQ(all.value, all.total);
    EXPECT_NE(all.summary.find("this is the best possible"), std::string::npos) << all.summary;
}

TEST(SiteSuggest, fewest_sites_give_a_lower_bound_on_the_count) {
    const core::Plan plan = nine_villages();
    SiteSuggestOptions o;
    o.radius_m = 1000;
    o.target_share = 1011.0 / 1231.0;  // what two sites reach at best
    core::set_language(core::Language::kEnglish);
    const Suggestion s = suggest_sites(plan, o);
    EXPECT_EQ(s.sites.size(), 2u);
    EXPECT_GE(s.value, 1011);
    EXPECT_TRUE(s.proven_optimal);  // one site: the bound stays below the target
    EXPECT_NE(s.summary.find("so 2 is the fewest possible"), std::string::npos) << s.summary;
    o.target_share = 1030.0 / 1231.0;  // beyond two sites, within the bound of two
    const Suggestion more = suggest_sites(plan, o);
    EXPECT_EQ(more.sites.size(), 3u);
    EXPECT_FALSE(more.proven_optimal);
    EXPECT_NE(more.summary.find("no choice of fewer than 2 new sites can reach it"),
              std::string::npos)
        << more.summary;
}

TEST(SiteSuggest, network_sets_lie_inside_euclidean_sets) {
    core::Plan plan = test::grid_plan({"abcd", "efgh", "ijkl", "mnop"});
    for (int i = 0; i <= 4; ++i) {  // roads on every other cell boundary row and column
        core::Road h;
        h.name = "h" + std::to_string(i);
        h.parts.push_back(core::LineString{{{0, i * 1000.0}, {4000, i * 1000.0}}});
        plan.roads.push_back(h);
    }
    SiteSuggestOptions o;
    o.radius_m = 1600;
    o.by_population = false;
    const SiteCoverInstance e = build_site_cover(plan, o);
    o.distance = core::DistanceMode::kNetwork;
    const SiteCoverInstance n = build_site_cover(plan, o);
    ASSERT_EQ(e.problem.sets.size(), n.problem.sets.size());
    for (std::size_t c = 0; c < e.problem.sets.size(); ++c) {
        for (int item : n.problem.sets[c]) {
            EXPECT_TRUE(
                std::binary_search(e.problem.sets[c].begin(), e.problem.sets[c].end(), item));
        }
    }
    // Along the horizontal roads a is 1000 m of access + 0 along from itself: both count it.
    EXPECT_FALSE(n.problem.sets[0].empty());
}

}  // namespace
}  // namespace beltplan::analysis
