// UndoStack: push/undo/redo, merging of consecutive edits, the saved mark, and random command
// sequences checked against snapshots and against a copy replayed from the recorded edits.
#include "core/undo_stack.h"

#include "core/belt_commands.h"
#include "core/contiguity_commands.h"
#include "core/joint_org_commands.h"
#include "core/settings_commands.h"
#include "core/site_commands.h"
#include "support/grid_plan.h"

#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <string>
#include <vector>

namespace beltplan::core {
namespace {

Plan base_plan() {
    Plan plan = test::grid_plan({"abcd", "efgh", "ijkl"});
    test::add_site(plan, 500.0, 500.0, "s1");
    test::add_site(plan, 2500.0, 1500.0, "s2");
    Road road;
    road.name = "张小线";
    road.parts = {{{{0.0, 1000.0}, {4000.0, 1000.0}}}};
    plan.roads = {road, road};
    plan.roads[1].name = "洋新线";
    return plan;
}

TEST(UndoStack, push_undo_redo_and_redo_cleared_by_push) {
    Plan plan = base_plan();
    const Plan start = plan;
    UndoStack stack;
    EXPECT_FALSE(stack.can_undo());
    ASSERT_TRUE(stack.push(plan, std::make_unique<RemoveSite>("s1")));
    ASSERT_TRUE(stack.push(plan, std::make_unique<SetReachRadius>(1000.0)));
    const Plan after = plan;
    EXPECT_EQ(stack.undo_count(), 2u);
    EXPECT_EQ(stack.undo_label(), "Set reach radius to 1000 m");
    EXPECT_EQ(stack.history(),
              (std::vector<std::string>{"Remove site s1", "Set reach radius to 1000 m"}));
    EXPECT_EQ(stack.undo(plan).settings, std::vector<std::string>{"reach_m"});
    stack.undo(plan);
    EXPECT_TRUE(plan == start);
    EXPECT_TRUE(stack.undo(plan).empty());  // nothing left
    EXPECT_EQ(stack.redo_label(), "Remove site s1");
    ASSERT_TRUE(stack.redo(plan));
    ASSERT_TRUE(stack.redo(plan));
    EXPECT_TRUE(plan == after);
    stack.undo(plan);
    ASSERT_TRUE(stack.push(plan, std::make_unique<SetDistanceMode>(DistanceMode::kNetwork)));
    EXPECT_FALSE(stack.can_redo());
    EXPECT_EQ(stack.undo_count(), 2u);
}

TEST(UndoStack, failed_push_changes_nothing) {
    Plan plan = base_plan();
    const Plan start = plan;
    UndoStack stack;
    ASSERT_TRUE(stack.push(plan, std::make_unique<MoveSite>("s1", PointM{1.0, 1.0})));
    stack.undo(plan);
    Result<ChangeSet> failed = stack.push(plan, std::make_unique<SetReachRadius>(-1.0));
    EXPECT_FALSE(failed);
    EXPECT_TRUE(plan == start);
    EXPECT_TRUE(stack.can_redo());  // the redo list survives a refused edit
    EXPECT_EQ(stack.undo_count(), 0u);
}

TEST(UndoStack, consecutive_moves_and_radius_changes_merge_into_one_entry) {
    Plan plan = base_plan();
    const Plan start = plan;
    UndoStack stack;
    for (int i = 1; i <= 5; ++i) {
        ASSERT_TRUE(stack.push(plan, std::make_unique<MoveSite>("s1", PointM{i * 10.0, 0.0})));
    }
    EXPECT_EQ(stack.undo_count(), 1u);
    EXPECT_EQ(plan.sites[0].position, (PointM{50.0, 0.0}));
    for (double r : {1000.0, 1500.0, 2000.0}) {
        ASSERT_TRUE(stack.push(plan, std::make_unique<SetReachRadius>(r)));
    }
    EXPECT_EQ(stack.undo_count(), 2u);
    stack.undo(plan);
    EXPECT_EQ(plan.settings.reach_m, start.settings.reach_m);
    stack.undo(plan);
    EXPECT_TRUE(plan == start);
    ASSERT_TRUE(stack.redo(plan));
    EXPECT_EQ(plan.sites[0].position, (PointM{50.0, 0.0}));
}

TEST(UndoStack, moves_of_other_sites_seal_and_save_start_new_entries) {
    Plan plan = base_plan();
    UndoStack stack;
    ASSERT_TRUE(stack.push(plan, std::make_unique<MoveSite>("s1", PointM{1.0, 0.0})));
    ASSERT_TRUE(stack.push(plan, std::make_unique<MoveSite>("s2", PointM{2.0, 0.0})));
    EXPECT_EQ(stack.undo_count(), 2u);
    stack.seal();  // the drag ended
    ASSERT_TRUE(stack.push(plan, std::make_unique<MoveSite>("s2", PointM{3.0, 0.0})));
    EXPECT_EQ(stack.undo_count(), 3u);
    stack.mark_saved();
    ASSERT_TRUE(stack.push(plan, std::make_unique<MoveSite>("s2", PointM{4.0, 0.0})));
    EXPECT_EQ(stack.undo_count(), 4u);  // not merged into the saved state
    ASSERT_TRUE(stack.push(plan, std::make_unique<MoveSite>("s2", PointM{5.0, 0.0})));
    EXPECT_EQ(stack.undo_count(), 4u);
}

TEST(UndoStack, saved_mark_tracks_unsaved_changes) {
    Plan plan = base_plan();
    UndoStack stack;
    EXPECT_FALSE(stack.dirty());
    ASSERT_TRUE(stack.push(plan, std::make_unique<SetReachRadius>(1000.0)));
    EXPECT_TRUE(stack.dirty());
    stack.mark_saved();
    EXPECT_FALSE(stack.dirty());
    stack.undo(plan);
    EXPECT_TRUE(stack.dirty());
    ASSERT_TRUE(stack.redo(plan));
    EXPECT_FALSE(stack.dirty());
    stack.undo(plan);
    ASSERT_TRUE(stack.push(plan, std::make_unique<SetDistanceMode>(DistanceMode::kNetwork)));
    EXPECT_TRUE(stack.dirty());  // the saved state is gone from history
    stack.undo(plan);
    EXPECT_TRUE(stack.dirty());
    stack.clear();
    EXPECT_FALSE(stack.dirty());
    EXPECT_FALSE(stack.can_undo());
}

// ------------------------------------------------------------------------------------------
// Random sequences

using Recipe = std::function<CommandPtr()>;

// A random command over the current plan, mostly valid, sometimes not; the recipe captures
// only values so it can build the same command again for the replay.
class CommandGenerator {
public:
    explicit CommandGenerator(unsigned seed) : rng_(seed) {}

    Recipe next(const Plan& plan) {
        const int kind = pick(0, 17);
        const std::string site = any_site(plan);
        const std::string org = any_org(plan);
        const std::string village = any_village(plan);
        const std::string belt =
            plan.belts.empty() || pick(0, 9) == 0 ? "B?" : plan.belts[index(plan.belts.size())].id;
        const double x = pick(0, 4000);
        const double y = pick(0, 3000);
        const int n = ++counter_;
        switch (kind) {
            case 0: {
                Site s;
                s.id = "r" + std::to_string(n);
                s.position = {x, y};
                s.village_code = pick(0, 1) ? village : "";
                return [s] { return std::make_unique<AddSite>(s); };
            }
            case 1:
                return [site, x, y] { return std::make_unique<MoveSite>(site, PointM{x, y}); };
            case 2:
                return [site] { return std::make_unique<RemoveSite>(site); };
            case 3: {
                SiteFields f;
                f.theme = "t" + std::to_string(n);
                f.level = pick(0, 1) ? SiteLevel::kTown : SiteLevel::kDistrict;
                return [site, f] { return std::make_unique<SetSiteFields>(site, f); };
            }
            case 4: {
                const double r = pick(-500, 5000);
                return [r] { return std::make_unique<SetReachRadius>(r); };
            }
            case 5: {
                const auto mode = pick(0, 1) ? DistanceMode::kNetwork : DistanceMode::kEuclidean;
                return [mode] { return std::make_unique<SetDistanceMode>(mode); };
            }
            case 6: {
                JointOrg o{"J" + std::to_string(n),
                           "",
                           JointOrgMode::kRegional,
                           {village, any_village(plan)},
                           village};
                return [o] { return std::make_unique<CreateJointOrg>(o); };
            }
            case 7:
                return [org] { return std::make_unique<DeleteJointOrg>(org); };
            case 8:
                return [org, village] { return std::make_unique<AddJointOrgMember>(org, village); };
            case 9:
                return
                    [org, village] { return std::make_unique<RemoveJointOrgMember>(org, village); };
            case 10:
                return [org, village] { return std::make_unique<SetJointOrgLead>(org, village); };
            case 11:
                return [org, n] {
                    return std::make_unique<SetJointOrgName>(org, "名" + std::to_string(n));
                };
            case 12: {
                Belt b{"B" + std::to_string(n), "", {pick(0, 1) ? "张小线" : "洋新线"}, 600.0};
                return [b] { return std::make_unique<AddBelt>(b); };
            }
            case 13:
                return [belt] { return std::make_unique<RemoveBelt>(belt); };
            case 14: {
                const double w = pick(-100, 2000);
                return [belt, w] { return std::make_unique<SetBeltHalfWidth>(belt, w); };
            }
            case 15: {
                ContiguityEdit e{village, any_village(plan), pick(0, 1) == 1, "r"};
                return [e] { return std::make_unique<AddContiguityEdit>(e); };
            }
            case 16: {
                const std::size_t i = index(plan.contiguity_edits.size() + 1);
                return [i] { return std::make_unique<RemoveContiguityEdit>(i); };
            }
            default: {
                Recipe a = next(plan);
                Recipe b = next(plan);
                return [a, b] {
                    std::vector<CommandPtr> children;
                    children.push_back(a());
                    children.push_back(b());
                    return std::make_unique<GroupCommand>("group", std::move(children));
                };
            }
        }
    }

    int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

private:
    std::size_t index(std::size_t n) {
        return static_cast<std::size_t>(pick(0, static_cast<int>(n) - 1));
    }
    std::string any_site(const Plan& plan) {
        return plan.sites.empty() || pick(0, 9) == 0 ? "s?"
                                                     : plan.sites[index(plan.sites.size())].id;
    }
    std::string any_org(const Plan& plan) {
        return plan.joint_orgs.empty() || pick(0, 9) == 0
                   ? "J?"
                   : plan.joint_orgs[index(plan.joint_orgs.size())].id;
    }
    std::string any_village(const Plan& plan) {
        return pick(0, 19) == 0 ? "999999999999" : plan.villages[index(plan.villages.size())].code;
    }

    std::mt19937 rng_;
    int counter_ = 0;
};

// Applies every recipe of the live entries to a fresh copy of `start`.
Plan replay(const Plan& start, const std::vector<std::vector<Recipe>>& entries, std::size_t n) {
    Plan plan = start;
    for (std::size_t i = 0; i < n; ++i) {
        for (const Recipe& r : entries[i]) {
            Result<ChangeSet> applied = r()->apply(plan);
            EXPECT_TRUE(applied) << "replay of entry " << i << " failed";
        }
    }
    return plan;
}

TEST(UndoStack, random_sequences_match_snapshots_and_a_replayed_copy) {
    for (unsigned seed = 1; seed <= 20; ++seed) {
        const Plan start = base_plan();
        Plan plan = start;
        UndoStack stack;
        CommandGenerator gen(seed);
        std::vector<Plan> states{start};           // states[k]: the plan with k entries done
        std::vector<std::vector<Recipe>> entries;  // the recipes of each entry
        int refused = 0;
        int accepted = 0;
        for (int step = 0; step < 300; ++step) {
            const int action = gen.pick(0, 9);
            if (action < 6) {
                const std::size_t before = stack.undo_count();
                Recipe recipe = gen.next(plan);
                Result<ChangeSet> pushed = stack.push(plan, recipe());
                if (!pushed) {
                    ++refused;
                    ASSERT_TRUE(plan == states[before]) << "seed " << seed << " step " << step;
                    continue;
                }
                ++accepted;
                states.resize(before + 1);
                entries.resize(stack.undo_count());
                if (stack.undo_count() == before) {  // merged into the previous entry
                    entries.back().push_back(recipe);
                    states.back() = plan;
                } else {
                    entries.back() = {recipe};
                    states.push_back(plan);
                }
            } else if (action < 9) {
                stack.undo(plan);
            } else {
                ASSERT_TRUE(stack.redo(plan));
            }
            ASSERT_TRUE(plan == states[stack.undo_count()]) << "seed " << seed << " step " << step;
            if (step % 50 == 0) {
                ASSERT_TRUE(plan == replay(start, entries, stack.undo_count())) << "seed " << seed;
            }
        }
        EXPECT_GT(refused, 0);
        EXPECT_GT(accepted, 60) << "seed " << seed;
        const Plan end = plan;
        const std::size_t done = stack.undo_count();
        ASSERT_TRUE(plan == replay(start, entries, done)) << "seed " << seed;
        while (stack.can_undo()) {
            stack.undo(plan);
        }
        EXPECT_TRUE(plan == start) << "seed " << seed;
        for (std::size_t i = 0; i < done; ++i) {
            ASSERT_TRUE(stack.redo(plan));
        }
        EXPECT_TRUE(plan == end) << "seed " << seed;
    }
}

}  // namespace
}  // namespace beltplan::core
