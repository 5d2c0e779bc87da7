// A local raster basemap (a GeoTIFF or MBTiles the department owns, any GDAL raster) warped
// into the plan's CRS over the map's extent, as a small RGBA image for the renderer.
#pragma once

#include "core/plan.h"
#include "core/raster_image.h"
#include "core/result.h"

#include <string>

namespace beltplan::io {

// Reads `path`, warps it to `crs` over `extent` (plan metres) at most `max_px` pixels on the
// long side, and expands it to RGBA (palettes and grey bands included; outside the source is
// transparent). Never contacts a network service. Errors name the file.
core::Result<core::RasterImage> read_basemap(const std::string& path, const core::CrsInfo& crs,
                                             const core::Box& extent, int max_px = 2048);

}  // namespace beltplan::io
