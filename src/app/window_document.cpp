// PlanDocument: reading (with the autosave offered back), saving and autosaving through
// io::write_plan, which writes a temporary file and renames it over the target.
#include "app/window_document.h"

#include "io/plan_file.h"

#include <filesystem>

namespace beltplan::app {

core::Status PlanDocument::open(const std::string& path) {
    path_ = path;
    auto plan = io::read_plan(path_);
    if (!plan) {
        return plan.error();
    }
    plan_ = std::move(plan.value());
    const std::string autosave = autosave_path();
    std::error_code err;
    if (std::filesystem::exists(autosave, err) &&
        std::filesystem::last_write_time(autosave, err) >=
            std::filesystem::last_write_time(path_, err)) {
        auto restored = io::read_plan(autosave);
        if (restored) {
            plan_ = std::move(restored.value());
            restored_ = true;
        }
    }
    return core::Ok{};
}

void PlanDocument::changed() {
    ++edits_since_autosave_;
    ++version_;
}

core::Status PlanDocument::save() {
    core::Status saved = io::write_plan(plan_, path_);
    if (saved) {
        history_.mark_saved();
        restored_ = false;
        edits_since_autosave_ = 0;
        drop_autosave();
    }
    return saved;
}

std::string PlanDocument::autosave_path() const {
    const std::filesystem::path p(path_);
    return (p.parent_path() / (p.stem().string() + ".autosave.gpkg")).string();
}

void PlanDocument::drop_autosave() const {
    std::error_code ignored;
    std::filesystem::remove(autosave_path(), ignored);
}

// Never over the plan itself; opening the plan later offers the newer autosave back.
void PlanDocument::autosave_if_due() {
    constexpr double kAutosaveS = 60.0;
    const auto now = std::chrono::steady_clock::now();
    if (edits_since_autosave_ == 0 || !dirty() ||
        std::chrono::duration<double>(now - last_autosave_).count() < kAutosaveS) {
        return;
    }
    last_autosave_ = now;
    if (io::write_plan(plan_, autosave_path())) {
        edits_since_autosave_ = 0;
    }
}

}  // namespace beltplan::app
