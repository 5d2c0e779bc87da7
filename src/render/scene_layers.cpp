// Line and marker layers: roads by class (belt roads emphasised), demonstration sites (a marker
// per level), reach (discs or road stretches within R, cut by the bp_reach_m uniform), belts
// (translucent band and member villages), joint organizations and work stations (the
// analysis's dissolved outlines, lead marked).
#include "core/arc_simplify.h"
#include "render/scene_parts.h"
#include "render/shader_library.h"
#include "render/village_colors.h"

#include <osg/LineWidth>

#include <algorithm>
#include <cmath>
#include <set>

namespace beltplan::render::detail {

namespace {

struct RoadStyle {
    Rgba fill;
    float width_px;
    Rgba casing;
    float casing_px;  // 0 = none
};

// Style by the road's class word (English or Chinese); unknown classes draw as village roads.
std::size_t road_style_index(const std::string& road_class) {
    static const char* const kMajor[] = {"national", "provincial", "highway", "expressway",
                                         "国道",     "省道",       "高速"};
    for (const char* word : kMajor) {
        if (road_class.find(word) != std::string::npos) {
            return 0;
        }
    }
    if (road_class.find("county") != std::string::npos ||
        road_class.find("县") != std::string::npos) {
        return 1;
    }
    if (road_class.find("township") != std::string::npos ||
        road_class.find("乡") != std::string::npos) {
        return 2;
    }
    return 3;
}

const RoadStyle kRoadStyles[] = {
    {hex(0xe34a33), 3.6f, hex(0x7f2704), 5.6f},  // national, provincial
    {hex(0xfdd49e), 2.6f, hex(0x8c6d46), 4.4f},  // county
    {hex(0x8d6e63), 1.3f, hex(0x000000), 0.f},   // township
    {hex(0x969696), 1.0f, hex(0x000000), 0.f},   // village and other
};
const RoadStyle kBeltRoad{hex(colors::kBeltRoad), 3.2f, hex(0xffffff), 5.8f};

template <typename T>
void add_uniform(osg::StateSet* state, const char* name, const T& value) {
    osg::ref_ptr<osg::Uniform> uniform = new osg::Uniform(name, value);
    state->addUniform(uniform.get());
}

void add_group_child(osg::Group& group, const osg::ref_ptr<osg::Node>& node) {
    if (node) {
        group.addChild(node.get());
    }
}

// The roads as drawn at one tolerance (0: as they are).
osg::ref_ptr<osg::Group> roads_at(const core::Plan& plan, const Frame& frame, double tolerance_m) {
    std::set<std::string> belt_roads;
    for (const core::Belt& b : plan.belts) {
        belt_roads.insert(b.roads.begin(), b.roads.end());
    }
    LineBatch batches[5];  // four classes, then belt roads
    for (const core::Road& road : plan.roads) {
        const std::size_t s =
            belt_roads.count(road.name) != 0 ? 4 : road_style_index(road.road_class);
        for (const core::LineString& part : road.parts) {
            batches[s].add_line(frame,
                                tolerance_m > 0.0 ? core::simplify_line(part, tolerance_m) : part);
        }
    }
    osg::ref_ptr<osg::Group> group = new osg::Group;
    // Minor classes first so major roads and belt roads lie on top.
    for (int s = 3; s >= -1; --s) {
        const std::size_t i = s < 0 ? 4 : static_cast<std::size_t>(s);
        const RoadStyle& style = s < 0 ? kBeltRoad : kRoadStyles[i];
        const int order = 2 * (3 - s);  // later styles draw above earlier ones
        if (style.casing_px > 0.f) {
            add_group_child(*group,
                            batches[i].build(style.casing, style.casing_px, bin::kRoad + order));
        }
        add_group_child(*group,
                        batches[i].build(style.fill, style.width_px, bin::kRoad + order + 1));
    }
    return group;
}

}  // namespace

std::unique_ptr<ScaleLevels> road_levels(const core::Plan& plan, const Frame& frame,
                                         double extent_m) {
    return std::make_unique<ScaleLevels>(
        extent_m, [&plan, frame](double tolerance_m) -> osg::ref_ptr<osg::Node> {
            return roads_at(plan, frame, tolerance_m);
        });
}

osg::ref_ptr<osg::Group> build_sites(const core::Plan& plan, const Frame& frame) {
    MarkerBatch markers;
    // Town sites first so district stars stay on top where they meet.
    for (int pass = 0; pass < 2; ++pass) {
        for (const core::Site& s : plan.sites) {
            const bool district = s.level == core::SiteLevel::kDistrict;
            if (district != (pass == 1)) {
                continue;
            }
            markers.add(district ? MarkerShape::kStar : MarkerShape::kCircle, frame.at(s.position),
                        district ? kSiteStarPx : kSiteCirclePx,
                        hex(district ? colors::kSiteDistrict : colors::kSiteTown));
        }
    }
    osg::ref_ptr<osg::Group> group = new osg::Group;
    group->addChild(markers.build(bin::kMarker + 2).get());
    return group;
}

int disc_sides_for(double radius_px) {
    // A k-gon strays r (1 - cos(pi / k)) from its circle: 8 sides up to 8 px, then doubling.
    int sides = 8;
    for (double r = 8.0; r < radius_px && sides < 256; r *= 4.0) {
        sides *= 2;
    }
    return sides;
}

osg::ref_ptr<osg::Group> build_reach(const analysis::PlanAnalysis& analysis, const Frame& frame,
                                     int disc_sides) {
    osg::ref_ptr<osg::Group> group = new osg::Group;
    const core::Plan& plan = analysis.plan();
    const Rgba color = hex(colors::kReach);
    if (plan.sites.empty() || analysis.problem()) {
        return group;
    }
    if (analysis.distance() == core::DistanceMode::kNetwork) {
        osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
        osg::ref_ptr<osg::FloatArray> distance = new osg::FloatArray;
        for (const analysis::RoadPiece& p : analysis.road_pieces()) {
            vertices->push_back(frame.at(p.a));
            vertices->push_back(frame.at(p.b));
            distance->push_back(stored_reach_m(p.a_m));
            distance->push_back(stored_reach_m(p.b_m));
        }
        if (vertices->empty()) {
            return group;
        }
        osg::ref_ptr<osg::Geometry> geom = new osg::Geometry;
        geom->setUseVertexBufferObjects(true);
        geom->setVertexArray(vertices.get());
        geom->setVertexAttribArray(kDistanceAttrib, distance.get(), osg::Array::BIND_PER_VERTEX);
        add_draw_arrays(geom.get(), GL_LINES, vertices->size());
        osg::StateSet* state = geom->getOrCreateStateSet();
        set_2d_state(state, bin::kReachFill);
        state->setAttributeAndModes(make_program("reach_road").get(), osg::StateAttribute::ON);
        add_uniform(state, "bp_reach_color", vec4(hex(colors::kReach, 0.45f)));
        osg::ref_ptr<osg::LineWidth> width = new osg::LineWidth(7.f);
        state->setAttributeAndModes(width.get(), osg::StateAttribute::ON);
        set_blend_once(state, 2);
        group->addChild(geom.get());
        return group;
    }
    // Around every site a fan of disc_sides triangles (the disc) and as many segments (the
    // rim) on the unit circle, scaled by bp_reach_m in the vertex shader.
    std::vector<osg::Vec2> circle;
    for (int i = 0; i <= disc_sides; ++i) {
        const float a = static_cast<float>(i) * 6.2831853f / static_cast<float>(disc_sides);
        circle.emplace_back(std::cos(a), std::sin(a));
    }
    osg::ref_ptr<osg::Vec3Array> fan = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec2Array> fan_corners = new osg::Vec2Array;
    osg::ref_ptr<osg::Vec3Array> rim = new osg::Vec3Array;
    osg::ref_ptr<osg::Vec2Array> rim_corners = new osg::Vec2Array;
    for (const core::Site& s : plan.sites) {
        const osg::Vec3 c = frame.at(s.position);
        for (std::size_t i = 0; i + 1 < circle.size(); ++i) {
            for (const osg::Vec2& corner : {osg::Vec2(0, 0), circle[i], circle[i + 1]}) {
                fan->push_back(c);
                fan_corners->push_back(corner);
            }
            for (const osg::Vec2& corner : {circle[i], circle[i + 1]}) {
                rim->push_back(c);
                rim_corners->push_back(corner);
            }
        }
    }
    for (int part = 0; part < 2; ++part) {
        const bool disc = part == 0;
        osg::ref_ptr<osg::Geometry> geom = new osg::Geometry;
        geom->setUseVertexBufferObjects(true);
        geom->setVertexArray(disc ? fan.get() : rim.get());
        geom->setVertexAttribArray(kCornerAttrib, disc ? fan_corners.get() : rim_corners.get(),
                                   osg::Array::BIND_PER_VERTEX);
        add_draw_arrays(geom.get(), disc ? GL_TRIANGLES : GL_LINES, (disc ? fan : rim)->size());
        // The shapes reach past their sites by the radius, which only the shader knows.
        geom->setCullingActive(false);
        osg::StateSet* state = geom->getOrCreateStateSet();
        set_2d_state(state, disc ? bin::kReachFill : bin::kReachLine);
        state->setAttributeAndModes(make_program("reach").get(), osg::StateAttribute::ON);
        add_uniform(state, "bp_reach_color",
                    vec4(Rgba{color.r, color.g, color.b, disc ? 0.08f : 0.55f}));
        if (disc) {
            set_blend_once(state, 1);
        } else {
            osg::ref_ptr<osg::LineWidth> width = new osg::LineWidth(1.f);
            state->setAttributeAndModes(width.get(), osg::StateAttribute::ON);
        }
        group->addChild(geom.get());
    }
    return group;
}

osg::ref_ptr<osg::Group> build_belts(const core::Plan& plan, const Frame& frame,
                                     const std::vector<analysis::BeltResult>& belts) {
    osg::ref_ptr<osg::Group> group = new osg::Group;
    const Rgba band = hex(colors::kBelt, 0.28f);
    LineBatch members;
    for (std::size_t b = 0; b < plan.belts.size(); ++b) {
        const core::Belt& belt = plan.belts[b];
        const auto w = static_cast<float>(belt.half_width_m);
        TriangleBatch tris;
        for (const core::Road& road : plan.roads) {
            if (std::find(belt.roads.begin(), belt.roads.end(), road.name) == belt.roads.end()) {
                continue;
            }
            for (const core::LineString& part : road.parts) {
                for (std::size_t i = 0; i < part.points.size(); ++i) {
                    const osg::Vec3 a = frame.at(part.points[i]);
                    tris.add_disc(a, w, band, 32);  // round joins and ends
                    if (i + 1 < part.points.size()) {
                        tris.add_band(a, frame.at(part.points[i + 1]), w, band);
                    }
                }
            }
        }
        if (osg::ref_ptr<osg::Geometry> geom = tris.build(bin::kBeltBand); geom) {
            set_blend_once(geom->getOrCreateStateSet(), 10 + static_cast<int>(b % 200));
            group->addChild(geom.get());
        }
    }
    for (const analysis::BeltResult& r : belts) {
        for (int v : r.members) {
            members.add_shape(frame, plan.villages[static_cast<std::size_t>(v)].shape);
        }
    }
    add_group_child(*group, members.build(hex(colors::kBeltMember), 1.6f, bin::kOutline));
    return group;
}

osg::ref_ptr<osg::Group> build_joint_orgs(const core::Plan& plan, const Frame& frame,
                                          const std::vector<core::MultiPolygon>& outlines,
                                          const std::vector<int>& color) {
    osg::ref_ptr<osg::Group> group = new osg::Group;
    const auto index = core::village_index(plan);
    std::vector<LineBatch> outline_batches(categorical_count());
    MarkerBatch leads;
    for (std::size_t g = 0; g < plan.joint_orgs.size() && g < outlines.size(); ++g) {
        const core::JointOrg& org = plan.joint_orgs[g];
        const auto c = static_cast<std::size_t>(color[g]);
        outline_batches[c].add_shape(frame, outlines[g]);
        if (auto it = index.find(org.lead); it != index.end()) {
            leads.add(MarkerShape::kDiamond, frame.at(core::anchor(plan.villages[it->second])),
                      13.f, mix(categorical(c), hex(0x000000), 0.45f));
        }
    }
    for (std::size_t c = 0; c < outline_batches.size(); ++c) {
        add_group_child(*group, outline_batches[c].build(mix(categorical(c), hex(0x000000), 0.35f),
                                                         3.f, bin::kOutline + 1));
    }
    group->addChild(leads.build(bin::kMarker).get());
    return group;
}

osg::ref_ptr<osg::Group> build_work_stations(const core::Plan& plan, const Frame& frame,
                                             const std::vector<core::MultiPolygon>& outlines) {
    osg::ref_ptr<osg::Group> group = new osg::Group;
    const auto index = core::village_index(plan);
    LineBatch outline_batch;
    MarkerBatch seats;
    for (std::size_t w = 0; w < plan.work_stations.size() && w < outlines.size(); ++w) {
        const core::WorkStation& ws = plan.work_stations[w];
        outline_batch.add_shape(frame, outlines[w]);
        if (auto it = index.find(ws.seat_village); it != index.end()) {
            seats.add(MarkerShape::kSquare, frame.at(core::anchor(plan.villages[it->second])), 12.f,
                      hex(colors::kStation));
        }
    }
    add_group_child(*group, outline_batch.build(hex(colors::kStation), 2.6f, bin::kOutline + 2));
    group->addChild(seats.build(bin::kMarker + 1).get());
    return group;
}

}  // namespace beltplan::render::detail
