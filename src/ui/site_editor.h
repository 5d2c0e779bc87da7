// The inspector's site fields: name, level, theme, the village it belongs to and its position;
// a committed change of any of them is one undoable command.
#pragma once

#include "core/command.h"
#include "core/plan.h"

#include <string>
#include <vector>

namespace beltplan::ui {

class SiteEditor {
public:
    // Draws the fields of site `id` into the current window and appends a command for each
    // field the planner committed (Enter, or leaving the field after a change). With
    // `focus_name` the name field takes the keyboard (a site just added). Returns false when
    // the plan has no such site.
    bool draw(const core::Plan& plan, const std::string& id, std::vector<core::CommandPtr>& out,
              bool focus_name = false);
    // Why the last typed value was refused ("" when it was not).
    const std::string& error() const { return error_; }

private:
    void load(const core::Site& site);
    void draw_text_fields(const core::Site& site, std::vector<core::CommandPtr>& out,
                          bool focus_name);
    void draw_village(const core::Plan& plan, const core::Site& site,
                      std::vector<core::CommandPtr>& out);
    void draw_position(const core::Site& site, std::vector<core::CommandPtr>& out);

    std::string site_;  // the site the buffers hold
    char name_[256] = "";
    char theme_[256] = "";
    char village_[64] = "";
    double x_ = 0.0;
    double y_ = 0.0;
    std::string error_;
};

}  // namespace beltplan::ui
