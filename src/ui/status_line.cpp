// StatusLine: a message with the plan version it was posted at.
#include "ui/status_line.h"

#include "core/messages.h"

namespace beltplan::ui {

void StatusLine::post(std::string text, Kind kind, std::size_t plan_version) {
    text_ = std::move(text);
    kind_ = kind;
    version_ = plan_version;
}

std::string StatusLine::message(std::size_t plan_version) const {
    if (kind_ != Kind::kError && plan_version != version_) {
        return "";
    }
    return text_;
}

std::string StatusLine::saved_state(bool dirty) {
    return core::tr(dirty ? "window.state_unsaved" : "window.state_saved");
}

}  // namespace beltplan::ui
