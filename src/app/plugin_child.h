// Child processes for plugins: the plugin is opened (dlopen) only inside a forked child, which
// writes its answer as wire records to a pipe; the parent reads them, passes progress to a
// RunControl, kills the child when a stop is asked, and says how the child ended.
#pragma once

#include "analysis/run_control.h"
#include "analysis/strategy.h"
#include "app/plugin_wire.h"

#include <functional>
#include <string>
#include <vector>

namespace beltplan::app::child {

// How a child ended and what it sent.
struct Outcome {
    std::vector<wire::Message> messages;
    bool started = true;     // false: fork or pipe failed (`problem` says why)
    bool malformed = false;  // it sent bytes that are no wire records
    bool cancelled = false;  // killed because the RunControl asked to stop
    int exit_status = -1;    // when it exited
    int signal = 0;          // when a signal ended it
    std::string problem;
};

// Runs `work(fd)` in a forked child (which then _exits), collecting what it writes to fd.
Outcome run(const std::function<void(int fd)>& work, analysis::RunControl* control);

// Writes all of `bytes` to fd (child side); false when the pipe is gone.
bool send(int fd, const std::string& bytes);

// Child side: opens the plugin at `path`, checks its API version and creates its strategy.
// On failure returns null and sets `problem` (one sentence) and `code`.
analysis::Strategy* open_plugin(const std::string& path, std::string& problem,
                                core::ErrorCode& code);

// Child side: the probe (wire::StrategyInfo or an Error) and the run of a strategy (progress
// records, then a Suggestion or an Error).
void probe(const std::string& path, int fd);
void compute(const std::string& path, const core::Plan& plan, const analysis::Params& params,
             int fd);

}  // namespace beltplan::app::child
