// load_plan / read_plan: a plan file, or any GeoPackage with the section-3 layer names, into a
// Plan. Known fields by name, every other field kept as an extra; bad values name their
// feature; the values are then validated (core/plan_check.h) and the file's stamp kept.
#include "core/messages.h"
#include "core/plan_check.h"
#include "io/ogr_util.h"
#include "io/plan_file.h"
#include "io/plan_layers.h"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace beltplan::io {
namespace {

// Thrown inside the reader only; read_plan turns it back into its Error.
struct ReadFailure {
    core::Error error;
};

using Meta = std::map<std::string, std::string>;

// Reads one layer feature by feature: known fields by name (any letter case), the rest as
// extra fields under their source names.
class FeatureReader {
public:
    FeatureReader(const std::string& file, OGRLayer& layer, const std::set<std::string>& known,
                  const Meta& meta)
        : file_(file), layer_(layer) {
        OGRFeatureDefn* defn = layer.GetLayerDefn();
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            const std::string name = defn->GetFieldDefn(i)->GetNameRef();
            if (known.count(CPLString(name).tolower()) != 0) {
                index_[CPLString(name).tolower()] = i;
                continue;
            }
            auto renamed = meta.find("extra_name." + layer_name() + "." + name);
            extra_.emplace_back(i, renamed != meta.end() ? renamed->second : name);
        }
        layer.ResetReading();
    }

    std::string layer_name() const { return layer_.GetName(); }
    bool has_field(const char* name) const { return index_.count(name) != 0; }
    bool next() {
        feature_.reset(layer_.GetNextFeature());
        if (feature_ != nullptr) {
            fids_.push_back(feature_->GetFID());
        }
        return feature_ != nullptr;
    }
    // The FID of every feature read so far, in order.
    std::vector<std::int64_t>& fids() { return fids_; }
    core::Where where(const char* field = "") const {
        return {file_, layer_name(), feature_ ? feature_->GetFID() : -1, field};
    }
    [[noreturn]] void fail(core::ErrorCode code, const char* field, const std::string& what) const {
        throw ReadFailure{core::make_error(code, where(field), what)};
    }
    template <typename T>
    T check(core::Result<T> result) const {
        if (!result) {
            throw ReadFailure{result.error()};
        }
        return std::move(result).value();
    }

    core::FieldValue value(const char* field) const {
        auto it = index_.find(field);
        return it == index_.end() ? core::FieldValue{} : read_field(*feature_, it->second);
    }
    // Text of a field; "" when absent or null.
    std::string text(const char* field) const {
        core::FieldValue v = value(field);
        switch (v.type) {
            case core::FieldValue::Type::kString:
                return v.text;
            case core::FieldValue::Type::kInteger:
                return std::to_string(v.integer);
            case core::FieldValue::Type::kReal:
                return feature_->GetFieldAsString(index_.at(field));
            default:
                return "";
        }
    }
    // Text of a field that every feature must have.
    std::string required(const char* field, const std::string& what) const {
        std::string t = text(field);
        if (t.empty()) {
            fail(core::ErrorCode::kFieldMissing, field, what);
        }
        return t;
    }
    std::optional<double> real(const char* field) const {
        core::FieldValue v = value(field);
        if (v.type == core::FieldValue::Type::kInteger) {
            return static_cast<double>(v.integer);
        }
        if (v.type == core::FieldValue::Type::kReal) {
            return v.real;
        }
        if (v.type == core::FieldValue::Type::kString) {
            char* end = nullptr;
            const double d = std::strtod(v.text.c_str(), &end);
            if (end == v.text.c_str() || *end != '\0') {
                fail(core::ErrorCode::kBadValue, field, core::tr("trust.not_number", {v.text}));
            }
            return d;
        }
        return std::nullopt;
    }
    std::optional<std::int64_t> integer(const char* field) const {
        core::FieldValue v = value(field);
        if (v.type == core::FieldValue::Type::kInteger) {
            return v.integer;
        }
        std::optional<double> d = real(field);
        if (!d) {
            return std::nullopt;
        }
        // Checked before the cast: converting NaN or a value beyond int64 is undefined.
        constexpr double kLimit = 9.2e18;
        if (std::isfinite(*d) && std::fabs(*d) >= kLimit) {
            fail(core::ErrorCode::kBadValue, field,
                 *d < 0 ? core::tr("trust.count_negative", {text(field)})
                        : core::tr("trust.count_too_large",
                                   {text(field), std::to_string(core::kMaxPeoplePerVillage)}));
        }
        if (!std::isfinite(*d) || *d != std::trunc(*d)) {
            fail(core::ErrorCode::kBadValue, field, core::tr("trust.not_whole", {text(field)}));
        }
        return static_cast<std::int64_t>(*d);
    }
    std::optional<bool> flag(const char* field) const {
        std::optional<std::int64_t> v = integer(field);
        return v ? std::optional<bool>(*v != 0) : std::nullopt;
    }
    core::ExtraFields extra() const {
        core::ExtraFields out;
        out.reserve(extra_.size());
        for (const auto& [index, name] : extra_) {
            out.push_back({name, read_field(*feature_, index)});
        }
        return out;
    }
    const OGRGeometry* geometry() const { return feature_->GetGeometryRef(); }

private:
    std::string file_;
    OGRLayer& layer_;
    std::map<std::string, int> index_;
    std::vector<std::pair<int, std::string>> extra_;
    FeaturePtr feature_;
    std::vector<std::int64_t> fids_;
};

void read_villages(FeatureReader& r, core::Plan& plan) {
    if (!r.has_field("code")) {
        r.fail(core::ErrorCode::kFieldMissing, "code",
               "the layer has no field 'code'; every village needs its 12-digit code.");
    }
    while (r.next()) {
        core::Village v;
        v.code = r.required("code", "the village has no code; give it its 12-digit code.");
        v.name = r.text("name");
        v.town_code = r.text("town_code");
        v.shape = r.check(to_multipolygon(r.geometry(), r.where()));
        v.population = r.integer("population");
        v.party_members = r.integer("party_members");
        v.collective_income_wan_yuan = r.real("collective_income");
        const std::string kind = r.text("kind");
        if (!kind.empty()) {
            std::optional<core::VillageKind> parsed = core::parse_village_kind(kind);
            if (!parsed) {
                r.fail(core::ErrorCode::kBadValue, "kind",
                       "'" + kind + "' is not a village kind; use hub, tidal, basic or hollow.");
            }
            v.kind = *parsed;
        }
        v.weak_org = r.flag("weak_org");
        v.leader = r.flag("leader");
        std::optional<double> x = r.real("seat_x");
        std::optional<double> y = r.real("seat_y");
        if (x.has_value() != y.has_value()) {
            r.fail(core::ErrorCode::kBadValue, x ? "seat_y" : "seat_x",
                   "the seat has only one coordinate; give both seat_x and seat_y or neither.");
        }
        if (x) {
            v.seat = core::PointM{*x, *y};
        }
        v.extra = r.extra();
        plan.villages.push_back(std::move(v));
    }
}

void read_townships(FeatureReader& r, core::Plan& plan) {
    while (r.next()) {
        core::Township t;
        t.code = r.required("code", "the township has no code; give it its 9-digit code.");
        t.name = r.text("name");
        t.shape = r.check(to_multipolygon(r.geometry(), r.where()));
        t.extra = r.extra();
        plan.townships.push_back(std::move(t));
    }
}

void read_roads(FeatureReader& r, core::Plan& plan) {
    while (r.next()) {
        core::Road road;
        road.name = r.text("name");
        road.road_class = r.text("class");
        road.parts = r.check(to_linestrings(r.geometry(), r.where()));
        road.extra = r.extra();
        plan.roads.push_back(std::move(road));
    }
}

void read_sites(FeatureReader& r, core::Plan& plan) {
    while (r.next()) {
        core::Site s;
        s.id = r.text("id");
        s.name = r.text("name");
        const std::string level = r.text("level");
        if (!level.empty()) {
            std::optional<core::SiteLevel> parsed = core::parse_site_level(level);
            if (!parsed) {
                r.fail(core::ErrorCode::kBadValue, "level",
                       "'" + level + "' is not a site level; use district or town.");
            }
            s.level = *parsed;
        }
        s.theme = r.text("theme");
        s.village_code = r.text("village_code");
        s.position = r.check(to_point(r.geometry(), r.where()));
        s.extra = r.extra();
        plan.sites.push_back(std::move(s));
    }
}

void read_joint_orgs(FeatureReader& r, core::Plan& plan) {
    while (r.next()) {
        core::JointOrg j;
        j.id = r.text("id");
        j.name = r.text("name");
        const std::string mode = r.required("mode",
                                            "the joint organization has no mode; use "
                                            "strong_weak, regional, leader or station.");
        std::optional<core::JointOrgMode> parsed = core::parse_joint_org_mode(mode);
        if (!parsed) {
            r.fail(core::ErrorCode::kBadValue, "mode",
                   "'" + mode + "' is not a mode; use strong_weak, regional, leader or station.");
        }
        j.mode = *parsed;
        j.lead = r.text("lead");
        j.members = detail::split_list(r.text("members"));
        plan.joint_orgs.push_back(std::move(j));
    }
}

void read_belts(FeatureReader& r, core::Plan& plan) {
    while (r.next()) {
        core::Belt b;
        b.id = r.text("id");
        b.name = r.text("name");
        b.roads = detail::split_list(r.text("roads"));
        b.half_width_m = r.real("half_width_m").value_or(b.half_width_m);
        plan.belts.push_back(std::move(b));
    }
}

void read_contiguity_edits(FeatureReader& r, core::Plan& plan) {
    while (r.next()) {
        core::ContiguityEdit e;
        e.a = r.required("a", "the contiguity edit has no village code a; give both villages.");
        e.b = r.required("b", "the contiguity edit has no village code b; give both villages.");
        const std::string kind = CPLString(r.text("kind")).tolower();
        if (kind != "link" && kind != "cut") {
            r.fail(core::ErrorCode::kBadValue, "kind",
                   "'" + kind + "' is not a contiguity edit kind; use link or cut.");
        }
        e.link = kind == "link";
        e.reason = r.text("reason");
        plan.contiguity_edits.push_back(std::move(e));
    }
}

void read_work_stations(FeatureReader& r, core::Plan& plan) {
    while (r.next()) {
        core::WorkStation w;
        w.id = r.text("id");
        w.name = r.text("name");
        w.town_code = r.text("town_code");
        w.members = detail::split_list(r.text("members"));
        w.seat_village = r.text("seat_village");
        plan.work_stations.push_back(std::move(w));
    }
}

Meta read_meta(GDALDataset& dataset) {
    Meta meta;
    OGRLayer* layer = dataset.GetLayerByName(detail::kMetaTable);
    if (layer == nullptr) {
        return meta;
    }
    const int key = layer->GetLayerDefn()->GetFieldIndex("key");
    const int value = layer->GetLayerDefn()->GetFieldIndex("value");
    if (key < 0 || value < 0) {
        return meta;
    }
    for (auto& feature : *layer) {
        meta[feature->GetFieldAsString(key)] = feature->GetFieldAsString(value);
    }
    return meta;
}

std::string meta_value(const Meta& meta, const std::string& key, const std::string& fallback) {
    auto it = meta.find(key);
    return it == meta.end() ? fallback : it->second;
}

// Name, CRS and settings from plan_meta, or from the villages layer and defaults.
void read_header(const std::string& file, const Meta& meta, OGRLayer& villages, core::Plan& plan) {
    const core::Where where{file, detail::kMetaTable, -1, ""};
    if (std::atoi(meta_value(meta, "format_version", "0").c_str()) > kPlanFormatVersion) {
        throw ReadFailure{core::make_error(core::ErrorCode::kBadPlan, where,
                                           "the plan was saved by a newer beltplan; update "
                                           "beltplan to open it.")};
    }
    plan.name = meta_value(meta, "plan_name", std::filesystem::path(file).stem().string());
    plan.provenance = meta_value(meta, "provenance", "");
    plan.approximate_village_areas = meta_value(meta, "approximate_village_areas", "0") == "1";
    const std::string reach = meta_value(meta, "reach_m", "");
    if (!reach.empty()) {
        char* end = nullptr;
        plan.settings.reach_m = std::strtod(reach.c_str(), &end);
        if (end == reach.c_str() || *end != '\0') {
            throw ReadFailure{core::make_error(core::ErrorCode::kBadValue,
                                               {file, detail::kMetaTable, -1, "reach_m"},
                                               core::tr("trust.reach_bad", {reach}))};
        }
    }
    const std::string distance = meta_value(meta, "distance", "");
    if (!distance.empty()) {
        std::optional<core::DistanceMode> mode = core::parse_distance_mode(distance);
        if (!mode) {
            throw ReadFailure{core::make_error(core::ErrorCode::kBadValue,
                                               {file, detail::kMetaTable, -1, "distance"},
                                               "'" + distance +
                                                   "' is not a distance mode; "
                                                   "use euclidean or network.")};
        }
        plan.settings.distance = *mode;
    }
    if (meta.count("crs_wkt") != 0 || meta.count("crs_epsg") != 0) {
        plan.crs.epsg = std::atoi(meta_value(meta, "crs_epsg", "0").c_str());
        plan.crs.wkt = meta_value(meta, "crs_wkt", "");
        plan.crs.name = meta_value(meta, "crs_name", "");
        return;
    }
    const OGRSpatialReference* srs = villages.GetSpatialRef();
    if (srs == nullptr || !srs->IsProjected()) {
        throw ReadFailure{core::make_error(
            core::ErrorCode::kNoCrs, {file, "villages", -1, ""},
            "the villages layer has no projected CRS; import the file with 'beltplan import' "
            "to project it.")};
    }
    plan.crs = crs_info(*srs);
}

core::Plan read_dataset(const std::string& file, GDALDataset& dataset, core::FeatureIds& ids) {
    const Meta meta = read_meta(dataset);
    OGRLayer* villages = dataset.GetLayerByName("villages");
    if (villages == nullptr) {
        throw ReadFailure{core::make_error(
            core::ErrorCode::kLayerNotFound, {file, "villages", -1, ""},
            "the file has no layer 'villages'; a plan needs its village boundaries.")};
    }
    core::Plan plan;
    read_header(file, meta, *villages, plan);
    using LayerFn = void (*)(FeatureReader&, core::Plan&);
    const std::vector<std::pair<std::string, std::pair<std::set<std::string>, LayerFn>>> layers = {
        {"villages",
         {{"code", "name", "town_code", "population", "party_members", "collective_income", "kind",
           "weak_org", "leader", "seat_x", "seat_y"},
          read_villages}},
        {"townships", {{"code", "name"}, read_townships}},
        {"roads", {{"name", "class"}, read_roads}},
        {"sites", {{"id", "name", "level", "theme", "village_code"}, read_sites}},
        {"joint_orgs", {{"id", "name", "mode", "lead", "members"}, read_joint_orgs}},
        {"belts", {{"id", "name", "roads", "half_width_m"}, read_belts}},
        {"work_stations",
         {{"id", "name", "town_code", "members", "seat_village"}, read_work_stations}},
        {"contiguity_edits", {{"a", "b", "kind", "reason"}, read_contiguity_edits}},
    };
    for (const auto& [name, spec] : layers) {
        OGRLayer* layer = dataset.GetLayerByName(name.c_str());
        if (layer != nullptr) {
            FeatureReader reader(file, *layer, spec.first, meta);
            spec.second(reader, plan);
            std::vector<std::int64_t>* target = name == "villages"    ? &ids.villages
                                                : name == "townships" ? &ids.townships
                                                : name == "roads"     ? &ids.roads
                                                : name == "sites"     ? &ids.sites
                                                : name == "belts"     ? &ids.belts
                                                                      : nullptr;
            if (target != nullptr) {
                *target = std::move(reader.fids());
            }
        }
    }
    return plan;
}

// Reads the file once; the stamp is taken before and compared after, so a plan written by
// another program during the read is not mistaken for the one read.
core::Result<LoadedPlan> load_once(const std::string& path) {
    core::Result<DatasetPtr> dataset = detail::open_plan_dataset(path);
    if (!dataset) {
        return dataset.error();
    }
    core::Result<core::FileStamp> before = core::file_stamp(path);
    if (!before) {
        return before.error();
    }
    core::FeatureIds ids;
    LoadedPlan loaded{read_dataset(path, **dataset, ids), *before, {}};
    dataset->reset();
    const std::vector<core::PlanProblem> problems = core::check_plan(loaded.plan, path, ids);
    core::Status refused = core::refuse_on_errors(problems);
    if (!refused) {
        return refused.error();
    }
    for (const core::PlanProblem& p : problems) {
        loaded.warnings.push_back(p.what.message);
    }
    return loaded;
}

}  // namespace

core::Result<LoadedPlan> load_plan(const std::string& path) {
    CplErrorCollector cpl;
    try {
        for (int attempt = 0; attempt < 2; ++attempt) {
            core::Result<LoadedPlan> loaded = load_once(path);
            if (!loaded || core::file_unchanged(path, loaded->stamp)) {
                return loaded;
            }
        }
        return core::make_error(core::ErrorCode::kReadFailed, {path, "", -1, ""},
                                core::tr("trust.changed_while_reading"));
    } catch (const ReadFailure& failure) {
        return failure.error;
    } catch (const std::exception& e) {
        return core::make_error(core::ErrorCode::kReadFailed, {path, "", -1, ""},
                                core::tr("trust.read_failed", {e.what()}));
    }
}

core::Result<core::Plan> read_plan(const std::string& path) {
    core::Result<LoadedPlan> loaded = load_plan(path);
    if (!loaded) {
        return loaded.error();
    }
    return std::move(loaded->plan);
}

}  // namespace beltplan::io
