// Page-level parts shared by the single map and the atlas pages: the village legend, the
// subtitle and provenance line, and settling the view with the detail and legend it implies.
#include "core/messages.h"
#include "render/map_compose.h"

namespace beltplan::render::compose {

core::Result<VillageColoring> village_coloring(const MapInputs& in,
                                               const ColoringRequest& request) {
    ColoringRequest with_graph = request;
    with_graph.graph = &in.analysis->contiguity();
    return color_villages(*in.plan, in.analysis->reach(), in.analysis->radius_m(), with_graph);
}

Legend village_legend(const MapInputs& in, ColorMode mode, const Legend& coloring_legend) {
    if (mode != ColorMode::kCoverage) {
        return coloring_legend;
    }
    const std::string r = format_distance(in.analysis->radius_m());
    const bool road = in.analysis->distance() == core::DistanceMode::kNetwork;
    Legend legend;
    legend.title = core::tr("outputs.legend.coverage_title");
    legend.entries = {
        {core::tr(road ? "outputs.legend.covered_road" : "outputs.legend.covered_straight", {r}),
         hex(colors::kCovered)},
        {core::tr("outputs.legend.uncovered"), hex(colors::kUncovered)}};
    return legend;
}

std::string map_subtitle(const MapInputs& in) {
    const bool road = in.analysis->distance() == core::DistanceMode::kNetwork;
    std::string s = core::tr(road ? "outputs.subtitle.road" : "outputs.subtitle.straight",
                             {format_distance(in.analysis->radius_m())});
    if (in.approximate_areas) {
        s += core::tr("outputs.subtitle.approximate");
    }
    return s;
}

std::string provenance_line(const core::Plan& plan) {
    return core::tr(
        "outputs.provenance",
        {plan.provenance.empty() ? core::tr("outputs.provenance_none") : plan.provenance});
}

void settle_view(PageContext& page, MapFrameContent& frame, FrameLayout& layout,
                 const MapRequest& req, const Legend& village_legend, const core::Box& extent,
                 double page_width, double page_height, double panel, double margin) {
    const core::Plan& plan = page.plan();
    layout = layout_frame(frame, page_width, page_height, panel);
    page.view = MapView::fit(extent, layout.map_area, margin);
    for (int pass = 0; pass < 2; ++pass) {
        page.detail =
            choose_detail(sites_on_page(plan, page.view), villages_in_view(plan, page.view),
                          page.view, page.unit, 20.0, !plan.townships.empty());
        frame.legend = page_legend(page, village_legend);
        if (req.tilted) {
            frame.north_deg = -req.heading_deg;
        } else {
            frame.metres_per_unit = page.view.metres_per_unit;
            frame.scale_text = req.paper.empty() ? "" : scale_ratio_text(page.view.metres_per_unit);
        }
        layout = layout_frame(frame, page_width, page_height, panel);
        if (pass == 1 || req.tilted) {
            return;
        }
        page.view = fit_clear_of_frame(extent, layout, margin);
    }
}

}  // namespace beltplan::render::compose
