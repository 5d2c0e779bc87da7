// Workbooks written as XLSX (read back with GDAL: numbers as numbers, codes as text) and CSV
// (BOM, quoting, shares as percentages, km with one decimal); a failed write keeps the old file.
#include "io/table_write.h"

#include "core/table.h"
#include "support/test_support.h"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <memory>

namespace beltplan::io {
namespace {

using core::Cell;

core::Workbook small_book() {
    core::Sheet s{"乡镇", {"代码", "名称", "村数", "覆盖率", "距离（km）"}, {}};
    s.rows.push_back({Cell::of_text("130705100"), Cell::of_text("大仓盖镇, \"东\""),
                      Cell::of_integer(17), Cell::of_percent(0.3864), Cell::of_km(2345.0)});
    s.rows.push_back({Cell::of_text("130705101"), Cell::of_text("西"), Cell::of_integer(3),
                      Cell::of_percent(1.0), Cell::empty()});
    return core::Workbook{{s}};
}

TEST(TableWrite, xlsx_reads_back_with_numbers_as_numbers_and_codes_as_text) {
    test::TempDir dir;
    const std::string path = dir.file("t.xlsx");
    ASSERT_TRUE(write_xlsx(small_book(), path).ok());
    GDALAllRegister();
    const char* drivers[] = {"XLSX", nullptr};
    std::unique_ptr<GDALDataset> ds(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR, drivers, nullptr, nullptr));
    ASSERT_TRUE(ds);
    OGRLayer* layer = ds->GetLayerByName("乡镇");
    ASSERT_NE(layer, nullptr);
    const OGRFeatureDefn* d = layer->GetLayerDefn();
    EXPECT_EQ(d->GetFieldDefn(d->GetFieldIndex("代码"))->GetType(), OFTString);
    EXPECT_EQ(d->GetFieldDefn(d->GetFieldIndex("村数"))->GetType(), OFTInteger);
    EXPECT_EQ(d->GetFieldDefn(d->GetFieldIndex("覆盖率"))->GetType(), OFTReal);
    std::unique_ptr<OGRFeature> f(layer->GetNextFeature());
    ASSERT_TRUE(f);
    EXPECT_STREQ(f->GetFieldAsString("代码"), "130705100");
    EXPECT_STREQ(f->GetFieldAsString("名称"), "大仓盖镇, \"东\"");
    EXPECT_EQ(f->GetFieldAsInteger("村数"), 17);
    EXPECT_DOUBLE_EQ(f->GetFieldAsDouble("覆盖率"), 0.3864);  // stored whole, shown as 38.6%
    EXPECT_DOUBLE_EQ(f->GetFieldAsDouble("距离（km）"), 2.345);
}

TEST(TableWrite, csv_has_bom_quoting_percentages_and_km) {
    test::TempDir dir;
    auto files = write_csv_tables(small_book(), dir.file("out/tables"));
    ASSERT_TRUE(files.ok()) << files.error().message;
    ASSERT_EQ(files->size(), 1u);
    EXPECT_EQ(test::read_text(files->front()),
              "\xEF\xBB\xBF代码,名称,村数,覆盖率,距离（km）\r\n"
              "130705100,\"大仓盖镇, \"\"东\"\"\",17,38.6%,2.3\r\n"
              "130705101,西,3,100.0%,\r\n");
}

TEST(TableWrite, a_failed_write_leaves_the_old_file) {
    test::TempDir dir;
    const std::string path = dir.file("t.xlsx");
    ASSERT_TRUE(write_xlsx(small_book(), path).ok());
    const std::string before = test::read_text(path);
    core::Workbook bad = small_book();
    bad.sheets.push_back(bad.sheets.front());  // a second sheet of the same name
    EXPECT_FALSE(write_xlsx(bad, path).ok());
    EXPECT_EQ(test::read_text(path), before);
    EXPECT_FALSE(write_xlsx(small_book(), dir.file("missing/t.xlsx")).ok());
}

}  // namespace
}  // namespace beltplan::io
