// Rendered maps probed pixel by pixel: village fills at their centroids, a site marker at its
// site, the legend, tiles stitched like a single image, recolouring, and the sample plan.
#include "render/map_render.h"

#include "analysis/plan_analysis.h"
#include "io/plan_file.h"
#include "render/label_layer.h"
#include "render/render_fixture.h"
#include "support/grid_plan.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

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
    analysis::AnalysisOptions settings;
    settings.radius_m = radius_m;
    const analysis::PlanAnalysis results(plan, settings);
    MapInputs in;
    in.plan = &plan;
    in.analysis = &results;
    return render_map(*test::renderer(), in, req);
}

#define REQUIRE_GL()                                   \
    if (test::renderer() == nullptr) {                 \
        GTEST_SKIP() << "no GL context could be made"; \
    }

TEST(MapRender, covered_and_uncovered_fills_at_centroids) {
    REQUIRE_GL();
    const core::Plan plan = four_villages();
    auto map = render_plan(plan, 1500, plain_request(600, 500));
    ASSERT_TRUE(map.ok()) << map.error().message;
    test::dump_png(*map->image, "grid_coverage");
    const osg::Vec2d a = map->pixel(core::centroid(plan.villages[0].shape));
    const osg::Vec2d b = map->pixel(core::centroid(plan.villages[1].shape));
    const Rgba at_a = test::pixel_at(*map->image, static_cast<int>(a.x()), static_cast<int>(a.y()));
    const Rgba at_b = test::pixel_at(*map->image, static_cast<int>(b.x()), static_cast<int>(b.y()));
    EXPECT_TRUE(test::near_color(at_a, hex(colors::kCovered))) << test::describe(at_a);
    EXPECT_TRUE(test::near_color(at_b, hex(colors::kUncovered))) << test::describe(at_b);
}

TEST(MapRender, site_marker_has_its_level_colour) {
    REQUIRE_GL();
    core::Plan plan = four_villages();
    test::add_site(plan, 3500, 500, "town");
    plan.sites.back().level = core::SiteLevel::kTown;
    auto map = render_plan(plan, 1500, plain_request(600, 500));
    ASSERT_TRUE(map.ok()) << map.error().message;
    const osg::Vec2d s = map->pixel(plan.sites[0].position);
    const osg::Vec2d t = map->pixel(plan.sites[1].position);
    const Rgba at_s = test::pixel_at(*map->image, static_cast<int>(s.x()), static_cast<int>(s.y()));
    const Rgba at_t = test::pixel_at(*map->image, static_cast<int>(t.x()), static_cast<int>(t.y()));
    EXPECT_TRUE(test::near_color(at_s, hex(colors::kSiteDistrict))) << test::describe(at_s);
    EXPECT_TRUE(test::near_color(at_t, hex(colors::kSiteTown))) << test::describe(at_t);
}

TEST(MapRender, legend_shows_both_coverage_swatches_beside_the_map) {
    REQUIRE_GL();
    const core::Plan plan = four_villages();
    auto map = render_plan(plan, 1500, plain_request(600, 500));
    ASSERT_TRUE(map.ok()) << map.error().message;
    // The map is a square in the middle; the legend's swatch column is left of it.
    const int map_left = static_cast<int>(map->pixel(core::PointM{0, 0}).x());
    bool covered = false;
    bool uncovered = false;
    for (int x = 2; x < std::min(60, map_left - 2); ++x) {
        for (int y = 0; y < 500; ++y) {
            const Rgba c = test::pixel_at(*map->image, x, y);
            covered = covered || test::near_color(c, hex(colors::kCovered), 0.02f);
            uncovered = uncovered || test::near_color(c, hex(colors::kUncovered), 0.02f);
        }
    }
    EXPECT_TRUE(covered);
    EXPECT_TRUE(uncovered);
}

TEST(MapRender, tiles_stitch_into_the_same_image) {
    REQUIRE_GL();
    core::Plan plan = four_villages();
    MapRequest req = plain_request(600, 500);
    req.layers.clear();  // labels and reach too: they must line up across tiles
    auto whole = render_plan(plan, 1500, req);
    req.tile_px = 160;
    auto tiled = render_plan(plan, 1500, req);
    ASSERT_TRUE(whole.ok() && tiled.ok());
    test::dump_png(*tiled->image, "grid_tiled");
    int differ = 0;
    for (int y = 0; y < 500; ++y) {
        for (int x = 0; x < 600; ++x) {
            if (!test::near_color(test::pixel_at(*whole->image, x, y),
                                  test::pixel_at(*tiled->image, x, y), 0.1f)) {
                ++differ;
            }
        }
    }
    EXPECT_LT(differ, 600 * 500 / 200);  // under 0.5% (glyph rasterisation at tile seams)
}

TEST(MapRender, recolouring_changes_the_drawn_fill) {
    REQUIRE_GL();
    const core::Plan plan = four_villages();
    auto map = render_plan(plan, 1500, plain_request(600, 500));
    ASSERT_TRUE(map.ok());
    auto wider = render_plan(plan, 5000, plain_request(600, 500));  // now B is covered too
    ASSERT_TRUE(wider.ok());
    const osg::Vec2d b = wider->pixel(core::centroid(plan.villages[1].shape));
    const Rgba at_b =
        test::pixel_at(*wider->image, static_cast<int>(b.x()), static_cast<int>(b.y()));
    EXPECT_TRUE(test::near_color(at_b, hex(colors::kCovered))) << test::describe(at_b);
}

TEST(MapRender, sample_plan_fills_sites_and_frame) {
    REQUIRE_GL();
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
    test::dump_png(*map->image, "sample_fills");
    EXPECT_GT(test::distinct_colors(*map->image), 20);
    int checked_covered = 0;
    int checked_uncovered = 0;
    for (std::size_t i = 0; i < plan->villages.size(); ++i) {
        const core::Village& v = plan->villages[i];
        const bool covered = reach[i].distance_m <= radius;
        if ((covered ? checked_covered : checked_uncovered) >= 5 || core::area_m2(v.shape) < 5e6) {
            continue;
        }
        const osg::Vec2d p = map->pixel(label_point(v.shape));
        const Rgba c =
            test::pixel_at(*map->image, static_cast<int>(p.x()), static_cast<int>(p.y()));
        EXPECT_TRUE(test::near_color(c, hex(covered ? colors::kCovered : colors::kUncovered)))
            << v.name << " " << test::describe(c);
        ++(covered ? checked_covered : checked_uncovered);
    }
    EXPECT_EQ(checked_covered, 5);
    EXPECT_EQ(checked_uncovered, 5);
}

TEST(MapRender, sample_plan_with_every_layer_is_not_blank) {
    REQUIRE_GL();
    auto plan = io::read_plan(test::source_path("maps/xuanhua.gpkg"));
    ASSERT_TRUE(plan.ok());
    const analysis::PlanAnalysis results(*plan);
    MapInputs in;
    in.plan = &*plan;
    in.analysis = &results;
    MapRequest req;
    req.width = 1600;
    req.height = 1100;
    req.layers = {{Layer::kLabels, false}};  // a name may sit over the star
    auto map = render_map(*test::renderer(), in, req);
    ASSERT_TRUE(map.ok()) << map.error().message;
    test::dump_png(*map->image, "sample_all_layers");
    EXPECT_GT(test::distinct_colors(*map->image), 50);
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
    const osg::Vec2d s = map->pixel(plan->sites[best].position);
    const Rgba at = test::pixel_at(*map->image, static_cast<int>(s.x()), static_cast<int>(s.y()));
    EXPECT_TRUE(test::near_color(at, hex(colors::kSiteDistrict), 0.1f)) << test::describe(at);
}

// 大仓盖镇, 东望山乡 and 大北街 have a district site on their label point: the names step
// aside (or, with no room, are left out).
TEST(MapRender, sample_plan_names_leave_the_stars_on_their_label_points_visible) {
    REQUIRE_GL();
    auto plan = io::read_plan(test::source_path("maps/xuanhua.gpkg"));
    ASSERT_TRUE(plan.ok());
    MapRequest req = plain_request(1600, 1100);
    req.layers = {{Layer::kReach, false}, {Layer::kBelts, false}, {Layer::kRoads, false}};
    auto map = render_plan(*plan, plan->settings.reach_m, req);
    ASSERT_TRUE(map.ok()) << map.error().message;
    test::dump_png(*map->image, "sample_labels");
    std::vector<std::string> checked;
    for (const core::Township& t : plan->townships) {
        const osg::Vec2d at = map->pixel(label_point(t.shape));
        for (const core::Site& s : plan->sites) {
            const osg::Vec2d p = map->pixel(s.position);
            if (s.level != core::SiteLevel::kDistrict || (p - at).length() > 5.0) {
                continue;
            }
            const Rgba c =
                test::pixel_at(*map->image, static_cast<int>(p.x()), static_cast<int>(p.y()));
            EXPECT_TRUE(test::near_color(c, hex(colors::kSiteDistrict), 0.1f))
                << t.name << " covers its star: " << test::describe(c);
            checked.push_back(t.name);
        }
    }
    std::sort(checked.begin(), checked.end());
    EXPECT_EQ(checked, (std::vector<std::string>{"东望山乡", "大仓盖镇", "大北街街道办事处"}));
}

TEST(MapRender, joint_organizations_in_their_group_colours) {
    REQUIRE_GL();
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
    core::WorkStation ws;
    ws.id = "ws1";
    for (int m : {16, 17, 22, 23}) {
        ws.members.push_back(plan.villages[static_cast<std::size_t>(m)].code);
    }
    ws.seat_village = ws.members.front();
    plan.work_stations.push_back(ws);
    test::add_site(plan, 500, 3500);
    MapRequest req = plain_request(800, 600);
    req.coloring.mode = ColorMode::kJointOrg;
    req.layers.clear();
    auto map = render_plan(plan, 1500, req);
    ASSERT_TRUE(map.ok()) << map.error().message;
    test::dump_png(*map->image, "grid_orgs");
    const std::vector<int> idx = joint_org_color_indices(plan, analysis::contiguity(plan, {}));
    EXPECT_NE(idx[0], idx[1]);  // groups 1 and 2 touch
    // Village I (index 8) belongs to group 2; probe off its centre, away from its name.
    const core::PointM c = core::centroid(plan.villages[8].shape);
    const osg::Vec2d p = map->pixel({c.x + 300, c.y - 300});
    const Rgba at = test::pixel_at(*map->image, static_cast<int>(p.x()), static_cast<int>(p.y()));
    EXPECT_TRUE(test::near_color(at, categorical(static_cast<std::size_t>(idx[1])), 0.08f))
        << test::describe(at);
}

}  // namespace
}  // namespace beltplan::render
