// The department's tables of a plan as one workbook: 汇总 (summary), 乡镇 (per township, the
// rows of `report --json`), 未覆盖村, 示范点, 联合党组织, 示范带, 工作站; headings and sheet names
// in the catalogue's language. Built from analysis results only; io writes it (XLSX, CSV).
#pragma once

#include "analysis/belts.h"
#include "analysis/coverage.h"
#include "analysis/joint_orgs.h"
#include "core/plan.h"
#include "core/table.h"

#include <vector>

namespace beltplan::analysis {

// The results the tables are made of (borrowed for the call). `reach` is per village,
// `belts` per plan.belts, `orgs` per plan.joint_orgs (may be empty: no validity column).
struct ReportTablesInput {
    const core::Plan* plan = nullptr;
    const std::vector<Reach>* reach = nullptr;
    const CoverageReport* coverage = nullptr;
    const std::vector<BeltResult>* belts = nullptr;
    const std::vector<JointOrgCheck>* orgs = nullptr;
};

// The township (index into plan.townships) of each site: the township of the village it names,
// else the township polygon that holds it; -1 when neither. Atlas pages and tables count
// sites per township by this.
std::vector<int> site_townships(const core::Plan& plan);

// Sheets in the order above; per-township rows in the coverage report's order.
core::Workbook report_workbook(const ReportTablesInput& input);

}  // namespace beltplan::analysis
