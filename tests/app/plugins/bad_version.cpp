// Test plugin: reports plugin interface version 999, so the host must refuse it unopened.
#include "plugin_export.h"

namespace {

std::unique_ptr<beltplan::analysis::Strategy> make() {
    return beltplan::analysis::make_sites_strategy();
}

}  // namespace

BELTPLAN_PLUGIN_EXPORT const BeltplanPluginDescriptor* beltplan_plugin_descriptor() {
    static BeltplanPluginDescriptor descriptor =
        beltplan::plugins::describe<&make>("bad_version", "claims interface version 999");
    descriptor.api_version = 999;
    return &descriptor;
}
