// The status line: the last message (saved, exported, why something failed) for as long as it
// is true, beside the real saved state. A message belongs to the plan as it was when it was
// first shown and goes when the next edit changes the plan.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace beltplan::ui {

class StatusLine {
public:
    // A new message about the plan as it is now.
    StatusLine& operator=(std::string text);
    bool empty() const { return text_.empty(); }
    const std::string& text() const { return text_; }
    // The message to show for the plan at `plan_version`: the first call after a message
    // notes the version; "" once the plan has moved past it.
    std::string message(std::size_t plan_version);
    // "已保存" / "未保存" from the history's own saved mark, never from the last message.
    static std::string saved_state(bool dirty);

private:
    std::string text_;
    std::optional<std::size_t> version_;  // of the plan the message was first shown with
};

}  // namespace beltplan::ui
