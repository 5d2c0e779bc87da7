// Labels and site markers: a name on a site steps just clear of its star and stays inside its
// feature; with no room, or every side taken, it is left out like any cluttered label.
#include "render/label_layer.h"

#include "render/fonts.h"
#include "render/map_scene.h"
#include "render/render_fixture.h"
#include "support/grid_plan.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace beltplan::render {
namespace {

// 3 x 3 villages of 1 km in one township; the plan's view is 300 px, 10 m a pixel, so plan
// point (x, y) is window pixel (x / 10, y / 10).
constexpr double kMetresPerPx = 10.0;

core::Plan township_with_site_on_its_name() {
    core::Plan plan = test::grid_plan({"ABC", "DEF", "GHI"});
    core::Township& t = plan.townships.front();
    t.name = "大仓盖镇";
    t.shape.parts.push_back({{{0, 0}, {3000, 0}, {3000, 3000}, {0, 3000}, {0, 0}}, {}});
    test::add_site(plan, 1500, 1500);  // the township's label point, and village E's
    return plan;
}

ViewSetup plan_view(const MapScene& scene) {
    ViewSetup view;
    view.width = 300;
    view.height = 300;
    view.view = osg::Matrixd::translate(-scene.origin().x, -scene.origin().y, 0);
    view.projection = osg::Matrixd::ortho(-1500, 1500, -1500, 1500, -1e4, 1e4);
    return view;
}

ScreenRect marker_box(const core::PointM& p_m, float radius_px) {
    const auto x = static_cast<float>(p_m.x / kMetresPerPx);
    const auto y = static_cast<float>(p_m.y / kMetresPerPx);
    return {x - radius_px, y - radius_px, x + radius_px, y + radius_px};
}

// Where the last cull drew label `index` (into the labels given), or null when it was not.
const ScreenRect* placed_rect(const LabelLayer& labels, int index) {
    const auto& shown = labels.shown();
    const auto it = std::find(shown.begin(), shown.end(), index);
    return it == shown.end() ? nullptr : &labels.placed()[it - shown.begin()];
}

int dark_pixels_in(const osg::Image& image, const ScreenRect& r) {
    int n = 0;
    for (int y = static_cast<int>(r.y0); y < static_cast<int>(r.y1); ++y) {
        for (int x = static_cast<int>(r.x0); x < static_cast<int>(r.x1); ++x) {
            const Rgba c = test::pixel_at(image, x, y);
            n += c.r < 0.2f && c.g < 0.2f && c.b < 0.2f ? 1 : 0;
        }
    }
    return n;
}

// The CJK font when a GL context can be made too; null means the test is skipped.
osg::ref_ptr<osgText::Font> font_with_gl() {
    auto font = load_cjk_font();
    return test::renderer() != nullptr && font ? *font : osg::ref_ptr<osgText::Font>();
}

TEST(Labels, a_township_name_on_a_site_moves_below_its_star) {
    const osg::ref_ptr<osgText::Font> font = font_with_gl();
    if (!font) {
        GTEST_SKIP() << "no GL context or no CJK font";
    }
    const core::Plan plan = township_with_site_on_its_name();
    SceneInputs in;
    in.plan = &plan;
    in.font = font;
    MapScene scene(in);
    auto image = test::renderer()->render(scene.root().get(), nullptr, plan_view(scene));
    ASSERT_TRUE(image.ok()) << image.error().message;
    test::dump_png(**image, "label_beside_star");
    const auto* labels = dynamic_cast<const LabelLayer*>(scene.layer(Layer::kLabels).get());
    ASSERT_NE(labels, nullptr);
    ASSERT_EQ(labels->labels()[0].text, "大仓盖镇");  // townships first, then villages

    const ScreenRect star = marker_box(plan.sites[0].position, MapScene::site_marker_radius_px());
    const ScreenRect* town = placed_rect(*labels, 0);
    ASSERT_NE(town, nullptr) << "the township name was left out";
    EXPECT_FALSE(town->overlaps(star));
    // Just below the star, centred under it: moved no further than needed.
    EXPECT_NEAR(0.5f * (town->x0 + town->x1), 150.f, 0.5f);
    EXPECT_NEAR(town->y1, star.y0, 1.f);
    // Village E's name sat there too; the township took below, and E's short name is nearer
    // a free spot on the right than above.
    const ScreenRect* e = placed_rect(*labels, 1 + 4);
    ASSERT_NE(e, nullptr) << "village E's name was left out";
    EXPECT_FALSE(e->overlaps(star));
    EXPECT_NEAR(e->x0, star.x1, 1.f);
    EXPECT_NEAR(0.5f * (e->y0 + e->y1), 150.f, 0.5f);
    EXPECT_LE(e->x1, 200.f);  // still inside village E (x 100..200 px)

    // The text is drawn where it was placed, and the star is not covered.
    EXPECT_GT(dark_pixels_in(**image, *town), 20);
    const Rgba at_star = test::pixel_at(**image, 150, 150);
    EXPECT_TRUE(test::near_color(at_star, hex(colors::kSiteDistrict))) << test::describe(at_star);
}

TEST(Labels, obstacles_can_be_replaced_after_sites_move) {
    const osg::ref_ptr<osgText::Font> font = font_with_gl();
    if (!font) {
        GTEST_SKIP() << "no GL context or no CJK font";
    }
    const core::Plan plan = township_with_site_on_its_name();
    SceneInputs in;
    in.plan = &plan;
    in.font = font;
    MapScene scene(in);
    scene.set_label_obstacles({});  // as if the site were gone
    ASSERT_TRUE(test::renderer()->render(scene.root().get(), nullptr, plan_view(scene)).ok());
    const auto* labels = dynamic_cast<const LabelLayer*>(scene.layer(Layer::kLabels).get());
    const ScreenRect* town = placed_rect(*labels, 0);
    ASSERT_NE(town, nullptr);
    EXPECT_NEAR(0.5f * (town->x0 + town->x1), 150.f, 0.5f);  // back on its anchor
    EXPECT_NEAR(0.5f * (town->y0 + town->y1), 150.f, 0.5f);

    scene.set_label_obstacles({{2500, 2500}});  // the site moved to village C
    ASSERT_TRUE(test::renderer()->render(scene.root().get(), nullptr, plan_view(scene)).ok());
    town = placed_rect(*labels, 0);
    ASSERT_NE(town, nullptr);
    EXPECT_NEAR(0.5f * (town->y0 + town->y1), 150.f, 0.5f);
    const ScreenRect* c = placed_rect(*labels, 1 + 2);
    ASSERT_NE(c, nullptr);
    EXPECT_FALSE(c->overlaps(marker_box({2500, 2500}, MapScene::site_marker_radius_px())));
}

TEST(Labels, a_name_with_no_free_side_within_its_room_is_left_out) {
    const osg::ref_ptr<osgText::Font> font = font_with_gl();
    if (!font) {
        GTEST_SKIP() << "no GL context or no CJK font";
    }
    // 10 m a pixel; a 14 px name of two CJK glyphs is a box of 32 x 18 px.
    std::vector<LabelSpec> specs;
    specs.push_back({"窄小", {0.0, 0.0}, 14.f, 0, 0.0});
    specs.back().room = LabelRoom::all(100.0);  // stepping off a 10 px marker takes about 195 m
    specs.push_back({"围住", {2000.0, 0.0}, 14.f, 0, 0.0});
    specs.back().room =
        LabelRoom::all(400.0);  // one marker is 200 to 300 m, but a second on every side
    specs.push_back({"空地", {-2000.0, 0.0}, 14.f, 0, 0.0});
    osg::ref_ptr<LabelLayer> labels = new LabelLayer(specs, font, core::PointM{0, 0});
    labels->set_obstacles(
        {{0, 0}, {2000, 0}, {2000, 250}, {2000, -250}, {2350, 0}, {1650, 0}, {-2000, 500}}, 10.f);
    ViewSetup view;
    view.width = 600;
    view.height = 200;
    view.projection = osg::Matrixd::ortho(-3000, 3000, -1000, 1000, -1, 1);
    ASSERT_TRUE(test::renderer()->render(labels.get(), nullptr, view).ok());
    EXPECT_EQ(labels->shown(), (std::vector<int>{2}));
    ASSERT_EQ(labels->placed().size(), 1u);
    EXPECT_NEAR(labels->placed()[0].x0, 100.f - 16.f, 0.5f);  // unmoved

    // The same name with room to step below its marker is kept, just clear of it.
    specs[0].room = LabelRoom::all(300.0);
    labels = new LabelLayer(specs, font, core::PointM{0, 0});
    labels->set_obstacles({{0, 0}}, 10.f);
    ASSERT_TRUE(test::renderer()->render(labels.get(), nullptr, view).ok());
    const ScreenRect* moved = placed_rect(*labels, 0);
    ASSERT_NE(moved, nullptr);
    EXPECT_NEAR(moved->y1, 100.f - 10.f, 1.f);
}

TEST(Labels, room_reaches_the_boundary_straight_each_way) {
    const core::Plan plan = test::grid_plan({"A..", "A..", "AAA"});
    const core::MultiPolygon& shape = plan.villages[0].shape;
    const LabelRoom room = label_room(shape, {500, 1500});
    EXPECT_DOUBLE_EQ(room.west_m, 500);
    EXPECT_DOUBLE_EQ(room.east_m, 500);  // the notch, not the far edge
    EXPECT_DOUBLE_EQ(room.south_m, 1500);
    EXPECT_DOUBLE_EQ(room.north_m, 1500);
    EXPECT_TRUE(room.allows(0, -1500));
    EXPECT_FALSE(room.allows(501, 0));
    EXPECT_FALSE(label_room(shape, {2500, 2500}).any());  // outside
}

TEST(Labels, obstacle_radius_follows_the_pixel_scale) {
    const osg::ref_ptr<osgText::Font> font = font_with_gl();
    if (!font) {
        GTEST_SKIP() << "no GL context or no CJK font";
    }
    std::vector<LabelSpec> specs{{"名字", {0.0, 0.0}, 14.f, 0, 0.0}};
    specs.back().room = LabelRoom::all(1e6);
    osg::ref_ptr<LabelLayer> labels = new LabelLayer(specs, font, core::PointM{0, 0});
    labels->set_obstacles({{0, 0}}, 10.f);
    labels->set_pixel_scale(2.f);
    ViewSetup view;
    view.width = 400;
    view.height = 400;
    view.projection = osg::Matrixd::ortho(-2000, 2000, -2000, 2000, -1, 1);
    ASSERT_TRUE(test::renderer()->render(labels.get(), nullptr, view).ok());
    ASSERT_EQ(labels->placed().size(), 1u);
    EXPECT_NEAR(labels->placed()[0].y1, 200.f - 20.f, 1.f);  // below a 20 px radius
}

}  // namespace
}  // namespace beltplan::render
