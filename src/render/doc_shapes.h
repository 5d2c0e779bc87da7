// Internal to render: small builders of document items (rectangles, lines, polygons, texts)
// shared by the frame, the map layers and the atlas page.
#pragma once

#include "render/map_document.h"

#include <string>
#include <utility>
#include <vector>

namespace beltplan::render::doc {

inline PathItem rect(const PageRect& r, const Rgba& fill, const Rgba& stroke = {0, 0, 0, 0},
                     double stroke_width = 1.0) {
    PathItem p;
    p.style.fill = fill;
    p.style.stroke = stroke;
    p.style.stroke_width = stroke_width;
    p.style.round = false;
    p.begin_subpath();
    p.add({r.x0, r.y0});
    p.add({r.x1, r.y0});
    p.add({r.x1, r.y1});
    p.add({r.x0, r.y1});
    return p;
}

inline PathItem line(const PagePoint& a, const PagePoint& b, const Rgba& color, double width,
                     bool round = false) {
    PathItem p;
    p.closed = false;
    p.style.stroke = color;
    p.style.stroke_width = width;
    p.style.round = round;
    p.begin_subpath();
    p.add(a);
    p.add(b);
    return p;
}

inline PathItem polygon(std::vector<PagePoint> points, const Rgba& fill) {
    PathItem p;
    p.style.fill = fill;
    p.begin_subpath();
    p.points = std::move(points);
    return p;
}

inline TextItem text(std::string s, const PagePoint& at, double size, const Rgba& color,
                     bool bold = false, Align h = Align::kStart, Align v = Align::kCentre) {
    TextItem t;
    t.text = std::move(s);
    t.at = at;
    t.size = size;
    t.color = color;
    t.bold = bold;
    t.h = h;
    t.v = v;
    return t;
}

}  // namespace beltplan::render::doc
