// Names as people write them (issue 8 item 6) and codes as departments store them (item 1).
#include "io/name_match.h"

#include "io/import_codes.h"

#include <gtest/gtest.h>

namespace beltplan::io {
namespace {

TEST(NameMatch, nfkc_and_every_kind_of_space) {
    EXPECT_EQ(normalise_name("屈家庄\u3000村"), "屈家庄村");  // full-width space
    EXPECT_EQ(normalise_name(" 屈 家 庄 "), "屈家庄");
    EXPECT_EQ(normalise_name("ＡＢ１２"), "ab12");        // full-width letters and digits
    EXPECT_EQ(normalise_name("屈家庄\u200b"), "屈家庄");  // zero-width space from a web page
    EXPECT_EQ(normalise_name("\xFF\xFE"), "\xFF\xFE");    // invalid UTF-8 kept as it is
}

TEST(NameMatch, village_suffixes_come_off_to_one_key) {
    EXPECT_EQ(village_key("屈家庄村委会"), "屈家庄");
    EXPECT_EQ(village_key("屈家庄村民委员会"), "屈家庄");
    EXPECT_EQ(village_key("屈家庄村"), "屈家庄");
    EXPECT_EQ(village_key("屈家庄"), "屈家庄");
    // A name that itself ends in 村: 中崞村村委会 and 中崞村 meet at the same key.
    EXPECT_EQ(village_key("中崞村村委会"), village_key("中崞村"));
    EXPECT_EQ(village_key("头台子村村民委员会"), village_key("头台子"));
    EXPECT_EQ(village_key("建国街社区居委会"), "建国街");
    EXPECT_EQ(village_key("村"), "村");  // never down to nothing
}

TEST(NameMatch, township_suffixes) {
    EXPECT_EQ(township_key("沙岭子镇"), "沙岭子");
    EXPECT_EQ(township_key("天泰寺街道办事处"), "天泰寺");
    EXPECT_EQ(township_key("河子西乡"), "河子西");
    EXPECT_EQ(township_key("崞村"), "崞村");
}

TEST(NameMatch, one_typo_needs_enough_characters) {
    EXPECT_TRUE(one_typo_apart("曲家庄", "屈家庄"));    // substitution
    EXPECT_TRUE(one_typo_apart("屈家", "屈家庄"));      // deletion
    EXPECT_TRUE(one_typo_apart("屈家家庄", "屈家庄"));  // insertion
    EXPECT_FALSE(one_typo_apart("东", "西"));           // too short to tell
    EXPECT_FALSE(one_typo_apart("东村", "西村"));       // two characters: no typo matching
    EXPECT_FALSE(one_typo_apart("屈家庄", "屈家庄"));   // equal is not a typo
    EXPECT_FALSE(one_typo_apart("曲家营", "屈家庄"));   // two differences
}

TEST(NameMatch, lookup_takes_a_typo_only_when_it_is_the_only_one) {
    const std::vector<std::string> keys = {"沙地房", "沙岭子", "太师湾", "屈家庄"};
    NameLookup exact = lookup_name("太师湾", keys);
    EXPECT_EQ(exact.how, NameMatch::kExact);
    EXPECT_EQ(exact.hits, std::vector<std::size_t>{2});
    NameLookup typo = lookup_name("曲家庄", keys);
    EXPECT_EQ(typo.how, NameMatch::kTypo);
    EXPECT_EQ(typo.hits, std::vector<std::size_t>{3});
    NameLookup two = lookup_name("沙地子", keys);  // one off 沙地房 and one off 沙岭子
    EXPECT_EQ(two.how, NameMatch::kAmbiguous);
    EXPECT_EQ(two.hits.size(), 2u);
    EXPECT_EQ(lookup_name("东山", keys).how, NameMatch::kNone);
}

bool lossy_of(const core::FieldValue& v) {
    bool lossy = false;
    code_digits(v, lossy);
    return lossy;
}

std::string digits_of(const core::FieldValue& v) {
    bool lossy = false;
    return code_digits(v, lossy).value_or("-");
}

TEST(ImportCodes, code_values_give_their_exact_digits) {
    EXPECT_EQ(digits_of(core::FieldValue::of_text(" 130705103205 ")), "130705103205");
    EXPECT_EQ(digits_of(core::FieldValue::of_text("130705103205.0")), "130705103205");
    EXPECT_EQ(digits_of(core::FieldValue::of_integer(1307051032050000000)), "1307051032050000000");
    EXPECT_EQ(digits_of(core::FieldValue::of_real(130705103205.0)), "130705103205");
    // A numeric 19-digit field read as a double is 1301231000009999872: the village part is
    // still exact.
    EXPECT_EQ(digits_of(core::FieldValue::of_real(1301231000010000000.0)), "1301231000010000000");
    EXPECT_EQ(digits_of(core::FieldValue::of_text("1.30123100001E+18")), "1301231000010000000");
    EXPECT_TRUE(lossy_of(core::FieldValue::of_text("1.30123E+18")));  // Excel's display
    EXPECT_EQ(digits_of(core::FieldValue::of_text("V001")), "-");
    EXPECT_EQ(digits_of(core::FieldValue::null()), "-");
}

TEST(ImportCodes, codes_are_normalised_to_village_and_township_levels) {
    NormalCode zldwdm = normalise_code("1307051032050000000");
    EXPECT_EQ(zldwdm.code, "130705103205");
    EXPECT_EQ(zldwdm.level, CodeLevel::kVillage);
    EXPECT_TRUE(zldwdm.cut_from_19);
    EXPECT_EQ(zldwdm.group, "0000000");
    NormalCode group = normalise_code("1307051032030000101");
    EXPECT_EQ(group.code, "130705103203");
    EXPECT_EQ(group.group, "0000101");
    NormalCode town12 = normalise_code("130705103000");
    EXPECT_EQ(town12.code, "130705103");
    EXPECT_EQ(town12.level, CodeLevel::kTownship);
    EXPECT_TRUE(town12.cut_from_12);
    EXPECT_EQ(normalise_code("130705103").level, CodeLevel::kTownship);
    EXPECT_EQ(normalise_code("130705").level, CodeLevel::kCounty);
    EXPECT_EQ(normalise_code("130705000000").code, "130705");
    EXPECT_EQ(normalise_code("130705000000").level, CodeLevel::kCounty);
    EXPECT_EQ(normalise_code("1307").level, CodeLevel::kUnknown);
}

}  // namespace
}  // namespace beltplan::io
