// The township atlas: one page per township in code order, the township zoomed to fill the
// map, its neighbours greyed, an overview of the whole plan with the township marked, and the
// township's own figures (villages, covered, population share, sites, joint organizations,
// belts, uncovered villages by name). A multi-page PDF, or a folder of PNGs.
#pragma once

#include "core/result.h"
#include "render/map_document.h"
#include "render/map_render.h"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace beltplan::render {

// A township's own figures, as its atlas page prints them.
struct TownshipFigures {
    std::string code;
    std::string name;
    std::int64_t villages = 0;
    std::int64_t covered = 0;
    double village_share = 0.0;
    double population_share = 0.0;
    std::int64_t population = 0;  // known population of its villages
    int sites = 0;
    int joint_orgs = 0;                  // joint organizations with a member in the township
    int belts = 0;                       // belts with a member village in the township
    std::vector<std::string> uncovered;  // names of its uncovered villages, in code order
};

// The figures of every township (plan.townships order).
std::vector<TownshipFigures> township_figures(const MapInputs& inputs);

// The page of township `township` (index into plan.townships).
core::Result<MapDocument> compose_township_page(const MapInputs& inputs, const MapRequest& request,
                                                std::size_t township);

struct AtlasWritten {
    int pages = 0;
    std::vector<std::string> files;  // the PDF, or the PNGs in page order
};

// Writes the atlas: a path ending in .pdf gets one PDF of all pages; any other path is a folder
// (made when missing) that gets one PNG per page, "<code>_<name>.png". `progress` (optional)
// is called after each page with (done, total).
core::Result<AtlasWritten> write_atlas(const MapInputs& inputs, const MapRequest& request,
                                       const std::string& path,
                                       const std::function<void(int, int)>& progress = {});

}  // namespace beltplan::render
