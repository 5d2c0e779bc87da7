// The generalisation cascade of a map view: marker overlap by a grid of cells one marker
// wide (linear in sites), dot cover, and the typical village width on the page.
#include "render/generalize.h"

#include <cmath>
#include <cstdint>
#include <unordered_map>

namespace beltplan::render {

double marker_overlap_share(const std::vector<PagePoint>& at, double size) {
    if (at.size() < 2 || size <= 0.0) {
        return 0.0;
    }
    std::unordered_map<std::int64_t, std::vector<std::size_t>> cells;
    auto key = [](std::int64_t cx, std::int64_t cy) { return (cx << 32) ^ (cy & 0xffffffff); };
    auto cell = [size](double v) { return static_cast<std::int64_t>(std::floor(v / size)); };
    for (std::size_t i = 0; i < at.size(); ++i) {
        cells[key(cell(at[i].x), cell(at[i].y))].push_back(i);
    }
    std::size_t overlapping = 0;
    const double d2 = kOverlapDistance * kOverlapDistance * size * size;
    for (std::size_t i = 0; i < at.size(); ++i) {
        const std::int64_t cx = cell(at[i].x);
        const std::int64_t cy = cell(at[i].y);
        bool hit = false;
        for (std::int64_t dx = -1; dx <= 1 && !hit; ++dx) {
            for (std::int64_t dy = -1; dy <= 1 && !hit; ++dy) {
                auto it = cells.find(key(cx + dx, cy + dy));
                if (it == cells.end()) {
                    continue;
                }
                for (std::size_t j : it->second) {
                    const double ex = at[j].x - at[i].x;
                    const double ey = at[j].y - at[i].y;
                    if (j != i && ex * ex + ey * ey < d2) {
                        hit = true;
                        break;
                    }
                }
            }
        }
        overlapping += hit ? 1 : 0;
    }
    return static_cast<double>(overlapping) / static_cast<double>(at.size());
}

MapDetail choose_detail(const std::vector<PagePoint>& sites_on_page, std::size_t villages_on_page,
                        const MapView& view, double u, double marker_units, bool has_townships) {
    MapDetail d;
    const double area = std::max(1.0, view.area.width() * view.area.height());
    // Villages fill roughly the map area: their typical width is the root of area per village.
    d.village_size =
        villages_on_page > 0 ? std::sqrt(area / static_cast<double>(villages_on_page)) : area;
    d.village_outlines = d.village_size >= kOutlineVillageUnits * u;
    const double full = marker_units * u;
    const double dot = kDotSize * u;
    const double dot_cover = static_cast<double>(sites_on_page.size()) * 0.785 * dot * dot / area;
    if (marker_overlap_share(sites_on_page, full) <= kMarkerOverlapShare) {
        d.sites = SiteStyle::kMarkers;
    } else if (marker_overlap_share(sites_on_page, full * kSmallMarkerScale) <=
               kMarkerOverlapShare) {
        d.sites = SiteStyle::kSmallMarkers;
    } else if (!has_townships ||
               (dot_cover <= kDotCoverShare && d.village_size >= kMinVillageUnits * u)) {
        d.sites = SiteStyle::kDots;
    } else {
        d.sites = SiteStyle::kTownshipSummary;
    }
    return d;
}

}  // namespace beltplan::render
