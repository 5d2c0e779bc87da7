// Shared by the shipped plugins: the exported descriptor around a strategy factory, with
// create and destroy that never let an exception out of the plugin.
#pragma once

#include "analysis/strategy.h"
#include "core/messages.h"

#include <memory>

#define BELTPLAN_PLUGIN_EXPORT extern "C" __attribute__((visibility("default")))

namespace beltplan::plugins {

// A descriptor whose create() calls Factory, returning nullptr when it throws. The plugin holds
// its own copy of the message catalogue: create() sets its language from the locale, so the
// strategy's sentences follow it as the CLI's do (the window's language switch does not reach
// a plugin).
template <std::unique_ptr<analysis::Strategy> (*Factory)()>
BeltplanPluginDescriptor describe(const char* name, const char* description) {
    BeltplanPluginDescriptor d{};
    d.api_version = BELTPLAN_PLUGIN_API_VERSION;
    d.name = name;
    d.description = description;
    d.create = []() noexcept -> analysis::Strategy* {
        try {
            core::set_language(core::language_from_environment());
            return Factory().release();
        } catch (...) {
            return nullptr;
        }
    };
    d.destroy = [](analysis::Strategy* s) noexcept { delete s; };
    return d;
}

}  // namespace beltplan::plugins
