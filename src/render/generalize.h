// What a map can show at its scale: site markers full size while they stand apart, smaller
// when they would overlap, then a density of dots, then a per-township summary (covered
// share as a choropleth, the count of sites printed); village outlines only where villages
// are large enough on the page to read; outlines simplified to the output resolution.
#pragma once

#include "core/plan.h"
#include "render/map_document.h"

#include <vector>

namespace beltplan::render {

enum class SiteStyle {
    kMarkers,          // stars and dots with a white rim
    kSmallMarkers,     // the same at about half size
    kDots,             // one small dot per site: density
    kTownshipSummary,  // villages summarised per township, site counts as numbers
};

struct MapDetail {
    SiteStyle sites = SiteStyle::kMarkers;
    bool village_outlines = true;  // villages wide enough on the page for an outline
    double village_size = 0.0;     // typical village width on the page (units)
    double simplify_units = 0.35;  // outline tolerance on the page
};

// Thresholds (page units of the frame unit u, shares of markers).
inline constexpr double kMarkerOverlapShare = 0.2;  // markers overlapping another: at most
inline constexpr double kOverlapDistance = 0.75;    // overlap: centres nearer than this x size
inline constexpr double kSmallMarkerScale = 0.55;
inline constexpr double kDotSize = 3.0;              // dot diameter, units of u
inline constexpr double kDotCoverShare = 0.1;        // dots may cover this share of the map
inline constexpr double kMinVillageUnits = 1.6;      // villages narrower: township summary
inline constexpr double kOutlineVillageUnits = 7.0;  // villages narrower: no outline

// Share of markers of `size` units (across) that overlap another one by a quarter or more
// (centres nearer than kOverlapDistance x size).
double marker_overlap_share(const std::vector<PagePoint>& at, double size);

// Chooses the detail of a view. `sites_on_page`: the page positions of the sites shown;
// `villages_on_page`: how many villages the view shows; `u`: the frame unit. Full markers are
// `marker_units` across at u = 1. The summary needs townships (`has_townships`).
MapDetail choose_detail(const std::vector<PagePoint>& sites_on_page, std::size_t villages_on_page,
                        const MapView& view, double u, double marker_units, bool has_townships);

}  // namespace beltplan::render
