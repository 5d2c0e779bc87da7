// Plugin leader: weak organizations grouped around a capable leader.
#include "plugin_export.h"

namespace {

std::unique_ptr<beltplan::analysis::Strategy> make() {
    return beltplan::analysis::make_merge_strategy(beltplan::core::JointOrgMode::kLeader);
}

}  // namespace

BELTPLAN_PLUGIN_EXPORT const BeltplanPluginDescriptor* beltplan_plugin_descriptor() {
    static const BeltplanPluginDescriptor descriptor = beltplan::plugins::describe<&make>(
        "leader", "weak organizations grouped around a capable leader.");
    return &descriptor;
}
