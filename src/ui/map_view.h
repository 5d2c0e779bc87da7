// The 2D map camera as plain numbers: centre in plan metres, metres per pixel and the window
// size; conversions between screen pixels (origin top-left, y down, as ImGui) and plan metres,
// pan, zoom about a cursor and fit. Pure: the app turns it into OSG matrices.
#pragma once

#include "core/geometry.h"

namespace beltplan::ui {

struct ScreenPoint {
    float x = 0.f;  // pixels from the left edge
    float y = 0.f;  // pixels from the top edge
};

class MapView {
public:
    // Window size in pixels; keeps the centre and scale.
    void set_viewport(int width_px, int height_px);
    int width_px() const { return width_px_; }
    int height_px() const { return height_px_; }

    core::PointM center() const { return center_; }
    double m_per_px() const { return m_per_px_; }
    void set(core::PointM center, double m_per_px);

    core::PointM to_world(ScreenPoint p) const;
    ScreenPoint to_screen(core::PointM p) const;

    // Moves the map by a mouse delta in pixels (the map follows the cursor).
    void pan_px(float dx, float dy);
    // The same under a camera turned by heading_deg (clockwise from north), as in the 2.5D
    // view: screen right lies along (cos h, -sin h) on the ground, screen up along (sin h, cos h).
    void pan_px_turned(float dx, float dy, double heading_deg);
    // Zooms by `factor` (>1 zooms in) keeping the plan point under `cursor` fixed.
    void zoom_at(ScreenPoint cursor, double factor);
    // Shows the whole box with a margin of `margin` (fraction of the window) on each side,
    // inside the window less the given insets in pixels (panels covering the edges).
    void fit(const core::Box& box, double margin = 0.05, float left_px = 0.f, float top_px = 0.f,
             float right_px = 0.f, float bottom_px = 0.f);
    // Centres on a point and zooms so that `span_m` fits the smaller window side.
    void fly_to(core::PointM p, double span_m);

    // The visible plan extent.
    core::Box visible() const;

private:
    core::PointM center_;
    double m_per_px_ = 10.0;
    int width_px_ = 1280;
    int height_px_ = 800;
};

}  // namespace beltplan::ui
