// ReplaceWorkStations: validation, then the township's stations swapped; revert puts the old
// ones back where they were.
#include "core/station_commands.h"

#include <algorithm>
#include <set>

namespace beltplan::core {

namespace {

constexpr const char* kLayer = "work_stations";

Error bad_station(const std::string& field, const std::string& what) {
    return make_error(ErrorCode::kBadValue, {"", kLayer, -1, field}, what);
}

ChangeSet station_change(const std::vector<WorkStation>& a, const std::vector<WorkStation>& b) {
    ChangeSet c;
    for (const auto* list : {&a, &b}) {
        for (const WorkStation& s : *list) {
            for (const std::string& code : s.members) {
                add_unique(c.villages, code);
            }
        }
    }
    c.layers.push_back(kLayer);
    return c;
}

}  // namespace

Result<ChangeSet> ReplaceWorkStations::apply(Plan& plan) {
    const bool known_town =
        std::any_of(plan.townships.begin(), plan.townships.end(),
                    [&](const Township& t) { return t.code == town_code_; }) ||
        std::any_of(plan.villages.begin(), plan.villages.end(),
                    [&](const Village& v) { return v.town_code == town_code_; });
    if (!known_town) {
        return unknown_reference(kLayer, "town_code", "township", town_code_);
    }
    std::set<std::string> ids;
    for (const WorkStation& s : plan.work_stations) {
        if (s.town_code != town_code_) {
            ids.insert(s.id);
        }
    }
    for (const WorkStation& s : stations_) {
        if (s.town_code != town_code_) {
            return bad_station("town_code", "station '" + s.id + "' belongs to township " +
                                                s.town_code + ", not " + town_code_ + ".");
        }
        if (s.id.empty() || !ids.insert(s.id).second) {
            return bad_station("id", "station id '" + s.id + "' is empty or already used.");
        }
        for (const std::string& code : s.members) {
            if (!has_village(plan, code)) {
                return unknown_reference(kLayer, "members", "village", code);
            }
        }
        if (!s.seat_village.empty() && !has_village(plan, s.seat_village)) {
            return unknown_reference(kLayer, "seat_village", "village", s.seat_village);
        }
    }
    replaced_.clear();
    replaced_at_.clear();
    std::vector<WorkStation> kept;
    for (std::size_t i = 0; i < plan.work_stations.size(); ++i) {
        if (plan.work_stations[i].town_code == town_code_) {
            replaced_.push_back(plan.work_stations[i]);
            replaced_at_.push_back(i);
        } else {
            kept.push_back(plan.work_stations[i]);
        }
    }
    kept.insert(kept.end(), stations_.begin(), stations_.end());
    plan.work_stations = std::move(kept);
    return station_change(replaced_, stations_);
}

ChangeSet ReplaceWorkStations::revert(Plan& plan) {
    std::vector<WorkStation> others;
    for (const WorkStation& s : plan.work_stations) {
        if (s.town_code != town_code_) {
            others.push_back(s);
        }
    }
    // Interleave the kept stations and the replaced ones back at their old indices.
    std::vector<WorkStation> restored;
    std::size_t next_other = 0;
    std::size_t next_old = 0;
    const std::size_t total = others.size() + replaced_.size();
    for (std::size_t i = 0; i < total; ++i) {
        if (next_old < replaced_.size() && replaced_at_[next_old] == i) {
            restored.push_back(replaced_[next_old++]);
        } else {
            restored.push_back(others[next_other++]);
        }
    }
    plan.work_stations = std::move(restored);
    return station_change(stations_, replaced_);
}

}  // namespace beltplan::core
