// The open plan compared with another plan file (this year's plan and a proposal), off the
// frame: the other plan is read once, and every edit of the open plan compares again once the
// running comparison is done. Both are measured with the open plan's radius and distance mode.
#pragma once

#include "analysis/compare.h"
#include "core/plan.h"
#include "core/result.h"

#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace beltplan::app {

class PlanComparer {
public:
    // Compares `plan` (whose file is `plan_path`) with the plan file `other_path`;
    // other_path "" compares again with the other plan read before.
    void start(const std::string& other_path, const core::Plan& plan, const std::string& plan_path);
    // Takes a finished comparison (true: a new one arrived, the map recolours) and starts the
    // next one when the plan changed meanwhile. Never blocks.
    bool poll(const core::Plan& plan, const std::string& plan_path);
    // The open plan changed: compare again once the running comparison is done.
    void plan_changed();
    // Stops comparing (a running comparison's end is thrown away).
    void close();

    bool active() const { return !path_.empty(); }
    const std::string& path() const { return path_; }
    const analysis::PlanComparison* result() const { return result_ ? &*result_ : nullptr; }
    bool running() const { return job_.valid(); }
    // Running, or due again after an edit.
    bool pending() const { return job_.valid() || stale_; }
    const std::string& error() const { return error_; }

private:
    struct Compared {
        std::shared_ptr<const core::Plan> other;
        analysis::PlanComparison result;
    };
    std::string path_;                         // "" when not comparing
    std::shared_ptr<const core::Plan> other_;  // the other plan, once read
    std::future<core::Result<Compared>> job_;
    std::vector<std::future<core::Result<Compared>>> dropped_;
    std::optional<analysis::PlanComparison> result_;
    std::string error_;
    bool stale_ = false;
};

}  // namespace beltplan::app
