// suggestion_command: sites, joint organizations or work stations from a Suggestion, with
// ids kept free against the plan and against each other.
#include "analysis/apply_suggestion.h"

#include "core/joint_org_commands.h"
#include "core/site_commands.h"
#include "core/station_commands.h"

#include <map>
#include <memory>
#include <set>

namespace beltplan::analysis {

namespace {

// The first "<prefix><n>" not in `taken`, which then holds it.
std::string free_id(const std::string& prefix, std::set<std::string>& taken) {
    for (std::size_t n = 1;; ++n) {
        std::string id = prefix + std::to_string(n);
        if (taken.insert(id).second) {
            return id;
        }
    }
}

const core::Village* village_at(const core::Plan& plan, int index) {
    return index >= 0 && static_cast<std::size_t>(index) < plan.villages.size()
               ? &plan.villages[static_cast<std::size_t>(index)]
               : nullptr;
}

}  // namespace

core::CommandPtr suggestion_command(const core::Plan& plan, const Suggestion& suggestion,
                                    const std::string& label, const std::vector<int>* groups) {
    std::vector<core::CommandPtr> edits;
    std::set<std::string> site_ids;
    for (const core::Site& s : plan.sites) {
        site_ids.insert(s.id);
    }
    for (const SuggestedSite& t : suggestion.sites) {
        core::Site site;
        site.id = free_id("S", site_ids);
        const core::Village* v = village_at(plan, t.village);
        site.name = (v != nullptr ? v->name : site.id) + "示范点";
        site.village_code = v != nullptr ? v->code : "";
        site.position = t.position;
        site.level = core::SiteLevel::kTown;
        edits.push_back(std::make_unique<core::AddSite>(std::move(site)));
    }
    std::vector<int> picked;
    for (std::size_t g = 0; g < suggestion.groups.size(); ++g) {
        picked.push_back(static_cast<int>(g));
    }
    if (groups != nullptr) {
        picked.clear();
        for (int g : *groups) {
            if (g >= 0 && static_cast<std::size_t>(g) < suggestion.groups.size()) {
                picked.push_back(g);
            }
        }
    }
    const bool stations = suggestion.strategy == "stations";
    std::set<std::string> org_ids;
    for (const core::JointOrg& o : plan.joint_orgs) {
        org_ids.insert(o.id);
    }
    std::set<std::string> station_ids;
    std::set<std::string> split_towns;
    for (int g : picked) {
        split_towns.insert(suggestion.groups[static_cast<std::size_t>(g)].town_code);
    }
    for (const core::WorkStation& w : plan.work_stations) {
        if (split_towns.count(w.town_code) == 0) {
            station_ids.insert(w.id);  // the replaced ones' ids may be used again
        }
    }
    std::map<std::string, std::vector<core::WorkStation>> by_town;
    for (int g : picked) {
        const SuggestedGroup& group = suggestion.groups[static_cast<std::size_t>(g)];
        std::vector<std::string> members;
        for (int m : group.members) {
            if (const core::Village* v = village_at(plan, m)) {
                members.push_back(v->code);
            }
        }
        const core::Village* lead = village_at(plan, group.lead);
        if (stations) {
            core::WorkStation w;
            w.id = free_id("W", station_ids);
            w.town_code = group.town_code;
            w.members = std::move(members);
            w.seat_village = lead != nullptr ? lead->code : "";
            w.name = (lead != nullptr ? lead->name : w.id) + "工作站";
            by_town[w.town_code].push_back(std::move(w));
            continue;
        }
        core::JointOrg org;
        org.id = free_id("J", org_ids);
        org.mode = group.mode;
        org.members = std::move(members);
        org.lead = lead != nullptr ? lead->code : "";
        org.name = (lead != nullptr ? lead->name : org.id) + "联合党组织";
        edits.push_back(std::make_unique<core::CreateJointOrg>(std::move(org)));
    }
    for (auto& [town, list] : by_town) {
        edits.push_back(std::make_unique<core::ReplaceWorkStations>(town, std::move(list)));
    }
    return std::make_unique<core::GroupCommand>(label, std::move(edits));
}

}  // namespace beltplan::analysis
