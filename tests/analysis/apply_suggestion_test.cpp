// Putting a suggestion into the plan: free ids, names after the village or lead, the chosen
// groups only, stations replacing a township's, and one revert restoring the plan exactly.
#include "analysis/apply_suggestion.h"

#include "support/grid_plan.h"

#include <gtest/gtest.h>

namespace beltplan::analysis {
namespace {

// Villages a..f in two rows; a and b in town T2, the rest in the grid's town.
core::Plan plan_with_stations() {
    core::Plan plan = test::grid_plan({"abc", "def"});
    plan.villages[0].town_code = "T2";
    plan.villages[1].town_code = "T2";
    test::add_site(plan, 500, 500, "S1");
    plan.work_stations.push_back({"W1", "old T2", "T2", {plan.villages[0].code}, ""});
    plan.work_stations.push_back({"W2", "other", "130705100", {plan.villages[2].code}, ""});
    plan.work_stations.push_back({"W3", "old T2 b", "T2", {plan.villages[1].code}, ""});
    return plan;
}

TEST(ApplySuggestion, sites_get_free_ids_and_their_village_names) {
    core::Plan plan = plan_with_stations();
    const core::Plan before = plan;
    Suggestion s;
    s.strategy = "sites";
    s.sites.push_back(SuggestedSite{4, {1500, 500}, 10, "", -1, 0, ""});
    s.sites.push_back(SuggestedSite{5, {2500, 500}, 5, "", -1, 0, ""});
    core::CommandPtr edit = suggestion_command(plan, s, "accept");
    ASSERT_TRUE(edit->apply(plan));
    ASSERT_EQ(plan.sites.size(), 3u);
    EXPECT_EQ(plan.sites[1].id, "S2");
    EXPECT_EQ(plan.sites[2].id, "S3");
    EXPECT_EQ(plan.sites[1].name, "e示范点");
    EXPECT_EQ(plan.sites[1].village_code, plan.villages[4].code);
    EXPECT_EQ(plan.sites[2].position, (core::PointM{2500, 500}));
    EXPECT_EQ(plan.sites[2].level, core::SiteLevel::kTown);
    edit->revert(plan);
    EXPECT_EQ(plan, before);
}

TEST(ApplySuggestion, only_the_chosen_groups_become_joint_organizations) {
    core::Plan plan = plan_with_stations();
    Suggestion s;
    s.strategy = "strong_weak";
    SuggestedGroup g0;
    g0.members = {0, 3};
    g0.lead = 0;
    SuggestedGroup g1;
    g1.members = {1, 2};
    g1.lead = 2;
    g1.mode = core::JointOrgMode::kLeader;
    SuggestedGroup g2;
    g2.members = {4, 5};
    g2.lead = 5;
    s.groups = {g0, g1, g2};
    const std::vector<int> chosen{1, 2};
    core::CommandPtr edit = suggestion_command(plan, s, "accept", &chosen);
    ASSERT_TRUE(edit->apply(plan));
    ASSERT_EQ(plan.joint_orgs.size(), 2u);
    const core::JointOrg& first = plan.joint_orgs[0];
    EXPECT_EQ(first.id, "J1");
    EXPECT_EQ(first.members,
              (std::vector<std::string>{plan.villages[1].code, plan.villages[2].code}));
    EXPECT_EQ(first.lead, plan.villages[2].code);
    EXPECT_EQ(first.mode, core::JointOrgMode::kLeader);
    EXPECT_EQ(first.name, "c联合党组织");
    EXPECT_EQ(plan.joint_orgs[1].id, "J2");
    EXPECT_EQ(plan.joint_orgs[1].lead, plan.villages[5].code);
}

TEST(ApplySuggestion, stations_replace_their_townships_stations_and_revert_in_place) {
    core::Plan plan = plan_with_stations();
    const core::Plan before = plan;
    Suggestion s;
    s.strategy = "stations";
    SuggestedGroup g;
    g.members = {0, 1};
    g.lead = 1;
    g.town_code = "T2";
    s.groups = {g};
    core::CommandPtr edit = suggestion_command(plan, s, "accept");
    ASSERT_TRUE(edit->apply(plan));
    ASSERT_EQ(plan.work_stations.size(), 2u);
    EXPECT_EQ(plan.work_stations[0].id, "W2");  // the other township's station stays
    const core::WorkStation& added = plan.work_stations[1];
    EXPECT_EQ(added.id, "W1");  // the replaced ids are free again
    EXPECT_EQ(added.town_code, "T2");
    EXPECT_EQ(added.seat_village, plan.villages[1].code);
    EXPECT_EQ(added.name, "b工作站");
    EXPECT_EQ(added.members,
              (std::vector<std::string>{plan.villages[0].code, plan.villages[1].code}));
    edit->revert(plan);
    EXPECT_EQ(plan, before);  // W1, W2, W3 in their old order
}

}  // namespace
}  // namespace beltplan::analysis
