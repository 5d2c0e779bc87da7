// Plugin belt_gaps: the fewest new sites so no belt gap exceeds G.
#include "plugin_export.h"

namespace {

std::unique_ptr<beltplan::analysis::Strategy> make() {
    return beltplan::analysis::make_belt_gaps_strategy();
}

}  // namespace

BELTPLAN_PLUGIN_EXPORT const BeltplanPluginDescriptor* beltplan_plugin_descriptor() {
    static const BeltplanPluginDescriptor descriptor = beltplan::plugins::describe<&make>(
        "belt_gaps", "the fewest new sites so no belt gap exceeds G.");
    return &descriptor;
}
