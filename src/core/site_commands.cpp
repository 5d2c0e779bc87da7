// Site and settings commands: validation first, then the edit, keeping what it replaced.
#include "core/site_commands.h"

#include <algorithm>
#include <cmath>

namespace beltplan::core {

namespace {

ChangeSet site_change(const std::string& id, const std::string& village_code) {
    ChangeSet c;
    c.sites.push_back(id);
    if (!village_code.empty()) {
        c.villages.push_back(village_code);
    }
    c.layers.push_back("sites");
    return c;
}

Error bad_position(const std::string& id) {
    return make_error(ErrorCode::kBadValue, {"", "sites", -1, "position"},
                      "the position of site '" + id + "' is not a finite point.");
}

// The extra field names the sites carry, first-seen order, all null: what a site without
// them reads back as from the plan file, so an added site saves and loads unchanged.
ExtraFields null_extra_fields(const std::vector<Site>& sites) {
    ExtraFields fields;
    for (const Site& s : sites) {
        for (const ExtraField& f : s.extra) {
            const bool seen = std::any_of(fields.begin(), fields.end(),
                                          [&f](const ExtraField& g) { return g.name == f.name; });
            if (!seen) {
                fields.push_back({f.name, FieldValue::null()});
            }
        }
    }
    return fields;
}

bool finite(const PointM& p) {
    return std::isfinite(p.x) && std::isfinite(p.y);
}

}  // namespace

// ------------------------------------------------------------------------------------------
// Sites

Result<ChangeSet> AddSite::apply(Plan& plan) {
    if (site_.id.empty()) {
        return make_error(ErrorCode::kBadValue, {"", "sites", -1, "id"},
                          "the new site has no id; give it one.");
    }
    if (find_site(plan, site_.id) >= 0) {
        return make_error(ErrorCode::kDuplicateCode, {"", "sites", -1, "id"},
                          "a site with id '" + site_.id + "' already exists.");
    }
    if (!finite(site_.position)) {
        return bad_position(site_.id);
    }
    if (!site_.village_code.empty() && !has_village(plan, site_.village_code)) {
        return unknown_reference("sites", "village_code", "village", site_.village_code);
    }
    plan.sites.push_back(site_);
    if (site_.extra.empty()) {
        plan.sites.back().extra = null_extra_fields(plan.sites);
    }
    return site_change(site_.id, site_.village_code);
}

ChangeSet AddSite::revert(Plan& plan) {
    const int i = find_site(plan, site_.id);
    if (i >= 0) {
        plan.sites.erase(plan.sites.begin() + i);
    }
    return site_change(site_.id, site_.village_code);
}

Result<ChangeSet> MoveSite::apply(Plan& plan) {
    const int i = find_site(plan, id_);
    if (i < 0) {
        return unknown_reference("sites", "id", "site", id_);
    }
    if (!finite(to_)) {
        return bad_position(id_);
    }
    Site& site = plan.sites[static_cast<std::size_t>(i)];
    from_ = site.position;
    site.position = to_;
    return site_change(id_, "");
}

ChangeSet MoveSite::revert(Plan& plan) {
    const int i = find_site(plan, id_);
    if (i >= 0) {
        plan.sites[static_cast<std::size_t>(i)].position = from_;
    }
    return site_change(id_, "");
}

bool MoveSite::merge(const Command& next) {
    const auto* move = dynamic_cast<const MoveSite*>(&next);
    if (move == nullptr || move->id_ != id_) {
        return false;
    }
    to_ = move->to_;
    return true;
}

Result<ChangeSet> RemoveSite::apply(Plan& plan) {
    const int i = find_site(plan, id_);
    if (i < 0) {
        return unknown_reference("sites", "id", "site", id_);
    }
    index_ = static_cast<std::size_t>(i);
    removed_ = plan.sites[index_];
    plan.sites.erase(plan.sites.begin() + i);
    return site_change(id_, removed_.village_code);
}

ChangeSet RemoveSite::revert(Plan& plan) {
    plan.sites.insert(plan.sites.begin() + static_cast<std::ptrdiff_t>(index_), removed_);
    return site_change(id_, removed_.village_code);
}

Result<ChangeSet> SetSiteFields::apply(Plan& plan) {
    const int i = find_site(plan, id_);
    if (i < 0) {
        return unknown_reference("sites", "id", "site", id_);
    }
    if (fields_.village_code && !fields_.village_code->empty() &&
        !has_village(plan, *fields_.village_code)) {
        return unknown_reference("sites", "village_code", "village", *fields_.village_code);
    }
    Site& site = plan.sites[static_cast<std::size_t>(i)];
    before_ = site;
    site.name = fields_.name.value_or(site.name);
    site.level = fields_.level.value_or(site.level);
    site.theme = fields_.theme.value_or(site.theme);
    site.village_code = fields_.village_code.value_or(site.village_code);
    ChangeSet c = site_change(id_, before_.village_code);
    add_unique(c.villages, site.village_code);
    c.villages.erase(std::remove(c.villages.begin(), c.villages.end(), ""), c.villages.end());
    return c;
}

ChangeSet SetSiteFields::revert(Plan& plan) {
    const int i = find_site(plan, id_);
    ChangeSet c = site_change(id_, before_.village_code);
    if (i >= 0) {
        Site& site = plan.sites[static_cast<std::size_t>(i)];
        if (!site.village_code.empty()) {
            add_unique(c.villages, site.village_code);
        }
        site = before_;
    }
    return c;
}

}  // namespace beltplan::core
