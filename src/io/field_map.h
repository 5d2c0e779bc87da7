// Field mapping: which source field feeds which plan attribute, from --field flags or by
// recognising the Chinese and English field names that county data really uses.
#pragma once

#include "core/result.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace beltplan::io {

// The role of a source layer in the plan.
enum class LayerRole { kVillages, kTownships, kRoads, kSites };

// "villages", "townships", "roads", "sites".
const char* role_name(LayerRole role);
// The role in the user's language (村 / villages), from the catalogue.
std::string role_label(LayerRole role);

// A plan attribute a layer can feed, with the source names that are recognised for it.
struct TargetField {
    std::string name;                  // "code", "name", "population", ...
    std::string label;                 // catalogue key of its words: "import.field.village_code"
    std::vector<std::string> aliases;  // in order of preference; ASCII compared case-insensitively
};

// The attributes of a role, in a fixed order.
const std::vector<TargetField>& target_fields(LayerRole role);

// Target field -> index of the source field that feeds it, and that field's name.
struct FieldMapping {
    std::map<std::string, int> index;
    std::map<std::string, std::string> source;
    std::set<std::string> explicit_targets;  // named with --field rather than recognised
    bool has(const std::string& target) const { return index.count(target) != 0; }
    // Index of the source field for `target`, or -1.
    int at(const std::string& target) const;
};

// Maps the layer's fields: explicit entries first (an unknown target or a source field the
// layer lacks is an Error listing what exists), then recognised names for the rest. Each
// source field feeds at most one target. `where` names file and layer for messages.
core::Result<FieldMapping> map_fields(LayerRole role, const std::vector<std::string>& layer_fields,
                                      const std::map<std::string, std::string>& explicit_fields,
                                      const core::Where& where);

// The one error for a required attribute with no field: it lists the layer's fields and the
// --field flag that would name one.
core::Error missing_field_error(LayerRole role, const std::string& target,
                                const std::vector<std::string>& layer_fields,
                                const core::Where& where);

// How many plan attributes these field names feed, over every role (to tell a row of headings
// from a title or data).
std::size_t recognised_fields(const std::vector<std::string>& names);

// "A, B, C" (or "(none)") for messages.
std::string join_field_names(const std::vector<std::string>& names);

}  // namespace beltplan::io
