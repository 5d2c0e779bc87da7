// Scene structure: batched villages (draw calls independent of the village count), recolouring
// through the lookup texture only, layer toggles, decluttered labels, linked shaders.
#include "render/map_scene.h"

#include "core/geos_ops.h"
#include "render/fonts.h"
#include "render/label_layer.h"
#include "render/render_fixture.h"
#include "render/shader_library.h"
#include "support/grid_plan.h"

#include <gtest/gtest.h>
#include <osg/Geometry>
#include <osg/NodeVisitor>

namespace beltplan::render {
namespace {

class CountGeometries : public osg::NodeVisitor {
public:
    CountGeometries() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
    void apply(osg::Drawable& d) override {
        if (auto* g = d.asGeometry(); g != nullptr) {
            ++count;
            vertices += g->getVertexArray() != nullptr ? g->getVertexArray()->getNumElements() : 0;
        }
    }
    int count = 0;
    unsigned vertices = 0;
};

core::Plan square_grid(int side) {
    std::vector<std::string> rows;
    for (int r = 0; r < side; ++r) {
        std::string row;
        for (int c = 0; c < side; ++c) {
            row += static_cast<char>('0' + r * side + c);  // distinct letters, side <= 8
        }
        rows.push_back(row);
    }
    return test::grid_plan(rows);
}

TEST(MapScene, village_draw_calls_do_not_grow_with_villages) {
    core::Plan small = square_grid(2);
    core::Plan large = square_grid(8);
    SceneInputs a;
    a.plan = &small;
    SceneInputs b;
    b.plan = &large;
    MapScene sa(a);
    MapScene sb(b);
    CountGeometries ca;
    CountGeometries cb;
    sa.layer(Layer::kVillages)->accept(ca);
    sb.layer(Layer::kVillages)->accept(cb);
    EXPECT_EQ(ca.count, cb.count);
    EXPECT_LE(cb.count, 2);  // fill + outline
    EXPECT_GT(cb.vertices, ca.vertices);
}

TEST(MapScene, recolour_rewrites_the_texture_not_the_geometry) {
    core::Plan plan = square_grid(3);
    SceneInputs in;
    in.plan = &plan;
    MapScene scene(in);
    CountGeometries before;
    scene.layer(Layer::kVillages)->accept(before);
    const unsigned modified = scene.color_image()->getModifiedCount();
    std::vector<Rgba> fill(plan.villages.size(), hex(0x112233));
    fill[4] = hex(0xff0000);
    scene.set_village_colors(fill);
    CountGeometries after;
    scene.layer(Layer::kVillages)->accept(after);
    EXPECT_EQ(before.count, after.count);
    EXPECT_EQ(before.vertices, after.vertices);
    EXPECT_GT(scene.color_image()->getModifiedCount(), modified);
    const unsigned char* texel = scene.color_image()->data() + 4 * 4;
    EXPECT_EQ(texel[0], 255);
    EXPECT_EQ(texel[1], 0);
}

TEST(MapScene, layers_can_be_hidden_and_shown) {
    core::Plan plan = square_grid(2);
    test::add_site(plan, 500, 500);
    SceneInputs in;
    in.plan = &plan;
    MapScene scene(in);
    EXPECT_TRUE(scene.visible(Layer::kSites));
    scene.set_visible(Layer::kSites, false);
    EXPECT_FALSE(scene.visible(Layer::kSites));
    scene.set_visible(Layer::kSites, true);
    EXPECT_TRUE(scene.visible(Layer::kSites));
    EXPECT_EQ(parse_layer("orgs"), Layer::kJointOrgs);
    EXPECT_STREQ(to_code(Layer::kWorkStations), "stations");
}

TEST(MapScene, triangulation_covers_a_concave_village_with_a_hole) {
    core::Plan plan = test::grid_plan({"AAA", "A.A", "AAA"});
    const auto tris = core::triangulate(plan.villages[0].shape);
    ASSERT_EQ(tris.size() % 3, 0u);
    double area = 0;
    for (std::size_t i = 0; i < tris.size(); i += 3) {
        area += std::fabs(core::signed_area_m2({tris[i], tris[i + 1], tris[i + 2], tris[i]}));
    }
    EXPECT_NEAR(area, 8e6, 1.0);
}

TEST(Shaders, every_program_compiles_and_links) {
    auto* r = test::renderer();
    if (r == nullptr) {
        GTEST_SKIP() << "no GL context";
    }
    core::Plan plan = square_grid(3);
    test::add_site(plan, 500, 500);
    for (bool extruded : {false, true}) {
        SceneInputs in;
        in.plan = &plan;
        in.extruded = extruded;
        MapScene scene(in);
        ViewSetup view;
        view.width = 64;
        view.height = 64;
        view.projection = osg::Matrixd::ortho(-2000, 2000, -2000, 2000, -1e4, 1e4);
        view.view = osg::Matrixd::translate(-scene.origin().x, -scene.origin().y, 0);
        ASSERT_TRUE(r->render(scene.root().get(), nullptr, view).ok());
        std::string log;
        EXPECT_TRUE(r->programs_linked(&log)) << log;
    }
    EXPECT_EQ(program_names(), (std::vector<std::string>{"extrude", "marker", "village"}));
}

TEST(Labels, overlapping_labels_keep_only_the_highest_priority) {
    auto* r = test::renderer();
    auto font = load_cjk_font();
    if (r == nullptr || !font) {
        GTEST_SKIP() << "no GL context or no CJK font";
    }
    std::vector<LabelSpec> specs;
    for (int i = 0; i < 5; ++i) {
        specs.push_back({"村名" + std::to_string(i), {100.0 + i, 0.0}, 14.f, i, 0.0});
    }
    specs.push_back({"远处", {3000.0, 0.0}, 14.f, 0, 0.0});
    osg::ref_ptr<LabelLayer> labels = new LabelLayer(specs, *font, core::PointM{0, 0});
    ViewSetup view;
    view.width = 400;
    view.height = 100;
    view.projection = osg::Matrixd::ortho(-500, 3500, -500, 500, -1, 1);
    ASSERT_TRUE(r->render(labels.get(), nullptr, view).ok());
    std::vector<int> shown = labels->shown();
    std::sort(shown.begin(), shown.end());
    EXPECT_EQ(shown, (std::vector<int>{4, 5}));
}

TEST(Labels, label_point_lies_inside_a_concave_shape) {
    core::Plan plan = test::grid_plan({"A..", "A..", "AAA"});
    const core::PointM p = label_point(plan.villages[0].shape);
    EXPECT_TRUE(core::contains(plan.villages[0].shape, p));
}

}  // namespace
}  // namespace beltplan::render
