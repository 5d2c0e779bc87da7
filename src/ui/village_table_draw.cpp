// VillageTable's ImGui part: the filter field, the sortable table (only the rows on screen are
// drawn), clicks with Shift/Ctrl, and the in-place editor of a cell (double-click).
#include "core/messages.h"
#include "core/village_commands.h"
#include "ui/editor.h"
#include "ui/village_table.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace beltplan::ui {

namespace {

struct ColumnSpec {
    VillageColumn column;
    const char* key;
    float width_px;
};

const ColumnSpec kColumns[kVillageColumns] = {
    {VillageColumn::kName, "window.col_name", 110.f},
    {VillageColumn::kCode, "window.col_code", 112.f},
    {VillageColumn::kTownship, "window.col_township", 90.f},
    {VillageColumn::kPopulation, "window.col_population", 64.f},
    {VillageColumn::kPartyMembers, "window.col_party_members", 56.f},
    {VillageColumn::kIncome, "window.col_income", 72.f},
    {VillageColumn::kKind, "window.col_kind", 60.f},
    {VillageColumn::kDistance, "window.col_distance", 76.f},
    {VillageColumn::kCovered, "window.col_covered", 44.f},
    {VillageColumn::kJointOrg, "window.col_joint_org", 140.f},
    {VillageColumn::kBelt, "window.col_belt", 90.f},
};

const core::VillageKind kKinds[] = {core::VillageKind::kUnknown, core::VillageKind::kHub,
                                    core::VillageKind::kTidal, core::VillageKind::kBasic,
                                    core::VillageKind::kHollow};
const char* const kKindKeys[] = {"window.missing", "window.kind_hub", "window.kind_tidal",
                                 "window.kind_basic", "window.kind_hollow"};

// The column under the mouse in the current table, -1 when none.
int hovered_column() {
    for (int c = 0; c < kVillageColumns; ++c) {
        if ((ImGui::TableGetColumnFlags(c) & ImGuiTableColumnFlags_IsHovered) != 0) {
            return c;
        }
    }
    return -1;
}

}  // namespace

void VillageTable::draw(const VillageTableInputs& in, VillageTableOutput& out) {
    refresh(in);
    const core::Plan& plan = *in.plan;
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, "%s", filter_.c_str());
    if (focus_filter_) {
        ImGui::SetKeyboardFocusHere();
        focus_filter_ = false;
    }
    ImGui::SetNextItemWidth(std::max(120.f, ImGui::GetContentRegionAvail().x - 110.f));
    if (ImGui::InputTextWithHint("##village_filter", core::tr("window.filter_hint").c_str(), buffer,
                                 sizeof buffer)) {
        set_filter(buffer);
    }
    note_item("villages.filter");
    ImGui::SameLine();
    ImGui::TextDisabled("%zu / %zu", rows_.size(), plan.villages.size());
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollX |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_Hideable | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("##villages", kVillageColumns, flags)) {
        return;
    }
    ImGui::TableSetupScrollFreeze(1, 1);
    for (const ColumnSpec& c : kColumns) {
        ImGuiTableColumnFlags column_flags = ImGuiTableColumnFlags_WidthFixed;
        if (c.column == VillageColumn::kCode) {
            column_flags |= ImGuiTableColumnFlags_DefaultSort;
        }
        const std::string label = core::tr(c.key) + "###" + c.key;
        ImGui::TableSetupColumn(label.c_str(), column_flags, c.width_px,
                                static_cast<ImGuiID>(c.column));
    }
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
        specs != nullptr && specs->SpecsDirty) {
        if (specs->SpecsCount > 0) {
            sort_by(static_cast<VillageColumn>(specs->Specs[0].ColumnUserID),
                    specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending);
        }
        specs->SpecsDirty = false;
    }
    int scroll_row = -1;
    if (scroll_to_primary_) {
        const auto found = std::find(rows_.begin(), rows_.end(), primary_);
        scroll_row = found == rows_.end() ? -1 : static_cast<int>(found - rows_.begin());
        scroll_to_primary_ = false;
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows_.size()));
    if (scroll_row >= 0) {
        clipper.ForceDisplayRangeByIndices(scroll_row, scroll_row + 1);
    }
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            draw_row(rows_[static_cast<std::size_t>(r)], out);
            if (r == scroll_row) {
                ImGui::SetScrollHereY(0.5f);
            }
        }
    }
    ImGui::EndTable();
}

void VillageTable::draw_row(int village, VillageTableOutput& out) {
    const core::Village& v = in_.plan->villages[static_cast<std::size_t>(village)];
    ImGui::TableNextRow();
    ImGui::PushID(village);
    for (const ColumnSpec& c : kColumns) {
        ImGui::TableNextColumn();
        if (edit_village_ == village && edit_column_ == c.column) {
            draw_editor(village, c.column, out);
            continue;
        }
        if (c.column != VillageColumn::kName) {
            draw_cell(village, c.column, out);
            continue;
        }
        const ImGuiSelectableFlags flags = ImGuiSelectableFlags_SpanAllColumns |
                                           ImGuiSelectableFlags_AllowItemOverlap |
                                           ImGuiSelectableFlags_AllowDoubleClick;
        const bool clicked = ImGui::Selectable(v.name.c_str(), is_selected(village), flags);
        note_item("villages.row." + v.code);
        if (!clicked) {
            continue;
        }
        const int column = hovered_column();
        if (ImGui::IsMouseDoubleClicked(0) && column >= 0 &&
            editable(static_cast<VillageColumn>(column))) {
            edit_village_ = village;
            edit_column_ = static_cast<VillageColumn>(column);
            edit_text_ = missing(village, edit_column_) ? "" : cell_text(village, edit_column_);
            edit_focus_ = true;
            continue;
        }
        const ImGuiIO& io = ImGui::GetIO();
        click(village, io.KeyShift, io.KeyCtrl);
        out.selection_changed = true;
        if (!io.KeyShift && !io.KeyCtrl) {
            out.fly_to = village;
        }
    }
    ImGui::PopID();
}

void VillageTable::draw_cell(int village, VillageColumn column, VillageTableOutput&) {
    const std::string text = cell_text(village, column);
    if (missing(village, column)) {
        ImGui::TextDisabled("%s", text.c_str());
    } else {
        ImGui::TextUnformatted(text.c_str());
    }
    if ((column == VillageColumn::kJointOrg || column == VillageColumn::kBelt) && !text.empty() &&
        ImGui::IsItemHovered()) {
        ImGui::SetTooltip("%s", text.c_str());
    }
}

void VillageTable::draw_editor(int village, VillageColumn column, VillageTableOutput& out) {
    ImGui::SetNextItemWidth(-1.f);
    if (column == VillageColumn::kKind) {
        const core::VillageKind now = in_.plan->villages[static_cast<std::size_t>(village)].kind;
        if (edit_focus_) {
            ImGui::OpenPopup("##kind_popup");
            edit_focus_ = false;
        }
        if (ImGui::BeginPopup("##kind_popup")) {
            for (std::size_t k = 0; k < std::size(kKinds); ++k) {
                if (ImGui::Selectable(core::tr(kKindKeys[k]).c_str(), kKinds[k] == now)) {
                    out.commands.push_back(std::make_unique<core::SetVillageFields>(
                        in_.plan->villages[static_cast<std::size_t>(village)].code,
                        core::VillageFields{{}, {}, {}, {}, kKinds[k], {}, {}}));
                    edit_village_ = -1;
                }
            }
            ImGui::EndPopup();
        } else {
            edit_village_ = -1;  // closed without a choice
        }
        ImGui::TextUnformatted(cell_text(village, column).c_str());
        return;
    }
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, "%s", edit_text_.c_str());
    if (edit_focus_) {
        ImGui::SetKeyboardFocusHere();
        edit_focus_ = false;
    }
    const bool entered =
        ImGui::InputText("##edit", buffer, sizeof buffer,
                         ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    note_item("villages.edit");
    edit_text_ = buffer;
    const bool finished = entered || ImGui::IsItemDeactivatedAfterEdit();
    if (finished) {
        std::string error;
        auto command = edit_command(village, column, edit_text_, error);
        if (command) {
            out.commands.push_back(std::move(*command));
        } else {
            out.error = error;
        }
        edit_village_ = -1;
    } else if (ImGui::IsItemDeactivated()) {
        edit_village_ = -1;  // Esc, or a click elsewhere without a change
    }
}

}  // namespace beltplan::ui
