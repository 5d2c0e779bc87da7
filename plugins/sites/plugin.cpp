// Plugin sites: new sites by maximal covering, with an upper bound.
#include "core/messages.h"
#include "plugin_export.h"

namespace {

std::unique_ptr<beltplan::analysis::Strategy> make() {
    // The plugin holds its own copy of the message catalogue: its sentences follow the
    // locale as the CLI's do (the window's language switch does not reach it).
    beltplan::core::set_language(beltplan::core::language_from_environment());
    return beltplan::analysis::make_sites_strategy();
}

}  // namespace

BELTPLAN_PLUGIN_EXPORT const BeltplanPluginDescriptor* beltplan_plugin_descriptor() {
    static const BeltplanPluginDescriptor descriptor = beltplan::plugins::describe<&make>(
        "sites", "new sites by maximal covering, with an upper bound.");
    return &descriptor;
}
