// Plugin strong_weak: weak villages paired with adjacent strong leads by min-cost flow.
#include "plugin_export.h"

namespace {

std::unique_ptr<beltplan::analysis::Strategy> make() {
    return beltplan::analysis::make_merge_strategy(beltplan::core::JointOrgMode::kStrongWeak);
}

}  // namespace

BELTPLAN_PLUGIN_EXPORT const BeltplanPluginDescriptor* beltplan_plugin_descriptor() {
    static const BeltplanPluginDescriptor descriptor = beltplan::plugins::describe<&make>(
        "strong_weak", "weak villages paired with adjacent strong leads by min-cost flow.");
    return &descriptor;
}
