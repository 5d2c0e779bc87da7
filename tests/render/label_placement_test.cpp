// Page label placement: a name on a marker steps below it within its feature, reserved boxes
// (the legend) keep names out, higher priority wins a contested spot, tiny features go unnamed.
#include "render/label_placement.h"

#include <gtest/gtest.h>

namespace beltplan::render {
namespace {

// 1 metre per page unit, plan (0, 0) at page (500, 500).
MapView unit_view() {
    MapView v;
    v.area = {0, 0, 1000, 1000};
    v.centre = {0, 0};
    v.metres_per_unit = 1.0;
    return v;
}

LabelSpec label(const std::string& text, double x, double y, int priority, double room) {
    LabelSpec s;
    s.text = text;
    s.anchor = {x, y};
    s.size_px = 10.f;
    s.priority = priority;
    s.room = LabelRoom::all(room);
    return s;
}

LabelPlacementOptions options() {
    LabelPlacementOptions o;
    o.bounds = {0, 0, 1000, 1000};
    return o;
}

TEST(LabelPlacement, a_name_on_a_marker_steps_below_it) {
    LabelPlacementOptions o = options();
    o.markers = {{490, 490, 510, 510}};
    const auto placed = place_labels({label("镇名", 0, 0, 2, 100)}, unit_view(), o);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_FALSE(placed[0].box.overlaps(o.markers[0]));
    EXPECT_NEAR(placed[0].centre.x, 500.0, 1e-9);
    EXPECT_GT(placed[0].centre.y, 510.0);  // below: page y runs down
    // Without room in its feature it is left out.
    EXPECT_TRUE(place_labels({label("镇名", 0, 0, 2, 3)}, unit_view(), o).empty());
}

TEST(LabelPlacement, reserved_boxes_keep_names_out_and_priority_wins) {
    LabelPlacementOptions o = options();
    o.reserved = {{0, 0, 200, 200}};
    const std::vector<LabelSpec> specs{label("甲", -400, 400, 1, 0),  // page (100, 100)
                                       label("乙村", 0, 0, 1, 0),     // page (500, 500)
                                       label("丙乡", 2, 0, 2, 0)};    // overlaps 乙村
    const auto placed = place_labels(specs, unit_view(), o);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_EQ(placed[0].label, 2u);
}

TEST(LabelPlacement, features_narrower_than_half_their_name_go_unnamed) {
    // The name is 70 units wide, its box 74: a feature needs 37 units.
    LabelSpec narrow = label("很长的村庄名字", 0, 0, 1, 0);
    narrow.extent_m = 34.0;
    LabelSpec wide = narrow;
    wide.extent_m = 40.0;
    wide.anchor = {0, 300};
    const auto placed = place_labels({narrow, wide}, unit_view(), options());
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_EQ(placed[0].label, 1u);
}

}  // namespace
}  // namespace beltplan::render
