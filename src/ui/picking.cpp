// Picking villages by point and sites by screen distance.
#include "ui/picking.h"

namespace beltplan::ui {

VillagePicker::VillagePicker(const core::Plan& plan) : plan_(plan) {
    boxes_.reserve(plan.villages.size());
    for (const core::Village& v : plan.villages) {
        boxes_.push_back(core::bounds(v.shape));
    }
}

int VillagePicker::village_at(const core::PointM& p) const {
    for (std::size_t i = 0; i < boxes_.size(); ++i) {
        if (boxes_[i].contains(p) && core::contains(plan_.villages[i].shape, p)) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

int site_near(const core::Plan& plan, const MapView& view, ScreenPoint cursor, float radius_px) {
    int best = -1;
    float best_d2 = radius_px * radius_px;
    for (std::size_t i = 0; i < plan.sites.size(); ++i) {
        const ScreenPoint s = view.to_screen(plan.sites[i].position);
        const float dx = s.x - cursor.x;
        const float dy = s.y - cursor.y;
        const float d2 = dx * dx + dy * dy;
        if (d2 <= best_d2) {
            best_d2 = d2;
            best = static_cast<int>(i);
        }
    }
    return best;
}

}  // namespace beltplan::ui
