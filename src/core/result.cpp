// Formatting of errors with their location.
#include "core/result.h"

namespace beltplan::core {

Error make_error(ErrorCode code, const Where& where, const std::string& what) {
    std::string loc;
    auto add = [&loc](const std::string& part) {
        if (!loc.empty()) {
            loc += ", ";
        }
        loc += part;
    };
    if (!where.file.empty()) {
        add(where.file);
    }
    if (!where.layer.empty()) {
        add("layer '" + where.layer + "'");
    }
    if (where.feature >= 0) {
        add("feature " + std::to_string(where.feature));
    }
    if (!where.field.empty()) {
        add("field '" + where.field + "'");
    }
    Error e;
    e.code = code;
    e.where = where;
    e.message = loc.empty() ? what : loc + ": " + what;
    return e;
}

}  // namespace beltplan::core
