// Rendered maps probed pixel by pixel: village fills at their centroids, a site marker at its
// site, the legend, recolouring, the sample plan, group colours and the tilted 2.5D view.
#include "render/map_render.h"

#include "analysis/coverage.h"
#include "analysis/plan_analysis.h"
#include "core/messages.h"
#include "io/plan_file.h"
#include "render/fonts.h"
#include "render/label_layer.h"
#include "render/render_fixture.h"
#include "support/grid_plan.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace beltplan::render {
namespace {

// Four 2 km villages; one district site in the north-west corner of A, reach radius 1.5 km:
// A (centroid 707 m away) is covered, B, C and D are not.
core::Plan four_villages() {
    core::Plan plan = test::grid_plan({"AABB", "AABB", "CCDD", "CCDD"});
    test::add_site(plan, 500, 3500);
    plan.provenance = "test grid";
    return plan;
}

MapRequest plain_request(int w, int h) {
    MapRequest req;
    req.width = w;
    req.height = h;
    req.layers = {{Layer::kLabels, false}, {Layer::kReach, false}};
    return req;
}

core::Result<MapImage> render_plan(const core::Plan& plan, double radius_m, const MapRequest& req) {
    return render_map(test::map_inputs(plan, radius_m), req);
}

#define REQUIRE_FONT()                                          \
    if (!find_cjk_font().ok()) {                                \
        GTEST_SKIP() << "no CJK font (install fonts-noto-cjk)"; \
    }

TEST(MapRender, covered_and_uncovered_fills_at_centroids) {
    REQUIRE_FONT();
    const core::Plan plan = four_villages();
    auto map = render_plan(plan, 1500, plain_request(600, 500));
    ASSERT_TRUE(map.ok()) << map.error().message;
    const Rgba at_a = test::pixel_at(*map, map->pixel(core::centroid(plan.villages[0].shape)));
    const Rgba at_b = test::pixel_at(*map, map->pixel(core::centroid(plan.villages[1].shape)));
    EXPECT_TRUE(test::near_color(at_a, hex(colors::kCovered))) << test::describe(at_a);
    EXPECT_TRUE(test::near_color(at_b, hex(colors::kUncovered))) << test::describe(at_b);
}

TEST(MapRender, site_marker_has_its_level_colour) {
    REQUIRE_FONT();
    core::Plan plan = four_villages();
    test::add_site(plan, 3500, 500, "town");
    plan.sites.back().level = core::SiteLevel::kTown;
    auto map = render_plan(plan, 1500, plain_request(900, 500));  // room beside the map
    ASSERT_TRUE(map.ok()) << map.error().message;
    const Rgba at_s = test::pixel_at(*map, map->pixel(plan.sites[0].position));
    const Rgba at_t = test::pixel_at(*map, map->pixel(plan.sites[1].position));
    EXPECT_TRUE(test::near_color(at_s, hex(colors::kSiteDistrict))) << test::describe(at_s);
    EXPECT_TRUE(test::near_color(at_t, hex(colors::kSiteTown))) << test::describe(at_t);
}

TEST(MapRender, pixel_size_follows_the_page_and_the_dpi) {
    REQUIRE_FONT();
    const core::Plan plan = four_villages();
    MapRequest req = plain_request(600, 500);
    req.dpi = 192;
    auto map = render_plan(plan, 1500, req);
    ASSERT_TRUE(map.ok()) << map.error().message;
    EXPECT_EQ(map->image.width, 1200);
    EXPECT_EQ(map->image.height, 1000);
    req.paper = "A4";
    req.landscape = true;
    req.dpi = 150;
    map = render_plan(plan, 1500, req);
    ASSERT_TRUE(map.ok()) << map.error().message;
    EXPECT_EQ(map->image.width, 1754);  // 297 mm at 150 dpi
    EXPECT_EQ(map->image.height, 1241);
    const Rgba at_a = test::pixel_at(*map, map->pixel(core::centroid(plan.villages[0].shape)));
    EXPECT_TRUE(test::near_color(at_a, hex(colors::kCovered))) << test::describe(at_a);
}

TEST(MapRender, legend_shows_both_coverage_swatches_beside_the_map) {
    REQUIRE_FONT();
    const core::Plan plan = four_villages();
    auto map = render_plan(plan, 1500, plain_request(600, 500));
    ASSERT_TRUE(map.ok()) << map.error().message;
    // The map is a square in the middle; the legend's swatch column is left of it.
    const int map_left = static_cast<int>(map->pixel(core::PointM{0, 0}).x);
    bool covered = false;
    bool uncovered = false;
    for (int x = 2; x < std::min(60, map_left - 2); ++x) {
        for (int y = 0; y < 500; ++y) {
            const Rgba c = test::pixel_at(map->image, x, y);
            covered = covered || test::near_color(c, hex(colors::kCovered), 0.02f);
            uncovered = uncovered || test::near_color(c, hex(colors::kUncovered), 0.02f);
        }
    }
    EXPECT_TRUE(covered);
    EXPECT_TRUE(uncovered);
}

TEST(MapRender, a_wider_radius_recolours_the_village) {
    REQUIRE_FONT();
    const core::Plan plan = four_villages();
    auto wider = render_plan(plan, 5000, plain_request(600, 500));  // now B is covered too
    ASSERT_TRUE(wider.ok());
    const Rgba at_b = test::pixel_at(*wider, wider->pixel(core::centroid(plan.villages[1].shape)));
    EXPECT_TRUE(test::near_color(at_b, hex(colors::kCovered))) << test::describe(at_b);
}

TEST(MapRender, sample_plan_fills_match_coverage) {
    REQUIRE_FONT();
    auto plan = io::read_plan(test::source_path("maps/xuanhua.gpkg"));
    ASSERT_TRUE(plan.ok()) << plan.error().message;
    const auto reach = analysis::euclidean_reach(*plan);
    const double radius = plan->settings.reach_m;
    MapRequest req = plain_request(1600, 1100);
    req.layers = {{Layer::kLabels, false},
                  {Layer::kReach, false},
                  {Layer::kBelts, false},
                  {Layer::kRoads, false},
                  {Layer::kSites, false}};
    auto map = render_plan(*plan, radius, req);
    ASSERT_TRUE(map.ok()) << map.error().message;
    EXPECT_GT(test::distinct_colors(map->image), 20);
    int checked_covered = 0;
    int checked_uncovered = 0;
    for (std::size_t i = 0; i < plan->villages.size(); ++i) {
        const core::Village& v = plan->villages[i];
        const bool covered = reach[i].distance_m <= radius;
        if ((covered ? checked_covered : checked_uncovered) >= 5 || core::area_m2(v.shape) < 5e6) {
            continue;
        }
        const Rgba c = test::pixel_at(*map, map->pixel(label_point(v.shape)));
        EXPECT_TRUE(test::near_color(c, hex(covered ? colors::kCovered : colors::kUncovered)))
            << v.name << " " << test::describe(c);
        ++(covered ? checked_covered : checked_uncovered);
    }
    EXPECT_EQ(checked_covered, 5);
    EXPECT_EQ(checked_uncovered, 5);
}

TEST(MapRender, sample_plan_with_every_layer_is_not_blank) {
    REQUIRE_FONT();
    auto plan = io::read_plan(test::source_path("maps/xuanhua.gpkg"));
    ASSERT_TRUE(plan.ok());
    MapRequest req;
    req.width = 1600;
    req.height = 1100;
    req.layers = {{Layer::kLabels, false}};  // a name may sit over the star
    auto map =
        render_map(test::map_inputs(*plan, plan->settings.reach_m, plan->settings.distance), req);
    ASSERT_TRUE(map.ok()) << map.error().message;
    EXPECT_GT(test::distinct_colors(map->image), 50);
    // The loneliest district site: its star is on top of everything else.
    std::size_t best = 0;
    double best_gap = -1;
    for (std::size_t i = 0; i < plan->sites.size(); ++i) {
        double gap = 1e18;
        for (std::size_t j = 0; j < plan->sites.size(); ++j) {
            if (i != j) {
                gap = std::min(gap,
                               core::distance_m(plan->sites[i].position, plan->sites[j].position));
            }
        }
        if (plan->sites[i].level == core::SiteLevel::kDistrict && gap > best_gap) {
            best_gap = gap;
            best = i;
        }
    }
    const Rgba at = test::pixel_at(*map, map->pixel(plan->sites[best].position));
    EXPECT_TRUE(test::near_color(at, hex(colors::kSiteDistrict), 0.1f)) << test::describe(at);
}

// Every district star whose site lies on a township's label point stays visible: the name
// steps aside or is left out (大仓盖镇, 东望山乡 and 大北街 in the sample).
TEST(MapRender, sample_plan_names_leave_the_stars_on_their_label_points_visible) {
    REQUIRE_FONT();
    auto plan = io::read_plan(test::source_path("maps/xuanhua.gpkg"));
    ASSERT_TRUE(plan.ok());
    MapRequest req = plain_request(1600, 1100);
    req.layers = {{Layer::kReach, false}, {Layer::kBelts, false}, {Layer::kRoads, false}};
    auto map = render_plan(*plan, plan->settings.reach_m, req);
    ASSERT_TRUE(map.ok()) << map.error().message;
    std::vector<std::string> checked;
    for (const core::Township& t : plan->townships) {
        const PagePoint at = map->pixel(label_point(t.shape));
        for (const core::Site& s : plan->sites) {
            const PagePoint p = map->pixel(s.position);
            if (s.level != core::SiteLevel::kDistrict || std::hypot(p.x - at.x, p.y - at.y) > 5.0) {
                continue;
            }
            const Rgba c = test::pixel_at(*map, p);
            EXPECT_TRUE(test::near_color(c, hex(colors::kSiteDistrict), 0.1f))
                << t.name << " covers its star: " << test::describe(c);
            checked.push_back(t.name);
        }
    }
    std::sort(checked.begin(), checked.end());
    EXPECT_EQ(checked, (std::vector<std::string>{"东望山乡", "大仓盖镇", "大北街街道办事处"}));
}

TEST(MapRender, joint_organizations_in_their_group_colours) {
    REQUIRE_FONT();
    core::Plan plan = test::grid_plan({"ABCDEF", "GHIJKL", "MNOPQR", "STUVWX"});
    auto group = [&](const char* id, std::vector<int> members) {
        core::JointOrg o;
        o.id = id;
        o.name = std::string("联建") + id;
        for (int m : members) {
            o.members.push_back(plan.villages[static_cast<std::size_t>(m)].code);
        }
        o.lead = o.members.front();
        plan.joint_orgs.push_back(o);
    };
    group("1", {0, 1, 6});
    group("2", {2, 3, 8, 9});
    group("3", {13, 14, 19, 20});
    test::add_site(plan, 500, 3500);
    MapRequest req = plain_request(800, 600);
    req.coloring.mode = ColorMode::kJointOrg;
    req.layers.clear();
    auto map = render_plan(plan, 1500, req);
    ASSERT_TRUE(map.ok()) << map.error().message;
    const std::vector<int> idx = joint_org_color_indices(plan, analysis::contiguity(plan, {}));
    EXPECT_NE(idx[0], idx[1]);  // groups 1 and 2 touch
    // Village I (index 8) belongs to group 2; probe off its centre, away from its name.
    const core::PointM c = core::centroid(plan.villages[8].shape);
    const Rgba at = test::pixel_at(*map, map->pixel({c.x + 300, c.y - 300}));
    EXPECT_TRUE(test::near_color(at, categorical(static_cast<std::size_t>(idx[1])), 0.08f))
        << test::describe(at);
}

std::vector<std::string> texts_of(const MapDocument& doc, const std::string& layer) {
    std::vector<std::string> out;
    if (const DocLayer* l = doc.find(layer)) {
        for (const DocItem& item : l->items) {
            if (const auto* t = std::get_if<TextItem>(&item)) {
                out.push_back(t->text);
            }
        }
    }
    return out;
}

bool has(const std::vector<std::string>& texts, const std::string& text) {
    return std::find(texts.begin(), texts.end(), text) != texts.end();
}

// The legend and subtitle follow what is drawn: along roads or straight, approximate areas.
TEST(MapRender, legend_and_subtitle_say_how_distance_is_measured) {
    const core::Plan plan = four_villages();
    auto straight = compose_map(test::map_inputs(plan, 1500), plain_request(600, 500));
    ASSERT_TRUE(straight.ok());
    EXPECT_TRUE(has(texts_of(*straight, "legend"),
                    core::tr("outputs.legend.covered_straight", {"1.5 km"})));
    EXPECT_TRUE(
        has(texts_of(*straight, "title"), core::tr("outputs.subtitle.straight", {"1.5 km"})));
    const test::TestMapInputs along_roads =
        test::map_inputs(plan, 1500, core::DistanceMode::kNetwork);
    MapInputs in = along_roads;
    in.approximate_areas = true;
    auto roads = compose_map(in, plain_request(600, 500));
    ASSERT_TRUE(roads.ok());
    const auto legend = texts_of(*roads, "legend");
    EXPECT_TRUE(has(legend, core::tr("outputs.legend.covered_road", {"1.5 km"})));
    EXPECT_FALSE(has(legend, core::tr("outputs.legend.covered_straight", {"1.5 km"})));
    EXPECT_TRUE(has(legend, core::tr("outputs.legend.approximate")));
    EXPECT_TRUE(has(texts_of(*roads, "title"), core::tr("outputs.subtitle.road", {"1.5 km"}) +
                                                   core::tr("outputs.subtitle.approximate")));
}

// A view box (the window's current view) is what the map frame shows, whole and at a larger
// scale than the whole plan; the village under it is drawn there.
TEST(MapRender, an_extent_shows_that_box_instead_of_the_whole_plan) {
    REQUIRE_FONT();
    const core::Plan plan = four_villages();
    MapRequest req = plain_request(600, 500);
    req.extent = core::Box{2200.0, 2200.0, 3800.0, 3800.0};  // inside village B (2..4 km)
    auto map = render_plan(plan, 1500, req);
    ASSERT_TRUE(map.ok()) << map.error().message;
    const core::Box shown = map->view.visible();
    EXPECT_LE(shown.min_x, 2200.0);
    EXPECT_GE(shown.max_x, 3800.0);
    EXPECT_LE(shown.min_y, 2200.0);
    EXPECT_GE(shown.max_y, 3800.0);
    const Rgba middle = test::pixel_at(*map, map->pixel({3000.0, 3000.0}));
    EXPECT_TRUE(test::near_color(middle, hex(colors::kUncovered))) << test::describe(middle);
    auto whole = render_plan(plan, 1500, plain_request(600, 500));
    ASSERT_TRUE(whole.ok());
    EXPECT_GE(std::min(whole->view.visible().width(), whole->view.visible().height()), 4000.0);
    EXPECT_LT(map->view.metres_per_unit, 0.6 * whole->view.metres_per_unit)
        << "the 1.6 km box is drawn larger than the whole 4 km plan";
}

TEST(MapRender, approximate_village_areas_are_read_from_the_plan) {
    core::Plan plan = four_villages();
    EXPECT_FALSE(plan_has_approximate_areas(plan));
    plan.provenance = "村界由村委会驻地泰森多边形推算（近似）";  // the words alone say nothing
    EXPECT_FALSE(plan_has_approximate_areas(plan));
    plan.approximate_village_areas = true;
    EXPECT_TRUE(plan_has_approximate_areas(plan));
}

// The 2.5D view is drawn by OpenGL into the map frame; tiles of any size give the same image.
TEST(MapRender, tilted_view_fills_the_map_frame_and_tiles_stitch) {
    REQUIRE_FONT();
    if (test::renderer() == nullptr) {
        GTEST_SKIP() << "no GL context could be made";
    }
    const core::Plan plan = four_villages();
    MapRequest req = plain_request(600, 500);
    req.tilted = true;
    auto whole = render_map(test::map_inputs(plan, 1500), req, test::renderer());
    req.tile_px = 160;
    auto tiled = render_map(test::map_inputs(plan, 1500), req, test::renderer());
    ASSERT_TRUE(whole.ok() && tiled.ok());
    int covered = 0;
    int differ = 0;
    for (int y = 0; y < 500; ++y) {
        for (int x = 0; x < 600; ++x) {
            const Rgba a = test::pixel_at(whole->image, x, y);
            covered += test::near_color(a, hex(colors::kCovered), 0.12f) ? 1 : 0;
            differ += test::near_color(a, test::pixel_at(tiled->image, x, y), 0.1f) ? 0 : 1;
        }
    }
    EXPECT_GT(covered, 500);  // village A's roof and walls, lit
    EXPECT_LT(differ, 600 * 500 / 200);
    EXPECT_FALSE(compose_map(test::map_inputs(plan, 1500), req, nullptr).ok());
}

}  // namespace
}  // namespace beltplan::render
