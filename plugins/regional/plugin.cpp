// Plugin regional: hollow villages joined to a larger central village.
#include "plugin_export.h"

namespace {

std::unique_ptr<beltplan::analysis::Strategy> make() {
    return beltplan::analysis::make_merge_strategy(beltplan::core::JointOrgMode::kRegional);
}

}  // namespace

BELTPLAN_PLUGIN_EXPORT const BeltplanPluginDescriptor* beltplan_plugin_descriptor() {
    static const BeltplanPluginDescriptor descriptor = beltplan::plugins::describe<&make>(
        "regional", "hollow villages joined to a larger central village.");
    return &descriptor;
}
