// villages_in_rect: the screen rectangle as a plan box, anchors tested against it.
#include "ui/rect_select.h"

#include <imgui.h>

#include <algorithm>

namespace beltplan::ui {

std::vector<int> villages_in_rect(const core::Plan& plan, const MapView& view, ScreenPoint a,
                                  ScreenPoint b) {
    const core::PointM p = view.to_world(a);
    const core::PointM q = view.to_world(b);
    const core::Box box{std::min(p.x, q.x), std::min(p.y, q.y), std::max(p.x, q.x),
                        std::max(p.y, q.y)};
    std::vector<int> inside;
    for (std::size_t i = 0; i < plan.villages.size(); ++i) {
        const core::PointM c = core::anchor(plan.villages[i]);
        if (c.x >= box.min_x && c.x <= box.max_x && c.y >= box.min_y && c.y <= box.max_y) {
            inside.push_back(static_cast<int>(i));
        }
    }
    return inside;
}

void draw_select_rect(ScreenPoint a, ScreenPoint b) {
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    const ImVec2 lo(std::min(a.x, b.x), std::min(a.y, b.y));
    const ImVec2 hi(std::max(a.x, b.x), std::max(a.y, b.y));
    draw->AddRectFilled(lo, hi, IM_COL32(20, 90, 200, 40));
    draw->AddRect(lo, hi, IM_COL32(20, 90, 200, 220), 0.f, 0, 1.5f);
}

}  // namespace beltplan::ui
