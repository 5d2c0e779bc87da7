// `beltplan import` and `beltplan export`: GIS files into a plan, plan layers out to files.
#include "app/commands.h"
#include "core/messages.h"
#include "io/plan_file.h"

#include <filesystem>
#include <iostream>

namespace beltplan::app {

namespace {

// Applies "ROLE.TARGET=SOURCE" to the matching source spec; "" on success, else the problem.
std::string apply_field_map(io::ImportOptions& options, const std::string& text) {
    const std::size_t dot = text.find('.');
    const std::size_t eq = text.find('=');
    if (dot == std::string::npos || eq == std::string::npos || dot > eq || eq + 1 == text.size()) {
        return core::tr("import.cli.field_form", {text});
    }
    const std::string role = text.substr(0, dot);
    const std::string target = text.substr(dot + 1, eq - dot - 1);
    const std::string source = text.substr(eq + 1);
    std::optional<io::SourceSpec>* spec = nullptr;
    if (role == "villages") {
        spec = &options.villages;
    } else if (role == "townships") {
        spec = &options.townships;
    } else if (role == "roads") {
        spec = &options.roads;
    } else if (role == "sites") {
        spec = &options.sites;
    } else {
        return core::tr("import.cli.field_role", {text});
    }
    if (!spec->has_value()) {
        return core::tr("import.cli.field_no_source", {text, role});
    }
    (*spec)->fields[target] = source;
    return "";
}

}  // namespace

int run_import(ImportCommand command) {
    for (const std::string& map : command.field_maps) {
        const std::string problem = apply_field_map(command.options, map);
        if (!problem.empty()) {
            std::cerr << "beltplan: " << problem << "\n";
            return kExitUsage;
        }
    }
    if (command.options.sources.empty() && !command.options.villages) {
        std::cerr << "beltplan: " << core::tr("import.no_sources") << "\n";
        return kExitUsage;
    }
    if (command.site_crs == "gcj02") {
        command.options.site_datum = io::SiteDatum::kGcj02;
    } else if (command.site_crs == "bd09") {
        command.options.site_datum = io::SiteDatum::kBd09;
    } else if (command.site_crs == "wgs84") {
        command.options.site_datum = io::SiteDatum::kWgs84;
    }
    std::error_code ec;
    if (!command.force && std::filesystem::exists(command.out_path, ec)) {
        return fail(core::tr("import.cli.exists", {command.out_path}));
    }
    core::Result<io::ImportResult> imported = io::import_plan(command.options);
    if (!imported) {
        return fail(imported.error().message);
    }
    std::cout << imported->report.to_text();
    const core::Status saved = io::write_import(*imported, command.out_path);
    if (!saved) {
        return fail(saved.error().message);
    }
    const core::Plan& plan = imported->plan;
    std::cout << core::tr("import.cli.wrote",
                          {command.out_path, std::to_string(plan.villages.size()),
                           std::to_string(plan.townships.size()), std::to_string(plan.roads.size()),
                           std::to_string(plan.sites.size())})
              << "\n";
    const std::vector<io::SiteRow> unmatched = imported->report.unmatched();
    if (!unmatched.empty()) {
        std::cout << core::tr("import.cli.unmatched", {std::to_string(unmatched.size()),
                                                       io::unmatched_rows_path(command.out_path)})
                  << "\n";
    }
    return kExitOk;
}

int run_export(const ExportCommand& command) {
    core::Result<core::Plan> plan = read_plan_warned(command.plan_path);
    if (!plan) {
        return fail(plan.error().message);
    }
    const core::Status done = io::export_layer(*plan, command.options);
    if (!done) {
        return fail(done.error().message);
    }
    std::cout << "Wrote layer '" << command.options.layer << "' to " << command.options.out_path
              << "\n";
    return kExitOk;
}

}  // namespace beltplan::app
