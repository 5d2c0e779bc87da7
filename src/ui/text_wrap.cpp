// Word and number aware wrapping: the sentence is cut into unbreakable pieces (Latin words and
// numbers with their units, single Chinese characters with the punctuation that must stay
// beside them), then laid out greedily.
#include "ui/text_wrap.h"

#include <imgui.h>

#include <algorithm>
#include <cstdint>

namespace beltplan::ui {

namespace {

// One decoded code point and where it lies in the text.
struct Glyph {
    char32_t cp = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
};

// Decodes UTF-8; a malformed byte becomes one glyph of its own (drawn as ImGui draws it).
std::vector<Glyph> decode(std::string_view s) {
    std::vector<Glyph> out;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t n = b < 0x80         ? 1
                        : (b >> 5) == 6  ? 2
                        : (b >> 4) == 14 ? 3
                        : (b >> 3) == 30 ? 4
                                         : 1;
        if (i + n > s.size()) {
            n = 1;
        }
        char32_t cp = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
        for (std::size_t k = 1; k < n; ++k) {
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        }
        out.push_back({cp, i, i + n});
        i += n;
    }
    return out;
}

bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\r';
}

// Punctuation that never starts a line.
bool is_closing(char32_t c) {
    static const std::u32string kClosing =
        U",.;:!?)]}%\u3001\u3002\uFF0C\uFF0E\uFF1A\uFF1B\uFF01\uFF1F\uFF09\u300B\u300D\u300F"
        U"\u3011\u3015\u3009\u201D\u2019\uFF05\u2026\u00B7\u2030\u00B0\u00B2\u00B3\uFF5E";
    return kClosing.find(c) != std::u32string::npos;
}

// Punctuation that never ends a line.
bool is_opening(char32_t c) {
    static const std::u32string kOpening =
        U"([{\uFF08\u300A\u300C\u300E\u3010\u3014\u3008\u201C\u2018";
    return kOpening.find(c) != std::u32string::npos;
}

// Chinese, Japanese and Korean characters: a line may break on either side of each.
bool is_cjk(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) || c >= 0x20000;
}

bool ends_with_digit(const std::string& s) {
    return !s.empty() && s.back() >= '0' && s.back() <= '9';
}

// The text without the closing punctuation at its end ("km）" -> "km").
std::string strip_closing(const std::string& s) {
    std::size_t end = s.size();
    for (const Glyph& g : decode(s)) {
        if (!is_closing(g.cp)) {
            end = s.size();
        } else if (end == s.size()) {
            end = g.begin;
        }
    }
    return s.substr(0, end);
}

// Units written after a space ("3.2 km", "80 %").
bool is_spaced_unit(const std::string& word) {
    static const char* const kUnits[] = {
        "m",  "km", "km²",  "m²",     "%",      "ms",   "s",    "h",    "min",  "px",        "MB",
        "GB", "kB", u8"米", u8"公里", u8"万元", u8"元", u8"人", u8"个", u8"秒", u8"平方公里"};
    const std::string bare = strip_closing(word);
    return std::any_of(std::begin(kUnits), std::end(kUnits),
                       [&](const char* u) { return bare == u || word == u; });
}

// Units written straight after the number ("12个", "3公里").
const char* const kGluedUnits[] = {
    u8"平方公里", u8"公里", u8"千米", u8"万元", u8"万人", u8"分钟", u8"小时", u8"米", u8"元",
    u8"人",       u8"个",   u8"户",   u8"名",   u8"秒",   u8"年",   u8"天",   u8"条", u8"处",
    u8"座",       u8"倍",   u8"次",   u8"项",   u8"亩",   u8"村",   u8"岁"};

enum class Atom { kLatin, kCjk };

struct Builder {
    std::vector<WrapToken> tokens;
    std::vector<Atom> kinds;
    bool space = false;
    bool newline = false;
    bool glue_next = false;  // the last token ends with opening punctuation

    void start(std::string_view text, Atom kind) {
        if (glue_next && !space && !newline && !tokens.empty()) {
            tokens.back().text += text;
            kinds.back() = kind;
        } else {
            tokens.push_back({std::string(text), space, newline});
            kinds.push_back(kind);
        }
        glue_next = false;
        space = false;
        newline = false;
    }
    void append(std::string_view text) { tokens.back().text += text; }
};

// Joins "<number> <unit>" and "<number><Chinese unit>" into one piece.
std::vector<WrapToken> glue_units(std::vector<WrapToken> in, const std::vector<Atom>& kinds) {
    std::vector<WrapToken> out;
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (out.empty() || !ends_with_digit(out.back().text) || in[i].newline_before) {
            out.push_back(std::move(in[i]));
            continue;
        }
        if (in[i].space_before && is_spaced_unit(in[i].text)) {
            out.back().text += " " + in[i].text;
            continue;
        }
        if (!in[i].space_before && kinds[i] == Atom::kCjk) {
            // The longest known unit spelled by the next Chinese characters.
            std::size_t glued = 0;
            for (const char* unit : kGluedUnits) {
                const std::string_view u(unit);
                std::string spelled;
                for (std::size_t k = i; k < in.size() && kinds[k] == Atom::kCjk &&
                                        (k == i || (!in[k].space_before && !in[k].newline_before));
                     ++k) {
                    spelled += in[k].text;
                    if (strip_closing(spelled) == u) {
                        glued = std::max(glued, k - i + 1);
                        break;
                    }
                    if (spelled.size() >= u.size()) {
                        break;
                    }
                }
            }
            if (glued > 0) {
                for (std::size_t k = i; k < i + glued; ++k) {
                    out.back().text += in[k].text;
                }
                i += glued - 1;
                continue;
            }
        }
        out.push_back(std::move(in[i]));
    }
    return out;
}

// Cuts one piece wider than a line between characters.
std::vector<std::string> cut_long(const std::string& text, float width,
                                  const MeasureText& measure) {
    std::vector<std::string> lines;
    std::string line;
    for (const Glyph& g : decode(text)) {
        const std::string_view ch(text.data() + g.begin, g.end - g.begin);
        if (!line.empty() && measure(line + std::string(ch)) > width) {
            lines.push_back(line);
            line.clear();
        }
        line += ch;
    }
    if (!line.empty()) {
        lines.push_back(line);
    }
    return lines;
}

float available_width(float width) {
    return width > 0.f ? width : std::max(ImGui::GetContentRegionAvail().x, 40.f);
}

float imgui_measure(std::string_view s) {
    return ImGui::CalcTextSize(s.data(), s.data() + s.size()).x;
}

}  // namespace

std::vector<WrapToken> wrap_tokens(std::string_view text) {
    Builder b;
    for (const Glyph& g : decode(text)) {
        const std::string_view ch = text.substr(g.begin, g.end - g.begin);
        const bool joined = !b.tokens.empty() && !b.space && !b.newline;
        if (g.cp == U'\n') {
            b.newline = true;
            b.space = false;
        } else if (is_space(g.cp)) {
            b.space = true;
        } else if (is_closing(g.cp) && joined) {
            b.append(ch);
        } else if (is_opening(g.cp)) {
            const bool glue = b.glue_next && joined;
            if (glue) {
                b.append(ch);
            } else {
                b.start(ch, Atom::kCjk);
            }
            b.glue_next = true;
        } else if (is_cjk(g.cp)) {
            b.start(ch, Atom::kCjk);
        } else if (joined && b.kinds.back() == Atom::kLatin && !b.glue_next) {
            b.append(ch);
        } else {
            b.start(ch, Atom::kLatin);
        }
    }
    return glue_units(std::move(b.tokens), b.kinds);
}

std::vector<std::string> wrap_lines(std::string_view text, float width,
                                    const MeasureText& measure) {
    std::vector<std::string> lines;
    std::string line;
    float line_w = 0.f;
    bool open = false;  // a line has been started
    const float space_w = measure(" ");
    for (const WrapToken& t : wrap_tokens(text)) {
        if (t.newline_before && open) {
            lines.push_back(line);
            line.clear();
            line_w = 0.f;
        }
        const float w = measure(t.text);
        const float gap = line.empty() ? 0.f : (t.space_before ? space_w : 0.f);
        if (!line.empty() && line_w + gap + w > width) {
            lines.push_back(line);
            line.clear();
            line_w = 0.f;
        }
        open = true;
        if (line.empty() && w > width) {
            std::vector<std::string> cut = cut_long(t.text, width, measure);
            for (std::size_t i = 0; i + 1 < cut.size(); ++i) {
                lines.push_back(cut[i]);
            }
            line = cut.empty() ? std::string() : cut.back();
            line_w = measure(line);
            continue;
        }
        if (!line.empty() && t.space_before) {
            line += ' ';
            line_w += space_w;
        }
        line += t.text;
        line_w += w;
    }
    if (open) {
        lines.push_back(line);
    }
    return lines;
}

void text_wrapped(std::string_view text, float width) {
    for (const std::string& line : wrap_lines(text, available_width(width), imgui_measure)) {
        ImGui::TextUnformatted(line.c_str());
    }
}

void bullet_wrapped(std::string_view text) {
    ImGui::Bullet();
    ImGui::SameLine();
    ImGui::BeginGroup();
    text_wrapped(text);
    ImGui::EndGroup();
}

bool text_wrapped_limited(std::string_view text, int max_lines, float width) {
    const float w = available_width(width);
    std::vector<std::string> lines = wrap_lines(text, w, imgui_measure);
    const bool cut = static_cast<int>(lines.size()) > max_lines && max_lines > 0;
    if (cut) {
        lines.resize(static_cast<std::size_t>(max_lines));
        std::string& last = lines.back();
        const std::string ellipsis = u8"…";
        while (!last.empty() && imgui_measure(last + ellipsis) > w) {
            std::size_t n = last.size() - 1;
            while (n > 0 && (static_cast<unsigned char>(last[n]) & 0xC0) == 0x80) {
                --n;  // back to the first byte of the last character
            }
            last.resize(n);
        }
        last += ellipsis;
    }
    ImGui::BeginGroup();
    for (const std::string& line : lines) {
        ImGui::TextUnformatted(line.c_str());
    }
    ImGui::EndGroup();
    if (cut && ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        text_wrapped(text, ImGui::GetFontSize() * 24.f);
        ImGui::EndTooltip();
    }
    return cut;
}

}  // namespace beltplan::ui
