// `beltplan roads PLAN [--json] [--out problems.gpkg]`: the road layer as the road graph sees
// it (DESIGN.md section 2): connected pieces, villages that reach only a small piece, and the
// problems that make distances along roads too long (analysis/road_check.h).
#include "analysis/road_check.h"
#include "app/commands.h"
#include "core/messages.h"
#include "io/feature_file.h"
#include "io/plan_file.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace beltplan::app {

namespace {

using analysis::RoadProblemKind;
using nlohmann::json;

constexpr std::size_t kListed = 20;  // rows per kind in the text output

std::string fixed(double v, int digits) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

std::string road_name(const core::Plan& plan, int road) {
    if (road < 0) {
        return "";
    }
    const std::string& name = plan.roads[static_cast<std::size_t>(road)].name;
    return name.empty() ? "#" + std::to_string(road + 1) : name;
}

const RoadProblemKind kKinds[] = {RoadProblemKind::kDanglingEnd, RoadProblemKind::kCrossing,
                                  RoadProblemKind::kDuplicate, RoadProblemKind::kZeroLength,
                                  RoadProblemKind::kCollapsed};

// The heading of a kind's list, with its count.
std::string heading(RoadProblemKind kind, int count) {
    const std::string n = std::to_string(count);
    switch (kind) {
        case RoadProblemKind::kDanglingEnd:
            return core::tr("roads.text.head_dangling_end", {n});
        case RoadProblemKind::kCrossing:
            return core::tr("roads.text.head_crossing", {n});
        case RoadProblemKind::kDuplicate:
            return core::tr("roads.text.head_duplicate", {n});
        case RoadProblemKind::kZeroLength:
            return core::tr("roads.text.head_zero_length", {n});
        case RoadProblemKind::kCollapsed:
            return core::tr("roads.text.head_collapsed", {n});
    }
    return n;
}

json check_json(const core::Plan& plan, const analysis::RoadNetwork& net,
                const analysis::RoadCheck& check, const std::string& path) {
    json pieces = json::array();
    for (const auto& p : check.pieces) {
        pieces.push_back({{"length_m", p.length_m},
                          {"segments", p.segments},
                          {"villages", p.villages.size()},
                          {"sites", p.sites}});
    }
    json cut_off = json::array();
    for (int v : check.cut_off) {
        const core::Village& village = plan.villages[static_cast<std::size_t>(v)];
        cut_off.push_back({{"code", village.code},
                           {"name", village.name},
                           {"piece", check.village_piece[static_cast<std::size_t>(v)] + 1}});
    }
    json problems = json::array();
    json counts = json::object();
    for (RoadProblemKind kind : kKinds) {
        counts[analysis::to_code(kind)] = check.count(kind);
    }
    for (const auto& p : check.problems) {
        problems.push_back({{"kind", analysis::to_code(p.kind)},
                            {"x", p.at.x},
                            {"y", p.at.y},
                            {"road", road_name(plan, p.road)},
                            {"other_road", road_name(plan, p.other_road)},
                            {"length_m", p.length_m},
                            {"description", analysis::describe(plan, p)}});
    }
    return json{{"plan", path},
                {"lines", net.build_report().ends.size() / 2},
                {"segments", net.segment_count()},
                {"nodes", net.node_count()},
                {"length_m", check.length_m},
                {"pieces", std::move(pieces)},
                {"cut_off", std::move(cut_off)},
                {"counts", std::move(counts)},
                {"problems", std::move(problems)}};
}

void print_pieces(const core::Plan& plan, const analysis::RoadCheck& check) {
    for (std::size_t k = 0; k < check.pieces.size() && k < kListed; ++k) {
        const auto& p = check.pieces[k];
        std::cout << core::tr("roads.text.piece",
                              {std::to_string(k + 1), fixed(p.length_m / 1000.0, 2),
                               std::to_string(p.segments), std::to_string(p.villages.size()),
                               std::to_string(p.sites)})
                  << "\n";
    }
    if (check.pieces.size() > kListed) {
        std::cout << core::tr("roads.text.more", {std::to_string(check.pieces.size() - kListed)})
                  << "\n";
    }
    if (check.cut_off.empty()) {
        return;
    }
    std::cout << core::tr("roads.text.cut_off", {std::to_string(check.cut_off.size())}) << "\n";
    for (std::size_t k = 0; k < check.cut_off.size() && k < kListed; ++k) {
        const int v = check.cut_off[k];
        const core::Village& village = plan.villages[static_cast<std::size_t>(v)];
        std::cout << "  " << village.code << " " << village.name << " ("
                  << core::tr(
                         "roads.text.piece_no",
                         {std::to_string(check.village_piece[static_cast<std::size_t>(v)] + 1)})
                  << ")\n";
    }
    if (check.cut_off.size() > kListed) {
        std::cout << core::tr("roads.text.more", {std::to_string(check.cut_off.size() - kListed)})
                  << "\n";
    }
}

void print_text(const core::Plan& plan, const analysis::RoadNetwork& net,
                const analysis::RoadCheck& check, const std::string& path) {
    std::cout << core::tr("roads.text.summary",
                          {path, std::to_string(net.build_report().ends.size() / 2),
                           std::to_string(net.segment_count()), std::to_string(net.node_count()),
                           fixed(check.length_m / 1000.0, 2), std::to_string(check.pieces.size())})
              << "\n";
    print_pieces(plan, check);
    for (RoadProblemKind kind : kKinds) {
        const int n = check.count(kind);
        if (n == 0) {
            continue;
        }
        std::cout << heading(kind, n) << "\n";
        std::size_t listed = 0;
        for (const auto& p : check.problems) {
            if (p.kind == kind && listed++ < kListed) {
                std::cout << "  " << analysis::describe(plan, p) << "\n";
            }
        }
        if (listed > kListed) {
            std::cout << core::tr("roads.text.more", {std::to_string(listed - kListed)}) << "\n";
        }
    }
    if (!check.has_problems()) {
        std::cout << core::tr("roads.text.none") << "\n";
    }
}

// The problems as points, the segments concerned as lines, and the small pieces' segments.
std::vector<io::FeatureLayer> problem_layers(const core::Plan& plan,
                                             const analysis::RoadNetwork& net,
                                             const analysis::RoadCheck& check) {
    using Type = core::FieldValue::Type;
    using FV = core::FieldValue;
    io::FeatureLayer points{"road_problems",
                            io::FeatureGeometry::kPoint,
                            {{"kind", Type::kString},
                             {"road", Type::kString},
                             {"other_road", Type::kString},
                             {"length_m", Type::kReal},
                             {"description", Type::kString}},
                            {}};
    io::FeatureLayer lines{"road_problem_lines",
                           io::FeatureGeometry::kLine,
                           {{"kind", Type::kString},
                            {"road", Type::kString},
                            {"other_road", Type::kString},
                            {"length_m", Type::kReal}},
                           {}};
    for (const auto& p : check.problems) {
        const std::vector<FV> values{
            FV::of_text(analysis::to_code(p.kind)), FV::of_text(road_name(plan, p.road)),
            FV::of_text(road_name(plan, p.other_road)), FV::of_real(p.length_m)};
        std::vector<FV> with_text = values;
        with_text.push_back(FV::of_text(analysis::describe(plan, p)));
        points.features.push_back({p.at, {}, with_text});
        if (p.line.points.size() >= 2) {
            lines.features.push_back({{}, p.line, values});
        }
    }
    io::FeatureLayer small{
        "small_pieces",
        io::FeatureGeometry::kLine,
        {{"piece", Type::kInteger}, {"piece_length_m", Type::kReal}, {"road", Type::kString}},
        {}};
    for (int s = 0; s < static_cast<int>(net.segment_count()); ++s) {
        const int piece = check.segment_piece[static_cast<std::size_t>(s)];
        if (piece > 0) {
            const auto& seg = net.segment(s);
            small.features.push_back(
                {{},
                 core::LineString{{seg.pa, seg.pb}},
                 {FV::of_integer(piece + 1),
                  FV::of_real(check.pieces[static_cast<std::size_t>(piece)].length_m),
                  FV::of_text(road_name(plan, seg.road))}});
        }
    }
    return {points, lines, small};
}

}  // namespace

int run_roads(const RoadsOptions& options) {
    core::Result<core::Plan> plan = io::read_plan(options.plan_path);
    if (!plan) {
        return fail(plan.error().message);
    }
    const analysis::RoadNetwork network(*plan);
    if (network.empty()) {
        return fail(core::tr("roads.text.no_roads", {options.plan_path}));
    }
    const analysis::RoadCheck check = analysis::check_roads(*plan, network);
    if (!options.out_path.empty()) {
        const core::Status written = io::write_feature_layers(
            options.out_path, plan->crs, problem_layers(*plan, network, check));
        if (!written) {
            return fail(written.error().message);
        }
    }
    if (options.json) {
        std::cout << check_json(*plan, network, check, options.plan_path).dump(2) << "\n";
    } else {
        print_text(*plan, network, check, options.plan_path);
        if (!options.out_path.empty()) {
            std::cout << core::tr("roads.text.written", {options.out_path}) << "\n";
        }
    }
    return kExitOk;
}

}  // namespace beltplan::app
