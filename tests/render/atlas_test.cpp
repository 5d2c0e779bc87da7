// The township atlas: figures per township equal the coverage report's, one PDF page per
// township in code order with its name as text, a folder of PNGs, refusal without townships.
#include "render/atlas.h"

#include "core/messages.h"
#include "io/plan_file.h"
#include "render/fonts.h"
#include "render/render_fixture.h"
#include "support/grid_plan.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>

namespace beltplan::render {
namespace {

std::string shell(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
    std::string out;
    std::array<char, 4096> buf{};
    while (pipe && std::fgets(buf.data(), static_cast<int>(buf.size()), pipe.get()) != nullptr) {
        out += buf.data();
    }
    return out;
}

const core::Plan& sample() {
    static const core::Plan plan = io::read_plan(test::source_path("maps/xuanhua.gpkg")).value();
    return plan;
}

TEST(Atlas, township_figures_add_up_to_the_report) {
    const test::TestMapInputs inputs = test::map_inputs(sample(), sample().settings.reach_m);
    const MapInputs& in = inputs;
    const std::vector<TownshipFigures> figures = township_figures(in);
    ASSERT_EQ(figures.size(), sample().townships.size());
    std::int64_t villages = 0;
    std::int64_t covered = 0;
    int sites = 0;
    std::size_t uncovered = 0;
    for (std::size_t t = 0; t < figures.size(); ++t) {
        const TownshipFigures& f = figures[t];
        EXPECT_EQ(f.code, sample().townships[t].code);
        EXPECT_EQ(static_cast<std::int64_t>(f.uncovered.size()), f.villages - f.covered) << f.name;
        villages += f.villages;
        covered += f.covered;
        sites += f.sites;
        uncovered += f.uncovered.size();
    }
    const analysis::CoverageReport& report = inputs.analysis->coverage();
    EXPECT_EQ(villages, report.total.villages);
    EXPECT_EQ(covered, report.total.covered);
    EXPECT_EQ(uncovered, report.uncovered.size());
    EXPECT_EQ(sites, static_cast<int>(sample().sites.size()));  // every site lies in a township
    // Each belt is counted in every township it reaches, so at least once.
    int belts = 0;
    for (const TownshipFigures& f : figures) {
        belts += f.belts;
    }
    EXPECT_GE(belts, static_cast<int>(sample().belts.size()));
}

TEST(Atlas, pdf_has_one_page_per_township_in_code_order_with_its_name) {
    if (!find_cjk_font().ok() || shell("command -v pdftotext").empty()) {
        GTEST_SKIP() << "needs fonts-noto-cjk and poppler-utils";
    }
    test::TempDir dir;
    const std::string path = dir.file("atlas.pdf");
    MapRequest req;
    req.paper = "A4";
    req.landscape = true;
    int progress = 0;
    auto written = write_atlas(test::map_inputs(sample(), sample().settings.reach_m), req, path,
                               [&](int done, int) { progress = done; });
    ASSERT_TRUE(written.ok()) << written.error().message;
    const int n = static_cast<int>(sample().townships.size());
    EXPECT_EQ(written->pages, n);
    EXPECT_EQ(progress, n);
    EXPECT_NE(shell("pdfinfo '" + path + "'").find("Pages:           " + std::to_string(n)),
              std::string::npos);
    std::vector<const core::Township*> order;
    for (const core::Township& t : sample().townships) {
        order.push_back(&t);
    }
    std::sort(order.begin(), order.end(),
              [](const auto* a, const auto* b) { return a->code < b->code; });
    for (int page = 1; page <= n; ++page) {
        const std::string text = shell("pdftotext -f " + std::to_string(page) + " -l " +
                                       std::to_string(page) + " '" + path + "' -");
        const core::Township& t = *order[static_cast<std::size_t>(page - 1)];
        EXPECT_NE(text.find(t.name + " " + t.code), std::string::npos)
            << "page " << page << " should be " << t.name << ":\n"
            << text;
    }
}

TEST(Atlas, a_folder_gets_one_png_per_township) {
    if (!find_cjk_font().ok()) {
        GTEST_SKIP() << "no CJK font";
    }
    core::Plan plan = test::grid_plan({"AABB", "AABB"});
    plan.townships.clear();
    for (int t = 0; t < 2; ++t) {
        core::Township town;
        town.code = t == 0 ? "130705101" : "130705102";
        town.name = t == 0 ? "东乡" : "西乡";
        const double x = t * 2000.0;
        town.shape.parts.push_back(
            {{{x, 0}, {x + 2000, 0}, {x + 2000, 2000}, {x, 2000}, {x, 0}}, {}});
        plan.townships.push_back(town);
        plan.villages[static_cast<std::size_t>(t)].town_code = town.code;
    }
    test::add_site(plan, 500, 1500);
    test::TempDir dir;
    MapRequest req;
    req.width = 800;
    req.height = 600;
    auto written = write_atlas(test::map_inputs(plan, 1000), req, dir.file("pages"));
    ASSERT_TRUE(written.ok()) << written.error().message;
    ASSERT_EQ(written->files.size(), 2u);
    EXPECT_EQ(std::filesystem::path(written->files[0]).filename(), "130705101_东乡.png");
    EXPECT_EQ(test::read_text(written->files[1]).substr(1, 3), "PNG");
    auto page = compose_township_page(test::map_inputs(plan, 1000), req, 0);
    ASSERT_TRUE(page.ok());
    EXPECT_NE(page->find("overview"), nullptr);
    EXPECT_NE(page->find("figures"), nullptr);
}

TEST(Atlas, a_plan_without_townships_is_refused) {
    const core::Plan plan = [] {
        core::Plan p = test::grid_plan({"AB"});
        p.townships.clear();
        return p;
    }();
    test::TempDir dir;
    auto written = write_atlas(test::map_inputs(plan, 1000), MapRequest{}, dir.file("a.pdf"));
    ASSERT_FALSE(written.ok());
    EXPECT_NE(written.error().message.find(core::tr("outputs.atlas.no_townships")),
              std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(dir.file("a.pdf")));
}

}  // namespace
}  // namespace beltplan::render
