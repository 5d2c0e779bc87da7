// The department's workbook on a grid whose answers are known: the township row, the uncovered
// villages with their distance, what each site covers, a joint organization's verdict, a belt.
#include "analysis/report_tables.h"

#include "analysis/coverage.h"
#include "core/messages.h"
#include "support/grid_plan.h"

#include <gtest/gtest.h>

namespace beltplan::analysis {
namespace {

using core::Cell;

// 4 x 1 villages of 1 km (A B C D west to east), 1000 people each; one site at A's centre;
// radius 1.2 km: A and B covered, C at 2 km and D at 3 km not.
struct Fixture {
    core::Plan plan = test::grid_plan({"ABCD"});
    std::vector<Reach> reach;
    CoverageReport coverage;
    std::vector<BeltResult> belts;
    std::vector<JointOrgCheck> orgs;
    Fixture() {
        for (auto& v : plan.villages) {
            v.population = 1000;
        }
        plan.townships.front().name = "镇";
        test::add_site(plan, 500, 500);
        plan.sites.back().village_code = plan.villages[0].code;
        core::JointOrg org;
        org.id = "J1";
        org.name = "联建";
        org.members = {plan.villages[2].code, plan.villages[3].code};
        org.lead = plan.villages[2].code;
        plan.joint_orgs.push_back(org);
        reach = euclidean_reach(plan);
        coverage = summarize_coverage(plan, reach, 1200.0, core::DistanceMode::kEuclidean);
        orgs = validate_all(plan);
    }
    core::Workbook book() const {
        return report_workbook({&plan, &reach, &coverage, &belts, &orgs});
    }
};

const core::Sheet& sheet(const core::Workbook& b, std::size_t i) {
    return b.sheets.at(i);
}

TEST(ReportTables, seven_sheets_with_catalogue_names) {
    const core::Workbook b = Fixture().book();
    ASSERT_EQ(b.sheets.size(), 7u);
    EXPECT_EQ(b.sheets[0].name, core::tr("outputs.sheet.summary"));
    EXPECT_EQ(b.sheets[6].name, core::tr("outputs.sheet.stations"));
    for (const core::Sheet& s : b.sheets) {
        for (const auto& row : s.rows) {
            EXPECT_EQ(row.size(), s.headings.size()) << s.name;
        }
    }
}

TEST(ReportTables, township_row_counts_covered_villages_and_people) {
    const core::Workbook book = Fixture().book();
    const core::Sheet& t = sheet(book, 1);
    ASSERT_EQ(t.rows.size(), 1u);
    const auto& r = t.rows[0];
    EXPECT_EQ(r[0], Cell::of_text("130705100"));
    EXPECT_EQ(r[2], Cell::of_integer(4));
    EXPECT_EQ(r[3], Cell::of_integer(2));
    EXPECT_EQ(r[4], Cell::of_percent(0.5));
    EXPECT_EQ(r[5], Cell::of_integer(4000));
    EXPECT_EQ(r[6], Cell::of_integer(2000));
    EXPECT_EQ(r[9], Cell::of_integer(1));   // the site names village A of this township
    EXPECT_EQ(r[10], Cell::of_integer(2));  // uncovered
}

TEST(ReportTables, uncovered_villages_with_distance_in_km) {
    const core::Workbook book = Fixture().book();
    const core::Sheet& u = sheet(book, 2);
    ASSERT_EQ(u.rows.size(), 2u);
    EXPECT_EQ(u.rows[0][1], Cell::of_text("C"));
    EXPECT_EQ(u.rows[0][4].kind, Cell::Kind::kKm);
    EXPECT_NEAR(u.rows[0][4].number, 2.0, 1e-9);
    EXPECT_NEAR(u.rows[1][4].number, 3.0, 1e-9);
    EXPECT_EQ(u.rows[1][3], Cell::of_text("镇"));
}

TEST(ReportTables, each_site_counts_the_villages_it_covers) {
    const core::Workbook book = Fixture().book();
    const core::Sheet& s = sheet(book, 3);
    ASSERT_EQ(s.rows.size(), 1u);
    EXPECT_EQ(s.rows[0][5], Cell::of_text("A"));
    EXPECT_EQ(s.rows[0][7], Cell::of_integer(2));
    EXPECT_EQ(s.rows[0][8], Cell::of_integer(2000));
}

TEST(ReportTables, joint_organization_verdict_and_members_by_name) {
    const core::Workbook book = Fixture().book();
    const core::Sheet& o = sheet(book, 4);
    ASSERT_EQ(o.rows.size(), 1u);
    EXPECT_EQ(o.rows[0][3], Cell::of_integer(2));
    EXPECT_EQ(o.rows[0][4], Cell::of_text("C"));
    EXPECT_EQ(o.rows[0][5], Cell::of_text("C、D"));
    EXPECT_EQ(o.rows[0][6], Cell::of_text(core::tr("outputs.yes")));
}

TEST(ReportTables, summary_states_radius_in_km_and_shares) {
    const core::Workbook book = Fixture().book();
    const core::Sheet& s = sheet(book, 0);
    auto value = [&](const char* key) {
        for (const auto& row : s.rows) {
            if (row[0].text == core::tr(std::string("outputs.sum.") + key)) {
                return row[1];
            }
        }
        return Cell::empty();
    };
    EXPECT_EQ(value("radius"), Cell::of_km(1200.0));
    EXPECT_EQ(value("village_share"), Cell::of_percent(0.5));
    EXPECT_EQ(value("valid_orgs"), Cell::of_integer(1));
}

}  // namespace
}  // namespace beltplan::analysis
