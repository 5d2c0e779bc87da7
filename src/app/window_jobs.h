// The window's suggestions computed off the frame, one job per kind (how many more sites,
// merges, belt gaps): each runs its strategy (built in, or a plugin's) on a copy of the plan,
// can be cancelled, and is polled every frame without blocking.
#pragma once

#include "analysis/strategy.h"
#include "core/plan.h"
#include "core/result.h"
#include "ui/editor.h"

#include <array>
#include <chrono>
#include <cstddef>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace beltplan::app {

class SuggestionJobs {
public:
    SuggestionJobs();
    // Asks running jobs to stop (their threads then end soon, not at the answer).
    ~SuggestionJobs();
    SuggestionJobs(const SuggestionJobs&) = delete;
    SuggestionJobs& operator=(const SuggestionJobs&) = delete;

    // Starts the job the request names on a copy of `plan` (version `plan_version`); a job of
    // the same kind still running is dropped.
    void start(const ui::JobRequest& request, const core::Plan& plan, std::size_t plan_version);
    // Stops a running job at its strategy's next check; true when one was running.
    bool cancel(ui::JobKind kind);
    // Forgets the answer of a job.
    void discard(ui::JobKind kind);
    // Takes finished answers; forgets cancelled jobs once they end. Never blocks.
    void poll();

    // Where a job stands, as the panels show it (stale: computed on another plan version).
    ui::JobStatus status(ui::JobKind kind, std::size_t plan_version) const;
    const analysis::Suggestion* answer(ui::JobKind kind) const;
    bool running(ui::JobKind kind) const;
    // The plan version the job's answer was computed on.
    std::size_t answer_version(ui::JobKind kind) const;

private:
    struct Job {
        std::future<core::Result<analysis::Suggestion>> future;  // valid while running
        std::shared_ptr<analysis::RunControl> control;           // stop and progress
        std::optional<analysis::Suggestion> answer;
        std::string error;
        int serial = 0;
        std::chrono::steady_clock::time_point started;
        std::size_t plan_version = 0;  // of the plan copy it ran on
    };
    Job& job(ui::JobKind kind) { return jobs_[static_cast<std::size_t>(kind)]; }
    const Job& job(ui::JobKind kind) const { return jobs_[static_cast<std::size_t>(kind)]; }

    std::array<Job, ui::kJobKinds> jobs_;
    std::vector<std::future<core::Result<analysis::Suggestion>>> dropped_;  // cancelled
    analysis::StrategyRegistry strategies_;  // built in, replaced by plugins found beside us
};

}  // namespace beltplan::app
