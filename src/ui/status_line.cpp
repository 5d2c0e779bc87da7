// StatusLine: a message and the plan version it was first shown with.
#include "ui/status_line.h"

#include "core/messages.h"

namespace beltplan::ui {

StatusLine& StatusLine::operator=(std::string text) {
    text_ = std::move(text);
    version_.reset();
    return *this;
}

std::string StatusLine::message(std::size_t plan_version) {
    if (text_.empty()) {
        return "";
    }
    if (!version_) {
        version_ = plan_version;
    }
    if (*version_ != plan_version) {
        text_.clear();
        return "";
    }
    return text_;
}

std::string StatusLine::saved_state(bool dirty) {
    return core::tr(dirty ? "window.state_unsaved" : "window.state_saved");
}

}  // namespace beltplan::ui
