// Geometry helpers shared by the layer builders: 2D state, stencil "blend once", batches of
// lines, triangles and screen-size markers (each batch is one draw call).
#include "core/geos_ops.h"
#include "render/scene_parts.h"
#include "render/shader_library.h"

#include <osg/BlendFunc>
#include <osg/LineWidth>
#include <osg/Stencil>
#include <osg/Viewport>
#include <osgUtil/CullVisitor>

#include <cmath>

namespace beltplan::render::detail {

namespace {

constexpr float kPi = 3.14159265f;

// Keeps the marker program's bp_viewport_px equal to the viewport being culled, so markers
// keep their pixel size in any window, offscreen image or poster tile.
class ViewportUniform : public osg::NodeCallback {
public:
    explicit ViewportUniform(osg::Uniform* uniform) : uniform_(uniform) {}
    void operator()(osg::Node* node, osg::NodeVisitor* nv) override {
        if (auto* cv = dynamic_cast<osgUtil::CullVisitor*>(nv); cv != nullptr) {
            if (const osg::Viewport* vp = cv->getViewport(); vp != nullptr) {
                uniform_->set(
                    osg::Vec2(static_cast<float>(vp->width()), static_cast<float>(vp->height())));
            }
        }
        traverse(node, nv);
    }

protected:
    ~ViewportUniform() override = default;

private:
    osg::ref_ptr<osg::Uniform> uniform_;
};

std::vector<osg::Vec2> marker_outline(MarkerShape shape, float radius) {
    std::vector<osg::Vec2> pts;
    switch (shape) {
        case MarkerShape::kStar:
            for (int i = 0; i < 10; ++i) {
                const float r = (i % 2 == 0) ? radius : radius * 0.45f;
                const float a = kPi / 2.f + static_cast<float>(i) * kPi / 5.f;
                pts.emplace_back(r * std::cos(a), r * std::sin(a));
            }
            break;
        case MarkerShape::kCircle:
            for (int i = 0; i < 20; ++i) {
                const float a = static_cast<float>(i) * 2.f * kPi / 20.f;
                pts.emplace_back(radius * std::cos(a), radius * std::sin(a));
            }
            break;
        case MarkerShape::kDiamond:
            pts = {{0, radius}, {-radius * 0.8f, 0}, {0, -radius}, {radius * 0.8f, 0}};
            break;
        case MarkerShape::kSquare: {
            const float h = radius * 0.8f;
            pts = {{-h, -h}, {h, -h}, {h, h}, {-h, h}};
            break;
        }
    }
    return pts;
}

}  // namespace

void set_2d_state(osg::StateSet* state, int bin) {
    state->setMode(GL_LIGHTING, osg::StateAttribute::OFF | osg::StateAttribute::PROTECTED);
    state->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF);
    state->setMode(GL_CULL_FACE, osg::StateAttribute::OFF);
    state->setMode(GL_BLEND, osg::StateAttribute::ON);
    osg::ref_ptr<osg::BlendFunc> blend =
        new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    state->setAttributeAndModes(blend.get(), osg::StateAttribute::ON);
    state->setRenderBinDetails(bin, "RenderBin");
}

void add_draw_arrays(osg::Geometry* geometry, GLenum mode, std::size_t count) {
    osg::ref_ptr<osg::DrawArrays> draw = new osg::DrawArrays(mode, 0, static_cast<int>(count));
    geometry->addPrimitiveSet(draw.get());
}

void set_blend_once(osg::StateSet* state, int ref) {
    osg::ref_ptr<osg::Stencil> stencil = new osg::Stencil;
    stencil->setFunction(osg::Stencil::NOTEQUAL, ref, 0xff);
    stencil->setOperation(osg::Stencil::KEEP, osg::Stencil::KEEP, osg::Stencil::REPLACE);
    stencil->setWriteMask(0xff);
    state->setAttributeAndModes(stencil.get(), osg::StateAttribute::ON);
}

// ------------------------------------------------------------------------------------------
// Lines and triangles
// ------------------------------------------------------------------------------------------

void LineBatch::add_segment(const osg::Vec3& a, const osg::Vec3& b) {
    vertices_->push_back(a);
    vertices_->push_back(b);
}

void LineBatch::add_ring(const Frame& frame, const core::Ring& ring) {
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        add_segment(frame.at(ring[i]), frame.at(ring[i + 1]));
    }
}

void LineBatch::add_line(const Frame& frame, const core::LineString& line) {
    for (std::size_t i = 0; i + 1 < line.points.size(); ++i) {
        add_segment(frame.at(line.points[i]), frame.at(line.points[i + 1]));
    }
}

void LineBatch::add_shape(const Frame& frame, const core::MultiPolygon& shape) {
    for (const core::Polygon& p : shape.parts) {
        add_ring(frame, p.outer);
        for (const core::Ring& h : p.holes) {
            add_ring(frame, h);
        }
    }
}

osg::ref_ptr<osg::Geometry> LineBatch::build(const Rgba& color, float width_px, int bin) const {
    if (empty()) {
        return nullptr;
    }
    osg::ref_ptr<osg::Geometry> geom = new osg::Geometry;
    geom->setUseVertexBufferObjects(true);
    geom->setVertexArray(vertices_.get());
    osg::ref_ptr<osg::Vec4Array> colors = new osg::Vec4Array;
    colors->push_back(vec4(color));
    geom->setColorArray(colors.get(), osg::Array::BIND_OVERALL);
    add_draw_arrays(geom.get(), GL_LINES, vertices_->size());
    osg::StateSet* state = geom->getOrCreateStateSet();
    set_2d_state(state, bin);
    osg::ref_ptr<osg::LineWidth> width = new osg::LineWidth(width_px);
    state->setAttributeAndModes(width.get(), osg::StateAttribute::ON);
    return geom;
}

void TriangleBatch::add_triangle(const osg::Vec3& a, const osg::Vec3& b, const osg::Vec3& c,
                                 const Rgba& color) {
    vertices_->push_back(a);
    vertices_->push_back(b);
    vertices_->push_back(c);
    colors_->insert(colors_->end(), 3, vec4(color));
}

void TriangleBatch::add_shape(const Frame& frame, const core::MultiPolygon& shape,
                              const Rgba& color) {
    const std::vector<core::PointM> tris = core::triangulate(shape);
    for (std::size_t i = 0; i + 2 < tris.size(); i += 3) {
        add_triangle(frame.at(tris[i]), frame.at(tris[i + 1]), frame.at(tris[i + 2]), color);
    }
}

void TriangleBatch::add_disc(const osg::Vec3& centre, float radius_m, const Rgba& color,
                             int segments) {
    for (int i = 0; i < segments; ++i) {
        const float a0 = static_cast<float>(i) * 2.f * kPi / static_cast<float>(segments);
        const float a1 = static_cast<float>(i + 1) * 2.f * kPi / static_cast<float>(segments);
        add_triangle(centre, centre + osg::Vec3(std::cos(a0), std::sin(a0), 0) * radius_m,
                     centre + osg::Vec3(std::cos(a1), std::sin(a1), 0) * radius_m, color);
    }
}

void TriangleBatch::add_band(const osg::Vec3& a, const osg::Vec3& b, float half_width_m,
                             const Rgba& color) {
    osg::Vec3 d = b - a;
    if (d.length2() <= 0.f) {
        return;
    }
    d.normalize();
    const osg::Vec3 n(-d.y() * half_width_m, d.x() * half_width_m, 0.f);
    add_triangle(a - n, b - n, b + n, color);
    add_triangle(a - n, b + n, a + n, color);
}

osg::ref_ptr<osg::Geometry> TriangleBatch::build(int bin) const {
    if (empty()) {
        return nullptr;
    }
    osg::ref_ptr<osg::Geometry> geom = new osg::Geometry;
    geom->setUseVertexBufferObjects(true);
    geom->setVertexArray(vertices_.get());
    geom->setColorArray(colors_.get(), osg::Array::BIND_PER_VERTEX);
    add_draw_arrays(geom.get(), GL_TRIANGLES, vertices_->size());
    set_2d_state(geom->getOrCreateStateSet(), bin);
    return geom;
}

// ------------------------------------------------------------------------------------------
// Markers
// ------------------------------------------------------------------------------------------

void MarkerBatch::add_polygon(const std::vector<osg::Vec2>& outline, const osg::Vec3& at,
                              const Rgba& color) {
    for (std::size_t i = 0; i < outline.size(); ++i) {
        const osg::Vec2 corners[3] = {{0, 0}, outline[i], outline[(i + 1) % outline.size()]};
        for (const osg::Vec2& c : corners) {
            vertices_->push_back(at);
            offsets_->push_back(c);
            colors_->push_back(vec4(color));
        }
    }
}

void MarkerBatch::add(MarkerShape shape, const osg::Vec3& at, float size_px, const Rgba& fill) {
    add_polygon(marker_outline(shape, marker_radius_px(shape, size_px)), at, hex(0xffffff));
    add_polygon(marker_outline(shape, size_px / 2.f), at, fill);
}

osg::ref_ptr<osg::Group> MarkerBatch::build(int bin) const {
    osg::ref_ptr<osg::Group> holder = new osg::Group;
    if (empty()) {
        return holder;
    }
    osg::ref_ptr<osg::Geometry> geom = new osg::Geometry;
    geom->setUseVertexBufferObjects(true);
    geom->setVertexArray(vertices_.get());
    geom->setColorArray(colors_.get(), osg::Array::BIND_PER_VERTEX);
    geom->setVertexAttribArray(kOffsetAttrib, offsets_.get(), osg::Array::BIND_PER_VERTEX);
    add_draw_arrays(geom.get(), GL_TRIANGLES, vertices_->size());
    // A marker's world bound is its anchor only; its pixels reach beyond it.
    geom->setCullingActive(false);
    osg::StateSet* state = geom->getOrCreateStateSet();
    set_2d_state(state, bin);
    state->setAttributeAndModes(make_program("marker").get(), osg::StateAttribute::ON);
    osg::ref_ptr<osg::Uniform> viewport = new osg::Uniform("bp_viewport_px", osg::Vec2(800, 600));
    viewport->setDataVariance(osg::Object::DYNAMIC);
    state->addUniform(viewport.get());
    // The viewport callback sits on a node: drawables take another callback type.
    osg::ref_ptr<ViewportUniform> callback = new ViewportUniform(viewport.get());
    holder->setCullCallback(callback.get());
    holder->setCullingActive(false);
    holder->addChild(geom.get());
    return holder;
}

}  // namespace beltplan::render::detail
