// The generalisation cascade: full markers while they stand apart, smaller, then dots, then the
// township summary; a 50,000-village map shows both coverage colours and says it draws dots.
#include "render/generalize.h"

#include "analysis/coverage.h"
#include "core/messages.h"
#include "render/fonts.h"
#include "render/map_render.h"
#include "render/render_fixture.h"

#include <gtest/gtest.h>

#include <random>

namespace beltplan::render {
namespace {

std::vector<PagePoint> random_points(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> at(0.0, 1000.0);
    std::vector<PagePoint> out;
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back({at(rng), at(rng)});
    }
    return out;
}

MapView square_view() {
    MapView v;
    v.area = {0, 0, 1000, 1000};
    return v;
}

TEST(Generalize, overlap_share_counts_markers_covered_by_a_quarter) {
    std::vector<PagePoint> row;
    for (int i = 0; i < 10; ++i) {
        row.push_back({i * 10.0, 0.0});
    }
    EXPECT_DOUBLE_EQ(marker_overlap_share(row, 20.0), 1.0);  // 10 apart, 15 needed
    EXPECT_DOUBLE_EQ(marker_overlap_share(row, 13.0), 0.0);  // 10 apart, 9.75 needed
    row.push_back({200.0, 200.0});
    EXPECT_NEAR(marker_overlap_share(row, 20.0), 10.0 / 11.0, 1e-12);
    EXPECT_DOUBLE_EQ(marker_overlap_share({}, 20.0), 0.0);
}

TEST(Generalize, cascade_from_markers_to_dots_to_township_summary) {
    const MapView v = square_view();
    EXPECT_EQ(choose_detail(random_points(50, 1), 400, v, 1.0, 20.0, true).sites,
              SiteStyle::kMarkers);
    EXPECT_EQ(choose_detail(random_points(600, 2), 4000, v, 1.0, 20.0, true).sites,
              SiteStyle::kSmallMarkers);
    EXPECT_EQ(choose_detail(random_points(5000, 3), 50000, v, 1.0, 20.0, true).sites,
              SiteStyle::kDots);
    // Dots covering more than a tenth of the map, or villages under 1.6 units wide.
    EXPECT_EQ(choose_detail(random_points(40000, 4), 50000, v, 1.0, 20.0, true).sites,
              SiteStyle::kTownshipSummary);
    EXPECT_EQ(choose_detail(random_points(5000, 3), 1000000, v, 1.0, 20.0, true).sites,
              SiteStyle::kTownshipSummary);
    // Without townships there is nothing to summarise by: dots.
    EXPECT_EQ(choose_detail(random_points(40000, 4), 50000, v, 1.0, 20.0, false).sites,
              SiteStyle::kDots);
}

TEST(Generalize, village_outlines_only_where_villages_are_wide_enough) {
    const MapView v = square_view();
    EXPECT_TRUE(choose_detail({}, 1000, v, 1.0, 20.0, true).village_outlines);    // 31.6 wide
    EXPECT_FALSE(choose_detail({}, 50000, v, 1.0, 20.0, true).village_outlines);  // 4.5 wide
    EXPECT_NEAR(choose_detail({}, 10000, v, 1.0, 20.0, true).village_size, 10.0, 1e-9);
}

// A province-sized plan: cols x rows villages of 1.5 km, townships of 10 x 10, a site in
// about every tenth village (fixed seed).
core::Plan big_grid(int cols, int rows) {
    core::Plan plan;
    plan.name = "grid";
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> pick(0, 9);
    constexpr double kCell = 1500.0;
    for (int j = 0; j < rows; ++j) {
        for (int i = 0; i < cols; ++i) {
            core::Village v;
            char town[16];
            std::snprintf(town, sizeof town, "13%07d", (j / 10) * 1000 + i / 10);
            v.town_code = town;
            v.code = v.town_code + std::to_string(100 + (j % 10) * 10 + i % 10);
            v.name = "村" + std::to_string(j * cols + i);
            const double x = i * kCell;
            const double y = j * kCell;
            v.shape.parts.push_back(
                {{{x, y}, {x + kCell, y}, {x + kCell, y + kCell}, {x, y + kCell}, {x, y}}, {}});
            if (pick(rng) == 0) {
                core::Site s;
                s.id = "s" + std::to_string(plan.sites.size());
                s.position = {x + kCell / 2, y + kCell / 2};
                s.level = pick(rng) < 2 ? core::SiteLevel::kDistrict : core::SiteLevel::kTown;
                plan.sites.push_back(s);
            }
            plan.villages.push_back(std::move(v));
        }
    }
    for (int tj = 0; tj < rows / 10; ++tj) {
        for (int ti = 0; ti < cols / 10; ++ti) {
            core::Township t;
            char code[16];
            std::snprintf(code, sizeof code, "13%07d", tj * 1000 + ti);
            t.code = code;
            t.name = "乡" + std::to_string(tj * 100 + ti);
            const double x = ti * 10 * kCell;
            const double y = tj * 10 * kCell;
            const double w = 10 * kCell;
            t.shape.parts.push_back({{{x, y}, {x + w, y}, {x + w, y + w}, {x, y + w}, {x, y}}, {}});
            plan.townships.push_back(std::move(t));
        }
    }
    return plan;
}

// The province map: 50,000 villages at 1600x1100 show their coverage pattern (both
// colours over much of the map, not a carpet of markers) and the legend says sites are dots.
TEST(Generalize, fifty_thousand_villages_show_both_coverage_colours) {
    if (!find_cjk_font().ok()) {
        GTEST_SKIP() << "no CJK font";
    }
    const core::Plan plan = big_grid(250, 200);
    ASSERT_EQ(plan.villages.size(), 50000u);
    const test::TestMapInputs in = test::map_inputs(plan, 2000);
    MapRequest req;
    auto doc = compose_map(in, req);
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    test::dump_map(*doc, "province_50k");
    auto image = rasterize(*doc);
    ASSERT_TRUE(image.ok());
    const PageRect& a = doc->view.area;
    long covered = 0;
    long uncovered = 0;
    long total = 0;
    for (int y = static_cast<int>(a.y0); y < static_cast<int>(a.y1); y += 3) {
        for (int x = static_cast<int>(a.x0); x < static_cast<int>(a.x1); x += 3) {
            const Rgba c = test::pixel_at(*image, x, y);
            covered += test::near_color(c, hex(colors::kCovered), 0.08f) ? 1 : 0;
            uncovered += test::near_color(c, hex(colors::kUncovered), 0.08f) ? 1 : 0;
            ++total;
        }
    }
    // Both colours each cover a tenth of the map area at least (the grid fills about 70%).
    EXPECT_GT(covered, total / 10) << covered << " of " << total;
    EXPECT_GT(uncovered, total / 10) << uncovered << " of " << total;
    const DocLayer* legend = doc->find("legend");
    ASSERT_NE(legend, nullptr);
    bool dots = false;
    for (const DocItem& item : legend->items) {
        const auto* t = std::get_if<TextItem>(&item);
        dots = dots || (t != nullptr && t->text == core::tr("outputs.legend.dots_town"));
    }
    EXPECT_TRUE(dots);
    EXPECT_EQ(doc->find("village_lines"), nullptr);  // 5 px villages: no outline carpet
}

}  // namespace
}  // namespace beltplan::render
