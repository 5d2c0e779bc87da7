// Polygon layers: villages batched into one geometry whose colour the shader chooses from
// per-village values (flat at levels of detail, or extruded for the 2.5D view), townships with
// fill and strong outline (shared boundaries drawn once), and the raster basemap quad.
#include "core/geos_ops.h"
#include "render/scene_levels.h"
#include "render/scene_parts.h"
#include "render/shader_library.h"

#include <osg/Texture2D>

#include <algorithm>

namespace beltplan::render::detail {

namespace {

// Roof and walls of one village for the 2.5D view; bp_top marks roof vertices.
void add_extruded(const core::MultiPolygon& shape, const Frame& frame, float index,
                  osg::Vec3Array& vertices, osg::Vec3Array& normals, osg::FloatArray& village,
                  osg::FloatArray& top) {
    auto push = [&](const osg::Vec3& v, const osg::Vec3& n, float is_top) {
        vertices.push_back(v);
        normals.push_back(n);
        village.push_back(index);
        top.push_back(is_top);
    };
    for (const core::PointM& p : core::triangulate(shape)) {
        push(frame.at(p), osg::Vec3(0, 0, 1), 1.f);
    }
    for (const core::Polygon& poly : shape.parts) {
        for (std::size_t r = 0; r <= poly.holes.size(); ++r) {
            const core::Ring& ring = r == 0 ? poly.outer : poly.holes[r - 1];
            // Outward from the solid: right of a counter-clockwise outer ring, left of a hole.
            const float sign =
                (core::signed_area_m2(ring) > 0 ? 1.f : -1.f) * (r == 0 ? 1.f : -1.f);
            for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
                const osg::Vec3 a = frame.at(ring[i]);
                const osg::Vec3 b = frame.at(ring[i + 1]);
                osg::Vec3 n(sign * (b.y() - a.y()), -sign * (b.x() - a.x()), 0.f);
                n.normalize();
                push(a, n, 0.f);
                push(b, n, 0.f);
                push(b, n, 1.f);
                push(a, n, 0.f);
                push(b, n, 1.f);
                push(a, n, 1.f);
            }
        }
    }
}

// One geometry of every village's triangles (flat) or roof and walls (extruded), each vertex
// carrying its village's index.
osg::ref_ptr<osg::Geometry> village_fill(const std::vector<const core::MultiPolygon*>& shapes,
                                         const Frame& frame, bool extruded) {
    osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec3Array> normals = new osg::Vec3Array;
    osg::ref_ptr<osg::FloatArray> village = new osg::FloatArray;
    osg::ref_ptr<osg::FloatArray> top = new osg::FloatArray;
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        const float index = static_cast<float>(i);
        if (extruded) {
            add_extruded(*shapes[i], frame, index, *vertices, *normals, *village, *top);
            continue;
        }
        for (const core::PointM& p : core::triangulate(*shapes[i])) {
            vertices->push_back(frame.at(p));
            village->push_back(index);
        }
    }
    osg::ref_ptr<osg::Geometry> geom = new osg::Geometry;
    geom->setName("villages");
    geom->setUseVertexBufferObjects(true);
    geom->setVertexArray(vertices.get());
    geom->setVertexAttribArray(kVillageAttrib, village.get(), osg::Array::BIND_PER_VERTEX);
    if (extruded) {
        geom->setNormalArray(normals.get(), osg::Array::BIND_PER_VERTEX);
        geom->setVertexAttribArray(kTopAttrib, top.get(), osg::Array::BIND_PER_VERTEX);
    }
    add_draw_arrays(geom.get(), GL_TRIANGLES, vertices->size());
    return geom;
}

// The state of the village fill (program, textures, uniforms), shared by every level.
osg::ref_ptr<osg::StateSet> village_fill_state(const VillageTextures& textures, bool extruded) {
    osg::ref_ptr<osg::StateSet> state = new osg::StateSet;
    set_2d_state(state.get(), bin::kVillageFill);
    state->setAttributeAndModes(make_program(extruded ? "extrude" : "village").get(),
                                osg::StateAttribute::ON);
    state->setTextureAttribute(0, textures.values.get(), osg::StateAttribute::ON);
    osg::ref_ptr<osg::Uniform> values = new osg::Uniform("bp_village_values", 0);
    state->addUniform(values.get());
    if (extruded) {
        state->setMode(GL_DEPTH_TEST, osg::StateAttribute::ON);
        state->setTextureAttribute(1, textures.heights.get(), osg::StateAttribute::ON);
        osg::ref_ptr<osg::Uniform> heights = new osg::Uniform("bp_village_heights", 1);
        state->addUniform(heights.get());
        state->addUniform(textures.height_scale.get());
    } else {
        state->addUniform(textures.opacity.get());
    }
    return state;
}

// A level shows villages at least this many pixels across (its tolerance is at most a pixel,
// and it is shown up to four times coarser): below, the villages are drawn without outlines.
constexpr double kOutlinedVillagePx = 12.0;

// The median of the villages' larger box sides.
double typical_size_m(const core::Plan& plan) {
    std::vector<double> sizes;
    sizes.reserve(plan.villages.size());
    for (const core::Village& v : plan.villages) {
        const core::Box b = core::bounds(v.shape);
        sizes.push_back(std::max(b.width(), b.height()));
    }
    if (sizes.empty()) {
        return 0.0;
    }
    std::nth_element(sizes.begin(), sizes.begin() + static_cast<std::ptrdiff_t>(sizes.size() / 2),
                     sizes.end());
    return sizes[sizes.size() / 2];
}

std::vector<const core::MultiPolygon*> village_shapes(const core::Plan& plan) {
    std::vector<const core::MultiPolygon*> shapes;
    shapes.reserve(plan.villages.size());
    for (const core::Village& v : plan.villages) {
        shapes.push_back(&v.shape);
    }
    return shapes;
}

// Every boundary arc once, as one batch of lines.
osg::ref_ptr<osg::Geometry> arc_lines(const std::vector<core::LineString>& arcs, const Frame& frame,
                                      const Rgba& color, float width_px, int bin) {
    LineBatch lines;
    for (const core::LineString& arc : arcs) {
        lines.add_line(frame, arc);
    }
    return lines.build(color, width_px, bin);
}

void add_if(osg::Group& group, const osg::ref_ptr<osg::Geometry>& geometry) {
    if (geometry) {
        group.addChild(geometry.get());
    }
}

}  // namespace

std::unique_ptr<ScaleLevels> village_levels(const core::Plan& plan, const Frame& frame,
                                            const VillageTextures& textures, double extent_m) {
    const osg::ref_ptr<osg::StateSet> state = village_fill_state(textures, false);
    const double village_m = typical_size_m(plan);
    return coverage_levels(
        village_shapes(plan), extent_m,
        [frame, state, village_m](
            double tolerance_m, const std::vector<const core::MultiPolygon*>& shapes,
            const std::vector<core::LineString>& arcs) -> osg::ref_ptr<osg::Node> {
            osg::ref_ptr<osg::Group> group = new osg::Group;
            if (shapes.empty()) {
                return group;
            }
            osg::ref_ptr<osg::Geometry> fill = village_fill(shapes, frame, false);
            fill->setStateSet(state.get());
            group->addChild(fill.get());
            // Villages a few pixels across: their outlines would grey the whole map over; the
            // fills and the township outlines carry it.
            if (tolerance_m <= 0.0 || village_m / tolerance_m >= kOutlinedVillagePx) {
                add_if(*group,
                       arc_lines(arcs, frame, hex(colors::kVillageLine), 0.7f, bin::kVillageLine));
            }
            return group;
        });
}

osg::ref_ptr<osg::Group> build_extruded_villages(const core::Plan& plan, const Frame& frame,
                                                 const VillageTextures& textures) {
    osg::ref_ptr<osg::Group> group = new osg::Group;
    if (plan.villages.empty()) {
        return group;
    }
    osg::ref_ptr<osg::Geometry> fill = village_fill(village_shapes(plan), frame, true);
    fill->setStateSet(village_fill_state(textures, true).get());
    group->addChild(fill.get());
    return group;
}

std::unique_ptr<ScaleLevels> township_levels(const core::Plan& plan, const Frame& frame,
                                             double extent_m) {
    std::vector<const core::MultiPolygon*> shapes;
    for (const core::Township& t : plan.townships) {
        shapes.push_back(&t.shape);
    }
    return coverage_levels(
        std::move(shapes), extent_m,
        [frame](double /*tolerance_m*/, const std::vector<const core::MultiPolygon*>& towns,
                const std::vector<core::LineString>& arcs) -> osg::ref_ptr<osg::Node> {
            osg::ref_ptr<osg::Group> group = new osg::Group;
            TriangleBatch fill;
            for (std::size_t i = 0; i < towns.size(); ++i) {
                fill.add_shape(frame, *towns[i], mix(categorical(i), hex(0xffffff), 0.55f));
            }
            if (!fill.empty()) {
                group->addChild(fill.build(bin::kTownshipFill).get());
                add_if(*group, arc_lines(arcs, frame, hex(colors::kTownshipLine), 2.2f,
                                         bin::kTownshipLine));
            }
            return group;
        });
}

osg::ref_ptr<osg::Group> build_basemap(const core::RasterImage& raster, const Frame& frame) {
    osg::ref_ptr<osg::Group> group = new osg::Group;
    if (raster.empty() || !raster.bounds.valid()) {
        return group;
    }
    osg::ref_ptr<osg::Image> image = new osg::Image;
    image->allocateImage(raster.width, raster.height, 1, GL_RGBA, GL_UNSIGNED_BYTE);
    std::copy(raster.rgba.begin(), raster.rgba.end(), image->data());
    osg::ref_ptr<osg::Texture2D> texture = new osg::Texture2D(image.get());
    texture->setResizeNonPowerOfTwoHint(false);
    texture->setFilter(osg::Texture::MIN_FILTER, osg::Texture::LINEAR);
    texture->setWrap(osg::Texture::WRAP_S, osg::Texture::CLAMP_TO_EDGE);
    texture->setWrap(osg::Texture::WRAP_T, osg::Texture::CLAMP_TO_EDGE);
    const core::Box& b = raster.bounds;
    osg::ref_ptr<osg::Vec3Array> v = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec2Array> t = new osg::Vec2Array;
    // Row 0 of the raster is the north edge and the first row of the texture (t = 0).
    const core::PointM corners[4] = {
        {b.min_x, b.min_y}, {b.max_x, b.min_y}, {b.max_x, b.max_y}, {b.min_x, b.max_y}};
    const osg::Vec2 uv[4] = {{0, 1}, {1, 1}, {1, 0}, {0, 0}};
    for (int i : {0, 1, 2, 0, 2, 3}) {
        v->push_back(frame.at(corners[i]));
        t->push_back(uv[i]);
    }
    osg::ref_ptr<osg::Geometry> geom = new osg::Geometry;
    geom->setVertexArray(v.get());
    geom->setTexCoordArray(0, t.get());
    osg::ref_ptr<osg::Vec4Array> white = new osg::Vec4Array;
    white->push_back(osg::Vec4(1, 1, 1, 1));
    geom->setColorArray(white.get(), osg::Array::BIND_OVERALL);
    add_draw_arrays(geom.get(), GL_TRIANGLES, v->size());
    osg::StateSet* state = geom->getOrCreateStateSet();
    set_2d_state(state, bin::kBasemap);
    state->setTextureAttributeAndModes(0, texture.get(), osg::StateAttribute::ON);
    group->addChild(geom.get());
    return group;
}

}  // namespace beltplan::render::detail
