// Every label the window shows, in Chinese (the default) and English: one table, looked up by
// key, so no user-visible string is scattered through the panels.
#pragma once

#include <string>

namespace beltplan::ui {

enum class Language { kChinese, kEnglish };

// One key per label. Keep in the order of the table in strings.cpp.
enum class Str {
    kAppTitle,
    kUnsavedMark,
    kMenuFile,
    kMenuSave,
    kMenuUndo,
    kMenuRedo,
    kMenuFit,
    kMenuLanguage,
    kLanguageName,
    kToolSelect,
    kToolAddSite,
    kToolbar,
    kInspector,
    kNothingSelected,
    kVillage,
    kCode,
    kTownship,
    kPopulation,
    kPartyMembers,
    kIncome,
    kKind,
    kWeakOrg,
    kLeader,
    kYes,
    kNo,
    kUnknown,
    kReachDistance,
    kNearestSite,
    kNone,
    kJointOrg,
    kBelts,
    kCoverage,
    kRadius,
    kDistanceMode,
    kEuclidean,
    kNetwork,
    kVillagesCovered,
    kPopulationCovered,
    kByTownship,
    kName,
    kCovered,
    kShare,
    kUncovered,
    kDistance,
    kSites,
    kSite,
    kLevel,
    kLevelDistrict,
    kLevelTown,
    kTheme,
    kDelete,
    kAddSiteHint,
    kDragSiteHint,
    kNewSiteName,
    kSaved,
    kSaveFailed,
    kUnsavedQuit,
    kQuitAnyway,
    kCancel,
    kHistory,
    kAnalysisTime,
    kMetres,
    kKilometres,
    kToolMeasure,
    kMeasureHint,
    kLength,
    kArea,
    kClear,
    kHalfWidth,
    kMembers,
    kLargestGap,
    kReachShare,
    kRoads,
    kBeltSites,
    kMissingRoads,
    kPresentation,
    kPresentationHint,
    kAddBookmark,
    kExportPng,
    kExported,
    kLegend,
    kDistrictSite,
    kTownSite,
    kRestoredAutosave,
    kNewJointOrg,
    kMode,
    kModeStrongWeak,
    kModeRegional,
    kModeLeader,
    kModeStation,
    kLead,
    kValid,
    kInvalid,
    kToolJointOrg,
    kJointOrgHint,
    kRemove,
    kOrgMembers,
    kTargetShare,
    kComputeTarget,
    kComputing,
    kTargetResult,
    kAcceptAll,
    kCount  // not a label: the number of keys
};

// The label in the current language (UTF-8, static storage).
const char* tr(Str key);
void set_language(Language language);
Language language();
// Every label of both languages concatenated (the font atlas needs their glyphs).
std::string all_label_text();
// True when row i of the table holds key i (checked by a test).
bool table_in_key_order();

}  // namespace beltplan::ui
