// PlanComparer: one std::async comparison at a time; replaced ones are kept until they end.
#include "app/window_compare.h"

#include "analysis/plan_analysis.h"
#include "io/plan_file.h"

namespace beltplan::app {

namespace {

template <typename T>
bool ready(const std::future<T>& f) {
    return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

}  // namespace

void PlanComparer::start(const std::string& other_path, const core::Plan& plan,
                         const std::string& plan_path) {
    if (job_.valid()) {
        dropped_.push_back(std::move(job_));
    }
    if (!other_path.empty()) {
        path_ = other_path;
        other_.reset();
        result_.reset();
    }
    stale_ = false;
    error_.clear();
    analysis::CompareOptions options;
    options.radius_m = plan.settings.reach_m;
    options.distance = plan.settings.distance;
    job_ = std::async(
        std::launch::async,
        [copy = plan, other = other_, path = path_, plan_path,
         options]() -> core::Result<Compared> {
            std::shared_ptr<const core::Plan> b = other;
            if (!b) {
                auto read = io::read_plan(path);
                if (!read) {
                    return read.error();
                }
                b = std::make_shared<const core::Plan>(std::move(read.value()));
            }
            Compared c{b, analysis::compare_plans(copy, *b, options)};
            if (c.result.a.roads_missing || c.result.b.roads_missing) {
                return analysis::no_roads_error(c.result.a.roads_missing ? plan_path : path);
            }
            if (c.result.common_villages == 0) {
                return core::Error{core::ErrorCode::kBadArgument,
                                   path +
                                       ": the plan shares no village code with the open plan, "
                                       "so it is not a version of the same district; open a "
                                       "plan of the same villages",
                                   {}};
            }
            return c;
        });
}

bool PlanComparer::poll(const core::Plan& plan, const std::string& plan_path) {
    bool arrived = false;
    if (job_.valid() && ready(job_)) {
        core::Result<Compared> done = job_.get();
        if (done) {
            other_ = done.value().other;
            result_ = std::move(done.value().result);
            arrived = true;
        } else {
            error_ = done.error().message;
            stale_ = false;
        }
    }
    if (stale_ && other_ && !job_.valid()) {
        start("", plan, plan_path);
    }
    for (std::size_t i = 0; i < dropped_.size();) {
        if (ready(dropped_[i])) {
            dropped_.erase(dropped_.begin() + static_cast<std::ptrdiff_t>(i));
        } else {
            ++i;
        }
    }
    return arrived;
}

void PlanComparer::plan_changed() {
    if (active()) {
        stale_ = true;
    }
}

void PlanComparer::close() {
    if (job_.valid()) {
        dropped_.push_back(std::move(job_));
    }
    path_.clear();
    other_.reset();
    result_.reset();
    error_.clear();
    stale_ = false;
}

}  // namespace beltplan::app
