// File > Export map and File > Export tables in the window: the export dialog's request becomes
// the meeting map of `beltplan render` (render::write_map_file) or the department's tables of
// `beltplan report --xlsx/--csv` (analysis::report_workbook, io::write_xlsx /
// io::write_csv_tables), drawn from the window's own analysis (its radius and distance mode)
// in the colouring the planner sees. Both run on the frame; every file goes through
// core::SafeFile inside those calls, so a failed export leaves an older file as it was.
#include "analysis/report_tables.h"
#include "app/window_impl.h"
#include "core/messages.h"
#include "io/table_write.h"
#include "render/map_render.h"

namespace beltplan::app {

namespace {

// The window's colour modes in the order of the coverage panel's choice.
render::ColorMode render_color_mode(int index) {
    switch (index) {
        case 1:
            return render::ColorMode::kDistance;
        case 2:
            return render::ColorMode::kJointOrg;
        case 3:
            return render::ColorMode::kKind;
        case 4:
            return render::ColorMode::kAttribute;
        default:
            return render::ColorMode::kCoverage;
    }
}

}  // namespace

render::MapRequest WindowApp::Impl::export_map_request(const ui::ExportRequest& request) const {
    render::MapRequest out;
    out.width = request.width_px;
    out.height = request.height_px;
    out.title = request.title;
    out.coloring.mode = render_color_mode(editor.style.color_mode);
    out.coloring.attribute = "population";  // the window's population colouring
    for (const ui::LayerRow& row : editor.layers.rows) {
        if (row.available) {
            out.layers.emplace_back(row.layer, row.shown);
        }
    }
    if (request.scope == ui::MapScope::kCurrentView) {
        out.extent = ui::visible_map_extent(editor);
    }
    return out;
}

void WindowApp::Impl::apply_export(const ui::ExportRequest& request) {
    core::Status written = core::Ok{};
    std::string done;
    if (request.kind == ui::ExportKind::kMap) {
        render::MapInputs inputs;
        inputs.plan = &doc.plan();
        inputs.analysis = analysis.get();
        inputs.approximate_areas = render::plan_has_approximate_areas(doc.plan());
        written = render::write_map_file(inputs, export_map_request(request), request.path);
        done = core::tr("window.export_wrote", {request.path});
    } else {
        analysis::ReportTablesInput input;
        input.plan = &doc.plan();
        input.reach = &analysis->reach();
        input.coverage = &analysis->coverage();
        input.belts = &analysis->belts();
        input.orgs = &analysis->org_checks();
        const core::Workbook book = analysis::report_workbook(input);
        if (request.tables == ui::TableFormat::kXlsx) {
            written = io::write_xlsx(book, request.path);
        } else if (auto files = io::write_csv_tables(book, request.path); !files) {
            written = files.error();
        }
        done = core::tr("window.export_wrote_tables",
                        {request.path, std::to_string(book.sheets.size())});
    }
    editor.status = written ? done : core::tr("window.export_failed", {written.error().message});
}

}  // namespace beltplan::app
