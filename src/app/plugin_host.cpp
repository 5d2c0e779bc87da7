// The plugin host: probes plugins in child processes and registers, for each working one, a
// strategy that runs the plugin in a child process per call (app/plugin_child.h).
#include "app/plugin_host.h"

#include "app/plugin_child.h"
#include "core/messages.h"

#include <algorithm>
#include <cstring>
#include <exception>
#include <filesystem>
#include <memory>

namespace beltplan::app {

namespace fs = std::filesystem;

namespace {

// How a child that gave no usable answer ended, in one sentence. `strategy` is "" for the
// probe (the plugin was being loaded).
std::string crash_sentence(const std::string& path, const std::string& strategy,
                           const child::Outcome& o) {
    const std::string code = std::to_string(core::code_number(core::ErrorCode::kPluginCrashed));
    if (!o.started) {
        return core::tr("trust.plugin_not_started", {path, o.problem});
    }
    if (strategy.empty()) {
        const char* name = o.signal != 0 ? ::strsignal(o.signal) : nullptr;
        const std::string how =
            o.signal != 0 ? core::tr("trust.plugin_how_signal",
                                     {std::to_string(o.signal) + ", " + (name ? name : "?")})
            : o.malformed ? core::tr("trust.plugin_how_malformed")
                          : core::tr("trust.plugin_how_exit", {std::to_string(o.exit_status)});
        return core::tr("trust.plugin_load_crashed", {path, how, code});
    }
    if (o.malformed) {
        return core::tr("trust.plugin_malformed", {path, strategy, code});
    }
    if (o.signal != 0) {
        const char* name = ::strsignal(o.signal);
        return core::tr(
            "trust.plugin_crashed",
            {path, strategy, std::to_string(o.signal) + ", " + (name ? name : "?"), code});
    }
    return core::tr("trust.plugin_no_answer",
                    {path, strategy, std::to_string(o.exit_status), code});
}

// The index of every village a suggestion names must be one of the plan's (the parent reads
// the child's answer as untrusted data); "" when it is, else the sentence.
std::string check_indices(const analysis::Suggestion& s, std::size_t villages,
                          const std::string& path) {
    const auto bad = [villages](int v, bool may_be_none) {
        return v < (may_be_none ? -1 : 0) || v >= static_cast<long long>(villages);
    };
    std::vector<int> wrong;
    for (const auto& site : s.sites) {
        if (bad(site.village, true)) {
            wrong.push_back(site.village);
        }
    }
    for (const auto& g : s.groups) {
        if (bad(g.lead, true)) {
            wrong.push_back(g.lead);
        }
        for (int m : g.members) {
            if (bad(m, false)) {
                wrong.push_back(m);
            }
        }
    }
    for (const auto& u : s.unplaced) {
        if (bad(u.village, false)) {
            wrong.push_back(u.village);
        }
    }
    return wrong.empty() ? ""
                         : core::tr("trust.plugin_bad_index", {path, std::to_string(wrong[0])});
}

// A plugin's strategy, described by its probe, computed in a child process per call.
class IsolatedStrategy : public analysis::Strategy {
public:
    IsolatedStrategy(std::string path, wire::StrategyInfo info)
        : path_(std::move(path)), info_(std::move(info)) {}
    std::string name() const override { return info_.name; }
    std::string description() const override { return info_.description; }
    std::vector<analysis::ParamSpec> params() const override { return info_.params; }

protected:
    core::Result<analysis::Suggestion> compute(const core::Plan& plan,
                                               const analysis::Params& params,
                                               analysis::RunControl* control) const override {
        const child::Outcome o =
            child::run([&](int fd) { child::compute(path_, plan, params, fd); }, control);
        if (o.cancelled) {
            return core::Error{core::ErrorCode::kCancelled, core::tr("trust.plugin_cancelled"), {}};
        }
        if (o.malformed || o.signal != 0 || !o.started || o.messages.size() != 1) {
            return core::Error{
                core::ErrorCode::kPluginCrashed, crash_sentence(path_, info_.name, o), {}};
        }
        const wire::Message& m = o.messages.front();
        if (m.error) {
            return *m.error;
        }
        if (!m.suggestion) {
            return core::Error{
                core::ErrorCode::kPluginCrashed, crash_sentence(path_, info_.name, o), {}};
        }
        const std::string wrong = check_indices(*m.suggestion, plan.villages.size(), path_);
        if (!wrong.empty()) {
            return core::Error{core::ErrorCode::kPluginCrashed, wrong, {}};
        }
        return *m.suggestion;
    }

private:
    std::string path_;
    wire::StrategyInfo info_;
};

}  // namespace

std::string default_plugin_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : (exe.parent_path() / "plugins").string();
}

std::string load_plugin(const std::string& path, analysis::StrategyRegistry& registry) {
    const child::Outcome o = child::run([&path](int fd) { child::probe(path, fd); }, nullptr);
    if (o.malformed || o.signal != 0 || !o.started || o.messages.size() != 1) {
        return crash_sentence(path, "", o);
    }
    const wire::Message& m = o.messages.front();
    if (m.error) {
        return m.error->message;
    }
    if (!m.info || m.info->name.empty()) {
        child::Outcome nothing = o;
        nothing.malformed = true;
        return crash_sentence(path, "", nothing);
    }
    registry.add(std::make_shared<IsolatedStrategy>(path, *m.info), path);
    return "";
}

std::vector<std::string> load_plugin_dir(const std::string& dir,
                                         analysis::StrategyRegistry& registry, bool must_exist) {
    std::vector<std::string> problems;
    std::error_code ec;
    if (dir.empty() || !fs::is_directory(dir, ec)) {
        if (must_exist) {
            problems.push_back(core::tr("trust.plugin_folder_missing", {dir}));
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
