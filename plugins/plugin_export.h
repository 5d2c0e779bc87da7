// Shared by the shipped plugins: the exported descriptor around a strategy factory, with
// create and destroy that never let an exception out of the plugin.
#pragma once

#include "analysis/strategy.h"

#include <memory>

#define BELTPLAN_PLUGIN_EXPORT extern "C" __attribute__((visibility("default")))

namespace beltplan::plugins {

// A descriptor whose create() calls Factory, returning nullptr when it throws.
template <std::unique_ptr<analysis::Strategy> (*Factory)()>
BeltplanPluginDescriptor describe(const char* name, const char* description) {
    BeltplanPluginDescriptor d{};
    d.api_version = BELTPLAN_PLUGIN_API_VERSION;
    d.name = name;
    d.description = description;
    d.create = []() noexcept -> analysis::Strategy* {
        try {
            return Factory().release();
        } catch (...) {
            return nullptr;
        }
    };
    d.destroy = [](analysis::Strategy* s) noexcept { delete s; };
    return d;
}

}  // namespace beltplan::plugins
