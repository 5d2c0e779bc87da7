// The CJK font is found through the fontconfig library: on a machine with fonts-noto-cjk it is
// the Simplified Chinese face of Noto Sans CJK, and BELTPLAN_FONT overrides it.
#include "render/fonts.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

namespace beltplan::render {
namespace {

constexpr const char* kNotoRegular = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

TEST(Fonts, fontconfig_finds_the_simplified_chinese_face_of_noto) {
    if (!std::filesystem::exists(kNotoRegular)) {
        GTEST_SKIP() << "fonts-noto-cjk is not installed";
    }
    ::unsetenv("BELTPLAN_FONT");
    auto regular = find_cjk_font(false);
    ASSERT_TRUE(regular) << regular.error().message;
    EXPECT_NE(regular->path.find("NotoSansCJK-Regular"), std::string::npos) << regular->path;
    EXPECT_EQ(regular->face_index, 2);  // Simplified Chinese in the .ttc
    auto bold = find_cjk_font(true);
    ASSERT_TRUE(bold) << bold.error().message;
    EXPECT_NE(bold->path.find("NotoSansCJK-Bold"), std::string::npos) << bold->path;
}

TEST(Fonts, beltplan_font_names_the_file_and_face) {
    if (!std::filesystem::exists(kNotoRegular)) {
        GTEST_SKIP() << "fonts-noto-cjk is not installed";
    }
    ::setenv("BELTPLAN_FONT", (std::string(kNotoRegular) + ":3").c_str(), 1);
    auto font = find_cjk_font(false);
    ::unsetenv("BELTPLAN_FONT");
    ASSERT_TRUE(font) << font.error().message;
    EXPECT_EQ(font->path, kNotoRegular);
    EXPECT_EQ(font->face_index, 3);
    ::setenv("BELTPLAN_FONT", "/no/such/font.ttc:2", 1);
    auto missing = find_cjk_font(false);
    ::unsetenv("BELTPLAN_FONT");
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("BELTPLAN_FONT"), std::string::npos);
}

}  // namespace
}  // namespace beltplan::render
