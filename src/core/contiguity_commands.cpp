// Contiguity edit commands: validation first, then the edit list, keeping what was removed.
#include "core/contiguity_commands.h"

#include "core/messages.h"

#include <cstdint>

namespace beltplan::core {

namespace {

constexpr const char* kEdits = "contiguity_edits";

ChangeSet edit_change(const ContiguityEdit& e) {
    ChangeSet c;
    c.villages = {e.a};
    add_unique(c.villages, e.b);
    c.layers.push_back(kEdits);
    c.contiguity_changed = true;
    return c;
}

}  // namespace

Result<ChangeSet> AddContiguityEdit::apply(Plan& plan) {
    for (const std::string* code : {&edit_.a, &edit_.b}) {
        if (!has_village(plan, *code)) {
            return unknown_reference(kEdits, code == &edit_.a ? "a" : "b", "village", *code);
        }
    }
    if (edit_.a == edit_.b) {
        return make_error(ErrorCode::kBadValue, {"", kEdits, -1, "b"},
                          tr("commands.edit_same_village"));
    }
    plan.contiguity_edits.push_back(edit_);
    return edit_change(edit_);
}

ChangeSet AddContiguityEdit::revert(Plan& plan) {
    plan.contiguity_edits.pop_back();
    return edit_change(edit_);
}

std::string AddContiguityEdit::label() const {
    return (edit_.link ? "Link " : "Cut ") + edit_.a + " - " + edit_.b;
}

Result<ChangeSet> RemoveContiguityEdit::apply(Plan& plan) {
    if (index_ >= plan.contiguity_edits.size()) {
        return make_error(ErrorCode::kUnknownReference,
                          {"", kEdits, static_cast<std::int64_t>(index_ + 1), ""},
                          tr("commands.no_such_edit", {std::to_string(index_ + 1)}));
    }
    removed_ = plan.contiguity_edits[index_];
    plan.contiguity_edits.erase(plan.contiguity_edits.begin() +
                                static_cast<std::ptrdiff_t>(index_));
    return edit_change(removed_);
}

ChangeSet RemoveContiguityEdit::revert(Plan& plan) {
    plan.contiguity_edits.insert(
        plan.contiguity_edits.begin() + static_cast<std::ptrdiff_t>(index_), removed_);
    return edit_change(removed_);
}

std::string RemoveContiguityEdit::label() const {
    return "Remove contiguity edit " + std::to_string(index_ + 1);
}

}  // namespace beltplan::core
