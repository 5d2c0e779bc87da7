// The legend follows the colour mode and the distance mode (沿道路 along roads), in the
// window's language; the layer list reports the boxes the planner changed.
#include "ui/legend_panel.h"

#include "core/messages.h"
#include "render/palette.h"
#include "ui/headless_imgui.h"
#include "ui/strings.h"

#include <gtest/gtest.h>

namespace beltplan {
namespace {

render::Legend coverage_fill() {
    render::Legend l;
    l.title = "whatever the colouring says";
    l.entries = {{"a", render::hex(render::colors::kCovered)},
                 {"b", render::hex(render::colors::kUncovered)}};
    return l;
}

TEST(Legend, follows_the_distance_mode) {
    ui::set_language(ui::Language::kChinese);
    const render::Legend fill = coverage_fill();
    ui::LegendInputs in;
    in.fill = &fill;
    in.reach_m = 3000.0;
    in.distance = core::DistanceMode::kNetwork;
    render::Legend shown = ui::window_legend(in);
    EXPECT_EQ(shown.title, u8"覆盖情况");
    ASSERT_GE(shown.entries.size(), 2u);
    EXPECT_EQ(shown.entries[0].label, u8"已覆盖（沿道路 3 km 内）");
    EXPECT_EQ(shown.entries[1].label, u8"未覆盖");
    in.distance = core::DistanceMode::kEuclidean;
    shown = ui::window_legend(in);
    EXPECT_EQ(shown.entries[0].label, u8"已覆盖（直线 3 km 内）");
    ui::set_language(ui::Language::kEnglish);
    in.distance = core::DistanceMode::kNetwork;
    in.reach_m = 2500.0;
    shown = ui::window_legend(in);
    EXPECT_EQ(shown.title, "Coverage");
    EXPECT_EQ(shown.entries[0].label, "Covered (within 2.5 km along roads)");
    ui::set_language(ui::Language::kChinese);
}

TEST(Legend, shows_the_symbols_of_the_shown_layers_only) {
    ui::set_language(ui::Language::kChinese);
    const render::Legend fill = coverage_fill();
    ui::LegendInputs in;
    in.fill = &fill;
    in.mode = ui::FillMode::kKind;
    in.sites_shown = false;
    in.reach_shown = false;
    in.belts_shown = false;
    EXPECT_EQ(ui::window_legend(in).title, u8"村庄类型");
    EXPECT_EQ(ui::window_legend(in).entries.size(), 2u);
    in.sites_shown = true;
    const render::Legend with_sites = ui::window_legend(in);
    ASSERT_EQ(with_sites.entries.size(), 4u);
    EXPECT_EQ(with_sites.entries[2].label, u8"区级示范点");
    EXPECT_EQ(with_sites.entries[2].symbol, render::LegendSymbol::kSiteDistrict);
}

TEST(LayerList, a_click_hides_a_layer_and_a_missing_one_cannot_be_shown) {
    ui::set_language(ui::Language::kChinese);
    test::HeadlessImGui gui;
    std::vector<ui::LayerRow> rows = {{render::Layer::kBasemap, false, false},
                                      {render::Layer::kVillages, true, true},
                                      {render::Layer::kRoads, true, true}};
    std::vector<ui::LayerRow> changed;
    auto draw = [&] {
        for (const ui::LayerRow& r : ui::draw_layer_list(rows)) {
            changed.push_back(r);
        }
    };
    gui.frame(draw);
    ASSERT_TRUE(gui.click_item("layers.roads"));
    ASSERT_TRUE(gui.click_item("layers.basemap"));
    gui.drain(draw);
    ASSERT_EQ(changed.size(), 1u);
    EXPECT_EQ(changed[0].layer, render::Layer::kRoads);
    EXPECT_FALSE(changed[0].shown);
    EXPECT_FALSE(rows[2].shown);
    EXPECT_FALSE(rows[0].shown);
    EXPECT_TRUE(rows[1].shown);
}

TEST(LayerList, every_layer_has_a_name_in_the_catalogue) {
    for (std::size_t i = 0; i < render::kLayerCount; ++i) {
        const auto layer = static_cast<render::Layer>(i);
        EXPECT_TRUE(core::has_message(std::string("window.layer_") + render::to_code(layer)))
            << render::to_code(layer);
    }
}

}  // namespace
}  // namespace beltplan
