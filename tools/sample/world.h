// The intermediate state of the sample generator, shared by its stages: towns and villages
// with their generated positions, before they become a core::Plan.
#pragma once

#include "core/geometry.h"

#include <string>
#include <vector>

namespace beltplan::tools {

struct TownState {
    std::string code;
    std::string name;       // official 2016 name
    std::string type;       // 街道, 镇, 乡
    bool urban = false;     // a 街道 of the city
    bool mountain = false;  // hill town: more area per village, more hollow villages
    int village_count = 0;
    double target_area_m2 = 0.0;
    core::PointM site;      // power-diagram site (moves during relaxation)
    core::PointM seat;      // town seat: a village seat, or the street office for 街道
    int seat_village = -1;  // index into villages, -1 for 街道
};

struct VillageState {
    std::string code;
    std::string name;        // official name
    std::string short_name;  // the name shown
    std::string type;        // 村委会, 居委会
    int town = -1;           // index into towns
    int belt = -1;           // index into belt roads when the practice documents name it
    core::PointM seat;       // generated, on the 0.01 m grid
};

// A demonstration belt road as the practice documents give it: its name and the towns it
// crosses in order (north-west to east, as placed by the generator).
struct BeltRoadSpec {
    std::string name;
    std::string id;
    std::vector<int> towns;  // indices into towns, in order along the road
};

// A raster of the outline (cell centres inside it) assigning each cell to a town.
struct TownRaster {
    double x0 = 0.0;  // lower-left corner
    double y0 = 0.0;
    double cell_m = 250.0;
    int nx = 0;
    int ny = 0;
    std::vector<int> town;  // -1 outside the outline
    core::PointM centre(int i) const {
        return {x0 + (i % nx + 0.5) * cell_m, y0 + (i / nx + 0.5) * cell_m};
    }
};

}  // namespace beltplan::tools
