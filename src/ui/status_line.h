// The status line: the last message (saved, exported, why something failed) for as long as it
// is true, and always the real saved state. A "saved" message goes when the next edit makes
// the plan unsaved again; an error stays until the next message.
#pragma once

#include <cstddef>
#include <string>

namespace beltplan::ui {

class StatusLine {
public:
    enum class Kind { kInfo, kSaved, kError };
    // A message about the plan as it is at `plan_version`.
    void post(std::string text, Kind kind, std::size_t plan_version);
    // The message to show for the plan at `plan_version`: "" once a kSaved or kInfo message is
    // older than the plan. Errors stay.
    std::string message(std::size_t plan_version) const;
    Kind kind() const { return kind_; }
    // "已保存" / "未保存" from the history's own saved mark, never from the last message.
    static std::string saved_state(bool dirty);

private:
    std::string text_;
    Kind kind_ = Kind::kInfo;
    std::size_t version_ = 0;
};

}  // namespace beltplan::ui
