// check_plan: the value rules of issue 9 item 4, one PlanProblem per broken rule, each a
// sentence from the catalogue with file, layer, feature id and field.
#include "core/plan_check.h"

#include "core/geos_ops.h"
#include "core/messages.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <thread>
#include <unordered_map>

namespace beltplan::core {
namespace {

std::string number_text(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

// Collects problems of one layer with the feature ids of the file.
class Checker {
public:
    Checker(std::string file, std::vector<PlanProblem>& out) : file_(std::move(file)), out_(out) {}

    void error(ErrorCode code, const char* layer, std::int64_t feature, const char* field,
               const std::string& what) {
        out_.push_back({true, make_error(code, {file_, layer, feature, field}, what)});
    }
    void warning(const char* layer, std::int64_t feature, const char* field,
                 const std::string& what) {
        out_.push_back(
            {false, make_error(ErrorCode::kBadValue, {file_, layer, feature, field}, what)});
    }

private:
    std::string file_;
    std::vector<PlanProblem>& out_;
};

std::int64_t id_of(const std::vector<std::int64_t>& ids, std::size_t i) {
    return i < ids.size() ? ids[i] : static_cast<std::int64_t>(i + 1);
}

bool finite(const PointM& p) {
    return std::isfinite(p.x) && std::isfinite(p.y);
}

bool lines_finite(const std::vector<LineString>& lines) {
    for (const LineString& l : lines) {
        for (const PointM& p : l.points) {
            if (!finite(p)) {
                return false;
            }
        }
    }
    return true;
}

bool lines_empty(const std::vector<LineString>& lines) {
    for (const LineString& l : lines) {
        if (l.points.size() >= 2) {
            return false;
        }
    }
    return true;
}

// GEOS's validity problem of every village shape ("" when valid or empty), checked on all
// cores: on 50,000 villages it is most of the cost of validation (GEOS contexts are per
// thread, see core/geos_ops.cpp).
std::vector<std::string> village_validity(const Plan& plan) {
    std::vector<std::string> problems(plan.villages.size());
    const std::size_t n = plan.villages.size();
    const std::size_t threads =
        std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, n < 2000 ? 1 : 8);
    auto work = [&plan, &problems, n, threads](std::size_t part) {
        for (std::size_t i = part; i < n; i += threads) {
            if (!plan.villages[i].shape.empty()) {
                problems[i] = validity_problem(plan.villages[i].shape);
            }
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) {
        pool.emplace_back(work, t);
    }
    work(0);
    for (std::thread& t : pool) {
        t.join();
    }
    return problems;
}

// The shape rule shared by villages and townships: present, non-empty, valid. `known` is
// GEOS's reason when already asked (villages), else it is asked here.
void check_shape(Checker& c, const char* layer, std::int64_t id, const std::string& label,
                 const MultiPolygon& shape, const std::string* known = nullptr) {
    if (shape.empty()) {
        c.error(ErrorCode::kEmptyGeometry, layer, id, "geom", label + tr("trust.shape_missing"));
        return;
    }
    const std::string problem = known != nullptr ? *known : validity_problem(shape);
    if (!problem.empty()) {
        c.error(ErrorCode::kInvalidGeometry, layer, id, "geom",
                label + tr("trust.shape_invalid", {problem}));
    }
}

void check_count(Checker& c, std::int64_t id, const std::string& label, const char* field,
                 const std::optional<std::int64_t>& value) {
    if (!value) {
        return;
    }
    const std::string problem = count_problem(*value);
    if (!problem.empty()) {
        c.error(ErrorCode::kBadValue, "villages", id, field, label + problem);
    }
}

void check_village(Checker& c, std::int64_t id, const Village& v, const std::string& validity) {
    const std::string label = tr("trust.village_label", {v.code, v.name});
    if (v.code.empty()) {
        c.error(ErrorCode::kFieldMissing, "villages", id, "code", tr("trust.code_missing"));
    }
    check_count(c, id, label, "population", v.population);
    check_count(c, id, label, "party_members", v.party_members);
    if (v.population && *v.population > kLargeVillagePopulation &&
        *v.population <= kMaxPeoplePerVillage) {
        c.warning("villages", id, "population",
                  label + tr("trust.population_large", {std::to_string(*v.population),
                                                        std::to_string(kLargeVillagePopulation)}));
    }
    if (v.population && v.party_members && *v.party_members > *v.population && *v.population >= 0) {
        c.warning("villages", id, "party_members",
                  label + tr("trust.members_above_population",
                             {std::to_string(*v.party_members), std::to_string(*v.population)}));
    }
    if (v.collective_income_wan_yuan && !std::isfinite(*v.collective_income_wan_yuan)) {
        c.error(ErrorCode::kBadValue, "villages", id, "collective_income",
                label + tr("trust.income_not_finite"));
    }
    if (v.seat && !finite(*v.seat)) {
        c.error(ErrorCode::kBadValue, "villages", id, "seat_x",
                label + tr("trust.seat_not_finite"));
    }
    check_shape(c, "villages", id, label, v.shape, &validity);
}

// A second use of a code: the first feature that had it is named.
template <typename Item, typename Code>
void check_unique(Checker& c, const char* layer, const std::vector<Item>& items,
                  const std::vector<std::int64_t>& ids, Code code_of) {
    std::unordered_map<std::string, std::int64_t> first;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string& code = code_of(items[i]);
        if (code.empty()) {
            continue;
        }
        auto [it, added] = first.emplace(code, id_of(ids, i));
        if (!added) {
            c.error(ErrorCode::kDuplicateCode, layer, id_of(ids, i), "code",
                    tr("trust.code_duplicate", {code, std::to_string(it->second)}));
        }
    }
}

void check_lines_and_points(Checker& c, const Plan& plan, const FeatureIds& ids) {
    for (std::size_t i = 0; i < plan.roads.size(); ++i) {
        const Road& r = plan.roads[i];
        if (lines_empty(r.parts)) {
            c.error(ErrorCode::kEmptyGeometry, "roads", id_of(ids.roads, i), "geom",
                    tr("trust.road_missing", {r.name}));
        } else if (!lines_finite(r.parts)) {
            c.error(ErrorCode::kInvalidGeometry, "roads", id_of(ids.roads, i), "geom",
                    tr("trust.road_not_finite", {r.name}));
        }
    }
    for (std::size_t i = 0; i < plan.sites.size(); ++i) {
        if (!finite(plan.sites[i].position)) {
            c.error(ErrorCode::kInvalidGeometry, "sites", id_of(ids.sites, i), "geom",
                    tr("trust.site_not_finite", {plan.sites[i].id}));
        }
    }
}

void check_belts(Checker& c, const Plan& plan, const FeatureIds& ids) {
    for (std::size_t i = 0; i < plan.belts.size(); ++i) {
        const Belt& b = plan.belts[i];
        const std::int64_t id = id_of(ids.belts, i);
        if (!std::isfinite(b.half_width_m) || b.half_width_m <= 0) {
            c.error(ErrorCode::kBadValue, "belts", id, "half_width_m",
                    tr("trust.half_width_bad", {b.name, number_text(b.half_width_m)}));
        }
        if (b.roads.empty()) {
            c.warning("belts", id, "roads", tr("trust.belt_no_roads", {b.name}));
        }
    }
}

}  // namespace

std::string count_problem(std::int64_t value) {
    if (value < 0) {
        return tr("trust.count_negative", {std::to_string(value)});
    }
    if (value > kMaxPeoplePerVillage) {
        return tr("trust.count_too_large",
                  {std::to_string(value), std::to_string(kMaxPeoplePerVillage)});
    }
    return "";
}

std::vector<PlanProblem> check_plan(const Plan& plan, const std::string& file,
                                    const FeatureIds& ids) {
    std::vector<PlanProblem> found;
    Checker c(file, found);
    const double reach = plan.settings.reach_m;
    if (!std::isfinite(reach) || reach <= 0) {
        c.error(ErrorCode::kBadValue, "plan_meta", -1, "reach_m",
                tr("trust.reach_bad", {number_text(reach)}));
    }
    const std::vector<std::string> validity = village_validity(plan);
    for (std::size_t i = 0; i < plan.villages.size(); ++i) {
        check_village(c, id_of(ids.villages, i), plan.villages[i], validity[i]);
    }
    check_unique(c, "villages", plan.villages, ids.villages,
                 [](const Village& v) -> const std::string& { return v.code; });
    for (std::size_t i = 0; i < plan.townships.size(); ++i) {
        // A township known by code alone is usable (villages join it by code, maps leave it
        // out); a boundary that is there must be valid.
        const Township& t = plan.townships[i];
        if (!t.shape.empty()) {
            check_shape(c, "townships", id_of(ids.townships, i),
                        tr("trust.township_label", {t.code, t.name}), t.shape);
        }
    }
    check_unique(c, "townships", plan.townships, ids.townships,
                 [](const Township& t) -> const std::string& { return t.code; });
    check_lines_and_points(c, plan, ids);
    check_belts(c, plan, ids);
    std::stable_partition(found.begin(), found.end(), [](const PlanProblem& p) { return p.error; });
    return found;
}

Status refuse_on_errors(const std::vector<PlanProblem>& problems, std::size_t max_listed) {
    std::string text;
    std::size_t errors = 0;
    bool one_code = true;
    ErrorCode code = ErrorCode::kBadValue;
    Where where;
    for (const PlanProblem& p : problems) {
        if (!p.error) {
            continue;
        }
        if (errors == 0) {
            code = p.what.code;
            where = p.what.where;
        }
        one_code = one_code && p.what.code == code;
        if (errors < max_listed) {
            text += (errors == 0 ? "" : "\n") + p.what.message;
        }
        ++errors;
    }
    if (errors == 0) {
        return Ok{};
    }
    if (errors > max_listed) {
        text += "\n" + tr("trust.more_problems", {std::to_string(errors - max_listed)});
    }
    return Error{one_code ? code : ErrorCode::kBadValue, text, where};
}

}  // namespace beltplan::core
