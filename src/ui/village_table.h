// The village table: every village with its township, values, distance to the nearest site,
// coverage, joint organizations and belts; filtered as the planner types a name or code,
// sorted by any column, multi-selected (Shift/Ctrl-click) in step with the map, and edited in
// place as undoable commands. A missing value is shown as missing, never as 0.
#pragma once

#include "analysis/belts.h"
#include "core/command.h"
#include "core/plan.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace beltplan::ui {

enum class VillageColumn {
    kName,
    kCode,
    kTownship,
    kPopulation,
    kPartyMembers,
    kIncome,
    kKind,
    kDistance,
    kCovered,
    kJointOrg,
    kBelt,
};
inline constexpr int kVillageColumns = 11;

// What the table reads; the pointers are borrowed for the call.
struct VillageTableInputs {
    const core::Plan* plan = nullptr;
    // Distance from village i to its nearest site in metres (+inf when none reaches it);
    // empty when no coverage is known.
    std::function<double(std::size_t)> distance_m;
    double reach_m = 0.0;
    const std::vector<analysis::BeltResult>* belts = nullptr;  // may be null
    // Grows whenever the plan or the analysis changed; the table re-reads names, groups and
    // belts and sorts again when it does.
    std::size_t version = 0;
};

// What the planner asked for in this frame.
struct VillageTableOutput {
    std::vector<core::CommandPtr> commands;  // value edits, to apply in order
    bool selection_changed = false;
    std::optional<int> fly_to;  // village to bring into view (a plain click)
    std::string error;          // a typed value that is not a number, in one sentence
};

class VillageTable {
public:
    // Re-reads the plan and analysis when `in.version` changed (or the first time).
    void refresh(const VillageTableInputs& in);

    // Rows whose name or code contains `text` (Latin letters in any case); "" shows all.
    void set_filter(const std::string& text);
    const std::string& filter() const { return filter_; }
    // Sorts the rows by a column; missing values last in either direction, ties by code.
    void sort_by(VillageColumn column, bool ascending);
    // Village indices shown, in display order.
    const std::vector<int>& rows() const { return rows_; }

    // A click on a row: alone selects only it; with Ctrl adds or removes it; with Shift
    // selects the shown rows from the last clicked one to it (with Ctrl as well: adds them).
    void click(int village, bool shift, bool ctrl);
    // Replaces the selection (a rectangle drawn on the map, a click on the map).
    void select(std::vector<int> villages);
    // Follows the map: when the map's selected village changed since the last call, the table
    // selects it alone and scrolls it into view (-1: the map selects nothing).
    void follow_map(int map_selected);
    const std::vector<int>& selection() const { return selection_; }
    bool is_selected(int village) const;
    // The village the planner clicked last (-1 when none).
    int primary() const { return primary_; }

    // The cell text of a village, as drawn ("" for a missing value's place is never used:
    // missing values read as the catalogue's "missing").
    std::string cell_text(int village, VillageColumn column) const;
    // True when the column's value of that village is missing.
    bool missing(int village, VillageColumn column) const;
    // A command setting a column of a village from typed text ("" = missing); nullopt with
    // `error` set when the text is not a value of that column. Only name, population, party
    // members, income and kind are editable.
    std::optional<core::CommandPtr> edit_command(int village, VillageColumn column,
                                                 const std::string& text, std::string& error) const;
    static bool editable(VillageColumn column);

    // Draws the filter field and the table into the current window.
    void draw(const VillageTableInputs& in, VillageTableOutput& out);
    // Puts the keyboard into the filter field next frame (Ctrl+F).
    void focus_filter() { focus_filter_ = true; }

private:
    void apply_filter_and_sort();
    double number(int village, VillageColumn column) const;  // NaN when missing
    void draw_row(int village, VillageTableOutput& out);
    void draw_cell(int village, VillageColumn column, VillageTableOutput& out);
    void draw_editor(int village, VillageColumn column, VillageTableOutput& out);

    VillageTableInputs in_;
    std::size_t version_ = static_cast<std::size_t>(-1);
    std::unordered_map<std::string, std::string> township_names_;  // code -> name
    std::vector<std::string> orgs_;                                // per village
    std::vector<std::string> belt_names_;                          // per village
    std::string filter_;
    VillageColumn sort_column_ = VillageColumn::kCode;
    bool ascending_ = true;
    std::vector<int> rows_;
    std::vector<int> selection_;  // sorted village indices
    int primary_ = -1;
    int anchor_ = -1;  // where a Shift-click range starts
    int followed_ = -1;
    bool scroll_to_primary_ = false;
    bool focus_filter_ = false;
    // The cell being edited: village, column, text typed so far.
    int edit_village_ = -1;
    VillageColumn edit_column_ = VillageColumn::kName;
    std::string edit_text_;
    bool edit_focus_ = false;
};

}  // namespace beltplan::ui
