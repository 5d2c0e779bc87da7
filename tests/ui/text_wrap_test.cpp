// Wrapping never breaks inside a number with its unit or a Latin word, keeps Chinese
// punctuation with its character, and fits every line into the width.
#include "ui/text_wrap.h"

#include "ui/headless_imgui.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace beltplan {
namespace {

// One unit per byte of ASCII and two per Chinese character: a monospaced stand-in for a font.
float cells(std::string_view s) {
    float w = 0.f;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            w += 1.f;
        } else if ((b & 0xC0) != 0x80) {
            w += 2.f;
        }
    }
    return w;
}

std::vector<std::string> texts(const std::vector<ui::WrapToken>& tokens) {
    std::vector<std::string> out;
    for (const auto& t : tokens) {
        out.push_back(t.text);
    }
    return out;
}

TEST(TextWrap, numbers_keep_their_decimals_and_units) {
    EXPECT_EQ(texts(ui::wrap_tokens("coverage 80.1% of 3.2 km")),
              (std::vector<std::string>{"coverage", "80.1%", "of", "3.2 km"}));
    EXPECT_EQ(
        texts(ui::wrap_tokens(u8"覆盖率80.1%，半径3公里")),
        (std::vector<std::string>{u8"覆", u8"盖", u8"率", u8"80.1%，", u8"半", u8"径", u8"3公里"}));
    EXPECT_EQ(texts(ui::wrap_tokens(u8"共12个村（3 km）")),
              (std::vector<std::string>{u8"共", u8"12个", u8"村", u8"（3 km）"}));
}

TEST(TextWrap, closing_punctuation_stays_with_the_character_before) {
    EXPECT_EQ(texts(ui::wrap_tokens(u8"甲村、乙村。")),
              (std::vector<std::string>{u8"甲", u8"村、", u8"乙", u8"村。"}));
    EXPECT_EQ(texts(ui::wrap_tokens(u8"“张家村”")),
              (std::vector<std::string>{u8"“张", u8"家", u8"村”"}));
}

TEST(TextWrap, the_sentence_of_the_issue_never_splits_80_from_1_percent) {
    const std::string s = "The members reach 80.1% of the population within 3.2 km of a site.";
    for (float width = 10.f; width <= 70.f; width += 1.f) {
        const auto lines = ui::wrap_lines(s, width, cells);
        std::string joined;
        for (const std::string& line : lines) {
            EXPECT_LE(cells(line), width) << line;
            if (line.find("80.") != std::string::npos) {
                EXPECT_NE(line.find("80.1%"), std::string::npos) << "width " << width;
            }
            if (line.find("3.2") != std::string::npos) {
                EXPECT_NE(line.find("3.2 km"), std::string::npos) << "width " << width;
            }
            joined += (joined.empty() ? "" : " ") + line;
        }
        EXPECT_EQ(joined, s) << "width " << width;
    }
}

TEST(TextWrap, chinese_breaks_between_characters_within_the_width) {
    const std::string s = u8"村委会驻地距最近示范点12.5公里，超过辐射半径。";
    const auto lines = ui::wrap_lines(s, 10.f, cells);
    std::string joined;
    for (const std::string& line : lines) {
        EXPECT_LE(cells(line), 10.f) << line;
        EXPECT_NE(line.rfind(u8"，", 0), 0u) << "a line starts with a comma";
        joined += line;
    }
    EXPECT_EQ(joined, s);
    bool kept = false;
    for (const std::string& line : lines) {
        kept = kept || line.find(u8"12.5公里") != std::string::npos;
    }
    EXPECT_TRUE(kept);
}

TEST(TextWrap, a_word_wider_than_the_line_is_cut_only_then) {
    const auto lines = ui::wrap_lines("a /very/long/path/to/plan.gpkg b", 10.f, cells);
    ASSERT_GE(lines.size(), 4u);
    EXPECT_EQ(lines.front(), "a");
    EXPECT_EQ(lines.back(), "lan.gpkg b");
    for (const std::string& line : lines) {
        EXPECT_LE(cells(line), 10.f);
    }
}

TEST(TextWrap, explicit_line_breaks_are_kept) {
    EXPECT_EQ(ui::wrap_lines("one\ntwo three", 100.f, cells),
              (std::vector<std::string>{"one", "two three"}));
}

// With the window's font: every drawn line of a long validity sentence fits the panel.
TEST(TextWrap, imgui_lines_fit_the_panel_with_the_real_font) {
    test::HeadlessImGui gui;
    std::vector<std::string> lines;
    gui.frame([&] {
        lines = ui::wrap_lines(
            u8"成员不相连：张家村（130705100201）与李家村（130705100202）之间"
            u8"没有共同边界，覆盖率仅 80.1%。",
            200.f, [](std::string_view s) {
                return ImGui::CalcTextSize(s.data(), s.data() + s.size()).x;
            });
        for (const std::string& line : lines) {
            EXPECT_LE(ImGui::CalcTextSize(line.c_str()).x, 200.f) << line;
        }
    });
    ASSERT_GE(lines.size(), 2u);
    int with_percent = 0;
    for (const std::string& line : lines) {
        with_percent += line.find("80.1%") != std::string::npos ? 1 : 0;
    }
    EXPECT_EQ(with_percent, 1);
}

}  // namespace
}  // namespace beltplan
