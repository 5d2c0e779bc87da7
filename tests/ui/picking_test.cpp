// VillagePicker on a 224 x 224 grid of 500 m villages (50,176): the village under a point is
// found by its box and polygon; a point outside every village finds none.
#include "ui/picking.h"

#include <gtest/gtest.h>

#include <string>

namespace beltplan {
namespace {

core::Plan big_grid(int side) {
    core::Plan plan;
    for (int r = 0; r < side; ++r) {
        for (int c = 0; c < side; ++c) {
            core::Village v;
            v.code = std::to_string(130705100000LL + r * side + c);
            const double x = c * 500.0;
            const double y = r * 500.0;
            v.shape.parts.push_back(
                {{{x, y}, {x + 500, y}, {x + 500, y + 500}, {x, y + 500}, {x, y}}, {}});
            plan.villages.push_back(std::move(v));
        }
    }
    return plan;
}

TEST(VillagePicker, finds_the_village_under_a_point_among_50k) {
    const core::Plan plan = big_grid(224);
    const ui::VillagePicker picker(plan);
    EXPECT_EQ(picker.village_at({250.0 + 500.0 * 100, 250.0 + 500.0 * 200}), 200 * 224 + 100);
    EXPECT_EQ(picker.village_at({10.0, 10.0}), 0);
    EXPECT_EQ(picker.village_at({224 * 500.0 - 1, 224 * 500.0 - 1}), 224 * 224 - 1);
    EXPECT_EQ(picker.village_at({-10.0, 10.0}), -1);
}

}  // namespace
}  // namespace beltplan
