// Output files of one map document: a PDF of the paper's size with the names as text and the
// CJK font embedded, an SVG that parses with every name in a <text> element, a scale bar whose
// drawn length matches the map's true scale, PNGs through the safe writer.
#include "render/map_output.h"

#include "io/plan_file.h"
#include "render/fonts.h"
#include "render/map_frame.h"
#include "render/map_render.h"
#include "render/render_fixture.h"
#include "support/grid_plan.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>

namespace beltplan::render {
namespace {

#define REQUIRE_FONT()                                          \
    if (!find_cjk_font().ok()) {                                \
        GTEST_SKIP() << "no CJK font (install fonts-noto-cjk)"; \
    }

// stdout of a shell command ("" when it cannot run).
std::string shell(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
    std::string out;
    if (!pipe) {
        return out;
    }
    std::array<char, 4096> buf{};
    while (std::fgets(buf.data(), static_cast<int>(buf.size()), pipe.get()) != nullptr) {
        out += buf.data();
    }
    return out;
}

bool have_tool(const char* name) {
    return !shell(std::string("command -v ") + name + " 2>/dev/null").empty();
}

const core::Plan& sample() {
    static const core::Plan plan = io::read_plan(test::source_path("maps/xuanhua.gpkg")).value();
    return plan;
}

TEST(MapOutput, paper_sizes_in_page_units) {
    const auto a4 = paper_size_units("A4", false);
    ASSERT_TRUE(a4.has_value());
    EXPECT_NEAR(a4->x, 210.0 / 25.4 * 96.0, 1e-9);
    EXPECT_NEAR(a4->y, 297.0 / 25.4 * 96.0, 1e-9);
    const auto a0 = paper_size_units("a0", true);
    ASSERT_TRUE(a0.has_value());
    EXPECT_NEAR(a0->x, 1189.0 / 25.4 * 96.0, 1e-9);
    EXPECT_FALSE(paper_size_units("B5", false).has_value());
    EXPECT_EQ(output_format("x/MAP.PDF"), OutputFormat::kPdf);
    EXPECT_EQ(output_format("map.svg"), OutputFormat::kSvg);
    EXPECT_FALSE(output_format("map.tif").has_value());
}

// The names the document placed (labels layer).
std::vector<std::string> placed_names(const MapDocument& doc) {
    std::vector<std::string> out;
    if (const DocLayer* labels = doc.find("labels")) {
        for (const DocItem& item : labels->items) {
            out.push_back(std::get<TextItem>(item).text);
        }
    }
    return out;
}

TEST(MapOutput, pdf_has_the_paper_size_the_font_embedded_and_names_as_text) {
    REQUIRE_FONT();
    if (!have_tool("pdftotext") || !have_tool("pdfinfo")) {
        GTEST_SKIP() << "poppler-utils is not installed";
    }
    test::TempDir dir;
    const std::string path = dir.file("map.pdf");
    MapRequest req;
    req.paper = "A3";
    req.landscape = true;
    auto doc = compose_map(test::map_inputs(sample(), 3000), req);
    ASSERT_TRUE(doc.ok());
    ASSERT_TRUE(write_map(*doc, path, OutputFormat::kPdf).ok());
    const std::string info = shell("pdfinfo '" + path + "'");
    EXPECT_NE(info.find("Pages:           1"), std::string::npos) << info;
    EXPECT_NE(info.find("1190.55 x 841.89 pts (A3)"), std::string::npos) << info;
    const std::string fonts = shell("pdffonts '" + path + "'");
    EXPECT_NE(fonts.find("NotoSansCJK"), std::string::npos) << fonts;
    const std::string text = shell("pdftotext '" + path + "' -");
    EXPECT_NE(text.find(sample().name), std::string::npos);
    const std::vector<std::string> names = placed_names(*doc);
    EXPECT_GT(names.size(), 100u);  // townships and villages
    for (const std::string& name : names) {
        EXPECT_NE(text.find(name), std::string::npos) << name << " is not text in the PDF";
    }
}

TEST(MapOutput, svg_parses_and_keeps_names_in_text_elements) {
    REQUIRE_FONT();
    if (!have_tool("python3")) {
        GTEST_SKIP() << "python3 is not installed";
    }
    test::TempDir dir;
    const std::string path = dir.file("map.svg");
    auto doc = compose_map(test::map_inputs(sample(), 3000), MapRequest{});
    ASSERT_TRUE(doc.ok());
    ASSERT_TRUE(write_map(*doc, path, OutputFormat::kSvg).ok());
    // A strict XML parser: every <text> element's content, one per line.
    const std::string texts = shell(
        "python3 -c \"import sys,xml.etree.ElementTree as E;"
        "r=E.parse(sys.argv[1]).getroot();"
        "print('\\n'.join(t.text or '' for t in r.iter('{http://www.w3.org/2000/svg}text')))\" '" +
        path + "'");
    ASSERT_FALSE(texts.empty()) << "the SVG did not parse";
    EXPECT_NE(texts.find(sample().name), std::string::npos);
    const std::vector<std::string> names = placed_names(*doc);
    EXPECT_GT(names.size(), 100u);
    for (const std::string& name : names) {
        EXPECT_NE(texts.find(name + "\n"), std::string::npos) << name;
    }
    const std::string svg = test::read_text(path);
    EXPECT_NE(svg.find("@font-face"), std::string::npos);
    EXPECT_NE(svg.find("data:font/otf;base64,"), std::string::npos);
    EXPECT_NE(svg.find("<g id=\"villages\""), std::string::npos);
}

// The scale bar drawn on an A4 page at 150 dpi is as long as its label says at the map's
// scale, and the map is drawn at that scale: the 4 km wide grid measures 4 km in pixels.
TEST(MapOutput, scale_bar_length_matches_the_page_scale) {
    REQUIRE_FONT();
    core::Plan plan = test::grid_plan({"AABB", "AABB", "CCDD", "CCDD"});
    test::add_site(plan, 500, 3500);
    MapRequest req;
    req.paper = "A4";
    req.landscape = true;
    req.dpi = 150;
    req.layers = {{Layer::kLabels, false}, {Layer::kReach, false}, {Layer::kSites, false}};
    const test::TestMapInputs in = test::map_inputs(plan, 1500);
    auto doc = compose_map(in, req);
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    auto image = rasterize(*doc, req.dpi / kUnitsPerInch);
    ASSERT_TRUE(image.ok());
    const double ppu = req.dpi / kUnitsPerInch;
    const double metres_per_px = doc->view.metres_per_unit / ppu;
    // The grid: along its middle row, the first and last pixel that is not page background.
    const int row = static_cast<int>(doc->view.to_page({2000, 2500}).y * ppu);
    auto is_map = [&](int x) {
        return !test::near_color(test::pixel_at(*image, x, row), doc->background, 0.01f);
    };
    int left = 0;
    int right = image->width - 1;
    const int centre = static_cast<int>(doc->view.to_page({2000, 2500}).x * ppu);
    for (left = centre; left > 0 && is_map(left - 1);) {
        --left;
    }
    for (right = centre; right + 1 < image->width && is_map(right + 1);) {
        ++right;
    }
    EXPECT_NEAR((right - left + 1) * metres_per_px, 4000.0, 3 * metres_per_px);
    // The bar: its label names the length; its dark pixels span that length on the map scale.
    const DocLayer* bar = doc->find("scale_bar");
    ASSERT_NE(bar, nullptr);
    double labelled_m = 0.0;
    for (const DocItem& item : bar->items) {
        const auto* t = std::get_if<TextItem>(&item);
        if (t != nullptr && t->text != "0" && t->text.rfind("1:", 0) != 0) {
            labelled_m = std::stod(t->text) * (t->text.find("km") != std::string::npos ? 1000 : 1);
        }
    }
    ASSERT_GT(labelled_m, 0.0);
    const auto& first = std::get<PathItem>(bar->items.at(1));  // first black quarter
    const int bar_row = static_cast<int>((first.points[0].y + first.points[2].y) / 2 * ppu);
    int x0 = -1;
    int x1 = -1;
    for (int x = static_cast<int>(doc->view.area.x1 * 0.5 * ppu); x < image->width; ++x) {
        const Rgba c = test::pixel_at(*image, x, bar_row);
        if (c.r + c.g + c.b < 1.5f) {  // dark: the black quarters and the end lines
            x0 = x0 < 0 ? x : x0;
            x1 = x;
        }
    }
    ASSERT_GT(x1, x0);
    const double edge_px = frame_unit(doc->width, doc->height) * ppu;  // the bar's end lines
    EXPECT_NEAR((x1 - x0 + 1 - edge_px) * metres_per_px, labelled_m, 2.5 * metres_per_px);
    EXPECT_EQ(scale_ratio_text(doc->view.metres_per_unit).rfind("1:", 0), 0u);
}

TEST(MapOutput, png_replaces_a_file_only_when_complete) {
    REQUIRE_FONT();
    test::TempDir dir;
    const core::Plan plan = test::grid_plan({"AB"});
    MapRequest req;
    req.width = 300;
    req.height = 200;
    const std::string path = dir.file("map.png");
    ASSERT_TRUE(write_map_file(test::map_inputs(plan, 1000), req, path).ok());
    EXPECT_EQ(test::read_text(path).substr(1, 3), "PNG");
    const core::Status missing =
        write_map_file(test::map_inputs(plan, 1000), req, dir.file("no/such/folder/map.png"));
    EXPECT_FALSE(missing.ok());
    const core::Status bad_ext =
        write_map_file(test::map_inputs(plan, 1000), req, dir.file("m.tif"));
    ASSERT_FALSE(bad_ext.ok());
    EXPECT_NE(bad_ext.error().message.find("m.tif"), std::string::npos);
    int files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
        files += e.is_regular_file() ? 1 : 0;
    }
    EXPECT_EQ(files, 1);  // no temporary left behind
}

}  // namespace
}  // namespace beltplan::render
