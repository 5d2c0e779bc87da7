// PlanDocument: reading (a newer autosave offered back), saving over the plan through
// io::save_plan (refused when another program changed the file), saving as and autosaving
// through io::write_plan; both write a temporary file and rename it over the target.
#include "app/window_document.h"

#include "io/plan_file.h"
#include "ui/confirm_dialogs.h"

#include <filesystem>

namespace beltplan::app {

core::Status PlanDocument::open(const std::string& path) {
    path_ = path;
    auto loaded = io::load_plan(path_);
    if (!loaded) {
        return loaded.error();
    }
    plan_ = std::move(loaded.value().plan);
    stamp_ = std::move(loaded.value().stamp);
    const std::string autosave = autosave_path();
    std::error_code err;
    if (std::filesystem::exists(autosave, err) &&
        std::filesystem::last_write_time(autosave, err) >=
            std::filesystem::last_write_time(path_, err)) {
        offer_ = AutosaveOffer{autosave, ui::file_time_text(autosave)};
    }
    return core::Ok{};
}

core::Status PlanDocument::restore_autosave() {
    if (!offer_) {
        return core::Ok{};
    }
    auto restored = io::read_plan(offer_->path);
    if (!restored) {
        return restored.error();
    }
    plan_ = std::move(restored.value());
    history_.clear();
    restored_ = true;
    offer_.reset();
    ++version_;
    return core::Ok{};
}

void PlanDocument::discard_autosave() {
    offer_.reset();
    drop_autosave();
}

void PlanDocument::changed() {
    autosave_.changed();
    ++version_;
}

core::Status PlanDocument::save() {
    core::Result<core::FileStamp> saved = io::save_plan(plan_, path_, stamp_);
    if (!saved) {
        return saved.error();
    }
    stamp_ = std::move(saved.value());
    history_.mark_saved();
    restored_ = false;
    autosave_.saved(ui::AutosavePolicy::Clock::now());
    drop_autosave();
    return core::Ok{};
}

bool PlanDocument::file_unchanged() const {
    return io::plan_file_unchanged(path_, stamp_);
}

core::Status PlanDocument::save_as(const std::string& target) {
    core::Status saved = io::write_plan(plan_, target);
    if (saved) {
        drop_autosave();  // of the old file: its changes are saved in the new one
        path_ = target;
        // What was just written; a stamp that cannot be read makes the next save refuse.
        core::Result<core::FileStamp> written = core::file_stamp(target);
        stamp_ = written ? written.value() : core::FileStamp{};
        history_.mark_saved();
        restored_ = false;
        autosave_.saved(ui::AutosavePolicy::Clock::now());
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
core::Status PlanDocument::autosave_if_due(bool edit_in_progress) {
    const auto now = ui::AutosavePolicy::Clock::now();
    if (!dirty() || !autosave_.due(now, edit_in_progress)) {
        return core::Ok{};
    }
    core::Status written = io::write_plan(plan_, autosave_path());
    if (written) {
        autosave_.written(now);
    } else {
        autosave_.failed(now);  // tried again after the interval, not on every frame
    }
    return written;
}

}  // namespace beltplan::app
