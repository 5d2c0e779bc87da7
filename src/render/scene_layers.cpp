// Line and marker layers: roads by class (belt roads emphasised), demonstration sites (a marker
// per level), reach (circles or road stretches within R), belts (translucent band and member
// villages), joint organizations and work stations (dissolved outlines, lead marked).
#include "core/geos_ops.h"
#include "render/scene_parts.h"
#include "render/village_colors.h"

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

void add_group_child(osg::Group& group, const osg::ref_ptr<osg::Node>& node) {
    if (node) {
        group.addChild(node.get());
    }
}

// Dissolved outline of the member villages of a group.
core::MultiPolygon dissolve(const core::Plan& plan,
                            const std::unordered_map<std::string, std::size_t>& index,
                            const std::vector<std::string>& members) {
    std::vector<const core::MultiPolygon*> shapes;
    for (const std::string& code : members) {
        if (auto it = index.find(code); it != index.end()) {
            shapes.push_back(&plan.villages[it->second].shape);
        }
    }
    return core::union_all(shapes);
}

}  // namespace

osg::ref_ptr<osg::Group> build_roads(const core::Plan& plan, const Frame& frame) {
    std::set<std::string> belt_roads;
    for (const core::Belt& b : plan.belts) {
        belt_roads.insert(b.roads.begin(), b.roads.end());
    }
    LineBatch batches[5];  // four classes, then belt roads
    for (const core::Road& road : plan.roads) {
        const std::size_t s =
            belt_roads.count(road.name) != 0 ? 4 : road_style_index(road.road_class);
        for (const core::LineString& part : road.parts) {
            batches[s].add_line(frame, part);
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

std::vector<core::LineString> roads_within_reach(const core::Plan& plan,
                                                 const analysis::RoadNetwork& network,
                                                 double radius_m) {
    std::vector<core::LineString> out;
    if (network.empty() || plan.sites.empty()) {
        return out;
    }
    std::vector<analysis::Attachment> sources;
    for (const core::Site& s : plan.sites) {
        sources.push_back(network.attach(s.position));
    }
    const auto nodes = network.from_sources(sources, radius_m * 1.01);
    auto distance_at = [&](const core::PointM& p) {
        return network.distance_to(network.attach(p), sources, nodes).distance_m;
    };
    const double step = std::max(radius_m / 10.0, 50.0);
    for (const core::Road& road : plan.roads) {
        for (const core::LineString& part : road.parts) {
            core::LineString run;
            auto flush = [&] {
                if (run.points.size() >= 2) {
                    out.push_back(run);
                }
                run.points.clear();
            };
            for (std::size_t i = 0; i + 1 < part.points.size(); ++i) {
                const core::PointM a = part.points[i];
                const core::PointM b = part.points[i + 1];
                const int n =
                    std::max(1, static_cast<int>(std::ceil(core::distance_m(a, b) / step)));
                auto at = [&](double t) {
                    return core::PointM{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
                };
                double d0 = distance_at(a);
                for (int k = 1; k <= n; ++k) {
                    const double t0 = static_cast<double>(k - 1) / n;
                    const double t1 = static_cast<double>(k) / n;
                    const double d1 = distance_at(at(t1));
                    if (d0 <= radius_m && d1 <= radius_m) {
                        if (run.points.empty()) {
                            run.points.push_back(at(t0));
                        }
                        run.points.push_back(at(t1));
                    } else if (d0 <= radius_m || d1 <= radius_m) {
                        // Cut where the distance crosses R (linear between the samples).
                        const double f = (radius_m - d0) / (d1 - d0);
                        const double tc = t0 + (t1 - t0) * std::clamp(f, 0.0, 1.0);
                        if (d0 <= radius_m) {
                            if (run.points.empty()) {
                                run.points.push_back(at(t0));
                            }
                            run.points.push_back(at(tc));
                            flush();
                        } else {
                            flush();
                            run.points = {at(tc), at(t1)};
                        }
                    } else {
                        flush();
                    }
                    d0 = d1;
                }
            }
            flush();
        }
    }
    return out;
}

osg::ref_ptr<osg::Group> build_reach(const core::Plan& plan, const Frame& frame, double radius_m,
                                     core::DistanceMode distance,
                                     const analysis::RoadNetwork* network) {
    osg::ref_ptr<osg::Group> group = new osg::Group;
    const Rgba color = hex(colors::kReach);
    if (distance == core::DistanceMode::kNetwork && network != nullptr) {
        LineBatch lines;
        for (const core::LineString& line : roads_within_reach(plan, *network, radius_m)) {
            lines.add_line(frame, line);
        }
        osg::ref_ptr<osg::Geometry> geom =
            lines.build(Rgba{color.r, color.g, color.b, 0.45f}, 7.f, bin::kReachFill);
        if (geom) {
            set_blend_once(geom->getOrCreateStateSet(), 2);
            group->addChild(geom.get());
        }
        return group;
    }
    TriangleBatch discs;
    LineBatch circles;
    const auto radius = static_cast<float>(radius_m);
    for (const core::Site& s : plan.sites) {
        const osg::Vec3 c = frame.at(s.position);
        discs.add_disc(c, radius, Rgba{color.r, color.g, color.b, 0.08f}, 72);
        for (int i = 0; i < 72; ++i) {
            const float a0 = static_cast<float>(i) * 6.2831853f / 72.f;
            const float a1 = static_cast<float>(i + 1) * 6.2831853f / 72.f;
            circles.add_segment(c + osg::Vec3(std::cos(a0), std::sin(a0), 0) * radius,
                                c + osg::Vec3(std::cos(a1), std::sin(a1), 0) * radius);
        }
    }
    if (osg::ref_ptr<osg::Geometry> fill = discs.build(bin::kReachFill); fill) {
        set_blend_once(fill->getOrCreateStateSet(), 1);
        group->addChild(fill.get());
        group->addChild(
            circles.build(Rgba{color.r, color.g, color.b, 0.55f}, 1.f, bin::kReachLine).get());
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
                                          const analysis::ContiguityGraph* graph) {
    osg::ref_ptr<osg::Group> group = new osg::Group;
    const auto index = core::village_index(plan);
    const std::vector<int> color = joint_org_color_indices(plan, graph);
    std::vector<LineBatch> outlines(categorical_count());
    MarkerBatch leads;
    for (std::size_t g = 0; g < plan.joint_orgs.size(); ++g) {
        const core::JointOrg& org = plan.joint_orgs[g];
        const auto c = static_cast<std::size_t>(color[g]);
        outlines[c].add_shape(frame, dissolve(plan, index, org.members));
        if (auto it = index.find(org.lead); it != index.end()) {
            leads.add(MarkerShape::kDiamond, frame.at(core::anchor(plan.villages[it->second])),
                      13.f, mix(categorical(c), hex(0x000000), 0.45f));
        }
    }
    for (std::size_t c = 0; c < outlines.size(); ++c) {
        add_group_child(*group, outlines[c].build(mix(categorical(c), hex(0x000000), 0.35f), 3.f,
                                                  bin::kOutline + 1));
    }
    group->addChild(leads.build(bin::kMarker).get());
    return group;
}

osg::ref_ptr<osg::Group> build_work_stations(const core::Plan& plan, const Frame& frame) {
    osg::ref_ptr<osg::Group> group = new osg::Group;
    const auto index = core::village_index(plan);
    LineBatch outlines;
    MarkerBatch seats;
    for (const core::WorkStation& ws : plan.work_stations) {
        outlines.add_shape(frame, dissolve(plan, index, ws.members));
        if (auto it = index.find(ws.seat_village); it != index.end()) {
            seats.add(MarkerShape::kSquare, frame.at(core::anchor(plan.villages[it->second])), 12.f,
                      hex(colors::kStation));
        }
    }
    add_group_child(*group, outlines.build(hex(colors::kStation), 2.6f, bin::kOutline + 2));
    group->addChild(seats.build(bin::kMarker + 1).get());
    return group;
}

}  // namespace beltplan::render::detail
