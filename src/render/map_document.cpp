// The map document's small helpers: view fitting, layer lookup and text metrics.
#include "render/map_document.h"

#include <algorithm>

namespace beltplan::render {

core::Box MapView::visible() const {
    const core::PointM a = to_plan({area.x0, area.y1});
    const core::PointM b = to_plan({area.x1, area.y0});
    return core::Box{a.x, a.y, b.x, b.y};
}

MapView MapView::fit(const core::Box& box, const PageRect& area, double margin) {
    MapView v;
    v.area = area;
    const double w = std::max(1.0, area.width() * (1.0 - 2.0 * margin));
    const double h = std::max(1.0, area.height() * (1.0 - 2.0 * margin));
    if (!box.valid()) {
        return v;
    }
    v.centre = {(box.min_x + box.max_x) / 2.0, (box.min_y + box.max_y) / 2.0};
    v.metres_per_unit = std::max({box.width() / w, box.height() / h, 1e-6});
    return v;
}

MapView MapView::fit_within(const core::Box& box, const PageRect& inner, const PageRect& area,
                            double margin) {
    MapView v = fit(box, inner, margin);
    // The same scale and plan point at inner's centre, seen through the whole area.
    const double dx = 0.5 * (inner.x0 + inner.x1) - 0.5 * (area.x0 + area.x1);
    const double dy = 0.5 * (inner.y0 + inner.y1) - 0.5 * (area.y0 + area.y1);
    v.centre = {v.centre.x - dx * v.metres_per_unit, v.centre.y + dy * v.metres_per_unit};
    v.area = area;
    return v;
}

DocLayer& MapDocument::add_layer(const std::string& name, std::optional<PageRect> clip) {
    layers.push_back(DocLayer{name, clip, {}});
    return layers.back();
}

const DocLayer* MapDocument::find(const std::string& name) const {
    for (const DocLayer& l : layers) {
        if (l.name == name) {
            return &l;
        }
    }
    return nullptr;
}

double text_width_em(const std::string& utf8) {
    double w = 0.0;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        const std::size_t len = c < 0x80 ? 1 : (c < 0xe0 ? 2 : (c < 0xf0 ? 3 : 4));
        if (len == 1) {
            w += c == ' ' ? 0.27 : (c >= 'A' && c <= 'Z' ? 0.64 : 0.56);
        } else {
            w += 1.0;
        }
        i += len;
    }
    return w;
}

PageRect text_box(const TextItem& t) {
    const double w = text_width_units(t.text, t.size);
    const double x0 = t.h == Align::kStart    ? t.at.x
                      : t.h == Align::kCentre ? t.at.x - w / 2
                                              : t.at.x - w;
    const double y0 = t.v == Align::kStart    ? t.at.y
                      : t.v == Align::kCentre ? t.at.y - t.size / 2
                                              : t.at.y - t.size;
    return {x0, y0, x0 + w, y0 + t.size};
}

}  // namespace beltplan::render
