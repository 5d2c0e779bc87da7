// Field mapping: Chinese and English names recognised, explicit mapping wins, and the one
// clear error for a missing or misnamed field.
#include "io/field_map.h"

#include <gtest/gtest.h>

namespace beltplan::io {
namespace {

const core::Where kWhere{"villages.shp", "villages", -1, ""};

TEST(FieldMap, recognises_chinese_village_fields) {
    const std::vector<std::string> fields = {"XZQDM",  "XZQMC",    "人口", "党员数", "集体收入",
                                             "村类型", "软弱涣散", "能人", "备注"};
    core::Result<FieldMapping> m = map_fields(LayerRole::kVillages, fields, {}, kWhere);
    ASSERT_TRUE(m) << m.error().message;
    EXPECT_EQ(m->at("code"), 0);
    EXPECT_EQ(m->at("name"), 1);
    EXPECT_EQ(m->at("population"), 2);
    EXPECT_EQ(m->at("party_members"), 3);
    EXPECT_EQ(m->at("collective_income"), 4);
    EXPECT_EQ(m->at("kind"), 5);
    EXPECT_EQ(m->at("weak_org"), 6);
    EXPECT_EQ(m->at("leader"), 7);
    EXPECT_FALSE(m->has("town_code"));
    EXPECT_EQ(m->source.at("code"), "XZQDM");
}

TEST(FieldMap, english_names_match_case_insensitively) {
    const std::vector<std::string> fields = {"NAME", "Code", "Pop", "Town_Code"};
    core::Result<FieldMapping> m = map_fields(LayerRole::kVillages, fields, {}, kWhere);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->at("name"), 0);
    EXPECT_EQ(m->at("code"), 1);
    EXPECT_EQ(m->at("population"), 2);
    EXPECT_EQ(m->at("town_code"), 3);
}

TEST(FieldMap, preferred_alias_wins_and_each_field_is_used_once) {
    // Township layer with both 代码 and XZQDM: XZQDM is preferred, 代码 stays unmapped.
    const std::vector<std::string> fields = {"代码", "XZQDM", "名称"};
    core::Result<FieldMapping> m = map_fields(LayerRole::kTownships, fields, {}, kWhere);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->at("code"), 1);
    EXPECT_EQ(m->at("name"), 2);
}

TEST(FieldMap, beltplans_own_field_names_win_over_other_names) {
    // What `beltplan export` writes: the plan's fields beside the source's own XZQDM / 名称.
    const std::vector<std::string> fields = {"XZQDM", "名称", "code", "name", "population"};
    core::Result<FieldMapping> m = map_fields(LayerRole::kVillages, fields, {}, kWhere);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->at("code"), 2);
    EXPECT_EQ(m->at("name"), 3);
    EXPECT_EQ(m->at("population"), 4);
}

TEST(FieldMap, explicit_mapping_wins_over_recognised_names) {
    const std::vector<std::string> fields = {"代码", "CUN_ID", "名称"};
    core::Result<FieldMapping> m =
        map_fields(LayerRole::kVillages, fields, {{"code", "CUN_ID"}}, kWhere);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->at("code"), 1);
    EXPECT_EQ(m->at("name"), 2);
    EXPECT_EQ(m->source.at("code"), "CUN_ID");
}

TEST(FieldMap, site_coordinates_from_chinese_columns) {
    const std::vector<std::string> fields = {"示范点", "级别", "主题", "经度", "纬度"};
    core::Result<FieldMapping> m = map_fields(LayerRole::kSites, fields, {}, kWhere);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->at("name"), 0);
    EXPECT_EQ(m->at("level"), 1);
    EXPECT_EQ(m->at("theme"), 2);
    EXPECT_EQ(m->at("lon"), 3);
    EXPECT_EQ(m->at("lat"), 4);
}

TEST(FieldMap, road_fields_from_osm_names) {
    core::Result<FieldMapping> m =
        map_fields(LayerRole::kRoads, {"osm_id", "fclass", "name"}, {}, kWhere);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->at("class"), 1);
    EXPECT_EQ(m->at("name"), 2);
}

TEST(FieldMap, explicit_field_that_does_not_exist_lists_the_fields) {
    core::Result<FieldMapping> m =
        map_fields(LayerRole::kVillages, {"A", "B", "C"}, {{"code", "VCODE"}}, kWhere);
    ASSERT_FALSE(m);
    EXPECT_EQ(m.error().code, core::ErrorCode::kFieldMissing);
    EXPECT_EQ(m.error().message,
              "villages.shp, layer 'villages', field 'VCODE': the field given for villages.code "
              "does not exist; the layer has fields: A, B, C");
}

TEST(FieldMap, explicit_unknown_target_is_refused) {
    core::Result<FieldMapping> m =
        map_fields(LayerRole::kVillages, {"A"}, {{"colour", "A"}}, kWhere);
    ASSERT_FALSE(m);
    EXPECT_EQ(m.error().code, core::ErrorCode::kBadArgument);
    EXPECT_NE(m.error().message.find("population"), std::string::npos);
}

TEST(FieldMap, missing_field_error_reads_as_one_sentence) {
    const core::Error e =
        missing_field_error(LayerRole::kVillages, "code", {"A", "B", "C"}, kWhere);
    EXPECT_EQ(e.code, core::ErrorCode::kFieldMissing);
    EXPECT_EQ(e.message,
              "villages.shp, layer 'villages': no field for village code; the layer has fields: "
              "A, B, C; name one with --field villages.code=FIELD");
}

}  // namespace
}  // namespace beltplan::io
