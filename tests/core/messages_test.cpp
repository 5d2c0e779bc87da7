// The message catalogue: both languages for every key, placeholders filled, locale detection.
#include "core/messages.h"

#include "core/result.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace beltplan::core {
namespace {

// Restores the language after each test, so the order of tests does not matter.
class Messages : public ::testing::Test {
protected:
    void TearDown() override { set_language(Language::kEnglish); }
};

TEST_F(Messages, catalogue_is_consistent) {
    const auto problems = catalogue_problems();
    for (const std::string& p : problems) {
        ADD_FAILURE() << p;
    }
    EXPECT_GT(all_messages().size(), 5u);
}

TEST_F(Messages, fills_placeholders_in_each_language) {
    EXPECT_EQ(tr_in(Language::kEnglish, "where.layer", {"villages"}), "layer 'villages'");
    EXPECT_EQ(tr_in(Language::kChinese, "where.layer", {"villages"}), u8"图层“villages”");
}

TEST_F(Messages, unknown_key_comes_back_as_itself) {
    EXPECT_EQ(tr("no.such.key"), "no.such.key");
    EXPECT_FALSE(has_message("no.such.key"));
    EXPECT_TRUE(has_message("where.field"));
}

TEST_F(Messages, error_location_follows_the_language) {
    const Where where{"a.shp", "villages", 3, "ZLDWDM"};
    EXPECT_EQ(make_error(ErrorCode::kBadValue, where, "x").message,
              "a.shp, layer 'villages', feature 3, field 'ZLDWDM': x");
    set_language(Language::kChinese);
    EXPECT_EQ(make_error(ErrorCode::kBadValue, where, "x").message,
              u8"a.shp，图层“villages”，要素 3，字段“ZLDWDM”：x");
}

TEST_F(Messages, language_from_the_locale_variables) {
    ::setenv("BELTPLAN_LANG", "", 1);
    ::setenv("LC_ALL", "zh_CN.UTF-8", 1);
    EXPECT_EQ(language_from_environment(), Language::kChinese);
    ::setenv("LC_ALL", "", 1);
    ::setenv("LC_MESSAGES", "", 1);
    ::setenv("LANG", "en_US.UTF-8", 1);
    EXPECT_EQ(language_from_environment(), Language::kEnglish);
    ::setenv("BELTPLAN_LANG", "zh", 1);
    EXPECT_EQ(language_from_environment(), Language::kChinese);
    ::unsetenv("BELTPLAN_LANG");
    ::unsetenv("LC_ALL");
}

}  // namespace
}  // namespace beltplan::core
