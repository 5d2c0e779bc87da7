// A rectangle on the map selects exactly the villages whose anchor it holds.
#include "ui/rect_select.h"

#include "support/grid_plan.h"

#include <gtest/gtest.h>

namespace beltplan {
namespace {

TEST(RectSelect, takes_the_villages_whose_anchor_is_inside) {
    // Four 1 km villages in a row: anchors at x = 500, 1500, 2500, 3500 m, y = 500 m.
    const core::Plan plan = test::grid_plan({"abcd"});
    ui::MapView view;
    view.set_viewport(1000, 800);
    view.set({2000.0, 500.0}, 10.0);  // 10 m a pixel, x = 2000 m at the centre column
    const ui::ScreenPoint a = view.to_screen({1200.0, 200.0});
    const ui::ScreenPoint b = view.to_screen({2700.0, 900.0});
    EXPECT_EQ(ui::villages_in_rect(plan, view, a, b), (std::vector<int>{1, 2}));
    EXPECT_EQ(ui::villages_in_rect(plan, view, b, a), (std::vector<int>{1, 2})) << "any corners";
    EXPECT_TRUE(ui::villages_in_rect(plan, view, a, a).empty());
}

}  // namespace
}  // namespace beltplan
