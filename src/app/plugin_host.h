// The plugin host: finds suggestion strategy plugins (shared libraries) in a folder and offers
// their strategies through a registry, without ever loading a plugin into beltplan itself.
// Each plugin is probed in a child process (version check first, then its description), and
// each run of a plugin's strategy happens in a child process that returns the suggestion as
// data over a pipe. A plugin that is refused, crashes (a signal) or answers nonsense gives one
// sentence naming it; beltplan, the plan and the built-in strategies are untouched.
#pragma once

#include "analysis/strategy.h"

#include <string>
#include <vector>

namespace beltplan::app {

// The `plugins` folder beside the running executable ("" when it cannot be found).
std::string default_plugin_dir();

// Probes one plugin file in a child process and, when it is a working plugin of this API
// version, adds its strategy to the registry (replacing a strategy of the same name); the
// strategy's run() then runs the plugin in a child process of its own, honouring the
// RunControl (a stop kills the child; progress is passed on). Returns "" on success, else one
// sentence naming the file and the problem (error codes 601, 602, 603).
std::string load_plugin(const std::string& path, analysis::StrategyRegistry& registry);

// Loads every *.so in `dir`, in name order; returns one sentence per plugin refused. A
// missing folder gives one sentence when `must_exist`, none otherwise.
std::vector<std::string> load_plugin_dir(const std::string& dir,
                                         analysis::StrategyRegistry& registry, bool must_exist);

}  // namespace beltplan::app
