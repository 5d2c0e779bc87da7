// Scene structure: batched villages (draw calls independent of the village count), recolouring
// and a new radius by uniforms, a moved site by the changed villages' values only (probed in
// drawn pixels), layer toggles, decluttered labels, linked shaders.
#include "render/map_scene.h"

#include "core/geos_ops.h"
#include "core/settings_commands.h"
#include "core/site_commands.h"
#include "render/fonts.h"
#include "render/label_layer.h"
#include "render/render_fixture.h"
#include "render/shader_library.h"
#include "render/village_values.h"
#include "support/grid_plan.h"

#include <gtest/gtest.h>
#include <osg/Geometry>
#include <osg/NodeVisitor>

#include <algorithm>
#include <cmath>

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

// Three 1 km villages in a row seen 300 x 100 px (10 m a pixel); a site at A's centre.
struct RowOfThree {
    core::Plan plan = test::grid_plan({"ABC"});
    RowOfThree() {
        test::add_site(plan, 500, 500, "s1");
        plan.settings.reach_m = 800;
    }
};

ViewSetup whole_plan(const MapScene& scene, int w, int h) {
    const core::Box& b = scene.bounds();
    const core::PointM& o = scene.origin();
    ViewSetup view;
    view.width = w;
    view.height = h;
    view.projection =
        osg::Matrixd::ortho(b.min_x - o.x, b.max_x - o.x, b.min_y - o.y, b.max_y - o.y, -1e4, 1e4);
    view.view = osg::Matrixd::translate(-o.x, -o.y, 0.0);
    return view;
}

// The colour drawn a little below the centre of village i (off the reach rim and labels).
Rgba village_pixel(const osg::Image& image, int i) {
    return test::pixel_at(image, 50 + 100 * i, 30);
}

TEST(MapScene, recolouring_and_a_new_radius_send_no_village_values) {
    RowOfThree row;
    const analysis::PlanAnalysis analysis(row.plan);
    SceneInputs in;
    in.plan = &row.plan;
    in.analysis = &analysis;
    MapScene scene(in);
    CountGeometries before;
    scene.layer(Layer::kVillages)->accept(before);
    const std::uint64_t uploaded = scene.values().uploaded_texels();
    auto coloring = color_villages(row.plan, analysis.reach(), 800, {ColorMode::kDistance, "", 5});
    ASSERT_TRUE(coloring);
    scene.set_coloring(*coloring);
    scene.set_reach_radius(1500);
    CountGeometries after;
    scene.layer(Layer::kVillages)->accept(after);
    EXPECT_EQ(before.count, after.count);
    EXPECT_EQ(before.vertices, after.vertices);
    EXPECT_EQ(scene.values().uploaded_texels(), uploaded);
    EXPECT_EQ(scene.reach_radius_uniform(), 1500.f);
    EXPECT_EQ(scene.values().get(ValueChannel::kReach, 1), 1000.f);  // B's centre to the site
    EXPECT_EQ(scene.values().get(ValueChannel::kKind, 1), -1.f);     // no kind
}

// The GL probe of the whole path: a radius tick turns village B from uncovered to covered with
// no texel sent; a moved site sends exactly the villages whose reach changed.
TEST(MapScene, a_radius_tick_and_a_site_move_recolour_the_drawn_villages) {
    auto* r = test::renderer();
    if (r == nullptr) {
        GTEST_SKIP() << "no GL context";
    }
    RowOfThree row;
    analysis::PlanAnalysis analysis(row.plan);
    SceneInputs in;
    in.plan = &row.plan;
    in.analysis = &analysis;
    MapScene scene(in);
    scene.set_visible(Layer::kReach, false);
    scene.set_visible(Layer::kSites, false);
    auto coverage = color_villages(row.plan, analysis.reach(), 800, {});
    ASSERT_TRUE(coverage);
    scene.set_coloring(*coverage);
    auto draw = [&] {
        auto image = r->render(scene.root().get(), nullptr, whole_plan(scene, 300, 100));
        EXPECT_TRUE(image.ok());
        return image.ok() ? *image : osg::ref_ptr<osg::Image>();
    };
    const Rgba covered = hex(colors::kCovered);
    const Rgba uncovered = hex(colors::kUncovered);
    osg::ref_ptr<osg::Image> image = draw();
    ASSERT_TRUE(image);
    test::dump_png(*image, "row_radius_800");
    EXPECT_TRUE(test::near_color(village_pixel(*image, 0), covered));
    EXPECT_TRUE(test::near_color(village_pixel(*image, 1), uncovered));
    const std::uint64_t after_first = scene.values().uploaded_texels();
    EXPECT_GE(after_first, 3u);

    core::SetReachRadius tick(1000);  // B's centre is exactly 1000 m away: covered
    auto changes = tick.apply(row.plan);
    ASSERT_TRUE(changes);
    scene.update(analysis, analysis.update(changes.value()));
    image = draw();
    test::dump_png(*image, "row_radius_1000");
    EXPECT_TRUE(test::near_color(village_pixel(*image, 1), covered));
    EXPECT_TRUE(test::near_color(village_pixel(*image, 2), uncovered));
    EXPECT_EQ(scene.values().uploaded_texels(), after_first);

    core::MoveSite move("s1", {2500, 500});  // to C's centre: A and C change, B stays 1000 m
    changes = move.apply(row.plan);
    ASSERT_TRUE(changes);
    const analysis::AnalysisDelta delta = analysis.update(changes.value());
    EXPECT_EQ(delta.villages, (std::vector<int>{0, 2}));
    scene.update(analysis, delta);
    image = draw();
    test::dump_png(*image, "row_site_moved");
    EXPECT_TRUE(test::near_color(village_pixel(*image, 0), uncovered));
    EXPECT_TRUE(test::near_color(village_pixel(*image, 1), covered));
    EXPECT_TRUE(test::near_color(village_pixel(*image, 2), covered));
    EXPECT_EQ(scene.values().uploaded_texels(), after_first + 2);
}

// A side x side grid of 1 km villages whose shared sides bend (20 vertices a side, up to
// 60 m across, tapered at the corners): the same line for both neighbours.
core::Plan bent_grid(int side) {
    core::Plan plan = test::grid_plan({"A"});
    plan.villages.clear();
    auto edge = [](double x0, double y0, double x1, double y1, int salt) {
        std::vector<core::PointM> pts;
        for (int k = 0; k <= 20; ++k) {
            const double t = k / 20.0;
            const double off = 60.0 * std::sin(t * M_PI) * std::sin(7.0 * t + salt);
            const bool horizontal = y0 == y1;
            pts.push_back({x0 + (x1 - x0) * t + (horizontal ? 0 : off),
                           y0 + (y1 - y0) * t + (horizontal ? off : 0)});
        }
        return pts;
    };
    auto side_of = [&](int c0, int r0, int c1, int r1) {
        const bool reversed = c1 < c0 || r1 < r0;
        const int c = std::min(c0, c1);
        const int r = std::min(r0, r1);
        auto pts = edge(c * 1000.0, r * 1000.0, (c + (c0 != c1)) * 1000.0,
                        (r + (r0 != r1)) * 1000.0, c * 31 + r * 17 + (r0 == r1 ? 5 : 0));
        if (reversed) {
            std::reverse(pts.begin(), pts.end());
        }
        return pts;
    };
    for (int r = 0; r < side; ++r) {
        for (int c = 0; c < side; ++c) {
            core::Ring ring;
            const std::pair<int, int> nodes[] = {
                {c, r}, {c + 1, r}, {c + 1, r + 1}, {c, r + 1}, {c, r}};
            for (int i = 0; i < 4; ++i) {
                auto pts = side_of(nodes[i].first, nodes[i].second, nodes[i + 1].first,
                                   nodes[i + 1].second);
                ring.insert(ring.end(), ring.empty() ? pts.begin() : pts.begin() + 1, pts.end());
            }
            core::Village v;
            v.code = std::to_string(130705100200LL + r * side + c);
            v.name = "v";
            v.town_code = "130705100";
            v.shape.parts.push_back({ring, {}});
            plan.villages.push_back(v);
        }
    }
    return plan;
}

// Vertices of the fills and outlines drawn now (active switch children only).
unsigned drawn_vertices(const MapScene& scene) {
    CountGeometries count;
    count.setTraversalMode(osg::NodeVisitor::TRAVERSE_ACTIVE_CHILDREN);
    scene.layer(Layer::kVillages)->accept(count);
    return count.vertices;
}

// At an overview scale the villages are drawn from their boundaries simplified once per shared
// side: far fewer vertices, and still no gap between neighbours (no background pixel inside
// the plan); zoomed in, the full geometry.
TEST(MapScene, overview_outlines_are_simplified_with_shared_sides_kept_shared) {
    const core::Plan plan = bent_grid(6);
    SceneInputs in;
    in.plan = &plan;
    in.m_per_px = 6000.0 / 120;  // the plan 120 px wide
    MapScene scene(in);
    EXPECT_GT(scene.village_detail_m(), 0.0);
    EXPECT_LE(scene.village_detail_m(), in.m_per_px);
    const unsigned overview = drawn_vertices(scene);
    scene.set_view_scale(0.0);
    EXPECT_EQ(scene.village_detail_m(), 0.0);
    const unsigned full = drawn_vertices(scene);
    EXPECT_LT(overview * 2, full) << overview << " vs " << full;
    scene.set_view_scale(in.m_per_px);
    EXPECT_EQ(drawn_vertices(scene), overview);
    auto* r = test::renderer();
    if (r == nullptr) {
        GTEST_SKIP() << "no GL context";
    }
    scene.set_visible(Layer::kLabels, false);
    ViewSetup view = whole_plan(scene, 120, 120);
    view.clear_color = osg::Vec4(1, 0, 1, 1);
    auto image = r->render(scene.root().get(), nullptr, view);
    ASSERT_TRUE(image.ok());
    test::dump_png(**image, "bent_grid_overview");
    int background = 0;
    for (int y = 2; y < 118; ++y) {
        for (int x = 2; x < 118; ++x) {
            const Rgba c = test::pixel_at(**image, x, y);
            background += c.r > 0.9f && c.g < 0.1f && c.b > 0.9f ? 1 : 0;
        }
    }
    EXPECT_EQ(background, 0) << "gaps between simplified neighbours";
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
    core::Road road;
    road.name = "r";
    road.parts.push_back(core::LineString{{{0, 1500}, {3000, 1500}}});
    plan.roads.push_back(road);
    for (auto mode : {core::DistanceMode::kEuclidean, core::DistanceMode::kNetwork}) {
        plan.settings.distance = mode;
        const analysis::PlanAnalysis analysis(plan);
        for (bool extruded : {false, true}) {
            SceneInputs in;
            in.plan = &plan;
            in.analysis = &analysis;
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
    }
    EXPECT_EQ(program_names(),
              (std::vector<std::string>{"extrude", "marker", "reach", "reach_road", "village"}));
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
