// Commands on demonstration sites: add, move, remove, edit. Each names its site by id and keeps
// the values it replaced. The settings coverage depends on are in settings_commands.h.
#pragma once

#include "core/command.h"

#include <optional>
#include <string>

namespace beltplan::core {

// Appends a site. Refused: empty or taken id, non-finite position, unknown village_code.
// A site given without extra fields gets the extra field names of the plan's sites as nulls,
// as the plan file reads it back.
class AddSite : public Command {
public:
    explicit AddSite(Site site) : site_(std::move(site)) {}
    Result<ChangeSet> apply(Plan& plan) override;
    ChangeSet revert(Plan& plan) override;
    std::string label() const override { return "Add site " + site_.id; }

private:
    Site site_;
};

// Moves a site to `to`. Consecutive moves of one site (a drag) merge into one entry.
class MoveSite : public Command {
public:
    MoveSite(std::string id, PointM to) : id_(std::move(id)), to_(to) {}
    Result<ChangeSet> apply(Plan& plan) override;
    ChangeSet revert(Plan& plan) override;
    std::string label() const override { return "Move site " + id_; }
    bool merge(const Command& next) override;

private:
    std::string id_;
    PointM to_;
    PointM from_;
};

// Removes a site; revert puts it back at the same position in plan.sites.
class RemoveSite : public Command {
public:
    explicit RemoveSite(std::string id) : id_(std::move(id)) {}
    Result<ChangeSet> apply(Plan& plan) override;
    ChangeSet revert(Plan& plan) override;
    std::string label() const override { return "Remove site " + id_; }

private:
    std::string id_;
    std::size_t index_ = 0;
    Site removed_;
};

// The editable attributes of a site; unset ones are left as they are.
struct SiteFields {
    std::optional<std::string> name;
    std::optional<SiteLevel> level;
    std::optional<std::string> theme;
    std::optional<std::string> village_code;  // "" unlinks the site from its village
};

// Sets name, level, theme or village of a site. Refused: unknown id, unknown village_code.
class SetSiteFields : public Command {
public:
    SetSiteFields(std::string id, SiteFields fields)
        : id_(std::move(id)), fields_(std::move(fields)) {}
    Result<ChangeSet> apply(Plan& plan) override;
    ChangeSet revert(Plan& plan) override;
    std::string label() const override { return "Edit site " + id_; }

private:
    std::string id_;
    SiteFields fields_;
    Site before_;
};

}  // namespace beltplan::core
