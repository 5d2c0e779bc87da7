// Atlas pages: the shared parts (colours, figures, the overview's simplified townships) made
// once, then per township a map zoomed to it with the neighbours greyed, the frame, and a panel
// at the right with the overview inset and the township's figures.
#include "render/atlas.h"

#include "analysis/report_tables.h"
#include "core/messages.h"
#include "render/doc_shapes.h"
#include "render/map_compose.h"
#include "render/map_output.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

namespace beltplan::render {

namespace {

constexpr double kPanelShare = 0.3;  // of the page width, right of the map

std::string percent(double share) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", share * 100.0);
    return buf;
}

// What every page shares.
struct AtlasShared {
    VillageColoring coloring;
    Legend legend;  // of the village fill
    std::vector<TownshipFigures> figures;
    std::vector<const core::MultiPolygon*> town_shapes;
    core::ArcTopology towns;
};

core::Result<AtlasShared> shared_parts(const MapInputs& in, const MapRequest& req) {
    const core::Plan& plan = *in.plan;
    auto coloring = compose::village_coloring(in, req.coloring);
    if (!coloring) {
        return coloring.error();
    }
    AtlasShared s;
    s.coloring = std::move(*coloring);
    s.legend = compose::village_legend(in, req.coloring.mode, s.coloring.legend);
    s.figures = township_figures(in);
    for (const core::Township& t : plan.townships) {
        s.town_shapes.push_back(&t.shape);
    }
    s.towns = core::ArcTopology(s.town_shapes);
    return s;
}

// Names joined by "、" and broken into lines no wider than `width` units; the last line says
// how many were left out when they do not fit in `max_lines`.
std::vector<std::string> wrap_names(const std::vector<std::string>& names, double width,
                                    double size, std::size_t max_lines) {
    std::vector<std::string> lines{""};
    const std::string sep = "、";
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string piece = names[i] + (i + 1 < names.size() ? sep : "");
        if (!lines.back().empty() && text_width_units(lines.back() + piece, size) > width) {
            if (lines.size() == max_lines) {
                lines.back() += core::tr("outputs.atlas.more", {std::to_string(names.size() - i)});
                return lines;
            }
            lines.emplace_back();
        }
        lines.back() += piece;
    }
    return lines;
}

void add_overview(MapDocument& doc, const AtlasShared& shared, const PageRect& box,
                  std::size_t township, double u) {
    DocLayer& layer = doc.add_layer("overview", box);
    layer.items.push_back(doc::rect(box, hex(0xffffff), hex(0x9e9e9e), 1.0));
    core::Box all;
    for (const core::MultiPolygon* s : shared.town_shapes) {
        all.expand(core::bounds(*s));
    }
    const MapView view = MapView::fit(all, box, 0.06);
    const core::SimplifiedCoverage s = shared.towns.simplify(0.5 * view.metres_per_unit);
    PathItem others;
    others.style.fill = hex(0xe0e0e0);
    PathItem focus;
    focus.style.fill = hex(colors::kSiteDistrict, 0.85f);
    focus.style.stroke = hex(0x7f0000);
    focus.style.stroke_width = 1.2 * u;
    for (std::size_t t = 0; t < s.shapes.size(); ++t) {
        PathItem& p = t == township ? focus : others;
        for (const core::Polygon& part : s.shapes[t].parts) {
            for (const core::Ring* r : {&part.outer}) {
                p.begin_subpath();
                for (std::size_t i = 0; i + 1 < r->size(); ++i) {
                    p.add(view.to_page((*r)[i]));
                }
            }
            for (const core::Ring& h : part.holes) {
                p.begin_subpath();
                for (std::size_t i = 0; i + 1 < h.size(); ++i) {
                    p.add(view.to_page(h[i]));
                }
            }
        }
    }
    PathItem lines;
    lines.closed = false;
    lines.style.stroke = hex(0x8c8c8c);
    lines.style.stroke_width = 0.6 * u;
    for (const core::LineString& arc : s.arcs) {
        lines.begin_subpath();
        for (const core::PointM& p : arc.points) {
            lines.add(view.to_page(p));
        }
    }
    layer.items.push_back(std::move(others));
    layer.items.push_back(std::move(lines));
    layer.items.push_back(std::move(focus));
}

void add_figures(MapDocument& doc, const TownshipFigures& f, const PageRect& box, double u) {
    DocLayer& layer = doc.add_layer("figures");
    layer.items.push_back(doc::rect(box, hex(0xffffff, 0.92f), hex(0x9e9e9e), 1.0));
    const double pad = 10.0 * u;
    const Rgba text = hex(colors::kText);
    double y = box.y0 + pad + 9.0 * u;
    auto line = [&](const std::string& s, double size, bool bold = false) {
        layer.items.push_back(doc::text(s, {box.x0 + pad, y}, size, text, bold));
        y += size * 1.5;
    };
    line(f.name + "  " + f.code, 17.0 * u, true);
    line(core::tr("outputs.stats.villages", {std::to_string(f.villages)}), 14.0 * u);
    line(core::tr("outputs.atlas.covered", {std::to_string(f.covered), percent(f.village_share)}),
         14.0 * u);
    if (f.population > 0) {
        line(core::tr("outputs.stats.population", {percent(f.population_share)}), 14.0 * u);
    }
    line(core::tr("outputs.atlas.sites", {std::to_string(f.sites)}), 14.0 * u);
    line(core::tr("outputs.atlas.orgs", {std::to_string(f.joint_orgs)}), 14.0 * u);
    line(core::tr("outputs.atlas.belts", {std::to_string(f.belts)}), 14.0 * u);
    line(core::tr("outputs.atlas.uncovered", {std::to_string(f.uncovered.size())}), 14.0 * u, true);
    const double size = 12.5 * u;
    const auto room = static_cast<std::size_t>(std::max(1.0, (box.y1 - pad - y) / (size * 1.45)));
    for (const std::string& s : wrap_names(f.uncovered, box.width() - 2 * pad, size, room)) {
        layer.items.push_back(doc::text(s, {box.x0 + pad, y}, size, hex(0x404040)));
        y += size * 1.45;
    }
}

core::Result<MapDocument> compose_page(const MapInputs& in, const MapRequest& req,
                                       const AtlasShared& shared, std::size_t t) {
    const core::Plan& plan = *in.plan;
    const core::Township& town = plan.townships[t];
    const std::optional<PagePoint> size = page_size(req);
    if (!size) {
        return core::make_error(core::ErrorCode::kBadArgument, {},
                                core::tr("outputs.unknown_paper", {req.paper}));
    }
    MapDocument doc;
    doc.width = size->x;
    doc.height = size->y;
    doc.background = hex(0xf5f7fa);
    MapFrameContent frame;
    frame.title = req.title.empty() ? core::tr("outputs.atlas.title", {plan.name, town.name})
                                    : req.title + " " + town.name;
    doc.title = frame.title;
    frame.subtitle = compose::map_subtitle(in);
    frame.provenance = compose::provenance_line(plan);
    const double panel = kPanelShare * doc.width;
    compose::PageContext page;
    page.in = &in;
    page.unit = frame_unit(doc.width, doc.height);
    page.fill = shared.coloring.fill;
    page.visible.fill(true);
    for (const auto& [layer, on] : req.layers) {
        page.visible[static_cast<std::size_t>(layer)] = on;
    }
    page.focus_town = town.code;
    FrameLayout layout;
    compose::settle_view(page, frame, layout, req, shared.legend, core::bounds(town.shape),
                         doc.width, doc.height, panel, 0.04);
    doc.view = page.view;
    const PageRect& area = layout.map_area;
    compose::add_map_layers(doc, page, compose::page_geometry(page),
                            {layout.legend, layout.scale_bar, layout.north_arrow});
    add_frame(doc, frame, layout);
    const double u = page.unit;
    const PageRect side{area.x1 + 10.0 * u, area.y0 + 10.0 * u, doc.width - 12.0 * u,
                        area.y1 - 10.0 * u};
    const double inset_h = std::min(side.width() * 0.8, side.height() * 0.42);
    add_overview(doc, shared, {side.x0, side.y0, side.x1, side.y0 + inset_h}, t, u);
    add_figures(doc, shared.figures[t], {side.x0, side.y0 + inset_h + 10.0 * u, side.x1, side.y1},
                u);
    return doc;
}

// Townships in code order.
std::vector<std::size_t> code_order(const core::Plan& plan) {
    std::vector<std::size_t> order(plan.townships.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return plan.townships[a].code < plan.townships[b].code;
    });
    return order;
}

}  // namespace

std::vector<TownshipFigures> township_figures(const MapInputs& in) {
    const core::Plan& plan = *in.plan;
    std::unordered_map<std::string, std::size_t> slot;
    std::vector<TownshipFigures> out;
    for (const core::Township& t : plan.townships) {
        slot.emplace(t.code, out.size());
        TownshipFigures f;
        f.code = t.code;
        f.name = t.name;
        out.push_back(std::move(f));
    }
    for (const analysis::CoverageCount& c : in.analysis->coverage().by_township) {
        if (auto it = slot.find(c.key); it != slot.end()) {
            TownshipFigures& f = out[it->second];
            f.villages = c.villages;
            f.covered = c.covered;
            f.population = c.population;
            f.village_share = analysis::village_share(c);
            f.population_share = analysis::population_share(c);
        }
    }
    for (int t : analysis::site_townships(plan)) {
        if (t >= 0) {
            ++out[static_cast<std::size_t>(t)].sites;
        }
    }
    const auto villages = core::village_index(plan);
    auto towns_of = [&](const std::vector<std::string>& codes) {
        std::set<std::size_t> towns;
        for (const std::string& code : codes) {
            if (auto v = villages.find(code); v != villages.end()) {
                if (auto t = slot.find(plan.villages[v->second].town_code); t != slot.end()) {
                    towns.insert(t->second);
                }
            }
        }
        return towns;
    };
    for (const core::JointOrg& org : plan.joint_orgs) {
        for (std::size_t t : towns_of(org.members)) {
            ++out[t].joint_orgs;
        }
    }
    for (const analysis::BeltResult& b : in.analysis->belts()) {
        std::vector<std::string> codes;
        for (int v : b.members) {
            codes.push_back(plan.villages[static_cast<std::size_t>(v)].code);
        }
        for (std::size_t t : towns_of(codes)) {
            ++out[t].belts;
        }
    }
    std::vector<const analysis::UncoveredVillage*> uncovered;
    for (const analysis::UncoveredVillage& u : in.analysis->coverage().uncovered) {
        uncovered.push_back(&u);
    }
    std::sort(uncovered.begin(), uncovered.end(),
              [](const auto* a, const auto* b) { return a->code < b->code; });
    for (const analysis::UncoveredVillage* u : uncovered) {
        if (auto t = slot.find(u->town_code); t != slot.end()) {
            out[t->second].uncovered.push_back(u->name);
        }
    }
    return out;
}

core::Result<MapDocument> compose_township_page(const MapInputs& inputs, const MapRequest& request,
                                                std::size_t township) {
    auto shared = shared_parts(inputs, request);
    if (!shared) {
        return shared.error();
    }
    return compose_page(inputs, request, *shared, township);
}

core::Result<AtlasWritten> write_atlas(const MapInputs& in, const MapRequest& req,
                                       const std::string& path,
                                       const std::function<void(int, int)>& progress) {
    const core::Plan& plan = *in.plan;
    if (plan.townships.empty()) {
        return core::make_error(core::ErrorCode::kBadPlan, {path, "townships", -1, ""},
                                core::tr("outputs.atlas.no_townships"));
    }
    auto shared = shared_parts(in, req);
    if (!shared) {
        return shared.error();
    }
    const std::vector<std::size_t> order = code_order(plan);
    const int total = static_cast<int>(order.size());
    AtlasWritten written;
    const bool pdf = output_format(path) == OutputFormat::kPdf;
    std::unique_ptr<PdfBook> book;
    if (pdf) {
        auto opened = PdfBook::open(path, plan.name);
        if (!opened) {
            return opened.error();
        }
        book = std::move(*opened);
    } else {
        std::error_code ec;
        std::filesystem::create_directories(path, ec);
        if (ec || !std::filesystem::is_directory(path)) {
            return core::make_error(core::ErrorCode::kWriteFailed, {path, "", -1, ""},
                                    core::tr("outputs.atlas.no_folder"));
        }
    }
    for (std::size_t t : order) {
        auto doc = compose_page(in, req, *shared, t);
        if (!doc) {
            return doc.error();
        }
        if (pdf) {
            if (core::Status s = book->add_page(*doc); !s) {
                return s.error();
            }
        } else {
            const std::string file =
                (std::filesystem::path(path) /
                 (plan.townships[t].code + "_" + plan.townships[t].name + ".png"))
                    .string();
            if (core::Status s = write_map(*doc, file, OutputFormat::kPng, pixels_per_unit(req));
                !s) {
                return s.error();
            }
            written.files.push_back(file);
        }
        ++written.pages;
        if (progress) {
            progress(written.pages, total);
        }
    }
    if (pdf) {
        if (core::Status s = book->finish(); !s) {
            return s.error();
        }
        written.files.push_back(path);
    }
    return written;
}

}  // namespace beltplan::render
