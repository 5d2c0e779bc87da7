// Map furniture as document layers in page units (y down): title band, statistics box,
// legend, scale bar, north arrow and provenance line.
#include "render/map_frame.h"

#include "render/doc_shapes.h"
#include "render/village_colors.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace beltplan::render {

namespace {

constexpr double kPi = 3.14159265358979323846;

double top_band(double u) {
    return 96.0 * u;
}
double bottom_band(double u) {
    return 28.0 * u;
}

const Rgba kBoxFill = hex(0xffffff, 0.88f);
const Rgba kBoxLine = hex(0x9e9e9e);

PagePoint stats_size(const std::vector<std::string>& stats, double u) {
    if (stats.empty()) {
        return {0, 0};
    }
    double w = 0.0;
    for (const std::string& s : stats) {
        w = std::max(w, text_width_units(s, 14.0 * u));
    }
    return {w + 20.0 * u, 21.0 * u * static_cast<double>(stats.size()) + 10.0 * u};
}

void add_mark(DocLayer& layer, const LegendRow& row, const PageRect& r, double u) {
    const PagePoint c{(r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2};
    const double h = r.height();
    MarkerItem m;
    m.fill = row.color;
    m.at = {c};
    switch (row.mark) {
        case LegendMark::kFill:
            if (row.color.a > 0.f) {
                layer.items.push_back(doc::rect(r, row.color, hex(0x8c8c8c), 1.0));
            }
            return;
        case LegendMark::kLine:
            layer.items.push_back(doc::line({r.x0, c.y}, {r.x1, c.y}, row.color, 2.0 * u));
            return;
        case LegendMark::kThickLine:
            layer.items.push_back(doc::line({r.x0, c.y}, {r.x1, c.y}, row.color, 3.5 * u));
            return;
        case LegendMark::kBand:
            layer.items.push_back(doc::rect(r, row.color));
            layer.items.push_back(
                doc::line({r.x0, c.y}, {r.x1, c.y}, hex(colors::kBeltRoad), 3.0 * u));
            return;
        case LegendMark::kCircle: {
            PathItem disc;
            disc.style.fill = row.color;
            disc.style.stroke = Rgba{row.color.r, row.color.g, row.color.b, 0.8f};
            disc.style.stroke_width = 1.0;
            disc.begin_subpath();
            for (int i = 0; i < 32; ++i) {
                const double a = 2.0 * kPi * i / 32.0;
                disc.add({c.x + 0.55 * h * std::cos(a), c.y + 0.55 * h * std::sin(a)});
            }
            layer.items.push_back(std::move(disc));
            return;
        }
        case LegendMark::kNumber:
            layer.items.push_back(doc::text("12", c, 13.0 * u, row.color, true, Align::kCentre));
            return;
        case LegendMark::kStar:
            m.shape = MarkerShape::kStar;
            m.size = 1.45 * h * row.size;
            m.rim_width = row.size > 0.7 ? 1.6 * u : 0.0;
            break;
        case LegendMark::kDot:
            m.shape = MarkerShape::kCircle;
            m.size = 0.8 * h * row.size;
            m.rim_width = row.size > 0.7 ? 1.0 * u : 0.0;
            break;
        case LegendMark::kDiamond:
            m.shape = MarkerShape::kDiamond;
            m.size = h;
            break;
        case LegendMark::kSquare:
            m.shape = MarkerShape::kSquare;
            m.size = 0.75 * h;
            break;
    }
    layer.items.push_back(std::move(m));
}

void add_scale_bar(MapDocument& out, const MapFrameContent& c, const PageRect& box, double u) {
    DocLayer& layer = out.add_layer("scale_bar");
    const double length_m = nice_length_m(c.metres_per_unit * 160.0 * u);
    const double px = length_m / c.metres_per_unit;
    const double label = text_width_units(format_distance(length_m), 13.0 * u);
    const double x1 = box.x1 - std::max(10.0 * u, label / 2 + 6.0 * u);
    const double x0 = x1 - px;
    const double bar_top = box.y0 + 24.0 * u;
    const double bh = 7.0 * u;
    layer.items.push_back(doc::rect(box, hex(0xffffff, 0.8f)));
    for (int i = 0; i < 4; ++i) {
        const double a = x0 + px * i / 4.0;
        layer.items.push_back(doc::rect({a, bar_top, a + px / 4.0, bar_top + bh},
                                        hex(i % 2 == 0 ? 0x202020 : 0xffffff)));
    }
    PathItem edge = doc::rect({x0, bar_top, x1, bar_top + bh}, {0, 0, 0, 0}, hex(0x202020), u);
    layer.items.push_back(std::move(edge));
    const Rgba text = hex(colors::kText);
    layer.items.push_back(doc::text("0", {x0, bar_top - 4.0 * u}, 13.0 * u, text, false,
                                    Align::kCentre, Align::kEnd));
    layer.items.push_back(doc::text(format_distance(length_m), {x1, bar_top - 4.0 * u}, 13.0 * u,
                                    text, false, Align::kCentre, Align::kEnd));
    if (!c.scale_text.empty()) {
        layer.items.push_back(doc::text(c.scale_text, {(x0 + x1) / 2, bar_top + bh + 10.0 * u},
                                        12.0 * u, text, false, Align::kCentre));
    }
}

void add_north_arrow(MapDocument& out, double north_deg, const PageRect& box, double u) {
    DocLayer& layer = out.add_layer("north_arrow");
    const PagePoint c{(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2 + 8.0 * u};
    const double r = 30.0 * u;
    const double a = north_deg * kPi / 180.0;
    auto at = [&](double x, double y) {
        return PagePoint{c.x + x * std::cos(a) - y * std::sin(a),
                         c.y + x * std::sin(a) + y * std::cos(a)};
    };
    const PagePoint tip = at(0, -r);
    const PagePoint notch = at(0, 0.35 * r);
    layer.items.push_back(doc::polygon({tip, at(-0.42 * r, 0.7 * r), notch}, hex(0x202020)));
    layer.items.push_back(doc::polygon({tip, notch, at(0.42 * r, 0.7 * r)}, hex(0x9e9e9e)));
    layer.items.push_back(
        doc::text("N", at(0, -r - 14.0 * u), 18.0 * u, hex(colors::kText), true, Align::kCentre));
}

}  // namespace

double frame_unit(double width, double height) {
    return std::max(0.8, std::min(width, height) / 1000.0);
}

double nice_length_m(double target_m) {
    const double p = std::pow(10.0, std::floor(std::log10(std::max(target_m, 1.0))));
    for (double m : {5.0, 2.0, 1.0}) {
        if (m * p <= target_m) {
            return m * p;
        }
    }
    return p;
}

std::string scale_ratio_text(double metres_per_unit) {
    const double ratio = metres_per_unit * kUnitsPerInch / 0.0254;
    // Three significant digits: the printed scale is within 0.5% of the true one.
    const double p = std::pow(10.0, std::max(0.0, std::floor(std::log10(ratio)) - 2.0));
    const auto rounded =
        static_cast<long long>(std::llround(ratio / p) * static_cast<long long>(p));
    std::string digits = std::to_string(rounded);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) {
        digits.insert(static_cast<std::size_t>(i), ",");
    }
    return "1:" + digits;
}

PagePoint legend_size(const MapLegend& legend, double u) {
    double w = text_width_units(legend.title, 17.0 * u);
    for (const LegendRow& r : legend.rows) {
        w = std::max(w, 38.0 * u + text_width_units(r.label, 14.0 * u));
    }
    return {w + 20.0 * u, 28.0 * u + 24.0 * u * static_cast<double>(legend.rows.size()) + 10.0 * u};
}

void add_legend(DocLayer& layer, const MapLegend& legend, const PagePoint& at, double u) {
    const PagePoint size = legend_size(legend, u);
    const double pad = 10.0 * u;
    layer.items.push_back(
        doc::rect({at.x, at.y, at.x + size.x, at.y + size.y}, kBoxFill, kBoxLine, 1.0));
    layer.items.push_back(
        doc::text(legend.title, {at.x + pad, at.y + 18.0 * u}, 17.0 * u, hex(colors::kText), true));
    double y = at.y + 28.0 * u;
    for (const LegendRow& row : legend.rows) {
        const PageRect mark{at.x + pad, y + 4.5 * u, at.x + pad + 30.0 * u, y + 19.5 * u};
        add_mark(layer, row, mark, u);
        layer.items.push_back(doc::text(row.label, {at.x + pad + 38.0 * u, y + 12.0 * u}, 14.0 * u,
                                        hex(colors::kText)));
        y += 24.0 * u;
    }
}

FrameLayout layout_frame(const MapFrameContent& c, double page_width, double height, double panel) {
    FrameLayout f;
    const double u = frame_unit(page_width, height);
    f.unit = u;
    const double top = top_band(u);
    const double bottom = height - bottom_band(u);
    const double width = page_width - panel;  // the map's right edge
    f.map_area = {0.0, top, width, bottom};
    const PagePoint stats = stats_size(c.stats, u);
    f.stats = {12.0 * u, top + 10.0 * u, 12.0 * u + stats.x, top + 10.0 * u + stats.y};
    const PagePoint legend = legend_size(c.legend, u);
    f.legend = {12.0 * u, bottom - 10.0 * u - legend.y, 12.0 * u + legend.x, bottom - 10.0 * u};
    if (c.metres_per_unit > 0.0) {
        const double bar = nice_length_m(c.metres_per_unit * 160.0 * u) / c.metres_per_unit;
        const double h = (c.scale_text.empty() ? 42.0 : 58.0) * u;
        f.scale_bar = {width - 24.0 * u - bar - 20.0 * u, bottom - 10.0 * u - h, width - 4.0 * u,
                       bottom - 10.0 * u};
    }
    f.north_arrow = {width - 88.0 * u, top + 10.0 * u, width - 8.0 * u, top + 100.0 * u};
    return f;
}

void add_frame(MapDocument& out, const MapFrameContent& c, const FrameLayout& f) {
    const double u = f.unit;
    const double w = out.width;
    const double h = out.height;
    DocLayer& title = out.add_layer("title");
    title.items.push_back(doc::rect({0, 0, w, f.map_area.y0}, hex(0xffffff, 0.92f)));
    title.items.push_back(
        doc::text(c.title, {w / 2, 40.0 * u}, 34.0 * u, hex(colors::kText), true, Align::kCentre));
    if (!c.subtitle.empty()) {
        title.items.push_back(doc::text(c.subtitle, {w / 2, 76.0 * u}, 17.0 * u, hex(0x555555),
                                        false, Align::kCentre));
    }
    if (!c.stats.empty()) {
        DocLayer& stats = out.add_layer("stats");
        stats.items.push_back(doc::rect(f.stats, kBoxFill, kBoxLine, 1.0));
        double y = f.stats.y0 + 5.0 * u + 10.5 * u;
        for (const std::string& s : c.stats) {
            stats.items.push_back(
                doc::text(s, {f.stats.x0 + 10.0 * u, y}, 14.0 * u, hex(colors::kText)));
            y += 21.0 * u;
        }
    }
    if (!c.legend.rows.empty()) {
        add_legend(out.add_layer("legend"), c.legend, {f.legend.x0, f.legend.y0}, u);
    }
    if (c.metres_per_unit > 0.0) {
        add_scale_bar(out, c, f.scale_bar, u);
    }
    add_north_arrow(out, c.north_deg, f.north_arrow, u);
    DocLayer& prov = out.add_layer("provenance");
    prov.items.push_back(doc::rect({0, f.map_area.y1, w, h}, hex(0xffffff, 0.92f)));
    prov.items.push_back(
        doc::text(c.provenance, {12.0 * u, (f.map_area.y1 + h) / 2}, 12.0 * u, hex(0x666666)));
}

}  // namespace beltplan::render
