// A small county made the way departments' files really are (DESIGN.md section 6), written by
// the tests with GDAL: two real townships of 宣化区 with 11 real villages (names and codes from
// ../shared/data/xuanhua/xuanhua_divisions_2016.csv, NBS 2016), laid out as 0.02-degree squares
// near 115.0E 40.6N (the boundaries are made up; real ones are not public).
//
//   崞村镇 130705102: 中崞村 分水口 辛家庄 王庄子 黑台子湾 称达沟   (row at 40.62N)
//   沙岭子镇 130705103: 二里半 沙岭子 太师湾 屈家庄 沙地房         (row at 40.60N)
#pragma once

#include "core/geometry.h"
#include "io/crs.h"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace beltplan::test::county {

struct Field {
    std::string name;
    OGRFieldType type = OFTString;
    int width = 0;
};

struct Row {
    std::string wkt;                  // "" for no geometry
    std::vector<std::string> values;  // "" leaves the field null
};

struct LayerData {
    std::string name;
    OGRwkbGeometryType type = wkbPolygon;
    int epsg = 4490;  // 0: no CRS
    std::vector<Field> fields;
    std::vector<Row> rows;
    std::vector<std::string> options = {};  // layer creation options
};

// Writes every layer into one new dataset with GDAL.
inline void write_dataset(const std::string& path, const char* driver,
                          const std::vector<LayerData>& layers) {
    GDALAllRegister();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driver);
    ASSERT_NE(drv, nullptr) << driver;
    GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    ASSERT_TRUE(ds) << path;
    for (const LayerData& l : layers) {
        OGRSpatialReference srs;
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        if (l.epsg != 0) {
            srs.importFromEPSG(l.epsg);
        }
        CPLStringList options;
        for (const std::string& o : l.options) {
            options.AddString(o.c_str());
        }
        OGRLayer* layer =
            ds->CreateLayer(l.name.c_str(), l.epsg != 0 ? &srs : nullptr, l.type, options.List());
        ASSERT_NE(layer, nullptr) << l.name;
        for (const Field& f : l.fields) {
            OGRFieldDefn defn(f.name.c_str(), f.type);
            defn.SetWidth(f.width);
            ASSERT_EQ(layer->CreateField(&defn), OGRERR_NONE) << f.name;
        }
        for (const Row& r : l.rows) {
            OGRFeature feature(layer->GetLayerDefn());
            if (!r.wkt.empty()) {
                OGRGeometry* g = nullptr;
                ASSERT_EQ(OGRGeometryFactory::createFromWkt(r.wkt.c_str(), nullptr, &g),
                          OGRERR_NONE)
                    << r.wkt;
                feature.SetGeometryDirectly(g);
            }
            for (std::size_t i = 0; i < r.values.size(); ++i) {
                if (!r.values[i].empty()) {
                    feature.SetField(static_cast<int>(i), r.values[i].c_str());
                }
            }
            ASSERT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
        }
    }
}

// One village of the county.
struct Village {
    const char* code;
    const char* name;  // as the statistics list writes it (村委会)
    const char* short_name;
    const char* town_code;
    const char* town_name;
    int column;  // square index along its township's row
    int row;     // 0: 沙岭子镇 at 40.60N, 1: 崞村镇 at 40.62N
};

inline const std::vector<Village>& villages() {
    static const std::vector<Village> kVillages = {
        {"130705103201", "二里半村委会", "二里半", "130705103", "沙岭子镇", 0, 0},
        {"130705103203", "沙岭子村委会", "沙岭子", "130705103", "沙岭子镇", 1, 0},
        {"130705103204", "太师湾村委会", "太师湾", "130705103", "沙岭子镇", 2, 0},
        {"130705103205", "屈家庄村委会", "屈家庄", "130705103", "沙岭子镇", 3, 0},
        {"130705103206", "沙地房村委会", "沙地房", "130705103", "沙岭子镇", 4, 0},
        {"130705102201", "中崞村村委会", "中崞村", "130705102", "崞村镇", 0, 1},
        {"130705102202", "分水口村委会", "分水口", "130705102", "崞村镇", 1, 1},
        {"130705102203", "辛家庄村委会", "辛家庄", "130705102", "崞村镇", 2, 1},
        {"130705102204", "王庄子村委会", "王庄子", "130705102", "崞村镇", 3, 1},
        {"130705102205", "黑台子湾村委会", "黑台子湾", "130705102", "崞村镇", 4, 1},
        {"130705102206", "称达沟村委会", "称达沟", "130705102", "崞村镇", 5, 1},
    };
    return kVillages;
}

inline constexpr double kWest = 115.00;
inline constexpr double kSouth = 40.60;
inline constexpr double kSize = 0.02;

// South-west corner of a village's square, degrees.
inline core::LonLat corner(const Village& v) {
    return {kWest + kSize * v.column, kSouth + kSize * v.row};
}

// Centre of a village's square, degrees.
inline core::LonLat centre(const Village& v) {
    const core::LonLat c = corner(v);
    return {c.lon + kSize / 2, c.lat + kSize / 2};
}

// A lon/lat point in another CRS (EPSG:4526 zone-prefixed GK, EPSG:4547, ...).
inline core::PointM to_crs(const core::LonLat& p, const std::string& crs,
                           const std::string& from = "EPSG:4490") {
    core::Result<io::CoordinateTransform> t = io::CoordinateTransform::create(from, crs);
    EXPECT_TRUE(t);
    double x = p.lon;
    double y = p.lat;
    EXPECT_TRUE(t->apply(x, y));
    return {x, y};
}

// The rectangle [lon, lon+w] x [lat, lat+h] as WKT in `crs` (corners projected; "" keeps
// degrees).
inline std::string box_wkt(double lon, double lat, double w, double h,
                           const std::string& crs = "") {
    const core::LonLat corners[] = {
        {lon, lat}, {lon + w, lat}, {lon + w, lat + h}, {lon, lat + h}, {lon, lat}};
    std::string wkt = "POLYGON((";
    for (int i = 0; i < 5; ++i) {
        const core::PointM p =
            crs.empty() ? core::PointM{corners[i].lon, corners[i].lat} : to_crs(corners[i], crs);
        char buf[96];
        std::snprintf(buf, sizeof buf, "%s%.4f %.4f", i == 0 ? "" : ",", p.x, p.y);
        wkt += buf;
    }
    return wkt + "))";
}

inline std::string village_wkt(const Village& v, const std::string& crs = "") {
    const core::LonLat c = corner(v);
    return box_wkt(c.lon, c.lat, kSize, kSize, crs);
}

inline std::string point_wkt(const core::LonLat& p, const std::string& crs = "") {
    const core::PointM q = crs.empty() ? core::PointM{p.lon, p.lat} : to_crs(p, crs);
    char buf[96];
    std::snprintf(buf, sizeof buf, "POINT(%.6f %.6f)", q.x, q.y);
    return buf;
}

// The two townships as 三调 XZQ rows: XZQDM with 12 digits ending 000, XZQMC.
inline LayerData xzq_layer(const std::string& crs_text, int epsg) {
    LayerData l{"XZQ", wkbPolygon, epsg, {{"XZQDM", OFTString, 12}, {"XZQMC", OFTString, 50}}, {}};
    l.rows.push_back(
        {box_wkt(kWest, kSouth, 5 * kSize, kSize, crs_text), {"130705103000", "沙岭子镇"}});
    l.rows.push_back(
        {box_wkt(kWest, kSouth + kSize, 6 * kSize, kSize, crs_text), {"130705102000", "崞村镇"}});
    return l;
}

// The villages as a 三调 CJDCQ layer: ZLDWDM (19 digits: code + 0000000), ZLDWMC (名称 + 村).
inline LayerData cjdcq_layer(const std::string& crs_text, int epsg) {
    LayerData l{"CJDCQ",
                wkbPolygon,
                epsg,
                {{"BSM", OFTInteger, 10}, {"ZLDWDM", OFTString, 19}, {"ZLDWMC", OFTString, 60}},
                {}};
    int bsm = 1;
    for (const Village& v : villages()) {
        const std::string s = v.short_name;
        const std::string cun = "村";
        const bool ends = s.compare(s.size() - cun.size(), cun.size(), cun) == 0;
        const std::string name = ends ? s : s + cun;
        l.rows.push_back({village_wkt(v, crs_text),
                          {std::to_string(bsm++), std::string(v.code) + "0000000", name}});
    }
    return l;
}

// Overwrites byte `at` of a file.
inline void patch_byte(const std::string& path, long at, char value) {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(at);
    f.put(value);
}

// Cuts a file to `size` bytes.
inline void truncate_file(const std::string& path, std::size_t size) {
    std::string bytes;
    {
        std::ifstream in(path, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    bytes.resize(size);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// Makes the DBF field `index` numeric ('N', no decimals), keeping its bytes: how a 19-digit
// code stored as a number looks (GDAL itself would write the double, not the digits).
inline void make_field_numeric(const std::string& dbf, int index) {
    patch_byte(dbf, 32 + 32L * index + 11, 'N');
    patch_byte(dbf, 32 + 32L * index + 17, 0);
}

}  // namespace beltplan::test::county
