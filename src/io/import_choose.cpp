// The layer of each role (issue 8 item 2): explicit sources first (their only layer, else the
// one that looks like the role), then every other role from all the layers listed; an unclear
// choice is refused with the list of layers, and every layer seen goes into the report.
#include "core/messages.h"
#include "io/import_discover.h"

#include <algorithm>
#include <filesystem>

namespace beltplan::io {

namespace fs = std::filesystem;

namespace {

struct Pool {
    std::vector<LayerCandidate> layers;
    std::vector<std::optional<LayerRole>> taken;  // the role each layer was given
};

std::string layer_name(const LayerCandidate& c) {
    return c.folders.empty()
               ? c.layer
               : core::tr("import.layer.kml_folders_short", {std::to_string(c.folders.size())});
}

// "'CJDCQ' (polygons, 404), 'XZQ' (polygons, 24)" for the refusals.
std::string list_text(const Pool& pool, const std::vector<std::size_t>& which) {
    std::string out;
    for (std::size_t i : which) {
        const LayerCandidate& c = pool.layers[i];
        out += (out.empty() ? "" : core::tr("import.list_separator")) +
               core::tr("import.layer.short",
                        {fs::path(c.source).filename().string(), layer_name(c),
                         geometry_label(c.geometry), std::to_string(c.features)});
    }
    return out;
}

SourceSpec spec_of(const LayerCandidate& c, const std::map<std::string, std::string>& fields) {
    SourceSpec spec{c.source, c.folders.empty() ? c.layer : "", fields, c.folders};
    return spec;
}

std::vector<std::size_t> all_of(const Pool& pool, const std::string& source) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < pool.layers.size(); ++i) {
        if (source.empty() || pool.layers[i].source.rfind(source, 0) == 0) {
            out.push_back(i);
        }
    }
    return out;
}

// Of the layers that look like `role`, the one to take: polygons before points for villages,
// a layer carrying the role's own name before the others. -1 when none; -2 when several.
int pick(const Pool& pool, const std::vector<std::size_t>& among, LayerRole role) {
    std::vector<std::size_t> fits;
    for (std::size_t i : among) {
        if (!pool.taken[i] && pool.layers[i].role == role) {
            fits.push_back(i);
        }
    }
    if (role == LayerRole::kVillages && fits.size() > 1) {
        std::vector<std::size_t> areas;
        for (std::size_t i : fits) {
            if (!pool.layers[i].village_points) {
                areas.push_back(i);
            }
        }
        if (!areas.empty()) {
            fits = areas;
        }
    }
    if (fits.size() > 1) {
        std::vector<std::size_t> named;
        for (std::size_t i : fits) {
            if (pool.layers[i].layer == role_name(role)) {
                named.push_back(i);
            }
        }
        if (named.size() == 1) {
            fits = named;
        }
    }
    if (fits.empty()) {
        return -1;
    }
    return fits.size() == 1 ? static_cast<int>(fits[0]) : -2;
}

const std::optional<SourceSpec>& explicit_spec(const ImportOptions& o, LayerRole role) {
    switch (role) {
        case LayerRole::kVillages:
            return o.villages;
        case LayerRole::kTownships:
            return o.townships;
        case LayerRole::kRoads:
            return o.roads;
        case LayerRole::kSites:
            return o.sites;
    }
    return o.villages;
}

std::optional<SourceSpec>& chosen(RoleSources& r, LayerRole role) {
    switch (role) {
        case LayerRole::kVillages:
            return r.villages;
        case LayerRole::kTownships:
            return r.townships;
        case LayerRole::kRoads:
            return r.roads;
        case LayerRole::kSites:
            return r.sites;
    }
    return r.villages;
}

core::Error unclear(const std::string& source, const Pool& pool,
                    const std::vector<std::size_t>& among, LayerRole role, bool several) {
    return core::make_error(core::ErrorCode::kLayerNotFound, {source, "", -1, ""},
                            core::tr(several ? "import.choose.several" : "import.choose.none",
                                     {role_label(role), list_text(pool, among), role_name(role)}));
}

// The layer of an explicit source without a layer name: its only layer, else the one layer
// that looks like the role.
core::Status take_explicit(const SourceSpec& spec, LayerRole role, Pool& pool, RoleSources& out) {
    const std::vector<std::size_t> own = all_of(pool, spec.path);
    int i = own.size() == 1 && !pool.taken[own[0]] ? static_cast<int>(own[0]) : -1;
    if (i >= 0) {
        if (pool.layers[static_cast<std::size_t>(i)].role != role) {
            pool.layers[static_cast<std::size_t>(i)].why = core::tr("import.layer.only_layer");
        }
    } else {
        i = pick(pool, own, role);
    }
    if (i < 0) {
        return unclear(spec.path, pool, own, role, i == -2);
    }
    LayerCandidate& c = pool.layers[static_cast<std::size_t>(i)];
    pool.taken[static_cast<std::size_t>(i)] = role;
    chosen(out, role) = spec_of(c, spec.fields);
    if (role == LayerRole::kVillages) {
        out.village_points = c.village_points || c.geometry == GeometryKind::kPoint;
    }
    return core::Ok{};
}

void record_seen(const Pool& pool, ImportReport& report) {
    for (std::size_t i = 0; i < pool.layers.size(); ++i) {
        const LayerCandidate& c = pool.layers[i];
        LayerSeen seen;
        seen.source = c.source;
        seen.layer = c.folders.empty()
                         ? c.layer
                         : core::tr("import.layer.kml_folders", {std::to_string(c.folders.size()),
                                                                 join_field_names(c.folders)});
        seen.geometry = geometry_label(c.geometry);
        seen.features = c.features;
        if (pool.taken[i]) {
            seen.role = role_label(*pool.taken[i]);
            seen.why = c.why;
        } else {
            seen.why = c.role ? core::tr("import.layer.not_used_taken", {role_label(*c.role)})
                              : core::tr("import.layer.unrecognised");
        }
        report.layers_seen.push_back(std::move(seen));
    }
}

}  // namespace

core::Result<RoleSources> choose_layers(const ImportOptions& options, ImportReport& report) {
    constexpr LayerRole kRoles[] = {LayerRole::kVillages, LayerRole::kTownships, LayerRole::kRoads,
                                    LayerRole::kSites};
    RoleSources out;
    Pool pool;
    std::vector<std::string> paths = options.sources;
    for (LayerRole role : kRoles) {
        const std::optional<SourceSpec>& spec = explicit_spec(options, role);
        if (spec && !spec->layer.empty()) {
            chosen(out, role) = *spec;  // named by the user: read as it is
        } else if (spec && std::find(paths.begin(), paths.end(), spec->path) == paths.end()) {
            paths.push_back(spec->path);
        }
    }
    for (const std::string& path : paths) {
        core::Result<std::vector<LayerCandidate>> layers = list_layers(path);
        if (!layers) {
            return layers.error();
        }
        for (LayerCandidate& c : *layers) {
            classify(c);
            pool.layers.push_back(std::move(c));
            pool.taken.emplace_back();
        }
    }
    for (LayerRole role : kRoles) {
        const std::optional<SourceSpec>& spec = explicit_spec(options, role);
        if (spec && spec->layer.empty()) {
            if (core::Status s = take_explicit(*spec, role, pool, out); !s) {
                return s.error();
            }
        }
    }
    for (LayerRole role : kRoles) {
        if (chosen(out, role)) {
            continue;
        }
        const std::vector<std::size_t> every = all_of(pool, "");
        const int i = pick(pool, every, role);
        if (i == -2) {
            return unclear(options.sources.empty() ? "" : options.sources[0], pool, every, role,
                           true);
        }
        if (i >= 0) {
            LayerCandidate& c = pool.layers[static_cast<std::size_t>(i)];
            pool.taken[static_cast<std::size_t>(i)] = role;
            chosen(out, role) = spec_of(c, {});
            if (role == LayerRole::kVillages) {
                out.village_points = c.village_points;
            }
        }
    }
    record_seen(pool, report);
    if (!out.villages) {
        return core::make_error(
            core::ErrorCode::kLayerNotFound, {},
            core::tr("import.choose.no_villages", {list_text(pool, all_of(pool, ""))}));
    }
    return out;
}

}  // namespace beltplan::io
