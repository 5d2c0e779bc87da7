// The analysis sentences in Chinese (issue 11 item 6): joint organization checks and a
// strong_weak suggestion on small grid plans, with the exact sentences a Chinese user reads,
// and the same sentences in English once the language is set back.
#include "analysis/contiguity.h"
#include "analysis/joint_orgs.h"
#include "analysis/merge_suggest.h"
#include "core/messages.h"
#include "support/grid_plan.h"

#include <gtest/gtest.h>

namespace beltplan::analysis {
namespace {

// Sets Chinese for one test and English again afterwards, even when an assertion fails.
class AnalysisChinese : public ::testing::Test {
protected:
    void SetUp() override { core::set_language(core::Language::kChinese); }
    void TearDown() override { core::set_language(core::Language::kEnglish); }
};

// Four villages in a row, a b c d; J1 lists a, b and d (d does not touch b) and names c, which
// it does not list, as its lead.
core::Plan plan_with_invalid_org() {
    core::Plan plan = test::grid_plan({"abcd"});
    core::JointOrg org;
    org.id = "J1";
    org.name = u8"东片联合党委";
    org.mode = core::JointOrgMode::kStrongWeak;
    org.members = {"130705100201", "130705100202", "130705100204"};
    org.lead = "130705100203";
    plan.joint_orgs = {org};
    return plan;
}

TEST_F(AnalysisChinese, joint_org_problems_read_in_chinese) {
    const core::Plan plan = plan_with_invalid_org();
    const auto checks = validate_all(plan);
    ASSERT_EQ(checks.size(), 1u);
    EXPECT_FALSE(checks[0].valid);
    ASSERT_EQ(checks[0].problems.size(), 2u);
    EXPECT_EQ(checks[0].problems[0].kind, JointOrgProblemKind::kNotContiguous);
    EXPECT_EQ(checks[0].problems[0].sentence,
              u8"联合党组织“东片联合党委”（J1）的成员村不连片，分成了 2 个互不相连的部分："
              u8"a（130705100201）和b（130705100202）；d（130705100204）。");
    EXPECT_EQ(checks[0].problems[1].kind, JointOrgProblemKind::kLeadNotMember);
    EXPECT_EQ(checks[0].problems[1].sentence,
              u8"联合党组织“东片联合党委”（J1）的牵头村c（130705100203）不是其成员村。");

    core::set_language(core::Language::kEnglish);
    const auto english = validate_all(plan);
    ASSERT_EQ(english[0].problems.size(), 2u);
    EXPECT_EQ(english[0].problems[0].sentence,
              u8"The members of joint organization 东片联合党委 (J1) are not contiguous; they "
              u8"fall into 2 separate parts: a (130705100201) and b (130705100202); d "
              u8"(130705100204).");
    EXPECT_EQ(english[0].problems[1].sentence,
              u8"The lead c (130705100203) of joint organization 东片联合党委 (J1) is not one "
              u8"of its members.");
}

TEST_F(AnalysisChinese, station_lead_rule_explains_a_seat_outside_the_members) {
    const core::Plan plan = test::grid_plan({"abc"});
    const LeadChoice choice = choose_lead(plan, {"130705100201", "130705100202", "130705100203"},
                                          core::JointOrgMode::kStation, "130705100209");
    EXPECT_EQ(choice.lead, "130705100202");
    EXPECT_EQ(choice.why,
              u8"驻地村“130705100209”不是成员村，因此由最居中的成员村牵头："
              u8"b（130705100202）是位置最居中的成员村（到其他成员村的距离之和最小，"
              u8"为 2000 米）。");
}

// a B c in a row and d alone behind a hole: B (100 万元) leads the weak a and c (5 万元
// each); d has no neighbour at all, so it stays out.
TEST_F(AnalysisChinese, strong_weak_suggestion_reads_in_chinese) {
    core::Plan plan = test::grid_plan({"aBc.d"});
    for (core::Village& v : plan.villages) {
        v.collective_income_wan_yuan = v.name == "B" ? 100.0 : 5.0;
    }
    const ContiguityGraph graph = contiguity(plan, {});
    MergeSuggestOptions o;
    o.weak_income_wan_yuan = 10.0;
    const auto s = suggest_merges(plan, graph, o);
    ASSERT_TRUE(s.ok()) << s.error().message;
    ASSERT_EQ(s->groups.size(), 1u);
    EXPECT_EQ(s->groups[0].explanation,
              u8"B（集体经济收入 100.0 万元）带动相邻弱村a（5.0 万元，相距 1.0 公里）和c（5.0 "
              u8"万元，相距 1.0 公里）；它是成员中最强的村。");
    ASSERT_EQ(s->unplaced.size(), 1u);
    EXPECT_EQ(plan.villages[static_cast<std::size_t>(s->unplaced[0].village)].name, "d");
    EXPECT_EQ(s->unplaced[0].reason, u8"相邻村中没有集体经济收入高于 10.0 万元 且尚能牵头的强村。");
    EXPECT_EQ(s->summary,
              u8"共有 3 个弱村（集体经济收入不高于 10.0 万元）；其中 2 个加入 1 个强弱联建组，"
              u8"每组 2–3 个村，由相邻强村牵头。这是能安排的最多数量，且总距离最短。");
    EXPECT_EQ(s->value_unit, u8"个弱村得到安排");
}

}  // namespace
}  // namespace beltplan::analysis
