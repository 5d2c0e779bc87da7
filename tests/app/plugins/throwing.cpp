// Test plugin: a strategy whose computation throws; the error must come back as a Result.
#include "plugin_export.h"

#include <stdexcept>

namespace {

class Throwing : public beltplan::analysis::Strategy {
public:
    std::string name() const override { return "throwing"; }
    std::string description() const override { return "always throws"; }
    std::vector<beltplan::analysis::ParamSpec> params() const override { return {}; }

protected:
    beltplan::core::Result<beltplan::analysis::Suggestion> compute(
        const beltplan::core::Plan&, const beltplan::analysis::Params&,
        beltplan::analysis::RunControl*) const override {
        throw std::runtime_error("boom");
    }
};

std::unique_ptr<beltplan::analysis::Strategy> make() {
    return std::make_unique<Throwing>();
}

}  // namespace

BELTPLAN_PLUGIN_EXPORT const BeltplanPluginDescriptor* beltplan_plugin_descriptor() {
    static const BeltplanPluginDescriptor descriptor =
        beltplan::plugins::describe<&make>("throwing", "always throws");
    return &descriptor;
}
