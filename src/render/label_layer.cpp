// Label placement (a point well inside the polygon) and per-frame decluttering: markers take
// their screen boxes first, then labels are tried in priority order and kept only where their
// box meets no kept box; a label on a marker may step just clear of it within its feature.
// Index: [SECTION] Placement in the feature, [SECTION] Screen boxes, [SECTION] LabelLayer.
#include "render/label_layer.h"

#include "render/scene_parts.h"

#include <osgUtil/CullVisitor>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <unordered_map>

namespace beltplan::render {

// ------------------------------------------------------------------------------------------
// [SECTION] Placement in the feature
// ------------------------------------------------------------------------------------------

namespace {

// Screen area (px², at pixel scale 1) allowed per drawn name: about 100 x 50 px.
constexpr double kScreenPxPerLabel = 5000.0;

double boundary_distance(const core::Polygon& p, const core::PointM& q) {
    double best = std::numeric_limits<double>::infinity();
    auto ring_distance = [&](const core::Ring& r) {
        for (std::size_t i = 0; i + 1 < r.size(); ++i) {
            best = std::min(best, core::distance_to_segment_m(q, r[i], r[i + 1]));
        }
    };
    ring_distance(p.outer);
    for (const core::Ring& h : p.holes) {
        ring_distance(h);
    }
    return best;
}

}  // namespace

core::PointM label_point(const core::MultiPolygon& shape) {
    if (shape.parts.empty()) {
        return {};
    }
    const core::Polygon* largest = &shape.parts.front();
    for (const core::Polygon& p : shape.parts) {
        if (core::area_m2(p) > core::area_m2(*largest)) {
            largest = &p;
        }
    }
    const core::MultiPolygon part{{*largest}};
    const core::PointM c = core::centroid(part);
    const double size = std::sqrt(core::area_m2(*largest));
    double best_d = core::contains(part, c) ? boundary_distance(*largest, c) : -1.0;
    if (best_d >= 0.25 * size) {
        return c;
    }
    core::PointM best = best_d >= 0 ? c : largest->outer.front();
    const core::Box b = core::bounds(part);
    constexpr int kGrid = 9;
    for (int i = 0; i < kGrid; ++i) {
        for (int j = 0; j < kGrid; ++j) {
            const core::PointM q{b.min_x + b.width() * (i + 0.5) / kGrid,
                                 b.min_y + b.height() * (j + 0.5) / kGrid};
            if (!core::contains(part, q)) {
                continue;
            }
            const double d = boundary_distance(*largest, q);
            if (d > best_d * 1.5) {  // the centroid wins unless clearly worse
                best_d = d;
                best = q;
            }
        }
    }
    return best;
}

bool LabelRoom::allows(double dx_m, double dy_m) const {
    // A move along one screen axis comes back with float noise on the other one.
    const double slop = 1e-3 * (std::fabs(dx_m) + std::fabs(dy_m));
    return (dx_m < 0.0 ? -dx_m <= west_m + slop : dx_m <= east_m + slop) &&
           (dy_m < 0.0 ? -dy_m <= south_m + slop : dy_m <= north_m + slop);
}

LabelRoom label_room(const core::MultiPolygon& shape, const core::PointM& p) {
    constexpr double kFar = std::numeric_limits<double>::infinity();
    LabelRoom room{kFar, kFar, kFar, kFar};
    // The nearest crossing of each of the four rays from p with any ring; an odd count of
    // crossings east means p is inside (one pass, no separate point-in-polygon test).
    int east_crossings = 0;
    auto cross = [&](const core::Ring& r) {
        for (std::size_t i = 0; i + 1 < r.size(); ++i) {
            const core::PointM& a = r[i];
            const core::PointM& b = r[i + 1];
            if ((a.y <= p.y) != (b.y <= p.y)) {
                const double x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
                double& side = x < p.x ? room.west_m : room.east_m;
                side = std::min(side, std::fabs(x - p.x));
                east_crossings += x < p.x ? 0 : 1;
            }
            if ((a.x <= p.x) != (b.x <= p.x)) {
                const double y = a.y + (p.x - a.x) * (b.y - a.y) / (b.x - a.x);
                double& side = y < p.y ? room.south_m : room.north_m;
                side = std::min(side, std::fabs(y - p.y));
            }
        }
    };
    for (const core::Polygon& part : shape.parts) {
        cross(part.outer);
        for (const core::Ring& h : part.holes) {
            cross(h);
        }
    }
    if (east_crossings % 2 == 0) {
        return {};
    }
    for (double* m : {&room.west_m, &room.east_m, &room.south_m, &room.north_m}) {
        *m = std::isfinite(*m) ? *m : 0.0;  // only a broken ring leaves a ray open
    }
    return room;
}

std::vector<LabelSpec> plan_labels(const core::Plan& plan) {
    std::vector<LabelSpec> out;
    for (const core::Township& t : plan.townships) {
        if (!t.shape.empty() && !t.name.empty()) {
            const core::PointM at = label_point(t.shape);
            out.push_back({t.name, at, 17.f, 2, 0.0, hex(0x000000), label_room(t.shape, at)});
        }
    }
    for (const core::Village& v : plan.villages) {
        if (!v.shape.empty() && !v.name.empty()) {
            const core::PointM at = label_point(v.shape);
            out.push_back({v.name, at, 10.5f, 1, std::sqrt(core::area_m2(v.shape)), hex(0x404040),
                           label_room(v.shape, at)});
        }
    }
    return out;
}

float text_width_px(const std::string& utf8, float size_px) {
    float w = 0.f;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        const std::size_t len = c < 0x80 ? 1 : (c < 0xe0 ? 2 : (c < 0xf0 ? 3 : 4));
        w += len == 1 ? 0.56f * size_px : size_px;
        i += len;
    }
    return w;
}

// ------------------------------------------------------------------------------------------
// [SECTION] Screen boxes
// ------------------------------------------------------------------------------------------

namespace {

// Screen boxes already taken, bucketed in square cells so a test looks at its neighbours only
// (thousands of markers and labels stay linear per frame).
class ScreenGrid {
public:
    // The first box that overlaps `box`, or null.
    const ScreenRect* hit(const ScreenRect& box) const {
        const ScreenRect* found = nullptr;
        for_cells(box, [&](std::int64_t key) {
            if (found != nullptr) {
                return;
            }
            auto it = cells_.find(key);
            if (it == cells_.end()) {
                return;
            }
            for (const ScreenRect& o : it->second) {
                if (o.overlaps(box)) {
                    found = &o;
                    return;
                }
            }
        });
        return found;
    }
    void add(const ScreenRect& box) {
        for_cells(box, [&](std::int64_t key) { cells_[key].push_back(box); });
    }

private:
    static constexpr float kCellPx = 48.f;
    // Clamped so a point far off screen (deep zoom) cannot overflow the cell index.
    static int cell(float v) {
        return static_cast<int>(std::clamp(std::floor(v / kCellPx), -1e9f, 1e9f));
    }
    template <typename F>
    static void for_cells(const ScreenRect& box, F&& f) {
        const int cx1 = cell(box.x1);
        const int cy1 = cell(box.y1);
        for (int cx = cell(box.x0); cx <= cx1; ++cx) {
            for (int cy = cell(box.y0); cy <= cy1; ++cy) {
                f((static_cast<std::int64_t>(cx) << 32) ^ static_cast<std::uint32_t>(cy));
            }
        }
    }
    std::unordered_map<std::int64_t, std::vector<ScreenRect>> cells_;
};

// Local scene coordinates to window pixels, and window pixels back onto the map plane.
class Projector {
public:
    explicit Projector(const osg::Matrixd& mvpw) : mvpw_(mvpw) {}
    bool window(const osg::Vec3d& p, osg::Vec2& out) const {
        const osg::Vec4d h = osg::Vec4d(p, 1.0) * mvpw_;
        if (h.w() <= 0.0) {
            return false;
        }
        out.set(static_cast<float>(h.x() / h.w()), static_cast<float>(h.y() / h.w()));
        return true;
    }
    // The point of the plane z = 0 under a window pixel: where the ray through it meets the
    // map (a tilted view included).
    bool on_map(const osg::Vec2& w, osg::Vec3d& out) {
        if (!inverted_) {
            inverse_.invert(mvpw_);
            inverted_ = true;
        }
        auto at_depth = [&](double z) {
            const osg::Vec4d h = osg::Vec4d(w.x(), w.y(), z, 1.0) * inverse_;
            return osg::Vec3d(h.x(), h.y(), h.z()) / h.w();
        };
        const osg::Vec3d a = at_depth(0.0);
        const osg::Vec3d b = at_depth(1.0);
        if (std::fabs(a.z() - b.z()) < 1e-12) {
            return false;
        }
        out = a + (b - a) * (a.z() / (a.z() - b.z()));
        out.z() = 0.0;
        return true;
    }

private:
    osg::Matrixd mvpw_;
    osg::Matrixd inverse_;
    bool inverted_ = false;
};

// Slides a box along one axis (step: a unit vector) until no marker overlaps it, past one
// marker at a time (stars along a belt road stand in a row); false after a few markers.
bool slide_past_markers(const ScreenGrid& markers, const osg::Vec2& step, ScreenRect& box) {
    constexpr float kGapPx = 0.5f;  // so float rounding does not leave a sliver of overlap
    constexpr int kMaxMarkers = 6;
    for (int n = 0; n < kMaxMarkers; ++n) {
        const ScreenRect* m = markers.hit(box);
        if (m == nullptr) {
            return true;
        }
        const float d = kGapPx + (step.x() > 0.f   ? m->x1 - box.x0
                                  : step.x() < 0.f ? box.x1 - m->x0
                                  : step.y() > 0.f ? m->y1 - box.y0
                                                   : box.y1 - m->y0);
        box = {box.x0 + step.x() * d, box.y0 + step.y() * d, box.x1 + step.x() * d,
               box.y1 + step.y() * d};
    }
    return false;
}

// Moves a label's box off the markers under it: below, above, right or left, whichever free
// spot is nearest (ties in that order) among those free of kept labels whose centre stays
// within the room around the anchor `at` on the map. On success box and at hold the new spot.
bool clear_of_markers(const ScreenGrid& markers, const ScreenGrid& taken, const LabelRoom& room,
                      Projector& projector, ScreenRect& box, osg::Vec3d& at) {
    const osg::Vec2 steps[] = {{0.f, -1.f}, {0.f, 1.f}, {1.f, 0.f}, {-1.f, 0.f}};
    float best_px = std::numeric_limits<float>::infinity();
    ScreenRect best_box;
    osg::Vec3d best_at;
    for (const osg::Vec2& step : steps) {
        ScreenRect moved = box;
        if (!slide_past_markers(markers, step, moved) || taken.hit(moved) != nullptr) {
            continue;
        }
        const float shift_px = std::fabs(moved.x0 - box.x0) + std::fabs(moved.y0 - box.y0);
        osg::Vec3d on_map;
        const osg::Vec2 centre(0.5f * (moved.x0 + moved.x1), 0.5f * (moved.y0 + moved.y1));
        if (shift_px < best_px && projector.on_map(centre, on_map) &&
            room.allows(on_map.x() - at.x(), on_map.y() - at.y())) {
            best_px = shift_px;
            best_box = moved;
            best_at = on_map;
        }
    }
    if (best_px == std::numeric_limits<float>::infinity()) {
        return false;
    }
    box = best_box;
    at = best_at;
    return true;
}

}  // namespace

// ------------------------------------------------------------------------------------------
// [SECTION] LabelLayer
// ------------------------------------------------------------------------------------------

LabelLayer::LabelLayer(std::vector<LabelSpec> labels, osg::ref_ptr<osgText::Font> font,
                       const core::PointM& origin)
    : font_(std::move(font)), origin_(origin) {
    order_.resize(labels.size());
    std::iota(order_.begin(), order_.end(), 0);
    std::stable_sort(order_.begin(), order_.end(), [&](int a, int b) {
        const LabelSpec& la = labels[static_cast<std::size_t>(a)];
        const LabelSpec& lb = labels[static_cast<std::size_t>(b)];
        return la.priority != lb.priority ? la.priority > lb.priority : la.extent_m > lb.extent_m;
    });
    for (int i : order_) {
        labels_.push_back(labels[static_cast<std::size_t>(i)]);
    }
    texts_.resize(labels_.size());
    osg::StateSet* state = getOrCreateStateSet();
    detail::set_2d_state(state, detail::bin::kLabel);
    setCullingActive(false);
}

LabelLayer::~LabelLayer() = default;

osg::ref_ptr<osgText::Text> LabelLayer::text_for(std::size_t i) {
    if (!texts_[i]) {
        const LabelSpec& spec = labels_[i];
        osg::ref_ptr<osgText::Text> text = new osgText::Text;
        text->setFont(font_.get());
        text->setFontResolution(48, 48);
        text->setCharacterSizeMode(osgText::Text::SCREEN_COORDS);
        text->setAxisAlignment(osgText::Text::SCREEN);
        text->setAlignment(osgText::Text::CENTER_CENTER);
        text->setColor(detail::vec4(spec.color));
        text->setBackdropType(osgText::Text::OUTLINE);
        text->setBackdropColor(osg::Vec4(1, 1, 1, 0.9f));
        text->setBackdropOffset(0.09f);
        text->setPosition(osg::Vec3(static_cast<float>(spec.anchor.x - origin_.x),
                                    static_cast<float>(spec.anchor.y - origin_.y), 0.f));
        text->setText(spec.text, osgText::String::ENCODING_UTF8);
        // The decluttering already chose it; a screen-sized text's bound lags one frame (and
        // one tile) behind, so culling it could cut a name at a poster's tile seam.
        text->setCullingActive(false);
        texts_[i] = text;
    }
    texts_[i]->setCharacterSize(labels_[i].size_px * scale_);
    return texts_[i];
}

void LabelLayer::set_obstacles(std::vector<core::PointM> points_m, float radius_px) {
    obstacles_m_ = std::move(points_m);
    obstacle_radius_px_ = radius_px;
}

void LabelLayer::traverse(osg::NodeVisitor& nv) {
    auto* cv = dynamic_cast<osgUtil::CullVisitor*>(&nv);
    if (cv == nullptr || font_ == nullptr || cv->getViewport() == nullptr) {
        return;
    }
    Projector projector(*cv->getModelViewMatrix() * *cv->getProjectionMatrix() *
                        cv->getViewport()->computeWindowMatrix());
    auto local = [&](const core::PointM& p) {
        return osg::Vec3d(p.x - origin_.x, p.y - origin_.y, 0.0);
    };
    // Markers are taken before any label is placed.
    ScreenGrid markers;
    const float r = obstacle_radius_px_ * scale_;
    for (const core::PointM& o : obstacles_m_) {
        osg::Vec2 w;
        if (r > 0.f && projector.window(local(o), w)) {
            markers.add({w.x() - r, w.y() - r, w.x() + r, w.y() + r});
        }
    }
    ScreenGrid taken;
    shown_.clear();
    placed_.clear();
    // A screen full of names reads as texture, and each costs a draw with a costly outline
    // shader (a third of a second for 700 names on llvmpipe): the most important names up to
    // one per kScreenPxPerLabel of screen.
    const osg::Viewport& vp = *cv->getViewport();
    const auto budget = static_cast<std::size_t>(std::max(
        20.0, vp.width() * vp.height() / (kScreenPxPerLabel * double(scale_) * double(scale_))));
    for (std::size_t i = 0; i < labels_.size() && shown_.size() < budget; ++i) {
        const LabelSpec& spec = labels_[i];
        osg::Vec3d at = local(spec.anchor);
        osg::Vec2 p;
        if (!projector.window(at, p)) {
            continue;
        }
        const float size = spec.size_px * scale_;
        const float half_w = 0.5f * text_width_px(spec.text, size) + 2.f * scale_;
        const float half_h = 0.5f * size + 2.f * scale_;
        if (spec.extent_m > 0.0) {
            osg::Vec2 q;
            if (!projector.window(at + osg::Vec3d(spec.extent_m, 0.0, 0.0), q) ||
                (q - p).length() < half_w) {
                continue;  // the feature is smaller on screen than half its name
            }
        }
        ScreenRect box{p.x() - half_w, p.y() - half_h, p.x() + half_w, p.y() + half_h};
        if (markers.hit(box) != nullptr) {
            if (!spec.room.any() ||
                !clear_of_markers(markers, taken, spec.room, projector, box, at)) {
                continue;
            }
        } else if (taken.hit(box) != nullptr) {
            continue;
        }
        taken.add(box);
        shown_.push_back(order_[i]);
        placed_.push_back(box);
        osg::ref_ptr<osgText::Text> text = text_for(i);
        const osg::Vec3 position(static_cast<float>(at.x()), static_cast<float>(at.y()),
                                 static_cast<float>(at.z()));
        if (text->getPosition() != position) {
            text->setPosition(position);
        }
        text->osg::Drawable::accept(nv);
    }
}

osg::BoundingSphere LabelLayer::computeBound() const {
    osg::BoundingSphere sphere;
    for (const LabelSpec& spec : labels_) {
        sphere.expandBy(osg::Vec3(static_cast<float>(spec.anchor.x - origin_.x),
                                  static_cast<float>(spec.anchor.y - origin_.y), 0.f));
    }
    return sphere;
}

void LabelLayer::releaseGLObjects(osg::State* state) const {
    osg::Group::releaseGLObjects(state);
    for (const auto& text : texts_) {
        if (text) {
            text->releaseGLObjects(state);
        }
    }
}

}  // namespace beltplan::render
