// The import summary (issue 8 item 8): what a non-specialist checks before trusting the plan.
// Warnings that change an answer come first, then every layer found and the choice, each used
// layer's counts, encoding, CRS and fields with their reasons, the villages per township, every
// site row and how it matched, and the plan's CRS. All text comes from the catalogue.
#include "core/messages.h"
#include "io/field_map.h"
#include "io/import.h"

#include <algorithm>
#include <set>

namespace beltplan::io {

namespace {

constexpr std::size_t kMaxExamples = 5;

// Kinds that change an answer: a feature left out, moved, repaired or merged; a village
// placed by location or without township; a site placed by a reading or left out.
const std::set<std::string>& answer_kinds() {
    static const std::set<std::string> kKinds = {"skipped_missing_code",
                                                 "skipped_empty_geometry",
                                                 "skipped_wrong_geometry",
                                                 "skipped_invalid_polygon",
                                                 "skipped_transform_failed",
                                                 "skipped_no_seat",
                                                 "repaired_polygon",
                                                 "undecodable_text",
                                                 "unparsed_value",
                                                 "merged_parts",
                                                 "town_by_location",
                                                 "no_township",
                                                 "seat_far_from_village",
                                                 "seat_outside_village",
                                                 "seat_outside_township",
                                                 "seat_unplaceable",
                                                 "outlier_skipped",
                                                 "outside_china",
                                                 "old_datum",
                                                 "crs_recognised",
                                                 "site_datum_detected",
                                                 "site_datum_undecided",
                                                 "site_datum_assumed",
                                                 "site_outside_villages",
                                                 "site_not_in_its_village",
                                                 "site_unknown_village",
                                                 "site_unmatched",
                                                 "approximate_areas",
                                                 "codes_not_village"};
    return kKinds;
}

std::string field_label(const std::string& role, const std::string& target) {
    for (LayerRole r :
         {LayerRole::kVillages, LayerRole::kTownships, LayerRole::kRoads, LayerRole::kSites}) {
        if (role != role_name(r)) {
            continue;
        }
        for (const TargetField& f : target_fields(r)) {
            if (f.name == target) {
                return core::tr(f.label);
            }
        }
    }
    return target;
}

std::string role_words(const std::string& role) {
    for (LayerRole r :
         {LayerRole::kVillages, LayerRole::kTownships, LayerRole::kRoads, LayerRole::kSites}) {
        if (role == role_name(r)) {
            return role_label(r);
        }
    }
    return role;
}

void warnings_text(const std::vector<ImportWarning>& warnings, bool answers, std::string& out) {
    std::string body;
    for (const ImportWarning& w : warnings) {
        if (ImportReport::changes_answer(w.kind) != answers) {
            continue;
        }
        const std::string key = "import.w." + w.kind;
        const std::string title = core::has_message(key) ? core::tr(key) : w.kind;
        body += "  " + core::tr("import.sum.warning", {title, std::to_string(w.count)}) + "\n";
        for (const std::string& e : w.examples) {
            body += "    " + e + "\n";
        }
        if (w.count > static_cast<long long>(w.examples.size())) {
            body += "    " +
                    core::tr("import.sum.more", {std::to_string(w.count - w.examples.size())}) +
                    "\n";
        }
    }
    if (!body.empty()) {
        out += core::tr(answers ? "import.sum.answer_warnings" : "import.sum.notes") + "\n" + body;
    }
}

void layers_seen_text(const std::vector<LayerSeen>& seen, std::string& out) {
    if (seen.empty()) {
        return;
    }
    out += core::tr("import.sum.layers_found") + "\n";
    for (const LayerSeen& l : seen) {
        const std::string what =
            l.role.empty() ? l.why : core::tr("import.sum.used_as", {l.role, l.why});
        out += "  " +
               core::tr("import.sum.layer_seen",
                        {l.source, l.layer, l.geometry, std::to_string(l.features), what}) +
               "\n";
    }
}

std::string read_counts(const LayerSummary& l) {
    const std::string read =
        l.declared >= 0 ? core::tr("import.sum.read_of",
                                   {std::to_string(l.features_read), std::to_string(l.declared)})
                        : core::tr("import.sum.read", {std::to_string(l.features_read)});
    return core::tr("import.sum.features",
                    {read, std::to_string(l.imported), std::to_string(l.skipped)});
}

void layer_text(const LayerSummary& l, std::string& out) {
    out += core::tr("import.sum.layer", {role_words(l.role), l.source, l.layer, l.driver}) + "\n";
    out += "  " + read_counts(l) + "\n";
    out += "  " + core::tr("import.sum.encoding", {l.encoding.encoding, l.encoding.reason}) + "\n";
    const std::string crs = l.source_crs.empty() ? core::tr("import.none") : l.source_crs;
    out += "  " +
           (l.crs_reason.empty() ? core::tr("import.sum.crs", {crs})
                                 : core::tr("import.sum.crs_why", {crs, l.crs_reason})) +
           "\n";
    std::string fields;
    for (const auto& [target, source] : l.field_mapping) {
        std::string one = core::tr("import.sum.field", {field_label(l.role, target), source});
        const auto note = l.field_notes.find(target);
        if (note != l.field_notes.end()) {
            one += core::tr("import.sum.field_note", {note->second});
        }
        fields += (fields.empty() ? "" : core::tr("import.list_separator")) + one;
    }
    for (const auto& [target, note] : l.field_notes) {
        if (l.field_mapping.count(target) == 0) {
            fields += (fields.empty() ? "" : core::tr("import.list_separator")) +
                      core::tr("import.sum.field_derived", {field_label(l.role, target), note});
        }
    }
    out += "  " +
           core::tr("import.sum.fields", {fields.empty() ? core::tr("import.none") : fields}) +
           "\n";
    std::string names;
    for (const std::string& n : l.sample_names) {
        names += (names.empty() ? "" : ", ") + n;
    }
    out += "  " +
           core::tr("import.sum.samples", {names.empty() ? core::tr("import.none") : names}) + "\n";
}

void townships_text(const std::vector<TownshipCount>& towns, std::string& out) {
    if (towns.empty()) {
        return;
    }
    out += core::tr("import.sum.townships") + "\n";
    for (const TownshipCount& t : towns) {
        out += "  " +
               core::tr("import.sum.township",
                        {t.code, t.name == t.code ? std::string() : t.name,
                         std::to_string(t.villages), std::to_string(t.by_code),
                         std::to_string(t.by_location), std::to_string(t.sites)}) +
               "\n";
    }
}

std::string how_text(const SiteRow& r) {
    switch (r.how) {
        case SiteMatchHow::kPosition:
            return core::tr("import.how.position");
        case SiteMatchHow::kCode:
            return core::tr("import.how.code");
        case SiteMatchHow::kName:
            return core::tr("import.how.name");
        case SiteMatchHow::kTypo:
            return core::tr("import.how.typo", {r.note});
        case SiteMatchHow::kUnmatched:
            return core::tr("import.how.unmatched", {r.note});
        case SiteMatchHow::kAmbiguous: {
            std::string list;
            for (const std::string& c : r.candidates) {
                list += (list.empty() ? "" : ", ") + c;
            }
            return core::tr("import.how.ambiguous", {list});
        }
    }
    return "";
}

void site_rows_text(const std::vector<SiteRow>& rows, std::string& out) {
    if (rows.empty()) {
        return;
    }
    out += core::tr("import.sum.site_rows") + "\n";
    for (const SiteRow& r : rows) {
        const std::string village = r.village_code.empty()
                                        ? core::tr("import.sum.not_placed")
                                        : r.village_name + " (" + r.village_code + ")";
        out +=
            "  " +
            core::tr("import.sum.site_row", {std::to_string(r.row), r.site, village, how_text(r)}) +
            "\n";
    }
}

}  // namespace

void ImportReport::warn(const std::string& kind, const std::string& example) {
    for (ImportWarning& w : warnings) {
        if (w.kind == kind) {
            ++w.count;
            if (w.examples.size() < kMaxExamples) {
                w.examples.push_back(example);
            }
            return;
        }
    }
    warnings.push_back({kind, 1, {example}});
}

bool ImportReport::changes_answer(const std::string& kind) {
    return answer_kinds().count(kind) != 0;
}

std::vector<SiteRow> ImportReport::unmatched() const {
    std::vector<SiteRow> out;
    for (const SiteRow& r : site_rows) {
        if (r.how == SiteMatchHow::kUnmatched || r.how == SiteMatchHow::kAmbiguous) {
            out.push_back(r);
        }
    }
    return out;
}

std::string ImportReport::to_text() const {
    std::string out = core::tr("import.sum.title") + "\n";
    warnings_text(warnings, true, out);
    warnings_text(warnings, false, out);
    if (warnings.empty()) {
        out += core::tr("import.sum.no_warnings") + "\n";
    }
    layers_seen_text(layers_seen, out);
    for (const LayerSummary& l : layers) {
        layer_text(l, out);
    }
    townships_text(townships, out);
    site_rows_text(site_rows, out);
    out += core::tr("import.sum.target", {target_crs, target_reason}) + "\n";
    if (approximate_areas) {
        out += core::tr("import.sum.approximate") + "\n";
    }
    return out;
}

}  // namespace beltplan::io
