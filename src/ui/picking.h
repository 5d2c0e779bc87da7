// What lies under the cursor: the village containing a plan point, the site nearest a screen
// point. Village boxes are indexed once, so hovering a 50,000-village plan stays cheap.
#pragma once

#include "core/plan.h"
#include "ui/map_view.h"

#include <vector>

namespace beltplan::ui {

class VillagePicker {
public:
    // Borrows the plan's villages, which must not change while this object lives.
    explicit VillagePicker(const core::Plan& plan);
    // Index in plan.villages of the village containing p, or -1.
    int village_at(const core::PointM& p) const;

private:
    const core::Plan& plan_;
    std::vector<core::Box> boxes_;
};

// Index in plan.sites of the site drawn nearest to `cursor` within `radius_px`, or -1.
int site_near(const core::Plan& plan, const MapView& view, ScreenPoint cursor, float radius_px);

}  // namespace beltplan::ui
