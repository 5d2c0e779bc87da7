// Plan model: code words, Chinese user terms, anchors.
#include "core/plan.h"

#include <gtest/gtest.h>

namespace beltplan::core {
namespace {

TEST(Plan, kind_parses_code_words_and_chinese_terms) {
    EXPECT_EQ(parse_village_kind("hollow"), VillageKind::kHollow);
    EXPECT_EQ(parse_village_kind("HUB"), VillageKind::kHub);
    EXPECT_EQ(parse_village_kind("潮汐型"), VillageKind::kTidal);
    EXPECT_EQ(parse_village_kind("基本"), VillageKind::kBasic);
    EXPECT_FALSE(parse_village_kind("big").has_value());
    EXPECT_STREQ(to_code(VillageKind::kHollow), "hollow");
    EXPECT_STREQ(user_term(VillageKind::kHub), "枢纽型");
}

TEST(Plan, levels_modes_and_org_modes_round_trip) {
    EXPECT_EQ(parse_site_level("区级"), SiteLevel::kDistrict);
    EXPECT_EQ(parse_site_level(to_code(SiteLevel::kTown)), SiteLevel::kTown);
    EXPECT_EQ(parse_distance_mode("network"), DistanceMode::kNetwork);
    EXPECT_EQ(parse_joint_org_mode("强弱联建"), JointOrgMode::kStrongWeak);
    EXPECT_EQ(parse_joint_org_mode(to_code(JointOrgMode::kStation)), JointOrgMode::kStation);
}

TEST(Plan, anchor_is_seat_else_centroid) {
    Village v;
    v.shape.parts.push_back(Polygon{{{0, 0}, {4, 0}, {4, 2}, {0, 2}, {0, 0}}, {}});
    EXPECT_DOUBLE_EQ(anchor(v).x, 2.0);
    EXPECT_DOUBLE_EQ(anchor(v).y, 1.0);
    v.seat = PointM{3.5, 0.5};
    EXPECT_DOUBLE_EQ(anchor(v).x, 3.5);
}

TEST(Plan, equality_sees_extra_fields) {
    Village a;
    a.code = "130705103205";
    Village b = a;
    EXPECT_EQ(a, b);
    b.extra.push_back({"XZQDM", FieldValue::of_text("x")});
    EXPECT_FALSE(a == b);
}

}  // namespace
}  // namespace beltplan::core
