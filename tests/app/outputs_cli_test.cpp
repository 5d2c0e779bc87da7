// Meeting outputs from the command line: report --xlsx read back with GDAL's XLSX driver equals
// report --json per township, --csv with BOM, render to PDF/SVG/PNG and the atlas, and the
// refusals (unknown paper, unknown extension, an atlas in 3D).
#include "io/plan_file.h"
#include "support/test_support.h"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>

namespace beltplan {
namespace {

using nlohmann::json;

const std::string kSample = "'" + test::source_path("maps/xuanhua.gpkg") + "'";

std::string shell(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
    std::string out;
    std::array<char, 4096> buf{};
    while (pipe && std::fgets(buf.data(), static_cast<int>(buf.size()), pipe.get()) != nullptr) {
        out += buf.data();
    }
    return out;
}

struct GdalCloser {
    void operator()(GDALDataset* d) const { GDALClose(d); }
};

TEST(OutputsCli, xlsx_township_rows_equal_report_json) {
    test::TempDir dir;
    const std::string xlsx = dir.file("report.xlsx");
    auto run = test::run_beltplan("report " + kSample + " --json --xlsx '" + xlsx + "'");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const json report = json::parse(run.out);  // stdout stays pure JSON
    GDALAllRegister();
    const char* drivers[] = {"XLSX", nullptr};
    std::unique_ptr<GDALDataset, GdalCloser> ds(
        GDALDataset::Open(xlsx.c_str(), GDAL_OF_VECTOR, drivers, nullptr, nullptr));
    ASSERT_TRUE(ds) << "GDAL's XLSX driver cannot open the workbook";
    ASSERT_EQ(ds->GetLayerCount(), 7);
    const char* sheets[] = {"Summary",      "Townships",           "Uncovered villages",
                            "Sites",        "Joint organizations", "Belts",
                            "Work stations"};
    for (int i = 0; i < 7; ++i) {
        EXPECT_STREQ(ds->GetLayer(i)->GetName(), sheets[i]);
    }
    OGRLayer* towns = ds->GetLayerByName("Townships");
    ASSERT_NE(towns, nullptr);
    const json& by_town = report["by_township"];
    ASSERT_EQ(towns->GetFeatureCount(), static_cast<GIntBig>(by_town.size()));
    const OGRFeatureDefn* defn = towns->GetLayerDefn();
    EXPECT_EQ(defn->GetFieldDefn(defn->GetFieldIndex("Villages"))->GetType(), OFTInteger);
    EXPECT_EQ(defn->GetFieldDefn(defn->GetFieldIndex("Village share"))->GetType(), OFTReal);
    EXPECT_EQ(defn->GetFieldDefn(defn->GetFieldIndex("Township code"))->GetType(), OFTString);
    towns->ResetReading();
    for (const json& t : by_town) {
        std::unique_ptr<OGRFeature> f(towns->GetNextFeature());
        ASSERT_TRUE(f);
        EXPECT_EQ(f->GetFieldAsString("Township code"), t["code"].get<std::string>());
        EXPECT_EQ(f->GetFieldAsString("Township"), t["name"].get<std::string>());
        EXPECT_EQ(f->GetFieldAsInteger64("Villages"), t["villages"].get<std::int64_t>());
        EXPECT_EQ(f->GetFieldAsInteger64("Covered villages"),
                  t["covered_villages"].get<std::int64_t>());
        EXPECT_EQ(f->GetFieldAsInteger64("Population"), t["population"].get<std::int64_t>());
        EXPECT_EQ(f->GetFieldAsInteger64("Covered population"),
                  t["covered_population"].get<std::int64_t>());
        EXPECT_NEAR(f->GetFieldAsDouble("Village share"), t["village_share"].get<double>(), 1e-12);
        EXPECT_NEAR(f->GetFieldAsDouble("Population share"), t["population_share"].get<double>(),
                    1e-12);
    }
    OGRLayer* uncovered = ds->GetLayerByName("Uncovered villages");
    EXPECT_EQ(uncovered->GetFeatureCount(), static_cast<GIntBig>(report["uncovered"].size()));
    // Formats: the header row frozen, shares as percentages, km with one decimal.
    const std::string unzip = shell(
        "python3 -c \"import zipfile,sys;z=zipfile.ZipFile(sys.argv[1]);"
        "print(z.read('xl/worksheets/sheet2.xml').decode());"
        "print(z.read('xl/styles.xml').decode())\" '" +
        xlsx + "'");
    EXPECT_NE(unzip.find("state=\"frozen\""), std::string::npos);
    EXPECT_NE(unzip.find("formatCode=\"0.0%\""), std::string::npos);
    EXPECT_NE(unzip.find("formatCode=\"0.0\""), std::string::npos);
    EXPECT_NE(unzip.find("customWidth=\"1\""), std::string::npos);
}

TEST(OutputsCli, tables_have_chinese_headings_in_a_chinese_locale_and_csv_has_a_bom) {
    test::TempDir dir;
    auto run = test::run_beltplan("report " + kSample + " --csv '" + dir.file("csv") + "'");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string towns = test::read_text(dir.file("csv/Townships.csv"));
    ASSERT_GT(towns.size(), 3u);
    EXPECT_EQ(towns.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_EQ(towns.substr(3, towns.find('\r') - 3),
              "Township code,Township,Villages,Covered villages,Village share,Population,"
              "Covered population,Population share,Villages without population,Sites,"
              "Uncovered villages");
    EXPECT_NE(towns.find(",100.0%,"), std::string::npos);  // shares as percentages
    const std::string zh_dir = dir.file("zh");
    const std::string cmd = std::string("BELTPLAN_LANG=zh '") + BELTPLAN_EXE + "' report " +
                            kSample + " --csv '" + zh_dir + "' >/dev/null";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    for (const char* sheet :
         {"汇总", "乡镇", "未覆盖村", "示范点", "联合党组织", "示范带", "工作站"}) {
        EXPECT_TRUE(std::filesystem::exists(zh_dir + "/" + sheet + ".csv")) << sheet;
    }
    EXPECT_EQ(test::read_text(zh_dir + "/乡镇.csv").substr(3, 12), "乡镇代码");
}

TEST(OutputsCli, render_writes_pdf_svg_and_png_by_extension) {
    test::TempDir dir;
    for (const char* name : {"map.pdf", "map.svg", "map.png"}) {
        auto run = test::run_beltplan("render " + kSample + " -o '" + dir.file(name) +
                                      "' --paper A4 --landscape --dpi 100");
        ASSERT_EQ(run.exit_code, 0) << name << ": " << run.err;
    }
    EXPECT_EQ(test::read_text(dir.file("map.pdf")).substr(0, 5), "%PDF-");
    EXPECT_NE(test::read_text(dir.file("map.svg")).find("<svg"), std::string::npos);
    const std::string png = test::read_text(dir.file("map.png"));
    ASSERT_GT(png.size(), 24u);
    // IHDR: width and height, big-endian, at bytes 16 and 20: A4 landscape at 100 dpi.
    auto be32 = [&](std::size_t at) {
        return (static_cast<unsigned char>(png[at]) << 24) |
               (static_cast<unsigned char>(png[at + 1]) << 16) |
               (static_cast<unsigned char>(png[at + 2]) << 8) |
               static_cast<unsigned char>(png[at + 3]);
    };
    EXPECT_EQ(be32(16), 1170);  // 297 mm
    EXPECT_EQ(be32(20), 827);   // 210 mm
}

TEST(OutputsCli, scale_bar_in_the_pdf_is_as_long_as_the_page_scale_says) {
    if (shell("command -v pdftotext").empty()) {
        GTEST_SKIP() << "poppler-utils is not installed";
    }
    test::TempDir dir;
    const std::string pdf = dir.file("map.pdf");
    ASSERT_EQ(test::run_beltplan("render " + kSample + " -o '" + pdf + "' --paper A3 --landscape")
                  .exit_code,
              0);
    // Words in page order with their x extent (points).
    struct Word {
        std::string text;
        double x0 = 0;
        double x1 = 0;
    };
    std::vector<Word> words;
    const std::string html = shell("pdftotext -bbox '" + pdf + "' -");
    for (std::size_t at = html.find("<word "); at != std::string::npos;
         at = html.find("<word ", at + 1)) {
        Word w;
        std::sscanf(html.c_str() + html.find("xMin=\"", at) + 6, "%lf", &w.x0);
        std::sscanf(html.c_str() + html.find("xMax=\"", at) + 6, "%lf", &w.x1);
        const std::size_t gt = html.find('>', at);
        w.text = html.substr(gt + 1, html.find("</word>", at) - gt - 1);
        words.push_back(w);
    }
    // The bar's labels "0", "10" "km" are centred on its ends; then the printed scale "1:S".
    std::size_t i = 0;
    while (i < words.size() && words[i].text.rfind("1:", 0) != 0) {
        ++i;
    }
    ASSERT_TRUE(i >= 3 && i < words.size()) << html.substr(0, 1000);
    ASSERT_EQ(words[i - 3].text, "0");
    std::string digits;
    for (char c : words[i].text.substr(2)) {
        digits += c >= '0' && c <= '9' ? std::string(1, c) : "";
    }
    const double scale = std::stod(digits);
    const double label_m = std::stod(words[i - 2].text) * (words[i - 1].text == "km" ? 1000 : 1);
    const double start_pt = (words[i - 3].x0 + words[i - 3].x1) / 2;
    const double end_pt = (words[i - 2].x0 + words[i - 1].x1) / 2;
    const double paper_m = (end_pt - start_pt) / 72.0 * 0.0254;
    EXPECT_NEAR(paper_m * scale, label_m, label_m * 0.01) << words[i].text;
}

TEST(OutputsCli, atlas_writes_one_page_per_township) {
    if (shell("command -v pdfinfo").empty()) {
        GTEST_SKIP() << "poppler-utils is not installed";
    }
    test::TempDir dir;
    const std::string pdf = dir.file("atlas.pdf");
    auto run = test::run_beltplan("render " + kSample + " --atlas township -o '" + pdf + "'");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(shell("pdfinfo '" + pdf + "'").find("Pages:           24"), std::string::npos);
}

TEST(OutputsCli, wrong_render_flags_are_refused_with_a_sentence) {
    test::TempDir dir;
    auto paper =
        test::run_beltplan("render " + kSample + " -o '" + dir.file("m.pdf") + "' --paper B5");
    EXPECT_EQ(paper.exit_code, 2);
    auto ext = test::run_beltplan("render " + kSample + " -o '" + dir.file("m.tif") + "'");
    EXPECT_EQ(ext.exit_code, 2);
    EXPECT_NE(ext.err.find("m.tif"), std::string::npos) << ext.err;
    auto flat = test::run_beltplan("render " + kSample + " --atlas township --view 3d -o '" +
                                   dir.file("a.pdf") + "'");
    EXPECT_EQ(flat.exit_code, 2);
    EXPECT_NE(flat.err.find("--view 3d"), std::string::npos) << flat.err;
    auto dpi =
        test::run_beltplan("render " + kSample + " -o '" + dir.file("m.png") + "' --dpi 5000");
    EXPECT_EQ(dpi.exit_code, 2);
    EXPECT_FALSE(std::filesystem::exists(dir.file("m.png")));
    // The road problems layer is the window's; a map would show it empty, so it is refused.
    auto problems = test::run_beltplan("render " + kSample + " -o '" + dir.file("m.png") +
                                       "' --show road_problems");
    EXPECT_EQ(problems.exit_code, 2);
    EXPECT_NE(problems.err.find("beltplan roads"), std::string::npos) << problems.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("m.png")));
}

// A plan whose village areas were drawn from seats says so in report and info, text and JSON,
// with its provenance line; the sample (real polygons of the generator) does not.
TEST(OutputsCli, report_and_info_state_the_provenance_and_approximate_areas) {
    ::setenv("BELTPLAN_LANG", "en", 1);
    test::TempDir dir;
    core::Result<core::Plan> plan = io::read_plan(test::source_path("maps/xuanhua.gpkg"));
    ASSERT_TRUE(plan) << plan.error().message;
    const std::string provenance = plan->provenance;
    ASSERT_FALSE(provenance.empty());
    auto sample = test::run_beltplan("report " + kSample);
    ASSERT_EQ(sample.exit_code, 0) << sample.err;
    EXPECT_NE(sample.out.find("Source: " + provenance + "\n"), std::string::npos) << sample.out;
    EXPECT_EQ(sample.out.find("approximate"), std::string::npos) << sample.out;

    plan->approximate_village_areas = true;
    const std::string path = dir.file("seats.gpkg");
    ASSERT_TRUE(io::write_plan(*plan, path));
    const std::string quoted = "'" + path + "'";
    auto text = test::run_beltplan("report " + quoted);
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("Village areas approximate (from village seats)"), std::string::npos)
        << text.out;
    auto report = json::parse(test::run_beltplan("report " + quoted + " --json").out);
    EXPECT_EQ(report.at("approximate_village_areas"), true);
    EXPECT_EQ(report.at("provenance"), provenance);
    auto info = test::run_beltplan("info " + quoted);
    ASSERT_EQ(info.exit_code, 0) << info.err;
    EXPECT_NE(info.out.find("Village areas are approximate"), std::string::npos) << info.out;
    EXPECT_NE(info.out.find("Source: " + provenance), std::string::npos) << info.out;
    auto info_json = json::parse(test::run_beltplan("info " + quoted + " --json").out);
    EXPECT_EQ(info_json.at("approximate_village_areas"), true);
}

}  // namespace
}  // namespace beltplan
