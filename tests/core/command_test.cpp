// Commands: apply then revert restores the plan exactly for every command type, invalid input
// is refused with the plan untouched, groups revert last-to-first, and what ChangeSets say.
#include "core/command.h"

#include "core/belt_commands.h"
#include "core/contiguity_commands.h"
#include "core/joint_org_commands.h"
#include "core/settings_commands.h"
#include "core/site_commands.h"
#include "core/station_commands.h"
#include "support/grid_plan.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

namespace beltplan::core {
namespace {

// Villages a..f (codes 130705100201..206) in two rows, two sites, two roads, a joint org, a
// belt and a contiguity edit.
Plan edit_plan() {
    Plan plan = test::grid_plan({"abc", "def"});
    test::add_site(plan, 500.0, 500.0, "s1");
    test::add_site(plan, 2500.0, 1500.0, "s2");
    plan.sites[0].village_code = "130705100204";
    Road r1;
    r1.name = "张小线";
    r1.parts = {{{{0.0, 1000.0}, {3000.0, 1000.0}}}};
    Road r2 = r1;
    r2.name = "洋新线";
    plan.roads = {r1, r2};
    plan.joint_orgs = {{"J1",
                        "一联",
                        JointOrgMode::kStrongWeak,
                        {"130705100201", "130705100202"},
                        "130705100201"}};
    plan.belts = {{"B1", "示范带", {"张小线"}, 800.0}};
    plan.contiguity_edits = {{"130705100201", "130705100206", true, "bridge"}};
    return plan;
}

using Factory = std::function<CommandPtr()>;

struct Case {
    const char* name;
    Factory make;
};

Site new_site() {
    Site s;
    s.id = "s3";
    s.name = "新点";
    s.position = {1500.0, 500.0};
    s.village_code = "130705100205";
    return s;
}

std::vector<Case> valid_cases() {
    return {
        {"AddSite", [] { return std::make_unique<AddSite>(new_site()); }},
        {"MoveSite",
         [] {
             return std::make_unique<MoveSite>("s2", PointM{10.0, 20.0});
         }},
        {"RemoveSite", [] { return std::make_unique<RemoveSite>("s1"); }},
        {"SetSiteFields",
         [] {
             SiteFields f;
             f.level = SiteLevel::kTown;
             f.theme = "产业";
             f.village_code = "";
             return std::make_unique<SetSiteFields>("s1", f);
         }},
        {"SetReachRadius", [] { return std::make_unique<SetReachRadius>(4500.0); }},
        {"SetDistanceMode",
         [] { return std::make_unique<SetDistanceMode>(DistanceMode::kNetwork); }},
        {"CreateJointOrg",
         [] {
             return std::make_unique<CreateJointOrg>(JointOrg{"J2",
                                                              "二联",
                                                              JointOrgMode::kRegional,
                                                              {"130705100205", "130705100206"},
                                                              "130705100206"});
         }},
        {"DeleteJointOrg", [] { return std::make_unique<DeleteJointOrg>("J1"); }},
        {"AddJointOrgMember",
         [] { return std::make_unique<AddJointOrgMember>("J1", "130705100203"); }},
        {"RemoveJointOrgMember",
         [] { return std::make_unique<RemoveJointOrgMember>("J1", "130705100201"); }},
        {"SetJointOrgLead", [] { return std::make_unique<SetJointOrgLead>("J1", "130705100202"); }},
        {"SetJointOrgMode",
         [] { return std::make_unique<SetJointOrgMode>("J1", JointOrgMode::kLeader); }},
        {"SetJointOrgName", [] { return std::make_unique<SetJointOrgName>("J1", "强弱联建一"); }},
        {"AddBelt",
         [] {
             return std::make_unique<AddBelt>(Belt{"B2", "二带", {"洋新线", "张小线"}, 500.0});
         }},
        {"RemoveBelt", [] { return std::make_unique<RemoveBelt>("B1"); }},
        {"SetBeltRoads",
         [] { return std::make_unique<SetBeltRoads>("B1", std::vector<std::string>{"洋新线"}); }},
        {"SetBeltHalfWidth", [] { return std::make_unique<SetBeltHalfWidth>("B1", 1200.0); }},
        {"AddContiguityEdit",
         [] {
             return std::make_unique<AddContiguityEdit>(
                 ContiguityEdit{"130705100202", "130705100203", false, "ridge"});
         }},
        {"RemoveContiguityEdit", [] { return std::make_unique<RemoveContiguityEdit>(0); }},
        {"GroupCommand",
         [] {
             std::vector<CommandPtr> children;
             children.push_back(std::make_unique<MoveSite>("s1", PointM{1.0, 2.0}));
             children.push_back(std::make_unique<RemoveSite>("s1"));
             children.push_back(std::make_unique<SetReachRadius>(100.0));
             return std::make_unique<GroupCommand>("Accept suggestions", std::move(children));
         }},
    };
}

TEST(Command, apply_then_revert_restores_the_plan_for_every_type) {
    const Plan original = edit_plan();
    for (const Case& c : valid_cases()) {
        Plan plan = original;
        CommandPtr command = c.make();
        Result<ChangeSet> applied = command->apply(plan);
        ASSERT_TRUE(applied) << c.name << ": " << applied.error().message;
        EXPECT_FALSE(plan == original) << c.name << " changed nothing";
        EXPECT_FALSE(applied->empty()) << c.name;
        EXPECT_FALSE(command->label().empty()) << c.name;
        command->revert(plan);
        EXPECT_TRUE(plan == original) << c.name << " did not revert exactly";
        // A second round gives the same result (commands keep no stale state).
        ASSERT_TRUE(command->apply(plan)) << c.name;
        command->revert(plan);
        EXPECT_TRUE(plan == original) << c.name;
    }
}

TEST(Command, invalid_input_is_refused_and_the_plan_untouched) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<Case> cases = {
        {"unknown site", [] { return std::make_unique<MoveSite>("s9", PointM{}); }},
        {"site at NaN",
         [nan] {
             return std::make_unique<MoveSite>("s1", PointM{nan, 0.0});
         }},
        {"duplicate site id",
         [] {
             Site s = new_site();
             s.id = "s1";
             return std::make_unique<AddSite>(s);
         }},
        {"site in unknown village",
         [] {
             Site s = new_site();
             s.village_code = "999999999999";
             return std::make_unique<AddSite>(s);
         }},
        {"remove unknown site", [] { return std::make_unique<RemoveSite>("nope"); }},
        {"negative radius", [] { return std::make_unique<SetReachRadius>(-5.0); }},
        {"zero radius", [] { return std::make_unique<SetReachRadius>(0.0); }},
        {"NaN radius", [nan] { return std::make_unique<SetReachRadius>(nan); }},
        {"org with unknown member",
         [] {
             return std::make_unique<CreateJointOrg>(
                 JointOrg{"J2", "", JointOrgMode::kRegional, {"130705100205", "1"}, ""});
         }},
        {"duplicate org id",
         [] {
             return std::make_unique<CreateJointOrg>(JointOrg{"J1", "", {}, {}, ""});
         }},
        {"member already in",
         [] { return std::make_unique<AddJointOrgMember>("J1", "130705100202"); }},
        {"member of unknown org",
         [] { return std::make_unique<AddJointOrgMember>("J7", "130705100203"); }},
        {"remove non-member",
         [] { return std::make_unique<RemoveJointOrgMember>("J1", "130705100206"); }},
        {"lead not a village", [] { return std::make_unique<SetJointOrgLead>("J1", "x"); }},
        {"belt on unknown road",
         [] {
             return std::make_unique<AddBelt>(Belt{"B2", "", {"无名路"}, 500.0});
         }},
        {"belt half-width 0", [] { return std::make_unique<SetBeltHalfWidth>("B1", 0.0); }},
        {"edit of unknown village",
         [] {
             return std::make_unique<AddContiguityEdit>(
                 ContiguityEdit{"130705100201", "999999999999", true, ""});
         }},
        {"edit of one village",
         [] {
             return std::make_unique<AddContiguityEdit>(
                 ContiguityEdit{"130705100201", "130705100201", true, ""});
         }},
        {"remove missing edit", [] { return std::make_unique<RemoveContiguityEdit>(5); }},
        {"group with a failing child",
         [] {
             std::vector<CommandPtr> children;
             children.push_back(std::make_unique<MoveSite>("s1", PointM{1.0, 2.0}));
             children.push_back(std::make_unique<DeleteJointOrg>("J1"));
             children.push_back(std::make_unique<SetReachRadius>(-1.0));
             return std::make_unique<GroupCommand>("bad group", std::move(children));
         }},
    };
    const Plan original = edit_plan();
    for (const Case& c : cases) {
        Plan plan = original;
        Result<ChangeSet> applied = c.make()->apply(plan);
        ASSERT_FALSE(applied) << c.name;
        EXPECT_FALSE(applied.error().message.empty()) << c.name;
        EXPECT_TRUE(plan == original) << c.name;
    }
}

TEST(Command, error_sentence_names_layer_field_and_value) {
    Plan plan = edit_plan();
    Result<ChangeSet> applied = MoveSite("s9", {}).apply(plan);
    ASSERT_FALSE(applied);
    EXPECT_EQ(applied.error().code, ErrorCode::kUnknownReference);
    EXPECT_EQ(applied.error().message,
              "layer 'sites', field 'id': there is no site 's9' in the plan.");
    Result<ChangeSet> radius = SetReachRadius(-1.0).apply(plan);
    EXPECT_EQ(radius.error().code, ErrorCode::kBadValue);
    EXPECT_EQ(radius.error().where.field, "reach_m");
}

TEST(Command, group_reverts_children_last_to_first) {
    Plan plan = edit_plan();
    const Plan original = plan;
    std::vector<CommandPtr> children;
    // Each child depends on the one before, so only last-to-first reverts cleanly.
    children.push_back(std::make_unique<CreateJointOrg>(
        JointOrg{"J2", "", JointOrgMode::kRegional, {"130705100205"}, ""}));
    children.push_back(std::make_unique<AddJointOrgMember>("J2", "130705100206"));
    children.push_back(std::make_unique<SetJointOrgLead>("J2", "130705100206"));
    GroupCommand group("Accept 1 suggested group", std::move(children));
    Result<ChangeSet> applied = group.apply(plan);
    ASSERT_TRUE(applied) << applied.error().message;
    ASSERT_EQ(plan.joint_orgs.size(), 2u);
    EXPECT_EQ(plan.joint_orgs[1].members,
              (std::vector<std::string>{"130705100205", "130705100206"}));
    EXPECT_EQ(plan.joint_orgs[1].lead, "130705100206");
    EXPECT_EQ(applied->joint_orgs, std::vector<std::string>{"J2"});
    EXPECT_EQ(applied->villages, (std::vector<std::string>{"130705100205", "130705100206"}));
    EXPECT_EQ(group.label(), "Accept 1 suggested group");
    group.revert(plan);
    EXPECT_TRUE(plan == original);
}

TEST(Command, change_sets_name_what_moved) {
    Plan plan = edit_plan();
    Result<ChangeSet> moved = MoveSite("s1", {1.0, 1.0}).apply(plan);
    EXPECT_EQ(moved->sites, std::vector<std::string>{"s1"});
    EXPECT_EQ(moved->layers, std::vector<std::string>{"sites"});
    EXPECT_TRUE(moved->settings.empty());
    Result<ChangeSet> radius = SetReachRadius(10.0).apply(plan);
    EXPECT_EQ(radius->settings, std::vector<std::string>{"reach_m"});
    EXPECT_EQ(radius->layers, std::vector<std::string>{"plan_meta"});
    Result<ChangeSet> cut =
        AddContiguityEdit({"130705100202", "130705100203", false, ""}).apply(plan);
    EXPECT_TRUE(cut->contiguity_changed);
    EXPECT_EQ(cut->villages, (std::vector<std::string>{"130705100202", "130705100203"}));
    ChangeSet all = *moved;
    all.merge(*radius);
    all.merge(*moved);
    EXPECT_EQ(all.layers, (std::vector<std::string>{"sites", "plan_meta"}));
}

TEST(Command, move_and_radius_merge_only_with_their_own_kind) {
    MoveSite first("s1", {1.0, 1.0});
    EXPECT_TRUE(first.merge(MoveSite("s1", {2.0, 2.0})));
    EXPECT_FALSE(first.merge(MoveSite("s2", {2.0, 2.0})));
    EXPECT_FALSE(first.merge(SetReachRadius(5.0)));
    SetReachRadius radius(1000.0);
    EXPECT_TRUE(radius.merge(SetReachRadius(2000.0)));
    EXPECT_EQ(radius.label(), "Set reach radius to 2000 m");
    EXPECT_FALSE(RemoveSite("s1").merge(RemoveSite("s2")));
}

}  // namespace
}  // namespace beltplan::core

namespace beltplan::core {
namespace {

// Work stations: bad input refused with the plan untouched; a replacement reverts exactly.
TEST(ReplaceWorkStations, refuses_bad_stations_and_leaves_the_plan) {
    Plan plan = test::grid_plan({"abc"});
    plan.work_stations.push_back({"W1", "one", "130705100", {plan.villages[0].code}, ""});
    const Plan before = plan;
    const std::string a = plan.villages[0].code;
    const std::vector<std::pair<std::string, std::vector<WorkStation>>> bad = {
        {"999", {}},                                       // unknown township
        {"130705100", {{"W2", "x", "OTHER", {a}, ""}}},    // another township's
        {"130705100", {{"", "x", "130705100", {a}, ""}}},  // empty id
        {"130705100", {{"W2", "x", "130705100", {a}, ""}, {"W2", "y", "130705100", {a}, ""}}},
        {"130705100", {{"W2", "x", "130705100", {"nope"}, ""}}},  // unknown member
        {"130705100", {{"W2", "x", "130705100", {a}, "nope"}}},   // unknown seat
    };
    for (const auto& [town, stations] : bad) {
        ReplaceWorkStations edit(town, stations);
        EXPECT_FALSE(edit.apply(plan)) << town << " " << stations.size();
        EXPECT_EQ(plan, before);
    }
    ReplaceWorkStations good("130705100", {{"W9", "new", "130705100", {a}, a}});
    const Result<ChangeSet> done = good.apply(plan);
    ASSERT_TRUE(done);
    EXPECT_EQ(done->layers, std::vector<std::string>{"work_stations"});
    ASSERT_EQ(plan.work_stations.size(), 1u);
    EXPECT_EQ(plan.work_stations[0].id, "W9");
    good.revert(plan);
    EXPECT_EQ(plan, before);
}

}  // namespace
}  // namespace beltplan::core
