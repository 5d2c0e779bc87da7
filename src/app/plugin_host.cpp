// dlopen-based plugin loading: version check first, every call into the plugin guarded, the
// library kept open for as long as a strategy from it lives.
#include "app/plugin_host.h"

#include "core/result.h"

#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <memory>

namespace beltplan::app {

namespace fs = std::filesystem;

namespace {

std::string refuse(core::ErrorCode code, const std::string& path, const std::string& what) {
    return "plugin " + path + " " + what + " (error E" + std::to_string(core::code_number(code)) +
           "); it is not loaded.";
}

// Calls the plugin's entry point and create(); nullptr and a sentence on any failure.
analysis::Strategy* create_strategy(const BeltplanPluginDescriptor* d, const std::string& path,
                                    std::string& problem) {
    if (d->create == nullptr || d->destroy == nullptr) {
        problem = refuse(core::ErrorCode::kPluginLoad, path, "has no create or destroy function");
        return nullptr;
    }
    analysis::Strategy* s = nullptr;
    try {
        s = d->create();
    } catch (...) {
        s = nullptr;
    }
    if (s == nullptr) {
        problem = refuse(core::ErrorCode::kPluginLoad, path, "failed to create its strategy");
    }
    return s;
}

}  // namespace

std::string default_plugin_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : (exe.parent_path() / "plugins").string();
}

std::string load_plugin(const std::string& path, analysis::StrategyRegistry& registry) {
    void* raw = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (raw == nullptr) {
        const char* why = dlerror();
        return refuse(core::ErrorCode::kPluginLoad, path,
                      std::string("could not be opened: ") + (why ? why : "unknown reason"));
    }
    std::shared_ptr<void> library(raw, [](void* h) { dlclose(h); });
    auto entry = reinterpret_cast<BeltplanPluginEntry>(dlsym(raw, BELTPLAN_PLUGIN_ENTRY_SYMBOL));
    if (entry == nullptr) {
        return refuse(core::ErrorCode::kPluginLoad, path,
                      "is not a beltplan plugin (no " BELTPLAN_PLUGIN_ENTRY_SYMBOL ")");
    }
    const BeltplanPluginDescriptor* d = nullptr;
    try {
        d = entry();
    } catch (...) {
        d = nullptr;
    }
    if (d == nullptr) {
        return refuse(core::ErrorCode::kPluginLoad, path, "returned no descriptor");
    }
    if (d->api_version != BELTPLAN_PLUGIN_API_VERSION) {
        return refuse(core::ErrorCode::kPluginVersion, path,
                      "was built for plugin interface version " + std::to_string(d->api_version) +
                          ", but this beltplan uses version " +
                          std::to_string(BELTPLAN_PLUGIN_API_VERSION));
    }
    std::string problem;
    analysis::Strategy* raw_strategy = create_strategy(d, path, problem);
    if (raw_strategy == nullptr) {
        return problem;
    }
    auto destroy = d->destroy;
    // The deleter owns the library too, so it is closed only after the strategy is gone.
    std::shared_ptr<const analysis::Strategy> strategy(
        raw_strategy, [destroy, library](const analysis::Strategy* s) {
            try {
                destroy(const_cast<analysis::Strategy*>(s));
            } catch (...) {
            }
        });
    try {
        registry.add(std::move(strategy), path);
    } catch (const std::exception& e) {
        return refuse(core::ErrorCode::kPluginLoad, path,
                      std::string("failed to describe its strategy: ") + e.what());
    }
    return "";
}

std::vector<std::string> load_plugin_dir(const std::string& dir,
                                         analysis::StrategyRegistry& registry, bool must_exist) {
    std::vector<std::string> problems;
    std::error_code ec;
    if (dir.empty() || !fs::is_directory(dir, ec)) {
        if (must_exist) {
            problems.push_back("plugin folder " + dir +
                               " does not exist; only the built-in strategies are available.");
        }
        return problems;
    }
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (e.is_regular_file(ec) && e.path().extension() == ".so") {
            files.push_back(e.path().string());
        }
    }
    std::sort(files.begin(), files.end());
    for (const std::string& f : files) {
        std::string problem = load_plugin(f, registry);
        if (!problem.empty()) {
            problems.push_back(std::move(problem));
        }
    }
    return problems;
}

}  // namespace beltplan::app
