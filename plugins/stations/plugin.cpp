// Plugin stations: a township split into k contiguous work stations.
#include "plugin_export.h"

namespace {

std::unique_ptr<beltplan::analysis::Strategy> make() {
    return beltplan::analysis::make_stations_strategy();
}

}  // namespace

BELTPLAN_PLUGIN_EXPORT const BeltplanPluginDescriptor* beltplan_plugin_descriptor() {
    static const BeltplanPluginDescriptor descriptor = beltplan::plugins::describe<&make>(
        "stations", "a township split into k contiguous work stations.");
    return &descriptor;
}
