// The label table: one row per Str key, Chinese first, English second.
#include "ui/strings.h"

#include <cstddef>
#include <string>

namespace beltplan::ui {

namespace {

struct Row {
    Str key;
    const char* zh;
    const char* en;
};

// clang-format off
const Row kTable[] = {
    {Str::kAppTitle, u8"示范带规划", "beltplan"},
    {Str::kUnsavedMark, u8"（未保存）", " (unsaved)"},
    {Str::kMenuFile, u8"文件", "File"},
    {Str::kMenuSave, u8"保存", "Save"},
    {Str::kMenuUndo, u8"撤销", "Undo"},
    {Str::kMenuRedo, u8"重做", "Redo"},
    {Str::kMenuFit, u8"全图", "Fit plan"},
    {Str::kMenuLanguage, u8"语言", "Language"},
    {Str::kLanguageName, u8"English", u8"中文"},
    {Str::kToolSelect, u8"选择", "Select"},
    {Str::kToolAddSite, u8"添加示范点", "Add site"},
    {Str::kToolbar, u8"工具", "Tools"},
    {Str::kInspector, u8"属性", "Inspector"},
    {Str::kNothingSelected, u8"点击地图上的行政村查看属性", "Click a village on the map"},
    {Str::kVillage, u8"行政村", "Village"},
    {Str::kCode, u8"代码", "Code"},
    {Str::kTownship, u8"乡镇", "Township"},
    {Str::kPopulation, u8"人口", "Population"},
    {Str::kPartyMembers, u8"党员数", "Party members"},
    {Str::kIncome, u8"集体收入（万元）", "Income (10k yuan)"},
    {Str::kKind, u8"类型", "Kind"},
    {Str::kWeakOrg, u8"软弱涣散", "Weak organization"},
    {Str::kLeader, u8"能人", "Capable leader"},
    {Str::kYes, u8"是", "yes"},
    {Str::kNo, u8"否", "no"},
    {Str::kUnknown, u8"未知", "unknown"},
    {Str::kReachDistance, u8"到示范点距离", "Reach distance"},
    {Str::kNearestSite, u8"最近示范点", "Nearest site"},
    {Str::kNone, u8"无", "none"},
    {Str::kJointOrg, u8"联合党组织", "Joint organization"},
    {Str::kBelts, u8"示范带", "Belts"},
    {Str::kCoverage, u8"覆盖", "Coverage"},
    {Str::kRadius, u8"辐射半径（米）", "Reach radius (m)"},
    {Str::kDistanceMode, u8"距离", "Distance"},
    {Str::kEuclidean, u8"直线", "Straight line"},
    {Str::kNetwork, u8"沿道路", "Along roads"},
    {Str::kVillagesCovered, u8"覆盖行政村", "Villages covered"},
    {Str::kPopulationCovered, u8"覆盖人口", "Population covered"},
    {Str::kByTownship, u8"按乡镇", "By township"},
    {Str::kName, u8"名称", "Name"},
    {Str::kCovered, u8"覆盖", "Covered"},
    {Str::kShare, u8"比例", "Share"},
    {Str::kUncovered, u8"未覆盖行政村", "Uncovered villages"},
    {Str::kDistance, u8"距离", "Distance"},
    {Str::kSites, u8"示范点", "Sites"},
    {Str::kSite, u8"示范点", "Site"},
    {Str::kLevel, u8"级别", "Level"},
    {Str::kLevelDistrict, u8"区级", "District"},
    {Str::kLevelTown, u8"乡镇级", "Township"},
    {Str::kTheme, u8"主题", "Theme"},
    {Str::kDelete, u8"删除", "Delete"},
    {Str::kAddSiteHint, u8"在地图上点击放置新示范点", "Click the map to place a new site"},
    {Str::kDragSiteHint, u8"拖动示范点可移动，覆盖实时更新", "Drag a site to move it; coverage updates live"},
    {Str::kNewSiteName, u8"新示范点", "New site"},
    {Str::kSaved, u8"已保存", "Saved"},
    {Str::kSaveFailed, u8"保存失败", "Save failed"},
    {Str::kUnsavedQuit, u8"有未保存的修改，确定退出？", "There are unsaved changes. Quit anyway?"},
    {Str::kQuitAnyway, u8"不保存退出", "Quit without saving"},
    {Str::kCancel, u8"取消", "Cancel"},
    {Str::kHistory, u8"历史", "History"},
    {Str::kAnalysisTime, u8"分析耗时", "Analysis time"},
    {Str::kMetres, u8"米", "m"},
    {Str::kKilometres, u8"公里", "km"},
    {Str::kToolMeasure, u8"量测", "Measure"},
    {Str::kMeasureHint, u8"依次点击地图量测距离和面积，右键清除", "Click points to measure length and area; right-click clears"},
    {Str::kLength, u8"长度", "Length"},
    {Str::kArea, u8"面积", "Area"},
    {Str::kClear, u8"清除", "Clear"},
    {Str::kHalfWidth, u8"半宽（米）", "Half-width (m)"},
    {Str::kMembers, u8"沿线行政村", "Member villages"},
    {Str::kLargestGap, u8"最大空档", "Largest gap"},
    {Str::kReachShare, u8"辐射覆盖道路比例", "Road within reach"},
    {Str::kRoads, u8"道路", "Roads"},
    {Str::kBeltSites, u8"带上示范点", "Belt sites"},
    {Str::kMissingRoads, u8"方案中没有的道路", "Roads missing from the plan"},
    {Str::kPresentation, u8"演示", "Present"},
    {Str::kPresentationHint, u8"B 保存视图  ←/→ 切换视图  P 导出图片  Esc 退出演示", "B bookmark view  Left/Right step views  P export PNG  Esc leave"},
    {Str::kAddBookmark, u8"保存视图", "Bookmark view"},
    {Str::kExportPng, u8"导出图片", "Export PNG"},
    {Str::kExported, u8"已导出", "Exported"},
    {Str::kLegend, u8"图例", "Legend"},
    {Str::kDistrictSite, u8"区级示范点", "District site"},
    {Str::kTownSite, u8"乡镇级示范点", "Township site"},
    {Str::kRestoredAutosave, u8"已从自动保存恢复未保存的修改", "Unsaved work restored from the autosave"},
    {Str::kNewJointOrg, u8"以所选行政村新建联合党组织", "New joint organization from the selected village"},
    {Str::kMode, u8"模式", "Mode"},
    {Str::kModeStrongWeak, u8"强弱联建", "Strong-weak"},
    {Str::kModeRegional, u8"区域联建", "Regional"},
    {Str::kModeLeader, u8"能人带动", "Capable leader"},
    {Str::kModeStation, u8"党建工作站", "Work station"},
    {Str::kLead, u8"牵头村", "Lead village"},
    {Str::kValid, u8"有效", "valid"},
    {Str::kInvalid, u8"无效", "invalid"},
    {Str::kToolJointOrg, u8"编辑成员", "Edit members"},
    {Str::kJointOrgHint, u8"点击行政村加入或移出所选联合党组织", "Click a village to add it to or remove it from the selected organization"},
    {Str::kRemove, u8"移出", "Remove"},
    {Str::kOrgMembers, u8"成员村", "Members"},
    {Str::kTargetShare, u8"目标人口覆盖率", "Target population share"},
    {Str::kComputeTarget, u8"还需多少示范点？", "How many more sites?"},
    {Str::kComputing, u8"计算中…", "Computing..."},
    {Str::kTargetResult, u8"需新增 %d 个示范点，覆盖人口达到 %.1f%%（地图上绿色圆圈）", "%d more sites reach %.1f%% of the population (green rings on the map)"},
    {Str::kAcceptAll, u8"全部采纳", "Accept all"},
    {Str::kDiscard, u8"放弃", "Discard"},
    {Str::kElapsed, u8"已用 %.1f 秒", "%.1f s"},
    {Str::kSuggestGroups, u8"建议联建方案", "Suggest groups"},
    {Str::kGroupsResult, u8"建议 %d 个联合党组织，%d 个村无法安置（地图上彩色轮廓）", "%d groups suggested, %d villages not placed (coloured outlines on the map)"},
    {Str::kAcceptTicked, u8"采纳勾选", "Accept ticked"},
    {Str::kNotPlaced, u8"无法安置", "Not placed"},
    {Str::kToolPickRoad, u8"选取道路", "Pick roads"},
    {Str::kPickRoadHint, u8"点击道路加入或移出所选示范带", "Click a road to add it to or remove it from the selected belt"},
    {Str::kAlongRoads, u8"沿道路", "Along roads"},
    {Str::kAlongRoadsHint, u8"沿道路：点击起点和终点", "Along roads: click the start and the end"},
    {Str::kNoRoadPath, u8"两点之间没有相连的道路", "No connected road between the two points"},
    {Str::kRoadDistance, u8"道路距离", "Distance by road"},
    {Str::kMaxGap, u8"最大间距 (米)", "Largest gap (m)"},
    {Str::kSuggestBeltSites, u8"补点建议", "Suggest gap sites"},
    {Str::kBeltSitesResult, u8"需新增 %d 个示范点，使间距不超过 %s（地图上橙色圆圈）", "%d new sites keep every gap within %s (orange rings on the map)"},
    {Str::kFailed, u8"失败", "Failed"},
    {Str::kCancelled, u8"已取消", "Cancelled"},
    {Str::kUnnamedRoad, u8"无名道路（示范带按路名选取道路）", "Unnamed road (belts pick roads by name)"},
    {Str::kView25D, u8"2.5D 视图", "2.5D view"},
    {Str::kThisPlan, u8"本方案", "This plan"},
    {Str::kOtherPlan, u8"对比方案", "Other plan"},
    {Str::kChange, u8"变化", "Change"},
    {Str::kVillages, u8"行政村", "Villages"},
    {Str::kVillageShare, u8"行政村覆盖率", "Village share"},
    {Str::kPopulationShare, u8"人口覆盖率", "Population share"},
    {Str::kCompare, u8"对比方案", "Compare plans"},
    {Str::kCompareWith, u8"与另一方案对比…", "Compare with another plan..."},
    {Str::kCompareWithHint, u8"另一方案文件（.gpkg）的路径：", "Path of the other plan file (.gpkg):"},
    {Str::kCloseCompare, u8"结束对比", "End comparison"},
    {Str::kCompareSettings, u8"两方案均按本方案设置计算：半径 %.0f 米，%s", "Both plans measured with this plan's settings: radius %.0f m, %s"},
    {Str::kGainedCoverage, u8"对比方案新覆盖", "Covered only in the other plan"},
    {Str::kLostCoverage, u8"对比方案失去覆盖", "No longer covered in the other plan"},
    {Str::kChangedGroup, u8"联合党组织变化", "Changed joint organization"},
    {Str::kOnlyThisPlan, u8"仅本方案有", "Only in this plan"},
    {Str::kSame, u8"无变化", "No change"},
    {Str::kSitesChanged, u8"示范点：新增 %zu，删除 %zu，移动 %zu", "Sites: %zu added, %zu removed, %zu moved"},
    {Str::kCompareMarkers, u8"地图上：绿圈为对比方案新增的示范点，红叉为对比方案删除的示范点", "On the map: green rings are the other plan's new sites, red crosses its removed ones"},
    {Str::kColorBy, u8"着色", "Colour by"},
    {Str::kAnswerStale, u8"方案已改动，此建议基于改动前的方案，请重新计算", "The plan changed after this suggestion was computed; compute it again"},
    {Str::kOtherBelt, u8"正在为另一条示范带计算", "Computing for another belt"},
};
// clang-format on

static_assert(sizeof kTable / sizeof kTable[0] == static_cast<std::size_t>(Str::kCount),
              "one row per Str key");

Language g_language = Language::kChinese;

}  // namespace

const char* tr(Str key) {
    const Row& row = kTable[static_cast<std::size_t>(key)];
    return g_language == Language::kChinese ? row.zh : row.en;
}

void set_language(Language language) {
    g_language = language;
}

Language language() {
    return g_language;
}

std::string all_label_text() {
    std::string text;
    for (const Row& row : kTable) {
        text += row.zh;
        text += row.en;
    }
    return text;
}

bool table_in_key_order() {
    for (std::size_t i = 0; i < static_cast<std::size_t>(Str::kCount); ++i) {
        if (static_cast<std::size_t>(kTable[i].key) != i) {
            return false;
        }
    }
    return true;
}

}  // namespace beltplan::ui
