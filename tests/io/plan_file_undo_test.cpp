// Commands across save and load: an edited plan saved and read back equals the one in memory,
// the history applies to the reloaded plan, and undo then save gives back the pre-edit file.
#include "core/belt_commands.h"
#include "core/contiguity_commands.h"
#include "core/joint_org_commands.h"
#include "core/settings_commands.h"
#include "core/site_commands.h"
#include "core/undo_stack.h"
#include "io/plan_file.h"
#include "io/plan_fixture.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <string>

namespace beltplan {
namespace {

core::Plan save_and_load(const core::Plan& plan, const std::string& path) {
    core::Status written = io::write_plan(plan, path);
    EXPECT_TRUE(written) << written.error().message;
    core::Result<core::Plan> read = io::read_plan(path);
    EXPECT_TRUE(read) << read.error().message;
    return read ? read.value() : core::Plan{};
}

// Pushes a mix of edits touching every plan layer and the settings.
void edit(core::UndoStack& stack, core::Plan& plan) {
    core::Site site;
    site.id = "S3";
    site.name = "新示范点";
    site.position = {test::kSiteX + 300.0, test::kSiteY - 200.0};
    site.village_code = "130705001004";
    ASSERT_TRUE(stack.push(plan, std::make_unique<core::AddSite>(site)));
    ASSERT_TRUE(stack.push(plan, std::make_unique<core::MoveSite>(
                                     "S1", core::PointM{test::kSiteX + 1.5, test::kSiteY})));
    ASSERT_TRUE(stack.push(plan, std::make_unique<core::MoveSite>(
                                     "S1", core::PointM{test::kSiteX + 2.5, test::kSiteY})));
    core::SiteFields fields;
    fields.theme = "基层治理";
    fields.level = core::SiteLevel::kTown;
    ASSERT_TRUE(stack.push(plan, std::make_unique<core::SetSiteFields>("S2", fields)));
    ASSERT_TRUE(stack.push(plan, std::make_unique<core::SetReachRadius>(3200.0)));
    ASSERT_TRUE(
        stack.push(plan, std::make_unique<core::SetDistanceMode>(core::DistanceMode::kEuclidean)));
    ASSERT_TRUE(stack.push(plan, std::make_unique<core::CreateJointOrg>(
                                     core::JointOrg{"J2",
                                                    "赤城联建",
                                                    core::JointOrgMode::kRegional,
                                                    {"130705001003", "130705001004"},
                                                    "130705001004"})));
    ASSERT_TRUE(
        stack.push(plan, std::make_unique<core::RemoveJointOrgMember>("J1", "130705001002")));
    ASSERT_TRUE(stack.push(plan, std::make_unique<core::SetBeltHalfWidth>("B1", 650.0)));
    ASSERT_TRUE(stack.push(plan, std::make_unique<core::AddContiguityEdit>(core::ContiguityEdit{
                                     "130705001002", "130705001004", true, "新桥"})));
    ASSERT_TRUE(stack.push(plan, std::make_unique<core::RemoveContiguityEdit>(0)));
}

TEST(PlanFileUndo, edited_plan_survives_save_load_and_undo_gives_the_saved_original) {
    test::TempDir dir;
    const std::string path = dir.file("plan.gpkg");
    // The plan as a file holds it (an integer in a real column comes back as a real).
    const core::Plan original = save_and_load(test::sample_plan(), path);
    core::Plan plan = original;
    core::UndoStack stack;
    edit(stack, plan);
    ASSERT_EQ(stack.undo_count(), 10u);  // the two moves of S1 merged
    const core::Plan edited = plan;

    core::Plan reloaded = save_and_load(plan, path);
    EXPECT_TRUE(reloaded == edited);
    ASSERT_EQ(reloaded.sites.size(), 3u);
    EXPECT_EQ(reloaded.sites[2].extra.size(), 1u);  // the added site has the layer's score
    // The history holds ids and values only, so it applies to the reloaded plan as well.
    while (stack.can_undo()) {
        stack.undo(reloaded);
    }
    EXPECT_TRUE(reloaded == original);
    while (stack.can_redo()) {
        ASSERT_TRUE(stack.redo(reloaded));
    }
    EXPECT_TRUE(reloaded == edited);

    // Undo in memory, then save and load: the pre-edit plan, step by step.
    stack.undo(plan);
    core::Plan one_back = plan;
    EXPECT_TRUE(save_and_load(plan, path) == one_back);
    EXPECT_EQ(one_back.contiguity_edits.size(), 3u);
    while (stack.can_undo()) {
        stack.undo(plan);
    }
    EXPECT_TRUE(save_and_load(plan, path) == original);
}

TEST(PlanFileUndo, saved_mark_follows_the_file) {
    test::TempDir dir;
    const std::string path = dir.file("plan.gpkg");
    core::Plan plan = save_and_load(test::sample_plan(), path);
    core::UndoStack stack;
    ASSERT_TRUE(stack.push(plan, std::make_unique<core::SetReachRadius>(1234.0)));
    EXPECT_TRUE(stack.dirty());
    ASSERT_TRUE(io::write_plan(plan, path));
    stack.mark_saved();
    EXPECT_FALSE(stack.dirty());
    stack.undo(plan);
    EXPECT_TRUE(stack.dirty());
    EXPECT_FALSE(io::read_plan(path).value() == plan);
    ASSERT_TRUE(stack.redo(plan));
    EXPECT_FALSE(stack.dirty());
    EXPECT_TRUE(io::read_plan(path).value() == plan);
}

}  // namespace
}  // namespace beltplan
