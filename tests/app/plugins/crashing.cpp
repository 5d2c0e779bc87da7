// Test plugin: dies of SIGSEGV where BELTPLAN_TEST_CRASH says: "entry" (in its entry point),
// "create" (creating its strategy) or "compute" (the default: computing a suggestion). The
// host must report it in one sentence and carry on.
#include "plugin_export.h"

#include <csignal>
#include <cstdlib>
#include <cstring>

namespace {

bool crash_in(const char* where) {
    const char* mode = std::getenv("BELTPLAN_TEST_CRASH");
    return std::strcmp(mode != nullptr ? mode : "compute", where) == 0;
}

void crash() {
    std::raise(SIGSEGV);  // what a null dereference does, without undefined behaviour
}

class Crashing : public beltplan::analysis::Strategy {
public:
    std::string name() const override { return "crashing"; }
    std::string description() const override { return "crashes on request"; }
    std::vector<beltplan::analysis::ParamSpec> params() const override { return {}; }

protected:
    beltplan::core::Result<beltplan::analysis::Suggestion> compute(
        const beltplan::core::Plan&, const beltplan::analysis::Params&,
        beltplan::analysis::RunControl*) const override {
        crash();
        return beltplan::analysis::Suggestion{};
    }
};

std::unique_ptr<beltplan::analysis::Strategy> make() {
    if (crash_in("create")) {
        crash();
    }
    return std::make_unique<Crashing>();
}

}  // namespace

BELTPLAN_PLUGIN_EXPORT const BeltplanPluginDescriptor* beltplan_plugin_descriptor() {
    if (crash_in("entry")) {
        crash();
    }
    static const BeltplanPluginDescriptor descriptor =
        beltplan::plugins::describe<&make>("crashing", "crashes on request");
    return &descriptor;
}
