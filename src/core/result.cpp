// Formatting of errors with their location.
#include "core/result.h"

#include "core/messages.h"

namespace beltplan::core {

Error make_error(ErrorCode code, const Where& where, const std::string& what) {
    std::string loc;
    auto add = [&loc](const std::string& part) {
        if (!loc.empty()) {
            loc += tr("where.separator");
        }
        loc += part;
    };
    if (!where.file.empty()) {
        add(where.file);
    }
    if (!where.layer.empty()) {
        add(tr("where.layer", {where.layer}));
    }
    if (where.feature >= 0) {
        add(tr("where.feature", {std::to_string(where.feature)}));
    }
    if (!where.field.empty()) {
        add(tr("where.field", {where.field}));
    }
    Error e;
    e.code = code;
    e.where = where;
    e.message = loc.empty() ? what : loc + tr("where.colon") + what;
    return e;
}

}  // namespace beltplan::core
