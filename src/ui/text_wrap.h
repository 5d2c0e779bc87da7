// Wrapping sentences to a panel's width without breaking inside a number, a number with its
// unit ("80.1%", "3.2 km", "12个"), a Latin word or a path; Chinese text breaks between
// characters, but never before closing punctuation (，。）％) or after opening punctuation (（“).
// ImGui's TextWrapped breaks "80.1%" at the '.', which is why this exists.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace beltplan::ui {

// A piece of text a line never breaks inside. `space_before`: a space separated it from the
// previous piece (drawn inside a line, dropped at a line break). `newline_before`: the text
// had a line break before it.
struct WrapToken {
    std::string text;
    bool space_before = false;
    bool newline_before = false;
};

// The unbreakable pieces of a UTF-8 sentence, in order.
std::vector<WrapToken> wrap_tokens(std::string_view text);

// Width of a UTF-8 string, in the caller's unit (pixels for ImGui).
using MeasureText = std::function<float(std::string_view)>;

// The lines of `text` no wider than `width` (greedy). A single piece wider than `width` gets
// a line of its own and is cut between characters only then. Explicit '\n' are kept.
std::vector<std::string> wrap_lines(std::string_view text, float width, const MeasureText& measure);

// ImGui: draws `text` wrapped to the width left in the current window (or `width` when > 0).
void text_wrapped(std::string_view text, float width = 0.f);
// As text_wrapped, with a bullet in front and the lines indented after it.
void bullet_wrapped(std::string_view text);
// At most `max_lines` lines, the last ending in "…" when the text is longer; hovering shows
// the whole text wrapped in a tooltip. Returns true when the text was cut.
bool text_wrapped_limited(std::string_view text, int max_lines, float width = 0.f);

}  // namespace beltplan::ui
