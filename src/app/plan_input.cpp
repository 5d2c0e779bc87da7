// Reading a plan for a CLI command: io::load_plan, whose validation refuses a plan that would
// give a wrong figure, with the warnings it found printed to stderr.
#include "app/commands.h"
#include "core/messages.h"
#include "io/plan_file.h"

#include <iostream>

namespace beltplan::app {

void print_warnings(const std::vector<std::string>& warnings) {
    for (const std::string& w : warnings) {
        std::cerr << "beltplan: " << core::tr("cli.warning_prefix") << ": " << w << "\n";
    }
}

core::Result<core::Plan> read_plan_warned(const std::string& path) {
    core::Result<io::LoadedPlan> loaded = io::load_plan(path);
    if (!loaded) {
        return loaded.error();
    }
    print_warnings(loaded->warnings);
    return std::move(loaded->plan);
}

}  // namespace beltplan::app
