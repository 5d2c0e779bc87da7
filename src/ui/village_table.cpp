// VillageTable's model: the rows after filter and sort, the selection, the cell texts and the
// commands an edit makes. The ImGui drawing is in village_table_draw.cpp.
#include "ui/village_table.h"

#include "core/messages.h"
#include "core/village_commands.h"
#include "ui/editor.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace beltplan::ui {

namespace {

std::string lower_ascii(std::string s) {
    for (char& c : s) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return s;
}

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) {
        return "";
    }
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

// Typed digits with thousands separators taken out ("12,345" -> "12345").
std::string without_separators(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c != ',' && c != ' ') {
            out += c;
        }
    }
    return out;
}

std::optional<std::int64_t> parse_count(const std::string& text) {
    const std::string digits = without_separators(text);
    if (digits.empty()) {
        return std::nullopt;
    }
    char* end = nullptr;
    const long long v = std::strtoll(digits.c_str(), &end, 10);
    if (end == nullptr || *end != '\0') {
        return std::nullopt;
    }
    return static_cast<std::int64_t>(v);
}

std::optional<double> parse_real(const std::string& text) {
    const std::string digits = without_separators(text);
    if (digits.empty()) {
        return std::nullopt;
    }
    char* end = nullptr;
    const double v = std::strtod(digits.c_str(), &end);
    if (end == nullptr || *end != '\0' || !std::isfinite(v)) {
        return std::nullopt;
    }
    return v;
}

const char* kind_key(core::VillageKind kind) {
    switch (kind) {
        case core::VillageKind::kHub:
            return "window.kind_hub";
        case core::VillageKind::kTidal:
            return "window.kind_tidal";
        case core::VillageKind::kBasic:
            return "window.kind_basic";
        case core::VillageKind::kHollow:
            return "window.kind_hollow";
        case core::VillageKind::kUnknown:
            break;
    }
    return "window.missing";
}

}  // namespace

void VillageTable::refresh(const VillageTableInputs& in) {
    const bool same = in.version == version_ && in.plan == in_.plan;
    in_ = in;
    if (same) {
        return;
    }
    version_ = in.version;
    const core::Plan& plan = *in.plan;
    township_names_.clear();
    for (const core::Township& t : plan.townships) {
        township_names_[t.code] = t.name;
    }
    const auto index = core::village_index(plan);
    orgs_.assign(plan.villages.size(), "");
    for (const core::JointOrg& org : plan.joint_orgs) {
        for (const std::string& m : org.members) {
            const auto found = index.find(m);
            if (found != index.end()) {
                std::string& text = orgs_[found->second];
                text += (text.empty() ? "" : u8"、") + org.name + (org.lead == m ? "*" : "");
            }
        }
    }
    belt_names_.assign(plan.villages.size(), "");
    if (in.belts != nullptr) {
        for (const analysis::BeltResult& b : *in.belts) {
            for (int m : b.members) {
                if (m >= 0 && static_cast<std::size_t>(m) < belt_names_.size()) {
                    std::string& text = belt_names_[static_cast<std::size_t>(m)];
                    text += (text.empty() ? "" : u8"、") + b.name;
                }
            }
        }
    }
    const int count = static_cast<int>(plan.villages.size());
    selection_.erase(
        std::remove_if(selection_.begin(), selection_.end(), [count](int v) { return v >= count; }),
        selection_.end());
    if (primary_ >= count) {
        primary_ = -1;
    }
    apply_filter_and_sort();
}

void VillageTable::set_filter(const std::string& text) {
    filter_ = text;
    if (in_.plan != nullptr) {
        apply_filter_and_sort();
    }
}

void VillageTable::sort_by(VillageColumn column, bool ascending) {
    sort_column_ = column;
    ascending_ = ascending;
    if (in_.plan != nullptr) {
        apply_filter_and_sort();
    }
}

double VillageTable::number(int village, VillageColumn column) const {
    const core::Village& v = in_.plan->villages[static_cast<std::size_t>(village)];
    const double nan = std::numeric_limits<double>::quiet_NaN();
    switch (column) {
        case VillageColumn::kPopulation:
            return v.population ? static_cast<double>(*v.population) : nan;
        case VillageColumn::kPartyMembers:
            return v.party_members ? static_cast<double>(*v.party_members) : nan;
        case VillageColumn::kIncome:
            return v.collective_income_wan_yuan.value_or(nan);
        case VillageColumn::kDistance:
            return in_.distance_m ? in_.distance_m(static_cast<std::size_t>(village)) : nan;
        case VillageColumn::kCovered:
            return in_.distance_m
                       ? (in_.distance_m(static_cast<std::size_t>(village)) <= in_.reach_m ? 1.0
                                                                                           : 0.0)
                       : nan;
        default:
            return nan;
    }
}

void VillageTable::apply_filter_and_sort() {
    const core::Plan& plan = *in_.plan;
    const std::string wanted = lower_ascii(trim(filter_));
    rows_.clear();
    for (std::size_t i = 0; i < plan.villages.size(); ++i) {
        const core::Village& v = plan.villages[i];
        if (wanted.empty() || lower_ascii(v.name).find(wanted) != std::string::npos ||
            lower_ascii(v.code).find(wanted) != std::string::npos) {
            rows_.push_back(static_cast<int>(i));
        }
    }
    const VillageColumn c = sort_column_;
    const bool numeric = c == VillageColumn::kPopulation || c == VillageColumn::kPartyMembers ||
                         c == VillageColumn::kIncome || c == VillageColumn::kDistance ||
                         c == VillageColumn::kCovered;
    auto code = [&](int v) -> const std::string& {
        return plan.villages[static_cast<std::size_t>(v)].code;
    };
    std::vector<double> numbers;
    std::vector<std::string> texts;
    if (numeric) {
        numbers.resize(plan.villages.size());
        for (int r : rows_) {
            numbers[static_cast<std::size_t>(r)] = number(r, c);
        }
    } else {
        texts.resize(plan.villages.size());
        for (int r : rows_) {
            texts[static_cast<std::size_t>(r)] = missing(r, c) ? "" : cell_text(r, c);
        }
    }
    const bool up = ascending_;
    std::stable_sort(rows_.begin(), rows_.end(), [&](int a, int b) {
        const auto ia = static_cast<std::size_t>(a);
        const auto ib = static_cast<std::size_t>(b);
        const bool ma = numeric ? std::isnan(numbers[ia]) : missing(a, c);
        const bool mb = numeric ? std::isnan(numbers[ib]) : missing(b, c);
        if (ma != mb) {
            return mb;  // missing values last, in either direction
        }
        if (!ma) {
            if (numeric && numbers[ia] != numbers[ib]) {
                return up ? numbers[ia] < numbers[ib] : numbers[ia] > numbers[ib];
            }
            if (!numeric && texts[ia] != texts[ib]) {
                return up ? texts[ia] < texts[ib] : texts[ia] > texts[ib];
            }
        }
        return code(a) < code(b);
    });
}

void VillageTable::click(int village, bool shift, bool ctrl) {
    std::vector<int> range;
    if (shift && anchor_ >= 0) {
        const auto from = std::find(rows_.begin(), rows_.end(), anchor_);
        const auto to = std::find(rows_.begin(), rows_.end(), village);
        if (from != rows_.end() && to != rows_.end()) {
            range.assign(std::min(from, to), std::max(from, to) + 1);
        }
    }
    if (range.empty()) {
        range = {village};
    }
    if (ctrl && !shift) {
        const auto found = std::find(selection_.begin(), selection_.end(), village);
        if (found != selection_.end()) {
            selection_.erase(found);
        } else {
            selection_.push_back(village);
        }
    } else if (ctrl) {
        selection_.insert(selection_.end(), range.begin(), range.end());
    } else {
        selection_ = range;
    }
    std::sort(selection_.begin(), selection_.end());
    selection_.erase(std::unique(selection_.begin(), selection_.end()), selection_.end());
    if (!shift) {
        anchor_ = village;
    }
    primary_ = is_selected(village) ? village : (selection_.empty() ? -1 : selection_.back());
    followed_ = primary_;
}

void VillageTable::select(std::vector<int> villages) {
    std::sort(villages.begin(), villages.end());
    villages.erase(std::unique(villages.begin(), villages.end()), villages.end());
    selection_ = std::move(villages);
    primary_ = selection_.empty() ? -1 : selection_.front();
    anchor_ = primary_;
    followed_ = primary_;
    scroll_to_primary_ = primary_ >= 0;
}

void VillageTable::follow_map(int map_selected) {
    if (map_selected == followed_) {
        return;
    }
    followed_ = map_selected;
    if (map_selected < 0) {
        selection_.clear();
        primary_ = -1;
        return;
    }
    if (!is_selected(map_selected) || selection_.size() != 1) {
        selection_ = {map_selected};
    }
    primary_ = map_selected;
    anchor_ = map_selected;
    scroll_to_primary_ = true;
}

bool VillageTable::is_selected(int village) const {
    return std::binary_search(selection_.begin(), selection_.end(), village);
}

bool VillageTable::missing(int village, VillageColumn column) const {
    const core::Village& v = in_.plan->villages[static_cast<std::size_t>(village)];
    switch (column) {
        case VillageColumn::kPopulation:
            return !v.population;
        case VillageColumn::kPartyMembers:
            return !v.party_members;
        case VillageColumn::kIncome:
            return !v.collective_income_wan_yuan;
        case VillageColumn::kKind:
            return v.kind == core::VillageKind::kUnknown;
        case VillageColumn::kDistance:
        case VillageColumn::kCovered:
            return !in_.distance_m;
        case VillageColumn::kTownship:
            return v.town_code.empty();
        default:
            return false;
    }
}

std::string VillageTable::cell_text(int village, VillageColumn column) const {
    if (missing(village, column)) {
        return core::tr("window.missing");
    }
    const core::Village& v = in_.plan->villages[static_cast<std::size_t>(village)];
    const auto i = static_cast<std::size_t>(village);
    char buf[64];
    switch (column) {
        case VillageColumn::kName:
            return v.name;
        case VillageColumn::kCode:
            return v.code;
        case VillageColumn::kTownship: {
            const auto found = township_names_.find(v.town_code);
            return found != township_names_.end() ? found->second : v.town_code;
        }
        case VillageColumn::kPopulation:
            return std::to_string(*v.population);
        case VillageColumn::kPartyMembers:
            return std::to_string(*v.party_members);
        case VillageColumn::kIncome:
            std::snprintf(buf, sizeof buf, "%.1f", *v.collective_income_wan_yuan);
            return buf;
        case VillageColumn::kKind:
            return core::tr(kind_key(v.kind));
        case VillageColumn::kDistance: {
            const double d = in_.distance_m(i);
            return std::isfinite(d) ? format_length(d) : core::tr("window.unreachable");
        }
        case VillageColumn::kCovered:
            return core::tr(in_.distance_m(i) <= in_.reach_m ? "window.yes" : "window.no");
        case VillageColumn::kJointOrg:
            return i < orgs_.size() ? orgs_[i] : "";
        case VillageColumn::kBelt:
            return i < belt_names_.size() ? belt_names_[i] : "";
    }
    return "";
}

bool VillageTable::editable(VillageColumn column) {
    return column == VillageColumn::kName || column == VillageColumn::kPopulation ||
           column == VillageColumn::kPartyMembers || column == VillageColumn::kIncome ||
           column == VillageColumn::kKind;
}

std::optional<core::CommandPtr> VillageTable::edit_command(int village, VillageColumn column,
                                                           const std::string& typed,
                                                           std::string& error) const {
    const core::Village& v = in_.plan->villages[static_cast<std::size_t>(village)];
    const std::string text = trim(typed);
    core::VillageFields fields;
    switch (column) {
        case VillageColumn::kName:
            fields.name = text;
            break;
        case VillageColumn::kPopulation:
        case VillageColumn::kPartyMembers: {
            const std::optional<std::int64_t> n = parse_count(text);
            if (!text.empty() && !n) {
                error = core::tr("window.not_a_count", {text});
                return std::nullopt;
            }
            (column == VillageColumn::kPopulation ? fields.population : fields.party_members) = n;
            break;
        }
        case VillageColumn::kIncome: {
            const std::optional<double> x = parse_real(text);
            if (!text.empty() && !x) {
                error = core::tr("window.not_a_number", {text});
                return std::nullopt;
            }
            fields.collective_income_wan_yuan = x;
            break;
        }
        case VillageColumn::kKind: {
            const auto kind = text.empty()
                                  ? std::optional<core::VillageKind>(core::VillageKind::kUnknown)
                                  : core::parse_village_kind(text);
            if (!kind) {
                error = core::tr("window.not_a_kind", {text});
                return std::nullopt;
            }
            fields.kind = *kind;
            break;
        }
        default:
            return std::nullopt;
    }
    return std::make_unique<core::SetVillageFields>(v.code, std::move(fields));
}

}  // namespace beltplan::ui
