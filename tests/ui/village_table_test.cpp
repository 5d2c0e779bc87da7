// The village table: filter as you type a name or code, sort by any column with missing values
// last, Shift/Ctrl multi-select, edits as commands, and missing shown as missing, never 0.
#include "ui/village_table.h"

#include "core/messages.h"
#include "core/village_commands.h"
#include "support/grid_plan.h"
#include "ui/headless_imgui.h"
#include "ui/strings.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <cmath>
#include <limits>
#include <vector>

namespace beltplan {
namespace {

class VillageTableTest : public ::testing::Test {
protected:
    void SetUp() override {
        ui::set_language(ui::Language::kChinese);
        plan_ = test::grid_plan({"abcd", "efgh"});
        const char* names[] = {u8"张家村", u8"李家村", u8"张庄村", u8"王村",
                               "Xiaoyi",   u8"赵村",   u8"钱村",   u8"孙村"};
        const std::optional<std::int64_t> people[] = {1200, std::nullopt, 800, 3000,
                                                      50,   std::nullopt, 900, 1500};
        for (std::size_t i = 0; i < plan_.villages.size(); ++i) {
            plan_.villages[i].name = names[i];
            plan_.villages[i].population = people[i];
        }
        distances_ = {500.0, 2500.0, 4000.0, std::numeric_limits<double>::infinity(),
                      100.0, 3000.0, 2999.0, 7000.0};
        table_.refresh(inputs());
    }
    ui::VillageTableInputs inputs() {
        ui::VillageTableInputs in;
        in.plan = &plan_;
        in.distance_m = [this](std::size_t i) { return distances_[i]; };
        in.reach_m = 3000.0;
        in.version = version_;
        return in;
    }
    std::vector<std::string> names() const {
        std::vector<std::string> out;
        for (int r : table_.rows()) {
            out.push_back(plan_.villages[static_cast<std::size_t>(r)].name);
        }
        return out;
    }

    core::Plan plan_;
    std::vector<double> distances_;
    std::size_t version_ = 1;
    ui::VillageTable table_;
};

TEST_F(VillageTableTest, filters_by_name_or_code_as_typed) {
    table_.set_filter(u8"张");
    EXPECT_EQ(names(), (std::vector<std::string>{u8"张家村", u8"张庄村"}));
    table_.set_filter("xiao");  // Latin letters in any case
    EXPECT_EQ(names(), (std::vector<std::string>{"Xiaoyi"}));
    table_.set_filter(plan_.villages[6].code);
    EXPECT_EQ(names(), (std::vector<std::string>{u8"钱村"}));
    table_.set_filter(plan_.villages[0].code.substr(0, 9));  // every code starts so
    EXPECT_EQ(table_.rows().size(), 8u);
    table_.set_filter(u8"没有这个村");
    EXPECT_TRUE(table_.rows().empty());
}

TEST_F(VillageTableTest, sorts_by_population_with_missing_values_last_both_ways) {
    table_.sort_by(ui::VillageColumn::kPopulation, true);
    EXPECT_EQ(names(), (std::vector<std::string>{"Xiaoyi", u8"张庄村", u8"钱村", u8"张家村",
                                                 u8"孙村", u8"王村", u8"李家村", u8"赵村"}));
    table_.sort_by(ui::VillageColumn::kPopulation, false);
    EXPECT_EQ(names(), (std::vector<std::string>{u8"王村", u8"孙村", u8"张家村", u8"钱村",
                                                 u8"张庄村", u8"Xiaoyi", u8"李家村", u8"赵村"}));
}

TEST_F(VillageTableTest, sorts_by_distance_and_coverage) {
    table_.sort_by(ui::VillageColumn::kDistance, true);
    EXPECT_EQ(names().front(), "Xiaoyi");
    EXPECT_EQ(names().back(), u8"王村");  // no site reaches it
    table_.sort_by(ui::VillageColumn::kCovered, false);
    // Covered (<= 3000 m) first, ties by code.
    EXPECT_EQ(names(), (std::vector<std::string>{u8"张家村", u8"李家村", "Xiaoyi", u8"赵村",
                                                 u8"钱村", u8"张庄村", u8"王村", u8"孙村"}));
}

TEST_F(VillageTableTest, missing_is_shown_as_missing_never_as_zero) {
    EXPECT_TRUE(table_.missing(1, ui::VillageColumn::kPopulation));
    EXPECT_EQ(table_.cell_text(1, ui::VillageColumn::kPopulation), u8"缺失");
    EXPECT_EQ(table_.cell_text(0, ui::VillageColumn::kPopulation), "1200");
    EXPECT_EQ(table_.cell_text(0, ui::VillageColumn::kIncome), u8"缺失");
    EXPECT_EQ(table_.cell_text(0, ui::VillageColumn::kKind), u8"缺失");
    EXPECT_EQ(table_.cell_text(3, ui::VillageColumn::kDistance), u8"无可达示范点");
    EXPECT_EQ(table_.cell_text(0, ui::VillageColumn::kCovered), u8"是");
    EXPECT_EQ(table_.cell_text(2, ui::VillageColumn::kCovered), u8"否");
    ui::set_language(ui::Language::kEnglish);
    EXPECT_EQ(table_.cell_text(1, ui::VillageColumn::kPopulation), "missing");
    ui::set_language(ui::Language::kChinese);
}

TEST_F(VillageTableTest, shift_and_ctrl_clicks_select_ranges_and_toggle) {
    table_.sort_by(ui::VillageColumn::kCode, true);
    table_.click(1, false, false);
    EXPECT_EQ(table_.selection(), (std::vector<int>{1}));
    table_.click(4, true, false);  // Shift: 1..4 in display order
    EXPECT_EQ(table_.selection(), (std::vector<int>{1, 2, 3, 4}));
    table_.click(2, false, true);  // Ctrl: takes 2 out
    EXPECT_EQ(table_.selection(), (std::vector<int>{1, 3, 4}));
    table_.click(7, false, true);  // Ctrl: adds 7
    EXPECT_EQ(table_.selection(), (std::vector<int>{1, 3, 4, 7}));
    EXPECT_EQ(table_.primary(), 7);
    table_.click(5, true, true);  // Ctrl+Shift: adds 5..7
    EXPECT_EQ(table_.selection(), (std::vector<int>{1, 3, 4, 5, 6, 7}));
    table_.click(0, false, false);
    EXPECT_EQ(table_.selection(), (std::vector<int>{0}));
    // The map selects village 6: the table follows. The table's own click is what the map
    // then shows, so following it changes nothing.
    table_.follow_map(6);
    EXPECT_EQ(table_.selection(), (std::vector<int>{6}));
    table_.click(2, false, true);
    table_.follow_map(table_.primary());
    EXPECT_EQ(table_.selection(), (std::vector<int>{2, 6}));
    table_.follow_map(-1);
    EXPECT_TRUE(table_.selection().empty());
}

TEST_F(VillageTableTest, typed_values_become_commands_and_bad_ones_a_sentence) {
    std::string error;
    auto command = table_.edit_command(0, ui::VillageColumn::kPopulation, "1,234", error);
    ASSERT_TRUE(command);
    ASSERT_TRUE((*command)->apply(plan_));
    EXPECT_EQ(plan_.villages[0].population, 1234);
    command = table_.edit_command(0, ui::VillageColumn::kPopulation, "", error);
    ASSERT_TRUE(command);
    ASSERT_TRUE((*command)->apply(plan_));
    EXPECT_FALSE(plan_.villages[0].population.has_value()) << "empty means missing, not 0";
    command = table_.edit_command(0, ui::VillageColumn::kIncome, "12.5", error);
    ASSERT_TRUE(command && (*command)->apply(plan_));
    EXPECT_EQ(plan_.villages[0].collective_income_wan_yuan, 12.5);
    command = table_.edit_command(0, ui::VillageColumn::kKind, u8"空心型", error);
    ASSERT_TRUE(command && (*command)->apply(plan_));
    EXPECT_EQ(plan_.villages[0].kind, core::VillageKind::kHollow);
    EXPECT_FALSE(table_.edit_command(0, ui::VillageColumn::kPopulation, u8"一千", error));
    EXPECT_NE(error.find(u8"一千"), std::string::npos);
    EXPECT_FALSE(table_.edit_command(0, ui::VillageColumn::kCode, "1", error));
}

// In an ImGui frame: typing into the filter field narrows the rows; clicking a row selects it
// and asks the map to fly there.
TEST_F(VillageTableTest, typing_in_the_filter_field_narrows_the_table) {
    test::HeadlessImGui gui;
    ui::VillageTableOutput out;
    auto draw = [&] {
        out = ui::VillageTableOutput{};
        table_.draw(inputs(), out);
    };
    gui.frame(draw);
    ASSERT_TRUE(gui.click_item("villages.filter"));
    gui.drain(draw);
    gui.type("xiao");
    gui.drain(draw);
    EXPECT_EQ(table_.filter(), "xiao");
    EXPECT_EQ(names(), (std::vector<std::string>{"Xiaoyi"}));
    ASSERT_TRUE(gui.click_item("villages.row." + plan_.villages[4].code));
    bool flew = false;
    gui.drain([&] {
        draw();
        flew = flew || (out.fly_to && *out.fly_to == 4);
    });
    EXPECT_TRUE(flew);
    EXPECT_EQ(table_.selection(), (std::vector<int>{4}));
}

}  // namespace
}  // namespace beltplan
