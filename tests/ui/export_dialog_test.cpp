// Export dialog fields and their checks; the plan file watch; the changed-on-disk question.
#include "ui/export_dialog.h"

#include "support/test_support.h"
#include "ui/confirm_dialogs.h"
#include "ui/headless_imgui.h"
#include "ui/plan_watch.h"
#include "ui/strings.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace beltplan {
namespace {

TEST(ExportDialog, defaults_beside_the_plan_and_checks_the_fields) {
    ui::set_language(ui::Language::kChinese);
    test::TempDir dir;
    ui::ExportDialog dialog;
    dialog.open_map(dir.file(u8"宣化区.gpkg"), {ui::MapFormat::kPng, ui::MapFormat::kPdf});
    auto request = dialog.request();
    ASSERT_TRUE(request) << dialog.error();
    EXPECT_EQ(request->path, dir.file(u8"宣化区-map.png"));
    EXPECT_EQ(request->width_px, 1600);
    EXPECT_EQ(request->scope, ui::MapScope::kCurrentView);
    dialog.set_format(ui::MapFormat::kPdf);
    EXPECT_EQ(dialog.request()->path, dir.file(u8"宣化区-map.pdf"));
    dialog.fields().width_px = 30;
    EXPECT_FALSE(dialog.request());
    EXPECT_NE(dialog.error().find("64"), std::string::npos) << dialog.error();
    dialog.fields().width_px = 7680;
    dialog.fields().path = dir.file("no/such/folder/map.pdf");
    EXPECT_FALSE(dialog.request());
    dialog.open_tables(dir.file(u8"宣化区.gpkg"));
    ASSERT_TRUE(dialog.request());
    EXPECT_EQ(dialog.request()->kind, ui::ExportKind::kTables);
    EXPECT_EQ(dialog.request()->path, dir.file(u8"宣化区-report.xlsx"));
}

TEST(ExportDialog, the_export_button_returns_the_request_once) {
    test::TempDir dir;
    test::HeadlessImGui gui;
    ui::ExportDialog dialog;
    dialog.open_map(dir.file("plan.gpkg"), {ui::MapFormat::kPng, ui::MapFormat::kSvg});
    std::vector<ui::ExportRequest> got;
    auto draw = [&] {
        if (auto r = dialog.draw()) {
            got.push_back(*r);
        }
    };
    gui.frame(draw, false);
    gui.frame(draw, false);
    ASSERT_TRUE(gui.click_item("export.format.SVG"));
    gui.drain(draw, 2, 2000, false);
    ASSERT_TRUE(gui.click_item("export.go"));
    gui.drain(draw, 2, 2000, false);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].format, ui::MapFormat::kSvg);
    EXPECT_EQ(got[0].path, dir.file("plan-map.svg"));
    EXPECT_FALSE(dialog.is_open());
}

TEST(PlanWatch, notices_another_program_writing_the_plan_once) {
    test::TempDir dir;
    const std::string plan = dir.file("plan.gpkg");
    std::ofstream(plan) << "first";
    ui::PlanWatch watch;
    watch.reset(plan);
    const auto later = [](int s) { return ui::PlanWatch::Clock::now() + std::chrono::seconds(s); };
    EXPECT_FALSE(watch.changed(later(2)));
    {
        // Another program replaces the file (a new inode, as a safe save does).
        std::ofstream(dir.file("other")) << "second version";
        std::filesystem::rename(dir.file("other"), plan);
    }
    EXPECT_FALSE(watch.changed(ui::PlanWatch::Clock::now())) << "checked within the second";
    EXPECT_TRUE(watch.changed(later(4)));
    EXPECT_FALSE(watch.changed(later(6))) << "reported once";
    watch.reset(plan);  // reloaded or saved here
    EXPECT_FALSE(watch.changed(later(8)));
    std::filesystem::remove(plan);
    EXPECT_TRUE(watch.changed(later(10)));
}

TEST(DiskChangeQuestion, each_button_answers) {
    for (const char* button : {"disk.reload", "disk.save_as", "disk.keep"}) {
        test::HeadlessImGui gui;
        ui::DiskChangeQuestion question;
        question.ask("/plans/plan.gpkg");
        std::vector<ui::DiskChangeChoice> answers;
        auto draw = [&] {
            const auto c = question.draw("plan", true);
            if (c != ui::DiskChangeChoice::kAsking) {
                answers.push_back(c);
            }
        };
        gui.frame(draw, false);
        gui.frame(draw, false);
        ASSERT_TRUE(gui.click_item(button));
        gui.drain(draw, 2, 2000, false);
        ASSERT_EQ(answers.size(), 1u) << button;
        const std::string b = button;
        EXPECT_EQ(answers[0], b == "disk.reload"    ? ui::DiskChangeChoice::kReload
                              : b == "disk.save_as" ? ui::DiskChangeChoice::kSaveAs
                                                    : ui::DiskChangeChoice::kKeep);
        EXPECT_FALSE(question.asking());
    }
}

}  // namespace
}  // namespace beltplan
