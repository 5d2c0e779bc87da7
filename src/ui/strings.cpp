// The window's labels by Str key: each key names a row of the one message catalogue
// (src/core/catalogue/window.inc), so the window and the command line share one catalogue.
#include "ui/strings.h"

#include "core/messages.h"

#include <array>
#include <cstddef>
#include <cstdlib>
#include <string>

namespace beltplan::ui {

namespace {

// clang-format off
const char* const kKeys[] = {
    "window.app_title",  // kAppTitle
    "window.unsaved_mark",  // kUnsavedMark
    "window.menu_file",  // kMenuFile
    "window.menu_save",  // kMenuSave
    "window.menu_undo",  // kMenuUndo
    "window.menu_redo",  // kMenuRedo
    "window.menu_fit",  // kMenuFit
    "window.menu_language",  // kMenuLanguage
    "window.language_name",  // kLanguageName
    "window.tool_select",  // kToolSelect
    "window.tool_add_site",  // kToolAddSite
    "window.toolbar",  // kToolbar
    "window.inspector",  // kInspector
    "window.nothing_selected",  // kNothingSelected
    "window.village",  // kVillage
    "window.code",  // kCode
    "window.township",  // kTownship
    "window.population",  // kPopulation
    "window.party_members",  // kPartyMembers
    "window.income",  // kIncome
    "window.kind",  // kKind
    "window.weak_org",  // kWeakOrg
    "window.leader",  // kLeader
    "window.yes",  // kYes
    "window.no",  // kNo
    "window.unknown",  // kUnknown
    "window.reach_distance",  // kReachDistance
    "window.nearest_site",  // kNearestSite
    "window.none",  // kNone
    "window.joint_org",  // kJointOrg
    "window.belts",  // kBelts
    "window.coverage",  // kCoverage
    "window.radius",  // kRadius
    "window.distance_mode",  // kDistanceMode
    "window.euclidean",  // kEuclidean
    "window.network",  // kNetwork
    "window.villages_covered",  // kVillagesCovered
    "window.population_covered",  // kPopulationCovered
    "window.by_township",  // kByTownship
    "window.name",  // kName
    "window.covered",  // kCovered
    "window.share",  // kShare
    "window.uncovered",  // kUncovered
    "window.distance",  // kDistance
    "window.sites",  // kSites
    "window.site",  // kSite
    "window.level",  // kLevel
    "window.level_district",  // kLevelDistrict
    "window.level_town",  // kLevelTown
    "window.theme",  // kTheme
    "window.delete",  // kDelete
    "window.add_site_hint",  // kAddSiteHint
    "window.drag_site_hint",  // kDragSiteHint
    "window.new_site_name",  // kNewSiteName
    "window.saved",  // kSaved
    "window.save_failed",  // kSaveFailed
    "window.unsaved_quit",  // kUnsavedQuit
    "window.quit_anyway",  // kQuitAnyway
    "window.cancel",  // kCancel
    "window.history",  // kHistory
    "window.analysis_time",  // kAnalysisTime
    "window.metres",  // kMetres
    "window.kilometres",  // kKilometres
    "window.tool_measure",  // kToolMeasure
    "window.measure_hint",  // kMeasureHint
    "window.length",  // kLength
    "window.area",  // kArea
    "window.clear",  // kClear
    "window.half_width",  // kHalfWidth
    "window.members",  // kMembers
    "window.largest_gap",  // kLargestGap
    "window.reach_share",  // kReachShare
    "window.roads",  // kRoads
    "window.belt_sites",  // kBeltSites
    "window.missing_roads",  // kMissingRoads
    "window.presentation",  // kPresentation
    "window.presentation_hint",  // kPresentationHint
    "window.add_bookmark",  // kAddBookmark
    "window.export_png",  // kExportPng
    "window.exported",  // kExported
    "window.legend",  // kLegend
    "window.district_site",  // kDistrictSite
    "window.town_site",  // kTownSite
    "window.restored_autosave",  // kRestoredAutosave
    "window.new_joint_org",  // kNewJointOrg
    "window.mode",  // kMode
    "window.mode_strong_weak",  // kModeStrongWeak
    "window.mode_regional",  // kModeRegional
    "window.mode_leader",  // kModeLeader
    "window.mode_station",  // kModeStation
    "window.lead",  // kLead
    "window.valid",  // kValid
    "window.invalid",  // kInvalid
    "window.tool_joint_org",  // kToolJointOrg
    "window.joint_org_hint",  // kJointOrgHint
    "window.remove",  // kRemove
    "window.org_members",  // kOrgMembers
    "window.target_share",  // kTargetShare
    "window.compute_target",  // kComputeTarget
    "window.computing",  // kComputing
    "window.target_result",  // kTargetResult
    "window.accept_all",  // kAcceptAll
    "window.discard",  // kDiscard
    "window.elapsed",  // kElapsed
    "window.suggest_groups",  // kSuggestGroups
    "window.groups_result",  // kGroupsResult
    "window.accept_ticked",  // kAcceptTicked
    "window.not_placed",  // kNotPlaced
    "window.tool_pick_road",  // kToolPickRoad
    "window.pick_road_hint",  // kPickRoadHint
    "window.along_roads",  // kAlongRoads
    "window.along_roads_hint",  // kAlongRoadsHint
    "window.no_road_path",  // kNoRoadPath
    "window.road_distance",  // kRoadDistance
    "window.max_gap",  // kMaxGap
    "window.suggest_belt_sites",  // kSuggestBeltSites
    "window.belt_sites_result",  // kBeltSitesResult
    "window.failed",  // kFailed
    "window.cancelled",  // kCancelled
    "window.unnamed_road",  // kUnnamedRoad
    "window.view25d",  // kView25D
    "window.this_plan",  // kThisPlan
    "window.other_plan",  // kOtherPlan
    "window.change",  // kChange
    "window.villages",  // kVillages
    "window.village_share",  // kVillageShare
    "window.population_share",  // kPopulationShare
    "window.compare",  // kCompare
    "window.compare_with",  // kCompareWith
    "window.compare_with_hint",  // kCompareWithHint
    "window.close_compare",  // kCloseCompare
    "window.compare_settings",  // kCompareSettings
    "window.gained_coverage",  // kGainedCoverage
    "window.lost_coverage",  // kLostCoverage
    "window.changed_group",  // kChangedGroup
    "window.only_this_plan",  // kOnlyThisPlan
    "window.same",  // kSame
    "window.sites_changed",  // kSitesChanged
    "window.compare_markers",  // kCompareMarkers
    "window.color_by",  // kColorBy
    "window.answer_stale",  // kAnswerStale
    "window.other_belt",  // kOtherBelt
};
// clang-format on

static_assert(sizeof kKeys / sizeof kKeys[0] == static_cast<std::size_t>(Str::kCount),
              "one catalogue key per Str key");

constexpr std::size_t kKeyCount = static_cast<std::size_t>(Str::kCount);

// Translations looked up once per language, so tr() can hand out stable C strings.
const std::string& cached(Language lang, Str key) {
    static std::array<std::array<std::string, kKeyCount>, 2> texts;
    static std::array<std::array<bool, kKeyCount>, 2> filled{};
    const std::size_t l = lang == Language::kChinese ? 0 : 1;
    const auto k = static_cast<std::size_t>(key);
    if (!filled[l][k]) {
        texts[l][k] = core::tr_in(lang, kKeys[k]);
        filled[l][k] = true;
    }
    return texts[l][k];
}

}  // namespace

const char* tr(Str key) {
    return cached(core::language(), key).c_str();
}

const char* catalogue_key(Str key) {
    return kKeys[static_cast<std::size_t>(key)];
}

Language window_language() {
    if (const char* forced = std::getenv("BELTPLAN_LANG"); forced != nullptr && *forced != '\0') {
        return core::language_from_environment();
    }
    return Language::kChinese;
}

std::string all_label_text() {
    std::string text;
    for (const core::MessageRow& row : core::all_messages()) {
        text += row.zh;
        text += row.en;
    }
    return text;
}

bool every_key_in_catalogue() {
    for (const char* key : kKeys) {
        if (!core::has_message(key)) {
            return false;
        }
    }
    return true;
}

}  // namespace beltplan::ui
