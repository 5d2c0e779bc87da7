// Page label placement: a grid of taken boxes (cells of 48 units, so thousands of labels stay
// linear), markers first, then labels by priority; a label on a marker slides past it along
// each axis in turn and takes the nearest free spot its feature has room for.
#include "render/label_placement.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <unordered_map>

namespace beltplan::render {

namespace {

constexpr double kUnitsPerLabel = 5000.0;  // page area per drawn name: about 100 x 50 units

class BoxGrid {
public:
    const PageRect* hit(const PageRect& box) const {
        const PageRect* found = nullptr;
        for_cells(box, [&](std::int64_t key) {
            if (found != nullptr) {
                return;
            }
            if (auto it = cells_.find(key); it != cells_.end()) {
                for (const PageRect& o : it->second) {
                    if (o.overlaps(box)) {
                        found = &o;
                        return;
                    }
                }
            }
        });
        return found;
    }
    void add(const PageRect& box) {
        for_cells(box, [&](std::int64_t key) { cells_[key].push_back(box); });
    }

private:
    static constexpr double kCell = 48.0;
    static int cell(double v) {
        return static_cast<int>(std::clamp(std::floor(v / kCell), -1e9, 1e9));
    }
    template <typename F>
    static void for_cells(const PageRect& box, F&& f) {
        for (int cx = cell(box.x0); cx <= cell(box.x1); ++cx) {
            for (int cy = cell(box.y0); cy <= cell(box.y1); ++cy) {
                f((static_cast<std::int64_t>(cx) << 32) ^ static_cast<std::uint32_t>(cy));
            }
        }
    }
    std::unordered_map<std::int64_t, std::vector<PageRect>> cells_;
};

PageRect shifted(const PageRect& r, double dx, double dy) {
    return {r.x0 + dx, r.y0 + dy, r.x1 + dx, r.y1 + dy};
}

// Slides `box` along (sx, sy) (a unit step) past one marker at a time; false after six.
bool slide_past(const BoxGrid& markers, double sx, double sy, PageRect& box) {
    for (int n = 0; n < 6; ++n) {
        const PageRect* m = markers.hit(box);
        if (m == nullptr) {
            return true;
        }
        const double d = 0.5 + (sx > 0   ? m->x1 - box.x0
                                : sx < 0 ? box.x1 - m->x0
                                : sy > 0 ? m->y1 - box.y0
                                         : box.y1 - m->y0);
        box = shifted(box, sx * d, sy * d);
    }
    return false;
}

// The nearest free spot off the markers (below, above, right, left on the page) within the
// feature's room; false when there is none.
bool clear_of_markers(const BoxGrid& markers, const BoxGrid& taken, const LabelRoom& room,
                      double metres_per_unit, PageRect& box) {
    const double steps[4][2] = {{0, 1}, {0, -1}, {1, 0}, {-1, 0}};
    double best = std::numeric_limits<double>::infinity();
    PageRect best_box = box;
    for (const auto& s : steps) {
        PageRect moved = box;
        if (!slide_past(markers, s[0], s[1], moved) || taken.hit(moved) != nullptr) {
            continue;
        }
        const double dx = moved.x0 - box.x0;
        const double dy = moved.y0 - box.y0;
        const double shift = std::fabs(dx) + std::fabs(dy);
        // Page y runs down, plan y up.
        if (shift < best && room.allows(dx * metres_per_unit, -dy * metres_per_unit)) {
            best = shift;
            best_box = moved;
        }
    }
    if (!std::isfinite(best)) {
        return false;
    }
    box = best_box;
    return true;
}

}  // namespace

std::vector<PlacedLabel> place_labels(const std::vector<LabelSpec>& labels, const MapView& view,
                                      const LabelPlacementOptions& options) {
    std::vector<std::size_t> order(labels.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const LabelSpec& la = labels[a];
        const LabelSpec& lb = labels[b];
        return la.priority != lb.priority ? la.priority > lb.priority : la.extent_m > lb.extent_m;
    });
    const double s = options.scale;
    const PageRect& bounds = options.bounds;
    const std::size_t budget =
        options.budget > 0
            ? options.budget
            : static_cast<std::size_t>(
                  std::max(20.0, bounds.width() * bounds.height() / (kUnitsPerLabel * s * s)));
    BoxGrid markers;
    for (const PageRect& m : options.markers) {
        markers.add(m);
    }
    BoxGrid taken;
    for (const PageRect& r : options.reserved) {
        taken.add(r);
    }
    std::vector<PlacedLabel> out;
    // A page covered in names reads as texture: the most important ones up to a share of it.
    const double cover_limit = options.max_cover * bounds.width() * bounds.height();
    double covered = 0.0;
    for (std::size_t i : order) {
        if (out.size() >= budget || covered >= cover_limit) {
            break;
        }
        const LabelSpec& spec = labels[i];
        const PagePoint p = view.to_page(spec.anchor);
        const double size = spec.size_px * s;
        const double half_w = 0.5 * text_width_units(spec.text, size) + 2.0 * s;
        const double half_h = 0.5 * size + 2.0 * s;
        if (!bounds.contains(p) ||
            (spec.extent_m > 0.0 && spec.extent_m / view.metres_per_unit < half_w)) {
            continue;  // off the map, or the feature is smaller on the page than half its name
        }
        PageRect box{p.x - half_w, p.y - half_h, p.x + half_w, p.y + half_h};
        if (markers.hit(box) != nullptr) {
            if (!spec.room.any() ||
                !clear_of_markers(markers, taken, spec.room, view.metres_per_unit, box)) {
                continue;
            }
        } else if (taken.hit(box) != nullptr) {
            continue;
        }
        if (box.x0 < bounds.x0 || box.x1 > bounds.x1 || box.y0 < bounds.y0 || box.y1 > bounds.y1) {
            continue;
        }
        taken.add(box);
        covered += (box.x1 - box.x0) * (box.y1 - box.y0);
        out.push_back({i, {(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2}, box});
    }
    return out;
}

}  // namespace beltplan::render
