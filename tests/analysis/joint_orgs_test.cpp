// Joint organizations on grid plans: each validity rule with the sentence it gives, links and
// cuts changing validity, the lead rules of every mode, and the dissolved outline.
#include "analysis/joint_orgs.h"

#include "core/geometry.h"
#include "support/grid_plan.h"

#include <gtest/gtest.h>

namespace beltplan::analysis {
namespace {

// Code of the grid village named by a letter (grid_plan numbers them in order of appearance).
std::string code(const core::Plan& plan, char name) {
    for (const core::Village& v : plan.villages) {
        if (v.name == std::string(1, name)) {
            return v.code;
        }
    }
    return "";
}

core::JointOrg org(const core::Plan& plan, const std::string& id, core::JointOrgMode mode,
                   const std::string& members, char lead) {
    core::JointOrg o;
    o.id = id;
    o.name = "org " + id;
    o.mode = mode;
    for (char m : members) {
        o.members.push_back(code(plan, m));
    }
    o.lead = code(plan, lead);
    return o;
}

bool mentions(const JointOrgCheck& c, JointOrgProblemKind kind, const std::string& text) {
    for (const auto& p : c.problems) {
        if (p.kind == kind && p.sentence.find(text) != std::string::npos) {
            return true;
        }
    }
    return false;
}

constexpr auto kStrongWeak = core::JointOrgMode::kStrongWeak;

TEST(JointOrgs, contiguous_org_with_member_lead_is_valid) {
    core::Plan plan = test::grid_plan({"abc", "def"});
    plan.joint_orgs = {org(plan, "J1", kStrongWeak, "abe", 'a')};
    const auto checks = validate_all(plan);
    ASSERT_EQ(checks.size(), 1u);
    EXPECT_TRUE(checks[0].valid);
    EXPECT_TRUE(checks[0].problems.empty());
}

TEST(JointOrgs, disconnected_members_are_named_by_part) {
    core::Plan plan = test::grid_plan({"abcd"});
    plan.joint_orgs = {org(plan, "J1", kStrongWeak, "abd", 'a')};
    const auto checks = validate_all(plan);
    ASSERT_EQ(checks[0].problems.size(), 1u);
    EXPECT_FALSE(checks[0].valid);
    const auto& p = checks[0].problems[0];
    EXPECT_EQ(p.kind, JointOrgProblemKind::kNotContiguous);
    EXPECT_EQ(p.sentence,
              "The members of joint organization org J1 (J1) are not contiguous; they fall into 2 "
              "separate parts: a (130705100201) and b (130705100202); d (130705100204).");
}

TEST(JointOrgs, overlap_between_two_orgs_of_one_mode_is_reported_on_both) {
    core::Plan plan = test::grid_plan({"abc"});
    plan.joint_orgs = {org(plan, "J1", kStrongWeak, "ab", 'a'),
                       org(plan, "J2", kStrongWeak, "bc", 'c'),
                       org(plan, "R1", core::JointOrgMode::kRegional, "bc", 'b')};
    const auto checks = validate_all(plan);
    ASSERT_EQ(checks.size(), 3u);
    EXPECT_FALSE(checks[0].valid);
    EXPECT_TRUE(mentions(checks[0], JointOrgProblemKind::kOverlap,
                         "b (130705100202) is also in "
                         "joint organization org J2"));
    EXPECT_TRUE(mentions(checks[1], JointOrgProblemKind::kOverlap, "org J1"));
    EXPECT_EQ(checks[0].problems.size(), 1u);
    EXPECT_TRUE(checks[2].valid);  // another mode may share villages
}

TEST(JointOrgs, candidate_not_in_plan_is_checked_against_plan_orgs) {
    core::Plan plan = test::grid_plan({"abc"});
    plan.joint_orgs = {org(plan, "J1", kStrongWeak, "ab", 'a')};
    const ContiguityGraph graph = contiguity(plan, {});
    const JointOrgCheck fresh =
        validate_joint_org(plan, graph, org(plan, "", kStrongWeak, "bc", 'c'));
    EXPECT_TRUE(mentions(fresh, JointOrgProblemKind::kOverlap, "org J1"));
    // The same org again under its own id is not an overlap with itself.
    EXPECT_TRUE(validate_joint_org(plan, graph, org(plan, "J1", kStrongWeak, "ab", 'b')).valid);
}

TEST(JointOrgs, lead_must_be_a_member) {
    core::Plan plan = test::grid_plan({"abc"});
    plan.joint_orgs = {org(plan, "J1", kStrongWeak, "ab", 'c'),
                       org(plan, "J2", kStrongWeak, "", 'a')};
    plan.joint_orgs[1].members.clear();
    plan.joint_orgs[1].lead.clear();
    const auto checks = validate_all(plan);
    ASSERT_EQ(checks[0].problems.size(), 1u);
    EXPECT_EQ(checks[0].problems[0].sentence,
              "The lead c (130705100203) of joint organization org J1 (J1) is not one of its "
              "members.");
    EXPECT_TRUE(mentions(checks[1], JointOrgProblemKind::kNoLead, "has no lead village"));
    EXPECT_TRUE(mentions(checks[1], JointOrgProblemKind::kTooFewMembers, "no member village"));
}

TEST(JointOrgs, single_member_unknown_and_repeated_members) {
    core::Plan plan = test::grid_plan({"ab"});
    core::JointOrg one = org(plan, "J1", kStrongWeak, "a", 'a');
    one.members.push_back("999999999999");
    one.members.push_back(code(plan, 'a'));
    plan.joint_orgs = {one};
    const auto checks = validate_all(plan);
    EXPECT_FALSE(checks[0].valid);
    EXPECT_TRUE(mentions(checks[0], JointOrgProblemKind::kUnknownMember, "'999999999999'"));
    EXPECT_TRUE(mentions(checks[0], JointOrgProblemKind::kDuplicateMember, "a (130705100201)"));
    EXPECT_TRUE(mentions(checks[0], JointOrgProblemKind::kTooFewMembers,
                         "only one member village, a (130705100201); it needs 2 or more"));
    EXPECT_EQ(checks[0].problems.size(), 3u);
}

TEST(JointOrgs, a_cut_that_splits_an_org_makes_it_invalid) {
    core::Plan plan = test::grid_plan({"abc"});
    plan.joint_orgs = {org(plan, "J1", kStrongWeak, "abc", 'b')};
    EXPECT_TRUE(validate_all(plan)[0].valid);
    plan.contiguity_edits = {{code(plan, 'b'), code(plan, 'c'), false, "ridge"}};
    const auto checks = validate_all(plan);
    EXPECT_FALSE(checks[0].valid);
    EXPECT_TRUE(mentions(checks[0], JointOrgProblemKind::kNotContiguous,
                         "a (130705100201) and b (130705100202); c (130705100203)"));
}

TEST(JointOrgs, a_link_joining_two_separated_villages_makes_it_valid) {
    core::Plan plan = test::grid_plan({"a.b"});
    plan.joint_orgs = {org(plan, "J1", kStrongWeak, "ab", 'a')};
    EXPECT_FALSE(validate_all(plan)[0].valid);
    plan.contiguity_edits = {{code(plan, 'a'), code(plan, 'b'), true, "bridge"}};
    EXPECT_TRUE(validate_all(plan)[0].valid);
}

TEST(JointOrgLead, strong_weak_picks_the_highest_income_and_reports_missing) {
    core::Plan plan = test::grid_plan({"abc"});
    plan.villages[0].collective_income_wan_yuan = 12.5;
    plan.villages[1].collective_income_wan_yuan = 30.0;
    const auto members = org(plan, "", kStrongWeak, "abc", 'a').members;
    const LeadChoice choice = choose_lead(plan, members, kStrongWeak);
    EXPECT_EQ(choice.lead, code(plan, 'b'));
    EXPECT_EQ(choice.missing, std::vector<std::string>{code(plan, 'c')});
    EXPECT_EQ(choice.why,
              "b (130705100202) has the highest collective income, 30 万元, of the 3 members "
              "compared. c (130705100203) has no collective_income and was not compared.");
    // A missing value is never zero: with none known there is no lead.
    plan.villages[0].collective_income_wan_yuan.reset();
    plan.villages[1].collective_income_wan_yuan.reset();
    const LeadChoice none = choose_lead(plan, members, kStrongWeak);
    EXPECT_TRUE(none.lead.empty());
    EXPECT_EQ(none.missing.size(), 3u);
}

TEST(JointOrgLead, regional_picks_the_largest_population_ties_to_lower_code) {
    core::Plan plan = test::grid_plan({"abc"});
    plan.villages[0].population = 900;
    plan.villages[1].population = 1200;
    plan.villages[2].population = 1200;
    const auto members = org(plan, "", kStrongWeak, "cba", 'a').members;
    EXPECT_EQ(choose_lead(plan, members, core::JointOrgMode::kRegional).lead, code(plan, 'b'));
}

TEST(JointOrgLead, leader_mode_prefers_flagged_then_income) {
    core::Plan plan = test::grid_plan({"abcd"});
    const auto members = org(plan, "", kStrongWeak, "abcd", 'a').members;
    plan.villages[0].leader = false;
    plan.villages[1].leader = true;
    plan.villages[2].leader = true;
    plan.villages[1].collective_income_wan_yuan = 5.0;
    plan.villages[2].collective_income_wan_yuan = 8.0;
    plan.villages[0].collective_income_wan_yuan = 100.0;  // no leader: not a candidate
    const LeadChoice choice = choose_lead(plan, members, core::JointOrgMode::kLeader);
    EXPECT_EQ(choice.lead, code(plan, 'c'));
    EXPECT_EQ(choice.missing, std::vector<std::string>{code(plan, 'd')});  // leader unknown
    plan.villages[2].leader = false;
    EXPECT_EQ(choose_lead(plan, members, core::JointOrgMode::kLeader).lead, code(plan, 'b'));
    plan.villages[1].leader = false;
    EXPECT_TRUE(choose_lead(plan, members, core::JointOrgMode::kLeader).lead.empty());
}

TEST(JointOrgLead, station_uses_the_seat_else_the_most_central_member) {
    core::Plan plan = test::grid_plan({"abcde"});
    const auto members = org(plan, "", kStrongWeak, "abcde", 'a').members;
    const auto station = core::JointOrgMode::kStation;
    EXPECT_EQ(choose_lead(plan, members, station, code(plan, 'e')).lead, code(plan, 'e'));
    const LeadChoice centre = choose_lead(plan, members, station);
    EXPECT_EQ(centre.lead, code(plan, 'c'));
    EXPECT_NE(centre.why.find("6000 m"), std::string::npos) << centre.why;
    EXPECT_EQ(choose_lead(plan, members, station, "999999999999").lead, code(plan, 'c'));
}

TEST(JointOrgs, dissolved_outline_is_the_union_of_members) {
    core::Plan plan = test::grid_plan({"abc", "def"});
    const core::JointOrg o = org(plan, "J1", kStrongWeak, "abe", 'a');
    const core::MultiPolygon outline = dissolved_outline(plan, o);
    ASSERT_EQ(outline.parts.size(), 1u);
    EXPECT_DOUBLE_EQ(core::area_m2(outline), 3e6);
    EXPECT_TRUE(dissolved_outline(plan, org(plan, "J2", kStrongWeak, "", 'a')).empty());
}

}  // namespace
}  // namespace beltplan::analysis
