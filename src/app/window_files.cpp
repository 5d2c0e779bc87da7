// The window's files: closing with the unsaved question, opening another plan, Save as, the
// autosave offered back on open, the plan file changed by another program, the layer list.
#include "app/window_impl.h"
#include "core/messages.h"
#include "ui/strings.h"

#include <filesystem>

namespace beltplan::app {

namespace {

std::string file_name(const std::string& path) {
    return std::filesystem::path(path).filename().string();
}

}  // namespace

void WindowApp::Impl::request_quit() {
    if (doc.dirty()) {
        editor.files.unsaved.ask(ui::PendingAction::kQuit);
    } else {
        carry_out(ui::PendingAction::kQuit, "");
    }
}

void WindowApp::Impl::open_plan(const std::string& path) {
    if (doc.dirty()) {
        editor.files.unsaved.ask(ui::PendingAction::kOpen, path);
    } else {
        carry_out(ui::PendingAction::kOpen, path);
    }
}

// What the planner asked for once the unsaved changes were saved or given up.
void WindowApp::Impl::carry_out(ui::PendingAction action, const std::string& target) {
    switch (action) {
        case ui::PendingAction::kQuit:
            quitting = true;
            doc.drop_autosave();  // the planner chose: saved or not
            break;
        case ui::PendingAction::kOpen:
        case ui::PendingAction::kReload:
            // Saved, or given up: the open plan's autosave is not wanted any more.
            doc.drop_autosave();
            load(target);
            break;
        case ui::PendingAction::kNewImport:
            // The open plan stays (and keeps its autosave) until the new plan is created.
            editor.files.importer.open(std::filesystem::path(doc.path()).parent_path().string());
            break;
        case ui::PendingAction::kNone:
            break;
    }
}

// Reads another plan (or the same file again) and shows it; the open plan stays when the file
// cannot be read, and the status line says why.
bool WindowApp::Impl::load(const std::string& path) {
    PlanDocument next;
    next.set_autosave_interval(autosave_interval_s);
    if (core::Status opened = next.open(path); !opened) {
        editor.status = opened.error().message;
        return false;
    }
    doc = std::move(next);
    rebuild();
    watch.reset(doc.path());
    (void)recent.add(doc.path());  // a list that cannot be stored only loses the list
    editor.status = core::tr("window.opened", {file_name(doc.path())});
    if (const auto& offer = doc.autosave_offer()) {
        editor.files.autosave.ask(offer->path, offer->written);
    }
    return true;
}

// Everything that borrows the plan is made anew for the plan now in the document.
void WindowApp::Impl::rebuild() {
    const core::Plan& plan = doc.plan();
    jobs = std::make_unique<SuggestionJobs>();
    compare.close();
    picker = std::make_unique<ui::VillagePicker>(plan);
    editor.selection = ui::Selection{};
    editor.find.table.select({});
    editor.measure = ui::MeasureState{};
    ui::fit_to_plan(core::bounds(plan), editor);
    roads_checked = false;  // another plan, or the file read again
    rebuild_analysis();
}

// The analysis of doc.plan() and the map drawn from it, made anew; the view stays.
void WindowApp::Impl::rebuild_analysis() {
    map.reset();  // it borrows the analysis
    analysis::AnalysisOptions settings;
    settings.file = doc.path();
    analysis = std::make_unique<analysis::PlanAnalysis>(doc.plan(), settings);
    map = std::make_unique<MapDisplay>(doc.plan(), *analysis, editor.view, font);
    check_roads();
    show_layers(editor.layers.rows);
    recolour();
    viewer->setSceneData(map->root());
}

// The road check, made once per plan opened (the analysis keeps the road graph it needs);
// drawn into every map made for that plan.
void WindowApp::Impl::check_roads() {
    if (!roads_checked) {
        road_check = analysis::RoadCheck{};
        road_problem_text.clear();
        if (!doc.plan().roads.empty()) {
            road_check = analysis::check_roads(doc.plan(), analysis->road_network());
        }
        for (const analysis::RoadProblem& problem : road_check.problems) {
            road_problem_text.push_back(analysis::describe(doc.plan(), problem));
        }
        roads_checked = true;
    }
    map->set_road_problems(road_check.problems);
}

void WindowApp::Impl::save_as(const std::string& path) {
    if (core::Status saved = doc.save_as(path); !saved) {
        editor.status = core::tr("window.save_failed_why", {saved.error().message});
        return;
    }
    watch.reset(doc.path());
    (void)recent.add(doc.path());
    editor.status = core::tr("window.saved_as", {file_name(doc.path())});
}

void WindowApp::Impl::watch_plan_file() {
    if (watch.changed() && !editor.files.disk_change.asking()) {
        editor.files.disk_change.ask(doc.path());
    }
}

// The answers of the file dialogs and questions of one frame.
void WindowApp::Impl::apply_files(ui::EditorOutput& out) {
    ui::FileDialogs& files = editor.files;
    if (out.quit_request) {
        request_quit();
    }
    if (out.open_path) {
        open_plan(*out.open_path);
    }
    if (out.save_as) {
        save_as(*out.save_as);
    }
    apply_import(out);
    if (out.export_request) {
        apply_export(*out.export_request);
    }
    switch (out.unsaved) {
        case ui::UnsavedChoice::kSave:
            if (save_now()) {
                carry_out(files.unsaved.action(), files.unsaved.target());
            }
            files.unsaved.done();
            break;
        case ui::UnsavedChoice::kDiscard:
            carry_out(files.unsaved.action(), files.unsaved.target());
            files.unsaved.done();
            break;
        case ui::UnsavedChoice::kAsking:
        case ui::UnsavedChoice::kCancel:
            break;
    }
    if (out.autosave == ui::AutosaveChoice::kRestore) {
        if (core::Status restored = doc.restore_autosave(); restored) {
            rebuild();
            editor.status = ui::tr(ui::Str::kRestoredAutosave);
        } else {
            editor.status = restored.error().message;
        }
    } else if (out.autosave == ui::AutosaveChoice::kDiscard) {
        doc.discard_autosave();
    }
    switch (out.disk_change) {
        case ui::DiskChangeChoice::kReload:
            if (doc.dirty()) {
                files.unsaved.ask(ui::PendingAction::kReload, doc.path());
            } else {
                carry_out(ui::PendingAction::kReload, doc.path());
            }
            break;
        case ui::DiskChangeChoice::kSaveAs:
            ui::handle_file_choice({ui::FileAction::kSaveAs, ""}, context(), editor, out);
            break;
        case ui::DiskChangeChoice::kAsking:
        case ui::DiskChangeChoice::kKeep:
            break;
    }
    if (!out.layers.empty()) {
        show_layers(out.layers);
    }
}

void WindowApp::Impl::show_layers(const std::vector<ui::LayerRow>& rows) {
    for (const ui::LayerRow& row : rows) {
        map->set_layer_visible(row.layer, row.shown);
    }
}

}  // namespace beltplan::app
