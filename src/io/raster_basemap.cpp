// Basemap reading: GDALTranslate (-expand rgba for palettes) and GDALWarp into a MEM dataset
// in the plan CRS, then the bands are copied into a core::RasterImage.
#include "io/raster_basemap.h"

#include "io/ogr_util.h"

#include <cpl_string.h>
#include <gdal_utils.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace beltplan::io {

namespace {

struct StringList {
    char** list = nullptr;
    ~StringList() { CSLDestroy(list); }
    void add(const std::string& s) { list = CSLAddString(list, s.c_str()); }
};

std::string crs_text(const core::CrsInfo& crs) {
    return crs.epsg != 0 ? "EPSG:" + std::to_string(crs.epsg) : crs.wkt;
}

}  // namespace

core::Result<core::RasterImage> read_basemap(const std::string& path, const core::CrsInfo& crs,
                                             const core::Box& extent, int max_px) {
    register_gdal();
    const core::Where where{path, "", -1, ""};
    if (!extent.valid() || extent.width() <= 0 || extent.height() <= 0) {
        return core::make_error(core::ErrorCode::kBadArgument, where,
                                "the plan has no extent to place the basemap on.");
    }
    DatasetPtr source(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!source) {
        return core::make_error(core::ErrorCode::kOpenFailed, where,
                                "the basemap could not be opened as a raster (GeoTIFF, MBTiles "
                                "or another GDAL raster is needed).");
    }
    if (source->GetSpatialRef() == nullptr) {
        return core::make_error(core::ErrorCode::kNoCrs, where,
                                "the basemap has no coordinate reference system, so it cannot be "
                                "placed under the plan.");
    }
    GDALDatasetH input = GDALDataset::ToHandle(source.get());
    DatasetPtr expanded;
    GDALRasterBand* first = source->GetRasterBand(1);
    if (first != nullptr && first->GetColorTable() != nullptr) {
        StringList args;
        for (const char* a : {"-of", "VRT", "-expand", "rgba"}) {
            args.add(a);
        }
        GDALTranslateOptions* options = GDALTranslateOptionsNew(args.list, nullptr);
        expanded.reset(GDALDataset::FromHandle(GDALTranslate("", input, options, nullptr)));
        GDALTranslateOptionsFree(options);
        if (expanded) {
            input = GDALDataset::ToHandle(expanded.get());
        }
    }
    const double aspect = extent.width() / extent.height();
    const int w = aspect >= 1 ? max_px : std::max(1, static_cast<int>(max_px * aspect));
    const int h = aspect >= 1 ? std::max(1, static_cast<int>(max_px / aspect)) : max_px;
    StringList args;
    for (const std::string& a :
         {std::string("-of"), std::string("MEM"), std::string("-t_srs"), crs_text(crs),
          std::string("-te"), std::to_string(extent.min_x), std::to_string(extent.min_y),
          std::to_string(extent.max_x), std::to_string(extent.max_y), std::string("-ts"),
          std::to_string(w), std::to_string(h), std::string("-r"), std::string("bilinear"),
          std::string("-dstalpha")}) {
        args.add(a);
    }
    GDALWarpAppOptions* options = GDALWarpAppOptionsNew(args.list, nullptr);
    int usage_error = 0;
    DatasetPtr warped(
        GDALDataset::FromHandle(GDALWarp("", nullptr, 1, &input, options, &usage_error)));
    GDALWarpAppOptionsFree(options);
    if (!warped) {
        return core::make_error(core::ErrorCode::kTransformFailed, where,
                                "the basemap could not be warped into the plan's CRS.");
    }
    const int bands = warped->GetRasterCount();  // source bands + alpha
    core::RasterImage image;
    image.width = w;
    image.height = h;
    image.bounds = extent;
    image.rgba.assign(static_cast<std::size_t>(w) * h * 4, 255);
    std::vector<std::uint8_t> row(static_cast<std::size_t>(w) * h);
    // Grey sources fill R, G and B from band 1; the last band is always the alpha.
    const int colour_bands = bands - 1;
    for (int c = 0; c < 4; ++c) {
        const int band = c == 3 ? bands : (colour_bands >= 3 ? c + 1 : 1);
        if (warped->GetRasterBand(band)->RasterIO(GF_Read, 0, 0, w, h, row.data(), w, h, GDT_Byte,
                                                  0, 0, nullptr) != CE_None) {
            return core::make_error(core::ErrorCode::kReadFailed, where,
                                    "the basemap's pixels could not be read.");
        }
        for (std::size_t i = 0; i < row.size(); ++i) {
            image.rgba[4 * i + static_cast<std::size_t>(c)] = row[i];
        }
    }
    return image;
}

}  // namespace beltplan::io
