// Plan comparison: each plan measured on its own (or on shared settings), then matched item by
// item. Sections: [SIDES] reach and totals, [GROUPS] joint organizations, [VILLAGES],
// [SITES], [BELTS], then compare_plans.
#include "analysis/compare.h"

#include "analysis/plan_analysis.h"
#include "core/geometry.h"

#include <algorithm>
#include <deque>
#include <iterator>
#include <map>
#include <memory>
#include <tuple>
#include <unordered_map>

namespace beltplan::analysis {

namespace {

// [SIDES] ------------------------------------------------------------------------------------

struct Side {
    PlanSummary summary;
    std::unique_ptr<PlanAnalysis> analysis;
    const CoverageReport& coverage() const { return analysis->coverage(); }
    const std::vector<Reach>& reach() const { return analysis->reach(); }
};

Side measure(const core::Plan& plan, const CompareOptions& options) {
    Side s;
    AnalysisOptions settings;
    settings.radius_m = options.radius_m.value_or(plan.settings.reach_m);
    settings.distance = options.distance.value_or(plan.settings.distance);
    s.analysis = std::make_unique<PlanAnalysis>(plan, settings);
    PlanSummary& p = s.summary;
    p.name = plan.name;
    p.radius_m = s.analysis->radius_m();
    p.distance = s.analysis->distance();
    p.roads_missing = s.analysis->problem().has_value();
    p.sites = static_cast<std::int64_t>(plan.sites.size());
    p.total = s.coverage().total;
    p.joint_orgs = static_cast<std::int64_t>(plan.joint_orgs.size());
    for (const JointOrgCheck& check : s.analysis->org_checks()) {
        p.valid_joint_orgs += check.valid ? 1 : 0;
    }
    p.belts = static_cast<std::int64_t>(plan.belts.size());
    return s;
}

std::vector<TownshipComparison> compare_townships(const core::Plan& a, const Side& sa,
                                                  const core::Plan& b, const Side& sb) {
    std::map<std::string, TownshipComparison> towns;
    for (const auto* plan : {&a, &b}) {
        for (const core::Township& t : plan->townships) {
            towns[t.code].name = t.name;  // B's name wins when both have the township
        }
    }
    for (const CoverageCount& c : sa.coverage().by_township) {
        TownshipComparison& t = towns[c.key];
        t.villages_a = c.villages;
        t.covered_a = c.covered;
    }
    for (const CoverageCount& c : sb.coverage().by_township) {
        TownshipComparison& t = towns[c.key];
        t.villages_b = c.villages;
        t.covered_b = c.covered;
    }
    std::vector<TownshipComparison> out;
    for (auto& [code, t] : towns) {
        t.code = code;
        if (t.name.empty()) {
            t.name = code;  // a code no township layer names
        }
        out.push_back(std::move(t));
    }
    return out;
}

// [GROUPS] -----------------------------------------------------------------------------------

using MemberSet = std::vector<std::string>;

MemberSet member_set(const core::JointOrg& org) {
    MemberSet m = org.members;
    std::sort(m.begin(), m.end());
    m.erase(std::unique(m.begin(), m.end()), m.end());
    return m;
}

// For each org of `a` the index of its counterpart in `b`, or -1: the same member set first
// (the same id preferred among equal sets), then the same non-empty id.
std::vector<int> match_orgs(const core::Plan& a, const core::Plan& b) {
    const std::size_t na = a.joint_orgs.size();
    const std::size_t nb = b.joint_orgs.size();
    std::vector<int> match(na, -1);
    std::vector<bool> taken(nb, false);
    std::vector<MemberSet> sets_b(nb);
    for (std::size_t j = 0; j < nb; ++j) {
        sets_b[j] = member_set(b.joint_orgs[j]);
    }
    auto pass = [&](auto&& fits) {
        for (std::size_t i = 0; i < na; ++i) {
            const MemberSet set_a = member_set(a.joint_orgs[i]);
            for (std::size_t j = 0; j < nb && match[i] < 0; ++j) {
                if (!taken[j] && fits(a.joint_orgs[i], set_a, b.joint_orgs[j], sets_b[j])) {
                    match[i] = static_cast<int>(j);
                    taken[j] = true;
                }
            }
        }
    };
    pass([](const core::JointOrg& x, const MemberSet& sx, const core::JointOrg& y,
            const MemberSet& sy) { return sx == sy && x.id == y.id; });
    pass([](const core::JointOrg&, const MemberSet& sx, const core::JointOrg&,
            const MemberSet& sy) { return sx == sy; });
    pass([](const core::JointOrg& x, const MemberSet&, const core::JointOrg& y, const MemberSet&) {
        return !x.id.empty() && x.id == y.id;
    });
    return match;
}

// Per village code: the orgs it belongs to, as indices in plan.joint_orgs.
std::unordered_map<std::string, std::vector<int>> memberships(const core::Plan& plan) {
    std::unordered_map<std::string, std::vector<int>> out;
    for (std::size_t i = 0; i < plan.joint_orgs.size(); ++i) {
        for (const std::string& code : member_set(plan.joint_orgs[i])) {
            out[code].push_back(static_cast<int>(i));
        }
    }
    return out;
}

std::vector<OrgRef> org_refs(const core::Plan& plan, const std::vector<int>& orgs) {
    std::vector<OrgRef> out;
    for (int i : orgs) {
        const core::JointOrg& o = plan.joint_orgs[static_cast<std::size_t>(i)];
        out.push_back({o.id, o.name});
    }
    std::stable_sort(out.begin(), out.end(), [](const OrgRef& x, const OrgRef& y) {
        return std::tie(x.id, x.name) < std::tie(y.id, y.name);
    });
    return out;
}

// True when the village's orgs in B are not the counterparts of its orgs in A.
bool regrouped(const std::vector<int>& in_a, const std::vector<int>& in_b,
               const std::vector<int>& match) {
    std::vector<int> mapped;
    for (int i : in_a) {
        mapped.push_back(match[static_cast<std::size_t>(i)]);
    }
    std::vector<int> sorted_b = in_b;
    std::sort(mapped.begin(), mapped.end());
    std::sort(sorted_b.begin(), sorted_b.end());
    return mapped != sorted_b;  // an unmatched org of A maps to -1, never in B's list
}

bool org_less(const core::JointOrg& x, const core::JointOrg& y) {
    return std::tie(x.id, x.name) < std::tie(y.id, y.name);
}

void compare_orgs(const core::Plan& a, const core::Plan& b, const std::vector<int>& match,
                  PlanComparison& out) {
    std::vector<bool> taken(b.joint_orgs.size(), false);
    for (std::size_t i = 0; i < match.size(); ++i) {
        const core::JointOrg& x = a.joint_orgs[i];
        if (match[i] < 0) {
            out.orgs_removed.push_back(x);
            continue;
        }
        taken[static_cast<std::size_t>(match[i])] = true;
        const core::JointOrg& y = b.joint_orgs[static_cast<std::size_t>(match[i])];
        const MemberSet mx = member_set(x);
        const MemberSet my = member_set(y);
        OrgChange c{x, y, {}, {}, x.lead != y.lead, x.mode != y.mode};
        std::set_difference(my.begin(), my.end(), mx.begin(), mx.end(),
                            std::back_inserter(c.joined));
        std::set_difference(mx.begin(), mx.end(), my.begin(), my.end(), std::back_inserter(c.left));
        if (!c.joined.empty() || !c.left.empty() || c.lead_changed || c.mode_changed) {
            out.orgs_changed.push_back(std::move(c));
        }
    }
    for (std::size_t j = 0; j < taken.size(); ++j) {
        if (!taken[j]) {
            out.orgs_added.push_back(b.joint_orgs[j]);
        }
    }
    std::stable_sort(out.orgs_added.begin(), out.orgs_added.end(), org_less);
    std::stable_sort(out.orgs_removed.begin(), out.orgs_removed.end(), org_less);
    std::stable_sort(out.orgs_changed.begin(), out.orgs_changed.end(),
                     [](const OrgChange& x, const OrgChange& y) { return org_less(x.b, y.b); });
}

// [VILLAGES] ---------------------------------------------------------------------------------

VillageChange change_of(const VillageComparison& v) {
    if (v.index_b < 0) {
        return VillageChange::kOnlyA;
    }
    if (v.index_a < 0) {
        return VillageChange::kOnlyB;
    }
    if (!v.covered_a && v.covered_b) {
        return VillageChange::kGained;
    }
    if (v.covered_a && !v.covered_b) {
        return VillageChange::kLost;
    }
    return v.regrouped ? VillageChange::kRegrouped : VillageChange::kSame;
}

void compare_villages(const core::Plan& a, const Side& sa, const core::Plan& b, const Side& sb,
                      const std::vector<int>& org_match, PlanComparison& out) {
    // Code -> first index in each plan; a repeated code is one village (the file's first).
    std::map<std::string, std::pair<int, int>> codes;
    for (std::size_t i = 0; i < a.villages.size(); ++i) {
        int& at = codes.try_emplace(a.villages[i].code, -1, -1).first->second.first;
        at = at < 0 ? static_cast<int>(i) : at;
    }
    for (std::size_t i = 0; i < b.villages.size(); ++i) {
        int& at = codes.try_emplace(b.villages[i].code, -1, -1).first->second.second;
        at = at < 0 ? static_cast<int>(i) : at;
    }
    const auto groups_a = memberships(a);
    const auto groups_b = memberships(b);
    const std::vector<int> none;
    auto find = [&none](const auto& groups, const std::string& code) -> const std::vector<int>& {
        auto it = groups.find(code);
        return it == groups.end() ? none : it->second;
    };
    for (const auto& [code, at] : codes) {
        VillageComparison v;
        v.code = code;
        v.index_a = at.first;
        v.index_b = at.second;
        const core::Village& named = at.second >= 0
                                         ? b.villages[static_cast<std::size_t>(at.second)]
                                         : a.villages[static_cast<std::size_t>(at.first)];
        v.name = named.name;
        v.town_code = named.town_code;
        if (at.first >= 0) {
            v.distance_a_m = sa.reach()[static_cast<std::size_t>(at.first)].distance_m;
            v.covered_a = v.distance_a_m <= sa.summary.radius_m;
        }
        if (at.second >= 0) {
            v.distance_b_m = sb.reach()[static_cast<std::size_t>(at.second)].distance_m;
            v.covered_b = v.distance_b_m <= sb.summary.radius_m;
        }
        const std::vector<int>& in_a = at.first >= 0 ? find(groups_a, code) : none;
        const std::vector<int>& in_b = at.second >= 0 ? find(groups_b, code) : none;
        v.orgs_a = org_refs(a, in_a);
        v.orgs_b = org_refs(b, in_b);
        v.regrouped = at.first >= 0 && at.second >= 0 && regrouped(in_a, in_b, org_match);
        v.status = change_of(v);
        out.common_villages += at.first >= 0 && at.second >= 0 ? 1 : 0;
        out.villages.push_back(std::move(v));
    }
    std::unordered_map<std::string, VillageChange> by_code;
    for (const VillageComparison& v : out.villages) {
        by_code.emplace(v.code, v.status);
    }
    for (const core::Village& v : a.villages) {
        out.status_for_a.push_back(by_code.at(v.code));
    }
    for (const core::Village& v : b.villages) {
        out.status_for_b.push_back(by_code.at(v.code));
    }
}

// [SITES] ------------------------------------------------------------------------------------

void compare_sites(const core::Plan& a, const core::Plan& b, PlanComparison& out) {
    // Site id -> indices in A not yet matched; a repeated id pairs up in file order.
    std::map<std::string, std::deque<std::size_t>> in_a;
    for (std::size_t i = 0; i < a.sites.size(); ++i) {
        in_a[a.sites[i].id].push_back(i);
    }
    for (const core::Site& s : b.sites) {
        auto it = in_a.find(s.id);
        if (it == in_a.end() || it->second.empty()) {
            out.sites_added.push_back({s.id, s.name, s.position});
            continue;
        }
        const core::Site& old = a.sites[it->second.front()];
        it->second.pop_front();
        const double moved = core::distance_m(old.position, s.position);
        if (moved > kSiteMovedM) {
            out.sites_moved.push_back({s.id, s.name, old.position, s.position, moved});
        }
    }
    for (const auto& [id, left] : in_a) {
        for (std::size_t i : left) {
            out.sites_removed.push_back({id, a.sites[i].name, a.sites[i].position});
        }
    }
    auto by_id = [](const auto& x, const auto& y) {
        return std::tie(x.id, x.name) < std::tie(y.id, y.name);
    };
    std::stable_sort(out.sites_added.begin(), out.sites_added.end(), by_id);
    std::stable_sort(out.sites_removed.begin(), out.sites_removed.end(), by_id);
    std::stable_sort(out.sites_moved.begin(), out.sites_moved.end(), by_id);
}

// [BELTS] ------------------------------------------------------------------------------------

BeltSide belt_side(const BeltResult& r) {
    return BeltSide{true, r.site_count(), r.road_length_m, r.largest_gap.length_m(),
                    r.reach_share()};
}

void compare_belts(const core::Plan& a, const Side& sa, const core::Plan& b, const Side& sb,
                   PlanComparison& out) {
    std::vector<int> match(a.belts.size(), -1);
    std::vector<bool> taken(b.belts.size(), false);
    auto pass = [&](bool by_id) {
        for (std::size_t i = 0; i < a.belts.size(); ++i) {
            const std::string& key = by_id ? a.belts[i].id : a.belts[i].name;
            for (std::size_t j = 0; j < b.belts.size() && match[i] < 0 && !key.empty(); ++j) {
                if (!taken[j] && key == (by_id ? b.belts[j].id : b.belts[j].name)) {
                    match[i] = static_cast<int>(j);
                    taken[j] = true;
                }
            }
        }
    };
    pass(true);
    pass(false);
    for (std::size_t i = 0; i < a.belts.size(); ++i) {
        BeltComparison c;
        const core::Belt& named =
            match[i] >= 0 ? b.belts[static_cast<std::size_t>(match[i])] : a.belts[i];
        c.id = named.id;
        c.name = named.name;
        c.a = belt_side(sa.analysis->belts()[i]);
        if (match[i] >= 0) {
            c.b = belt_side(sb.analysis->belts()[static_cast<std::size_t>(match[i])]);
        }
        out.belts.push_back(std::move(c));
    }
    for (std::size_t j = 0; j < b.belts.size(); ++j) {
        if (!taken[j]) {
            out.belts.push_back(BeltComparison{b.belts[j].id, b.belts[j].name, BeltSide{},
                                               belt_side(sb.analysis->belts()[j])});
        }
    }
    std::stable_sort(out.belts.begin(), out.belts.end(),
                     [](const BeltComparison& x, const BeltComparison& y) {
                         return std::tie(x.id, x.name) < std::tie(y.id, y.name);
                     });
}

}  // namespace

const char* to_code(VillageChange change) {
    switch (change) {
        case VillageChange::kSame:
            return "same";
        case VillageChange::kGained:
            return "gained";
        case VillageChange::kLost:
            return "lost";
        case VillageChange::kRegrouped:
            return "regrouped";
        case VillageChange::kOnlyA:
            return "only_a";
        case VillageChange::kOnlyB:
            return "only_b";
    }
    return "same";
}

PlanComparison compare_plans(const core::Plan& a, const core::Plan& b,
                             const CompareOptions& options) {
    const Side sa = measure(a, options);
    const Side sb = measure(b, options);
    PlanComparison out;
    out.a = sa.summary;
    out.b = sb.summary;
    out.settings_differ = !(a.settings == b.settings);
    out.by_township = compare_townships(a, sa, b, sb);
    const std::vector<int> org_match = match_orgs(a, b);
    compare_villages(a, sa, b, sb, org_match, out);
    compare_sites(a, b, out);
    compare_orgs(a, b, org_match, out);
    compare_belts(a, sa, b, sb, out);
    return out;
}

}  // namespace beltplan::analysis
