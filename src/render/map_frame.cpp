// Map furniture in pixel coordinates (origin bottom-left): boxes and symbols are triangle and
// line batches, text is osgText in object coordinates (1 unit = 1 pixel).
#include "render/map_frame.h"

#include "render/label_layer.h"
#include "render/scene_parts.h"

#include <osgText/Text>

#include <algorithm>
#include <cmath>

namespace beltplan::render {

namespace {

using detail::LineBatch;
using detail::TriangleBatch;

constexpr float kPi = 3.14159265f;

// Collects the furniture's pieces and turns them into drawables.
struct Canvas {
    TriangleBatch fills;
    TriangleBatch top_fills;  // drawn above lines (symbols over box borders)
    LineBatch thin;
    std::vector<std::pair<LineBatch, std::pair<Rgba, float>>> lines;
    osg::ref_ptr<osg::Group> group = new osg::Group;
    osg::ref_ptr<osgText::Font> regular;
    osg::ref_ptr<osgText::Font> bold;

    static osg::Vec3 at(float x, float y) { return {x, y, 0.f}; }
    void rect(TriangleBatch& t, float x0, float y0, float x1, float y1, const Rgba& c) {
        t.add_triangle(at(x0, y0), at(x1, y0), at(x1, y1), c);
        t.add_triangle(at(x0, y0), at(x1, y1), at(x0, y1), c);
    }
    void frame_rect(float x0, float y0, float x1, float y1) {
        thin.add_segment(at(x0, y0), at(x1, y0));
        thin.add_segment(at(x1, y0), at(x1, y1));
        thin.add_segment(at(x1, y1), at(x0, y1));
        thin.add_segment(at(x0, y1), at(x0, y0));
    }
    void line(float x0, float y0, float x1, float y1, const Rgba& c, float width) {
        LineBatch b;
        b.add_segment(at(x0, y0), at(x1, y1));
        lines.push_back({b, {c, width}});
    }
    void polygon(TriangleBatch& t, float cx, float cy, const std::vector<osg::Vec2>& pts,
                 const Rgba& c) {
        for (std::size_t i = 0; i < pts.size(); ++i) {
            const osg::Vec2& a = pts[i];
            const osg::Vec2& b = pts[(i + 1) % pts.size()];
            t.add_triangle(at(cx, cy), at(cx + a.x(), cy + a.y()), at(cx + b.x(), cy + b.y()), c);
        }
    }
    // Text anchored by `align` at (x, y); returns nothing, size in pixels.
    void text(const std::string& s, float x, float y, float size, const Rgba& c, bool is_bold,
              osgText::Text::AlignmentType align) {
        osg::ref_ptr<osgText::Text> t = new osgText::Text;
        t->setFont(is_bold ? bold.get() : regular.get());
        const auto res = static_cast<unsigned>(std::clamp(size * 1.2f, 16.f, 128.f));
        t->setFontResolution(res, res);
        t->setCharacterSize(size);
        t->setAlignment(align);
        t->setPosition(at(x, y));
        t->setColor(detail::vec4(c));
        t->setText(s, osgText::String::ENCODING_UTF8);
        group->addChild(t.get());
    }
};

std::vector<osg::Vec2> star(float r) {
    std::vector<osg::Vec2> p;
    for (int i = 0; i < 10; ++i) {
        const float rr = i % 2 == 0 ? r : r * 0.45f;
        const float a = kPi / 2.f + static_cast<float>(i) * kPi / 5.f;
        p.emplace_back(rr * std::cos(a), rr * std::sin(a));
    }
    return p;
}

std::vector<osg::Vec2> circle(float r, int n = 24) {
    std::vector<osg::Vec2> p;
    for (int i = 0; i < n; ++i) {
        const float a = static_cast<float>(i) * 2.f * kPi / static_cast<float>(n);
        p.emplace_back(r * std::cos(a), r * std::sin(a));
    }
    return p;
}

void draw_symbol(Canvas& cv, const LegendEntry& e, float x, float y, float w, float h, float u) {
    const float cx = x + w / 2;
    const float cy = y + h / 2;
    switch (e.symbol) {
        case LegendSymbol::kFill:
            if (e.color.a > 0.f) {
                cv.rect(cv.fills, x, y, x + w, y + h, e.color);
                cv.line(x, y, x + w, y, hex(0x8c8c8c), 1.f);
                cv.line(x, y + h, x + w, y + h, hex(0x8c8c8c), 1.f);
                cv.line(x, y, x, y + h, hex(0x8c8c8c), 1.f);
                cv.line(x + w, y, x + w, y + h, hex(0x8c8c8c), 1.f);
            }
            break;
        case LegendSymbol::kLine:
            cv.line(x, cy, x + w, cy, e.color, 2.f * u);
            break;
        case LegendSymbol::kThickLine:
            cv.line(x, cy, x + w, cy, e.color, 3.5f * u);
            break;
        case LegendSymbol::kBand:
            cv.rect(cv.fills, x, y, x + w, y + h, e.color);
            cv.line(x, cy, x + w, cy, hex(colors::kBeltRoad), 3.f * u);
            break;
        case LegendSymbol::kCircle:
            cv.polygon(cv.top_fills, cx, cy, circle(h * 0.55f, 32), e.color);
            break;
        case LegendSymbol::kSiteDistrict:
            cv.polygon(cv.top_fills, cx, cy, star(h * 0.75f), hex(0xffffff));
            cv.polygon(cv.top_fills, cx, cy, star(h * 0.62f), e.color);
            break;
        case LegendSymbol::kSiteTown:
            cv.polygon(cv.top_fills, cx, cy, circle(h * 0.45f), hex(0xffffff));
            cv.polygon(cv.top_fills, cx, cy, circle(h * 0.36f), e.color);
            break;
        case LegendSymbol::kLead:
            cv.polygon(cv.top_fills, cx, cy,
                       {{0, h * 0.5f}, {-h * 0.4f, 0}, {0, -h * 0.5f}, {h * 0.4f, 0}}, e.color);
            break;
    }
}

void draw_legend(Canvas& cv, const Legend& legend, float u, int height, int bottom) {
    const float row = 24.f * u;
    const float sw = 30.f * u;
    const float sh = 15.f * u;
    const float pad = 10.f * u;
    float text_w = text_width_px(legend.title, 17.f * u);
    for (const LegendEntry& e : legend.entries) {
        text_w = std::max(text_w, sw + 8.f * u + text_width_px(e.label, 14.f * u));
    }
    const float w = text_w + 2 * pad;
    const float h = 28.f * u + row * static_cast<float>(legend.entries.size()) + pad;
    const float x0 = 12.f * u;
    const float y0 = static_cast<float>(bottom) + 10.f * u;
    (void)height;
    cv.rect(cv.fills, x0, y0, x0 + w, y0 + h, hex(0xffffff, 0.88f));
    cv.frame_rect(x0, y0, x0 + w, y0 + h);
    cv.text(legend.title, x0 + pad, y0 + h - 18.f * u, 17.f * u, hex(colors::kText), true,
            osgText::Text::LEFT_CENTER);
    float y = y0 + h - 28.f * u - row;
    for (const LegendEntry& e : legend.entries) {
        draw_symbol(cv, e, x0 + pad, y + (row - sh) / 2, sw, sh, u);
        cv.text(e.label, x0 + pad + sw + 8.f * u, y + row / 2, 14.f * u, hex(colors::kText), false,
                osgText::Text::LEFT_CENTER);
        y -= row;
    }
}

void draw_scale_bar(Canvas& cv, double mpp, float u, int width, int bottom) {
    const double length_m = nice_length_m(mpp * 160.0 * u);
    const auto px = static_cast<float>(length_m / mpp);
    const float x1 = static_cast<float>(width) - 24.f * u;
    const float x0 = x1 - px;
    const float y0 = static_cast<float>(bottom) + 22.f * u;
    const float bh = 7.f * u;
    cv.rect(cv.fills, x0 - 10.f * u, y0 - 8.f * u, x1 + 10.f * u, y0 + 36.f * u,
            hex(0xffffff, 0.8f));
    for (int i = 0; i < 4; ++i) {
        const float a = x0 + px * static_cast<float>(i) / 4.f;
        cv.rect(cv.fills, a, y0, a + px / 4.f, y0 + bh, hex(i % 2 == 0 ? 0x202020 : 0xffffff));
    }
    const Rgba edge = hex(0x202020);
    cv.line(x0, y0, x1, y0, edge, u);
    cv.line(x0, y0 + bh, x1, y0 + bh, edge, u);
    cv.line(x0, y0, x0, y0 + bh, edge, u);
    cv.line(x1, y0, x1, y0 + bh, edge, u);
    cv.text("0", x0, y0 + bh + 4.f * u, 13.f * u, hex(colors::kText), false,
            osgText::Text::CENTER_BOTTOM);
    cv.text(format_distance(length_m), x1, y0 + bh + 4.f * u, 13.f * u, hex(colors::kText), false,
            osgText::Text::CENTER_BOTTOM);
}

void draw_north_arrow(Canvas& cv, double north_deg, float u, int width, int height, int top) {
    const float cx = static_cast<float>(width) - 48.f * u;
    const float cy = static_cast<float>(height - top) - 58.f * u;
    const float r = 30.f * u;
    const float a = static_cast<float>(north_deg) * kPi / 180.f;
    auto rot = [&](float x, float y) {
        return osg::Vec2(x * std::cos(a) + y * std::sin(a), -x * std::sin(a) + y * std::cos(a));
    };
    const osg::Vec2 tip = rot(0, r);
    const osg::Vec2 left = rot(-r * 0.42f, -r * 0.7f);
    const osg::Vec2 right = rot(r * 0.42f, -r * 0.7f);
    const osg::Vec2 notch = rot(0, -r * 0.35f);
    auto p = [&](const osg::Vec2& v) { return Canvas::at(cx + v.x(), cy + v.y()); };
    cv.top_fills.add_triangle(p(tip), p(left), p(notch), hex(0x202020));
    cv.top_fills.add_triangle(p(tip), p(notch), p(right), hex(0x9e9e9e));
    const osg::Vec2 label = rot(0, r + 14.f * u);
    cv.text("N", cx + label.x(), cy + label.y(), 18.f * u, hex(colors::kText), true,
            osgText::Text::CENTER_CENTER);
}

void draw_stats(Canvas& cv, const std::vector<std::string>& stats, float u, int height, int top) {
    if (stats.empty()) {
        return;
    }
    const float pad = 10.f * u;
    const float row = 21.f * u;
    float w = 0.f;
    for (const std::string& s : stats) {
        w = std::max(w, text_width_px(s, 14.f * u));
    }
    const float x0 = 12.f * u;
    const float y1 = static_cast<float>(height - top) - 10.f * u;
    const float y0 = y1 - row * static_cast<float>(stats.size()) - pad;
    cv.rect(cv.fills, x0, y0, x0 + w + 2 * pad, y1, hex(0xffffff, 0.88f));
    cv.frame_rect(x0, y0, x0 + w + 2 * pad, y1);
    float y = y1 - pad / 2 - row / 2;
    for (const std::string& s : stats) {
        cv.text(s, x0 + pad, y, 14.f * u, hex(colors::kText), false, osgText::Text::LEFT_CENTER);
        y -= row;
    }
}

}  // namespace

float frame_unit(int width, int height) {
    return std::max(0.8f, static_cast<float>(std::min(width, height)) / 1000.f);
}

int frame_top_px(int width, int height) {
    return static_cast<int>(96.f * frame_unit(width, height));
}

int frame_bottom_px(int width, int height) {
    return static_cast<int>(28.f * frame_unit(width, height));
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

osg::ref_ptr<osg::Camera> build_map_frame(const MapFrameContent& content, int width, int height,
                                          const osg::ref_ptr<osgText::Font>& regular,
                                          const osg::ref_ptr<osgText::Font>& bold) {
    const float u = frame_unit(width, height);
    const int top = frame_top_px(width, height);
    const int bottom = frame_bottom_px(width, height);
    Canvas cv;
    cv.regular = regular;
    cv.bold = bold ? bold : regular;
    const auto w = static_cast<float>(width);
    const auto h = static_cast<float>(height);
    // Title band and provenance band.
    cv.rect(cv.fills, 0, h - static_cast<float>(top), w, h, hex(0xffffff, 0.92f));
    cv.rect(cv.fills, 0, 0, w, static_cast<float>(bottom), hex(0xffffff, 0.92f));
    cv.text(content.title, w / 2, h - 40.f * u, 34.f * u, hex(colors::kText), true,
            osgText::Text::CENTER_CENTER);
    if (!content.subtitle.empty()) {
        cv.text(content.subtitle, w / 2, h - 76.f * u, 17.f * u, hex(0x555555), false,
                osgText::Text::CENTER_CENTER);
    }
    cv.text(content.provenance, 12.f * u, static_cast<float>(bottom) / 2, 12.f * u, hex(0x666666),
            false, osgText::Text::LEFT_CENTER);
    draw_stats(cv, content.stats, u, height, top);
    draw_legend(cv, content.legend, u, height, bottom);
    if (content.metres_per_pixel > 0.0) {
        draw_scale_bar(cv, content.metres_per_pixel, u, width, bottom);
    }
    draw_north_arrow(cv, content.north_deg, u, width, height, top);

    osg::ref_ptr<osg::Camera> camera = new osg::Camera;
    camera->setReferenceFrame(osg::Transform::ABSOLUTE_RF);
    camera->setRenderOrder(osg::Camera::NESTED_RENDER);
    camera->setClearMask(0);
    camera->setAllowEventFocus(false);
    camera->setViewMatrix(osg::Matrixd::identity());
    camera->setProjectionMatrixAsOrtho2D(0, width, 0, height);
    camera->setComputeNearFarMode(osg::CullSettings::DO_NOT_COMPUTE_NEAR_FAR);
    camera->setCullingActive(false);
    osg::StateSet* state = camera->getOrCreateStateSet();
    detail::set_2d_state(state, 1000);
    camera->addChild(cv.fills.build(1001).get());
    if (osg::ref_ptr<osg::Geometry> g = cv.thin.build(hex(0x9e9e9e), 1.f, 1002); g) {
        camera->addChild(g.get());
    }
    for (const auto& [batch, style] : cv.lines) {
        camera->addChild(batch.build(style.first, style.second, 1003).get());
    }
    if (osg::ref_ptr<osg::Geometry> g = cv.top_fills.build(1004); g) {
        camera->addChild(g.get());
    }
    osg::StateSet* text_state = cv.group->getOrCreateStateSet();
    detail::set_2d_state(text_state, 1005);
    camera->addChild(cv.group.get());
    return camera;
}

}  // namespace beltplan::render
