// The window keeps work (issue 11): the close question, the autosave written only between
// complete edits and offered back with its time, a failed save that says why, Save as and Open,
// the plan file changed by another program.
#include "app/window_app.h"
#include "core/messages.h"
#include "io/plan_file.h"
#include "support/test_support.h"
#include "ui/editor.h"
#include "ui/strings.h"
#include "window/window_fixture.h"

#include <gtest/gtest.h>
#include <osgGA/EventQueue>

#include <filesystem>

namespace beltplan {
namespace {

namespace fs = std::filesystem;

class WindowFiles : public test::WindowFixture {
protected:
    // Adds a site at the middle of the map: the plan has unsaved changes.
    void edit() {
        const std::size_t sites = app_->plan().sites.size();
        app_->editor().tool = ui::Tool::kAddSite;
        click({640.f, 420.f});
        app_->editor().tool = ui::Tool::kSelect;
        ASSERT_EQ(app_->plan().sites.size(), sites + 1);
    }
    // The window manager's close button.
    void close_window() {
        app_->events().closeWindow();
        settle();
    }
};

TEST_F(WindowFiles, closing_with_unsaved_changes_asks_and_cancel_keeps_working) {
    const std::string before = test::read_text(path_);
    edit();
    close_window();
    ASSERT_TRUE(app_->editor().files.unsaved.asking()) << "closed without a question";
    screenshot("window_unsaved_question.png");
    ASSERT_TRUE(click_item("unsaved.cancel"));
    EXPECT_FALSE(app_->editor().files.unsaved.asking());
    EXPECT_TRUE(app_->step()) << "Cancel keeps the window open";
    EXPECT_TRUE(app_->history().dirty());
    // Ctrl+Q asks the same; Don't save closes and leaves the file as it was.
    ctrl('q');
    ASSERT_TRUE(app_->editor().files.unsaved.asking());
    const std::optional<ui::ScreenPoint> discard = ui::item_center("unsaved.discard");
    ASSERT_TRUE(discard);
    move(*discard);
    press(*discard);
    release(*discard);
    EXPECT_FALSE(settle(4)) << "the window should have closed";
    EXPECT_EQ(test::read_text(path_), before);
    EXPECT_FALSE(fs::exists(dir_.file("plan.autosave.gpkg")));
}

TEST_F(WindowFiles, save_in_the_close_question_saves_then_closes) {
    edit();
    const core::Plan edited = app_->plan();
    ctrl('q');
    ASSERT_TRUE(app_->editor().files.unsaved.asking());
    const std::optional<ui::ScreenPoint> save = ui::item_center("unsaved.save");
    ASSERT_TRUE(save);
    move(*save);
    press(*save);
    release(*save);
    EXPECT_FALSE(settle(4));
    auto saved = io::read_plan(path_);
    ASSERT_TRUE(saved) << saved.error().message;
    EXPECT_EQ(saved.value(), edited);
}

TEST_F(WindowFiles, closing_a_saved_plan_asks_nothing) {
    close_window();
    EXPECT_FALSE(app_->editor().files.unsaved.asking());
    EXPECT_FALSE(app_->step());
}

// The autosave is written only once a drag has ended: never with a site half-way.
TEST_F(WindowFiles, the_autosave_waits_for_the_end_of_a_drag) {
    app::WindowOptions options;
    options.plan_path = path_;
    options.autosave_interval_s = 0.0;  // due at every frame between complete edits
    open(options);
    const std::string autosave = dir_.file("plan.autosave.gpkg");
    const core::Plan& plan = app_->plan();
    const ui::MapView& view = app_->editor().view;
    int site = -1;
    for (std::size_t i = 0; i < plan.sites.size() && site < 0; ++i) {
        const ui::ScreenPoint p = view.to_screen(plan.sites[i].position);
        site = test::in_map_area(p) && ui::site_near(plan, view, p, 20.f) == static_cast<int>(i)
                   ? static_cast<int>(i)
                   : -1;
    }
    ASSERT_GE(site, 0);
    const std::string id = plan.sites[static_cast<std::size_t>(site)].id;
    const ui::ScreenPoint from =
        view.to_screen(plan.sites[static_cast<std::size_t>(site)].position);
    move(from);
    frames(2);
    press(from);
    frames(2);
    for (int step = 1; step <= 6; ++step) {
        move({from.x + 12.f * step, from.y + 7.f * step});
        frames(2);
        EXPECT_FALSE(fs::exists(autosave)) << "autosaved in the middle of the drag, step " << step;
    }
    const ui::ScreenPoint to{from.x + 72.f, from.y + 42.f};
    release(to);
    frames(4);
    ASSERT_TRUE(fs::exists(autosave)) << "no autosave after the drag ended";
    auto saved = io::read_plan(autosave);
    ASSERT_TRUE(saved) << saved.error().message;
    const int at = core::find_site(saved.value(), id);
    ASSERT_GE(at, 0);
    EXPECT_EQ(saved.value().sites[static_cast<std::size_t>(at)].position,
              plan.sites[static_cast<std::size_t>(site)].position)
        << "the autosave holds the site where the drag ended";
    EXPECT_EQ(app_->history().undo_count(), 1u);
}

// A newer autosave is offered back with its time: Restore takes it (unsaved until saved).
TEST_F(WindowFiles, a_newer_autosave_is_offered_and_restored) {
    core::Plan edited = app_->plan();
    edited.sites.pop_back();
    app_.reset();
    const std::string autosave = dir_.file("plan.autosave.gpkg");
    ASSERT_TRUE(io::write_plan(edited, autosave));
    app::WindowOptions options;
    options.plan_path = path_;
    open(options);
    ASSERT_TRUE(app_->editor().files.autosave.asking());
    EXPECT_FALSE(app_->plan() == edited) << "restored without asking";
    screenshot("window_autosave_question.png");
    ASSERT_TRUE(click_item("autosave.restore"));
    EXPECT_EQ(app_->plan(), edited);
    EXPECT_NE(app_->title().find(ui::tr(ui::Str::kUnsavedMark)), std::string::npos);
    ASSERT_TRUE(app_->save());
    EXPECT_FALSE(fs::exists(autosave));
    EXPECT_EQ(app_->title().find(ui::tr(ui::Str::kUnsavedMark)), std::string::npos);
}

TEST_F(WindowFiles, a_discarded_autosave_is_removed) {
    const core::Plan original = app_->plan();
    core::Plan edited = original;
    edited.sites.pop_back();
    app_.reset();
    const std::string autosave = dir_.file("plan.autosave.gpkg");
    ASSERT_TRUE(io::write_plan(edited, autosave));
    app::WindowOptions options;
    options.plan_path = path_;
    open(options);
    ASSERT_TRUE(click_item("autosave.discard"));
    EXPECT_EQ(app_->plan(), original);
    EXPECT_FALSE(fs::exists(autosave));
    EXPECT_FALSE(app_->history().dirty());
}

// A save that cannot be written says why and leaves the plan file as it was.
TEST_F(WindowFiles, a_failed_save_says_why_and_leaves_the_file) {
    edit();
    // The plan's folder goes away (a USB stick pulled): the save cannot write its temporary.
    const std::string moved = dir_.path() + "-elsewhere";
    fs::rename(dir_.path(), moved);
    EXPECT_FALSE(app_->save());
    fs::rename(moved, dir_.path());
    EXPECT_NE(app_->status().find(fs::path(path_).parent_path().string()), std::string::npos)
        << app_->status();
    EXPECT_TRUE(app_->history().dirty()) << "still unsaved";
    auto on_disk = io::read_plan(path_);
    ASSERT_TRUE(on_disk) << on_disk.error().message;
    EXPECT_FALSE(on_disk.value() == app_->plan());
}

// After a save the status says so; the next edit turns it to unsaved at once.
TEST_F(WindowFiles, the_status_line_follows_the_real_saved_state) {
    edit();
    ctrl('s');
    EXPECT_FALSE(app_->history().dirty());
    EXPECT_NE(app_->status(), "");
    edit();
    frames(2);
    EXPECT_EQ(app_->status(), "") << "a saved message after a new edit";
    EXPECT_TRUE(app_->history().dirty());
    EXPECT_NE(app_->title().find(ui::tr(ui::Str::kUnsavedMark)), std::string::npos);
}

// File > Save as through the file dialog: a new file, and the window works on there.
TEST_F(WindowFiles, save_as_writes_a_new_file_and_works_on_there) {
    edit();
    const std::string before = test::read_text(path_);
    ctrl_shift('s');
    ASSERT_TRUE(app_->editor().files.browser.is_open());
    app_->editor().files.browser.set_name_field(u8"新方案");
    frames(2);
    screenshot("window_save_as.png");
    ASSERT_TRUE(click_item("file.ok"));
    const std::string target = dir_.file(u8"新方案.gpkg");
    ASSERT_TRUE(fs::exists(target));
    EXPECT_EQ(app_->plan_path(), target);
    EXPECT_FALSE(app_->history().dirty());
    EXPECT_EQ(test::read_text(path_), before) << "the old file stays as it was";
    auto reread = io::read_plan(target);
    ASSERT_TRUE(reread) << reread.error().message;
    EXPECT_EQ(reread.value(), app_->plan());
}

// File > Open asks about unsaved changes first, then shows the other plan.
TEST_F(WindowFiles, open_asks_first_then_shows_the_other_plan) {
    core::Plan other = app_->plan();
    other.name = u8"另一方案";
    other.sites.resize(3);
    const std::string other_path = dir_.file("other.gpkg");
    ASSERT_TRUE(io::write_plan(other, other_path));
    edit();
    ctrl('o');
    ASSERT_TRUE(app_->editor().files.browser.is_open());
    frames(2);
    screenshot("window_open_dialog.png");
    ASSERT_TRUE(click_item("file.entry.other.gpkg"));
    ASSERT_TRUE(click_item("file.ok"));
    ASSERT_TRUE(app_->editor().files.unsaved.asking());
    frames(2);  // a new popup shows from its second frame
    ASSERT_TRUE(click_item("unsaved.discard"));
    EXPECT_EQ(app_->plan_path(), other_path);
    EXPECT_EQ(app_->plan(), other);
    EXPECT_EQ(app_->analysis().reach().size(), other.villages.size());
    EXPECT_NE(app_->title().find(u8"另一方案"), std::string::npos);
}

// Another program replaces the plan file: the window asks, and Reload shows the new version.
TEST_F(WindowFiles, a_plan_changed_by_another_program_is_offered_for_reload) {
    core::Plan other = app_->plan();
    other.sites.resize(2);
    ASSERT_TRUE(io::write_plan(other, path_));  // as another beltplan would
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!app_->editor().files.disk_change.asking() &&
           std::chrono::steady_clock::now() < deadline) {
        frames(1);
    }
    ASSERT_TRUE(app_->editor().files.disk_change.asking());
    frames(2);
    screenshot("window_changed_on_disk.png");
    ASSERT_TRUE(click_item("disk.reload"));
    EXPECT_EQ(app_->plan(), other);
}

// Another program saves the plan while the window has unsaved changes: Ctrl+S is refused with
// the catalogue's sentence, the other program's file stays byte for byte, and the window asks
// Reload / Save as / Keep editing. Save as then keeps the window's version in a new file.
TEST_F(WindowFiles, ctrl_s_over_a_plan_another_program_changed_is_refused) {
    edit();
    core::Plan other = app_->plan();
    other.sites.resize(2);
    ASSERT_TRUE(io::write_plan(other, path_));  // as another beltplan would
    const std::string theirs = test::read_text(path_);
    ctrl('s');
    EXPECT_EQ(test::read_text(path_), theirs) << "the other program's save was overwritten";
    EXPECT_NE(app_->status().find(core::tr("trust.plan_changed")), std::string::npos)
        << app_->status();
    EXPECT_TRUE(app_->history().dirty());
    ASSERT_TRUE(app_->editor().files.disk_change.asking());
    frames(2);
    screenshot("window_save_refused.png");
    ASSERT_TRUE(click_item("disk.save_as"));
    ASSERT_TRUE(app_->editor().files.browser.is_open());
    app_->editor().files.browser.set_name_field("mine");
    frames(2);
    ASSERT_TRUE(click_item("file.ok"));
    EXPECT_EQ(app_->plan_path(), dir_.file("mine.gpkg"));
    EXPECT_FALSE(app_->history().dirty());
    EXPECT_EQ(test::read_text(path_), theirs);
}

// A plan saved here and not touched by anyone else saves again (the stamp follows each save).
TEST_F(WindowFiles, saving_twice_over_our_own_file_is_not_refused) {
    edit();
    ctrl('s');
    ASSERT_FALSE(app_->history().dirty()) << app_->status();
    edit();
    ctrl('s');
    EXPECT_FALSE(app_->history().dirty()) << app_->status();
    auto reread = io::read_plan(path_);
    ASSERT_TRUE(reread) << reread.error().message;
    EXPECT_EQ(reread.value(), app_->plan());
}

}  // namespace
}  // namespace beltplan
