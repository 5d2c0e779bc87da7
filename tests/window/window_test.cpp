// The window driven in-process under Xvfb: injected OSG mouse and key events go through the
// ImGui bridge, the editor and the UndoStack exactly as a planner's would.
#include "analysis/belts.h"
#include "analysis/compare.h"
#include "analysis/contiguity.h"
#include "analysis/coverage.h"
#include "analysis/plan_analysis.h"
#include "analysis/strategy.h"
#include "app/window_app.h"
#include "io/plan_file.h"
#include "render/map_scene.h"
#include "render/village_colors.h"
#include "render/village_values.h"
#include "support/test_support.h"
#include "ui/editor.h"
#include "ui/strings.h"
#include "window/window_fixture.h"
#include "window/xvfb_display.h"

#include <gtest/gtest.h>
#include <osgDB/ReadFile>
#include <osgGA/EventQueue>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>

namespace beltplan {
namespace {

// One Xvfb for the whole test program (the window tests of every file use it).
const auto* const kXvfb = ::testing::AddGlobalTestEnvironment(new test::XvfbEnvironment);

using test::in_map_area;

// Samples an 11 x 11 grid over a village's box: points inside the village, away from the row
// of its name at the anchor (and in the map area when asked). Returns how many were sampled
// and how many pixels `wanted` accepts.
std::pair<int, int> sample_village(const osg::Image& image, const ui::MapView& view,
                                   const core::Village& village, float label_half_px,
                                   bool map_area_only,
                                   const std::function<bool(const osg::Vec4&)>& wanted) {
    const core::Box box = core::bounds(village.shape);
    const ui::ScreenPoint a = view.to_screen(core::anchor(village));
    int inside = 0;
    int hits = 0;
    for (int i = 1; i < 12; ++i) {
        for (int j = 1; j < 12; ++j) {
            const core::PointM w{box.min_x + box.width() * i / 12.0,
                                 box.min_y + box.height() * j / 12.0};
            const ui::ScreenPoint p = view.to_screen(w);
            if (!core::contains(village.shape, w) || (map_area_only && !in_map_area(p)) ||
                std::abs(p.y - a.y) < label_half_px) {
                continue;
            }
            const osg::Vec4 c = image.getColor(static_cast<unsigned>(p.x),
                                               image.t() - 1 - static_cast<unsigned>(p.y));
            ++inside;
            hits += wanted(c) ? 1 : 0;
        }
    }
    return {inside, hits};
}

class WindowTest : public test::WindowFixture {};

TEST_F(WindowTest, hover_names_the_village_under_the_cursor) {
    const ui::MapView& view = app_->editor().view;
    const core::Plan& plan = app_->plan();
    for (std::size_t i = 0; i < plan.villages.size(); ++i) {
        const ui::ScreenPoint p = view.to_screen(core::anchor(plan.villages[i]));
        if (!in_map_area(p) || !core::contains(plan.villages[i].shape, view.to_world(p))) {
            continue;
        }
        move(p);
        frames(2);
        EXPECT_EQ(app_->editor().selection.hovered_village, static_cast<int>(i));
        return;
    }
    FAIL() << "no village anchor in the map area";
}

TEST_F(WindowTest, dragging_a_site_updates_coverage_as_the_analysis_says) {
    const core::Plan& plan = app_->plan();
    const ui::MapView& view = app_->editor().view;
    int site = -1;
    for (std::size_t i = 0; i < plan.sites.size() && site < 0; ++i) {
        if (in_map_area(view.to_screen(plan.sites[i].position))) {
            site = static_cast<int>(i);
        }
    }
    ASSERT_GE(site, 0);
    // Drop it on the anchor of an uncovered village shown in the map area.
    ui::ScreenPoint target{-1.f, -1.f};
    for (const auto& u : app_->analysis().coverage().uncovered) {
        for (const core::Village& v : plan.villages) {
            if (v.code == u.code && in_map_area(view.to_screen(core::anchor(v)))) {
                target = view.to_screen(core::anchor(v));
            }
        }
    }
    ASSERT_GE(target.x, 0.f);
    const std::int64_t covered_before = app_->analysis().coverage().total.covered;
    const ui::ScreenPoint from =
        view.to_screen(plan.sites[static_cast<std::size_t>(site)].position);
    move(from);
    frames(1);
    press(from);
    frames(1);
    const auto start = std::chrono::steady_clock::now();
    for (int step = 1; step <= 5; ++step) {
        const float t = static_cast<float>(step) / 5.f;
        move({from.x + (target.x - from.x) * t, from.y + (target.y - from.y) * t});
        frames(1);
    }
    const double frame_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count() /
        5.0;
    std::cout << "drag frame (editor, live coverage, recolour, draw): " << frame_ms << " ms\n";
    release(target);
    frames(2);

    const core::PointM dropped = view.to_world(target);
    EXPECT_NEAR(plan.sites[static_cast<std::size_t>(site)].position.x, dropped.x,
                2 * view.m_per_px());
    EXPECT_NEAR(plan.sites[static_cast<std::size_t>(site)].position.y, dropped.y,
                2 * view.m_per_px());
    const analysis::CoverageReport expected = analysis::summarize_coverage(
        plan, analysis::euclidean_reach(plan), plan.settings.reach_m, plan.settings.distance);
    const analysis::CoverageReport& shown = app_->analysis().coverage();
    EXPECT_EQ(shown.total.covered, expected.total.covered);
    EXPECT_EQ(shown.total.covered_population, expected.total.covered_population);
    EXPECT_EQ(shown.uncovered.size(), expected.uncovered.size());
    ASSERT_EQ(shown.by_township.size(), expected.by_township.size());
    for (std::size_t i = 0; i < shown.by_township.size(); ++i) {
        EXPECT_EQ(shown.by_township[i].covered, expected.by_township[i].covered);
    }
    EXPECT_NE(shown.total.covered, covered_before);
    EXPECT_EQ(app_->history().undo_count(), 1u) << "one drag is one undo entry";
}

TEST_F(WindowTest, add_site_by_click_then_undo_redo_save_and_reopen) {
    const std::size_t sites = app_->plan().sites.size();
    app_->editor().tool = ui::Tool::kAddSite;
    const ui::ScreenPoint at{640.f, 420.f};
    move(at);
    press(at);
    release(at);  // press and release inside one frame still click
    frames(4);
    ASSERT_EQ(app_->plan().sites.size(), sites + 1);
    EXPECT_TRUE(app_->history().dirty());
    EXPECT_NE(app_->title().find(ui::tr(ui::Str::kUnsavedMark)), std::string::npos);
    app_->editor().tool = ui::Tool::kSelect;
    const core::Plan edited = app_->plan();

    ctrl('z');
    EXPECT_EQ(app_->plan().sites.size(), sites);
    EXPECT_FALSE(app_->history().dirty());
    ctrl('y');
    EXPECT_EQ(app_->plan(), edited);
    ctrl('s');
    EXPECT_FALSE(app_->history().dirty());
    EXPECT_EQ(app_->title().find(ui::tr(ui::Str::kUnsavedMark)), std::string::npos);

    auto reopened = io::read_plan(path_);
    ASSERT_TRUE(reopened) << reopened.error().message;
    EXPECT_EQ(reopened.value(), app_->plan());
}

TEST_F(WindowTest, joint_org_by_clicks_then_undo_redo_save_and_reopen) {
    const core::Plan& plan = app_->plan();
    const ui::MapView& view = app_->editor().view;
    // Two queen neighbours (a shared vertex) whose anchors lie in the map area, away from sites.
    auto clickable = [&](const core::Village& v) {
        const ui::ScreenPoint p = view.to_screen(core::anchor(v));
        return in_map_area(p) && ui::site_near(plan, view, p, 20.f) < 0 &&
               core::contains(v.shape, core::anchor(v));
    };
    auto touch = [](const core::Village& a, const core::Village& b) {
        for (const core::PointM& p : a.shape.parts.front().outer) {
            for (const core::PointM& q : b.shape.parts.front().outer) {
                if (p == q) {
                    return true;
                }
            }
        }
        return false;
    };
    int a = -1;
    int b = -1;
    for (std::size_t i = 0; i < plan.villages.size() && b < 0; ++i) {
        for (std::size_t j = i + 1; j < plan.villages.size() && b < 0; ++j) {
            if (clickable(plan.villages[i]) && clickable(plan.villages[j]) &&
                touch(plan.villages[i], plan.villages[j])) {
                a = static_cast<int>(i);
                b = static_cast<int>(j);
            }
        }
    }
    ASSERT_GE(b, 0);
    const std::size_t orgs = plan.joint_orgs.size();
    app_->editor().tool = ui::Tool::kJointOrg;
    for (int v : {a, b}) {
        const ui::ScreenPoint p =
            view.to_screen(core::anchor(plan.villages[static_cast<std::size_t>(v)]));
        move(p);
        press(p);
        release(p);
        frames(4);
    }
    ASSERT_EQ(plan.joint_orgs.size(), orgs + 1);
    const core::JointOrg& org = plan.joint_orgs.back();
    EXPECT_EQ(org.members.size(), 2u);
    EXPECT_EQ(org.lead, plan.villages[static_cast<std::size_t>(a)].code);
    EXPECT_EQ(app_->history().undo_count(), 2u);
    const core::Plan edited = plan;
    ctrl('z');
    ctrl('z');
    EXPECT_EQ(plan.joint_orgs.size(), orgs);
    ctrl('y');
    ctrl('y');
    EXPECT_EQ(plan, edited);
    ctrl('s');
    auto reopened = io::read_plan(path_);
    ASSERT_TRUE(reopened) << reopened.error().message;
    EXPECT_EQ(reopened.value(), plan);
    if (const char* dir = std::getenv("BELTPLAN_SCREENSHOT_DIR")) {
        app_->capture_next_frame(std::string(dir) + "/joint_org.png");
        frames(1);
        EXPECT_EQ(app_->capture_result(), "ok");
    }
}

TEST_F(WindowTest, how_many_more_sites_runs_off_the_frame_and_answers) {
    const std::optional<ui::ScreenPoint> at = ui::item_center("target.compute");
    ASSERT_TRUE(at) << "the button is not on screen";
    const ui::ScreenPoint button = *at;
    move(button);
    press(button);
    release(button);
    frames(4);
    bool answered = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!answered && std::chrono::steady_clock::now() < deadline) {
        frames(1);
        const ui::EditorState& state = app_->editor();
        answered =
            state.status.empty() && std::filesystem::exists(path_) && app_->target_sites() >= 0;
    }
    ASSERT_TRUE(answered) << "no answer within 60 s";
    EXPECT_GT(app_->target_sites(), 0);
    if (const char* dir = std::getenv("BELTPLAN_SCREENSHOT_DIR")) {
        app_->capture_next_frame(std::string(dir) + "/target.png");
        frames(1);
    }
}

// The joint organization tab runs the strong/weak strategy off the frame, previews its groups
// and creates the ticked ones as one undoable edit.
TEST_F(WindowTest, suggested_groups_are_previewed_and_the_ticked_ones_accepted) {
    const core::Plan& plan = app_->plan();
    const std::size_t orgs_before = plan.joint_orgs.size();
    const std::size_t undo_before = app_->history().undo_count();
    app_->editor().dialogs.focus_org_tab = true;
    frames(4);
    ASSERT_TRUE(click_item("merge.suggest"));
    EXPECT_TRUE(app_->job_running(ui::JobKind::kMerges) ||
                app_->answer(ui::JobKind::kMerges) != nullptr);
    const analysis::Suggestion* answer = wait_for(ui::JobKind::kMerges);
    ASSERT_NE(answer, nullptr) << "no answer within 60 s";
    const analysis::Suggestion suggestion = *answer;
    ASSERT_GE(suggestion.groups.size(), 2u);
    frames(2);
    screenshot("merge_suggestions.png");
    ASSERT_TRUE(click_item("merge.group.0"));  // untick the first group
    ASSERT_EQ(app_->editor().suggestions.merge_pick.size(), suggestion.groups.size());
    EXPECT_EQ(app_->editor().suggestions.merge_pick[0], 0);
    auto org_layer_children = [&] {
        return app_->scene().layer(render::Layer::kJointOrgs)->getNumChildren();
    };
    const unsigned drawn_before = org_layer_children();
    ASSERT_TRUE(click_item("merge.accept_ticked"));
    ASSERT_EQ(plan.joint_orgs.size(), orgs_before + suggestion.groups.size() - 1);
    EXPECT_GT(org_layer_children(), drawn_before) << "the new groups are not on the map";
    EXPECT_EQ(app_->history().undo_count(), undo_before + 1);
    EXPECT_EQ(app_->answer(ui::JobKind::kMerges), nullptr);
    auto code = [&](int v) { return plan.villages[static_cast<std::size_t>(v)].code; };
    for (std::size_t g = 0; g < suggestion.groups.size(); ++g) {
        const analysis::SuggestedGroup& group = suggestion.groups[g];
        std::vector<std::string> members;
        for (int m : group.members) {
            members.push_back(code(m));
        }
        bool created = false;
        for (std::size_t o = orgs_before; o < plan.joint_orgs.size(); ++o) {
            const core::JointOrg& org = plan.joint_orgs[o];
            created = created || (org.members == members && org.lead == code(group.lead) &&
                                  org.mode == core::JointOrgMode::kStrongWeak);
        }
        EXPECT_EQ(created, g != 0) << "group " << g;
    }
    ctrl('z');
    EXPECT_EQ(plan.joint_orgs.size(), orgs_before);
    EXPECT_EQ(org_layer_children(), drawn_before);
}

// A belt's gap sites: suggested off the frame, accepted as one edit, and afterwards the
// analysis finds no gap on that belt longer than asked.
TEST_F(WindowTest, belt_gap_sites_close_every_gap_longer_than_asked) {
    const core::Plan& plan = app_->plan();
    ASSERT_FALSE(plan.belts.empty());
    const std::string belt = plan.belts.front().id;
    app_->editor().suggestions.belt_gap_m = 3000.f;
    frames(2);
    const auto before = analysis::analyze_belts(plan);
    ASSERT_GT(before.front().largest_gap.length_m(), 3000.0) << "pick a smaller gap";
    ASSERT_TRUE(click_item("belts.suggest"));
    const analysis::Suggestion* answer = wait_for(ui::JobKind::kBeltGaps);
    ASSERT_NE(answer, nullptr) << "no answer within 60 s";
    const std::size_t added = answer->sites.size();
    ASSERT_GT(added, 0u);
    frames(2);
    screenshot("belt_gaps.png");
    const std::size_t sites_before = plan.sites.size();
    ASSERT_TRUE(click_item("belts.accept"));
    EXPECT_EQ(plan.sites.size(), sites_before + added);
    for (const analysis::BeltResult& r : analysis::analyze_belts(plan)) {
        if (r.belt_id == belt) {
            EXPECT_LE(r.largest_gap.length_m(), 3000.0 + 1e-6);
        }
    }
    ctrl('z');
    EXPECT_EQ(plan.sites.size(), sites_before);
}

// An answer computed before the last edit cannot be accepted: its sites were chosen for the
// plan as it was. It stays on screen, marked as out of date.
TEST_F(WindowTest, a_suggestion_older_than_the_last_edit_cannot_be_accepted) {
    app_->editor().suggestions.belt_gap_m = 3000.f;
    frames(2);
    ASSERT_TRUE(click_item("belts.suggest"));
    ASSERT_NE(wait_for(ui::JobKind::kBeltGaps), nullptr) << "no answer within 60 s";
    frames(2);
    EXPECT_TRUE(ui::item_center("belts.accept").has_value());
    const std::size_t sites = app_->plan().sites.size();
    app_->editor().tool = ui::Tool::kAddSite;
    click({640.f, 400.f});
    app_->editor().tool = ui::Tool::kSelect;
    frames(2);
    ASSERT_EQ(app_->plan().sites.size(), sites + 1);
    EXPECT_NE(app_->answer(ui::JobKind::kBeltGaps), nullptr);
    EXPECT_FALSE(ui::item_center("belts.accept").has_value());
}

// Road picking: hovering a road names it, a click adds it to the selected belt, a second
// click takes it out again.
TEST_F(WindowTest, clicking_a_road_adds_it_to_the_belt_and_again_removes_it) {
    const core::Plan& plan = app_->plan();
    ASSERT_FALSE(plan.belts.empty());
    app_->editor().tool = ui::Tool::kPickRoad;
    frames(2);
    const ui::MapView& view = app_->editor().view;
    const std::vector<std::string> roads_before = plan.belts.front().roads;
    // A named road outside the belt whose segment midpoint is in the map area, alone there.
    int road = -1;
    ui::ScreenPoint at{};
    for (std::size_t r = 0; r < plan.roads.size() && road < 0; ++r) {
        const core::Road& candidate = plan.roads[r];
        if (candidate.name.empty() || std::find(roads_before.begin(), roads_before.end(),
                                                candidate.name) != roads_before.end()) {
            continue;
        }
        for (const core::LineString& part : candidate.parts) {
            for (std::size_t i = 1; i < part.points.size() && road < 0; ++i) {
                const core::PointM mid{(part.points[i - 1].x + part.points[i].x) / 2,
                                       (part.points[i - 1].y + part.points[i].y) / 2};
                const ui::ScreenPoint p = view.to_screen(mid);
                if (in_map_area(p) && ui::road_at(plan, view, p) == static_cast<int>(r) &&
                    ui::site_near(plan, view, p, 16.f) < 0) {
                    road = static_cast<int>(r);
                    at = p;
                }
            }
        }
    }
    ASSERT_GE(road, 0) << "no named road outside the belt in the map area";
    move(at);
    frames(2);
    EXPECT_EQ(app_->editor().selection.hovered_road, road);
    click(at);
    std::vector<std::string> expected = roads_before;
    expected.push_back(plan.roads[static_cast<std::size_t>(road)].name);
    EXPECT_EQ(plan.belts.front().roads, expected);
    screenshot("pick_road.png");
    click(at);
    EXPECT_EQ(plan.belts.front().roads, roads_before);
    ctrl('z');
    EXPECT_EQ(plan.belts.front().roads, expected);
}

// Measuring by road between two clicked vertices of one straight road segment: nothing beats
// the segment itself, so the answer is its length (to within the clicks' pixel rounding).
TEST_F(WindowTest, measure_along_roads_between_two_clicks) {
    const core::Plan& plan = app_->plan();
    ui::EditorState& state = app_->editor();
    // The longest segment of the first road with one.
    core::PointM a;
    core::PointM b;
    double longest = 0.0;
    for (const core::Road& r : plan.roads) {
        for (const core::LineString& part : r.parts) {
            for (std::size_t i = 1; i < part.points.size(); ++i) {
                const double d = core::distance_m(part.points[i - 1], part.points[i]);
                if (d > longest) {
                    longest = d;
                    a = part.points[i - 1];
                    b = part.points[i];
                }
            }
        }
    }
    ASSERT_GT(longest, 0.0);
    state.view.fly_to({(a.x + b.x) / 2, (a.y + b.y) / 2}, longest * 1.4);
    state.tool = ui::Tool::kMeasure;
    state.measure.along_roads = true;
    frames(2);
    click(state.view.to_screen(a));
    click(state.view.to_screen(b));
    frames(2);
    ASSERT_EQ(state.measure.points.size(), 2u);
    ASSERT_TRUE(state.measure.road_path.found());
    const double px = state.view.m_per_px();
    EXPECT_NEAR(state.measure.road_path.road_m, longest, 3 * px);
    EXPECT_GE(state.measure.road_path.distance_m,
              core::distance_m(state.measure.points[0], state.measure.points[1]));
    screenshot("measure_roads.png");
    // A third click starts a new pair.
    click(state.view.to_screen(a));
    EXPECT_EQ(state.measure.points.size(), 1u);
}

// F3 shows the 2.5D view: the map is drawn again from a tilted camera (the picture changes,
// villages still fill the middle), clicks there edit nothing, and F3 brings the 2D map back.
TEST_F(WindowTest, f3_toggles_the_tilted_view_where_clicks_edit_nothing) {
    auto capture = [&](const std::string& name) {
        app_->capture_next_frame(dir_.file(name));
        frames(1);
        EXPECT_EQ(app_->capture_result(), "ok") << name;
        return osgDB::readImageFile(dir_.file(name));
    };
    auto f3 = [&] {
        app_->events().keyPress(osgGA::GUIEventAdapter::KEY_F3);
        app_->events().keyRelease(osgGA::GUIEventAdapter::KEY_F3);
        frames(4);
    };
    const osg::ref_ptr<osg::Image> flat = capture("flat.png");
    f3();
    ASSERT_TRUE(app_->editor().style.tilted);
    const osg::ref_ptr<osg::Image> tilted = capture("tilted.png");
    ASSERT_TRUE(flat.valid() && tilted.valid());
    // Sample the map area between the panels.
    int samples = 0;
    int changed = 0;
    for (int x = 400; x < 900; x += 20) {
        for (int y = 80; y < 760; y += 20) {
            const osg::Vec4 a = flat->getColor(x, flat->t() - 1 - y);
            const osg::Vec4 b = tilted->getColor(x, tilted->t() - 1 - y);
            ++samples;
            changed += (a - b).length() > 0.05f ? 1 : 0;
        }
    }
    EXPECT_GT(changed * 4, samples) << "the tilted view looks like the flat one";
    const osg::Vec4 middle = tilted->getColor(640, tilted->t() - 1 - 400);
    const osg::Vec4 background(0.96f, 0.96f, 0.94f, 1.f);
    EXPECT_GT((middle - background).length(), 0.05f) << "no village in the middle";
    if (const char* dir = std::getenv("BELTPLAN_SCREENSHOT_DIR")) {
        std::filesystem::copy_file(dir_.file("tilted.png"), std::string(dir) + "/tilted.png",
                                   std::filesystem::copy_options::overwrite_existing);
    }
    const std::size_t undo_before = app_->history().undo_count();
    app_->editor().tool = ui::Tool::kAddSite;
    click({640.f, 400.f});
    EXPECT_EQ(app_->history().undo_count(), undo_before);
    app_->editor().tool = ui::Tool::kSelect;
    f3();
    EXPECT_FALSE(app_->editor().style.tilted);
    const osg::ref_ptr<osg::Image> back = capture("back.png");
    int same = 0;
    for (int x = 400; x < 900; x += 20) {
        for (int y = 80; y < 760; y += 20) {
            const osg::Vec4 a = flat->getColor(x, flat->t() - 1 - y);
            const osg::Vec4 b = back->getColor(x, back->t() - 1 - y);
            same += (a - b).length() <= 0.05f ? 1 : 0;
        }
    }
    EXPECT_GT(same * 100, samples * 95) << "the 2D map did not come back as it was";
}

// Comparing with a proposal that drops one site and adds one at the farthest uncovered
// village: the window's statuses are the analysis's, that village is drawn in the "gained"
// colour, and after the planner adds the same site to the open plan it compares again and the
// village no longer differs.
TEST_F(WindowTest, compare_with_a_proposal_colours_changes_and_follows_edits) {
    core::Plan proposal = app_->plan();
    proposal.sites.erase(proposal.sites.begin());
    const std::string far_code = app_->analysis().coverage().uncovered.front().code;
    int far = -1;
    for (std::size_t i = 0; i < proposal.villages.size(); ++i) {
        far = proposal.villages[i].code == far_code ? static_cast<int>(i) : far;
    }
    ASSERT_GE(far, 0);
    const core::PointM far_anchor = core::anchor(proposal.villages[static_cast<std::size_t>(far)]);
    core::Site added;
    added.id = "P1";
    added.name = "proposal";
    added.position = far_anchor;
    proposal.sites.push_back(added);
    proposal.sites[3].position.x += 2500.0;  // and one site moved east
    // A joint organization of two neighbours: both change group.
    const analysis::ContiguityGraph graph = analysis::contiguity(proposal, {});
    const auto pair = std::find_if(graph.pairs.begin(), graph.pairs.end(), [&](const auto& p) {
        return p.first != far && p.second != far;
    });
    ASSERT_NE(pair, graph.pairs.end());
    core::JointOrg org;
    org.id = "JP";
    org.name = "proposal org";
    org.members = {proposal.villages[static_cast<std::size_t>(pair->first)].code,
                   proposal.villages[static_cast<std::size_t>(pair->second)].code};
    org.lead = org.members.front();
    proposal.joint_orgs.push_back(org);
    const std::string other = dir_.file("proposal.gpkg");
    ASSERT_TRUE(io::write_plan(proposal, other));
    app_.reset();
    app::WindowOptions options;
    options.plan_path = path_;
    options.compare_path = other;
    auto opened = app::WindowApp::open(options);
    ASSERT_TRUE(opened) << opened.error().message;
    app_ = std::move(opened.value());
    auto settle = [&] {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        do {
            frames(1);
        } while ((app_->comparing() || app_->comparison() == nullptr) &&
                 app_->compare_error().empty() && std::chrono::steady_clock::now() < deadline);
        frames(1);
    };
    settle();
    ASSERT_EQ(app_->compare_error(), "");
    const analysis::PlanComparison* shown = app_->comparison();
    ASSERT_NE(shown, nullptr);
    const core::Plan& plan = app_->plan();
    analysis::CompareOptions same_settings;
    same_settings.radius_m = plan.settings.reach_m;
    same_settings.distance = plan.settings.distance;
    const analysis::PlanComparison expected =
        analysis::compare_plans(plan, proposal, same_settings);
    EXPECT_EQ(shown->status_for_a, expected.status_for_a);
    EXPECT_EQ(shown->status_for_a[static_cast<std::size_t>(far)], analysis::VillageChange::kGained);
    EXPECT_EQ(std::count_if(shown->villages.begin(), shown->villages.end(),
                            [](const analysis::VillageComparison& v) { return v.regrouped; }),
              2);
    ASSERT_EQ(shown->sites_moved.size(), 1u);
    EXPECT_NEAR(shown->sites_moved.front().distance_m, 2500.0, 1e-6);
    // By hand: lost = covered now, farther than R from every site of the proposal.
    const auto reach_b = analysis::euclidean_reach(proposal);
    const auto& reach_a = app_->analysis().reach();
    int lost = 0;
    for (std::size_t i = 0; i < plan.villages.size(); ++i) {
        lost += reach_a[i].distance_m <= plan.settings.reach_m &&
                        reach_b[i].distance_m > plan.settings.reach_m
                    ? 1
                    : 0;
    }
    EXPECT_EQ(std::count(shown->status_for_a.begin(), shown->status_for_a.end(),
                         analysis::VillageChange::kLost),
              lost);
    // The gained village on the map, away from its label.
    ui::EditorState& state = app_->editor();
    state.view.fly_to(far_anchor, 8000.0);
    frames(2);
    const std::string shot = dir_.file("compare.png");
    app_->capture_next_frame(shot);
    frames(1);
    const osg::ref_ptr<osg::Image> image = osgDB::readImageFile(shot);
    ASSERT_TRUE(image.valid());
    const core::Village& village = plan.villages[static_cast<std::size_t>(far)];
    const auto [inside, green] = sample_village(
        *image, state.view, village, 14.f, true,
        [](const osg::Vec4& c) { return c.g() > c.r() + 0.2f && c.g() > c.b() + 0.2f; });
    ASSERT_GT(inside, 0);
    EXPECT_GT(green * 2, inside) << "the gained village is not drawn in the gained colour";
    if (std::getenv("BELTPLAN_SCREENSHOT_DIR") != nullptr) {
        ui::fit_to_plan(core::bounds(plan), state);
        frames(2);
        screenshot("compare.png");
    }
    // The planner adds the proposal's site to the open plan: compared again, no difference.
    state.view.fly_to(far_anchor, 8000.0);
    state.tool = ui::Tool::kAddSite;
    frames(2);
    click(state.view.to_screen(far_anchor));
    state.tool = ui::Tool::kSelect;
    settle();
    ASSERT_NE(app_->comparison(), nullptr);
    EXPECT_EQ(app_->comparison()->status_for_a[static_cast<std::size_t>(far)],
              analysis::VillageChange::kSame);
    EXPECT_EQ(app_->comparison()->a.sites, static_cast<std::int64_t>(plan.sites.size()));
}

// The coverage panel's colour combo recolours the villages through the shader's uniforms: with
// "kind", a hub village is drawn in the kind colour the renderer gives hubs, and the values
// texture is not sent again.
TEST_F(WindowTest, colour_by_kind_refills_the_villages) {
    const core::Plan& plan = app_->plan();
    ui::EditorState& state = app_->editor();
    int hub = -1;
    for (std::size_t i = 0; i < plan.villages.size() && hub < 0; ++i) {
        hub = plan.villages[i].kind == core::VillageKind::kHub ? static_cast<int>(i) : -1;
    }
    ASSERT_GE(hub, 0);
    const core::Village& village = plan.villages[static_cast<std::size_t>(hub)];
    render::ColoringRequest by_kind;
    by_kind.mode = render::ColorMode::kKind;
    const auto expected = render::color_villages(plan, {}, plan.settings.reach_m, by_kind);
    ASSERT_TRUE(expected);
    const render::Rgba want = expected.value().fill[static_cast<std::size_t>(hub)];
    state.view.fly_to(core::anchor(village), 6000.0);
    frames(2);
    auto wanted_share = [&] {
        const std::string shot = dir_.file("kind.png");
        app_->capture_next_frame(shot);
        frames(1);
        const osg::ref_ptr<osg::Image> image = osgDB::readImageFile(shot);
        EXPECT_TRUE(image.valid());
        const auto [inside, hits] =
            sample_village(*image, state.view, village, 14.f, true, [&](const osg::Vec4& c) {
                return std::abs(c.r() - want.r) < 0.1f && std::abs(c.g() - want.g) < 0.1f &&
                       std::abs(c.b() - want.b) < 0.1f;
            });
        EXPECT_GT(inside, 0);
        return inside > 0 ? static_cast<double>(hits) / inside : 0.0;
    };
    EXPECT_LT(wanted_share(), 0.5) << "the coverage colour was already the kind colour";
    const std::uint64_t uploaded = app_->scene().values().uploaded_texels();
    state.style.color_mode = 3;  // kind
    frames(2);
    EXPECT_GT(wanted_share(), 0.5) << "the hub is not drawn in the hub colour";
    EXPECT_EQ(app_->scene().values().uploaded_texels(), uploaded);
}

TEST_F(WindowTest, screenshot_captures_map_and_panels) {
    const std::string png = dir_.file("shot.png");
    app_->capture_next_frame(png);
    frames(1);
    EXPECT_EQ(app_->capture_result(), "ok");
    EXPECT_GT(std::filesystem::file_size(png), 10000u);
}

// Every panel, captured for the docs (into BELTPLAN_SCREENSHOT_DIR when set) and probed: the
// village under a covered / uncovered anchor shows the coverage colours through the panels.
TEST_F(WindowTest, screenshots_of_every_panel) {
    const char* dir_env = std::getenv("BELTPLAN_SCREENSHOT_DIR");
    const std::string dir = dir_env != nullptr ? dir_env : dir_.path();
    auto shot = [&](const std::string& name) {
        app_->capture_next_frame(dir + "/" + name);
        frames(1);
        EXPECT_EQ(app_->capture_result(), "ok") << name;
        return osgDB::readImageFile(dir + "/" + name);
    };
    const core::Plan& plan = app_->plan();
    const ui::MapView& view = app_->editor().view;
    const auto& reach = app_->analysis().reach();
    int covered = -1;
    for (std::size_t i = 0; i < plan.villages.size() && covered < 0; ++i) {
        const ui::ScreenPoint p = view.to_screen(core::anchor(plan.villages[i]));
        if (in_map_area(p) && reach[i].distance_m <= plan.settings.reach_m &&
            ui::site_near(plan, view, p, 20.f) < 0) {
            covered = static_cast<int>(i);
        }
    }
    osg::ref_ptr<osg::Image> window = shot("window_zh.png");
    ASSERT_TRUE(window.valid());
    // Zoom onto a covered village and sample its polygon away from its label: most pixels are
    // green.
    ASSERT_GE(covered, 0);
    const core::Village& village = plan.villages[static_cast<std::size_t>(covered)];
    const ui::Bookmark overview{view.center(), view.m_per_px()};
    app_->editor().view.fly_to(core::anchor(village), 5000.0);
    frames(2);
    window = shot("zoomed.png");
    const auto [inside, green] =
        sample_village(*window, view, village, 12.f, false,
                       [](const osg::Vec4& c) { return c.g() > c.r() + 0.05f; });
    ASSERT_GT(inside, 0);
    EXPECT_GT(green * 2, inside) << "a covered village is drawn green";
    app_->editor().view.set(overview.center, overview.m_per_px);
    frames(2);
    // Click a village: the inspector fills.
    const ui::ScreenPoint at =
        view.to_screen(core::anchor(plan.villages[static_cast<std::size_t>(covered)]));
    move(at);
    press(at);
    release(at);
    frames(4);
    EXPECT_EQ(app_->editor().selection.selected_village, covered);
    frames(1);
    shot("inspector_village.png");
    app_->editor().selection.selected_site = plan.sites.front().id;
    frames(2);
    shot("inspector_site.png");
    app_->editor().selection.selected_site.clear();
    app_->editor().tool = ui::Tool::kMeasure;
    const ui::ScreenPoint corners[] = {{450.f, 300.f}, {800.f, 320.f}, {640.f, 600.f}};
    for (const ui::ScreenPoint& c : corners) {
        move(c);
        press(c);
        release(c);
        frames(4);  // injected events reach ImGui one step later; the release one more
    }
    EXPECT_EQ(app_->editor().measure.points.size(), 3u);
    frames(1);  // the measure box resizes to its text
    shot("measure.png");
    app_->editor().tool = ui::Tool::kSelect;
    ui::set_language(ui::Language::kEnglish);
    frames(2);
    shot("window_en.png");
    ui::set_language(ui::Language::kChinese);
    app_->events().keyPress(osgGA::GUIEventAdapter::KEY_F5);
    app_->events().keyRelease(osgGA::GUIEventAdapter::KEY_F5);
    frames(4);
    EXPECT_TRUE(app_->editor().presentation.on);
    shot("presentation.png");
}

TEST(Strings, table_has_one_row_per_key_in_both_languages) {
    EXPECT_TRUE(ui::every_key_in_catalogue());
    for (int i = 0; i < static_cast<int>(ui::Str::kCount); ++i) {
        ui::set_language(ui::Language::kEnglish);
        EXPECT_STRNE(ui::tr(static_cast<ui::Str>(i)), "");
        ui::set_language(ui::Language::kChinese);
        EXPECT_STRNE(ui::tr(static_cast<ui::Str>(i)), "");
    }
}

// Under a camera turned east (heading 90), screen right points south on the ground: dragging
// the map 10 px right brings the ground from the north, so the centre moves north.
TEST(MapView, a_turned_pan_follows_the_cursor_on_the_ground) {
    ui::MapView view;
    view.set({0.0, 0.0}, 2.0);
    view.pan_px_turned(10.f, 0.f, 0.0);
    EXPECT_NEAR(view.center().x, -20.0, 1e-9);
    EXPECT_NEAR(view.center().y, 0.0, 1e-9);
    view.set({0.0, 0.0}, 2.0);
    view.pan_px_turned(10.f, 0.f, 90.0);
    EXPECT_NEAR(view.center().x, 0.0, 1e-9);
    EXPECT_NEAR(view.center().y, 20.0, 1e-9);
    view.set({0.0, 0.0}, 2.0);
    view.pan_px_turned(0.f, 10.f, 90.0);  // dragged down: the ground comes from the east
    EXPECT_NEAR(view.center().x, 20.0, 1e-9);
    EXPECT_NEAR(view.center().y, 0.0, 1e-9);
}

TEST(MapView, zoom_keeps_the_point_under_the_cursor) {
    ui::MapView view;
    view.set_viewport(1000, 800);
    view.set({500000.0, 4300000.0}, 20.0);
    const ui::ScreenPoint cursor{123.f, 456.f};
    const core::PointM before = view.to_world(cursor);
    view.zoom_at(cursor, 1.25);
    const core::PointM after = view.to_world(cursor);
    EXPECT_NEAR(before.x, after.x, 1e-6);
    EXPECT_NEAR(before.y, after.y, 1e-6);
    EXPECT_NEAR(view.m_per_px(), 16.0, 1e-9);
}

}  // namespace
}  // namespace beltplan
