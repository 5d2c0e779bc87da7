// Village value edits: apply then revert restores the plan exactly, a value can be set to
// missing and back, and bad values are refused with the plan untouched.
#include "core/village_commands.h"

#include "core/undo_stack.h"
#include "support/grid_plan.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace beltplan::core {
namespace {

Plan valued_plan() {
    Plan plan = test::grid_plan({"ab", "cd"});
    plan.villages[0].population = 1200;
    plan.villages[0].party_members = 40;
    plan.villages[0].collective_income_wan_yuan = 12.5;
    plan.villages[0].kind = VillageKind::kHub;
    plan.villages[0].weak_org = false;
    return plan;
}

TEST(SetVillageFields, sets_every_value_and_reverts_exactly) {
    Plan plan = valued_plan();
    const Plan before = plan;
    VillageFields f;
    f.name = u8"新名村";
    f.population = 1500;
    f.party_members = std::optional<std::int64_t>{};  // now missing
    f.collective_income_wan_yuan = 3.25;
    f.kind = VillageKind::kHollow;
    f.weak_org = true;
    f.leader = std::optional<bool>{};
    SetVillageFields edit(plan.villages[0].code, f);
    auto changes = edit.apply(plan);
    ASSERT_TRUE(changes) << changes.error().message;
    const Village& v = plan.villages[0];
    EXPECT_EQ(v.name, u8"新名村");
    EXPECT_EQ(v.population, 1500);
    EXPECT_FALSE(v.party_members.has_value());
    EXPECT_EQ(v.collective_income_wan_yuan, 3.25);
    EXPECT_EQ(v.kind, VillageKind::kHollow);
    EXPECT_EQ(v.weak_org, true);
    EXPECT_FALSE(v.leader.has_value());
    EXPECT_EQ(changes.value().villages, std::vector<std::string>{v.code});
    EXPECT_EQ(changes.value().layers, std::vector<std::string>{"villages"});
    EXPECT_EQ(plan.villages[1], before.villages[1]);
    edit.revert(plan);
    EXPECT_EQ(plan, before);
}

TEST(SetVillageFields, unset_fields_are_left_alone) {
    Plan plan = valued_plan();
    VillageFields f;
    f.collective_income_wan_yuan = std::optional<double>{};  // only the income goes missing
    SetVillageFields edit(plan.villages[0].code, f);
    ASSERT_TRUE(edit.apply(plan));
    EXPECT_FALSE(plan.villages[0].collective_income_wan_yuan.has_value());
    EXPECT_EQ(plan.villages[0].population, 1200);
    EXPECT_EQ(plan.villages[0].party_members, 40);
    EXPECT_EQ(plan.villages[0].kind, VillageKind::kHub);
}

TEST(SetVillageFields, bad_values_are_refused_and_the_plan_is_untouched) {
    const Plan before = valued_plan();
    const std::string code = before.villages[0].code;
    auto refused = [&](VillageFields f, const char* field) {
        Plan plan = before;
        SetVillageFields edit(code, std::move(f));
        auto r = edit.apply(plan);
        ASSERT_FALSE(r) << field;
        EXPECT_EQ(r.error().code, ErrorCode::kBadValue);
        EXPECT_EQ(r.error().where.field, field);
        EXPECT_NE(r.error().message.find(code), std::string::npos) << r.error().message;
        EXPECT_EQ(plan, before);
    };
    VillageFields f;
    f.population = -1;
    refused(f, "population");
    f = {};
    f.party_members = 5000;  // more than 1200 people
    refused(f, "party_members");
    f = {};
    f.collective_income_wan_yuan = std::numeric_limits<double>::quiet_NaN();
    refused(f, "collective_income");
    f = {};
    f.name = "";
    refused(f, "name");
    Plan plan = before;
    SetVillageFields unknown("999999999999", VillageFields{});
    auto r = unknown.apply(plan);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kUnknownReference);
}

TEST(SetVillageFields, undo_and_redo_through_the_stack) {
    Plan plan = valued_plan();
    const Plan before = plan;
    UndoStack history;
    VillageFields f;
    f.population = std::optional<std::int64_t>{};
    ASSERT_TRUE(history.push(plan, std::make_unique<SetVillageFields>(plan.villages[0].code, f)));
    const Plan edited = plan;
    EXPECT_TRUE(history.dirty());
    history.undo(plan);
    EXPECT_EQ(plan, before);
    ASSERT_TRUE(history.redo(plan));
    EXPECT_EQ(plan, edited);
    EXPECT_FALSE(plan.villages[0].population.has_value());
}

}  // namespace
}  // namespace beltplan::core
