// SuggestionJobs: std::async per job with a RunControl to stop it; cancelled futures are kept
// until they end so no thread outlives its result.
#include "app/window_jobs.h"

#include "app/plugin_host.h"

#include <iostream>

namespace beltplan::app {

namespace {

bool ready(const std::future<core::Result<analysis::Suggestion>>& f) {
    return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

}  // namespace

SuggestionJobs::SuggestionJobs() {
    analysis::register_builtin_strategies(strategies_);
    for (const std::string& problem : load_plugin_dir(default_plugin_dir(), strategies_, false)) {
        std::cerr << "beltplan: " << problem << "\n";  // the built-in strategy stays in use
    }
}

SuggestionJobs::~SuggestionJobs() {
    for (Job& j : jobs_) {
        if (j.control) {
            j.control->request_stop();
        }
    }
}

void SuggestionJobs::start(const ui::JobRequest& request, const core::Plan& plan,
                           std::size_t plan_version) {
    Job& j = job(request.kind);
    if (j.future.valid()) {
        j.control->request_stop();  // replaced by the new run
        dropped_.push_back(std::move(j.future));
    }
    analysis::Params params;
    std::string name;
    switch (request.kind) {
        case ui::JobKind::kTarget:
            name = "sites";
            params["target"] = std::to_string(request.share);
            break;
        case ui::JobKind::kMerges:
            name = core::to_code(request.mode);
            break;
        case ui::JobKind::kBeltGaps:
            name = "belt_gaps";
            params["gap"] = std::to_string(request.max_gap_m);
            params["belt"] = request.belt_id;
            break;
    }
    j.answer.reset();
    j.error.clear();
    const analysis::StrategyRegistry::Entry* entry = strategies_.find(name);
    if (entry == nullptr) {
        j.error = "there is no suggestion strategy named " + name;
        return;
    }
    j.started = std::chrono::steady_clock::now();
    j.plan_version = plan_version;
    j.control = std::make_shared<analysis::RunControl>();
    j.future = std::async(std::launch::async, [strategy = entry->strategy, copy = plan,
                                               params = std::move(params), control = j.control] {
        return strategy->run(copy, params, control.get());
    });
}

// The frame goes on at once; the strategy stops at its next check and its end is thrown away.
bool SuggestionJobs::cancel(ui::JobKind kind) {
    Job& j = job(kind);
    if (!j.future.valid()) {
        return false;
    }
    j.control->request_stop();
    dropped_.push_back(std::move(j.future));
    return true;
}

void SuggestionJobs::discard(ui::JobKind kind) {
    job(kind).answer.reset();
}

void SuggestionJobs::poll() {
    for (Job& j : jobs_) {
        if (!j.future.valid() || !ready(j.future)) {
            continue;
        }
        core::Result<analysis::Suggestion> result = j.future.get();
        if (result) {
            j.answer = std::move(result.value());
            ++j.serial;
        } else {
            j.error = result.error().message;
        }
    }
    for (std::size_t i = 0; i < dropped_.size();) {
        if (ready(dropped_[i])) {
            dropped_.erase(dropped_.begin() + static_cast<std::ptrdiff_t>(i));
        } else {
            ++i;
        }
    }
}

ui::JobStatus SuggestionJobs::status(ui::JobKind kind, std::size_t plan_version) const {
    const Job& j = job(kind);
    ui::JobStatus status;
    status.running = j.future.valid();
    status.elapsed_s =
        status.running
            ? std::chrono::duration<double>(std::chrono::steady_clock::now() - j.started).count()
            : 0.0;
    status.answer = j.answer ? &*j.answer : nullptr;
    status.progress = status.running && j.control ? j.control->progress() : 0.0;
    status.stale = j.answer.has_value() && j.plan_version != plan_version;
    status.serial = j.serial;
    status.error = j.error;
    return status;
}

const analysis::Suggestion* SuggestionJobs::answer(ui::JobKind kind) const {
    const Job& j = job(kind);
    return j.answer ? &*j.answer : nullptr;
}

bool SuggestionJobs::running(ui::JobKind kind) const {
    return job(kind).future.valid();
}

std::size_t SuggestionJobs::answer_version(ui::JobKind kind) const {
    return job(kind).plan_version;
}

}  // namespace beltplan::app
