// A georeferenced RGBA raster in the plan's CRS (a local basemap read by io, drawn by render).
#pragma once

#include "core/geometry.h"

#include <cstdint>
#include <vector>

namespace beltplan::core {

// Row-major RGBA8 pixels, row 0 at the north edge; `bounds` is the extent in plan metres.
struct RasterImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;  // width * height * 4
    Box bounds;
    bool empty() const { return width <= 0 || height <= 0; }
};

}  // namespace beltplan::core
