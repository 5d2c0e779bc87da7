// File > New from import in the window: the dialog's sources become io::ImportOptions, the
// import runs (nothing written) and its summary and unmatched rows go back to the dialog;
// Create writes that very result with io::write_import and opens the new plan.
#include "app/window_impl.h"
#include "core/messages.h"

#include <filesystem>

namespace beltplan::app {

namespace {

io::ImportOptions import_options(const ui::ImportRequest& request) {
    io::ImportOptions options;
    for (const ui::ImportSource& source : request.sources) {
        io::SourceSpec spec;
        spec.path = source.path;
        switch (source.role) {
            case ui::ImportRole::kAuto:
                options.sources.push_back(source.path);
                break;
            case ui::ImportRole::kVillages:
                options.villages = spec;
                break;
            case ui::ImportRole::kTownships:
                options.townships = spec;
                break;
            case ui::ImportRole::kRoads:
                options.roads = spec;
                break;
            case ui::ImportRole::kSites:
                options.sites = spec;
                break;
        }
    }
    return options;
}

// "row 12 “卫生室” (village: “东材”): no village of that name" for the dialog's list.
std::string unmatched_line(const io::SiteRow& row) {
    std::string why = row.note;
    for (const std::string& candidate : row.candidates) {
        why += (why.empty() ? "" : core::tr("where.separator")) + candidate;
    }
    return core::tr("window.import_unmatched_row",
                    {std::to_string(row.row), row.site, row.village_text, why});
}

}  // namespace

void WindowApp::Impl::apply_import(const ui::EditorOutput& out) {
    if (out.new_import) {
        if (doc.dirty()) {
            editor.files.unsaved.ask(ui::PendingAction::kNewImport);
        } else {
            carry_out(ui::PendingAction::kNewImport, "");
        }
    }
    if (out.import.read) {
        read_import(*out.import.read);
    }
    if (out.import.create) {
        create_import(*out.import.create);
    }
    if (out.import.cancelled) {
        imported.reset();
    }
}

void WindowApp::Impl::read_import(const ui::ImportRequest& request) {
    imported.reset();
    core::Result<io::ImportResult> result = io::import_plan(import_options(request));
    if (!result) {
        editor.files.importer.show_refusal(result.error().message);
        return;
    }
    ui::ImportPreview preview;
    preview.summary = result->report.to_text();
    for (const io::SiteRow& row : result->report.unmatched()) {
        preview.unmatched.push_back(unmatched_line(row));
    }
    imported = std::make_unique<io::ImportResult>(std::move(result.value()));
    editor.files.importer.show_preview(std::move(preview));
}

// Writes the plan read last (what the dialog shows) and opens it in place of the open plan.
void WindowApp::Impl::create_import(const std::string& path) {
    ui::ImportDialog& dialog = editor.files.importer;
    if (!imported) {
        dialog.show_error(core::tr("window.import_stale"));
        return;
    }
    if (core::Status written = io::write_import(*imported, path); !written) {
        dialog.show_error(core::tr("window.import_write_failed", {written.error().message}));
        return;
    }
    doc.drop_autosave();  // the planner chose to leave the open plan (saved or not)
    if (!load(path)) {
        dialog.show_error(editor.status.text());  // written, but not readable as a plan
        return;
    }
    imported.reset();
    dialog.close();
    editor.status = core::tr("window.imported", {std::filesystem::path(path).filename().string()});
}

}  // namespace beltplan::app
