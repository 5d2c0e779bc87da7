// Writing an import: the plan through the plan writer's safe save, then the site rows that
// could not be placed, as a CSV beside the plan for the user to fix (never placed at a guess).
#include "core/messages.h"
#include "core/safe_file.h"
#include "io/import.h"
#include "io/plan_file.h"

#include <filesystem>

namespace beltplan::io {

namespace {

// One CSV field: quoted when it holds a comma, quote or line break.
std::string csv(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        return text;
    }
    std::string out = "\"";
    for (char c : text) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

std::string unmatched_csv(const std::vector<SiteRow>& rows) {
    std::string out = "\xEF\xBB\xBF";  // UTF-8 BOM: Excel opens the Chinese text correctly
    out += core::tr("import.csv.header") + "\r\n";
    for (const SiteRow& r : rows) {
        std::string candidates;
        for (const std::string& c : r.candidates) {
            candidates += (candidates.empty() ? "" : "; ") + c;
        }
        const std::string problem = r.how == SiteMatchHow::kAmbiguous
                                        ? core::tr("import.csv.ambiguous")
                                        : core::tr("import.csv.unmatched");
        out += std::to_string(r.row) + "," + csv(r.site) + "," + csv(r.village_text) + "," +
               csv(r.township_text) + "," + csv(problem) + "," + csv(r.note) + "," +
               csv(candidates) + "\r\n";
    }
    return out;
}

}  // namespace

std::string unmatched_rows_path(const std::string& plan_path) {
    const std::filesystem::path p(plan_path);
    return (p.parent_path() / (p.stem().string() + ".unmatched_sites.csv")).string();
}

core::Status write_import(const ImportResult& result, const std::string& plan_path) {
    if (core::Status saved = write_plan(result.plan, plan_path); !saved) {
        return saved;
    }
    const std::vector<SiteRow> rows = result.report.unmatched();
    if (rows.empty()) {
        return core::Ok{};
    }
    return core::write_file_atomically(unmatched_rows_path(plan_path), unmatched_csv(rows));
}

}  // namespace beltplan::io
