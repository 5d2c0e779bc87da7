// The window opened in-process on a copy of the sample plan, driven by injected OSG events as a
// planner drives it (tests/ui/window_*_test.cpp). Needs an X display: the test program starts a
// private Xvfb (xvfb_display.h) when DISPLAY is unset.
#pragma once

#include "analysis/strategy.h"
#include "app/window_app.h"
#include "support/test_support.h"
#include "ui/editor.h"
#include "window/xvfb_display.h"

#include <gtest/gtest.h>
#include <osgGA/EventQueue>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <thread>

namespace beltplan::test {

// The map area between the coverage panel (left) and the inspector (right), less the legend
// panel at its bottom right.
inline bool in_map_area(ui::ScreenPoint p) {
    const bool legend = p.x > 680.f && p.y > 480.f;
    return p.x > 380.f && p.x < 900.f && p.y > 60.f && p.y < 760.f && !legend;
}

class WindowFixture : public ::testing::Test {
protected:
    void SetUp() override {
        if (!test::have_display()) {
            GTEST_SKIP() << "no X display and no Xvfb to start";
        }
        setenv("XDG_CONFIG_HOME", dir_.path().c_str(), 1);  // recent plans stay in the test
        path_ = dir_.file("plan.gpkg");
        std::filesystem::copy_file(test::source_path("maps/xuanhua.gpkg"), path_);
        app::WindowOptions options;
        options.plan_path = path_;
        open(options);
    }

    // Opens (again) the window with these options.
    void open(const app::WindowOptions& options) {
        app_.reset();
        auto opened = app::WindowApp::open(options);
        ASSERT_TRUE(opened) << opened.error().message;
        app_ = std::move(opened.value());
        frames(4);
    }
    // Steps until the window took every injected event, then `extra` frames more. Each frame
    // may be slowed by `slow_ms` (a slow machine). False when the window quit.
    bool settle(int extra = 2, int slow_ms = 0) {
        app_->step();  // the injected events reach the bridge's queue in this step
        for (int guard = 0; app_->pending_input() > 0 && guard < 5000; ++guard) {
            if (slow_ms > 0) {
                std::this_thread::sleep_for(std::chrono::milliseconds(slow_ms));
            }
            if (!app_->step()) {
                return false;
            }
        }
        for (int i = 0; i < extra; ++i) {
            if (!app_->step()) {
                return false;
            }
        }
        return true;
    }

    void frames(int n) {
        for (int i = 0; i < n; ++i) {
            app_->step();
        }
    }
    // Injected coordinates are window pixels with y down, as the X11 window reports them.
    void move(ui::ScreenPoint p) { app_->events().mouseMotion(p.x, p.y); }
    void press(ui::ScreenPoint p) { app_->events().mouseButtonPress(p.x, p.y, 1); }
    void release(ui::ScreenPoint p) { app_->events().mouseButtonRelease(p.x, p.y, 1); }
    void click(ui::ScreenPoint p) {
        move(p);
        press(p);
        release(p);
        frames(4);  // injected events reach ImGui one step later; the release one more
    }
    // Clicks a control the editor noted in the last frame; false when it is not on screen.
    bool click_item(const std::string& key) {
        const std::optional<ui::ScreenPoint> at = ui::item_center(key);
        if (!at) {
            return false;
        }
        click(*at);
        return true;
    }
    // Steps frames until the job has an answer (or a minute passes: a guard, not a limit).
    const analysis::Suggestion* wait_for(ui::JobKind kind) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        while (app_->answer(kind) == nullptr && std::chrono::steady_clock::now() < deadline) {
            frames(1);
        }
        return app_->answer(kind);
    }
    void screenshot(const std::string& name) {
        if (const char* dir = std::getenv("BELTPLAN_SCREENSHOT_DIR")) {
            app_->capture_next_frame(std::string(dir) + "/" + name);
            frames(1);
            EXPECT_EQ(app_->capture_result(), "ok") << name;
        }
    }
    // Ctrl+key pressed and released inside one frame.
    void ctrl(char key) {
        osgGA::EventQueue& q = app_->events();
        q.keyPress(osgGA::GUIEventAdapter::KEY_Control_L);
        q.keyPress(key);
        q.keyRelease(key);
        q.keyRelease(osgGA::GUIEventAdapter::KEY_Control_L);
        frames(4);
    }
    // Ctrl+Shift+key, all inside one frame.
    void ctrl_shift(char key) {
        osgGA::EventQueue& q = app_->events();
        q.keyPress(osgGA::GUIEventAdapter::KEY_Control_L);
        q.keyPress(osgGA::GUIEventAdapter::KEY_Shift_L);
        q.keyPress(key);
        q.keyRelease(key);
        q.keyRelease(osgGA::GUIEventAdapter::KEY_Shift_L);
        q.keyRelease(osgGA::GUIEventAdapter::KEY_Control_L);
        settle();
    }
    // A key pressed and released (an OSG key code).
    void tap(int key) {
        app_->events().keyPress(key);
        app_->events().keyRelease(key);
    }
    // Types ASCII text as a keyboard does (events only; settle() delivers them).
    void type(const std::string& text) {
        for (char c : text) {
            tap(c);
        }
    }

    test::TempDir dir_;
    std::string path_;
    std::unique_ptr<app::WindowApp> app_;
};

}  // namespace beltplan::test
