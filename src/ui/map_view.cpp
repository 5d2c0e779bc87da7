// MapView: screen <-> plan metres, pan, zoom about the cursor, fit.
#include "ui/map_view.h"

#include <algorithm>
#include <cmath>

namespace beltplan::ui {

namespace {

constexpr double kMinMPerPx = 0.01;
constexpr double kMaxMPerPx = 1.0e5;

}  // namespace

void MapView::set_viewport(int width_px, int height_px) {
    width_px_ = std::max(width_px, 1);
    height_px_ = std::max(height_px, 1);
}

void MapView::set(core::PointM center, double m_per_px) {
    center_ = center;
    m_per_px_ = std::clamp(m_per_px, kMinMPerPx, kMaxMPerPx);
}

core::PointM MapView::to_world(ScreenPoint p) const {
    return {center_.x + (p.x - width_px_ / 2.0) * m_per_px_,
            center_.y - (p.y - height_px_ / 2.0) * m_per_px_};
}

ScreenPoint MapView::to_screen(core::PointM p) const {
    return {static_cast<float>(width_px_ / 2.0 + (p.x - center_.x) / m_per_px_),
            static_cast<float>(height_px_ / 2.0 - (p.y - center_.y) / m_per_px_)};
}

void MapView::pan_px(float dx, float dy) {
    center_.x -= dx * m_per_px_;
    center_.y += dy * m_per_px_;
}

void MapView::pan_px_turned(float dx, float dy, double heading_deg) {
    const double h = heading_deg * 3.14159265358979323846 / 180.0;
    pan_px(static_cast<float>(dx * std::cos(h) - dy * std::sin(h)),
           static_cast<float>(dx * std::sin(h) + dy * std::cos(h)));
}

void MapView::zoom_at(ScreenPoint cursor, double factor) {
    if (!(factor > 0.0)) {
        return;
    }
    const core::PointM before = to_world(cursor);
    m_per_px_ = std::clamp(m_per_px_ / factor, kMinMPerPx, kMaxMPerPx);
    const core::PointM after = to_world(cursor);
    center_.x += before.x - after.x;
    center_.y += before.y - after.y;
}

void MapView::fit(const core::Box& box, double margin, float left_px, float top_px, float right_px,
                  float bottom_px) {
    if (!box.valid()) {
        return;
    }
    const double free_w = std::max(width_px_ - left_px - right_px, 16.f);
    const double free_h = std::max(height_px_ - top_px - bottom_px, 16.f);
    const double scale = std::max(box.width() / (free_w * (1.0 - 2.0 * margin)),
                                  box.height() / (free_h * (1.0 - 2.0 * margin)));
    m_per_px_ = std::clamp(scale > 0.0 ? scale : 1.0, kMinMPerPx, kMaxMPerPx);
    // The box centre goes to the centre of the free area.
    const double dx_px = left_px + free_w / 2.0 - width_px_ / 2.0;
    const double dy_px = top_px + free_h / 2.0 - height_px_ / 2.0;
    center_ = {(box.min_x + box.max_x) / 2.0 - dx_px * m_per_px_,
               (box.min_y + box.max_y) / 2.0 + dy_px * m_per_px_};
}

void MapView::fly_to(core::PointM p, double span_m) {
    set(p, span_m / std::max(1, std::min(width_px_, height_px_)));
}

core::Box MapView::visible() const {
    core::Box b;
    b.expand(to_world({0.f, 0.f}));
    b.expand(to_world({static_cast<float>(width_px_), static_cast<float>(height_px_)}));
    return b;
}

}  // namespace beltplan::ui
