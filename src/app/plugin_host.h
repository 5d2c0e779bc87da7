// The plugin host: finds suggestion strategy plugins (shared libraries) in a folder, checks
// their API version before anything else, and adds their strategies to a registry. A plugin
// that fails gives one sentence and is skipped; the rest keeps working.
#pragma once

#include "analysis/strategy.h"

#include <string>
#include <vector>

namespace beltplan::app {

// The `plugins` folder beside the running executable ("" when it cannot be found).
std::string default_plugin_dir();

// Loads one plugin file into the registry (replacing a strategy of the same name). Returns ""
// on success, else one sentence naming the file and the problem (error codes 601, 602).
std::string load_plugin(const std::string& path, analysis::StrategyRegistry& registry);

// Loads every *.so in `dir`, in name order; returns one sentence per plugin refused. A
// missing folder gives one sentence when `must_exist`, none otherwise.
std::vector<std::string> load_plugin_dir(const std::string& dir,
                                         analysis::StrategyRegistry& registry, bool must_exist);

}  // namespace beltplan::app
