// Plan comparison on a 4x2 grid of 1 km villages where a site moves, one is removed and one
// added, joint organizations are renamed, changed and replaced, and a belt's gap shrinks: every
// gained, lost and regrouped village is known by hand.
#include "analysis/compare.h"

#include "support/grid_plan.h"

#include <gtest/gtest.h>

#include <cmath>

namespace beltplan::analysis {
namespace {

// a b c d    north town 130705100 (and z, far east, only in A)
// e f g h    south town 130705200 (and i, east of h, only in B)
// Road 张小线 along y = 1000 from x 0 to 4000; belt half-width 600; radius 1000.
// A: s1 at a's centre, s2 at h's centre, s4 far away. Covered: a b d e g h.
core::Plan plan_a() {
    core::Plan plan = test::grid_plan({"abcd", "efgh"});
    for (std::size_t i = 4; i < 8; ++i) {
        plan.villages[i].town_code = "130705200";
    }
    core::Township south;
    south.code = "130705200";
    south.name = "south town";
    plan.townships.push_back(south);
    core::Village z;
    z.code = "130705100299";
    z.name = "z";
    z.town_code = "130705100";
    z.shape.parts.push_back(
        {{{10000, 0}, {11000, 0}, {11000, 1000}, {10000, 1000}, {10000, 0}}, {}});
    plan.villages.push_back(z);
    plan.settings.reach_m = 1000;
    core::Road road;
    road.name = "张小线";
    road.parts.push_back(core::LineString{{{0, 1000}, {4000, 1000}}});
    plan.roads.push_back(road);
    plan.belts.push_back({"b1", "示范带", {"张小线"}, 600});
    test::add_site(plan, 500, 1500, "s1");
    test::add_site(plan, 3500, 500, "s2");
    test::add_site(plan, 20000, 20000, "s4");
    auto code = [&plan](std::size_t i) { return plan.villages[i].code; };
    plan.joint_orgs = {
        {"J1", "甲", core::JointOrgMode::kStrongWeak, {code(0), code(1)}, code(0)},   // a b
        {"J2", "乙", core::JointOrgMode::kRegional, {code(6), code(7)}, code(7)},     // g h
        {"J3", "丙", core::JointOrgMode::kStrongWeak, {code(2), code(3)}, code(2)}};  // c d
    return plan;
}

// B: s1 moved to b's centre, s2 removed, s3 added at d's centre, s4 moved 0.5 m (not a move).
// Covered: a b c d f h (and not i). J1 renamed K1 with the same members; J2 gains d and a new
// lead; J3 gone; J4 {c, f} new with a lead outside it (invalid). Belt renamed b1-new, same name.
core::Plan plan_b() {
    core::Plan plan = plan_a();
    plan.villages.pop_back();  // z
    core::Village i;
    i.code = "130705100209";
    i.name = "i";
    i.town_code = "130705200";
    i.shape.parts.push_back({{{4000, 0}, {5000, 0}, {5000, 1000}, {4000, 1000}, {4000, 0}}, {}});
    plan.villages.push_back(i);
    plan.sites[0].position = {1500, 1500};
    plan.sites.erase(plan.sites.begin() + 1);
    plan.sites[1].position = {20000.5, 20000};
    test::add_site(plan, 3500, 1500, "s3");
    auto code = [&plan](std::size_t k) { return plan.villages[k].code; };
    plan.joint_orgs = {
        {"K1", "甲'", core::JointOrgMode::kStrongWeak, {code(1), code(0)}, code(0)},
        {"J2", "乙", core::JointOrgMode::kRegional, {code(6), code(7), code(3)}, code(6)},
        {"J4", "丁", core::JointOrgMode::kRegional, {code(2), code(5)}, code(7)}};
    plan.belts[0].id = "b1-new";
    plan.belts.push_back({"b2", "二号带", {"洋新线"}, 600});
    return plan;
}

const VillageComparison& village(const PlanComparison& c, const std::string& name) {
    for (const auto& v : c.villages) {
        if (v.name == name) {
            return v;
        }
    }
    ADD_FAILURE() << "no village " << name;
    static const VillageComparison none;
    return none;
}

std::vector<std::string> names_with(const PlanComparison& c, VillageChange status) {
    std::vector<std::string> out;
    for (const auto& v : c.villages) {
        if (v.status == status) {
            out.push_back(v.name);
        }
    }
    return out;
}

using Names = std::vector<std::string>;

TEST(Compare, totals_of_each_side) {
    const PlanComparison c = compare_plans(plan_a(), plan_b(), {});
    EXPECT_EQ(c.a.total.villages, 9);
    EXPECT_EQ(c.a.total.covered, 6);
    EXPECT_EQ(c.b.total.villages, 9);
    EXPECT_EQ(c.b.total.covered, 6);
    EXPECT_EQ(c.a.sites, 3);
    EXPECT_EQ(c.b.sites, 3);
    EXPECT_EQ(c.a.joint_orgs, 3);
    EXPECT_EQ(c.a.valid_joint_orgs, 3);
    EXPECT_EQ(c.b.joint_orgs, 3);
    EXPECT_EQ(c.b.valid_joint_orgs, 2);  // J4's lead is not a member
    EXPECT_DOUBLE_EQ(c.a.radius_m, 1000);
    EXPECT_EQ(c.b.distance, core::DistanceMode::kEuclidean);
    EXPECT_FALSE(c.settings_differ);
    EXPECT_EQ(c.common_villages, 8);
}

TEST(Compare, villages_gain_and_lose_coverage_when_sites_change) {
    const PlanComparison c = compare_plans(plan_a(), plan_b(), {});
    EXPECT_EQ(names_with(c, VillageChange::kGained), (Names{"c", "f"}));
    EXPECT_EQ(names_with(c, VillageChange::kLost), (Names{"e", "g"}));
    EXPECT_EQ(names_with(c, VillageChange::kSame), (Names{"a", "b", "h"}));
    EXPECT_EQ(names_with(c, VillageChange::kOnlyA), (Names{"z"}));
    EXPECT_EQ(names_with(c, VillageChange::kOnlyB), (Names{"i"}));
    const VillageComparison& cv = village(c, "c");
    EXPECT_NEAR(cv.distance_a_m, 1000 * std::sqrt(2.0), 1e-9);
    EXPECT_DOUBLE_EQ(cv.distance_b_m, 1000);
    EXPECT_FALSE(cv.covered_a);
    EXPECT_TRUE(cv.covered_b);
    const VillageComparison& e = village(c, "e");
    EXPECT_DOUBLE_EQ(e.distance_a_m, 1000);
    EXPECT_NEAR(e.distance_b_m, 1000 * std::sqrt(2.0), 1e-9);
    EXPECT_TRUE(std::isinf(village(c, "i").distance_a_m));
}

TEST(Compare, villages_sorted_by_code_with_status_in_b_order) {
    const PlanComparison c = compare_plans(plan_a(), plan_b(), {});
    Names order;
    for (const auto& v : c.villages) {
        order.push_back(v.name);
    }
    EXPECT_EQ(order, (Names{"a", "b", "c", "d", "e", "f", "g", "h", "i", "z"}));
    using V = VillageChange;
    EXPECT_EQ(c.status_for_b,
              (std::vector<V>{V::kSame, V::kSame, V::kGained, V::kRegrouped, V::kLost, V::kGained,
                              V::kLost, V::kSame, V::kOnlyB}));
    EXPECT_EQ(c.status_for_a,
              (std::vector<V>{V::kSame, V::kSame, V::kGained, V::kRegrouped, V::kLost, V::kGained,
                              V::kLost, V::kSame, V::kOnlyA}));
}

TEST(Compare, regrouping_follows_matched_orgs_not_ids) {
    const PlanComparison c = compare_plans(plan_a(), plan_b(), {});
    Names regrouped;
    for (const auto& v : c.villages) {
        if (v.regrouped) {
            regrouped.push_back(v.name);
        }
    }
    // a, b: J1 became K1 with the same members; g, h stay in J2 though d joins it.
    EXPECT_EQ(regrouped, (Names{"c", "d", "f"}));
    const VillageComparison& d = village(c, "d");
    EXPECT_EQ(d.status, VillageChange::kRegrouped);
    ASSERT_EQ(d.orgs_a.size(), 1u);
    EXPECT_EQ(d.orgs_a[0].id, "J3");
    ASSERT_EQ(d.orgs_b.size(), 1u);
    EXPECT_EQ(d.orgs_b[0].id, "J2");
    EXPECT_EQ(village(c, "c").status, VillageChange::kGained);  // gained wins over regrouped
    EXPECT_EQ(village(c, "a").orgs_b[0].id, "K1");
}

TEST(Compare, orgs_added_removed_and_changed) {
    const PlanComparison c = compare_plans(plan_a(), plan_b(), {});
    ASSERT_EQ(c.orgs_added.size(), 1u);
    EXPECT_EQ(c.orgs_added[0].id, "J4");
    ASSERT_EQ(c.orgs_removed.size(), 1u);
    EXPECT_EQ(c.orgs_removed[0].id, "J3");
    ASSERT_EQ(c.orgs_changed.size(), 1u);  // K1 is J1 renamed: not a change
    const OrgChange& j2 = c.orgs_changed[0];
    EXPECT_EQ(j2.b.id, "J2");
    EXPECT_EQ(j2.joined, (Names{"130705100204"}));
    EXPECT_TRUE(j2.left.empty());
    EXPECT_TRUE(j2.lead_changed);
    EXPECT_FALSE(j2.mode_changed);
}

TEST(Compare, sites_added_removed_and_moved_past_one_metre) {
    const PlanComparison c = compare_plans(plan_a(), plan_b(), {});
    ASSERT_EQ(c.sites_added.size(), 1u);
    EXPECT_EQ(c.sites_added[0].id, "s3");
    ASSERT_EQ(c.sites_removed.size(), 1u);
    EXPECT_EQ(c.sites_removed[0].id, "s2");
    ASSERT_EQ(c.sites_moved.size(), 1u);  // s4 moved 0.5 m: stands where it stood
    EXPECT_EQ(c.sites_moved[0].id, "s1");
    EXPECT_DOUBLE_EQ(c.sites_moved[0].distance_m, 1000);
    EXPECT_EQ(c.sites_moved[0].from, (core::PointM{500, 1500}));
}

TEST(Compare, townships_count_covered_villages_per_side) {
    const PlanComparison c = compare_plans(plan_a(), plan_b(), {});
    ASSERT_EQ(c.by_township.size(), 2u);
    const TownshipComparison& north = c.by_township[0];
    EXPECT_EQ(north.code, "130705100");
    EXPECT_EQ(north.name, "grid town");
    EXPECT_EQ(north.villages_a, 5);  // with z
    EXPECT_EQ(north.covered_a, 3);
    EXPECT_EQ(north.villages_b, 4);
    EXPECT_EQ(north.covered_b, 4);
    const TownshipComparison& south = c.by_township[1];
    EXPECT_EQ(south.code, "130705200");
    EXPECT_EQ(south.villages_a, 4);
    EXPECT_EQ(south.covered_a, 3);
    EXPECT_EQ(south.villages_b, 5);  // with i
    EXPECT_EQ(south.covered_b, 2);
}

TEST(Compare, belts_matched_by_name_when_the_id_changes) {
    const PlanComparison c = compare_plans(plan_a(), plan_b(), {});
    ASSERT_EQ(c.belts.size(), 2u);
    const BeltComparison& b1 = c.belts[0];
    EXPECT_EQ(b1.id, "b1-new");
    EXPECT_EQ(b1.name, "示范带");
    ASSERT_TRUE(b1.a.present && b1.b.present);
    EXPECT_EQ(b1.a.sites, 2);
    EXPECT_EQ(b1.b.sites, 2);
    EXPECT_DOUBLE_EQ(b1.a.largest_gap_m, 3000);  // s1 at 500, s2 at 3500
    EXPECT_DOUBLE_EQ(b1.b.largest_gap_m, 2000);  // s1 at 1500, s3 at 3500
    EXPECT_DOUBLE_EQ(b1.a.reach_share, 0.75);
    EXPECT_DOUBLE_EQ(b1.b.reach_share, 0.875);
    EXPECT_EQ(c.belts[1].id, "b2");
    EXPECT_FALSE(c.belts[1].a.present);
    EXPECT_TRUE(c.belts[1].b.present);
}

TEST(Compare, each_plan_keeps_its_own_radius_unless_overridden) {
    core::Plan b = plan_b();
    b.settings.reach_m = 1500;
    const PlanComparison own = compare_plans(plan_a(), b, {});
    EXPECT_TRUE(own.settings_differ);
    EXPECT_DOUBLE_EQ(own.a.radius_m, 1000);
    EXPECT_DOUBLE_EQ(own.b.radius_m, 1500);
    EXPECT_EQ(own.b.total.covered, 9);  // 1414 m diagonals now reach

    CompareOptions options;
    options.radius_m = 1500;
    const PlanComparison c = compare_plans(plan_a(), b, options);
    EXPECT_TRUE(c.settings_differ);  // the plans' own settings, not the override
    EXPECT_DOUBLE_EQ(c.a.radius_m, 1500);
    EXPECT_EQ(c.a.total.covered, 8);  // all but z
    EXPECT_EQ(c.b.total.covered, 9);
    // Nothing common gains or loses now, so the regrouped villages show as regrouped.
    EXPECT_TRUE(names_with(c, VillageChange::kGained).empty());
    EXPECT_TRUE(names_with(c, VillageChange::kLost).empty());
    EXPECT_EQ(names_with(c, VillageChange::kRegrouped), (Names{"c", "d", "f"}));
    EXPECT_DOUBLE_EQ(c.belts[0].a.reach_share, 1.0);
}

TEST(Compare, network_override_uses_each_plans_roads) {
    core::Plan b = plan_b();
    b.roads.clear();
    CompareOptions options;
    options.distance = core::DistanceMode::kNetwork;
    const PlanComparison c = compare_plans(plan_a(), b, options);
    EXPECT_EQ(c.a.distance, core::DistanceMode::kNetwork);
    EXPECT_FALSE(c.a.roads_missing);
    EXPECT_TRUE(c.b.roads_missing);
    EXPECT_EQ(c.b.total.covered, 0);
    // a: 500 m access legs at both ends of a site standing on a's anchor.
    EXPECT_DOUBLE_EQ(village(c, "a").distance_a_m, 1000);
}

TEST(Compare, same_plan_has_no_differences) {
    const core::Plan a = plan_a();
    const PlanComparison c = compare_plans(a, a, {});
    for (const auto& v : c.villages) {
        EXPECT_FALSE(v.differs()) << v.name;
    }
    EXPECT_TRUE(c.sites_added.empty() && c.sites_removed.empty() && c.sites_moved.empty());
    EXPECT_TRUE(c.orgs_added.empty() && c.orgs_removed.empty() && c.orgs_changed.empty());
    EXPECT_EQ(c.common_villages, 9);
}

TEST(Compare, plans_without_a_common_code_share_nothing) {
    core::Plan b = plan_a();
    for (auto& v : b.villages) {
        v.code = "9" + v.code.substr(1);
    }
    const PlanComparison c = compare_plans(plan_a(), b, {});
    EXPECT_EQ(c.common_villages, 0);
    EXPECT_EQ(names_with(c, VillageChange::kOnlyA).size(), 9u);
    EXPECT_EQ(names_with(c, VillageChange::kOnlyB).size(), 9u);
}

}  // namespace
}  // namespace beltplan::analysis
