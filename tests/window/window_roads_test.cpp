// The road problems layer and list in the window (issue 13 item 2): a plan made here whose one
// problem is known by construction (a road ending 5 m short of another) shows one row and a
// marker at that place, and the row flies there.
#include "app/window_app.h"
#include "io/plan_file.h"
#include "render/map_scene.h"
#include "support/grid_plan.h"
#include "support/test_support.h"
#include "ui/editor.h"
#include "window/window_fixture.h"

#include <gtest/gtest.h>
#include <osg/Image>
#include <osgDB/ReadFile>

#include <cmath>

namespace beltplan {
namespace {

core::Road road(const std::string& name, std::vector<core::PointM> points) {
    core::Road r;
    r.name = name;
    r.parts.push_back(core::LineString{std::move(points)});
    return r;
}

// Six 1 km villages; a trunk road across the middle (y = 1500) and a branch from the north
// edge that stops 5 m short of it at (2500, 1505): one dangling end, nothing else.
core::Plan undershoot_plan() {
    core::Plan plan = test::grid_plan({"AABBCC", "AABBCC", "DDEEFF"});
    plan.roads.push_back(road("trunk", {{0, 1500}, {6000, 1500}}));
    plan.roads.push_back(road("branch", {{2500, 3000}, {2500, 1505}}));
    test::add_site(plan, 500, 500, "S1");
    return plan;
}

bool magenta(const osg::Vec4& c) {
    return c.r() > 0.6f && c.g() < 0.35f && c.b() > 0.4f;
}

class WindowRoads : public test::WindowFixture {
protected:
    void SetUp() override {
        test::WindowFixture::SetUp();
        if (IsSkipped()) {
            return;
        }
        path_ = dir_.file("undershoot.gpkg");
        ASSERT_TRUE(io::write_plan(undershoot_plan(), path_));
        app::WindowOptions options;
        options.plan_path = path_;
        open(options);
    }
    osg::ref_ptr<osg::Image> shot(const std::string& name) {
        const std::string png = dir_.file(name);
        app_->capture_next_frame(png);
        frames(1);
        EXPECT_EQ(app_->capture_result(), "ok");
        return osgDB::readImageFile(png);
    }
    osg::Vec4 pixel(const osg::Image& image, ui::ScreenPoint p) {
        return image.getColor(static_cast<unsigned>(p.x),
                              image.t() - 1 - static_cast<unsigned>(p.y));
    }
};

TEST_F(WindowRoads, one_undershoot_shows_one_row_and_a_marker_at_its_place) {
    ASSERT_EQ(app_->plan().roads.size(), 2u);
    EXPECT_GT(app_->scene().layer(render::Layer::kRoadProblems)->getNumChildren(), 0u);
    // The list starts as its title; the planner opens it with the title's arrow.
    ASSERT_TRUE(ui::item_center("road_problems.arrow").has_value());
    EXPECT_FALSE(ui::item_center("road_problem.0").has_value());
    ASSERT_TRUE(click_item("road_problems.arrow"));
    frames(2);
    ASSERT_TRUE(ui::item_center("road_problem.0").has_value());
    EXPECT_FALSE(ui::item_center("road_problem.1").has_value()) << "exactly one problem";

    ASSERT_TRUE(click_item("road_problem.0"));
    frames(2);
    const core::PointM at{2500, 1505};
    const ui::MapView& view = app_->editor().view;
    EXPECT_NEAR(view.center().x, at.x, 1.0);
    EXPECT_NEAR(view.center().y, at.y, 1.0);
    EXPECT_EQ(app_->editor().road_problems.selected, 0);

    osg::ref_ptr<osg::Image> image = shot("road_problem.png");
    ASSERT_TRUE(image.valid());
    const ui::ScreenPoint marker = view.to_screen(at);
    EXPECT_TRUE(magenta(pixel(*image, marker)))
        << "no marker at the dangling end: " << pixel(*image, marker).r() << " "
        << pixel(*image, marker).g() << " " << pixel(*image, marker).b();
    // 40 px west along the trunk is road and village, not a marker.
    EXPECT_FALSE(magenta(pixel(*image, {marker.x - 40.f, marker.y + 10.f})));
    screenshot("window_road_problems.png");
}

// A plan whose roads are joined everywhere has no list and an empty layer.
TEST_F(WindowRoads, a_clean_road_layer_has_no_list) {
    core::Plan plan = undershoot_plan();
    plan.roads[1].parts[0].points.back() = {2500, 1500};  // joined to the trunk's line...
    plan.roads[0].parts[0].points = {{0, 1500}, {2500, 1500}, {6000, 1500}};  // ...at a vertex
    ASSERT_TRUE(io::write_plan(plan, path_));
    app::WindowOptions options;
    options.plan_path = path_;
    open(options);
    EXPECT_FALSE(ui::item_center("road_problems.arrow").has_value());
    ASSERT_EQ(app_->scene().layer(render::Layer::kRoadProblems)->getNumChildren(), 1u);
    EXPECT_EQ(
        app_->scene().layer(render::Layer::kRoadProblems)->getChild(0)->asGroup()->getNumChildren(),
        0u);
}

}  // namespace
}  // namespace beltplan
