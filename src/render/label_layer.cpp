// Label placement (a point well inside the polygon) and per-frame decluttering: labels are
// tried in priority order and kept only where their screen box meets no kept box.
#include "render/label_layer.h"

#include "render/scene_parts.h"

#include <osgUtil/CullVisitor>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace beltplan::render {

namespace {

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

struct Box2 {
    float x0, y0, x1, y1;
    bool overlaps(const Box2& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

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

std::vector<LabelSpec> plan_labels(const core::Plan& plan) {
    std::vector<LabelSpec> out;
    for (const core::Township& t : plan.townships) {
        if (!t.shape.empty() && !t.name.empty()) {
            out.push_back({t.name, label_point(t.shape), 17.f, 2, 0.0, hex(0x000000)});
        }
    }
    for (const core::Village& v : plan.villages) {
        if (!v.shape.empty() && !v.name.empty()) {
            out.push_back({v.name, label_point(v.shape), 10.5f, 1,
                           std::sqrt(core::area_m2(v.shape)), hex(0x404040)});
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

void LabelLayer::traverse(osg::NodeVisitor& nv) {
    auto* cv = dynamic_cast<osgUtil::CullVisitor*>(&nv);
    if (cv == nullptr || font_ == nullptr || cv->getViewport() == nullptr) {
        return;
    }
    const osg::Matrix mvpw = *cv->getModelViewMatrix() * *cv->getProjectionMatrix() *
                             cv->getViewport()->computeWindowMatrix();
    auto window = [&](const osg::Vec3& p, osg::Vec2& out) {
        const osg::Vec4 h = osg::Vec4(p, 1.f) * mvpw;
        if (h.w() <= 0.f) {
            return false;
        }
        out.set(h.x() / h.w(), h.y() / h.w());
        return true;
    };
    constexpr float kCell = 48.f;
    std::unordered_map<std::int64_t, std::vector<Box2>> grid;
    auto cell_key = [](int cx, int cy) {
        return (static_cast<std::int64_t>(cx) << 32) ^ static_cast<std::uint32_t>(cy);
    };
    shown_.clear();
    for (std::size_t i = 0; i < labels_.size(); ++i) {
        const LabelSpec& spec = labels_[i];
        const osg::Vec3 at(static_cast<float>(spec.anchor.x - origin_.x),
                           static_cast<float>(spec.anchor.y - origin_.y), 0.f);
        osg::Vec2 p;
        if (!window(at, p)) {
            continue;
        }
        const float size = spec.size_px * scale_;
        const float half_w = 0.5f * text_width_px(spec.text, size) + 2.f * scale_;
        const float half_h = 0.5f * size + 2.f * scale_;
        if (spec.extent_m > 0.0) {
            osg::Vec2 q;
            if (!window(at + osg::Vec3(static_cast<float>(spec.extent_m), 0.f, 0.f), q) ||
                (q - p).length() < half_w) {
                continue;  // the feature is smaller on screen than half its name
            }
        }
        const Box2 box{p.x() - half_w, p.y() - half_h, p.x() + half_w, p.y() + half_h};
        const int cx0 = static_cast<int>(std::floor(box.x0 / kCell));
        const int cx1 = static_cast<int>(std::floor(box.x1 / kCell));
        const int cy0 = static_cast<int>(std::floor(box.y0 / kCell));
        const int cy1 = static_cast<int>(std::floor(box.y1 / kCell));
        bool free = true;
        for (int cx = cx0; cx <= cx1 && free; ++cx) {
            for (int cy = cy0; cy <= cy1 && free; ++cy) {
                auto it = grid.find(cell_key(cx, cy));
                if (it == grid.end()) {
                    continue;
                }
                free = std::none_of(it->second.begin(), it->second.end(),
                                    [&](const Box2& o) { return o.overlaps(box); });
            }
        }
        if (!free) {
            continue;
        }
        for (int cx = cx0; cx <= cx1; ++cx) {
            for (int cy = cy0; cy <= cy1; ++cy) {
                grid[cell_key(cx, cy)].push_back(box);
            }
        }
        shown_.push_back(order_[i]);
        text_for(i)->osg::Drawable::accept(nv);
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
